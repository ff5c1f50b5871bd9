/**
 * The GitHub REST client the Action reports through: `@octokit/rest` with
 * GitHub's own retry and rate-limit plugins, a per-request timeout, and the
 * Action's logger. Every sink takes this client, so tests hand it a fake API's URL.
 */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck/light.js";
import { errorMessage } from "../errors.js";
import { type GithubBudget, GithubTimeoutError } from "./budget.js";
import { githubStatus } from "./errors.js";

// The budget lives in a module of its own, so the Action can make and test one without loading Octokit.
export { type GithubBudget, GithubTimeoutError, githubBudget, isGithubTimeout } from "./budget.js";

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
  /** A time budget for every request of this client; none by default. */
  budget?: GithubBudget;
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

/**
 * GitHub's advice for a secondary rate limit that names no `retry-after`: wait
 * at least a minute (docs: "Rate limits for the REST API", exceeding the limit).
 */
const SECONDARY_LIMIT_WAIT_SECONDS = 60;

// A request GitHub has not answered in this long is abandoned (and retried as a 5xx would be).
const REQUEST_TIMEOUT_MS = 30_000;

export function githubClient(options: GithubClientOptions): GithubClient {
  const scale = options.timeScale ?? 1;
  const unit = 1000 * scale;
  // One client per run; its own groups keep its pacing apart from any other client's.
  const group = (minTime: number) =>
    new Bottleneck.Group({ maxConcurrent: 1, minTime: minTime * scale });
  const budget = options.budget ?? null;
  const client = new GithubOctokit({
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
    request: { fetch: fetchWithin(budget) },
    // Rate limits (429, and 403s that are limits) are retried below, one way for all:
    // not by the retry plugin's fixed back-off, nor by the throttling plugin, which
    // knows a secondary limit only by "secondary rate" in its message.
    retry: { retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      retryAfterBaseValue: unit,
      write: group(WRITE_INTERVAL_MS),
      notifications: group(NOTIFICATION_INTERVAL_MS),
      onRateLimit: () => false,
      onSecondaryRateLimit: () => false,
    },
  });
  // Registered last, so it wraps the plugins: each retry goes through their pacing again.
  client.hook.wrap("request", (request, route) =>
    withinBudget(budget, () => retryRateLimits(async () => request(route), route, options, budget)),
  );
  return client;
}

interface RequestInfo {
  method: string;
  url: string;
}

/**
 * `send`, again after each rate limit that lifts soon enough: a 429, or a 403
 * that carries `retry-after` or a spent quota or says "rate limit" (GitHub's
 * secondary and primary limits, a proxy's 429), all waited out alike.
 */
async function retryRateLimits<T>(
  send: () => Promise<T>,
  route: RequestInfo,
  options: GithubClientOptions,
  budget: GithubBudget | null,
): Promise<T> {
  const scale = options.timeScale ?? 1;
  for (let retries = 0; ; retries++) {
    try {
      return await send();
    } catch (error) {
      const wait = rateLimitWait(error);
      if (wait === null) throw error;
      const what = `GitHub ${wait.kind} reached on ${route.method} ${route.url}`;
      const ms = wait.seconds * 1000 * scale;
      const fits = budget === null || Date.now() + ms < budget.endsAt;
      if (retries >= RATE_LIMIT_RETRIES || wait.seconds > MAX_RATE_LIMIT_WAIT_SECONDS || !fits) {
        const why = fits ? "" : ` (past github-timeout, ${budget?.seconds} s)`;
        options.log.warn(`${what}: not waiting ${wait.seconds} s for it${why}`);
        throw error;
      }
      options.log.warn(`${what}: retrying in ${wait.seconds} s`);
      await sleep(ms, budget);
    }
  }
}

/** How long a rate-limited answer asks to wait, and which limit it is; null for any other. */
function rateLimitWait(error: unknown): { kind: string; seconds: number } | null {
  const status = githubStatus(error);
  if (status !== 429 && status !== 403) return null;
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } })
    .response?.headers;
  const retryAfter = Number(headers?.["retry-after"]);
  if (headers?.["x-ratelimit-remaining"] === "0" && !(retryAfter > 0)) {
    const reset = Number(headers["x-ratelimit-reset"]) * 1000;
    // One second more, so the retry comes after the reset (GitHub's advice).
    const seconds = Math.max(0, Math.ceil((reset - Date.now()) / 1000) + 1);
    return { kind: "rate limit", seconds: Number.isFinite(seconds) ? seconds : Infinity };
  }
  const limited =
    status === 429 ||
    headers?.["retry-after"] !== undefined ||
    /rate limit/i.test(errorMessage(error));
  if (!limited) return null;
  const kind = /\bsecondary rate\b/i.test(errorMessage(error))
    ? "secondary rate limit"
    : "rate limit";
  return {
    kind,
    seconds:
      retryAfter >= 0 && headers?.["retry-after"] !== undefined
        ? retryAfter
        : SECONDARY_LIMIT_WAIT_SECONDS,
  };
}

/** `send()`, failing with {@link GithubTimeoutError} when the budget runs out first. */
function withinBudget<T>(budget: GithubBudget | null, send: () => Promise<T>): Promise<T> {
  if (budget === null) return send();
  if (budget.signal.aborted) return Promise.reject(new GithubTimeoutError(budget.seconds));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new GithubTimeoutError(budget.seconds));
    budget.signal.addEventListener("abort", onAbort, { once: true });
    send()
      .then(resolve, reject)
      .finally(() => budget.signal.removeEventListener("abort", onAbort));
  });
}

/** Waits `ms`, or until the budget runs out (then fails as a request would). */
function sleep(ms: number, budget: GithubBudget | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new GithubTimeoutError(budget?.seconds ?? 0));
    };
    function done() {
      budget?.signal.removeEventListener("abort", onAbort);
      resolve();
    }
    budget?.signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** `fetch` with the per-request timeout, and no request sent or kept once the budget is spent. */
function fetchWithin(budget: GithubBudget | null) {
  return async (url: string | URL, init: RequestInit = {}): Promise<Response> => {
    const signals = [AbortSignal.timeout(REQUEST_TIMEOUT_MS)];
    if (init.signal) signals.push(init.signal);
    if (budget) signals.push(budget.signal);
    try {
      return await fetch(url, { ...init, signal: AbortSignal.any(signals) });
    } catch (error) {
      if (budget?.signal.aborted) throw new GithubTimeoutError(budget.seconds);
      throw error;
    }
  };
}
