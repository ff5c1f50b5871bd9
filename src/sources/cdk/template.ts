/**
 * What one CloudFormation template says about KMS keys — a CDK stack's
 * template or a plain one (SPEC §2): the keys it declares, the aliases that
 * point at them, the resources and outputs that use them; and the
 * `StackModel` that change detection and code location read.
 */
import type { KeyReference, KeyTarget, SourceKind } from "../../model.js";
import { InputError } from "../../model.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { isAliasName, partitionOf } from "../key-ids.js";
import { jsonKind } from "../terraform/documents.js";
import { mentionsKey } from "../terraform/outputs.js";
import { makeReference, type ReferenceBase } from "../terraform/resources.js";
import { aliasNameTarget, type ResourcePlace } from "../terraform/scan.js";
import { findKeyTargets, type KeyNames } from "./intrinsics.js";
import type { StackModel, StackResource } from "./stack.js";

/** Resource types that declare a KMS key. */
export const CFN_KEY_TYPES: readonly string[] = ["AWS::KMS::Key", "AWS::KMS::ReplicaKey"];

export const CFN_ALIAS_TYPE = "AWS::KMS::Alias";

/** The sources a template is read for. */
export type TemplateSource = Extract<SourceKind, "cdk-assembly" | "cloudformation-template">;

/** The stack a template is (or will be) deployed as. */
export interface TemplateStack {
  /** The CloudFormation stack name. */
  name: string;
  account: string | null;
  region: string | null;
  /** The assembly artifact id; defaults to the template file. */
  artifactId?: string;
  parent?: StackModel["parent"];
}

/** What the assembly's metadata says of the construct behind one logical id. */
export interface ConstructInfo {
  /** `DataStack/DataKey/Resource`: the construct path, without the leading `/`. */
  path: string;
  /** `aws:cdk:creationStack` frames; empty when synthesized without stack traces. */
  creationStack: string[];
}

export interface TemplateOptions {
  /** Default `cloudformation-template`. */
  source?: TemplateSource;
  /** Construct metadata by logical id (manifest or `<Stack>.metadata.json`). */
  constructs?: ReadonlyMap<string, ConstructInfo>;
  /** Keys other stacks of the assembly export, by export name, for `Fn::ImportValue`. */
  imports?: ReadonlyMap<string, readonly KeyTarget[]>;
  /** For a nested stack: the keys its parent passes in, by parameter name. */
  parameters?: ReadonlyMap<string, readonly KeyTarget[]>;
}

export interface TemplateResult {
  stack: StackModel;
  references: KeyReference[];
  warnings: string[];
}

/**
 * True for a parsed CloudFormation template: `AWSTemplateFormatVersion`, or a
 * `Resources` object of resource objects. (CDK outputs, `{Stack: {Key: "value"}}`,
 * have string members, so a stack named `Resources` is not taken for one.)
 */
export function isCloudFormationTemplate(doc: unknown): doc is JsonObject {
  if (!isJsonObject(doc)) return false;
  if (typeof doc.AWSTemplateFormatVersion === "string") return true;
  const resources = doc.Resources;
  return isJsonObject(resources) && Object.values(resources).every(isJsonObject);
}

/**
 * Reads a parsed template.
 *
 * @param file the template file as the user would name it: every reference's `file`.
 * @throws InputError when `doc` is not an object or its `Resources` is not
 *   one; a single malformed resource is skipped with a warning.
 */
export function readTemplate(
  doc: unknown,
  file: string,
  stack: TemplateStack,
  options: TemplateOptions = {},
): TemplateResult {
  const template = templateObject(doc, file);
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const resources = readResources(template, options.constructs, warn);
  const model: StackModel = {
    name: stack.name,
    artifactId: stack.artifactId ?? file,
    account: stack.account,
    region: stack.region,
    templateFile: file,
    resources,
    parent: stack.parent ?? null,
  };
  const names = keyNames(resources, stack, options);
  const source = options.source ?? "cloudformation-template";
  const references: KeyReference[] = [];
  for (const resource of resources.values()) {
    const base: ReferenceBase = {
      source,
      file,
      address: resource.constructPath ?? `${stack.name}/${resource.logicalId}`,
      resourceType: resource.type,
      action: null,
    };
    references.push(...resourceReferences(resource, base, names, warn));
  }
  references.push(...outputReferences(template, stack, source, file, names, warn));
  return { stack: model, references, warnings };
}

/**
 * The keys a template's outputs export (`Export.Name` a literal string), by
 * export name: another stack's `Fn::ImportValue` of that name uses them.
 */
