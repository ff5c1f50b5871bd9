/**
 * The command line's whole behaviour as a function of its arguments and I/O, so
 * scenario tests can run it in-process; `cli.ts` only binds it to `process`.
 */

import { parseArgs } from "./config/cli-args.js";
import { type Environment, withDefaultRegion } from "./config/region.js";
import { describeFailure, errorMessage, InputError } from "./errors.js";
import { profileRegion } from "./facts/aws/sdk.js";
import { escapeLogLines, escapeLogText } from "./log-text.js";
import { cliLogger, SILENT_LOGGER } from "./logging.js";
import { type Deps, readRules, run, snapshot, testRules } from "./pipeline.js";
import { progressLine, SILENT } from "./progress.js";
import { FORMATTERS } from "./report/formats/index.js";
import { listRules, rulesSchemaText } from "./rules/list.js";
import { formatRuleTestResult } from "./rules/test-format.js";
import { plural } from "./show.js";

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
    const logger = cliLogger(io.stderr, {
      quiet: args.quiet,
      verbose: args.verbose || io.debug,
    });
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
        `wrote the facts of ${plural(keys, "key")} to ${escapeLogText(config.saveFacts ?? "")}: ${counts}\n`,
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
    const failure = describeFailure(error);
    const stack = io.debug && failure.stack ? `\n${failure.stack}` : "";
    // Each line made safe: a message of several lines (rules-file problems) keeps its breaks.
    io.stderr(`${escapeLogLines(`${failure.message}${stack}`)}\n`);
    return failure.exitCode;
  }
}

async function writeOutput(file: string, text: string, deps: Omit<Deps, "logger">): Promise<void> {
  try {
    await deps.writeFile(file, text);
  } catch (cause) {
    throw new InputError(`cannot write output: ${errorMessage(cause)}`, file, null, { cause });
  }
}
