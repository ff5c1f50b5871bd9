/**
 * A CDK app laid out as CDK Pipelines apps are — a stage in another account, nested
 * stacks of one class — checked without --cdk-base, against what is deployed (SPEC §2
 * "CDK assembly", §10): the stack in the other account is read there (with the role
 * --role-template names) or the run is not evaluated; nested stacks are found under
 * their physical names through their parent's resources and compared like any stack,
 * and a nested stack the change drops takes its keys with it. Real aws-cdk-lib
 * assemblies (committed; test/e2e/cdk-synth.test.ts synthesizes them again), the command
 * line in-process, the real SDK (STS AssumeRole included) against the KMS emulator,
 * which also serves STS and CloudFormation.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { liveFactSource } from "../../src/facts/live.js";
import type { StackModel } from "../../src/sources/cdk/stack.js";
import { presynthesizedApp, readAssembly, tempDir } from "../support/cdk/synth.js";
import { runCli } from "../support/cli.js";
import {
  type KmsEmulator,
  keyArn,
  type SeedKey,
  type SeedStack,
  startKmsEmulator,
  testKeyId,
} from "../support/kms-emulator.js";

const PIPELINE = "111122223333";
const PROD = "444455556666";
const REGION = "us-east-1";
const ROLE = "arn:aws:iam::{account}:role/kms-usage-lint-reader";
const NOW = ["--now", "2026-11-28T00:00:00Z"];

let work: { dir: string; remove: () => Promise<void> };
let base: string;
let head: string;
let kms: KmsEmulator;
const saved = { ...process.env };

/** Each deployed key by the construct that made it: its ARN. */
const arns: Record<string, string> = {};
/** The physical (deployed) name of each nested stack, by the logical id that deploys it. */
const nestedNames: Record<string, string> = {};

beforeAll(async () => {
  work = await tempDir("cdk-deployed");
  base = await presynthesizedApp("pipeline/base", join(work.dir, "base"));
  head = await presynthesizedApp("pipeline/head", join(work.dir, "head"));
  // What is deployed is the base: every stack of it, nested ones under the names
  // CloudFormation gave them, each key with a key id.
  const { stacks } = await readAssembly(base);
  const keys: SeedKey[] = [];
  const seeded: SeedStack[] = [];
  let n = 0;
  const physicalName = (stack: StackModel): string => {
    if (stack.parent === null) return stack.name;
    const parent = stacks.find((s) => s.name === stack.parent?.stack);
    if (!parent) throw new Error(`no parent for ${stack.name}`);
    return `${physicalName(parent)}-${stack.parent.logicalId.slice(0, 20)}-1A2B3C4D5E6F`;
  };
  for (const stack of stacks) {
    const name = physicalName(stack);
    const account = stack.account ?? PIPELINE;
    const resources: SeedStack["resources"] = {};
    for (const [logicalId, resource] of stack.resources) {
      if (resource.type === "AWS::KMS::Key") {
        const id = testKeyId(++n);
        const construct = resource.constructPath?.split("/").at(-2) ?? logicalId;
        const owner = stack.parent === null ? "" : `${stack.parent.logicalId.slice(0, 7)}.`;
        arns[`${owner}${construct}`] = keyArn(REGION, account, id);
        resources[logicalId] = { type: resource.type, physicalId: id };
        keys.push({
          keyId: id,
          account,
          createdAt: "2026-06-01T00:00:00Z",
          trackingStartDate: "2026-05-01T00:00:00Z",
          lastUsage:
            construct === "KeptKey"
              ? null
              : {
                  operation: "Decrypt",
                  timestamp: "2026-11-26T00:00:00Z",
                  cloudTrailEventId: `ev-${construct}`,
                },
        });
      } else if (resource.type === "AWS::CloudFormation::Stack") {
        const nested = stacks.find(
          (s) => s.parent?.stack === stack.name && s.parent.logicalId === logicalId,
        );
        if (!nested) throw new Error(`no nested stack for ${logicalId}`);
        const nestedName = physicalName(nested);
        nestedNames[logicalId] = nestedName;
        resources[logicalId] = {
          type: resource.type,
          physicalId: `arn:aws:cloudformation:${REGION}:${account}:stack/${nestedName}/0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9`,
        };
      }
    }
    const template = JSON.parse(await readFile(stack.templateFile, "utf8"));
    seeded.push({ name, account, region: REGION, resources, template });
  }
  kms = await startKmsEmulator({ seed: { keys, stacks: seeded } });
}, 120_000);
afterEach(() => {
  kms.clearFaults();
  kms.resetCalls();
  process.env = { ...saved };
});
afterAll(async () => {
  process.env = saved;
  await kms?.close();
  await work?.remove();
});

