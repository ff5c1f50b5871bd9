/** GitHub Action inputs (SPEC §8) → RunConfig, the same config the CLI builds. */
import { InputError, SEVERITIES, type Severity } from "../model.js";
import type { InputSpec } from "../sources/detect.js";
import { parseNow, parseRoleTemplate, type RunConfig } from "./config.js";

/** Reads one input by name; `""` when unset (the runner's convention). */
export type InputReader = (name: string) => string;

// Inputs declared in action.yml (SPEC §8) that this version does not act on yet (they need the
// GitHub API sinks): changing one from its default must not look like it worked, so it warns.
const PLANNED_DEFAULTS: Record<string, string> = {
  "review-comments": "false",
  comment: "update",
  "config-from-base": "false",
};

/** The Action's configuration, with paths relative to `working-directory`, and warnings to log. */
export function actionConfig(input: InputReader): { config: RunConfig; warnings: string[] } {
  const warnings = Object.entries(PLANNED_DEFAULTS)
    .filter(([name, value]) => ![value, ""].includes(input(name).trim()))
    .map(
      ([name]) => `input ${name} is not available in this version of kms-usage-lint and is ignored`,
    );
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
    ...list("paths").map((path): InputSpec => ({ kind: "auto", path })),
  ];
  const now = optional("now");
  const role = optional("role-template");
  const config: RunConfig = {
    inputs,
    keys: [],
    configFile: optional("config"),
    factsFile: optional("facts"),
    saveFacts: optional("save-facts"),
    region: optional("region"),
    // The Action takes credentials and endpoints from the environment (configure-aws-credentials).
    profile: null,
    endpointUrl: null,
    roleTemplate: role === null ? null : parseRoleTemplate(role, "input role-template"),
    cdkOut: list("cdk-out"),
    cdkBase: optional("cdk-base"),
    terraformDir: optional("terraform-dir"),
    // The runner checks out the repository in GITHUB_WORKSPACE; locations are relative to it.
    repoRoot: process.env.GITHUB_WORKSPACE || null,
    now: now === null ? null : parseNow(now, "input now"),
    failOn: failOn as Severity | "none",
    // The Action renders its own outputs (log, JSON report file); the list here is unused.
    outputs: [],
  };
  return { config, warnings };
}
