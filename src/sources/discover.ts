/**
 * Searching a directory for inputs (SPEC §2: "A directory is searched for the
 * known file kinds"): each file is recognised by its content, each cloud
 * assembly by its manifest, in a deterministic order.
 */

import { join, relative } from "node:path";
import { InputError, NoInputsError } from "../model.js";
import { compareText } from "../order.js";
import { describeReadError, MAX_INPUT_BYTES } from "../read-file.js";
import { plural } from "../show.js";
import { isCloudAssemblyDir } from "./cdk/assembly.js";
import { type FoundKind, recogniseText } from "./detect.js";
import type { SourceFiles } from "./repo.js";

/**
 * How deep below the searched directory inputs are read from. Inputs sit a
 * few levels down (`envs/prod/eu-west-1/plan.json`); deeper trees are vendored
 * code and build output. Below it the search still looks, and an input found
 * there stops the run: passed over, a plan deleting a used key would pass.
 */
export const MAX_SEARCH_DEPTH = 12;

/**
 * How deep the search looks at all: directories nest this deep only through
 * links that the loop check cannot see (a file system without `realPath`), so
 * the run stops there rather than pass over what lies below.
 */
export const MAX_LOOK_DEPTH = 64;

/**
 * How many directory entries one search may list. A search started at `/` or
 * a home directory by mistake ends with a message instead of running for hours;
 * a repository with its `node_modules` left out is far below it.
 */
export const MAX_SEARCH_ENTRIES = 200_000;

// Never inputs, and often huge: version control, dependencies, Terraform's
// provider and module cache.
const SKIPPED_DIRS = new Set([".git", "node_modules", ".terraform"]);

// The file names read to see what they are; other files are never inputs
// (`.tf` sources, code, the binary plan `terraform plan -out` writes).
const CANDIDATE_RE = /\.(?:json|ya?ml|tfstate|template)$/i;

/** How many found inputs the info line names before "and N more". */
const MAX_NAMED = 10;

/** An input found by a search. */
export interface FoundInput {
  /** The path to read it by: the searched directory's path joined with its own. */
  path: string;
  kind: FoundKind | "cloud-assembly";
}

/** What a search found, and what it looked at (for the messages). */
export interface SearchResult {
  found: FoundInput[];
  files: number;
  directories: number;
}

/** The readers a search needs; `SourceFiles` with `entries`, and the user's file reader. */
export interface SearchDeps {
  files: SourceFiles;
  readFile(path: string, maxBytes: number): Promise<string>;
  /** Resolves a path as the user wrote it against the working directory. */
  resolvePath(path: string): string;
}

/**
 * The inputs under `dir` (as the user wrote it): files recognised by content
 * and cloud assemblies, in path order. An assembly is read as one input and
 * not searched further (its templates are its own, its `asset.*` folders are code).
 *
 * @throws InputError when a directory cannot be listed, a file that may be an
 *   input cannot be read, a recognisable input is broken, or the search is too large.
 */
