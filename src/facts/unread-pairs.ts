/**
 * `check --all-keys` (issue 17): every key a facts snapshot holds is a subject, referenced
 * by an input or not, and every account-region its inventory could not read is said and
 * judged (SPEC §10: missing evidence never passes). An unreadable account-region has no
 * keys to judge — it could not be listed — so it stands as one subject of its own whose
 * usage is `unavailable` with the reason, as a key missing from a snapshot does; the rules
 * judge it as they judge such a key (`usage-unavailable` in the recommended pack), and a
 * run error names it whatever the rules say.
 */

import { EvidenceError, type KeySubject, type RunError } from "../model.js";
import { plural } from "../show.js";
import type { Inventory, InventoryPair } from "./snapshot.js";
import { aggregateUsage, unavailableMember } from "./usage.js";

/** The subject id of an account-region that could not be read: how messages name it too. */
export function pairSubjectId(pair: Pick<InventoryPair, "account" | "region">): string {
  return `the keys of account ${pair.account} in ${pair.region}`;
}

/** The account-regions an inventory could not read. */
export function unreadPairs(inventory: Inventory | null): InventoryPair[] {
  return (inventory?.pairs ?? []).filter((pair) => pair.status === "unavailable");
}

/** One subject per account-region that could not be read: no key known, usage unavailable. */
export function unreadPairSubjects(inventory: Inventory | null): KeySubject[] {
  return unreadPairs(inventory).map((pair) => {
    const id = pairSubjectId(pair);
    return {
      id,
      arn: null,
      region: pair.region,
      account: pair.account,
      aliases: [],
      references: [],
      change: null,
      key: null,
      usage: aggregateUsage([unavailableMember(id, unreadReason(pair), pair.region)]),
      trail: null,
    };
  });
}

/** A run error per account-region that could not be read, naming the account and the reason. */
export function unreadPairErrors(inventory: Inventory | null): RunError[] {
  return unreadPairs(inventory).map((pair) => ({
    source: "inventory",
    message: `the keys of account ${pair.account}${pair.name === undefined ? "" : ` (${pair.name})`} in ${pair.region} could not be read, so none of them was checked: ${unreadReason(pair)}`,
  }));
}

/**
 * Throws the EvidenceError when the inventory set out to read account-regions and could
 * read none: nothing was checked, so the run was not evaluated (exit 2).
 */
export function checkInventoryRead(inventory: Inventory | null): void {
  if (inventory === null || inventory.pairs.length === 0) return;
  if (inventory.pairs.some((pair) => pair.status === "read")) return;
  const [first] = inventory.pairs;
  throw new EvidenceError(
    `none of the ${plural(inventory.pairs.length, "account-region")} of the facts snapshot's inventory could be read (${first === undefined ? "" : `${pairSubjectId(first)}: ${unreadReason(first)}`}${inventory.pairs.length > 1 ? ", …" : ""}): nothing could be checked; fix the roles the inventory assumes and take it again`,
  );
}

function unreadReason(pair: InventoryPair): string {
  return pair.reason ?? "no reason was recorded";
}
