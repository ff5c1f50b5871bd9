/**
 * A pull request's worth of Terraform for the Action's end-to-end tests:
 * `count` keys in `infra/main.tf`, one of them (used three days ago) deleted
 * through a `removed` block, the rest unused since creation — one finding each,
 * every one on its own line — with the plan, the facts snapshot, and the
 * patch GitHub would show for the pull request.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ACCOUNT = "111122223333";
const REGION = "us-east-1";

export interface PrScenario {
  /** Repository-relative path of the Terraform file, and of the plan and facts. */
  tfFile: string;
  plan: string;
  facts: string;
  /** The `patch` of `tfFile` in the pull request's files. */
  patch: string;
  /** Lines of `tfFile` the patch adds (where review comments can go). */
  changedLines: number[];
  /** Line of the `removed` block (the deletion's error finding). */
  removedLine: number;
  /** The line each kept key's `resource` header is on, by index (1..count-1). */
  keyLines: Map<number, number>;
}

const keyId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const keyArn = (i: number) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId(i)}`;

/**
 * Writes the scenario under `dir` (the repository root). Key 0 is deleted;
 * keys 1..count-1 are unused. The pull request changes the first `changed` keys' blocks.
 */
export function writePrScenario(dir: string, count: number, changed = 5): PrScenario {
  mkdirSync(join(dir, "infra"), { recursive: true });
  const lines = [
    "# The keys of the data platform.",
    "",
    "removed {",
    "  from = aws_kms_key.k0",
    "  lifecycle {",
    "    destroy = true",
    "  }",
    "}",
    "",
  ];
  const removedLine = 3;
  const keyLines = new Map<number, number>();
  const changedLines: number[] = [removedLine, removedLine + 1, removedLine + 2];
  for (let i = 1; i < count; i++) {
    keyLines.set(i, lines.length + 1);
    if (i <= changed) changedLines.push(lines.length + 1, lines.length + 2);
    lines.push(`resource "aws_kms_key" "k${i}" {`, `  description = "key ${i}"`, "}", "");
  }
  writeFileSync(join(dir, "infra/main.tf"), lines.join("\n"));

  const values = (i: number) => ({
    arn: keyArn(i),
    id: keyId(i),
    key_id: keyId(i),
    description: `key ${i}`,
    deletion_window_in_days: 30,
    is_enabled: true,
    key_usage: "ENCRYPT_DECRYPT",
    customer_master_key_spec: "SYMMETRIC_DEFAULT",
    multi_region: false,
  });
  const change = (i: number) => ({
    address: `aws_kms_key.k${i}`,
    mode: "managed",
    type: "aws_kms_key",
    name: `k${i}`,
    provider_name: "registry.terraform.io/hashicorp/aws",
    change:
      i === 0
        ? { actions: ["delete"], before: values(i), after: null, after_unknown: {} }
        : { actions: ["no-op"], before: values(i), after: values(i), after_unknown: {} },
  });
  const plan = {
    format_version: "1.2",
    terraform_version: "1.9.5",
    resource_changes: Array.from({ length: count }, (_, i) => change(i)),
    configuration: { root_module: {} },
  };
  writeFileSync(join(dir, "infra/plan.json"), JSON.stringify(plan));

  const metadata = (i: number) => ({
    AWSAccountId: ACCOUNT,
    KeyId: keyId(i),
    Arn: keyArn(i),
    CreationDate: "2026-06-15T08:00:00Z",
    Enabled: true,
    Description: `key ${i}`,
    KeyUsage: "ENCRYPT_DECRYPT",
    KeyState: "Enabled",
    Origin: "AWS_KMS",
    KeyManager: "CUSTOMER",
    KeySpec: "SYMMETRIC_DEFAULT",
    MultiRegion: false,
  });
  const lastUsage = (i: number) => ({
    KeyId: keyId(i),
    ...(i === 0
      ? {
          KeyLastUsage: {
            Operation: "Decrypt",
            Timestamp: "2026-11-25T14:32:07Z",
            CloudTrailEventId: "2cfd5892-6e9a-4f1c-b0a4-7d0b5f3c2e11",
          },
        }
      : {}),
    TrackingStartDate: "2026-05-01T00:00:00Z",
    KeyCreationDate: "2026-06-15T08:00:00Z",
  });
  const facts = {
    version: 1,
    capturedAt: "2026-11-27T23:00:00Z",
    account: ACCOUNT,
    keys: Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        keyArn(i),
        { KeyMetadata: metadata(i), LastUsage: lastUsage(i) },
      ]),
    ),
  };
  writeFileSync(join(dir, "kms-facts.json"), JSON.stringify(facts));

  // The pull request adds the removed block and edits the first `changed` keys' blocks.
  const tf = lines;
  const hunks = [
    `@@ -1,2 +1,9 @@`,
    ...tf.slice(0, 2).map((l) => ` ${l}`),
    ...tf.slice(2, 9).map((l) => `+${l}`),
  ];
  let old = 3;
  for (let i = 1; i <= Math.min(changed, count - 1); i++) {
    const line = keyLines.get(i) ?? 0;
    hunks.push(
      `@@ -${old},2 +${line},2 @@`,
      `-resource "aws_kms_key" "k${i}" {}`,
      "-# placeholder",
      `+${tf[line - 1]}`,
      `+${tf[line]}`,
    );
    old += 2;
  }
  return {
    tfFile: "infra/main.tf",
    plan: "infra/plan.json",
    facts: "kms-facts.json",
    patch: hunks.join("\n"),
    changedLines,
    removedLine,
    keyLines,
  };
}
