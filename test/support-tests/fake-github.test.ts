/**
 * The fake GitHub API, exercised through the real `@octokit/rest`: if Octokit can authenticate,
 * paginate and parse errors against it, the reporting sinks under test take their real path.
 */
import { Octokit } from "@octokit/rest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGithub, type FakeUser } from "../support/fake-github.js";

const BOT: FakeUser = { login: "github-actions[bot]", type: "Bot", id: 41898282 };
const HUMAN: FakeUser = { login: "octocat", type: "User", id: 583231 };
const HEAD = "a".repeat(40);
const BASE = "b".repeat(40);
const repo = { owner: "acme", repo: "infra" };

// Old lines 1–4 and 20–21 are on the LEFT side, new lines 1–5 and 21–23 on the RIGHT.
const PATCH = [
  "@@ -1,4 +1,5 @@",
  " keep 1",
  "-removed 2",
  "+added 2",
  "+added 3",
  " keep 3/4",
  " keep 4/5",
  "@@ -20,2 +21,3 @@",
  " context 20/21",
  "+added 22",
  " context 21/23",
  "\\ No newline at end of file",
].join("\n");

let fake: FakeGithub;

// Octokit logs every failed request at error level; these tests fail requests on purpose.
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function client(auth = "bot-token"): Octokit {
  return new Octokit({ auth, baseUrl: fake.url, request: { retries: 0 }, log: quiet });
}

/** What a GitHub error answer carries. */
interface ErrorAnswer {
  status: number;
  response: {
    data: { message: string; errors?: unknown[]; documentation_url?: string };
    headers: Record<string, string>;
  };
}

/** The error a call rejects with: Octokit's RequestError, with the answer GitHub gave. */
async function failure(promise: Promise<unknown>): Promise<ErrorAnswer> {
  try {
    await promise;
  } catch (error) {
    return error as ErrorAnswer;
  }
  throw new Error("expected the call to fail");
}

beforeEach(async () => {
  fake = await FakeGithub.start();
  fake.addToken("bot-token", { user: BOT, canWrite: true, userEndpoint: false });
  fake.addToken("read-only", { user: BOT, canWrite: false, userEndpoint: false });
  fake.addToken("user-token", { user: HUMAN, canWrite: true, userEndpoint: true });
  fake.addPull({
    number: 7,
    headSha: HEAD,
    baseSha: BASE,
    files: [
      { filename: "infra/main.tf", status: "modified", patch: PATCH, additions: 3, deletions: 1 },
      { filename: "logo.png", status: "added" },
    ],
  });
});

afterEach(async () => {
  await fake.close();
});

