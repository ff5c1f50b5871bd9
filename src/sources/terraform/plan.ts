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
 */

import type { ChangeAction, KeyChange, KeyReference, KeyTarget } from "../../model.js";
import { InputError } from "../../model.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { parseKmsArn } from "../key-ids.js";
import {
  isUnknownAt,
  KnownKeys,
  type ModuleScope,
  PlanConfiguration,
  scopeOf,
} from "./config-refs.js";
import {
  arrayAt,
  checkFormatVersion,
  clip,
  describeDocument,
  isTerraformPlan,
  jsonKind,
  numberAt,
  stringAt,
} from "./documents.js";
import { outputReferences } from "./outputs.js";
import {
  aliasNameOf,
  aliasTargetOf,
  attributeHits,
  isKeyType,
  lookupReferences,
  makeReference,
  type ReferenceBase,
  resourceRole,
  stateInstanceReferences,
  TERRAFORM_ALIAS_TYPE,
  type TerraformKeyType,
} from "./resources.js";
import { holdsTrue, type ResourcePlace, resourcePlace, targetIdentity } from "./scan.js";

export { isTerraformPlan } from "./documents.js";
export { TERRAFORM_KEY_TYPES, type TerraformKeyType } from "./resources.js";

/** What one plan file says about the keys it mentions. */
export interface TerraformPlanResult {
  references: KeyReference[];
  /**
   * Entries that were skipped or only partly read. Each names the resource
   * (or its index in `resource_changes`); the caller adds the file.
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

// References resolved through the configuration wait until every key of the
// plan is known; aliases first, since a consumer may name a key by its alias.
const ALIAS_STAGE = 0;
const CONSUMER_STAGE = 1;

// Real configurations nest modules a handful of levels; the bound only stops hostile input.
const MAX_MODULE_DEPTH = 64;

interface PlanContext {
  file: string;
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
 *   `format_version`, or a top-level section of the wrong type. A malformed
 *   single entry is skipped with a warning instead.
 */
export function readTerraformPlan(doc: unknown, file: string): TerraformPlanResult {
  if (!isTerraformPlan(doc)) {
    throw new InputError(
      `${describeDocument(doc)}; expected a Terraform plan, the output of \`terraform show -json PLANFILE\``,
      file,
    );
  }
  checkFormatVersion(doc.format_version, file, "plan");

  const changes = doc.resource_changes ?? [];
  if (!Array.isArray(changes)) {
    throw new InputError(`resource_changes is ${jsonKind(changes)}; expected an array`, file);
  }
  const priorState = doc.prior_state ?? null;
  if (priorState !== null && !isJsonObject(priorState)) {
    throw new InputError(`prior_state is ${jsonKind(priorState)}; expected an object`, file);
  }

  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const drift = optionalSection(doc, "resource_drift", "an array", Array.isArray, warn) ?? [];
  const outputChanges = optionalSection(doc, "output_changes", "an object", isJsonObject, warn);

  let priorArns: ReadonlyMap<string, string> | null = null;
  let configuration: PlanConfiguration | null = null;
  const deferred: { stage: number; run: () => void }[] = [];
  const context: PlanContext = {
    file,
    warn,
    // Built on first need: most plans only create keys and never look.
    priorArn: (address) => {
      priorArns ??= indexKnownArns(priorState, drift);
      return priorArns.get(address) ?? null;
    },
    configuration: () => {
      configuration ??= new PlanConfiguration(doc.configuration);
      return configuration;
    },
    known: new KnownKeys(),
    defer: (stage, run) => deferred.push({ stage, run }),
  };

  // One list per entry, filled now or by deferred work, so that the result keeps the plan's order.
  const slots: KeyReference[][] = [];
  const addresses = new Set<string>();
  changes.forEach((entry, index) => {
    slots.push(readResourceChange(entry, index, context));
    if (isJsonObject(entry) && typeof entry.address === "string") addresses.add(entry.address);
  });
  slots.push(readPriorStateOnly(priorState, addresses, context));
  if (outputChanges) slots.push(...readOutputChanges(outputChanges, context));

  deferred.sort((a, b) => a.stage - b.stage);
  for (const work of deferred) work.run();
  return { references: slots.flat(), warnings };
}

/** A top-level section that only adds detail: of the wrong type, it is ignored with a warning. */
function optionalSection<T>(
  doc: JsonObject,
  key: string,
  expected: string,
  test: (value: unknown) => value is T,
  warn: (message: string) => void,
): T | null {
  const value = doc[key] ?? null;
  if (value === null) return null;
  if (test(value)) return value;
  warn(`${key} is ${jsonKind(value)}, not ${expected}; ignored`);
  return null;
}

/** One `resource_changes` entry, checked. */
interface ResourceChange {
  address: string;
  type: string;
  mode: unknown;
  action: PlanAction;
  before: JsonObject | null;
  after: JsonObject | null;
  afterUnknown: unknown;
  deposed: boolean;
}

function readResourceChange(entry: unknown, index: number, context: PlanContext): KeyReference[] {
  const change = checkResourceChange(entry, index, context);
  if (change === null) return [];
  const { address, type, action } = change;
  switch (resourceRole(type, change.mode)) {
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
        warnAbout(address, context),
      );
    }
    case "none":
      return [];
  }
}

