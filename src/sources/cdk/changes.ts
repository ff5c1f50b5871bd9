/**
 * What a CDK change does to KMS keys (SPEC §2 "CDK assembly", changes): the
 * head revision's stacks compared with the base branch's (`--cdk-base`) or
 * with the deployed stack's template (`GetTemplate`).
 *
 * CloudFormation decides what happens to a key resource from the logical id
 * alone: a logical id that is new is a key created, one that is gone is a
 * key deleted or orphaned by its `DeletionPolicy`, one in both is updated in
 * place — or the update fails, for the properties KMS cannot change.
 */

import type { ChangeAction, KeyReference, SourceKind } from "../../model.js";
import { InputError } from "../../model.js";
import { listWords } from "../../show.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { Shape } from "../shape.js";
import { parseTemplateText } from "./cfn-yaml.js";
import type { StackModel, StackResource } from "./stack.js";
import { CFN_KEY_TYPES, readResources } from "./template.js";

// The deployed template comes from CloudFormation or from the facts snapshot.
const DEPLOYED_HINT =
  "the deployed template cannot be compared: take the facts snapshot again, or compare with the base branch's assembly (--cdk-base)";

/**
 * A reference for every KMS key resource (`AWS::KMS::Key`,
 * `AWS::KMS::ReplicaKey`) in `head` or `base`, with what deploying `head`
 * over `base` does to it. Pure.
 *
 * Stacks are matched by name, account and region; an unknown account or
 * region (an environment-agnostic stack) matches any, when that leaves one
 * candidate. A key is identified by its logical id, so a renamed construct
 * (new logical id) is the old key removed plus a new one created.
 *
 * - in `head` only: `create`;
 * - in `base` only: `delete` or `orphan` by the base `DeletionPolicy`, the
 *   target being the base logical id — the deployed key;
 * - in both: `update` (with `disables`, a new `deletionWindowDays`, or a
 *   `failure` when CloudFormation will refuse it), `replace` for a replica
 *   moved to another primary, or `none`.
 *
 * A stack of `base` missing from `head` has each key removed by its policy.
 * (`cdk deploy` leaves such a stack deployed until it is destroyed; the
 * keys go then, so the warning belongs on the change that drops it.)
 *
 * @param source the source kind the references carry (`cdk-assembly`).
 */
export function diffStacks(
  base: readonly StackModel[],
  head: readonly StackModel[],
  source: SourceKind,
): KeyReference[] {
  const unmatched = [...base];
  const refs: KeyReference[] = [];
  for (const stack of head) {
    const match = takeMatch(stack, unmatched);
    refs.push(...compareStack(match === null ? null : sideOf(match), stack, source));
  }
  for (const stack of unmatched) {
    const kept = keptNestedStackPolicy(stack, base);
    for (const resource of keyResources(stack.resources)) {
      refs.push(removedKey(resource, sideOf(stack), source, kept ?? resource.deletionPolicy));
    }
  }
  return refs;
}

/**
 * Like `diffStacks`, against the template of the deployed stack instead of
 * a base assembly (CloudFormation `GetTemplate`, or a facts snapshot's
 * `stacks.*.template`).
 *
 * @param deployedTemplate the parsed template, or its text (JSON or YAML, as
 *   `GetTemplate`'s `TemplateBody`); null or undefined when the stack is not
 *   deployed, which makes every key of `head` a `create`.
 * @param source the source kind the references carry.
 * @throws InputError when `deployedTemplate` is not a CloudFormation template,
 *   or has a resource that cannot be read: a key removed since would go unseen.
 */
export function diffDeployed(
  deployedTemplate: unknown,
  head: StackModel,
  source: SourceKind = "cdk-assembly",
): KeyReference[] {
  if (deployedTemplate === null || deployedTemplate === undefined) {
    return compareStack(null, head, source);
  }
  // The deployed template is no file of its own: the references name the
  // head template, whose deployment they describe.
  const resources = deployedResources(deployedTemplate, head.name);
  const base: Side = { stack: head, file: head.templateFile, resources };
  return compareStack(base, head, source);
}

/** A nested stack resource (`AWS::CloudFormation::Stack`) of a deployed template. */
export interface DeployedNestedStack {
  logicalId: string;
  /**
   * Its retaining `DeletionPolicy`, when it has one: CloudFormation then keeps
   * the whole nested stack, keys and all, when the resource goes. Else null.
   */
  retains: string | null;
}