describe("check runs", () => {
  const annotation = (line: number) => ({
    path: "infra/main.tf",
    start_line: line,
    end_line: line,
    annotation_level: "failure" as const,
    message: `finding on line ${line}`,
  });

  it("creates a run and appends the annotations of every update", async () => {
    const octokit = client();
    const created = await octokit.rest.checks.create({
      ...repo,
      name: "kms-usage-lint",
      head_sha: HEAD,
      status: "in_progress",
      output: { title: "Checking", summary: "…", annotations: [annotation(1), annotation(2)] },
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      name: "kms-usage-lint",
      head_sha: HEAD,
      status: "in_progress",
      conclusion: null,
      output: { title: "Checking", summary: "…", annotations_count: 2 },
    });
    expect(created.data.html_url).toBe(`https://github.com/acme/infra/runs/${created.data.id}`);

    const updated = await octokit.rest.checks.update({
      ...repo,
      check_run_id: created.data.id,
      conclusion: "failure",
      output: { title: "3 findings", summary: "done", annotations: [annotation(3)] },
    });
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(updated.data.output.annotations_count).toBe(3);
    const [run] = fake.checkRuns;
    expect(run?.updates).toBe(1);
    expect(run?.output).toEqual({ title: "3 findings", summary: "done" });
    expect(run?.annotations.map((a) => a.start_line)).toEqual([1, 2, 3]);
  });

  it("answers 404 for an unknown run", async () => {
    const error = await failure(client().rest.checks.update({ ...repo, check_run_id: 999 }));
    expect(error.status).toBe(404);
  });

  it.each([
    ["more than 50 annotations", { output: { title: "t", summary: "s", annotations: [] } }, 51],
    ["no name", { name: undefined }, 0],
    ["a head_sha that is not a SHA", { head_sha: "main" }, 0],
    ["output without a summary", { output: { title: "t" } }, 0],
    ["a summary over 65535 characters", { output: { title: "t", summary: "x".repeat(65_536) } }, 0],
    ["completed without a conclusion", { status: "completed" }, 0],
    ["an unknown conclusion", { conclusion: "passed" }, 0],
  ])("rejects %s with 422 and creates nothing", async (_, change, annotations) => {
    const body: Record<string, unknown> = { name: "lint", head_sha: HEAD, ...change };
    if (annotations > 0) {
      const output = body.output as { annotations: unknown[] };
      output.annotations = Array.from({ length: annotations }, (_, i) => annotation(i + 1));
    }
    const octokit = client();
    const error = await failure(
      octokit.request("POST /repos/{owner}/{repo}/check-runs", { ...repo, ...body } as never),
    );
    expect(error.status).toBe(422);
    expect(error.response.data.message).toMatch(/^(Invalid request|Validation Failed|No commit)/);
    expect(fake.checkRuns).toEqual([]);
  });

  it.each([
    ["no annotation_level", { annotation_level: undefined }],
    ["an unknown annotation_level", { annotation_level: "error" }],
    ["a title over 255 characters", { title: "t".repeat(256) }],
    ["columns on a multi-line annotation", { end_line: 2, start_column: 1, end_column: 4 }],
  ])("rejects an annotation with %s", async (_, change) => {
    const error = await failure(
      client().rest.checks.create({
        ...repo,
        name: "lint",
        head_sha: HEAD,
        output: {
          title: "t",
          summary: "s",
          annotations: [{ ...annotation(1), ...change } as never],
        },
      }),
    );
    expect(error.status).toBe(422);
  });
});

describe("pull request files", () => {
  it("paginates with a Link header that octokit.paginate follows", async () => {
    const files = Array.from({ length: 250 }, (_, i) => ({
      filename: `modules/m${i}.tf`,
      status: "modified",
      patch: "@@ -1 +1 @@\n-a\n+b",
    }));
    fake.addPull({ number: 8, headSha: HEAD, baseSha: BASE, files });
    const octokit = client();

    const first = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 8, per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toContain(`<${fake.url}/repos/acme/infra/pulls/8/files?`);
    expect(first.headers.link).toMatch(/per_page=100&page=2>; rel="next"/);
    expect(first.headers.link).toMatch(/per_page=100&page=3>; rel="last"/);

    const all = await octokit.paginate(octokit.rest.pulls.listFiles, {
      ...repo,
      pull_number: 8,
      per_page: 100,
    });
    expect(all.map((file) => file.filename)).toEqual(files.map((file) => file.filename));
    expect(all[0]).toMatchObject({
      additions: 0,
      deletions: 0,
      changes: 0,
      patch: files[0]?.patch,
    });

    const byDefault = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 8 });
    expect(byDefault.data).toHaveLength(30);
  });

  it("answers 404 for an unknown pull request", async () => {
    const error = await failure(client().rest.pulls.listFiles({ ...repo, pull_number: 99 }));
    expect(error.status).toBe(404);
    expect(error.response.data).toEqual({
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest",
    });
  });
});

