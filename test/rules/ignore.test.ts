import { describe, expect, it } from "vitest";
import type { KeySubject, RawFinding } from "../../src/model.js";
import { compileGlob } from "../../src/rules/glob.js";
import { applyIgnores, ignoreExpired } from "../../src/rules/ignore.js";
import type { RawIgnore } from "../../src/rules/types.js";
import { ARN, makeChange, makeReference, makeSubject, NOW } from "./subject-builder.js";

const legacyArn = "arn:aws:kms:eu-west-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef";

/** The default subject (ARN, alias/app, aws_kms_key.data) and one in a module, with a consumer. */
const subjects: KeySubject[] = [
  makeSubject({ aliases: ["alias/app"] }),
  makeSubject({
    id: legacyArn,
    arn: legacyArn,
    aliases: ["alias/dr-standby"],
    key: {
      arn: legacyArn,
      id: "mrk-0123456789abcdef0123456789abcdef",
      aliases: ["alias/dr-standby"],
    },
    change: { action: "delete", address: 'module.legacy.aws_kms_key.this["dr"]' },
    references: [
      makeReference({ address: 'module.legacy.aws_kms_key.this["dr"]' }),
      makeReference({ kind: "consumer", address: "aws_s3_bucket.reports" }),
    ],
  }),
];

function finding(ruleId: string, subject: KeySubject): RawFinding {
  return {
    ruleId,
    severity: "warning",
    message: `${ruleId} fired`,
    subjectId: subject.id,
    keyArn: subject.arn,
    address: subject.change?.address ?? "aws_kms_key.data",
    location: null,
  };
}

const [app, legacy] = subjects as [KeySubject, KeySubject];
const findings = [
  finding("unused-key", app),
  finding("stale-key", app),
  finding("unused-key", legacy),
];

function ignore(overrides: Partial<RawIgnore>): RawIgnore {
  return {
    rule: "unused-key",
    key: "alias/none",
    reason: "kept on purpose",
    expires: null,
    file: "rules.yml",
    line: 7,
    ...overrides,
  };
}

/** `rule@key-arn-or-address` of each suppressed finding, and the warnings. */
function apply(ignores: RawIgnore[], now = NOW) {
  const result = applyIgnores(findings, subjects, ignores, now);
  const name = (f: RawFinding) => `${f.ruleId}@${f.subjectId === ARN ? "app" : "legacy"}`;
  return {
    kept: result.findings.map(name),
    suppressed: result.suppressed.map(
      (f) => `${name(f)} (${f.suppression.by}: ${f.suppression.reason})`,
    ),
    warnings: result.warnings,
  };
}

