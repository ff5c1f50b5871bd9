import { describe, expect, it } from "vitest";
import { InputError } from "../../src/model.js";
import { loadRules, RulesError } from "../../src/rules/load.js";
import type { RulesFileInput } from "../../src/rules/types.js";
import { problemsOf } from "./rule-helpers.js";
import { contextOf, makeReference, makeSubject } from "./subject-builder.js";

/** A fake `recommended` pack: two files, three rules. */
const PACKS: Record<string, RulesFileInput[]> = {
  recommended: [
    {
      file: "rules/deleting.yml",
      text: `
rules:
  deleting-referenced-key:
    severity: error
    description: A key still referenced is deleted
    help: Remove the references first.
    when:
      all:
        - fact: change.action
          in: [delete, replace]
        - fact: refs.consumers
          greaterThan: 0
    message: "{{change.address}} deletes a key {{refs.consumers}} resources use"
`,
    },
    {
      file: "rules/usage.yml",
      text: `
rules:
  unused-key:
    severity: warning
    description: A key nothing uses
    when: { fact: usage.status, equals: unused }
    message: "{{key.arn}} is unused"
  stale-key:
    severity: notice
    description: A key not used for a year
    when: { fact: usage.daysSinceLastUse, greaterThan: 365 }
    message: "{{key.arn}} was last used {{usage.daysSinceLastUse}} days ago"
`,
    },
  ],
  strict: [
    {
      file: "rules/strict.yml",
      text: "extends: [recommended]\nrules:\n  stale-key: error\n",
    },
  ],
};

const load = (...texts: string[]) =>
  loadRules(
    texts.map((text, i) => ({ file: `config-${i}.yml`, text })),
    PACKS,
  );

const summary = (texts: string[]) =>
  load(...texts).rules.map((rule) => `${rule.id}:${rule.severity}:${rule.source}`);

