/**
 * Wrong answers are not evidence (SPEC §10): every way a GetKeyLastUsage or
 * DescribeKey answer can be malformed, about another key, or dated in the
 * future ends `unavailable` with the reason — never `unused` or `unknown`.
 */
import { describe, expect, it } from "vitest";
import {
  answerInstant,
  CLOCK_SKEW_MS,
  checkedKeyMetadata,
  checkedLastUsage,
} from "../../src/facts/answers.js";
import { memberUsage } from "../../src/facts/usage.js";

const ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const ARN = `arn:aws:kms:us-east-1:111122223333:key/${ID}`;
const NOW = new Date("2026-11-28T00:00:00Z");

/** A well-formed answer: used two days before NOW, by a key created after tracking began. */
const usage = (overrides: Record<string, unknown> = {}) => ({
  KeyId: ID,
  KeyLastUsage: {
    Operation: "Decrypt",
    Timestamp: "2026-11-26T10:00:00Z",
    CloudTrailEventId: "2cfd5892-0000-4000-8000-000000000001",
    KmsRequestId: "req-1",
  },
  TrackingStartDate: "2026-03-01T00:00:00Z",
  KeyCreationDate: "2026-06-15T08:00:00Z",
  ...overrides,
});
const withLastUsage = (last: unknown) => usage({ KeyLastUsage: last });
const status = (answer: unknown) =>
  memberUsage(ARN, "us-east-1", { ok: true, value: answer as never }, NOW);

describe("answerInstant", () => {
  it.each([
    ["an ISO 8601 timestamp", "2026-11-26T10:00:00Z", Date.parse("2026-11-26T10:00:00Z")],
    ["one with milliseconds and an offset", "2026-11-26T12:00:00.500+02:00", 1_795_687_200_500],
    ["epoch seconds, as KMS sends them", 1_795_687_200.5, 1_795_687_200_500],
  ])("reads %s", (_name, value, ms) => {
    expect(answerInstant(value)).toBe(ms);
  });

  it.each([
    ["a month 13", "2026-13-45"],
    ["a date without a time", "2026-11-26"],
    ["February 30", "2026-02-30T00:00:00Z"],
    ["a date-time without a zone", "2026-11-26T10:00:00"],
    ["the empty string", ""],
    ["words", "yesterday"],
    ["null", null],
    ["a list", ["2026-11-26T10:00:00Z"]],
    ["an object", { $date: "2026-11-26" }],
    ["a negative number", -1],
    ["infinity", Number.POSITIVE_INFINITY],
    ["a boolean", true],
  ])("refuses %s", (_name, value) => {
    expect(answerInstant(value)).toBeNull();
  });
});

