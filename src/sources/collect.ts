/**
 * The collect stage (SPEC §1, §2): the inputs a run names in, key references
 * out, each pointed at its line in the repository where one can be found.
 * Everything outside the sources stage comes in through `CollectDeps` and
 * `CollectStages`, so this module imports nothing above it.
 */
import { dirname, resolve } from "node:path";
import type { Logger } from "../logging.js";
import { InputError, type KeyReference } from "../model.js";
import { describeReadError, MAX_INPUT_BYTES } from "../read-file.js";
import { withBaseLocations } from "./base-location.js";
import { isCloudAssemblyDir, readCloudAssembly } from "./cdk/assembly.js";
import { diffStacks } from "./cdk/changes.js";
import { locateCdk } from "./cdk/locate.js";
import { type ParameterOverride, ParameterOverrides } from "./cdk/parameters.js";
import type { StackModel } from "./cdk/stack.js";
import {
  type Collected,
  collectFromBytes,
  collectFromText,
  type InputKind,
  type InputSpec,
} from "./detect.js";
import { describeFound, type FoundInput, nothingFound, searchDirectory } from "./discover.js";
import { explicitReferences } from "./explicit.js";
import { findRepoRoot, type SourceFiles } from "./repo.js";
import { locateTerraform } from "./terraform/locate.js";

/**
 * What collection reads from the run's configuration. The run's `RunConfig`
 * satisfies it; an option that changes how inputs are read is added here and
 * there.
 */
export interface CollectOptions {
  inputs: readonly InputSpec[];
  /** `--key` values. */
  keys: readonly string[];
  /** `--cdk-out` directories. */
  cdkOut: readonly string[];
  /** `--cdk-base`: the base branch's assembly. */
  cdkBase: string | null;
  /** `--terraform-dir`; null: each Terraform input's own directory. */
  terraformDir: string | null;
  /** `--repo-root`; null: the git top level, else the working directory. */
  repoRoot: string | null;
  /** `--base-ref`: the revision whose files give removed resources their lines. */
  baseRef: string | null;
  /** `--parameter STACK.NAME=VALUE`: template parameter values, per stack. */
  parameters: readonly ParameterOverride[];
}

/** The outside world as collection sees it; the pipeline's `Deps` satisfies it. */
export interface CollectDeps {
  /**
   * Reads a file the user named; rejects with the Node error (ENOENT…) when it
   * cannot, and refuses what is not a regular file or is over `maxBytes`.
   */
  readFile(path: string, maxBytes: number): Promise<string>;
  /**
   * `readFile` as bytes, so that a large plan is read from one buffer entry by
   * entry; absent: `readFile`'s text is encoded.
   */
  readFileBytes?: (path: string, maxBytes: number) => Promise<Buffer>;
  /** Reads standard input, for the input `-`; rejects past `maxBytes`. Absent: there is none. */
  readStdin?: (maxBytes: number) => Promise<string>;
  /** The repository's files, for locations; failures only cost a location. */
  sourceFiles: SourceFiles;
  /** The working directory relative paths are resolved against. */
  cwd: string;
  /** A git revision's files (`--base-ref`); null when the commit is not in the repository. */
  gitRevision?: (repoRoot: string, ref: string) => Promise<SourceFiles | null>;
  /** `info`: what was found; `debug`: notes on what was left unresolved on purpose (`--verbose`). */
  logger: Logger;
}

/**
 * What collection needs from the later stages, passed in as functions so
 * that sources know nothing of AWS.
 */
export interface CollectStages {
  /**
   * The changes of a cloud assembly's stacks against what is deployed, for an
   * assembly read without `--cdk-base`.
   */
  compareWithDeployed(stacks: readonly StackModel[]): Promise<KeyReference[]>;
}

