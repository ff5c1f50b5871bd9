/**
 * From references to subjects: resolve every reference to a key ARN, merge the
 * references per key, and attach what the fact source says of each key.
 */

import { describeError } from "../aws/errors.js";
import { isKeyId, keyArn, parseKmsArn, partitionOf } from "../aws/key-ids.js";
import {
  type AwsKeyLastUsage,
  type AwsKeyMetadata,
  type DeployedStacks,
  type FactSource,
  type Fetched,
  type KeyChange,
  type KeyInfo,
  type KeyReference,
  type KeySubject,
  type KeyTarget,
  NOT_IN_SNAPSHOT,
  type RunError,
} from "../model.js";
import { compareText } from "../order.js";
import { plural, showValue } from "../show.js";
import { instantMs } from "../time.js";
import { CLOCK_SKEW_MS, checkedKeyMetadata, MALFORMED } from "./answers.js";
import { deployedStacks } from "./deployed.js";
import { joinAliasName, joinKeyId, type KnownIdentities, knownIdentities } from "./identity.js";
import { interned } from "./interned.js";
import { type HeldAnswers, heldAnswers } from "./snapshot.js";
import { trailFacts } from "./trail.js";
import { aggregateUsage, memberUsage, unavailableMember } from "./usage.js";

export interface GatherOptions {
  /** Where a bare key id or alias name without a region is looked up (`--region`). */
  region: string | null;
  /**
   * Whether a key's usage can change any verdict, asked once its other facts are
   * in (the rules decide; the facts stage knows none). Absent: always ask.
   */
  needsUsage?: (subject: KeySubject) => boolean;
  /**
   * Whether a key's CloudTrail evidence can change any verdict, asked once its key and
   * usage facts are in. Absent: never asked (LookupEvents is the tightest quota, 2/s).
   */
  needsTrail?: (subject: KeySubject) => boolean;
  /**
   * Whether a key is evaluated at all (`--scope changed`: scope.ts), asked once its
   * references are resolved and merged. A key out of it is neither asked about nor
   * returned, only counted. A reference that could not be resolved keeps its key in:
   * which key it names is unknown, and its problem is said. Absent: every key.
   */
  inScope?: (subject: KeySubject) => boolean;
  /**
   * Ask about the keys out of scope all the same, returning only those in: a snapshot
   * being written should hold every key, as `check --facts` in any scope may read it.
   */
  askOutOfScope?: boolean;
  /**
   * Keys to evaluate whether an input references them or not (`check --all-keys`: every
   * key of the snapshot): each is a subject, joined with the references to it.
   */
  allKeys?: Iterable<string>;
  /** Told each time a key's facts are complete (for the progress line). */
  onKeyDone?: (done: number, total: number) => void;
  /**
   * No date in an answer about a key may be later than this (plus a little clock skew):
   * the evaluation clock, or when the answer was taken (a snapshot's capture, or in a
   * merged snapshot the key's own), given per key ARN. Default: the time of the call.
   */
  notAfter?: Date | ((keyArn: string) => Date);
}

export interface Gathered {
  subjects: KeySubject[];
  errors: RunError[];
  /** GetKeyLastUsage calls not made because no rule's outcome depended on them. */
  usageCallsSaved: number;
  /** Keys whose CloudTrail evidence was asked for. */
  trailsAsked: number;
  /** Keys left out by `inScope`. */
  keysOutOfScope: number;
}

