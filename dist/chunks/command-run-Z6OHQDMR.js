import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  TEST_FORMATTERS
} from "./chunk-RMNZGFGH.js";
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
  readRules,
  rulesSchema,
  run,
  snapshot,
  testRules,
  withDefaultRegion
} from "./chunk-JDLTVP4L.js";
import {
  STANDARD_OUTPUT,
  profileRegion
} from "./chunk-BH2UOMHA.js";
import {
  SILENT,
  progressLine
} from "./chunk-RXMT676W.js";
import {
  plural
} from "./chunk-D22HNEAB.js";
import {
  InputError,
  errorMessage,
  escapeJsonText,
  escapeLogText
} from "./chunk-2FU6VLII.js";
import "./chunk-MIVE57P5.js";
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
async function runCommand(args, io, deps) {
  const writeFile = async (file, text) => {
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
      const rules2 = await readRules(args.configFile, { ...deps, logger: SILENT_LOGGER });
      io.stdout(args.format === "json" ? rulesJson(rules2) : listRules(rules2));
    }
    return 0;
  }
  const logger = cliLogger(io.stderr, {
    quiet: args.quiet,
    verbose: args.verbose || io.debug
  });
  const progress = io.stderrIsTty && !args.quiet ? progressLine(io.stderr, true) : args.verbose ? progressLine(io.stderr, false) : SILENT;
  const config = await withDefaultRegion(args.config, io.env ?? {}, profileRegion);
  if (args.command === "snapshot") {
    const { keys, usage } = await snapshot(config, { ...deps, writeFile, logger, progress });
    const counts = `${usage.used} used, ${usage.unused} unused, ${usage.unknown} unknown, ${usage.unavailable} unavailable`;
    const where = config.saveFacts === STANDARD_OUTPUT ? "standard output" : escapeLogText(config.saveFacts ?? "");
    io.stderr(`wrote the facts of ${plural(keys, "key")} to ${where}: ${counts}
`);
    return 0;
  }
  const { report, rules, rulesFile, failed } = await run(config, {
    ...deps,
    writeFile,
    logger,
    progress
  });
  const stdoutColor = useColor(args.color, io.env ?? {}, io.stdoutIsTty);
  for (const output of config.outputs) {
    const color = output.file === null && stdoutColor;
    const pieces = formatPieces(output.format, report, {
      color,
      rules: rules.rules,
      cwd: deps.cwd,
      repoRoot: config.repoRoot,
      category: config.sarifCategory,
      anchorFiles: rulesFile === null ? [] : [rulesFile]
    });
    if (output.file === null) for (const piece of pieces) io.stdout(piece);
    else await writeOutput(output.file, pieces, writeFile);
  }
  return failed ? 1 : 0;
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