/** Every key reference the inputs of `options` hold, in the order the inputs were named. */
export async function collectReferences(
  options: CollectOptions,
  deps: CollectDeps,
  stages: CollectStages,
): Promise<KeyReference[]> {
  // Each input's references as one part, joined at the end: spreading a part into one array
  // (push(...part)) passes every reference as an argument and overflows the stack past
  // about 120k of them (issue 15).
  const parts: KeyReference[][] = [explicitReferences([...options.keys])];
  // Shared by every input, so that an override no input's stack took is the user's error.
  const parameters = new ParameterOverrides([...options.parameters]);
  // Where locations are relative to, and the base revision's files: found on first need.
  let repo: Promise<Repository> | null = null;
  const repository = () => {
    repo ??= openRepository(options, deps);
    return repo;
  };
  checkStdin(options);
  const reading: Reading = { options, parameters, deps, repository };
  // Each file is read once, in whatever order and spelling it is named or found
  // (check dir dir/plan.json): read twice, its references would be doubled, and the
  // report would change with the order of the arguments.
  const read = new Set<string>();
  const readAs = new Set<string>();
  // Assemblies named by --cdk-out and --cdk-base are read below as those, head and base:
  // found by a search too, the base would be read as an input of the change.
  for (const dir of [...options.cdkOut, options.cdkBase ?? []].flat())
    read.add(resolve(deps.cwd, dir));
  const collectInput = async (input: InputSpec, foundAs?: InputKind): Promise<void> => {
    const path = resolve(deps.cwd, input.path);
    const as = readingKey(path, input);
    if (readAs.has(as)) return;
    read.add(path);
    readAs.add(as);
    // Found by a search, it is the same reading as the file named without a kind, or named as the kind found.
    if (foundAs !== undefined) readAs.add(readingKey(path, { ...input, kind: foundAs }));
    parts.push(await collectFile(input, reading));
  };
  const collectDir = async (dir: string): Promise<void> => {
    const path = resolve(deps.cwd, dir);
    if (read.has(path)) return;
    read.add(path);
    const assembly = { dir, baseDir: null };
    const repo = await repository();
    parts.push(await collectAssembly(assembly, repo, parameters, deps, stages));
  };
  // Nothing named: the working directory is searched, as a directory named would be.
  const nothingNamed =
    options.inputs.length === 0 && options.keys.length === 0 && options.cdkOut.length === 0;
  const inputs: readonly InputSpec[] = nothingNamed
    ? [{ kind: "auto", path: "." }]
    : options.inputs;
  for (const input of inputs) {
    const path = resolve(deps.cwd, input.path);
    if (input.path === STDIN) {
      parts.push(await collectStdin(input, reading));
    } else if (input.kind === "auto" && (await isCloudAssemblyDir(path, deps.sourceFiles))) {
      await collectDir(input.path);
    } else if (input.kind === "auto" && (await deps.sourceFiles.list(path)) !== null) {
      for (const found of await search(input.path, nothingNamed, deps)) {
        // A file named and found too (check plan.json .) is read once.
        if (read.has(resolve(deps.cwd, found.path))) continue;
        if (found.kind === "cloud-assembly") await collectDir(found.path);
        else await collectInput({ kind: "auto", path: found.path }, found.kind);
      }
    } else {
      await collectInput(input);
    }
  }
  for (const dir of options.cdkOut) {
    const assembly = { dir, baseDir: options.cdkBase };
    const repo = await repository();
    parts.push(await collectAssembly(assembly, repo, parameters, deps, stages));
  }
  parameters.checkAllApplied();
  return parts.flat();
}

/** One way of reading a file: its path, its kind, and (a template) the stack it is read as. */
function readingKey(path: string, input: InputSpec): string {
  return JSON.stringify([path, input.kind, input.stack ?? null]);
}

/**
 * The inputs a directory holds, said on the info line; none is the user's error
 * (a search that finds nothing must not pass).
 */
