/**
 * The JSON Schema of a facts snapshot, version 1 (SPEC §3): AWS answers kept
 * verbatim, keyed by key ARN. The loader validates every snapshot against it
 * before reading a fact, and the build writes it to `schemas/facts.schema.json`
 * for editors and for the jobs that produce snapshots.
 *
 * AWS adds fields to its answers over time, so the answers' own objects accept
 * unknown fields; the snapshot's own structure does not, so a misspelt section
 * is an error rather than a silently empty one. Every schema a user can get
 * wrong carries a `description`: it is what the error message says was expected.
 */
import type { SchemaObject } from "ajv";
import { ALIAS_ARN_PATTERN, KEY_ARN_PATTERN, REGION_PATTERN } from "../aws/key-ids.js";

const ACCOUNT_ID = { type: "string", pattern: "^\\d{12}$", description: "a 12-digit account id" };

const KEY_ARN = {
  type: "string",
  pattern: KEY_ARN_PATTERN,
  description: "a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)",
};

const TIMESTAMP = {
  description:
    "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them",
  anyOf: [
    { type: "string", format: "date-time" },
    // Past this many seconds a JavaScript date is no date at all (±8.64e15 ms).
    { type: "number", minimum: 0, maximum: 8.64e12 },
  ],
};

const STRING = { type: "string" };

const MEMBER = {
  type: "object",
  description: "a multi-Region member: {Arn, Region}",
  properties: { Arn: KEY_ARN, Region: STRING },
  required: ["Arn"],
};

const KEY_METADATA = {
  type: "object",
  description:
    "DescribeKey's KeyMetadata, with KeyId, Arn, CreationDate, KeyState, Enabled and KeyManager",
  // What the answer checks (answers.ts) require: DescribeKey always says these.
  required: ["KeyId", "Arn", "CreationDate", "KeyState", "Enabled", "KeyManager"],
  properties: {
    KeyId: STRING,
    Arn: KEY_ARN,
    AWSAccountId: ACCOUNT_ID,
    KeyState: STRING,
    Enabled: { type: "boolean" },
    KeyManager: STRING,
    KeySpec: STRING,
    KeyUsage: STRING,
    Origin: STRING,
    CreationDate: TIMESTAMP,
    DeletionDate: TIMESTAMP,
    PendingDeletionWindowInDays: { type: "integer", minimum: 1 },
    MultiRegion: { type: "boolean" },
    MultiRegionConfiguration: {
      type: "object",
      description: "DescribeKey's MultiRegionConfiguration",
      properties: {
        MultiRegionKeyType: { enum: ["PRIMARY", "REPLICA"], description: "PRIMARY or REPLICA" },
        PrimaryKey: MEMBER,
        ReplicaKeys: { type: "array", items: MEMBER, description: "a list of members" },
      },
    },
  },
};

const LAST_USAGE = {
  type: "object",
  description: "GetKeyLastUsage's answer, with TrackingStartDate and KeyCreationDate",
  // Without both dates "never used" and "no record since tracking began" cannot be told apart.
  required: ["TrackingStartDate", "KeyCreationDate"],
  properties: {
    KeyId: STRING,
    KeyLastUsage: {
      type: "object",
      description: "the last use ({} when none was recorded)",
      properties: {
        Operation: STRING,
        Timestamp: TIMESTAMP,
        CloudTrailEventId: STRING,
        KmsRequestId: STRING,
      },
      // `{}` is "no use recorded"; a record of a use must say when.
      dependencies: {
        Operation: ["Timestamp"],
        CloudTrailEventId: ["Timestamp"],
        KmsRequestId: ["Timestamp"],
      },
    },
    TrackingStartDate: TIMESTAMP,
    KeyCreationDate: TIMESTAMP,
  },
};

const CALL_ERROR = {
  type: "object",
  description: "an error answer: {Operation, Code, Message}",
  required: ["Operation", "Code", "Message"],
  properties: { Operation: STRING, Code: STRING, Message: STRING },
};

/**
 * CloudTrail `LookupEvents` answers, verbatim (SPEC §3 `Trail`): what was asked, and the
 * events of the pages read. AWS's own events keep fields this tool does not read.
 */
const TRAIL = {
  type: "object",
  description:
    "CloudTrail LookupEvents answers: {LookupAttributes, StartTime, EndTime, Truncated, Events}",
  required: ["LookupAttributes", "StartTime", "EndTime", "Truncated", "Events"],
  additionalProperties: false,
  properties: {
    LookupAttributes: {
      type: "array",
      description:
        "the one lookup attribute asked: [{AttributeKey: ResourceName, AttributeValue: key ARN}]",
      minItems: 1,
      maxItems: 1,
      items: {
        type: "object",
        description: "a lookup attribute: {AttributeKey, AttributeValue}",
        required: ["AttributeKey", "AttributeValue"],
        properties: { AttributeKey: STRING, AttributeValue: STRING },
      },
    },
    StartTime: TIMESTAMP,
    EndTime: TIMESTAMP,
    Truncated: { type: "boolean", description: "true or false" },
    Events: {
      type: "array",
      description: "a list of CloudTrail events",
      items: {
        type: "object",
        description: "a CloudTrail event: {EventId, EventName, EventTime, CloudTrailEvent, …}",
        required: ["EventId", "EventTime"],
        properties: {
          EventId: { type: "string", minLength: 1, description: "an event id" },
          EventName: STRING,
          EventTime: TIMESTAMP,
          EventSource: STRING,
          Username: STRING,
          Resources: { type: "array", description: "a list of resources" },
          CloudTrailEvent: { type: "string", description: "the event record, as a JSON string" },
        },
      },
    },
  },
};

