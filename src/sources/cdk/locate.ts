/**
 * Where a CDK (or plain CloudFormation) resource is declared in the
 * repository, as a repository-relative `file:line` (SPEC §2 "Locating code"):
 *
 * 1. the construct's creation stack (`aws:cdk:creationStack`): the first
 *    frame in the user's code, its absolute path (on the machine that
 *    synthesized) mapped to the repository by the longest suffix that exists;
 * 2. without one, the one construct call with the construct id in the app's
 *    TypeScript/JavaScript sources (Python, Java, C# and Go apps are not
 *    searched: their creation stacks, which jsii fills in, are the way there);
 * 3. the resource's key in the template file, when the template itself is a
 *    file of the repository (not an ignored `cdk.out`).
 *
 * Each step gives a line only when it is sure of it, else hands on to the
 * next: no location beats a wrong one.
 */
import { join, resolve } from "node:path";
import type { KeyReference, SourceKind, SourceLocation } from "../../model.js";
import { isJsonObject } from "../json.js";
import { repoRelative, type SourceFiles } from "../repo.js";
import { isGitIgnored } from "./gitignore.js";
import { blankComments } from "./js-comments.js";
import type { StackModel, StackResource } from "./stack.js";

/** Where to look, and how to read. */
export interface CdkLocateOptions {
  /** Absolute repository root; locations are relative to it, with `/`. */
  repoRoot: string;
  /** Absolute directory of the CDK app (where `cdk.json` is); null: no source search. */
  appDir: string | null;
  files: SourceFiles;
  /**
   * What relative template paths (`StackModel.templateFile`, as the user
   * named them) are relative to; default: the process's working directory.
   */
  workingDir?: string;
}

/**
 * Fills in `location` of CDK and CloudFormation references to resources of
 * `stacks` (the head revision's: the one the repository's files are). Returns
 * new objects for the references it locates and the others as they are;
 * never mutates its input. Each file is read at most once per call.
 *
 * A reference is tied to its resource by its template file and address (the
 * construct path, or `STACK/LogicalId`); a `key` reference with a
 * `stack-resource` target must name that resource's logical id too, so a key
 * removed by the change (whose logical id only the base has) gets no line.
 */
export async function locateCdk(
  refs: readonly KeyReference[],
  stacks: readonly StackModel[],
  options: CdkLocateOptions,
): Promise<KeyReference[]> {
  const context = new Context(stacks, options);
  return Promise.all(
    refs.map(async (ref) => {
      if (ref.location !== null) return ref;
      const found = context.resourceOf(ref);
      if (found === null) return ref;
      const location = await locateResource(found, context);
      return location === null ? ref : { ...ref, location };
    }),
  );
}

const CLOUDFORMATION_SOURCES: ReadonlySet<SourceKind> = new Set([
  "cdk-assembly",
  "cloudformation-template",
]);

interface Found {
  stack: StackModel;
  resource: StackResource;
}

async function locateResource(found: Found, context: Context): Promise<SourceLocation | null> {
  const { resource } = found;
  if (resource.creationStack.length > 0) {
    const fromFrame = await fromCreationStack(resource.creationStack, context);
    if (fromFrame !== null) return fromFrame;
  }
  return (await fromAppSources(resource, context)) ?? (await fromTemplate(found, context));
}

/** Per-call state: the options, and every file read so far. */
class Context {
  readonly repoRoot: string;
  readonly workingDir: string;
  private readonly texts = new Map<string, Promise<string | null>>();
  private sources: Promise<AppSource[] | null> | null = null;
  private shapes: Map<string, Set<string>> | null = null;
  private addresses: Map<string, Found[]> | null = null;

  constructor(
    private readonly stacks: readonly StackModel[],
    readonly options: CdkLocateOptions,
  ) {
    this.workingDir = resolve(options.workingDir ?? process.cwd());
    this.repoRoot = resolve(this.workingDir, options.repoRoot);
  }

