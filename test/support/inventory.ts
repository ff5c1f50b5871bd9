/**
 * Builders for inventory snapshots (issue 17), as `snapshot --all-keys --shard I/N` writes
 * them: the keys of some account-regions, with what each pair's read gave.
 */
import { keyMetadata } from "./facts.js";

export const DAY_MS = 86_400_000;

/** A key ARN: account, region and a number make it. */
export function arnOf(account: string, region: string, n: number): string {
  return `arn:aws:kms:${region}:${account}:key/00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** Days before an instant, as ISO. */
export function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(iso) - days * DAY_MS).toISOString();
}

/** An enabled customer managed key made in January, never used since tracking began: `unused-key`. */
export function unusedKey(arn: string) {
  return {
    KeyMetadata: keyMetadata(arn, { CreationDate: "2026-01-15T00:00:00Z" }),
    LastUsage: {
      TrackingStartDate: "2025-06-01T00:00:00Z",
      KeyCreationDate: "2026-01-15T00:00:00Z",
    },
  };
}

/**
 * A key pending deletion, last used `usedAt`, whose CloudTrail window (90 days up to
 * `capturedAt`) holds one call that failed because of it: both pending-deletion rules.
 */
export function pendingKey(arn: string, usedAt: string, capturedAt: string) {
  const eventId = `ev-${arn.slice(-4)}`;
  const failedAt = daysBefore(capturedAt, 1);
  return {
    KeyMetadata: keyMetadata(arn, {
      KeyState: "PendingDeletion",
      Enabled: false,
      DeletionDate: "2026-12-20T00:00:00Z",
      PendingDeletionWindowInDays: 30,
    }),
    LastUsage: {
      KeyLastUsage: { Operation: "Decrypt", Timestamp: usedAt, CloudTrailEventId: "use-1" },
      TrackingStartDate: "2025-06-01T00:00:00Z",
      KeyCreationDate: "2026-06-01T00:00:00Z",
    },
    Trail: {
      LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: arn }],
      StartTime: daysBefore(capturedAt, 90),
      EndTime: capturedAt,
      Truncated: false,
      Events: [
        {
          EventId: eventId,
          EventName: "Decrypt",
          EventTime: failedAt,
          EventSource: "kms.amazonaws.com",
          CloudTrailEvent: JSON.stringify({
            eventID: eventId,
            eventSource: "kms.amazonaws.com",
            eventName: "Decrypt",
            errorCode: "KMSInvalidStateException",
            errorMessage: `${arn} is pending deletion.`,
            resources: [{ ARN: arn }],
            userIdentity: {
              type: "AssumedRole",
              arn: "arn:aws:sts::111122223333:assumed-role/app/i-1",
            },
          }),
        },
      ],
    },
  };
}

export interface PairSpec {
  account: string;
  region: string;
  name?: string;
  /** A reason makes the pair unavailable. */
  unavailable?: string;
  keys?: Record<string, unknown>;
}

/** An inventory snapshot of `pairs`, shard `index` of `count`, taken at `capturedAt`. */
export function inventorySnapshot(
  capturedAt: string,
  shard: { index: number; count: number },
  pairs: PairSpec[],
  aliases: Record<string, string> = {},
) {
  const keys: Record<string, unknown> = {};
  for (const pair of pairs) Object.assign(keys, pair.keys ?? {});
  const accounts = new Set(pairs.map((p) => p.account));
  return {
    version: 1,
    capturedAt,
    account: accounts.size === 1 ? [...accounts][0] : null,
    inventory: {
      shards: [shard],
      pairs: pairs.map((p) => ({
        account: p.account,
        region: p.region,
        ...(p.name === undefined ? {} : { name: p.name }),
        status: p.unavailable === undefined ? "read" : "unavailable",
        ...(p.unavailable === undefined ? {} : { reason: p.unavailable }),
        keys: Object.keys(p.keys ?? {}).length,
        capturedAt,
      })),
    },
    keys,
    aliases,
  };
}
