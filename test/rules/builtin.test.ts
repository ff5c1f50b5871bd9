/**
 * The recommended pack's messages, rendered: each says what was seen, with the
 * evidence, and what to do (SPEC §5). When each rule fires is tested by the
 * YAML cases in rules/*.test.yml (builtin-rule-tests.test.ts runs them).
 */
import { describe, expect, it } from "vitest";
import { aggregateUsage, memberUsage } from "../../src/facts/usage.js";
import { BUILTIN_PACKS } from "../../src/rules/builtin.js";
import { evaluate } from "../../src/rules/evaluate.js";
import { loadRules } from "../../src/rules/load.js";
import {
  ARN,
  daysAgo,
  makeReference,
  makeSubject,
  NOW,
  type SubjectOverrides,
} from "./subject-builder.js";

const recommended = loadRules([{ file: "(test)", text: "extends: [recommended]" }], BUILTIN_PACKS);

/** `rule-id: message` of every finding for one subject. */
const messages = (overrides: SubjectOverrides) =>
  evaluate([makeSubject(overrides)], recommended, NOW).map((f) => `${f.ruleId}: ${f.message}`);

const EVENT = "2cfd5892-0000-0000-0000-000000000000";

describe("the recommended pack", () => {
  it("holds the rules of SPEC §5, and update-fails-at-deploy", () => {
    expect(recommended.rules.map((r) => `${r.id}:${r.severity}`)).toEqual([
      "deleting-enabled-key:warning",
      "deleting-key-disabled-too-recently:warning",
      "deleting-key-with-failed-uses:error",
      "deleting-key-with-unknown-usage:warning",
      "deleting-key-without-evidence:error",
      "deleting-recently-used-key:error",
      "deleting-referenced-key:error",
      "disabling-recently-used-key:warning",
      "pending-deletion-key-still-wanted:error",
      "pending-deletion-recently-used:error",
      "short-deletion-window:warning",
      "stale-key:notice",
      "unused-key:warning",
      "update-fails-at-deploy:error",
      "usage-unavailable:warning",
    ]);
  });

  it("deleting a used, referenced, enabled key with a short window: four findings, each with its evidence", () => {
    expect(
      messages({
        change: { action: "delete", deletionWindowDays: 7 },
        references: [
          makeReference(),
          makeReference({ kind: "consumer", address: "aws_s3_bucket.reports" }),
          makeReference({ kind: "consumer", address: "aws_sqs_queue.jobs", action: "update" }),
        ],
      }),
    ).toEqual([
      `deleting-enabled-key: aws_kms_key.data would delete ${ARN} while it is still Enabled. Disable it first, in a change of its own, and delete it in a later change: kms-usage-lint then checks CloudTrail for calls that failed because the key was disabled (DisabledException) and that it stayed disabled for at least 30 days.`,
      `deleting-recently-used-key: aws_kms_key.data (${ARN}) was last used 3 days ago (Decrypt in us-east-1, 2026-11-25, CloudTrail event ${EVENT}). This change would delete it, and data encrypted under it becomes unreadable when the deletion window ends. Remove the deletion, or disable the key first and watch CloudTrail for DisabledException.`,
      `deleting-referenced-key: aws_kms_key.data would delete ${ARN}, but resources that are not being deleted still use it (2: aws_s3_bucket.reports, aws_sqs_queue.jobs). They lose access to the key and to data encrypted under it. Move them to another key first, or remove the deletion.`,
      `short-deletion-window: aws_kms_key.data schedules the deletion of ${ARN} with a 7-day waiting period, but the key is not known to be unused: last used 3 days ago (Decrypt in us-east-1, 2026-11-25, CloudTrail event ${EVENT}). Set the window to 30 days so a mistake can still be cancelled.`,
    ]);
  });

  it("deleting-key-with-unknown-usage and usage-unavailable say why usage is not known", () => {
    expect(
      messages({
        key: { state: "Disabled", createdAt: "2023-02-01T00:00:00Z" },
        usage: { status: "unknown", lastUsedAt: null, trackingStartDate: "2025-06-01T00:00:00Z" },
        change: { action: "replace", deletionWindowDays: 30 },
      }),
    ).toEqual([
      `deleting-key-with-unknown-usage: aws_kms_key.data would replace ${ARN}, and whether it is still used cannot be established (usage unknown): no use recorded since KMS began tracking usage on 2025-06-01, but the key is older (created 2023-02-01) and may have been used before then. Check CloudTrail for recent use of the key before deleting it, or disable it first and watch for DisabledException.`,
    ]);
    const denied = "access denied: the caller needs kms:GetKeyLastUsage on this key (User: ci)";
    expect(
      messages({
        key: { createdAt: daysAgo(400) },
        usage: { status: "unavailable", lastUsedAt: null, reason: denied },
      }),
    ).toEqual([
      `usage-unavailable: The usage of ${ARN} could not be read: ${denied}. The rules that depend on it could not judge this key. Grant the missing permission (or refresh the facts snapshot) and run again.`,
    ]);
  });

  it("deleting-key-without-evidence: no evidence, no pass, for deletions and for disabling", () => {
    const denied = "access denied: the caller needs kms:GetKeyLastUsage on this key (User: ci)";
    const unavailable = { status: "unavailable", lastUsedAt: null, reason: denied } as const;
    expect(
      messages({
        key: { state: "Disabled" },
        usage: unavailable,
        change: { action: "delete", deletionWindowDays: 30 },
      }),
    ).toEqual([
      `deleting-key-without-evidence: aws_kms_key.data would delete ${ARN}, and there is no evidence whether it is still used: ${denied}. No evidence, no pass: grant the missing permission or refresh the facts snapshot and run again, or keep the key.`,
    ]);
    expect(
      messages({
        usage: unavailable,
        change: { action: "update", disables: true, deletionWindowDays: null },
      }),
    ).toEqual([
      `deleting-key-without-evidence: aws_kms_key.data would disable ${ARN}, and there is no evidence whether it is still used: ${denied}. No evidence, no pass: grant the missing permission or refresh the facts snapshot and run again, or keep the key.`,
    ]);
  });

  it("pending-deletion-recently-used names the command that cancels the deletion", () => {
    expect(
      messages({
        key: { state: "PendingDeletion", enabled: false, deletionDate: "2026-12-05T00:00:00Z" },
        usage: { lastUsedAt: daysAgo(10) },
      }),
    ).toEqual([
      `pending-deletion-recently-used: ${ARN} is PendingDeletion (to be deleted on 2026-12-05) but was last used 10 days ago (Decrypt in us-east-1, 2026-11-18, CloudTrail event ${EVENT}). Cancel the deletion before 2026-12-05 (aws kms cancel-key-deletion --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --region us-east-1), enable the key, and find what still uses it.`,
    ]);
  });

  it("disabling-recently-used-key, stale-key and unused-key", () => {
    expect(
      messages({ change: { action: "update", disables: true, deletionWindowDays: null } }),
    ).toEqual([
      `disabling-recently-used-key: aws_kms_key.data would disable ${ARN}, which was last used 3 days ago (Decrypt in us-east-1, 2026-11-25, CloudTrail event ${EVENT}). Calls that use it will fail with DisabledException. Move its users to another key first, or keep it enabled.`,
    ]);
    expect(
      messages({ key: { createdAt: daysAgo(900) }, usage: { lastUsedAt: daysAgo(400) } }),
    ).toEqual([
      `stale-key: ${ARN} was last used 400 days ago (Decrypt in us-east-1, 2025-10-24, CloudTrail event ${EVENT}): more than a year without use. If nothing needs it, disable it, watch CloudTrail for DisabledException and then schedule its deletion; if it is kept on purpose, add an ignore entry saying why.`,
    ]);
    expect(
      messages({
        key: { createdAt: daysAgo(45) },
        usage: { status: "unused", lastUsedAt: null, evidenceSince: daysAgo(45) },
      }),
    ).toEqual([
      `unused-key: ${ARN} has not been used since it was created 45 days ago (45 days of complete usage records, no cryptographic operation). Schedule its deletion, or add an ignore entry saying why it is kept.`,
    ]);
  });

  it("judges a multi-Region set by its latest use, wherever it was", () => {
    const replica = "arn:aws:kms:eu-west-1:111122223333:key/mrk-1";
    const usage = aggregateUsage([
      memberUsage(
        ARN,
        "us-east-1",
        { ok: true, value: { TrackingStartDate: daysAgo(500), KeyCreationDate: daysAgo(400) } },
        NOW,
      ),
      memberUsage(
        replica,
        "eu-west-1",
        {
          ok: true,
          value: {
            KeyLastUsage: {
              Operation: "GenerateDataKey",
              Timestamp: daysAgo(12),
              CloudTrailEventId: "ev-eu",
            },
            TrackingStartDate: daysAgo(500),
            KeyCreationDate: daysAgo(400),
          },
        },
        NOW,
      ),
    ]);
    const subject = makeSubject({
      key: { multiRegion: true, multiRegionRole: "PRIMARY", createdAt: daysAgo(400) },
      usage,
      change: { action: "delete", deletionWindowDays: 30 },
    });
    const findings = evaluate([subject], recommended, NOW);
    expect(findings.map((f) => f.ruleId)).toEqual([
      "deleting-enabled-key",
      "deleting-recently-used-key",
    ]);
    expect(findings[1]?.message).toContain(
      "was last used 12 days ago (GenerateDataKey in eu-west-1,",
    );
  });

  describe("the CloudTrail rules", () => {
    const ROLE = "arn:aws:sts::111122223333:assumed-role/reports/nightly";
    const failedUse = {
      at: daysAgo(2),
      by: ROLE,
      operation: "Decrypt",
      eventId: "3e3f2a1b-0000-4000-8000-000000000001",
    };
    // A disabled key, last used long ago, that a change deletes.
    const disabledDeleted = {
      key: { state: "Disabled", enabled: false },
      usage: { lastUsedAt: daysAgo(200) },
      change: { action: "delete", deletionWindowDays: 30 },
    } as const;

    it("deleting-key-with-failed-uses names the latest caller, operation, date and event", () => {
      expect(
        messages({
          ...disabledDeleted,
          trail: {
            failedUses: 2,
            lastFailedUse: failedUse,
            callers: [ROLE],
            disabledAt: daysAgo(45),
          },
        }),
      ).toEqual([
        `deleting-key-with-failed-uses: aws_kms_key.data would delete ${ARN}, but something still needs it: while it is Disabled, 2 calls failed for it in CloudTrail Event history from 2026-08-30 to 2026-11-28, the latest by ${ROLE} (Decrypt, 2026-11-26, CloudTrail event 3e3f2a1b-0000-4000-8000-000000000001). Remove the deletion, find out what ${ROLE} uses the key for, and move it to another key first.`,
      ]);
    });

    it("deleting-key-disabled-too-recently says how long ago and how long to wait", () => {
      expect(messages({ ...disabledDeleted, trail: { disabledAt: daysAgo(3.5) } })).toEqual([
        `deleting-key-disabled-too-recently: aws_kms_key.data would delete ${ARN}, which was disabled only 3 days ago (DisableKey on 2026-11-24). That is too short a watch for jobs that run monthly or less often: keep the key disabled for at least 30 days, watching CloudTrail for DisabledException, and delete it in a later change.`,
      ]);
    });

    it("pending-deletion-key-still-wanted names the command that cancels the deletion, and the caller", () => {
      expect(
        messages({
          key: { state: "PendingDeletion", enabled: false, deletionDate: "2026-12-20T00:00:00Z" },
          usage: { lastUsedAt: daysAgo(200) },
          trail: {
            failedUses: 1,
            lastFailedUse: { ...failedUse, by: "ec2.amazonaws.com" },
            callers: ["ec2.amazonaws.com"],
          },
        }),
      ).toEqual([
        `pending-deletion-key-still-wanted: ${ARN} is PendingDeletion (to be deleted on 2026-12-20), yet calls still ask for it: 1 call failed for it in CloudTrail Event history from 2026-08-30 to 2026-11-28, the latest by ec2.amazonaws.com (Decrypt, 2026-11-26, CloudTrail event 3e3f2a1b-0000-4000-8000-000000000001). Cancel the deletion before 2026-12-20 (aws kms cancel-key-deletion --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --region us-east-1) and find out what ec2.amazonaws.com needs the key for.`,
      ]);
    });

    it("fail closed when CloudTrail could not be read: each rule it would decide says so, at its severity", () => {
      const findings = evaluate(
        [
          makeSubject({
            ...disabledDeleted,
            trail: {
              status: "unavailable",
              reason: "access denied: the caller needs cloudtrail:LookupEvents",
              since: null,
              until: null,
            },
          }),
        ],
        recommended,
        NOW,
      );
      expect(findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
        [
          "deleting-key-disabled-too-recently",
          "warning",
          `deleting-key-disabled-too-recently could not be decided for ${ARN}: trail.daysDisabled: CloudTrail could not be read: access denied: the caller needs cloudtrail:LookupEvents. No evidence, no pass: grant the missing permission (or refresh the facts snapshot) and run again.`,
        ],
        [
          "deleting-key-with-failed-uses",
          "error",
          `deleting-key-with-failed-uses could not be decided for ${ARN}: trail.failedUses: CloudTrail could not be read: access denied: the caller needs cloudtrail:LookupEvents. No evidence, no pass: grant the missing permission (or refresh the facts snapshot) and run again.`,
        ],
      ]);
    });

    it("a truncated lookup that found failures decides on them, and cannot say when the key was disabled", () => {
      const findings = evaluate(
        [
          makeSubject({
            ...disabledDeleted,
            trail: {
              status: "truncated",
              reason: "stopped after 20 pages (--trail-max-pages)",
              since: daysAgo(10),
              failedUses: 7,
              lastFailedUse: failedUse,
              callers: [ROLE],
            },
          }),
        ],
        recommended,
        NOW,
      );
      expect(findings.map((f) => [f.ruleId, f.message.split(":")[0]])).toEqual([
        [
          "deleting-key-disabled-too-recently",
          "deleting-key-disabled-too-recently could not be decided for arn",
        ],
        ["deleting-key-with-failed-uses", "aws_kms_key.data would delete arn"],
      ]);
      expect(findings[0]?.message).toContain(
        "trail.daysDisabled: the CloudTrail lookup stopped at 2026-11-18 (stopped after 20 pages (--trail-max-pages)) without reaching when the key was disabled",
      );
      expect(findings[1]?.message).toContain(
        "(read in part: stopped after 20 pages (--trail-max-pages))",
      );
    });

    it("stay silent where CloudTrail was not asked (trail.status null)", () => {
      expect(messages({ ...disabledDeleted, trail: null })).toEqual([]);
    });
  });
});
