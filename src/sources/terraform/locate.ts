/**
 * Where a Terraform reference is declared: the `resource "TYPE" "NAME"` block
 * header in the `.tf` files of its module directory, as a repository-relative
 * `file:line`, with the `# kms-usage-lint-ignore` comments above it (SPEC §2
 * "Locating code", §4 inline suppression).
 *
 * A line scanner, not an HCL parser: it knows just enough of HCL's lexical
 * structure (strings and templates, comments, heredocs, braces) never to take
 * commented-out or quoted text for a block. When in doubt it gives no
 * location: a missing line costs an annotation, a wrong one costs trust.
 */
import { join, resolve } from "node:path";
import type { InlineSuppression, KeyReference, SourceKind, SourceLocation } from "../../model.js";
import { repoRelative, type SourceFiles } from "../repo.js";
import { type LexState, lexLine } from "./hcl-lexer.js";
import { type ModuleCall, type ModuleCalls, modulePath } from "./modules.js";

// Defined next to the repository helpers because the CDK locator reads files the same way.
export type { SourceFiles } from "../repo.js";

/** Where to look, and how to read. */
export interface LocateOptions {
  /** Absolute directory of the root module (the plan/state file's directory, or --terraform-dir). */
  rootDir: string;
  /** Absolute repository root; locations are relative to it, with '/'. */
  repoRoot: string;
  /** The plan's module calls (empty for state files: then only root-module resources are located). */
  modules: ModuleCalls;
  files: SourceFiles;
}

/**
 * Fills in `location` and `suppressions` of Terraform references whose block
 * can be found. Returns new objects for the references it locates and the
 * others as they are; never mutates its input. Each `.tf` file is read and
 * scanned at most once per call, however many references point into it.
 *
 * Located: resources and data sources (kinds key, alias, consumer) with an
 * address and a resource type, and root-module outputs (`output.NAME`), from
 * the Terraform sources. A reference that already has a location is kept.
 *
 * - The module directory follows the address's `module.NAME` steps through
 *   `modules`; only local sources (`./…`, `../…`) are followed, because a
 *   registry or git module's code is not in the repository.
 * - Exactly one declaring block gives its header line; none or several
 *   (invalid configuration) give no location.
 * - A resource without a block (deleted by this change) points at the
 *   `removed` block naming it, else at a `moved` block moving it away, in its
 *   module or an enclosing one; otherwise no location.
 * - A directory outside `repoRoot` gives no location.
 */
export async function locateTerraform(
  refs: readonly KeyReference[],
  options: LocateOptions,
): Promise<KeyReference[]> {
  const indexes = new Map<string, Promise<DirectoryIndex>>();
  const context: Context = {
    options,
    indexOf(dir) {
      let index = indexes.get(dir);
      if (index === undefined) {
        index = indexDirectory(dir, options);
        indexes.set(dir, index);
      }
      return index;
    },
  };
  // The instances of a `count` or `for_each` resource share its block: each block is
  // looked up once, and the references are then located without waiting. One pending
  // lookup per reference held 100k promises at once and cost 170 MB for 100k consumers
  // (issue 15); the targets are computed again below rather than kept across the wait.
  const lookups = new Map<string, Promise<Declaration | null>>();
  for (const ref of refs) {
    const target = blockTarget(ref);
    if (target === null) continue;
    const key = targetKey(target);
    if (!lookups.has(key)) lookups.set(key, findDeclaration(target, context));
  }
  const found = new Map(
    await Promise.all([...lookups].map(async ([key, lookup]) => [key, await lookup] as const)),
  );
  return refs.map((ref) => {
    const target = blockTarget(ref);
    const declaration = target === null ? null : (found.get(targetKey(target)) ?? null);
    return declaration === null ? ref : withDeclaration(ref, declaration);
  });
}

/** One string per block a target names, in its module: what references of one block share. */
function targetKey(target: BlockTarget): string {
  // Module names are identifiers and block keys hold no NUL: the parts cannot run together.
  return [...target.modules, target.block].join("\0");
}

interface Context {
  options: LocateOptions;
  /** The declarations of one module directory, scanned on first need. */
  indexOf(dir: string): Promise<DirectoryIndex>;
}

/** A block found in the source: where it starts and what comments sit above it. */
interface Declaration {
  location: SourceLocation;
  suppressions: InlineSuppression[];
}

/**
 * Declarations of one directory by block key: `resource TYPE.NAME`,
 * `data TYPE.NAME`, `output NAME`, `removed FROM`, `moved FROM` (FROM without
 * instance keys). A list, so that duplicates can be told from single blocks.
 */
type DirectoryIndex = ReadonlyMap<string, readonly Declaration[]>;

