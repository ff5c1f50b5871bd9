/**
 * The commands, once their arguments are parsed: loaded by `command.ts` only when
 * one is asked for, so `--version` and `--help` load neither the pipeline nor yaml.
 */

import type { ParsedArgs } from "./config/cli-args.js";
import { type Environment, withDefaultRegion } from "./config/region.js";
import { errorMessage, InputError } from "./errors.js";
import { escapeLogText } from "./log-text.js";
import { cliLogger, SILENT_LOGGER } from "./logging.js";
import { profileRegion } from "./node-deps.js";
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

/** Runs a parsed command; resolves to the exit code, throws what `main` maps to one. */
export async function runCommand(
  args: Exclude<ParsedArgs, { command: "done" }>,
  io: CommandIo,
  deps: Omit<Deps, "logger">,
): Promise<number> {
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
  if (args.command === "snapshot" && config.inventory) {
    // Loaded only for an inventory: a pull request's snapshot needs none of it.
    const { inventory } = await import("./inventory.js");
    const { keys, usage, pairs } = await inventory(config, config.inventory, {
      ...deps,
      logger,
      progress,
    });
    const counts = `${usage.used} used, ${usage.unused} unused, ${usage.unknown} unknown, ${usage.unavailable} unavailable`;
    const unread = pairs.unavailable > 0 ? `, ${pairs.unavailable} could not be read` : "";
    io.stderr(
      `wrote the facts of ${plural(keys, "key")} in ${plural(pairs.read + pairs.unavailable, "account-region")} (${pairs.read} read${unread}) to ${escapeLogText(config.saveFacts ?? "")}: ${counts}\n`,
    );
    return 0;
  }
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
}

async function writeOutput(file: string, text: string, deps: Omit<Deps, "logger">): Promise<void> {
  try {
    await deps.writeFile(file, text);
  } catch (cause) {
    throw new InputError(`cannot write output: ${errorMessage(cause)}`, file, null, { cause });
  }
}
