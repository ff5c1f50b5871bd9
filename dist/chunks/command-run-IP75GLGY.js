import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  SILENT_LOGGER,
  cliLogger,
  formatJson,
  formatMarkdown,
  formatSarif,
  formatText,
  formatWorkflowCommands,
  readRules,
  rulesSchema,
  run,
  snapshot,
  testRules,
  withDefaultRegion
} from "./chunk-F32NQ7GQ.js";
import {
  profileRegion
} from "./chunk-LMKBPLLH.js";
import {
  SILENT,
  progressLine
} from "./chunk-K6ZDGI3I.js";
import {
  InputError,
  errorMessage,
  escapeLogText,
  plural
} from "./chunk-A267HEZT.js";
import "./chunk-MIVE57P5.js";
import "./chunk-YN24AXXT.js";

// src/report/formats/index.ts
var FORMATTERS = {
  text: formatText,
  json: (report) => formatJson(report),
  sarif: formatSarif,
  markdown: formatMarkdown,
  github: (report) => formatWorkflowCommands(report)
};

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
function rulesSchemaText() {
  return `${JSON.stringify(rulesSchema(), null, 2)}
`;
}

// src/rules/test-format.ts
function formatRuleTestResult(result) {
  const { files, cases, failures } = result;
  const blocks = failures.map(
    (failure) => `FAIL ${escapeLogText(failure.file)}:${failure.line} ${escapeLogText(failure.case)}
${failure.diff}
`
  );
  const counted = `${plural(cases, "case")} in ${plural(files, "file")}`;
  const summary = failures.length === 0 ? `${counted}: all passed` : `${counted}: ${cases - failures.length} passed, ${failures.length} failed`;
  return `${blocks.map((block) => `${block}
`).join("")}${summary}
`;
}

// src/command-run.ts
async function runCommand(args, io, deps) {
  if (args.command === "test") {
    const result = await testRules(args.paths, args.now, { ...deps, logger: SILENT_LOGGER });
    io.stdout(formatRuleTestResult(result));
    return result.failures.length > 0 ? 1 : 0;
  }
  if (args.command === "rules") {
    io.stdout(
      args.schema ? rulesSchemaText() : listRules(await readRules(args.configFile, { ...deps, logger: SILENT_LOGGER }))
    );
    return 0;
  }
  const logger = cliLogger(io.stderr, {
    quiet: args.quiet,
    verbose: args.verbose || io.debug
  });
  const progress = io.stderrIsTty && !args.quiet ? progressLine(io.stderr, true) : args.verbose ? progressLine(io.stderr, false) : SILENT;
  const config = await withDefaultRegion(args.config, io.env ?? {}, profileRegion);
  if (args.command === "snapshot") {
    const { keys, usage } = await snapshot(config, { ...deps, logger, progress });
    const counts = `${usage.used} used, ${usage.unused} unused, ${usage.unknown} unknown, ${usage.unavailable} unavailable`;
    io.stderr(
      `wrote the facts of ${plural(keys, "key")} to ${escapeLogText(config.saveFacts ?? "")}: ${counts}
`
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
      repoRoot: config.repoRoot
    });
    if (output.file === null) io.stdout(text);
    else await writeOutput(output.file, text, deps);
  }
  return failed ? 1 : 0;
}
async function writeOutput(file, text, deps) {
  try {
    await deps.writeFile(file, text);
  } catch (cause) {
    throw new InputError(`cannot write output: ${errorMessage(cause)}`, file, null, { cause });
  }
}
export {
  runCommand
};
