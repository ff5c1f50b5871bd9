/**
 * The commands, once their arguments are parsed: loaded by `command.ts` only when
 * one is asked for, so `--version` and `--help` load neither the pipeline nor yaml.
 */

import type { ParsedArgs } from "./config/cli-args.js";
import { useColor } from "./config/color.js";
import { type MergeConfig, type OutputSpec, STANDARD_OUTPUT } from "./config/config.js";
import { type Environment, withDefaultRegion } from "./config/region.js";
import { errorMessage, InputError } from "./errors.js";
import { escapeLogText } from "./log-text.js";
import { cliLogger, SILENT_LOGGER } from "./logging.js";
import type { Report } from "./model.js";
import { profileRegion } from "./node-deps.js";
import { type Deps, readRules, run, snapshot, testRules } from "./pipeline.js";
import { progressLine, SILENT } from "./progress.js";
import { type FormatOptions, formatPieces } from "./report/formats/index.js";
import { listRules, rulesJson, rulesSchemaText } from "./rules/list.js";
import { TEST_FORMATTERS } from "./rules/test-format.js";
import { plural } from "./show.js";

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal: colour's last resort (config/color.ts). */
  stdoutIsTty: boolean;
  /** The progress line is drawn only on a terminal (or with --verbose). */
  stderrIsTty: boolean;
  /** `DEBUG=kms-usage-lint` shows stack traces. */
  debug: boolean;
  /**
   * The environment, for the region's defaults (AWS_REGION, AWS_DEFAULT_REGION, the
   * profile's) and colour (FORCE_COLOR, NO_COLOR); absent: none of them.
   */
  env?: Environment;
}

type OutputWriter = (file: string, text: string | Iterable<string>) => Promise<void>;

/** Every file a command writes (reports, snapshots, merged files) goes through here: `-` is stdout. */
function outputWriter(io: CommandIo, deps: Omit<Deps, "logger">): OutputWriter {
  return async (file, text) => {
    if (file !== STANDARD_OUTPUT) return deps.writeFile(file, text);
    if (typeof text === "string") io.stdout(text);
    else for (const piece of text) io.stdout(piece);
  };
}

/** Runs a parsed command; resolves to the exit code, throws what `main` maps to one. */
export async function runCommand(
  args: Exclude<ParsedArgs, { command: "done" }>,
  io: CommandIo,
  deps: Omit<Deps, "logger">,
): Promise<number> {
  const writeFile = outputWriter(io, deps);
  if (args.command === "test") {
    const result = await testRules(args.paths, args.now, { ...deps, logger: SILENT_LOGGER });
    for (const output of args.outputs) {
      const text = TEST_FORMATTERS[output.format](result);
      if (output.file === null) io.stdout(text);
      else await writeOutput(output.file, text, writeFile);
    }
    return result.failures.length > 0 ? 1 : 0;
  }
  if (args.command === "rules") {
    if (args.schema) io.stdout(rulesSchemaText());
    else {
      const rules = await readRules(args.configFile, { ...deps, logger: SILENT_LOGGER });
      io.stdout(args.format === "json" ? rulesJson(rules) : listRules(rules));
    }
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
      writeFile,
      logger,
      progress,
    });
    const counts = `${usage.used} used, ${usage.unused} unused, ${usage.unknown} unknown, ${usage.unavailable} unavailable`;
    const unread = pairs.unavailable > 0 ? `, ${pairs.unavailable} could not be read` : "";
    io.stderr(
      `wrote the facts of ${plural(keys, "key")} in ${plural(pairs.read + pairs.unavailable, "account-region")} (${pairs.read} read${unread}) to ${outputName(config.saveFacts)}: ${counts}\n`,
    );
    return 0;
  }
  if (args.command === "snapshot") {
    const { keys, usage } = await snapshot(config, { ...deps, writeFile, logger, progress });
    const counts = `${usage.used} used, ${usage.unused} unused, ${usage.unknown} unknown, ${usage.unavailable} unavailable`;
    io.stderr(
      `wrote the facts of ${plural(keys, "key")} to ${outputName(config.saveFacts)}: ${counts}\n`,
    );
    return 0;
  }
  const { report, rules, rulesFile, failed } = await run(config, {
    ...deps,
    writeFile,
    logger,
    progress,
  });
  await writeFormats(report, config.outputs, {
    rules: rules.rules,
    repoRoot: config.repoRoot,
    category: config.sarifCategory,
    anchorFiles: rulesFile === null ? [] : [rulesFile],
    // Keys only the inventory found are shown at its snapshot: code scanning needs a file.
    inventoryFile: config.allKeys ? config.factsFile : null,
    color: useColor(args.color, io.env ?? {}, io.stdoutIsTty),
    io,
    cwd: deps.cwd,
    writeFile,
  });
  return failed ? 1 : 0;
}

/** Where a command's reports go, and how: colour for standard output only. */
interface FormatTarget extends Omit<FormatOptions, "color" | "cwd"> {
  /** Whether the text report on standard output is coloured. */
  color: boolean;
  io: CommandIo;
  cwd: string;
  writeFile: OutputWriter;
}

/** Each `--format` of the report, to standard output or its file, written as made. */
async function writeFormats(
  report: Report,
  outputs: readonly OutputSpec[],
  target: FormatTarget,
): Promise<void> {
  const { color: stdoutColor, io, writeFile, ...options } = target;
  for (const output of outputs) {
    // Files are never coloured: a file is read later, by tools that do not expect ANSI.
    const color = output.file === null && stdoutColor;
    // Written as made: a JSON report of many keys is tens of MB.
    const pieces = formatPieces(output.format, report, { ...options, color });
    if (output.file === null) for (const piece of pieces) io.stdout(piece);
    else await writeOutput(output.file, pieces, writeFile);
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
  const writeFile = outputWriter(io, deps);
  if (result.kind === "snapshots") {
    if (config.output !== null) {
      await writeOutput(config.output, mergedSnapshotText(result.merged), writeFile);
    }
    const { snapshot } = result.merged;
    const pairs = snapshot.inventory?.pairs.length ?? 0;
    const where = outputName(config.output);
    const inventory = pairs > 0 ? ` of ${plural(pairs, "account-region")}` : "";
    if (result.note !== null)
      io.stderr(`${escapeLogText(result.note)}
`);
    io.stderr(`merged the facts of ${plural(snapshot.keys.size, "key")}${inventory} into ${where}
`);
    return 0;
  }
  if (config.output !== null) {
    await writeOutput(
      config.output,
      formatPieces("json", result.report, { color: false }),
      writeFile,
    );
  }
  const rules =
    config.outputs.length > 0
      ? await readRules(config.configFile, { ...deps, logger: SILENT_LOGGER })
      : null;
  await writeFormats(result.report, config.outputs, {
    rules: rules?.rules ?? [],
    color: useColor(null, io.env ?? {}, io.stdoutIsTty),
    io,
    cwd: deps.cwd,
    writeFile,
  });
  return result.failed ? 1 : 0;
}

/** A file written to, as the summary line names it. */
function outputName(file: string | null): string {
  return file === STANDARD_OUTPUT ? "standard output" : escapeLogText(file ?? "");
}

async function writeOutput(
  file: string,
  text: string | Iterable<string>,
  writeFile: OutputWriter,
): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (cause) {
    throw new InputError(`cannot write output: ${errorMessage(cause)}`, file, null, { cause });
  }
}
