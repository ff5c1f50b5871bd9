/**
 * `snapshot --all-keys` (issue 17): the inventory's run, beside run(config, deps) — every
 * key of the accounts and regions asked for, written as a facts snapshot with what it
 * covered. Named steps: accounts → pairs → this shard's share → keys listed → facts
 * gathered as for any key → snapshot written. All I/O through `deps`.
 */

import {
  type AccountEntry,
  MAX_ACCOUNTS_FILE_BYTES,
  parseAccountsFile,
} from "./config/accounts-file.js";
import type { RunConfig } from "./config/config.js";
import type { InventoryConfig } from "./config/inventory.js";
import { errorMessage } from "./errors.js";
import { gatherFacts } from "./facts/gather.js";
import {
  type InventoryAccount,
  inventorySnapshot,
  listPairs,
  plannedPairs,
  planOf,
  shareOf,
} from "./facts/inventory.js";
import { recordFacts } from "./facts/record.js";
import type { InventoryPair } from "./facts/snapshot.js";
import {
  EvidenceError,
  type FactSource,
  InputError,
  type InventoryQuestions,
  type KeyReference,
  type UsageStatus,
} from "./model.js";
import { type Deps, needs, readRules, type SnapshotResult } from "./pipeline.js";
import { SILENT } from "./progress.js";
import { plural } from "./show.js";
import { readInput } from "./sources/collect.js";

/** What an inventory wrote: the keys and their usage, and the pairs it read or could not. */
export interface InventoryResult extends SnapshotResult {
  pairs: { read: number; unavailable: number };
}

/**
 * Writes the inventory `inventory` asks for to `config.saveFacts`. Exit 2 (EvidenceError)
 * when it had pairs to read and could read none; pairs it could not read are in the
 * snapshot with their reason, and warned of once each.
 */
export async function inventory(
  config: RunConfig,
  inventory: InventoryConfig,
  deps: Deps,
): Promise<InventoryResult> {
  if (config.saveFacts === null)
    throw new InputError("snapshot needs -o FILE: where to write the facts");
  const now = config.now ?? deps.clock();
  // The rules `check` will evaluate say which keys' CloudTrail evidence is recorded.
  const rules = await readRules(config.configFile, deps);
  const file = await accountsFile(inventory, deps);
  const source = await liveSource(config, deps, now, file);
  const questions = source.inventory as InventoryQuestions;
  const recorder = recordFacts(source);
  const accounts = await accountsToRead(inventory, file, source, questions);
  const regions = inventory.regions ?? [await defaultRegion(config, source)];
  const all = await plannedPairs(accounts, regions, questions);
  // Nothing to read at all (an organization with no active account) is no inventory.
  if (all.length === 0)
    throw new EvidenceError(
      "found no account-region to read: the accounts asked for hold none (an organization with no active account?)",
    );
  const planned = shareOf(all, inventory.shard);
  const listed = await listPairs(planned, questions, deps.clock, (keys) => ask(source, keys));
  checkReadable(listed.pairs);
  const progress = deps.progress ?? SILENT;
  const gathered = await gatherFacts(listed.keys.map(inventoryReference), recorder.source, {
    region: config.region,
    notAfter: now,
    needsTrail: needs(rules, now).trail,
    onKeyDone: (done, total) => progress.keyDone(done, total),
  });
  progress.finish();
  const doc = inventorySnapshot(
    recorder.snapshot(deps.clock()) as Parameters<typeof inventorySnapshot>[0],
    {
      shards: [inventory.shard],
      pairs: listed.pairs,
      plans: [planOf(all, inventory.shard)],
    },
  );
  await writeSnapshot(config.saveFacts, doc, deps);
  for (const pair of listed.pairs) warnUnavailable(pair, deps);
  if (planned.length === 0)
    deps.logger.warn(
      `shard ${inventory.shard.index}/${inventory.shard.count} has no account-region to read: there are fewer pairs than shards`,
    );
  const usage: Record<UsageStatus, number> = { used: 0, unused: 0, unknown: 0, unavailable: 0 };
  for (const subject of gathered.subjects) if (subject.usage) usage[subject.usage.status]++;
  const read = listed.pairs.filter((p) => p.status === "read").length;
  return {
    keys: gathered.subjects.length,
    usage,
    pairs: { read, unavailable: listed.pairs.length - read },
  };
}

/**
 * Starts asking a pair's keys as soon as they are listed: GetKeyLastUsage, at 5 a second,
 * is what the inventory waits for, so its queue should not wait for the other pairs'
 * listings or for DescribeKey. The layer asks each once; gather.ts then reads (and the
 * recorder keeps) the same answers.
 */