describe("applyIgnores: what an entry matches", () => {
  it.each([
    ["the key ARN", { key: ARN }, ["unused-key@app"]],
    ["the key id", { key: "1234abcd-12ab-34cd-56ef-1234567890ab" }, ["unused-key@app"]],
    [
      "a multi-Region key id",
      { key: "mrk-0123456789abcdef0123456789abcdef" },
      ["unused-key@legacy"],
    ],
    ["an alias", { key: "alias/dr-standby" }, ["unused-key@legacy"]],
    ["the declaring address", { key: "aws_kms_key.data" }, ["unused-key@app"]],
    ["an address glob over a module", { key: "module.legacy.*" }, ["unused-key@legacy"]],
    [
      "a glob with ? over brackets",
      { key: 'module.legacy.aws_kms_key.this["d?"]' },
      ["unused-key@legacy"],
    ],
    ["a consumer's address", { key: "aws_s3_bucket.reports" }, ["unused-key@legacy"]],
    ["an alias glob", { key: "alias/*" }, ["unused-key@app", "unused-key@legacy"]],
    [
      "every rule of a key with '*'",
      { rule: "*", key: "alias/app" },
      ["unused-key@app", "stale-key@app"],
    ],
    ["another rule only", { rule: "stale-key", key: ARN }, ["stale-key@app"]],
  ] as const)("by %s", (_, overrides, suppressed) => {
    const result = apply([ignore(overrides)]);
    expect(result.suppressed.map((s) => s.replace(/ \(.*$/, ""))).toEqual(suppressed);
    expect(result.kept).toHaveLength(findings.length - suppressed.length);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ["a partial ARN without a glob", { key: "1234abcd" }],
    ["an alias of another key", { key: "alias/other" }],
    ["a glob that must match the whole name", { key: "module.legacy" }],
    ["an address case-insensitively", { key: "AWS_KMS_KEY.DATA" }],
  ])("not by %s", (_, overrides) => {
    const result = apply([ignore(overrides)]);
    expect(result.suppressed).toEqual([]);
    expect(result.kept).toEqual(["unused-key@app", "stale-key@app", "unused-key@legacy"]);
  });

  it("keeps the reason and says the suppression came from the config; the first matching entry wins", () => {
    const result = applyIgnores(
      findings,
      subjects,
      [
        ignore({ key: "alias/app", reason: "the first reason" }),
        ignore({ rule: "*", key: ARN, reason: "the second reason" }),
      ],
      NOW,
    );
    expect(result.suppressed).toEqual([
      { ...findings[0], suppression: { by: "config", reason: "the first reason" } },
      { ...findings[1], suppression: { by: "config", reason: "the second reason" } },
    ]);
    expect(result.findings).toEqual([findings[2]]);
    expect(result.warnings).toEqual([]);
  });
});

describe("applyIgnores: expiry and stale entries", () => {
  it("applies until the start of the expiry date (UTC), and from then on reports the finding again, warning once", () => {
    const entry = ignore({ key: "alias/app", expires: "2026-11-28" });
    const before = apply([entry], new Date("2026-11-27T23:59:59Z"));
    expect(before.suppressed).toEqual(["unused-key@app (config: kept on purpose)"]);
    expect(before.warnings).toEqual([]);
    const on = apply([entry], new Date("2026-11-28T00:00:00Z"));
    expect(on.suppressed).toEqual([]);
    expect(on.kept).toContain("unused-key@app");
    expect(on.warnings).toEqual([
      "rules.yml:7: the ignore of `unused-key` for `alias/app` expired on 2026-11-28; the finding is reported again; renew the date or remove the entry",
    ]);
  });

  it("counts the findings an expired entry lets through", () => {
    const result = apply([ignore({ rule: "*", key: ARN, expires: "2026-01-01", line: 3 })]);
    expect(result.warnings).toEqual([
      `rules.yml:3: the ignore of every rule for \`${ARN}\` expired on 2026-01-01; the 2 findings are reported again; renew the date or remove the entry`,
    ]);
  });

  it("says so when an expired entry matches nothing any more", () => {
    expect(apply([ignore({ key: "alias/gone", expires: "2026-01-01" })]).warnings).toEqual([
      "rules.yml:7: the ignore of `unused-key` for `alias/gone` expired on 2026-01-01; it matches no finding any more; remove it",
    ]);
  });

  it("warns about an entry that matched nothing, telling a quiet key from an absent one", () => {
    const result = apply([
      ignore({ rule: "update-fails-at-deploy", key: "alias/app", line: 4 }),
      ignore({ key: "alias/gone", line: 9 }),
    ]);
    expect(result.suppressed).toEqual([]);
    expect(result.warnings).toEqual([
      "rules.yml:4: the ignore of `update-fails-at-deploy` for `alias/app` matched no finding: the rule does not fire for that key any more; remove the entry",
      "rules.yml:9: the ignore of `unused-key` for `alias/gone` matched none of the keys checked; remove it if the key is gone",
    ]);
  });

  it("does not call an entry stale when an inline suppression took its finding first", () => {
    const inline = findings[0] as RawFinding;
    const result = applyIgnores(findings.slice(1), subjects, [ignore({ key: "alias/app" })], NOW, [
      inline,
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.suppressed).toEqual([]);
  });

  it("reads an expiry date as the start of that day in UTC", () => {
    const entry = ignore({ expires: "2027-03-01" });
    expect(ignoreExpired(entry, new Date("2027-02-28T23:59:59.999Z"))).toBe(false);
    expect(ignoreExpired(entry, new Date("2027-03-01T00:00:00Z"))).toBe(true);
    expect(ignoreExpired(ignore({ expires: null }), new Date("9999-01-01T00:00:00Z"))).toBe(false);
  });

  it("matches a planned key by its address", () => {
    const planned = makeSubject({
      id: "planned:aws_kms_key.new",
      arn: null,
      key: null,
      usage: null,
      change: makeChange({ action: "create", address: "aws_kms_key.new" }),
      references: [makeReference({ address: "aws_kms_key.new" })],
    });
    const result = applyIgnores(
      [finding("r", planned)],
      [planned],
      [ignore({ rule: "r", key: "aws_kms_key.*" })],
      NOW,
    );
    expect(result.suppressed).toHaveLength(1);
  });
});

describe("globs", () => {
  it.each([
    ["module.legacy.*", "module.legacy.aws_kms_key.this", true],
    ["module.legacy.*", "module.legacyx", false],
    ["module.*.aws_kms_key.this", "module.a.module.b.aws_kms_key.this", true],
    ["*", "", true],
    ["?", "", false],
    ["a?c", "abc", true],
    ["a?c", "abbc", false],
    ["*key*", "aws_kms_key.data", true],
    ["**data", "aws_kms_key.data", true],
    ['this["*"]', 'this["x"]', true],
    ["a.b", "axb", false],
  ])("%s against %s is %s", (pattern, text, expected) => {
    expect(compileGlob(pattern)(text)).toBe(expected);
  });

  it("matches a hostile pattern against a long name within pattern × text character reads", () => {
    const pattern = `${"*a".repeat(200)}b`;
    const text = "a".repeat(1000);
    // Counts every read of the text (its length and each character): the matcher's steps. A
    // backtracking matcher would need about 2^200 of them; the two-pointer one stays under
    // pattern length × text length.
    let reads = 0;
    const counted = new Proxy(new String(text), {
      get(target, key) {
        reads++;
        const value = Reflect.get(target, key, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as unknown as string;
    expect(compileGlob(pattern)(counted)).toBe(false);
    expect(reads).toBeGreaterThan(text.length);
    expect(reads).toBeLessThanOrEqual(pattern.length * text.length);
  });
});
