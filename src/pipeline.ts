/**
 * run(config, deps): collect → gather facts → evaluate → report (SPEC §1).
 * All I/O goes through `deps`, so the CLI, the Action and the tests differ only there.
 */

import { dirname, resolve } from "node:path";
import { DEFAULT_CONFIG_FILE, type RunConfig } from "./config/config.js";
import { findConfigFile } from "./config/config-file.js";
import { errorMessage } from "./errors.js";
import { CLOCK_SKEW_MS } from "./facts/answers.js";
import { deployedStacks } from "./facts/deployed.js";
import { gatherFacts } from "./facts/gather.js";
import { type Recorder, recordFacts } from "./facts/record.js";
import { touchedByChange } from "./facts/scope.js";
import { captureSpan, readSnapshot, type Snapshot, snapshotFactSource } from "./facts/snapshot.js";
import { readSnapshotBytes } from "./facts/snapshot-bytes.js";
import { checkInventoryRead, unreadPairErrors, unreadPairSubjects } from "./facts/unread-pairs.js";
import { NotPiecewise } from "./json-bytes.js";
import type { Logger } from "./logging.js";
import {
  type FactSource,
  InputError,
  type KeyReference,
  type KeySubject,
  type Report,
  type UsageStatus,
} from "./model.js";
import { type Progress, SILENT } from "./progress.js";
import { buildReport, failsAt } from "./report/build.js";
import { BUILTIN_PACKS } from "./rules/builtin.js";
import { type FactPath, unreadableFacts } from "./rules/catalog.js";
import { evaluate } from "./rules/evaluate.js";
import { type ExtendsBoundary, isWithin } from "./rules/extends.js";
import { applyIgnores } from "./rules/ignore.js";
import { MAX_RULES_FILE_BYTES, type RuleSet } from "./rules/load.js";
import { loadRulesFromFiles } from "./rules/read.js";
import { applyInlineSuppressions } from "./rules/suppress.js";
import { findRuleTestFiles, type ListDir } from "./rules/test-files.js";
import { type RuleTestResult, runRuleTests } from "./rules/test-runner.js";
import { plural } from "./show.js";
import { compareWithDeployed } from "./sources/cdk/deployed.js";
import { collectReferences, readInputBytes } from "./sources/collect.js";
import { parseJson } from "./sources/json.js";
import { findRepoRoot, type SourceFiles } from "./sources/repo.js";
import { DAY_MS, HOUR_MS, instantMs } from "./time.js";

export interface Deps {
  /**
   * Reads a file the user named; rejects with the Node error (ENOENT…) when it
   * cannot, and refuses (never waits on) what is not a regular file or is over
   * `maxBytes`, before reading it.
   */
  readFile(path: string, maxBytes: number): Promise<string>;
  /** `readFile` as bytes, for inputs read piecewise (a large plan); absent: `readFile`'s text is used. */
  readFileBytes?: (path: string, maxBytes: number) => Promise<Buffer>;
  fileExists(path: string): Promise<boolean>;
  /**
   * Reads standard input, for an input named `-` (`terraform show -json plan |
   * kms-usage-lint check -`); rejects past `maxBytes`. Absent where there is
   * none to read (the Action).
   */
  readStdin?: (maxBytes: number) => Promise<string>;
  /**
   * Where the rules file and the files it extends are read, when not from
   * `readFile`: the Action's `config-from-base` reads the pull request's base commit.
   */
  rulesFiles?: Pick<Deps, "readFile" | "fileExists">;
  /** Lists a directory (`kms-usage-lint test` looks for test files). */
  listDir?: ListDir;
  /**
   * Writes a file the user asked for (`--save-facts`, `--format FMT=FILE`); a large
   * report comes in pieces, written as they are made rather than joined first.
   */
  writeFile(path: string, text: string | Iterable<string>): Promise<void>;
  /** Reads the repository's source files (`.tf`) for locations; failures only cost a location. */
  sourceFiles: SourceFiles;
  /** The working directory relative paths are resolved against. */
  cwd: string;
  clock(): Date;
  logger: Logger;
  /**
   * Live AWS facts, when the caller can reach AWS; without it `--facts` is required.
   * A promise: the AWS SDK is loaded only by a run that asks AWS.
   */
  liveFacts?: (
    config: RunConfig,
    warn: (message: string) => void,
    progress: Progress,
  ) => Promise<FactSource>;
  /** A git revision's files (`--base-ref`); null when the commit is not in the repository. */
  gitRevision?: (repoRoot: string, ref: string) => Promise<SourceFiles | null>;
  /** Where fact gathering reports how far it is (the CLI's progress line). */
  progress?: Progress;
  tool: { name: string; version: string };
}

