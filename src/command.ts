/**
 * The command line's whole behaviour as a function of its arguments and I/O, so
 * scenario tests can run it in-process; `cli.ts` only binds it to `process`.
 */
import { parseArgs } from "./config/cli-args.js";
import { type Environment, withDefaultRegion } from "./config/region.js";
import { profileRegion } from "./facts/aws/sdk.js";
import { escapeLogLines, escapeLogText } from "./log-text.js";
import { EvidenceError, InputError } from "./model.js";
import { type Deps, readRules, run, snapshot, testRules } from "./pipeline.js";
import { progressLine, SILENT } from "./progress.js";
import { FORMATTERS } from "./report/formats/index.js";
import { listRules, rulesSchemaText } from "./rules/list.js";
import { formatRuleTestResult } from "./rules/test-format.js";

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour only on a terminal. */
  stdoutIsTty: boolean;
  /** The progress line is drawn only on a terminal (or with --verbose). */
  stderrIsTty: boolean;
  /** `DEBUG=kms-usage-lint` shows stack traces. */
  debug: boolean;
  /**
   * The environment, for the region's defaults (AWS_REGION, AWS_DEFAULT_REGION, the
   * profile's); absent: none of them.
   */
  env?: Environment;
}

const SILENT_LOGGER = { info: () => {}, warn: () => {}, debug: () => {} };

/** Runs the command line; resolves to the exit code (SPEC §7: 0 clean, 1 findings, 2 not evaluated). */
export async function main(
  argv: string[],
  io: CommandIo,
  deps: Omit<Deps, "logger">,
): Promise<number> {
  try {
    const args = parseArgs(argv, deps.tool.version, io);
    if (args.command === "done") return 0;
    if (args.command === "test") {
      const result = await testRules(args.paths, args.now, { ...deps, logger: SILENT_LOGGER });
      io.stdout(formatRuleTestResult(result));
      return result.failures.length > 0 ? 1 : 0;
    }
    if (args.command === "rules") {
      io.stdout(
        args.schema
          ? rulesSchemaText()
          : listRules(await readRules(args.configFile, { ...deps, logger: SILENT_LOGGER })),
      );
      return 0;
    }
    // Messages quote inputs (file names, addresses, AWS answers): escaped, one line each.
    const logger = {
      // What a directory search found: a line on stderr, so that stdout stays the report.
      info: (message: string) => {
        if (!args.quiet) io.stderr(`${escapeLogText(message)}\n`);
      },
      warn: (message: string) => {
        if (!args.quiet) io.stderr(`warning: ${escapeLogText(message)}\n`);
      },
      // Notes (what was left unresolved on purpose) only when asked for.
      debug: (message: string) => {
        if ((args.verbose || io.debug) && !args.quiet)
          io.stderr(`note: ${escapeLogText(message)}\n`);
      },
    };
    const progress =
      io.stderrIsTty && !args.quiet
        ? progressLine(io.stderr, true)
        : args.verbose
          ? progressLine(io.stderr, false)
          : SILENT;
    const config = await withDefaultRegion(args.config, io.env ?? {}, profileRegion);
    if (args.command === "snapshot") {
      const { keys, usage } = await snapshot(config, { ...deps, logger, progress });
      const counts = `${usage.used} used, ${usage.unused} unused, ${usage.unknown} unknown, ${usage.unavailable} unavailable`;
      io.stderr(
        `wrote the facts of ${keys} key${keys === 1 ? "" : "s"} to ${escapeLogText(config.saveFacts ?? "")}: ${counts}\n`,
      );
      return 0;
    }
    const { report, rules, failed } = await run(config, { ...deps, logger, progress });
    for (const output of config.outputs) {
      const color = output.file === null && io.stdoutIsTty;
      const text = FORMATTERS[output.format](report, {
        color,
        rules: rules.rules,
        cwd: deps.cwd,
        repoRoot: config.repoRoot,
      });
      if (output.file === null) io.stdout(text);
      else await writeOutput(output.file, text, deps);
    }
    return failed ? 1 : 0;
  } catch (error) {
    // Each line made safe: a message of several lines (rules-file problems) keeps its breaks.
    io.stderr(`${escapeLogLines(describeFailure(error, io.debug))}\n`);
    return 2;
  }
}

async function writeOutput(file: string, text: string, deps: Omit<Deps, "logger">): Promise<void> {
  try {
    await deps.writeFile(file, text);
  } catch (cause) {
    throw new InputError(`cannot write output: ${(cause as Error).message}`, file, null, { cause });
  }
}

/** One paragraph for the user; the stack only when asked for. */
function describeFailure(error: unknown, debug: boolean): string {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  if (error instanceof InputError || error instanceof EvidenceError) {
    return `kms-usage-lint: ${error.describe()}${stack}`;
  }
  const message = escapeLogText(error instanceof Error ? error.message : String(error));
  return `kms-usage-lint: internal error: ${message}. This is a bug; please report it with DEBUG=kms-usage-lint set for the stack trace.${stack}`;
}
