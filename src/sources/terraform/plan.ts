/**
 * Key references from a Terraform plan: the JSON of `terraform show -json
 * PLANFILE` (SPEC §2, "Terraform plan").
 */

import type { ChangeAction, KeyChange, KeyReference, KeyTarget } from "../../model.js";
import { InputError } from "../../model.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { parseKmsArn } from "../key-ids.js";

/** Terraform resource types that declare a KMS key. */
export const TERRAFORM_KEY_TYPES = [
  "aws_kms_key",
  "aws_kms_replica_key",
  "aws_kms_external_key",
  "aws_kms_replica_external_key",
] as const;

export type TerraformKeyType = (typeof TERRAFORM_KEY_TYPES)[number];

/** What one plan file says about the keys it declares. */
export interface TerraformPlanResult {
  references: KeyReference[];
  /**
   * Entries that were skipped or only partly read. Each names the resource
   * (or its index in `resource_changes`); the caller adds the file.
   */
  warnings: string[];
}

// Top-level sections of a plan. State printed by `terraform show -json`
// without a plan file has `values` instead.
const PLAN_SECTIONS = [
  "resource_changes",
  "planned_values",
  "prior_state",
  "configuration",
  "output_changes",
] as const;

// Terraform promises that a minor format version only adds fields; a new major
// version may change meanings, and Terraform's documentation says to reject it.
const SUPPORTED_FORMAT_MAJORS: ReadonlySet<number> = new Set([0, 1]);

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

// Keyed by the JSON of the array, so that an action string containing a
// separator cannot pass for a pair.
const PLAN_ACTIONS: ReadonlyMap<string, PlanAction> = new Map(
  ACTION_TABLE.map(([actions, action]) => [JSON.stringify(actions), action]),
);

/**
 * True for the JSON of a Terraform plan: an object with `format_version` and
 * at least one plan section, and without the `values` root that state has.
 */
export function isTerraformPlan(doc: unknown): doc is JsonObject {
  return (
    isJsonObject(doc) &&
    Object.hasOwn(doc, "format_version") &&
    !Object.hasOwn(doc, "values") &&
    PLAN_SECTIONS.some((section) => Object.hasOwn(doc, section))
  );
}

/**
 * Reads the KMS keys a plan creates, changes, deletes or leaves alone, from
 * `resource_changes`, in the plan's order.
 *
 * A key that exists before the plan is identified by its ARN (`change.before`,
 * else `prior_state`); a key being created is identified by its address.
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
  checkFormatVersion(doc.format_version, file);

  const changes = doc.resource_changes ?? [];
  if (!Array.isArray(changes)) {
    throw new InputError(`resource_changes is ${jsonKind(changes)}; expected an array`, file);
  }
  const priorState = doc.prior_state ?? null;
  if (priorState !== null && !isJsonObject(priorState)) {
    throw new InputError(`prior_state is ${jsonKind(priorState)}; expected an object`, file);
  }

  const warnings: string[] = [];
  let priorArns: ReadonlyMap<string, string> | null = null;
  const context: EntryContext = {
    file,
    warn: (message) => warnings.push(message),
    // Built on first need: most plans only create keys and never look.
    priorArn: (address) => {
      priorArns ??= indexPriorStateArns(priorState);
      return priorArns.get(address) ?? null;
    },
  };

  const references: KeyReference[] = [];
  changes.forEach((entry, index) => {
    const reference = readResourceChange(entry, index, context);
    if (reference) references.push(reference);
  });
  return { references, warnings };
}

interface EntryContext {
  file: string;
  warn(message: string): void;
  /** The ARN `prior_state` records for an address, if any. */
  priorArn(address: string): string | null;
}

// Aliases (aws_kms_alias), data sources and consumers are read in a later issue.
function readResourceChange(
  entry: unknown,
  index: number,
  context: EntryContext,
): KeyReference | null {
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
  if (!isKeyType(type)) return null;
  if (typeof address !== "string" || address === "") {
    context.warn(`${at} (${type}) has no address; skipped`);
    return null;
  }
  if (mode !== "managed") {
    if (typeof mode !== "string") context.warn(`${address}: no resource mode; skipped`);
    return null;
  }

  const change = entry.change;
  if (!isJsonObject(change)) {
    context.warn(`${address}: change is ${jsonKind(change)}, not an object; skipped`);
    return null;
  }
  const actions = change.actions;
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === "string")) {
    context.warn(`${address}: change.actions is not a list of action names; skipped`);
    return null;
  }
  const planAction = PLAN_ACTIONS.get(JSON.stringify(actions));
  if (planAction === undefined) {
    context.warn(
      `${address}: change.actions ${clip(JSON.stringify(actions))} is not an action this tool knows; skipped`,
    );
    return null;
  }
  if (planAction === "read") return null;
  const action: ChangeAction = planAction;

  const before = change.before ?? null;
  const after = change.after ?? null;
  if ((before !== null && !isJsonObject(before)) || (after !== null && !isJsonObject(after))) {
    context.warn(`${address}: change.before or change.after is not an object; skipped`);
    return null;
  }

  const target = keyTarget(address, action, before, entry.deposed, context);
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
    // Locating the `.tf` block is a later issue.
    location: null,
    suppressions: [],
  };
}

