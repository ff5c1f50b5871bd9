/**
 * `merge` of facts snapshots (issue 17): the shards of an inventory, each taken by its
 * own job with its own credentials, become one snapshot that `check --all-keys` reads.
 *
 * Facts carry time. A snapshot's `capturedAt` bounds its answers (none may be dated
 * later) and its CloudTrail windows (each must reach it), and dates its age
 * (`--max-facts-age`). Shards are taken at different times, so one time for the merged
 * file would make some facts look newer or older than they are: a key read on Monday,
 * dated Wednesday, would have its 90-day CloudTrail window judged two days short; dated
 * Monday, a key read on Wednesday would have answers "from the future". So each key keeps
 * the time it was read (`CapturedAt` on its entry, written only where it differs from the
 * file's), and the merged `capturedAt` is the earliest time it holds: the file is as old
 * as its oldest part. Checking the merged file gives each key the facts checking its own
 * shard gives it.
 */

import { parseKmsArn } from "../aws/key-ids.js";
import { type DeployedStack, InputError } from "../model.js";
import { compareText } from "../order.js";
import { listWords, plural } from "../show.js";
import { instantMs } from "../time.js";
import type { Inventory, InventoryPair, Shard, ShardPlan, Snapshot } from "./snapshot.js";
import { SnapshotKeys } from "./snapshot-keys.js";

/** A snapshot and the file it was read from, in the order the command line names them. */
export interface SnapshotFile {
  file: string;
  snapshot: Snapshot;
}

/** The merged snapshot, and what merging it decided. */
export interface MergedSnapshot {
  snapshot: Snapshot;
  /** Keys held by more than one file: the later capture of each was kept. */
  keysInSeveral: number;
  /** Account-regions read by more than one file: the later read of each was kept. */
  pairsInSeveral: number;
  /**
   * Keys and aliases an earlier read of their account-region held and a later read of it
   * no longer lists: deleted since, so left out.
   */
  goneSince: number;
}

/** What is kept of one entry (key, alias, stack): its value, when it was read, and from which file. */
interface Kept<T> {
  value: T;
  at: number;
  from: number;
}

/**
 * Merges snapshots: a key or alias in several files is taken from the later capture (a
 * tie goes to the file named later); an account-region read by several files is taken
 * from the later read, and what an earlier read of it held that the later one does not is
 * left out. Throws InputError when the files' inventories are shards of different counts.
 */
