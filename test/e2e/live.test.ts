/**
 * The bundle against live (emulated) AWS, as a user runs it: credentials and
 * endpoints from the environment, the real SDK inside dist/ doing the calls.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KmsEmulator, keyArn, startKmsEmulator, testKeyId } from "../support/kms-emulator.js";
import { isolatedCopy, nodeRuntimes, runNodeAsync } from "../support/run-dist.js";

let kms: KmsEmulator;
beforeAll(async () => {
  kms = await startKmsEmulator({
    seed: {
      keys: [
        {
          keyId: testKeyId(1),
          createdAt: "2026-05-01T00:00:00Z",
          lastUsage: {
            operation: "Decrypt",
            timestamp: "2026-11-26T00:00:00Z",
            cloudTrailEventId: "ev-live",
          },
        },
        { keyId: testKeyId(2), createdAt: "2026-05-01T00:00:00Z" },
      ],
      aliases: [{ name: "alias/live", targetKeyId: testKeyId(1) }],
    },
  });
});
afterAll(async () => {
  await kms.close();
});

describe.each(nodeRuntimes())("dist/ with live KMS on $name", ({ bin }) => {
  const dir = isolatedCopy();
  const env = () => ({
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_KMS: kms.endpoint,
    AWS_ENDPOINT_URL_STS: kms.endpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  });

  it("gathers usage through the SDK, resolves an alias, and skips another account's key", async () => {
    // A rule that reads every key's usage, so that no key's usage call is skipped as unneeded.
    writeFileSync(
      join(dir, "usage.yml"),
      "rules:\n  usage-seen:\n    severity: notice\n    description: usage is known\n    message: '{{usage.status}}'\n    when:\n      fact: usage.status\n      equals: nothing\n",
    );
    kms.resetCalls();
    const other = keyArn("us-east-1", "444455556666", testKeyId(9));
    const run = await runNodeAsync(
      bin,
      [
        "dist/cli.js",
        "--key",
        "alias/live",
        "--key",
        keyArn("us-east-1", "111122223333", testKeyId(2)),
        "--key",
        other,
        "--config",
        "usage.yml",
        "--format",
        "json",
        "--now",
        "2026-11-28T00:00:00Z",
      ],
      dir,
      env(),
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    const usage = Object.fromEntries(
      report.keys.map((k: { arn: string; usage: { status: string; reason: string | null } }) => [
        k.arn,
        k.usage,
      ]),
    );
    expect(usage[keyArn("us-east-1", "111122223333", testKeyId(1))]).toMatchObject({
      status: "used",
      cloudTrailEventId: "ev-live",
      daysSinceLastUse: 2,
    });
    expect(usage[keyArn("us-east-1", "111122223333", testKeyId(2))]).toMatchObject({
      status: "unused",
    });
    expect(usage[other].status).toBe("unavailable");
    expect(usage[other].reason).toContain("same-account only");
    expect(
      kms.calls.filter((c) => c.operation === "GetKeyLastUsage").map((c) => c.keyArn ?? c.keyId),
    ).not.toContain(other);
  });

  it("snapshot writes what a live run sees; --facts replays it without a single AWS call", async () => {
    const keys = [
      "--key",
      "alias/live",
      "--key",
      keyArn("us-east-1", "111122223333", testKeyId(2)),
    ];
    const common = ["--format", "json", "--now", "2026-11-28T00:00:00Z"];
    const live = await runNodeAsync(bin, ["dist/cli.js", ...keys, ...common], dir, env());
    const saved = await runNodeAsync(
      bin,
      ["dist/cli.js", "snapshot", ...keys, "-o", "facts.json"],
      dir,
      env(),
    );
    expect(saved.status).toBe(0);
    expect(saved.stderr).toBe("wrote the facts of 2 keys to facts.json\n");
    kms.resetCalls();
    const offline = await runNodeAsync(
      bin,
      ["dist/cli.js", ...keys, ...common, "--facts", "facts.json", "--region", "us-east-1"],
      dir,
      { ...env(), AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "" },
    );
    expect(offline.stderr).toBe("");
    expect(kms.calls).toEqual([]);
    // The whole report, byte for byte: the offline run sees exactly what the live one saw.
    expect(offline.stdout).toBe(live.stdout);
  });

  it("with --role-template, assumes the role in the other account and asks there", async () => {
    kms.seed({
      keys: [{ keyId: testKeyId(50), account: "444455556666", createdAt: "2026-05-01T00:00:00Z" }],
    });
    const other = keyArn("us-east-1", "444455556666", testKeyId(50));
    const run = await runNodeAsync(
      bin,
      [
        "dist/cli.js",
        "--key",
        other,
        "--role-template",
        "arn:aws:iam::{account}:role/kms-usage-lint-reader",
        "--format",
        "json",
        "--now",
        "2026-11-28T00:00:00Z",
      ],
      dir,
      env(),
    );
    expect(run.stderr).toBe("");
    const [key] = JSON.parse(run.stdout).keys;
    expect(key.usage).toMatchObject({ status: "unused", reason: null });
    expect(kms.assumedRoles).toContain("arn:aws:iam::444455556666:role/kms-usage-lint-reader");
  });
});
