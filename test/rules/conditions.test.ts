import { describe, expect, it } from "vitest";
import type { KeySubject } from "../../src/model.js";
import { holds, ruleWith } from "./rule-helpers.js";
import { daysAgo, makePlannedSubject, makeSubject, NOW } from "./subject-builder.js";

/** [what, condition, subject, expected] */
type Row = [string, unknown, KeySubject, boolean];

const used = makeSubject();
const unused = makeSubject({ usage: { status: "unused", lastUsedAt: null } });
const planned = makePlannedSubject();
const created = (createdAt: string) => makeSubject({ key: { createdAt } });

const operatorRows: Row[] = [
  ["equals string, same", { fact: "usage.status", equals: "used" }, used, true],
  ["equals string, other", { fact: "usage.status", equals: "used" }, unused, false],
  [
    "equals number",
    { fact: "change.deletionWindowDays", equals: 7 },
    makeSubject({ change: {} }),
    true,
  ],
  ["equals boolean", { fact: "key.enabled", equals: true }, used, true],
  ["equals boolean false", { fact: "key.enabled", equals: false }, used, false],
  ["equals date, as an instant", { fact: "key.createdAt", equals: "2025-01-01" }, used, true],
  [
    "equals date-time with offset",
    { fact: "key.createdAt", equals: "2025-01-01T02:00:00+02:00" },
    used,
    true,
  ],
  ["notEquals, different", { fact: "usage.status", notEquals: "unused" }, used, true],
  ["notEquals, same", { fact: "usage.status", notEquals: "used" }, used, false],
  ["in, member", { fact: "usage.status", in: ["unused", "used"] }, used, true],
  ["in, not a member", { fact: "usage.status", in: ["unused", "unknown"] }, used, false],
  ["in, numbers", { fact: "key.ageDays", in: [1, 696] }, used, true],
  ["notIn, not a member", { fact: "usage.status", notIn: ["unused", "unknown"] }, used, true],
  ["notIn, member", { fact: "usage.status", notIn: ["used"] }, used, false],
  ["lessThan, below", { fact: "usage.daysSinceLastUse", lessThan: 4 }, used, true],
  ["lessThan, equal", { fact: "usage.daysSinceLastUse", lessThan: 3 }, used, false],
  ["lessThanOrEqual, equal", { fact: "usage.daysSinceLastUse", lessThanOrEqual: 3 }, used, true],
  ["lessThanOrEqual, above", { fact: "usage.daysSinceLastUse", lessThanOrEqual: 2 }, used, false],
  ["greaterThan, above", { fact: "usage.daysSinceLastUse", greaterThan: 2 }, used, true],
  ["greaterThan, equal", { fact: "usage.daysSinceLastUse", greaterThan: 3 }, used, false],
  [
    "greaterThanOrEqual, equal",
    { fact: "usage.daysSinceLastUse", greaterThanOrEqual: 3 },
    used,
    true,
  ],
  [
    "greaterThanOrEqual, below",
    { fact: "usage.daysSinceLastUse", greaterThanOrEqual: 4 },
    used,
    false,
  ],
  ["lessThan on a date", { fact: "key.createdAt", lessThan: "2025-06-01" }, used, true],
  [
    "greaterThan on a date-time",
    { fact: "key.createdAt", greaterThan: "2024-12-31T23:59:59Z" },
    used,
    true,
  ],
  [
    "greaterThanOrEqual on the same instant",
    { fact: "key.createdAt", greaterThanOrEqual: "2025-01-01T00:00:00Z" },
    used,
    true,
  ],
  ["lessThan on now", { fact: "now", lessThan: "2027-01-01" }, used, true],
  ["exists true, known", { fact: "usage.lastUsedAt", exists: true }, used, true],
  ["exists true, null", { fact: "usage.lastUsedAt", exists: true }, unused, false],
  ["exists false, null", { fact: "usage.lastUsedAt", exists: false }, unused, true],
  ["exists false, known", { fact: "usage.lastUsedAt", exists: false }, used, false],
  [
    "exists on an empty list",
    { fact: "key.aliases", exists: true },
    makeSubject({ aliases: [] }),
    true,
  ],
  ["matches a string (unanchored)", { fact: "key.arn", matches: "key/1234" }, used, true],
  ["matches, anchored, no match", { fact: "key.arn", matches: "^key/" }, used, false],
  [
    "matches any list member",
    { fact: "key.aliases", matches: "^alias/prod-" },
    makeSubject({ aliases: ["alias/x", "alias/prod-db"] }),
    true,
  ],
  ["matches no list member", { fact: "key.aliases", matches: "^alias/prod-" }, used, false],
  ["contains a list member", { fact: "key.aliases", contains: "alias/app" }, used, true],
  ["contains is whole-member on lists", { fact: "key.aliases", contains: "alias/ap" }, used, false],
  ["contains a substring", { fact: "usage.operation", contains: "crypt" }, used, true],
  ["contains, no substring", { fact: "usage.operation", contains: "Sign" }, used, false],
  ["olderThan 90d, older", { fact: "key.createdAt", olderThan: "90d" }, created(daysAgo(91)), true],
  [
    "olderThan 90d, newer",
    { fact: "key.createdAt", olderThan: "90d" },
    created(daysAgo(89)),
    false,
  ],
  [
    "olderThan 90d, exactly 90d",
    { fact: "key.createdAt", olderThan: "90d" },
    created(daysAgo(90)),
    false,
  ],
  [
    "newerThan 90d, exactly 90d",
    { fact: "key.createdAt", newerThan: "90d" },
    created(daysAgo(90)),
    false,
  ],
  [
    "newerThan 12h, 11h old",
    { fact: "usage.lastUsedAt", newerThan: "12h" },
    makeSubject({ usage: { lastUsedAt: daysAgo(11 / 24) } }),
    true,
  ],
  [
    "newerThan 12h, 13h old",
    { fact: "usage.lastUsedAt", newerThan: "12h" },
    makeSubject({ usage: { lastUsedAt: daysAgo(13 / 24) } }),
    false,
  ],
  [
    "olderThan 2w, 15 days",
    { fact: "usage.lastUsedAt", olderThan: "2w" },
    makeSubject({ usage: { lastUsedAt: daysAgo(15) } }),
    true,
  ],
  [
    "olderThan 2w, 13 days",
    { fact: "usage.lastUsedAt", olderThan: "2w" },
    makeSubject({ usage: { lastUsedAt: daysAgo(13) } }),
    false,
  ],
  [
    "newerThan 30m, 29 minutes",
    { fact: "usage.lastUsedAt", newerThan: "30m" },
    makeSubject({ usage: { lastUsedAt: daysAgo(29 / 1440) } }),
    true,
  ],
  ["olderThan 0d, any past date", { fact: "key.createdAt", olderThan: "0d" }, used, true],
];