/**
 * Checks an entry's shape. A malformed entry of a KMS type is skipped with a
 * warning; a malformed entry of any other type is skipped silently, since it
 * would only matter if it held a key, and there is no telling.
 */
function checkResourceChange(
  entry: unknown,
  index: number,
  context: PlanContext,
): ResourceChange | null {
  const at = `resource_changes[${index}]`;
  if (!isJsonObject(entry)) {
    context.warn(`${at} is ${jsonKind(entry)}, not a resource change; skipped`);
    return null;
  }
  const { type, mode, address } = entry;
  if (typeof type !== "string") {
    context.warn(`${at} has no resource type; skipped`);
    return null;
  }
  const warn = isKeyType(type) || type === TERRAFORM_ALIAS_TYPE ? context.warn : () => {};
  if (typeof address !== "string" || address === "") {
    warn(`${at} (${type}) has no address; skipped`);
    return null;
  }
  if (mode !== "managed" && mode !== "data") {
    if (typeof mode !== "string") warn(`${address}: no resource mode; skipped`);
    return null;
  }
  const change = entry.change;
  if (!isJsonObject(change)) {
    warn(`${address}: change is ${jsonKind(change)}, not an object; skipped`);
    return null;
  }
  const actions = change.actions;
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === "string")) {
    warn(`${address}: change.actions is not a list of action names; skipped`);
    return null;
  }
  const action = planActionOf(actions);
  if (action === undefined) {
    warn(
      `${address}: change.actions ${clip(JSON.stringify(actions))} is not an action this tool knows; skipped`,
    );
    return null;
  }
  const before = change.before ?? null;
  const after = change.after ?? null;
  if ((before !== null && !isJsonObject(before)) || (after !== null && !isJsonObject(after))) {
    warn(`${address}: change.before or change.after is not an object; skipped`);
    return null;
  }
  return {
    address,
    type,
    mode,
    action,
    before,
    after,
    afterUnknown: change.after_unknown,
    deposed: entry.deposed !== undefined,
  };
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

