/**
 * Issue 17 from the command line: shards of an inventory merged into one snapshot and
 * checked with `check --all-keys`, JSON reports merged into one comment, and what cannot
 * be read said and never passed.
 */
import { describe, expect, it } from "vitest";
import { runCli, withFiles } from "../support/cli.js";
import {
  arnOf,
  DAY_MS,
  daysBefore,
  inventorySnapshot,
  pendingKey,
  unusedKey,
} from "../support/inventory.js";

const A = "111122223333";
const B = "444455556666";
const MONDAY = "2026-11-23T06:00:00.000Z";
const WEDNESDAY = "2026-11-25T06:00:00.000Z";
const NOW = "2026-11-27T12:00:00Z";
const CWD = "/inventory";

const PENDING_A = arnOf(A, "us-east-1", 1);
const UNUSED_A = arnOf(A, "us-east-1", 2);
const PENDING_B = arnOf(B, "eu-west-1", 3);

/** Two shards taken two days apart: each key's facts depend on when it was read. */
function shards() {
  return {
    "shard-1.json": JSON.stringify(
      inventorySnapshot(MONDAY, { index: 1, count: 2 }, [
        {
          account: A,
          region: "us-east-1",
          keys: {
            [PENDING_A]: pendingKey(PENDING_A, daysBefore(MONDAY, 10), MONDAY),
            [UNUSED_A]: unusedKey(UNUSED_A),
          },
        },
      ]),
    ),
    "shard-2.json": JSON.stringify(
      inventorySnapshot(WEDNESDAY, { index: 2, count: 2 }, [
        {
          account: B,
          region: "eu-west-1",
          keys: { [PENDING_B]: pendingKey(PENDING_B, daysBefore(WEDNESDAY, 1), WEDNESDAY) },
        },
        {
          account: B,
          region: "us-east-1",
          name: "payments",
          unavailable: "AccessDenied: sts:AssumeRole",
        },
      ]),
    ),
  };
}

async function cli(argv: string[], files: Record<string, string>) {
  return runCli(argv, CWD, { ...withFiles(files), clock: () => new Date(NOW) });
}

