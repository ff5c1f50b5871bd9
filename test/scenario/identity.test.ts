/**
 * Issue 12, identity: one subject per key across inputs and the facts snapshot, run
 * through the command line. Each case failed on main before it: a bare key id beside
 * the plan that manages its key, a key held whole in an output or remote state, and
 * `--key alias/x` with a snapshot that maps the alias.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/config/region.js";
import { runCli } from "../support/cli.js";
import { keyMetadata } from "../support/facts.js";
import { ROOT } from "../support/run-dist.js";

const NOW = "2026-11-28T00:00:00Z";
const dir = mkdtempSync(join(tmpdir(), "kul-identity-"));
const EXAMPLES = join(ROOT, "examples");
const DRIFTCTL_KEYS = join(ROOT, "test/fixtures/terraform-state/driftctl_aws_kms_key.tfstate");
const DRIFTCTL_ALIASES = join(ROOT, "test/fixtures/terraform-state/driftctl_aws_kms_alias.tfstate");

/** Writes `doc` as JSON into the run's directory. */
function file(name: string, doc: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

/** `terraform output -json` of these values. */
function outputs(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      { sensitive: false, type: typeof value === "string" ? "string" : ["object", {}], value },
    ]),
  );
}

const usage = {
  TrackingStartDate: "2026-05-01T00:00:00Z",
  KeyCreationDate: "2026-06-01T00:00:00Z",
};

/** A facts snapshot holding these keys (each unused since creation) and aliases. */
function snapshot(
  name: string,
  account: string,
  keys: Record<string, Record<string, unknown>>,
  aliases: Record<string, string> = {},
): string {
  const entries = Object.fromEntries(
    Object.entries(keys).map(([arn, extra]) => [
      arn,
      { KeyMetadata: keyMetadata(arn, extra), LastUsage: usage },
    ]),
  );
  return file(name, {
    version: 1,
    capturedAt: "2026-11-20T12:00:00Z",
    account,
    keys: entries,
    aliases,
  });
}

interface Subject {
  id: string;
  usage: { status: string; reason: string | null } | null;
  references: { address: string | null; attribute: string | null }[];
}

async function check(args: string[], env: Environment = {}) {
  const run = await runCli([...args, "--format", "json", "--now", NOW], dir, {}, env);
  expect(run.stderr).toBe("");
  const report = JSON.parse(run.stdout);
  const subjects = (report.keys as Subject[]).map((k) => ({
    id: k.id,
    usage: k.usage?.status ?? null,
    references: k.references.map(
      (r) => `${r.address ?? "--key"}${r.attribute ? ` ${r.attribute}` : ""}`,
    ),
  }));
  return { code: run.code, subjects, report };
}

const EX = (id: string) => `arn:aws:kms:us-east-1:111122223333:key/${id}`;

