/**
 * CloudTrail evidence end to end (issue 14): a plan deleting disabled keys — one still
 * asked for by a workload role, one disabled 3 days ago, one 60 days ago — a
 * pending-deletion key still asked for, and an enabled key being deleted. The command
 * line in-process, the real SDK against the emulator's KMS and CloudTrail; then
 * `snapshot` and `check --facts` offline, to the same trail facts and verdicts.
 *
 * Most tests use TRAIL_RULES below, shaped like issue 14's, so they assert on the trail
 * facts whatever the pack says; one runs the recommended pack and its own CloudTrail rules.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { liveFactSource } from "../../src/facts/live.js";
import type { Deps } from "../../src/pipeline.js";
import { runCli, withFiles } from "../support/cli.js";
import {
  DEFAULT_ACCOUNT,
  DEFAULT_RATES,
  type KmsEmulator,
  keyArn,
  startKmsEmulator,
  testKeyId,
} from "../support/kms-emulator.js";

const NOW = new Date("2026-11-28T00:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const WORKLOAD = `arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/app-workload/i-0abc`;

const KEYS = {
  stillUsed: testKeyId(1),
  recent: testKeyId(2),
  settled: testKeyId(3),
  pending: testKeyId(4),
  enabled: testKeyId(5),
};
const ARN = Object.fromEntries(
  Object.entries(KEYS).map(([name, id]) => [name, keyArn("us-east-1", DEFAULT_ACCOUNT, id)]),
) as Record<keyof typeof KEYS, string>;

/** Rules that read trail.*, as issue 14 describes them. */
const TRAIL_RULES = `
rules:
  trail-failed-uses:
    severity: error
    description: Deleting a disabled or pending-deletion key that calls still fail on
    when:
      all:
        - { fact: change.action, in: [delete, replace] }
        - { fact: key.state, in: [Disabled, PendingDeletion] }
        - { fact: trail.failedUses, greaterThan: 0 }
    message: "{{key.arn}}: {{trail.summary}}"
  trail-disabled-too-recently:
    severity: warning
    description: Deleting a key disabled less than 30 days ago
    when:
      all:
        - { fact: change.action, in: [delete, replace] }
        - { fact: key.state, equals: Disabled }
        - { fact: trail.daysDisabled, lessThan: 30 }
    message: "{{key.arn}} was disabled {{trail.daysDisabled}} days ago"
  trail-pending-deletion-wanted:
    severity: error
    description: A key pending deletion that calls still fail on
    when:
      all:
        - { fact: key.state, in: [PendingDeletion, PendingReplicaDeletion] }
        - { fact: trail.failedUses, greaterThan: 0 }
    message: "{{key.arn}}: cancel the deletion; {{trail.summary}}"
`;

/** What the rules above must find, live and offline alike. */
const FINDINGS = [
  ["trail-failed-uses", ARN.stillUsed],
  ["trail-disabled-too-recently", ARN.stillUsed],
  ["trail-disabled-too-recently", ARN.recent],
  ["trail-pending-deletion-wanted", ARN.pending],
].sort();

function keyChange(name: string, arn: string, id: string, actions: string[]) {
  return {
    address: `aws_kms_key.${name}`,
    mode: "managed",
    type: "aws_kms_key",
    name,
    change: {
      actions,
      before: { arn, id, key_id: id, is_enabled: false, deletion_window_in_days: 7 },
      after: actions.includes("delete") ? null : { arn, id, key_id: id },
    },
  };
}

const PLAN = JSON.stringify({
  format_version: "1.2",
  resource_changes: [
    keyChange("still_used", ARN.stillUsed, KEYS.stillUsed, ["delete"]),
    keyChange("recent", ARN.recent, KEYS.recent, ["delete"]),
    keyChange("settled", ARN.settled, KEYS.settled, ["delete"]),
    keyChange("pending", ARN.pending, KEYS.pending, ["no-op"]),
    keyChange("enabled", ARN.enabled, KEYS.enabled, ["delete"]),
    {
      address: "aws_kms_key.planned",
      mode: "managed",
      type: "aws_kms_key",
      name: "planned",
      change: { actions: ["create"], before: null, after: {}, after_unknown: { arn: true } },
    },
  ],
});

