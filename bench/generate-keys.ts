/**
 * Inputs for the linear-in-keys case (issue 15, SPEC §9 "cost linear in keys, aliases
 * and consumers"): a plan with N keys, N aliases and 10·N consumers, and a facts
 * snapshot holding every key and alias, so `check --facts` runs it with no AWS. Each
 * consumer names its key by key ARN or alias ARN in turn, and one key in a hundred is
 * deleted, so both the alias joins and the consumer counts are exercised at scale.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";

const ACCOUNT = "111122223333";
const REGION = "us-east-1";
/** Consumers per key: the case is 10k keys and 100k consumers. */
export const CONSUMERS_PER_KEY = 10;

function keyId(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
}
function keyArn(i: number): string {
  return `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId(i)}`;
}
function aliasName(i: number): string {
  return `alias/team-${i % 97}/key-${i}`;
}
function aliasArn(i: number): string {
  return `arn:aws:kms:${REGION}:${ACCOUNT}:${aliasName(i)}`;
}

/** A stream writer that waits when the stream asks it to, counting bytes. */
function jsonWriter(path: string) {
  const out = createWriteStream(path);
  let bytes = 0;
  return {
    write: async (text: string) => {
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) await once(out, "drain");
    },
    close: async () => {
      out.end();
      await once(out, "finish");
      return bytes;
    },
  };
}

function change(type: string, address: string, values: object, deleted: boolean) {
  return {
    address,
    mode: "managed",
    type,
    name: address.split(".").at(-1)?.replace(/\[.*/, ""),
    provider_name: "registry.terraform.io/hashicorp/aws",
    change: {
      actions: [deleted ? "delete" : "no-op"],
      before: values,
      after: deleted ? null : values,
      after_unknown: {},
      before_sensitive: {},
      after_sensitive: {},
    },
  };
}

/** Writes the plan of `keys` keys (with their aliases and consumers); resolves to its size in bytes. */
export async function generateKeysPlan(path: string, keys: number): Promise<number> {
  const out = jsonWriter(path);
  await out.write('{"format_version":"1.2","terraform_version":"1.9.5","resource_changes":[');
  let first = true;
  const entry = async (value: object) => {
    await out.write((first ? "" : ",") + JSON.stringify(value));
    first = false;
  };
  for (let i = 0; i < keys; i++) {
    const deleted = i % 100 === 0;
    await entry(
      change(
        "aws_kms_key",
        `aws_kms_key.k[${i}]`,
        {
          arn: keyArn(i),
          key_id: keyId(i),
          description: `key ${i}`,
          is_enabled: true,
          deletion_window_in_days: 7,
        },
        deleted,
      ),
    );
    await entry(
      change(
        "aws_kms_alias",
        `aws_kms_alias.a[${i}]`,
        {
          arn: aliasArn(i),
          id: aliasName(i),
          name: aliasName(i),
          target_key_arn: keyArn(i),
          target_key_id: keyId(i),
        },
        deleted,
      ),
    );
  }
  for (let c = 0; c < keys * CONSUMERS_PER_KEY; c++) {
    const k = c % keys;
    await entry(
      change(
        "aws_sqs_queue",
        `aws_sqs_queue.q[${c}]`,
        {
          name: `queue-${c}`,
          kms_master_key_id: c % 2 === 0 ? keyArn(k) : aliasArn(k),
          kms_data_key_reuse_period_seconds: 300,
          tags: { team: `team-${k % 97}` },
        },
        false,
      ),
    );
  }
  await out.write("]}\n");
  return out.close();
}

/** Writes the facts snapshot of the same keys and aliases; resolves to its size in bytes. */
export async function generateKeysSnapshot(path: string, keys: number): Promise<number> {
  const out = jsonWriter(path);
  await out.write(
    `{"version":1,"capturedAt":"2026-11-27T23:00:00Z","account":"${ACCOUNT}","keys":{`,
  );
  for (let i = 0; i < keys; i++) {
    const entry = {
      KeyMetadata: {
        AWSAccountId: ACCOUNT,
        KeyId: keyId(i),
        Arn: keyArn(i),
        CreationDate: "2026-01-15T08:00:00Z",
        Enabled: true,
        KeyUsage: "ENCRYPT_DECRYPT",
        KeyState: "Enabled",
        Origin: "AWS_KMS",
        KeyManager: "CUSTOMER",
        KeySpec: "SYMMETRIC_DEFAULT",
        MultiRegion: false,
      },
      LastUsage: {
        KeyId: keyId(i),
        // Every third key unused since tracking began: findings to report.
        ...(i % 3 === 0
          ? {}
          : { KeyLastUsage: { Operation: "Decrypt", Timestamp: "2026-11-25T14:32:07Z" } }),
        TrackingStartDate: "2026-05-01T00:00:00Z",
        KeyCreationDate: "2026-01-15T08:00:00Z",
      },
    };
    await out.write(`${i > 0 ? "," : ""}${JSON.stringify(keyArn(i))}:${JSON.stringify(entry)}`);
  }
  await out.write('},"aliases":{');
  for (let i = 0; i < keys; i++) {
    await out.write(
      `${i > 0 ? "," : ""}${JSON.stringify(aliasArn(i))}:${JSON.stringify(keyArn(i))}`,
    );
  }
  await out.write("}}\n");
  return out.close();
}
