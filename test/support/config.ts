/** Factories for tests: a run configuration and the pipeline's dependencies, each at its defaults. */
import {
  DEFAULT_AWS_TIMEOUT_SECONDS,
  DEFAULT_MAX_FACTS_AGE_DAYS,
  DEFAULT_TRAIL_MAX_PAGES,
  type RunConfig,
} from "../../src/config/config.js";
import { SILENT_LOGGER } from "../../src/logging.js";
import type { Deps } from "../../src/pipeline.js";
import { readRegularFile } from "../../src/read-file.js";
import { nodeSourceFiles } from "../../src/sources/repo.js";

/** A run configuration for tests: every field at its CLI default, with `overrides` on top. */
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
    trailMaxPages: DEFAULT_TRAIL_MAX_PAGES,
    failOn: "error",
    scope: "all",
    allKeys: false,
    outputs: [],
    sarifCategory: null,
    ...overrides,
  };
}

/**
 * The pipeline's dependencies for tests: the real file reader and source files, no
 * file exists and nothing is written unless `overrides` say so, a silent logger, the
 * real clock, and no live AWS (`liveFacts` absent) — with `overrides` on top.
 */
export function testDeps(overrides: Partial<Deps> = {}): Deps {
  return {
    readFile: readRegularFile,
    fileExists: async () => false,
    writeFile: async () => {},
    sourceFiles: nodeSourceFiles(),
    cwd: process.cwd(),
    clock: () => new Date(),
    logger: SILENT_LOGGER,
    tool: { name: "kms-usage-lint", version: "test" },
    ...overrides,
  };
}
