/**
 * The commands, once their arguments are parsed: loaded by `command.ts` only when
 * one is asked for, so `--version` and `--help` load neither the pipeline nor yaml.
 */

import type { ParsedArgs } from "./config/cli-args.js";
import type { MergeConfig, OutputSpec } from "./config/config.js";
import { type Environment, withDefaultRegion } from "./config/region.js";
import { errorMessage, InputError } from "./errors.js";
import { escapeLogText } from "./log-text.js";
import { cliLogger, SILENT_LOGGER } from "./logging.js";
import type { Report } from "./model.js";
import { profileRegion } from "./node-deps.js";
import { type Deps, readRules, run, snapshot, testRules } from "./pipeline.js";
import { progressLine, SILENT } from "./progress.js";
import { FORMATTERS, type FormatOptions } from "./report/formats/index.js";
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
  if (args.command === "merge") return runMerge(args.config, io, deps);
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
  const inventoryFile = config.allKeys ? config.factsFile : null;
  await writeFormats(
    report,
    config.outputs,
    { rules: rules.rules, repoRoot: config.repoRoot, inventoryFile },
    io,
    deps,
  );
  return failed ? 1 : 0;
}

/** Each `--format` of the report, to standard output or its file. */
async function writeFormats(
  report: Report,
  outputs: readonly OutputSpec[],
  options: Omit<FormatOptions, "color" | "cwd">,
  io: CommandIo,
  deps: Omit<Deps, "logger">,
): Promise<void> {
  for (const output of outputs) {
    const color = output.file === null && io.stdoutIsTty;
    const text = FORMATTERS[output.format](report, { ...options, color, cwd: deps.cwd });
    if (output.file === null) io.stdout(text);
    else await writeOutput(output.file, text, deps);
  }
}

/**
 * `merge`: the merged snapshot or JSON report to `-o` (`-`: standard output), what merging
 * decided in one line on stderr, a merged report's formats; exit 1 when a merged report
 * has findings at or above `--fail-on`.
 */
async function runMerge(
  config: MergeConfig,
  io: CommandIo,
  deps: Omit<Deps, "logger">,
): Promise<number> {
  const { merge, mergedSnapshotText } = await import("./merge.js");
  const logger = cliLogger(io.stderr, { quiet: false, verbose: io.debug });
  const result = await merge(config, { ...deps, logger });
  if (result.kind === "snapshots") {
    const chunks = mergedSnapshotText(result.merged);
    if (config.output === "-") for (const chunk of chunks) io.stdout(chunk);
    else if (config.output !== null) await writeChunks(config.output, chunks, deps);
    const { snapshot } = result.merged;
    const pairs = snapshot.inventory?.pairs.length ?? 0;
    const where = config.output === "-" ? "standard output" : escapeLogText(config.output ?? "");
    const inventory = pairs > 0 ? ` of ${plural(pairs, "account-region")}` : "";
    if (result.note !== null)
      io.stderr(`${escapeLogText(result.note)}
`);
    io.stderr(`merged the facts of ${plural(snapshot.keys.size, "key")}${inventory} into ${where}
`);
    return 0;
  }
  const json = FORMATTERS.json(result.report, { color: false });
  if (config.output === "-") io.stdout(json);
  else if (config.output !== null) await writeOutput(config.output, json, deps);
  const rules =
    config.outputs.length > 0
      ? await readRules(config.configFile, { ...deps, logger: SILENT_LOGGER })
      : null;
  await writeFormats(result.report, config.outputs, { rules: rules?.rules ?? [] }, io, deps);
  return result.failed ? 1 : 0;
}

async function writeChunks(
  file: string,
  chunks: Iterable<string>,
  deps: Omit<Deps, "logger">,
): Promise<void> {
  try {
    if (deps.writeFileChunks) await deps.writeFileChunks(file, chunks);
    else await deps.writeFile(file, [...chunks].join(""));
  } catch (cause) {
    throw new InputError(`cannot write output: ${errorMessage(cause)}`, file, null, { cause });
  }
}

async function writeOutput(file: string, text: string, deps: Omit<Deps, "logger">): Promise<void> {
  try {
    await deps.writeFile(file, text);
  } catch (cause) {
    throw new InputError(`cannot write output: ${errorMessage(cause)}`, file, null, { cause });
  }
}
