/**
 * The command line's whole behaviour as a function of its arguments and I/O, so
 * scenario tests can run it in-process; `cli.ts` only binds it to `process`.
 */

import type { CommandIo } from "./command-run.js";
import { parseArgs } from "./config/cli-args.js";
import { describeFailure } from "./errors.js";
import { escapeLogLines } from "./log-text.js";
import type { Deps } from "./pipeline.js";

export type { CommandIo };

/** Runs the command line; resolves to the exit code (SPEC §7: 0 clean, 1 findings, 2 not evaluated). */
export async function main(
  argv: string[],
  io: CommandIo,
  deps: Omit<Deps, "logger">,
): Promise<number> {
  try {
    const args = parseArgs(argv, deps.tool.version, io);
    if (args.command === "done") return 0;
    // Loaded once a command is known: `--version` and `--help` need only the argument parser.
    const { runCommand } = await import("./command-run.js");
    return await runCommand(args, io, deps);
  } catch (error) {
    const failure = describeFailure(error);
    const stack = io.debug && failure.stack ? `\n${failure.stack}` : "";
    // Each line made safe: a message of several lines (rules-file problems) keeps its breaks.
    io.stderr(`${escapeLogLines(`${failure.message}${stack}`)}\n`);
    return failure.exitCode;
  }
}
