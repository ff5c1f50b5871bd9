/**
 * What one CloudFormation template says about KMS keys — a CDK stack's
 * template or a plain one (SPEC §2): the keys it declares, the aliases that
 * point at them, the resources and outputs that use them; and the
 * `StackModel` that change detection and code location read.
 */

import { isAliasName, partitionOf } from "../../aws/key-ids.js";
import type { KeyReference, KeyTarget, SourceKind } from "../../model.js";
import { InputError } from "../../model.js";
import { jsonKind } from "../documents.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { mentionsKey } from "../outputs.js";
import { makeReference, type ReferenceBase } from "../reference.js";
import { aliasNameTarget, type ResourcePlace } from "../scan.js";
import { own, pathTo, Shape } from "../shape.js";
import type { Scope } from "./evaluate.js";
import { findKeyTargets, intrinsicName, type KeyNames } from "./intrinsics.js";
import { parameterValues, pseudoParameters } from "./parameters.js";
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
  /**
   * Default `cloudformation-template`. A plain template must have
   * `Resources` (CloudFormation refuses one without); a CDK stack's may not,
   * since the CDK writes no `Resources` for a stack with none (and `cdk
   * deploy` then removes the deployed stack).
   */
  source?: TemplateSource;
  /** Construct metadata by logical id (manifest or `<Stack>.metadata.json`). */
  constructs?: ReadonlyMap<string, ConstructInfo>;
  /** Keys other stacks of the assembly export, by export name, for `Fn::ImportValue`. */
  imports?: ReadonlyMap<string, readonly KeyTarget[]>;
  /** Every name the stacks of the assembly export, keys or not: an import of another is unresolved. */
  exportNames?: ReadonlySet<string>;
  /**
   * For a nested stack: the parameters its parent passes, by name, with the
   * keys each holds (none, for a value that names no key).
   */
  parameters?: ReadonlyMap<string, readonly KeyTarget[]>;
  /**
   * `--parameter` values for this stack, by parameter name (pseudo
   * parameters such as `AWS::Region` too): they win over `Default`, over
   * what a parent stack passes and over the stack's environment.
   */
  parameterValues?: ReadonlyMap<string, string>;
  /**
   * The template is the base branch's (`--cdk-base`): a `--parameter` of a
   * parameter it does not declare is one the change adds, not a mistake.
   */
  base?: boolean;
}

export interface TemplateResult {
  stack: StackModel;
  references: KeyReference[];
  warnings: string[];
  /** What was left unresolved on purpose (an import from outside the assembly), for `--verbose`. */
  notes: string[];
}

// Top-level sections of a template that hold maps of objects (a parameter, a
// resource, an output…), where CDK outputs of a stack of that name hold scalars.
const TEMPLATE_MAPS = ["Resources", "Parameters", "Outputs", "Conditions", "Mappings", "Rules"];

/**
 * True for a parsed CloudFormation template: `AWSTemplateFormatVersion`,
 * `Transform`, or one of its sections holding what only a template holds.
 * (CDK outputs, `{Stack: {Key: "value"}}`, have scalar members, so a stack
 * named `Resources` is not taken for one.) A template with a section of the
 * wrong shape, or without `Resources`, is still a template — a broken one,
 * which its reader refuses with the path of what is wrong.
 */
export function isCloudFormationTemplate(doc: unknown): doc is JsonObject {
  if (!isJsonObject(doc)) return false;
  if (typeof doc.AWSTemplateFormatVersion === "string" || Object.hasOwn(doc, "Transform")) {
    return true;
  }
  // `Resources` is the one section every template has: read as a template even when its
  // entries are broken (scalars), so that a broken template is refused, not read as the CDK
  // outputs of a stack named "Resources", which hold no key (SPEC §10). Such outputs are
  // named with --cdk-outputs.
  if (isJsonObject(doc.Resources)) return true;
  return TEMPLATE_MAPS.some((key) => Object.hasOwn(doc, key) && !isScalarMap(doc[key]));
}

