/**
 * Adversarial cases for CloudTrail evidence (issue 14 review): snapshots whose Trail is
 * not the answer to the tool's question, and text from CloudTrail at every sink. The
 * command line in-process, the real SDK against the emulator, then `check --facts`.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveFactSource } from "../../src/facts/live.js";
import type { Deps } from "../../src/pipeline.js";
import { runCli, withFiles } from "../support/cli.js";
import {
  DEFAULT_ACCOUNT,
  type KmsEmulator,
  keyArn,
  startKmsEmulator,
  testKeyId,
} from "../support/kms-emulator.js";

const NOW = new Date("2026-11-28T00:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const HOSTILE = `arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/x/a\n::error file=a.tf,line=1::forged\n##[error]forged %0A`;

const KEYS = {
  stillUsed: testKeyId(1),
  recent: testKeyId(2),
  hostile: testKeyId(3),
  noisy: testKeyId(4),
  reenabled: testKeyId(5),
  cancelled: testKeyId(6),
};
const ARN = Object.fromEntries(
  Object.entries(KEYS).map(([name, id]) => [name, keyArn("us-east-1", DEFAULT_ACCOUNT, id)]),
) as Record<keyof typeof KEYS, string>;

function deleted(name: string, arn: string, id: string) {
  return {
    address: `aws_kms_key.${name}`,
    mode: "managed",
    type: "aws_kms_key",
    name,
    change: {
      actions: ["delete"],
      before: { arn, id, key_id: id, is_enabled: false, deletion_window_in_days: 7 },
      after: null,
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), "kul-trail-review-"));
const plan = join(dir, "plan.json");
writeFileSync(
  plan,
  JSON.stringify({
    format_version: "1.2",
    resource_changes: Object.entries(KEYS).map(([name, id]) =>
      deleted(name, ARN[name as keyof typeof KEYS], id),
    ),
  }),
);
const noisyPlan = join(dir, "noisy-plan.json");
writeFileSync(
  noisyPlan,
  JSON.stringify({
    format_version: "1.2",
    resource_changes: [deleted("noisy", ARN.noisy, KEYS.noisy)],
  }),
);
const saved = { ...process.env };
let kms: KmsEmulator;

beforeAll(async () => {
  kms = await startKmsEmulator({ clock: () => NOW });
  const created = "2025-01-01T00:00:00Z";
  kms.seed({
    keys: Object.values(KEYS).map((keyId) => ({ keyId, createdAt: created, state: "Disabled" })),
    events: [
      { keyId: KEYS.stillUsed, eventName: "DisableKey", eventTime: daysAgo(40) },
      {
        keyId: KEYS.stillUsed,
        eventName: "Decrypt",
        eventTime: daysAgo(2),
        errorCode: "DisabledException",
        eventId: "failed-decrypt",
      },
      { keyId: KEYS.recent, eventName: "DisableKey", eventTime: daysAgo(3) },
      { keyId: KEYS.hostile, eventName: "DisableKey", eventTime: daysAgo(50) },
      {
        keyId: KEYS.hostile,
        eventName: "Decrypt",
        eventTime: daysAgo(1),
        errorCode: "DisabledException",
        userArn: HOSTILE,
        eventId: "hostile-event",
      },
      // Disabled and enabled again, then scheduled for deletion and cancelled: Disabled (unusable) for 5 days only.
      { keyId: KEYS.reenabled, eventName: "DisableKey", eventTime: daysAgo(45) },
      { keyId: KEYS.reenabled, eventName: "EnableKey", eventTime: daysAgo(44) },
      { keyId: KEYS.reenabled, eventName: "ScheduleKeyDeletion", eventTime: daysAgo(5) },
      { keyId: KEYS.reenabled, eventName: "CancelKeyDeletion", eventTime: daysAgo(1) },
      // Never disabled by DisableKey: CancelKeyDeletion leaves a key Disabled.
      { keyId: KEYS.cancelled, eventName: "ScheduleKeyDeletion", eventTime: daysAgo(10) },
      { keyId: KEYS.cancelled, eventName: "CancelKeyDeletion", eventTime: daysAgo(2) },
      // Disabled 40 days ago, a monthly job failed 10 days ago, and a scanner describes it hourly since.
      { keyId: KEYS.noisy, eventName: "DisableKey", eventTime: daysAgo(40) },
      {
        keyId: KEYS.noisy,
        eventName: "Decrypt",
        eventTime: daysAgo(10),
        errorCode: "DisabledException",
        eventId: "monthly-job",
      },
      ...Array.from({ length: 60 }, (_, i) => ({
        keyId: KEYS.noisy,
        eventName: "DescribeKey",
        eventTime: new Date(NOW.getTime() - (i + 1) * 3_600_000),
      })),
    ],
  });
  for (const name of Object.keys(process.env))
    if (name.startsWith("AWS_")) delete process.env[name];
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    AWS_ENDPOINT_URL_KMS: kms.endpoint,
    AWS_ENDPOINT_URL_STS: kms.endpoint,
    AWS_ENDPOINT_URL_CLOUDTRAIL: kms.endpoint,
  });
});
afterAll(async () => {
  process.env = saved;
  await kms.close();
});

const live: Partial<Deps> = {
  liveFacts: async (config, _warn, progress) => liveFactSource(config, progress),
  clock: () => NOW,
};

interface Trail {
  StartTime: string;
  EndTime: string;
  Events: { EventTime: string }[];
}
interface Snapshot {
  keys: Record<string, { Trail?: Trail }>;
}

async function takeSnapshot(): Promise<Snapshot> {
  const snap = await runCli(["snapshot", plan, "-o", "facts.json"], dir, live);
  expect(snap.code).toBe(0);
  return JSON.parse(snap.written["facts.json"] as string) as Snapshot;
}

/** `trail`'s window moved to [start, end], keeping only the events inside it, as a lookup of that window answers. */
function narrowed(trail: Trail, start: Date, end: Date): Trail {
  return {
    ...trail,
    StartTime: start.toISOString(),
    EndTime: end.toISOString(),
    Events: trail.Events.filter((e) => {
      const at = Date.parse(e.EventTime);
      return at >= start.getTime() && at <= end.getTime();
    }),
  };
}