export function mergeSnapshots(files: readonly SnapshotFile[]): MergedSnapshot {
  if (files.length === 0) throw new InputError("merge needs at least one file to merge");
  const shards = mergeShards(files);
  const plans = mergePlans(files);
  const pairs = new Map<string, Kept<InventoryPair>>();
  const pairsInSeveral = new Set<string>();
  for (const [from, { snapshot }] of files.entries()) {
    for (const pair of snapshot.inventory?.pairs ?? []) {
      const key = pairKey(pair.account, pair.region);
      const before = pairs.get(key);
      const at = instantMs(pair.capturedAt);
      if (before !== undefined) pairsInSeveral.add(key);
      if (before === undefined || at >= before.at) pairs.set(key, { value: pair, at, from });
    }
  }

  // Each key is kept as the file it is taken from: its entry is read from there when written.
  const keys = new Map<string, Kept<SnapshotKeys>>();
  const aliases = new Map<string, Kept<string>>();
  const stacks = new Map<string, Kept<DeployedStack>>();
  const keysInSeveral = new Set<string>();
  const instant = instantsOnce();
  for (const [from, { snapshot }] of files.entries()) {
    const fileAt = instantMs(snapshot.capturedAt);
    const entries = snapshot.keys;
    for (const arn of entries.keys()) {
      const captured = entries.capturedAt(arn);
      const at = captured === undefined ? fileAt : instant(captured);
      const before = keys.get(arn);
      if (before !== undefined) keysInSeveral.add(arn);
      if (before === undefined || at >= before.at) keys.set(arn, { value: entries, at, from });
    }
    for (const [arn, target] of snapshot.aliases) later(aliases, arn, target, fileAt, from);
    for (const [name, stack] of snapshot.stacks) {
      // A stack recorded without its account was read with its file's credentials.
      const account = stack.account ?? snapshot.account;
      later(stacks, name, { ...stack, account }, fileAt, from);
    }
  }

  // Read again later, an account-region that no longer lists a key or alias has lost it.
  const pairOf = pairFinder(pairs);
  const listedLater = (arn: string, kept: Kept<unknown>, section: "keys" | "aliases") => {
    const pair = pairOf(arn);
    if (pair === undefined || pair.from === kept.from || pair.at <= kept.at) return true;
    return (files[pair.from] as SnapshotFile).snapshot[section].has(arn);
  };
  let goneSince = 0;
  for (const [arn, kept] of keys) {
    if (!listedLater(arn, kept, "keys")) {
      keys.delete(arn);
      goneSince++;
    }
  }
  for (const [arn, kept] of aliases) {
    if (!listedLater(arn, kept, "aliases")) {
      aliases.delete(arn);
      goneSince++;
    }
  }

  const earliest = earliestOf(keys, aliases, stacks, files);
  const capturedAt = new Date(earliest).toISOString();
  const merged: Snapshot = {
    version: 1,
    capturedAt,
    account: oneAccount(files),
    inventory:
      shards === null
        ? null
        : {
            shards,
            pairs: [...pairs.values()]
              .map((p) => p.value)
              .sort((a, b) => compareText(a.account, b.account) || compareText(a.region, b.region)),
            ...(plans.length === 0 ? {} : { plans }),
          },
    keys: sortedKeys(keys, earliest),
    aliases: sortedMap(aliases, (target) => target),
    stacks: sortedMap(stacks, (stack) => stack),
  };
  return {
    snapshot: merged,
    keysInSeveral: keysInSeveral.size,
    pairsInSeveral: pairsInSeveral.size,
    goneSince,
  };
}

/**
 * The shards the files hold, by index; null when none is an inventory. Shards of different
 * counts are different shardings of the accounts: merged, some pairs would be in two
 * shards and others in none.
 */
function mergeShards(files: readonly SnapshotFile[]): Shard[] | null {
  let count: { count: number; file: string } | null = null;
  const indexes = new Set<number>();
  for (const { file, snapshot } of files) {
    for (const shard of snapshot.inventory?.shards ?? []) {
      if (count !== null && shard.count !== count.count) {
        throw new InputError(
          `holds shard ${shard.index} of ${shard.count}, but ${count.file} holds shards of ${count.count}: only shards of one sharding (one --shard I/N count) can be merged`,
          file,
        );
      }
      count ??= { count: shard.count, file };
      indexes.add(shard.index);
    }
  }
  if (count === null) return null;
  const n = count.count;
  return [...indexes].sort((a, b) => a - b).map((index) => ({ index, count: n }));
}

/**
 * The shards' plans, by index. Throws InputError when two disagree: their jobs dealt
 * shares of different lists of account-regions, so some fell in no shard (ShardPlan).
 */