/** Builds one subject per key from the references, with facts from `source`. */
export async function gatherFacts(
  references: KeyReference[],
  source: FactSource,
  options: GatherOptions,
): Promise<Gathered> {
  const errors: RunError[] = [];
  const fixed = options.notAfter ?? new Date();
  const notAfter = typeof fixed === "function" ? fixed : () => fixed;
  // STS is asked only once a reference names an existing key (whose facts need the
  // caller's account): a plan that only creates keys, or names none, needs no credentials.
  let caller: Promise<string | null> | null = null;
  const callerAccount = () => {
    caller ??= source.callerAccount();
    return caller;
  };
  const region = options.region ?? (await source.defaultRegion?.()) ?? null;
  const groups = new Map<string, KeyReference[]>();
  const unresolved = new Map<string, string>();

  // One ListStackResources per stack, however many keys it holds.
  const deployed = deployedStacks(source);
  const context = { region, callerAccount, deployed };
  // ARNs first: a bare key id or alias name is then joined with the key they name (identity.ts).
  // Each target is resolved once: a key's consumers name it by the same ARN or alias,
  // tens of thousands of references for a few thousand targets (issue 15).
  const resolved: Resolved[] = [];
  const once = resolvedOnce();
  for (const [i, ref] of references.entries()) {
    if (isBare(ref.target)) continue;
    const target = ref.target;
    resolved[i] = await once(target, async () =>
      resolveTarget(target, source, {
        ...context,
        account: target.kind === "planned" ? null : await callerAccount(),
      }),
    );
  }
  if (references.some((ref) => isBare(ref.target))) {
    const known = knownIdentities(inputArns(references, resolved), source.recordedArns?.() ?? null);
    for (const [i, ref] of references.entries()) {
      const target = ref.target;
      if (isBare(target)) {
        resolved[i] = await once(target, () => resolveBare(target, source, known, context));
      }
    }
  }
  for (const [i, ref] of references.entries()) {
    const { id, problem } = resolved[i] as Resolved;
    const list = groups.get(id) ?? [];
    list.push(ref);
    groups.set(id, list);
    if (problem) unresolved.set(id, problem);
  }
  for (const arn of options.allKeys ?? []) if (!groups.has(arn)) groups.set(arn, []);

  // One answer per key ARN per run, however many subjects share a multi-Region member.
  const usageCalls = new Map<string, Promise<Fetched<AwsKeyLastUsage>>>();
  const lastUsage = (arn: string) => {
    let call = usageCalls.get(arn);
    if (!call) {
      call = source.getKeyLastUsage(arn);
      usageCalls.set(arn, call);
    }
    return call;
  };

  // Scope is decided on whole subjects, after every reference is resolved and merged:
  // a key touched only through an alias or a consumer is in, with all its references.
  const inScope = (subject: KeySubject) =>
    unresolved.has(subject.id) || (options.inScope?.(subject) ?? true);
  const all = [...groups].map(([id, refs]) => emptySubject(id, refs));
  const scoped = options.askOutOfScope ? all : all.filter(inScope);

  let usageCallsSaved = 0;
  const trail = { asked: 0, missing: [] as string[] };
  let done = 0;
  const asked: { subject: KeySubject; arn: string }[] = [];
  for (const subject of scoped) {
    const { id, references: refs } = subject;
    const problem = unresolved.get(id);
    if (problem !== undefined) {
      subject.usage = aggregateUsage([unavailableMember(id, problem)]);
      errors.push({ source: refs[0]?.file ?? "input", message: `${id}: ${problem}` });
    } else if (subject.arn !== null) {
      asked.push({ subject, arn: subject.arn });
    } // planned: no key or usage facts (SPEC §2)
  }
  const factOptions = { ...options, notAfter };
  const held = heldAnswers(source);
  if (held !== undefined) {
    // A source holding its answers (a snapshot) gives them at once: one key after another,
    // with no promise but for the CloudTrail evidence a verdict needs.
    for (const { subject, arn } of asked) {
      usageCallsSaved += attachHeldFacts(subject, arn, held, factOptions);
      if (options.needsTrail?.(subject)) {
        await attachTrail(subject, arn, source, notAfter, trail);
      }
      options.onKeyDone?.(++done, scoped.length);
    }
  } else {
    // A snapshot answers at once, without pacing: what bounds it is memory, not the quota.
    const snapshot = source.kind === "snapshot";
    const limit = snapshot ? () => SNAPSHOT_IN_FLIGHT : keysInFlightPerPlace;
    await byPlace(asked, limit, snapshot ? () => "" : placeOf, async ({ subject, arn }) => {
      // Read the count after the await: `x += await y` would add to a stale x.
      const saved = await attachFacts(subject, arn, source, lastUsage, factOptions);
      usageCallsSaved += saved;
      if (options.needsTrail?.(subject)) {
        await attachTrail(subject, arn, source, notAfter, trail);
      }
      options.onKeyDone?.(++done, scoped.length);
    });
  }
  const kept = scoped.filter(inScope).sort((a, b) => compareText(a.id, b.id));
  for (const subject of kept) {
    if (subject.aliasesUnavailable === undefined) continue;
    errors.push({
      source: subject.references[0]?.file ?? "input",
      message: `${subject.id}: its aliases could not be listed: ${subject.aliasesUnavailable}`,
    });
  }
  if (trail.missing.length > 0) errors.push(trailMissing(trail.missing, source));
  return {
    subjects: kept,
    errors,
    usageCallsSaved,
    trailsAsked: trail.asked,
    keysOutOfScope: all.length - kept.length,
  };
}

