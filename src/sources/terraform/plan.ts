/**
 * Key references from a Terraform plan: the JSON of `terraform show -json
 * PLANFILE` (SPEC §2, "Terraform plan").
 *
 * What each part of a plan contributes:
 *
 * - `resource_changes`: every key, alias, consumer and data source lookup,
 *   with the plan's action. A consumer is read from `after` (what it will
 *   reference), or `before` when it is deleted; where `after` is unknown
 *   because the key is created or replaced in the same plan, the
 *   `configuration`'s references say which key it will be.
 * - `prior_state`: the ARN of a key that `before` lacks; and the resources a
 *   targeted plan (`-target`) leaves out of `resource_changes`, read as state.
 * - `resource_drift`: only the ARN of a key, when neither `before` nor
 *   `prior_state` has one. Drift describes the same resources as
 *   `resource_changes` (as they were found outside Terraform), so reading its
 *   consumers would count them twice.
 * - `output_changes`: keys in root module outputs.
 * - Sensitive values: `before_sensitive`/`after_sensitive` only mark values
 *   that are present anyway, and a key ARN is not a secret; they are not read.
 * - `action_reason`: why Terraform replaces or deletes; the action is enough.
 * - `planned_values`: what `resource_changes` says again, as values; only its type is checked.
 *
 * Every entry is checked before it is read. An entry that could describe a
 * key, an alias or a consumer — any resource change, drift entry, prior-state
 * resource or output change — and cannot be read stops the run (exit 2) with
 * its JSON path: skipping it would let the deletion of a used key pass
 * unchecked. Fields no reader needs may hold anything, and fields a plan
 * legitimately leaves out (`before` of a create, `after` of a delete) may be
 * absent or null.
 */

import { parseKmsArn } from "../../aws/key-ids.js";
import type { ChangeAction, KeyChange, KeyReference, KeyTarget } from "../../model.js";
import { InputError } from "../../model.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { outputReferences } from "../outputs.js";
import { makeReference, type ReferenceBase } from "../reference.js";
import { type ResourcePlace, targetIdentity } from "../scan.js";
import { own, pathTo, Shape } from "../shape.js";
import {
  isUnknownAt,
  KnownKeys,
  type ModuleScope,
  PlanConfiguration,
  scopeOf,
} from "./config-refs.js";
import {
  checkFormatVersion,
  describeDocument,
  isTerraformPlan,
  numberAt,
  stringAt,
} from "./documents.js";
import {
  aliasNameOf,
  aliasTargetOf,
  attributeHits,
  isKeyType,
  lookupReferences,
  resourceRole,
  stateInstanceReferences,
  type TerraformKeyType,
} from "./resources.js";
import { resourceMode, type ShowStateResource, showStateResources } from "./show-state.js";
import { holdsTrue, resourcePlace } from "./values.js";

export { isTerraformPlan } from "./documents.js";
export { TERRAFORM_KEY_TYPES, type TerraformKeyType } from "./resources.js";

/** What one plan file says about the keys it mentions. */
export interface TerraformPlanResult {
  references: KeyReference[];
  /**
   * What was read with less certainty than the plan could have given (a key
   * kept by an update identified by its address only). Each names the
   * resource; the caller adds the file.
   */
  warnings: string[];
}

// The AWS provider names the switch differently on replica and external keys.
const ENABLED_ATTRIBUTE: Record<TerraformKeyType, string> = {
  aws_kms_key: "is_enabled",
  aws_kms_replica_key: "enabled",
  aws_kms_external_key: "enabled",
  aws_kms_replica_external_key: "enabled",
};

type PlanAction = ChangeAction | "read";

const ACTION_TABLE: [string[], PlanAction][] = [
  [["create"], "create"],
  [["update"], "update"],
  [["delete"], "delete"],
  [["delete", "create"], "replace"],
  [["create", "delete"], "replace"],
  [["no-op"], "none"],
  [["read"], "read"],
  // `removed { lifecycle { destroy = false } }` and its replace variants
  // (["forget","create"] is OpenTofu's order): the old key leaves the state
  // but stays in AWS, so it is orphaned, not deleted.
  [["forget"], "orphan"],
  [["create", "forget"], "orphan"],
  [["forget", "create"], "orphan"],
];

