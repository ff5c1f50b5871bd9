/**
 * Issue 3's scenario: a plan with a module-nested, for_each-keyed key being
 * replaced, an alias, consumers and a moved key, run through the command line
 * against the .tf files it was made from.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { ROOT } from "../support/run-dist.js";

const DIR = join(ROOT, "test/fixtures/tf-scenario");
const ARN = (id: string) => `arn:aws:kms:us-east-1:111122223333:key/${id}`;

async function check(args: string[]) {
  const { code, stdout, stderr } = await runCli(
    [...args, "--format", "json", "--now", "2026-11-28T00:00:00Z", "--repo-root", DIR],
    DIR,
  );
  return { code, stderr, report: stdout ? JSON.parse(stdout) : null };
}

interface JsonKey {
  arn: string | null;
  aliases: string[];
  change: { action: string; address: string } | null;
  references: { kind: string; address: string; location: { file: string; line: number } | null }[];
}

/** A location's file and line: this scenario is about which line; locate.test.ts checks the span. */
function fileLine(location: { file: string; line: number } | null | undefined) {
  return location ? { file: location.file, line: location.line } : location;
}

describe("a Terraform plan with modules, aliases, consumers and a move", () => {
  it("gives the right subjects, actions, consumers and lines", async () => {
    const plan = join(DIR, "infra/plan.json");
    const { code, stderr, report } = await check([plan, "--facts", join(DIR, "infra/facts.json")]);
    expect(stderr).toBe("");
    const keys: JsonKey[] = report.keys;
    const byArn = (id: string) => keys.find((k) => k.arn === ARN(id)) as JsonKey;

    const archive = byArn("22222222-2222-4222-8222-222222222222");
    expect(archive.change).toMatchObject({
      action: "replace",
      address: 'module.storage["logs"].aws_kms_key.this["archive"]',
    });
    const archiveKey = archive.references.find((r) => r.kind === "key");
    expect(fileLine(archiveKey?.location)).toEqual({
      file: "infra/modules/storage/main.tf",
      line: 5,
    });

    const data = byArn("11111111-1111-4111-8111-111111111111");
    expect(data.change?.action).toBe("none");
    expect(data.aliases).toEqual(["alias/data"]);
    const where = Object.fromEntries(
      data.references.map((r) => [`${r.kind} ${r.address}`, fileLine(r.location)]),
    );
    expect(where).toEqual({
      "key aws_kms_key.data": { file: "infra/main.tf", line: 13 },
      "alias aws_kms_alias.data": { file: "infra/main.tf", line: 18 },
      "consumer aws_s3_bucket_server_side_encryption_configuration.reports": {
        file: "infra/main.tf",
        line: 23,
      },
    });

    const moved = byArn("33333333-3333-4333-8333-333333333333");
    expect(moved.change).toMatchObject({ action: "none", address: "aws_kms_key.renamed" });
    expect(fileLine(moved.references[0]?.location)).toEqual({ file: "infra/main.tf", line: 39 });

    // The archive key is replaced while it was used 8 days ago and the queue still uses it.
    const archiveAddress = 'module.storage["logs"].aws_kms_key.this["archive"]';
    expect(
      report.findings.map((f: { ruleId: string; address: string }) => [f.ruleId, f.address]),
    ).toEqual([
      ["deleting-recently-used-key", archiveAddress],
      ["deleting-referenced-key", archiveAddress],
      ["deleting-enabled-key", archiveAddress],
    ]);
    // The unused standby is suppressed by the comment above its block, and still listed.
    expect(report.suppressed).toMatchObject([
      {
        ruleId: "unused-key",
        address: "aws_kms_key.renamed",
        by: "inline",
        reason: "kept as the disaster-recovery standby",
      },
    ]);
    expect(report.summary).toMatchObject({ error: 2, warning: 1, suppressed: 1, keys: 3 });
    expect(report.findings[0].location).toEqual({
      file: "infra/modules/storage/main.tf",
      line: 5,
      column: 1,
      endLine: 9,
    });
    expect(code).toBe(1);
  });
});
