/**
 * A large, realistic Terraform plan for the benchmark: modules, count/for_each
 * addresses, KMS keys and aliases, buckets and queues that consume the keys,
 * policy strings, tags, nested blocks, and a prior_state with the same resources;
 * and the facts snapshot of its keys, so the command line checks it with no AWS.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";

const ACCOUNT = "111122223333";

function keyArn(i: number): string {
  return `arn:aws:kms:us-east-1:${ACCOUNT}:key/${String(i).padStart(8, "0")}-1111-4222-8333-444455556666`;
}

function resource(i: number) {
  const module = `module.team${i % 40}["svc-${i % 7}"]`;
  if (i % 10 === 0) {
    const values = {
      arn: keyArn(i),
      key_id: keyArn(i).slice(-36),
      description: `Key ${i} for team ${i % 40}`.padEnd(120, "."),
      deletion_window_in_days: 7,
      is_enabled: true,
      enable_key_rotation: true,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "root",
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: "kms:*",
            Resource: "*",
          },
        ],
      }),
      tags: { team: `team${i % 40}`, env: "prod" },
    };
    return {
      type: "aws_kms_key",
      address: `${module}.aws_kms_key.this[${i}]`,
      module,
      values,
      action: i % 70 === 0 ? "delete" : "no-op",
    };
  }
  const values = {
    bucket: `bucket-${i}`,
    arn: `arn:aws:s3:::bucket-${i}`,
    id: `bucket-${i}`,
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: Array.from({ length: 6 }, (_, s) => ({
        Sid: `s${s}`,
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/reader-${s}` },
        Action: ["s3:GetObject", "s3:ListBucket"],
        Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/*`],
      })),
    }),
    server_side_encryption_configuration: [
      {
        rule: [
          {
            apply_server_side_encryption_by_default: [
              { kms_master_key_id: keyArn(i - (i % 10)), sse_algorithm: "aws:kms" },
            ],
            bucket_key_enabled: true,
          },
        ],
      },
    ],
    lifecycle_rule: Array.from({ length: 8 }, (_, r) => ({
      id: `rule-${r}`,
      enabled: true,
      prefix: `logs/${r}/`,
      expiration: [{ days: 30 + r }],
    })),
    tags: Object.fromEntries(Array.from({ length: 20 }, (_, t) => [`tag${t}`, `value-${i}-${t}`])),
  };
  return {
    type: "aws_s3_bucket",
    address: `${module}.aws_s3_bucket.this[${i}]`,
    module,
    values,
    action: "update",
  };
}

/**
 * Writes a plan of `resources` resources to `path` and resolves to its size in
 * bytes: entry by entry, waiting for the stream to drain, so that a 200 MB plan
 * takes no more memory to write than a small one.
 */
export async function generatePlan(path: string, resources: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write('{"format_version":"1.2","terraform_version":"1.9.5","resource_changes":[');
  for (let i = 0; i < resources; i++) {
    const r = resource(i);
    const after =
      r.action === "delete" ? null : { ...r.values, tags: { ...r.values.tags, changed: "yes" } };
    const entry = {
      address: r.address,
      module_address: r.module,
      mode: "managed",
      type: r.type,
      name: "this",
      index: i,
      provider_name: "registry.terraform.io/hashicorp/aws",
      change: {
        actions: [r.action],
        before: r.values,
        after,
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: {},
      },
    };
    await write((i > 0 ? "," : "") + JSON.stringify(entry));
  }
  await write('],"prior_state":{"format_version":"1.0","values":{"root_module":{"resources":[');
  for (let i = 0; i < resources; i++) {
    const r = resource(i);
    const entry = {
      address: r.address,
      mode: "managed",
      type: r.type,
      name: "this",
      index: i,
      provider_name: "registry.terraform.io/hashicorp/aws",
      schema_version: 0,
      values: r.values,
      sensitive_values: {},
    };
    await write((i > 0 ? "," : "") + JSON.stringify(entry));
  }
  await write("]}}}}\n");
  out.end();
  await once(out, "finish");
  return bytes;
}

/** Writes the facts snapshot of the keys of a plan of `resources` resources to `path`. */
export async function generatePlanSnapshot(path: string, resources: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`{"version":1,"capturedAt":"2026-11-27T23:00:00Z","account":"${ACCOUNT}","keys":{`);
  // Every tenth resource is a key (resource() above).
  for (let i = 0; i < resources; i += 10) {
    const arn = keyArn(i);
    const id = arn.slice(-36);
    const entry = {
      KeyMetadata: {
        AWSAccountId: ACCOUNT,
        KeyId: id,
        Arn: arn,
        CreationDate: "2026-01-15T08:00:00Z",
        Enabled: true,
        KeyState: "Enabled",
        KeyManager: "CUSTOMER",
      },
      LastUsage: {
        KeyId: id,
        KeyLastUsage: { Operation: "Decrypt", Timestamp: "2026-11-25T14:32:07Z" },
        TrackingStartDate: "2026-05-01T00:00:00Z",
        KeyCreationDate: "2026-01-15T08:00:00Z",
      },
    };
    await write(`${i > 0 ? "," : ""}${JSON.stringify(arn)}:${JSON.stringify(entry)}`);
  }
  await write("}}\n");
  out.end();
  await once(out, "finish");
}
