/**
 * Condition operators (SPEC §4): each checks its value against the fact's type
 * once, at load, and compiles to a predicate over the fact value. A comparison
 * with a null fact is false; only `exists` looks at null.
 */

import { showValue } from "../show.js";
import { parseIsoValue } from "../time.js";
import { type FactPath, type FactType, type FactValue, factDefinition } from "./catalog.js";
import { regexProblem } from "./regex-safety.js";
import { parseDuration } from "./values.js";

/** Every operator, in the order the docs list them. */
export const OPERATORS = [
  "equals",
  "notEquals",
  "in",
  "notIn",
  "lessThan",
  "lessThanOrEqual",
  "greaterThan",
  "greaterThanOrEqual",
  "exists",
  "matches",
  "contains",
  "olderThan",
  "newerThan",
] as const;

export type Operator = (typeof OPERATORS)[number];

/** True when `name` is an operator (own list only: not `constructor`). */
export function isOperator(name: string): name is Operator {
  return (OPERATORS as readonly string[]).includes(name);
}

/** A compiled leaf test: the fact value (or null) and the evaluation clock. */
export type ValueTest = (value: FactValue | null, now: Date) => boolean;

/** Why an operator's value does not fit; `item` is the list index when one item is at fault. */
export interface OperatorProblem {
  item: number | null;
  message: string;
}

export type OperatorResult =
  | { ok: true; test: ValueTest }
  | { ok: false; problems: OperatorProblem[] };

/** A fact value reduced to something `===` compares correctly (dates as epoch ms). */
type Scalar = string | number | boolean;

const ARTICLE: Record<FactType, string> = {
  string: "a string",
  "string[]": "a list of strings",
  number: "a number",
  boolean: "a boolean",
  date: "a date",
};

const DATE_FORMAT =
  "an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z)";

/** "`lessThan` on `usage.daysSinceLastUse`": how a message names the leaf. */
function on(op: Operator, fact: FactPath): string {
  return `\`${op}\` on \`${fact}\``;
}

/** "`key.state` is a string". */
function is(fact: FactPath, type: FactType): string {
  return `\`${fact}\` is ${ARTICLE[type]}`;
}

function fail(message: string, item: number | null = null): OperatorResult {
  return { ok: false, problems: [{ item, message }] };
}

/** A fact value as a comparable scalar; dates become epoch ms, lists have none. */
function comparable(value: FactValue): Scalar | null {
  if (value instanceof Date) return value.getTime();
  return Array.isArray(value) ? null : (value as Scalar);
}

/** Reads a written literal as a comparable scalar for a fact type, or explains why it cannot be one. */
function literal(
  type: FactType,
  value: unknown,
): { ok: true; scalar: Scalar } | { ok: false; message: string } {
  switch (type) {
    case "string":
      if (typeof value === "string") return { ok: true, scalar: value };
      return {
        ok: false,
        message: `needs a string; got ${showValue(value)}${typeof value === "number" || typeof value === "boolean" ? ` (quote it: "${value}")` : ""}`,
      };
    case "number":
      if (typeof value === "number" && Number.isFinite(value)) return { ok: true, scalar: value };
      return { ok: false, message: `needs a number; got ${showValue(value)}` };
    case "boolean":
      if (typeof value === "boolean") return { ok: true, scalar: value };
      return { ok: false, message: `needs true or false; got ${showValue(value)}` };
    case "date": {
      const ms = typeof value === "string" ? parseIsoValue(value) : null;
      if (ms !== null) return { ok: true, scalar: ms };
      return { ok: false, message: `needs ${DATE_FORMAT}; got ${showValue(value)}` };
    }
    case "string[]":
      return { ok: false, message: "cannot compare a list; use `contains` to test for a member" };
  }
}

function compileEquality(
  op: "equals" | "notEquals",
  fact: FactPath,
  type: FactType,
  value: unknown,
): OperatorResult {
  const parsed = literal(type, value);
  if (!parsed.ok) return fail(`${on(op, fact)} ${parsed.message}`);
  const expected = parsed.scalar;
  const negate = op === "notEquals";
  return {
    ok: true,
    test: (v) => v !== null && (comparable(v) === expected) !== negate,
  };
}

