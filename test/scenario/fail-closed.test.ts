/**
 * A gate fails closed (SPEC §10, issue 11): when AWS cannot be asked — no credentials,
 * credentials refused, an endpoint that is silent, resets, or answers in HTML — the
 * run is not evaluated (exit 2, one line naming the cause and the way out); when one
 * account-region cannot be asked, its keys are unavailable and the run goes on.
 * The command line in-process, the real SDK, the KMS emulator on loopback.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { liveFactSource } from "../../src/facts/live.js";
import { runCli, textOf } from "../support/cli.js";
import { type Fault, type KmsEmulator, keyArn, startKmsEmulator } from "../support/kms-emulator.js";
import { ROOT } from "../support/run-dist.js";

const ACCOUNT = "111122223333";
const USED = "1234abcd-12ab-34cd-56ef-1234567890ab";
const UNUSED = "0f9e8d7c-6b5a-4321-8fed-cba987654321";
const REPLACED = "5a6b7c8d-1111-4222-8333-9a8b7c6d5e4f";
const NOW = ["--now", "2026-11-28T00:00:00Z"];

const dir = mkdtempSync(join(tmpdir(), "kul-fail-closed-"));
const empty = join(dir, "empty");
writeFileSync(empty, "");
const saved = { ...process.env };
let kms: KmsEmulator;

/** The environment with no AWS_* variable but these: no credentials anywhere unless given. */
function awsEnv(env: Record<string, string> = {}) {
  for (const name of Object.keys(process.env))
    if (name.startsWith("AWS_")) delete process.env[name];
  Object.assign(process.env, {
    AWS_CONFIG_FILE: empty,
    AWS_SHARED_CREDENTIALS_FILE: empty,
    // No instance metadata service here: the chain must not reach for one.
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...env,
  });
}

/** Credentials, region and endpoints pointing at the emulator (the shared one unless named). */
function emulated(emulator: KmsEmulator = kms) {
  awsEnv({
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_KMS: emulator.endpoint,
    AWS_ENDPOINT_URL_STS: emulator.endpoint,
    AWS_ENDPOINT_URL_CLOUDFORMATION: emulator.endpoint,
  });
}

const written: string[] = [];
function cli(args: string[]) {
  return runCli(args, ROOT, {
    liveFacts: async (config, _warn, progress) => liveFactSource(config, progress),
    writeFile: async (path) => {
      written.push(path);
    },
  });
}

beforeAll(async () => {
  kms = await startKmsEmulator({
    seed: {
      keys: [
        {
          keyId: USED,
          createdAt: "2025-01-01T00:00:00Z",
          lastUsage: { operation: "Decrypt", timestamp: "2026-11-26T00:00:00Z" },
        },
        { keyId: UNUSED, createdAt: "2026-05-01T00:00:00Z" },
        { keyId: REPLACED, createdAt: "2026-05-01T00:00:00Z" },
        { keyId: USED, region: "eu-west-1", createdAt: "2026-05-01T00:00:00Z" },
      ],
    },
  });
});
afterEach(() => {
  kms.clearFaults();
  kms.resetCalls();
  written.length = 0;
});
afterAll(async () => {
  process.env = saved;
  await kms.close();
});

/** Exit 2 and one line on stderr, nothing on stdout. */
function expectNotEvaluated(run: { code: number; stdout: string; stderr: string }) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.endsWith("\n")).toBe(true);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(/^kms-usage-lint: could not ask AWS: /);
  expect(run.stderr).toContain("--facts FILE");
}

