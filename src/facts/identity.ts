/**
 * One subject per key (SPEC §2, "Key identity"): a bare key id or alias name in one
 * input often names a key another input (or the facts snapshot) knows by its ARN —
 * `terraform output -json` gives `logs_key_id` beside a plan that manages the key.
 * Here such a name is joined with the one ARN it can mean, and where the run knows
 * several, the reason is given instead of a pick.
 *
 * Which names are global and which belong to a region is AWS's: a key id (a UUID) is
 * one key wherever it is written; a multi-Region id (`mrk-…`) is shared by the
 * primary and its replicas, one per region; an alias name is unique only within an
 * account and region ("you can have aliases with the same name in different
 * Regions", CreateAlias).
 */

import { parseKmsArn } from "../aws/key-ids.js";
import type { RecordedArns } from "../model.js";

/** Where the run learnt of an ARN. */
export type Origin = "inputs" | "snapshot";

/** ARNs by the name a bare reference would use, each with where it was learnt. */
type Index = Map<string, Map<string, Set<Origin>>>;

/** The key and alias ARNs a run knows of, indexed for joining. */
export interface KnownIdentities {
  /** Key ARNs by key id, lower-cased: KMS writes ids in lower case, people not always. */
  keys: Index;
  /** Alias ARNs by alias name (`alias/…`), as written: KMS compares names exactly. */
  aliases: Index;
}

/** What a bare key id or alias name joins. */
export type Joined =
  /** The one key ARN it can mean. */
  | { kind: "key"; arn: string }
  /** The one alias ARN it can mean (still to be resolved to its key). */
  | { kind: "alias"; arn: string }
  /** Several: the reason, for an `unavailable` subject. */
  | { kind: "ambiguous"; problem: string }
  /** None: resolve it in the configured region, as before. */
  | { kind: "unknown" };

/** Where a bare reference is resolved. */
export interface Whereabouts {
  /** The region its input gives it (the resource's own); null when none. */
  region: string | null;
  /** `--region` (or its default from the environment); null when none. */
  configured: string | null;
}

/**
 * Indexes the key and alias ARNs of the inputs' references (`inputs`) and of the fact
 * source's own records (a snapshot); anything that is not a KMS ARN is ignored.
 */
export function knownIdentities(
  inputs: { keys: Iterable<string>; aliases: Iterable<string> },
  recorded: RecordedArns | null,
): KnownIdentities {
  const known: KnownIdentities = { keys: new Map(), aliases: new Map() };
  const add = (arn: string, origin: Origin) => {
    const parsed = parseKmsArn(arn);
    if (parsed === null) return;
    const index = parsed.resource === "key" ? known.keys : known.aliases;
    const name = parsed.resource === "key" ? parsed.id.toLowerCase() : parsed.id;
    let arns = index.get(name);
    if (!arns) {
      arns = new Map();
      index.set(name, arns);
    }
    let origins = arns.get(arn);
    if (!origins) {
      origins = new Set();
      arns.set(arn, origins);
    }
    origins.add(origin);
  };
  for (const arn of inputs.keys) add(arn, "inputs");
  for (const arn of inputs.aliases) add(arn, "inputs");
  for (const arn of recorded?.keys ?? []) add(arn, "snapshot");
  for (const arn of recorded?.aliases ?? []) add(arn, "snapshot");
  return known;
}

/**
 * The key a bare key id names, when the run knows exactly one it can be.
 *
 * A key id (UUID) is one key in all of AWS: a single known ARN with it is that key,
 * whatever region is configured — resolving it in another region would only find no
 * key there, and leave the key the inputs manage without this reference. Among several
 * (inputs that disagree), the region decides if it can.
 *
 * A multi-Region id names a different member in each region: with a region, only that
 * region's member is meant (KMS resolves a bare id in the caller's region), and when the
 * run knows none there it is resolved there as before; without one, it joins only if a
 * single member is known.
 */
export function joinKeyId(keyId: string, where: Whereabouts, known: KnownIdentities): Joined {
  const all = known.keys.get(keyId.toLowerCase());
  if (all === undefined) return { kind: "unknown" };
  const scope = where.region ?? where.configured;
  const multiRegion = keyId.toLowerCase().startsWith("mrk-");
  const arns = [...all.keys()];
  if (!multiRegion && arns.length === 1) return { kind: "key", arn: arns[0] as string };
  const here = scope === null ? arns : arns.filter((arn) => parseKmsArn(arn)?.region === scope);
  if (here.length === 1) return { kind: "key", arn: here[0] as string };
  if (here.length === 0 && multiRegion) return { kind: "unknown" };
  const named = here.length > 1 ? here : arns;
  return { kind: "ambiguous", problem: ambiguity(`key id ${keyId}`, "key", named, all, scope) };
}

/**
 * The alias a bare alias name names, when the run knows exactly one it can be: in the
 * region given, else anywhere. An alias the run does not know in that region is
 * resolved there as before (the same name elsewhere is another alias).
 */
export function joinAliasName(name: string, where: Whereabouts, known: KnownIdentities): Joined {
  const all = known.aliases.get(name);
  if (all === undefined) return { kind: "unknown" };
  const scope = where.region ?? where.configured;
  const arns = [...all.keys()];
  const here = scope === null ? arns : arns.filter((arn) => parseKmsArn(arn)?.region === scope);
  if (here.length === 1) return { kind: "alias", arn: here[0] as string };
  if (here.length === 0) return { kind: "unknown" };
  return { kind: "ambiguous", problem: ambiguity(name, "alias", here, all, scope) };
}

/** Why `what` names no one key: the regions, accounts or ARNs it spans, and the way out. */
function ambiguity(
  what: string,
  noun: "key" | "alias",
  arns: string[],
  origins: Map<string, Set<Origin>>,
  scope: string | null,
): string {
  const parsed = arns.flatMap((arn) => parseKmsArn(arn) ?? []);
  const regions = distinct(parsed.map((p) => p.region));
  const accounts = distinct(parsed.map((p) => p.account));
  const from = originText(arns.flatMap((arn) => [...(origins.get(arn) ?? [])]));
  const byArn = `name the ${noun} by its ARN`;
  if (regions.length > 1) {
    const way = scope === null ? "pass --region" : byArn;
    return `${what} is in ${regions.length} regions of ${from} (${listed(regions)}); ${way}`;
  }
  if (accounts.length > 1) {
    return `${what} is in ${accounts.length} accounts of ${from} in ${regions[0]} (${listed(accounts)}); ${byArn}`;
  }
  return `${what} names ${arns.length} ${noun === "key" ? "keys" : "aliases"} of ${from} (${listed([...arns].sort())}); ${byArn}`;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

// A reason names this many regions, accounts or ARNs, then counts the rest: a snapshot
// could hold a name in thousands, and the reason is one line of a report.
const MAX_NAMED = 5;

function listed(values: string[]): string {
  const shown = values.slice(0, MAX_NAMED).join(", ");
  return values.length > MAX_NAMED ? `${shown} and ${values.length - MAX_NAMED} more` : shown;
}

function originText(origins: Origin[]): string {
  const set = new Set(origins);
  if (set.has("inputs") && set.has("snapshot")) return "the inputs and the facts snapshot";
  return set.has("snapshot") ? "the facts snapshot" : "the inputs";
}