export interface RunResult {
  report: Report;
  /** The rules evaluated, for formats that describe them (SARIF). */
  rules: RuleSet;
  /** The rules file they were read from (as `cwd` resolves it); null: the built-in rules. */
  rulesFile: string | null;
  /** Some finding is at or above `--fail-on`. */
  failed: boolean;
}

/** Evaluates the inputs named in `config`. Throws InputError for what the user must fix. */
export async function run(config: RunConfig, deps: Deps): Promise<RunResult> {
  const now = config.now ?? deps.clock();
  // Rules first: a broken rules file should fail before any AWS call is made.
  const { rules, file: rulesFile } = await readEnabledRules(config, deps);
  checkAllKeys(config);
  const facts = await openFacts(config, deps, now);
  const inventory = allKeysOf(config, facts);
  // An inventory with no input named is the snapshot's keys alone: no directory is searched.
  const references =
    inventory !== null && namesNoInput(config) ? [] : await collect(config, deps, facts.source);
  const gathered = await gather(references, config, deps, facts, now, needs(rules, now), inventory);
  // With --all-keys, what the inventory could not read stands beside the keys it did.
  const subjects = [...gathered.subjects, ...unreadPairSubjects(inventory?.inventory ?? null)];
  const { findings, suppressed } = evaluateRules(subjects, rules, now, deps);
  const report = buildReport({
    tool: deps.tool,
    now,
    subjects,
    findings,
    suppressed,
    errors: [...unreadPairErrors(inventory?.inventory ?? null), ...gathered.errors],
    stats: {
      usageCallsSaved: gathered.usageCallsSaved,
      scope: config.scope,
      keysOutOfScope: gathered.keysOutOfScope,
    },
  });
  return { report, rules, rulesFile, failed: failsAt(report, config.failOn) };
}

/** `--all-keys` reads a snapshot's keys, all of them: refused without one, or with `--scope changed`. */
function checkAllKeys(config: RunConfig): void {
  if (!config.allKeys) return;
  if (config.scope === "changed") {
    throw new InputError(
      "--all-keys evaluates every key of the facts snapshot, --scope changed only those a change touches: drop one of them",
    );
  }
  if (config.factsFile === null) {
    throw new InputError(
      "--all-keys evaluates every key of a facts snapshot: pass --facts FILE (an inventory: snapshot --all-keys, its shards joined with merge)",
    );
  }
}

/**
 * `--all-keys`: the snapshot whose every key is evaluated, referenced or not; null
 * without it. Throws EvidenceError when its inventory could read no account-region at all.
 */
function allKeysOf(config: RunConfig, facts: Facts): Snapshot | null {
  if (!config.allKeys || facts.snapshot === null) return null;
  checkInventoryRead(facts.snapshot.inventory);
  return facts.snapshot;
}

/** No input, `--key` or `--cdk-out` given: `check` alone searches the working directory. */
function namesNoInput(config: RunConfig): boolean {
  return config.inputs.length === 0 && config.keys.length === 0 && config.cdkOut.length === 0;
}

/** The rules `check` evaluates; none enabled is the user's error (SPEC §10). */
async function readEnabledRules(
  config: RunConfig,
  deps: Deps,
): Promise<{ rules: RuleSet; file: string | null }> {
  const files = deps.rulesFiles ?? deps;
  const file =
    config.configFile ?? (await findConfigFile({ ...deps, fileExists: files.fileExists }));
  const rules = await readRules(file, deps);
  if (rules.rules.length === 0) {
    // Every rule switched off (or none defined): the check would pass every change.
    throw new InputError(
      "no rule is enabled, so every change would pass; enable some, for the built-in ones `extends: [recommended]`",
      file ?? DEFAULT_CONFIG_FILE,
    );
  }
  return { rules, file };
}

/** Which of a key's costly facts some verdict depends on, asked once the facts before them are in. */
export interface Needs {
  usage: (subject: KeySubject) => boolean;
  trail: (subject: KeySubject) => boolean;
}

/**
 * Whether a key needs asking for its usage, and then for its CloudTrail evidence: a
 * fact is pending until asked, and a fact AWS could not give stays unknown (the
 * evaluator's rule), so only if some rule is still undecided without it. Usage is
 * asked first with the trail still pending too (a rule may need both); the trail, the
 * tightest quota, only where a rule that reads it is still open once usage is known.
 */
