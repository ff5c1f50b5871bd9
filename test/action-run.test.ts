/**
 * The Action's behaviour in-process: inputs, config-from-base, outputs and the
 * step's failure, with the real Octokit client against the fake GitHub API.
 * (test/e2e/action-github.test.ts runs the committed bundle the same way.)
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { access, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ActionIo, runAction } from "../src/action-run.js";
import { githubClient } from "../src/github-api/client.js";
import { nodeDeps } from "../src/node-deps.js";
import { FakeGithub } from "./support/fake-github.js";
import { planWithForEachKey } from "./support/hostile-plan.js";
import { startKmsEmulator } from "./support/kms-emulator.js";
import { ROOT } from "./support/run-dist.js";
import { runnerCommands } from "./support/runner-commands.js";

const HEAD = "a".repeat(40);
const BASE = "b".repeat(40);
const TOKEN = "ghs_installationtoken0000000000000000";
const WEAKENED = "extends: [recommended]\nrules:\n  deleting-recently-used-key: off\n";

interface Ran {
  failed: string | null;
  outputs: Record<string, string>;
  log: string;
  warnings: string[];
  secrets: string[];
  /** The job summary as last written. */
  summary: string;
  /** Each write of the job summary, with the writes GitHub had received by then. */
  summaryWrites: { markdown: string; githubWrites: number }[];
  exitCode: number | null;
}

let fake: FakeGithub;
let dir: string;
beforeEach(async () => {
  fake = await FakeGithub.start();
  fake.addToken(TOKEN, {
    user: { login: "github-actions[bot]", type: "Bot", id: 1 },
    canWrite: true,
    userEndpoint: false,
  });
  fake.addPull({ number: 3, headSha: HEAD, baseSha: BASE, files: [] });
  dir = mkdtempSync(join(tmpdir(), "kul-action-"));
  cpSync(join(ROOT, "examples"), join(dir, "examples"), { recursive: true });
});
afterEach(() => fake.close());

async function runInDir(
  inputs: Record<string, string>,
  event: "pull_request" | "push" = "pull_request",
  env: Record<string, string> = {},
): Promise<Ran> {
  const ran: Ran = {
    failed: null,
    outputs: {},
    log: "",
    warnings: [],
    secrets: [],
    summary: "",
    summaryWrites: [],
    exitCode: null,
  };
  const eventPath = join(dir, "event.json");
  writeFileSync(
    eventPath,
    JSON.stringify(
      event === "pull_request"
        ? {
            pull_request: {
              number: 3,
              head: { sha: HEAD, repo: { full_name: "acme/infra" } },
              base: { sha: BASE, repo: { full_name: "acme/infra" } },
            },
          }
        : { ref: "refs/heads/main" },
    ),
  );
  const at = (path: string) => resolve(dir, path);
  const io: ActionIo = {
    getInput: (name) =>
      ({
        "terraform-plan": "examples/plan.json",
        facts: "examples/facts.json",
        now: "2026-11-28T00:00:00Z",
        "github-token": TOKEN,
        annotations: "none",
        comment: "off",
        ...inputs,
      })[name] ?? "",
    env: {
      GITHUB_REPOSITORY: "acme/infra",
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: "c".repeat(40),
      GITHUB_API_URL: fake.url,
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: join(dir, "summary.md"),
      RUNNER_TEMP: dir,
      ...env,
    },
    info: (m) => {
      ran.log += `${m}\n`;
    },
    warning: (m) => ran.warnings.push(m),
    debug: () => {},
    setOutput: (name, value) => {
      ran.outputs[name] = String(value);
    },
    setFailed: (m) => {
      ran.failed = m;
    },
    setExitCode: (code) => {
      ran.exitCode = code;
    },
    setSecret: (s) => ran.secrets.push(s),
    writeStdout: (t) => {
      ran.log += t;
    },
    writeSummary: async (m) => {
      // Each write replaces the step's summary.
      ran.summary = m;
      const githubWrites = fake.requests.filter((r) => r.method !== "GET").length;
      ran.summaryWrites.push({ markdown: m, githubWrites });
    },
    chdir: () => {},
    deps: () => ({
      ...nodeDeps(),
      cwd: dir,
      readFile: (path) => readFile(at(path), "utf8"),
      readFileBytes: (path) => readFile(at(path)),
      fileExists: (path) =>
        access(at(path)).then(
          () => true,
          () => false,
        ),
      writeFile: (path, text) => writeFile(at(path), text, "utf8"),
    }),
    githubClient: (options) => githubClient({ ...options, timeScale: 0.005 }),
  };
  await runAction(io);
  return ran;
}