/** A time this tool wrote: always ISO (a number here is more likely milliseconds than seconds). */
const WRITTEN_AT = {
  type: "string",
  format: "date-time",
  description: "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z)",
};

/** The most shards one inventory is split into: GitHub Actions runs at most 256 jobs per matrix. */
export const MAX_SHARDS = 256;

/**
 * One (account, region) pair of an inventory (`snapshot --all-keys`, issue 17): read, or
 * unavailable with the reason — so a pair that could not be read is visible, never missing.
 */
const INVENTORY_PAIR = {
  type: "object",
  description:
    "an inventory pair: {account, region, name?, status: read|unavailable, reason?, keys, capturedAt}",
  required: ["account", "region", "status", "keys", "capturedAt"],
  additionalProperties: false,
  properties: {
    account: ACCOUNT_ID,
    region: { type: "string", pattern: `^${REGION_PATTERN}$`, description: "a region name" },
    name: { type: "string", description: "the account's name" },
    status: { enum: ["read", "unavailable"], description: "read or unavailable" },
    // Required exactly when unavailable: the loader checks it (snapshot.ts), as ajv's
    // strict mode takes no `required` of a property declared outside its branch.
    reason: { type: "string", minLength: 1, description: "why the pair could not be read" },
    keys: { type: "integer", minimum: 0, description: "the number of keys listed (0 or more)" },
    capturedAt: {
      type: "string",
      format: "date-time",
      description: "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z)",
    },
  },
};

/** Which shards of `count` the file holds (`--shard I/N`; merged files hold several). */
const SHARD = {
  type: "object",
  description: "a shard: {index, count}, 1 ≤ index ≤ count ≤ 256",
  required: ["index", "count"],
  additionalProperties: false,
  properties: {
    index: { type: "integer", minimum: 1, maximum: MAX_SHARDS, description: "a shard index 1–256" },
    count: { type: "integer", minimum: 1, maximum: MAX_SHARDS, description: "a shard count 1–256" },
  },
};

/** What a shard's job planned in all, before its share: how many pairs, and their digest. */
const SHARD_PLAN = {
  type: "object",
  description: "a shard's plan: {index, pairs, digest}",
  required: ["index", "pairs", "digest"],
  additionalProperties: false,
  properties: {
    index: { type: "integer", minimum: 1, maximum: MAX_SHARDS, description: "a shard index 1–256" },
    pairs: { type: "integer", minimum: 0, description: "a count of account-regions" },
    digest: { type: "string", pattern: "^[0-9a-f]{16}$", description: "16 hex digits" },
  },
};

/** What an inventory snapshot covered (issue 17): its shards and every (account, region) pair. */
const INVENTORY = {
  type: "object",
  description: "an inventory: {shards, pairs, plans?}",
  required: ["shards", "pairs"],
  additionalProperties: false,
  properties: {
    shards: { type: "array", minItems: 1, items: SHARD, description: "a non-empty list of shards" },
    pairs: { type: "array", items: INVENTORY_PAIR, description: "a list of pairs" },
    plans: { type: "array", items: SHARD_PLAN, description: "a list of shard plans" },
  },
};

/** The facts snapshot schema (draft-07, like the rules schema). */
export function factsSchema(): SchemaObject {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "kms-usage-lint facts snapshot, version 1",
    type: "object",
    description:
      "a facts snapshot: {version: 1, capturedAt, account, keys, aliases, stacks, inventory}",
    required: ["version", "capturedAt", "keys"],
    additionalProperties: false,
    properties: {
      version: { const: 1, description: "1" },
      capturedAt: WRITTEN_AT,
      account: { anyOf: [ACCOUNT_ID, { type: "null" }], description: "a 12-digit account id" },
      keys: {
        type: "object",
        description: "an object keyed by key ARN",
        propertyNames: { pattern: KEY_ARN_PATTERN, description: "a key ARN" },
        additionalProperties: {
          type: "object",
          description: "an object with KeyMetadata, LastUsage, Errors and/or Trail",
          additionalProperties: false,
          minProperties: 1,
          properties: {
            // In a merged snapshot: when this key's answers were taken, where it is not `capturedAt`.
            CapturedAt: WRITTEN_AT,
            KeyMetadata: KEY_METADATA,
            LastUsage: LAST_USAGE,
            Errors: { type: "array", items: CALL_ERROR, description: "a list of errors" },
            Trail: TRAIL,
          },
        },
      },
      aliases: {
        type: "object",
        description: "an object from alias ARN to key ARN",
        propertyNames: { pattern: ALIAS_ARN_PATTERN, description: "an alias ARN" },
        additionalProperties: KEY_ARN,
      },
      stacks: {
        type: "object",
        description: "an object keyed by StackName@region",
        propertyNames: {
          pattern: `^[^@]+@${REGION_PATTERN}$`,
          description: "a name of the form StackName@region",
        },
        additionalProperties: {
          type: "object",
          description: "a deployed stack: {account, resources: {LogicalId: physical id}, template}",
          required: ["resources"],
          properties: {
            account: {
              anyOf: [ACCOUNT_ID, { type: "null" }],
              description: "a 12-digit account id",
            },
            resources: {
              type: "object",
              description: "an object from logical id to physical id",
              additionalProperties: { type: "string", description: "a physical id" },
            },
            template: {},
          },
        },
      },
      inventory: INVENTORY,
    },
  };
}