describe("a bare key id beside the plan that manages its key", () => {
  it("is one subject with the snapshot's facts (examples/plan.json + terraform output -json)", async () => {
    const out = file(
      "outputs.json",
      outputs({ logs_key_id: "5a6b7c8d-1111-4222-8333-9a8b7c6d5e4f" }),
    );
    const { code, subjects, report } = await check([
      join(EXAMPLES, "plan.json"),
      out,
      "--facts",
      join(EXAMPLES, "facts.json"),
    ]);
    expect(subjects).toEqual([
      {
        id: EX("0f9e8d7c-6b5a-4321-8fed-cba987654321"),
        usage: "unused",
        references: ["aws_kms_key.legacy_reports arn"],
      },
      {
        id: EX("1234abcd-12ab-34cd-56ef-1234567890ab"),
        usage: "used",
        references: ["aws_kms_key.data arn"],
      },
      {
        id: EX("5a6b7c8d-1111-4222-8333-9a8b7c6d5e4f"),
        usage: "unknown",
        references: ['module.storage.aws_kms_key.this["logs"] arn', "output.logs_key_id"],
      },
      { id: "planned:aws_kms_key.data_v2", usage: null, references: ["aws_kms_key.data_v2"] },
    ]);
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain(
      "usage-unavailable",
    );
    expect(code).toBe(1);
  });

  it("is one subject beside a real state (driftctl aws_kms_key) and a snapshot of its keys", async () => {
    const arn = (id: string) => `arn:aws:kms:eu-west-3:047081014315:key/${id}`;
    const facts = snapshot("driftctl-facts.json", "047081014315", {
      [arn("8ee21d91-c000-428c-8032-235aac55da36")]: {},
      [arn("5d765f32-bfdc-4610-b6ab-f82db5d0601b")]: {},
      [arn("89d2c023-ea53-40a5-b20a-d84905c622d7")]: {},
    });
    const out = file(
      "driftctl-outputs.json",
      outputs({
        foo_key_id: "89d2c023-ea53-40a5-b20a-d84905c622d7",
        bar_kms: "8EE21D91-C000-428C-8032-235AAC55DA36",
      }),
    );
    const { subjects, report } = await check([DRIFTCTL_KEYS, out, "--facts", facts]);
    expect(subjects).toEqual([
      {
        id: arn("5d765f32-bfdc-4610-b6ab-f82db5d0601b"),
        usage: "unused",
        references: ["aws_kms_key.baz arn"],
      },
      {
        id: arn("89d2c023-ea53-40a5-b20a-d84905c622d7"),
        usage: "unused",
        references: ["aws_kms_key.foo arn", "output.foo_key_id"],
      },
      {
        id: arn("8ee21d91-c000-428c-8032-235aac55da36"),
        usage: "unused",
        references: ["aws_kms_key.bar arn", "output.bar_kms"],
      },
    ]);
    expect(report.errors).toEqual([]);
  });

  it("is one subject even when --region names another region: a key id is one key", async () => {
    const out = file(
      "outputs-region.json",
      outputs({ logs_key_id: "5a6b7c8d-1111-4222-8333-9a8b7c6d5e4f" }),
    );
    const { subjects } = await check([
      join(EXAMPLES, "plan.json"),
      out,
      "--facts",
      join(EXAMPLES, "facts.json"),
      "--region",
      "eu-west-1",
    ]);
    expect(subjects.map((s) => s.id)).not.toContain(
      "arn:aws:kms:eu-west-1:111122223333:key/5a6b7c8d-1111-4222-8333-9a8b7c6d5e4f",
    );
    expect(
      subjects.find((s) => s.id === EX("5a6b7c8d-1111-4222-8333-9a8b7c6d5e4f"))?.references,
    ).toEqual(['module.storage.aws_kms_key.this["logs"] arn', "output.logs_key_id"]);
  });

  it("joins a bare alias name with the alias a real state (driftctl aws_kms_alias) declares", async () => {
    const key = "arn:aws:kms:eu-west-3:047081014315:key/341b2d76-feab-4911-b5de-fbdd92b21aa7";
    const alias = (name: string) => `arn:aws:kms:eu-west-3:047081014315:alias/${name}`;
    const facts = snapshot(
      "driftctl-alias-facts.json",
      "047081014315",
      { [key]: {} },
      { [alias("foo")]: key, [alias("bar")]: key, [alias("baz20210225124429210500000001")]: key },
    );
    const out = file("alias-outputs.json", outputs({ app_kms_alias: "alias/foo" }));
    const { subjects, report } = await check([DRIFTCTL_ALIASES, out, "--facts", facts]);
    expect(subjects).toEqual([
      {
        id: key,
        usage: "unused",
        references: [
          "aws_kms_alias.bar target_key_arn",
          "aws_kms_alias.baz target_key_arn",
          "aws_kms_alias.foo target_key_arn",
          "output.app_kms_alias",
        ],
      },
    ]);
    expect(report.errors).toEqual([]);
  });
});

describe("a key held whole in an output or a remote state", () => {
  const ID = "0f9e8d7c-6b5a-4321-8fed-cba987654321";
  const whole = { arn: EX(ID), id: ID, key_id: ID, description: "reports", multi_region: false };

  it.each([[[]], [["--region", "us-east-1"]], [["--region", "eu-west-1"]]])(
    "is one reference, its ARN, in terraform output -json (%j)",
    async (region) => {
      const out = file("whole-outputs.json", outputs({ shared: { reports_key: whole } }));
      const { subjects } = await check([out, "--facts", join(EXAMPLES, "facts.json"), ...region]);
      expect(subjects).toEqual([
        { id: EX(ID), usage: "unused", references: ["output.shared reports_key.arn"] },
      ]);
    },
  );

  it.each([[[]], [["--region", "eu-west-1"]]])(
    "is one reference in a terraform_remote_state of a raw state (%j)",
    async (region) => {
      const state = file("remote.tfstate", {
        version: 4,
        terraform_version: "1.9.8",
        serial: 3,
        lineage: "2c0d5c4e-7a4f-4c55-9a8e-1e0b7f7b9b10",
        outputs: {},
        resources: [
          {
            mode: "data",
            type: "terraform_remote_state",
            name: "platform",
            provider: 'provider["terraform.io/builtin/terraform"]',
            instances: [
              {
                schema_version: 0,
                attributes: {
                  backend: "s3",
                  config: {
                    value: { bucket: "tf-state", key: "platform.tfstate" },
                    type: ["object", {}],
                  },
                  defaults: null,
                  outputs: { value: { reports_key: whole }, type: ["object", {}] },
                  workspace: null,
                },
              },
            ],
          },
        ],
        check_results: null,
      });
      const { subjects } = await check([state, "--facts", join(EXAMPLES, "facts.json"), ...region]);
      expect(subjects).toEqual([
        {
          id: EX(ID),
          usage: "unused",
          references: ["data.terraform_remote_state.platform outputs.value.reports_key.arn"],
        },
      ]);
    },
  );
});