describe("no usable credentials", () => {
  it("without any credentials, the README's quick start is not evaluated: exit 2, one line", async () => {
    awsEnv();
    const run = await cli(["check", "examples/plan.json", ...NOW]);
    expectNotEvaluated(run);
    expect(run.stderr).toContain("no AWS credentials for STS GetCallerIdentity in us-east-1");
    // Which sources were tried, and the way out.
    for (const part of [
      "environment variables",
      `profile default in ${empty} and ${empty}`,
      "web identity token",
      "EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)",
      "aws-actions/configure-aws-credentials",
    ]) {
      expect(run.stderr).toContain(part);
    }
  });

  it("snapshot without credentials writes no file and exits 2", async () => {
    awsEnv();
    const run = await cli(["snapshot", "examples/plan.json", "-o", join(dir, "facts.json")]);
    expectNotEvaluated(run);
    expect(written).toEqual([]);
  });

  it("a plan that names no existing key needs no credentials, and asks STS nothing", async () => {
    const plan = join(dir, "creates-only.json");
    writeFileSync(
      plan,
      JSON.stringify({
        format_version: "1.2",
        terraform_version: "1.9.8",
        resource_changes: [
          {
            address: "aws_kms_key.new",
            mode: "managed",
            type: "aws_kms_key",
            name: "new",
            provider_name: "registry.terraform.io/hashicorp/aws",
            change: {
              actions: ["create"],
              before: null,
              after: { deletion_window_in_days: 30, is_enabled: true },
              after_unknown: { arn: true, id: true, key_id: true },
            },
          },
        ],
      }),
    );
    awsEnv();
    const run = await cli(["check", plan, ...NOW]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    emulated();
    expect((await cli(["check", plan, ...NOW])).code).toBe(0);
    expect(kms.stsCalls).toEqual([]);
    expect(kms.calls).toEqual([]);
  });

  it.each<[string, Fault, string]>([
    [
      "STS refusing the credentials",
      { kind: "credentials-refused", operation: "GetCallerIdentity" },
      "STS GetCallerIdentity in us-east-1 (ENDPOINT) refused the credentials: InvalidClientTokenId",
    ],
    [
      "STS denying GetCallerIdentity",
      { kind: "access-denied", operation: "GetCallerIdentity" },
      "STS GetCallerIdentity in us-east-1 (ENDPOINT) answered AccessDenied",
    ],
    [
      "KMS refusing the credentials",
      { kind: "credentials-refused" },
      "KMS in us-east-1 (ENDPOINT) refused the credentials: UnrecognizedClientException",
    ],
  ])("%s: exit 2", async (_, fault, cause) => {
    emulated();
    kms.setFault(fault);
    const run = await cli(["check", "examples/plan.json", ...NOW]);
    expectNotEvaluated(run);
    expect(run.stderr).toContain(cause.replace("ENDPOINT", kms.endpoint));
    expect(run.stderr).toContain("aws-actions/configure-aws-credentials");
  });
});

describe("an endpoint that is not KMS", () => {
  it("silent (takes connections, never answers): exit 2 within --aws-timeout", async () => {
    emulated();
    kms.setFault({ kind: "silent", service: "any" });
    const run = await cli(["check", "examples/plan.json", "--aws-timeout", "1", ...NOW]);
    expectNotEvaluated(run);
    expect(run.stderr).toContain(
      `STS GetCallerIdentity in us-east-1 (${kms.endpoint}) gave no answer within 1 s (--aws-timeout)`,
    );
    // One deadline for the run, not one per key: STS asked once, each key at most once, none
    // retried, none asked for its usage.
    expect(kms.stsCalls.map((c) => c.operation)).toEqual(["GetCallerIdentity"]);
    expect(kms.calls.filter((c) => c.operation === "GetKeyLastUsage")).toEqual([]);
    const described = kms.calls.filter((c) => c.operation === "DescribeKey").map((c) => c.keyId);
    expect(new Set(described).size).toBe(described.length);
  });

  it("KMS silent behind a working STS: exit 2 within --aws-timeout, all keys at once", async () => {
    emulated();
    kms.setFault({ kind: "silent" });
    const run = await cli(["check", "examples/plan.json", "--aws-timeout", "1", ...NOW]);
    expectNotEvaluated(run);
    expect(run.stderr).toMatch(
      new RegExp(`KMS in us-east-1 \\(${kms.endpoint}\\) gave no answer to \\w+ within 1 s`),
    );
    expect(run.stderr).toContain("--endpoint-url");
    // All keys at once: each asked at most once, none retried, none asked for its usage.
    expect(kms.calls.filter((c) => c.operation === "GetKeyLastUsage")).toEqual([]);
    const described = kms.calls.filter((c) => c.operation === "DescribeKey").map((c) => c.keyId);
    expect(new Set(described).size).toBe(described.length);
  });

  it.each<[string, Fault, string]>([
    [
      "every connection reset",
      { kind: "reset", service: "any" },
      "STS GetCallerIdentity in us-east-1 (ENDPOINT) closed the connection without answering",
    ],
    [
      "KMS resetting every connection",
      { kind: "reset" },
      "KMS in us-east-1 (ENDPOINT) closed the connection without answering",
    ],
    [
      "an HTML page with 200",
      { kind: "html" },
      "KMS in us-east-1 (ENDPOINT) answered with something that is not an AWS answer (HTTP 200, text/html",
    ],
    [
      "an HTML page with 503, everywhere",
      { kind: "html", status: 503, service: "any" },
      "STS GetCallerIdentity in us-east-1 (ENDPOINT) answered with something that is not an AWS answer (HTTP 503, text/html",
    ],
    [
      "empty 200s",
      { kind: "empty-body" },
      "KMS in us-east-1 (ENDPOINT) answered DescribeKey without",
    ],
    [
      "{} 200s",
      { kind: "empty-object" },
      "KMS in us-east-1 (ENDPOINT) answered DescribeKey without",
    ],
    [
      "non-JSON 200s",
      { kind: "not-json" },
      "KMS in us-east-1 (ENDPOINT) answered with something that is not an AWS answer (HTTP 200",
    ],
  ])("%s: exit 2", async (_, fault, cause) => {
    emulated();
    kms.setFault(fault);
    const run = await cli(["check", "examples/plan.json", ...NOW]);
    expectNotEvaluated(run);
    expect(run.stderr).toContain(cause.replace("ENDPOINT", kms.endpoint));
  });
});

describe("one account-region that cannot be asked", () => {
  const keys = [
    "--key",
    keyArn("us-east-1", ACCOUNT, USED),
    "--key",
    keyArn("eu-west-1", ACCOUNT, USED),
  ];

  it("makes its keys unavailable with the cause, and the run goes on", async () => {
    emulated();
    kms.setFault({ kind: "silent", region: "eu-west-1" });
    const run = await cli([...keys, "--format", "json", "--aws-timeout", "1", ...NOW]);
    expect(run.code).not.toBe(2);
    const report = JSON.parse(run.stdout);
    const usage = (region: string) =>
      report.keys.find((k: { region: string }) => k.region === region)?.usage;
    expect(usage("us-east-1")).toMatchObject({ status: "used" });
    expect(usage("eu-west-1").status).toBe("unavailable");
    expect(usage("eu-west-1").reason).toMatch(
      new RegExp(`KMS in eu-west-1 \\(${kms.endpoint}\\) gave no answer to \\w+ within 1 s`),
    );
  });

  it("snapshot writes what could be read and counts the keys per status", async () => {
    emulated();
    kms.setFault({ kind: "reset", region: "eu-west-1" });
    const run = await cli(["snapshot", ...keys, "-o", join(dir, "partial.json")]);
    expect(run.stderr).toBe(
      `wrote the facts of 2 keys to ${join(dir, "partial.json")}: 1 used, 0 unused, 0 unknown, 1 unavailable\n`,
    );
    expect(run.code).toBe(0);
    expect(written).toEqual([join(dir, "partial.json")]);
  });
});

describe("throttling", () => {
  it("is waited out within the deadline: a used key being deleted is still stopped", async () => {
    emulated();
    // Another client is using the account's quota for a while; the SDK alone would give up.
    const throttle = kms.setFault({ kind: "throttle", operation: "GetKeyLastUsage", keyId: USED });
    const lifted = setTimeout(() => throttle.clear(), 2_000);
    const run = await cli([
      "check",
      "examples/plan.json",
      "--format",
      "json",
      "--aws-timeout",
      "20",
      ...NOW,
    ]);
    clearTimeout(lifted);
    expect(throttle.hits).toBeGreaterThanOrEqual(2);
    const report = JSON.parse(run.stdout);
    const data = report.keys.find(
      (k: { arn: string }) => k.arn === keyArn("us-east-1", ACCOUNT, USED),
    );
    expect(data.usage).toMatchObject({ status: "used", daysSinceLastUse: 2 });
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      "deleting-recently-used-key",
    );
    expect(run.code).toBe(1);
  });
});

