/** Helpers to compile rules from data in tests. */
import { stringify } from "yaml";
import type { KeySubject } from "../../src/model.js";
import { loadRules, RulesError } from "../../src/rules/load.js";
import type { CompiledRule, RulesFileInput } from "../../src/rules/types.js";
import { contextOf, NOW } from "./subject-builder.js";

/** A rules file with one rule `test-rule` whose condition is `when`. */
export function ruleWith(when: unknown, message = "fired"): CompiledRule {
  const text = stringify({
    rules: { "test-rule": { severity: "error", description: "test", when, message } },
  });
  const [rule] = loadRules([{ file: "test.yml", text }], {}).rules;
  if (!rule) throw new Error("no rule compiled");
  return rule;
}

/** Whether a condition holds for a subject at the pinned clock (or `now`). */
export function holds(when: unknown, subject: KeySubject, now: Date = NOW): boolean {
  return ruleWith(when).test(contextOf(subject, now));
}

/** The problems loading a file reports, as `file:line:column: message` lines; [] when it loads. */
export function problemsOf(
  text: string,
  packs: Record<string, RulesFileInput[]> = {},
  file = "rules.yml",
): string[] {
  try {
    loadRules([{ file, text }], packs);
    return [];
  } catch (error) {
    if (error instanceof RulesError) return error.message.split("\n");
    throw error;
  }
}
