/**
 * run(config, deps): collect → gather facts → evaluate → report (SPEC §1).
 * All I/O goes through `deps`, so the CLI, the Action and the tests differ only there.
 */
import { dirname, resolve } from "node:path";
import { DEFAULT_CONFIG_FILE, type RunConfig } from "./config/config.js";
import { gatherFacts } from "./facts/gather.js";
import { recordFacts } from "./facts/record.js";
import { readSnapshot, snapshotFactSource } from "./facts/snapshot.js";
import {
  type FactSource,
  InputError,
  type KeyReference,
  type KeySubject,
  type Report,
} from "./model.js";
import { type Progress, SILENT } from "./progress.js";
import { buildReport, failsAt } from "./report/build.js";
import { BUILTIN_PACKS } from "./rules/builtin.js";
import { evaluate } from "./rules/evaluate.js";
import { loadRules, type RuleSet } from "./rules/load.js";
import { applyInlineSuppressions } from "./rules/suppress.js";
import { collectFromText } from "./sources/detect.js";
import { explicitReferences } from "./sources/explicit.js";
import { parseJson } from "./sources/json.js";
import { findRepoRoot, type SourceFiles } from "./sources/repo.js";
import { locateTerraform } from "./sources/terraform/locate.js";

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export interface Deps {
  /** Reads an input file; rejects with the Node error (ENOENT…) when it cannot. */
  readFile(path: string): Promise<string>;
  fileExists(path: string): Promise<boolean>;
  /** Writes a file the user asked for (`--save-facts`). */
  writeFile(path: string, text: string): Promise<void>;
  /** Reads the repository's source files (`.tf`) for locations; failures only cost a location. */
  sourceFiles: SourceFiles;
  /** The working directory relative paths are resolved against. */
  cwd: string;
  clock(): Date;
  logger: Logger;
  /** Live AWS facts, when the caller can reach AWS; without it `--facts` is required. */
  liveFacts?: (
    config: RunConfig,
    warn: (message: string) => void,
    progress: Progress,
  ) => FactSource;
  /** Where fact gathering reports how far it is (the CLI's progress line). */
  progress?: Progress;
  tool: { name: string; version: string };
}

export interface RunResult {
  report: Report;
  /** Some finding is at or above `--fail-on`. */
  failed: boolean;
}

/** Evaluates the inputs named in `config`. Throws InputError for what the user must fix. */
export async function run(config: RunConfig, deps: Deps): Promise<RunResult> {
  const now = config.now ?? deps.clock();
  // Rules first: a broken rules file should fail before any AWS call is made.
  const rules = await readRules(config, deps);
  const references = await collect(config, deps);
  // A usage fact is pending until asked; a key needs asking only if some rule is still undecided.
  const pending = (fact: string) => fact.startsWith("usage.");
  const needsUsage = (subject: KeySubject) =>
    rules.rules.some((rule) => rule.decide({ subject, now }, pending) === undefined);
  const { subjects, errors, usageCallsSaved } = await gather(references, config, deps, needsUsage);
  const { findings, suppressed } = applyInlineSuppressions(
    evaluate(subjects, rules, now),
    subjects,
  );
  const report = buildReport({
    tool: deps.tool,
    now,
    subjects,
    findings,
    suppressed,
    errors,
    stats: { usageCallsSaved },
  });
  return { report, failed: failsAt(report, config.failOn) };
}

/** `kms-usage-lint snapshot`: gathers the facts of every key the inputs reference and writes them. */
export async function snapshot(config: RunConfig, deps: Deps): Promise<{ keys: number }> {
  if (config.saveFacts === null)
    throw new InputError("snapshot needs -o FILE: where to write the facts");
  const { subjects } = await gather(await collect(config, deps), config, deps);
  return { keys: subjects.length };
}

/**
 * Facts for the references, recorded into `--save-facts` when asked. Usage is
 * skipped where no rule needs it only when it costs quota (live AWS) and no
 * snapshot is being written (a snapshot should hold every key's usage).
 */