export function needs(rules: RuleSet, now: Date): Needs {
  // Only a rule that reads the facts can need them: one open for another reason (an unreadable fact) cannot.
  const open = (subject: KeySubject, later: (fact: FactPath) => boolean, reads: string) => {
    const unreadable = unreadableFacts(subject);
    const pending = (fact: FactPath) => later(fact) || unreadable.has(fact);
    return rules.rules.some(
      (rule) =>
        rule.factPaths.some((fact) => fact.startsWith(reads)) &&
        rule.decide({ subject, now }, pending) === undefined,
    );
  };
  return {
    usage: (subject) =>
      open(subject, (f) => f.startsWith("usage.") || f.startsWith("trail."), "usage."),
    trail: (subject) => open(subject, (f) => f.startsWith("trail."), "trail."),
  };
}

/** The evaluate stage: findings, after inline suppressions and the config's ignores. */
function evaluateRules(subjects: KeySubject[], rules: RuleSet, now: Date, deps: Deps) {
  const inline = applyInlineSuppressions(evaluate(subjects, rules, now), subjects);
  const ignored = applyIgnores(inline.findings, subjects, rules.ignores, now, inline.suppressed);
  for (const warning of ignored.warnings) deps.logger.warn(warning);
  return { findings: ignored.findings, suppressed: [...inline.suppressed, ...ignored.suppressed] };
}

/** `kms-usage-lint test`: the rule test cases under `paths` (default: the working directory). */
export async function testRules(
  paths: string[],
  now: Date | null,
  deps: Deps,
): Promise<RuleTestResult> {
  if (!deps.listDir) throw new Error("testRules needs deps.listDir");
  const files = await findRuleTestFiles(paths.length > 0 ? paths : ["."], deps.listDir);
  return runRuleTests(files, rulesReader(deps), BUILTIN_PACKS, now ?? deps.clock(), (file) =>
    extendsBoundary(file, deps),
  );
}

/** What `snapshot` wrote: how many keys, and how many of them had each usage status. */
export interface SnapshotResult {
  keys: number;
  usage: Record<UsageStatus, number>;
}

/** `kms-usage-lint snapshot`: gathers the facts of every key the inputs reference and writes them. */
export async function snapshot(config: RunConfig, deps: Deps): Promise<SnapshotResult> {
  if (config.saveFacts === null)
    throw new InputError("snapshot needs -o FILE: where to write the facts");
  const now = config.now ?? deps.clock();
  // The rules `check` will evaluate decide which keys' CloudTrail evidence is recorded,
  // so that checking the snapshot gives the verdicts checking live would.
  const rules = await readRules(config.configFile, deps);
  const facts = await openFacts(config, deps, now);
  const references = await collect(config, deps, facts.source);
  const { subjects } = await gather(references, config, deps, facts, now, needs(rules, now), null);
  const usage: Record<UsageStatus, number> = { used: 0, unused: 0, unknown: 0, unavailable: 0 };
  for (const subject of subjects) if (subject.usage) usage[subject.usage.status]++;
  return { keys: subjects.filter((s) => s.usage !== null).length, usage };
}

/**
 * Facts for the references, recorded into `--save-facts` when asked. Usage is
 * skipped where no rule needs it only when it costs quota (live AWS) and no
 * snapshot is being written (a snapshot should hold every key's usage). CloudTrail
 * evidence is asked only where a rule needs it, whatever the source: a snapshot holds
 * it for those keys alone, and a key whose evidence a snapshot lacks is said once.
 */