describe("review comments", () => {
  const comment = { ...repo, pull_number: 7, commit_id: HEAD, path: "infra/main.tf", body: "b" };

  it("accepts a line of the diff on either side and lists it", async () => {
    const octokit = client();
    const right = await octokit.rest.pulls.createReviewComment({ ...comment, line: 3 });
    expect(right.status).toBe(201);
    expect(right.data).toMatchObject({
      line: 3,
      side: "RIGHT",
      commit_id: HEAD,
      path: "infra/main.tf",
    });
    const left = await octokit.rest.pulls.createReviewComment({
      ...comment,
      line: 2,
      side: "LEFT",
    });
    expect(left.data).toMatchObject({ line: 2, side: "LEFT", pull_request_review_id: null });
    await octokit.rest.pulls.createReviewComment({ ...comment, line: 23, start_line: 21 });

    const listed = await octokit.rest.pulls.listReviewComments({ ...repo, pull_number: 7 });
    expect(listed.data.map((c) => [c.line, c.side, c.start_line])).toEqual([
      [3, "RIGHT", null],
      [2, "LEFT", null],
      [23, "RIGHT", 21],
    ]);
    expect(listed.data[0]?.user?.login).toBe("github-actions[bot]");
  });

  it.each([
    ["a line outside the hunks", { line: 10 }, "pull_request_review_thread.line"],
    [
      "an added line on the LEFT side",
      { line: 5, side: "LEFT" as const },
      "pull_request_review_thread.line",
    ],
    ["a file without a patch", { path: "logo.png", line: 1 }, "pull_request_review_thread.line"],
    ["a file outside the pull", { path: "README.md", line: 1 }, "pull_request_review_thread.path"],
    [
      "a start_line off the diff",
      { line: 23, start_line: 15 },
      "pull_request_review_thread.start_line",
    ],
  ])("rejects %s with 422", async (_, change, field) => {
    const error = await failure(client().rest.pulls.createReviewComment({ ...comment, ...change }));
    expect(error.status).toBe(422);
    expect(error.response.data).toMatchObject({
      message: "Validation Failed",
      errors: [
        {
          resource: "PullRequestReviewComment",
          code: "custom",
          field,
          message: "could not be resolved",
        },
      ],
    });
    expect(fake.reviewComments).toEqual([]);
  });

  it("rejects a commit_id that is not a SHA", async () => {
    const error = await failure(
      client().rest.pulls.createReviewComment({ ...comment, commit_id: "HEAD", line: 3 }),
    );
    expect(error.status).toBe(422);
  });

  it("lists seeded comments with their author", async () => {
    fake.seedReviewComment({
      pull_number: 7,
      body: "<!-- marker -->",
      path: "infra/main.tf",
      line: 2,
      side: "RIGHT",
      user: HUMAN,
    });
    const listed = await client().rest.pulls.listReviewComments({ ...repo, pull_number: 7 });
    expect(listed.data).toMatchObject([
      { body: "<!-- marker -->", user: { login: "octocat", type: "User" } },
    ]);
  });
});

describe("reviews", () => {
  const review = { ...repo, pull_number: 7, commit_id: HEAD };

  it("creates a review with its comments", async () => {
    const octokit = client();
    const created = await octokit.rest.pulls.createReview({
      ...review,
      event: "COMMENT",
      body: "2 findings",
      comments: [
        { path: "infra/main.tf", line: 22, body: "one" },
        { path: "infra/main.tf", line: 2, side: "LEFT", body: "two" },
      ],
    });
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({ state: "COMMENTED", body: "2 findings", commit_id: HEAD });
    expect(fake.reviews).toMatchObject([{ id: created.data.id, event: "COMMENT", user: BOT }]);
    expect(fake.reviewComments.map((c) => c.review_id)).toEqual([created.data.id, created.data.id]);
  });

  it("rejects the whole review when one comment is off the diff", async () => {
    const error = await failure(
      client().rest.pulls.createReview({
        ...review,
        event: "REQUEST_CHANGES",
        comments: [
          { path: "infra/main.tf", line: 22, body: "fine" },
          { path: "infra/main.tf", line: 40, body: "off the diff" },
        ],
      }),
    );
    expect(error.status).toBe(422);
    expect(error.response.data).toMatchObject({
      message: "Unprocessable Entity",
      errors: ["Line could not be resolved"],
    });
    expect(fake.reviews).toEqual([]);
    expect(fake.reviewComments).toEqual([]);
  });

  it("needs a body or comments to request changes, but not to stay pending", async () => {
    const octokit = client();
    const error = await failure(
      octokit.rest.pulls.createReview({ ...review, event: "REQUEST_CHANGES" }),
    );
    expect(error.status).toBe(422);
    const pending = await octokit.rest.pulls.createReview({ ...review });
    expect(pending.data.state).toBe("PENDING");
  });
});