export function templateExports(
  doc: unknown,
  file: string,
  stack: TemplateStack,
): Map<string, KeyTarget[]> {
  const template = templateObject(doc, file);
  const resources = readResources(template, undefined, () => {});
  const names = keyNames(resources, stack, {});
  const exports = new Map<string, KeyTarget[]>();
  for (const [, output] of outputsOf(template)) {
    const exportName = isJsonObject(output.Export) ? output.Export.Name : undefined;
    if (typeof exportName !== "string") continue;
    const targets = findKeyTargets(output.Value, names).map((hit) => hit.target);
    if (targets.length > 0) exports.set(exportName, targets);
  }
  return exports;
}

function templateObject(doc: unknown, file: string): JsonObject {
  if (!isJsonObject(doc)) {
    throw new InputError(
      `the file holds ${jsonKind(doc)}; expected a CloudFormation template (an object with Resources)`,
      file,
    );
  }
  const resources = doc.Resources;
  if (resources !== undefined && resources !== null && !isJsonObject(resources)) {
    throw new InputError(
      `Resources is ${jsonKind(resources)}; expected an object of resources (logical id → {Type, Properties})`,
      file,
    );
  }
  return doc;
}

function readResources(
  template: JsonObject,
  constructs: ReadonlyMap<string, ConstructInfo> | undefined,
  warn: (message: string) => void,
): Map<string, StackResource> {
  const resources = new Map<string, StackResource>();
  const entries = isJsonObject(template.Resources) ? template.Resources : {};
  for (const logicalId of Object.keys(entries)) {
    const resource = readResource(logicalId, entries[logicalId], constructs, warn);
    if (resource !== null) resources.set(logicalId, resource);
  }
  return resources;
}

function readResource(
  logicalId: string,
  entry: unknown,
  constructs: ReadonlyMap<string, ConstructInfo> | undefined,
  warn: (message: string) => void,
): StackResource | null {
  if (logicalId.startsWith("Fn::ForEach::")) {
    warn(
      `Resources.${logicalId}: Fn::ForEach loops (AWS::LanguageExtensions) are not expanded; the resources they make were not read`,
    );
    return null;
  }
  if (!isJsonObject(entry)) {
    warn(`Resources.${logicalId} is ${jsonKind(entry)}, not a resource; skipped`);
    return null;
  }
  if (typeof entry.Type !== "string") {
    warn(`Resources.${logicalId} has no Type; skipped`);
    return null;
  }
  const construct = constructs?.get(logicalId);
  return {
    logicalId,
    type: entry.Type,
    properties: isJsonObject(entry.Properties) ? entry.Properties : {},
    deletionPolicy: deletionPolicyOf(logicalId, entry.DeletionPolicy, warn),
    constructPath: construct?.path ?? templatePath(entry.Metadata),
    creationStack: construct?.creationStack ?? [],
  };
}

/**
 * `DeletionPolicy`, CloudFormation's default `Delete` when absent. An
 * expression (`Fn::If` under AWS::LanguageExtensions) is read as `Delete`
 * too: a key that may be deleted is treated as one that is.
 */
function deletionPolicyOf(
  logicalId: string,
  policy: unknown,
  warn: (message: string) => void,
): string {
  if (policy === undefined || policy === null) return "Delete";
  if (typeof policy === "string") return policy;
  warn(`Resources.${logicalId}: DeletionPolicy is ${jsonKind(policy)}; read as Delete`);
  return "Delete";
}

/** `Metadata["aws:cdk:path"]`, which older CDK versions (and `cdk synth` by default) write. */
function templatePath(metadata: unknown): string | null {
  const path = isJsonObject(metadata) ? metadata["aws:cdk:path"] : undefined;
  return typeof path === "string" && path !== "" ? path : null;
}

/**
 * The keys a nested stack's parameters receive from its parent: the
 * parent's `AWS::CloudFormation::Stack` resource `logicalId` passes them in
 * `Parameters` (the CDK does, for every key a nested construct uses).
 */
export function nestedStackParameters(
  doc: unknown,
  file: string,
  stack: TemplateStack,
  options: TemplateOptions,
  logicalId: string,
): Map<string, KeyTarget[]> {
  const template = templateObject(doc, file);
  const resources = readResources(template, undefined, () => {});
  const names = keyNames(resources, stack, options);
  const passed = resources.get(logicalId)?.properties.Parameters;
  const parameters = new Map<string, KeyTarget[]>();
  if (!isJsonObject(passed)) return parameters;
  for (const name of Object.keys(passed)) {
    const targets = findKeyTargets(passed[name], names, { rootNamesKey: true }).map(
      (hit) => hit.target,
    );
    if (targets.length > 0) parameters.set(name, targets);
  }
  return parameters;
}