/**
 * The nested stacks the deployed template of `head`'s stack deploys and
 * `head` does not: deploying `head` deletes each, and its keys with it
 * (see `removedStackKeys`).
 *
 * @throws InputError like `diffDeployed`.
 */
export function removedNestedStacks(
  deployedTemplate: unknown,
  head: StackModel,
): DeployedNestedStack[] {
  const resources = deployedResources(deployedTemplate, head.name);
  return nestedStacksOf(resources).filter((nested) => !head.resources.has(nested.logicalId));
}

/**
 * What the change does to the keys of a deployed nested stack that it
 * removes (its resource is gone from the parent): each key goes by its own
 * `DeletionPolicy`, or is orphaned when a nested stack resource on the way
 * retains the stack (`kept`). Also the nested stacks it deploys, which go
 * the same way.
 *
 * @param stack the removed stack (its parent chain, for the references' targets).
 * @param file the head template that removes it: the references name it.
 * @throws InputError like `diffDeployed`.
 */
export function removedStackKeys(
  deployedTemplate: unknown,
  stack: Pick<StackModel, "name" | "account" | "region" | "parent">,
  file: string,
  kept: string | null,
  source: SourceKind = "cdk-assembly",
): { references: KeyReference[]; nested: DeployedNestedStack[] } {
  const resources = deployedResources(deployedTemplate, stack.name);
  const side: Side = { stack, file, resources };
  const references = keyResources(resources).map((resource) =>
    removedKey(resource, side, source, kept ?? resource.deletionPolicy),
  );
  return { references, nested: nestedStacksOf(resources) };
}

/**
 * The resources of a deployed template (`GetTemplate`'s text, or a facts
 * snapshot's parsed template).
 *
 * @throws InputError when it is not a CloudFormation template, or has a
 *   resource that cannot be read: a key removed since would go unseen.
 */
function deployedResources(
  deployedTemplate: unknown,
  stackName: string,
): Map<string, StackResource> {
  const label = `the deployed template of stack ${stackName}`;
  const doc =
    typeof deployedTemplate === "string"
      ? parseTemplateText(deployedTemplate, label).doc
      : deployedTemplate;
  const section = isJsonObject(doc) ? doc.Resources : undefined;
  if (!isJsonObject(doc) || (section !== undefined && !isJsonObject(section))) {
    throw new InputError("not a CloudFormation template: expected an object of Resources", label);
  }
  const shape = new Shape(label, DEPLOYED_HINT);
  // An Fn::If DeletionPolicy reads as Delete; the change reports what that does.
  return readResources(doc, undefined, shape, () => {});
}

const NESTED_STACK_TYPE = "AWS::CloudFormation::Stack";

function nestedStacksOf(resources: ReadonlyMap<string, StackResource>): DeployedNestedStack[] {
  return [...resources.values()]
    .filter((resource) => resource.type === NESTED_STACK_TYPE)
    .map((resource) => ({
      logicalId: resource.logicalId,
      retains: RETAINING_POLICIES.has(resource.deletionPolicy) ? resource.deletionPolicy : null,
    }));
}

/** One revision of a stack: what the comparison reads of it. */
interface Side {
  stack: Pick<StackModel, "name" | "account" | "region" | "parent">;
  /** The template file its references name. */
  file: string;
  resources: ReadonlyMap<string, StackResource>;
}

function sideOf(stack: StackModel): Side {
  return { stack, file: stack.templateFile, resources: stack.resources };
}

/** What a change does to one key resource. */
interface Comparison {
  action: ChangeAction;
  deletionWindowDays: number | null;
  disables: boolean;
  failure: string | null;
}

function compareStack(base: Side | null, head: StackModel, source: SourceKind): KeyReference[] {
  const refs: KeyReference[] = [];
  for (const resource of keyResources(head.resources)) {
    const before = base?.resources.get(resource.logicalId);
    const comparison = before === undefined ? CREATED : compareKey(before, resource);
    refs.push(keyReference(resource, sideOf(head), source, comparison));
  }
  if (base === null) return refs;
  // A key whose logical id is gone. When the construct was only renamed (the
  // same parent path, a new id), CloudFormation still sees an unrelated new
  // key: the old one is deleted or orphaned all the same, so no pairing here.
  for (const resource of keyResources(base.resources)) {
    const now = head.resources.get(resource.logicalId);
    if (now === undefined) {
      refs.push(removedKey(resource, base, source, resource.deletionPolicy));
    } else if (!isKey(now)) {
      // The logical id now names another type of resource: CloudFormation refuses that.
      refs.push(keyReference(resource, sideOf(head), source, compareKey(resource, now)));
    }
  }
  return refs;
}