// First action → second action ("" for none) → meaning. Nested rather than
// joined, so that an action string holding a separator cannot pass for a pair,
// and without serialising each of a large plan's action lists.
const PLAN_ACTIONS = new Map<string, Map<string, PlanAction>>();
for (const [[first = "", second = ""], action] of ACTION_TABLE) {
  const seconds = PLAN_ACTIONS.get(first) ?? new Map<string, PlanAction>();
  seconds.set(second, action);
  PLAN_ACTIONS.set(first, seconds);
}

/** What a `change.actions` list means; undefined for a list this tool does not know. */
function planActionOf(actions: readonly unknown[]): PlanAction | undefined {
  const [first, second = ""] = actions;
  if (actions.length > 2 || typeof first !== "string" || typeof second !== "string")
    return undefined;
  // An empty second step would read ["create", ""] as ["create"].
  if (actions.length === 2 && second === "") return undefined;
  return PLAN_ACTIONS.get(first)?.get(second);
}

const KNOWN_ACTIONS =
  'a list of action names this tool knows (["create"], ["update"], ["delete"], ["delete","create"], ["create","delete"], ["no-op"], ["read"], ["forget"], …)';

/** The action of a `change.actions` list; stops the run for anything else. */
function checkedAction(actions: unknown, path: string, shape: Shape): PlanAction {
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === "string")) {
    return shape.fail(path, "a list of action names", actions);
  }
  return planActionOf(actions) ?? shape.fail(path, KNOWN_ACTIONS, actions);
}

/**
 * `after_unknown` and the sensitivity marks mirror a value's shape: `true`
 * (all of it), `false`, or an object of marks. Anything else is a broken
 * plan — and `after_unknown` decides whether a value is looked up in the
 * configuration.
 */
function checkMarks(change: JsonObject, key: string, path: string, shape: Shape): unknown {
  const marks = own(change, key);
  if (marks === undefined || marks === null || typeof marks === "boolean" || isJsonObject(marks)) {
    return marks;
  }
  return shape.fail(pathTo(path, key), "true, false or an object of marks", marks);
}

const HINT =
  "this is not a plan as `terraform show -json PLANFILE` writes it: write the plan JSON again from the plan file";

// References resolved through the configuration wait until every key of the
// plan is known; aliases first, since a consumer may name a key by its alias.
const ALIAS_STAGE = 0;
const CONSUMER_STAGE = 1;

interface PlanContext {
  file: string;
  shape: Shape;
  warn(message: string): void;
  /** The ARN `prior_state` (or, failing that, `resource_drift`) records for an address. */
  priorArn(address: string): string | null;
  configuration(): PlanConfiguration;
  /** Address → key, for each key and alias the plan declares: what configuration references resolve to. */
  known: KnownKeys;
  /** Work to do once every key is known. */
  defer(stage: number, run: () => void): void;
}

/**
 * Reads the KMS keys, aliases, consumers and lookups a plan mentions, in
 * the plan's order (then prior-state-only resources, then outputs).
 *
 * A key that exists before the plan is identified by its ARN (`change.before`,
 * else `prior_state`, else `resource_drift`); a key being created is
 * identified by its address.
 *
 * @param doc the parsed plan JSON.
 * @param file the plan file as the user named it.
 * @throws InputError when `doc` is not a plan, has an unsupported
 *   `format_version`, a section of the wrong type (`null` included), or an
 *   entry that cannot be read.
 */
export function readTerraformPlan(doc: unknown, file: string): TerraformPlanResult {
  return readPlan(doc, file, (sections, shape) => ({
    priorResources: readPriorState(sections.priorState, shape).map(priorResource),
    drift: sections.drift.map((entry, index) => checkDrift(entry, index, shape)),
    // All checked before any is read: a broken entry stops the run before any warning.
    changes: sections.changes.map((entry, index) => checkResourceChange(entry, index, shape)),
  }));
}

