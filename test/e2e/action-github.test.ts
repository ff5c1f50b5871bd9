/**
 * The committed bundle as the Actions runner runs it on a pull request:
 * `INPUT_*` variables, the event file, `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`
 * and `GITHUB_API_URL` pointing at the fake GitHub API, which records what the
 * Action asked of GitHub. Waits are GitHub's real ones (writes paced a second apart).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeGithub, type FakeUser } from "../support/fake-github.js";
import { type PrScenario, writePrScenario } from "../support/pr-scenario.js";
import { isolatedCopy, nodeRuntimes, readGithubOutput, runNodeAsync } from "../support/run-dist.js";

const HEAD = "1".repeat(40);
const BASE = "2".repeat(40);
const MERGE = "3".repeat(40);
const BOT: FakeUser = { login: "github-actions[bot]", type: "Bot", id: 41898282 };
const TOKEN = "ghs_e2eInstallationToken000000000000000";
const READ_ONLY = "ghs_e2eForkReadOnlyToken0000000000000000";

describe.each(nodeRuntimes())("the Action on a pull request, on $name", ({ bin }) => {
  let fake: FakeGithub;
  let dir: string;
  let scenario: PrScenario;

  beforeAll(async () => {
    fake = await FakeGithub.start({ owner: "acme", repo: "infra" });
    fake.addToken(TOKEN, { user: BOT, canWrite: true, userEndpoint: false });
    fake.addToken(READ_ONLY, { user: BOT, canWrite: false, userEndpoint: false });
    dir = isolatedCopy();
    mkdirSync(join(dir, ".git"));
    // 119 keys: one deletion (an error and a warning) and 118 unused keys: 120 findings.
    scenario = writePrScenario(dir, 119);
    fake.addPull({
      number: 42,
      headSha: HEAD,
      baseSha: BASE,
      files: [{ filename: scenario.tfFile, status: "modified", patch: scenario.patch }],
    });
  });
  afterAll(() => fake.close());

  async function runAction(
    name: string,
    token: string,
    headRepo = "acme/infra",
    inputs: Record<string, string> = {},
  ) {
    const event = join(dir, `${name}.event.json`);
    writeFileSync(
      event,
      JSON.stringify({
        action: "synchronize",
        number: 42,
        pull_request: {
          number: 42,
          head: {
            sha: HEAD,
            ref: "retire-k0",
            repo: { full_name: headRepo, fork: headRepo !== "acme/infra" },
          },
          base: { sha: BASE, ref: "main", repo: { full_name: "acme/infra" } },
        },
        repository: { full_name: "acme/infra", owner: { login: "acme" }, name: "infra" },
      }),
    );
    const files = { output: join(dir, `${name}.output`), summary: join(dir, `${name}.summary.md`) };
    writeFileSync(files.output, "");
    writeFileSync(files.summary, "");
    const run = await runNodeAsync(bin, ["dist/index.js"], dir, {
      "INPUT_TERRAFORM-PLAN": scenario.plan,
      INPUT_FACTS: scenario.facts,
      INPUT_NOW: "2026-11-28T00:00:00Z",
      INPUT_ANNOTATIONS: "checks",
      INPUT_COMMENT: "update",
      "INPUT_REVIEW-COMMENTS": "true",
      INPUT_SUMMARY: "true",
      "INPUT_FAIL-ON": "error",
      // Every key, not only the one the pull request deletes: 120 findings fill 3 batches.
      INPUT_SCOPE: "all",
      "INPUT_GITHUB-TOKEN": token,
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: "acme/infra",
      GITHUB_SHA: MERGE,
      GITHUB_API_URL: fake.url,
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: dir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "1",
      ...inputs,
    });
    return {
      ...run,
      outputs: readGithubOutput(files.output),
      summary: readFileSync(files.summary, "utf8"),
    };
  }

  it("first run: one check run in 3 annotation batches, one sticky comment, review comments on changed lines", async () => {
    const run = await runAction("first", TOKEN);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "::error::kms-usage-lint: findings at or above fail-on (error): 1 error, 119 warnings, 0 notices",
    );
    expect(run.outputs).toMatchObject({
      errors: "1",
      warnings: "119",
      notices: "0",
      findings: "120",
    });

    const checkRequests = fake.requests.filter((r) =>
      r.path.startsWith("/repos/acme/infra/check-runs"),
    );
    expect(checkRequests.map((r) => r.method)).toEqual(["POST", "PATCH", "PATCH"]);
    const batches = checkRequests.map(
      (r) => ((r.body as { output: { annotations: unknown[] } }).output.annotations ?? []).length,
    );
    expect(batches).toEqual([50, 50, 20]);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({
      head_sha: HEAD,
      conclusion: "failure",
      status: "completed",
    });
    expect(fake.checkRuns[0]?.annotations[0]).toMatchObject({
      path: "infra/main.tf",
      start_line: scenario.removedLine,
      annotation_level: "failure",
      title: "deleting-recently-used-key",
    });

    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).toMatch(/^<!-- kms-usage-lint -->\n/);
    expect(fake.issueComments[0]?.body).toContain("1 error and 119 warnings in 119 keys");

    // The deletion's two findings on the removed block, and the five edited keys.
    const commented = fake.reviewComments.map((c) => c.line).sort((a, b) => a - b);
    const keyLines = [1, 2, 3, 4, 5].map((i) => scenario.keyLines.get(i));
    expect(commented).toEqual([scenario.removedLine, scenario.removedLine, ...keyLines]);
    expect(fake.reviews).toHaveLength(1);
    expect(fake.reviewComments.every((c) => c.commit_id === HEAD && c.side === "RIGHT")).toBe(true);

    expect(run.summary).toContain("<!-- kms-usage-lint -->");
    // With the check run made, no workflow-command annotations duplicate it.
    expect(run.stdout).not.toMatch(/^::(error|warning) title=/m);
    // The token never reaches the log, but in the command that tells the runner to mask it.
    const masked = run.stdout.split("\n").filter((l) => l !== `::add-mask::${TOKEN}`);
    expect(masked.join("\n")).not.toContain(TOKEN);
  });

  it("second run on the same pull request: no second comment, no repeated review comment", async () => {
    const before = fake.requests.length;
    const run = await runAction("second", TOKEN);
    expect(run.status).toBe(1);
    const requests = fake.requests.slice(before);
    expect(fake.issueComments).toHaveLength(1);
    expect(requests.filter((r) => r.path.includes("/issues/")).map((r) => r.method)).toEqual(
      // The body is the same as the first run's: nothing to edit.
      ["GET"],
    );
    expect(fake.reviewComments).toHaveLength(7);
    expect(fake.reviews).toHaveLength(1);
    expect(requests.some((r) => r.method === "POST" && r.path.includes("/pulls/"))).toBe(false);
    expect(run.stdout).toContain(
      "Review comments: 0 posted, 7 already there, 113 not on a changed line.",
    );
  });

  it("a run with a changed report edits the sticky comment in place", async () => {
    // One more unused key: the comment's counts change.
    scenario = writePrScenario(dir, 120);
    const before = fake.requests.length;
    const run = await runAction("third", TOKEN);
    expect(run.status).toBe(1);
    const issueRequests = fake.requests.slice(before).filter((r) => r.path.includes("/issues/"));
    expect(issueRequests.map((r) => [r.method, r.path.replace(/\d+$/, "ID")])).toEqual([
      ["GET", "/repos/acme/infra/issues/42/comments"],
      ["PATCH", "/repos/acme/infra/issues/comments/ID"],
    ]);
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).toContain("1 error and 120 warnings in 120 keys");
  });

  it("a fork's pull request (403 on writes): workflow commands and the summary, the same exit code", async () => {
    const before = fake.requests.length;
    const run = await runAction("fork", READ_ONLY, "someone/infra");
    expect(run.status).toBe(1);
    const writes = fake.requests.slice(before).filter((r) => r.method !== "GET");
    // One refused write, then no more tries.
    expect(writes.map((r) => [r.method, r.path])).toEqual([
      ["POST", "/repos/acme/infra/check-runs"],
    ]);
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error title=deleting-recently-used-key,file=infra/main\\.tf,line=${scenario.removedLine}::`,
        "m",
      ),
    );
    const forkWarnings = run.stdout
      .split("\n")
      .filter((l) => l.startsWith("::warning::") && l.includes("fork"));
    expect(forkWarnings).toHaveLength(1);
    expect(forkWarnings[0]).toContain("permissions: checks: write");
    expect(run.summary).toContain("1 error and 120 warnings in 120 keys");
    expect(run.outputs.findings).toBe("121");
  });

  it("a 429 whose message does not say 'secondary' is waited out and retried like one that does", async () => {
    const before = fake.requests.length;
    fake.fail({
      method: "POST",
      path: "/repos/acme/infra/check-runs",
      status: 429,
      headers: { "retry-after": "1" },
      body: { message: "Too Many Requests" },
    });
    const run = await runAction("too-many", TOKEN, "acme/infra", { INPUT_COMMENT: "off" });
    expect(run.status).toBe(1);
    const posts = fake.requests
      .slice(before)
      .filter((r) => r.method === "POST" && r.path === "/repos/acme/infra/check-runs");
    expect(posts).toHaveLength(2);
    expect(run.stdout).toMatch(
      /^::warning::GitHub rate limit reached on POST .+: retrying in 1 s$/m,
    );
    expect(run.stdout).not.toMatch(/^::(error|warning) title=/m);
  });

  it("GitHub answering each write after a minute: stops at github-timeout, says what it skipped, exits with the findings' status", async () => {
    const before = fake.requests.length;
    const checkRuns = fake.checkRuns.length;
    fake.setLatency(60_000);
    try {
      const run = await runAction("slow", TOKEN, "acme/infra", { "INPUT_GITHUB-TIMEOUT": "3" });
      // The findings' status, not a timeout's: 1 for the error finding.
      expect(run.status).toBe(1);
      const sent = fake.requests.slice(before).filter((r) => r.method !== "GET");
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
        "POST /repos/acme/infra/check-runs",
      ]);
      expect(fake.checkRuns).toHaveLength(checkRuns);
      const warning =
        "::warning::GitHub took longer than github-timeout (3 s) to take the report: stopped creating the check run; skipped reading the token's identity, posting review comments and writing the pull request comment. The findings are in workflow-command annotations, the log and the job summary, and the step ends with their status.";
      expect(run.stdout.split("\n").filter((l) => l.includes("github-timeout"))).toEqual([warning]);
      expect(run.stdout).toMatch(
        /^::error title=deleting-recently-used-key,file=infra\/main\.tf,/m,
      );
      expect(run.stdout).toContain(
        "::error::kms-usage-lint: findings at or above fail-on (error): 1 error, 120 warnings, 0 notices",
      );
      expect(run.summary).toContain("1 error and 120 warnings in 120 keys");
      expect(run.summary).toContain("### Reporting to GitHub");
      expect(run.summary).toContain("github-timeout (3 s)");
    } finally {
      fake.setLatency(0);
    }
  });

  it("refuses a github-timeout that is no number of seconds: not evaluated, exit 2, nothing posted", async () => {
    const before = fake.requests.length;
    const run = await runAction("bad-timeout", TOKEN, "acme/infra", {
      "INPUT_GITHUB-TIMEOUT": "2m",
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(
      '::error::kms-usage-lint: input github-timeout "2m": expected a number of seconds greater than 0, like 120',
    );
    expect(fake.requests.length).toBe(before);
  });
});
