/** The JSON report carries each key's CloudTrail evidence (SPEC §6), with the catalog's derived days. */
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model.js";
import { formatJson } from "../../src/report/formats/json.js";
import { daysAgo, makeSubject, NOW } from "../rules/subject-builder.js";

function report(subjects: Report["subjects"]): Report {
  return {
    tool: { name: "kms-usage-lint", version: "0.0.0" },
    evaluatedAt: NOW.toISOString(),
    subjects,
    findings: [],
    suppressed: [],
    errors: [],
    summary: { error: 0, warning: 0, notice: 0, suppressed: 0, keys: subjects.length },
    stats: { usageCallsSaved: 0, scope: "all", keysOutOfScope: 0 },
  };
}

describe("json report: trail", () => {
  it("is null for a key whose trail was not asked, and the trail facts with windowDays and daysDisabled otherwise", () => {
    const failed = {
      at: daysAgo(2),
      by: "arn:aws:sts::111122223333:assumed-role/app/x",
      operation: "Decrypt",
      eventId: "ev-1",
    };
    const doc = JSON.parse(
      formatJson(
        report([
          makeSubject({ id: "a", trail: null }),
          makeSubject({
            id: "b",
            trail: {
              failedUses: 1,
              lastFailedUse: failed,
              callers: [failed.by],
              disabledAt: daysAgo(20),
              events: 3,
            },
          }),
        ]),
      ),
    );
    expect(doc.keys[0].trail).toBeNull();
    expect(doc.keys[1].trail).toEqual({
      status: "complete",
      reason: null,
      since: daysAgo(90),
      until: NOW.toISOString(),
      windowDays: 90,
      events: 3,
      unreadableEvents: 0,
      failedUses: 1,
      lastFailedUse: failed,
      callers: [failed.by],
      disabledAt: daysAgo(20),
      daysDisabled: 20,
      enabledAt: null,
      deletionScheduledAt: null,
      deletionCancelledAt: null,
    });
  });
});