async function gather(
  references: KeyReference[],
  config: RunConfig,
  deps: Deps,
  needsUsage?: (subject: KeySubject) => boolean,
) {
  const source = await factSource(config, deps);
  const progress = deps.progress ?? SILENT;
  const onKeyDone = (done: number, total: number) => progress.keyDone(done, total);
  if (config.saveFacts === null) {
    const gathered = await gatherFacts(references, source, {
      region: config.region,
      onKeyDone,
      ...(source.kind === "aws" && needsUsage ? { needsUsage } : {}),
    });
    progress.finish();
    return gathered;
  }
  const recorder = recordFacts(source);
  const gathered = await gatherFacts(references, recorder.source, {
    region: config.region,
    onKeyDone,
  });
  progress.finish();
  const text = `${JSON.stringify(recorder.snapshot(deps.clock()), null, 2)}\n`;
  try {
    await deps.writeFile(config.saveFacts, text);
  } catch (cause) {
    throw new InputError(
      `cannot write the facts snapshot: ${(cause as Error).message}`,
      config.saveFacts,
      null,
      { cause },
    );
  }
  return gathered;
}

async function readRules(config: RunConfig, deps: Deps): Promise<RuleSet> {
  let file = config.configFile;
  if (file === null && (await deps.fileExists(DEFAULT_CONFIG_FILE))) file = DEFAULT_CONFIG_FILE;
  if (file === null) {
    return loadRules([{ file: "(default)", text: "extends: [recommended]\n" }], BUILTIN_PACKS);
  }
  return loadRules([{ file, text: await readInput(file, "rules file", deps) }], BUILTIN_PACKS);
}

async function collect(config: RunConfig, deps: Deps): Promise<KeyReference[]> {
  const references: KeyReference[] = explicitReferences(config.keys);
  let repoRoot: string | null = null;
  for (const input of config.inputs) {
    const text = await readInput(input.path, "input", deps);
    const collected = collectFromText(input, text);
    for (const warning of collected.warnings) deps.logger.warn(`${input.path}: ${warning}`);
    if (collected.terraform) {
      repoRoot ??= await findRoot(config, deps);
      const rootDir = resolve(deps.cwd, config.terraformDir ?? dirname(input.path));
      const located = await locateTerraform(collected.references, {
        rootDir,
        repoRoot,
        modules: collected.terraform.modules,
        files: deps.sourceFiles,
      });
      references.push(...located);
    } else {
      references.push(...collected.references);
    }
  }
  if (config.inputs.length === 0 && config.keys.length === 0) {
    throw new InputError(
      "nothing to check: name a Terraform plan (kms-usage-lint check plan.json) or a key (--key ARN)",
    );
  }
  return references;
}

/** `--repo-root`, else the enclosing git checkout, else the working directory. */
async function findRoot(config: RunConfig, deps: Deps): Promise<string> {
  if (config.repoRoot !== null) return resolve(deps.cwd, config.repoRoot);
  return (await findRepoRoot(deps.cwd, deps.sourceFiles)) ?? deps.cwd;
}

async function factSource(config: RunConfig, deps: Deps): Promise<FactSource> {
  if (config.factsFile !== null) {
    const text = await readInput(config.factsFile, "facts snapshot", deps);
    return snapshotFactSource(readSnapshot(parseJson(text, config.factsFile), config.factsFile));
  }
  if (deps.liveFacts) return deps.liveFacts(config, deps.logger.warn, deps.progress ?? SILENT);
  throw new InputError(
    "no facts: pass --facts FILE (a facts snapshot), or run where AWS can be reached",
  );
}

/** Reads a file the user named; a missing or unreadable file is their error, not a crash. */
async function readInput(path: string, what: string, deps: Deps): Promise<string> {
  try {
    return await deps.readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory, expected a file"
          : code === "EACCES"
            ? "permission denied"
            : String((cause as Error).message);
    throw new InputError(`cannot read ${what}: ${reason}`, path, null, { cause });
  }
}
