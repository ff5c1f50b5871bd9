/** `--key REF`: a key the user names on the command line. */

import { isKeyId, parseKmsArn } from "../aws/key-ids.js";
import { InputError, type KeyReference, type KeyTarget } from "../model.js";

/** A reference for each `--key` value: a key ARN, key id, alias name or alias ARN. */
export function explicitReferences(refs: string[]): KeyReference[] {
  return refs.map((text) => ({
    source: "explicit",
    kind: "key",
    file: "--key",
    address: null,
    resourceType: null,
    attribute: null,
    target: parseKeyRef(text),
    action: null,
    change: null,
    location: null,
    suppressions: [],
  }));
}

/** Parses what a user may name a key by; an InputError says what is accepted. */
export function parseKeyRef(text: string): KeyTarget {
  const arn = parseKmsArn(text);
  if (arn?.resource === "key") return { kind: "arn", arn: text };
  if (arn?.resource === "alias") {
    return { kind: "alias", name: arn.id, arn: text, region: arn.region };
  }
  if (isKeyId(text)) return { kind: "key-id", keyId: text, region: null };
  if (/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(text)) {
    return { kind: "alias", name: text, arn: null, region: null };
  }
  throw new InputError(
    `--key ${JSON.stringify(text)}: expected a key ARN, a key id (UUID or mrk-…), an alias name (alias/…) or an alias ARN`,
  );
}
