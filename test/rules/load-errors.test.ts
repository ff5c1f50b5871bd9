import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadRules, MAX_RULES_FILE_BYTES, RulesError } from "../../src/rules/load.js";
import type { RulesFileInput } from "../../src/rules/types.js";
import { problemsOf } from "./rule-helpers.js";

const PACKS: Record<string, RulesFileInput[]> = {
  recommended: [
    {
      file: "rules/recommended.yml",
      text: "rules:\n  unused-key:\n    severity: warning\n    description: d\n    when: { fact: usage.status, equals: unused }\n    message: m\n",
    },
  ],
};

/** A rules file with one rule `r` whose `when` is the given YAML block (indented under `when:`). */
function withCondition(condition: string): string {
  return `rules:
  r:
    severity: error
    description: d
    when:
${condition.replace(/^/gm, "      ")}
    message: m
`;
}

describe("rules file problems, each at its line and column", () => {
  it.each([
    [
      "YAML syntax error",
      "rules:\n  a: [1, 2\n  b: x\n",
      "rules.yml:3:3: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
    [
      "duplicate key",
      "rules:\n  a: off\n  a: off\n",
      "rules.yml:3:3: YAML syntax error: Map keys must be unique",
    ],
    [
      "two YAML documents",
      "rules: {}\n---\nrules: {}\n",
      "rules.yml:2:1: YAML syntax error: a rules file is one YAML document; this `---` starts a second",
    ],
    [
      "unknown fact",
      withCondition("fact: usage.stat\nequals: used"),
      "rules.yml:6:13: unknown fact `usage.stat`; did you mean `usage.status`?",
    ],
    [
      "unknown fact far from any",
      withCondition("fact: colour\nequals: red"),
      "rules.yml:6:13: unknown fact `colour`",
    ],
    [
      "unknown operator",
      withCondition("fact: usage.status\nequal: used"),
      "rules.yml:7:7: unknown operator `equal`; did you mean `equals`?",
    ],
    [
      "two operators in one leaf",
      withCondition("fact: usage.status\nequals: used\nin: [used]"),
      "rules.yml:8:7: a fact test has exactly one operator; found `equals`, `in` (combine tests with `all` or `any`)",
    ],
    [
      "no operator",
      withCondition("fact: usage.status"),
      "rules.yml:6:7: a fact test needs an operator: one of `equals`, `notEquals`, `in`, `notIn`, `lessThan`, `lessThanOrEqual`, `greaterThan`, `greaterThanOrEqual`, `exists`, `matches`, `contains`, `olderThan`, `newerThan`",
    ],
    [
      "no fact",
      withCondition("equals: used"),
      "rules.yml:6:7: a fact test needs `fact`; write `fact: PATH` beside the operator",
    ],
    [
      "wrong value type",
      withCondition('fact: usage.daysSinceLastUse\nlessThan: "abc"'),
      'rules.yml:7:17: `lessThan` on `usage.daysSinceLastUse` needs a number; got "abc"',
    ],
    [
      "ordering on a string fact",
      withCondition("fact: key.state\ngreaterThan: 3"),
      "rules.yml:7:20: `greaterThan` compares numbers and dates; `key.state` is a string",
    ],
    [
      "unquoted number for a string fact",
      withCondition("fact: key.account\nequals: 111122223333"),
      'rules.yml:7:15: `equals` on `key.account` needs a string; got 111122223333 (quote it: "111122223333")',
    ],
    [
      "date-time without a zone",
      withCondition("fact: key.createdAt\nlessThan: 2026-01-01T10:00:00"),
      'rules.yml:7:17: `lessThan` on `key.createdAt` needs an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z); got "2026-01-01T10:00:00"',
    ],
    [
      "impossible date",
      withCondition("fact: key.createdAt\nequals: 2026-02-30"),
      'rules.yml:7:15: `equals` on `key.createdAt` needs an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z); got "2026-02-30"',
    ],
    [
      "one bad item of a list",
      withCondition("fact: usage.daysSinceLastUse\nin: [1, two, 3]"),
      'rules.yml:7:15: `in` on `usage.daysSinceLastUse` needs a number; got "two"',
    ],
    [
      "in needs a list",
      withCondition("fact: usage.status\nin: used"),
      "rules.yml:7:11: `in` expects a list; got a string",
    ],
    [
      "exists needs a boolean",
      withCondition('fact: usage.status\nexists: "yes"'),
      "rules.yml:7:15: `exists` expects true or false; got a string",
    ],
    [
      "duration without a unit",
      withCondition("fact: key.createdAt\nolderThan: 90"),
      "rules.yml:7:18: `olderThan` expects a string; got a number",
    ],
    [
      "duration in words",
      withCondition("fact: key.createdAt\nolderThan: 90 days"),
      'rules.yml:7:18: `olderThan` needs a duration: a whole number and a unit m, h, d or w (like 90d); got "90 days"',
    ],
    [
      "olderThan on a number fact",
      withCondition("fact: key.ageDays\nolderThan: 90d"),
      "rules.yml:7:18: `olderThan` tests dates; `key.ageDays` is a number",
    ],
    [
      "contains on a number",
      withCondition("fact: refs.count\ncontains: x"),
      "rules.yml:7:17: `contains` tests strings and lists of strings; `refs.count` is a number",
    ],
    [
      "catastrophic regex",
      withCondition('fact: key.arn\nmatches: "^(a+)+$"'),
      "rules.yml:7:16: regular expression `^(a+)+$` repeats a group that itself repeats (like `(a+)+`), which can take exponential time; rewrite it without the nested repetition",
    ],
    [
      "invalid regex",
      withCondition('fact: key.arn\nmatches: "(unclosed"'),
      "rules.yml:7:16: invalid regular expression: Invalid regular expression: /(unclosed/: Unterminated group",
    ],
    ["empty all", withCondition("all: []"), "rules.yml:6:12: `all` must not be an empty list"],
    [
      "all beside any",
      withCondition("all: [{ fact: now, exists: true }]\nany: [{ fact: now, exists: true }]"),
      "rules.yml:7:7: `any` cannot stand beside `all`: a condition is one of `all`, `any`, `not` or a fact test",
    ],
    [
      "bad severity",
      "rules:\n  r:\n    severity: fatal\n    description: d\n    when: { fact: now, exists: true }\n    message: m\n",
      "rules.yml:3:15: `severity` expects one of `error`, `warning`, `notice`; got `fatal`",
    ],
    [
      "bad severity in a re-level",
      "extends: [recommended]\nrules:\n  unused-key: warn\n",
      "rules.yml:3:15: rule `unused-key` must be `off`, `error`, `warning`, `notice` or a rule definition; got `warn`; did you mean `warning`?",
    ],
    [
      "missing message",
      "rules:\n  r:\n    severity: error\n    description: d\n    when: { fact: now, exists: true }\n",
      "rules.yml:3:5: missing `message`",
    ],
    [
      "misspelt property",
      "rules:\n  r:\n    severity: error\n    description: d\n    when: { fact: now, exists: true }\n    message: m\n    hlep: h\n",
      "rules.yml:7:5: unknown property `hlep`; did you mean `help`?",
    ],
    [
      "unknown top-level key",
      "rule:\n  r: off\n",
      "rules.yml:1:1: unknown top-level key `rule`; did you mean `rules`?",
    ],
    ["not a map", "- rules\n", "rules.yml:1:1: expected a map; got a list"],
    [
      "rule id not kebab-case",
      "rules:\n  Unused_Key: off\n",
      'rules.yml:2:3: rule id `Unused_Key` must be kebab-case: lowercase words joined by "-", like `unused-key`',
    ],
    [
      "unknown template path",
      "rules:\n  r:\n    severity: error\n    description: d\n    when: { fact: now, exists: true }\n    message: Key {{ key.arnn }} is bad\n",
      "rules.yml:6:18: unknown fact `key.arnn` in message; did you mean `key.arn`?",
    ],
    [
      "unterminated template",
      "rules:\n  r:\n    severity: error\n    description: d\n    when: { fact: now, exists: true }\n    message: 'Key {{key.arn'\n",
      "rules.yml:6:19: unterminated `{{` in message; close it with `}}`",
    ],
    [
      "template problem in a block scalar points at the scalar",
      "rules:\n  r:\n    severity: error\n    description: d\n    when: { fact: now, exists: true }\n    message: |\n      Key {{nothing.here}}\n",
      "rules.yml:6:14: unknown fact `nothing.here` in message",
    ],
    [
      "unknown pack in extends",
      "extends: [recommended, recomended]\n",
      "rules.yml:1:24: unknown rule pack `recomended`; did you mean `recommended`?",
    ],
    [
      "a path in extends to a file that was not read",
      "extends: [./base.yml]\n",
      "rules.yml:1:11: cannot extend `./base.yml`: base.yml: no such file",
    ],
    [
      "an absolute path in extends",
      "extends: [recommended, /etc/rules.yml]\n",
      "rules.yml:1:24: `extends` takes paths relative to the extending file; `/etc/rules.yml` is absolute",
    ],
    [
      "a path without ./ in extends",
      "extends: [shared/base]\n",
      "rules.yml:1:11: unknown rule pack `shared/base`; to extend a rules file, start its path with ./ (like ./shared/base)",
    ],
    [
      "a prototype name in extends",
      "extends: [constructor]\n",
      "rules.yml:1:11: unknown rule pack `constructor`; built-in packs: recommended",
    ],
    [
      "re-level of an undefined rule",
      "extends: [recommended]\nrules:\n  unsued-key: error\n",
      "rules.yml:3:3: rule `unsued-key` is not defined; did you mean `unused-key`?",
    ],
    [
      "off of an undefined rule",
      "rules:\n  stale-key: off\n",
      "rules.yml:2:3: rule `stale-key` is not defined",
    ],
    [
      "ignore without a reason",
      "ignore:\n  - rule: unused-key\n    key: alias/x\n",
      "rules.yml:2:5: missing `reason`",
    ],
    [
      "ignore expiring on an impossible date",
      "ignore:\n  - rule: '*'\n    key: alias/x\n    reason: r\n    expires: 2027-02-30\n",
      "rules.yml:5:14: `expires` is not a real date: 2027-02-30",
    ],
    [
      "ignore of a misspelt rule",
      "extends: [recommended]\nignore:\n  - rule: unsued-key\n    key: alias/x\n    reason: r\n",
      "rules.yml:3:11: ignore names rule `unsued-key`, which is not defined; did you mean `unused-key`?",
    ],
    [
      "ignore of a rule nothing defines",
      "ignore:\n  - rule: stale-key\n    key: alias/x\n    reason: r\n",
      "rules.yml:2:11: ignore names rule `stale-key`, which is not defined",
    ],
    [
      "ignore with an overlong key",
      `ignore:\n  - rule: '*'\n    key: ${"k".repeat(1001)}\n    reason: r\n`,
      "rules.yml:3:10: `key` is longer than 1000 characters",
    ],
    [
      "ignore with a bad expiry",
      "ignore:\n  - rule: '*'\n    key: alias/x\n    reason: r\n    expires: next year\n",
      'rules.yml:5:14: `expires` needs a date YYYY-MM-DD; got "next year"',
    ],
  ])("%s", (_, text, expected) => {
    expect(problemsOf(text, PACKS)).toEqual([expected]);
  });

  it("reports one YAML syntax error, not the ones that follow from it, and no line of the file", () => {
    const text =
      "rules:\n  no-prod:\n    severity: error\n\tdescription: x\n    message: m\n    when:\n      fact: key.arn\n      exists: true\n";
    expect(problemsOf(text)).toEqual([
      "rules.yml:4:1: YAML syntax error: Tabs are not allowed as indentation; indent with spaces",
    ]);
  });

  it("refuses {{__proto__}} and {{constructor}} in messages", () => {
    const text =
      "rules:\n  r:\n    severity: error\n    description: d\n    when: { fact: now, exists: true }\n    message: '{{__proto__}} {{ constructor }}'\n";
    expect(problemsOf(text)).toEqual([
      "rules.yml:6:15: unknown fact `__proto__` in message",
      "rules.yml:6:29: unknown fact `constructor` in message",
    ]);
  });

  it("reports every problem of a file at once, in order", () => {
    const text = `extends: [recomended]
rules:
  stale-key: warn
  my-rule:
    severity: fatal
    description: x
    when:
      all:
        - fact: usage.stat
          equals: used
        - fact: usage.daysSinceLastUse
          lessThan: "abc"
        - fact: key.arn
          matches: "(.*)*"
    message: "{{key.arnn}}"
`;
    expect(problemsOf(text, PACKS)).toEqual([
      "rules.yml:1:11: unknown rule pack `recomended`; did you mean `recommended`?",
      "rules.yml:3:14: rule `stale-key` must be `off`, `error`, `warning`, `notice` or a rule definition; got `warn`; did you mean `warning`?",
      "rules.yml:5:15: `severity` expects one of `error`, `warning`, `notice`; got `fatal`",
      "rules.yml:9:17: unknown fact `usage.stat`; did you mean `usage.status`?",
      'rules.yml:12:21: `lessThan` on `usage.daysSinceLastUse` needs a number; got "abc"',
      "rules.yml:14:20: regular expression `(.*)*` repeats a group that itself repeats (like `(a+)+`), which can take exponential time; rewrite it without the nested repetition",
      "rules.yml:15:15: unknown fact `key.arnn` in message; did you mean `key.arn`?",
    ]);
  });

  it("reports problems across files, each under its own name, including pack files", () => {
    const packs = { broken: [{ file: "packs/broken.yml", text: "rules:\n  x: loud\n" }] };
    let caught: unknown;
    try {
      loadRules(
        [
          { file: "a.yml", text: "extends: [broken]\nrules:\n  y: off\n" },
          { file: "b.yml", text: "rules: [\n" },
        ],
        packs,
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RulesError);
    expect(
      (caught as RulesError).problems.map((problem) => `${problem.file}:${problem.line}`),
    ).toEqual(["packs/broken.yml:2", "a.yml:3", "b.yml:2"]);
  });
});

describe("packs", () => {
  it("reports a pack that extends itself", () => {
    const packs = {
      a: [{ file: "a.yml", text: "extends: [b]\n" }],
      b: [{ file: "b.yml", text: "extends: [a]\n" }],
    };
    expect(problemsOf("extends: [a]\n", packs)).toEqual([
      "b.yml:1:11: rule pack `a` extends itself (a → b → a)",
    ]);
  });

  it("places a problem in a pack parsed at build time as in one parsed on loading", () => {
    const text =
      "rules:\n  r:\n    severity: error\n    description: d\n    when: { fact: now, exists: true }\n    message: 'Key {{key.arn'\n";
    const data = parse(text);
    const problem = "p.yml:6:19: unterminated `{{` in message; close it with `}}`";
    expect(problemsOf("extends: [p]\n", { p: [{ file: "p.yml", text }] })).toEqual([problem]);
    expect(problemsOf("extends: [p]\n", { p: [{ file: "p.yml", text, data }] })).toEqual([problem]);
  });
});

describe("hostile rules files", () => {
  it("refuses an alias bomb by counting its aliases, not by expanding them", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]",
      "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]",
      "h: [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]",
    ].join("\n");
    // Expanded, this is 10^8 nodes; the refusal names the alias-count limit it stopped at.
    const problems = problemsOf(bomb);
    expect(problems).toEqual([
      "rules.yml:2:8: YAML aliases expand to too many nodes (limit 100); refusing what looks like an alias bomb",
    ]);
  });

  it("refuses a file over 1 MB without parsing it", () => {
    const text = `# ${"x".repeat(MAX_RULES_FILE_BYTES)}\n`;
    expect(problemsOf(text)).toEqual([
      `rules.yml:1:1: rules file is ${MAX_RULES_FILE_BYTES + 3} bytes; the limit is ${MAX_RULES_FILE_BYTES} (1 MB)`,
    ]);
  });

  it("refuses deeply nested data", () => {
    const depth = 150;
    const text = `rules:\n  r:\n    severity: error\n    description: d\n    message: m\n    when: ${"{not: ".repeat(depth)}{fact: now, exists: true}${"}".repeat(depth)}\n`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rules\.yml:6:\d+: rules file nests deeper than 100 levels$/);
  });

  it("refuses conditions nested beyond the condition limit", () => {
    const depth = 40;
    const text = `rules:\n  r:\n    severity: error\n    description: d\n    message: m\n    when: ${"{not: ".repeat(depth)}{fact: now, exists: true}${"}".repeat(depth)}\n`;
    expect(problemsOf(text)).toEqual(["rules.yml:6:209: conditions nest deeper than 32 levels"]);
  });

  it("survives pathological flow nesting without crashing", () => {
    const text = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^rules\.yml:1:\d+: YAML nests too deeply to be a rules file$/);
  });
});