describe("checkedLastUsage", () => {
  it("passes a well-formed answer, with dates as ISO strings", () => {
    expect(
      checkedLastUsage(
        ARN,
        usage({ KeyLastUsage: { ...usage().KeyLastUsage, Timestamp: 1_795_687_200 } }),
        NOW,
      ),
    ).toEqual({
      ok: true,
      value: {
        KeyId: ID,
        KeyLastUsage: {
          Operation: "Decrypt",
          Timestamp: "2026-11-26T10:00:00.000Z",
          CloudTrailEventId: "2cfd5892-0000-4000-8000-000000000001",
          KmsRequestId: "req-1",
        },
        TrackingStartDate: "2026-03-01T00:00:00.000Z",
        KeyCreationDate: "2026-06-15T08:00:00.000Z",
      },
    });
  });

  it("takes the key asked by id or by ARN, in any case", () => {
    expect(checkedLastUsage(ARN, usage({ KeyId: ARN }), NOW).ok).toBe(true);
    expect(checkedLastUsage(ARN, usage({ KeyId: ID.toUpperCase() }), NOW).ok).toBe(true);
    expect(checkedLastUsage(ARN, usage({ KeyId: undefined }), NOW).ok).toBe(true);
  });

  it("reads `{}` and an absent KeyLastUsage as no use recorded", () => {
    expect(status(withLastUsage({})).status).toBe("unused");
    expect(status(withLastUsage(undefined)).status).toBe("unused");
    expect(
      status(usage({ KeyLastUsage: {}, KeyCreationDate: "2025-01-01T00:00:00Z" })).status,
    ).toBe("unknown");
  });

  // Each of these turned a key used two days ago into `unused` on main.
  it.each([
    [
      "Timestamp in a month 13",
      withLastUsage({ Timestamp: "2026-13-45" }),
      /Timestamp "2026-13-45" is not a date/,
    ],
    ["an empty Timestamp", withLastUsage({ Timestamp: "" }), /is not a date/],
    [
      "a null Timestamp",
      withLastUsage({ Operation: "Decrypt", Timestamp: null }),
      /has no KeyLastUsage\.Timestamp/,
    ],
    ["a Timestamp list", withLastUsage({ Timestamp: ["2026-11-26T10:00:00Z"] }), /is not a date/],
    [
      "a use with no Timestamp",
      withLastUsage({ Operation: "Decrypt" }),
      /has no KeyLastUsage\.Timestamp/,
    ],
    [
      "KeyLastUsage as a string",
      withLastUsage("Decrypt at 2026-11-26"),
      /KeyLastUsage is the string/,
    ],
    ["KeyLastUsage null", withLastUsage(null), /KeyLastUsage is null/],
    ["KeyLastUsage a list", withLastUsage([]), /KeyLastUsage is a list/],
    [
      "a non-string Operation",
      withLastUsage({ Timestamp: "2026-11-26T10:00:00Z", Operation: 7 }),
      /Operation is a number/,
    ],
    [
      "a last use a year ahead",
      withLastUsage({ Timestamp: "2027-11-26T10:00:00Z" }),
      /is in the future/,
    ],
    [
      "epoch milliseconds where seconds belong",
      withLastUsage({ Timestamp: 1_795_687_200_000 }),
      /is in the future/,
    ],
    [
      "a last use before the key existed",
      withLastUsage({ Timestamp: "1970-01-21T10:00:00Z" }),
      /before the key's usage record begins/,
    ],
    ["no TrackingStartDate", usage({ TrackingStartDate: undefined }), /has no TrackingStartDate/],
    ["no KeyCreationDate", usage({ KeyCreationDate: null }), /has no KeyCreationDate/],
    [
      "a creation date ahead",
      usage({ KeyLastUsage: {}, KeyCreationDate: "2027-01-01T00:00:00Z" }),
      /KeyCreationDate .* is in the future/,
    ],
    [
      "an answer for another key",
      usage({ KeyId: "0000abcd-12ab-34cd-56ef-1234567890ab" }),
      /is for key "0000abcd-.*", not the key asked/,
    ],
    ["a KeyId that is not a string", usage({ KeyId: 42 }), /is for key 42/],
    ["an empty body", {}, /has no TrackingStartDate/],
    ["a string body", "<html>", /not an object/],
    ["a list body", [], /not an object/],
  ])("is unavailable, never unused, for %s", (_name, answer, reason) => {
    const member = status(answer);
    expect(member.status).toBe("unavailable");
    expect(member.reason).toMatch(/^GetKeyLastUsage: not evidence: /);
    expect(member.reason).toMatch(reason);
  });

  it("allows an hour of clock skew, and not more", () => {
    const at = (ms: number) => withLastUsage({ Timestamp: new Date(ms).toISOString() });
    expect(status(at(NOW.getTime() + CLOCK_SKEW_MS)).status).toBe("used");
    expect(status(at(NOW.getTime() + CLOCK_SKEW_MS + 1000)).status).toBe("unavailable");
  });
});