/** `check --all-keys --facts FILE` as a JSON report. */
async function checkAll(facts: string, files: Record<string, string>) {
  const run = await cli(
    [
      "check",
      "--all-keys",
      "--facts",
      facts,
      "--now",
      NOW,
      "--format",
      "json",
      "--fail-on",
      "none",
    ],
    files,
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

type JsonKey = { id: string };
type JsonFinding = { subject: string };

describe("merge of inventory shards, then check --all-keys", () => {
  it("gives every key the facts and findings its own shard gives it, whenever the shard was taken", async () => {
    const files = shards();
    const merge = await cli(
      ["merge", "shard-1.json", "shard-2.json", "-o", "all.json", "--expect-shards", "2"],
      files,
    );
    expect(merge.code).toBe(0);
    expect(merge.stderr).toBe("merged the facts of 3 keys of 3 account-regions into all.json\n");
    const all = merge.written["all.json"] as string;
    const merged = await checkAll("all.json", { ...files, "all.json": all });
    for (const shard of ["shard-1.json", "shard-2.json"]) {
      const alone = await checkAll(shard, files);
      for (const key of alone.keys as JsonKey[]) {
        expect(merged.keys.find((k: JsonKey) => k.id === key.id)).toEqual(key);
        expect(merged.findings.filter((f: JsonFinding) => f.subject === key.id)).toEqual(
          alone.findings.filter((f: JsonFinding) => f.subject === key.id),
        );
      }
    }
    // Each key's CloudTrail window was judged against its own capture: read, not "not evidence".
    const trails = (merged.keys as { id: string; trail: { status: string } | null }[])
      .filter((k) => k.trail !== null)
      .map((k) => [k.id, k.trail?.status]);
    expect(trails).toEqual([
      [PENDING_B, "complete"],
      [PENDING_A, "complete"],
    ]);
    expect(JSON.parse(all).capturedAt).toBe(MONDAY);
  });

  it("is as old as its oldest shard", async () => {
    const files = shards();
    const merge = await cli(["merge", "shard-1.json", "shard-2.json", "-o", "all.json"], files);
    const run = await cli(
      ["check", "--all-keys", "--facts", "all.json", "--now", NOW, "--max-facts-age", "3"],
      { ...files, "all.json": merge.written["all.json"] as string },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the facts snapshot is 4 days 6 hours old");
  });

  it("names the account-region it could not read, with the reason, and does not pass it", async () => {
    const files = shards();
    const run = await cli(
      [
        "check",
        "--all-keys",
        "--facts",
        "shard-2.json",
        "--now",
        NOW,
        "--format",
        "json",
        "--fail-on",
        "warning",
      ],
      files,
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.errors).toContainEqual({
      source: "inventory",
      message: `the keys of account ${B} (payments) in us-east-1 could not be read, so none of them was checked: AccessDenied: sts:AssumeRole`,
    });
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: "usage-unavailable",
        subject: `the keys of account ${B} in us-east-1`,
        message: expect.stringContaining("AccessDenied: sts:AssumeRole"),
      }),
    );
  });

  it("was not evaluated when the inventory could read no account-region at all", async () => {
    const denied = inventorySnapshot(MONDAY, { index: 1, count: 1 }, [
      { account: B, region: "us-east-1", unavailable: "AccessDenied: sts:AssumeRole" },
    ]);
    const run = await cli(["check", "--all-keys", "--facts", "none.json", "--now", NOW], {
      "none.json": JSON.stringify(denied),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "none of the 1 account-region of the facts snapshot's inventory could be read",
    );
  });

  it("joins the inputs' references: key.managed tells the keys code names from the rest", async () => {
    const files = {
      ...shards(),
      "rules.yml": [
        "rules:",
        "  unmanaged-key:",
        "    severity: notice",
        "    description: A key no infrastructure code names.",
        "    when: { fact: key.managed, equals: false }",
        '    message: "{{key.arn}} is managed by no input"',
        "",
      ].join("\n"),
    };
    const run = await cli(
      [
        "check",
        "--all-keys",
        "--facts",
        "shard-1.json",
        "--key",
        UNUSED_A,
        "--config",
        "rules.yml",
        "--now",
        NOW,
        "--format",
        "json",
      ],
      files,
    );
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: JsonFinding) => f.subject)).toEqual([PENDING_A]);
    expect(report.keys.map((k: JsonKey) => k.id)).toEqual([PENDING_A, UNUSED_A]);
  });

  it("shows a key no input references at the snapshot, so code scanning takes every result", async () => {
    const run = await cli(
      [
        "check",
        "--all-keys",
        "--facts",
        "shard-1.json",
        "--now",
        NOW,
        "--format",
        "sarif",
        "--repo-root",
        CWD,
      ],
      shards(),
    );
    const results = JSON.parse(run.stdout).runs[0].results as {
      locations: { physicalLocation?: { artifactLocation: { uri: string } } }[];
    }[];
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.locations[0]?.physicalLocation?.artifactLocation.uri).toBe("shard-1.json");
    }
  });

  it("refuses --all-keys without a facts snapshot", async () => {
    const run = await cli(["check", "--all-keys", "--key", UNUSED_A, "--now", NOW], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--all-keys evaluates every key of a facts snapshot: pass --facts FILE",
    );
  });
});