describe("cdk deploy --outputs-file naming one key twice", () => {
  it("is one subject: the KeyId output joins the KeyArn output", async () => {
    const ID = "0f9e8d7c-6b5a-4321-8fed-cba987654321";
    const out = file("cdk-outputs.json", {
      ReportsStack: { ReportsKeyArn: EX(ID), ReportsKeyId: ID, BucketName: "reports" },
    });
    const { subjects } = await check([out, "--facts", join(EXAMPLES, "facts.json")]);
    expect(subjects).toEqual([
      {
        id: EX(ID),
        usage: "unused",
        references: ["ReportsStack.ReportsKeyArn", "ReportsStack.ReportsKeyId"],
      },
    ]);
  });
});

describe("--key alias/x with a snapshot that maps it", () => {
  it("resolves through the snapshot's aliases without --region (examples/facts.json)", async () => {
    const { code, subjects, report } = await check([
      "--key",
      "alias/customer-data",
      "--facts",
      join(EXAMPLES, "facts.json"),
    ]);
    expect(subjects).toEqual([
      { id: EX("1234abcd-12ab-34cd-56ef-1234567890ab"), usage: "used", references: ["--key"] },
    ]);
    expect(report.errors).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });
});

describe("an id the run knows in several regions", () => {
  const MRK = "mrk-0a1b2c3d00004000800000000000000a";
  const member = (region: string) => `arn:aws:kms:${region}:111122223333:key/${MRK}`;
  const multiRegion = (role: string) => ({
    MultiRegion: true,
    MultiRegionConfiguration: {
      MultiRegionKeyType: role,
      PrimaryKey: { Arn: member("us-east-1"), Region: "us-east-1" },
      ReplicaKeys: [{ Arn: member("eu-west-1"), Region: "eu-west-1" }],
    },
  });
  const facts = () =>
    snapshot("mrk-facts.json", "111122223333", {
      [member("us-east-1")]: multiRegion("PRIMARY"),
      [member("eu-west-1")]: multiRegion("REPLICA"),
    });

  it("is unavailable with the regions and the way out, not picked", async () => {
    const run = await runCli(["--key", MRK, "--facts", facts(), "--now", NOW], dir);
    const reason = `key id ${MRK} is in 2 regions of the facts snapshot (eu-west-1, us-east-1); pass --region`;
    expect(run.stdout).toContain(`could not check --key: ${MRK}: ${reason}`);
    expect(run.stdout).toContain("usage-unavailable");
  });

  it.each<[string, Environment, string]>([
    ["AWS_REGION", { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "us-east-1" }, "eu-west-1"],
    ["AWS_DEFAULT_REGION", { AWS_DEFAULT_REGION: "us-east-1" }, "us-east-1"],
  ])("resolves in the region %s names", async (_, env, region) => {
    const { subjects } = await check(["--key", MRK, "--facts", facts()], env);
    expect(subjects).toEqual([{ id: member(region), usage: "unused", references: ["--key"] }]);
  });

  it("resolves in the region of the profile of the shared config file", async () => {
    const config = join(dir, "aws-config");
    writeFileSync(config, "[profile ci]\nregion = eu-west-1\n");
    const { subjects } = await check(["--key", MRK, "--facts", facts(), "--profile", "ci"], {
      AWS_CONFIG_FILE: config,
    });
    expect(subjects).toEqual([{ id: member("eu-west-1"), usage: "unused", references: ["--key"] }]);
  });

  it("refuses a region in the environment that names none", async () => {
    const run = await runCli(
      ["--key", MRK, "--facts", facts(), "--now", NOW],
      dir,
      {},
      {
        AWS_REGION: "Moon-Base",
      },
    );
    expect(run).toMatchObject({
      code: 2,
      stderr:
        'kms-usage-lint: AWS_REGION (from the environment) "Moon-Base": expected an AWS region name like us-east-1\n',
    });
  });
});
