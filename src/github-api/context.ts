/**
 * Where the Action runs, from the runner's environment and the event payload:
 * the repository, the commit to report on and, for a pull request, its number,
 * head and base. Pure: the caller reads the environment and the event file.
 */

/** A repository on GitHub. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** The pull request the run is for. */
export interface PullRequestRef {
  number: number;
  /** The PR branch's commit: check runs and review comments belong there, not on the merge commit. */
  headSha: string;
  /** The base branch's commit the PR is compared with (config-from-base reads it). */
  baseSha: string;
  /** The head lives in another repository: the workflow's token is read-only, usually. */
  fromFork: boolean;
}

export interface GithubContext {
  apiUrl: string;
  repo: RepoRef;
  eventName: string;
  /** The commit a check run is created on: the PR head, else `GITHUB_SHA`. */
  sha: string;
  pull: PullRequestRef | null;
}

/** The runner's variables this module reads. */
export interface GithubEnv {
  GITHUB_REPOSITORY?: string;
  GITHUB_EVENT_NAME?: string;
  GITHUB_SHA?: string;
  GITHUB_API_URL?: string;
}

const SHA = /^[0-9a-f]{40}$/;

/**
 * The run's GitHub context, or null outside a GitHub Actions run (no
 * repository or commit to report on).
 *
 * @param event the parsed `GITHUB_EVENT_PATH` file, or null when there is none.
 */
export function githubContext(env: GithubEnv, event: unknown): GithubContext | null {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || rest.length > 0) return null;
  const pull = pullRequest(event, `${owner}/${repo}`);
  const sha = pull?.headSha ?? env.GITHUB_SHA ?? "";
  if (!SHA.test(sha)) return null;
  return {
    apiUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""),
    repo: { owner, repo },
    eventName: env.GITHUB_EVENT_NAME ?? "",
    sha,
    pull,
  };
}

/**
 * The pull request of a `pull_request`, `pull_request_target` or review event;
 * null for other events or a payload without a usable one.
 */
function pullRequest(event: unknown, fullName: string): PullRequestRef | null {
  const pr = field(event, "pull_request");
  const number = field(pr, "number");
  const headSha = field(field(pr, "head"), "sha");
  const baseSha = field(field(pr, "base"), "sha");
  if (typeof number !== "number" || !Number.isSafeInteger(number) || number <= 0) return null;
  if (typeof headSha !== "string" || !SHA.test(headSha)) return null;
  if (typeof baseSha !== "string" || !SHA.test(baseSha)) return null;
  const headRepo = field(field(field(pr, "head"), "repo"), "full_name");
  // A deleted fork has `head.repo: null`: still not this repository.
  const fromFork =
    typeof headRepo !== "string" || headRepo.toLowerCase() !== fullName.toLowerCase();
  return { number, headSha, baseSha, fromFork };
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === "object"
    ? (value as Record<string, unknown>)[name]
    : undefined;
}
