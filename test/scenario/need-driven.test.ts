/**
 * Need-driven usage (issue 5): GetKeyLastUsage is asked only for keys where some
 * rule's outcome can still depend on it, against live (emulated) KMS.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunConfig } from "../../src/config/config.js";
import { KMS_DEFAULTS, kmsFactSource } from "../../src/facts/aws-source.js";
import { run } from "../../src/pipeline.js";
import { formatText } from "../../src/report/formats/text.js";
import { testConfig, testDeps } from "../support/config.js";
import { type KmsEmulator, keyArn, startKmsEmulator, testKeyId } from "../support/kms-emulator.js";

const NOW = new Date("2026-11-28T00:00:00Z");
let kms: KmsEmulator;
beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "test";
  process.env.AWS_SECRET_ACCESS_KEY = "test";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  kms = await startKmsEmulator({
    seed: {
      keys: [
        { keyId: testKeyId(1), createdAt: "2026-04-01T00:00:00Z" },
        { keyId: testKeyId(2), createdAt: "2026-11-20T00:00:00Z" },
        { keyId: testKeyId(3), createdAt: "2025-01-01T00:00:00Z", manager: "AWS" },
      ],
    },
  });
});
afterAll(async () => {
  await kms.close();
});

function config(keys: string[], saveFacts: string | null = null): RunConfig {
  return testConfig({
    keys,
    saveFacts,
    region: "us-east-1",
    endpointUrl: kms.endpoint,
    repoRoot: "/",
    now: NOW,
  });
}

const deps = testDeps({
  readFile: async () => "",
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
});

const arns = [1, 2, 3].map((n) => keyArn("us-east-1", "111122223333", testKeyId(n)));

describe("need-driven usage", () => {
  it("asks GetKeyLastUsage only where a rule is still undecided, and says how many calls it saved", async () => {
    kms.resetCalls();
    const { report } = await run(config(arns), deps);
    const asked = kms.calls.filter((c) => c.operation === "GetKeyLastUsage").map((c) => c.keyId);
    // Key 1 is an old customer key: unused-key depends on its usage. Key 2 is 8 days old and
    // key 3 is AWS managed: no rule can fire on them whatever their usage.
    expect(asked).toEqual([arns[0]]);
    expect(report.stats.usageCallsSaved).toBe(2);
    expect(report.findings.map((f) => [f.ruleId, f.keyArn])).toEqual([["unused-key", arns[0]]]);
    expect(formatText(report, { color: false })).toContain(
      "3 keys checked, 0 suppressed, 2 GetKeyLastUsage calls saved",
    );
  });

  it("asks for every key when writing a snapshot, so the snapshot is complete", async () => {
    kms.resetCalls();
    const { report } = await run(config(arns, "/dev/null"), deps);
    expect(kms.calls.filter((c) => c.operation === "GetKeyLastUsage")).toHaveLength(3);
    expect(report.stats.usageCallsSaved).toBe(0);
  });
});
