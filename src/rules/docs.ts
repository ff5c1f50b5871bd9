/**
 * docs/rules.md, generated from the fact catalog, the operator schema, the
 * rule-test schema and the built-in rules, so the reference cannot drift
 * from the code (test/rules/docs.test.ts compares the committed file).
 */
import { BUILTIN_PACKS } from "./builtin.js";
import { FACT_PATHS, FACTS } from "./catalog.js";
import { loadRules } from "./load.js";
import { OPERATORS } from "./operators.js";
import { MAX_EXTENDED_FILES } from "./read.js";
import { rulesSchema } from "./schema.js";
import { ruleTestsSchema } from "./test-schema.js";

type Schema = Record<string, unknown>;

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replaceAll("|", "\\|").trim();
}

/** Characters as a reader counts them (code points, not UTF-16 units). */
function width(text: string): number {
  return [...text].length;
}

/** A Markdown table with padded columns, as Biome's formatter lays them out (so `biome check` passes). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = rows.map((row) => row.map(cell));
  const widths = header.map((title, column) =>
    Math.max(width(title), 3, ...body.map((row) => width(row[column] ?? ""))),
  );
  const line = (row: readonly string[]) =>
    `| ${row.map((text, column) => text + " ".repeat((widths[column] ?? 0) - width(text))).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

function properties(schema: unknown): Record<string, Schema> {
  const props = (schema as Schema | undefined)?.properties;
  return (props ?? {}) as Record<string, Schema>;
}

/** What a schema property accepts, in a few words. */
function accepts(schema: Schema): string {
  if (Array.isArray(schema.enum))
    return schema.enum.map((value) => (value === null ? "null" : `\`${value}\``)).join(", ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : String(schema.type ?? "");
  if (type === "integer") return "whole number ≥ 0";
  if (type === "array") return "list";
  if (type === "object") return "map";
  return type;
}

function fieldTable(schema: unknown, prefix = ""): string {
  const rows = Object.entries(properties(schema)).map(([name, property]) => [
    `\`${prefix}${name}\``,
    accepts(property),
    typeof property.description === "string" ? property.description : "",
  ]);
  return table(["field", "value", "meaning"], rows);
}

/** The rule's YAML as written, without the editor schema comment. */
function ruleSource(text: string): string {
  return text
    .split("\n")
    .filter((line) => !line.startsWith("# yaml-language-server:"))
    .join("\n")
    .trim();
}

function builtinRulesSection(): string {
  const recommended = BUILTIN_PACKS.recommended ?? [];
  const ruleSet = loadRules([{ file: "(docs)", text: "extends: [recommended]\n" }], BUILTIN_PACKS);
  const summary = table(
    ["rule", "severity", "description"],
    ruleSet.rules.map((rule) => [`[\`${rule.id}\`](#${rule.id})`, rule.severity, rule.description]),
  );
  const details = ruleSet.rules.map((rule) => {
    const file = recommended.find((input) => input.file === `rules/${rule.id}.yml`);
    return [
      `### ${rule.id}`,
      `**${rule.severity}** — ${rule.description}`,
      rule.help ?? "",
      `Defined in \`rules/${rule.id}.yml\`, tested by \`rules/${rule.id}.test.yml\`:`,
      `\`\`\`yaml\n${ruleSource(file?.text ?? "")}\n\`\`\``,
    ].join("\n\n");
  });
  return [summary, ...details].join("\n\n");
}

function factsSection(): string {
  return table(
    ["path", "type", "meaning"],
    FACT_PATHS.map((path) => [`\`${path}\``, FACTS[path].type, FACTS[path].description]),
  );
}

function operatorsSection(): string {
  const leaf = (rulesSchema().definitions as Schema).leaf;
  const ops = properties(leaf);
  return table(
    ["operator", "value", "holds when"],
    OPERATORS.map((op) => [
      `\`${op}\``,
      accepts(ops[op] ?? {}),
      String(ops[op]?.description ?? ""),
    ]),
  );
}

function testFormatSection(): string {
  const schema = ruleTestsSchema();
  const definitions = schema.definitions as Schema;
  const key = definitions.key;
  const keyProps = properties(key);
  return [
    "Top level:",
    fieldTable(schema),
    "Each case:",
    fieldTable(definitions.case),
    "Each key of a case. What is not given is not known (null), as when AWS says nothing, except where a default is named:",
    fieldTable(key),
    "`key:`. When the block is given, what it leaves out defaults to an enabled (`state: Enabled`, `enabled` following `state`), symmetric (`SYMMETRIC_DEFAULT`, `ENCRYPT_DECRYPT`, `AWS_KMS`), customer managed key; `multiRegion` follows `multiRegionRole`:",
    fieldTable(keyProps.key, "key."),
    "`usage:`. A `used` key's `operation` defaults to `Decrypt` and its `region` to the key's; only `used` usage may have a last use:",
    fieldTable(keyProps.usage, "usage."),
    "`trail:`. The lookup's window ends at the case's clock and reaches `windowDays` back. With `failedUses` above 0, the latest failed use defaults to now, `Decrypt`, the first of `callers` (else a role of the key's account) and an event id; `callers` defaults to that caller. An `unavailable` trail takes only a `reason`, and its evidence is unreadable; so are `disabledAt` and `daysDisabled` of a `truncated` trail that gives neither, and, when it gives no failed use either, its failed-use facts. Rules that need unreadable facts report that they could not be decided. Dates must fall inside the window:",
    fieldTable(keyProps.trail, "trail."),
    "`change:`. `source` defaults to `terraform-plan`, `address` to the key's:",
    fieldTable(keyProps.change, "change."),
  ].join("\n\n");
}

const INTRO = `# Rules

<!-- Generated by rulesDocs() in src/rules/docs.ts from the fact catalog, the schemas and rules/.
     Do not edit by hand: run \`npx vitest run test/rules/docs.test.ts -u\` to regenerate. -->

A rules file is YAML, checked against [\`schemas/rules.schema.json\`](../schemas/rules.schema.json)
(\`kms-usage-lint rules --schema\` prints it; editors pick it up from a
\`# yaml-language-server: $schema=…\` comment). Every problem is reported at once, each with its
file, line and column. Without \`--config\`, \`.kms-usage-lint.yml\` in the working directory is
read if it exists, else the \`recommended\` pack is used.

\`\`\`yaml
extends: [recommended, ./team-rules.yml]
rules:
  unused-key: off # switch off an inherited rule
  stale-key: warning # re-level an inherited rule
  no-prod-key-deletion: # define a rule
    severity: error
    description: Production keys are never deleted from a pull request
    help: Deleting a production key needs a change request.
    when:
      all:
        - fact: change.action
          in: [delete, replace]
        - fact: key.aliases
          contains: alias/prod
    message: "{{key.arn}} ({{key.aliases}}) is a production key; {{change.address}} would delete it"
ignore:
  - rule: unused-key
    key: alias/dr-standby
    reason: warm standby for disaster recovery
    expires: 2027-03-01
\`\`\`

## extends

Entries are applied in order, each before the file's own \`rules\`:

- a **built-in pack** by name (\`recommended\`);
- a **rules file** by path: an entry starting with \`./\` or \`../\`, or ending in \`.yml\`/\`.yaml\`,
  resolved relative to the file that names it. Absolute paths are refused (they would not work on
  another machine). A file extended twice is applied once; a cycle of files extending each other is
  an error naming every step with its file, line and column. At most ${MAX_EXTENDED_FILES} files
  can be pulled in.

Rules defined in an extended file are listed by \`kms-usage-lint rules\` with that file as their
source. In \`rules\`, \`off\` switches an inherited rule off, a severity re-levels (and re-enables)
it, and a definition replaces it.

## ignore

Each entry suppresses the findings of one rule (\`rule: RULE-ID\`) or of every rule (\`rule: '*'\`)
about one key. \`key\` matches the key ARN, the key id, any alias name, or the address of any
resource that declares, changes or references the key (\`aws_kms_key.data\`, a CloudFormation
logical id). In \`key\`, \`*\` matches any run of characters (dots and brackets included) and \`?\`
one character: \`module.legacy.*\` matches every key declared in, or referenced from, that module. \`reason\` is
required and is kept with the finding, which is listed as suppressed (\`by: config\`), never
dropped.

\`expires: YYYY-MM-DD\` reads as "until": the entry applies up to 00:00 UTC of that date and not
from then on, when the finding is reported again with a warning naming the entry. An entry that
matches no finding also draws a warning, so stale entries get noticed. An entry naming a rule no
file defines is an error when the rules are loaded.

Inline, above the resource block that declares a key in Terraform source:
\`# kms-usage-lint-ignore RULE-ID reason\` (or \`*\`). Inline suppressions are applied first.

## Conditions

\`all: [...]\`, \`any: [...]\` and \`not: {...}\` nest freely. A leaf is \`{fact: PATH, OPERATOR: VALUE}\`
with exactly one operator. A comparison with an unknown (null) fact is false: \`notEquals\` and
\`notIn\` too, so use \`exists\` (or \`not\`) to test for an unknown fact. Operator values are checked
against the fact's type when the rules are loaded (\`lessThan: "abc"\` on a number fact is an error).

A fact AWS could not give is not read as an answer. When \`ListAliases\` fails, \`key.aliases\`
holds only the aliases the inputs name; when CloudTrail could not be read (\`trail.status:
unavailable\`), every \`trail.*\` fact but its status and reason is unknown; when a lookup was cut
short (\`truncated\`) before it reached a \`DisableKey\`, \`trail.disabledAt\` and
\`trail.daysDisabled\` are, and so are the failed-use facts when it found none and did not reach
a \`ScheduleKeyDeletion\` either (calls failed unread before where it stopped). \`trail.disabledAt\`
and \`trail.daysDisabled\` are unknown too when the trail shows an \`EnableKey\` after the latest
\`DisableKey\`, or a \`CancelKeyDeletion\` (which leaves a key disabled) and no \`DisableKey\`. A rule that reads such a fact, and that the other facts leave
undecided, fails closed: it reports a finding at its own severity saying it could not be decided
and why. A key CloudTrail was not asked about has \`trail.status\` null, and rules comparing
\`trail.*\` stay silent for it. (Usage that could not be read is \`usage.status: unavailable\`,
which rules test for themselves: see \`deleting-key-without-evidence\`.)
`;

/** docs/rules.md. */
export function rulesDocs(): string {
  return `${[
    INTRO.trim(),
    operatorsSection(),
    "## Facts\n\nWhat a condition or a message can read. Dates are compared as instants; `usage.*` of a multi-Region key is aggregated over the primary and every replica (the latest use wins, with its region).",
    factsSection(),
    "## Messages\n\n`{{path}}` inserts a fact: dates as ISO dates (2026-11-25), lists joined with `, `, an unknown fact as `unknown`. Only fact paths can be inserted; anything else is an error when the rules are loaded.",
    "## Built-in rules: the `recommended` pack",
    builtinRulesSection(),
    "## Rule tests\n\n`kms-usage-lint test [PATH...]` runs every `*.test.yml` / `*.test.yaml` file under the paths (default: the working directory; `node_modules` and dot-directories are skipped). A case gives the facts of one or more keys and lists, in `expect`, exactly the rules that fire for them: any rule that fires and is not listed, or is listed and does not fire, fails the case with a diff, and the command exits 1. `rule-id: severity` also checks the severity. Ignore entries of the rules under test are not applied. The built-in rules are tested this way in `rules/*.test.yml`. Editors check test files against [`schemas/rule-tests.schema.json`](../schemas/rule-tests.schema.json).\n\n```yaml\nextends: [../.kms-usage-lint.yml]\ncases:\n  - name: deleting a key used 89 days ago\n    keys:\n      - key: { state: Disabled }\n        usage: { status: used, daysSinceLastUse: 89 }\n        change: { action: delete, deletionWindowDays: 30 }\n    expect:\n      - deleting-recently-used-key: error\n```",
    testFormatSection(),
  ].join("\n\n")}\n`;
}