describe("issue comments", () => {
  it("creates, lists, updates and deletes", async () => {
    const octokit = client();
    fake.seedIssueComment(7, "<!-- kms-usage-lint --> pasted by a human", HUMAN);
    const created = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: 7,
      body: "report v1",
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      body: "report v1",
      user: { login: BOT.login, type: "Bot" },
    });
    expect(created.data.html_url).toBe(
      `https://github.com/acme/infra/pull/7#issuecomment-${created.data.id}`,
    );

    const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: 7 });
    expect(listed.data.map((c) => [c.user?.login, c.body])).toEqual([
      ["octocat", "<!-- kms-usage-lint --> pasted by a human"],
      ["github-actions[bot]", "report v1"],
    ]);

    const updated = await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: created.data.id,
      body: "report v2",
    });
    expect(updated.status).toBe(200);
    expect(updated.data.body).toBe("report v2");
    expect(fake.issueComments[1]?.body).toBe("report v2");

    const deleted = await octokit.rest.issues.deleteComment({
      ...repo,
      comment_id: created.data.id,
    });
    expect(deleted.status).toBe(204);
    expect(fake.issueComments.map((c) => c.user.login)).toEqual(["octocat"]);
    const gone = await failure(
      octokit.rest.issues.deleteComment({ ...repo, comment_id: created.data.id }),
    );
    expect(gone.status).toBe(404);
  });

  it("rejects a body over 65536 characters", async () => {
    const error = await failure(
      client().rest.issues.createComment({ ...repo, issue_number: 7, body: "x".repeat(65_537) }),
    );
    expect(error.status).toBe(422);
    expect(error.response.data.errors).toEqual([
      {
        resource: "IssueComment",
        code: "custom",
        field: "body",
        message: "body is too long (maximum is 65536 characters)",
      },
    ]);
  });
});

describe("authentication and permissions", () => {
  it("gives a read-only token 403 on writes and 200 on reads", async () => {
    const octokit = client("read-only");
    const error = await failure(
      octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: "hi" }),
    );
    expect(error.status).toBe(403);
    expect(error.response.data.message).toBe("Resource not accessible by integration");
    expect(fake.issueComments).toEqual([]);
    const read = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 7 });
    expect(read.status).toBe(200);
  });

  it("answers GET /user for a user token but not an installation token", async () => {
    const error = await failure(client("bot-token").rest.users.getAuthenticated());
    expect(error.status).toBe(403);
    expect(error.response.data.message).toBe("Resource not accessible by integration");
    const user = await client("user-token").rest.users.getAuthenticated();
    expect(user.data).toMatchObject({ login: "octocat", id: 583231, type: "User" });
  });

  it("answers 401 to a token it does not know, whether token or Bearer", async () => {
    const error = await failure(client("nope").rest.pulls.listFiles({ ...repo, pull_number: 7 }));
    expect(error.status).toBe(401);
    expect(error.response.data.message).toBe("Bad credentials");
    const bearer = await fetch(`${fake.url}/user`, {
      headers: { authorization: "Bearer user-token" },
    });
    expect(bearer.status).toBe(200);
  });

  it("answers 404 for another repository", async () => {
    const error = await failure(
      client().rest.issues.createComment({
        owner: "acme",
        repo: "other",
        issue_number: 7,
        body: "x",
      }),
    );
    expect(error.status).toBe(404);
  });
});

describe("contents", () => {
  it("round-trips a file in base64 wrapped at 60 characters", async () => {
    const path = "docs/runbooks/key rotation.md";
    const text = `# Key rotation ✓\n\n${"Rotate every key, then wait. ".repeat(10)}\n`;
    fake.setContent("feature/rotate", path, text);
    const octokit = client();
    const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref: "feature/rotate" });
    if (Array.isArray(data) || data.type !== "file") throw new Error("expected a file");
    expect(data).toMatchObject({ type: "file", encoding: "base64", path, name: "key rotation.md" });
    expect(data.size).toBe(Buffer.byteLength(text));
    const lines = data.content.split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -2).every((line) => line.length === 60)).toBe(true);
    expect(Buffer.from(data.content, "base64").toString("utf8")).toBe(text);

    const elsewhere = await failure(octokit.rest.repos.getContent({ ...repo, path, ref: "main" }));
    expect(elsewhere.status).toBe(404);
  });
});