const CREATED: Comparison = {
  action: "create",
  deletionWindowDays: null,
  disables: false,
  failure: null,
};
const UNCHANGED: Comparison = {
  action: "none",
  deletionWindowDays: null,
  disables: false,
  failure: null,
};

function removedKey(
  resource: StackResource,
  side: Side,
  source: SourceKind,
  policy: string,
): KeyReference {
  const orphan = RETAINING_POLICIES.has(policy);
  const comparison: Comparison = {
    action: orphan ? "orphan" : "delete",
    // An orphaned key schedules no deletion. Absent, CloudFormation deletes
    // with KMS's default of 30 days; null says "not given", as Terraform's is.
    deletionWindowDays: orphan ? null : windowDays(resource.properties),
    disables: false,
    failure: null,
  };
  return keyReference(resource, side, source, comparison);
}

// `Delete` (CloudFormation's default) and anything else delete. `Snapshot`
// does not apply to KMS keys (they have no snapshots) and is read as
// `Delete`: a key that may be deleted is treated as one that is.
const RETAINING_POLICIES: ReadonlySet<string> = new Set(["Retain", "RetainExceptOnCreate"]);

/**
 * For a nested stack that goes away: the retaining policy of the
 * `AWS::CloudFormation::Stack` resource that deployed it, when it has one —
 * CloudFormation then keeps the whole nested stack, keys and all. Null when
 * the keys go by their own policies.
 */
function keptNestedStackPolicy(stack: StackModel, base: readonly StackModel[]): string | null {
  const parent = stack.parent;
  if (parent === null) return null;
  const parentStack = base.find(
    (s) => s.name === parent.stack && s.account === stack.account && s.region === stack.region,
  );
  const policy = parentStack?.resources.get(parent.logicalId)?.deletionPolicy;
  return policy !== undefined && RETAINING_POLICIES.has(policy) ? policy : null;
}

function keyReference(
  resource: StackResource,
  side: Side,
  source: SourceKind,
  comparison: Comparison,
): KeyReference {
  const { stack } = side;
  const address = resource.constructPath ?? `${stack.name}/${resource.logicalId}`;
  const { action, deletionWindowDays, disables, failure } = comparison;
  return {
    source,
    kind: "key",
    file: side.file,
    address,
    resourceType: resource.type,
    attribute: null,
    target: {
      kind: "stack-resource",
      stack: stack.name,
      region: stack.region,
      account: stack.account,
      logicalId: resource.logicalId,
      ...(stack.parent ? { parent: stack.parent } : {}),
    },
    action,
    change: { action, source, address, deletionWindowDays, disables, failure },
    // The CDK locator fills it in, from the head revision's code.
    location: null,
    suppressions: [],
  };
}

function isKey(resource: StackResource): boolean {
  return CFN_KEY_TYPES.includes(resource.type);
}

function keyResources(resources: ReadonlyMap<string, StackResource>): StackResource[] {
  return [...resources.values()].filter(isKey);
}

/**
 * The base stack `head` is deployed over, removed from `candidates`: the one
 * of the same name, account and region; else the only one of the same name
 * whose account and region agree where both are known.
 */
function takeMatch(head: StackModel, candidates: StackModel[]): StackModel | null {
  let index = candidates.findIndex(
    (s) => s.name === head.name && s.account === head.account && s.region === head.region,
  );
  if (index < 0) {
    const agrees = (a: string | null, b: string | null) => a === null || b === null || a === b;
    const loose = candidates.flatMap((s, i) =>
      s.name === head.name && agrees(s.account, head.account) && agrees(s.region, head.region)
        ? [i]
        : [],
    );
    index = loose.length === 1 ? (loose[0] ?? -1) : -1;
  }
  if (index < 0) return null;
  const [match] = candidates.splice(index, 1);
  return match ?? null;
}

// KMS's default deletion window. A change reports an absent window as null
// ("not given"), as the Terraform sources do, not as this.
const DEFAULT_WINDOW_DAYS = 30;

/** What CloudFormation assumes for a key property that is absent. */
const PROPERTY_DEFAULTS: Readonly<Record<string, Setting>> = {
  Enabled: true,
  EnableKeyRotation: false,
  KeySpec: "SYMMETRIC_DEFAULT",
  KeyUsage: "ENCRYPT_DECRYPT",
  Origin: "AWS_KMS",
  MultiRegion: false,
  PendingWindowInDays: DEFAULT_WINDOW_DAYS,
};

