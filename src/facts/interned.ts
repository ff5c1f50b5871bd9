/**
 * One string for each of the few values a fact takes across keys — a key state, a
 * manager, a region, the day usage tracking began (issue 17). Each key's answers are
 * parsed from its own entry, so 400,000 keys held 400,000 copies of "Enabled", and of
 * every other such value, to the end of the run: most of what the garbage collector
 * went through again and again.
 */

// Past this many distinct values a fact is not one of few (a key id, a time of last
// use): the rest are kept as they come, and the table stays small.
const MAX_VALUES = 4096;

const VALUES = new Map<string, string>();

/** `text`, or the equal string given before. */
export function interned<T extends string | null | undefined>(text: T): T {
  if (typeof text !== "string") return text;
  const held = VALUES.get(text);
  if (held !== undefined) return held as T;
  if (VALUES.size < MAX_VALUES) VALUES.set(text, text);
  return text;
}
