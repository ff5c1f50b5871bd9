/**
 * Compiles a rule's `when` into a closure, once. The raw condition has been
 * through the schema; anything the schema already reported is skipped
 * silently here, so each mistake is reported once.
 */
import { isJsonObject } from "../json-object.js";
import { type FactContext, type FactPath, factDefinition, isFactPath } from "./catalog.js";
import { compileOperator, isOperator } from "./operators.js";
import type { DataPath } from "./yaml-source.js";

/**
 * How deep conditions may nest. Hand-written rules nest a few levels; the
 * bound keeps recursion (here and in the schema validator) far from the stack
 * limit whatever the input.
 */
export const MAX_CONDITION_DEPTH = 32;

/** A compiled condition and the facts it reads. */
export interface CompiledCondition {
  test: (ctx: FactContext) => boolean;
  /**
   * Three-valued: `undefined` when the answer depends on a fact still `pending`
   * (Kleene logic: `all` is false as soon as one part is, `any` true as soon as
   * one part is). Lets the facts stage skip calls whose answer cannot matter.
   */
  decide: (ctx: FactContext, pending: (fact: FactPath) => boolean) => boolean | undefined;
  facts: ReadonlySet<FactPath>;
}

/** What the compiler needs from the loader: where to report, and what the schema already reported. */
export interface ConditionScope {
  report(path: DataPath, message: string): void;
  /** True when the schema reported an error at `path` or inside it. */
  hasSchemaError(path: DataPath): boolean;
}

function union(parts: readonly CompiledCondition[]): Set<FactPath> {
  return new Set(parts.flatMap((part) => [...part.facts]));
}

function compileList(
  kind: "all" | "any",
  raw: unknown,
  path: DataPath,
  scope: ConditionScope,
  depth: number,
): CompiledCondition | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  // Compile every branch, even after a failure, so all problems are reported.
  const parts = raw.map((item: unknown, index) =>
    compileCondition(item, [...path, index], scope, depth + 1),
  );
  if (parts.some((part) => part === null)) return null;
  const tests = (parts as CompiledCondition[]).map((part) => part.test);
  const decides = (parts as CompiledCondition[]).map((part) => part.decide);
  // `all` stops at a false part, `any` at a true one; an undecided part only decides if none does.
  const stop = kind !== "all";
  return {
    test:
      kind === "all"
        ? (ctx) => tests.every((test) => test(ctx))
        : (ctx) => tests.some((test) => test(ctx)),
    decide: (ctx, pending) => {
      let open = false;
      for (const decide of decides) {
        const answer = decide(ctx, pending);
        if (answer === stop) return stop;
        if (answer === undefined) open = true;
      }
      return open ? undefined : !stop;
    },
    facts: union(parts as CompiledCondition[]),
  };
}

function compileLeaf(
  raw: Record<string, unknown>,
  path: DataPath,
  scope: ConditionScope,
): CompiledCondition | null {
  if (scope.hasSchemaError(path)) return null;
  const fact = raw.fact;
  const operators = Object.keys(raw).filter((name) => name !== "fact");
  const [op] = operators;
  if (
    typeof fact !== "string" ||
    !isFactPath(fact) ||
    operators.length !== 1 ||
    op === undefined ||
    !isOperator(op)
  ) {
    return null;
  }
  const result = compileOperator(op, fact, raw[op]);
  if (!result.ok) {
    for (const problem of result.problems) {
      scope.report(
        problem.item === null ? [...path, op] : [...path, op, problem.item],
        problem.message,
      );
    }
    return null;
  }
  const { get } = factDefinition(fact);
  const test = result.test;
  return {
    test: (ctx) => test(get(ctx), ctx.now),
    decide: (ctx, pending) => (pending(fact) ? undefined : test(get(ctx), ctx.now)),
    facts: new Set([fact]),
  };
}

/**
 * Compiles a condition (`all`, `any`, `not`, or a fact test); null when it,
 * or anything inside it, is invalid (the problem is reported to `scope`, or
 * was already reported by the schema).
 */
export function compileCondition(
  raw: unknown,
  path: DataPath,
  scope: ConditionScope,
  depth = 0,
): CompiledCondition | null {
  if (depth > MAX_CONDITION_DEPTH) {
    scope.report(path, `conditions nest deeper than ${MAX_CONDITION_DEPTH} levels`);
    return null;
  }
  if (!isJsonObject(raw)) return null;
  if (Object.hasOwn(raw, "all")) return compileList("all", raw.all, [...path, "all"], scope, depth);
  if (Object.hasOwn(raw, "any")) return compileList("any", raw.any, [...path, "any"], scope, depth);
  if (Object.hasOwn(raw, "not")) {
    const inner = compileCondition(raw.not, [...path, "not"], scope, depth + 1);
    if (inner === null) return null;
    const { test, decide } = inner;
    return {
      test: (ctx) => !test(ctx),
      decide: (ctx, pending) => {
        const answer = decide(ctx, pending);
        return answer === undefined ? undefined : !answer;
      },
      facts: inner.facts,
    };
  }
  return compileLeaf(raw, path, scope);
}
