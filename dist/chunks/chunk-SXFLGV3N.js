import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  errorMessage
} from "./chunk-2FU6VLII.js";

// src/github-api/errors.ts
function githubStatus(error) {
  const status = error?.status;
  return typeof status === "number" ? status : null;
}
function isPermissionError(error) {
  if (githubStatus(error) !== 403) return false;
  const response = error.response;
  if (response?.headers?.["x-ratelimit-remaining"] === "0") return false;
  return !/rate limit/i.test(errorMessage(error));
}
function describeGithubError(what, error, permission) {
  const status = githubStatus(error);
  const answer = bounded(errorMessage(error));
  if (isPermissionError(error)) {
    return `${what}: GitHub answered 403 (${answer}); the job's token needs \`permissions: ${permission}\``;
  }
  return status === null ? `${what}: ${answer}` : `${what}: GitHub answered ${status} (${answer})`;
}
var ANSWER_LIMIT = 300;
function bounded(text) {
  return text.length > ANSWER_LIMIT ? `${text.slice(0, ANSWER_LIMIT - 1)}\u2026` : text;
}

// src/github-api/budget.ts
function githubBudget(seconds) {
  const ms = Math.ceil(seconds * 1e3);
  return { signal: AbortSignal.timeout(ms), endsAt: Date.now() + ms, seconds };
}
var GithubTimeoutError = class extends Error {
  constructor(seconds) {
    super(`the GitHub time budget (${seconds} s) is spent`);
    this.seconds = seconds;
  }
  seconds;
  name = "AbortError";
};
function isGithubTimeout(error) {
  return error instanceof GithubTimeoutError;
}

export {
  githubStatus,
  isPermissionError,
  describeGithubError,
  githubBudget,
  GithubTimeoutError,
  isGithubTimeout
};
