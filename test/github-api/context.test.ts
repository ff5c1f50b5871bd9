import { describe, expect, it } from "vitest";
import { githubContext } from "../../src/github-api/context.js";

const HEAD = "a".repeat(40);
const BASE = "b".repeat(40);
const MERGE = "c".repeat(40);

function pullRequestEvent(headRepo: string | null) {
  return {
    action: "synchronize",
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: HEAD, ref: "feature", repo: headRepo === null ? null : { full_name: headRepo } },
      base: { sha: BASE, ref: "main", repo: { full_name: "acme/infra" } },
    },
  };
}

const ENV = {
  GITHUB_REPOSITORY: "acme/infra",
  GITHUB_EVENT_NAME: "pull_request",
  GITHUB_SHA: MERGE,
  GITHUB_API_URL: "http://127.0.0.1:1234/",
};

describe("githubContext", () => {
  it("reports on the pull request's head commit, not the merge commit", () => {
    expect(githubContext(ENV, pullRequestEvent("acme/infra"))).toEqual({
      apiUrl: "http://127.0.0.1:1234",
      repo: { owner: "acme", repo: "infra" },
      eventName: "pull_request",
      sha: HEAD,
      pull: { number: 7, headSha: HEAD, baseSha: BASE, fromFork: false },
    });
  });

  it("knows a pull request from a fork, or from a deleted fork", () => {
    expect(githubContext(ENV, pullRequestEvent("someone/infra"))?.pull?.fromFork).toBe(true);
    expect(githubContext(ENV, pullRequestEvent(null))?.pull?.fromFork).toBe(true);
    expect(githubContext(ENV, pullRequestEvent("ACME/Infra"))?.pull?.fromFork).toBe(false);
  });

  it("uses GITHUB_SHA and no pull request for a push", () => {
    const context = githubContext(
      { ...ENV, GITHUB_EVENT_NAME: "push" },
      { ref: "refs/heads/main" },
    );
    expect(context?.sha).toBe(MERGE);
    expect(context?.pull).toBeNull();
    expect(context?.apiUrl).toBe("http://127.0.0.1:1234");
  });

  it("defaults the API to api.github.com", () => {
    expect(githubContext({ ...ENV, GITHUB_API_URL: "" }, null)?.apiUrl).toBe(
      "https://api.github.com",
    );
  });

  it("is null outside a GitHub Actions run or with a payload it cannot trust", () => {
    expect(githubContext({}, null)).toBeNull();
    expect(githubContext({ ...ENV, GITHUB_REPOSITORY: "acme" }, null)).toBeNull();
    expect(githubContext({ ...ENV, GITHUB_SHA: "main" }, null)).toBeNull();
    const broken = pullRequestEvent("acme/infra");
    broken.pull_request.head.sha = "../../etc";
    // A head that is not a SHA is no pull request to report on; GITHUB_SHA still is a commit.
    expect(githubContext(ENV, broken)?.pull).toBeNull();
  });
});