/** The SDK's default chain finds test credentials, and every service is the emulator. */
function emulated() {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith("AWS_")) delete process.env[name];
  }
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: REGION,
    AWS_CONFIG_FILE: join(work.dir, "none"),
    AWS_SHARED_CREDENTIALS_FILE: join(work.dir, "none"),
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    AWS_ENDPOINT_URL_KMS: kms.endpoint,
    AWS_ENDPOINT_URL_STS: kms.endpoint,
    AWS_ENDPOINT_URL_CLOUDFORMATION: kms.endpoint,
  });
}

function cli(args: string[]) {
  return runCli([...args, ...NOW], work.dir, {
    liveFacts: async (config, _warn, progress) => liveFactSource(config, progress),
    writeFile: (path, text) => writeFile(resolve(work.dir, path), text),
  });
}

interface JsonReport {
  keys: { arn: string | null; change: { action: string; address: string } | null }[];
  findings: { ruleId: string; keyArn: string | null }[];
}

/** The rules that fired on each key. */
function firedOn(report: JsonReport): Record<string, string[]> {
  const fired: Record<string, string[]> = {};
  for (const [name, arn] of Object.entries(arns)) {
    fired[name] = report.findings
      .filter((f) => f.keyArn === arn)
      .map((f) => f.ruleId)
      .sort();
  }
  return fired;
}

function actionOf(report: JsonReport, name: string): string | null {
  return report.keys.find((k) => k.arn === arns[name])?.change?.action ?? null;
}

/** The verdicts: every key the change removes, in every account and stack, is seen. */
function expectDeletionsSeen(report: JsonReport) {
  // The Prod account's stack loses ProdKey.
  expect(actionOf(report, "ProdKey")).toBe("delete");
  expect(firedOn(report).ProdKey).toContain("deleting-recently-used-key");
  expect(actionOf(report, "KeptKey")).toBe("none");
  // TenantA's nested stack loses its key; TenantB's nested stack goes, its key with it.
  expect(actionOf(report, "TenantA.TenantKey")).toBe("delete");
  expect(firedOn(report)["TenantA.TenantKey"]).toContain("deleting-recently-used-key");
  expect(actionOf(report, "TenantB.TenantKey")).toBe("delete");
  expect(firedOn(report)["TenantB.TenantKey"]).toContain("deleting-recently-used-key");
}