function mergePlans(files: readonly SnapshotFile[]): ShardPlan[] {
  let first: { plan: ShardPlan; file: string } | null = null;
  const byIndex = new Map<number, ShardPlan>();
  for (const { file, snapshot } of files) {
    for (const plan of snapshot.inventory?.plans ?? []) {
      if (
        first !== null &&
        (plan.pairs !== first.plan.pairs || plan.digest !== first.plan.digest)
      ) {
        const other = first.plan;
        throw new InputError(
          `shard ${plan.index} was taken over ${plural(plan.pairs, "account-region")} (digest ${plan.digest}), but shard ${other.index} in ${first.file} over ${plural(other.pairs, "account-region")} (digest ${other.digest}): the jobs found different accounts or regions to read (an account's regions not listed in one, an account joining between them), so some account-regions are in no shard; take the inventory again`,
          file,
        );
      }
      first ??= { plan, file };
      byIndex.set(plan.index, plan);
    }
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/**
 * Throws InputError (exit 2) unless the merged inventory holds every shard of `expected`:
 * the missing indexes are named, so the matrix job that did not upload is found.
 */
export function checkExpectedShards(inventory: Inventory | null, expected: number): void {
  if (inventory === null) {
    throw new InputError(
      `--expect-shards ${expected}: none of the files is an inventory (snapshot --all-keys --shard I/${expected})`,
    );
  }
  const count = inventory.shards[0]?.count;
  if (count !== expected) {
    throw new InputError(
      `--expect-shards ${expected}: the files are shards of ${count} (--shard I/${count}), not of ${expected}`,
    );
  }
  const held = new Set(inventory.shards.map((s) => s.index));
  const missing: number[] = [];
  for (let i = 1; i <= expected; i++) if (!held.has(i)) missing.push(i);
  if (missing.length > 0) {
    throw new InputError(
      `--expect-shards ${expected}: ${missing.length === 1 ? "shard" : "shards"} ${listWords(missing.map(String))} of ${expected} ${missing.length === 1 ? "is missing; its" : "are missing; their"} account-regions were not read (did a matrix job fail, or its artifact not upload?)`,
    );
  }
}

/** The one line `merge` says about what it decided; null when nothing was in two files. */
export function mergeNote(merged: MergedSnapshot): string | null {
  const parts: string[] = [];
  if (merged.keysInSeveral > 0) {
    parts.push(
      `${plural(merged.keysInSeveral, "key")} ${merged.keysInSeveral === 1 ? "was" : "were"} in more than one snapshot: the later capture of each was kept`,
    );
  }
  if (merged.pairsInSeveral > 0) {
    parts.push(
      `${plural(merged.pairsInSeveral, "account-region")} ${merged.pairsInSeveral === 1 ? "was" : "were"} read in more than one snapshot: the later read was kept`,
    );
  }
  if (merged.goneSince > 0) {
    parts.push(
      `${plural(merged.goneSince, "key or alias", { many: "keys and aliases" })} of an earlier read ${merged.goneSince === 1 ? "is" : "are"} no longer listed by the later read of its account-region and ${merged.goneSince === 1 ? "was" : "were"} left out`,
    );
  }
  return parts.length === 0 ? null : parts.join("; ");
}

/**
 * The merged snapshot as JSON text, in pieces: a merged inventory can be larger than the
 * longest string Node.js holds, so no piece holds more than one key. One key per line.
 */
export function* snapshotJson(snapshot: Snapshot): Generator<string> {
  yield `{\n  "version": 1,\n  "capturedAt": ${JSON.stringify(snapshot.capturedAt)},\n  "account": ${JSON.stringify(snapshot.account)},\n`;
  if (snapshot.inventory !== null) {
    yield `  "inventory": {\n    "shards": ${JSON.stringify(snapshot.inventory.shards)},\n    "pairs": [`;
    yield* entries(
      snapshot.inventory.pairs.map((pair) => [null, pair]),
      "      ",
    );
    const { plans } = snapshot.inventory;
    yield plans === undefined ? "]\n  },\n" : `],\n    "plans": ${JSON.stringify(plans)}\n  },\n`;
  }
  yield '  "keys": {';
  yield* entries(snapshot.keys, "    ");
  yield '},\n  "aliases": {';
  yield* entries(snapshot.aliases, "    ");
  yield '},\n  "stacks": {';
  yield* entries(snapshot.stacks, "    ");
  yield "}\n}\n";
}

function* entries(
  items: Iterable<readonly [string | null, unknown]>,
  indent: string,
): Generator<string> {
  let first = true;
  for (const [name, value] of items) {
    const head = name === null ? "" : `${JSON.stringify(name)}: `;
    yield `${first ? "" : ","}\n${indent}${head}${JSON.stringify(value)}`;
    first = false;
  }
  if (!first) yield `\n${indent.slice(2)}`;
}

/**
 * The kept read of the account-region a key or alias ARN names. A snapshot's keys and
 * aliases come grouped by account-region, and every name in one was checked against the
 * ARN patterns when it was read: an ARN that starts as the last one found names the same
 * account-region, and is not taken apart again (800,000 times in a merged inventory).
 */
function pairFinder(
  pairs: Map<string, Kept<InventoryPair>>,
): (arn: string) => Kept<InventoryPair> | undefined {
  let prefix: string | null = null;
  let found: Kept<InventoryPair> | undefined;
  return (arn) => {
    if (prefix !== null && arn.startsWith(prefix)) return found;
    const parsed = parseKmsArn(arn);
    if (parsed === null) {
      prefix = null;
      return undefined;
    }
    prefix = `arn:${parsed.partition}:kms:${parsed.region}:${parsed.account}:`;
    found = pairs.get(pairKey(parsed.account, parsed.region));
    return found;
  };
}

function pairKey(account: string, region: string): string {
  return `${account} ${region}`;
}

/** Keeps `value` under `name` unless what is there was read later (a tie goes to the later file). */
function later<T>(map: Map<string, Kept<T>>, name: string, value: T, at: number, from: number) {
  const before = map.get(name);
  if (before === undefined || at >= before.at) map.set(name, { value, at, from });
}

/** The earliest time the merged file holds a part of: its age. */
function earliestOf(
  keys: Map<string, Kept<SnapshotKeys>>,
  aliases: Map<string, Kept<string>>,
  stacks: Map<string, Kept<DeployedStack>>,
  files: readonly SnapshotFile[],
): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const map of [keys, aliases, stacks] as Map<string, Kept<unknown>>[]) {
    for (const kept of map.values()) if (kept.at < earliest) earliest = kept.at;
  }
  if (earliest !== Number.POSITIVE_INFINITY) return earliest;
  // Nothing kept (inventories of empty accounts): the files' own times.
  return Math.min(...files.map((f) => instantMs(f.snapshot.capturedAt)));
}