const dir = mkdtempSync(join(tmpdir(), "kul-trail-"));
const plan = join(dir, "plan.json");
const rules = join(dir, "rules.yml");
writeFileSync(plan, PLAN);
writeFileSync(rules, TRAIL_RULES);
const saved = { ...process.env };
let kms: KmsEmulator;

beforeAll(async () => {
  kms = await startKmsEmulator({ clock: () => NOW });
  const created = "2025-01-01T00:00:00Z";
  kms.seed({
    keys: [
      { keyId: KEYS.stillUsed, createdAt: created, state: "Disabled" },
      { keyId: KEYS.recent, createdAt: created, state: "Disabled" },
      { keyId: KEYS.settled, createdAt: created, state: "Disabled" },
      { keyId: KEYS.pending, createdAt: created, state: "PendingDeletion" },
      { keyId: KEYS.enabled, createdAt: created },
    ],
    events: [
      { keyId: KEYS.stillUsed, eventName: "DisableKey", eventTime: daysAgo(20) },
      {
        keyId: KEYS.stillUsed,
        eventName: "Decrypt",
        eventTime: daysAgo(2),
        errorCode: "DisabledException",
        userArn: WORKLOAD,
        eventId: "failed-decrypt",
      },
      { keyId: KEYS.recent, eventName: "DisableKey", eventTime: daysAgo(3) },
      { keyId: KEYS.settled, eventName: "DisableKey", eventTime: daysAgo(60) },
      { keyId: KEYS.pending, eventName: "ScheduleKeyDeletion", eventTime: daysAgo(5) },
      {
        keyId: KEYS.pending,
        eventName: "GenerateDataKey",
        eventTime: daysAgo(1),
        errorCode: "KMSInvalidStateException",
        userArn: WORKLOAD,
        eventId: "failed-generate",
      },
      {
        keyId: KEYS.enabled,
        eventName: "Decrypt",
        eventTime: daysAgo(1),
        errorCode: "DisabledException",
      },
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
beforeEach(() => kms.resetCalls());
afterAll(async () => {
  process.env = saved;
  await kms.close();
});

const live: Partial<Deps> = {
  liveFacts: async (config, _warn, progress) => liveFactSource(config, progress),
  clock: () => NOW,
};
const ARGS = ["--config", rules];

interface JsonReport {
  keys: { id: string; trail: Record<string, unknown> | null }[];
  findings: { ruleId: string; keyArn: string }[];
  errors: { source: string; message: string }[];
}

function trails(report: JsonReport) {
  return Object.fromEntries(report.keys.map((k) => [k.id, k.trail]));
}

function findings(report: JsonReport) {
  return report.findings.map((f) => [f.ruleId, f.keyArn]).sort();
}

const lookedUp = () =>
  kms.trailCalls.filter((c) => c.operation === "LookupEvents").map((c) => c.lookupAttribute?.value);

describe("CloudTrail evidence, live and offline", () => {
  it("live: asks LookupEvents for the keys a trail rule needs, and reads their trail facts", async () => {
    const run = await runCli(["check", plan, ...ARGS, "--format", "json"], dir, live);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as JsonReport;
    // Never for the enabled key being deleted (no trail rule can fire on it), nor the planned one.
    expect(lookedUp().sort()).toEqual([ARN.stillUsed, ARN.recent, ARN.settled, ARN.pending].sort());
    const trail = trails(report);
    expect(trail[ARN.enabled]).toBeNull();
    expect(trail["planned:aws_kms_key.planned"]).toBeNull();
    expect(trail[ARN.stillUsed]).toMatchObject({
      status: "complete",
      since: daysAgo(90).toISOString(),
      until: NOW.toISOString(),
      windowDays: 90,
      failedUses: 1,
      lastFailedUse: {
        at: daysAgo(2).toISOString(),
        by: WORKLOAD,
        operation: "Decrypt",
        eventId: "failed-decrypt",
      },
      callers: [WORKLOAD],
      disabledAt: daysAgo(20).toISOString(),
      daysDisabled: 20,
    });
    expect(trail[ARN.recent]).toMatchObject({ failedUses: 0, daysDisabled: 3 });
    expect(trail[ARN.settled]).toMatchObject({ failedUses: 0, daysDisabled: 60 });
    expect(trail[ARN.pending]).toMatchObject({
      failedUses: 1,
      lastFailedUse: { operation: "GenerateDataKey", eventId: "failed-generate", by: WORKLOAD },
      deletionScheduledAt: daysAgo(5).toISOString(),
    });
    expect(findings(report)).toEqual(FINDINGS);
    expect(run.code).toBe(1);
  });

  it("offline: a snapshot taken with the same rules gives the same trail facts and verdicts, with no call", async () => {
    const liveRun = await runCli(["check", plan, ...ARGS, "--format", "json"], dir, live);
    const snap = await runCli(["snapshot", plan, ...ARGS, "-o", "facts.json"], dir, live);
    expect(snap.code).toBe(0);
    const file = snap.written["facts.json"] as string;
    const doc = JSON.parse(file) as { keys: Record<string, { Trail?: unknown }> };
    // Recorded for the keys the rules needed it for, and only those.
    expect(
      Object.entries(doc.keys)
        .filter(([, entry]) => entry.Trail !== undefined)
        .map(([arn]) => arn)
        .sort(),
    ).toEqual([ARN.stillUsed, ARN.recent, ARN.settled, ARN.pending].sort());

    kms.resetCalls();
    const offline = await runCli(
      ["check", plan, ...ARGS, "--facts", "facts.json", "--format", "json"],
      dir,
      { ...withFiles({ "facts.json": file }), clock: () => NOW },
    );
    expect(kms.trailCalls).toEqual([]);
    const a = JSON.parse(liveRun.stdout) as JsonReport;
    const b = JSON.parse(offline.stdout) as JsonReport;
    expect(trails(b)).toEqual(trails(a));
    expect(findings(b)).toEqual(findings(a));
    expect(findings(b)).toEqual(FINDINGS);
    expect(offline.code).toBe(1);
  });

  it("offline, a snapshot without Trail: the trail rules stay silent, and the run says so once", async () => {
    const snap = await runCli(["snapshot", plan, ...ARGS, "-o", "facts.json"], dir, live);
    const doc = JSON.parse(snap.written["facts.json"] as string) as {
      keys: Record<string, { Trail?: unknown }>;
    };
    for (const entry of Object.values(doc.keys)) delete entry.Trail;
    const offline = await runCli(
      ["check", plan, ...ARGS, "--facts", "facts.json", "--format", "json"],
      dir,
      { ...withFiles({ "facts.json": JSON.stringify(doc) }), clock: () => NOW },
    );
    const report = JSON.parse(offline.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(Object.values(trails(report)).every((t) => t === null)).toBe(true);
    const said = report.errors.filter((e) => /CloudTrail evidence was not in/.test(e.message));
    expect(said).toHaveLength(1);
    expect(said[0]?.message).toMatch(/for 4 keys whose verdict needed it/);
    expect(offline.code).toBe(0);
  });

  it("a snapshot whose Trail is malformed is bad input: exit 2 naming the JSON path", async () => {
    const snap = await runCli(["snapshot", plan, ...ARGS, "-o", "facts.json"], dir, live);
    const doc = JSON.parse(snap.written["facts.json"] as string) as {
      keys: Record<string, { Trail?: { Events: Record<string, unknown>[] } }>;
    };
    const trail = doc.keys[ARN.stillUsed]?.Trail;
    delete trail?.Events[0]?.EventTime;
    const offline = await runCli(["check", plan, ...ARGS, "--facts", "facts.json"], dir, {
      ...withFiles({ "facts.json": JSON.stringify(doc) }),
      clock: () => NOW,
    });
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain(`keys["${ARN.stillUsed}"].Trail.Events[0]`);
    expect(offline.stderr).toContain("EventTime");
  });

  it("CloudTrail denied: the keys that needed it cannot be decided, and none reads as 'no failed use'", async () => {
    kms.setFault({ kind: "access-denied", service: "cloudtrail" });
    try {
      const run = await runCli(["check", plan, ...ARGS, "--format", "json"], dir, live);
      const report = JSON.parse(run.stdout) as JsonReport;
      const trail = trails(report);
      for (const arn of [ARN.stillUsed, ARN.recent, ARN.settled, ARN.pending]) {
        expect(trail[arn]).toMatchObject({ status: "unavailable", failedUses: 0 });
        expect(String(trail[arn]?.reason)).toContain("cloudtrail:LookupEvents");
      }
      // Every trail rule that needed the evidence fails closed for every such key.
      const undecided = report.findings.filter((f) =>
        /could not be decided/.test((f as unknown as { message: string }).message),
      );
      expect(undecided.map((f) => f.keyArn)).toContain(ARN.settled);
      expect(run.code).toBe(1);
    } finally {
      kms.clearFaults();
    }
  });

  it("the recommended rules: the same CloudTrail findings live and from a snapshot", async () => {
    // No --config: the recommended pack, with its own CloudTrail rules.
    const liveRun = await runCli(["check", plan, "--format", "json"], dir, live);
    const snap = await runCli(["snapshot", plan, "-o", "facts.json"], dir, live);
    kms.resetCalls();
    const offline = await runCli(
      ["check", plan, "--facts", "facts.json", "--format", "json"],
      dir,
      { ...withFiles({ "facts.json": snap.written["facts.json"] as string }), clock: () => NOW },
    );
    expect(kms.trailCalls).toEqual([]);
    const a = JSON.parse(liveRun.stdout) as JsonReport;
    const b = JSON.parse(offline.stdout) as JsonReport;
    expect(findings(b)).toEqual(findings(a));
    expect(trails(b)).toEqual(trails(a));
    const trailRules = new Set([
      "deleting-key-with-failed-uses",
      "deleting-key-disabled-too-recently",
      "pending-deletion-key-still-wanted",
    ]);
    expect(findings(a).filter(([rule]) => trailRules.has(rule as string))).toEqual(
      [
        ["deleting-key-with-failed-uses", ARN.stillUsed],
        ["deleting-key-disabled-too-recently", ARN.stillUsed],
        ["deleting-key-disabled-too-recently", ARN.recent],
        ["pending-deletion-key-still-wanted", ARN.pending],
      ].sort(),
    );
    // The enabled key being deleted is told to disable first; its trail was never asked.
    expect(findings(a)).toContainEqual(["deleting-enabled-key", ARN.enabled]);
    expect(trails(a)[ARN.enabled]).toBeNull();
    const message = (
      JSON.parse(liveRun.stdout) as { findings: { ruleId: string; message: string }[] }
    ).findings.find((f) => f.ruleId === "deleting-key-with-failed-uses")?.message;
    expect(message).toContain(WORKLOAD);
    expect(message).toContain("failed-decrypt");
  });

  // Last: it adds events the tests above do not expect.
  it("--trail-max-pages bounds the pages read per key: past it the trail is truncated", async () => {
    // The quota's bucket full again: the run before this one, in another process, may have
    // emptied it a moment ago, and a throttled lookup would be asked twice.
    kms.setRate("LookupEvents", DEFAULT_RATES.LookupEvents);
    kms.seed({
      events: Array.from({ length: 55 }, (_, i) => ({
        keyId: KEYS.settled,
        eventName: "DescribeKey",
        eventTime: daysAgo(1 + i / 10),
      })),
    });
    const run = await runCli(
      ["check", plan, ...ARGS, "--format", "json", "--trail-max-pages", "1"],
      dir,
      live,
    );
    const trail = trails(JSON.parse(run.stdout) as JsonReport);
    expect(trail[ARN.settled]).toMatchObject({ status: "truncated", events: 50, disabledAt: null });
    expect(trail[ARN.stillUsed]).toMatchObject({ status: "complete" });
    expect(lookedUp().filter((arn) => arn === ARN.settled)).toHaveLength(1);
  });
});
