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
import { githubClient } from "../src/github/client.js";
import { nodeDeps } from "../src/node-deps.js";
import { FakeGithub } from "./support/fake-github.js";
import { startKmsEmulator } from "./support/kms-emulator.js";
import { ROOT } from "./support/run-dist.js";

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
  summary: string;
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
): Promise<Ran> {
  const ran: Ran = { failed: null, outputs: {}, log: "", warnings: [], secrets: [], summary: "" };
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
    setSecret: (s) => ran.secrets.push(s),
    writeStdout: (t) => {
      ran.log += t;
    },
    writeSummary: async (m) => {
      ran.summary += m;
    },
    chdir: () => {},
    deps: () => ({
      ...nodeDeps(),
      cwd: dir,
      readFile: (path) => readFile(at(path), "utf8"),
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
    const ran = await runInDir({ "sarif-file": "out.sarif" });
    expect(ran.failed).toMatch(/^kms-usage-lint: findings at or above fail-on \(error\)/);
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

  it("refuses an input value it does not know, naming the input and the choices", async () => {
    const ran = await runInDir({ comment: "sometimes" });
    expect(ran.failed).toBe(
      'kms-usage-lint: input comment: expected update, new, delete-and-new, off, found "sometimes"',
    );
    expect((await runInDir({ "review-comments": "yes" })).failed).toBe(
      'kms-usage-lint: input review-comments: expected true or false, found "yes"',
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