  /** The text of a file (absolute path), read once; null when it cannot be read or is binary. */
  read(path: string): Promise<string | null> {
    let text = this.texts.get(path);
    if (text === undefined) {
      text = this.options.files
        .readText(path)
        .then((t) => (t === null || t.includes("\0") ? null : t));
      this.texts.set(path, text);
    }
    return text;
  }

  /** The app's source files, scanned on first need; null when there is no app or it is too large. */
  appSources(): Promise<AppSource[] | null> {
    this.sources ??= scanAppSources(this);
    return this.sources;
  }

  /** The resource a reference was read from; null unless exactly one fits. */
  resourceOf(ref: KeyReference): Found | null {
    if (!CLOUDFORMATION_SOURCES.has(ref.source) || ref.kind === "output") return null;
    if (ref.address === null) return null;
    const file = resolve(this.workingDir, ref.file);
    const target = ref.kind === "key" && ref.target.kind === "stack-resource" ? ref.target : null;
    const found = (this.byAddress().get(placeKey(file, ref.address)) ?? []).filter(
      ({ resource }) => target === null || target.logicalId === resource.logicalId,
    );
    return found.length === 1 ? (found[0] ?? null) : null;
  }

  /**
   * Every resource by its template file (absolute) and address, indexed on first need:
   * an assembly of many (nested) stacks has as many references as resources, and a
   * scan of every resource for each would cost their product.
   */
  private byAddress(): Map<string, Found[]> {
    if (this.addresses === null) {
      this.addresses = new Map();
      for (const stack of this.stacks) {
        const file = resolve(this.workingDir, stack.templateFile);
        for (const resource of stack.resources.values()) {
          const id = placeKey(file, resourceAddress(stack, resource));
          const list = this.addresses.get(id) ?? [];
          list.push({ stack, resource });
          this.addresses.set(id, list);
        }
      }
    }
    return this.addresses;
  }

  /** Whether git ignores `file` (repository-relative); each `.gitignore` is read once. */
  isIgnored(file: string): Promise<boolean> {
    return isGitIgnored(file, this.repoRoot, (path) => this.read(path));
  }

  /** The shapes (see `constructShape`) of the resources with a construct id, indexed on first need. */
  shapesOf(id: string): ReadonlySet<string> {
    if (this.shapes === null) {
      this.shapes = new Map();
      for (const stack of this.stacks) {
        for (const resource of stack.resources.values()) {
          const path = resource.constructPath;
          const key = path === null ? null : constructId(path);
          if (path === null || key === null) continue;
          const set = this.shapes.get(key) ?? new Set();
          set.add(constructShape(resource.type, path));
          this.shapes.set(key, set);
        }
      }
    }
    return this.shapes.get(id) ?? new Set();
  }
}

function placeKey(file: string, address: string): string {
  return `${file}\u0000${address}`;
}

/** As the template reader names a resource. */
function resourceAddress(stack: StackModel, resource: StackResource): string {
  return resource.constructPath ?? `${stack.name}/${resource.logicalId}`;
}

// ---------------------------------------------------------------------------
// 1. The creation stack

/** A stack frame's file and line. */
interface Frame {
  /** Path segments of the absolute file path, without a drive letter. */
  segments: string[];
  line: number;
}

// A hostile or absurd frame path should not cost a read per segment.
const MAX_FRAME_SEGMENTS = 64;

/**
 * The location of the first frame in user code, mapped into the repository;
 * null when there is none, it maps nowhere, or it is compiled output.
 */
async function fromCreationStack(
  frames: readonly string[],
  context: Context,
): Promise<SourceLocation | null> {
  const frame = firstUserFrame(frames);
  if (frame === null) return null;
  const file = await mapToRepository(frame.segments, context);
  // A file git ignores (build output, say) is no line of the pull request.
  if (file === null || (await context.isIgnored(file))) return null;
  const text = await context.read(join(context.repoRoot, file));
  if (text === null || frame.line > lineCount(text)) return null;
  return { file, line: frame.line };
}

