/**
 * Building a KeyReference: what every reference of one resource or output
 * shares, and the fields each kind adds. Shared by both source readers.
 */
import type { ChangeAction, KeyReference, KeyTarget, SourceKind } from "../model.js";

/** What every reference of one resource shares. */
export interface ReferenceBase {
  source: SourceKind;
  file: string;
  address: string;
  resourceType: string | null;
  action: ChangeAction | null;
}

/** A reference without a change: an alias, a consumer, a lookup or an output. */
export function makeReference(
  base: ReferenceBase,
  kind: KeyReference["kind"],
  attribute: string | null,
  target: KeyTarget,
  aliasName?: string | null,
): KeyReference {
  const reference: KeyReference = {
    source: base.source,
    kind,
    file: base.file,
    address: base.address,
    resourceType: base.resourceType,
    attribute,
    target,
    action: base.action,
    change: null,
    // Locations and inline suppressions are attached by the locator.
    location: null,
    suppressions: [],
  };
  if (aliasName != null) reference.aliasName = aliasName;
  return reference;
}