/** The long sections of a plan document, their types checked. */
export interface PlanSections {
  changes: unknown[];
  priorState: JsonObject | null;
  drift: unknown[];
}

/**
 * The long lists of a plan, their entries checked: from a parsed document's
 * sections, or parsed entry by entry from the file's bytes (`plan-bytes.ts`).
 */
export interface PlanLists {
  priorResources: readonly PriorResource[];
  drift: readonly DriftEntry[];
  /** The `resource_changes` entries in the plan's order; each is read once, then let go. */
  changes: Iterable<ResourceChange>;
}

/** A `prior_state` resource, checked; its values are asked for only when it is read as state. */
export interface PriorResource {
  path: string;
  address: string;
  type: string;
  mode: "managed" | "data";
  deposed: boolean;
  /** A key's ARN (its only value a plan looks up by address); null for anything else. */
  arn: string | null;
  values(): JsonObject | null;
}

/** A resource of a parsed prior state as the reader takes it. */
export function priorResource(resource: ShowStateResource): PriorResource {
  const { path, address, type, mode, deposed, values } = resource;
  const arn = isKeyType(type) ? stringAt(values, "arn") : null;
  return { path, address, type, mode, deposed, arn, values: () => values };
}

/**
 * `readTerraformPlan` with the long lists supplied by `listsOf`, called once
 * the document's sections have been checked.
 */
export function readPlan(
  doc: unknown,
  file: string,
  listsOf: (sections: PlanSections, shape: Shape) => PlanLists,
): TerraformPlanResult {
  if (!isTerraformPlan(doc)) {
    throw new InputError(
      `${describeDocument(doc)}; expected a Terraform plan, the output of \`terraform show -json PLANFILE\``,
      file,
    );
  }
  checkFormatVersion(doc.format_version, file, "plan");
  const shape = new Shape(file, HINT);
  const changes =
    shape.sectionList(doc, "resource_changes", "resource_changes", "a list of resource changes") ??
    [];
  const priorState = shape.sectionObject(doc, "prior_state", "prior_state", "the prior state");
  shape.sectionObject(doc, "planned_values", "planned_values", "the planned values");
  const drift =
    shape.sectionList(doc, "resource_drift", "resource_drift", "a list of resource changes") ?? [];
  const outputChanges = shape.sectionObject(
    doc,
    "output_changes",
    "output_changes",
    "an object of output changes",
  );
  const configuration = shape.sectionObject(doc, "configuration", "configuration");
  if (configuration !== null) {
    shape.sectionObject(configuration, "root_module", "configuration.root_module");
  }

  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const lists = listsOf({ changes, priorState, drift }, shape);

  let priorArns: ReadonlyMap<string, string> | null = null;
  let plannedConfiguration: PlanConfiguration | null = null;
  const deferred: { stage: number; run: () => void }[] = [];
  const context: PlanContext = {
    file,
    shape,
    warn,
    // Built on first need: most plans only create keys and never look.
    priorArn: (address) => {
      priorArns ??= indexKnownArns(lists.priorResources, lists.drift);
      return priorArns.get(address) ?? null;
    },
    configuration: () => {
      plannedConfiguration ??= new PlanConfiguration(configuration);
      return plannedConfiguration;
    },
    known: new KnownKeys(),
    defer: (stage, run) => deferred.push({ stage, run }),
  };

  // One list per entry, filled now or by deferred work, so that the result keeps the plan's order.
  const slots: KeyReference[][] = [];
  const addresses = new Set<string>();
  for (const change of lists.changes) {
    slots.push(readResourceChange(change, context));
    addresses.add(change.address);
  }
  slots.push(readPriorStateOnly(lists.priorResources, addresses, context));
  if (outputChanges) slots.push(...readOutputChanges(outputChanges, context));

  deferred.sort((a, b) => a.stage - b.stage);
  for (const work of deferred) work.run();
  return { references: slots.flat(), warnings };
}

