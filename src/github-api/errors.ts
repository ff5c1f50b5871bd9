/** GitHub API failures in words a workflow author can act on (STYLE 4). */
import { errorMessage } from "../errors.js";

/** The HTTP status of an Octokit `RequestError`, or null for any other failure. */
export function githubStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : null;
}

/**
 * The token may not do this: a 403 that is not a rate limit (those carry
 * `x-ratelimit-remaining: 0` or say "rate limit"), as a fork pull request's
 * read-only `GITHUB_TOKEN` gets on every write.
 */
export function isPermissionError(error: unknown): boolean {
  if (githubStatus(error) !== 403) return false;
  const response = (error as { response?: { headers?: Record<string, string> } }).response;
  if (response?.headers?.["x-ratelimit-remaining"] === "0") return false;
  return !/rate limit/i.test(errorMessage(error));
}

/**
 * One message for the log: what failed, GitHub's answer, and — for a permission
 * error — the `permissions:` entry the workflow needs. GitHub's answer is kept
 * whole but for its length, line breaks and all: the Action prints it escaped
 * (log-text.ts), so it shows as it came and can issue no command.
 */
export function describeGithubError(what: string, error: unknown, permission: string): string {
  const status = githubStatus(error);
  const answer = bounded(errorMessage(error));
  if (isPermissionError(error)) {
    return `${what}: GitHub answered 403 (${answer}); the job's token needs \`permissions: ${permission}\``;
  }
  return status === null ? `${what}: ${answer}` : `${what}: GitHub answered ${status} (${answer})`;
}

// An error page's worth of HTML is not worth a log line: its start says what it is.
const ANSWER_LIMIT = 300;

function bounded(text: string): string {
  return text.length > ANSWER_LIMIT ? `${text.slice(0, ANSWER_LIMIT - 1)}…` : text;
}
