/**
 * Turns ajv's errors into messages a rules author can act on, each at a path
 * the loader maps to a line and column.
 */

import type { ErrorObject } from "ajv";
import { isJsonObject } from "../json-object.js";
import { showValue } from "../show.js";
import { FACT_PATHS } from "./catalog.js";
import { OPERATORS } from "./operators.js";
import { FACT_TEST_TITLE } from "./schema.js";
import { didYouMean } from "./suggest.js";
import type { DataPath } from "./yaml-source.js";

/** A schema violation, at the data (or the map key) it concerns. */
export interface SchemaProblem {
  path: DataPath;
  target: "value" | "key";
  message: string;
}

/** A JSON Pointer (ajv's `instancePath`) as path segments. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** Path segments as a JSON Pointer, to compare with ajv's `instancePath`. */
export function pathToPointer(path: DataPath): string {
  return path
    .map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

/** The data at a path; own properties only. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value)) value = value[Number(segment)];
    else if (isJsonObject(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  object: "a map",
  array: "a list",
  string: "a string",
  number: "a number",
  boolean: "true or false",
  integer: "a whole number",
  null: "null",
};

function propertyNames(schema: unknown): string[] {
  return isJsonObject(schema) && isJsonObject(schema.properties)
    ? Object.keys(schema.properties)
    : [];
}

function backquoted(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(", ");
}

/**
 * The `title` of the schema object the failing keyword belongs to. Titles,
 * not `schemaPath`s, identify the context: ajv inlines some `$ref`s, so a
 * schema path can be relative to a definition or to the root.
 */
function schemaTitle(error: ErrorObject): string | null {
  const schema = error.parentSchema;
  return isJsonObject(schema) && typeof schema.title === "string" ? schema.title : null;
}

function unknownProperty(error: ErrorObject, path: string[], property: string): string {
  if (schemaTitle(error) === FACT_TEST_TITLE) {
    return `unknown operator \`${property}\`${didYouMean(property, OPERATORS) || `; operators are ${backquoted(OPERATORS)}`}`;
  }
  const allowed = propertyNames(error.parentSchema);
  if (allowed.length === 1 && ["all", "any", "not"].includes(allowed[0] ?? "")) {
    return `\`${property}\` cannot stand beside \`${allowed[0]}\`: a condition is one of \`all\`, \`any\`, \`not\` or a fact test`;
  }
  const where = path.length === 0 ? "top-level key" : "property";
  return `unknown ${where} \`${property}\`${didYouMean(property, allowed) || (allowed.length > 0 ? `; expected ${backquoted(allowed)}` : "")}`;
}

/** "`field` " for a named field, "" for a list item or the root: how a message names what it is about. */
function named(path: readonly string[]): string {
  const field = path.at(-1);
  return field !== undefined && !/^\d+$/.test(field) ? `\`${field}\` ` : "";
}

function expects(path: readonly string[]): string {
  const name = named(path);
  return name === "" ? "expected" : `${name}expects`;
}

function leafOperators(leaf: unknown): string[] {
  return isJsonObject(leaf) ? Object.keys(leaf).filter((name) => name !== "fact") : [];
}

function patternMessage(error: ErrorObject, value: unknown): string {
  const field = error.instancePath.split("/").at(-1) ?? "";
  if (field === "olderThan" || field === "newerThan") {
    return `\`${field}\` needs a duration: a whole number and a unit m, h, d or w (like 90d); got ${showValue(value)}`;
  }
  if (field === "expires") return `\`expires\` needs a date YYYY-MM-DD; got ${showValue(value)}`;
  if (field === "rule")
    return `\`rule\` needs a kebab-case rule id or \`*\`; got ${showValue(value)}`;
  return `${showValue(value)} does not match ${String(error.params.pattern)}`;
}

/**
 * The message and place for one ajv error; null for errors that only repeat
 * another (`if` failing because its branch failed, the inner half of
 * `propertyNames`).
 */
export function describeSchemaError(error: ErrorObject, data: unknown): SchemaProblem | null {
  const path = pointerToPath(error.instancePath);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  const at = (
    message: string,
    more: DataPath = [],
    target: "value" | "key" = "value",
  ): SchemaProblem => ({
    path: [...path, ...more],
    target,
    message,
  });
  // Errors inside `propertyNames` repeat the `propertyNames` error itself.
  if (error.propertyName !== undefined && error.keyword !== "propertyNames") return null;
  switch (error.keyword) {
    case "if":
      return null;
    case "propertyNames": {
      const name = String(params.propertyName);
      return at(
        `rule id \`${name}\` must be kebab-case: lowercase words joined by "-", like \`unused-key\``,
        [name],
        "key",
      );
    }
    case "pattern":
      return at(patternMessage(error, value));
    case "additionalProperties": {
      const property = String(params.additionalProperty);
      return at(unknownProperty(error, path, property), [property], "key");
    }
    case "required": {
      const missing = String(params.missingProperty);
      if (schemaTitle(error) === FACT_TEST_TITLE) {
        return at(`a fact test needs \`fact\`; write \`fact: PATH\` beside the operator`);
      }
      return at(`missing \`${missing}\``);
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      if (path.at(-1) === "fact" && typeof value === "string") {
        return at(`unknown fact \`${value}\`${didYouMean(value, FACT_PATHS)}`);
      }
      const got = `got ${value === null || value === undefined ? "nothing" : `\`${typeof value === "string" ? value : showValue(value)}\``}`;
      const hint = typeof value === "string" ? didYouMean(value, allowed) : "";
      if (path.length === 2 && path[0] === "rules") {
        return at(
          `rule \`${path[1]}\` must be ${backquoted(allowed)} or a rule definition; ${got}${hint}`,
        );
      }
      return at(`${expects(path)} one of ${backquoted(allowed)}; ${got}${hint}`);
    }
    case "type": {
      const expected = String(params.type)
        .split(",")
        .map((type) => TYPE_WORDS[type] ?? type);
      return at(`${expects(path)} ${expected.join(" or ")}; got ${typeName(value)}`);
    }
    case "minItems":
      return at(
        params.limit === 1
          ? `${named(path)}must not be an empty list`
          : `${named(path)}needs at least ${String(params.limit)} items`,
      );
    case "minLength":
      return at(`${named(path)}must not be empty`);
    case "minimum":
      return at(`${named(path)}must be at least ${String(params.limit)}; got ${showValue(value)}`);
    case "maximum":
      return at(`${named(path)}must be at most ${String(params.limit)}; got ${showValue(value)}`);
    case "maxLength":
      return at(`${named(path)}is longer than ${String(params.limit)} characters`);
    case "minProperties":
      if (schemaTitle(error) === FACT_TEST_TITLE) {
        // Without `fact` the `required` error says it all.
        if (!isJsonObject(value) || !Object.hasOwn(value, "fact")) return null;
        return at(`a fact test needs an operator: one of ${backquoted(OPERATORS)}`);
      }
      return at(error.message ?? "has too few properties");
    case "maxProperties":
      if (schemaTitle(error) === FACT_TEST_TITLE) {
        const operators = leafOperators(value);
        return at(
          `a fact test has exactly one operator; found ${backquoted(operators)} (combine tests with \`all\` or \`any\`)`,
          operators.slice(1, 2),
          "key",
        );
      }
      return at(error.message ?? "has too many properties");
    default:
      return at(error.message ?? `fails schema keyword ${error.keyword}`);
  }
}
