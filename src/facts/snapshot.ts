/**
 * Facts snapshots (SPEC §3, version 1): AWS responses kept verbatim, so a
 * `check --facts FILE` evaluates offline exactly as it would live.
 */

import type { ErrorObject } from "ajv";
import { ALIAS_ARN_PATTERN, parseKmsArn } from "../aws/key-ids.js";
import {
  type AwsCallError,
  type AwsKeyLastUsage,
  type AwsKeyMetadata,
  type AwsTrail,
  type DeployedStack,
  type FactSource,
  type Fetched,
  InputError,
  NOT_IN_SNAPSHOT,
  type RecordedArns,
} from "../model.js";
import { plural, showValue } from "../show.js";
import { instantMs } from "../time.js";
import { answerInstant } from "./answers.js";
import { type SnapshotEntry, SnapshotKeys } from "./snapshot-keys.js";
import { validateFacts } from "./snapshot-validator.generated.js";

export { type SnapshotEntry, SnapshotKeys };

/** One (account, region) pair an inventory covered (issue 17). */
export interface InventoryPair {
  account: string;
  region: string;
  /** The account's name, when the accounts file or the organization gives one. */
  name?: string;
  status: "read" | "unavailable";
  /** Why it could not be read; only when `unavailable`. */
  reason?: string;
  /** Keys listed there; 0 when unavailable. */
  keys: number;
  capturedAt: string;
}

/** One shard of an inventory split `count` ways (`--shard index/count`). */
export interface Shard {
  index: number;
  count: number;
}

/**
 * What an inventory snapshot (`snapshot --all-keys`) covered: the shards it holds
 * (`[{index: 1, count: 1}]` unsharded) and every pair, sorted by account then region.
 */
export interface Inventory {
  shards: Shard[];
  pairs: InventoryPair[];
  /**
   * What each shard's job planned in all, before taking its share (absent in snapshots
   * from before it was recorded): shards of one inventory must have planned alike.
   */
  plans?: ShardPlan[];
}

/**
 * The account-regions a shard's job found to read in all, before taking its share of
 * them: how many, and a digest of the sorted list. Every job builds the list from what AWS
 * answers it; jobs that saw different lists (an account's regions unlisted in one, an
 * account joining between them) dealt shares of different lists, and some account-regions
 * fell in no shard.
 */
export interface ShardPlan {
  index: number;
  pairs: number;
  digest: string;
}

export interface Snapshot {
  version: 1;
  /** When it was taken; in a merged snapshot, the earliest capture it holds. */
  capturedAt: string;
  /** The caller's account; null when unknown, or when the snapshot holds several accounts. */
  account: string | null;
  keys: SnapshotKeys;
  aliases: Map<string, string>;
  /** Deployed stacks by `StackName@region`. */
  stacks: Map<string, DeployedStack>;
  /** What an inventory covered; null for a snapshot of the keys some inputs reference. */
  inventory: Inventory | null;
}

/**
 * Checks a parsed snapshot document against the facts schema (SPEC §3,
 * `schemas/facts.schema.json`); an InputError names the file and the JSON path
 * that is wrong, what was expected there and what was found.
 */
export function readSnapshot(doc: unknown, file: string): Snapshot {
  const problem = schemaProblem(doc);
  if (problem !== null) {
    throw new InputError(`${problem} (facts snapshot, SPEC §3 version 1)`, file);
  }
  const valid = doc as CheckedSnapshot;
  const keys = new SnapshotKeys();
  for (const arn of Object.keys(valid.keys)) keys.set(arn, valid.keys[arn] as SnapshotEntry);
  return snapshotOf(valid, keys, mapOf(valid.aliases ?? {}), file);
}

/** A snapshot document the facts schema accepts, its keys and aliases read apart or not. */
export interface CheckedSnapshot {
  capturedAt: string | number;
  account?: string | null;
  keys: Record<string, SnapshotEntry>;
  aliases?: Record<string, string>;
  stacks?: Record<
    string,
    { account?: string | null; resources: Record<string, string>; template?: unknown }
  >;
  inventory?: Inventory;
}

/**
 * The snapshot of a document the facts schema accepted, with its keys and aliases as
 * read (from the document, or entry by entry from its bytes): what the schema cannot
 * say of its inventory is checked last, as the whole document's reading does.
 */
