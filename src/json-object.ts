/**
 * The JSON object type and its guard, for every stage that reads JSON: the
 * sources' inputs, the facts' snapshots and answers.
 */

/** A JSON object, as `JSON.parse` gives it: no arrays, no null. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