function ask(source: FactSource, keys: string[]): void {
  // DescribeKey (2,000 a second) follows in gather.ts: sent beside these, its many sends
  // would only hold up the first of them.
  for (const key of keys) void source.getKeyLastUsage(key);
}

/** `--accounts FILE`, read and checked whole; null when the accounts come from elsewhere. */
async function accountsFile(
  inventory: InventoryConfig,
  deps: Deps,
): Promise<AccountEntry[] | null> {
  if (inventory.accounts.kind !== "file") return null;
  const path = inventory.accounts.path;
  // At most MAX_ACCOUNTS_FILE_BYTES: a list of account ids, not an input of any size.
  const text = await readInput(path, "accounts file", {
    readFile: (p: string) => deps.readFile(p, MAX_ACCOUNTS_FILE_BYTES),
  });
  return parseAccountsFile(text, path);
}

/** Live AWS, with the accounts file's roles: an inventory has no snapshot to read from. */
async function liveSource(
  config: RunConfig,
  deps: Deps,
  now: Date,
  file: AccountEntry[] | null,
): Promise<FactSource> {
  if (!deps.liveFacts) {
    throw new InputError("snapshot --all-keys lists keys in AWS: run it where AWS can be reached");
  }
  const accountRoles = Object.fromEntries(
    (file ?? []).flatMap((a) => (a.role === null ? [] : [[a.id, a.role] as const])),
  );
  const source = await deps.liveFacts(
    { ...config, now, accountRoles },
    deps.logger.warn,
    deps.progress ?? SILENT,
  );
  if (!source.inventory) throw new Error("the live fact source has no inventory questions");
  return source;
}

/** The accounts the inventory reads: the file's, the organization's, or the caller's own. */
async function accountsToRead(
  inventory: InventoryConfig,
  file: AccountEntry[] | null,
  source: FactSource,
  questions: InventoryQuestions,
): Promise<InventoryAccount[]> {
  if (file !== null) return file.map((a) => ({ id: a.id, name: a.name, regions: a.regions }));
  if (inventory.accounts.kind === "organization") {
    const accounts = await questions.organizationAccounts();
    return accounts.map((a) => ({ ...a, regions: null }));
  }
  // STS says who the caller is; without usable credentials it throws the EvidenceError.
  const caller = await source.callerAccount();
  if (caller === null)
    throw new EvidenceError("could not tell the caller's account: nothing to inventory");
  return [{ id: caller, name: null, regions: null }];
}

/** `--region`, else the SDK's: the one region read when `--regions` is not given. */
async function defaultRegion(config: RunConfig, source: FactSource): Promise<string> {
  const region = config.region ?? (await source.defaultRegion?.()) ?? null;
  if (region === null) {
    throw new InputError(
      "snapshot --all-keys needs the regions to read: pass --regions R1,R2 or --regions all (or --region R)",
    );
  }
  return region;
}

/** No pair could be read: the inventory holds no evidence, and the run could not be evaluated. */
function checkReadable(pairs: InventoryPair[]): void {
  if (pairs.length === 0 || pairs.some((p) => p.status === "read")) return;
  const shown = pairs.slice(0, 3).map((p) => `account ${p.account} in ${p.region}: ${p.reason}`);
  const more = pairs.length > 3 ? `; and ${plural(pairs.length - 3, "more pair")}` : "";
  throw new EvidenceError(
    `could not read any of the ${plural(pairs.length, "account-region")} asked for (${shown.join("; ")}${more})`,
  );
}

function warnUnavailable(pair: InventoryPair, deps: Deps): void {
  if (pair.status !== "unavailable") return;
  const name = pair.name === undefined ? "" : ` (${pair.name})`;
  deps.logger.warn(
    `account ${pair.account}${name} in ${pair.region} could not be read: ${pair.reason}`,
  );
}

/** A listed key as a reference, so its facts are gathered as any key's. */
function inventoryReference(arn: string): KeyReference {
  return {
    source: "explicit",
    kind: "key",
    file: "--all-keys",
    address: null,
    resourceType: null,
    attribute: null,
    target: { kind: "arn", arn },
    action: null,
    change: null,
    location: null,
    suppressions: [],
  };
}

async function writeSnapshot(file: string, doc: unknown, deps: Deps): Promise<void> {
  try {
    await deps.writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
  } catch (cause) {
    throw new InputError(`cannot write the facts snapshot: ${errorMessage(cause)}`, file, null, {
      cause,
    });
  }
}
