/**
 * A facts snapshot read from its file's bytes entry by entry (issue 17): a merged
 * inventory of 400,000 keys is some 330 MB, and read whole it was one string of that
 * size, then an object tree of several times it. Here each key's entry is parsed from its
 * own bytes, checked against the facts schema and let go — the snapshot keeps where it
 * lies (snapshot-keys.ts), and parses it again when it is asked for — and each alias is
 * read the same way; the rest of the document is small and parsed as usual.
 *
 * What is accepted is exactly what `readSnapshot` accepts of the parsed document: the
 * same schema checks every piece — the document without its keys and aliases, then each
 * key's entry in a document of its own — and each name and alias target is tested with
 * the pattern the schema gives it. A snapshot this reader is not sure of — a
 * repeated key, a byte out of place, a piece the schema refuses, a document that is no
 * snapshot — throws `NotPiecewise`, and the caller reads the whole text instead, so that
 * every message stays the one the whole-text reading gives.
 */

import { ALIAS_ARN_PATTERN, KEY_ARN_PATTERN } from "../aws/key-ids.js";
import { bodyStart, JsonBytes, NotPiecewise } from "../json-bytes.js";
import { type CheckedSnapshot, type Snapshot, type SnapshotEntry, snapshotOf } from "./snapshot.js";
import { SnapshotKeys } from "./snapshot-keys.js";
import { factsSchema } from "./snapshot-schema.js";
import { validateFacts } from "./snapshot-validator.generated.js";

// The members a snapshot may have (the schema allows no others): a document with another
// (a JSON report given to merge) is no snapshot, known at its first such member rather
// than after all of it is parsed.
const MEMBERS = new Set(Object.keys(factsSchema().properties as object));

const OPEN_BRACE = 0x7b;
const QUOTE = 0x22;

// The names the schema allows in `keys` and `aliases` (its propertyNames), and an alias's
// target, as ajv tests them.
const KEY_NAME = new RegExp(KEY_ARN_PATTERN, "u");
const ALIAS_NAME = new RegExp(ALIAS_ARN_PATTERN, "u");

// Each entry is checked under this name in a document of its own: the schema's checks of
// an entry depend neither on its name (checked by the pattern above) nor on the rest of
// the document, and one name keeps the document one shape for V8.
const SOME_KEY = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-4000-8000-000000000000";

/**
 * Reads the facts snapshot in `bytes` piecewise; the snapshot holds `bytes`, its keys'
 * entries are parsed from them when asked for.
 *
 * @throws NotPiecewise when the bytes are not a snapshot this reader is sure of: read
 *   the whole text then (it says what is wrong, or what else the file is).
 * @throws InputError for what the schema cannot say of the inventory, as readSnapshot does.
 */
export function readSnapshotBytes(bytes: Buffer, file: string): Snapshot {
  const json = new JsonBytes(bytes);
  const start = json.skipBlank(bodyStart(bytes));
  if (json.at(start) !== OPEN_BRACE) throw new NotPiecewise("not a JSON object");
  // The document as JSON.parse would give it, its keys and aliases left empty.
  const doc: Record<string, unknown> = {};
  const keys = new SnapshotKeys();
  const aliases = new Map<string, string>();
  let keysRead = false;
  const end = json.eachMember(start, (name, at) => {
    if (Object.hasOwn(doc, name)) throw new NotPiecewise("a member repeats");
    if (!MEMBERS.has(name)) throw new NotPiecewise("a member no snapshot has");
    const long = json.at(at) === OPEN_BRACE && (name === "keys" || name === "aliases");
    let end: number;
    if (long && name === "keys") {
      end = readKeys(json, at, keys);
      keysRead = true;
    } else if (long) {
      end = readAliases(json, at, aliases);
    } else {
      end = json.valueEnd(at);
    }
    // As JSON.parse sets members: `__proto__` is a member like any other.
    Object.defineProperty(doc, name, {
      value: long ? {} : json.parse(at, end),
      writable: true,
      enumerable: true,
      configurable: true,
    });
    return end;
  });
  json.expectEnd(end);
  if (!keysRead) throw new NotPiecewise("no keys object");
  if (!validateFacts(doc)) throw new NotPiecewise("the document is not a valid snapshot");
  return snapshotOf(doc as unknown as CheckedSnapshot, keys, aliases, file);
}

/** Reads the `keys` object at `open` into `keys`, each entry checked; returns its end. */
function readKeys(json: JsonBytes, open: number, keys: SnapshotKeys): number {
  const one: Record<string, unknown> = { [SOME_KEY]: null };
  const alone = { version: 1, capturedAt: "2026-01-01T00:00:00Z", keys: one };
  // A merged inventory dates most keys with one of a few times: each held once.
  const times = new Map<string, string>();
  return json.eachMember(open, (arn, start) => {
    const end = json.valueEnd(start);
    const entry = json.parse(start, end) as SnapshotEntry;
    one[SOME_KEY] = entry;
    if (!KEY_NAME.test(arn) || !validateFacts(alone)) {
      throw new NotPiecewise("an entry is not valid");
    }
    let captured = entry.CapturedAt;
    if (captured !== undefined) {
      captured = times.get(captured) ?? captured;
      times.set(captured, captured);
    }
    // One lookup, not two: a key ARN seen before leaves the count as it was.
    const count = keys.size;
    keys.setText(arn, json.bytes, start, end, captured);
    if (keys.size === count) throw new NotPiecewise("a key ARN repeats");
    return end;
  });
}

/** Reads the `aliases` object at `open` into `aliases`, each checked; returns its end. */
function readAliases(json: JsonBytes, open: number, aliases: Map<string, string>): number {
  return json.eachMember(open, (alias, start) => {
    const end = json.valueEnd(start);
    const target = json.at(start) === QUOTE ? json.string(start, end) : json.parse(start, end);
    // The schema's alias target is a string of the key ARN pattern: tested here as ajv does.
    if (!ALIAS_NAME.test(alias) || typeof target !== "string" || !KEY_NAME.test(target)) {
      throw new NotPiecewise("an alias is not valid");
    }
    const count = aliases.size;
    aliases.set(alias, target);
    if (aliases.size === count) throw new NotPiecewise("an alias ARN repeats");
    return end;
  });
}