describe("the Action", () => {
  it("writes the JSON report, SARIF and outputs, masks the token and fails on an error", async () => {
    const ran = await runInDir({ "sarif-file": "out.sarif", scope: "all" });
    expect(ran.failed).toBe(
      "kms-usage-lint: findings at or above fail-on (error): 1 error, 5 warnings, 0 notices",
    );
    expect(ran.outputs).toMatchObject({
      errors: "1",
      warnings: "5",
      notices: "0",
      findings: "6",
      sarif: "out.sarif",
    });
    const report = JSON.parse(await readFile(ran.outputs.report ?? "", "utf8"));
    expect(report.summary.error).toBe(1);
    expect(JSON.parse(await readFile(join(dir, "out.sarif"), "utf8")).version).toBe("2.1.0");
    expect(ran.secrets).toEqual([TOKEN]);
    expect(ran.summary).toContain("1 error and 5 warnings in 4 keys");
    // The checkout is no git repository: the base commit is not at hand.
    expect(ran.log).toContain(`The base commit ${BASE.slice(0, 12)} is not in the checkout`);
  });

  it("writes SARIF with the category asked for, showing on the workflow what has no file in the checkout", async () => {
    // The plan is written outside the checkout, as `terraform show -json > $RUNNER_TEMP/plan.json` does.
    const temp = mkdtempSync(join(tmpdir(), "kul-runner-temp-"));
    cpSync(join(ROOT, "examples", "plan.json"), join(temp, "plan.json"));
    const ran = await runInDir(
      {
        "terraform-plan": join(temp, "plan.json"),
        "sarif-file": "out.sarif",
        "sarif-category": "terraform/prod",
        scope: "all",
      },
      "push",
      { GITHUB_WORKFLOW_REF: "acme/infra/.github/workflows/infra.yml@refs/heads/main" },
    );
    expect(ran.outputs.sarif).toBe("out.sarif");
    const log = JSON.parse(await readFile(join(dir, "out.sarif"), "utf8"));
    expect(log.runs[0].automationDetails).toEqual({ id: "terraform/prod/" });
    const uris = log.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri,
    );
    expect(uris.length).toBeGreaterThan(0);
    expect(new Set(uris)).toEqual(new Set([".github/workflows/infra.yml"]));
    expect(JSON.stringify(log)).not.toContain(temp);
  });

  it("refuses an empty sarif-category line", async () => {
    const ran = await runInDir({ "sarif-file": "out.sarif", "sarif-category": "/" });
    expect(ran.failed).toMatch(
      /input sarif-category "\/": expected a category like terraform\/prod/,
    );
  });

  it("on a pull request, evaluates by default only the keys the pull request changes", async () => {
    const ran = await runInDir({});
    const report = JSON.parse(await readFile(ran.outputs.report ?? "", "utf8"));
    // aws_kms_key.legacy_reports is a no-op in examples/plan.json.
    expect(report.stats).toMatchObject({ scope: "changed", keysOutOfScope: 1 });
    expect(report.summary.keys).toBe(3);
    expect(report.keys.map((k: { id: string }) => k.id)).not.toContain(
      "arn:aws:kms:us-east-1:111122223333:key/0f9e8d7c-6b5a-4321-8fed-cba987654321",
    );
    expect(ran.summary).toContain("1 out of scope (the change does not touch them)");
  });

  it("on a push, and with input scope all, evaluates every key", async () => {
    for (const ran of [await runInDir({}, "push"), await runInDir({ scope: "all" })]) {
      const report = JSON.parse(await readFile(ran.outputs.report ?? "", "utf8"));
      expect(report.stats).toMatchObject({ scope: "all", keysOutOfScope: 0 });
      expect(report.summary.keys).toBe(4);
    }
  });

  it("takes template parameter values from the parameters input, one STACK.NAME=VALUE a line", async () => {
    const key = "arn:aws:kms:us-east-1:111122223333:key/0f9e8d7c-6b5a-4321-8fed-cba987654321";
    writeFileSync(
      join(dir, "queue.template.json"),
      JSON.stringify({
        Parameters: { KeyArn: { Type: "String", Default: "unset" } },
        Resources: {
          Q: { Type: "AWS::SQS::Queue", Properties: { KmsMasterKeyId: { Ref: "KeyArn" } } },
        },
      }),
    );
    const ran = await runInDir({
      "terraform-plan": "",
      paths: "queue.template.json",
      parameters: `queue.KeyArn=${key}\n\n  queue.AWS::Region=us-east-1  \n`,
      "fail-on": "none",
    });
    expect(ran.failed).toBeNull();
    const report = JSON.parse(await readFile(ran.outputs.report ?? "", "utf8"));
    expect(report.keys.map((k: { arn: string }) => k.arn)).toEqual([key]);
    expect((await runInDir({ parameters: "queue.KeyArn" })).failed).toBe(
      `kms-usage-lint: input parameters "queue.KeyArn": no stack name, dot, parameter name and '='; expected STACK.NAME=VALUE, like MyStack.KeyArn=arn:aws:kms:us-east-1:111122223333:key/…`,
    );
  });

  it("takes the keys, templates, repository root and base revision the CLI takes", async () => {
    const arn = (n: number) =>
      `arn:aws:kms:us-east-1:111122223333:key/00000000-0000-4000-8000-00000000000${n}`;
    writeFileSync(
      join(dir, "queue.template.json"),
      JSON.stringify({
        Resources: { Q: { Type: "AWS::SQS::Queue", Properties: { KmsMasterKeyId: arn(1) } } },
      }),
    );
    const ran = await runInDir({
      template: "queue.template.json",
      key: `${arn(2)}\n`,
      "repo-root": join(dir, "examples"),
      "base-ref": "0123456789abcdef",
      scope: "all",
      "fail-on": "none",
    });
    expect(ran.failed).toBeNull();
    const report = JSON.parse(await readFile(ran.outputs.report ?? "", "utf8"));
    const arns = report.keys.map((k: { arn: string }) => k.arn);
    expect(arns).toEqual(expect.arrayContaining([arn(1), arn(2)]));
    // Relative to repo-root: examples/main.tf is main.tf.
    const files = report.findings.flatMap(
      (f: { location: { file: string } | null }) => f.location?.file ?? [],
    );
    expect(new Set(files)).toEqual(new Set(["main.tf", "modules/storage/main.tf"]));
    // The input base-ref, not the pull request's base commit, is what the run compares with.
    expect(ran.warnings.join("\n")).toContain("0123456789abcdef: no such commit");
    expect(ran.log).not.toContain("is not in the checkout");
  });

  it("asks KMS at endpoint-url, and refuses one that is no http(s) URL", async () => {
    const kms = await startKmsEmulator();
    const saved = { ...process.env };
    for (const name of Object.keys(process.env)) {
      if (name.startsWith("AWS_")) delete process.env[name];
    }
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      // STS has no input: the Action finds its endpoint the SDK's way.
      AWS_ENDPOINT_URL_STS: kms.endpoint,
      AWS_EC2_METADATA_DISABLED: "true",
    });
    try {
      await runInDir({ facts: "", "endpoint-url": kms.endpoint, "fail-on": "none" });
      expect(kms.calls.some((call) => call.operation === "GetKeyLastUsage")).toBe(true);
    } finally {
      process.env = saved;
      await kms.close();
    }
    expect((await runInDir({ "endpoint-url": "kms.internal:443" })).failed).toBe(
      'kms-usage-lint: input endpoint-url "kms.internal:443": expected an http or https URL, like https://kms.eu-west-1.amazonaws.com',
    );
  });

  it("refuses a github-timeout that is no number of seconds up to an hour", async () => {
    for (const value of ["0", "-1", "soon", "3601"]) {
      const ran = await runInDir({ "github-timeout": value });
      expect(ran.failed).toMatch(new RegExp(`^kms-usage-lint: input github-timeout "${value}": `));
      expect(ran.exitCode).toBe(2);
    }
  });

  it("writes the job summary before posting to GitHub, and again with what GitHub took", async () => {
    const ran = await runInDir({ annotations: "checks", comment: "update", scope: "all" });
    expect(ran.summaryWrites.map((w) => w.githubWrites)).toEqual([0, 2]);
    const [first, last] = ran.summaryWrites.map((w) => w.markdown);
    expect(first).toContain("1 error and 5 warnings in 4 keys");
    expect(first).toMatch(/\n_Reporting to GitHub…_ /);
    expect(last).not.toContain("Reporting to GitHub…");
    expect(last).toMatch(
      /\n### Reporting to GitHub\n\n- Check run \S+ 6 annotations in 1 request\.\n- Pull request comment created/,
    );
  });

  it("stops posting when github-timeout is spent, says what it skipped, and ends with the findings' status", async () => {
    // Every write answered after a minute; two seconds for them all.
    fake.setLatency(60_000);
    const ran = await runInDir({
      annotations: "checks",
      comment: "update",
      "review-comments": "true",
      "github-timeout": "2",
      scope: "all",
    });
    const writes = fake.requests.filter((r) => r.method !== "GET");
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /repos/acme/infra/check-runs",
    ]);
    const said =
      "GitHub took longer than github-timeout (2 s) to take the report: stopped creating the check run; skipped reading the token's identity, posting review comments and writing the pull request comment. The findings are in workflow-command annotations, the log and the job summary, and the step ends with their status.";
    expect(ran.warnings).toEqual([said]);
    expect(ran.failed).toBe(
      "kms-usage-lint: findings at or above fail-on (error): 1 error, 5 warnings, 0 notices",
    );
    expect(ran.exitCode).toBeNull();
    expect(runnerCommands(ran.log).filter((c) => c.name === "error")).toHaveLength(1);
    expect(ran.summary).toContain("GitHub took longer than github-timeout");
  });

  it("refuses an input value it does not know, naming the input and the choices", async () => {
    const ran = await runInDir({ comment: "sometimes" });
    expect(ran.failed).toBe(
      'kms-usage-lint: input comment: expected update, new, delete-and-new, off, found "sometimes"',
    );
    expect((await runInDir({ scope: "touched" })).failed).toBe(
      'kms-usage-lint: input scope: expected changed, all, found "touched"',
    );
    expect((await runInDir({ "review-comments": "yes" })).failed).toBe(
      'kms-usage-lint: input review-comments: expected true or false, found "yes"',
    );
  });

  it("refuses an input now that is not on the calendar, as --now does", async () => {
    expect((await runInDir({ now: "2026-02-30" })).failed).toBe(
      'kms-usage-lint: input now "2026-02-30": expected an ISO 8601 date or timestamp like 2026-11-28T00:00:00Z',
    );
  });

  it("fails the step on a facts snapshot older than max-facts-age, and takes a longer one", async () => {
    // examples/facts.json was captured 2026-11-27T23:00:00Z: 30 days before this clock.
    const late = { now: "2026-12-27T23:00:00Z" };
    const stale = await runInDir(late);
    expect(stale.failed).toMatch(
      /^kms-usage-lint: examples\/facts\.json: the facts snapshot is 30 days old at the evaluation clock .* older than the 14 days max-facts-age allows: refresh it/,
    );
    expect(stale.outputs).toEqual({});
    expect((await runInDir({ ...late, "max-facts-age": "30" })).failed).toMatch(
      /findings at or above/,
    );
    expect((await runInDir({ "max-facts-age": "a week" })).failed).toBe(
      'kms-usage-lint: input max-facts-age "a week": expected a whole number of days, 1 or more (default 14)',
    );
  });
});