export function snapshotOf(
  valid: CheckedSnapshot,
  keys: SnapshotKeys,
  aliases: Map<string, string>,
  file: string,
): Snapshot {
  const inventory = valid.inventory === undefined ? null : checkedInventory(valid.inventory, file);
  const stacks = new Map<string, DeployedStack>();
  for (const [name, stack] of Object.entries(valid.stacks ?? {})) {
    stacks.set(name, {
      account: stack.account ?? null,
      resources: stack.resources,
      template: stack.template ?? null,
    });
  }
  return {
    version: 1,
    capturedAt: new Date(answerInstant(valid.capturedAt) as number).toISOString(),
    account: valid.account ?? null,
    keys,
    aliases,
    stacks,
    inventory,
  };
}

/**
 * The entries of a parsed JSON object as a Map, without a pair array per entry (400,000
 * of them in a merged inventory).
 */
function mapOf<T>(record: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const name of Object.keys(record)) map.set(name, record[name] as T);
  return map;
}

/**
 * What the schema cannot say of an inventory: a shard within its count, shards of one
 * split, a reason exactly for the pairs that could not be read, and each pair once. A pair twice would let a merge count it covered twice.
 */
function checkedInventory(inventory: Inventory, file: string): Inventory {
  const wrong = (path: string, what: string) =>
    new InputError(`inventory.${path}: ${what} (facts snapshot, SPEC §3 version 1)`, file);
  const counts = new Set(inventory.shards.map((s) => s.count));
  for (const [i, shard] of inventory.shards.entries()) {
    if (shard.index > shard.count)
      throw wrong(
        `shards[${i}]`,
        `expected an index from 1 to its count ${shard.count}, got ${shard.index}`,
      );
  }
  if (counts.size > 1)
    throw wrong(
      "shards",
      `expected shards of one split, got counts ${[...counts].sort((a, b) => a - b).join(" and ")}`,
    );
  const seen = new Set<string>();
  for (const [i, pair] of inventory.pairs.entries()) {
    const id = `${pair.account}\u0000${pair.region}`;
    if (pair.status === "unavailable" && pair.reason === undefined)
      throw wrong(`pairs[${i}]`, "an unavailable pair needs its reason");
    if (pair.status === "read" && pair.reason !== undefined)
      throw wrong(`pairs[${i}].reason`, "only an unavailable pair has a reason");
    if (seen.has(id))
      throw wrong(`pairs[${i}]`, `account ${pair.account} in ${pair.region} is listed twice`);
    seen.add(id);
  }
  return {
    shards: inventory.shards.map((s) => ({ ...s })),
    pairs: inventory.pairs.map((p) => ({ ...p })),
    ...(inventory.plans === undefined ? {} : { plans: inventory.plans.map((p) => ({ ...p })) }),
  };
}

/**
 * When the answers about `keyArn` were taken: its entry's own time in a merged snapshot,
 * else the snapshot's. No date in them can be later, and a CloudTrail window must reach it.
 */
export function keyCapturedAt(snapshot: Snapshot, keyArn: string): string {
  return snapshot.keys.capturedAt(keyArn) ?? snapshot.capturedAt;
}

/**
 * The earliest and the latest capture a snapshot holds, as instants: a merged one holds
 * parts taken at different times. Its age is its oldest part's; none may be in the future.
 */
export function captureSpan(snapshot: Snapshot): { earliest: number; latest: number } {
  let earliest = instantMs(snapshot.capturedAt);
  let latest = earliest;
  let previous: string | undefined;
  for (const captured of snapshot.keys.capturedTimes()) {
    // Keys of one part share its time, one after another: read once.
    if (captured === undefined || captured === previous) continue;
    previous = captured;
    const at = instantMs(captured);
    if (at < earliest) earliest = at;
    if (at > latest) latest = at;
  }
  return { earliest, latest };
}

/**
 * The first schema violation in `doc`, as a message; null when it is a valid snapshot.
 * The validator is the facts schema compiled at build time (scripts/validators.ts).
 */
function schemaProblem(doc: unknown): string | null {
  if (validateFacts(doc)) return null;
  const errors = validateFacts.errors ?? [];
  const paths = new Set(errors.map((e) => e.instancePath));
  const first = errors[0]?.instancePath ?? "";
  const here = errors.filter((e) => e.instancePath === first);
  // A value that fits none of several shapes (a timestamp) is described by the whole,
  // and a property name by the rule for names rather than by its pattern.
  const error = here.find((e) => e.keyword === "anyOf" || e.keyword === "propertyNames") ?? here[0];
  if (error === undefined) return "the document: not a facts snapshot";
  const more = paths.size > 1 ? ` (and ${plural(paths.size - 1, "more problem")})` : "";
  return `${describeViolation(error)}${more}`;
}

