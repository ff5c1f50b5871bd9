/**
 * Issue 12, step 2, through the command line: a real assembly whose SNS topic uses
 * the AWS-managed `alias/aws/sns` (an Fn::Join ARN in an environment-agnostic stack),
 * `--parameter` and its mistakes, and `--verbose` notes.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunConfig } from "../../src/config/config.js";
import { KMS_DEFAULTS, kmsFactSource } from "../../src/facts/aws-source.js";
import { runCli } from "../support/cli.js";
import { type KmsEmulator, startKmsEmulator, testKeyId } from "../support/kms-emulator.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const ASSEMBLY = "test/fixtures/cdk-assembly/asc_s3sns_aws_managed_key";
const STACK = "s3sns-snsTopicWithAwsManagedKey";
const ACCOUNT = "111122223333";
const MANAGED = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${testKeyId(5)}`;
const SNS_ALIAS = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/sns`;
const NOW = "2026-11-28T00:00:00Z";

let work: string;
let facts: string;
/** A snapshot that knows no alias, so `alias/aws/sns` cannot be joined with a key. */
let noAliases: string;
let kms: KmsEmulator;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "kul-intrinsics-"));
  facts = join(work, "facts.json");
  const metadata = {
    KeyId: testKeyId(5),
    Arn: MANAGED,
    AWSAccountId: ACCOUNT,
    KeyState: "Enabled",
    Enabled: true,
    KeyManager: "AWS",
    CreationDate: "2020-01-01T00:00:00Z",
  };
  const snapshot = {
    version: 1,
    capturedAt: "2026-11-27T00:00:00Z",
    account: ACCOUNT,
    keys: {
      [MANAGED]: {
        KeyMetadata: metadata,
        LastUsage: {
          TrackingStartDate: "2026-05-01T00:00:00Z",
          KeyCreationDate: "2020-01-01T00:00:00Z",
        },
      },
    },
    aliases: { [SNS_ALIAS]: MANAGED },
  };
  await writeFile(facts, JSON.stringify(snapshot));
  noAliases = join(work, "no-aliases.json");
  await writeFile(noAliases, JSON.stringify({ ...snapshot, aliases: {} }));
  process.env.AWS_ACCESS_KEY_ID = "test";
  process.env.AWS_SECRET_ACCESS_KEY = "test";
  kms = await startKmsEmulator({
    seed: {
      keys: [
        {
          keyId: testKeyId(5),
          account: ACCOUNT,
          createdAt: "2020-01-01T00:00:00Z",
          manager: "AWS",
        },
      ],
      aliases: [{ name: "alias/aws/sns", targetKeyId: testKeyId(5), account: ACCOUNT }],
    },
  });
});
afterAll(async () => {
  await kms.close();
  await rm(work, { recursive: true, force: true });
});

/** Live KMS: the emulator, in the account the stack is given. */
const live = {
  liveFacts: async (c: RunConfig) =>
    kmsFactSource({
      ...KMS_DEFAULTS,
      region: c.region,
      profile: null,
      endpointUrl: c.endpointUrl,
      callerAccount: async () => ACCOUNT,
    }),
};

/** `check` of the real assembly against itself as the base (no change), as JSON. */
function check(...extra: string[]) {
  return runCli(
    [
      "check",
      "--cdk-out",
      ASSEMBLY,
      "--cdk-base",
      ASSEMBLY,
      "--now",
      NOW,
      "--format",
      "json",
      ...extra,
    ],
    ROOT,
    live,
  );
}

const inEnvironment = [
  `--parameter=${STACK}.AWS::Region=us-east-1`,
  `--parameter=${STACK}.AWS::AccountId=${ACCOUNT}`,
];