describe("wrong answers are not evidence (SPEC §10), through the real SDK", () => {
  const DATA = keyArn("us-east-1", ACCOUNT, USED);
  /** The README example's verdict on aws_kms_key.data, which the plan deletes. */
  async function dataKey() {
    const run = await cli(["check", "examples/plan.json", "--format", "json", ...NOW]);
    const report = JSON.parse(run.stdout);
    const key = report.keys.find((k: { arn: string }) => k.arn === DATA);
    const rules = report.findings
      .filter((f: { keyArn: string }) => f.keyArn === DATA)
      .map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`);
    return { code: run.code, usage: key.usage, rules };
  }

  it.each<[string, Fault, RegExp]>([
    [
      "GetKeyLastUsage answering for another key",
      { kind: "wrong-key", operation: "GetKeyLastUsage", keyId: USED, answerAs: UNUSED },
      /^GetKeyLastUsage: not evidence: the answer is for key "0f9e8d7c-.*", not the key asked/,
    ],
    [
      "DescribeKey answering for another key",
      { kind: "wrong-key", operation: "DescribeKey", keyId: USED, answerAs: UNUSED },
      /^DescribeKey: not evidence: the answer describes .*0f9e8d7c-.*, not the key asked/,
    ],
  ])(
    "%s: the deletion is an error for want of evidence, never a pass",
    async (_, fault, reason) => {
      emulated();
      kms.setFault(fault);
      const { code, usage, rules } = await dataKey();
      expect(usage.status).toBe("unavailable");
      expect(usage.reason).toMatch(reason);
      expect(rules).toContain("deleting-key-without-evidence:error");
      expect(code).toBe(1);
    },
  );

  it("a last use dated a year ahead is not evidence", async () => {
    emulated();
    kms.seed({
      keys: [
        {
          keyId: USED,
          createdAt: "2025-01-01T00:00:00Z",
          lastUsage: { operation: "Decrypt", timestamp: "2027-11-26T00:00:00Z" },
        },
      ],
    });
    try {
      const { usage, rules } = await dataKey();
      expect(usage.status).toBe("unavailable");
      expect(usage.reason).toMatch(/KeyLastUsage\.Timestamp .*2027-11-26.* is in the future/);
      expect(rules).toContain("deleting-key-without-evidence:error");
    } finally {
      kms.seed({
        keys: [
          {
            keyId: USED,
            createdAt: "2025-01-01T00:00:00Z",
            lastUsage: { operation: "Decrypt", timestamp: "2026-11-26T00:00:00Z" },
          },
        ],
      });
    }
  });

  it("a multi-Region primary whose DescribeKey is denied: unavailable unless a member was used", async () => {
    const MRK = "mrk-0123456789abcdef0123456789abcdef";
    kms.seed({
      keys: [
        {
          keyId: MRK,
          multiRegion: true,
          multiRegionRole: "PRIMARY",
          createdAt: "2026-05-01T00:00:00Z",
        },
        {
          keyId: MRK,
          region: "eu-west-1",
          multiRegion: true,
          multiRegionRole: "REPLICA",
          createdAt: "2026-05-01T00:00:00Z",
          lastUsage: { operation: "Decrypt", timestamp: "2026-11-26T00:00:00Z" },
        },
      ],
    });
    const rules = join(dir, "usage-rule.yml");
    // A rule that needs every key's usage, so usage is asked whatever the key's other facts.
    writeFileSync(
      rules,
      "rules:\n  usage-seen:\n    severity: notice\n    description: usage is read\n    message: '{{usage.status}}'\n    when:\n      fact: usage.status\n      equals: nothing\n",
    );
    emulated();
    kms.setFault({
      kind: "access-denied",
      operation: "DescribeKey",
      keyId: MRK,
      region: "us-east-1",
    });
    const args = [
      "--key",
      keyArn("us-east-1", ACCOUNT, MRK),
      "--config",
      rules,
      "--format",
      "json",
    ];
    const run = await cli([...args, ...NOW]);
    const usage = JSON.parse(run.stdout).keys[0].usage;
    // Its own record says unused, but the replica that was used is named only by DescribeKey.
    expect(usage.members.map((m: { status: string }) => m.status)).toEqual(["unused"]);
    expect(usage.status).toBe("unavailable");
    expect(usage.reason).toMatch(
      /^the other members of this multi-Region key are unknown: access denied: the caller needs kms:DescribeKey/,
    );
    // Asked through the replica, DescribeKey names the whole set: the replica's use is seen.
    const replica = await cli([
      "--key",
      keyArn("eu-west-1", ACCOUNT, MRK),
      "--config",
      rules,
      "--format",
      "json",
      ...NOW,
    ]);
    expect(JSON.parse(replica.stdout).keys[0].usage.status).toBe("used");
  });
});

describe("aliases that could not be listed (SPEC §4's own example rule)", () => {
  it("a rule on key.aliases that they leave open fails closed, live and replayed from a snapshot", async () => {
    const rules = join(dir, "prod.yml");
    writeFileSync(
      rules,
      [
        "extends: [recommended]",
        "rules:",
        "  no-prod-key-deletion:",
        "    severity: error",
        "    description: Production keys are never deleted from a pull request",
        "    when:",
        "      all:",
        "        - fact: change.action",
        "          in: [delete, replace]",
        "        - fact: key.aliases",
        "          contains: alias/prod",
        "    message: '{{key.arn}} is a production key'",
        "",
      ].join("\n"),
    );
    emulated();
    kms.setFault({ kind: "access-denied", operation: "ListAliases" });
    const args = ["check", "examples/plan.json", "--config", rules, "--format", "json", ...NOW];
    const live = JSON.parse((await cli(args)).stdout);
    const undecided = (report: {
      findings: { ruleId: string; keyArn: string; message: string }[];
    }) =>
      report.findings
        .filter((f) => f.ruleId === "no-prod-key-deletion")
        .map((f) => [f.keyArn, f.message.replace(/ \(.*\)\. No evidence/, ". No evidence")]);
    const data = keyArn("us-east-1", ACCOUNT, USED);
    const reason = `no-prod-key-deletion could not be decided for ${data}: key.aliases: its aliases could not be listed: access denied: the caller needs kms:ListAliases on this key. No evidence, no pass: grant the missing permission (or refresh the facts snapshot) and run again.`;
    // The deleted key and the replaced one: both could be production keys for all anyone knows.
    expect(undecided(live)).toEqual([
      [data, reason],
      [
        keyArn("us-east-1", ACCOUNT, REPLACED),
        reason.replace(data, keyArn("us-east-1", ACCOUNT, REPLACED)),
      ],
    ]);
    const errors = live.errors.map((e: { message: string }) => e.message);
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${data}: its aliases could not be listed: access denied: the caller needs kms:ListAliases`,
        ),
      ),
    );

    // The snapshot keeps the failed listing, so the replay cannot read "no alias" into it.
    const file = join(dir, "aliases-denied.json");
    let text = "";
    const record = await runCli(["snapshot", "examples/plan.json", "-o", file], ROOT, {
      liveFacts: async (config, _warn, progress) => liveFactSource(config, progress),
      writeFile: async (_path, written) => {
        text = textOf(written);
      },
    });
    expect(record.stderr).toMatch(/^wrote the facts of 3 keys to /);
    expect(record.code).toBe(0);
    writeFileSync(file, text);
    kms.clearFaults();
    const replay = JSON.parse((await cli([...args, "--facts", file])).stdout);
    expect(undecided(replay)).toEqual(undecided(live));
  });
});

