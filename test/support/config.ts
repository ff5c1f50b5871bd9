/** A run configuration for tests: every field at its CLI default, with `overrides` on top. */
import {
  DEFAULT_AWS_TIMEOUT_SECONDS,
  DEFAULT_MAX_FACTS_AGE_DAYS,
  type RunConfig,
} from "../../src/config/config.js";

export function testConfig(overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    inputs: [],
    keys: [],
    parameters: [],
    configFile: null,
    factsFile: null,
    saveFacts: null,
    region: null,
    profile: null,
    endpointUrl: null,
    roleTemplate: null,
    awsTimeout: DEFAULT_AWS_TIMEOUT_SECONDS,
    cdkOut: [],
    cdkBase: null,
    terraformDir: null,
    baseRef: null,
    repoRoot: null,
    now: null,
    maxFactsAgeDays: DEFAULT_MAX_FACTS_AGE_DAYS,
    failOn: "error",
    outputs: [],
    ...overrides,
  };
}