/** One `resource_changes` entry, checked. */
export interface ResourceChange {
  /** Its JSON path: `resource_changes[3]`. */
  path: string;
  address: string;
  type: string;
  mode: "managed" | "data";
  action: PlanAction;
  before: JsonObject | null;
  after: JsonObject | null;
  afterUnknown: unknown;
  deposed: boolean;
}

function readResourceChange(change: ResourceChange, context: PlanContext): KeyReference[] {
  const { action } = change;
  switch (resourceRole(change.type, change.mode)) {
    case "key":
      // A managed resource is never "read"; if a plan says so, it says nothing of the key.
      return action === "read" ? [] : [readKey(change, action, context)];
    case "alias":
      return action === "read" ? [] : readAlias(change, action, context);
    case "consumer":
      return action === "read" ? [] : readConsumer(change, action, context);
    case "lookup": {
      const values = change.after ?? change.before;
      return lookupReferences(
        referenceBase(change, context),
        values,
        false,
        tooDeepAt(valuesPath(change, values), context),
      );
    }
    case "none":
      return [];
  }
}

/**
 * Checks an entry's shape, whatever its type: an entry without a readable
 * type, address or mode may be a key as well as anything else.
 */
export function checkResourceChange(entry: unknown, index: number, shape: Shape): ResourceChange {
  const path = `resource_changes[${index}]`;
  const object = shape.object(entry, path, "a resource change (an object)");
  const type = shape.text(own(object, "type"), `${path}.type`, "a resource type (a string)");
  const address = shape.text(own(object, "address"), `${path}.address`, "an address (a string)");
  const mode = resourceMode(own(object, "mode"), `${path}.mode`, shape);
  const changePath = `${path}.change`;
  const change = shape.object(
    own(object, "change"),
    changePath,
    "the change (an object with actions, before and after)",
  );
  const action = checkedAction(own(change, "actions"), `${changePath}.actions`, shape);
  const before = shape.nullableObject(own(change, "before"), `${changePath}.before`);
  const after = shape.nullableObject(own(change, "after"), `${changePath}.after`);
  const afterUnknown = checkMarks(change, "after_unknown", changePath, shape);
  checkMarks(change, "before_sensitive", changePath, shape);
  checkMarks(change, "after_sensitive", changePath, shape);
  const deposed = shape.nullableText(own(object, "deposed"), `${path}.deposed`) !== null;
  return { path, address, type, mode, action, before, after, afterUnknown, deposed };
}

/** One `resource_drift` entry, checked: only a key's ARN is read from it. */
export interface DriftEntry {
  /** Absent in Terraform 1.0's drift entries. */
  address: string | null;
  type: string;
  before: JsonObject | null;
  after: JsonObject | null;
  deposed: boolean;
}

export function checkDrift(entry: unknown, index: number, shape: Shape): DriftEntry {
  const path = `resource_drift[${index}]`;
  const object = shape.object(entry, path, "a resource change (an object)");
  const type = shape.text(own(object, "type"), `${path}.type`, "a resource type (a string)");
  const address = shape.nullableText(own(object, "address"), `${path}.address`, "an address");
  resourceMode(own(object, "mode"), `${path}.mode`, shape);
  const changePath = `${path}.change`;
  const change = shape.object(own(object, "change"), changePath, "the change (an object)");
  const actions = own(change, "actions");
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === "string")) {
    shape.fail(`${changePath}.actions`, "a list of action names", actions);
  }
  return {
    address,
    type,
    before: shape.nullableObject(own(change, "before"), `${changePath}.before`),
    after: shape.nullableObject(own(change, "after"), `${changePath}.after`),
    deposed: shape.nullableText(own(object, "deposed"), `${path}.deposed`) !== null,
  };
}

/** `prior_state`'s resources, checked; none without a prior state or its values. */
function readPriorState(priorState: JsonObject | null, shape: Shape): ShowStateResource[] {
  if (priorState === null) return [];
  const values = shape.sectionObject(priorState, "values", "prior_state.values", "an object");
  return values === null ? [] : showStateResources(values, "prior_state.values", shape);
}

