/**
 * What a JSON document is, for the readers that must tell theirs from another
 * tool's (CDK outputs are not `terraform output -json`) and for messages about
 * a value of the wrong type. Shared by both source readers.
 */
import { isJsonObject, type JsonObject } from "./json.js";

// What `terraform output -json` writes for each output.
const OUTPUT_FIELDS: ReadonlySet<string> = new Set(["value", "type", "sensitive"]);

/** True for the JSON of `terraform output -json` with at least one output. */
export function isTerraformOutputs(doc: unknown): doc is JsonObject {
  if (!isJsonObject(doc)) return false;
  const names = Object.keys(doc);
  return names.length > 0 && names.every((name) => isOutputEntry(doc[name]));
}

/** `{value, type, sensitive}`: one output of `terraform output -json` (or of a state file). */
export function isOutputEntry(entry: unknown): entry is JsonObject {
  return (
    isJsonObject(entry) &&
    Object.hasOwn(entry, "value") &&
    Object.keys(entry).every((key) => OUTPUT_FIELDS.has(key))
  );
}

/** "an array", "null", "a string", … for messages about a value of the wrong type. */
export function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "missing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