describe("merge refuses what it cannot merge (exit 2)", () => {
  it("names the missing shard", async () => {
    const files = shards();
    const run = await cli(
      ["merge", "shard-2.json", "-o", "all.json", "--expect-shards", "2"],
      files,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--expect-shards 2: shard 1 of 2 is missing");
    expect(run.written).toEqual({});
  });

  it("names the file and the JSON path of a snapshot that does not validate", async () => {
    const bad = inventorySnapshot(MONDAY, { index: 1, count: 2 }, [
      { account: A, region: "us-east-1", keys: {} },
    ]);
    (bad.inventory.pairs[0] as { status: string }).status = "partly";
    const run = await cli(["merge", "shard-1.json", "bad.json", "-o", "all.json"], {
      ...shards(),
      "bad.json": JSON.stringify(bad),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'kms-usage-lint: bad.json: inventory.pairs[0].status: expected read or unavailable, got "partly" (facts snapshot, SPEC §3 version 1)\n',
    );
  });

  it("does not mix snapshots and reports", async () => {
    const files = shards();
    const report = await cli(
      [
        "check",
        "--all-keys",
        "--facts",
        "shard-1.json",
        "--now",
        NOW,
        "--format",
        "json",
        "--fail-on",
        "none",
      ],
      files,
    );
    const run = await cli(["merge", "shard-1.json", "report.json", "-o", "all.json"], {
      ...files,
      "report.json": report.stdout,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "shard-1.json is a facts snapshot and report.json a JSON report: merge snapshots with snapshots and reports with reports",
    );
  });

  it("names the file and the JSON path of a report that is not one", async () => {
    const run = await cli(["merge", "r.json", "--format", "markdown"], {
      "r.json": JSON.stringify({
        version: 1,
        tool: { name: "x", version: "1" },
        evaluatedAt: NOW,
        keys: [],
        findings: [{ ruleId: 3 }],
      }),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "kms-usage-lint: r.json: findings[0].ruleId: expected a string, got 3 (JSON report, SPEC §6 version 1)\n",
    );
  });
});

describe("merge of JSON reports", () => {
  it("makes one comment of the reports of several runs", async () => {
    const files = shards();
    const reports: Record<string, string> = {};
    for (const [i, shard] of ["shard-1.json", "shard-2.json"].entries()) {
      const run = await cli(
        [
          "check",
          "--all-keys",
          "--facts",
          shard,
          "--now",
          NOW,
          "--format",
          "json",
          "--fail-on",
          "none",
        ],
        files,
      );
      reports[`report-${i + 1}.json`] = run.stdout;
    }
    const run = await cli(
      ["merge", "report-1.json", "report-2.json", "-o", "all-report.json", "--format", "markdown"],
      { ...files, ...reports },
    );
    const [one, two] = Object.values(reports).map((r) => JSON.parse(r));
    const merged = JSON.parse(run.written["all-report.json"] as string);
    expect(merged.summary).toEqual({
      error: one.summary.error + two.summary.error,
      warning: one.summary.warning + two.summary.warning,
      notice: one.summary.notice + two.summary.notice,
      suppressed: 0,
      keys: one.summary.keys + two.summary.keys,
    });
    expect(merged.findings.map((f: { fingerprint: string }) => f.fingerprint).sort()).toEqual(
      [...one.findings, ...two.findings].map((f: { fingerprint: string }) => f.fingerprint).sort(),
    );
    expect(merged.errors).toEqual([...one.errors, ...two.errors]);
    // Dated by the earlier run: nothing in it is newer than that.
    expect(merged.evaluatedAt).toBe(new Date(Date.parse(NOW)).toISOString());
    expect(run.stdout).toContain(
      `### ❌ kms-usage-lint: ${merged.summary.error} errors and ${merged.summary.warning} warnings in ${merged.summary.keys} keys`,
    );
    // Rules are described from the rules in effect (the recommended pack here).
    expect(run.stdout).toContain("A key scheduled for deletion was used in the last 30 days");
    expect(run.code).toBe(1);
  });

  it("reads back its own output: merging one report gives that report", async () => {
    const files = shards();
    const check = await cli(
      [
        "check",
        "--all-keys",
        "--facts",
        "shard-1.json",
        "--now",
        NOW,
        "--format",
        "json",
        "--fail-on",
        "none",
      ],
      files,
    );
    const run = await cli(["merge", "r.json", "-o", "-", "--fail-on", "none"], {
      "r.json": check.stdout,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(check.stdout);
  });
});

// Keep DAY_MS used: the capture times above are two days apart.
expect(Date.parse(WEDNESDAY) - Date.parse(MONDAY)).toBe(2 * DAY_MS);

describe("a merged snapshot written again (check --facts … --save-facts)", () => {
  it("keeps each key's capture time: replayed facts do not become new", async () => {
    const files = shards();
    const merge = await cli(["merge", "shard-1.json", "shard-2.json", "-o", "all.json"], files);
    const all = merge.written["all.json"] as string;
    const run = await cli(
      [
        "check",
        "--all-keys",
        "--facts",
        "all.json",
        "--save-facts",
        "again.json",
        "--now",
        NOW,
        "--fail-on",
        "none",
      ],
      { ...files, "all.json": all },
    );
    expect(run.code).toBe(0);
    const again = JSON.parse(run.written["again.json"] as string);
    expect(again.capturedAt).toBe(MONDAY);
    expect(again.keys[PENDING_A].CapturedAt).toBeUndefined();
    expect(again.keys[PENDING_B].CapturedAt).toBe(WEDNESDAY);
  });
});