function referenceBase(change: ResourceChange, context: PlanContext): ReferenceBase {
  const action = change.action === "read" ? null : change.action;
  return {
    source: "terraform-plan",
    file: context.file,
    address: change.address,
    resourceType: change.type,
    action,
  };
}

/** The JSON path of the values an entry is read from. */
function valuesPath(change: ResourceChange, values: JsonObject | null): string {
  return `${change.path}.change.${values === change.before ? "before" : "after"}`;
}

/** Stops the run for a value nested too deep to search: a key below it would be missed. */
function tooDeepAt(path: string, context: PlanContext): (message: string) => never {
  return (message) => context.shape.refuse(path, message);
}

/** A key resource: its identity and what the change does to it. */
function readKey(change: ResourceChange, action: ChangeAction, context: PlanContext): KeyReference {
  const { address, before, after } = change;
  const type = change.type as TerraformKeyType;
  const target = keyTarget(change, action, context);
  // A deposed object shares its address with the current one, which references resolve to.
  if (!change.deposed) context.known.set(address, target);
  const keyChange: KeyChange = {
    action,
    source: "terraform-plan",
    address,
    deletionWindowDays: deletionWindowDays(action, before, after),
    disables: disables(change, action),
  };
  return {
    source: "terraform-plan",
    kind: "key",
    file: context.file,
    address,
    resourceType: type,
    attribute: target.kind === "arn" ? "arn" : null,
    target,
    action,
    change: keyChange,
    // Locations and inline suppressions are attached by the locator.
    location: null,
    suppressions: [],
  };
}

/**
 * The key an entry is about: the existing key's ARN for anything but a pure
 * create; the address for a key not created yet, or one whose ARN the plan
 * does not hold.
 */
function keyTarget(change: ResourceChange, action: ChangeAction, context: PlanContext): KeyTarget {
  const { address } = change;
  const planned: KeyTarget = { kind: "planned", address };
  if (action === "create") return planned;

  // A deposed object (left over from create_before_destroy) shares its
  // address with the current object, whose ARN is the one prior_state holds.
  const fromPriorState = change.deposed ? null : context.priorArn(address);
  const arn = stringAt(change.before, "arn") ?? fromPriorState;
  if (arn !== null && parseKmsArn(arn)?.resource === "key") return { kind: "arn", arn };
  // Without the ARN, AWS cannot be asked whether the key is in use: a
  // destructive change to it is not let through on an address alone.
  if (action === "delete" || action === "replace" || disables(change, action)) {
    context.shape.fail(
      `${change.path}.change.before.arn`,
      `the ARN of the key ${action === "delete" || action === "replace" ? `this ${action} acts on` : "this update disables"} (in change.before, prior_state or resource_drift)`,
      arn ?? undefined,
    );
  }
  context.warn(
    arn === null
      ? `${address}: the plan has no ARN for this key (neither in change.before nor in prior_state); identified by its address only`
      : `${address}: its arn is not a KMS key ARN; identified by its address only`,
  );
  return planned;
}

/**
 * The deletion window a delete or replace schedules. Null when the plan does
 * not say: Terraform then uses 30 days, but that is the provider's to decide.
 */
function deletionWindowDays(
  action: ChangeAction,
  before: JsonObject | null,
  after: JsonObject | null,
): number | null {
  if (action !== "delete" && action !== "replace") return null;
  const fromBefore = numberAt(before, "deletion_window_in_days");
  if (fromBefore !== null || action === "delete") return fromBefore;
  return numberAt(after, "deletion_window_in_days");
}

/** An update (or a no-op) that leaves an enabled key, or one not known to be disabled, disabled. */
function disables(change: ResourceChange, action: ChangeAction): boolean {
  if (action !== "update" && action !== "none") return false;
  const attribute = ENABLED_ATTRIBUTE[change.type as TerraformKeyType];
  return change.before?.[attribute] !== false && change.after?.[attribute] === false;
}

/** The values a plan entry is read from: what the resource will be, or what it was when it goes. */
function valuesOf(change: ResourceChange, action: ChangeAction): JsonObject | null {
  return action === "delete" ? change.before : (change.after ?? change.before);
}

