/**
 * The inventory (`snapshot --all-keys`, issue 17): every key of every (account, region)
 * pair asked for, rather than the keys some inputs reference. Named steps: the accounts'
 * regions → the sorted pairs → this shard's share → each pair's keys listed, or the pair
 * unavailable with the reason → (gather.ts, as for any key) → the snapshot's inventory
 * section. A pair that cannot be read is kept, said, and never silently left out.
 */

import { createHash } from "node:crypto";
import { describeError } from "../aws/errors.js";
import { parseKmsArn } from "../aws/key-ids.js";
import type { InventoryQuestions } from "../model.js";
import { compareText } from "../order.js";
import type { Inventory, InventoryPair, Shard, ShardPlan } from "./snapshot.js";

/** An account to read, with what the accounts file or the organization says of it. */
export interface InventoryAccount {
  id: string;
  name: string | null;
  /** Its own regions (accounts file), `all` for its enabled ones; null: the run's. */
  regions: string[] | "all" | null;
}

/** One (account, region) pair before it is read: its regions could not be listed when `reason` is set. */
export interface PlannedPair {
  account: string;
  region: string;
  name: string | null;
  /** Why the pair cannot be read before it is asked anything (the account's regions could not be listed). */
  reason: string | null;
}

/**
 * Every pair of `accounts`, sorted by account then region. `regions`: the run's regions,
 * or `all` for each account's enabled ones. An account whose regions cannot be listed is
 * one unavailable pair, at the home region of the listing, with the reason.
 */
export async function plannedPairs(
  accounts: InventoryAccount[],
  regions: string[] | "all",
  questions: InventoryQuestions,
): Promise<PlannedPair[]> {
  const perAccount = await Promise.all(
    accounts.map(async (account): Promise<PlannedPair[]> => {
      const pair = (region: string, reason: string | null = null): PlannedPair => ({
        account: account.id,
        region,
        name: account.name,
        reason,
      });
      const own = account.regions ?? regions;
      if (own !== "all") return own.map((region) => pair(region));
      const listed = await questions.enabledRegions(account.id);
      if (listed.ok) return listed.value.map((region) => pair(region));
      const e = listed.error;
      const why = `its enabled regions could not be listed: ${describeError(e.Code, e.Message, e.Operation)}`;
      return [pair(await questions.regionsHome(), why)];
    }),
  );
  return sortPairs(perAccount.flat());
}

/** Pairs in the one order every shard agrees on: by account, then region; each once. */
export function sortPairs<T extends { account: string; region: string }>(pairs: T[]): T[] {
  const seen = new Set<string>();
  return [...pairs]
    .sort((a, b) => compareText(a.account, b.account) || compareText(a.region, b.region))
    .filter((p) => {
      const id = `${p.account}\u0000${p.region}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
}

/**
 * Shard `index` of `count`'s share of the sorted pairs: every `count`-th pair from the
 * `index`-th. Every pair is in exactly one shard, and dealt in turn the shards stay even
 * in pairs (so in time, each pair paced at its own quota) even where one account has
 * many regions and another few.
 */
export function shareOf<T>(sorted: T[], shard: Shard): T[] {
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}

/** Shard `shard`'s record of `all`, the sorted pairs it took its share of (see ShardPlan). */
export function planOf(all: readonly PlannedPair[], shard: Shard): ShardPlan {
  const digest = createHash("sha256");
  for (const pair of all) digest.update(`${pair.account}/${pair.region}\n`);
  return { index: shard.index, pairs: all.length, digest: digest.digest("hex").slice(0, 16) };
}

/** What reading the pairs gave: each pair's outcome, and every key ARN listed. */
export interface ListedPairs {
  pairs: InventoryPair[];
  keys: string[];
}

/**
 * Lists each pair's keys (pairs in parallel, each paced at its own quota by the layer).
 * `onListed` is told each pair's keys as soon as they are listed.
 */
export async function listPairs(
  pairs: PlannedPair[],
  questions: InventoryQuestions,
  clock: () => Date,
  onListed: (keys: string[]) => void = () => {},
): Promise<ListedPairs> {
  const listed = await Promise.all(
    pairs.map(async (pair) => {
      const named = pair.name === null ? {} : { name: pair.name };
      const base = { account: pair.account, region: pair.region, ...named };
      if (pair.reason !== null) return { pair: unavailable(base, pair.reason, clock), keys: [] };
      const answer = await questions.listKeys(pair.account, pair.region);
      if (!answer.ok) {
        const e = answer.error;
        return {
          pair: unavailable(base, describeError(e.Code, e.Message, e.Operation), clock),
          keys: [],
        };
      }
      onListed(answer.value);
      const read: InventoryPair = {
        ...base,
        status: "read",
        keys: answer.value.length,
        capturedAt: clock().toISOString(),
      };
      return { pair: read, keys: answer.value };
    }),
  );
  return { pairs: listed.map((l) => l.pair), keys: listed.flatMap((l) => l.keys) };
}

function unavailable(
  base: { account: string; region: string; name?: string },
  reason: string,
  clock: () => Date,
): InventoryPair {
  return {
    ...base,
    status: "unavailable",
    reason,
    keys: 0,
    capturedAt: clock().toISOString(),
  };
}

/**
 * A recorded snapshot document narrowed to the pairs this run read: a multi-Region key's
 * member in a pair of another shard was asked for its usage (its set's verdict needs it),
 * but that pair's own shard holds its entry, whole. `account` is the one account read,
 * or null when several were.
 */
export function inventorySnapshot(
  doc: { keys: Record<string, unknown>; aliases: Record<string, string> } & Record<string, unknown>,
  inventory: Inventory,
): Record<string, unknown> {
  const read = new Set(
    inventory.pairs.filter((p) => p.status === "read").map((p) => `${p.account}\u0000${p.region}`),
  );
  const inPairs = (arn: string) => {
    const parsed = parseKmsArn(arn);
    return parsed !== null && read.has(`${parsed.account}\u0000${parsed.region}`);
  };
  const accounts = new Set(inventory.pairs.map((p) => p.account));
  return {
    version: doc.version,
    capturedAt: doc.capturedAt,
    account: accounts.size === 1 ? ([...accounts][0] as string) : null,
    keys: Object.fromEntries(Object.entries(doc.keys).filter(([arn]) => inPairs(arn))),
    aliases: Object.fromEntries(Object.entries(doc.aliases).filter(([arn]) => inPairs(arn))),
    ...(doc.stacks === undefined ? {} : { stacks: doc.stacks }),
    inventory,
  };
}
