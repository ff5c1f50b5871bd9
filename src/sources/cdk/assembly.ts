/**
 * Reading a CDK cloud assembly (`cdk.out`, SPEC §2 "CDK assembly"):
 * `manifest.json`, every `aws:cloudformation:stack` artifact and its
 * template, nested assemblies (stages) and nested stacks, and the construct
 * metadata that ties logical ids back to construct paths and code.
 *
 * The manifest decides which files are read, so every path it names (a
 * nested assembly's directory, a template, a metadata file, an asset
 * manifest and the templates it lists) must stay inside the assembly
 * directory — by its text and, through symbolic links, by its real path.
 * Directories are read once each by their real path, so no arrangement of
 * links makes the reading loop or multiply. An artifact, template or
 * metadata entry that cannot be read stops the run (exit 2): it may hold keys.
 */
import { isAbsolute, join, resolve, sep } from "node:path";
import type { KeyReference, KeyTarget } from "../../model.js";
import { InputError } from "../../model.js";
import { jsonKind } from "../documents.js";
import { isJsonObject, type JsonObject, parseJson } from "../json.js";
import type { SourceFiles } from "../repo.js";
import { describeFound, own, pathTo, Shape } from "../shape.js";
import {
  type ConstructEntry,
  ConstructIndex,
  nestedStackPath,
  readMetadataMap,
} from "./metadata.js";
import { ParameterOverrides } from "./parameters.js";
import type { StackModel } from "./stack.js";
import {
  type ConstructInfo,
  nestedStackParameters,
  readTemplate,
  TEMPLATE_SECTIONS,
  type TemplateOptions,
  type TemplateStack,
  templateExports,
} from "./template.js";

/** What one assembly says: its stacks (nested ones after their parent) and their references. */
export interface CloudAssembly {
  stacks: StackModel[];
  references: KeyReference[];
  warnings: string[];
  /** What was left unresolved on purpose, for `--verbose`. */
  notes: string[];
}

export interface AssemblyOptions {
  /** `--parameter` values, looked up by each stack's name. */
  parameters?: ParameterOverrides;
  /**
   * The base branch's assembly (`--cdk-base`): an override of a parameter its
   * templates do not declare is one the change adds, and applies to the head only.
   */
  base?: boolean;
}

/**
 * The newest manifest schema this version has been checked against
 * (`aws-cdk-lib` 2.276 writes 55.0.0). The schema only grows, so a newer one
 * is read the same way, with a warning.
 */
export const NEWEST_MANIFEST_MAJOR = 55;

/**
 * Stages nest in stages a level or two deep in real apps (a CDK Pipelines
 * app: one). The CDK builds each nested assembly inside its parent's
 * directory and names it after every stage above it, so eight levels already
 * make paths hundreds of characters long. A deeper assembly is refused, not
 * skipped: what it holds could be keys. (Cycles are caught by real path
 * first; this bounds a long chain of distinct directories.)
 */
export const MAX_ASSEMBLY_DEPTH = 8;

// CloudFormation allows nested stacks within nested stacks without a stated
// limit; real CDK apps go two or three deep. Deeper is refused, like assemblies.
export const MAX_NESTED_STACK_DEPTH = 8;

/**
 * Nested stacks of one class share one template file (the CDK writes identical
 * templates once), so each is read as often as stacks deploy it, and a few
 * templates that each deploy several others could make millions of stacks
 * within the depth bound. CloudFormation's default quota is 2,000 stacks per
 * account and region; an assembly that nests more is refused, not cut short.
 */
export const MAX_NESTED_STACKS = 2_000;

const TEMPLATE_HINT =
  "this is not a template as the CDK writes it: synthesize the assembly again (cdk synth)";
const MANIFEST_HINT =
  "this is not a manifest as the CDK writes it: synthesize the assembly again (cdk synth)";
const METADATA_HINT =
  "this is not construct metadata as the CDK writes it: synthesize the assembly again (cdk synth)";
const ASSET_HINT =
  "this is not an asset manifest as the CDK writes it: synthesize the assembly again (cdk synth)";

const MANIFEST = "manifest.json";
const STACK_ARTIFACT = "aws:cloudformation:stack";
const NESTED_ASSEMBLY_ARTIFACT = "cdk:cloud-assembly";
const ASSET_MANIFEST_ARTIFACT = "cdk:asset-manifest";
const NESTED_STACK_TYPE = "AWS::CloudFormation::Stack";
const TEMPLATE_JSON = "a CloudFormation template (JSON)";