/** What the template's values can name a key by. */
function keyNames(
  resources: ReadonlyMap<string, StackResource>,
  stack: TemplateStack,
  options: Pick<TemplateOptions, "imports" | "parameters">,
): KeyNames {
  const place: ResourcePlace = {
    partition: stack.region === null ? null : partitionOf(stack.region),
    region: stack.region,
    account: stack.account,
  };
  const keys = new Map<string, KeyTarget>();
  for (const resource of resources.values()) {
    if (!CFN_KEY_TYPES.includes(resource.type)) continue;
    keys.set(resource.logicalId, {
      kind: "stack-resource",
      stack: stack.name,
      region: stack.region,
      account: stack.account,
      logicalId: resource.logicalId,
    });
  }
  const refs = new Map<string, readonly KeyTarget[]>(options.parameters ?? []);
  const names: KeyNames = {
    keys,
    refs: new Map(refs),
    imports: options.imports ?? new Map(),
    place,
  };
  for (const resource of resources.values()) {
    if (resource.type !== CFN_ALIAS_TYPE) continue;
    const targets = aliasTargets(resource, names);
    const aliasName = aliasNameOf(resource);
    // `Ref` of an alias is its name: the key it points at, or at least the name.
    if (targets.length > 0) refs.set(resource.logicalId, targets);
    else if (aliasName !== null) refs.set(resource.logicalId, [aliasNameTarget(aliasName, place)]);
  }
  return { ...names, refs };
}

/** The keys an alias's `TargetKeyId` names (a `Fn::If` can name two). */
function aliasTargets(resource: StackResource, names: KeyNames): KeyTarget[] {
  return findKeyTargets(resource.properties.TargetKeyId, names, { rootNamesKey: true })
    .map((hit) => hit.target)
    .filter((target) => target.kind !== "alias");
}

/** `AliasName` when it is written out; null for an expression (`!Sub alias/${AWS::StackName}`). */
function aliasNameOf(resource: StackResource): string | null {
  const name = resource.properties.AliasName;
  return typeof name === "string" && isAliasName(name) ? name : null;
}

function resourceReferences(
  resource: StackResource,
  base: ReferenceBase,
  names: KeyNames,
  warn: (message: string) => void,
): KeyReference[] {
  const { logicalId, type } = resource;
  const key = names.keys.get(logicalId);
  if (key !== undefined) return [makeReference(base, "key", null, key)];
  if (type === CFN_ALIAS_TYPE) {
    const targets = aliasTargets(resource, names);
    if (targets.length === 0) {
      warn(
        `Resources.${logicalId}: the alias's TargetKeyId names no key this template declares or writes out (a parameter or an expression); skipped`,
      );
    }
    const aliasName = aliasNameOf(resource);
    return targets.map((target) => makeReference(base, "alias", "TargetKeyId", target, aliasName));
  }
  const hits = findKeyTargets(resource.properties, names, {
    warn: (message) => warn(`Resources.${logicalId}: ${message}`),
  });
  return hits.map((hit) => makeReference(base, "consumer", hit.path || null, hit.target));
}

function outputReferences(
  template: JsonObject,
  stack: TemplateStack,
  source: TemplateSource,
  file: string,
  names: KeyNames,
  warn: (message: string) => void,
): KeyReference[] {
  const references: KeyReference[] = [];
  for (const [name, output] of outputsOf(template)) {
    const base: ReferenceBase = {
      source,
      file,
      address: `${stack.name}/Outputs/${name}`,
      resourceType: null,
      action: null,
    };
    const hits = findKeyTargets(output.Value, names, {
      rootNamesKey: mentionsKey(name),
      warn: (message) => warn(`Outputs.${name}: ${message}`),
    });
    for (const hit of hits) {
      references.push(makeReference(base, "output", hit.path || null, hit.target));
    }
  }
  return references;
}

/** The template's outputs that are objects, by name. */
function outputsOf(template: JsonObject): [string, JsonObject][] {
  const outputs = template.Outputs;
  if (!isJsonObject(outputs)) return [];
  const found: [string, JsonObject][] = [];
  for (const name of Object.keys(outputs)) {
    const output = outputs[name];
    if (isJsonObject(output)) found.push([name, output]);
  }
  return found;
}