describe("a stack in another account (SPEC §10: never read as 'not deployed' by the wrong account)", () => {
  it("without a role to read it there: exit 2, naming the stack, its account and --role-template", async () => {
    emulated();
    const run = await cli(["--cdk-out", head]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `kms-usage-lint: could not tell what the change does to stack Prod-Data in us-east-1: without --cdk-base its deployed template is the base, and ListStackResources: stack Prod-Data is in account ${PROD}, and CloudFormation answers only for the stacks of the account asking (the caller is ${PIPELINE}); --role-template 'arn:aws:iam::{account}:role/NAME' can name a role to assume there. Or pass --cdk-base DIR (the base branch's synthesized assembly), or evaluate from a facts snapshot taken with that role\n`,
    );
    // Nothing was asked of the caller's account about a stack it does not hold.
    expect(kms.cloudFormationCalls.filter((c) => c.stackName === "Prod-Data")).toEqual([]);
  });

  it("with --role-template: assumes the role there, compares as that account, and finds the deletion", async () => {
    emulated();
    const run = await cli(["--cdk-out", head, "--role-template", ROLE, "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expectDeletionsSeen(JSON.parse(run.stdout));
    expect(kms.assumedRoles).toContain(`arn:aws:iam::${PROD}:role/kms-usage-lint-reader`);
    // The Prod stack was read, and its key asked about, as the Prod account only.
    const prodStack = kms.cloudFormationCalls.filter((c) => c.stackName === "Prod-Data");
    expect(prodStack.map((c) => c.operation).sort()).toEqual(["GetTemplate", "ListStackResources"]);
    expect(new Set(prodStack.map((c) => c.account))).toEqual(new Set([PROD]));
    const prodKey = kms.calls.filter((c) => c.keyArn === arns.ProdKey);
    expect(prodKey.map((c) => [c.operation, c.account, c.status])).toContainEqual([
      "GetKeyLastUsage",
      PROD,
      200,
    ]);
  });

  it("a role that cannot be assumed: exit 2, never 'not deployed'", async () => {
    emulated();
    kms.setFault({ kind: "access-denied", service: "sts", operation: "AssumeRole" });
    const run = await cli(["--cdk-out", head, "--role-template", ROLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^kms-usage-lint: could not tell what the change does to stack Prod-Data in us-east-1: .*cannot assume arn:aws:iam::444455556666:role\/kms-usage-lint-reader/,
    );
  });
});

describe("nested stacks compared with what is deployed, without --cdk-base", () => {
  it("live: finds each nested stack by its parent's ListStackResources and reads it by its physical name", async () => {
    emulated();
    const run = await cli(["--cdk-out", head, "--role-template", ROLE, "--format", "json"]);
    expect(run.code).toBe(1);
    expectDeletionsSeen(JSON.parse(run.stdout));
    const asked = new Set(kms.cloudFormationCalls.map((c) => `${c.operation} ${c.stackName}`));
    for (const [logicalId, name] of Object.entries(nestedNames)) {
      expect(asked).toContain(`ListStackResources ${name}`);
      expect(asked).toContain(`GetTemplate ${name}`);
      // Never by the placeholder name the assembly reader gives a nested stack.
      expect(asked).not.toContain(`ListStackResources Tenants-${logicalId}`);
    }
  });

  it("from a facts snapshot that holds each nested stack under its physical name, with no AWS call", async () => {
    emulated();
    const live = await cli([
      "--cdk-out",
      head,
      "--role-template",
      ROLE,
      "--format",
      "json",
      "--save-facts",
      join(work.dir, "facts.json"),
    ]);
    expect(live.code).toBe(1);
    const snapshot = JSON.parse(await readFile(join(work.dir, "facts.json"), "utf8"));
    expect(Object.keys(snapshot.stacks).sort()).toEqual(
      ["Prod-Data", "Tenants", ...Object.values(nestedNames)].map((n) => `${n}@${REGION}`).sort(),
    );
    expect(snapshot.stacks[`Prod-Data@${REGION}`].account).toBe(PROD);
    kms.resetCalls();
    const offline = await runCli(
      ["--cdk-out", head, "--facts", join(work.dir, "facts.json"), "--format", "json", ...NOW],
      work.dir,
    );
    expect(offline.stderr).toBe("");
    expect(offline.code).toBe(1);
    expect(kms.calls).toEqual([]);
    expect(kms.cloudFormationCalls).toEqual([]);
    expectDeletionsSeen(JSON.parse(offline.stdout));
    expect(offline.stdout).toBe(live.stdout);
  });

  it("live: a nested stack whose deployed template cannot be read stops the run (exit 2)", async () => {
    emulated();
    const [nestedLogicalId, nestedName] = Object.entries(nestedNames).find(([id]) =>
      id.startsWith("TenantA"),
    ) as [string, string];
    kms.setFault({
      kind: "access-denied",
      service: "cloudformation",
      operation: "GetTemplate",
      stackName: nestedName,
    });
    const run = await cli(["--cdk-out", head, "--role-template", ROLE]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      new RegExp(
        `^kms-usage-lint: could not tell what the change does to nested stack Tenants/${nestedLogicalId} in us-east-1: without --cdk-base its deployed template is the base, and access denied: the caller needs cloudformation:GetTemplate .*Pass --cdk-base DIR`,
      ),
    );
  });

  it("from a snapshot: a nested stack it does not hold stops the run (exit 2), naming it", async () => {
    emulated();
    await cli([
      "--cdk-out",
      head,
      "--role-template",
      ROLE,
      "--save-facts",
      join(work.dir, "facts.json"),
    ]);
    const snapshot = JSON.parse(await readFile(join(work.dir, "facts.json"), "utf8"));
    const [nestedLogicalId, nestedName] = Object.entries(nestedNames).find(([id]) =>
      id.startsWith("TenantB"),
    ) as [string, string];
    delete snapshot.stacks[`${nestedName}@${REGION}`];
    await writeFile(join(work.dir, "partial.json"), JSON.stringify(snapshot));
    const partial = join(work.dir, "partial.json");
    const run = await runCli(["--cdk-out", head, "--facts", partial, ...NOW], work.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `kms-usage-lint: could not tell what the change does to nested stack Tenants/${nestedLogicalId} in us-east-1: without --cdk-base its deployed template is the base, and ListStackResources: stack ${nestedName}@us-east-1 is not in the facts snapshot. Pass --cdk-base DIR (the base branch's synthesized assembly), or grant cloudformation:GetTemplate and cloudformation:ListStackResources, or take the facts snapshot from an assembly that has the stack\n`,
    );
  });
});

describe("with --cdk-base, keys of nested and other accounts' stacks are resolved where they are deployed", () => {
  it("with the role: the same deletions, each key found by its deployed id", async () => {
    emulated();
    const run = await cli([
      "--cdk-out",
      head,
      "--cdk-base",
      base,
      "--role-template",
      ROLE,
      "--format",
      "json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expectDeletionsSeen(JSON.parse(run.stdout));
  });

  it("without the role: the other account's keys are unavailable, and deleting one is an error", async () => {
    emulated();
    const run = await cli(["--cdk-out", head, "--cdk-base", base, "--format", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      findings: { ruleId: string; address: string | null }[];
      errors: { message: string }[];
    };
    const prodKey = report.findings.filter((f) => f.address === "Prod/Data/ProdKey/Resource");
    expect(prodKey.map((f) => f.ruleId)).toContain("deleting-key-without-evidence");
    expect(report.errors.map((e) => e.message)).toContainEqual(
      expect.stringContaining(`stack Prod-Data is in account ${PROD}`),
    );
    // Nothing was asked of the caller's account about the other account's stack.
    expect(kms.cloudFormationCalls.filter((c) => c.stackName === "Prod-Data")).toEqual([]);
  });
});