/**
 * Keys of one account-region asked about at once. Their calls wait in that place's
 * pacers anyway (GetKeyLastUsage 5/s, DescribeKey 2000/s): more in flight would only
 * hold more pending calls, and all 10k keys of the keys case at once held 40 MB of
 * them (issue 15).
 */
const KEYS_IN_FLIGHT_PER_PLACE = 64;
/**
 * Keys asked about at once across all account-regions, where there are many of them. An
 * inventory of 200 account-regions at 64 keys each queued 10,000 DescribeKeys for the
 * wire at once, in the order of the account-regions: the last one's first GetKeyLastUsage
 * waited behind nearly all of them, and the run took the time of the describes plus that
 * of the quota rather than the longer of the two (issue 17). With a share of this each,
 * every account-region's first calls go out among the first thousand, and each key is
 * described shortly before its turn under the quota.
 */
const KEYS_IN_FLIGHT = 1024;
/**
 * The least share: while one key is being described, three wait for their turn under the
 * quota — at 5 a second, 600 ms for a description before the quota goes unused.
 */
const KEYS_IN_FLIGHT_PER_PLACE_LEAST = 4;

/** Keys of one place asked about at once, when `places` account-regions are asked side by side. */
function keysInFlightPerPlace(places: number): number {
  const share = Math.floor(KEYS_IN_FLIGHT / Math.max(1, places));
  return Math.max(KEYS_IN_FLIGHT_PER_PLACE_LEAST, Math.min(KEYS_IN_FLIGHT_PER_PLACE, share));
}

/**
 * Keys a snapshot answers for at once, whatever their account-region: 400,000 keys of
 * an inventory under way together would hold every one's pending answers in memory
 * until the last is done.
 */
const SNAPSHOT_IN_FLIGHT = 1000;

function placeOf(item: { subject: KeySubject }): string {
  return `${item.subject.account ?? ""}\0${item.subject.region ?? ""}`;
}

/**
 * Runs `work` for every item: at most `limit(places)` of one place (`placeOf`) at a time,
 * every place side by side, so that each account-region's quota is used as before.
 */
async function byPlace<T>(
  items: readonly T[],
  limit: (places: number) => number,
  placeOf: (item: T) => string,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const places = new Map<string, T[]>();
  for (const item of items) {
    const place = placeOf(item);
    const queue = places.get(place);
    if (queue === undefined) places.set(place, [item]);
    else queue.push(item);
  }
  await Promise.all(
    [...places.values()].map((queue) => {
      let next = 0;
      const worker = async () => {
        for (let item = queue[next++]; item !== undefined; item = queue[next++]) await work(item);
      };
      const workers = Math.min(limit(places.size), queue.length);
      return Promise.all(Array.from({ length: workers }, worker));
    }),
  );
}

/**
 * The key's CloudTrail evidence, asked where some verdict needs it. A fact source that
 * holds none for the key (a snapshot taken without it) leaves `trail` null — the trail
 * rules stay silent — and the key is named in one run error for all.
 */
async function attachTrail(
  subject: KeySubject,
  arn: string,
  source: FactSource,
  notAfter: (keyArn: string) => Date,
  trail: { asked: number; missing: string[] },
): Promise<void> {
  if (!source.lookupTrail) {
    trail.missing.push(arn);
    return;
  }
  trail.asked++;
  const answer = await source.lookupTrail(arn);
  if (!answer.ok && answer.error.Code === NOT_IN_SNAPSHOT) {
    trail.missing.push(arn);
    return;
  }
  subject.trail = trailFacts(arn, answer, notAfter(arn));
}

