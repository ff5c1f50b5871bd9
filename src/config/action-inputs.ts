/** GitHub Action inputs (SPEC §8) → RunConfig, the same config the CLI builds. */
import { InputError, type Scope, SEVERITIES, type Severity } from "../model.js";
import {
  ANNOTATIONS_MODES,
  type AnnotationsMode,
  COMMENT_MODES,
  type CommentMode,
} from "../report/github-sinks/modes.js";
import { parseParameterOverride } from "../sources/cdk/parameters.js";
import type { InputSpec } from "../sources/detect.js";
import {
  DEFAULT_AWS_TIMEOUT_SECONDS,
  DEFAULT_MAX_FACTS_AGE_DAYS,
  DEFAULT_TRAIL_MAX_PAGES,
  parseAwsTimeout,
  parseMaxFactsAge,
  parseNow,
  parseRoleTemplate,
  parseSarifCategory,
  parseTrailMaxPages,
  type RunConfig,
  SCOPES,
  STANDARD_OUTPUT,
} from "./config.js";

/** Reads one input by name; `""` when unset (the runner's convention). */
export type InputReader = (name: string) => string;

/**
 * The events a pull request runs on: there, the check asks by default only about the
 * keys the pull request changes (input `scope`).
 */
const PULL_REQUEST_EVENTS: readonly string[] = ["pull_request", "pull_request_target"];

/**
 * The Action's configuration, with paths relative to `working-directory`.
 *
 * @param eventName the event the workflow runs on (`GITHUB_EVENT_NAME`, as the GitHub
 *   context reads it); null outside a workflow run.
 */
export function actionConfig(
  input: InputReader,
  workspace: string | null,
  eventName: string | null,
): RunConfig {
  const list = (name: string) =>
    input(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "");
  const optional = (name: string) => input(name).trim() || null;

  const failOn = input("fail-on").trim() || "error";
  if (![...SEVERITIES, "none"].includes(failOn)) {
    throw new InputError(
      `input fail-on: expected error, warning, notice or none, found ${JSON.stringify(failOn)}`,
    );
  }
  const inputs: InputSpec[] = [
    ...list("terraform-plan").map((path): InputSpec => ({ kind: "terraform-plan", path })),
    ...list("terraform-state").map((path): InputSpec => ({ kind: "terraform-state", path })),
    ...list("terraform-outputs").map((path): InputSpec => ({ kind: "terraform-outputs", path })),
    ...list("cdk-outputs").map((path): InputSpec => ({ kind: "cdk-outputs", path })),
    ...list("template").map((path): InputSpec => ({ kind: "cloudformation-template", path })),
    ...list("paths").map((path): InputSpec => ({ kind: "auto", path })),
  ];
  const now = optional("now");
  const maxFactsAge = optional("max-facts-age");
  const role = optional("role-template");
  const awsTimeout = optional("aws-timeout");
  const trailMaxPages = optional("trail-max-pages");
  const endpointUrl = optional("endpoint-url");
  const mode = oneOf(input, "mode", MODES, "check");
  const config: RunConfig = {
    inputs,
    keys: list("key"),
    parameters: list("parameters").map((line) => parseParameterOverride(line, "input parameters")),
    configFile: optional("config"),
    factsFile: optional("facts"),
    saveFacts: saveFactsFile(optional("save-facts")),
    region: optional("region"),
    // The Action takes credentials from the environment (configure-aws-credentials).
    profile: null,
    endpointUrl: endpointUrl === null ? null : parseEndpointUrl(endpointUrl, "input endpoint-url"),
    roleTemplate: role === null ? null : parseRoleTemplate(role, "input role-template"),
    awsTimeout:
      awsTimeout === null
        ? DEFAULT_AWS_TIMEOUT_SECONDS
        : parseAwsTimeout(awsTimeout, "input aws-timeout"),
    cdkOut: list("cdk-out"),
    cdkBase: optional("cdk-base"),
    terraformDir: optional("terraform-dir"),
    // Without the input, the Action sets it from the pull request's base commit, when the checkout has it.
    baseRef: optional("base-ref"),
    // The runner checks out the repository in GITHUB_WORKSPACE; locations are relative to it.
    repoRoot: optional("repo-root") ?? workspace,
    now: now === null ? null : parseNow(now, "input now"),
    maxFactsAgeDays:
      maxFactsAge === null
        ? DEFAULT_MAX_FACTS_AGE_DAYS
        : parseMaxFactsAge(maxFactsAge, "input max-facts-age"),
    trailMaxPages:
      trailMaxPages === null
        ? DEFAULT_TRAIL_MAX_PAGES
        : parseTrailMaxPages(trailMaxPages, "input trail-max-pages"),
    failOn: failOn as Severity | "none",
    // An inventory evaluates every key, whatever the event: no change decides which.
    scope: oneOf(input, "scope", SCOPES, mode === "inventory" ? "all" : defaultScope(eventName)),
    allKeys: mode === "inventory",
    // The Action renders its own outputs (log, JSON report file); the list here is unused.
    outputs: [],
    sarifCategory:
      optional("sarif-category") === null
        ? null
        : parseSarifCategory(input("sarif-category"), "input sarif-category"),
  };
  return config;
}

