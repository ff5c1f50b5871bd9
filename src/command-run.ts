/**
 * The commands, once their arguments are parsed: loaded by `command.ts` only when
 * one is asked for, so `--version` and `--help` load neither the pipeline nor yaml.
 */

import type { ParsedArgs } from "./config/cli-args.js";
import { useColor } from "./config/color.js";
import { STANDARD_OUTPUT } from "./config/config.js";
import { type Environment, withDefaultRegion } from "./config/region.js";
import { errorMessage, InputError } from "./errors.js";
import { escapeLogText } from "./log-text.js";
import { cliLogger, SILENT_LOGGER } from "./logging.js";
import { profileRegion } from "./node-deps.js";
import { type Deps, readRules, run, snapshot, testRules } from "./pipeline.js";
import { progressLine, SILENT } from "./progress.js";
import { formatPieces } from "./report/formats/index.js";
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

/** Runs a parsed command; resolves to the exit code, throws what `main` maps to one. */
export async function runCommand(
  args: Exclude<ParsedArgs, { command: "done" }>,
  io: CommandIo,
  deps: Omit<Deps, "logger">,
): Promise<number> {
  // Every file a command writes (reports, the facts snapshot) goes through here: `-` is stdout.
  const writeFile = async (file: string, text: string | Iterable<string>) => {
    if (file !== STANDARD_OUTPUT) return deps.writeFile(file, text);
    if (typeof text === "string") io.stdout(text);
    else for (const piece of text) io.stdout(piece);
  };
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
    const { keys, usage } = await snapshot(config, { ...deps, writeFile, logger, progress });
    const counts = `${usage.used} used, ${usage.unused} unused, ${usage.unknown} unknown, ${usage.unavailable} unavailable`;
    const where =
      config.saveFacts === STANDARD_OUTPUT
        ? "standard output"
        : escapeLogText(config.saveFacts ?? "");
    io.stderr(`wrote the facts of ${plural(keys, "key")} to ${where}: ${counts}\n`);
    return 0;
  }
  const { report, rules, rulesFile, failed } = await run(config, {
    ...deps,
    writeFile,
    logger,
    progress,
  });
  // Files are never coloured: a file is read later, by tools that do not expect ANSI.
  const stdoutColor = useColor(args.color, io.env ?? {}, io.stdoutIsTty);
  for (const output of config.outputs) {
    const color = output.file === null && stdoutColor;
    // Written as made: a JSON report of many keys is tens of MB.
    const pieces = formatPieces(output.format, report, {
      color,
      rules: rules.rules,
      cwd: deps.cwd,
      repoRoot: config.repoRoot,
      category: config.sarifCategory,
      anchorFiles: rulesFile === null ? [] : [rulesFile],
    });
    if (output.file === null) for (const piece of pieces) io.stdout(piece);
    else await writeOutput(output.file, pieces, writeFile);
  }
  return failed ? 1 : 0;
}

async function writeOutput(
  file: string,
  text: string | Iterable<string>,
  writeFile: (file: string, text: string | Iterable<string>) => Promise<void>,
): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (cause) {
    throw new InputError(`cannot write output: ${errorMessage(cause)}`, file, null, { cause });
  }
}
