/**
 * A facts snapshot's keys by ARN (issue 17). An inventory merged from its shards holds
 * 400,000 of them: parsed all at once they were some 25 objects a key, most of a 2 GB
 * heap that every garbage collection went through again. Read from a file's bytes, an
 * entry is held here as where its text lies — checked once when the file was read — and
 * parsed again only when it is asked for, one key after another.
 */

import type { AwsCallError, AwsKeyLastUsage, AwsKeyMetadata, AwsTrail } from "../model.js";

export interface SnapshotEntry {
  /**
   * When this key's answers were taken, in a merged snapshot whose parts were taken at
   * different times; absent: the snapshot's `capturedAt`.
   */
  CapturedAt?: string;
  KeyMetadata?: AwsKeyMetadata;
  LastUsage?: AwsKeyLastUsage;
  Errors?: AwsCallError[];
  /** CloudTrail `LookupEvents` answers, for a key whose verdict needed them. */
  Trail?: AwsTrail;
}

/** Where one key's entry is: parsed already, or the bytes `start` to `end` of its file. */
interface Slot {
  entry: SnapshotEntry | null;
  bytes: Buffer | null;
  start: number;
  end: number;
  /** The entry's `CapturedAt` as it is given out. */
  capturedAt: string | undefined;
  /** The entry is given out with `capturedAt` in place of its own (a merge dated it). */
  restamped: boolean;
}

/**
 * The keys of a snapshot, in the order they were added: read like a Map from key ARN to
 * its entry. An entry asked for twice in a row is parsed once (a key's questions come
 * together: its description, aliases, usage, capture time).
 */
export class SnapshotKeys implements Iterable<[string, SnapshotEntry]> {
  readonly #slots = new Map<string, Slot>();
  #lastArn: string | null = null;
  #lastEntry: SnapshotEntry | null = null;

  /** Adds a parsed entry. */
  set(arn: string, entry: SnapshotEntry): this {
    this.#put(arn, {
      entry,
      bytes: null,
      start: 0,
      end: 0,
      capturedAt: entry.CapturedAt,
      restamped: false,
    });
    return this;
  }

  /**
   * Adds the entry whose JSON text is `bytes` from `start` to `end`, already checked
   * against the facts schema; `capturedAt` is its `CapturedAt`.
   */
  setText(
    arn: string,
    bytes: Buffer,
    start: number,
    end: number,
    capturedAt: string | undefined,
  ): this {
    this.#put(arn, { entry: null, bytes, start, end, capturedAt, restamped: false });
    return this;
  }

  /**
   * Adds `from`'s entry for `arn`, given out with `capturedAt` as its `CapturedAt` (first
   * of its fields), or with none when undefined: a merged snapshot dates each key anew.
   */
  setFrom(arn: string, from: SnapshotKeys, capturedAt: string | undefined): this {
    const slot = from.#slots.get(arn);
    if (slot === undefined) throw new Error(`no entry for ${arn} to take`);
    // An entry with no time of its own and none to be given is kept as it is.
    const restamped = capturedAt !== undefined || slot.capturedAt !== undefined;
    const { entry, bytes, start, end } = slot;
    this.#put(arn, { entry, bytes, start, end, capturedAt, restamped });
    return this;
  }

  /** The entry's `CapturedAt`, without parsing it. */
  capturedAt(arn: string): string | undefined {
    return this.#slots.get(arn)?.capturedAt;
  }

  /** Every entry's `CapturedAt` (undefined where it has none), without parsing them. */
  *capturedTimes(): IterableIterator<string | undefined> {
    for (const slot of this.#slots.values()) yield slot.capturedAt;
  }

  get size(): number {
    return this.#slots.size;
  }

  has(arn: string): boolean {
    return this.#slots.has(arn);
  }

  get(arn: string): SnapshotEntry | undefined {
    if (arn === this.#lastArn) return this.#lastEntry ?? undefined;
    const slot = this.#slots.get(arn);
    if (slot === undefined) return undefined;
    const entry = entryOf(slot);
    this.#lastArn = arn;
    this.#lastEntry = entry;
    return entry;
  }

  keys(): IterableIterator<string> {
    return this.#slots.keys();
  }

  *values(): IterableIterator<SnapshotEntry> {
    for (const slot of this.#slots.values()) yield entryOf(slot);
  }

  *entries(): IterableIterator<[string, SnapshotEntry]> {
    for (const [arn, slot] of this.#slots) yield [arn, entryOf(slot)];
  }

  [Symbol.iterator](): IterableIterator<[string, SnapshotEntry]> {
    return this.entries();
  }

  #put(arn: string, slot: Slot): void {
    if (arn === this.#lastArn) {
      this.#lastArn = null;
      this.#lastEntry = null;
    }
    this.#slots.set(arn, slot);
  }
}

/** The entry a slot gives out: parsed from its bytes where it is not held parsed. */
function entryOf(slot: Slot): SnapshotEntry {
  const entry =
    slot.entry ??
    (JSON.parse((slot.bytes as Buffer).toString("utf8", slot.start, slot.end)) as SnapshotEntry);
  if (!slot.restamped) return entry;
  if (entry.CapturedAt === undefined) {
    return slot.capturedAt === undefined ? entry : { CapturedAt: slot.capturedAt, ...entry };
  }
  const { CapturedAt: _, ...answers } = entry;
  return slot.capturedAt === undefined ? answers : { CapturedAt: slot.capturedAt, ...answers };
}
