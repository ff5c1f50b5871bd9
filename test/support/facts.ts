/** Builders for the facts stage's tests: a reference to a key, and DescribeKey's metadata. */
import type { KeyReference, KeyTarget } from "../../src/model.js";

/** A `--key` reference to `target` (a bare ARN string is a key ARN). */
export function keyRef(
  target: KeyTarget | string,
  extra: Partial<KeyReference> = {},
): KeyReference {
  return {
    source: "explicit",
    kind: "key",
    file: "--key",
    address: null,
    resourceType: null,
    attribute: null,
    target: typeof target === "string" ? { kind: "arn", arn: target } : target,
    action: null,
    change: null,
    location: null,
    suppressions: [],
    ...extra,
  };
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