async function search(dir: string, workingDir: boolean, deps: CollectDeps): Promise<FoundInput[]> {
  const where = workingDir ? `the working directory (${deps.cwd})` : dir;
  const result = await searchDirectory(dir, {
    files: deps.sourceFiles,
    readFile: deps.readFile,
    resolvePath: (path) => resolve(deps.cwd, path),
  });
  if (result.found.length === 0) throw nothingFound(workingDir ? null : dir, where, result);
  deps.logger.info(describeFound(dir, where, result));
  return result.found;
}

/** The input name that means standard input, as in most command-line tools. */
export const STDIN = "-";

/** How an input read from standard input is named in messages and references. */
export const STDIN_NAME = "<stdin>";

/** `-` named once at most, and never where a directory is meant. */
function checkStdin(options: CollectOptions): void {
  if (options.inputs.filter((input) => input.path === STDIN).length > 1) {
    throw new InputError(
      "`-` (standard input) is named more than once; it can be read only once: save all but one input to files",
    );
  }
  if (options.cdkOut.includes(STDIN) || options.cdkBase === STDIN) {
    throw new InputError(
      "a cloud assembly is a directory, which cannot come through standard input: name the cdk.out directory",
    );
  }
}

/** The input `-`: standard input, of any kind, recognised by its content. */
async function collectStdin(input: InputSpec, reading: Reading): Promise<KeyReference[]> {
  const { readStdin } = reading.deps;
  if (!readStdin) {
    throw new InputError("there is no standard input to read here: name the input's file", STDIN);
  }
  let text: string;
  try {
    text = await readStdin(MAX_INPUT_BYTES);
  } catch (cause) {
    const message = `cannot read standard input: ${describeReadError(cause)}`;
    throw new InputError(message, STDIN_NAME, null, { cause });
  }
  const stdin = { ...input, path: STDIN_NAME };
  return located(stdin, collectFromText(stdin, text, { parameters: reading.parameters }), reading);
}

/** One input file's references, located in the repository's sources. */
async function collectFile(input: InputSpec, reading: Reading): Promise<KeyReference[]> {
  const bytes = await readInputBytes(input.path, reading.deps);
  return located(
    input,
    collectFromBytes(input, bytes, { parameters: reading.parameters }),
    reading,
  );
}

/** An input's references, located in the repository's sources. */
async function located(
  input: InputSpec,
  collected: Collected,
  { options, deps, repository }: Reading,
): Promise<KeyReference[]> {
  for (const warning of collected.warnings) deps.logger.warn(`${input.path}: ${warning}`);
  for (const note of collected.notes ?? []) deps.logger.debug(`${input.path}: ${note}`);
  if (collected.terraform) {
    const { repoRoot, baseFiles } = await repository();
    const located = {
      rootDir: resolve(deps.cwd, options.terraformDir ?? dirname(input.path)),
      repoRoot,
      modules: collected.terraform.modules,
      files: deps.sourceFiles,
    };
    const references = await locateTerraform(collected.references, located);
    if (baseFiles === null) return references;
    return withBaseLocations(references, (refs) =>
      locateTerraform(refs, { ...located, files: baseFiles }),
    );
  }
  if (collected.stacks) {
    const { repoRoot } = await repository();
    const located = { repoRoot, appDir: null, files: deps.sourceFiles, workingDir: deps.cwd };
    return locateCdk(collected.references, collected.stacks, located);
  }
  return collected.references;
}

/** What reading one input needs from the run: its options, overrides, deps and repository. */
interface Reading {
  options: CollectOptions;
  parameters: ParameterOverrides;
  deps: CollectDeps;
  /** Opened on first need: a run of plain `--key`s never looks for the repository. */
  repository: () => Promise<Repository>;
}

/** The repository the inputs' locations are in. */
interface Repository {
  /** Absolute; locations are relative to it. */
  repoRoot: string;
  /** The `--base-ref` revision's files; null without one (or when git does not have it). */
  baseFiles: SourceFiles | null;
}