describe("faults, headers and the request log", () => {
  it("answers a queued 502 once, then normally", async () => {
    fake.fail({ method: "GET", path: "/repos/acme/infra/pulls/7/files", status: 502 });
    const octokit = client();
    const error = await failure(octokit.rest.pulls.listFiles({ ...repo, pull_number: 7 }));
    expect(error.status).toBe(502);
    const again = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 7 });
    expect(again.status).toBe(200);
    expect(fake.requests).toHaveLength(2);
  });

  it("answers rate limits with GitHub's messages and headers", async () => {
    fake.fail({ path: /check-runs/, status: 403, headers: { "Retry-After": "30" } });
    fake.fail({ path: /check-runs/, status: 403, headers: { "x-ratelimit-remaining": "0" } });
    const create = () => client().rest.checks.create({ ...repo, name: "lint", head_sha: HEAD });
    const secondary = await failure(create());
    expect(secondary.response.data.message).toMatch(/secondary rate limit/);
    expect(secondary.response.headers["retry-after"]).toBe("30");
    const primary = await failure(create());
    expect(primary.response.data.message).toMatch(/^API rate limit exceeded/);
    expect(primary.response.headers["x-ratelimit-remaining"]).toBe("0");
    expect((await create()).status).toBe(201);
  });

  it("answers a 429 with retry-after in the words a test gives it", async () => {
    fake.fail({
      path: /check-runs/,
      status: 429,
      headers: { "retry-after": "1" },
      body: { message: "Too Many Requests" },
    });
    const error = await failure(
      client().rest.checks.create({ ...repo, name: "lint", head_sha: HEAD }),
    );
    expect(error.status).toBe(429);
    expect(error.response.data.message).toBe("Too Many Requests");
    expect(error.response.headers["retry-after"]).toBe("1");
  });

  it("holds the writes a latency names, takes them when it ends, and answers the rest at once", async () => {
    fake.setLatency(60_000, { path: /\/issues\/7\/comments$/ });
    const octokit = client();
    const held = octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: "slow" });
    held.catch(() => {});
    const quick = await octokit.rest.checks.create({ ...repo, name: "lint", head_sha: HEAD });
    expect(quick.status).toBe(201);
    expect((await octokit.rest.issues.listComments({ ...repo, issue_number: 7 })).data).toEqual([]);
    // The held request arrived (it is recorded) but has not taken effect.
    expect(fake.requests.filter((r) => r.method === "POST").map((r) => r.path)).toEqual([
      "/repos/acme/infra/issues/7/comments",
      "/repos/acme/infra/check-runs",
    ]);
    expect(fake.issueComments).toEqual([]);
    // close() lets it go unanswered: the test process does not wait a minute.
    await fake.close();
    await expect(held).rejects.toThrow();
  });

  it("takes a held write after the latency, though its client gave up", async () => {
    fake.setLatency(200);
    const give = new AbortController();
    const octokit = client();
    const write = octokit.rest.issues.createComment({
      ...repo,
      issue_number: 7,
      body: "late",
      request: { signal: give.signal },
    });
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    give.abort();
    await expect(write).rejects.toThrow();
    fake.setLatency(0);
    // It takes effect when the latency ends (waited for by polling, no clock asserted).
    while (fake.issueComments.length === 0) await new Promise((r) => setTimeout(r, 20));
    expect(fake.issueComments.map((c) => c.body)).toEqual(["late"]);
  });

  it("sends GitHub's headers on every answer", async () => {
    const octokit = client();
    const first = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 7 });
    const second = await failure(octokit.rest.pulls.listFiles({ ...repo, pull_number: 99 }));
    expect(first.headers).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
    });
    expect(second.response.headers["x-ratelimit-remaining"]).toBe("4998");
    expect(Number(first.headers["x-ratelimit-reset"])).toBeGreaterThan(Date.now() / 1000);
    expect(first.headers["x-github-request-id"]).toMatch(/^[0-9A-F:]+$/);
  });

  it("records method, path, query, headers and body", async () => {
    const octokit = client();
    await octokit.rest.issues.listComments({ ...repo, issue_number: 7, per_page: 5, page: 2 });
    await octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: "hello" });
    expect(fake.requests).toMatchObject([
      {
        method: "GET",
        path: "/repos/acme/infra/issues/7/comments",
        query: { per_page: "5", page: "2" },
        body: undefined,
      },
      {
        method: "POST",
        path: "/repos/acme/infra/issues/7/comments",
        query: {},
        headers: { authorization: "token bot-token" },
        body: { body: "hello" },
      },
    ]);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const response = await fetch(`${fake.url}/repos/acme/infra/issues/7/comments`, {
      method: "POST",
      headers: { authorization: "token bot-token", "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: "Problems parsing JSON" });
    expect(fake.requests[0]?.body).toBeUndefined();
  });
});