async function gather(
  references: KeyReference[],
  config: RunConfig,
  deps: Deps,
  facts: Facts,
  now: Date,
  needed: Needs,
  allKeys: Snapshot | null,
) {
  const { source, recorder } = facts;
  const progress = deps.progress ?? SILENT;
  const onKeyDone = (done: number, total: number) => progress.keyDone(done, total);
  // An answer cannot be dated after the clock, nor after it was taken: a snapshot's capture,
  // or in a merged snapshot the key's own (its parts were taken at different times).
  // Read once per distinct time: a merged inventory holds a few times for 100,000s of keys.
  const times = new Map<string, Date>();
  const notAfter = (keyArn: string) => {
    const taken = source.capturedAt?.(keyArn);
    if (taken === undefined) return now;
    let bound = times.get(taken);
    if (bound === undefined) {
      const at = new Date(instantMs(taken));
      bound = at < now ? at : now;
      times.set(taken, bound);
    }
    return bound;
  };
  // Usage is skipped where no rule needs it only when it costs quota (live AWS) and no
  // snapshot is being written: a snapshot should hold every key's usage.
  const skipUnneeded = source.kind === "aws" && recorder === null;
  const gathered = await gatherFacts(references, source, {
    region: config.region,
    onKeyDone,
    notAfter,
    needsTrail: needed.trail,
    ...(allKeys !== null ? { allKeys: allKeys.keys.keys() } : {}),
    ...(skipUnneeded ? { needsUsage: needed.usage } : {}),
    // Out of scope, a key is not asked about — unless a snapshot is being written,
    // which should hold every key whatever this run evaluates.
    ...(config.scope === "changed"
      ? { inScope: touchedByChange, askOutOfScope: recorder !== null }
      : {}),
  });
  progress.finish();
  // Before anything is evaluated or written: a snapshot of nothing but errors is no evidence.
  checkEvidence(facts);
  if (recorder === null || config.saveFacts === null) return gathered;
  const text = `${JSON.stringify(recorder.snapshot(deps.clock()), null, 2)}\n`;
  try {
    await deps.writeFile(config.saveFacts, text);
  } catch (cause) {
    throw new InputError(
      `cannot write the facts snapshot: ${errorMessage(cause)}`,
      config.saveFacts,
      null,
      { cause },
    );
  }
  return gathered;
}

/** `kms-usage-lint rules`: the rules `check` would evaluate with this `--config`. */
export async function readRules(configFile: string | null, deps: Deps): Promise<RuleSet> {
  const files = deps.rulesFiles ?? deps;
  const file = configFile ?? (await findConfigFile({ ...deps, fileExists: files.fileExists }));
  const boundary = file === null ? null : await extendsBoundary(file, deps);
  // Only the checkout can hold links; the base commit's files come from GitHub as text.
  const read =
    files === deps
      ? rulesReader(deps)
      : (path: string) => files.readFile(path, MAX_RULES_FILE_BYTES);
  return loadRulesFromFiles(file, read, BUILTIN_PACKS, boundary);
}

/**
 * How every rules file and rule test file is read from the checkout: at most
 * 1 MiB, and never through a link out of its own repository (or, outside one, its
 * directory). A pull request could otherwise make a rules file, or one it
 * extends, a link to a credentials file and have parts of it quoted in the log
 * by error messages; the `extends` boundary alone compares paths as written.
 */
function rulesReader(deps: Deps): (path: string) => Promise<string> {
  return async (path) => {
    const realPath = deps.sourceFiles.realPath;
    if (realPath !== undefined) {
      const boundary = await extendsBoundary(path, deps);
      const [real, realDir] = await Promise.all([
        realPath(resolve(deps.cwd, path)),
        realPath(boundary.dir),
      ]);
      // Either missing: the read below says so.
      if (real !== null && realDir !== null && !isWithin(real, { ...boundary, dir: realDir })) {
        throw new Error(
          `is a link to a file outside ${boundary.label}; a rules file is read only from inside it`,
        );
      }
    }
    return deps.readFile(path, MAX_RULES_FILE_BYTES);
  };
}

/**
 * Where a rules file's `extends` may reach: the git repository it is in, else
 * its own directory.
 */
async function extendsBoundary(rulesFile: string, deps: Deps): Promise<ExtendsBoundary> {
  const dir = dirname(resolve(deps.cwd, rulesFile));
  const repo = await findRepoRoot(dir, deps.sourceFiles);
  return repo === null
    ? {
        dir,
        cwd: deps.cwd,
        label: `the rules file's directory (${dir}; it is in no git repository)`,
      }
    : { dir: repo, cwd: deps.cwd, label: `the repository (${repo})` };
}

interface Facts {
  source: FactSource;
  /** Set when `--save-facts` asks for a snapshot: `source` then records through it. */
  recorder: Recorder | null;
  /** When the snapshot the facts come from was taken; null for live facts. */
  capturedAt: Date | null;
  /** The snapshot the facts come from; null for live facts. */
  snapshot: Snapshot | null;
}

/** The run's fact source, recording into a snapshot when `--save-facts` asks for one. */
async function openFacts(config: RunConfig, deps: Deps, now: Date): Promise<Facts> {
  const { source, capturedAt, snapshot } = await factSource(config, deps, now);
  if (config.saveFacts === null) return { source, recorder: null, capturedAt, snapshot };
  const recorder = recordFacts(source);
  return { source: recorder.source, recorder, capturedAt, snapshot };
}

