/**
 * The JSON Schema of a rule test file (`*.test.yml`): cases of key facts and
 * the rules expected to fire. Like the rules schema, every object is closed,
 * so a misspelt fact is an error instead of a silently default value.
 */
import type { SchemaObject } from "ajv";
import {
  type ChangeAction,
  SEVERITIES,
  type SourceKind,
  type TrailStatus,
  type UsageStatus,
} from "../model.js";
import { branch, RULE_ID_PATTERN } from "./schema.js";

/** Key states as DescribeKey reports them (SPEC §4 `key.state`). */
export const KEY_STATES = [
  "Enabled",
  "Disabled",
  "PendingDeletion",
  "PendingReplicaDeletion",
  "PendingImport",
  "Creating",
  "Updating",
  "Unavailable",
] as const;

export const USAGE_STATUSES = [
  "used",
  "unused",
  "unknown",
  "unavailable",
] as const satisfies readonly UsageStatus[];

export const TRAIL_STATUSES = [
  "complete",
  "truncated",
  "unavailable",
] as const satisfies readonly TrailStatus[];

export const CHANGE_ACTIONS = [
  "create",
  "update",
  "delete",
  "replace",
  "orphan",
  "none",
] as const satisfies readonly ChangeAction[];

export const SOURCE_KINDS = [
  "terraform-plan",
  "terraform-state",
  "terraform-outputs",
  "cdk-assembly",
  "cdk-outputs",
  "cloudformation-template",
  "explicit",
] as const satisfies readonly SourceKind[];

const DATE = {
  type: "string",
  description: "An ISO 8601 date (2026-01-31) or a date-time with a zone.",
};
const DAYS = { type: "integer", minimum: 0 };

/** A closed object: every property optional unless `required`. */
function object(
  properties: Record<string, SchemaObject>,
  required: string[] = [],
  description?: string,
): SchemaObject {
  return {
    type: "object",
    additionalProperties: false,
    ...(required.length > 0 ? { required } : {}),
    properties,
    ...(description === undefined ? {} : { description }),
  };
}

/** A field that gives one fact, described by the fact it sets. */
function sets(schema: SchemaObject, path: string): SchemaObject {
  return { ...schema, description: `Sets \`${path}\`.` };
}

