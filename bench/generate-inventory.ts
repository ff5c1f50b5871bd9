/**
 * Inputs for the inventory case (issue 17): the shards of an inventory, as `snapshot
 * --all-keys --shard I/N` writes them — each one account-region of its own with N keys,
 * taken an hour after the one before, so a merge keeps a capture time on most keys (the
 * largest merged file). One key in three unused, one in a hundred pending deletion and
 * used lately: findings for `check --all-keys` to report.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";

const REGION = "us-east-1";
const FIRST_CAPTURE = Date.parse("2026-11-27T12:00:00Z");
const HOUR_MS = 3_600_000;

function account(shard: number): string {
  return String(100000000000 + shard);
}
function keyId(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
}

/** Writes shard `index` of `count`, `keys` keys; resolves to its size in bytes. */
export async function generateInventoryShard(
  path: string,
  index: number,
  count: number,
  keys: number,
): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  const owner = account(index);
  const capturedAt = new Date(FIRST_CAPTURE + (index - 1) * HOUR_MS).toISOString();
  const pair = { account: owner, region: REGION, status: "read", keys, capturedAt };
  await write(
    `{"version":1,"capturedAt":"${capturedAt}","account":"${owner}","inventory":${JSON.stringify({ shards: [{ index, count }], pairs: [pair] })},"keys":{`,
  );
  for (let i = 0; i < keys; i++) {
    const arn = `arn:aws:kms:${REGION}:${owner}:key/${keyId(i)}`;
    const pending = i % 100 === 1;
    const entry = {
      KeyMetadata: {
        AWSAccountId: owner,
        KeyId: keyId(i),
        Arn: arn,
        CreationDate: "2026-01-15T08:00:00Z",
        Enabled: !pending,
        KeyUsage: "ENCRYPT_DECRYPT",
        KeyState: pending ? "PendingDeletion" : "Enabled",
        ...(pending
          ? { DeletionDate: "2026-12-20T00:00:00Z", PendingDeletionWindowInDays: 30 }
          : {}),
        Origin: "AWS_KMS",
        KeyManager: "CUSTOMER",
        KeySpec: "SYMMETRIC_DEFAULT",
        MultiRegion: false,
      },
      LastUsage: {
        KeyId: keyId(i),
        ...(i % 3 === 0
          ? {}
          : { KeyLastUsage: { Operation: "Decrypt", Timestamp: "2026-11-25T14:32:07Z" } }),
        TrackingStartDate: "2026-05-01T00:00:00Z",
        KeyCreationDate: "2026-01-15T08:00:00Z",
      },
    };
    await write(`${i > 0 ? "," : ""}${JSON.stringify(arn)}:${JSON.stringify(entry)}`);
  }
  await write('},"aliases":{');
  for (let i = 0; i < keys; i++) {
    const alias = `arn:aws:kms:${REGION}:${owner}:alias/team-${i % 97}/key-${i}`;
    await write(
      `${i > 0 ? "," : ""}${JSON.stringify(alias)}:${JSON.stringify(`arn:aws:kms:${REGION}:${owner}:key/${keyId(i)}`)}`,
    );
  }
  await write("}}\n");
  out.end();
  await once(out, "finish");
  return bytes;
}