const TERRAFORM_SOURCES: ReadonlySet<SourceKind> = new Set([
  "terraform-plan",
  "terraform-state",
  "terraform-outputs",
]);

/** What a reference's block is, relative to its module. */
interface BlockTarget {
  /** Module call names from the root: `["storage", "nested"]`. */
  modules: string[];
  /** Its key in a `DirectoryIndex`. */
  block: string;
  /** `TYPE.NAME` of a managed resource, which `removed` and `moved` blocks name; null otherwise. */
  resource: string | null;
}

/** A new reference at the block's line, with the suppressions written above it. */
function withDeclaration(ref: KeyReference, found: Declaration): KeyReference {
  return {
    ...ref,
    location: found.location,
    suppressions: [...ref.suppressions, ...found.suppressions],
  };
}

const IDENTIFIER = "[A-Za-z_][A-Za-z0-9_-]*";
// Instance keys are quoted strings (which may hold dots and brackets) or numbers.
const INSTANCE_KEY = String.raw`\[(?:"(?:[^"\\]|\\.)*"|\d+)\]`;
const RESOURCE_PART = new RegExp(
  `^(data\\.)?(${IDENTIFIER})\\.(${IDENTIFIER})(?:${INSTANCE_KEY})?$`,
);
const OUTPUT_ADDRESS = new RegExp(`^output\\.(${IDENTIFIER})$`);

/** The block to look for; null for a reference that has a location already or cannot have one. */
function blockTarget(ref: KeyReference): BlockTarget | null {
  const address = ref.address;
  if (ref.location !== null || !TERRAFORM_SOURCES.has(ref.source) || address === null) return null;
  if (ref.kind === "output") {
    // Only root-module outputs appear in plans and `terraform output -json`.
    const name = OUTPUT_ADDRESS.exec(address)?.[1];
    return name === undefined ? null : { modules: [], block: `output ${name}`, resource: null };
  }
  if (ref.resourceType === null) return null;
  const modules = modulePath(address);
  const rest = afterModules(address, modules);
  const match = rest === null ? null : RESOURCE_PART.exec(rest);
  if (!match || match[2] !== ref.resourceType) return null;
  const resource = `${match[2]}.${match[3]}`;
  return match[1]
    ? { modules, block: `data ${resource}`, resource: null }
    : { modules, block: `resource ${resource}`, resource };
}

/**
 * What follows the `module.NAME[KEY].` steps `modulePath` read; null when the
 * address does not start with exactly those steps. Linear, so that a hostile
 * address costs no more than its length.
 */
function afterModules(address: string, modules: readonly string[]): string | null {
  let at = 0;
  for (const name of modules) {
    const step = `module.${name}`;
    if (!address.startsWith(step, at)) return null;
    at = skipInstanceKey(address, at + step.length);
    if (at < 0 || address[at] !== ".") return null;
    at += 1;
  }
  return address.slice(at);
}

/** The index after an instance key starting at `at` (or `at` when there is none); -1 when malformed. */
function skipInstanceKey(address: string, at: number): number {
  if (address[at] !== "[") return at;
  let i = at + 1;
  if (address[i] === '"') {
    for (i += 1; i < address.length && address[i] !== '"'; i += 1) {
      if (address[i] === "\\") i += 1;
    }
    i += 1;
  } else {
    while (i < address.length && address[i] !== "]") i += 1;
  }
  return address[i] === "]" ? i + 1 : -1;
}

async function findDeclaration(target: BlockTarget, context: Context): Promise<Declaration | null> {
  const dirs = moduleDirectories(target.modules, context.options);
  const own = dirs[dirs.length - 1] ?? null;
  if (own !== null) {
    const found = (await context.indexOf(own)).get(target.block);
    if (found !== undefined) return only(found);
  }
  if (target.resource === null) return null;
  return (
    (await findRemoval("removed", target, dirs, context)) ??
    (await findRemoval("moved", target, dirs, context))
  );
}

/**
 * The `removed` or `moved` block that takes the resource away. Terraform
 * allows them in the resource's module or an enclosing one, naming the
 * resource or a whole module call, so each directory from the innermost out
 * is asked for the address relative to it and for its module prefixes. The
 * first name that matches decides: one block is the answer, several are none.
 */
async function findRemoval(
  kind: "removed" | "moved",
  target: BlockTarget,
  dirs: readonly (string | null)[],
  context: Context,
): Promise<Declaration | null> {
  for (let depth = dirs.length - 1; depth >= 0; depth -= 1) {
    const dir = dirs[depth];
    if (dir === undefined || dir === null) continue;
    const index = await context.indexOf(dir);
    for (const from of removalNames(target, depth)) {
      const found = index.get(`${kind} ${from}`);
      if (found !== undefined) return only(found);
    }
  }
  return null;
}

