/**
 * Reading a rules or rule test file up to its validated data (STYLE 3 "Parse,
 * validate, compile"): the size check, the YAML parse, and one JSON Schema
 * validator per schema for both the loader and the test runner, compiled at build
 * time (scripts/validators.ts): compiling them took a fifth of a second of every run.
 */
import type { ErrorObject } from "ajv";
import type { RulesProblem } from "./errors.js";
import {
  validateRules as rules,
  validateRuleTests as tests,
  type Validator,
} from "./validators.generated.js";
import { type ParsedYaml, parseYaml } from "./yaml-source.js";

/** Rules files are hand-written and a few kilobytes; anything over 1 MB is a mistake or an attack. */
export const MAX_RULES_FILE_BYTES = 1024 * 1024;

/**
 * The parsed YAML of a rules or rule test file (`what` names it in messages);
 * null when it is too large or not YAML, with the problems added to `problems`.
 */
export function parseRulesText(
  text: string,
  file: string,
  what: "rules file" | "rule test file",
  problems: RulesProblem[],
): ParsedYaml | null {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_RULES_FILE_BYTES) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: `${what} is ${bytes} bytes; the limit is ${MAX_RULES_FILE_BYTES} (1 MB)`,
    });
    return null;
  }
  const result = parseYaml(text);
  if (!result.ok) {
    problems.push(...result.problems.map((problem) => ({ file, ...problem })));
    return null;
  }
  return result.parsed;
}

/** Every error of a rules file's data against the rules schema; empty when it is valid. */
export function validateRules(data: unknown): ErrorObject[] {
  return errorsOf(rules, data);
}

/** Every error of a rule test file's data against the rule tests schema; empty when it is valid. */
export function validateRuleTests(data: unknown): ErrorObject[] {
  return errorsOf(tests, data);
}

function errorsOf(validator: Validator, data: unknown): ErrorObject[] {
  return validator(data) ? [] : (validator.errors ?? []);
}