function isKeyType(type: string): type is TerraformKeyType {
  return (TERRAFORM_KEY_TYPES as readonly string[]).includes(type);
}

/**
 * The key an entry is about: the existing key's ARN for anything but a pure
 * create; the address for a key not created yet, or one whose ARN the plan
 * does not hold.
 */
function keyTarget(
  address: string,
  action: ChangeAction,
  before: JsonObject | null,
  deposed: unknown,
  context: EntryContext,
): KeyTarget {
  const planned: KeyTarget = { kind: "planned", address };
  if (action === "create") return planned;

  // A deposed object (left over from create_before_destroy) shares its
  // address with the current object, whose ARN is the one prior_state holds.
  const fromPriorState = deposed === undefined ? context.priorArn(address) : null;
  const arn = stringAt(before, "arn") ?? fromPriorState;
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

/**
 * Address → ARN of every current resource instance in `prior_state`,
 * searching child modules breadth-first. Iterative, so a deeply nested
 * hostile document cannot overflow the stack.
 */
function indexPriorStateArns(priorState: JsonObject | null): Map<string, string> {
  const arns = new Map<string, string>();
  const values = priorState?.values;
  const modules: unknown[] = isJsonObject(values) ? [values.root_module] : [];
  for (let i = 0; i < modules.length; i++) {
    const module = modules[i];
    if (!isJsonObject(module)) continue;
    for (const resource of arrayAt(module, "resources")) {
      // Deposed objects carry the address of the current one; only the current one counts.
      if (!isJsonObject(resource) || resource.deposed_key !== undefined) continue;
      const address = stringAt(resource, "address");
      const arn = isJsonObject(resource.values) ? stringAt(resource.values, "arn") : null;
      if (address !== null && arn !== null && !arns.has(address)) arns.set(address, arn);
    }
    for (const child of arrayAt(module, "child_modules")) modules.push(child);
  }
  return arns;
}

function checkFormatVersion(version: unknown, file: string): void {
  const match = typeof version === "string" ? /^(\d+)\.\d+$/.exec(version) : null;
  if (!match) {
    throw new InputError(
      `format_version is ${JSON.stringify(version)}; expected a version like "1.2"`,
      file,
    );
  }
  if (!SUPPORTED_FORMAT_MAJORS.has(Number(match[1]))) {
    throw new InputError(
      `plan format_version ${version} is not supported; this version of kms-usage-lint reads plan formats 0.x and 1.x`,
      file,
    );
  }
}

/** What a document that is not a plan looks like, to tell the user what they passed. */
function describeDocument(doc: unknown): string {
  if (!isJsonObject(doc)) return `the file holds ${jsonKind(doc)}`;
  const has = (key: string) => Object.hasOwn(doc, key);
  if (has("format_version") && has("values")) {
    return "this is Terraform state as `terraform show -json` prints it without a plan file (it has `values`, not `resource_changes`)";
  }
  if (has("version") && has("resources") && has("terraform_version")) {
    return "this is a raw Terraform state file (terraform.tfstate)";
  }
  if (has("AWSTemplateFormatVersion") || has("Resources")) {
    return "this is a CloudFormation template";
  }
  if (has("artifacts") && has("version")) return "this is a CDK cloud assembly manifest";
  if (has("format_version")) {
    return `this JSON object has format_version but none of ${PLAN_SECTIONS.join(", ")}`;
  }
  const values = Object.values(doc);
  if (values.length > 0 && values.every((v) => isJsonObject(v) && Object.hasOwn(v, "value"))) {
    return "this looks like `terraform output -json`";
  }
  return "this JSON object has none of the fields of a Terraform plan (format_version, resource_changes, …)";
}

/** "an array", "null", "a string", … for messages about a value of the wrong type. */
function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "missing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

// Enough for any real action list; a hostile one is not echoed whole.
const MAX_ECHO_CHARS = 80;

function clip(text: string): string {
  return text.length <= MAX_ECHO_CHARS ? text : `${text.slice(0, MAX_ECHO_CHARS)}…`;
}

function stringAt(object: JsonObject | null, key: string): string | null {
  const value = object?.[key];
  return typeof value === "string" ? value : null;
}

function numberAt(object: JsonObject | null, key: string): number | null {
  const value = object?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function arrayAt(object: JsonObject, key: string): unknown[] {
  const value = object[key];
  return Array.isArray(value) ? value : [];
}
