/**
 * The GitHub sinks end to end in-process: the real Octokit client (with the
 * retry and rate-limit plugins) against the fake GitHub API, waits scaled down.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { githubBudget, githubClient } from "../../../src/github-api/client.js";
import type { GithubContext } from "../../../src/github-api/context.js";
import type { Report } from "../../../src/model.js";
import { MARKDOWN_MARKER } from "../../../src/report/formats/markdown.js";
import {
  type GithubReportSettings,
  type GithubStep,
  planGithubReport,
  publishToGithub,
} from "../../../src/report/github-sinks/publish.js";
import { FakeGithub, type FakeUser } from "../../support/fake-github.js";
import { manyFindings, RULES } from "../hostile-report.js";

const HEAD = "a".repeat(40);
const BASE = "b".repeat(40);
const BOT: FakeUser = { login: "github-actions[bot]", type: "Bot", id: 41898282 };
const HUMAN: FakeUser = { login: "mallory", type: "User", id: 7 };
const SETTINGS: GithubReportSettings = {
  annotations: "checks",
  reviewComments: true,
  comment: "update",
};

// Lines 1–3 of infra/many.tf are in the diff; manyFindings puts finding i on line i+1.
const PATCH = "@@ -0,0 +1,3 @@\n+a\n+b\n+c";

let fake: FakeGithub;
beforeEach(async () => {
  fake = await FakeGithub.start();
  fake.addToken("installation-token", { user: BOT, canWrite: true, userEndpoint: false });
  fake.addToken("read-only-token", { user: BOT, canWrite: false, userEndpoint: false });
  fake.addPull({
    number: 7,
    headSha: HEAD,
    baseSha: BASE,
    files: [
      { filename: "infra/many.tf", status: "modified", patch: PATCH },
      // Lines 3–5 of the base revision's old.tf are deleted.
      {
        filename: "infra/old.tf",
        status: "modified",
        patch: "@@ -1,5 +1,2 @@\n a\n b\n-c\n-d\n-e",
      },
    ],
  });
});
afterEach(() => fake.close());

interface Published {
  log: string[];
  warnings: string[];
  commands: string;
}

async function publish(
  report: Report,
  options: {
    token?: string;
    failed?: boolean;
    settings?: Partial<GithubReportSettings>;
    pull?: boolean;
    /** Seconds for all the client's requests (the Action's github-timeout). */
    budget?: number;
    /** Scales the client's waits; default 0.005. */
    timeScale?: number;
  } = {},
): Promise<Published> {
  const out: Published = { log: [], warnings: [], commands: "" };
  const budget = options.budget === undefined ? null : githubBudget(options.budget);
  const context: GithubContext = {
    apiUrl: fake.url,
    repo: { owner: fake.owner, repo: fake.repo },
    eventName: options.pull === false ? "push" : "pull_request",
    sha: HEAD,
    pull:
      options.pull === false ? null : { number: 7, headSha: HEAD, baseSha: BASE, fromFork: false },
  };
  const client = githubClient({
    token: options.token ?? "installation-token",
    baseUrl: fake.url,
    userAgent: "kms-usage-lint/test",
    log: { debug: () => {}, warn: (m) => out.warnings.push(m) },
    timeScale: options.timeScale ?? 0.005,
    ...(budget ? { budget } : {}),
  });
  await publishToGithub(
    report,
    options.failed ?? true,
    { ...SETTINGS, ...options.settings },
    { rules: RULES },
    {
      client: async () => client,
      context,
      info: (m) => out.log.push(m),
      warn: (m) => out.warnings.push(m),
      writeCommands: (text) => {
        out.commands += text;
      },
      budget,
    },
  );
  return out;
}

const writes = () => fake.requests.filter((r) => r.method !== "GET");

