/**
 * What a Terraform resource instance says about KMS keys, whichever document
 * it comes from (plan, `terraform show -json` state, raw state): the key it
 * declares, the key an alias points at, the keys a consumer's attributes hold,
 * the keys a data source looks up.
 */

import { isAliasName, isKeyId, parseKmsArn } from "../../aws/key-ids.js";
import type { KeyReference, KeyTarget, SourceKind } from "../../model.js";
import type { JsonObject } from "../json.js";
import { makeReference, type ReferenceBase } from "../reference.js";
import {
  bareKeyTarget,
  type Hit,
  type ResourcePlace,
  scanFlatAttributes,
  scanValue,
} from "../scan.js";
import { pathTo, type Shape } from "../shape.js";
import { stringAt } from "./documents.js";
import { resourcePlace } from "./values.js";

/** Terraform resource types that declare a KMS key. */
export const TERRAFORM_KEY_TYPES = [
  "aws_kms_key",
  "aws_kms_replica_key",
  "aws_kms_external_key",
  "aws_kms_replica_external_key",
] as const;

export type TerraformKeyType = (typeof TERRAFORM_KEY_TYPES)[number];

export const TERRAFORM_ALIAS_TYPE = "aws_kms_alias";

// Parts of a key rather than users of it: a key's policy goes (or is
// replaced) with its key, so counting it as a consumer would make every key
// with a separate policy look "still referenced" when it is deleted or replaced.
const KEY_PART_TYPES: ReadonlySet<string> = new Set(["aws_kms_key_policy"]);

/**
 * What a resource is to the keys it mentions.
 *
 * - `key`: declares one (`aws_kms_key`, …);
 * - `alias`: an `aws_kms_alias`;
 * - `consumer`: any other managed resource. This includes IAM policies and
 *   policy strings that name a key ARN: they grant use of the key, and a key
 *   deleted under them breaks whatever relies on that grant;
 * - `lookup`: a data source. A lookup neither declares nor uses a key, so it
 *   is read as kind `key` with no action (it makes the key a subject) and only
 *   for the keys it names, never counted as a consumer;
 * - `none`: nothing to read.
 */
export type ResourceRole = "key" | "alias" | "consumer" | "lookup" | "none";

export function resourceRole(type: string, mode: unknown): ResourceRole {
  if (mode === "data") return "lookup";
  if (mode !== "managed") return "none";
  if (isKeyType(type)) return "key";
  if (type === TERRAFORM_ALIAS_TYPE) return "alias";
  return KEY_PART_TYPES.has(type) ? "none" : "consumer";
}

export function isKeyType(type: string): type is TerraformKeyType {
  return (TERRAFORM_KEY_TYPES as readonly string[]).includes(type);
}

/** The alias name an `aws_kms_alias`'s attributes give: `name`, else read from its `arn` or `id` (a `name_prefix` alias). */
export function aliasNameOf(values: JsonObject | null): string | null {
  const name = stringAt(values, "name");
  if (name !== null && isAliasName(name)) return name;
  const arn = parseKmsArn(stringAt(values, "arn") ?? "");
  if (arn?.resource === "alias") return arn.id;
  const id = stringAt(values, "id");
  return id !== null && isAliasName(id) ? id : null;
}

/** The key an `aws_kms_alias` points at, from `target_key_arn` or `target_key_id` (which takes an ARN too). */
export function aliasTargetOf(
  values: JsonObject | null,
  place: ResourcePlace,
): { attribute: string; target: KeyTarget } | null {
  for (const attribute of ["target_key_arn", "target_key_id"]) {
    const value = stringAt(values, attribute);
    if (value === null) continue;
    if (parseKmsArn(value)?.resource === "key")
      return { attribute, target: { kind: "arn", arn: value } };
    if (isKeyId(value)) return { attribute, target: bareKeyTarget(value, place) };
  }
  return null;
}

