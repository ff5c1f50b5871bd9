import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  DEFAULT_TRAIL_MAX_PAGES
} from "./chunk-NDBIRYLI.js";
import {
  parseIsoValue
} from "./chunk-C34K5TY6.js";
import {
  InputError
} from "./chunk-2FU6VLII.js";

// src/config/config.ts
var STANDARD_OUTPUT = "-";
function parseSarifCategory(text, what) {
  const category = text.trim();
  if (category === "" || category === "/" || new RegExp("\\p{Cc}", "u").test(category)) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a category like terraform/prod (one line, not empty)`
    );
  }
  return category;
}
var SCOPES = ["changed", "all"];
var SCOPE_HELP = "changed: evaluate only the keys the change touches (the key, an alias or a consumer of it is created, updated, deleted, replaced, orphaned or disabled), asking AWS nothing about the rest; keys named with --key and keys whose change an input cannot tell (state, outputs) are always in; all: every key the inputs reference";
var DEFAULT_MAX_FACTS_AGE_DAYS = 14;
function parseMaxFactsAge(text, what) {
  if (!/^\d{1,5}$/.test(text.trim()) || Number(text) < 1) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a whole number of days, 1 or more (default ${DEFAULT_MAX_FACTS_AGE_DAYS})`
    );
  }
  return Number(text);
}
var MAX_TRAIL_MAX_PAGES = 1e3;
var TRAIL_MAX_PAGES_HELP = "CloudTrail LookupEvents pages (50 events each) read per key whose verdict needs its Event history; past it the lookup is truncated and what was read still counts";
function parseTrailMaxPages(text, what) {
  const pages = Number(text.trim());
  if (!/^\d{1,4}$/.test(text.trim()) || pages < 1 || pages > MAX_TRAIL_MAX_PAGES) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a whole number of pages from 1 to ${MAX_TRAIL_MAX_PAGES} (default ${DEFAULT_TRAIL_MAX_PAGES})`
    );
  }
  return pages;
}
var DEFAULT_AWS_TIMEOUT_SECONDS = 30;
var MAX_AWS_TIMEOUT_SECONDS = 3600;
var AWS_TIMEOUT_HELP = "seconds one AWS call may take, its retries and throttling back-offs included; an account-region that answers nothing within it is unreachable and its keys unavailable (no region readable: exit 2); waiting for a turn under the quota (N keys take N/5 s per region) does not count";
function parseAwsTimeout(text, what) {
  const seconds = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a number of seconds greater than 0, like ${DEFAULT_AWS_TIMEOUT_SECONDS}`
    );
  }
  if (seconds > MAX_AWS_TIMEOUT_SECONDS) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: at most ${MAX_AWS_TIMEOUT_SECONDS} seconds (an hour)`
    );
  }
  return seconds;
}
var DEFAULT_CONFIG_FILE = ".kms-usage-lint.yml";
function parseNow(text, what) {
  const ms = parseIsoValue(text);
  if (ms === null) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected an ISO 8601 date or timestamp like 2026-11-28T00:00:00Z`
    );
  }
  return new Date(ms);
}
function parseRoleTemplate(text, what) {
  if (!/^arn:aws[a-z-]*:iam::\{account\}:role\/[\w+=,.@/-]+$/.test(text)) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a role ARN with {account} for the account, like arn:aws:iam::{account}:role/kms-usage-lint`
    );
  }
  return text;
}

// src/rules/suggest.ts
function levenshtein(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function closest(word, candidates) {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= limit) return best;
  const lower = word.toLowerCase();
  const MIN_PREFIX = 3;
  if (lower.length < MIN_PREFIX) return null;
  for (const candidate of candidates)
    if (candidate.toLowerCase().startsWith(lower)) return candidate;
  return null;
}
function didYouMean(word, candidates) {
  const match = closest(word, candidates);
  return match === null ? "" : `; did you mean \`${match}\`?`;
}

export {
  closest,
  didYouMean,
  STANDARD_OUTPUT,
  parseSarifCategory,
  SCOPES,
  SCOPE_HELP,
  DEFAULT_MAX_FACTS_AGE_DAYS,
  parseMaxFactsAge,
  TRAIL_MAX_PAGES_HELP,
  parseTrailMaxPages,
  DEFAULT_AWS_TIMEOUT_SECONDS,
  AWS_TIMEOUT_HELP,
  parseAwsTimeout,
  DEFAULT_CONFIG_FILE,
  parseNow,
  parseRoleTemplate
};
