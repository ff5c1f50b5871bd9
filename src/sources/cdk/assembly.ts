/**
 * Reading a CDK cloud assembly (`cdk.out`, SPEC §2 "CDK assembly"):
 * `manifest.json`, every `aws:cloudformation:stack` artifact and its
 * template, nested assemblies (stages) and nested stacks, and the construct
 * metadata that ties logical ids back to construct paths and code.
 */
import { join, normalize } from "node:path";
import type { KeyReference, KeyTarget } from "../../model.js";
import { InputError } from "../../model.js";
import { isJsonObject, type JsonObject, parseJson } from "../json.js";
import type { SourceFiles } from "../repo.js";
import { jsonKind } from "../terraform/documents.js";
import {
  type ConstructEntry,
  ConstructIndex,
  nestedStackPath,
  readMetadataMap,
} from "./metadata.js";
import type { StackModel } from "./stack.js";
import {
  type ConstructInfo,
  nestedStackParameters,
  readTemplate,
  type TemplateOptions,
  type TemplateStack,
  templateExports,
} from "./template.js";

/** What one assembly says: its stacks (nested ones after their parent) and their references. */
export interface CloudAssembly {
  stacks: StackModel[];
  references: KeyReference[];
  warnings: string[];
}

/**
 * The newest manifest schema this version has been checked against
 * (`aws-cdk-lib` 2.276 writes 55.0.0). The schema only grows, so a newer one
 * is read the same way, with a warning.
 */
export const NEWEST_MANIFEST_MAJOR = 55;

// Stages nest in stages a level or two deep in real apps; the bound stops a
// manifest whose `directoryName` leads back up the tree.
export const MAX_ASSEMBLY_DEPTH = 8;

// CloudFormation allows nested stacks within nested stacks without a stated
// limit; real CDK apps go two or three deep. The bound stops a template cycle.
export const MAX_NESTED_STACK_DEPTH = 8;

const MANIFEST = "manifest.json";
const STACK_ARTIFACT = "aws:cloudformation:stack";
const NESTED_ASSEMBLY_ARTIFACT = "cdk:cloud-assembly";
const ASSET_MANIFEST_ARTIFACT = "cdk:asset-manifest";
const NESTED_STACK_TYPE = "AWS::CloudFormation::Stack";
const TEMPLATE_JSON = "a CloudFormation template (JSON)";

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
 *   shape, a missing template or metadata file, a template that is not JSON.
 */
export async function readCloudAssembly(dir: string, files: SourceFiles): Promise<CloudAssembly> {
  const reader = new AssemblyReader(files);
  await reader.readAssembly(dir, 0);
  return reader.finish();
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
  index: ConstructIndex;
  assets: AssetFiles;
}

class AssemblyReader {
  private readonly loaded: LoadedTemplate[] = [];
  private readonly warnings: string[] = [];
  private readonly visitedDirs = new Set<string>();
  private readonly seenTemplates = new Set<string>();

  constructor(private readonly files: SourceFiles) {}

  async readAssembly(dir: string, depth: number): Promise<void> {
    this.visitedDirs.add(normalize(dir));
    const manifestPath = join(dir, MANIFEST);
    const manifest = await this.readManifest(dir, manifestPath);
    const artifacts = isJsonObject(manifest.artifacts) ? manifest.artifacts : {};
    const assets = new AssetFiles(dir, artifacts, this.files, (m) => this.warnings.push(m));
    for (const id of Object.keys(artifacts)) {
      const artifact = artifacts[id];
      if (!isJsonObject(artifact)) {
        this.warnings.push(
          `${manifestPath}: artifact ${JSON.stringify(id)} is ${jsonKind(artifact)}; skipped`,
        );
        continue;
      }
      if (artifact.type === STACK_ARTIFACT) {
        await this.readStack(dir, manifestPath, id, artifact, assets);
      } else if (artifact.type === NESTED_ASSEMBLY_ARTIFACT) {
        await this.readNestedAssembly(dir, manifestPath, id, artifact, depth);
      }
    }
  }