describe("the check run", () => {
  it("puts 120 findings on one check run in 3 annotation batches, on the head commit", async () => {
    const out = await publish(manyFindings(120));
    expect(fake.checkRuns).toHaveLength(1);
    const run = fake.checkRuns[0];
    expect(run?.head_sha).toBe(HEAD);
    expect(run?.conclusion).toBe("failure");
    expect(run?.annotations).toHaveLength(120);
    expect(run?.output.title).toBe("120 errors in 120 keys");
    expect(run?.output.summary.startsWith(MARKDOWN_MARKER)).toBe(true);
    const checkRequests = fake.requests.filter((r) => r.path.includes("/check-runs"));
    expect(checkRequests.map((r) => r.method)).toEqual(["POST", "PATCH", "PATCH"]);
    expect(out.commands).toBe("");
    expect(out.warnings).toEqual([]);
  });

  it("concludes neutral when findings stay below fail-on", async () => {
    await publish(manyFindings(2, "warning"), { failed: false });
    expect(fake.checkRuns[0]?.conclusion).toBe("neutral");
  });

  it("annotates with workflow commands when asked to, and makes no check run", async () => {
    const out = await publish(manyFindings(2), { settings: { annotations: "commands" } });
    expect(fake.checkRuns).toHaveLength(0);
    expect(out.commands).toMatch(/^::error title=unused-key,file=infra\/many\.tf,line=1::/);
  });
});

describe("the sticky comment", () => {
  it("is written once, edited by the next run, and left alone when nothing changed", async () => {
    await publish(manyFindings(3));
    expect(fake.issueComments).toHaveLength(1);
    await publish(manyFindings(4));
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).toContain("4 errors");
    const before = writes().length;
    await publish(manyFindings(4), { settings: { annotations: "none", reviewComments: false } });
    expect(writes().length).toBe(before);
    const methods = fake.requests.filter((r) => r.path.includes("/issues/")).map((r) => r.method);
    expect(methods).toEqual(["GET", "POST", "GET", "PATCH", "GET"]);
  });

  it("never edits someone else's comment that carries the marker", async () => {
    fake.seedIssueComment(7, `${MARKDOWN_MARKER}\nI copied this`, HUMAN);
    await publish(manyFindings(1));
    expect(fake.issueComments.map((c) => c.user.login)).toEqual(["mallory", "github-actions[bot]"]);
    expect(fake.issueComments[0]?.body).toBe(`${MARKDOWN_MARKER}\nI copied this`);
  });

  it("finds its comment by login when the token is a user's", async () => {
    fake.addToken("user-token", { user: HUMAN, canWrite: true, userEndpoint: true });
    fake.seedIssueComment(7, `${MARKDOWN_MARKER}\nold`, BOT);
    await publish(manyFindings(1), { token: "user-token" });
    expect(fake.issueComments.map((c) => c.user.login)).toEqual(["github-actions[bot]", "mallory"]);
    await publish(manyFindings(2), { token: "user-token" });
    expect(fake.issueComments).toHaveLength(2);
    expect(fake.issueComments[1]?.body).toContain("2 errors");
  });

  it("new adds a comment each run; delete-and-new replaces ours", async () => {
    const settings = { annotations: "none", reviewComments: false } as const;
    await publish(manyFindings(1), { settings: { ...settings, comment: "new" } });
    await publish(manyFindings(1), { settings: { ...settings, comment: "new" } });
    expect(fake.issueComments).toHaveLength(2);
    await publish(manyFindings(2), { settings: { ...settings, comment: "delete-and-new" } });
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).toContain("2 errors");
    expect(fake.requests.filter((r) => r.method === "DELETE")).toHaveLength(2);
  });

  it("says nothing on a clean pull request, but gives the all-clear where it had complained", async () => {
    const settings = { annotations: "none", reviewComments: false } as const;
    await publish(manyFindings(0), { settings, failed: false });
    expect(fake.issueComments).toHaveLength(0);
    await publish(manyFindings(1), { settings });
    await publish(manyFindings(0), { settings, failed: false });
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).toContain("no problems");
  });

  it("is not written on a push, and off means off", async () => {
    const out = await publish(manyFindings(1), { pull: false });
    expect(fake.issueComments).toHaveLength(0);
    expect(fake.checkRuns).toHaveLength(1);
    expect(out.log.join("\n")).toContain("Not a pull request event (push)");
    await publish(manyFindings(1), { settings: { comment: "off", reviewComments: false } });
    expect(fake.issueComments).toHaveLength(0);
  });
});