/**
 * The first frame that is neither the CDK's nor Node's nor a library's. The
 * CDK writes frames as `NAME (PATH:LINE:COLUMN)`, collapses library frames
 * into `...X in aws-cdk-lib...` markers, and writes a frame without a
 * function name as `file:///…:LINE (:)`; older versions kept raw V8 frames
 * (`at NAME (PATH:LINE:COLUMN)`), and jsii appends the host language's
 * frames (a Python app's `.py` files) in the same form.
 */
function firstUserFrame(frames: readonly string[]): Frame | null {
  for (const raw of frames) {
    const text = raw.trim();
    // Markers: `...new Key2 in aws-cdk-lib...`, `...node internals...`.
    if (text.startsWith("...")) continue;
    const frame = parseFrame(text);
    // Built-ins (`<anonymous>`, `native`, `node:internal/…`) have no file of their own.
    if (frame === null || isLibraryPath(frame.segments)) continue;
    return frame;
  }
  return null;
}

const FRAME_RE = /^(.*?) \((.*)\)$/;
const LOCATION_RE = /^(.*?):(\d+)(?::\d+)?$/;

function parseFrame(frame: string): Frame | null {
  const text = frame.startsWith("at ") ? frame.slice(3) : frame;
  const call = FRAME_RE.exec(text);
  let location = text;
  if (call !== null) {
    const inParens = call[2] ?? "";
    location = inParens === ":" || inParens === "" ? (call[1] ?? "") : inParens;
  }
  const match = LOCATION_RE.exec(location);
  const line = Number(match?.[2]);
  const segments = match?.[1] === undefined ? null : absoluteSegments(match[1]);
  if (segments === null || !Number.isSafeInteger(line) || line < 1) return null;
  return { segments, line };
}

/**
 * The segments of an absolute path: POSIX, Windows (`C:\…`, `\\server\…`) or
 * a `file://` URL; null for anything else.
 */
function absoluteSegments(path: string): string[] | null {
  let rest = path;
  if (path.startsWith("file://")) {
    try {
      rest = decodeURIComponent(path.slice("file://".length));
    } catch {
      return null;
    }
  } else if (!/^(?:\/|\\\\|[A-Za-z]:[\\/])/.test(path)) {
    return null;
  }
  const segments = rest.split(/[\\/]/).filter((s) => s !== "" && s !== ".");
  if (segments[0] !== undefined && /^[A-Za-z]:$/.test(segments[0])) segments.shift();
  if (segments.length === 0 || segments.length > MAX_FRAME_SEGMENTS || segments.includes("..")) {
    return null;
  }
  return segments;
}

// Installed code, of Node or of Python (a jsii host): a library's frame is
// never the user's construct call.
const LIBRARY_SEGMENTS: ReadonlySet<string> = new Set([
  "node_modules",
  "aws-cdk-lib",
  "site-packages",
  "dist-packages",
]);

function isLibraryPath(segments: readonly string[]): boolean {
  return segments.some((segment) => LIBRARY_SEGMENTS.has(segment));
}

/**
 * The longest suffix of a path from the synthesizing machine that names a
 * file under the repository root. Compiled JavaScript next to its TypeScript
 * source maps nowhere: its line numbers are not the source's.
 */
async function mapToRepository(
  segments: readonly string[],
  context: Context,
): Promise<string | null> {
  for (let i = 0; i < segments.length; i += 1) {
    const candidate = segments.slice(i).join("/");
    if (await hasTypeScriptSource(candidate, context)) return null;
    if ((await context.read(join(context.repoRoot, candidate))) !== null) return candidate;
  }
  return null;
}

const COMPILED: readonly [js: string, ts: readonly string[]][] = [
  [".js", [".ts", ".tsx"]],
  [".jsx", [".tsx"]],
  [".mjs", [".mts"]],
  [".cjs", [".cts"]],
];

/** True for a JavaScript file (repository-relative) with a TypeScript source of the same stem. */
async function hasTypeScriptSource(file: string, context: Context): Promise<boolean> {
  for (const [js, sources] of COMPILED) {
    if (!file.endsWith(js)) continue;
    const stem = file.slice(0, -js.length);
    for (const ts of sources) {
      if ((await context.read(join(context.repoRoot, stem + ts))) !== null) return true;
    }
  }
  return false;
}