async function checkOffline(doc: Snapshot, ...args: string[]) {
  return runCli(["check", plan, "--facts", "facts.json", ...args], dir, {
    ...withFiles({ "facts.json": JSON.stringify(doc) }),
    clock: () => NOW,
  });
}

interface Report {
  findings: { ruleId: string; keyArn: string; message: string }[];
}
const rulesFor = (report: Report, arn: string) =>
  report.findings.filter((f) => f.keyArn === arn).map((f) => f.ruleId);

describe("a snapshot's Trail that is not the answer to the tool's question is not evidence", () => {
  it("a lookup that ended days before the snapshot was taken cannot say nothing failed since", async () => {
    const doc = await takeSnapshot();
    // The same keys, with the Trail of a lookup made ten days earlier: the failed Decrypt two days ago is not in it.
    for (const entry of Object.values(doc.keys))
      if (entry.Trail) entry.Trail = narrowed(entry.Trail, daysAgo(100), daysAgo(10));
    const run = await checkOffline(doc, "--format", "json");
    const report = JSON.parse(run.stdout) as Report;
    const stillUsed = report.findings.filter(
      (f) => f.keyArn === ARN.stillUsed && f.ruleId === "deleting-key-with-failed-uses",
    );
    expect(stillUsed).toHaveLength(1);
    expect(stillUsed[0]?.message).toMatch(/could not be decided/);
    expect(stillUsed[0]?.message).toMatch(/not the 90 days up to/);
    expect(run.code).toBe(1);
  });

  it("a window shorter than the 90 days asked cannot say when the key was disabled", async () => {
    const doc = await takeSnapshot();
    // The last two and a half days only: the DisableKey three days ago is outside it.
    for (const entry of Object.values(doc.keys))
      if (entry.Trail) entry.Trail = narrowed(entry.Trail, daysAgo(2.5), NOW);
    const run = await checkOffline(doc, "--format", "json");
    const report = JSON.parse(run.stdout) as Report;
    expect(rulesFor(report, ARN.recent)).toContain("deleting-key-disabled-too-recently");
    expect(run.code).toBe(1);
  });

  it("a lookup by another spelling of the key's ARN is another question", async () => {
    const doc = await takeSnapshot();
    const trail = doc.keys[ARN.stillUsed]?.Trail as Trail & {
      LookupAttributes: { AttributeValue: string }[];
    };
    // CloudTrail matches ResourceName as given: a lookup by the ARN in capitals finds none of the key's events.
    trail.LookupAttributes = [
      { ...trail.LookupAttributes[0], AttributeValue: ARN.stillUsed.toUpperCase() },
    ];
    trail.Events = [];
    const run = await checkOffline(doc, "--format", "json");
    const report = JSON.parse(run.stdout) as Report;
    const found = report.findings.filter(
      (f) => f.keyArn === ARN.stillUsed && f.ruleId === "deleting-key-with-failed-uses",
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/could not be decided/);
  });

  it("the Trail the tool wrote is evidence: the failed uses and the recent DisableKey are found", async () => {
    const run = await checkOffline(await takeSnapshot(), "--format", "json");
    const report = JSON.parse(run.stdout) as Report;
    expect(rulesFor(report, ARN.stillUsed)).toContain("deleting-key-with-failed-uses");
    expect(rulesFor(report, ARN.recent)).toContain("deleting-key-disabled-too-recently");
    expect(rulesFor(report, ARN.hostile)).toContain("deleting-key-with-failed-uses");
  });
});

