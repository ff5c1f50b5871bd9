/**
 * GetKeyLastUsage pacing (SPEC §9, issue 5): N keys over R regions against the
 * KMS emulator enforcing AWS's 5 requests per second per account-region, through
 * the real SDK. Prints one JSON line: the wall time, the quota bound (calls of
 * the busiest region ÷ 5/s), throttled responses and errors reported.
 */

import { KMS_DEFAULTS, kmsFactSource } from "../src/facts/aws-source.js";
import { gatherFacts } from "../src/facts/gather.js";
import type { KeyReference } from "../src/model.js";
import { keyArn, startKmsEmulator, testKeyId } from "../test/support/kms-emulator.js";

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2", "eu-central-1"];
const keys = Number(process.argv[2] ?? 40);
const regionCount = Number(process.argv[3] ?? 1);
const latencyMs = Number(process.argv[4] ?? 20);

process.env.AWS_ACCESS_KEY_ID = "bench";
process.env.AWS_SECRET_ACCESS_KEY = "bench";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const seeded = Array.from({ length: keys }, (_, i) => ({
  keyId: testKeyId(i + 1),
  region: REGIONS[i % regionCount] as string,
  createdAt: "2026-05-01T00:00:00Z",
}));
const kms = await startKmsEmulator({ seed: { keys: seeded }, latency: latencyMs });
const refs: KeyReference[] = seeded.map((k) => ({
  source: "explicit",
  kind: "key",
  file: "--key",
  address: null,
  resourceType: null,
  attribute: null,
  target: { kind: "arn", arn: keyArn(k.region, "111122223333", k.keyId) },
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
    region: null,
    profile: null,
    endpointUrl: kms.endpoint,
    callerAccount: async () => "111122223333",
  }),
  { region: null },
);
const seconds = (performance.now() - start) / 1000;
await kms.close();
const busiest = Math.max(
  ...REGIONS.slice(0, regionCount).map((r) => seeded.filter((k) => k.region === r).length),
);
console.log(
  JSON.stringify({
    keys,
    regions: regionCount,
    seconds,
    bound: busiest / 5,
    throttled: kms.stats().throttled,
    errors: subjects.filter((s) => s.usage?.status === "unavailable").length,
  }),
);