describe("loadRules", () => {
  it("loads a pack named in extends, sorted by id, with each rule's source", () => {
    const { rules, ignores } = load("extends: [recommended]\n");
    expect(rules.map((rule) => [rule.id, rule.severity, rule.source])).toEqual([
      ["deleting-referenced-key", "error", "recommended"],
      ["stale-key", "notice", "recommended"],
      ["unused-key", "warning", "recommended"],
    ]);
    expect(ignores).toEqual([]);
    const deleting = rules[0];
    expect(deleting?.description).toBe("A key still referenced is deleted");
    expect(deleting?.help).toBe("Remove the references first.");
    expect(deleting?.factPaths).toEqual(["change.action", "refs.consumers"]);
    expect(rules[1]?.help).toBeNull();
  });

  it("compiles rules that evaluate and render", () => {
    const [deleting] = load("extends: [recommended]\n").rules;
    const subject = makeSubject({
      change: { action: "delete" },
      references: [
        makeReference(),
        makeReference({ kind: "consumer", address: "aws_s3_bucket.b" }),
      ],
    });
    expect(deleting?.test(contextOf(subject))).toBe(true);
    expect(deleting?.render(contextOf(subject))).toBe(
      "aws_kms_key.data deletes a key 1 resources use",
    );
    expect(deleting?.test(contextOf(makeSubject()))).toBe(false);
  });

  it("switches off, re-levels and redefines inherited rules", () => {
    const rules = summary([
      `extends: [recommended]
rules:
  unused-key: off
  stale-key: warning
  deleting-referenced-key:
    severity: notice
    description: Redefined
    when: { fact: refs.count, greaterThan: 100 }
    message: redefined
  my-rule:
    severity: error
    description: Mine
    when: { fact: key.state, equals: PendingDeletion }
    message: "{{key.arn}} is pending deletion"
`,
    ]);
    expect(rules).toEqual([
      "deleting-referenced-key:notice:config-0.yml",
      "my-rule:error:config-0.yml",
      "stale-key:warning:recommended",
    ]);
  });

  it("applies later files over earlier ones; a re-level turns a switched-off rule back on", () => {
    const rules = summary([
      "extends: [recommended]\nrules:\n  unused-key: off\n  stale-key: off\n",
      "rules:\n  unused-key: error\n",
    ]);
    expect(rules).toEqual([
      "deleting-referenced-key:error:recommended",
      "unused-key:error:recommended",
    ]);
  });

  it("applies a pack once, so extending it again does not undo earlier overrides", () => {
    const rules = summary([
      "extends: [recommended]\nrules:\n  unused-key: off\n",
      "extends: [recommended]\n",
    ]);
    expect(rules).toEqual([
      "deleting-referenced-key:error:recommended",
      "stale-key:notice:recommended",
    ]);
  });

  it("loads packs that extend other packs", () => {
    expect(summary(["extends: [strict]\n"])).toEqual([
      "deleting-referenced-key:error:recommended",
      "stale-key:error:recommended", // re-levelled by `strict`; still defined by `recommended`
      "unused-key:warning:recommended",
    ]);
  });

  it.each([
    ["empty", ""],
    ["whitespace only", "  \n\t\n\n"],
    ["comments only", "# rules come later\n# (not yet)\n"],
    ["an empty mapping", "{}\n"],
    ["a document marker only", "---\n"],
    ["null", "~\n"],
  ])(
    "refuses a rules file that says nothing (%s): zero rules would pass every change",
    (_, text) => {
      expect(problemsOf(text, PACKS, "kms.yml")).toEqual([
        "kms.yml:1:1: rules file is empty: no rule would run and every change would pass; write the rules to evaluate, for the built-in ones `extends: [recommended]`",
      ]);
    },
  );

  it("loads no rules when given no file", () => {
    expect(loadRules([], PACKS).rules).toEqual([]);
  });

  it("does not load a pack nobody extends", () => {
    const broken = { broken: [{ file: "broken.yml", text: "rules: [" }] };
    expect(loadRules([{ file: "a.yml", text: "rules: {}\n" }], broken).rules).toEqual([]);
  });

  it("returns ignore entries with their place, without applying them", () => {
    const { ignores, rules } = load(`extends: [recommended]
ignore:
  - rule: unused-key
    key: alias/dr-standby
    reason: warm standby for disaster recovery
    expires: 2027-03-01
  - rule: "*"
    key: "module.legacy.*"
    reason: legacy
`);
    expect(rules).toHaveLength(3);
    expect(ignores).toEqual([
      {
        rule: "unused-key",
        key: "alias/dr-standby",
        reason: "warm standby for disaster recovery",
        expires: "2027-03-01",
        file: "config-0.yml",
        line: 3,
      },
      {
        rule: "*",
        key: "module.legacy.*",
        reason: "legacy",
        expires: null,
        file: "config-0.yml",
        line: 7,
      },
    ]);
  });

  it("accepts YAML anchors within the alias bound", () => {
    const { rules } = load(`rules:
  a-rule:
    severity: warning
    description: &d shared description
    when: &w { fact: usage.status, equals: unused }
    message: m
  b-rule:
    severity: warning
    description: *d
    when: *w
    message: m
`);
    expect(rules.map((rule) => rule.description)).toEqual([
      "shared description",
      "shared description",
    ]);
  });

  it("throws a RulesError that is an InputError", () => {
    let caught: unknown;
    try {
      load("rules:\n  x: warn\n");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RulesError);
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as RulesError;
    expect(error.problems).toEqual([
      {
        file: "config-0.yml",
        line: 2,
        column: 6,
        message:
          "rule `x` must be `off`, `error`, `warning`, `notice` or a rule definition; got `warn`; did you mean `warning`?",
      },
    ]);
    expect(error.describe()).toBe(error.message);
    expect(error.message).toBe(
      "config-0.yml:2:6: rule `x` must be `off`, `error`, `warning`, `notice` or a rule definition; got `warn`; did you mean `warning`?",
    );
  });
});
