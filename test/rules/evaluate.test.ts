import { describe, expect, it } from "vitest";
import type { KeyReference, KeySubject } from "../../src/model.js";
import { evaluate } from "../../src/rules/evaluate.js";
import { loadRules, type RuleSet } from "../../src/rules/load.js";
import { ARN, makePlannedSubject, makeReference, makeSubject, NOW } from "./subject-builder.js";

const ruleSet = loadRules(
  [
    {
      file: "rules.yml",
      text: `rules:
  deleting-used-key:
    severity: error
    description: Deleting a used key
    when:
      all:
        - fact: change.action
          in: [delete, replace]
        - fact: usage.lastUsedAt
          newerThan: 90d
    message: "{{change.address}} deletes {{key.arn}}, used {{usage.daysSinceLastUse}} days ago"
  any-change:
    severity: notice
    description: Any change
    when: { fact: change.action, exists: true }
    message: "{{change.action}}"
`,
    },
  ],
  {},
);

describe("evaluate", () => {
  it("makes a finding per subject and matching rule, in subject then rule order", () => {
    const deleted = makeSubject({ change: { action: "delete" } });
    const planned = makePlannedSubject("aws_kms_key.new");
    const untouched = makeSubject({ id: "other", arn: "arn:other" });
    expect(evaluate([deleted, untouched, planned], ruleSet, NOW)).toEqual([
      {
        ruleId: "any-change",
        severity: "notice",
        message: "delete",
        subjectId: ARN,
        keyArn: ARN,
        address: "aws_kms_key.data",
        location: { file: "infra/kms.tf", line: 12 },
      },
      {
        ruleId: "deleting-used-key",
        severity: "error",
        message: `aws_kms_key.data deletes ${ARN}, used 3 days ago`,
        subjectId: ARN,
        keyArn: ARN,
        address: "aws_kms_key.data",
        location: { file: "infra/kms.tf", line: 12 },
      },
      {
        ruleId: "any-change",
        severity: "notice",
        message: "create",
        subjectId: "planned:aws_kms_key.new",
        keyArn: null,
        address: "aws_kms_key.new",
        location: { file: "infra/kms.tf", line: 12 },
      },
    ]);
  });

  it("evaluates against the given clock", () => {
    const deleted = makeSubject({ change: { action: "delete" } });
    const later = new Date(NOW.getTime() + 100 * 24 * 60 * 60 * 1000);
    expect(evaluate([deleted], ruleSet, later).map((finding) => finding.ruleId)).toEqual([
      "any-change",
    ]);
  });

  it("returns nothing for no subjects or no rules", () => {
    expect(evaluate([], ruleSet, NOW)).toEqual([]);
    expect(evaluate([makeSubject({ change: {} })], { rules: [], ignores: [] }, NOW)).toEqual([]);
  });

  /** A rule set with one rule that fires on every subject. */
  function alwaysFiring(): RuleSet {
    const [rule] = ruleSet.rules;
    if (rule === undefined) throw new Error("no rule loaded");
    return { rules: [{ ...rule, test: () => true, render: () => "fired" }], ignores: [] };
  }

  it("takes the address from the change, else the key reference, else any reference", () => {
    const addressOf = (subject: KeySubject) => evaluate([subject], alwaysFiring(), NOW)[0]?.address;
    const consumer = makeReference({ kind: "consumer", address: "aws_s3_bucket.b" });
    const key = makeReference({ kind: "key", address: "aws_kms_key.k" });
    expect(
      addressOf(
        makeSubject({ change: { address: "module.a.aws_kms_key.c" }, references: [consumer, key] }),
      ),
    ).toBe("module.a.aws_kms_key.c");
    expect(addressOf(makeSubject({ references: [consumer, key] }))).toBe("aws_kms_key.k");
    expect(addressOf(makeSubject({ references: [consumer] }))).toBe("aws_s3_bucket.b");
    expect(addressOf(makeSubject({ references: [] }))).toBeNull();
  });

  it("takes the location from the key reference with one, else any reference with one", () => {
    const locationOf = (references: KeyReference[]) =>
      evaluate([makeSubject({ references })], alwaysFiring(), NOW)[0]?.location;
    const consumerAt = makeReference({ kind: "consumer", location: { file: "app.tf", line: 3 } });
    const keyWithout = makeReference({ kind: "key", location: null });
    const keyAt = makeReference({ kind: "key", location: { file: "kms.tf", line: 9 } });
    expect(locationOf([consumerAt, keyWithout, keyAt])).toEqual({ file: "kms.tf", line: 9 });
    expect(locationOf([keyWithout, consumerAt])).toEqual({ file: "app.tf", line: 3 });
    expect(locationOf([keyWithout])).toBeNull();
  });

  it("does not change its inputs", () => {
    const subject = makeSubject({ change: { action: "delete" } });
    const before = structuredClone(subject);
    evaluate([subject], ruleSet, NOW);
    expect(subject).toEqual(before);
  });
});

describe("a rule the evidence cannot decide fails closed (SPEC §10)", () => {
  const prod = loadRules(
    [
      {
        file: "rules.yml",
        text: `rules:
  no-prod-key-deletion:
    severity: error
    description: Production keys are never deleted from a pull request
    when:
      all:
        - fact: change.action
          in: [delete, replace]
        - fact: key.aliases
          contains: alias/prod
    message: "{{key.arn}} is a production key"
  any-change:
    severity: notice
    description: Any change
    when: { fact: change.action, exists: true }
    message: "{{change.action}}"
`,
      },
    ],
    {},
  );
  const denied = "access denied: the caller needs kms:ListAliases on this key (not authorized)";
  const fired = (subject: KeySubject) =>
    evaluate([subject], prod, NOW).map((f) => `${f.ruleId}:${f.severity}: ${f.message}`);

  it("aliases that could not be listed leave the production rule undecided: an error saying why", () => {
    const subject = makeSubject({ change: { action: "delete" }, aliasesUnavailable: denied });
    expect(fired(subject)).toEqual([
      "any-change:notice: delete",
      `no-prod-key-deletion:error: no-prod-key-deletion could not be decided for ${ARN}: key.aliases: its aliases could not be listed: ${denied}. No evidence, no pass: grant the missing permission (or refresh the facts snapshot) and run again.`,
    ]);
  });

  it("…unless the facts that could be read decide it anyway", () => {
    // No deletion: the rule is false whatever the aliases are.
    expect(
      fired(makeSubject({ change: { action: "update" }, aliasesUnavailable: denied })),
    ).toEqual(["any-change:notice: update"]);
    // Aliases the inputs name are only part of the list: the rule stays undecided, at its severity.
    const named = makeSubject({
      change: { action: "delete" },
      aliases: ["alias/prod"],
      aliasesUnavailable: denied,
    });
    expect(fired(named)[1]).toMatch(
      /^no-prod-key-deletion:error: no-prod-key-deletion could not be decided/,
    );
  });

  it("with the aliases listed, the rule is decided as always", () => {
    expect(fired(makeSubject({ change: { action: "delete" }, aliases: [] }))).toEqual([
      "any-change:notice: delete",
    ]);
  });
});