/**
 * Checks `endpoint-url`: an http(s) URL, as the AWS SDK takes it. A typo fails the
 * step at once (exit 2) rather than as every key unavailable.
 */
function parseEndpointUrl(text: string, what: string): string {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (url === null || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected an http or https URL, like https://kms.eu-west-1.amazonaws.com`,
    );
  }
  return text;
}

/**
 * Input `save-facts`: a file. `-` is standard output on the command line (`--save-facts
 * -`); in the Action that is the job log, where a snapshot is neither kept nor readable by
 * a later job — and a file named `-` would be written instead, unseen. Refused (exit 2).
 */
function saveFactsFile(file: string | null): string | null {
  if (file !== STANDARD_OUTPUT) return file;
  throw new InputError(
    'input save-facts: "-" is standard output, the job log, where no later job can read the snapshot; name a file, and keep it with actions/upload-artifact',
  );
}

/**
 * Input `mode`: `check` evaluates the keys the inputs reference; `inventory` every key of
 * the `facts` snapshot (`check --all-keys`), referenced or not.
 */
const MODES = ["check", "inventory"] as const;

/** `changed` on a pull request's events, where the change is the pull request's; `all` on any other. */
function defaultScope(eventName: string | null): Scope {
  return eventName !== null && PULL_REQUEST_EVENTS.includes(eventName) ? "changed" : "all";
}

/** How the Action reports, besides the run's configuration (SPEC §8). */
export interface ActionSettings {
  annotations: AnnotationsMode;
  reviewComments: boolean;
  comment: CommentMode;
  summary: boolean;
  sarifFile: string | null;
  configFromBase: boolean;
  token: string;
  /** `github-timeout`: seconds all the writes to GitHub may take together. */
  githubTimeoutSeconds: number;
}

/**
 * How long the writes to GitHub may take by default, in seconds: a check run in
 * a few batches, a review and a comment take seconds; a GitHub that answers each
 * write after half a minute must not hold the runner for many minutes.
 */
export const DEFAULT_GITHUB_TIMEOUT_SECONDS = 120;
// More than an hour of posting a report is no budget at all; a typo, most likely.
const MAX_GITHUB_TIMEOUT_SECONDS = 3600;

/** Parses `github-timeout`: seconds, more than 0, at most an hour. */
export function parseGithubTimeout(text: string, what: string): number {
  const seconds = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a number of seconds greater than 0, like ${DEFAULT_GITHUB_TIMEOUT_SECONDS}`,
    );
  }
  if (seconds > MAX_GITHUB_TIMEOUT_SECONDS) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: at most ${MAX_GITHUB_TIMEOUT_SECONDS} seconds (an hour)`,
    );
  }
  return seconds;
}

/** The reporting inputs, each checked against the values it takes. */
export function actionSettings(input: InputReader): ActionSettings {
  return {
    annotations: oneOf(input, "annotations", ANNOTATIONS_MODES, "checks"),
    reviewComments: boolean(input, "review-comments", false),
    comment: oneOf(input, "comment", COMMENT_MODES, "update"),
    summary: boolean(input, "summary", true),
    sarifFile: input("sarif-file").trim() || null,
    configFromBase: boolean(input, "config-from-base", false),
    token: input("github-token").trim(),
    githubTimeoutSeconds:
      input("github-timeout").trim() === ""
        ? DEFAULT_GITHUB_TIMEOUT_SECONDS
        : parseGithubTimeout(input("github-timeout"), "input github-timeout"),
  };
}

function oneOf<T extends string>(
  input: InputReader,
  name: string,
  values: readonly T[],
  fallback: T,
): T {
  const value = input(name).trim();
  if (value === "") return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new InputError(
    `input ${name}: expected ${values.join(", ")}, found ${JSON.stringify(value)}`,
  );
}

// The YAML 1.2 core schema's booleans, as `core.getBooleanInput` accepts them.
const TRUE = ["true", "True", "TRUE"];
const FALSE = ["false", "False", "FALSE"];

function boolean(input: InputReader, name: string, fallback: boolean): boolean {
  const value = input(name).trim();
  if (value === "") return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(`input ${name}: expected true or false, found ${JSON.stringify(value)}`);
}
