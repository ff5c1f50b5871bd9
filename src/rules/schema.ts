/**
 * The JSON Schema of a rules file (SPEC §4), built from the fact catalog and
 * the operator list so the `fact` enum can never drift from what the engine
 * knows. `kms-usage-lint rules --schema` prints it for editors.
 *
 * Conditions are discriminated with `if`/`then` rather than `oneOf`, so a
 * mistake deep in a condition gives one error at its place, not one per branch.
 * `additionalProperties: false` everywhere: a misspelt key is an error.
 */
import type { SchemaObject } from "ajv";
import { SEVERITIES } from "../model.js";
import { FACT_PATHS } from "./catalog.js";
import { OPERATORS, type Operator } from "./operators.js";
import { MAX_PATTERN_LENGTH } from "./regex-safety.js";
import { DURATION_PATTERN } from "./values.js";

/** Rule ids are kebab-case, like ESLint's and markdownlint's. */
export const RULE_ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

/** `expires` in an ignore entry: a calendar date. */
export const EXPIRES_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/**
 * Longest `key` of an ignore entry. Key ARNs are about 100 characters and
 * deeply nested module addresses a few hundred; the bound keeps glob matching
 * (pattern length × name length) cheap whatever a pull request writes.
 */
export const MAX_IGNORE_KEY_LENGTH = 1000;

/** The title of a leaf condition's schema; error messages use it to recognise the context. */
export const FACT_TEST_TITLE = "fact test";

const SCALAR = { type: ["string", "number", "boolean"] };

/** The shape of each operator's value; type fit against the fact is checked by the loader. */
const OPERATOR_VALUES: Record<Operator, SchemaObject> = {
  equals: { ...SCALAR, description: "The fact equals this value." },
  notEquals: { ...SCALAR, description: "The fact is known and differs from this value." },
  in: {
    type: "array",
    minItems: 1,
    items: SCALAR,
    description: "The fact is one of these values.",
  },
  notIn: {
    type: "array",
    minItems: 1,
    items: SCALAR,
    description: "The fact is known and none of these values.",
  },
  lessThan: { type: ["number", "string"], description: "A number, or an ISO date for date facts." },
  lessThanOrEqual: {
    type: ["number", "string"],
    description: "A number, or an ISO date for date facts.",
  },
  greaterThan: {
    type: ["number", "string"],
    description: "A number, or an ISO date for date facts.",
  },
  greaterThanOrEqual: {
    type: ["number", "string"],
    description: "A number, or an ISO date for date facts.",
  },
  exists: { type: "boolean", description: "true: the fact is known; false: it is null." },
  matches: {
    type: "string",
    minLength: 1,
    maxLength: MAX_PATTERN_LENGTH,
    description:
      "A regular expression (unanchored) the string, or any member of the list, matches.",
  },
  contains: { type: "string", description: "A list member, or a substring of a string fact." },
  olderThan: {
    type: "string",
    pattern: DURATION_PATTERN,
    description: "The date is before now minus this duration (30m, 12h, 90d, 2w).",
  },
  newerThan: {
    type: "string",
    pattern: DURATION_PATTERN,
    description: "The date is after now minus this duration (30m, 12h, 90d, 2w).",
  },
};

/** `if`/`then`/`else`: validate with `then` where `if` holds, else with `otherwise`. */
export function branch(
  condition: SchemaObject,
  then: SchemaObject,
  otherwise: SchemaObject,
): SchemaObject {
  // Built in one place: `then` here is JSON Schema's keyword, never a thenable.
  return { if: condition, then, else: otherwise };
}

function combinator(name: "all" | "any"): SchemaObject {
  return {
    type: "object",
    additionalProperties: false,
    required: [name],
    properties: {
      [name]: { type: "array", minItems: 1, items: { $ref: "#/definitions/condition" } },
    },
  };
}

/** The rules-file schema (draft-07). A fresh object on every call. */
export function rulesSchema(): SchemaObject {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "kms-usage-lint rules file",
    type: "object",
    additionalProperties: false,
    properties: {
      extends: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description:
          "Built-in rule packs (e.g. recommended) or rules files (paths starting with ./ or ../, or ending in .yml/.yaml, relative to this file) to start from, in order.",
      },
      rules: {
        type: "object",
        propertyNames: { pattern: RULE_ID_PATTERN },
        additionalProperties: { $ref: "#/definitions/ruleSetting" },
        description:
          "Rule id → off, a severity (re-levels an inherited rule) or a rule definition.",
      },
      ignore: {
        type: "array",
        items: { $ref: "#/definitions/ignore" },
        description: "Findings to suppress, with a reason.",
      },
    },
    definitions: {
      ruleSetting: branch(
        { not: { type: "object" } },
        { enum: ["off", ...SEVERITIES] },
        { $ref: "#/definitions/rule" },
      ),
      rule: {
        type: "object",
        additionalProperties: false,
        required: ["severity", "description", "when", "message"],
        properties: {
          severity: { enum: [...SEVERITIES] },
          description: { type: "string", minLength: 1 },
          help: { type: "string" },
          when: { $ref: "#/definitions/condition" },
          message: {
            type: "string",
            minLength: 1,
            description: "A template: {{fact.path}} inserts a fact.",
          },
        },
      },
      condition: {
        type: "object",
        ...branch(
          { type: "object", required: ["all"] },
          { $ref: "#/definitions/all" },
          branch(
            { type: "object", required: ["any"] },
            { $ref: "#/definitions/any" },
            branch(
              { type: "object", required: ["not"] },
              { $ref: "#/definitions/not" },
              { $ref: "#/definitions/leaf" },
            ),
          ),
        ),
      },
      all: combinator("all"),
      any: combinator("any"),
      not: {
        type: "object",
        additionalProperties: false,
        required: ["not"],
        properties: { not: { $ref: "#/definitions/condition" } },
      },
      leaf: {
        title: FACT_TEST_TITLE,
        type: "object",
        additionalProperties: false,
        required: ["fact"],
        // `fact` and exactly one operator.
        minProperties: 2,
        maxProperties: 2,
        properties: {
          fact: { enum: [...FACT_PATHS] },
          ...Object.fromEntries(OPERATORS.map((op) => [op, OPERATOR_VALUES[op]])),
        },
      },
      ignore: {
        // Validated and returned by the loader; ignore.ts applies them.
        type: "object",
        additionalProperties: false,
        required: ["rule", "key", "reason"],
        properties: {
          rule: { type: "string", pattern: `^(\\*|${RULE_ID_PATTERN.slice(1, -1)})$` },
          key: {
            type: "string",
            minLength: 1,
            maxLength: MAX_IGNORE_KEY_LENGTH,
            description:
              "Key ARN, key id, alias name, or resource address; * matches any run of characters and ? one (module.legacy.*).",
          },
          reason: {
            type: "string",
            minLength: 1,
            description:
              "Why the finding is accepted; kept with the suppressed finding in the report.",
          },
          expires: {
            type: "string",
            pattern: EXPIRES_PATTERN,
            description:
              "YYYY-MM-DD: the ignore applies until this date (00:00 UTC) and not from then on; an expired ignore is reported with a warning.",
          },
        },
      },
    },
  };
}
