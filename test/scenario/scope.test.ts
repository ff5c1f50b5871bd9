/**
 * Scope `changed` (issue 15): a pull request asks only about the keys it changes. The
 * figure: with the recommended pack, a 1,000-key plan that deletes 10 costs at most 10
 * GetKeyLastUsage calls — counted at the KMS emulator, the real SDK asking it.
 */

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunConfig } from "../../src/config/config.js";
import { KMS_DEFAULTS, kmsFactSource } from "../../src/facts/aws-source.js";
import { run } from "../../src/pipeline.js";
import { formatJson } from "../../src/report/formats/json.js";
import { formatMarkdown } from "../../src/report/formats/markdown.js";
import { formatSarif } from "../../src/report/formats/sarif.js";
import { formatText } from "../../src/report/formats/text.js";
import { runCli } from "../support/cli.js";
import { testConfig, testDeps } from "../support/config.js";
import { type KmsEmulator, keyArn, startKmsEmulator, testKeyId } from "../support/kms-emulator.js";
import { ROOT } from "../support/run-dist.js";

const NOW = new Date("2026-11-28T00:00:00Z");
const KEYS = 1000;
const DELETED = 10;
const ids = Array.from({ length: KEYS }, (_, i) => testKeyId(i + 1));
const arns = ids.map((id) => keyArn("us-east-1", "111122223333", id));
const deleted = (i: number) => i % (KEYS / DELETED) === 0;

/** The 1,000-key plan of bench/kms-need.ts: every key a no-op but every 100th, deleted. */
const PLAN = JSON.stringify({
  format_version: "1.2",
  resource_changes: ids.map((id, i) => {
    const values = {
      arn: arns[i],
      key_id: id,
      is_enabled: true,
      deletion_window_in_days: 7,
    };
    return {
      address: `aws_kms_key.k${i}`,
      mode: "managed",
      type: "aws_kms_key",
      name: `k${i}`,
      change: {
        actions: [deleted(i) ? "delete" : "no-op"],
        before: values,
        after: deleted(i) ? null : values,
      },
    };
  }),
});

let kms: KmsEmulator;
beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "test";
  process.env.AWS_SECRET_ACCESS_KEY = "test";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  kms = await startKmsEmulator({
    seed: { keys: ids.map((keyId) => ({ keyId, createdAt: "2026-05-01T00:00:00Z" })) },
  });
});
afterAll(async () => {
  await kms.close();
});

/** The plan through the pipeline against the emulator, in `scope`, with the recommended pack. */
function check(scope: RunConfig["scope"], keys: string[] = []) {
  const config = testConfig({
    inputs: [{ kind: "terraform-plan", path: "plan.json" }],
    keys,
    scope,
    region: "us-east-1",
    endpointUrl: kms.endpoint,
    repoRoot: "/",
    now: NOW,
  });
  return run(
    config,
    testDeps({
      readFile: async () => PLAN,
      cwd: "/",
      clock: () => NOW,
      liveFacts: async (c: RunConfig) =>
        kmsFactSource({
          ...KMS_DEFAULTS,
          region: c.region,
          profile: null,
          endpointUrl: c.endpointUrl,
          callerAccount: async () => "111122223333",
        }),
    }),
  );
}

/** The keys each operation was asked about, at the emulator. */
function asked(operation: string): string[] {
  const calls = operation === "LookupEvents" ? kms.trailCalls : kms.calls;
  return calls
    .filter((c) => c.operation === operation)
    .map((c) => c.keyArn ?? c.keyId ?? "")
    .sort();
}