/**
 * Where a resource lives, from its values, else from what it was before (a
 * create has no ARN yet). A getter: only a bare key id or alias name needs it.
 */
function placeOf(change: ResourceChange, values: JsonObject | null): () => ResourcePlace {
  return () => mergedPlace(change, values);
}

function mergedPlace(change: ResourceChange, values: JsonObject | null): ResourcePlace {
  const now = resourcePlace(values);
  if (values === change.before) return now;
  const then = resourcePlace(change.before);
  return {
    partition: now.partition ?? then.partition,
    region: now.region ?? then.region,
    account: now.account ?? then.account,
  };
}

/**
 * An `aws_kms_alias`: its name and the key it points at. A target not known
 * before apply (the key is created in the same plan) comes from the
 * configuration, and gives no reference when the configuration does not
 * tell; a known target that is no key id or key ARN stops the run.
 */
function readAlias(
  change: ResourceChange,
  action: ChangeAction,
  context: PlanContext,
): KeyReference[] {
  const values = valuesOf(change, action);
  const base = referenceBase(change, context);
  const aliasName = aliasNameOf(values) ?? aliasNameOf(change.before);
  const target = aliasTargetOf(values, mergedPlace(change, values));
  if (target !== null) {
    if (!change.deposed) context.known.set(change.address, target.target);
    return [makeReference(base, "alias", target.attribute, target.target, aliasName)];
  }
  const targetUnknown =
    action !== "delete" &&
    (isUnknownAt(change.afterUnknown, ["target_key_id"]) ||
      isUnknownAt(change.afterUnknown, ["target_key_arn"]));
  if (values !== null && !targetUnknown) {
    // Terraform always records an alias's target: without it, which key the alias names is lost.
    context.shape.fail(
      `${valuesPath(change, values)}.target_key_id`,
      "the key the alias points at (a key id or key ARN)",
      values.target_key_id,
    );
  }
  const slot: KeyReference[] = [];
  if (!targetUnknown) return slot;
  context.defer(ALIAS_STAGE, () => {
    const found = configuredTargets(change, context).find(
      (hit) => hit.path === "target_key_id" || hit.path === "target_key_arn",
    );
    if (!found) return;
    if (!change.deposed) context.known.set(change.address, found.target);
    slot.push(makeReference(base, "alias", found.path, found.target, aliasName));
  });
  return slot;
}

/**
 * A resource that may hold keys in its attributes: each key found is a
 * consumer reference. Values unknown before apply are looked up in the
 * configuration once every key of the plan is known.
 */
function readConsumer(
  change: ResourceChange,
  action: ChangeAction,
  context: PlanContext,
): KeyReference[] {
  const values = valuesOf(change, action);
  const base = referenceBase(change, context);
  const hits = attributeHits(
    values,
    false,
    placeOf(change, values),
    tooDeepAt(valuesPath(change, values), context),
  );
  const slot = hits.map((hit) => makeReference(base, "consumer", hit.path, hit.target));
  if (action === "delete" || !holdsTrue(change.afterUnknown)) return slot;
  context.defer(CONSUMER_STAGE, () => {
    const seen = new Set(hits.map((hit) => targetIdentity(hit.target)));
    for (const hit of configuredTargets(change, context)) {
      const identity = targetIdentity(hit.target);
      if (seen.has(identity)) continue;
      seen.add(identity);
      slot.push(makeReference(base, "consumer", hit.path, hit.target));
    }
  });
  return slot;
}

/** The keys that a resource's unknown values will hold, by its configuration's references. */
function configuredTargets(
  change: ResourceChange,
  context: PlanContext,
): { path: string; target: KeyTarget }[] {
  const scope = scopeOf(change.address);
  const configuration = context.configuration();
  const found: { path: string; target: KeyTarget }[] = [];
  for (const expression of configuration.keyExpressions(
    scope.names,
    relativeAddress(change, scope),
  )) {
    if (!isUnknownAt(change.afterUnknown, expression.steps)) continue;
    const target = configuration.resolve(expression.references, scope, context.known);
    if (target !== null) found.push({ path: expression.path, target });
  }
  return found;
}

