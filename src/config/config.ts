/** The one typed configuration that CLI arguments and Action inputs both become. */
import { DEFAULT_TRAIL_MAX_PAGES } from "../facts/trail.js";
import { InputError, type Scope, type Severity } from "../model.js";
import type { Format } from "../report/format-options.js";
import type { ParameterOverride } from "../sources/cdk/parameters.js";
import type { InputSpec } from "../sources/detect.js";
import { parseIsoValue } from "../time.js";
import type { InventoryConfig } from "./inventory.js";

export interface OutputSpec {
  format: Format;
  /** Null: standard output. */
  file: string | null;
}

/**
 * `-` as an output file (`--format json=-`, `snapshot -o -`, `--save-facts -`) is
 * standard output, as ESLint, Spectral and most Unix tools read it: never a file named `-`.
 */
export const STANDARD_OUTPUT = "-";

export interface RunConfig {
  inputs: InputSpec[];
  /** `--key` values. */
  keys: string[];
  /** `--parameter STACK.NAME=VALUE`: template parameter values, per stack. */
  parameters: ParameterOverride[];
  /** `--config`; null: the nearest `.kms-usage-lint.yml`/`.yaml` up to the repository root (config-file.ts), else the recommended pack. */
  configFile: string | null;
  /** `--facts`: evaluate offline from this snapshot. */
  factsFile: string | null;
  /** `--save-facts` (or `snapshot -o`): write the facts gathered to this snapshot file; `STANDARD_OUTPUT`: to stdout. */
  saveFacts: string | null;
  region: string | null;
  /** `--profile`: a named profile of the shared AWS config. */
  profile: string | null;
  /** `--endpoint-url`: another KMS endpoint (a VPC endpoint, an emulator); CloudFormation's unless it has its own. */
  endpointUrl: string | null;
  /** `--role-template`: `arn:aws:iam::{account}:role/NAME`, assumed to read other accounts' keys. */
  roleTemplate: string | null;
  /**
   * `--aws-timeout`, in seconds: how long one AWS call may take from its first send,
   * retries, throttling back-offs and later turns under the quota included (its first
   * wait for a turn under the quota is not). An account-region whose first answer does
   * not come within it is unreachable. See AWS_TIMEOUT_HELP.
   */
  awsTimeout: number;
  /** `--cdk-out` directories (cloud assemblies). */
  cdkOut: string[];
  /** `--cdk-base`: the base branch's synthesized assembly, to compare the `--cdk-out` ones against. */
  cdkBase: string | null;
  /** `--terraform-dir`: the root module's directory; null: each Terraform input's own directory. */
  terraformDir: string | null;
  /** `--repo-root`: locations are relative to it; null: the git top level, else the working directory. */
  repoRoot: string | null;
  /**
   * `--base-ref`: the git revision the change is compared with (the pull
   * request's base), for the lines of removed resources; null: none.
   */
  baseRef: string | null;
  /** `--now`; null: the clock. */
  now: Date | null;
  /** `--max-facts-age`: a `--facts` snapshot older than this many days (at `now`) is refused. */
  maxFactsAgeDays: number;
  /** `--trail-max-pages`: CloudTrail LookupEvents pages read per key; past it the trail is `truncated`. */
  trailMaxPages: number;
  failOn: Severity | "none";
  /** `--scope`: evaluate every key the inputs reference, or only those the change touches. */
  scope: Scope;
  /**
   * `--all-keys` (inventory): evaluate every key of the `--facts` snapshot, referenced by an
   * input or not, and say which account-regions its inventory could not read.
   */
  allKeys: boolean;
  outputs: OutputSpec[];
  /**
   * `--sarif-category`: SARIF's `automationDetails` category; null: none, so the
   * uploader's own category (upload-sarif's `category` input) applies.
   */
  sarifCategory: string | null;
  /** `snapshot --all-keys` (issue 17): the accounts, regions and shard to inventory; absent or null otherwise. */
  inventory?: InventoryConfig | null;
  /**
   * An inventory's roles from its accounts file, by account id, over `--role-template`'s
   * (set by the inventory's run, not by arguments).
   */
  accountRoles?: Readonly<Record<string, string>> | null;
}

/** `merge`'s arguments (merge.ts). */
export interface MergeConfig {
  files: string[];
  /** `-o FILE`: where the merged snapshot or JSON report goes; `-` is standard output; null: none. */
  output: string | null;
  /** `--expect-shards N`: the merged inventory must hold shards 1 to N. */
  expectShards: number | null;
  /** `--format` for merged reports: text, markdown… rendered from the merged report. */
  outputs: OutputSpec[];
  /** `--config`: the rules whose descriptions and help the report formats show. */
  configFile: string | null;
  failOn: Severity | "none";
}