/** Throws the EvidenceError when the facts asked for could not be read anywhere (SPEC §10). */
function checkEvidence(facts: Facts): void {
  const failure = facts.source.evidenceFailure?.() ?? null;
  if (failure !== null) throw failure;
}

/**
 * The collect stage: the inputs' key references. An assembly read without a
 * base is compared with what is deployed, which the fact source knows.
 */
function collect(config: RunConfig, deps: Deps, source: FactSource): Promise<KeyReference[]> {
  return collectReferences(config, deps, {
    compareWithDeployed: (stacks) => compareWithDeployed(stacks, deployedStacks(source)),
  });
}

async function factSource(
  config: RunConfig,
  deps: Deps,
  now: Date,
): Promise<Omit<Facts, "recorder">> {
  if (config.factsFile !== null) {
    const file = config.factsFile;
    const snapshot = await readSnapshotFile(
      file,
      "facts snapshot",
      "a facts snapshot",
      deps,
      (doc) => readSnapshot(doc, file),
    );
    // A merged snapshot is as old as its oldest part, and none of its parts may be from the future.
    const span = captureSpan(snapshot);
    checkFactsAge(span, now, deps.clock(), config.maxFactsAgeDays, config.factsFile);
    return {
      source: snapshotFactSource(snapshot),
      capturedAt: new Date(span.earliest),
      snapshot,
    };
  }
  if (deps.liveFacts) {
    return {
      // The evaluation clock ends the CloudTrail window: `snapshot` and `check` read the same one.
      source: await deps.liveFacts({ ...config, now }, deps.logger.warn, deps.progress ?? SILENT),
      capturedAt: null,
      snapshot: null,
    };
  }
  throw new InputError(
    "no facts: pass --facts FILE (a facts snapshot), or run where AWS can be reached",
  );
}

/**
 * A facts snapshot file, read entry by entry from its bytes (snapshot-bytes.ts). A file
 * that reader is not sure of is parsed whole and handed to `whole`, whose reading says
 * what is wrong with it (or what else it is: `merge` reads JSON reports too).
 *
 * @param what the file's part in the command, for a read error ("facts snapshot").
 * @param expected what it should hold, for an empty file ("a facts snapshot").
 */
export async function readSnapshotFile<T>(
  file: string,
  what: string,
  expected: string,
  deps: Deps,
  whole: (doc: unknown) => T,
): Promise<Snapshot | T> {
  return snapshotFromBytes(await readInputBytes(file, deps, what), file, expected, whole);
}

/** `readSnapshotFile` of a file's bytes already read. */
export function snapshotFromBytes<T>(
  bytes: Buffer,
  file: string,
  expected: string,
  whole: (doc: unknown) => T,
): Snapshot | T {
  try {
    return readSnapshotBytes(bytes, file);
  } catch (error) {
    if (!(error instanceof NotPiecewise)) throw error;
  }
  // A key ARN written twice in `keys` would have JSON.parse keep the last entry only.
  const doc = parseJson(bytes.toString("utf8"), file, expected, {
    sections: ["keys", "aliases", "stacks"],
  });
  return whole(doc);
}

/**
 * Refuses a snapshot older than `--max-facts-age` days at the evaluation clock: a
 * scheduled refresh that stopped must turn the check red, not pass on old facts.
 * A snapshot taken after the real clock is refused too: it would never grow old.
 * (One taken after a `--now` pinned in the past is fine: its age is then negative.)
 */
function checkFactsAge(
  span: { earliest: number; latest: number },
  now: Date,
  clock: Date,
  maxDays: number,
  file: string,
): void {
  const capturedAt = new Date(span.earliest);
  if (span.latest > clock.getTime() + CLOCK_SKEW_MS) {
    throw new InputError(
      `capturedAt ${new Date(span.latest).toISOString()} is later than the clock (${clock.toISOString()}): a snapshot from the future would never be too old; write capturedAt as the time it was taken`,
      file,
    );
  }
  const age = now.getTime() - capturedAt.getTime();
  if (age <= maxDays * DAY_MS) return;
  const days = Math.floor(age / DAY_MS);
  const hours = Math.floor((age % DAY_MS) / HOUR_MS);
  const old = `${plural(days, "day")}${hours > 0 ? ` ${plural(hours, "hour")}` : ""}`;
  throw new InputError(
    `the facts snapshot is ${old} old at the evaluation clock (captured ${capturedAt.toISOString()}, now ${now.toISOString()}), older than the ${plural(maxDays, "day")} max-facts-age allows: refresh it (kms-usage-lint snapshot … -o ${file}), or raise max-facts-age if older facts are acceptable`,
    file,
  );
}