function warnAbout(address: string, context: PlanContext): (message: string) => void {
  return (message) => context.warn(`${address}: ${message}`);
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
    disables: disables(type, action, before, after),
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
  if (arn === null) {
    context.warn(
      `${address}: the plan has no ARN for this key (neither in change.before nor in prior_state); identified by its address only`,
    );
    return planned;
  }
  if (parseKmsArn(arn)?.resource !== "key") {
    context.warn(`${address}: its arn is not a KMS key ARN; identified by its address only`);
    return planned;
  }
  return { kind: "arn", arn };
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
function disables(
  type: TerraformKeyType,
  action: ChangeAction,
  before: JsonObject | null,
  after: JsonObject | null,
): boolean {
  if (action !== "update" && action !== "none") return false;
  const attribute = ENABLED_ATTRIBUTE[type];
  return before?.[attribute] !== false && after?.[attribute] === false;
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
 * configuration; an alias whose target cannot be told gives no reference.
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
  const slot: KeyReference[] = [];
  if (action === "delete" || !holdsTrue(change.afterUnknown)) return slot;
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
    warnAbout(change.address, context),
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
  priorState: JsonObject | null,
  inChanges: ReadonlySet<string>,
  context: PlanContext,
): KeyReference[] {
  const references: KeyReference[] = [];
  forEachPriorResource(priorState, (resource) => {
    const address = stringAt(resource, "address");
    const type = stringAt(resource, "type");
    if (address === null || type === null || inChanges.has(address)) return;
    const values = isJsonObject(resource.values) ? resource.values : null;
    const instance = { address, type, mode: resource.mode, values, flat: false };
    references.push(
      ...stateInstanceReferences(
        instance,
        "terraform-plan",
        context.file,
        warnAbout(address, context),
      ),
    );
  });
  return references;
}

/** Every resource object in `prior_state`, child modules breadth-first, iteratively. */
function forEachPriorResource(
  priorState: JsonObject | null,
  visit: (resource: JsonObject) => void,
): void {
  const values = priorState?.values;
  const modules: { module: unknown; depth: number }[] = isJsonObject(values)
    ? [{ module: values.root_module, depth: 0 }]
    : [];
  for (let i = 0; i < modules.length; i++) {
    const { module, depth } = modules[i] as (typeof modules)[number];
    if (!isJsonObject(module) || depth > MAX_MODULE_DEPTH) continue;
    for (const resource of arrayAt(module, "resources")) {
      if (isJsonObject(resource)) visit(resource);
    }
    for (const child of arrayAt(module, "child_modules")) {
      modules.push({ module: child, depth: depth + 1 });
    }
  }
}

/**
 * Address → ARN of every current resource instance in `prior_state`, then
 * of those `resource_drift` has and `prior_state` does not.
 */
function indexKnownArns(priorState: JsonObject | null, drift: unknown[]): Map<string, string> {
  const arns = new Map<string, string>();
  forEachPriorResource(priorState, (resource) => {
    // Only keys are looked up. Deposed objects carry the address of the current one; only the current one counts.
    if (typeof resource.type !== "string" || !isKeyType(resource.type)) return;
    if (resource.deposed_key !== undefined) return;
    const address = stringAt(resource, "address");
    const arn = isJsonObject(resource.values) ? stringAt(resource.values, "arn") : null;
    if (address !== null && arn !== null && !arns.has(address)) arns.set(address, arn);
  });
  for (const entry of drift) {
    if (!isJsonObject(entry) || entry.deposed !== undefined || !isJsonObject(entry.change))
      continue;
    if (typeof entry.type !== "string" || !isKeyType(entry.type)) continue;
    const address = stringAt(entry, "address");
    const { after, before } = entry.change;
    const arn =
      (isJsonObject(after) ? stringAt(after, "arn") : null) ??
      (isJsonObject(before) ? stringAt(before, "arn") : null);
    if (address !== null && arn !== null && !arns.has(address)) arns.set(address, arn);
  }
  return arns;
}

/** `output_changes`: keys in root module outputs, and in outputs unknown before apply, by configuration. */
function readOutputChanges(outputChanges: JsonObject, context: PlanContext): KeyReference[][] {
  const slots: KeyReference[][] = [];
  for (const name of Object.keys(outputChanges)) {
    const entry = outputChanges[name];
    const actions = isJsonObject(entry) ? entry.actions : undefined;
    const planAction = Array.isArray(actions) ? planActionOf(actions) : undefined;
    if (!isJsonObject(entry) || planAction === undefined || planAction === "read") {
      context.warn(`output_changes.${name}: not an output change this tool knows; skipped`);
      continue;
    }
    const action: ChangeAction = planAction;
    const value = action === "delete" ? entry.before : entry.after;
    const warn = warnAbout(`output.${name}`, context);
    const slot = outputReferences(name, value, "terraform-plan", context.file, action, warn);
    slots.push(slot);
    if (action === "delete" || !holdsTrue(entry.after_unknown)) continue;
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
