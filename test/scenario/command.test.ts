import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, withFiles } from "../support/cli.js";
import { ROOT } from "../support/run-dist.js";

const NOW = "2026-11-28T00:00:00Z";
const PLAN = join(ROOT, "examples/plan.json");
const FACTS = join(ROOT, "examples/facts.json");
const ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** The command in-process, over `files` laid on the real file system, at a pinned clock. */
const cli = (argv: string[], files: Record<string, string> = {}) =>
  runCli(argv, process.cwd(), {
    ...withFiles(files),
    // A few days after examples/facts.json was captured, and not --now: tests that pin the clock say so.
    clock: () => new Date("2026-12-01T00:00:00Z"),
    tool: { name: "kms-usage-lint", version: "0.0.0-test" },
  });

describe("kms-usage-lint check", () => {
  it("reports the example's findings in text, grouped by file, and exits 1", async () => {
    const run = await cli([PLAN, "--facts", FACTS, "--now", NOW]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("deleting-recently-used-key");
    expect(run.stdout).toContain("was last used 2 days ago (Decrypt in us-east-1, 2026-11-25");
    expect(run.stdout).toContain("CloudTrail event 2cfd5892-6e9a-4f1c-b0a4-7d0b5f3c2e11");
    expect(run.stdout).toMatch(/unused-key\n/);
    expect(run.stdout).toContain(
      "✖ 6 problems (1 error, 5 warnings, 0 notices); 4 keys checked, 0 suppressed",
    );
  });

  it("gives the SPEC §6 JSON fields for keys and findings", async () => {
    const run = await cli([
      "check",
      "--terraform-plan",
      PLAN,
      "--facts",
      FACTS,
      "--now",
      NOW,
      "--format",
      "json",
    ]);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      version: 1,
      tool: { name: "kms-usage-lint" },
      evaluatedAt: "2026-11-28T00:00:00.000Z",
    });
    const data = report.keys.find((k: { arn: string }) =>
      k.arn?.endsWith("1234abcd-12ab-34cd-56ef-1234567890ab"),
    );
    expect(data).toMatchObject({
      region: "us-east-1",
      account: "111122223333",
      aliases: ["alias/customer-data"],
      state: "Enabled",
      usage: { status: "used", operation: "Decrypt", daysSinceLastUse: 2, reason: null },
      change: {
        action: "delete",
        source: "terraform-plan",
        address: "aws_kms_key.data",
        deletionWindowDays: 7,
        disables: false,
      },
      references: [{ source: "terraform-plan", address: "aws_kms_key.data", attribute: "arn" }],
    });
    const planned = report.keys.find((k: { arn: string | null }) => k.arn === null);
    expect(planned).toMatchObject({
      id: "planned:aws_kms_key.data_v2",
      usage: null,
      change: { action: "create" },
    });
    const logs = report.keys.find((k: { change: { address: string } }) =>
      k.change?.address.startsWith("module.storage"),
    );
    expect(logs.usage.status).toBe("unknown");
    expect(logs.change.action).toBe("replace");
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining([
          "ruleId",
          "severity",
          "message",
          "keyArn",
          "address",
          "location",
          "fingerprint",
        ]),
      );
      expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("--fail-on decides the exit status", async () => {
    expect((await cli([PLAN, "--facts", FACTS, "--now", NOW, "--fail-on", "none"])).code).toBe(0);
    expect((await cli([PLAN, "--facts", FACTS, "--now", NOW, "--fail-on", "warning"])).code).toBe(
      1,
    );
    const rules = "extends: [recommended]\nrules:\n  deleting-recently-used-key: off\n";
    const onlyWarning = await cli([PLAN, "--facts", FACTS, "--now", NOW, "--config", "r.yml"], {
      "r.yml": rules,
    });
    expect(onlyWarning.code).toBe(0);
    expect(
      (
        await cli(
          [PLAN, "--facts", FACTS, "--now", NOW, "--config", "r.yml", "--fail-on", "warning"],
          { "r.yml": rules },
        )
      ).code,
    ).toBe(1);
  });

  it("writes several formats at once with FORMAT=FILE", async () => {
    const run = await cli([
      PLAN,
      "--facts",
      FACTS,
      "--now",
      NOW,
      "--format",
      "json=out/report.json",
      "--format",
      "text",
    ]);
    expect(JSON.parse(run.written["out/report.json"] ?? "").summary.error).toBe(1);
    expect(run.stdout).toContain("✖ 6 problems");
  });

  it("is deterministic: the same inputs and --now give the same bytes", async () => {
    const args = [PLAN, "--facts", FACTS, "--now", NOW, "--format", "json"];
    expect((await cli(args)).stdout).toBe((await cli(args)).stdout);
  });

  it("reads .kms-usage-lint.yml from the working directory when --config is not given", async () => {
    const run = await cli([PLAN, "--facts", FACTS, "--now", NOW], {
      ".kms-usage-lint.yml": "extends: [recommended]\nrules:\n  unused-key: off\n",
    });
    expect(run.stdout).not.toContain("unused-key");
  });

  it("refuses a facts snapshot older than --max-facts-age at the evaluation clock (default 14 days)", async () => {
    // examples/facts.json was captured 2026-11-27T23:00:00Z.
    expect((await cli([PLAN, "--facts", FACTS, "--now", "2026-12-11T23:00:00Z"])).code).toBe(1);
    const stale = await cli([PLAN, "--facts", FACTS, "--now", "2026-12-12T00:00:00Z"]);
    expect(stale.code).toBe(2);
    expect(stale.stdout).toBe("");
    expect(stale.stderr).toBe(
      `kms-usage-lint: ${FACTS}: the facts snapshot is 14 days 1 hour old at the evaluation clock (captured 2026-11-27T23:00:00.000Z, now 2026-12-12T00:00:00.000Z), older than the 14 days max-facts-age allows: refresh it (kms-usage-lint snapshot … -o ${FACTS}), or raise max-facts-age if older facts are acceptable\n`,
    );
    // Without --now, the clock decides (here 2026-12-01: 4 days).
    expect((await cli([PLAN, "--facts", FACTS])).code).toBe(1);
    const longer = [
      PLAN,
      "--facts",
      FACTS,
      "--now",
      "2027-01-20T00:00:00Z",
      "--max-facts-age",
      "60",
    ];
    expect((await cli(longer)).code).toBe(1);
    const shorter = [
      PLAN,
      "--facts",
      FACTS,
      "--now",
      "2026-11-30T00:00:00Z",
      "--max-facts-age",
      "1",
    ];
    expect((await cli(shorter)).stderr).toMatch(
      /is 2 days 1 hour old .* older than the 1 day max-facts-age allows:/,
    );
  });

  const bad: [string, string[], Record<string, string>, RegExp][] = [
    [
      "a malformed plan",
      ["bad.json", "--facts", FACTS],
      { "bad.json": '{"format_version": "1.2",\n"resource_changes": [' },
      /^kms-usage-lint: bad\.json:2: /,
    ],
    [
      "a JSON file that is not a plan",
      ["x.json", "--facts", FACTS],
      { "x.json": '{"hello": 1}' },
      /x\.json: not a recognised input/,
    ],
    [
      "a missing file",
      ["nope.json", "--facts", FACTS],
      {},
      /nope\.json: cannot read input: no such file/,
    ],
    [
      "a 0-byte plan",
      ["--terraform-plan", "e.json", "--facts", FACTS],
      { "e.json": "" },
      /^kms-usage-lint: e\.json: the file is empty/,
    ],
    [
      "a plan that is an empty object",
      ["--terraform-plan", "o.json", "--facts", FACTS],
      { "o.json": "{}" },
      /^kms-usage-lint: o\.json: the file holds an empty JSON object; expected a Terraform plan/,
    ],
    [
      "a truncated plan",
      ["--terraform-plan", "t.json", "--facts", FACTS],
      {
        "t.json":
          '{\n  "format_version": "1.2",\n  "resource_changes": [{"address": "aws_kms_key.a", "ty',
      },
      /^kms-usage-lint: t\.json:3: not valid JSON/,
    ],
    [
      "a binary file",
      ["--terraform-plan", "b.json", "--facts", FACTS],
      { "b.json": "\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000" },
      /^kms-usage-lint: b\.json: binary file, expected JSON/,
    ],
    [
      "a state passed as a plan",
      ["--terraform-plan", "s.json", "--facts", FACTS],
      {
        "s.json":
          '{"version": 4, "terraform_version": "1.9.5", "serial": 1, "lineage": "x", "outputs": {}, "resources": []}',
      },
      /^kms-usage-lint: s\.json: this is a raw Terraform state file \(terraform\.tfstate\); expected a Terraform plan/,
    ],
    [
      "a malformed snapshot",
      [PLAN, "--facts", "f.json"],
      { "f.json": '{"version": 1}' },
      /f\.json: the document: expected a facts snapshot.*, but it has no capturedAt/,
    ],
    [
      "a key ARN written twice in a snapshot",
      [PLAN, "--facts", "twice.json", "--now", NOW],
      {
        "twice.json": `{"version": 1, "capturedAt": "2026-11-27T23:00:00Z", "keys": {\n"${ARN}": {"Errors": [{"Operation": "GetKeyLastUsage", "Code": "X", "Message": "m"}]},\n"${ARN}": {"Errors": []}}}`,
      },
      /twice\.json:3: the key ".*1234abcd.*" appears twice in "keys" \(first on line 2/,
    ],
    [
      "a snapshot from the future, whatever --now says",
      [PLAN, "--facts", "future.json", "--now", "2027-06-02T00:00:00Z"],
      { "future.json": '{"version": 1, "capturedAt": "2027-06-01T00:00:00Z", "keys": {}}' },
      /^kms-usage-lint: future\.json: capturedAt 2027-06-01T00:00:00\.000Z is later than the clock \(2026-12-01T00:00:00\.000Z\)/,
    ],
    ["no facts", [PLAN], {}, /pass --facts FILE/],
    [
      "a bad --role-template",
      [PLAN, "--role-template", "arn:aws:iam::111122223333:role/x"],
      {},
      /--role-template .*: expected a role ARN with \{account\}/,
    ],
    [
      "an unknown option",
      [PLAN, "--cdk-outt", "x"],
      {},
      /unknown option '--cdk-outt'\n?.*Did you mean --cdk-out\?/s,
    ],
    [
      "a bad --fail-on",
      [PLAN, "--fail-on", "fatal"],
      {},
      /Allowed choices are error, warning, notice, none/,
    ],
    ["a bad --now", [PLAN, "--now", "yesterday"], {}, /--now "yesterday": expected an ISO 8601/],
    [
      "a zero --max-facts-age",
      [PLAN, "--facts", FACTS, "--max-facts-age", "0"],
      {},
      /--max-facts-age "0": expected a whole number of days, 1 or more/,
    ],
    [
      "a --max-facts-age that is not a number",
      [PLAN, "--facts", FACTS, "--max-facts-age", "2w"],
      {},
      /--max-facts-age "2w": expected a whole number of days/,
    ],
    [
      "a zero --trail-max-pages",
      [PLAN, "--facts", FACTS, "--trail-max-pages", "0"],
      {},
      /--trail-max-pages "0": expected a whole number of pages from 1 to 1000 \(default 20\)/,
    ],
    [
      "a --trail-max-pages past 1000",
      [PLAN, "--facts", FACTS, "--trail-max-pages", "1001"],
      {},
      /--trail-max-pages "1001": expected a whole number of pages from 1 to 1000/,
    ],
    [
      "a --trail-max-pages that is not a whole number",
      [PLAN, "--facts", FACTS, "--trail-max-pages", "2.5"],
      {},
      /--trail-max-pages "2.5": expected a whole number of pages/,
    ],
    [
      "a --now that is not on the calendar",
      [PLAN, "--now", "2026-02-30"],
      {},
      /--now "2026-02-30": expected an ISO 8601/,
    ],
    ["a bad --format", [PLAN, "--format", "xml"], {}, /--format "xml": expected one of text, json/],
    [
      "two formats on stdout",
      [PLAN, "--format", "json", "--format", "text"],
      {},
      /only one --format can go to standard output/,
    ],
    [
      "a bad --key",
      ["--key", "my-key", "--facts", FACTS],
      {},
      /--key "my-key": expected a key ARN/,
    ],
    [
      "an invalid rules file",
      [PLAN, "--facts", FACTS, "--config", "r.yml"],
      { "r.yml": "rules:\n  x:\n    severity: fatal\n" },
      /r\.yml:3:/,
    ],
  ];
  it.each(bad)("exits 2 with a message for %s", async (_name, argv, files, message) => {
    const run = await cli(argv, files);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
