/**
 * The bundle against live (emulated) AWS, as a user runs it: credentials and
 * endpoints from the environment, the real SDK inside dist/ doing the calls.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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
afterEach(() => {
  kms.clearFaults();
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
    expect(saved.stderr).toBe(
      "wrote the facts of 2 keys to facts.json: 1 used, 1 unused, 0 unknown, 0 unavailable\n",
    );
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

describe.each(nodeRuntimes())("dist/ failing closed on $name", ({ bin }) => {
  const dir = isolatedCopy();
  writeFileSync(join(dir, "empty"), "");
  // No credentials anywhere: no AWS_* variable, empty shared files, no instance metadata.
  const bare = {
    AWS_CONFIG_FILE: join(dir, "empty"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "empty"),
    AWS_EC2_METADATA_DISABLED: "true",
  };
  const emulated = () => ({
    ...bare,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_KMS: kms.endpoint,
    AWS_ENDPOINT_URL_STS: kms.endpoint,
  });
  const lines = (text: string) => text.split("\n").filter((line) => line !== "");

  it("without credentials, the README's quick start exits 2 in one line; the SDK's Node warning takes one line at most", async () => {
    const run = await runNodeAsync(bin, ["dist/cli.js", "check", "examples/plan.json"], dir, bare);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const said = lines(run.stderr);
    const failure = said.filter((line) => line.startsWith("kms-usage-lint: "));
    expect(failure).toHaveLength(1);
    expect(failure[0]).toContain("could not ask AWS: no AWS credentials for STS GetCallerIdentity");
    expect(failure[0]).toContain("--facts FILE");
    // Whatever Node runs it, nothing else but at most one line about that Node.
    const rest = said.filter((line) => !line.startsWith("kms-usage-lint: "));
    expect(rest.length).toBeLessThanOrEqual(1);
    for (const line of rest)
      expect(line).toMatch(/^warning: Node\.js v[\d.]+ is past its end of life/);
    const quiet = await runNodeAsync(
      bin,
      ["dist/cli.js", "check", "examples/plan.json", "--quiet"],
      dir,
      bare,
    );
    expect(quiet.status).toBe(2);
    expect(lines(quiet.stderr)).toEqual(failure);
  });

  it("snapshot without credentials exits 2 and writes no file", async () => {
    const run = await runNodeAsync(
      bin,
      ["dist/cli.js", "snapshot", "examples/plan.json", "-o", "no-facts.json", "--quiet"],
      dir,
      bare,
    );
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(existsSync(join(dir, "no-facts.json"))).toBe(false);
  });

  it("a silent endpoint ends the run within --aws-timeout, exit 2", async () => {
    kms.setFault({ kind: "silent", service: "any" });
    // The emulator is shared across this file's tests: count only this run's requests.
    const [stsBefore, kmsBefore] = [kms.stsCalls.length, kms.calls.length];
    const run = await runNodeAsync(
      bin,
      ["dist/cli.js", "check", "examples/plan.json", "--aws-timeout", "2", "--quiet"],
      dir,
      emulated(),
    );
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([
      expect.stringContaining(`(${kms.endpoint}) gave no answer within 2 s (--aws-timeout)`),
    ]);
    // One deadline for the run, not one per key: STS asked once, no key asked twice, none for its usage.
    expect(kms.stsCalls.slice(stsBefore).map((c) => c.operation)).toEqual(["GetCallerIdentity"]);
    const calls = kms.calls.slice(kmsBefore);
    expect(calls.filter((c) => c.operation === "GetKeyLastUsage")).toEqual([]);
    const described = calls.filter((c) => c.operation === "DescribeKey").map((c) => c.keyId);
    expect(new Set(described).size).toBe(described.length);
  });

  it.each([
    ["every connection reset", { kind: "reset", service: "any" }, "closed the connection"],
    ["HTML answers", { kind: "html", status: 503, service: "any" }, "not an AWS answer (HTTP 503"],
    ["KMS answering {}", { kind: "empty-object" }, "answered DescribeKey without"],
  ] as const)("%s: exit 2", async (_, fault, cause) => {
    kms.setFault(fault);
    const run = await runNodeAsync(
      bin,
      ["dist/cli.js", "check", "examples/plan.json", "--quiet"],
      dir,
      emulated(),
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr)).toEqual([expect.stringContaining(cause)]);
  });
});