  /** Every template's references, each template reading the keys the others export. */
  finish(): CloudAssembly {
    const exports = exportsByEnvironment(this.loaded);
    const stacks: StackModel[] = [];
    const references: KeyReference[] = [];
    const warnings = [...this.warnings];
    // Parents are loaded before their nested stacks, so a parent's options are here first.
    const optionsOf = new Map<LoadedTemplate, TemplateOptions>();
    for (const template of this.loaded) {
      const options: TemplateOptions = {
        source: "cdk-assembly",
        constructs: template.constructs,
        // Fn::ImportValue reaches exports of the same account and region only.
        imports: exports.get(environmentKey(template.stack)) ?? new Map(),
        parameters: parametersOf(template, optionsOf),
      };
      optionsOf.set(template, options);
      const result = readTemplate(template.doc, template.file, template.stack, options);
      stacks.push(result.stack);
      references.push(...result.references);
      warnings.push(...result.warnings.map((warning) => `${template.file}: ${warning}`));
    }
    return { stacks, references, warnings };
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
    const manifest = parseJson(text, manifestPath, "a CDK cloud assembly manifest");
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
    manifestPath: string,
    id: string,
    artifact: JsonObject,
    assets: AssetFiles,
  ): Promise<void> {
    const properties = isJsonObject(artifact.properties) ? artifact.properties : {};
    const templateFile = properties.templateFile;
    if (typeof templateFile !== "string" || templateFile === "") {
      throw new InputError(
        `stack artifact ${JSON.stringify(id)} has no properties.templateFile`,
        manifestPath,
      );
    }
    const stackName = properties.stackName;
    const env = parseEnvironment(artifact.environment);
    // No environment at all is an environment-agnostic stack, as `unknown-account` is.
    if (env === null && artifact.environment !== undefined) {
      this.warnings.push(
        `${manifestPath}: stack artifact ${JSON.stringify(id)} has environment ${JSON.stringify(artifact.environment)}, not aws://ACCOUNT/REGION; its account and region are unknown`,
      );
    }
    const stack: TemplateStack = {
      // The CDK writes stackName only when it differs from the artifact id.
      name: typeof stackName === "string" && stackName !== "" ? stackName : id,
      account: env?.account ?? null,
      region: env?.region ?? null,
      artifactId: id,
      parent: null,
    };
    const entries = [
      ...readMetadataMap(artifact.metadata),
      ...(await this.readMetadataFile(dir, id, artifact.additionalMetadataFile)),
    ];
    const index = new ConstructIndex(entries, templateFile);
    const file = join(dir, templateFile);
    const doc = await this.readTemplateFile(file, `stack artifact ${JSON.stringify(id)}`);
    this.seenTemplates.add(normalize(file));
    const loaded: LoadedTemplate = {
      doc,
      file,
      stack,
      constructs: index.constructs(null),
      parent: null,
    };
    this.loaded.push(loaded);
    await this.readNestedStacks(loaded, null, { dir, index, assets }, 1);
  }

  private async readMetadataFile(
    dir: string,
    id: string,
    file: unknown,
  ): Promise<ConstructEntry[]> {
    if (typeof file !== "string" || file === "") return [];
    const path = join(dir, file);
    const text = await this.files.readText(path);
    if (text === null) {
      throw new InputError(
        `the metadata file of stack artifact ${JSON.stringify(id)} (its additionalMetadataFile) does not exist`,
        path,
      );
    }
    return readMetadataMap(parseJson(text, path, "CDK construct metadata (JSON)"));
  }

  private async readTemplateFile(path: string, owner: string): Promise<JsonObject> {
    const text = await this.files.readText(path);
    if (text === null) {
      throw new InputError(`the template of ${owner} does not exist`, path);
    }
    const doc = parseJson(text, path, TEMPLATE_JSON);
    if (!isJsonObject(doc)) {
      throw new InputError(`the file holds ${jsonKind(doc)}; expected ${TEMPLATE_JSON}`, path);
    }
    return doc;
  }