function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}

// ---------------------------------------------------------------------------
// 2. The construct id in the app's sources

interface AppSource {
  /** Repository-relative, with `/`. */
  file: string;
  /** Comments blanked out, lines kept. */
  code: string;
}

// Directories that hold no code of the app: installed packages, synthesized
// assemblies, build output and tool state.
const SKIPPED_DIRS: ReadonlySet<string> = new Set(["node_modules", "cdk.out", "dist", "coverage"]);
const SOURCE_EXTENSIONS: readonly string[] = [
  ".ts",
  ".tsx",
  ".mts",
  ".cts",
  ".js",
  ".jsx",
  ".mjs",
  ".cjs",
];
// A CDK app has tens of files; past these bounds the directory is not an
// app's source (a monorepo root, a home directory) and a match in it could not
// be called unique, so no search is made at all.
const MAX_APP_FILES = 2000;
const MAX_APP_DEPTH = 16;
// Generated bundles are large and full of other code's construct calls.
const MAX_SOURCE_CHARS = 1_000_000;

/**
 * The line of the one construct call that creates the resource: `new X(scope,
 * 'ID'` where ID is its construct id and X's name fits its type (`Key`,
 * `kms.CfnKey`, …). Null unless the id is unambiguous in the assembly and the
 * call is unique in the app.
 */
async function fromAppSources(
  resource: StackResource,
  context: Context,
): Promise<SourceLocation | null> {
  const path = resource.constructPath;
  const id = path === null ? null : constructId(path);
  if (id === null || !uniqueInAssembly(resource, id, context)) return null;
  const sources = await context.appSources();
  if (sources === null) return null;
  const typeName = resource.type.split("::").pop() ?? "";
  const calls = constructCall(id);
  const found: SourceLocation[] = [];
  for (const source of sources) {
    for (const match of source.code.matchAll(calls)) {
      const className = (match[1] ?? "").split(".").pop()?.trim() ?? "";
      if (!className.endsWith(typeName)) continue;
      found.push({ file: source.file, line: lineCount(source.code.slice(0, match.index)) });
      if (found.length > 1) return null;
    }
  }
  return found[0] ?? null;
}

// The child an L2 construct creates its CloudFormation resource as.
const DEFAULT_CHILD_IDS: ReadonlySet<string> = new Set(["Resource", "Default"]);

/** The id the user gave the construct: the last path segment, above an L2's `Resource`. */
function constructId(path: string): string | null {
  const segments = path.split("/");
  const last = segments[segments.length - 1];
  if (last !== undefined && DEFAULT_CHILD_IDS.has(last)) segments.pop();
  // The first segment is the stack (or stage); a construct id follows it.
  return segments.length >= 2 ? (segments[segments.length - 1] ?? null) : null;
}

/**
 * True when every resource with construct id `id` has the same shape —
 * instances of one stack class, at most. Otherwise one call in the code
 * could not be told to be this one's: a library construct may create a key
 * called `Key` where the user also wrote `new kms.Key(this, "Key")`.
 */
function uniqueInAssembly(resource: StackResource, id: string, context: Context): boolean {
  const path = resource.constructPath;
  if (path === null) return false;
  const shapes = context.shapesOf(id);
  return shapes.size === 1 && shapes.has(constructShape(resource.type, path));
}

/** A resource's type and its construct path below the top-level construct (stack or stage). */
function constructShape(type: string, path: string): string {
  return `${type} ${path.replace(/^[^/]*/, "")}`;
}

/** `new NAME(SCOPE, 'ID'` with any quotes; group 1 is NAME (dotted, maybe with type arguments). */
function constructCall(id: string): RegExp {
  const quoted = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const name = String.raw`[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*`;
  return new RegExp(
    String.raw`\bnew\s+(${name})\s*(?:<[^<>()]{0,200}>)?\s*\(\s*[^,()'"\x60]{1,200}?,\s*(['"\x60])${quoted}\2`,
    "g",
  );
}