/** A non-empty object of scalars: what CDK outputs hold for one stack. */
function isScalarMap(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every(isScalar);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

/** Sections of a template whose keys are entries: a repeated key drops one. */
export const TEMPLATE_SECTIONS: readonly string[] = ["Resources", "Outputs"];

/** The way out of a template error, by where the template comes from. */
const HINTS: Record<TemplateSource, string> = {
  "cloudformation-template": "CloudFormation would refuse this template too: fix it",
  "cdk-assembly":
    "this is not a template as the CDK writes it: synthesize the assembly again (cdk synth)",
};

/**
 * Reads a parsed template.
 *
 * @param file the template file as the user would name it: every reference's `file`.
 * @throws InputError when `doc` is not an object, lacks `Resources` (a plain
 *   template) or has one of the wrong type, or has a resource or output that
 *   cannot be read — it may be a key, an alias or a consumer.
 */
export function readTemplate(
  doc: unknown,
  file: string,
  stack: TemplateStack,
  options: TemplateOptions = {},
): TemplateResult {
  const source = options.source ?? "cloudformation-template";
  const shape = templateShape(file, source);
  const template = templateObject(doc, shape, source);
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const notes = new Set<string>();
  const resources = readResources(template, options.constructs, shape, warn);
  stack = withEnvironment(stack, options);
  const model: StackModel = {
    name: stack.name,
    artifactId: stack.artifactId ?? file,
    account: stack.account,
    region: stack.region,
    templateFile: file,
    resources,
    parent: stack.parent ?? null,
  };
  const names = keyNames(template, resources, stack, options, shape, (note) => notes.add(note));
  const references: KeyReference[] = [];
  for (const resource of resources.values()) {
    const base: ReferenceBase = {
      source,
      file,
      address: resource.constructPath ?? `${stack.name}/${resource.logicalId}`,
      resourceType: resource.type,
      action: null,
    };
    references.push(...resourceReferences(resource, base, names, shape, warn));
  }
  references.push(...outputReferences(template, stack, source, names, shape));
  return { stack: model, references, warnings, notes: [...notes] };
}

/** The stack with the region and account `--parameter` gives it (AWS::Region, AWS::AccountId). */
function withEnvironment(stack: TemplateStack, options: TemplateOptions): TemplateStack {
  const region = options.parameterValues?.get("AWS::Region");
  const account = options.parameterValues?.get("AWS::AccountId");
  if (region === undefined && account === undefined) return stack;
  return { ...stack, region: region ?? stack.region, account: account ?? stack.account };
}

/** `base` and a path below it, as `refuse` reports it. */
function below(base: string, at: string): string {
  if (at === "") return base;
  return at.startsWith("[") ? `${base}${at}` : `${base}.${at}`;
}

function templateShape(file: string, source: TemplateSource): Shape {
  return new Shape(file, HINTS[source]);
}

/**
 * The keys a template's outputs export (`Export.Name` a literal string), by
 * export name: another stack's `Fn::ImportValue` of that name uses them.
 */
export function templateExports(
  doc: unknown,
  file: string,
  stack: TemplateStack,
  options: TemplateOptions = {},
): Map<string, KeyTarget[]> {
  const source = options.source ?? "cloudformation-template";
  const shape = templateShape(file, source);
  const template = templateObject(doc, shape, source);
  const resources = readResources(template, undefined, shape, () => {});
  stack = withEnvironment(stack, options);
  const names = keyNames(template, resources, stack, { ...options, imports: new Map() }, shape);
  const exports = new Map<string, KeyTarget[]>();
  for (const [name, output] of outputsOf(template, shape)) {
    const exportName = isJsonObject(output.Export) ? output.Export.Name : undefined;
    if (typeof exportName !== "string") continue;
    const targets = findKeyTargets(output.Value, names, {
      refuse: (message, at) =>
        shape.refuse(below(pathTo(pathTo("Outputs", name), "Value"), at), message),
    }).map((hit) => hit.target);
    if (targets.length > 0) exports.set(exportName, targets);
  }
  return exports;
}

function templateObject(doc: unknown, shape: Shape, source: TemplateSource): JsonObject {
  if (!isJsonObject(doc)) {
    throw new InputError(
      `the file holds ${jsonKind(doc)}; expected a CloudFormation template (an object with Resources)`,
      shape.file,
    );
  }
  const expected = "an object of resources (logical id → {Type, Properties})";
  if (source === "cloudformation-template" || Object.hasOwn(doc, "Resources")) {
    shape.object(own(doc, "Resources"), "Resources", expected);
  }
  return doc;
}

/**
 * The template's resources, each checked: one that cannot be read may be a
 * key, an alias or a consumer, so it stops the run.
 */
export function readResources(
  template: JsonObject,
  constructs: ReadonlyMap<string, ConstructInfo> | undefined,
  shape: Shape,
  warn: (message: string) => void,
): Map<string, StackResource> {
  const resources = new Map<string, StackResource>();
  const entries = isJsonObject(template.Resources) ? template.Resources : {};
  for (const logicalId of Object.keys(entries)) {
    const resource = readResource(logicalId, entries[logicalId], constructs, shape, warn);
    resources.set(logicalId, resource);
  }
  return resources;
}

function readResource(
  logicalId: string,
  entry: unknown,
  constructs: ReadonlyMap<string, ConstructInfo> | undefined,
  shape: Shape,
  warn: (message: string) => void,
): StackResource {
  const path = pathTo("Resources", logicalId);
  if (logicalId.startsWith("Fn::ForEach::")) {
    // The loop's resources are unknown until CloudFormation expands it: any may be a key.
    shape.refuse(
      path,
      "Fn::ForEach loops (AWS::LanguageExtensions) are not expanded by this tool, so the resources they make cannot be checked; pass the processed template (aws cloudformation get-template --template-stage Processed)",
    );
  }
  const object = shape.object(entry, path, "a resource ({Type, Properties})");
  const type = shape.text(own(object, "Type"), pathTo(path, "Type"), "a resource type (a string)");
  const properties = shape.nullableObject(
    own(object, "Properties"),
    pathTo(path, "Properties"),
    "the resource's properties (an object)",
  );
  const construct = constructs?.get(logicalId);
  return {
    logicalId,
    type,
    properties: properties ?? {},
    deletionPolicy: deletionPolicyOf(own(object, "DeletionPolicy"), path, shape, warn),
    constructPath: construct?.path ?? templatePath(object.Metadata),
    creationStack: construct?.creationStack ?? [],
  };
}

/**
 * `DeletionPolicy`, CloudFormation's default `Delete` when absent. An
 * `Fn::If` (AWS::LanguageExtensions allows one) is read as `Delete`, with a
 * warning: a key that may be deleted is treated as one that is. Any other
 * value is refused.
 */
export function deletionPolicyOf(
  policy: unknown,
  resourcePath: string,
  shape: Shape,
  warn: (message: string) => void,
): string {
  if (policy === undefined || policy === null) return "Delete";
  if (typeof policy === "string" && policy !== "") return policy;
  const path = pathTo(resourcePath, "DeletionPolicy");
  if (isJsonObject(policy) && intrinsicName(policy) === "Fn::If") {
    warn(`${path}: an Fn::If; read as Delete`);
    return "Delete";
  }
  return shape.fail(path, "Delete, Retain, RetainExceptOnCreate, Snapshot or an Fn::If", policy);
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
  const source = options.source ?? "cloudformation-template";
  const shape = templateShape(file, source);
  const template = templateObject(doc, shape, source);
  const resources = readResources(template, undefined, shape, () => {});
  stack = withEnvironment(stack, options);
  const names = keyNames(template, resources, stack, options, shape);
  const passed = resources.get(logicalId)?.properties.Parameters;
  const parameters = new Map<string, KeyTarget[]>();
  if (!isJsonObject(passed)) return parameters;
  const path = pathTo(pathTo(pathTo("Resources", logicalId), "Properties"), "Parameters");
  for (const name of Object.keys(passed)) {
    const targets = findKeyTargets(passed[name], names, {
      rootNamesKey: true,
      refuse: (message, at) => shape.refuse(below(pathTo(path, name), at), message),
    }).map((hit) => hit.target);
    // Passed, even without a key: the nested template's Default is not its value.
    parameters.set(name, targets);
  }
  return parameters;
}

/** What the template's values can name a key by. */
function keyNames(
  template: JsonObject,
  resources: ReadonlyMap<string, StackResource>,
  stack: TemplateStack,
  options: TemplateOptions,
  shape: Shape,
  note: (message: string) => void = () => {},
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
      ...(stack.parent ? { parent: stack.parent } : {}),
    });
  }
  const overrides = options.parameterValues ?? new Map<string, string>();
  const passed = options.parameters ?? new Map<string, readonly KeyTarget[]>();
  const imports = options.imports ?? new Map<string, readonly KeyTarget[]>();
  const scope: Scope = {
    pseudo: pseudoParameters(
      {
        account: stack.account,
        region: stack.region,
        // A plain template's stack is named after its file until deployed; a nested one at deployment.
        stackName:
          (options.source ?? "cloudformation-template") === "cdk-assembly" && !stack.parent
            ? stack.name
            : null,
      },
      overrides,
    ),
    parameters: parameterValues(
      template,
      stack.name,
      overrides,
      passed,
      shape,
      options.base ? "ignore" : "refuse",
    ),
    mappings: isJsonObject(template.Mappings) ? template.Mappings : {},
    // An import of any export the assembly has is resolved by the exports' keys, or names none.
    exported: (name) => imports.has(name) || (options.exportNames?.has(name) ?? false),
    note,
  };
  // A parameter the user gives a value is that value, not what the parent passes.
  const refs = new Map<string, readonly KeyTarget[]>(
    [...passed].filter(([name]) => !overrides.has(name)),
  );
  const names: KeyNames = { keys, refs: new Map(refs), imports, place, scope };
  for (const resource of resources.values()) {
    if (resource.type !== CFN_ALIAS_TYPE) continue;
    const targets = aliasTargets(resource, names, shape);
    const aliasName = aliasNameOf(resource);
    // `Ref` of an alias is its name: the key it points at, or at least the name.
    if (targets.length > 0) refs.set(resource.logicalId, targets);
    else if (aliasName !== null) refs.set(resource.logicalId, [aliasNameTarget(aliasName, place)]);
  }
  return { ...names, refs };
}