// Sections whose keys are entries: a repeated key would drop one.
const MANIFEST_SECTIONS = ["artifacts"];

/**
 * True for a directory holding a cloud assembly: a `manifest.json` that is
 * an object with `artifacts`. Never throws.
 */
export async function isCloudAssemblyDir(dir: string, files: SourceFiles): Promise<boolean> {
  const text = await files.readText(join(dir, MANIFEST));
  if (text === null) return false;
  try {
    const manifest: unknown = JSON.parse(text);
    return isJsonObject(manifest) && isJsonObject(manifest.artifacts);
  } catch {
    return false;
  }
}

/**
 * Reads a cloud assembly directory, of any manifest schema version (0.x to 55).
 *
 * Each reference's `file` is the template path as the user would see it:
 * `dir` joined with the template's name.
 *
 * @throws InputError naming the path: no manifest, a manifest of the wrong
 *   shape, a missing template or metadata file, a template that is not JSON,
 *   a path that leaves the assembly directory, assemblies or nested stacks
 *   nested too deep.
 */
export async function readCloudAssembly(
  dir: string,
  files: SourceFiles,
  options: AssemblyOptions = {},
): Promise<CloudAssembly> {
  const root = resolve(dir);
  const realRoot = (await files.realPath?.(root)) ?? root;
  const reader = new AssemblyReader(files, dir, root, realRoot);
  await reader.readAssembly(dir, 0);
  return reader.finish(options.parameters ?? new ParameterOverrides(), options.base ?? false);
}

/** A template read from the assembly, waiting for the exports of all the others. */
interface LoadedTemplate {
  doc: JsonObject;
  file: string;
  stack: TemplateStack;
  constructs: Map<string, ConstructInfo>;
  /** For a nested stack: the template that deploys it, and the resource that does. */
  parent: { template: LoadedTemplate; logicalId: string } | null;
}

/** The stack artifact a nested stack is read for. */
interface StackContext {
  dir: string;
  /** The artifact's id, for messages. */
  id: string;
  index: ConstructIndex;
  assets: AssetFiles;
}

/**
 * Where the manifest's paths may lead: the assembly directory as the user
 * named it (for messages), resolved, and its real path.
 */
class AssemblyRoot {
  constructor(
    private readonly files: SourceFiles,
    readonly shown: string,
    private readonly resolved: string,
    private readonly real: string,
  ) {}

  /**
   * `relative` joined to `dir` (a directory of the assembly), when it stays
   * inside the assembly directory, by its text and by its real path.
   *
   * @param shape and `path`: the file and JSON path that name `relative`, for the error.
   */
  async inside(dir: string, relative: string, shape: Shape, path: string): Promise<string> {
    const joined = join(dir, relative);
    if (isAbsolute(relative) || !within(this.resolved, resolve(joined))) {
      shape.refuse(
        path,
        `${JSON.stringify(relative)} leads out of the assembly directory ${this.shown}; an assembly only names files inside it`,
      );
    }
    const real = await this.realPath(joined);
    if (real !== null && !within(this.real, real)) {
      shape.refuse(
        path,
        `${JSON.stringify(relative)} leads out of the assembly directory ${this.shown} through a symbolic link (to ${real}); an assembly only names files inside it`,
      );
    }
    return joined;
  }

  /** The real path of a file or directory of the assembly; null when there is none. */
  async realPath(path: string): Promise<string | null> {
    if (this.files.realPath === undefined) return resolve(path);
    return this.files.realPath(path);
  }
}