  /**
   * The nested stacks a template deploys: `AWS::CloudFormation::Stack`
   * resources whose template is in the assembly.
   *
   * @param root the construct path of the nested stack `doc` belongs to; null for the artifact's own template.
   */
  private async readNestedStacks(
    template: LoadedTemplate,
    root: string | null,
    context: StackContext,
    depth: number,
  ): Promise<void> {
    const { doc, stack: parent } = template;
    const resources = isJsonObject(doc.Resources) ? doc.Resources : {};
    for (const logicalId of Object.keys(resources)) {
      const resource = resources[logicalId];
      if (!isJsonObject(resource) || resource.Type !== NESTED_STACK_TYPE) continue;
      const constructPath =
        context.index.constructs(root).get(logicalId)?.path ?? cdkPath(resource.Metadata);
      const nestedRoot = constructPath === null ? null : nestedStackPath(constructPath);
      const templateFile =
        assetPath(resource.Metadata) ??
        (nestedRoot === null ? null : context.index.templateFile(nestedRoot)) ??
        (await context.assets.templateOf(resource.Properties));
      if (templateFile === null) {
        // A stack deployed from a URL outside the assembly: nothing here to read.
        continue;
      }
      const file = join(context.dir, templateFile);
      if (depth > MAX_NESTED_STACK_DEPTH || this.seenTemplates.has(normalize(file))) {
        this.warnings.push(
          `${file}: nested stack ${parent.name}/${logicalId} is nested more than ${MAX_NESTED_STACK_DEPTH} deep or repeats a template; not read again`,
        );
        continue;
      }
      this.seenTemplates.add(normalize(file));
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
        parent: { stack: parent.name, logicalId },
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
      await this.readNestedStacks(nested, nestedRoot, context, depth + 1);
    }
  }

  private async readNestedAssembly(
    dir: string,
    manifestPath: string,
    id: string,
    artifact: JsonObject,
    depth: number,
  ): Promise<void> {
    const properties = isJsonObject(artifact.properties) ? artifact.properties : {};
    const directoryName = properties.directoryName;
    if (typeof directoryName !== "string" || directoryName === "") {
      throw new InputError(
        `nested assembly artifact ${JSON.stringify(id)} has no properties.directoryName`,
        manifestPath,
      );
    }
    const nested = join(dir, directoryName);
    if (depth + 1 > MAX_ASSEMBLY_DEPTH || this.visitedDirs.has(normalize(nested))) {
      this.warnings.push(
        `${manifestPath}: nested assembly ${JSON.stringify(id)} (${nested}) is nested more than ${MAX_ASSEMBLY_DEPTH} deep or was read already; not read again`,
      );
      return;
    }
    await this.readAssembly(nested, depth + 1);
  }
}

/**
 * The template files of an assembly's asset manifests, by asset hash: a
 * nested stack's `TemplateURL` names its template only by that hash. Read
 * on first use, once per assembly directory.
 */
class AssetFiles {
  private sources: Map<string, string> | null = null;

  constructor(
    private readonly dir: string,
    private readonly artifacts: JsonObject,
    private readonly files: SourceFiles,
    private readonly warn: (message: string) => void,
  ) {}

  /** The template file a nested stack's `TemplateURL` names, or null. */
  async templateOf(properties: unknown): Promise<string | null> {
    const url = isJsonObject(properties) ? properties.TemplateURL : undefined;
    const hash = assetHash(url);
    if (hash === null) return null;
    this.sources ??= await this.load();
    return this.sources.get(hash) ?? null;
  }

  private async load(): Promise<Map<string, string>> {
    const sources = new Map<string, string>();
    for (const id of Object.keys(this.artifacts)) {
      const artifact = this.artifacts[id];
      if (!isJsonObject(artifact) || artifact.type !== ASSET_MANIFEST_ARTIFACT) continue;
      const file = isJsonObject(artifact.properties) ? artifact.properties.file : undefined;
      if (typeof file !== "string") continue;
      const path = join(this.dir, file);
      const text = await this.files.readText(path);
      let doc: unknown = null;
      try {
        doc = text === null ? null : JSON.parse(text);
      } catch {
        doc = null;
      }
      const entries = isJsonObject(doc) && isJsonObject(doc.files) ? doc.files : null;
      if (entries === null) {
        // Only a fallback for finding nested templates: worth a warning, not the run.
        this.warn(
          `${path}: asset manifest missing or not readable; nested stack templates may be missed`,
        );
        continue;
      }
      for (const hash of Object.keys(entries)) {
        const entry = entries[hash];
        const source =
          isJsonObject(entry) && isJsonObject(entry.source) ? entry.source.path : undefined;
        if (typeof source === "string") sources.set(hash, source);
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

/** The keys every template exports, by environment (`ACCOUNT/REGION`) and export name. */
function exportsByEnvironment(
  templates: readonly LoadedTemplate[],
): Map<string, Map<string, readonly KeyTarget[]>> {
  const exports = new Map<string, Map<string, readonly KeyTarget[]>>();
  for (const { doc, file, stack } of templates) {
    const env = environmentKey(stack);
    const byName = exports.get(env) ?? new Map<string, readonly KeyTarget[]>();
    exports.set(env, byName);
    for (const [name, targets] of templateExports(doc, file, stack)) byName.set(name, targets);
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
