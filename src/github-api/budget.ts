/**
 * The time budget of the Action's GitHub writes (input `github-timeout`). Apart
 * from the client so that the Action can make a budget, and tell a spent one from
 * GitHub refusing, without loading Octokit (issue 15: a run that calls no GitHub
 * API never loads it).
 */

/**
 * A time budget for everything the client does: past `endsAt` no request is
 * sent, the one in flight is abandoned and no wait is started that would end
 * after it. Made by {@link githubBudget}.
 */
export interface GithubBudget {
  /** Aborted when the budget is spent. */
  signal: AbortSignal;
  /** When it is spent, in `Date.now()` milliseconds. */
  endsAt: number;
  /** Its length, for messages. */
  seconds: number;
}

/** A budget of `seconds` from now. */
export function githubBudget(seconds: number): GithubBudget {
  const ms = Math.ceil(seconds * 1000);
  return { signal: AbortSignal.timeout(ms), endsAt: Date.now() + ms, seconds };
}

/**
 * What a request fails with once the budget is spent. Named `AbortError`, as a
 * fetch aborted by its caller fails: `@octokit/request` passes it on as it is,
 * and the retry plugin does not retry it.
 */
export class GithubTimeoutError extends Error {
  override readonly name = "AbortError";
  constructor(readonly seconds: number) {
    super(`the GitHub time budget (${seconds} s) is spent`);
  }
}

/** Whether `error` is the budget running out, rather than GitHub refusing. */
export function isGithubTimeout(error: unknown): error is GithubTimeoutError {
  return error instanceof GithubTimeoutError;
}