/** Names a block in the module at `depth` could use for the resource, most specific first. */
function removalNames(target: BlockTarget, depth: number): string[] {
  const steps = target.modules.slice(depth).map((name) => `module.${name}`);
  const names = [[...steps, target.resource].join(".")];
  for (let n = steps.length; n > 0; n -= 1) names.push(steps.slice(0, n).join("."));
  return names;
}

function only(declarations: readonly Declaration[]): Declaration | null {
  return declarations.length === 1 ? (declarations[0] ?? null) : null;
}

/**
 * The directory of the root module and of each module along `modules`;
 * null from the first call that is unknown, not local, or outside the
 * repository on.
 */
function moduleDirectories(modules: readonly string[], options: LocateOptions): (string | null)[] {
  const repoRoot = resolve(options.repoRoot);
  let dir: string | null = resolve(options.rootDir);
  let calls: ModuleCalls | null = options.modules;
  const dirs: (string | null)[] = [];
  const inRepo = (d: string | null) =>
    d !== null && repoRelative(repoRoot, d) !== null ? d : null;
  dirs.push(inRepo(dir));
  for (const name of modules) {
    const call: ModuleCall | undefined =
      calls !== null && Object.hasOwn(calls, name) ? calls[name] : undefined;
    if (dir === null || call === undefined || !isLocalSource(call.source)) {
      dir = null;
      calls = null;
    } else {
      dir = resolve(dir, call.source);
      calls = call.calls;
    }
    dirs.push(inRepo(dir));
  }
  return dirs;
}

/** Terraform's own test: a local module path starts with `./` or `../` (either slash on Windows). */
function isLocalSource(source: string): boolean {
  return /^\.\.?[/\\]/.test(source);
}

async function indexDirectory(dir: string, options: LocateOptions): Promise<DirectoryIndex> {
  const index = new Map<string, Declaration[]>();
  const names = ((await options.files.list(dir)) ?? []).filter(isConfigurationFile).sort();
  const texts = await Promise.all(names.map((name) => options.files.readText(join(dir, name))));
  const repoRoot = resolve(options.repoRoot);
  names.forEach((name, i) => {
    const text = texts[i];
    const file = repoRelative(repoRoot, join(dir, name));
    // A NUL byte means a binary file, which Terraform would refuse too.
    if (text === undefined || text === null || file === null || text.includes("\0")) return;
    for (const block of scanBlocks(text)) {
      const declaration: Declaration = {
        location: {
          file,
          line: block.line,
          column: block.column,
          ...(block.endLine === undefined ? {} : { endLine: block.endLine }),
        },
        suppressions: block.suppressions.map(({ ruleId, reason, line }) => ({
          ruleId,
          reason,
          location: { file, line },
        })),
      };
      const list = index.get(block.key);
      if (list) list.push(declaration);
      else index.set(block.key, [declaration]);
    }
  });
  return index;
}

/**
 * The files Terraform loads as configuration: `*.tf`, without the hidden and
 * editor files it ignores, and without override files, which amend a block
 * declared elsewhere rather than declare a second one. `*.tf.json` is not
 * read: JSON configuration is rare and has no comments to suppress with.
 */
function isConfigurationFile(name: string): boolean {
  if (!name.endsWith(".tf") || name.startsWith(".") || name.startsWith("#")) return false;
  const stem = name.slice(0, -".tf".length);
  return stem !== "override" && !stem.endsWith("_override");
}

/** A block header the scanner found, keyed as in `DirectoryIndex`. */
interface ScannedBlock {
  key: string;
  line: number;
  /** Where the header starts on its line (1-based, in UTF-16 code units as SARIF counts). */
  column: number;
  /** The line of the closing brace; absent when the file never closes the block. */
  endLine?: number;
  suppressions: { ruleId: string; reason: string; line: number }[];
}

