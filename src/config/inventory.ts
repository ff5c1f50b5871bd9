/**
 * The inventory's options (`snapshot --all-keys`, issue 17): which accounts, which
 * regions, which shard — parsed and checked here, so a bad value exits 2 before any
 * AWS call.
 */

import { REGION_PATTERN } from "../aws/key-ids.js";
import type { Shard } from "../facts/snapshot.js";
import { MAX_SHARDS } from "../facts/snapshot-schema.js";
import { InputError } from "../model.js";

/** Where the accounts come from: the caller's own, an accounts file, or the organization. */
export type AccountsSource =
  | { kind: "caller" }
  | { kind: "file"; path: string }
  | { kind: "organization" };

export interface InventoryConfig {
  accounts: AccountsSource;
  /** `--regions`: named regions, every enabled one (`all`), or null: `--region` (or the SDK's). */
  regions: string[] | "all" | null;
  /** `--shard I/N`; `{index: 1, count: 1}` when not sharded. */
  shard: Shard;
}

const REGION = new RegExp(`^${REGION_PATTERN}$`);

/** Parses `--regions`: `all`, or a comma-separated list of region names. */
export function parseRegions(text: string, what: string): string[] | "all" {
  if (text.trim() === "all") return "all";
  const names = text.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!REGION.test(name)) {
      throw new InputError(
        `${what} ${JSON.stringify(text)}: expected all, or region names separated by commas like eu-west-1,us-east-1; ${JSON.stringify(name)} is not one`,
      );
    }
  }
  return [...new Set(names)].sort();
}

/** Parses `--shard I/N`: shard I of N, 1 ≤ I ≤ N ≤ 256 (GitHub's matrix runs at most 256 jobs). */
export function parseShard(text: string, what: string): Shard {
  const match = /^(\d{1,3})\/(\d{1,3})$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected I/N with 1 ≤ I ≤ N ≤ ${MAX_SHARDS}, like 3/8 (the third of eight shards)`,
    );
  }
  return { index, count };
}

/** The inventory's options from the command line's; an InputError for a bad or conflicting one. */
export function inventoryConfig(options: {
  accounts?: string;
  org?: boolean;
  regions?: string;
  shard?: string;
}): InventoryConfig {
  if (options.accounts !== undefined && options.org === true) {
    throw new InputError("--accounts and --org both name the accounts to read: pass one of them");
  }
  const accounts: AccountsSource =
    options.accounts !== undefined
      ? { kind: "file", path: options.accounts }
      : options.org === true
        ? { kind: "organization" }
        : { kind: "caller" };
  return {
    accounts,
    regions: options.regions === undefined ? null : parseRegions(options.regions, "--regions"),
    shard:
      options.shard === undefined ? { index: 1, count: 1 } : parseShard(options.shard, "--shard"),
  };
}