/**
 * The keys in a resource's attributes, nested (`values`, `attributes`) or flat
 * (`attributes_flat`, state v3).
 *
 * @param tooDeep stops the run when the values nest deeper than the scan
 *   goes: a key below would be missed.
 */
export function attributeHits(
  values: JsonObject | null,
  flat: boolean,
  place: ResourcePlace | (() => ResourcePlace),
  tooDeep: (message: string) => never,
): Hit[] {
  if (values === null) return [];
  return flat ? scanFlatAttributes(values, { place }) : scanValue(values, { place, tooDeep });
}

/** A data source's references: the keys it looks up, as kind `key` with no action. */
export function lookupReferences(
  base: ReferenceBase,
  values: JsonObject | null,
  flat: boolean,
  tooDeep: (message: string) => never,
): KeyReference[] {
  const hits = attributeHits(values, flat, resourcePlace(values), tooDeep);
  const aliasName = base.resourceType === TERRAFORM_ALIAS_TYPE ? aliasNameOf(values) : null;
  const lookup = { ...base, action: null };
  return hits
    .filter((hit) => hit.target.kind === "arn" || hit.target.kind === "key-id")
    .map((hit) => makeReference(lookup, "key", hit.path, hit.target, aliasName));
}

/** A resource instance as state records it: no change, only its attributes. */
export interface StateInstance {
  address: string;
  type: string;
  mode: unknown;
  values: JsonObject | null;
  /** The JSON path of `values` (`resources[2].instances[0].attributes`), for messages. */
  path: string;
  /** `values` is a flat map (`"rule.0.kms_key_id": "…"`). */
  flat: boolean;
}

/**
 * Every reference of one resource instance in state: a key (by its ARN), an
 * alias, a consumer's keys, a data source's keys. None has an action: state
 * says what is, not what changes.
 *
 * @throws InputError (through `shape`) for a key without an ARN or key id,
 *   or an alias without a target: state always records them, and a key that
 *   cannot be identified is a key whose use cannot be checked.
 */
export function stateInstanceReferences(
  instance: StateInstance,
  source: SourceKind,
  shape: Shape,
): KeyReference[] {
  const { address, type, values, flat, path } = instance;
  const base: ReferenceBase = {
    source,
    file: shape.file,
    address,
    resourceType: type,
    action: null,
  };
  const place = resourcePlace(values);
  const tooDeep = (message: string) => shape.refuse(path, message);
  switch (resourceRole(type, instance.mode)) {
    case "key": {
      const target = stateKeyTarget(values, place);
      if (target === null) {
        return shape.fail(pathTo(path, "arn"), "the key's ARN (or its key_id)", values?.arn);
      }
      return [makeReference(base, "key", target.attribute, target.target)];
    }
    case "alias": {
      const target = aliasTargetOf(values, place);
      if (target === null) {
        return shape.fail(
          pathTo(path, "target_key_id"),
          "the key the alias points at (a key id or key ARN)",
          values?.target_key_id,
        );
      }
      return [makeReference(base, "alias", target.attribute, target.target, aliasNameOf(values))];
    }
    case "consumer":
      return attributeHits(values, flat, place, tooDeep).map((hit) =>
        makeReference(base, "consumer", hit.path, hit.target),
      );
    case "lookup":
      return lookupReferences(base, values, flat, tooDeep);
    case "none":
      return [];
  }
}

function stateKeyTarget(
  values: JsonObject | null,
  place: ResourcePlace,
): { attribute: string; target: KeyTarget } | null {
  const arn = stringAt(values, "arn");
  if (arn !== null && parseKmsArn(arn)?.resource === "key") {
    return { attribute: "arn", target: { kind: "arn", arn } };
  }
  for (const attribute of ["key_id", "id"]) {
    const id = stringAt(values, attribute);
    if (id !== null && isKeyId(id)) return { attribute, target: bareKeyTarget(id, place) };
  }
  return null;
}
