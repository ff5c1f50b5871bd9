/** The rule test runner (`kms-usage-lint test`): passing and failing cases, diffs, and bad test files. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/model.js";
import { RulesError } from "../../src/rules/errors.js";
import { findRuleTestFiles } from "../../src/rules/test-files.js";
import { formatRuleTestResult } from "../../src/rules/test-format.js";
import { type RuleTestResult, runRuleTests } from "../../src/rules/test-runner.js";
import type { RulesFileInput } from "../../src/rules/types.js";
import { NOW } from "./subject-builder.js";

const PACKS: Record<string, RulesFileInput[]> = {
  recommended: [
    {
      file: "rules/r.yml",
      text: `rules:
  deleting-used-key:
    severity: error
    description: d
    when:
      all:
        - { fact: change.action, in: [delete, replace] }
        - { fact: usage.daysSinceLastUse, lessThan: 90 }
    message: m
  unused-key:
    severity: warning
    description: d
    when: { fact: usage.status, equals: unused }
    message: m
`,
    },
  ],
};

function reader(tree: Record<string, string>) {
  return async (path: string) => {
    const text = tree[path];
    if (text === undefined) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
    return text;
  };
}

async function run(
  tree: Record<string, string>,
  files = Object.keys(tree).filter((f) => f.endsWith(".test.yml")),
) {
  return runRuleTests(files, reader(tree), PACKS, NOW);
}

async function problems(tree: Record<string, string>): Promise<string[]> {
  try {
    await run(tree);
    return [];
  } catch (error) {
    if (error instanceof RulesError) return error.message.split("\n");
    throw error;
  }
}

const CASES = `cases:
  - name: deleting a key used 89 days ago
    keys:
      - change: { action: delete }
        usage: { status: used, daysSinceLastUse: 89 }
    expect: [deleting-used-key]
  - name: day 90
    keys:
      - change: { action: delete }
        usage: { status: used, daysSinceLastUse: 90 }
    expect: []
  - name: two keys, severities checked
    keys:
      - usage: { status: unused }
      - change: { action: replace }
        usage: { status: used, daysSinceLastUse: 0 }
    expect:
      - unused-key: warning
      - deleting-used-key: error
`;

describe("runRuleTests", () => {
  it("passes cases whose expected rules fire, and nothing else", async () => {
    const result = await run({ "t.test.yml": CASES });
    expect(result).toMatchObject({ files: 1, cases: 3, failures: [] });
    expect(result.passed.map((c) => [c.file, c.line])).toEqual([
      ["t.test.yml", 2],
      ["t.test.yml", 7],
      ["t.test.yml", 12],
    ]);
    expect(formatRuleTestResult(result)).toBe("3 cases in 1 file: all passed\n");
  });

  it("fails a case with a diff: what was expected and did not fire, what fired unexpected", async () => {
    const result = await run({
      "t.test.yml": `cases:
  - name: fine
    keys: [{ usage: { status: unused } }]
    expect: [unused-key]
  - name: wrong on three counts
    keys:
      - address: aws_kms_key.data
        change: { action: delete }
        usage: { status: used, daysSinceLastUse: 3 }
      - usage: { status: unused }
    expect:
      - deleting-used-key: warning
      - unused-kye
`,
    });
    expect(result.cases).toBe(2);
    expect(result.failures).toEqual([
      {
        file: "t.test.yml",
        line: 5,
        case: "wrong on three counts",
        expected: ["deleting-used-key: warning", "unused-kye"],
        actual: ["deleting-used-key: error", "unused-key: warning"],
        diff: [
          "    - deleting-used-key: warning  expected, did not fire",
          "    - unused-kye                  expected, did not fire (no rule under test has this id; did you mean `unused-key`?)",
          "    + deleting-used-key: error    fired for aws_kms_key.data, not expected",
          "    + unused-key: warning         fired for aws_kms_key.key2, not expected",
        ].join("\n"),
      },
    ]);
    expect(formatRuleTestResult(result)).toBe(`FAIL t.test.yml:5 wrong on three counts
    - deleting-used-key: warning  expected, did not fire
    - unused-kye                  expected, did not fire (no rule under test has this id; did you mean \`unused-key\`?)
    + deleting-used-key: error    fired for aws_kms_key.data, not expected
    + unused-key: warning         fired for aws_kms_key.key2, not expected

2 cases in 1 file: 1 passed, 1 failed
`);
  });

  it("counts a rule that fires twice as two findings", async () => {
    const result = await run({
      "t.test.yml": `cases:
  - name: two unused keys
    keys: [{ usage: { status: unused } }, { usage: { status: unused } }]
    expect: [unused-key]
`,
    });
    expect(result.failures[0]?.diff).toBe(
      "    + unused-key: warning  fired for aws_kms_key.key2, not expected",
    );
  });

  it("tests the rules a test file extends, relative to it, with its clock", async () => {
    const tree = {
      "team/rules.yml": `extends: [recommended]
rules:
  unused-key: off
  old-key:
    severity: notice
    description: d
    when: { fact: key.createdAt, lessThan: 2026-01-01 }
    message: m
`,
      "team/tests/rules.test.yml": `extends: [../rules.yml]
now: 2026-06-01T00:00:00Z
cases:
  - name: created last year
    keys: [{ key: { createdAt: 2025-12-31 }, usage: { status: unused } }]
    expect: [old-key]
  - name: a key 201 days old at the case's own clock
    now: 2026-07-20T00:00:00Z
    keys: [{ key: { ageDays: 201 } }]
    expect: [old-key]
  - name: a key 200 days old is not yet
    now: 2026-07-20T00:00:00Z
    keys: [{ key: { ageDays: 200 } }]
    expect: []
`,
    };
    expect(await run(tree)).toMatchObject({ files: 1, cases: 3, failures: [] });
  });

  it("finds rule test files in directories, recursively, skipping node_modules and dot-directories", async () => {
    const dirs: Record<string, { name: string; directory: boolean }[]> = {
      rules: [
        { name: "a.yml", directory: false },
        { name: "a.test.yml", directory: false },
        { name: "more", directory: true },
        { name: "node_modules", directory: true },
        { name: ".git", directory: true },
      ],
      "rules/more": [{ name: "b.test.yaml", directory: false }],
    };
    const list = async (dir: string) => {
      const entries = dirs[dir];
      if (!entries) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return entries;
    };
    expect(await findRuleTestFiles(["rules", "x/c.test.yml"], list)).toEqual([
      "rules/a.test.yml",
      "rules/more/b.test.yaml",
      "x/c.test.yml",
    ]);
    const missing = await findRuleTestFiles(["nowhere"], list).catch((e) => e);
    expect(missing).toBeInstanceOf(InputError);
    expect(missing.describe()).toBe(
      "nowhere: cannot look for rule tests: no such file or directory",
    );
    const empty = await findRuleTestFiles(["rules/more/none"], async () => []).catch((e) => e);
    expect(empty.describe()).toBe(
      "rules/more/none: no rule test files (*.test.yml, *.test.yaml) found here",
    );
  });

  it("formats an empty run", () => {
    const result: RuleTestResult = { files: 0, cases: 0, passed: [], failures: [] };
    expect(formatRuleTestResult(result)).toBe("0 cases in 0 files: all passed\n");
  });
});

describe("rule test file problems, each at its line and column", () => {
  const one = (body: string) => ({ "t.test.yml": body });
  it.each([
    ["no cases", "extends: [recommended]\n", "t.test.yml:1:1: missing `cases`"],
    [
      "a misspelt fact",
      "cases:\n  - name: n\n    keys: [{ usage: { stauts: used } }]\n    expect: []\n",
      "t.test.yml:3:21: missing `status`\nt.test.yml:3:23: unknown property `stauts`; did you mean `status`?",
    ],
    [
      "a misspelt state",
      "cases:\n  - name: n\n    keys: [{ key: { state: Enable } }]\n    expect: []\n",
      "t.test.yml:3:28: `state` expects one of `Enabled`, `Disabled`, `PendingDeletion`, `PendingReplicaDeletion`, `PendingImport`, `Creating`, `Updating`, `Unavailable`; got `Enable`; did you mean `Enabled`?",
    ],
    [
      "a bad severity",
      "cases:\n  - name: n\n    keys: [{}]\n    expect: [{ unused-key: warn }]\n",
      "t.test.yml:4:28: `unused-key` expects one of `error`, `warning`, `notice`; got `warn`; did you mean `warning`?",
    ],
    [
      "an expectation that is not a rule id",
      "cases:\n  - name: n\n    keys: [{}]\n    expect: [Unused Key]\n",
      't.test.yml:4:14: an expectation is a kebab-case rule id or `rule-id: severity`; got "Unused Key"',
    ],
    [
      "a case without keys",
      "cases:\n  - name: n\n    expect: []\n",
      "t.test.yml:2:5: missing `keys`",
    ],
    [
      "negative days",
      "cases:\n  - name: n\n    keys: [{ usage: { status: used, daysSinceLastUse: -1 } }]\n    expect: []\n",
      "t.test.yml:3:55: `daysSinceLastUse` must be at least 0; got -1",
    ],
    [
      "a date and days for the same fact",
      "cases:\n  - name: n\n    keys: [{ usage: { status: used, lastUsedAt: 2026-01-01, daysSinceLastUse: 3 } }]\n    expect: []\n",
      "t.test.yml:3:79: give `lastUsedAt` or `daysSinceLastUse`, not both",
    ],
    [
      "a last use of an unused key",
      "cases:\n  - name: n\n    keys: [{ usage: { status: unused, daysSinceLastUse: 3 } }]\n    expect: []\n",
      "t.test.yml:3:31: only `used` usage has a last use; status is `unused`",
    ],
    [
      "a trail without a status",
      "cases:\n  - name: n\n    keys: [{ trail: { failedUses: 1 } }]\n    expect: []\n",
      "t.test.yml:3:21: missing `status`",
    ],
    [
      "evidence in an unavailable trail",
      "cases:\n  - name: n\n    keys: [{ trail: { status: unavailable, failedUses: 2 } }]\n    expect: []\n",
      "t.test.yml:3:56: an `unavailable` trail holds no evidence: give only its `reason`",
    ],
    [
      "a reason for a complete trail",
      "cases:\n  - name: n\n    keys: [{ trail: { status: complete, reason: why } }]\n    expect: []\n",
      "t.test.yml:3:49: a `complete` trail has no reason; only `truncated` and `unavailable` ones do",
    ],
    [
      "a latest failed use without failed uses",
      "cases:\n  - name: n\n    keys: [{ trail: { status: complete, daysSinceLastFailedUse: 2 } }]\n    expect: []\n",
      "t.test.yml:3:65: there is no latest failed use when `failedUses` is 0 (or not given)",
    ],
    [
      "a latest caller who is not among the callers",
      "cases:\n  - name: n\n    keys:\n      - trail:\n          status: complete\n          failedUses: 2\n          callers: [arn:a]\n          lastFailedUseBy: arn:b\n    expect: []\n",
      "t.test.yml:8:28: the latest caller must be one of `callers`",
    ],
    [
      "more callers than failed calls",
      "cases:\n  - name: n\n    keys: [{ trail: { status: complete, failedUses: 1, callers: [a, b] } }]\n    expect: []\n",
      "t.test.yml:3:65: 2 callers cannot have made 1 failed call",
    ],
    [
      "a DisableKey outside the lookup's window",
      "cases:\n  - name: n\n    keys: [{ trail: { status: truncated, windowDays: 10, daysDisabled: 12 } }]\n    expect: []\n",
      "t.test.yml:3:72: `daysDisabled` is before the lookup's window, which starts 2026-11-18T00:00:00.000Z (`windowDays`)",
    ],
    [
      "a failed use after the clock",
      "cases:\n  - name: n\n    keys: [{ trail: { status: complete, failedUses: 1, lastFailedUseAt: 2026-12-01 } }]\n    expect: []\n",
      "t.test.yml:3:73: `lastFailedUseAt` is after the case's clock (2026-11-28T00:00:00.000Z)",
    ],
    [
      "a window longer than Event history",
      "cases:\n  - name: n\n    keys: [{ trail: { status: complete, windowDays: 120 } }]\n    expect: []\n",
      "t.test.yml:3:53: `windowDays` must be at most 90; got 120",
    ],
    [
      "a trail of a key not created yet",
      "cases:\n  - name: n\n    keys: [{ arn: null, trail: { status: complete } }]\n    expect: []\n",
      "t.test.yml:3:32: a key not created yet (`arn: null`) has no `trail` facts",
    ],
    [
      "an impossible date",
      "cases:\n  - name: n\n    keys: [{ key: { createdAt: 2026-02-30 } }]\n    expect: []\n",
      't.test.yml:3:32: `createdAt` needs an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z); got "2026-02-30"',
    ],
    [
      "a bad clock",
      "now: next week\ncases:\n  - name: n\n    keys: [{}]\n    expect: []\n",
      't.test.yml:1:6: `now` needs an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z); got "next week"',
    ],
    [
      "usage of a key not created yet",
      "cases:\n  - name: n\n    keys: [{ arn: null, usage: { status: unused } }]\n    expect: []\n",
      "t.test.yml:3:32: a key not created yet (`arn: null`) has no `usage` facts",
    ],
    [
      "two keys with one ARN",
      "cases:\n  - name: n\n    keys: [{ arn: 'arn:aws:kms:us-east-1:1:key/a' }, { arn: 'arn:aws:kms:us-east-1:1:key/a' }]\n    expect: []\n",
      "t.test.yml:3:11: two keys of one case have the same `arn`; give each its own",
    ],
    [
      "an unknown pack",
      "extends: [recomended]\ncases:\n  - name: n\n    keys: [{}]\n    expect: []\n",
      "t.test.yml:1:11: unknown rule pack `recomended`; did you mean `recommended`?",
    ],
    [
      "a missing rules file",
      "extends:\n  - recommended\n  - ../missing.yml\ncases:\n  - name: n\n    keys: [{}]\n    expect: []\n",
      "t.test.yml:3:5: cannot extend `../missing.yml`: ../missing.yml: no such file",
    ],
    [
      "not YAML",
      "cases: [\n",
      "t.test.yml:2:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
  ])("%s", async (_, body, expected) => {
    expect(await problems(one(body))).toEqual(expected.split("\n"));
  });

  it("reports a test file that cannot be read, and every problem of every file at once", async () => {
    const tree = {
      "a.test.yml":
        "cases:\n  - name: n\n    keys: [{ usage: { stauts: used } }]\n    expect: []\n",
      "b.test.yml": "cases: []\n",
    };
    await expect(run(tree, ["a.test.yml", "b.test.yml", "c.test.yml"])).rejects.toThrow(
      [
        "a.test.yml:3:21: missing `status`",
        "a.test.yml:3:23: unknown property `stauts`; did you mean `status`?",
        "b.test.yml:1:8: `cases` must not be an empty list",
        "c.test.yml:1:1: cannot read rule tests: no such file",
      ].join("\n"),
    );
  });
});