/** One run error for every key whose verdict needed CloudTrail evidence the facts did not hold. */
function trailMissing(arns: string[], source: FactSource): RunError {
  const keys = [...arns].sort(compareText);
  const shown = keys.slice(0, 3).join(", ");
  const more = keys.length > 3 ? ` and ${keys.length - 3} more` : "";
  const where = source.kind === "snapshot" ? "the facts snapshot" : "the fact source";
  return {
    source: "facts",
    message: `CloudTrail evidence was not in ${where} for ${plural(keys.length, "key")} whose verdict needed it (${shown}${more}): the CloudTrail rules stayed silent for them; take the snapshot again with this version (kms-usage-lint snapshot) to check them`,
  };
}

type FactOptions = GatherOptions & { notAfter: (keyArn: string) => Date };

async function attachFacts(
  subject: KeySubject,
  arn: string,
  source: FactSource,
  lastUsage: (arn: string) => Promise<Fetched<AwsKeyLastUsage>>,
  options: FactOptions,
): Promise<number> {
  const [answer, aliases] = await Promise.all([source.describeKey(arn), source.aliasesOf(arn)]);
  const described = attachKey(subject, arn, answer, aliases, options);
  if (described === null) return 0;
  const members = described.ok ? multiRegionMembers(arn, described.value) : [arn];
  // Usage is the quota-bound call (5/s): skip it where no verdict can depend on it.
  if (options.needsUsage && !options.needsUsage(subject)) return members.length;
  const answers = await Promise.all(members.map((m) => lastUsage(m)));
  attachUsage(subject, arn, described, members, answers, options);
  return 0;
}

/** attachFacts with answers a source holds: the same facts, read at once. */
function attachHeldFacts(
  subject: KeySubject,
  arn: string,
  held: HeldAnswers,
  options: FactOptions,
): number {
  const described = attachKey(subject, arn, held.describeKey(arn), held.aliasesOf(arn), options);
  if (described === null) return 0;
  const members = described.ok ? multiRegionMembers(arn, described.value) : [arn];
  if (options.needsUsage && !options.needsUsage(subject)) return members.length;
  const answers = members.map((m) => held.getKeyLastUsage(m));
  attachUsage(subject, arn, described, members, answers, options);
  return 0;
}

/**
 * The key's DescribeKey and ListAliases answers on its subject; the checked description,
 * or null when it is not evidence and so discredits the rest (the subject then says why).
 */
function attachKey(
  subject: KeySubject,
  arn: string,
  answer: Fetched<AwsKeyMetadata>,
  aliases: Fetched<string[]>,
  options: FactOptions,
): Fetched<AwsKeyMetadata> | null {
  if (aliases.ok) subject.aliases = withNames(subject.aliases, aliases.value);
  else {
    const e = aliases.error;
    subject.aliasesUnavailable = describeError(e.Code, e.Message, e.Operation);
  }
  const described = answer.ok
    ? checkedKeyMetadata(arn, answer.value, options.notAfter(arn))
    : answer;
  if (described.ok) subject.key = keyInfo(described.value, subject.aliases, arn);
  else if (NOT_EVIDENCE.has(described.error.Code)) {
    // An answer about another key, or one that cannot be read, discredits what else
    // was said of this key: no usage answer is read as evidence beside it.
    const e = described.error;
    subject.usage = aggregateUsage([
      unavailableMember(arn, describeError(e.Code, e.Message, e.Operation), regionOf(arn)),
    ]);
    return null;
  }
  return described;
}