/** True when `path` is `root` or below it (both absolute and normalized). */
function within(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

class AssemblyReader {
  private readonly loaded: LoadedTemplate[] = [];
  private readonly warnings: string[] = [];
  /** Real path → the path it was first read as: each directory is read once. */
  private readonly visitedDirs = new Map<string, string>();
  /** Templates by real path: a template that several nested stacks share is parsed once. */
  private readonly templates = new Map<string, JsonObject>();
  private nestedStacks = 0;
  private readonly root: AssemblyRoot;

  constructor(
    private readonly files: SourceFiles,
    shownRoot: string,
    resolvedRoot: string,
    realRoot: string,
  ) {
    this.root = new AssemblyRoot(files, shownRoot, resolvedRoot, realRoot);
  }

  async readAssembly(dir: string, depth: number): Promise<void> {
    this.visitedDirs.set((await this.root.realPath(dir)) ?? resolve(dir), dir);
    const manifestPath = join(dir, MANIFEST);
    const manifest = await this.readManifest(dir, manifestPath);
    const shape = new Shape(manifestPath, MANIFEST_HINT);
    const artifacts = isJsonObject(manifest.artifacts) ? manifest.artifacts : {};
    const assets = new AssetFiles(dir, artifacts, this.files, this.root, shape);
    for (const id of Object.keys(artifacts)) {
      const path = pathTo("artifacts", id);
      const artifact = shape.object(artifacts[id], path, "an artifact ({type, properties})");
      const type = shape.text(own(artifact, "type"), pathTo(path, "type"), "an artifact type");
      if (type === STACK_ARTIFACT) {
        await this.readStack(dir, shape, id, artifact, assets);
      } else if (type === NESTED_ASSEMBLY_ARTIFACT) {
        await this.readNestedAssembly(dir, shape, id, artifact, depth);
      }
    }
  }

  /** Every template's references, each template reading the keys the others export. */
  finish(overrides: ParameterOverrides, base: boolean): CloudAssembly {
    const valuesOf = new Map(
      this.loaded.map((template) => [template, overrides.forStack(template.stack.name)]),
    );
    const exports = exportsByEnvironment(this.loaded, valuesOf, base);
    const stacks: StackModel[] = [];
    const references: KeyReference[] = [];
    const warnings = [...this.warnings];
    const notes = new Set<string>();
    // Parents are loaded before their nested stacks, so a parent's options are here first.
    const optionsOf = new Map<LoadedTemplate, TemplateOptions>();
    for (const template of this.loaded) {
      // Fn::ImportValue reaches exports of the same account and region only.
      const environment = exports.get(environmentKey(template.stack));
      const options: TemplateOptions = {
        source: "cdk-assembly",
        constructs: template.constructs,
        imports: environment?.keys ?? new Map(),
        exportNames: environment?.names ?? new Set(),
        parameters: parametersOf(template, optionsOf),
        parameterValues: valuesOf.get(template) ?? new Map(),
        base,
      };
      optionsOf.set(template, options);
      const result = readTemplate(template.doc, template.file, template.stack, options);
      stacks.push(result.stack);
      references.push(...result.references);
      warnings.push(...result.warnings.map((warning) => `${template.file}: ${warning}`));
      for (const note of result.notes) notes.add(`${template.file}: ${note}`);
    }
    return { stacks, references, warnings, notes: [...notes] };
  }

  private async readManifest(dir: string, manifestPath: string): Promise<JsonObject> {
    const text = await this.files.readText(manifestPath);
    if (text === null) {
      const isDir = (await this.files.list(dir)) !== null;
      throw new InputError(
        isDir
          ? `no ${MANIFEST} in this directory: expected a CDK cloud assembly (the cdk.out directory \`cdk synth\` writes)`
          : "no such directory: expected a CDK cloud assembly (the cdk.out directory `cdk synth` writes)",
        isDir ? manifestPath : dir,
      );
    }
    const manifest = parseJson(text, manifestPath, "a CDK cloud assembly manifest", {
      sections: MANIFEST_SECTIONS,
    });
    const version = isJsonObject(manifest) ? manifest.version : undefined;
    const artifacts = isJsonObject(manifest) ? manifest.artifacts : undefined;
    if (
      !isJsonObject(manifest) ||
      typeof version !== "string" ||
      (artifacts !== undefined && !isJsonObject(artifacts))
    ) {
      throw new InputError(
        `not a CDK cloud assembly manifest: expected an object with a "version" string and an "artifacts" object (${describeManifest(manifest)})`,
        manifestPath,
      );
    }
    const major = Number(/^(\d+)\./.exec(version)?.[1] ?? Number.NaN);
    if (major > NEWEST_MANIFEST_MAJOR) {
      this.warnings.push(
        `${manifestPath}: manifest version ${version} is newer than the newest this version of kms-usage-lint knows (${NEWEST_MANIFEST_MAJOR}.x); read as that`,
      );
    }
    return manifest;
  }

  private async readStack(
    dir: string,
    shape: Shape,
    id: string,
    artifact: JsonObject,
    assets: AssetFiles,
  ): Promise<void> {
    const path = pathTo("artifacts", id);
    const propertiesPath = pathTo(path, "properties");
    const properties = shape.object(
      own(artifact, "properties"),
      propertiesPath,
      "the stack's properties (an object with templateFile)",
    );
    const templateFile = shape.text(
      own(properties, "templateFile"),
      pathTo(propertiesPath, "templateFile"),
      "the stack's template file (a string)",
    );
    const stackName = shape.nullableText(
      own(properties, "stackName"),
      pathTo(propertiesPath, "stackName"),
      "a stack name",
    );
    const environment = own(artifact, "environment");
    // No environment at all is an environment-agnostic stack, as `unknown-account` is.
    const env =
      environment === undefined
        ? null
        : (parseEnvironment(environment) ??
          shape.fail(pathTo(path, "environment"), "aws://ACCOUNT/REGION", environment));
    const stack: TemplateStack = {
      // The CDK writes stackName only when it differs from the artifact id.
      name: stackName ?? id,
      account: env?.account ?? null,
      region: env?.region ?? null,
      artifactId: id,
      parent: null,
    };
    const metadata = own(artifact, "metadata");
    const entries = [
      ...(metadata === undefined ? [] : readMetadataMap(metadata, shape, pathTo(path, "metadata"))),
      ...(await this.readMetadataFile(dir, shape, id, own(artifact, "additionalMetadataFile"))),
    ];
    const index = new ConstructIndex(entries, templateFile);
    const file = await this.root.inside(
      dir,
      templateFile,
      shape,
      pathTo(propertiesPath, "templateFile"),
    );
    const doc = await this.readTemplateFile(file, `stack artifact ${JSON.stringify(id)}`);
    const real = (await this.root.realPath(file)) ?? resolve(file);
    const loaded: LoadedTemplate = {
      doc,
      file,
      stack,
      constructs: index.constructs(null),
      parent: null,
    };
    this.loaded.push(loaded);
    await this.readNestedStacks(loaded, null, { dir, id, index, assets }, [real]);
  }

  private async readMetadataFile(
    dir: string,
    shape: Shape,
    id: string,
    file: unknown,
  ): Promise<ConstructEntry[]> {
    const at = pathTo(pathTo("artifacts", id), "additionalMetadataFile");
    const name = shape.nullableText(file, at, "a metadata file name");
    if (name === null) return [];
    const path = await this.root.inside(dir, name, shape, at);
    const text = await this.files.readText(path);
    if (text === null) {
      throw new InputError(
        `the metadata file of stack artifact ${JSON.stringify(id)} (its additionalMetadataFile) does not exist`,
        path,
      );
    }
    const doc = parseJson(text, path, "CDK construct metadata (JSON)");
    return readMetadataMap(doc, new Shape(path, METADATA_HINT), "");
  }

  private async readTemplateFile(path: string, owner: string): Promise<JsonObject> {
    const real = (await this.root.realPath(path)) ?? resolve(path);
    const read = this.templates.get(real);
    if (read !== undefined) return read;
    const doc = await this.parseTemplateFile(path, owner);
    this.templates.set(real, doc);
    return doc;
  }

  private async parseTemplateFile(path: string, owner: string): Promise<JsonObject> {
    const text = await this.files.readText(path);
    if (text === null) {
      throw new InputError(`the template of ${owner} does not exist`, path);
    }
    const doc = parseJson(text, path, TEMPLATE_JSON, { sections: TEMPLATE_SECTIONS });
    if (!isJsonObject(doc)) {
      throw new InputError(`the file holds ${jsonKind(doc)}; expected ${TEMPLATE_JSON}`, path);
    }
    return doc;
  }

  /**
   * The nested stacks a template deploys: `AWS::CloudFormation::Stack`
   * resources, each read from its template in the assembly; one whose
   * template is not there stops the run.
   *
   * @param root the construct path of the nested stack `doc` belongs to; null for the artifact's own template.
   * @param ancestors the real paths of the templates from the artifact's own down to this one.
   */
  private async readNestedStacks(
    template: LoadedTemplate,
    root: string | null,
    context: StackContext,
    ancestors: readonly string[],
  ): Promise<void> {
    const { doc, stack: parent } = template;
    // The template was checked when it was read: Resources is an object of objects.
    const resources = isJsonObject(doc.Resources) ? doc.Resources : {};
    const shape = new Shape(template.file, TEMPLATE_HINT);
    for (const logicalId of Object.keys(resources)) {
      const resource = resources[logicalId];
      if (!isJsonObject(resource) || resource.Type !== NESTED_STACK_TYPE) continue;
      const resourcePath = pathTo("Resources", logicalId);
      const constructPath =
        context.index.constructs(root).get(logicalId)?.path ?? cdkPath(resource.Metadata);
      const nestedRoot = constructPath === null ? null : nestedStackPath(constructPath);
      const fromAsset = assetPath(resource.Metadata);
      const fromIndex = nestedRoot === null ? null : context.index.templateFile(nestedRoot);
      const fromUrl =
        fromAsset === null && fromIndex === null
          ? await context.assets.templateOf(resource.Properties)
          : null;
      const templateFile = fromAsset ?? fromIndex ?? fromUrl?.file ?? null;
      if (templateFile === null) {
        // Its keys, and the keys the change removes from it, would go unseen (SPEC §10).
        throw new InputError(
          `${pathTo(pathTo(resourcePath, "Properties"), "TemplateURL")}: nested stack ${parent.name}/${logicalId} (of stack artifact ${JSON.stringify(context.id)} in ${join(context.dir, MANIFEST)}) is deployed from a template outside the assembly (${templateUrlOf(resource.Properties)}), which cannot be read, so the keys it holds cannot be checked. Make its template part of the app (a cdk.NestedStack, or CfnInclude with loadNestedStacks), so that cdk synth writes it into the assembly`,
          template.file,
        );
      }
      // Where the template's name came from: that file and path are the ones to fix.
      const [namer, namedAt] =
        fromAsset !== null
          ? [shape, pathTo(pathTo(resourcePath, "Metadata"), "aws:asset:path")]
          : fromIndex !== null
            ? [
                new Shape(template.file, TEMPLATE_HINT),
                `${pathTo(resourcePath, "Metadata")} (the construct metadata's aws:cdk:templateFile of stack artifact ${JSON.stringify(context.id)})`,
              ]
            : (fromUrl?.namedBy ?? [shape, resourcePath]);
      const file = await this.root.inside(context.dir, templateFile, namer, namedAt);
      if (ancestors.length > MAX_NESTED_STACK_DEPTH) {
        shape.refuse(
          resourcePath,
          `nested stacks nested more than ${MAX_NESTED_STACK_DEPTH} deep; the tool reads ${MAX_NESTED_STACK_DEPTH} levels`,
        );
      }
      const real = (await this.root.realPath(file)) ?? resolve(file);
      // Only a template on the way down is a cycle: siblings that share one
      // template (nested stacks of one class) are stacks of their own.
      if (ancestors.includes(real)) {
        shape.refuse(
          resourcePath,
          `nested stack ${parent.name}/${logicalId} is deployed from ${file}, the template of the stack itself or of a stack it is nested in; CloudFormation would nest it without end`,
        );
      }
      if (++this.nestedStacks > MAX_NESTED_STACKS) {
        shape.refuse(
          resourcePath,
          `more than ${MAX_NESTED_STACKS} nested stacks in the assembly; the tool reads ${MAX_NESTED_STACKS}`,
        );
      }
      const nestedDoc = await this.readTemplateFile(
        file,
        `nested stack ${parent.name}/${logicalId}`,
      );
      const stack: TemplateStack = {
        // CloudFormation names a nested stack at deploy time
        // (`<parent>-<logicalId>-<random suffix>`); until the parent's
        // deployed resources say which, this placeholder stands for it.
        name: `${parent.name}-${logicalId}`,
        account: parent.account,
        region: parent.region,
        artifactId: `${parent.artifactId ?? parent.name}/${logicalId}`,
        parent: { stack: parent.name, logicalId, parent: parent.parent ?? null },
      };
      const constructs = nestedRoot === null ? new Map() : context.index.constructs(nestedRoot);
      const nested: LoadedTemplate = {
        doc: nestedDoc,
        file,
        stack,
        constructs,
        parent: { template, logicalId },
      };
      this.loaded.push(nested);
      await this.readNestedStacks(nested, nestedRoot, context, [...ancestors, real]);
    }
  }

  private async readNestedAssembly(
    dir: string,
    shape: Shape,
    id: string,
    artifact: JsonObject,
    depth: number,
  ): Promise<void> {
    const path = pathTo("artifacts", id);
    const properties = shape.object(
      own(artifact, "properties"),
      pathTo(path, "properties"),
      "the nested assembly's properties (an object with directoryName)",
    );
    const at = pathTo(pathTo(path, "properties"), "directoryName");
    const directoryName = shape.text(
      own(properties, "directoryName"),
      at,
      "the nested assembly's directory (a string)",
    );
    const nested = await this.root.inside(dir, directoryName, shape, at);
    const real = (await this.root.realPath(nested)) ?? resolve(nested);
    const readAs = this.visitedDirs.get(real);
    if (readAs !== undefined) {
      // A directory reached a second way (a link, `.`, a cycle): its stacks are read already.
      this.warnings.push(
        `${shape.file}: nested assembly ${JSON.stringify(id)} (${nested}) is ${readAs}, read already; not read again`,
      );
      return;
    }
    if (depth + 1 > MAX_ASSEMBLY_DEPTH) {
      shape.refuse(
        at,
        `nested assemblies nested more than ${MAX_ASSEMBLY_DEPTH} deep; the tool reads ${MAX_ASSEMBLY_DEPTH} levels`,
      );
    }
    await this.readAssembly(nested, depth + 1);
  }
}

/** A nested stack template found through an asset manifest, and where its name is written. */
interface AssetTemplate {
  file: string;
  namedBy: [Shape, string];
}

/**
 * The template files of an assembly's asset manifests, by asset hash: a
 * nested stack's `TemplateURL` names its template only by that hash. Read
 * on first use, once per assembly directory; an asset manifest that cannot
 * be read then stops the run, since a nested stack's template may be in it.
 */
class AssetFiles {
  private sources: Map<string, AssetTemplate> | null = null;

  constructor(
    private readonly dir: string,
    private readonly artifacts: JsonObject,
    private readonly files: SourceFiles,
    private readonly root: AssemblyRoot,
    private readonly manifest: Shape,
  ) {}

  /** The template file a nested stack's `TemplateURL` names, or null. */
  async templateOf(properties: unknown): Promise<AssetTemplate | null> {
    const url = isJsonObject(properties) ? properties.TemplateURL : undefined;
    const hash = assetHash(url);
    if (hash === null) return null;
    this.sources ??= await this.load();
    return this.sources.get(hash) ?? null;
  }

  private async load(): Promise<Map<string, AssetTemplate>> {
    const sources = new Map<string, AssetTemplate>();
    for (const id of Object.keys(this.artifacts)) {
      const artifact = this.artifacts[id];
      if (!isJsonObject(artifact) || artifact.type !== ASSET_MANIFEST_ARTIFACT) continue;
      const at = pathTo(pathTo(pathTo("artifacts", id), "properties"), "file");
      const properties = isJsonObject(artifact.properties) ? artifact.properties : {};
      const name = this.manifest.text(own(properties, "file"), at, "the asset manifest's file");
      const path = await this.root.inside(this.dir, name, this.manifest, at);
      const text = await this.files.readText(path);
      if (text === null) {
        throw new InputError(
          `the asset manifest of artifact ${JSON.stringify(id)} does not exist; nested stack templates are found through it`,
          path,
        );
      }
      const shape = new Shape(path, ASSET_HINT);
      const doc = shape.object(
        parseJson(text, path, "a CDK asset manifest (JSON)"),
        "",
        "an object",
      );
      const entries = shape.sectionObject(doc, "files", "files", "an object of file assets") ?? {};
      for (const hash of Object.keys(entries)) {
        const entryPath = pathTo("files", hash);
        const entry = shape.object(
          entries[hash],
          entryPath,
          "a file asset ({source, destinations})",
        );
        const sourcePath = pathTo(entryPath, "source");
        const source = shape.object(own(entry, "source"), sourcePath, "the asset's source");
        // An asset built by a command has `executable` instead of a path.
        const file = shape.nullableText(own(source, "path"), pathTo(sourcePath, "path"), "a path");
        if (file !== null) {
          sources.set(hash, { file, namedBy: [shape, pathTo(sourcePath, "path")] });
        }
      }
    }
    return sources;
  }
}

// A file asset's S3 object key: its SHA-256 and the extension.
const ASSET_KEY_RE = /([0-9a-f]{64})\.json$/;

/** The asset hash in a `TemplateURL`: a string, or the pieces of a `Fn::Join`. */
function assetHash(url: unknown): string | null {
  if (typeof url === "string") return ASSET_KEY_RE.exec(url)?.[1] ?? null;
  const join = isJsonObject(url) ? url["Fn::Join"] : undefined;
  const parts = Array.isArray(join) && Array.isArray(join[1]) ? join[1] : [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (typeof part === "string") return ASSET_KEY_RE.exec(part)?.[1] ?? null;
  }
  return null;
}

/** A nested stack's `TemplateURL` for a message: the URL, or what stands in its place. */
function templateUrlOf(properties: unknown): string {
  const url = isJsonObject(properties) ? own(properties, "TemplateURL") : undefined;
  const hash = assetHash(url);
  if (hash !== null) return `file asset ${hash}, which no asset manifest of the assembly lists`;
  if (typeof url === "string") return describeFound(url);
  return url === undefined ? "no TemplateURL" : "a TemplateURL built by an expression";
}

/** `Metadata["aws:asset:path"]`, which `cdk synth` writes on a nested stack resource. */
function assetPath(metadata: unknown): string | null {
  const path = isJsonObject(metadata) ? metadata["aws:asset:path"] : undefined;
  return typeof path === "string" && path !== "" ? path : null;
}

function cdkPath(metadata: unknown): string | null {
  const path = isJsonObject(metadata) ? metadata["aws:cdk:path"] : undefined;
  return typeof path === "string" && path !== "" ? path : null;
}

const ENVIRONMENT_RE = /^aws:\/\/([^/]+)\/([^/]+)$/;

/**
 * `aws://ACCOUNT/REGION`, with `unknown-account` and `unknown-region` (an
 * environment-agnostic stack) as null; null for anything else.
 */
export function parseEnvironment(
  environment: unknown,
): { account: string | null; region: string | null } | null {
  const m = typeof environment === "string" ? ENVIRONMENT_RE.exec(environment) : null;
  if (m === null) return null;
  const [, account, region] = m;
  return {
    account: account === "unknown-account" ? null : (account ?? null),
    region: region === "unknown-region" ? null : (region ?? null),
  };
}

/** What the stacks of one environment export: every name, and the keys under each that holds some. */
interface Exports {
  names: Set<string>;
  keys: Map<string, readonly KeyTarget[]>;
}

/** What every template exports, by environment (`ACCOUNT/REGION`). */
function exportsByEnvironment(
  templates: readonly LoadedTemplate[],
  valuesOf: ReadonlyMap<LoadedTemplate, ReadonlyMap<string, string>>,
  base: boolean,
): Map<string, Exports> {
  const exports = new Map<string, Exports>();
  for (const template of templates) {
    const { doc, file, stack } = template;
    const env = environmentKey(stack);
    const found = exports.get(env) ?? { names: new Set<string>(), keys: new Map() };
    exports.set(env, found);
    const outputs = isJsonObject(doc.Outputs) ? doc.Outputs : {};
    for (const output of Object.values(outputs)) {
      const name = isJsonObject(output) && isJsonObject(output.Export) ? output.Export.Name : null;
      if (typeof name === "string") found.names.add(name);
    }
    const options: TemplateOptions = {
      source: "cdk-assembly",
      parameterValues: valuesOf.get(template) ?? new Map(),
      base,
    };
    for (const [name, targets] of templateExports(doc, file, stack, options)) {
      found.keys.set(name, targets);
    }
  }
  return exports;
}

/** The keys a nested stack's parent passes into its parameters. */
function parametersOf(
  template: LoadedTemplate,
  optionsOf: ReadonlyMap<LoadedTemplate, TemplateOptions>,
): Map<string, KeyTarget[]> {
  const parent = template.parent;
  if (parent === null) return new Map();
  const { doc, file, stack } = parent.template;
  const options = optionsOf.get(parent.template) ?? {};
  return nestedStackParameters(doc, file, stack, options, parent.logicalId);
}

function environmentKey(stack: TemplateStack): string {
  return `${stack.account ?? "?"}/${stack.region ?? "?"}`;
}

function describeManifest(manifest: unknown): string {
  if (!isJsonObject(manifest)) return `the file holds ${jsonKind(manifest)}`;
  const keys = Object.keys(manifest)
    .slice(0, 5)
    .map((key) => JSON.stringify(key));
  return keys.length === 0 ? "the object is empty" : `it has ${keys.join(", ")}`;
}