describe("checkedKeyMetadata", () => {
  const metadata = (overrides: Record<string, unknown> = {}) => ({
    AWSAccountId: "111122223333",
    KeyId: ID,
    Arn: ARN,
    CreationDate: "2026-06-15T08:00:00Z",
    Enabled: true,
    KeyState: "Enabled",
    KeyManager: "CUSTOMER",
    MultiRegion: false,
    ...overrides,
  });
  const MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";
  const mrkArn = (region: string) => `arn:aws:kms:${region}:111122223333:key/${MRK}`;
  const multiRegion = (overrides: Record<string, unknown> = {}) =>
    metadata({
      KeyId: MRK,
      Arn: mrkArn("us-east-1"),
      MultiRegion: true,
      MultiRegionConfiguration: {
        MultiRegionKeyType: "PRIMARY",
        PrimaryKey: { Arn: mrkArn("us-east-1"), Region: "us-east-1" },
        ReplicaKeys: [{ Arn: mrkArn("eu-west-1"), Region: "eu-west-1" }],
      },
      ...overrides,
    });

  it("passes the key asked, and a key of the alias's account and region for an alias", () => {
    const checked = checkedKeyMetadata(ARN, metadata(), NOW);
    expect(checked).toMatchObject({
      ok: true,
      value: { CreationDate: "2026-06-15T08:00:00.000Z" },
    });
    const alias = "arn:aws:kms:us-east-1:111122223333:alias/app";
    expect(checkedKeyMetadata(alias, metadata(), NOW).ok).toBe(true);
    expect(checkedKeyMetadata(mrkArn("us-east-1"), multiRegion(), NOW).ok).toBe(true);
    // A key pending deletion has its deletion date ahead: that is not "the future" of an answer.
    const pending = metadata({ KeyState: "PendingDeletion", DeletionDate: "2026-12-28T00:00:00Z" });
    expect(checkedKeyMetadata(ARN, pending, NOW).ok).toBe(true);
  });

  it.each([
    [
      "another key",
      metadata({
        Arn: ARN.replace("1234abcd", "0000abcd"),
        KeyId: ID.replace("1234abcd", "0000abcd"),
      }),
      /describes .*0000abcd.*, not the key asked/,
    ],
    [
      "the key in another region",
      metadata({ Arn: ARN.replace("us-east-1", "eu-west-1") }),
      /not the key asked/,
    ],
    [
      "a KeyId unlike its Arn",
      metadata({ KeyId: "0000abcd-12ab-34cd-56ef-1234567890ab" }),
      /KeyId .* is not the id in its Arn/,
    ],
    ["another account", metadata({ AWSAccountId: "444455556666" }), /AWSAccountId/],
    [
      "no Arn",
      metadata({ Arn: undefined }),
      /Arn undefined is not a key ARN|Arn .* is not a key ARN/,
    ],
    [
      "an alias ARN as Arn",
      metadata({ Arn: "arn:aws:kms:us-east-1:111122223333:alias/app" }),
      /is not a key ARN/,
    ],
    ["no CreationDate", metadata({ CreationDate: undefined }), /has no KeyMetadata\.CreationDate/],
    ["no KeyState", metadata({ KeyState: undefined }), /has no KeyMetadata\.KeyState/],
    ["no KeyManager", metadata({ KeyManager: undefined }), /has no KeyMetadata\.KeyManager/],
    [
      "a CreationDate ahead",
      metadata({ CreationDate: "2027-06-15T08:00:00Z" }),
      /is in the future/,
    ],
    [
      "a CreationDate that is not a date",
      metadata({ CreationDate: "2026-13-45" }),
      /is not a date/,
    ],
    [
      "a DeletionDate that is not a date",
      metadata({ DeletionDate: "soon" }),
      /DeletionDate "soon" is not a date/,
    ],
    ["Enabled as a string", metadata({ Enabled: "true" }), /Enabled is the string/],
    ["a numeric KeyState", metadata({ KeyState: 1 }), /KeyState is a number/],
    [
      "an mrk- key that says it is single-Region",
      multiRegion({ MultiRegion: false }),
      /is a multi-Region key, but KeyMetadata\.MultiRegion is false/,
    ],
    [
      "an mrk- key without its members",
      multiRegion({ MultiRegionConfiguration: undefined }),
      /members are unknown/,
    ],
    [
      "a member of another key",
      multiRegion({
        MultiRegionConfiguration: {
          MultiRegionKeyType: "PRIMARY",
          PrimaryKey: { Arn: mrkArn("us-east-1") },
          ReplicaKeys: [{ Arn: ARN }],
        },
      }),
      /ReplicaKeys\[0\]\.Arn .* is not a member of the same multi-Region key/,
    ],
    [
      "members without the key's own region",
      multiRegion({
        MultiRegionConfiguration: {
          MultiRegionKeyType: "REPLICA",
          PrimaryKey: { Arn: mrkArn("eu-west-1") },
          ReplicaKeys: [],
        },
      }),
      /does not list the key's own region/,
    ],
    [
      "a UUID key that says it is multi-Region",
      metadata({ MultiRegion: true }),
      /not a multi-Region \(mrk-\) id/,
    ],
    ["a body that is not an object", "<html>", /not KeyMetadata/],
  ])("refuses %s", (_name, answer, reason) => {
    const asked =
      typeof answer === "object" && String((answer as { KeyId?: unknown }).KeyId).startsWith("mrk-")
        ? mrkArn("us-east-1")
        : ARN;
    const checked = checkedKeyMetadata(asked, answer, NOW);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.error.Code).toBe("MalformedAnswer");
      expect(checked.error.Message).toMatch(reason);
    }
  });
});