/** The GetKeyLastUsage answers of the key's members (`members`, the key first) on its subject. */
function attachUsage(
  subject: KeySubject,
  arn: string,
  described: Fetched<AwsKeyMetadata>,
  members: readonly string[],
  answers: readonly Fetched<AwsKeyLastUsage>[],
  options: FactOptions,
): void {
  const usage = members.map((m, i) =>
    memberUsage(m, regionOf(m), answers[i] as Fetched<AwsKeyLastUsage>, options.notAfter(m)),
  );
  const created = described.ok ? described.value.CreationDate : undefined;
  const recorded = usage[0]?.keyCreationDate;
  if (created !== undefined && recorded != null && disagree(created, recorded)) {
    // Two answers about one key that disagree on when it was made: neither is evidence,
    // and "created after tracking began" (unused) or before (unknown) rests on it.
    usage[0] = unavailableMember(
      arn,
      `not evidence: DescribeKey says the key was created ${created}, GetKeyLastUsage says ${recorded}`,
      regionOf(arn),
    );
  }
  subject.usage = aggregateUsage(usage);
  if (!described.ok && isMultiRegionId(arn) && subject.usage.status !== "used") {
    // The set's other members are named only by DescribeKey: without it a used replica
    // would go unseen, so the set is unavailable unless a member we could ask was used.
    const e = described.error;
    subject.usage = {
      ...subject.usage,
      status: "unavailable",
      reason: `the other members of this multi-Region key are unknown: ${describeError(e.Code, e.Message, e.Operation)}`,
    };
  }
}

/** Both lists of alias names, each once, sorted; a key has none or one in most inventories. */
function withNames(names: readonly string[], more: readonly string[]): string[] {
  if (names.length === 0 && more.length <= 1) return [...more];
  return [...new Set([...names, ...more])].sort();
}

/**
 * Error codes of answers that are not evidence: a key's other answers are not read
 * beside one (answers.ts's semantic checks, and the KMS layer's "not KMS's answer").
 */
const NOT_EVIDENCE = new Set([MALFORMED, "MalformedResponse"]);

/** Two dates further apart than clocks can explain. */
function disagree(a: string, b: string): boolean {
  return Math.abs(instantMs(a) - instantMs(b)) > CLOCK_SKEW_MS;
}

function regionOf(arn: string): string | null {
  return parseKmsArn(arn)?.region ?? null;
}

/** KMS gives every multi-Region key an `mrk-` id. */
function isMultiRegionId(arn: string): boolean {
  return parseKmsArn(arn)?.id.toLowerCase().startsWith("mrk-") ?? false;
}

/** The primary and every replica of a multi-Region key, the queried key first. */
function multiRegionMembers(arn: string, metadata: AwsKeyMetadata): string[] {
  const config = metadata.MultiRegionConfiguration;
  if (!metadata.MultiRegion || !config) return [arn];
  const others = [config.PrimaryKey?.Arn, ...(config.ReplicaKeys ?? []).map((r) => r.Arn)];
  const members = [arn];
  for (const other of others) {
    if (other && !members.includes(other)) members.push(other);
  }
  return members;
}

/**
 * DescribeKey's metadata, checked, in the catalog's words. Its strings are the key ARN
 * asked (`asked`, where the answer names it alike) and values shared between keys, not
 * the copies each key's answer was parsed into (interned.ts).
 */
function keyInfo(md: AwsKeyMetadata, aliases: string[], asked: string): KeyInfo {
  const arn = parseKmsArn(md.Arn);
  const role = md.MultiRegionConfiguration?.MultiRegionKeyType;
  return {
    arn: md.Arn === asked ? asked : md.Arn,
    id: md.KeyId,
    region: interned(arn?.region ?? null),
    account: interned(md.AWSAccountId ?? arn?.account ?? null),
    aliases,
    state: interned(md.KeyState ?? null),
    enabled: md.Enabled ?? null,
    manager: interned(md.KeyManager ?? null),
    spec: interned(md.KeySpec ?? null),
    keyUsage: interned(md.KeyUsage ?? null),
    origin: interned(md.Origin ?? null),
    // Checked answers (answers.ts) carry their dates as ISO strings already.
    // A key's own dates, nearly each one of its own: kept as they come, so that they do
    // not fill interned.ts's table before the values keys share are in it.
    createdAt: md.CreationDate ?? null,
    deletionDate: md.DeletionDate ?? null,
    pendingWindowDays: md.PendingDeletionWindowInDays ?? null,
    multiRegion: md.MultiRegion ?? null,
    multiRegionRole: role === "PRIMARY" || role === "REPLICA" ? role : null,
  };
}