describe("review comments", () => {
  it("go on diff lines only, once: a second run posts none", async () => {
    const out = await publish(manyFindings(5));
    expect(fake.reviews).toHaveLength(1);
    expect(fake.reviewComments.map((c) => [c.path, c.line, c.side, c.commit_id])).toEqual([
      ["infra/many.tf", 1, "RIGHT", HEAD],
      ["infra/many.tf", 2, "RIGHT", HEAD],
      ["infra/many.tf", 3, "RIGHT", HEAD],
    ]);
    expect(out.log).toContain(
      "Review comments: 3 posted, 0 already there, 2 not on a changed line.",
    );
    const second = await publish(manyFindings(5));
    expect(fake.reviewComments).toHaveLength(3);
    expect(fake.reviews).toHaveLength(1);
    expect(second.log).toContain(
      "Review comments: 0 posted, 3 already there, 2 not on a changed line.",
    );
  });

  it("a finding on deleted code goes on its base-revision line, on the old side", async () => {
    const report = manyFindings(1);
    for (const subject of report.subjects) {
      subject.references = subject.references.map((r) => ({ ...r, location: null }));
    }
    report.findings = report.findings.map((f) => ({
      ...f,
      location: null,
      baseLocation: { file: "infra/old.tf", line: 4 },
    }));
    await publish(report);
    expect(fake.reviewComments.map((c) => [c.path, c.line, c.side])).toEqual([
      ["infra/old.tf", 4, "LEFT"],
    ]);
    expect(fake.issueComments[0]?.body).toContain("`infra/old.tf:4` (deleted)");
  });

  it("a human's comment with our marker does not stop ours", async () => {
    const report = manyFindings(1);
    const marker = `<!-- kms-usage-lint:finding ${report.findings[0]?.fingerprint} -->`;
    fake.seedReviewComment({
      pull_number: 7,
      body: marker,
      path: "infra/many.tf",
      line: 1,
      side: "RIGHT",
      user: HUMAN,
    });
    await publish(report);
    expect(fake.reviewComments).toHaveLength(2);
  });

  it("when GitHub refuses the review (422), posts each comment alone and counts the refused", async () => {
    fake.fail({ method: "POST", path: /\/pulls\/7\/reviews$/, status: 422 });
    fake.fail({ method: "POST", path: /\/pulls\/7\/comments$/, status: 422 });
    const out = await publish(manyFindings(3));
    expect(fake.reviewComments.map((c) => c.line)).toEqual([2, 3]);
    expect(out.log).toContain(
      "Review comments: 2 posted, 0 already there, 0 not on a changed line, 1 refused by GitHub (listed in the comment and the summary).",
    );
    // The comment still lists every finding.
    expect(fake.issueComments[0]?.body).toContain("3 errors");
  });
});

