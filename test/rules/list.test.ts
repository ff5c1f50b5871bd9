import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { BUILTIN_PACKS } from "../../src/rules/builtin.js";
import { listRules, rulesSchemaText } from "../../src/rules/list.js";
import { loadRules } from "../../src/rules/load.js";

describe("listRules", () => {
  it("lists the enabled rules with severity, source and description, in aligned columns", () => {
    const ruleSet = loadRules(
      [
        {
          file: ".kms-usage-lint.yml",
          text: `extends: [recommended]
rules:
  stale-key: off
  unused-key: error
  no-prod-deletion:
    severity: error
    description: Production keys are never deleted from a pull request
    when: { fact: key.aliases, contains: alias/prod }
    message: "{{key.arn}}"
`,
        },
      ],
      BUILTIN_PACKS,
    );
    expect(
      listRules(ruleSet),
    ).toBe(`RULE                                SEVERITY  SOURCE               DESCRIPTION
deleting-enabled-key                warning   recommended          A change deletes or replaces a key that is still enabled, without disabling it first.
deleting-key-disabled-too-recently  warning   recommended          A change deletes or replaces a disabled key that was disabled less than 30 days ago.
deleting-key-with-failed-uses       error     recommended          A change deletes or replaces a disabled key that CloudTrail shows calls still failing for.
deleting-key-with-unknown-usage     warning   recommended          A change deletes or replaces a key with no use on record, but older than the record.
deleting-key-without-evidence       error     recommended          A change deletes, replaces or disables a key whose usage could not be read.
deleting-recently-used-key          error     recommended          A change deletes or replaces a key that was used in the last 90 days.
deleting-referenced-key             error     recommended          A change deletes or replaces a key that resources in the inputs still use.
disabling-recently-used-key         warning   recommended          A change disables a key that was used in the last 30 days.
no-prod-deletion                    error     .kms-usage-lint.yml  Production keys are never deleted from a pull request
pending-deletion-key-still-wanted   error     recommended          A key scheduled for deletion is still being asked for; CloudTrail shows calls failing for it.
pending-deletion-recently-used      error     recommended          A key scheduled for deletion was used in the last 30 days.
short-deletion-window               warning   recommended          A deletion is scheduled with a waiting period under 30 days for a key not known to be unused.
unused-key                          error     recommended          A customer managed key has not been used once since it was created (30 days or more).
update-fails-at-deploy              error     recommended          A change updates a key property that CloudFormation cannot change on an existing key.
usage-unavailable                   warning   recommended          The usage of a key that a rule needs to judge could not be read.
`);
  });

  it("says so when nothing is enabled", () => {
    expect(listRules({ rules: [], ignores: [] })).toBe("no rules are enabled\n");
  });
});

describe("rulesSchemaText", () => {
  it("is the schema as indented JSON, valid for editors", () => {
    const text = rulesSchemaText();
    expect(text.endsWith("}\n")).toBe(true);
    const schema = JSON.parse(text);
    const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true });
    expect(ajv.validateSchema(schema)).toBe(true);
  });
});