/**
 * The kept keys in ARN order, each with its own capture time where it is not the merged
 * file's (`earliest`), and with none where it is.
 */
function sortedKeys(keys: Map<string, Kept<SnapshotKeys>>, earliest: number): SnapshotKeys {
  // A few capture times for 100,000s of keys: each written out once.
  const written = new Map<number, string>();
  const iso = (at: number) => {
    let text = written.get(at);
    if (text === undefined) {
      text = new Date(at).toISOString();
      written.set(at, text);
    }
    return text;
  };
  const sorted = new SnapshotKeys();
  for (const arn of sortedNames(keys)) {
    const kept = keys.get(arn) as Kept<SnapshotKeys>;
    sorted.setFrom(arn, kept.value, kept.at === earliest ? undefined : iso(kept.at));
  }
  return sorted;
}

/** `instantMs`, read once per distinct text: a merged inventory holds a few times for 100,000s of keys. */
function instantsOnce(): (text: string) => number {
  const read = new Map<string, number>();
  return (text) => {
    let at = read.get(text);
    if (at === undefined) {
      at = instantMs(text);
      read.set(text, at);
    }
    return at;
  };
}

/** The files' one account; null when they name several (an inventory of many accounts) or none. */
function oneAccount(files: readonly SnapshotFile[]): string | null {
  const accounts = new Set(files.map((f) => f.snapshot.account));
  const [only] = accounts;
  return accounts.size === 1 ? (only ?? null) : null;
}

function sortedMap<T, U>(
  map: Map<string, Kept<T>>,
  value: (v: T, at: number) => U,
): Map<string, U> {
  const names = sortedNames(map);
  const sorted = new Map<string, U>();
  for (const name of names) {
    const kept = map.get(name) as Kept<T>;
    sorted.set(name, value(kept.value, kept.at));
  }
  return sorted;
}

/**
 * The map's names in code-unit order — `compareText`'s, and the order `sort` gives strings
 * with no function to compare them, which it does without calling one 7 million times
 * for 400,000 aliases.
 */
function sortedNames(map: Map<string, unknown>): string[] {
  return [...map.keys()].sort();
}