const nullRows: Row[] = [
  ["equals on null", { fact: "usage.status", equals: "used" }, planned, false],
  ["notEquals on null", { fact: "usage.status", notEquals: "used" }, planned, false],
  ["in on null", { fact: "usage.status", in: ["used"] }, planned, false],
  ["notIn on null", { fact: "usage.status", notIn: ["used"] }, planned, false],
  ["lessThan on null", { fact: "usage.daysSinceLastUse", lessThan: 1000 }, planned, false],
  [
    "greaterThanOrEqual on null",
    { fact: "usage.daysSinceLastUse", greaterThanOrEqual: 0 },
    planned,
    false,
  ],
  ["matches on null", { fact: "key.arn", matches: ".*" }, planned, false],
  ["contains on null", { fact: "usage.operation", contains: "" }, planned, false],
  ["olderThan on null", { fact: "usage.lastUsedAt", olderThan: "1d" }, planned, false],
  ["newerThan on null", { fact: "usage.lastUsedAt", newerThan: "1000w" }, planned, false],
  ["exists on null", { fact: "usage.status", exists: true }, planned, false],
  ["not exists on null", { fact: "usage.status", exists: false }, planned, true],
  ["not of a comparison on null", { not: { fact: "usage.status", equals: "used" } }, planned, true],
  ["not of notEquals on null", { not: { fact: "usage.status", notEquals: "used" } }, planned, true],
];

const yes = { fact: "usage.status", equals: "used" };
const no = { fact: "usage.status", equals: "unused" };

const combinatorRows: Row[] = [
  ["all, every branch holds", { all: [yes, yes] }, used, true],
  ["all, one fails", { all: [yes, no] }, used, false],
  ["all of one", { all: [yes] }, used, true],
  ["any, one holds", { any: [no, yes] }, used, true],
  ["any, none holds", { any: [no, no] }, used, false],
  ["not of true", { not: yes }, used, false],
  ["not of false", { not: no }, used, true],
  ["not not", { not: { not: yes } }, used, true],
  ["all inside any", { any: [no, { all: [yes, { not: no }] }] }, used, true],
  ["any inside all, failing", { all: [yes, { any: [no, { not: yes }] }] }, used, false],
  ["not of any", { not: { any: [no, no] } }, used, true],
  ["not of all", { not: { all: [yes, no] } }, used, true],
  [
    "deleting a recently used key (SPEC §5 shape)",
    {
      all: [
        { fact: "change.action", in: ["delete", "replace"] },
        { fact: "usage.lastUsedAt", newerThan: "90d" },
      ],
    },
    makeSubject({ change: { action: "replace" } }),
    true,
  ],
  [
    "no usage rule fires on a planned key",
    {
      all: [
        { fact: "change.action", in: ["create"] },
        { fact: "usage.status", equals: "unused" },
      ],
    },
    planned,
    false,
  ],
];

describe("operators", () => {
  it.each(operatorRows)("%s", (_, when, subject, expected) => {
    expect(holds(when, subject)).toBe(expected);
  });
});

describe("null facts", () => {
  it.each(nullRows)("%s", (_, when, subject, expected) => {
    expect(holds(when, subject)).toBe(expected);
  });
});

describe("combinators", () => {
  it.each(combinatorRows)("%s", (_, when, subject, expected) => {
    expect(holds(when, subject)).toBe(expected);
  });
});

describe("the clock", () => {
  it("compares durations against the evaluation time, not the load time", () => {
    const rule = ruleWith({ fact: "usage.lastUsedAt", newerThan: "7d" });
    const subject = makeSubject({ usage: { lastUsedAt: "2026-11-25T00:00:00Z" } });
    expect(rule.test({ subject, now: NOW })).toBe(true);
    expect(rule.test({ subject, now: new Date("2026-12-10T00:00:00Z") })).toBe(false);
  });

  it("lists the facts a condition reads, sorted and once each", () => {
    const rule = ruleWith({
      all: [
        yes,
        { not: { fact: "change.action", exists: true } },
        { any: [no, { fact: "key.ageDays", greaterThan: 1 }] },
      ],
    });
    expect(rule.factPaths).toEqual(["change.action", "key.ageDays", "usage.status"]);
  });
});
