/**
 * Need-driven usage in a pull request (issues 5 and 15): a plan of N keys (1,000) of which
 * D (10) are deleted, the whole recommended pack, `--scope changed`, through the pipeline
 * against the KMS emulator. Prints one JSON line with the GetKeyLastUsage calls made
 * (target: at most D). In scope `all` the rules that judge every key's usage (unused,
 * stale, unreadable) need every key's usage: 1,000 calls.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KMS_DEFAULTS, kmsFactSource } from "../src/facts/aws-source.js";
import { nodeDeps } from "../src/node-deps.js";
import { run } from "../src/pipeline.js";
import { testConfig } from "../test/support/config.js";
import { keyArn, startKmsEmulator, testKeyId } from "../test/support/kms-emulator.js";

const KEYS = Number(process.argv[2] ?? 1000);
const DELETED = Number(process.argv[3] ?? 10);
process.env.AWS_ACCESS_KEY_ID = "bench";
process.env.AWS_SECRET_ACCESS_KEY = "bench";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const ids = Array.from({ length: KEYS }, (_, i) => testKeyId(i + 1));
const kms = await startKmsEmulator({
  seed: { keys: ids.map((keyId) => ({ keyId, createdAt: "2026-05-01T00:00:00Z" })) },
  latency: 20,
});
const dir = mkdtempSync(join(tmpdir(), "kul-need-"));
const plan = {
  format_version: "1.2",
  resource_changes: ids.map((id, i) => {
    const values = {
      arn: keyArn("us-east-1", "111122223333", id),
      key_id: id,
      is_enabled: true,
      deletion_window_in_days: 7,
    };
    const deleted = i % Math.floor(KEYS / DELETED) === 0;
    return {
      address: `aws_kms_key.k${i}`,
      mode: "managed",
      type: "aws_kms_key",
      name: `k${i}`,
      change: {
        actions: [deleted ? "delete" : "no-op"],
        before: values,
        after: deleted ? null : values,
      },
    };
  }),
};
writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
writeFileSync(join(dir, "rules.yml"), "extends: [recommended]\n");
const config = testConfig({
  inputs: [{ kind: "terraform-plan", path: join(dir, "plan.json") }],
  configFile: join(dir, "rules.yml"),
  region: "us-east-1",
  endpointUrl: kms.endpoint,
  repoRoot: dir,
  now: new Date("2026-11-28T00:00:00Z"),
  failOn: "none",
  scope: "changed",
});
const start = performance.now();
const { report } = await run(config, {
  ...nodeDeps(),
  logger: { info: () => {}, warn: () => {}, debug: () => {} },
  liveFacts: async (c) =>
    kmsFactSource({
      ...KMS_DEFAULTS,
      region: c.region,
      profile: null,
      endpointUrl: c.endpointUrl,
      callerAccount: async () => "111122223333",
    }),
});
const seconds = (performance.now() - start) / 1000;
await kms.close();
console.log(
  JSON.stringify({
    keys: KEYS,
    deleted: DELETED,
    seconds,
    getKeyLastUsage: kms.calls.filter((c) => c.operation === "GetKeyLastUsage").length,
    saved: report.stats.usageCallsSaved,
  }),
);
