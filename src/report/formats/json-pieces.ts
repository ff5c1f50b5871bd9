/**
 * Pretty-printed JSON as a sequence of pieces, byte for byte what
 * `JSON.stringify(value, null, 2)` gives joined, so that a large report is written as
 * it is made: the JSON report of 10k keys and their 100k consumers is 49 MB, and held
 * as one string (with the document it was made from) it was the largest thing in the
 * run (issue 15). Its long lists can be {@link LazyList}s, whose elements are made only
 * when they are written.
 */

import { escapeJsonText } from "../../log-text.js";

/** A list whose elements are made as they are written: `items` mapped through `map`. */
export class LazyList<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
  ) {}
}

// Pieces are gathered up to about this many characters before they are handed out: one
// write per element would be hundreds of thousands of writes.
const PIECE_CHARS = 64 * 1024;

/**
 * `JSON.stringify(value, null, 2)` in pieces of about 64K characters, each escaped as
 * {@link escapeJsonText} escapes (pieces end between tokens, never inside a string, so
 * escaping them one by one escapes the whole). `levels`: how deep containers are opened
 * rather than written whole; a {@link LazyList} must be within them.
 */
export function* jsonPieces(value: unknown, levels: number): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const part of pretty(toJson(value, ""), levels, "")) {
    parts.push(part);
    length += part.length;
    if (length >= PIECE_CHARS) {
      yield escapeJsonText(parts.join(""));
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield escapeJsonText(parts.join(""));
}

const INDENT = "  ";

/** One value, already through its `toJSON`, at `indent`. */
function* pretty(value: unknown, levels: number, indent: string): Generator<string> {
  if (value instanceof LazyList) {
    yield* list(value.items, value.map, levels, indent);
  } else if (levels > 0 && Array.isArray(value)) {
    yield* list(value, (item) => item, levels, indent);
  } else if (levels > 0 && typeof value === "object" && value !== null) {
    yield* object(value as Record<string, unknown>, levels, indent);
  } else {
    // JSON strings hold no raw line break: every line break is the layout's own.
    const text = JSON.stringify(value, null, 2) as string;
    yield indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
  }
}

function* list<T>(
  items: readonly T[],
  map: (item: T) => unknown,
  levels: number,
  indent: string,
): Generator<string> {
  if (items.length === 0) {
    yield "[]";
    return;
  }
  const inner = indent + INDENT;
  for (const [i, item] of items.entries()) {
    yield `${i === 0 ? "[" : ","}\n${inner}`;
    const value = toJson(map(item), String(i));
    // As JSON.stringify writes what JSON cannot hold in a list.
    if (isUnwritable(value)) yield "null";
    else yield* pretty(value, levels - 1, inner);
  }
  yield `\n${indent}]`;
}

function* object(
  value: Record<string, unknown>,
  levels: number,
  indent: string,
): Generator<string> {
  const inner = indent + INDENT;
  let first = true;
  for (const key of Object.keys(value)) {
    const field = toJson(value[key], key);
    // As JSON.stringify leaves out what JSON cannot hold in an object.
    if (isUnwritable(field)) continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pretty(field, levels - 1, inner);
  }
  yield first ? "{}" : `\n${indent}}`;
}

/** A value as JSON.stringify writes it: through its `toJSON`, where it has one (a Date). */
function toJson(value: unknown, key: string): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === "function" ? toJSON.call(value, key) : value;
}

function isUnwritable(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}
