import { describe, expect, it } from "vitest";
import { aggregateUsage, memberUsage } from "../../src/facts/usage.js";
import type { AwsKeyLastUsage, Fetched, UsageMember } from "../../src/model.js";

const ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ok = (value: AwsKeyLastUsage): Fetched<AwsKeyLastUsage> => ({ ok: true, value });
const NOW = new Date("2026-11-28T00:00:00Z");
/** One member's answer, read at NOW. */
const interpret = (arn: string, region: string | null, answer: Fetched<AwsKeyLastUsage>) =>
  memberUsage(arn, region, answer, NOW);

describe("memberUsage: the SPEC §3 status rule", () => {
  it("is used when KeyLastUsage is present, with the evidence", () => {
    const m = interpret(
      ARN,
      "us-east-1",
      ok({
        KeyLastUsage: {
          Operation: "Decrypt",
          Timestamp: "2026-11-25T10:00:00Z",
          CloudTrailEventId: "2cfd5892-0000-4000-8000-000000000001",
          KmsRequestId: "req-1",
        },
        TrackingStartDate: "2026-04-01T00:00:00Z",
        KeyCreationDate: "2024-01-01T00:00:00Z",
      }),
    );
    expect(m).toMatchObject({
      status: "used",
      lastUsedAt: "2026-11-25T10:00:00.000Z",
      operation: "Decrypt",
      cloudTrailEventId: "2cfd5892-0000-4000-8000-000000000001",
      kmsRequestId: "req-1",
      reason: null,
    });
  });

  it("is unused when nothing was recorded and the key was created after tracking began", () => {
    const m = interpret(
      ARN,
      "us-east-1",
      ok({ TrackingStartDate: "2026-05-01T00:00:00Z", KeyCreationDate: "2026-06-01T00:00:00Z" }),
    );
    expect(m.status).toBe("unused");
  });

  it("is unused when the key was created the instant tracking began (≥, not >)", () => {
    const m = interpret(
      ARN,
      null,
      ok({ TrackingStartDate: "2026-06-01T00:00:00Z", KeyCreationDate: "2026-06-01T00:00:00Z" }),
    );
    expect(m.status).toBe("unused");
  });

  it("is unknown — never unused — when the key predates tracking", () => {
    const m = interpret(
      ARN,
      null,
      ok({ TrackingStartDate: "2026-05-01T00:00:00Z", KeyCreationDate: "2020-01-01T00:00:00Z" }),
    );
    expect(m.status).toBe("unknown");
    expect(m.reason).toBeNull();
  });

  it("treats an empty KeyLastUsage object as no record", () => {
    const m = interpret(
      ARN,
      null,
      ok({
        KeyLastUsage: {},
        TrackingStartDate: "2026-05-01T00:00:00Z",
        KeyCreationDate: "2020-01-01T00:00:00Z",
      }),
    );
    expect(m.status).toBe("unknown");
  });

  it("is unavailable — not unknown — when the dates needed to tell unused from no-record are missing", () => {
    const m = interpret(ARN, null, ok({ TrackingStartDate: "2026-05-01T00:00:00Z" }));
    expect(m.status).toBe("unavailable");
    expect(m.reason).toBe("GetKeyLastUsage: not evidence: the answer has no KeyCreationDate");
  });

  it("is unavailable when the call failed, naming the missing IAM action on access denied", () => {
    const m = interpret(ARN, "us-east-1", {
      ok: false,
      error: {
        Operation: "GetKeyLastUsage",
        Code: "AccessDeniedException",
        Message: "User is not authorized",
      },
    });
    expect(m.status).toBe("unavailable");
    expect(m.reason).toContain("kms:GetKeyLastUsage");
  });

  it("keeps the reason of any other failure", () => {
    const m = interpret(ARN, "us-east-1", {
      ok: false,
      error: {
        Operation: "GetKeyLastUsage",
        Code: "NotInSnapshot",
        Message: "not in facts snapshot",
      },
    });
    expect(m).toMatchObject({
      status: "unavailable",
      reason: "GetKeyLastUsage: not in facts snapshot",
    });
  });
});

function member(
  region: string,
  status: UsageMember["status"],
  lastUsedAt: string | null = null,
): UsageMember {
  return {
    arn: ARN.replace("us-east-1", region),
    region,
    status,
    lastUsedAt,
    operation: lastUsedAt ? "Encrypt" : null,
    cloudTrailEventId: lastUsedAt ? `event-${region}` : null,
    kmsRequestId: null,
    trackingStartDate: "2026-05-01T00:00:00.000Z",
    keyCreationDate: "2026-06-01T00:00:00.000Z",
    reason: status === "unavailable" ? "access denied" : null,
  };
}

describe("aggregateUsage: multi-Region sets", () => {
  it("a single key keeps its own status", () => {
    for (const status of ["used", "unused", "unknown", "unavailable"] as const) {
      const at = status === "used" ? "2026-11-01T00:00:00.000Z" : null;
      expect(aggregateUsage([member("us-east-1", status, at)]).status).toBe(status);
    }
  });

  it("is used if any member is, and the latest use wins with its region", () => {
    const usage = aggregateUsage([
      member("us-east-1", "used", "2026-10-01T00:00:00.000Z"),
      member("eu-west-1", "used", "2026-11-20T00:00:00.000Z"),
      member("ap-south-1", "unavailable"),
    ]);
    expect(usage).toMatchObject({
      status: "used",
      lastUsedAt: "2026-11-20T00:00:00.000Z",
      region: "eu-west-1",
      cloudTrailEventId: "event-eu-west-1",
    });
    expect(usage.members).toHaveLength(3);
  });

  it("is unused only if every member is unused", () => {
    expect(
      aggregateUsage([member("us-east-1", "unused"), member("eu-west-1", "unused")]).status,
    ).toBe("unused");
  });

  it("a replica with no record makes the set unknown, not unused", () => {
    const usage = aggregateUsage([member("us-east-1", "unused"), member("eu-west-1", "unknown")]);
    expect(usage.status).toBe("unknown");
  });

  it("a replica that could not be asked makes the set unavailable, with its region in the reason", () => {
    const usage = aggregateUsage([
      member("us-east-1", "unused"),
      member("eu-west-1", "unknown"),
      member("ap-south-1", "unavailable"),
    ]);
    expect(usage.status).toBe("unavailable");
    expect(usage.reason).toBe("ap-south-1: access denied");
  });

  it("has evidence from the latest of every member's tracking start and creation", () => {
    const a = { ...member("us-east-1", "unused"), keyCreationDate: "2026-07-01T00:00:00.000Z" };
    const b = { ...member("eu-west-1", "unused"), trackingStartDate: "2026-08-01T00:00:00.000Z" };
    const usage = aggregateUsage([a, b]);
    expect(usage.evidenceSince).toBe("2026-08-01T00:00:00.000Z");
    expect(usage.trackingStartDate).toBe("2026-08-01T00:00:00.000Z");
  });

  it("with no members at all is unavailable", () => {
    expect(aggregateUsage([]).status).toBe("unavailable");
  });
});