describe("an AWS-managed key named by an Fn::Join alias ARN", () => {
  it("is listed, with no finding, when neither the stack's environment nor the snapshot says which key it is", async () => {
    const { code, stdout } = await check("--facts", noAliases);
    const report = JSON.parse(stdout);
    expect(report.keys.map((k: { id: string; aliases: string[] }) => [k.id, k.aliases])).toEqual([
      ["alias/aws/sns", ["alias/aws/sns"]],
    ]);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it("is joined with the one alias ARN of that name the snapshot knows, the environment unknown", async () => {
    const { code, stdout } = await check("--facts", facts);
    const report = JSON.parse(stdout);
    expect(report.keys.map((k: { arn: string; manager: string }) => [k.arn, k.manager])).toEqual([
      [MANAGED, "AWS"],
    ]);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it("is resolved through the snapshot's aliases when --parameter gives the environment", async () => {
    const { code, stdout } = await check("--facts", facts, ...inEnvironment);
    const report = JSON.parse(stdout);
    expect(report.keys.map((k: { arn: string; manager: string }) => [k.arn, k.manager])).toEqual([
      [MANAGED, "AWS"],
    ]);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it("against live KMS: DescribeKey on the alias ARN, no GetKeyLastUsage (no rule judges an AWS-managed key), no finding", async () => {
    kms.resetCalls();
    const { code, stdout, stderr } = await check("--endpoint-url", kms.endpoint, ...inEnvironment);
    expect(stderr).toBe("");
    const report = JSON.parse(stdout);
    expect(report.keys.map((k: { arn: string; manager: string }) => [k.arn, k.manager])).toEqual([
      [MANAGED, "AWS"],
    ]);
    expect(report.findings).toEqual([]);
    expect(kms.calls.filter((c) => c.operation === "GetKeyLastUsage")).toEqual([]);
    expect(code).toBe(0);
  });

  it("snapshots it from live KMS, GetKeyLastUsage of an AWS-managed key included, without failing", async () => {
    kms.resetCalls();
    const out = join(work, "saved.json");
    const { code, stderr } = await runCli(
      [
        "snapshot",
        "--cdk-out",
        ASSEMBLY,
        "--cdk-base",
        ASSEMBLY,
        "--endpoint-url",
        kms.endpoint,
        ...inEnvironment,
        "-o",
        out,
      ],
      ROOT,
      { ...live, writeFile: (path, text) => writeFile(path, text) },
    );
    expect([code, stderr]).toEqual([
      0,
      `wrote the facts of 1 key to ${out}: 0 used, 0 unused, 1 unknown, 0 unavailable\n`,
    ]);
    expect(kms.calls.filter((c) => c.operation === "GetKeyLastUsage").map((c) => c.keyArn)).toEqual(
      [MANAGED],
    );
  });
});

describe("--parameter and --verbose", () => {
  it.each([
    ["no dot", "KeyArn=x", /--parameter "KeyArn=x": no stack name, dot, parameter name and '='/],
    ["no value", "S.KeyArn", /--parameter "S.KeyArn": no stack name, dot, parameter name and '='/],
    ["a bad name", "S.Key-Arn=x", /"Key-Arn" is not a parameter name \(letters and digits\)/],
    ["a bad region", "S.AWS::Region=mars", /AWS::Region must be a region like us-east-1/],
    ["a bad account", "S.AWS::AccountId=12", /AWS::AccountId must be a 12-digit account id/],
  ])("refuses a parameter with %s (exit 2)", async (_what, value, message) => {
    const { code, stderr } = await check("--facts", facts, "--parameter", value);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("refuses a parameter for a stack no input has, naming the stacks read", async () => {
    const { code, stderr } = await check("--facts", facts, "--parameter", "Other.KeyArn=x");
    expect(code).toBe(2);
    expect(stderr).toContain(
      `--parameter Other.KeyArn: no input has a stack named "Other" (stacks read: ${STACK}, s3snssnsTopicWithAwsManagedKeyIntegDefaultTestDeployAssertBD7193C2)`,
    );
  });

  it("refuses a parameter the stack's template does not declare", async () => {
    const { code, stderr } = await check("--facts", facts, "--parameter", `${STACK}.KeyArn=x`);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /--parameter s3sns-snsTopicWithAwsManagedKey\.KeyArn: the template declares no parameter "KeyArn" \(its parameters: BootstrapVersion\)/,
    );
  });

  it("applies a parameter the change adds to the head only: the base branch's template lacks it", async () => {
    const head = join(work, "head");
    await cp(join(ROOT, ASSEMBLY), head, { recursive: true });
    const file = join(head, `${STACK}.template.json`);
    const template = JSON.parse(await readFile(file, "utf8"));
    template.Parameters.KeyArn = { Type: "String" };
    template.Resources.Queue = {
      Type: "AWS::SQS::Queue",
      Properties: { KmsMasterKeyId: { Ref: "KeyArn" } },
    };
    await writeFile(file, JSON.stringify(template));
    const run = await runCli(
      ["check", "--cdk-out", head, "--cdk-base", ASSEMBLY, "--now", NOW, "--facts", facts].concat([
        "--parameter",
        `${STACK}.KeyArn=${MANAGED}`,
        "--format",
        "json",
      ]),
      ROOT,
    );
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    const key = report.keys.find((k: { arn?: string }) => k.arn === MANAGED);
    const references = key.references.map((r: { address: string; attribute: string }) => [
      r.address,
      r.attribute,
    ]);
    expect(references).toContainEqual([`${STACK}/Queue`, "KmsMasterKeyId"]);
  });

  it("names a plain template's stack after its file, and notes an unresolved import only with --verbose", async () => {
    const template = join(work, "use.template.json");
    await writeFile(
      template,
      JSON.stringify({
        Parameters: { KeyArn: { Type: "String", Default: "unset" } },
        Resources: {
          Alias: {
            Type: "AWS::KMS::Alias",
            Properties: {
              AliasName: "alias/app",
              TargetKeyId: { "Fn::ImportValue": "KeyStack-KeyArn" },
            },
          },
          Queue: { Type: "AWS::SQS::Queue", Properties: { KmsMasterKeyId: { Ref: "KeyArn" } } },
        },
      }),
    );
    const args = [
      "check",
      "--template",
      template,
      "--facts",
      facts,
      "--now",
      NOW,
      "--format",
      "json",
    ];
    const quiet = await runCli([...args, "--parameter", `use.KeyArn=${MANAGED}`], ROOT);
    const warning = `warning: ${template}: Resources.Alias: the alias's TargetKeyId names no key this template declares or writes out (a parameter or an expression); skipped\n`;
    expect(quiet.stderr).toBe(warning);
    const verbose = await runCli(
      [...args, "--parameter", `use.KeyArn=${MANAGED}`, "--verbose"],
      ROOT,
    );
    // --verbose also reports progress.
    expect(verbose.stderr).toContain(
      `${warning}note: ${template}: Fn::ImportValue "KeyStack-KeyArn": no stack among the inputs exports it, so the key it may name is left unresolved\n`,
    );
    const report = JSON.parse(verbose.stdout);
    expect(report.keys.map((k: { arn: string }) => k.arn)).toEqual([MANAGED]);
  });
});
