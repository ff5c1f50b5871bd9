/**
 * The GitHub REST client the Action reports through: `@octokit/rest` with
 * GitHub's own retry and rate-limit plugins, a per-request timeout, and the
 * Action's logger. Every sink takes this client, so tests hand it a fake API's URL.
 */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck/light.js";

const GithubOctokit = Octokit.plugin(retry, throttling);

/** The client every GitHub sink uses. */
export type GithubClient = InstanceType<typeof GithubOctokit>;

/**
 * The client, made when first asked for: this module (Octokit and its plugins) is
 * loaded with a dynamic import() then, so that a run that calls no GitHub API — no
 * token, annotations as workflow commands, no comment — never loads it (issue 15).
 */
export type GithubConnection = () => Promise<GithubClient>;

export interface GithubClientOptions {
  token: string;
  baseUrl: string;
  userAgent: string;
  log: { debug(message: string): void; warn(message: string): void };
  /**
   * Scales every wait: `retry-after`, the 5xx back-off (1, 4, 9 s) and the pacing
   * of writes. 1 (the default) is GitHub's own timing; tests that want the same
   * behaviour faster pass less.
   */
  timeScale?: number;
}

/**
 * GitHub asks integrations to leave a second between writes, and more between
 * writes that notify people (comments, reviews), or it answers with secondary
 * rate limits. The throttling plugin paces them so; these are its groups, scaled.
 */
const WRITE_INTERVAL_MS = 1_000;
const NOTIFICATION_INTERVAL_MS = 3_000;

/**
 * A rate limit that lifts within this many seconds is waited for; a longer one
 * (the hourly quota spent) is not: the report is not worth an idle runner, and
 * the findings still reach the log, the summary and the exit status.
 */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

// Retry a rate-limited request this many times before giving up.
const RATE_LIMIT_RETRIES = 2;

// A request GitHub has not answered in this long is abandoned (and retried as a 5xx would be).
const REQUEST_TIMEOUT_MS = 30_000;

export function githubClient(options: GithubClientOptions): GithubClient {
  const scale = options.timeScale ?? 1;
  const unit = 1000 * scale;
  // One client per run; its own groups keep its pacing apart from any other client's.
  const group = (minTime: number) =>
    new Bottleneck.Group({ maxConcurrent: 1, minTime: minTime * scale });
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: RequestInfo, _octokit: unknown, retryCount: number) => {
      const what = `${request.method} ${request.url}`;
      if (retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS) {
        options.log.warn(`GitHub ${kind} reached on ${what}: retrying in ${retryAfter} s`);
        return true;
      }
      options.log.warn(`GitHub ${kind} reached on ${what}: not waiting ${retryAfter} s for it`);
      return false;
    };
  return new GithubOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    log: {
      debug: options.log.debug,
      info: options.log.debug,
      warn: options.log.warn,
      // Octokit logs every failed request as an error; the sinks report the failures
      // that matter, in words, so these are only for debugging.
      error: options.log.debug,
    },
    request: { fetch: fetchWithTimeout },
    // 429 is a rate limit: the throttling plugin waits for its retry-after, instead
    // of the retry plugin's fixed back-off.
    retry: { retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      retryAfterBaseValue: unit,
      write: group(WRITE_INTERVAL_MS),
      notifications: group(NOTIFICATION_INTERVAL_MS),
      onRateLimit: onLimit("rate limit"),
      onSecondaryRateLimit: onLimit("secondary rate limit"),
    },
  });
}

interface RequestInfo {
  method: string;
  url: string;
}

function fetchWithTimeout(url: string | URL, init: RequestInit = {}): Promise<Response> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(url, { ...init, signal });
}