describe("when the key was disabled", () => {
  it("is not the latest DisableKey when the key was enabled again or came back from a cancelled deletion", async () => {
    const run = await runCli(["check", plan, "--format", "json"], dir, live);
    const report = JSON.parse(run.stdout) as Report;
    for (const arn of [ARN.reenabled, ARN.cancelled]) {
      const found = report.findings.filter(
        (f) => f.keyArn === arn && f.ruleId === "deleting-key-disabled-too-recently",
      );
      expect(found).toHaveLength(1);
      expect(found[0]?.message).toMatch(/could not be decided/);
    }
    // The one DisableKey and nothing after it: decided, 40 days, no finding.
    expect(rulesFor(report, ARN.noisy)).not.toContain("deleting-key-disabled-too-recently");
  });
});

describe("a lookup cut short at --trail-max-pages", () => {
  it("that did not reach the DisableKey cannot say no call failed since", async () => {
    // Alone in its plan: the run's exit status is this key's.
    const run = await runCli(
      ["check", noisyPlan, "--format", "json", "--trail-max-pages", "1"],
      dir,
      live,
    );
    const report = JSON.parse(run.stdout) as Report;
    const found = report.findings.filter(
      (f) => f.keyArn === ARN.noisy && f.ruleId === "deleting-key-with-failed-uses",
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/could not be decided/);
    // Nothing was denied: the way out is reading further back, not a permission.
    expect(found[0]?.message).not.toMatch(/permission/);
    expect(found[0]?.message).toMatch(/a higher --trail-max-pages/);
    expect(run.code).toBe(1);
  });

  it("that read back past the DisableKey has seen every call since: none failed is decided", async () => {
    const run = await runCli(
      ["check", plan, "--format", "json", "--trail-max-pages", "2"],
      dir,
      live,
    );
    const report = JSON.parse(run.stdout) as Report;
    // Two pages reach back past the failed Decrypt and the DisableKey: found, and decided.
    expect(
      report.findings.filter((f) => f.keyArn === ARN.noisy).map((f) => [f.ruleId, f.message]),
    ).toContainEqual(["deleting-key-with-failed-uses", expect.stringContaining("monthly-job")]);
  });
});

describe("text from CloudTrail at every sink", () => {
  it("a caller ARN holding newlines and workflow commands issues none", async () => {
    const doc = await takeSnapshot();
    for (const format of ["github", "text", "markdown"]) {
      const run = await checkOffline(doc, "--format", format);
      expect(run.stdout).toContain("forged");
      const lines = `${run.stdout}\n${run.stderr}`.split(/\r?\n/);
      // Only the tool's own annotations start a line with a command; none of them is the forged one.
      for (const line of lines) {
        expect(line).not.toMatch(/^\s*##\[/);
        if (/^\s*::/.test(line)) expect(line).toMatch(/^::(error|warning|notice) title=[^:]*::/);
      }
    }
  });
});