describe("the Action's region", () => {
  const MRK = "mrk-0a1b2c3d00004000800000000000000a";
  const member = (region: string) => `arn:aws:kms:${region}:111122223333:key/${MRK}`;
  const metadata = (arn: string, role: string) => ({
    KeyId: MRK,
    Arn: arn,
    AWSAccountId: "111122223333",
    KeyState: "Enabled",
    Enabled: true,
    KeyManager: "CUSTOMER",
    CreationDate: "2026-06-01T00:00:00Z",
    MultiRegion: true,
    MultiRegionConfiguration: {
      MultiRegionKeyType: role,
      PrimaryKey: { Arn: member("us-east-1"), Region: "us-east-1" },
      ReplicaKeys: [{ Arn: member("eu-west-1"), Region: "eu-west-1" }],
    },
  });
  const usage = {
    TrackingStartDate: "2026-05-01T00:00:00Z",
    KeyCreationDate: "2026-06-01T00:00:00Z",
  };

  it("defaults to AWS_REGION, as configure-aws-credentials sets it", async () => {
    writeFileSync(
      join(dir, "outputs.json"),
      JSON.stringify({ key_id: { sensitive: false, type: "string", value: MRK } }),
    );
    writeFileSync(
      join(dir, "mrk-facts.json"),
      JSON.stringify({
        version: 1,
        capturedAt: "2026-11-20T12:00:00Z",
        account: "111122223333",
        keys: {
          [member("us-east-1")]: {
            KeyMetadata: metadata(member("us-east-1"), "PRIMARY"),
            LastUsage: usage,
          },
          [member("eu-west-1")]: {
            KeyMetadata: metadata(member("eu-west-1"), "REPLICA"),
            LastUsage: usage,
          },
        },
      }),
    );
    const inputs = { "terraform-plan": "", paths: "outputs.json", facts: "mrk-facts.json" };
    const keysOf = async (ran: Ran) =>
      JSON.parse(await readFile(ran.outputs.report ?? "", "utf8")).keys.map(
        (k: { id: string; usage: { status: string } }) => [k.id, k.usage.status],
      );
    expect(await keysOf(await runInDir(inputs, "push", { AWS_REGION: "eu-west-1" }))).toEqual([
      [member("eu-west-1"), "unused"],
    ]);
    expect(await keysOf(await runInDir(inputs, "push"))).toEqual([[MRK, "unavailable"]]);
  });
});

