import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  TEST_FORMATTERS
} from "./chunk-HMYVGGHF.js";
import {
  SILENT_LOGGER,
  cliLogger,
  formatJson,
  formatJsonPieces,
  formatMarkdown,
  formatSarif,
  formatSarifPieces,
  formatText,
  formatWorkflowCommands,
  withDefaultRegion
} from "./chunk-QEBVYEGK.js";
import {
  profileRegion
} from "./chunk-BQLQTG4V.js";
import "./chunk-MIVE57P5.js";
import {
  readRules,
  rulesSchema,
  run,
  snapshot,
  testRules
} from "./chunk-FQF66HRS.js";
import {
  STANDARD_OUTPUT
} from "./chunk-HG5NVLVJ.js";
import {
  SILENT,
  progressLine
} from "./chunk-WQV3XTXC.js";
import {
  plural
} from "./chunk-7PTS3INL.js";
import {
  InputError,
  errorMessage,
  escapeJsonText,
  escapeLogText
} from "./chunk-2FU6VLII.js";
import "./chunk-YN24AXXT.js";

// src/config/color.ts
function forceColorLevel(value) {
  if (value === void 0) return void 0;
  if (value === "" || value === "true") return 1;
  if (value === "false") return 0;
  const level = Number.parseInt(value, 10);
  if (Number.isNaN(level) || level < 0) return void 0;
  return Math.min(level, 3);
}
function useColor(flag, env, stdoutIsTty) {
  if (flag !== null) return flag;
  const forced = forceColorLevel(env.FORCE_COLOR);
  if (forced !== void 0) return forced > 0;
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  return stdoutIsTty;
}

// src/report/formats/index.ts
var FORMATTERS = {
  text: formatText,
  json: (report) => formatJson(report),
  sarif: formatSarif,
  markdown: formatMarkdown,
  github: (report) => formatWorkflowCommands(report)
};
function formatPieces(format, report, options) {
  if (format === "json") return formatJsonPieces(report);
  if (format === "sarif") return formatSarifPieces(report, options);
  return [FORMATTERS[format](report, options)];
}

// src/rules/list.ts
function listRules(ruleSet) {
  if (ruleSet.rules.length === 0) return "no rules are enabled\n";
  const rows = [
    ["RULE", "SEVERITY", "SOURCE", "DESCRIPTION"],
    // The source (a file name) and the description are the user's text, printed to a terminal or a log.
    ...ruleSet.rules.map((rule) => [
      rule.id,
      rule.severity,
      escapeLogText(rule.source),
      escapeLogText(rule.description)
    ])
  ];
  const widths = [0, 1, 2].map(
    (column) => Math.max(...rows.map((row) => (row[column] ?? "").length))
  );
  return rows.map(
    (row) => row.map((cell, column) => column < 3 ? cell.padEnd(widths[column] ?? 0) : cell).join("  ")
  ).map((line) => `${line.trimEnd()}
`).join("");
}
function rulesJson(ruleSet) {
  const doc = {
    version: 1,
    rules: ruleSet.rules.map((rule) => ({
      id: rule.id,
      severity: rule.severity,
      source: rule.source,
      description: rule.description,
      help: rule.help,
      facts: rule.factPaths
    }))
  };
  return `${escapeJsonText(JSON.stringify(doc, null, 2))}
`;
}
function rulesSchemaText() {
  return `${JSON.stringify(rulesSchema(), null, 2)}
`;
}

