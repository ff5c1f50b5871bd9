/**
 * LookupEvents pacing (issue 14): N keys whose verdict needs their CloudTrail evidence,
 * in one region, one page of Event history each, against the emulator enforcing
 * CloudTrail's 2 requests per second per account-region, through the real SDK (with
 * their DescribeKey and GetKeyLastUsage, as a check asks them). Prints one JSON line:
 * the wall time, the quota bound (keys ÷ 2/s), throttled LookupEvents answers and keys
 * whose trail could not be read.
 */

import { KMS_DEFAULTS, kmsFactSource } from "../src/facts/aws-source.js";
import { gatherFacts } from "../src/facts/gather.js";
import type { KeyReference } from "../src/model.js";
import { keyArn, startKmsEmulator, testKeyId } from "../test/support/kms-emulator.js";

const keys = Number(process.argv[2] ?? 100);
const latencyMs = Number(process.argv[3] ?? 20);
const NOW = new Date("2026-11-28T00:00:00Z");

process.env.AWS_ACCESS_KEY_ID = "bench";
process.env.AWS_SECRET_ACCESS_KEY = "bench";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const ids = Array.from({ length: keys }, (_, i) => testKeyId(i + 1));
const kms = await startKmsEmulator({
  clock: () => NOW,
  latency: latencyMs,
  seed: {
    keys: ids.map((keyId) => ({ keyId, createdAt: "2025-01-01T00:00:00Z", state: "Disabled" })),
    // A DisableKey and a failed Decrypt each: one page of history per key.
    events: ids.flatMap((keyId) => [
      { keyId, eventName: "DisableKey", eventTime: new Date(NOW.getTime() - 20 * 86_400_000) },
      {
        keyId,
        eventName: "Decrypt",
        eventTime: new Date(NOW.getTime() - 86_400_000),
        errorCode: "DisabledException",
      },
    ]),
  },
});
const refs: KeyReference[] = ids.map((keyId) => ({
  source: "explicit",
  kind: "key",
  file: "--key",
  address: null,
  resourceType: null,
  attribute: null,
  target: { kind: "arn", arn: keyArn("us-east-1", "111122223333", keyId) },
  action: null,
  change: null,
  location: null,
  suppressions: [],
}));
const start = performance.now();
const { subjects } = await gatherFacts(
  refs,
  kmsFactSource({
    ...KMS_DEFAULTS,
    region: "us-east-1",
    profile: null,
    endpointUrl: kms.endpoint,
    callerAccount: async () => "111122223333",
    trail: { now: () => NOW },
  }),
  { region: "us-east-1", notAfter: NOW, needsTrail: () => true },
);
const seconds = (performance.now() - start) / 1000;
await kms.close();
console.log(
  JSON.stringify({
    keys,
    seconds,
    bound: keys / 2,
    lookups: kms.stats().byOperation.LookupEvents?.requests ?? 0,
    throttled: kms.stats().byOperation.LookupEvents?.throttled ?? 0,
    errors: subjects.filter((s) => s.trail?.status !== "complete" || s.trail.failedUses !== 1)
      .length,
  }),
);