async function openRepository(options: CollectOptions, deps: CollectDeps): Promise<Repository> {
  const repoRoot = await findRoot(options, deps);
  if (options.baseRef === null || !deps.gitRevision) return { repoRoot, baseFiles: null };
  const baseFiles = await deps.gitRevision(repoRoot, options.baseRef);
  if (baseFiles === null) {
    deps.logger.warn(
      `--base-ref ${options.baseRef}: no such commit in the git repository at ${repoRoot} (a shallow clone?); removed resources get no line`,
    );
  }
  return { repoRoot, baseFiles };
}

/** `--repo-root`, else the enclosing git checkout, else the working directory. */
async function findRoot(options: CollectOptions, deps: CollectDeps): Promise<string> {
  if (options.repoRoot !== null) return resolve(deps.cwd, options.repoRoot);
  return (await findRepoRoot(deps.cwd, deps.sourceFiles)) ?? deps.cwd;
}

/**
 * A cloud assembly (`cdk.out`): its keys, and the changes against the base branch's
 * assembly (`--cdk-base`) or, without one, against each stack's deployed template,
 * each pointed at the construct's line.
 */
async function collectAssembly(
  { dir, baseDir }: { dir: string; baseDir: string | null },
  { repoRoot, baseFiles }: Repository,
  parameters: ParameterOverrides,
  deps: CollectDeps,
  stages: CollectStages,
): Promise<KeyReference[]> {
  const head = await readCloudAssembly(resolve(deps.cwd, dir), deps.sourceFiles, { parameters });
  for (const warning of head.warnings) deps.logger.warn(warning);
  for (const note of head.notes) deps.logger.debug(note);
  let references = head.references;
  let baseStacks: StackModel[] = [];
  if (baseDir !== null) {
    const base = await readCloudAssembly(resolve(deps.cwd, baseDir), deps.sourceFiles, {
      parameters,
      base: true,
    });
    for (const warning of base.warnings) deps.logger.warn(warning);
    references = references.concat(diffStacks(base.stacks, head.stacks, "cdk-assembly"));
    baseStacks = base.stacks;
  } else {
    // Without a base, each stack's deployed template is the base, nested stacks' too.
    references = references.concat(await stages.compareWithDeployed(head.stacks));
  }
  // The CDK app lives beside cdk.json, usually the assembly's parent directory.
  const parent = dirname(resolve(deps.cwd, dir));
  const appDir =
    (await deps.sourceFiles.readText(resolve(parent, "cdk.json"))) !== null ? parent : null;
  // Lines in the checkout come from the head assembly only: a key the change removes
  // is declared in the base revision, whose lines the checkout's files do not have.
  const located = await locateCdk(references, head.stacks, {
    repoRoot,
    appDir,
    files: deps.sourceFiles,
    workingDir: deps.cwd,
  });
  if (baseStacks.length === 0 || baseFiles === null) return located;
  return withBaseLocations(located, (refs) =>
    locateCdk(refs, baseStacks, { repoRoot, appDir, files: baseFiles, workingDir: deps.cwd }),
  );
}

/** An input file's bytes (see `readInput`); `what` names it in the error. */
export async function readInputBytes(
  path: string,
  deps: Pick<CollectDeps, "readFile" | "readFileBytes">,
  what = "input",
): Promise<Buffer> {
  if (!deps.readFileBytes) return Buffer.from(await readInput(path, what, deps), "utf8");
  try {
    return await deps.readFileBytes(path, MAX_INPUT_BYTES);
  } catch (cause) {
    throw new InputError(`cannot read ${what}: ${describeReadError(cause)}`, path, null, {
      cause,
    });
  }
}

/**
 * Reads a file the user named (an input, the facts snapshot); a missing or
 * unreadable file is their error, not a crash.
 */
export async function readInput(
  path: string,
  what: string,
  deps: Pick<CollectDeps, "readFile">,
): Promise<string> {
  try {
    return await deps.readFile(path, MAX_INPUT_BYTES);
  } catch (cause) {
    throw new InputError(`cannot read ${what}: ${describeReadError(cause)}`, path, null, {
      cause,
    });
  }
}