function emptySubject(id: string, refs: KeyReference[]): KeySubject {
  const arn = parseKmsArn(id);
  return {
    id,
    arn: arn?.resource === "key" ? id : null,
    region: interned(arn?.region ?? null),
    account: interned(arn?.account ?? null),
    // Most keys of an inventory no input references.
    aliases: refs.length === 0 ? [] : referencedAliases(refs),
    references: refs,
    change: mergeChanges(refs),
    key: null,
    usage: null,
    trail: null,
  };
}

/** The alias names the references give the key, each once, sorted. */
function referencedAliases(refs: KeyReference[]): string[] {
  const aliases = refs.flatMap((r) => {
    const name = r.aliasName ?? (r.target.kind === "alias" ? r.target.name : undefined);
    // An alias resource being deleted will no longer name the key.
    return name !== undefined && r.action !== "delete" ? [name] : [];
  });
  return [...new Set(aliases)].sort();
}

// When several inputs describe a change to one key, the most destructive one is what reviewers must see.
const ACTION_WEIGHT: Record<KeyChange["action"], number> = {
  delete: 5,
  replace: 4,
  orphan: 3,
  update: 2,
  create: 1,
  none: 0,
};

function mergeChanges(refs: KeyReference[]): KeyChange | null {
  let best: KeyChange | null = null;
  for (const ref of refs) {
    const change = ref.change;
    if (change && (best === null || ACTION_WEIGHT[change.action] > ACTION_WEIGHT[best.action])) {
      best = change;
    }
  }
  return best;
}

interface Resolved {
  id: string;
  problem?: string;
}

/**
 * Resolves each distinct target once, in the order first asked: references that name
 * a key alike (the same ARN, alias or key id) share one answer.
 */
function resolvedOnce() {
  const answers = new Map<string, Resolved>();
  return async (target: KeyTarget, resolve: () => Promise<Resolved>): Promise<Resolved> => {
    // An ARN cannot start with `{`: it is its own key, and every other target its JSON.
    const key = target.kind === "arn" ? target.arn : JSON.stringify(target);
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = await resolve();
      answers.set(key, answer);
    }
    return answer;
  };
}

/** A target named without its account and region: a bare key id, or an alias name without its ARN. */
type BareTarget =
  | Extract<KeyTarget, { kind: "key-id" }>
  | (Extract<KeyTarget, { kind: "alias" }> & { arn: null });

function isBare(target: KeyTarget): target is BareTarget {
  return target.kind === "key-id" || (target.kind === "alias" && target.arn === null);
}

/**
 * The key and alias ARNs the inputs name: their references' own, and the keys their
 * aliases and stack resources resolved to.
 */
function inputArns(
  references: KeyReference[],
  resolved: (Resolved | undefined)[],
): { keys: string[]; aliases: string[] } {
  const keys: string[] = [];
  const aliases: string[] = [];
  for (const [i, ref] of references.entries()) {
    const target = ref.target;
    if (target.kind === "arn")
      (parseKmsArn(target.arn)?.resource === "alias" ? aliases : keys).push(target.arn);
    if (target.kind === "alias" && target.arn !== null) aliases.push(target.arn);
    const done = resolved[i];
    if (done !== undefined && done.problem === undefined) keys.push(done.id);
  }
  return { keys, aliases };
}

/**
 * A bare key id or alias name: the one key (or alias) the run knows it can mean, else
 * the reason it could mean several, else resolved in the configured region as before.
 */
async function resolveBare(
  target: BareTarget,
  source: FactSource,
  known: KnownIdentities,
  context: Omit<Parameters<typeof resolveTarget>[2], "account"> & {
    callerAccount: () => Promise<string | null>;
  },
): Promise<Resolved> {
  const where = { region: target.region, configured: context.region };
  const joined =
    target.kind === "key-id"
      ? joinKeyId(target.keyId, where, known)
      : joinAliasName(target.name, where, known);
  switch (joined.kind) {
    case "key":
      return { id: joined.arn };
    case "alias":
      return resolveAlias(joined.arn, source);
    case "ambiguous":
      return { id: target.kind === "key-id" ? target.keyId : target.name, problem: joined.problem };
    case "unknown":
      return resolveTarget(target, source, { ...context, account: await context.callerAccount() });
  }
}

