/** Key references as short rows, for exact assertions on what a template or assembly yields. */
import type { KeyReference, KeyTarget } from "../../../src/model.js";

/**
 * A target, short: `@Stack/LogicalId` for a stack resource, a key or alias ARN as
 * it is, `alias/x@region` or `keyid@region` (`?` for an unknown region) for a
 * name without its ARN.
 */
export function shortTarget(target: KeyTarget): string {
  switch (target.kind) {
    case "stack-resource":
      return `@${target.stack}/${target.logicalId}`;
    case "arn":
      return target.arn;
    case "alias":
      return target.arn ?? `${target.name}@${target.region ?? "?"}`;
    case "key-id":
      return `${target.keyId}@${target.region ?? "?"}`;
    case "planned":
      return `planned:${target.address}`;
  }
}

/** `[kind, address, attribute, target]`, and the alias name where the reference has one. */
export type ReferenceRow = [string, string | null, string | null, string, string?];

export function referenceRows(references: readonly KeyReference[]): ReferenceRow[] {
  return references.map((ref) => {
    const row: ReferenceRow = [ref.kind, ref.address, ref.attribute, shortTarget(ref.target)];
    if (ref.aliasName !== undefined) row.push(ref.aliasName);
    return row;
  });
}