async function scanAppSources(context: Context): Promise<AppSource[] | null> {
  const appDir = context.options.appDir;
  if (appDir === null) return null;
  const root = resolve(context.workingDir, appDir);
  if (repoRelative(context.repoRoot, root) === null && root !== context.repoRoot) return null;
  const skipped = new Set(SKIPPED_DIRS);
  const output = await cdkOutputDir(root, context);
  if (output !== null) skipped.add(output);
  const paths: string[] = [];
  const complete = await collect(root, 0, skipped, paths, context);
  if (!complete) return null;
  const sources: AppSource[] = [];
  for (const path of paths.sort()) {
    const file = repoRelative(context.repoRoot, path);
    const text = await context.read(path);
    if (file === null || text === null || text.length > MAX_SOURCE_CHARS) continue;
    // Compiled output and other files git ignores are not the app's code in the pull request.
    if ((await hasTypeScriptSource(file, context)) || (await context.isIgnored(file))) continue;
    sources.push({ file, code: blankComments(text) });
  }
  return sources;
}

/** `output` of `cdk.json` (the assembly directory, `cdk.out` by default), when it is a plain name. */
async function cdkOutputDir(appDir: string, context: Context): Promise<string | null> {
  const text = await context.read(join(appDir, "cdk.json"));
  try {
    const doc: unknown = text === null ? null : JSON.parse(text);
    const output = isJsonObject(doc) ? doc.output : undefined;
    return typeof output === "string" && /^[^/\\]+$/.test(output) ? output : null;
  } catch {
    return null;
  }
}

/** Adds the source files under `dir` to `paths`; false when a bound was hit. */
async function collect(
  dir: string,
  depth: number,
  skipped: ReadonlySet<string>,
  paths: string[],
  context: Context,
): Promise<boolean> {
  const names = await context.options.files.list(dir);
  if (names === null) return true;
  if (depth > MAX_APP_DEPTH) return false;
  for (const name of [...names].sort()) {
    if (name.startsWith(".") || skipped.has(name)) continue;
    const path = join(dir, name);
    if (isSourceFile(name)) {
      paths.push(path);
      if (paths.length > MAX_APP_FILES) return false;
    } else if (!(await collect(path, depth + 1, skipped, paths, context))) {
      return false;
    }
  }
  return true;
}

function isSourceFile(name: string): boolean {
  if (/\.d\.[mc]?ts$/.test(name)) return false;
  return SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext));
}

// ---------------------------------------------------------------------------
// 3. The template file

/**
 * The line of the resource's key in its template (`"LogicalId": {` in JSON,
 * `LogicalId:` in YAML), when the template is a file of the repository that
 * git does not ignore — a synthesized `cdk.out` usually is ignored, and a
 * line in it is no line in the pull request. Exactly one occurrence, or null.
 */
async function fromTemplate(found: Found, context: Context): Promise<SourceLocation | null> {
  const path = resolve(context.workingDir, found.stack.templateFile);
  const file = repoRelative(context.repoRoot, path);
  // The repository root itself ("") is no template file.
  if (file === null || file === "" || (await context.isIgnored(file))) return null;
  const text = await context.read(path);
  if (text === null) return null;
  const id = found.resource.logicalId;
  // CloudFormation logical ids are alphanumeric: nothing to escape, in JSON or YAML.
  if (!/^[A-Za-z0-9]+$/.test(id)) return null;
  const pattern = text.trimStart().startsWith("{")
    ? new RegExp(String.raw`"${id}"\s*:\s*\{`, "g")
    : new RegExp(String.raw`^[ \t]*(["']?)${id}\1[ \t]*:[ \t]*(?:#.*)?$`, "gm");
  const matches = [...text.matchAll(pattern)];
  const only = matches.length === 1 ? matches[0] : undefined;
  return only === undefined ? null : { file, line: lineCount(text.slice(0, only.index)) };
}
