/**
 * Recording facts as a snapshot (SPEC §3, version 1): a FactSource wrapper that
 * keeps every answer it passes on, so `--save-facts` and `snapshot` write exactly
 * what the run saw, and `--facts` replays it offline.
 */

import { parseKmsArn } from "../aws/key-ids.js";
import type { DeployedStack, FactSource, Fetched } from "../model.js";
import { compareText } from "../order.js";
import { checkedKeyMetadata, checkedLastUsage } from "./answers.js";
import type { SnapshotEntry } from "./snapshot.js";
import { checkedTrail } from "./trail.js";

/** One key's recorded answers, in the snapshot's own shape. */
type Entry = SnapshotEntry;

export interface Recorder {
  source: FactSource;
  /** The snapshot document of everything answered so far, keys sorted for stable files. */
  snapshot(capturedAt: Date): unknown;
}

/** Wraps `inner`, recording its answers per key ARN. */
export function recordFacts(inner: FactSource): Recorder {
  const keys = new Map<string, Entry>();
  const aliases = new Map<string, string>();
  const stacks = new Map<string, DeployedStack>();
  let account: string | null = null;

  const entry = (arn: string): Entry => {
    let found = keys.get(arn);
    if (!found) {
      found = {};
      keys.set(arn, found);
    }
    return found;
  };
  const keep = <T>(arn: string, answer: Fetched<T>, put: (e: Entry, value: T) => void) => {
    // Errors of calls on things that are not key ARNs (an alias that did not resolve) have no entry to go in.
    if (parseKmsArn(arn)?.resource !== "key") return answer;
    const found = entry(arn);
    if (answer.ok) put(found, answer.value);
    else found.Errors = [...(found.Errors ?? []), answer.error];
    return answer;
  };

  const source: FactSource = {
    kind: inner.kind,
    callerAccount: async () => {
      account = await inner.callerAccount();
      return account;
    },
    resolveAlias: async (aliasArn) => {
      const answer = await inner.resolveAlias(aliasArn);
      if (answer.ok && answer.value !== null) aliases.set(aliasArn, answer.value);
      return answer;
    },
    aliasesOf: async (keyArn) => {
      const answer = await inner.aliasesOf(keyArn);
      const arn = parseKmsArn(keyArn);
      if (arn && answer.ok) {
        for (const name of answer.value) {
          aliases.set(`arn:${arn.partition}:kms:${arn.region}:${arn.account}:${name}`, keyArn);
        }
      }
      // A listing that failed is kept on the key, so a replay cannot read "no alias" into it.
      return answer.ok ? answer : keep(keyArn, answer, () => {});
    },
    describeKey: async (keyArn) =>
      keep(keyArn, await inner.describeKey(keyArn), (e, v) => {
        e.KeyMetadata = v;
      }),
    getKeyLastUsage: async (keyArn) =>
      keep(keyArn, await inner.getKeyLastUsage(keyArn), (e, v) => {
        e.LastUsage = v;
      }),
    deployedStack: async (stack, region, account) => {
      const answer = await inner.deployedStack(stack, region, account);
      if (answer.ok && answer.value !== null && region !== null)
        stacks.set(`${stack}@${region}`, answer.value);
      return answer;
    },
  };
  if (inner.lookupTrail) {
    const lookup = inner.lookupTrail.bind(inner);
    source.lookupTrail = async (keyArn) =>
      keep(keyArn, await lookup(keyArn), (e, v) => {
        e.Trail = v;
      });
  }
  if (inner.defaultRegion)
    source.defaultRegion = () => inner.defaultRegion?.() ?? Promise.resolve(null);
  if (inner.recordedArns)
    source.recordedArns = () => inner.recordedArns?.() ?? { keys: [], aliases: [] };
  if (inner.evidenceFailure) source.evidenceFailure = () => inner.evidenceFailure?.() ?? null;
  if (inner.capturedAt) source.capturedAt = inner.capturedAt.bind(inner);
  // An inventory's listings are what it records keys of, not answers about a key.
  if (inner.inventory) source.inventory = inner.inventory;

  return {
    source,
    snapshot: (writtenAt) => {
      // Answers replayed from a snapshot keep the time they were taken (a merged one's,
      // per key): dated when this file is written, old facts would look new.
      const takenAt = (arn: string) => {
        const taken = inner.capturedAt?.(arn);
        return taken === undefined ? writtenAt : new Date(taken);
      };
      const times = new Map([...keys.keys()].map((arn) => [arn, takenAt(arn)]));
      let earliest = writtenAt.getTime();
      for (const at of times.values()) earliest = Math.min(earliest, at.getTime());
      const capturedAt = new Date(earliest);
      const entry = (arn: string, e: Entry): Entry => {
        const at = times.get(arn) ?? writtenAt;
        const kept = evidenceOnly(arn, e, at);
        return at.getTime() === earliest ? kept : { CapturedAt: at.toISOString(), ...kept };
      };
      return {
        version: 1,
        capturedAt: capturedAt.toISOString(),
        ...(account !== null ? { account } : {}),
        keys: sortedObject(new Map([...keys].map(([arn, e]) => [arn, entry(arn, e)]))),
        aliases: sortedObject(aliases),
        ...(stacks.size > 0 ? { stacks: sortedObject(stacks) } : {}),
      };
    },
  };
}

/**
 * An entry as the snapshot keeps it: an answer that is not evidence (answers.ts)
 * is kept as the error it is, so the file stays a valid snapshot and a replay
 * reads the key as `unavailable` for the same reason.
 */
function evidenceOnly(arn: string, entry: Entry, capturedAt: Date): Entry {
  const kept: Entry = { ...entry };
  const errors = [...(entry.Errors ?? [])];
  if (kept.KeyMetadata !== undefined) {
    const checked = checkedKeyMetadata(arn, kept.KeyMetadata, capturedAt);
    if (!checked.ok) {
      delete kept.KeyMetadata;
      errors.push(checked.error);
    }
  }
  if (kept.LastUsage !== undefined) {
    const checked = checkedLastUsage(arn, kept.LastUsage, capturedAt);
    if (!checked.ok) {
      delete kept.LastUsage;
      errors.push(checked.error);
    }
  }
  if (kept.Trail !== undefined) {
    const checked = checkedTrail(arn, kept.Trail, capturedAt);
    if (checked.ok) kept.Trail = checked.value;
    else {
      delete kept.Trail;
      errors.push(checked.error);
    }
  }
  if (errors.length > 0) kept.Errors = errors;
  return kept;
}

function sortedObject<T>(map: Map<string, T>): Record<string, T> {
  return Object.fromEntries([...map].sort(([a], [b]) => compareText(a, b)));
}