describe("a token that cannot write (a fork's pull request)", () => {
  it("falls back to workflow commands, says so once, and writes nothing else", async () => {
    const out = await publish(manyFindings(12), { token: "read-only-token" });
    expect(out.commands.split("\n").filter((l) => l.startsWith("::error"))).toHaveLength(12);
    expect(out.warnings, out.warnings.join("\n")).toHaveLength(1);
    expect(out.warnings[0]).toContain("`permissions: checks: write`");
    expect(out.warnings[0]).toContain("fork");
    expect(writes()).toHaveLength(1);
    expect(fake.checkRuns).toHaveLength(0);
  });

  it("with annotations as commands, the refused comment is the one warning", async () => {
    const out = await publish(manyFindings(1), {
      token: "read-only-token",
      settings: { annotations: "commands", reviewComments: false },
    });
    expect(out.commands).toContain("::error ");
    expect(out.warnings, out.warnings.join("\n")).toHaveLength(1);
    expect(out.warnings[0]).toContain("`permissions: pull-requests: write`");
  });

  it("refused review comments stop the run: the sticky comment is not tried", async () => {
    const out = await publish(manyFindings(1), {
      token: "read-only-token",
      settings: { annotations: "commands" },
    });
    expect(out.warnings, out.warnings.join("\n")).toHaveLength(1);
    expect(out.warnings[0]).toMatch(/^posting review comments: .*pull-requests: write/);
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /repos/${fake.owner}/${fake.repo}/pulls/7/reviews`,
    ]);
    expect(fake.issueComments).toHaveLength(0);
  });
});

describe("the time budget (github-timeout)", () => {
  // A GitHub that answers each write after a minute, and a budget of seconds:
  // the test counts what was sent and what was skipped, never how long it took.
  const SLOW = 60_000;
  const BUDGET = 3;

  it("stops the write in flight, starts no other, says which, and annotates with commands", async () => {
    fake.setLatency(SLOW);
    const out = await publish(manyFindings(3), { budget: BUDGET });
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /repos/${fake.owner}/${fake.repo}/check-runs`,
    ]);
    expect(fake.requests.some((r) => r.path === "/user" || r.path.includes("/pulls/"))).toBe(false);
    expect(out.warnings).toEqual([
      "GitHub took longer than github-timeout (3 s) to take the report: stopped creating the check run; skipped reading the token's identity, posting review comments and writing the pull request comment. The findings are in workflow-command annotations, the log and the job summary, and the step ends with their status.",
    ]);
    expect(out.commands.split("\n").filter((l) => l.startsWith("::error "))).toHaveLength(3);
  });

  it("keeps what was posted before the budget ran out and skips the rest", async () => {
    fake.setLatency(SLOW, { path: /\/pulls\/7\/reviews$/ });
    const out = await publish(manyFindings(3), { budget: BUDGET });
    expect(fake.checkRuns).toHaveLength(1);
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /repos/${fake.owner}/${fake.repo}/check-runs`,
      `POST /repos/${fake.owner}/${fake.repo}/pulls/7/reviews`,
    ]);
    expect(out.warnings).toEqual([
      "GitHub took longer than github-timeout (3 s) to take the report: stopped posting review comments; skipped writing the pull request comment. The findings are in the log and the job summary, and the step ends with their status.",
    ]);
    // The check run has the findings: no workflow commands repeat them.
    expect(out.commands).toBe("");
  });

  it("does not wait out a rate limit past the budget", async () => {
    fake.fail({
      method: "POST",
      path: /\/check-runs$/,
      status: 429,
      headers: { "retry-after": "30" },
    });
    const out = await publish(manyFindings(1), {
      budget: BUDGET,
      // GitHub's own timing: 30 s to wait, 3 s left.
      timeScale: 1,
      settings: { reviewComments: false, comment: "off" },
    });
    expect(writes()).toHaveLength(1);
    expect(out.warnings[0]).toMatch(/: not waiting 30 s for it \(past github-timeout, 3 s\)$/);
  });
});

describe("the plan", () => {
  const made = githubClient({
    token: "t",
    baseUrl: "http://127.0.0.1:9",
    userAgent: "t",
    log: { debug: () => {}, warn: () => {} },
  });
  const client = async () => made;
  const context: GithubContext = {
    apiUrl: "http://127.0.0.1:9",
    repo: { owner: "o", repo: "r" },
    eventName: "pull_request",
    sha: HEAD,
    pull: { number: 7, headSha: HEAD, baseSha: BASE, fromFork: false },
  };
  const kinds = (steps: GithubStep[]) => steps.map((step) => step.kind);

  it("a pull request gets the check run, then the identity, review comments and the comment", () => {
    expect(kinds(planGithubReport(SETTINGS, client, context))).toEqual([
      "check-run",
      "identity",
      "review-comments",
      "sticky-comment",
    ]);
  });

  it("without a client: workflow commands, and nothing on the pull request", () => {
    expect(kinds(planGithubReport(SETTINGS, null, context))).toEqual([
      "notice",
      "workflow-commands",
    ]);
  });

  it("a push gets no pull request step, and says why", () => {
    const steps = planGithubReport(SETTINGS, client, { ...context, eventName: "push", pull: null });
    expect(steps.at(-1)).toEqual({
      kind: "notice",
      message: "Not a pull request event (push): no pull request comment.",
    });
    expect(kinds(steps)).toEqual(["check-run", "notice"]);
  });

  it("comment off and no review comments: no identity is asked", () => {
    const settings = { annotations: "none", reviewComments: false, comment: "off" } as const;
    expect(planGithubReport(settings, client, context)).toEqual([]);
  });
});

describe("GitHub faults", () => {
  it("retries a 5xx", async () => {
    fake.fail({ method: "POST", path: /\/check-runs$/, status: 502 });
    const out = await publish(manyFindings(1), {
      settings: { reviewComments: false, comment: "off" },
    });
    expect(fake.checkRuns).toHaveLength(1);
    expect(out.commands).toBe("");
  });

  it("waits out a secondary rate limit's retry-after, on a 403 or a 429", async () => {
    fake.fail({
      method: "POST",
      path: /\/check-runs$/,
      status: 403,
      headers: { "retry-after": "2" },
    });
    fake.fail({
      method: "POST",
      path: /\/issues\/7\/comments$/,
      status: 429,
      headers: { "retry-after": "1" },
    });
    const out = await publish(manyFindings(1), { settings: { reviewComments: false } });
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.issueComments).toHaveLength(1);
    expect(out.warnings.filter((w) => w.includes("retrying in"))).toHaveLength(2);
  });

  it("waits out a 429's retry-after as a secondary limit's, whatever its message says", async () => {
    fake.fail({
      method: "POST",
      path: /\/check-runs$/,
      status: 429,
      headers: { "retry-after": "1" },
      // A proxy's or GitHub Enterprise's words: no "secondary rate limit" to recognise it by.
      body: { message: "Too Many Requests" },
      times: 2,
    });
    const out = await publish(manyFindings(1), {
      settings: { reviewComments: false, comment: "off" },
    });
    expect(writes().map((r) => r.method)).toEqual(["POST", "POST", "POST"]);
    expect(fake.checkRuns).toHaveLength(1);
    expect(out.commands).toBe("");
    expect(out.warnings.filter((w) => w.includes("retrying in 1 s"))).toHaveLength(2);
  });

  it("waits for a primary rate limit that resets soon, not for one an hour away", async () => {
    const reset = (seconds: number) => String(Math.floor(Date.now() / 1000) + seconds);
    fake.fail({
      method: "POST",
      path: /\/check-runs$/,
      status: 403,
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset(1) },
    });
    await publish(manyFindings(1), { settings: { reviewComments: false, comment: "off" } });
    expect(fake.checkRuns).toHaveLength(1);

    fake.fail({
      method: "POST",
      path: /\/check-runs$/,
      status: 403,
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset(3600) },
    });
    const out = await publish(manyFindings(1), {
      settings: { reviewComments: false, comment: "off" },
    });
    expect(fake.checkRuns).toHaveLength(1);
    // Not a permission problem: the findings go out as workflow commands, with a warning.
    expect(out.commands).toContain("::error ");
    expect(out.warnings.join("\n")).toContain("not waiting");
    expect(out.warnings.join("\n")).not.toContain("fork");
  });

  it("a failure to post is a warning, and the rest still runs", async () => {
    fake.fail({ method: "GET", path: /\/pulls\/7\/files$/, status: 500, times: 10 });
    const out = await publish(manyFindings(1));
    expect(
      out.warnings.some((w) => w.startsWith("posting review comments: GitHub answered 500")),
    ).toBe(true);
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.checkRuns).toHaveLength(1);
  });

  it("without a client, annotates with workflow commands", async () => {
    const out: string[] = [];
    await publishToGithub(
      manyFindings(1),
      true,
      SETTINGS,
      {},
      {
        client: null,
        context: null,
        info: (m) => out.push(m),
        warn: (m) => out.push(m),
        writeCommands: (t) => out.push(t),
      },
    );
    expect(out.join("\n")).toContain("::error ");
  });
});