/** One ajv error in the words of the snapshot's schema. */
function describeViolation(error: ErrorObject): string {
  const path = jsonPath(error.instancePath);
  const expected = (error.parentSchema as { description?: string } | undefined)?.description;
  const got = `got ${showValue(error.data)}`;
  switch (error.keyword) {
    case "required":
    case "dependencies":
      return `${path}: expected ${expected ?? "an object"}, but it has no ${(error.params as { missingProperty: string }).missingProperty}`;
    case "additionalProperties": {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      return `${jsonPath(error.instancePath, name)}: not a field here; expected ${expected ?? "known fields only"}`;
    }
    case "propertyNames": {
      const name = (error.params as { propertyName: string }).propertyName;
      const names = (error.parentSchema as { propertyNames?: { description?: string } })
        .propertyNames?.description;
      return `${path}: the property name ${showValue(name)} is not ${names ?? "allowed"}`;
    }
    case "minProperties":
      return `${path}: expected ${expected ?? "a non-empty object"}, got an empty object`;
    default:
      return `${path}: expected ${expected ?? error.message ?? "another value"}, ${got}`;
  }
}

/** A JSON Pointer as a JavaScript-like path: `keys["arn:…"].LastUsage.KeyLastUsage`. */
function jsonPath(pointer: string, last?: string): string {
  const segments = pointer === "" ? [] : pointer.slice(1).split("/");
  if (last !== undefined) segments.push(last);
  if (segments.length === 0) return "the document";
  return segments
    .map((raw, i) => {
      const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
      if (/^\d+$/.test(segment)) return `[${segment}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(segment)) return i === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join("");
}

/** A key's answers a snapshot holds, given without a promise. */
export interface HeldAnswers {
  aliasesOf(keyArn: string): Fetched<string[]>;
  describeKey(keyArn: string): Fetched<AwsKeyMetadata>;
  getKeyLastUsage(keyArn: string): Fetched<AwsKeyLastUsage>;
}

const HELD = new WeakMap<FactSource, HeldAnswers>();

/**
 * The answers `source` gives at once, when it is a snapshot's own source: a promise per
 * question was most of the garbage of `check --all-keys` over 400,000 keys (issue 17).
 * A source wrapping it (a recorder, a test counting calls) is another object and is
 * asked through its own methods.
 */
export function heldAnswers(source: FactSource): HeldAnswers | undefined {
  return HELD.get(source);
}

/** A FactSource that answers from a snapshot and never touches the network. */
export function snapshotFactSource(snapshot: Snapshot): FactSource {
  const missing = (operation: string): { ok: false; error: AwsCallError } => ({
    ok: false,
    error: { Operation: operation, Code: NOT_IN_SNAPSHOT, Message: "not in facts snapshot" },
  });
  const recordedError = (entry: SnapshotEntry, operation: string) => {
    const error = entry.Errors?.find((e) => e.Operation === operation);
    if (error) return { ok: false as const, error };
    return {
      ok: false as const,
      error: {
        Operation: operation,
        Code: "NotInSnapshot",
        Message: `the snapshot holds no ${operation} answer for this key`,
      },
    };
  };

  // Built on the first question: asking each key's aliases of the whole list would be
  // keys × aliases (50 s for 10k of each, issue 15).
  let aliasNames: Map<string, string[]> | null = null;

  const held: HeldAnswers = {
    aliasesOf: (keyArn) => {
      // Recorded when the run that took the snapshot could not list them.
      const entry = snapshot.keys.get(keyArn);
      // Without the key's entry, "no alias points at it" is not what the snapshot says.
      if (entry === undefined) return missing("ListAliases");
      const failed = entry.Errors?.find((e) => e.Operation === "ListAliases");
      if (failed) return { ok: false, error: failed };
      aliasNames ??= aliasNamesByTarget(snapshot.aliases);
      const names = aliasNames.get(keyArn);
      // Most keys have one alias or none: nothing to sort.
      const value = names === undefined ? [] : names.length === 1 ? [...names] : [...names].sort();
      return { ok: true, value };
    },
    describeKey: (keyArn) => {
      const entry = snapshot.keys.get(keyArn);
      if (!entry) return missing("DescribeKey");
      return entry.KeyMetadata
        ? { ok: true, value: entry.KeyMetadata }
        : recordedError(entry, "DescribeKey");
    },
    getKeyLastUsage: (keyArn) => {
      const entry = snapshot.keys.get(keyArn);
      if (!entry) return missing("GetKeyLastUsage");
      return entry.LastUsage
        ? { ok: true, value: entry.LastUsage }
        : recordedError(entry, "GetKeyLastUsage");
    },
  };

  const source: FactSource = {
    kind: "snapshot",
    callerAccount: async () => snapshot.account,
    capturedAt: (keyArn) => keyCapturedAt(snapshot, keyArn),
    recordedArns: () => recordedArns(snapshot),
    // A snapshot holds what its run read: an alias it lacks may exist all the same.
    resolveAlias: async (aliasArn): Promise<Fetched<string | null>> => {
      const target = snapshot.aliases.get(aliasArn);
      return target === undefined
        ? {
            ok: false,
            error: {
              Operation: "DescribeKey",
              Code: "NotInSnapshot",
              Message: "the alias is not in the facts snapshot",
            },
          }
        : { ok: true, value: target };
    },
    aliasesOf: async (keyArn) => held.aliasesOf(keyArn),
    describeKey: async (keyArn) => held.describeKey(keyArn),
    deployedStack: async (stack, region, account): Promise<Fetched<DeployedStack | null>> => {
      const found =
        region === null
          ? [...snapshot.stacks].filter(([name]) => name.startsWith(`${stack}@`))
          : [[`${stack}@${region}`, snapshot.stacks.get(`${stack}@${region}`)] as const];
      const [entry] = found.filter(([, value]) => value !== undefined);
      const where = region === null ? `${stack} (region unknown)` : `${stack}@${region}`;
      const notHere = (why: string) => ({
        ok: false as const,
        error: {
          Operation: "ListStackResources",
          Code: "NotInSnapshot",
          Message: `stack ${where} ${why}`,
        },
      });
      if (!entry?.[1] || found.length !== 1) {
        return notHere(
          found.length > 1
            ? "is in several regions of the facts snapshot"
            : "is not in the facts snapshot",
        );
      }
      // An entry recorded without its account was read with the snapshot's credentials.
      const recordedIn = entry[1].account ?? snapshot.account;
      if (account !== null && recordedIn !== null && recordedIn !== account) {
        // A stack of that name in another account is another stack.
        return notHere(
          `of account ${account} is not in the facts snapshot (it holds the stack of that name in account ${recordedIn})`,
        );
      }
      return { ok: true, value: entry[1] };
    },
    // Recorded only for the keys whose verdict needed it: its absence is said once, by gather.ts.
    lookupTrail: async (keyArn): Promise<Fetched<AwsTrail>> => {
      const entry = snapshot.keys.get(keyArn);
      if (!entry) return missing("LookupEvents");
      if (entry.Trail) return { ok: true, value: entry.Trail };
      const error = entry.Errors?.find((e) => e.Operation === "LookupEvents");
      if (error) return { ok: false, error };
      return {
        ok: false,
        error: {
          Operation: "LookupEvents",
          Code: NOT_IN_SNAPSHOT,
          Message: "the snapshot holds no CloudTrail evidence for this key",
        },
      };
    },
    getKeyLastUsage: async (keyArn) => held.getKeyLastUsage(keyArn),
  };
  HELD.set(source, held);
  return source;
}

/**
 * The name (`alias/…`) an alias ARN gives, as `parseKmsArn(arn).id`: tested without
 * taking the ARN apart where it is an alias ARN, as every alias a snapshot holds is.
 */
function aliasNameOf(arn: string): string | null {
  if (ALIAS_ARN.test(arn)) return arn.slice(arn.indexOf(":alias/") + 1);
  return parseKmsArn(arn)?.id ?? null;
}

const ALIAS_ARN = new RegExp(ALIAS_ARN_PATTERN);

/** The alias names (`alias/…`) a snapshot records for each key ARN they point at. */
function aliasNamesByTarget(aliases: ReadonlyMap<string, string>): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const [alias, target] of aliases) {
    const name = aliasNameOf(alias);
    if (name === null) continue;
    const names = byTarget.get(target);
    if (names === undefined) byTarget.set(target, [name]);
    else names.push(name);
  }
  return byTarget;
}

/**
 * Every key ARN a snapshot names — its entries, the members of their multi-Region sets
 * and its aliases' targets — and its alias ARNs: what a bare key id or alias name in
 * the inputs may be joined with.
 */
function recordedArns(snapshot: Snapshot): RecordedArns {
  const keys = new Set<string>();
  const add = (arn: string | undefined) => {
    if (arn !== undefined && parseKmsArn(arn)?.resource === "key") keys.add(arn);
  };
  for (const [arn, entry] of snapshot.keys) {
    add(arn);
    const config = entry.KeyMetadata?.MultiRegionConfiguration;
    add(config?.PrimaryKey?.Arn);
    for (const replica of config?.ReplicaKeys ?? []) add(replica.Arn);
  }
  for (const target of snapshot.aliases.values()) add(target);
  const aliases = [...snapshot.aliases.keys()].filter(
    (arn) => parseKmsArn(arn)?.resource === "alias",
  );
  return { keys: [...keys], aliases };
}