/** Checks a `--sarif-category` (given as `what`): the category part of an automation id. */
export function parseSarifCategory(text: string, what: string): string {
  const category = text.trim();
  // Code scanning reads `id` as `category/run-id`; the category must be one line of text.
  if (category === "" || category === "/" || /\p{Cc}/u.test(category)) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a category like terraform/prod (one line, not empty)`,
    );
  }
  return category;
}

/** `--scope`'s values. */
export const SCOPES: readonly Scope[] = ["changed", "all"];

/** What `--scope` (and the Action's `scope`) chooses, for help texts. */
export const SCOPE_HELP =
  "changed: evaluate only the keys the change touches (the key, an alias or a consumer of it is created, updated, deleted, replaced, orphaned or disabled), asking AWS nothing about the rest; keys named with --key and keys whose change an input cannot tell (state, outputs) are always in; all: every key the inputs reference";

/**
 * How old a facts snapshot may be by default, in days: a weekly scheduled refresh
 * that misses one run still passes; one that stopped turns the check red.
 */
export const DEFAULT_MAX_FACTS_AGE_DAYS = 14;

/** Parses `--max-facts-age` / input `max-facts-age`: whole days, at least 1. */
export function parseMaxFactsAge(text: string, what: string): number {
  if (!/^\d{1,5}$/.test(text.trim()) || Number(text) < 1) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a whole number of days, 1 or more (default ${DEFAULT_MAX_FACTS_AGE_DAYS})`,
    );
  }
  return Number(text);
}

// A key with more than 50,000 events in 90 days is a hot key; its failed uses are then the newest ones.
const MAX_TRAIL_MAX_PAGES = 1000;

export { DEFAULT_TRAIL_MAX_PAGES };

/** What `--trail-max-pages` (and the Action's `trail-max-pages`) bounds, for help texts. */
export const TRAIL_MAX_PAGES_HELP =
  "CloudTrail LookupEvents pages (50 events each) read per key whose verdict needs its Event history; past it the lookup is truncated and what was read still counts";

/** Parses `--trail-max-pages` (given as `what`): a whole number of pages, 1 to 1,000. */
export function parseTrailMaxPages(text: string, what: string): number {
  const pages = Number(text.trim());
  if (!/^\d{1,4}$/.test(text.trim()) || pages < 1 || pages > MAX_TRAIL_MAX_PAGES) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a whole number of pages from 1 to ${MAX_TRAIL_MAX_PAGES} (default ${DEFAULT_TRAIL_MAX_PAGES})`,
    );
  }
  return pages;
}

/**
 * The default `--aws-timeout`: a silent endpoint ends the run in about this long, well
 * within SPEC §10's 45 s, while a healthy KMS answers in well under a second.
 */
export const DEFAULT_AWS_TIMEOUT_SECONDS = 30;
// More than an hour of silence is no timeout at all; a typo, most likely.
const MAX_AWS_TIMEOUT_SECONDS = 3600;

/** What `--aws-timeout` (and the Action's `aws-timeout`) bounds, for help texts. */
export const AWS_TIMEOUT_HELP =
  "seconds one AWS call may take, its retries and throttling back-offs included; an account-region that answers nothing within it is unreachable and its keys unavailable (no region readable: exit 2); waiting for a turn under the quota (N keys take N/5 s per region) does not count";

/** Parses `--aws-timeout` (given as `what`): seconds, more than 0. */
export function parseAwsTimeout(text: string, what: string): number {
  const seconds = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a number of seconds greater than 0, like ${DEFAULT_AWS_TIMEOUT_SECONDS}`,
    );
  }
  if (seconds > MAX_AWS_TIMEOUT_SECONDS) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: at most ${MAX_AWS_TIMEOUT_SECONDS} seconds (an hour)`,
    );
  }
  return seconds;
}

/** The default rules file's name, looked for up to the repository root (config-file.ts). */
export const DEFAULT_CONFIG_FILE = ".kms-usage-lint.yml";

/**
 * Parses the evaluation clock given as `what` (`--now`, `input now`): only real
 * ISO 8601 dates, as rules files write them (Date.parse would take "1", "March 7",
 * and roll 2026-02-30 over to March).
 */
export function parseNow(text: string, what: string): Date {
  const ms = parseIsoValue(text);
  if (ms === null) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected an ISO 8601 date or timestamp like 2026-11-28T00:00:00Z`,
    );
  }
  return new Date(ms);
}

/** Checks a `--role-template`: a role ARN with `{account}` where the account goes. */
export function parseRoleTemplate(text: string, what: string): string {
  if (!/^arn:aws[a-z-]*:iam::\{account\}:role\/[\w+=,.@/-]+$/.test(text)) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a role ARN with {account} for the account, like arn:aws:iam::{account}:role/kms-usage-lint`,
    );
  }
  return text;
}
