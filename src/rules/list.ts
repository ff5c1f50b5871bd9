/**
 * `kms-usage-lint rules`: the rules in effect as an aligned table, and the
 * JSON Schemas for editors: of rules files (`--schema`) and of rule test files.
 */
import { escapeJsonText, escapeLogText } from "../log-text.js";
import { rulesSchema } from "./schema.js";
import { ruleTestsSchema } from "./test-schema.js";
import type { RuleSet } from "./types.js";

/**
 * One line per enabled rule, sorted by id: id, severity, where it comes from
 * (a pack name or a rules file) and its description, in aligned columns
 * under a header. Says so when no rule is enabled.
 */
export function listRules(ruleSet: RuleSet): string {
  if (ruleSet.rules.length === 0) return "no rules are enabled\n";
  const rows = [
    ["RULE", "SEVERITY", "SOURCE", "DESCRIPTION"],
    // The source (a file name) and the description are the user's text, printed to a terminal or a log.
    ...ruleSet.rules.map((rule) => [
      rule.id,
      rule.severity,
      escapeLogText(rule.source),
      escapeLogText(rule.description),
    ]),
  ];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  return rows
    .map((row) =>
      row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell)).join("  "),
    )
    .map((line) => `${line.trimEnd()}\n`)
    .join("");
}

/**
 * `rules --format json`, version 1: `{version, rules: [{id, severity, source,
 * description, help, facts}]}`, sorted by id; `help` null when the rule has none,
 * `facts` the fact paths its condition reads.
 */
export function rulesJson(ruleSet: RuleSet): string {
  const doc = {
    version: 1,
    rules: ruleSet.rules.map((rule) => ({
      id: rule.id,
      severity: rule.severity,
      source: rule.source,
      description: rule.description,
      help: rule.help,
      facts: rule.factPaths,
    })),
  };
  return `${escapeJsonText(JSON.stringify(doc, null, 2))}\n`;
}

/** The rules-file JSON Schema as `rules --schema` prints it and schemas/rules.schema.json holds it. */
export function rulesSchemaText(): string {
  return `${JSON.stringify(rulesSchema(), null, 2)}\n`;
}

/** The rule-test-file JSON Schema, as schemas/rule-tests.schema.json holds it. */
export function ruleTestsSchemaText(): string {
  return `${JSON.stringify(ruleTestsSchema(), null, 2)}\n`;
}