// A bare label must end where the identifier does, or `abc` would pass for labels `ab` and `c`.
const LABEL = `"([^"\\\\]*)"|(${IDENTIFIER})(?![A-Za-z0-9_-])`;
// HCL puts a block's `{` on its header line; labels may be quoted or bare.
const RESOURCE_HEADER = new RegExp(`^\\s*(resource|data)\\s+(?:${LABEL})\\s*(?:${LABEL})\\s*\\{`);
const OUTPUT_HEADER = new RegExp(`^\\s*output\\s+(?:${LABEL})\\s*\\{`);
const REMOVAL_HEADER = /^\s*(removed|moved)\s*\{/;
// `from` is a traversal, not a string; its instance keys may be quoted.
const FROM_ATTRIBUTE = /(?:^|[\s{])from\s*=\s*((?:[^\s}"#]|"(?:[^"\\]|\\.)*")+)/;
const INSTANCE_KEYS = new RegExp(INSTANCE_KEY, "g");

/** A `removed`/`moved` block whose `from` is still to be read. */
interface OpenRemoval {
  kind: "removed" | "moved";
  line: number;
  column: number;
  suppressions: ScannedBlock["suppressions"];
  from: string | null;
}

/**
 * The top-level `resource`, `data`, `output`, `removed` and `moved` blocks of
 * one file, in order. One pass over the lines; each character is looked at
 * a bounded number of times, so a huge file costs time in proportion.
 */
function scanBlocks(source: string): ScannedBlock[] {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const lines = text.split(/\r?\n/);
  const state: LexState = { inBlockComment: false, heredoc: null, depth: 0 };
  const blocks: ScannedBlock[] = [];
  let comments: CommentLine[] = [];
  let removal: OpenRemoval | null = null;
  // The resource, data or output block whose closing brace is still to come.
  let open: ScannedBlock | null = null;

  lines.forEach((raw, i) => {
    const line = i + 1;
    const lexed = lexLine(raw, state);
    if (lexed.code.trim() === "") {
      // Comment-only lines extend the run above the next header; a blank line
      // or heredoc text ends it.
      if (lexed.heredoc || raw.trim() === "") comments = [];
      else comments.push({ line, text: lexed.comment });
      return;
    }
    const above = comments;
    comments = [];
    if (lexed.depthBefore === 0) {
      const header = blockHeader(lexed.code);
      const column = raw.search(/\S/) + 1;
      if (header !== null) {
        open = { key: header, line, column, suppressions: suppressionsIn(above) };
        blocks.push(open);
      } else {
        const kind = REMOVAL_HEADER.exec(lexed.code)?.[1];
        if (kind === "removed" || kind === "moved") {
          removal = { kind, line, column, suppressions: suppressionsIn(above), from: null };
        }
      }
    }
    if (removal !== null) {
      // `from` sits directly in the block (depth 1), or on a one-line block's header.
      if (removal.from === null && (lexed.depthBefore === 1 || removal.line === line)) {
        const from = FROM_ATTRIBUTE.exec(lexed.code)?.[1];
        if (from !== undefined) removal.from = from.replace(INSTANCE_KEYS, "");
      }
      if (state.depth === 0) {
        if (removal.from !== null) {
          const { kind, from, column, suppressions } = removal;
          blocks.push({
            key: `${kind} ${from}`,
            line: removal.line,
            column,
            endLine: line,
            suppressions,
          });
        }
        removal = null;
      }
    }
    if (open !== null && state.depth === 0) {
      open.endLine = line;
      open = null;
    }
  });
  return blocks;
}

/** The index key of a `resource`, `data` or `output` header, or null. */
function blockHeader(code: string): string | null {
  const resource = RESOURCE_HEADER.exec(code);
  if (resource) {
    const type = resource[2] ?? resource[3];
    const name = resource[4] ?? resource[5];
    return `${resource[1]} ${type}.${name}`;
  }
  const output = OUTPUT_HEADER.exec(code);
  return output ? `output ${output[1] ?? output[2]}` : null;
}

interface CommentLine {
  line: number;
  /** The text after `#` or `//`; null for a line inside a block comment. */
  text: string | null;
}

const SUPPRESSION = /^\s*kms-usage-lint-ignore(?:\s+(\S+)(?:\s+(.*))?)?\s*$/;
const RULE_ID = /^(?:\*|[a-z0-9]+(?:-[a-z0-9]+)*)$/;
// SPEC §4 wants a reason with every suppression. One without is still honoured
// (the author plainly meant it), with a visible placeholder, so that the rule
// engine can report it as suppressed and warn about the missing reason rather
// than the suppression silently not applying.
const NO_REASON = "(no reason given)";

/** The `kms-usage-lint-ignore RULE-ID reason` comments among the lines above a block. */
function suppressionsIn(comments: readonly CommentLine[]): ScannedBlock["suppressions"] {
  const found: ScannedBlock["suppressions"] = [];
  for (const { line, text } of comments) {
    const match = text === null ? null : SUPPRESSION.exec(text);
    const ruleId = match?.[1];
    // Without a valid rule id there is nothing to suppress; the comment is prose.
    if (ruleId === undefined || !RULE_ID.test(ruleId)) continue;
    const reason = match?.[2]?.trim() ?? "";
    found.push({ ruleId, reason: reason === "" ? NO_REASON : reason, line });
  }
  return found;
}
