/**
 * The rule engine's own types: what the loader takes and what it produces.
 * The evaluator sees only compiled rules, never raw YAML.
 */
import type { Severity } from "../model.js";
import type { FactContext, FactPath } from "./catalog.js";

/** One rules file: its name (for messages) and its text. The caller does the reading. */
export interface RulesFileInput {
  file: string;
  text: string;
  /**
   * `text`'s YAML as data, when it was parsed at build time (the built-in packs);
   * absent: `text` is parsed on loading.
   */
  data?: unknown;
}

/**
 * An `ignore` entry as written, with where it was written. The loader
 * validates and returns these; ignore.ts applies them (and warns about
 * expired and stale ones).
 */
export interface RawIgnore {
  /** A rule id, or `*` for every rule. */
  rule: string;
  /** Key ARN, key id, alias, or resource address; `*` and `?` are wildcards. */
  key: string;
  reason: string;
  /** `YYYY-MM-DD` (applies until 00:00 UTC that day), or null when the ignore never expires. */
  expires: string | null;
  file: string;
  line: number;
}

/** A rule ready to evaluate. */
export interface CompiledRule {
  id: string;
  severity: Severity;
  description: string;
  help: string | null;
  /** The pack name or the rules file that defined the rule (last definition wins). */
  source: string;
  test: (ctx: FactContext) => boolean;
  /** As `test`, but `undefined` when the outcome depends on a fact still pending (see CompiledCondition). */
  decide: (ctx: FactContext, pending: (fact: FactPath) => boolean) => boolean | undefined;
  render: (ctx: FactContext) => string;
  /** The facts the condition reads, sorted: the facts stage can skip what no rule needs. */
  factPaths: FactPath[];
}

/** Every enabled rule (sorted by id) and every ignore entry. */
export interface RuleSet {
  rules: CompiledRule[];
  ignores: RawIgnore[];
}