export async function searchDirectory(dir: string, deps: SearchDeps): Promise<SearchResult> {
  const { files } = deps;
  if (!files.entries) throw new Error("searching a directory needs SourceFiles.entries");
  const list = files.entries;
  const result: SearchResult = { found: [], files: 0, directories: 0 };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  let listed = 0;

  const found = (input: FoundInput, depth: number) => {
    if (depth > MAX_SEARCH_DEPTH + 1) {
      throw new InputError(
        `an input below the search's depth of ${MAX_SEARCH_DEPTH} directories: name the inputs, or a directory nearer them`,
        input.path,
      );
    }
    result.found.push(input);
  };

  // Depth first, entries by name (code unit order, whatever the locale): the same tree
  // always gives the same inputs in the same order.
  const walk = async (path: string, depth: number): Promise<void> => {
    const absolute = deps.resolvePath(path);
    const real = (await files.realPath?.(absolute)) ?? absolute;
    // A link back up the tree, or two links to one directory: searched once.
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    if (depth > 0 && (await isCloudAssemblyDir(absolute, files))) {
      found({ path, kind: "cloud-assembly" }, depth);
      return;
    }
    if (depth > MAX_LOOK_DEPTH) {
      throw new InputError(
        `directories nested more than ${MAX_LOOK_DEPTH} levels below the searched directory (a loop of links?); inputs there would be missed, so name the inputs instead`,
        path,
      );
    }
    result.directories++;
    let entries: Awaited<ReturnType<typeof list>>;
    try {
      entries = await list(absolute);
    } catch (cause) {
      throw new InputError(
        `cannot search this directory: ${describeReadError(cause)}; inputs in it would be missed, so name the inputs instead`,
        path,
        null,
        { cause },
      );
    }
    listed += entries.length;
    if (listed > MAX_SEARCH_ENTRIES) {
      throw new InputError(
        `more than ${MAX_SEARCH_ENTRIES} files and directories under the searched directory; name the inputs, or a directory nearer them`,
        dir,
      );
    }
    const sorted = [...entries].sort((a, b) => compareText(a.name, b.name));
    for (const entry of sorted) {
      const child = join(path, entry.name);
      if (entry.type === "directory") {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(child, depth + 1);
      } else if (entry.type === "file" && CANDIDATE_RE.test(entry.name)) {
        const absoluteChild = deps.resolvePath(child);
        const realChild = (await files.realPath?.(absoluteChild)) ?? absoluteChild;
        if (seenFiles.has(realChild)) continue;
        seenFiles.add(realChild);
        result.files++;
        const kind = await recogniseFile(child, deps);
        if (kind !== null) found({ path: child, kind }, depth + 1);
      }
      // FIFOs, sockets and devices are never inputs, and opening one could wait for ever.
    }
  };

  if (await isCloudAssemblyDir(deps.resolvePath(dir), files)) {
    return { ...result, found: [{ path: dir, kind: "cloud-assembly" }] };
  }
  await walk(dir, 0);
  return result;
}

/** The kind of one file of the search, or null when it is no input. */
async function recogniseFile(path: string, deps: SearchDeps): Promise<FoundKind | null> {
  let text: string;
  try {
    text = await deps.readFile(path, MAX_INPUT_BYTES);
  } catch (cause) {
    // It may be an input; a gate does not pass over what it could not read.
    throw new InputError(
      `cannot read this file of the searched directory: ${describeReadError(cause)}; it may be an input, so the run stops (move it out of the directory, or name the inputs instead)`,
      path,
      null,
      { cause },
    );
  }
  return recogniseText(path, text).kind;
}

const KIND_NAMES: Record<FoundInput["kind"], string> = {
  "terraform-plan": "Terraform plan",
  "terraform-state": "Terraform state",
  "terraform-outputs": "Terraform outputs",
  "cdk-outputs": "CDK outputs",
  "cloudformation-template": "CloudFormation template",
  "cloud-assembly": "cloud assembly",
};

/** The info line: `found 3 inputs in DIR: plan.json (Terraform plan), …`. */
export function describeFound(dir: string, where: string, result: SearchResult): string {
  const named = result.found
    .slice(0, MAX_NAMED)
    .map((input) => `${relative(dir, input.path) || "."} (${KIND_NAMES[input.kind]})`);
  const more = result.found.length - named.length;
  const count = plural(result.found.length, "input");
  return `found ${count} in ${where}: ${named.join(", ")}${more > 0 ? `, and ${more} more` : ""}`;
}

/**
 * The error when a search found nothing: what was searched, and how to name an
 * input. `file`: the directory the user named; null for the working directory.
 */
export function nothingFound(
  file: string | null,
  where: string,
  result: SearchResult,
): NoInputsError {
  const files = plural(result.files, "file");
  const dirs = plural(result.directories, "directory", { many: "directories" });
  return new NoInputsError(
    `no inputs found in ${where}: looked at ${files} (*.json, *.yaml, *.yml, *.tfstate, *.template) in ${dirs}, to depth ${MAX_SEARCH_DEPTH}, leaving out ${[...SKIPPED_DIRS].join(", ")}, for Terraform plans, state and outputs as JSON, CloudFormation templates, CDK outputs and cloud assemblies; name an input (kms-usage-lint check plan.json, terraform show -json PLANFILE | kms-usage-lint check -) or a key (--key ARN)`,
    file,
  );
}