type Setting = string | number | boolean;

/**
 * Properties of `AWS::KMS::Key` that KMS cannot change on an existing key.
 * CloudFormation does not replace the key for them: the update fails and
 * the stack rolls back.
 */
const IMMUTABLE_KEY_PROPERTIES: readonly string[] = [
  "KeySpec",
  "KeyUsage",
  "Origin",
  "MultiRegion",
];

function compareKey(before: StackResource, after: StackResource): Comparison {
  if (before.type !== after.type) {
    return {
      ...UNCHANGED,
      action: "update",
      failure: `CloudFormation cannot change the type of resource ${after.logicalId} (${before.type} → ${after.type}); the stack update will fail. Give the new key a new logical id instead.`,
    };
  }
  const old = canonical(before.properties);
  const now = canonical(after.properties);
  // Absent is enabled; an intrinsic may be either, so only a literal false disables.
  const disables = old.Enabled !== false && now.Enabled === false;
  const windowChanged = !sameValue(old.PendingWindowInDays, now.PendingWindowInDays);
  const deletionWindowDays = windowChanged ? windowDays(after.properties) : null;
  if (after.type === "AWS::KMS::ReplicaKey" && !sameValue(old.PrimaryKeyArn, now.PrimaryKeyArn)) {
    // CloudFormation replaces a replica whose primary changes: the new one
    // is created, then the old one is scheduled for deletion with its window.
    // (An `UpdateReplacePolicy: Retain` would keep the old one; StackResource
    // does not carry that policy, so a replacement is assumed to delete.)
    return {
      action: "replace",
      deletionWindowDays: windowDays(before.properties),
      disables,
      failure: null,
    };
  }
  const failure = after.type === "AWS::KMS::Key" ? immutableChange(old, now) : null;
  const changed =
    failure !== null || before.deletionPolicy !== after.deletionPolicy || !sameValue(old, now);
  if (!changed) return UNCHANGED;
  return { action: "update", deletionWindowDays, disables, failure };
}

/**
 * Properties as CloudFormation reads them: a literal setting in its own type
 * (templates may write `"false"` and `"7"`), and one equal to its default
 * dropped, so that writing a default out is no change.
 */
function canonical(properties: JsonObject): JsonObject {
  const out: JsonObject = { ...properties };
  for (const [name, absent] of Object.entries(PROPERTY_DEFAULTS)) {
    const value = setting(out[name], absent);
    if (value === absent) delete out[name];
    else if (value !== null) out[name] = value;
  }
  return out;
}

/** Why CloudFormation will refuse the update, when an immutable property changes; else null. */
function immutableChange(old: JsonObject, now: JsonObject): string | null {
  const changes: { name: string; from: string; to: string }[] = [];
  for (const name of IMMUTABLE_KEY_PROPERTIES) {
    const absent = PROPERTY_DEFAULTS[name] ?? null;
    const from = absent === null ? null : setting(old[name], absent);
    const to = absent === null ? null : setting(now[name], absent);
    // An intrinsic on either side (a parameter, a condition) has no value
    // before deploy: the change may be fine, so it is not called a failure.
    if (from === null || to === null || from === to) continue;
    changes.push({ name, from: String(from), to: String(to) });
  }
  if (changes.length === 0) return null;
  const names = listWords(changes.map((c) => c.name));
  const values =
    changes.length === 1
      ? changes.map((c) => `${c.from} → ${c.to}`)
      : changes.map((c) => `${c.name} ${c.from} → ${c.to}`);
  return `CloudFormation cannot change ${names} of an existing key (${values.join(", ")}); the stack update will fail. Create a new key instead.`;
}

/**
 * A property's literal value in the type of its default, `absent` when it is
 * not set; null for an intrinsic function or a value of the wrong type.
 */
function setting(value: unknown, absent: Setting): Setting | null {
  if (value === undefined || value === null) return absent;
  if (typeof absent === "boolean") {
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    return null;
  }
  if (typeof absent === "number") {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : null;
  }
  return typeof value === "string" ? value : null;
}

/** `PendingWindowInDays` as a number; null when absent or an intrinsic. */
function windowDays(properties: JsonObject): number | null {
  const value = properties.PendingWindowInDays;
  if (value === undefined) return null;
  const days = setting(value, DEFAULT_WINDOW_DAYS);
  return typeof days === "number" ? days : null;
}

/** Deep equality of JSON values, ignoring the order of object members. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameValue(item, b[i]))
    );
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
  );
}