// src/command-run.ts
function outputWriter(io, deps) {
  return async (file, text) => {
    if (file !== STANDARD_OUTPUT) return deps.writeFile(file, text);
    if (typeof text === "string") io.stdout(text);
    else for (const piece of text) io.stdout(piece);
  };
}
async function runCommand(args, io, deps) {
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
      const rules2 = await readRules(args.configFile, { ...deps, logger: SILENT_LOGGER });
      io.stdout(args.format === "json" ? rulesJson(rules2) : listRules(rules2));
    }
    return 0;
  }
  if (args.command === "merge") return runMerge(args.config, io, deps);
  const logger = cliLogger(io.stderr, {
    quiet: args.quiet,
    verbose: args.verbose || io.debug
  });
  const progress = io.stderrIsTty && !args.quiet ? progressLine(io.stderr, true) : args.verbose ? progressLine(io.stderr, false) : SILENT;
  const config = await withDefaultRegion(args.config, io.env ?? {}, profileRegion);
  if (args.command === "snapshot" && config.inventory) {
    const { inventory } = await import("./inventory-NYFATCPI.js");
    const { keys, usage, pairs } = await inventory(config, config.inventory, {
      ...deps,
      writeFile,
      logger,
      progress
    });
    const counts = `${usage.used} used, ${usage.unused} unused, ${usage.unknown} unknown, ${usage.unavailable} unavailable`;
    const unread = pairs.unavailable > 0 ? `, ${pairs.unavailable} could not be read` : "";
    io.stderr(
      `wrote the facts of ${plural(keys, "key")} in ${plural(pairs.read + pairs.unavailable, "account-region")} (${pairs.read} read${unread}) to ${outputName(config.saveFacts)}: ${counts}
`
    );
    return 0;
  }
  if (args.command === "snapshot") {
    const { keys, usage } = await snapshot(config, { ...deps, writeFile, logger, progress });
    const counts = `${usage.used} used, ${usage.unused} unused, ${usage.unknown} unknown, ${usage.unavailable} unavailable`;
    io.stderr(
      `wrote the facts of ${plural(keys, "key")} to ${outputName(config.saveFacts)}: ${counts}
`
    );
    return 0;
  }
  const { report, rules, rulesFile, failed } = await run(config, {
    ...deps,
    writeFile,
    logger,
    progress
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
    writeFile
  });
  return failed ? 1 : 0;
}
async function writeFormats(report, outputs, target) {
  const { color: stdoutColor, io, writeFile, ...options } = target;
  for (const output of outputs) {
    const color = output.file === null && stdoutColor;
    const pieces = formatPieces(output.format, report, { ...options, color });
    if (output.file === null) for (const piece of pieces) io.stdout(piece);
    else await writeOutput(output.file, pieces, writeFile);
  }
}
async function runMerge(config, io, deps) {
  const { merge, mergedSnapshotText } = await import("./merge-SOSULR3B.js");
  const logger = cliLogger(io.stderr, { quiet: false, verbose: io.debug });
  const result = await merge(config, { ...deps, logger });
  const writeFile = outputWriter(io, deps);
  if (result.kind === "snapshots") {
    if (config.output !== null) {
      await writeOutput(config.output, mergedSnapshotText(result.merged), writeFile);
    }
    const { snapshot: snapshot2 } = result.merged;
    const pairs = snapshot2.inventory?.pairs.length ?? 0;
    const where = outputName(config.output);
    const inventory = pairs > 0 ? ` of ${plural(pairs, "account-region")}` : "";
    if (result.note !== null)
      io.stderr(`${escapeLogText(result.note)}
`);
    io.stderr(`merged the facts of ${plural(snapshot2.keys.size, "key")}${inventory} into ${where}
`);
    return 0;
  }
  if (config.output !== null) {
    await writeOutput(
      config.output,
      formatPieces("json", result.report, { color: false }),
      writeFile
    );
  }
  const rules = config.outputs.length > 0 ? await readRules(config.configFile, { ...deps, logger: SILENT_LOGGER }) : null;
  await writeFormats(result.report, config.outputs, {
    rules: rules?.rules ?? [],
    color: useColor(null, io.env ?? {}, io.stdoutIsTty),
    io,
    cwd: deps.cwd,
    writeFile
  });
  return result.failed ? 1 : 0;
}
function outputName(file) {
  return file === STANDARD_OUTPUT ? "standard output" : escapeLogText(file ?? "");
}
async function writeOutput(file, text, writeFile) {
  try {
    await writeFile(file, text);
  } catch (cause) {
    throw new InputError(`cannot write output: ${errorMessage(cause)}`, file, null, { cause });
  }
}
export {
  runCommand
};