describe("the Action's log", () => {
  const HOSTILE_KEY = "##[stop-commands]x\n::error::PWNED";

  it("prints the text report between stop-commands and a random token, its own commands outside", async () => {
    writeFileSync(join(dir, "hostile.json"), planWithForEachKey(HOSTILE_KEY));
    const ran = await runInDir({
      "terraform-plan": "hostile.json",
      annotations: "commands",
      scope: "all",
    });
    const lines = ran.log.split("\n");
    const stop = lines.findIndex((line) => line.startsWith("::stop-commands::"));
    const token = lines[stop]?.slice("::stop-commands::".length) ?? "";
    expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const resume = lines.indexOf(`::${token}::`);
    expect(resume).toBeGreaterThan(stop);
    const report = lines.slice(stop + 1, resume).join("\n");
    expect(report).toContain("✖ 6 problems");
    expect(report).toContain(
      'module.storage.aws_kms_key.this["#\\u0023[stop-commands]x\\n::error::PWNED"] would replace',
    );
    // What the runner runs: the block's ends, and the Action's own annotations after it.
    const commands = runnerCommands(ran.log);
    expect(commands.slice(0, 2).map((c) => c.name)).toEqual(["stop-commands", token]);
    const annotations = commands.slice(2);
    expect(annotations).toHaveLength(6);
    for (const command of annotations) {
      expect(command.line).toBeGreaterThan(resume + 1);
      expect(command.properties).toMatch(/^title=[a-z-]+(,file=|$)/);
    }
    expect(ran.log).not.toContain("##[");
    // The step fails through its own command, outside the block.
    expect(ran.failed).toMatch(/^kms-usage-lint: findings at or above fail-on/);
  });

  it("uses a new token each run", async () => {
    const tokens = await Promise.all(
      [1, 2].map(async () => {
        const ran = await runInDir({});
        return /^::stop-commands::(.+)$/m.exec(ran.log)?.[1];
      }),
    );
    expect(tokens[0]).toBeDefined();
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it("escapes what its warnings and failure quote from inputs", async () => {
    writeFileSync(
      join(dir, "hostile-rules.yml"),
      'extends: [recommended]\nignore:\n  - rule: unused-key\n    key: "x\\n::error::PWNED ##[stop-commands]y"\n    reason: r\n',
    );
    const warned = await runInDir({ config: "hostile-rules.yml" });
    expect(warned.warnings).toEqual([
      expect.stringContaining("x\\n::error::PWNED #\\u0023[stop-commands]y"),
    ]);
    writeFileSync(
      join(dir, "hostile-rules.yml"),
      'extends: [recommended]\nrules:\n  unused-key: "off\\n::error::PWNED"\n',
    );
    const failed = await runInDir({ config: "hostile-rules.yml" });
    expect(failed.failed).toBe(
      "kms-usage-lint: hostile-rules.yml:3:15: rule `unused-key` must be `off`, `error`, `warning`, `notice` or a rule definition; got `off\\n::error::PWNED`",
    );
  });
});

describe("the Action without evidence", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("fails the step when AWS cannot be asked, in one line with the way out, and writes no report", async () => {
    const kms = await startKmsEmulator();
    kms.setFault({ kind: "silent", service: "any" });
    for (const name of Object.keys(process.env)) {
      if (name.startsWith("AWS_")) delete process.env[name];
    }
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      AWS_ENDPOINT_URL_KMS: kms.endpoint,
      AWS_ENDPOINT_URL_STS: kms.endpoint,
      AWS_EC2_METADATA_DISABLED: "true",
    });
    try {
      const ran = await runInDir({ facts: "", "aws-timeout": "1" });
      expect(ran.failed).toBe(
        `kms-usage-lint: could not ask AWS: STS GetCallerIdentity in us-east-1 (${kms.endpoint}) gave no answer within 1 s (--aws-timeout). Check the endpoint (AWS_ENDPOINT_URL_STS), the region and the network, or evaluate offline from a facts snapshot (--facts FILE; in the Action, the facts input).`,
      );
      expect(ran.outputs).toEqual({});
    } finally {
      await kms.close();
    }
  });

  it("refuses a trail-max-pages that is no whole number from 1 to 1000", async () => {
    for (const value of ["0", "1001", "many"]) {
      const ran = await runInDir({ "trail-max-pages": value });
      expect(ran.failed).toBe(
        `kms-usage-lint: input trail-max-pages "${value}": expected a whole number of pages from 1 to 1000 (default 20)`,
      );
    }
  });

  it("refuses an aws-timeout that is no number of seconds", async () => {
    const ran = await runInDir({ "aws-timeout": "soon" });
    expect(ran.failed).toBe(
      'kms-usage-lint: input aws-timeout "soon": expected a number of seconds greater than 0, like 30',
    );
  });
});

