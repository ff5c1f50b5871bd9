/**
 * A facts snapshot read entry by entry from its bytes (issue 17) is the snapshot the
 * whole document's reading gives; what that reader is not sure of, it leaves to the
 * whole reading (NotPiecewise), which says what is wrong.
 */
import { describe, expect, it } from "vitest";
import { readSnapshot } from "../../src/facts/snapshot.js";
import { readSnapshotBytes } from "../../src/facts/snapshot-bytes.js";
import { SnapshotKeys } from "../../src/facts/snapshot-keys.js";
import { NotPiecewise } from "../../src/json-bytes.js";

const ACCOUNT = "111122223333";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0b0c0d0e-1111-4222-8333-444455556666`;
const OTHER = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/aaaaaaaa-1111-4222-8333-444455556666`;
const ALIAS = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/data`;

function entry(arn: string, extra: Record<string, unknown> = {}) {
  return {
    KeyMetadata: {
      KeyId: arn.slice(arn.lastIndexOf("/") + 1),
      Arn: arn,
      KeyState: "Enabled",
      Enabled: true,
      KeyManager: "CUSTOMER",
      CreationDate: "2026-06-01T00:00:00Z",
    },
    LastUsage: { TrackingStartDate: "2026-05-01T00:00:00Z", KeyCreationDate: 1780272000 },
    ...extra,
  };
}

const doc = {
  version: 1,
  capturedAt: "2026-11-20T12:00:00Z",
  account: null,
  inventory: {
    shards: [{ index: 1, count: 2 }],
    pairs: [
      {
        account: ACCOUNT,
        region: "us-east-1",
        status: "read",
        keys: 1,
        capturedAt: "2026-11-20T12:00:00Z",
      },
    ],
  },
  keys: {
    [KEY]: entry(KEY),
    [OTHER]: entry(OTHER, { CapturedAt: "2026-11-21T08:00:00.000Z" }),
  },
  aliases: { [ALIAS]: KEY },
  stacks: { "app@us-east-1": { resources: { Key: KEY } } },
};

const bytesOf = (text: string) => Buffer.from(text, "utf8");

describe("readSnapshotBytes", () => {
  it("reads the snapshot the whole document gives, however it is laid out", () => {
    const whole = readSnapshot(doc, "all.json");
    for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 2)]) {
      const read = readSnapshotBytes(bytesOf(text), "all.json");
      expect(read).toEqual(whole);
      expect([...read.keys.keys()]).toEqual([KEY, OTHER]);
      expect(read.keys.capturedAt(OTHER)).toBe("2026-11-21T08:00:00.000Z");
      expect(read.keys.capturedAt(KEY)).toBeUndefined();
    }
  });

  it("reads a byte order mark and escaped names as JSON.parse does", () => {
    const text = JSON.stringify(doc).replace(
      `"${ALIAS}"`,
      `"${ALIAS.replace("data", "d\\u0061ta")}"`,
    );
    const read = readSnapshotBytes(bytesOf(`\ufeff${text}`), "all.json");
    expect([...read.aliases]).toEqual([[ALIAS, KEY]]);
  });

  const notSure: [string, string][] = [
    ["a key ARN twice", JSON.stringify(doc).replace(`"${OTHER}"`, `"${KEY}"`)],
    [
      "an alias twice",
      JSON.stringify({ ...doc, aliases: {} }).replace(
        '"aliases":{}',
        `"aliases":{"${ALIAS}":"${KEY}","${ALIAS}":"${KEY}"}`,
      ),
    ],
    [
      "a member twice",
      JSON.stringify(doc).replace('"account":null', '"account":null,"account":null'),
    ],
    [
      "an entry the schema refuses",
      JSON.stringify({ ...doc, keys: { [KEY]: { KeyMetadata: 1 } } }),
    ],
    ["an empty entry", JSON.stringify({ ...doc, keys: { [KEY]: {} } })],
    ["a key name that is no key ARN", JSON.stringify({ ...doc, keys: { [ALIAS]: entry(KEY) } })],
    ["an alias name that is no alias ARN", JSON.stringify({ ...doc, aliases: { [KEY]: KEY } })],
    ["an alias target that is no key ARN", JSON.stringify({ ...doc, aliases: { [ALIAS]: ALIAS } })],
    ["a top-level field the schema refuses", JSON.stringify({ ...doc, extra: 1 })],
    ["no keys object", JSON.stringify({ ...doc, keys: [] })],
    ["a JSON report", JSON.stringify({ version: 1, evaluatedAt: doc.capturedAt, keys: [] })],
    ["a broken entry", JSON.stringify(doc).replace('"KeyState":"Enabled"', '"KeyState":Enabled')],
    ["a truncated file", JSON.stringify(doc).slice(0, -20)],
    ["text after the document", `${JSON.stringify(doc)} {}`],
  ];
  it.each(notSure)("leaves %s to the whole document's reading", (_, text) => {
    expect(() => readSnapshotBytes(bytesOf(text), "all.json")).toThrow(NotPiecewise);
  });

  it("checks what the schema cannot say of an inventory, as the whole reading does", () => {
    const inventory = { ...doc.inventory, shards: [{ index: 3, count: 2 }] };
    const text = JSON.stringify({ ...doc, inventory });
    expect(() => readSnapshotBytes(bytesOf(text), "all.json")).toThrow(
      "inventory.shards[0]: expected an index from 1 to its count 2, got 3",
    );
  });
});

describe("SnapshotKeys", () => {
  const bytes = bytesOf(JSON.stringify(doc));
  const read = readSnapshotBytes(bytes, "all.json");

  it("gives an entry read from bytes as it was written", () => {
    expect(read.keys.get(KEY)).toEqual(doc.keys[KEY]);
    expect(read.keys.get(OTHER)).toEqual(doc.keys[OTHER]);
    expect(read.keys.get(ALIAS)).toBeUndefined();
  });

  it("parses an entry asked for again in a row once, and again after another", () => {
    const first = read.keys.get(KEY);
    expect(read.keys.get(KEY)).toBe(first);
    read.keys.get(OTHER);
    expect(read.keys.get(KEY)).not.toBe(first);
    expect(read.keys.get(KEY)).toEqual(first);
  });

  it("dates an entry taken into a merge with its time first, or with none", () => {
    const merged = new SnapshotKeys()
      .setFrom(KEY, read.keys, "2026-11-22T00:00:00.000Z")
      .setFrom(OTHER, read.keys, undefined);
    expect(Object.keys(merged.get(KEY) ?? {})[0]).toBe("CapturedAt");
    expect(merged.get(KEY)?.CapturedAt).toBe("2026-11-22T00:00:00.000Z");
    expect(merged.capturedAt(KEY)).toBe("2026-11-22T00:00:00.000Z");
    expect(merged.get(OTHER)).toEqual(entry(OTHER));
    expect(merged.capturedAt(OTHER)).toBeUndefined();
  });
});
