/** Builders for the facts stage's tests: a reference to a key, and DescribeKey's metadata. */
import type { KeyReference, KeyTarget } from "../../src/model.js";

/** What a reference must say; everything else has a default in `reference()`. */
export type ReferenceFields = Pick<
  KeyReference,
  "source" | "kind" | "file" | "address" | "target"
> &
  Partial<KeyReference>;

/**
 * A KeyReference as a source makes it: `fields` on top of what a source says when it knows
 * nothing more (no resource type or attribute, no action or change, no location, no
 * suppressions). `toEqual(reference({...}))` asserts the same object as the full literal.
 */
export function reference(fields: ReferenceFields): KeyReference {
  return {
    resourceType: null,
    attribute: null,
    action: null,
    change: null,
    location: null,
    suppressions: [],
    ...fields,
  };
}

/** A `--key` reference to `target` (a bare ARN string is a key ARN). */
export function keyRef(
  target: KeyTarget | string,
  extra: Partial<KeyReference> = {},
): KeyReference {
  return reference({
    source: "explicit",
    kind: "key",
    file: "--key",
    address: null,
    target: typeof target === "string" ? { kind: "arn", arn: target } : target,
    ...extra,
  });
}

/** DescribeKey's KeyMetadata for an enabled customer managed key, as a snapshot keeps it. */
export function keyMetadata(arn: string, extra: Record<string, unknown> = {}) {
  return {
    KeyId: arn.slice(arn.lastIndexOf("/") + 1),
    Arn: arn,
    AWSAccountId: arn.split(":")[4],
    KeyState: "Enabled",
    Enabled: true,
    KeyManager: "CUSTOMER",
    CreationDate: "2026-06-01T00:00:00Z",
    ...extra,
  };
}