describe("scope changed", () => {
  const touched = arns.filter((_, i) => deleted(i)).sort();

  it("asks a 1,000-key plan with 10 deletions only about the 10: at most 10 GetKeyLastUsage calls", async () => {
    kms.resetCalls();
    const { report } = await check("changed");
    expect(asked("GetKeyLastUsage")).toEqual(touched);
    expect(asked("DescribeKey")).toEqual(touched);
    // CloudTrail is asked, if at all, only about keys in scope.
    expect(asked("LookupEvents").every((arn) => touched.includes(arn))).toBe(true);
    expect(report.subjects.map((s) => s.id).sort()).toEqual(touched);
    expect(report.stats).toMatchObject({ scope: "changed", keysOutOfScope: KEYS - DELETED });
    expect(report.findings.every((f) => f.keyArn !== null && touched.includes(f.keyArn))).toBe(
      true,
    );
    expect(report.findings.map((f) => f.ruleId)).toContain("deleting-enabled-key");
  });

  it("says how many keys were out of scope, in every format", async () => {
    const { report, rules } = await check("changed");
    expect(formatText(report, { color: false })).toMatch(
      /10 keys checked, 990 out of scope \(the change does not touch them\), 0 suppressed/,
    );
    expect(formatMarkdown(report)).toContain(
      "10 keys checked · 990 out of scope (the change does not touch them)",
    );
    expect(JSON.parse(formatJson(report)).stats).toMatchObject({
      scope: "changed",
      keysOutOfScope: 990,
    });
    expect(JSON.parse(formatSarif(report, { rules: rules.rules })).runs[0].properties).toEqual({
      keysChecked: 10,
      scope: "changed",
      keysOutOfScope: 990,
      usageCallsSaved: 0,
    });
  });

  it("always evaluates a key named with --key, touched or not", async () => {
    kms.resetCalls();
    const named = arns[1] as string;
    const { report } = await check("changed", [named]);
    expect(report.subjects.map((s) => s.id)).toContain(named);
    expect(report.stats.keysOutOfScope).toBe(KEYS - DELETED - 1);
    expect(asked("DescribeKey")).toContain(named);
  });
});

describe("scope changed from a facts snapshot (the example)", () => {
  const EXAMPLE = [join(ROOT, "examples/plan.json"), "--facts", join(ROOT, "examples/facts.json")];
  // A no-op in examples/plan.json: the change does not touch it.
  const LEGACY = "arn:aws:kms:us-east-1:111122223333:key/0f9e8d7c-6b5a-4321-8fed-cba987654321";
  const cli = (argv: string[]) =>
    runCli([...EXAMPLE, "--now", "2026-11-28T00:00:00Z", ...argv], process.cwd());

  it("evaluates the keys the plan changes, and says one was left out", async () => {
    const all = await cli(["--format", "json"]);
    const changed = await cli(["--scope", "changed", "--format", "json"]);
    const ids = (run: { stdout: string }) =>
      JSON.parse(run.stdout).keys.map((k: { id: string }) => k.id);
    expect(ids(all)).toContain(LEGACY);
    expect(ids(changed)).not.toContain(LEGACY);
    expect(ids(changed)).toHaveLength(3);
    const text = await cli(["--scope", "changed"]);
    expect(text.stdout).toContain(
      "3 keys checked, 1 out of scope (the change does not touch them)",
    );
    expect(text.stdout).not.toContain("0f9e8d7c");
  });

  it("always evaluates a key named with --key", async () => {
    const run = await cli(["--scope", "changed", "--key", LEGACY, "--format", "json"]);
    const report = JSON.parse(run.stdout);
    expect(report.keys.map((k: { id: string }) => k.id)).toContain(LEGACY);
    expect(report.stats).toMatchObject({ scope: "changed", keysOutOfScope: 0 });
  });

  it("still writes every key into --save-facts, evaluating only those in scope", async () => {
    const run = await cli(["--scope", "changed", "--save-facts", "out.json"]);
    expect(run.stdout).toContain("3 keys checked, 1 out of scope");
    const saved = JSON.parse(run.written["out.json"] ?? "{}");
    expect(Object.keys(saved.keys)).toContain(LEGACY);
  });
});
