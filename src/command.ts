/**
 * The command line's whole behaviour as a function of its arguments and I/O, so
 * scenario tests can run it in-process; `cli.ts` only binds it to `process`.
 */

import { resolve } from "node:path";
import type { CommandIo } from "./command-run.js";
import { helpText, mistypedCommand, parseArgs } from "./config/cli-args.js";
import { describeFailure, NoInputsError } from "./errors.js";
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
    const mistyped = await mistypedCommand(argv, (path) =>
      deps.fileExists(resolve(deps.cwd, path)),
    );
    if (mistyped !== null) throw mistyped;
    const args = parseArgs(argv, deps.tool.version, io);
    if (args.command === "done") return 0;
    // Loaded once a command is known: `--version` and `--help` need only the argument parser.
    const { runCommand } = await import("./command-run.js");
    return await runCommand(args, io, deps);
  } catch (error) {
    // Bare `kms-usage-lint` where there is nothing to check: the user may not know
    // the tool yet. Show what it can do (on stderr, as commander does when it
    // cannot run anything), then why it did not run.
    if (argv.length === 0 && error instanceof NoInputsError) {
      io.stderr(`${helpText(deps.tool.version)}\n`);
    }
    const failure = describeFailure(error);
    const stack = io.debug && failure.stack ? `\n${failure.stack}` : "";
    // Each line made safe: a message of several lines (rules-file problems) keeps its breaks.
    io.stderr(`${escapeLogLines(`${failure.message}${stack}`)}\n`);
    return failure.exitCode;
  }
}