/** The rule-test-file schema (draft-07). A fresh object on every call. */
export function ruleTestsSchema(): SchemaObject {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "kms-usage-lint rule tests",
    ...object(
      {
        extends: {
          type: "array",
          minItems: 1,
          items: { type: "string", minLength: 1 },
          description:
            "The rules under test, as a rules file's extends: packs or paths relative to this file. Default: [recommended].",
        },
        now: {
          ...DATE,
          description:
            "The evaluation clock for every case (default: --now, else the time of the run).",
        },
        cases: {
          type: "array",
          minItems: 1,
          items: { $ref: "#/definitions/case" },
          description: "The test cases.",
        },
      },
      ["cases"],
    ),
    definitions: {
      case: object(
        {
          name: { type: "string", minLength: 1, description: "Names the case when it fails." },
          now: { ...DATE, description: "The evaluation clock for this case." },
          keys: {
            type: "array",
            minItems: 1,
            items: { $ref: "#/definitions/key" },
            description: "The keys the rules are evaluated over, together.",
          },
          expect: {
            type: "array",
            items: { $ref: "#/definitions/expectation" },
            description:
              "Exactly the rules that fire, over all keys: rule ids, or `rule-id: severity`. [] when none may fire.",
          },
        },
        ["name", "keys", "expect"],
      ),
      // A rule id, or a one-entry map `rule-id: severity`.
      expectation: branch(
        { type: "string" },
        { type: "string", pattern: RULE_ID_PATTERN },
        {
          type: "object",
          minProperties: 1,
          maxProperties: 1,
          propertyNames: { pattern: RULE_ID_PATTERN },
          additionalProperties: { enum: [...SEVERITIES] },
        },
      ),
      key: object(
        {
          address: {
            type: "string",
            minLength: 1,
            description:
              "The resource declaring the key, and the change's address (default aws_kms_key.keyN).",
          },
          arn: {
            type: ["string", "null"],
            description: "Sets `key.arn` (default: one per key); null for a key not created yet.",
          },
          region: {
            type: "string",
            minLength: 1,
            description: "Sets `key.region` (default: from the ARN, else us-east-1).",
          },
          account: {
            type: "string",
            minLength: 1,
            description: "Sets `key.account` (default: from the ARN, else 111122223333).",
          },
          aliases: sets(
            { type: "array", items: { type: "string", pattern: "^alias/" } },
            "key.aliases",
          ),
          key: object(
            {
              state: sets({ enum: [...KEY_STATES] }, "key.state"),
              enabled: sets({ type: "boolean" }, "key.enabled"),
              manager: sets({ enum: ["CUSTOMER", "AWS"] }, "key.manager"),
              spec: sets({ type: "string" }, "key.spec"),
              keyUsage: sets({ type: "string" }, "key.keyUsage"),
              origin: sets({ type: "string" }, "key.origin"),
              createdAt: sets(DATE, "key.createdAt"),
              ageDays: { ...DAYS, description: "Sets `key.createdAt` this many days before now." },
              deletionDate: sets(DATE, "key.deletionDate"),
              pendingWindowDays: sets(DAYS, "key.pendingWindowDays"),
              multiRegion: sets({ type: "boolean" }, "key.multiRegion"),
              multiRegionRole: sets({ enum: ["PRIMARY", "REPLICA"] }, "key.multiRegionRole"),
            },
            [],
            "DescribeKey facts (`key.*`); omit for a key AWS said nothing about.",
          ),
          usage: object(
            {
              status: sets({ enum: [...USAGE_STATUSES] }, "usage.status"),
              lastUsedAt: sets(DATE, "usage.lastUsedAt"),
              daysSinceLastUse: {
                ...DAYS,
                description: "Sets `usage.lastUsedAt` this many days before now.",
              },
              operation: sets({ type: "string" }, "usage.operation"),
              region: sets({ type: "string" }, "usage.region"),
              cloudTrailEventId: sets({ type: "string" }, "usage.cloudTrailEventId"),
              kmsRequestId: sets({ type: "string" }, "usage.kmsRequestId"),
              trackingStartDate: sets(DATE, "usage.trackingStartDate"),
              daysTracked: sets(DAYS, "usage.daysTracked"),
              reason: sets({ type: "string" }, "usage.reason"),
              members: {
                type: "array",
                items: { $ref: "#/definitions/member" },
                description:
                  "The members of a multi-Region set (arn, region, status, lastUsedAt or daysSinceLastUse, reason), for the record: the rules read the aggregate.",
              },
            },
            ["status"],
            "Usage as the rules see it (`usage.*`), aggregated over a multi-Region set; omit for none.",
          ),
          trail: object(
            {
              status: sets({ enum: [...TRAIL_STATUSES] }, "trail.status"),
              reason: sets({ type: "string", minLength: 1 }, "trail.reason"),
              windowDays: {
                type: "integer",
                minimum: 0,
                maximum: 90,
                description:
                  "Sets `trail.windowDays`: the lookup covered this many days back from now, at most 90 (the default: CloudTrail's Event history).",
              },
              failedUses: sets(DAYS, "trail.failedUses"),
              lastFailedUseAt: sets(DATE, "trail.lastFailedUseAt"),
              daysSinceLastFailedUse: {
                ...DAYS,
                description: "Sets `trail.lastFailedUseAt` this many days before now.",
              },
              lastFailedUseBy: sets({ type: "string", minLength: 1 }, "trail.lastFailedUseBy"),
              lastFailedUseOperation: sets(
                { type: "string", minLength: 1 },
                "trail.lastFailedUseOperation",
              ),
              lastFailedUseEventId: sets(
                { type: "string", minLength: 1 },
                "trail.lastFailedUseEventId",
              ),
              callers: sets(
                { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
                "trail.callers",
              ),
              disabledAt: sets(DATE, "trail.disabledAt"),
              daysDisabled: {
                ...DAYS,
                description:
                  "Sets `trail.disabledAt` (the latest DisableKey) this many days before now.",
              },
            },
            ["status"],
            "CloudTrail evidence (`trail.*`) as the rules see it; omit for a key whose trail was not asked for (`trail.status` null).",
          ),
          change: object(
            {
              action: sets({ enum: [...CHANGE_ACTIONS] }, "change.action"),
              source: sets({ enum: [...SOURCE_KINDS] }, "change.source"),
              address: sets({ type: "string", minLength: 1 }, "change.address"),
              deletionWindowDays: sets(DAYS, "change.deletionWindowDays"),
              disables: sets({ type: "boolean" }, "change.disables"),
              failure: sets({ type: "string" }, "change.failure"),
            },
            ["action"],
            "What the inputs say a change does to the key (`change.*`); omit for no change.",
          ),
          consumers: {
            ...DAYS,
            description: "How many other resources reference the key (and are not being deleted).",
          },
          references: {
            type: "array",
            items: object(
              {
                kind: { enum: ["key", "alias", "consumer", "output"] },
                address: { type: ["string", "null"] },
                source: { enum: [...SOURCE_KINDS] },
                action: { enum: [...CHANGE_ACTIONS, null] },
              },
              ["kind"],
            ),
            description:
              "More references (kind, address, source, action), beyond the declaring resource and `consumers`.",
          },
        },
        [],
        "One key's facts; what is not given is unknown (null).",
      ),
      member: object(
        {
          arn: { type: "string" },
          region: { type: "string" },
          status: { enum: [...USAGE_STATUSES] },
          lastUsedAt: DATE,
          daysSinceLastUse: DAYS,
          reason: { type: "string" },
        },
        ["status"],
        "One key of a multi-Region set; kept for the record, the rules read the aggregate.",
      ),
    },
  };
}