/** The subject id of a target: a key ARN, `planned:ADDRESS`, or the text that could not be resolved. */
async function resolveTarget(
  target: KeyTarget,
  source: FactSource,
  context: {
    region: string | null;
    account: string | null;
    deployed: DeployedStacks;
  },
): Promise<Resolved> {
  switch (target.kind) {
    case "planned":
      return { id: `planned:${target.address}` };
    case "stack-resource":
      return resolveStackResource(target, context);
    case "arn": {
      const arn = parseKmsArn(target.arn);
      if (arn?.resource === "key") return { id: target.arn };
      if (arn?.resource === "alias") return resolveAlias(target.arn, source);
      return { id: target.arn, problem: "not a KMS key or alias ARN" };
    }
    case "key-id": {
      const region = target.region ?? context.region;
      if (region === null || context.account === null) {
        return {
          id: target.keyId,
          problem: "a bare key id needs a region (--region) and the account to resolve",
        };
      }
      const arn = keyArn(partitionOf(region), region, context.account, target.keyId);
      // An input's `region` that names no region would give an ARN of no key: unchecked, not absent.
      if (parseKmsArn(arn) === null) return { id: target.keyId, problem: notARegion(region) };
      return { id: arn };
    }
    case "alias": {
      if (target.arn !== null) return resolveAlias(target.arn, source);
      const region = target.region ?? context.region;
      if (region === null || context.account === null) {
        return {
          id: target.name,
          problem: "an alias name needs a region (--region) and the account to resolve",
        };
      }
      const aliasArn = `arn:${partitionOf(region)}:kms:${region}:${context.account}:${target.name}`;
      if (parseKmsArn(aliasArn) === null) return { id: target.name, problem: notARegion(region) };
      return resolveAlias(aliasArn, source);
    }
  }
}

function notARegion(region: string): string {
  return `cannot be resolved in region ${showValue(region)}, which is not a region's name`;
}

/**
 * A template's key, through the deployed stack (asked in the stack's own account; a
 * nested stack found through its parent's resources): its physical id is the key id.
 * A stack that exists without the logical id has not created the key yet.
 */
async function resolveStackResource(
  target: Extract<KeyTarget, { kind: "stack-resource" }>,
  context: Parameters<typeof resolveTarget>[2],
): Promise<Resolved> {
  const name = `${target.stack}/${target.logicalId}`;
  const answer = await context.deployed({
    name: target.stack,
    region: target.region,
    account: target.account,
    parent: target.parent ?? null,
  });
  if (!answer.ok) {
    const e = answer.error;
    return { id: `stack:${name}`, problem: describeError(e.Code, e.Message, e.Operation) };
  }
  const physical = answer.value?.resources[target.logicalId];
  if (answer.value === null || physical === undefined) return { id: `planned:${name}` };
  if (parseKmsArn(physical)?.resource === "key") return { id: physical };
  const region = target.region;
  const account = target.account ?? answer.value.account ?? context.account;
  if (region === null || account === null || !isKeyId(physical)) {
    return {
      id: `stack:${name}`,
      problem: `cannot tell the key ARN of ${target.logicalId} (physical id ${physical}): the stack's account or region is unknown`,
    };
  }
  return { id: keyArn(partitionOf(region), region, account, physical) };
}

async function resolveAlias(aliasArn: string, source: FactSource): Promise<Resolved> {
  const answer = await source.resolveAlias(aliasArn);
  if (!answer.ok) {
    const e = answer.error;
    return { id: aliasArn, problem: describeError(e.Code, e.Message, e.Operation) };
  }
  if (answer.value === null) return { id: aliasArn, problem: "the alias does not exist" };
  // An alias names a key of its own account and region: any other answer is not evidence.
  const alias = parseKmsArn(aliasArn);
  const key = parseKmsArn(answer.value);
  if (
    key?.resource !== "key" ||
    alias === null ||
    key.partition !== alias.partition ||
    key.region !== alias.region ||
    key.account !== alias.account
  ) {
    return {
      id: aliasArn,
      problem: `not evidence: the alias resolved to ${showValue(answer.value)}, which is not a key of the alias's account and region`,
    };
  }
  return { id: answer.value };
}