function compileMembership(
  op: "in" | "notIn",
  fact: FactPath,
  type: FactType,
  value: unknown,
): OperatorResult {
  if (!Array.isArray(value))
    return fail(`${on(op, fact)} needs a list of values; got ${showValue(value)}`);
  const problems: OperatorProblem[] = [];
  const members = new Set<Scalar>();
  value.forEach((item: unknown, index) => {
    const parsed = literal(type, item);
    if (parsed.ok) members.add(parsed.scalar);
    else
      problems.push({
        item: type === "string[]" ? null : index,
        message: `${on(op, fact)} ${parsed.message}`,
      });
  });
  if (problems.length > 0)
    return { ok: false, problems: type === "string[]" ? problems.slice(0, 1) : problems };
  const negate = op === "notIn";
  return {
    ok: true,
    test: (v) => {
      if (v === null) return false;
      const scalar = comparable(v);
      return scalar !== null && members.has(scalar) !== negate;
    },
  };
}

type Ordering = "lessThan" | "lessThanOrEqual" | "greaterThan" | "greaterThanOrEqual";

const ORDER: Record<Ordering, (a: number, b: number) => boolean> = {
  lessThan: (a, b) => a < b,
  lessThanOrEqual: (a, b) => a <= b,
  greaterThan: (a, b) => a > b,
  greaterThanOrEqual: (a, b) => a >= b,
};

function compileOrdering(
  op: Ordering,
  fact: FactPath,
  type: FactType,
  value: unknown,
): OperatorResult {
  if (type !== "number" && type !== "date") {
    return fail(`\`${op}\` compares numbers and dates; ${is(fact, type)}`);
  }
  const parsed = literal(type, value);
  if (!parsed.ok) return fail(`${on(op, fact)} ${parsed.message}`);
  const bound = parsed.scalar as number;
  const holds = ORDER[op];
  return {
    ok: true,
    test: (v) => {
      const scalar = v === null ? null : comparable(v);
      return typeof scalar === "number" && holds(scalar, bound);
    },
  };
}

function compileExists(fact: FactPath, value: unknown): OperatorResult {
  if (typeof value !== "boolean")
    return fail(`${on("exists", fact)} needs true or false; got ${showValue(value)}`);
  return { ok: true, test: (v) => (v !== null) === value };
}

function compileMatches(fact: FactPath, type: FactType, value: unknown): OperatorResult {
  if (type !== "string" && type !== "string[]") {
    return fail(`\`matches\` tests strings and lists of strings; ${is(fact, type)}`);
  }
  if (typeof value !== "string") {
    return fail(
      `${on("matches", fact)} needs a regular expression string; got ${showValue(value)}`,
    );
  }
  const problem = regexProblem(value);
  if (problem !== null) return fail(problem);
  const pattern = new RegExp(value);
  return {
    ok: true,
    // On a list, any member matching is enough (`key.aliases matches ^alias/prod`).
    test: (v) =>
      typeof v === "string"
        ? pattern.test(v)
        : Array.isArray(v) && v.some((member) => pattern.test(member)),
  };
}

function compileContains(fact: FactPath, type: FactType, value: unknown): OperatorResult {
  if (type !== "string" && type !== "string[]") {
    return fail(`\`contains\` tests strings and lists of strings; ${is(fact, type)}`);
  }
  if (typeof value !== "string")
    return fail(`${on("contains", fact)} needs a string; got ${showValue(value)}`);
  return {
    ok: true,
    test: (v) =>
      typeof v === "string" ? v.includes(value) : Array.isArray(v) && v.includes(value),
  };
}

function compileAge(
  op: "olderThan" | "newerThan",
  fact: FactPath,
  type: FactType,
  value: unknown,
): OperatorResult {
  if (type !== "date") return fail(`\`${op}\` tests dates; ${is(fact, type)}`);
  const ms = typeof value === "string" ? parseDuration(value) : null;
  if (ms === null) {
    return fail(
      `${on(op, fact)} needs a duration: a whole number and a unit m, h, d or w (like 90d); got ${showValue(value)}`,
    );
  }
  const older = op === "olderThan";
  return {
    ok: true,
    test: (v, now) => {
      if (!(v instanceof Date)) return false;
      const cutoff = now.getTime() - ms;
      return older ? v.getTime() < cutoff : v.getTime() > cutoff;
    },
  };
}

/** Checks `value` against the fact's type and compiles the operator. */
export function compileOperator(op: Operator, fact: FactPath, value: unknown): OperatorResult {
  const { type } = factDefinition(fact);
  switch (op) {
    case "equals":
    case "notEquals":
      return compileEquality(op, fact, type, value);
    case "in":
    case "notIn":
      return compileMembership(op, fact, type, value);
    case "lessThan":
    case "lessThanOrEqual":
    case "greaterThan":
    case "greaterThanOrEqual":
      return compileOrdering(op, fact, type, value);
    case "exists":
      return compileExists(fact, value);
    case "matches":
      return compileMatches(fact, type, value);
    case "contains":
      return compileContains(fact, type, value);
    case "olderThan":
    case "newerThan":
      return compileAge(op, fact, type, value);
  }
}