describe("the KMS layer's own evidence (SPEC §10)", () => {
  /** A rule that reads only key.aliases: it fires on alias/prod, and cannot be decided without the aliases. */
  const prodRule = join(dir, "prod-alias.yml");
  writeFileSync(
    prodRule,
    [
      "rules:",
      "  prod-key:",
      "    severity: error",
      "    description: Production keys are named alias/prod",
      "    when:",
      "      fact: key.aliases",
      "      contains: alias/prod",
      "    message: '{{key.arn}} is a production key'",
      "",
    ].join("\n"),
  );
  const findings = (stdout: string) =>
    JSON.parse(stdout).findings.map((f: { ruleId: string; message: string }) => [
      f.ruleId,
      f.message,
    ]);

  it("KMS unreachable while CloudFormation answers: exit 2, CloudFormation is not evidence of use", async () => {
    const assembly = join(dir, "cdk.out");
    mkdirSync(assembly, { recursive: true });
    writeFileSync(
      join(assembly, "manifest.json"),
      JSON.stringify({
        version: "36.0.0",
        artifacts: {
          App: {
            type: "aws:cloudformation:stack",
            environment: `aws://${ACCOUNT}/us-east-1`,
            properties: { templateFile: "App.template.json" },
          },
        },
      }),
    );
    const template = {
      Resources: {
        Key: {
          Type: "AWS::KMS::Key",
          Properties: {},
          DeletionPolicy: "Retain",
          UpdateReplacePolicy: "Retain",
        },
      },
    };
    writeFileSync(join(assembly, "App.template.json"), JSON.stringify(template));
    kms.seed({
      stacks: [
        {
          name: "App",
          resources: { Key: { type: "AWS::KMS::Key", physicalId: USED } },
          template,
        },
      ],
    });
    const closed = await closedEndpoint();
    emulated();
    const run = await cli(["check", "--cdk-out", assembly, "--endpoint-url", closed, ...NOW]);
    expectNotEvaluated(run);
    expect(run.stderr).toContain(`KMS in us-east-1 (${closed}) refused the connection`);
    // CloudFormation was asked, and answered: the stack's key is known, its use is not.
    expect(kms.calls).toEqual([]);
    expect(run.stderr).not.toContain("CloudFormation");
  });

  it("KMS answering every call with a JSON 404 that is not AWS's: exit 2", async () => {
    emulated();
    kms.setFault({ kind: "json-error" });
    const run = await cli(["check", "--key", keyArn("us-east-1", ACCOUNT, USED), ...NOW]);
    expectNotEvaluated(run);
    expect(run.stderr).toContain(
      `KMS in us-east-1 (${kms.endpoint}) answered with something that is not an AWS answer (HTTP 404, application/json)`,
    );
  });

  it("a ListAliases page that says there is more without saying where: the aliases are unknown, not short", async () => {
    // The key's alias is on the second page of 100.
    const own = await startKmsEmulator({
      seed: {
        keys: [{ keyId: USED }, { keyId: UNUSED }],
        aliases: [
          ...Array.from({ length: 120 }, (_, i) => ({
            name: `alias/a${String(i).padStart(3, "0")}`,
            targetKeyId: UNUSED,
          })),
          { name: "alias/prod", targetKeyId: USED },
        ],
      },
    });
    try {
      emulated(own);
      const args = [
        "check",
        "--key",
        keyArn("us-east-1", ACCOUNT, USED),
        "--config",
        prodRule,
        "--format",
        "json",
        ...NOW,
      ];
      const listed = await cli(args);
      expect(findings(listed.stdout)).toEqual([
        ["prod-key", `${keyArn("us-east-1", ACCOUNT, USED)} is a production key`],
      ]);
      own.setFault({ kind: "bad-pagination", how: "no-marker", operation: "ListAliases" });
      const run = await cli(args);
      expect(findings(run.stdout)).toEqual([
        [
          "prod-key",
          expect.stringMatching(
            /^prod-key could not be decided for .*: key\.aliases: its aliases could not be listed: ListAliases: KMS in us-east-1 \(.*\) answered ListAliases with Truncated but no NextMarker/,
          ),
        ],
      ]);
      expect(run.code).toBe(1);
    } finally {
      await own.close();
    }
  });

  it.each<[string, Fault]>([
    ["denied", { kind: "access-denied", operation: "ListAliases" }],
    [
      "listed without a NextMarker",
      { kind: "bad-pagination", how: "no-marker", operation: "ListAliases" },
    ],
  ])(
    "a rule on key.aliases and usage: aliases %s leave it open, so usage is still asked",
    async (_, fault) => {
      // SPEC §4's kind of rule: the aliases say it is a production key, the usage that it is in use.
      const inUse = join(dir, "prod-in-use.yml");
      writeFileSync(
        inUse,
        [
          "rules:",
          "  prod-in-use:",
          "    severity: error",
          "    description: A production key in use",
          "    when:",
          "      all:",
          "        - fact: key.aliases",
          "          contains: alias/prod",
          "        - fact: usage.status",
          "          equals: used",
          "    message: '{{key.arn}} is a production key in use'",
          "",
        ].join("\n"),
      );
      emulated();
      kms.setFault(fault);
      const key = keyArn("us-east-1", ACCOUNT, USED);
      const run = await cli(["check", "--key", key, "--config", inUse, "--format", "json", ...NOW]);
      expect(findings(run.stdout)).toEqual([
        [
          "prod-in-use",
          expect.stringMatching(
            /^prod-in-use could not be decided for .*: key\.aliases: its aliases could not be listed: /,
          ),
        ],
      ]);
      expect(run.code).toBe(1);
      // The key is used: whatever its aliases, the rule could fire, so its usage was asked.
      expect(kms.calls.some((c) => c.operation === "GetKeyLastUsage")).toBe(true);
      // An unused key cannot be a production key in use, whatever its aliases: no finding.
      const unused = await cli([
        "check",
        "--key",
        keyArn("us-east-1", ACCOUNT, UNUSED),
        "--config",
        inUse,
        "--format",
        "json",
        ...NOW,
      ]);
      expect(findings(unused.stdout)).toEqual([]);
      expect(unused.code).toBe(0);
    },
  );

  it("another account's key: aliases listed there with --role-template, unknown without", async () => {
    const OTHER = "444455556666";
    const other = keyArn("us-east-1", OTHER, USED);
    const own = await startKmsEmulator({
      seed: {
        keys: [{ keyId: USED, account: OTHER }, { keyId: USED }],
        aliases: [{ name: "alias/prod", targetKeyId: USED, account: OTHER }],
      },
    });
    try {
      emulated(own);
      const args = ["check", "--key", other, "--config", prodRule, "--format", "json", ...NOW];
      const withoutRole = await cli(args);
      expect(findings(withoutRole.stdout)).toEqual([
        [
          "prod-key",
          expect.stringMatching(
            /could not be decided .*aliases of another account's key cannot be listed without --role-template/,
          ),
        ],
      ]);
      expect(withoutRole.code).toBe(1);
      // Nothing was listed in the caller's account in the other's name.
      expect(own.calls.filter((c) => c.operation === "ListAliases")).toEqual([]);

      const withRole = await cli([
        ...args,
        "--role-template",
        "arn:aws:iam::{account}:role/kms-usage-lint",
      ]);
      expect(findings(withRole.stdout)).toEqual([["prod-key", `${other} is a production key`]]);
      expect(withRole.code).toBe(1);
      expect(own.assumedRoles).toEqual([`arn:aws:iam::${OTHER}:role/kms-usage-lint`]);
      expect(own.calls.filter((c) => c.operation === "ListAliases").map((c) => c.account)).toEqual([
        OTHER,
      ]);
    } finally {
      await own.close();
    }
  });

  it("--key alias/NAME asks DescribeKey once: the alias's answer is its key's", async () => {
    kms.seed({ aliases: [{ name: "alias/one-call", targetKeyId: USED }] });
    emulated();
    const run = await cli(["check", "--key", "alias/one-call", "--format", "json", ...NOW]);
    expect(JSON.parse(run.stdout).keys.map((k: { arn: string }) => k.arn)).toEqual([
      keyArn("us-east-1", ACCOUNT, USED),
    ]);
    expect(kms.calls.filter((c) => c.operation === "DescribeKey")).toHaveLength(1);
  });
});

/** An endpoint on loopback where nothing listens: connections are refused. */
async function closedEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