/** `module.a["x"].aws_s3_bucket.b[0]` → `aws_s3_bucket.b`: the address the configuration declares it at. */
function relativeAddress(change: ResourceChange, scope: ModuleScope): string {
  const prefix = scope.steps.map((step) => `${step}.`).join("");
  const local = change.address.startsWith(prefix)
    ? change.address.slice(prefix.length)
    : change.address;
  const bracket = local.indexOf("[");
  return bracket === -1 ? local : local.slice(0, bracket);
}

/**
 * Resources `prior_state` has and `resource_changes` does not: a targeted
 * plan (`-target`) leaves the rest out, and data sources read while planning
 * are only in `prior_state`. Read as state: no action.
 */
function readPriorStateOnly(
  resources: readonly PriorResource[],
  inChanges: ReadonlySet<string>,
  context: PlanContext,
): KeyReference[] {
  const references: KeyReference[] = [];
  for (const resource of resources) {
    if (inChanges.has(resource.address)) continue;
    const { address, type, mode } = resource;
    const instance = {
      address,
      type,
      mode,
      values: resource.values(),
      path: pathTo(resource.path, "values"),
      flat: false,
    };
    references.push(...stateInstanceReferences(instance, "terraform-plan", context.shape));
  }
  return references;
}

/**
 * Address → ARN of every current resource instance in `prior_state`, then
 * of those `resource_drift` has and `prior_state` does not.
 */
function indexKnownArns(
  resources: readonly PriorResource[],
  drift: readonly DriftEntry[],
): Map<string, string> {
  const arns = new Map<string, string>();
  for (const resource of resources) {
    // Only keys are looked up. Deposed objects carry the address of the current one; only the current one counts.
    if (resource.deposed) continue;
    const arn = resource.arn;
    if (arn !== null && !arns.has(resource.address)) arns.set(resource.address, arn);
  }
  for (const entry of drift) {
    if (entry.deposed || entry.address === null || !isKeyType(entry.type)) continue;
    const arn = stringAt(entry.after, "arn") ?? stringAt(entry.before, "arn");
    if (arn !== null && !arns.has(entry.address)) arns.set(entry.address, arn);
  }
  return arns;
}

/** `output_changes`: keys in root module outputs, and in outputs unknown before apply, by configuration. */
function readOutputChanges(outputChanges: JsonObject, context: PlanContext): KeyReference[][] {
  const slots: KeyReference[][] = [];
  const { shape } = context;
  for (const name of Object.keys(outputChanges)) {
    const path = pathTo("output_changes", name);
    const entry = shape.object(outputChanges[name], path, "an output change (an object)");
    const planAction = checkedAction(own(entry, "actions"), pathTo(path, "actions"), shape);
    const action: ChangeAction =
      planAction === "read"
        ? shape.fail(pathTo(path, "actions"), "the actions of an output (outputs are never read)", [
            "read",
          ])
        : planAction;
    const side = action === "delete" ? "before" : "after";
    const afterUnknown = checkMarks(entry, "after_unknown", path, shape);
    const slot = outputReferences(
      name,
      own(entry, side),
      "terraform-plan",
      action,
      shape,
      pathTo(path, side),
    );
    slots.push(slot);
    if (action === "delete" || !holdsTrue(afterUnknown)) continue;
    context.defer(CONSUMER_STAGE, () => {
      const configuration = context.configuration();
      const references = configuration.outputReferences(name);
      const target =
        references === null ? null : configuration.resolve(references, scopeOf(""), context.known);
      if (target === null) return;
      if (slot.some((ref) => targetIdentity(ref.target) === targetIdentity(target))) return;
      const base = {
        source: "terraform-plan" as const,
        file: context.file,
        address: `output.${name}`,
        resourceType: null,
        action,
      };
      slot.push(makeReference(base, "output", null, target));
    });
  }
  return slots;
}
