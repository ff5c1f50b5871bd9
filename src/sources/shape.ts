/**
 * Refusing input of the wrong shape (SPEC §10: a gate fails closed). Every
 * entry of an input that could describe a KMS key, an alias or a consumer
 * either reads or stops the run with exit 2, naming the file, the JSON path,
 * what was expected and what was found:
 * `plan.json: resource_changes[3].change.actions: expected a list of action names, got "delete"`.
 * Skipping such an entry with a warning would let the deletion of a used key
 * pass unchecked.
 */
import { InputError } from "../model.js";
import { clip, isJsonObject, type JsonObject } from "./json.js";

// A short list of scalars is shown as JSON; anything bigger by its size.
const MAX_ECHO_ITEMS = 4;

const IDENTIFIER_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * `parent.key`, or `parent["key"]` for a key that is not an identifier, or
 * `parent[3]`: the JSON path notation of every message here.
 */
export function pathTo(parent: string, step: string | number): string {
  if (typeof step === "number") return `${parent}[${step}]`;
  if (!IDENTIFIER_RE.test(step)) return `${parent}[${clip(JSON.stringify(step))}]`;
  return parent === "" ? step : `${parent}.${step}`;
}

/**
 * What was found, for "expected …, got …": a scalar as JSON (escaped, so no
 * control character reaches the terminal), a container by its kind.
 */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (value.length === 0) return "an empty list";
    if (value.length <= MAX_ECHO_ITEMS && value.every(isScalar)) {
      return clip(JSON.stringify(value));
    }
    return value.length === 1 ? "a list of one item" : `a list of ${value.length} items`;
  }
  if (typeof value === "object") return "an object";
  return clip(JSON.stringify(value) ?? String(value));
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

/**
 * The shape checks of one input file. `hint` is the way out, said once per
 * message: where a well-formed file of this kind comes from.
 */
export class Shape {
  constructor(
    readonly file: string,
    private readonly hint: string,
  ) {}

  /** Stops the run: `path: expected X, got Y; hint` (the path "" is the whole document). */
  fail(path: string, expected: string, found: unknown): never {
    return this.refuse(path, `expected ${expected}, got ${describeFound(found)}`);
  }

  /** Stops the run with a message of its own: `path: message; hint`. */
  refuse(path: string, message: string): never {
    throw this.error(path === "" ? message : `${path}: ${message}`);
  }

  /** An object, or the run stops. */
  object(value: unknown, path: string, expected = "an object"): JsonObject {
    if (isJsonObject(value)) return value;
    return this.fail(path, expected, value);
  }

  /** A list, or the run stops. */
  list(value: unknown, path: string, expected = "a list"): unknown[] {
    if (Array.isArray(value)) return value;
    return this.fail(path, expected, value);
  }

  /** A non-empty string, or the run stops. */
  text(value: unknown, path: string, expected = "a string"): string {
    if (typeof value === "string" && value !== "") return value;
    return this.fail(path, expected, value);
  }

  /**
   * A section that may be left out: absent is null, but present it must be
   * an object — `null` included, which no tool writes for a section it has.
   */
  sectionObject(container: JsonObject, key: string, path: string, expected = "an object") {
    if (!Object.hasOwn(container, key)) return null;
    return this.object(container[key], path, expected);
  }

  /** Like `sectionObject`, for a list. */
  sectionList(container: JsonObject, key: string, path: string, expected = "a list") {
    if (!Object.hasOwn(container, key)) return null;
    return this.list(container[key], path, expected);
  }

  /** An object, or null when the field is absent or null (the value may legitimately be empty). */
  nullableObject(value: unknown, path: string, expected = "an object or null"): JsonObject | null {
    if (value === undefined || value === null) return null;
    return this.object(value, path, expected);
  }

  /** A string, or null when the field is absent or null. */
  nullableText(value: unknown, path: string, expected = "a string"): string | null {
    if (value === undefined || value === null) return null;
    return this.text(value, path, expected);
  }

  private error(message: string): InputError {
    return new InputError(`${message}; ${this.hint}`, this.file);
  }
}

/** The member at `key` when the object has it as its own (`__proto__` and friends included). */
export function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