describe("config-from-base", () => {
  beforeEach(() => {
    // The pull request switches off the rule that would stop it.
    writeFileSync(join(dir, ".kms-usage-lint.yml"), WEAKENED);
  });

  it("evaluates the base commit's rules, not the ones the pull request brings", async () => {
    expect((await runInDir({})).outputs.errors).toBe("0");
    fake.setContent(BASE, ".kms-usage-lint.yml", "extends: [recommended]\n");
    const ran = await runInDir({ "config-from-base": "true" });
    expect(ran.outputs.errors).toBe("1");
    expect(ran.log).toContain(
      `config-from-base: the rules come from the base commit ${BASE.slice(0, 12)}.`,
    );
    const read = fake.requests.filter((r) => r.path.includes("/contents/"));
    expect(read.map((r) => [r.path, r.query.ref])).toContainEqual([
      "/repos/acme/infra/contents/.kms-usage-lint.yml",
      BASE,
    ]);
  });

  it("reads the files the base's rules extend from the base too", async () => {
    fake.setContent(BASE, ".kms-usage-lint.yml", "extends: [./policy/shared.yml]\n");
    fake.setContent(
      BASE,
      "policy/shared.yml",
      "extends: [recommended]\nrules:\n  unused-key: off\n",
    );
    const ran = await runInDir({ "config-from-base": "true" });
    expect(ran.failed).toMatch(/findings at or above/);
    expect(ran.outputs).toMatchObject({ errors: "1", warnings: "4" });
  });

  it("finds the base's rules under the other name, .kms-usage-lint.yaml", async () => {
    fake.setContent(
      BASE,
      ".kms-usage-lint.yaml",
      "extends: [recommended]\nrules:\n  unused-key: off\n",
    );
    const ran = await runInDir({ "config-from-base": "true" });
    expect(ran.outputs).toMatchObject({ errors: "1", warnings: "4" });
    const read = fake.requests.filter((r) => r.path.includes("/contents/"));
    expect(read.map((r) => r.path)).toEqual([
      "/repos/acme/infra/contents/.kms-usage-lint.yml",
      "/repos/acme/infra/contents/.kms-usage-lint.yaml",
      "/repos/acme/infra/contents/.kms-usage-lint.yaml",
    ]);
  });

  it("with no rules file in the base, evaluates the recommended rules", async () => {
    const ran = await runInDir({ "config-from-base": "true" });
    expect(ran.outputs.errors).toBe("1");
  });

  it("when the pull request adds the named rules file, says so and evaluates the base's rules", async () => {
    writeFileSync(join(dir, "kms-rules.yml"), WEAKENED);
    const ran = await runInDir({ "config-from-base": "true", config: "kms-rules.yml" });
    expect(ran.outputs.errors).toBe("1");
    expect(ran.warnings).toContain(
      "config-from-base: kms-rules.yml is not in the base commit; evaluating the rules the base commit has (by default the recommended ones)",
    );
  });

  it("fails the step, naming the permission, when the base cannot be read", async () => {
    fake.fail({ method: "GET", path: /\/contents\//, status: 403 });
    const ran = await runInDir({ "config-from-base": "true" });
    expect(ran.failed).toContain(
      "config-from-base: reading .kms-usage-lint.yml at the base commit",
    );
    expect(ran.failed).toContain("`permissions: contents: read`");
    expect(ran.outputs).toEqual({});
  });

  it("on a push there is no base: the checkout's rules apply", async () => {
    const ran = await runInDir({ "config-from-base": "true" }, "push");
    expect(ran.outputs.errors).toBe("0");
    expect(ran.log).toContain(
      "config-from-base: not a pull request, so the rules come from the checkout.",
    );
  });
});