/** The keys an alias's `TargetKeyId` names (a `Fn::If` can name two). */
function aliasTargets(resource: StackResource, names: KeyNames, shape: Shape): KeyTarget[] {
  const path = pathTo(pathTo(pathTo("Resources", resource.logicalId), "Properties"), "TargetKeyId");
  return findKeyTargets(resource.properties.TargetKeyId, names, {
    rootNamesKey: true,
    refuse: (message, at) => shape.refuse(below(path, at), message),
  })
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
  shape: Shape,
  warn: (message: string) => void,
): KeyReference[] {
  const { logicalId, type } = resource;
  const key = names.keys.get(logicalId);
  if (key !== undefined) return [makeReference(base, "key", null, key)];
  if (type === CFN_ALIAS_TYPE) {
    const targets = aliasTargets(resource, names, shape);
    if (targets.length === 0) {
      warn(
        `Resources.${logicalId}: the alias's TargetKeyId names no key this template declares or writes out (a parameter or an expression); skipped`,
      );
    }
    const aliasName = aliasNameOf(resource);
    return targets.map((target) => makeReference(base, "alias", "TargetKeyId", target, aliasName));
  }
  const hits = findKeyTargets(resource.properties, names, {
    refuse: (message, at) =>
      shape.refuse(below(pathTo(pathTo("Resources", logicalId), "Properties"), at), message),
  });
  return hits.map((hit) => makeReference(base, "consumer", hit.path || null, hit.target));
}

