/**
 * Issue 4's scenario: a CDK app's base and head assemblies, synthesized with the
 * real aws-cdk-lib, checked through the command line against a facts snapshot
 * whose `stacks` section maps the logical ids to the deployed keys.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KMS_DEFAULTS, kmsFactSource } from "../../src/facts/aws-source.js";
import { presynthesizedApp, readAssembly, tempDir } from "../support/cdk/synth.js";
import { runCli } from "../support/cli.js";
import { type SeedKey, startKmsEmulator } from "../support/kms-emulator.js";

const ACCOUNT = "111122223333";
let work: { dir: string; remove: () => Promise<void> };
let base: string;
let head: string;
const keyIds: Record<string, string> = {};
const deployed: { resources: Record<string, string>; keys: SeedKey[] } = {
  resources: {},
  keys: [],
};

beforeAll(async () => {
  work = await tempDir("kul-cdk-scenario-");
  base = await presynthesizedApp("changes/base", join(work.dir, "base"));
  head = await presynthesizedApp("changes/head", join(work.dir, "head"));
  // The deployed stack is the base: each of its keys gets a key id.
  const { stacks } = await readAssembly(base);
  const stack = stacks.find((s) => s.name === "KeysStack");
  if (!stack) throw new Error("KeysStack not synthesized");
  const resources: Record<string, string> = {};
  const facts: Record<string, unknown> = {};
  let n = 0;
  for (const [logicalId, resource] of stack.resources) {
    if (resource.type !== "AWS::KMS::Key") continue;
    const id = `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
    const construct = resource.constructPath?.split("/")[1] ?? logicalId;
    keyIds[construct] = id;
    resources[logicalId] = id;
    const arn = `arn:aws:kms:${stack.region}:${ACCOUNT}:key/${id}`;
    const used = construct === "DestroyKey" || construct === "RetainKey";
    deployed.resources[logicalId] = id;
    deployed.keys.push({
      keyId: id,
      createdAt: "2026-06-01T00:00:00Z",
      trackingStartDate: "2026-05-01T00:00:00Z",
      lastUsage: used
        ? {
            operation: "Decrypt",
            timestamp: "2026-11-26T00:00:00Z",
            cloudTrailEventId: `ev-${construct}`,
          }
        : null,
    });
    facts[arn] = {
      KeyMetadata: {
        KeyId: id,
        Arn: arn,
        AWSAccountId: ACCOUNT,
        KeyState: "Enabled",
        Enabled: true,
        KeyManager: "CUSTOMER",
        CreationDate: "2026-06-01T00:00:00Z",
      },
      LastUsage: {
        ...(used
          ? {
              KeyLastUsage: {
                Operation: "Decrypt",
                Timestamp: "2026-11-26T00:00:00Z",
                CloudTrailEventId: `ev-${construct}`,
              },
            }
          : {}),
        TrackingStartDate: "2026-05-01T00:00:00Z",
        KeyCreationDate: "2026-06-01T00:00:00Z",
      },
    };
  }
  const snapshot = {
    version: 1,
    capturedAt: "2026-11-27T00:00:00Z",
    account: ACCOUNT,
    keys: facts,
    stacks: { [`KeysStack@${stack.region}`]: { account: ACCOUNT, resources } },
  };
  await writeFile(join(work.dir, "facts.json"), JSON.stringify(snapshot));
}, 60_000);
afterAll(async () => {
  await work.remove();
});

describe("a CDK pull request checked against its base", () => {
  it("in scope changed, leaves out only the key the comparison says is unchanged", async () => {
    const keys = async (scope: string) => {
      const run = await runCli(
        [
          ...["--cdk-out", head, "--cdk-base", base, "--facts", join(work.dir, "facts.json")],
          ...["--format", "json", "--now", "2026-11-28T00:00:00Z", "--scope", scope],
        ],
        work.dir,
      );
      const report = JSON.parse(run.stdout);
      return {
        changes: report.keys.map((k: { id: string; change: { action: string } | null }) => [
          k.id,
          k.change?.action ?? null,
        ]),
        outOfScope: report.stats.keysOutOfScope,
      };
    };
    const all = await keys("all");
    const changed = await keys("changed");
    // The head template declares each key, the comparison says its change: one subject, in
    // scope by its change — a key being deleted, orphaned, updated or created included.
    expect(all.changes.filter(([, action]: string[]) => action === "none")).toHaveLength(1);
    expect(changed.changes).toEqual(
      all.changes.filter(([, action]: string[]) => action !== "none"),
    );
    expect(changed.outOfScope).toBe(1);
  });

  it("stops the deletion of a used DESTROY key, not the orphaning of a RETAIN one, and flags a KeySpec change", async () => {
    const { code, stdout, stderr } = await runCli(
      [
        "--cdk-out",
        head,
        "--cdk-base",
        base,
        "--facts",
        join(work.dir, "facts.json"),
        "--format",
        "json",
        "--now",
        "2026-11-28T00:00:00Z",
        "--repo-root",
        join(work.dir, "head"),
      ],
      work.dir,
    );
    expectVerdicts(stdout, stderr, code);
  });

  it("without --cdk-base, compares with the deployed template from live CloudFormation", async () => {
    const template = JSON.parse(await readFile(join(base, "KeysStack.template.json"), "utf8"));
    const resources = Object.fromEntries(
      Object.entries(deployed.resources).map(([logicalId, id]) => [
        logicalId,
        { type: "AWS::KMS::Key", physicalId: id },
      ]),
    );
    const kms = await startKmsEmulator({
      seed: { keys: deployed.keys, stacks: [{ name: "KeysStack", resources, template }] },
    });
    process.env.AWS_ENDPOINT_URL_CLOUDFORMATION = kms.endpoint;
    process.env.AWS_ACCESS_KEY_ID = "test";
    process.env.AWS_SECRET_ACCESS_KEY = "test";
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    try {
      const { code, stdout, stderr } = await runCli(
        [
          "--cdk-out",
          head,
          "--format",
          "json",
          "--now",
          "2026-11-28T00:00:00Z",
          "--repo-root",
          join(work.dir, "head"),
        ],
        work.dir,
        {
          liveFacts: async (config) =>
            kmsFactSource({
              ...KMS_DEFAULTS,
              region: config.region,
              profile: null,
              endpointUrl: kms.endpoint,
              callerAccount: async () => ACCOUNT,
            }),
        },
      );
      expectVerdicts(stdout, stderr, code);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_CLOUDFORMATION;
      await kms.close();
    }
  });
});

describe("without --cdk-base, the deployed template is the base: no base, no verdict (SPEC §10)", () => {
  it("a snapshot without the stack's template: exit 2, naming the stack and the way out", async () => {
    const run = await runCli(
      ["--cdk-out", head, "--facts", join(work.dir, "facts.json"), "--now", "2026-11-28T00:00:00Z"],
      work.dir,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "kms-usage-lint: could not tell what the change does to stack KeysStack in us-east-1: without --cdk-base its deployed template is the base, and the deployed stack's template is not known. Pass --cdk-base DIR (the base branch's synthesized assembly), or grant cloudformation:GetTemplate and cloudformation:ListStackResources, or take the facts snapshot from an assembly that has the stack\n",
    );
  });

  it("live CloudFormation denying GetTemplate: exit 2, naming the missing permission", async () => {
    const kms = await startKmsEmulator({
      seed: {
        keys: deployed.keys,
        stacks: [{ name: "KeysStack", resources: {}, template: { Resources: {} } }],
      },
    });
    kms.setFault({ kind: "access-denied", service: "cloudformation", operation: "GetTemplate" });
    process.env.AWS_ENDPOINT_URL_CLOUDFORMATION = kms.endpoint;
    process.env.AWS_ACCESS_KEY_ID = "test";
    process.env.AWS_SECRET_ACCESS_KEY = "test";
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    try {
      const run = await runCli(["--cdk-out", head, "--now", "2026-11-28T00:00:00Z"], work.dir, {
        liveFacts: async (config) =>
          kmsFactSource({
            ...KMS_DEFAULTS,
            region: config.region,
            profile: null,
            endpointUrl: kms.endpoint,
            callerAccount: async () => ACCOUNT,
          }),
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^kms-usage-lint: could not tell what the change does to stack KeysStack in us-east-1: .*access denied: the caller needs cloudformation:GetTemplate/,
      );
    } finally {
      delete process.env.AWS_ENDPOINT_URL_CLOUDFORMATION;
      await kms.close();
    }
  });
});

/** The verdicts both runs must reach: the same base, the same head. */
function expectVerdicts(stdout: string, stderr: string, code: number) {
  expect(stderr).toBe("");
  const report = JSON.parse(stdout);
  const arnOf = (construct: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyIds[construct]}`;
  const fired = (construct: string) =>
    report.findings
      .filter((f: { keyArn: string }) => f.keyArn === arnOf(construct))
      .map((f: { ruleId: string }) => f.ruleId);
  const change = (construct: string) =>
    report.keys.find((k: { arn: string }) => k.arn === arnOf(construct))?.change;

  expect(change("DestroyKey")).toMatchObject({
    action: "delete",
    source: "cdk-assembly",
    deletionWindowDays: 7,
  });
  expect(fired("DestroyKey")).toContain("deleting-recently-used-key");
  expect(change("RetainKey")).toMatchObject({ action: "orphan" });
  expect(fired("RetainKey")).not.toContain("deleting-recently-used-key");
  expect(change("ToggleKey")).toMatchObject({ action: "update", disables: true });
  expect(fired("SpecKey")).toContain("update-fails-at-deploy");
  const spec = report.findings.find(
    (f: { ruleId: string }) => f.ruleId === "update-fails-at-deploy",
  );
  expect(spec.location).toEqual({ file: "app.mjs", line: 13 });
  expect(code).toBe(1);
}