function outputReferences(
  template: JsonObject,
  stack: TemplateStack,
  source: TemplateSource,
  names: KeyNames,
  shape: Shape,
): KeyReference[] {
  const references: KeyReference[] = [];
  for (const [name, output] of outputsOf(template, shape)) {
    const base: ReferenceBase = {
      source,
      file: shape.file,
      address: `${stack.name}/Outputs/${name}`,
      resourceType: null,
      action: null,
    };
    const hits = findKeyTargets(output.Value, names, {
      rootNamesKey: mentionsKey(name),
      refuse: (message, at) =>
        shape.refuse(below(pathTo(pathTo("Outputs", name), "Value"), at), message),
    });
    for (const hit of hits) {
      references.push(makeReference(base, "output", hit.path || null, hit.target));
    }
  }
  return references;
}

/** The template's outputs, by name, each checked: an output's value may hold a key. */
function outputsOf(template: JsonObject, shape: Shape): [string, JsonObject][] {
  const outputs = shape.sectionObject(template, "Outputs", "Outputs", "an object of outputs");
  if (outputs === null) return [];
  const found: [string, JsonObject][] = [];
  for (const name of Object.keys(outputs)) {
    const path = pathTo("Outputs", name);
    const output = shape.object(outputs[name], path, "an output ({Value, Export})");
    if (!Object.hasOwn(output, "Value"))
      shape.fail(pathTo(path, "Value"), "the output's value", undefined);
    found.push([name, output]);
  }
  return found;
}
