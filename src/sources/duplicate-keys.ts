/**
 * Duplicate keys in a JSON input. `JSON.parse` keeps the last of two equal
 * keys, so a second `"resource_changes": []` silently empties the section the
 * first one filled. This finds the first repeated key among the top-level
 * keys of a document (and among the keys of the top-level sections named),
 * with the offset of its second occurrence.
 *
 * It runs after `JSON.parse` has accepted the text, on every JSON input, so it
 * is built for speed on 100 MB plans: one pass that only tracks nesting, with
 * strings skipped by `indexOf` (they are most of a plan's bytes) and
 * everything below the levels checked counted, not looked at. Escaped key
 * names (`"resource\u005fchanges"`) are decoded, as `JSON.parse` does.
 */

/** A key that appears twice in one object. */
export interface DuplicateKey {
  key: string;
  /** Where the object is: "" for the top level, else the section's key. */
  section: string;
  /** UTF-16 offsets of the first and the second occurrence's opening quote. */
  first: number;
  second: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

// The rest of a string holding an escape, from just after its opening quote
// to just past its closing quote: only reached when a quote is escaped.
const STRING_REST_RE = /[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;

/**
 * The first duplicate key of `text`'s top-level object, or of the object
 * under one of `sections` at the top level; null when there is none.
 *
 * @param text JSON that `JSON.parse` accepted (the scan relies on it being valid).
 */
export function findDuplicateKey(
  text: string,
  sections: readonly string[] = [],
): DuplicateKey | null {
  const start = skipBlank(text, 0);
  if (text.charCodeAt(start) !== OPEN_BRACE) return null;
  return new Scanner(text, sections).object(start, "", true);
}

class Scanner {
  constructor(
    private readonly text: string,
    private readonly sections: readonly string[],
  ) {}

  found: DuplicateKey | null = null;
  private end = 0;

  /**
   * The keys of the object whose `{` is at `open`. Sets `end` past its `}`;
   * returns the first duplicate found in it (or, at the top, in a section).
   */
  object(open: number, section: string, top: boolean): DuplicateKey | null {
    const text = this.text;
    const seen = new Map<string, number>();
    let i = skipBlank(text, open + 1);
    if (text.charCodeAt(i) === CLOSE_BRACE) {
      this.end = i + 1;
      return null;
    }
    for (;;) {
      // A key, then `:`, then its value.
      const keyEnd = stringEnd(text, i + 1);
      const key = keyName(text, i, keyEnd);
      const first = seen.get(key);
      if (first !== undefined) return { key, section, first, second: i };
      seen.set(key, i);
      let v = skipBlank(text, skipBlank(text, keyEnd + 1) + 1);
      const c = text.charCodeAt(v);
      if (c === OPEN_BRACE && top && this.sections.includes(key)) {
        const inner = this.object(v, key, false);
        if (inner !== null) return inner;
        v = this.end;
      } else {
        v = skipValue(text, v);
      }
      i = skipBlank(text, v);
      if (text.charCodeAt(i) === COMMA) {
        i = skipBlank(text, i + 1);
        continue;
      }
      this.end = i + 1;
      return null;
    }
  }
}

/** The index just past the value that starts at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i + 1) + 1;
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return containerEnd(text, i);
  // A number, true, false or null runs to the next `,`, `}` or `]` (or blank).
  let j = i;
  for (;;) {
    const d = text.charCodeAt(j);
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isBlank(d) || j >= text.length)
      return j;
    j++;
  }
}

/**
 * The index just past the container opening at `i`: nesting counted, strings
 * jumped over. The hot loop of the check.
 */
function containerEnd(text: string, i: number): number {
  let depth = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i + 1) + 1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return n;
}

/**
 * The index of the closing quote of the string whose content starts at
 * `from`. Most strings hold no escaped quote: one `indexOf`.
 */
function stringEnd(text: string, from: number): number {
  const quote = text.indexOf('"', from);
  if (quote === -1) return text.length;
  if (text.charCodeAt(quote - 1) !== BACKSLASH) return quote;
  STRING_REST_RE.lastIndex = from;
  try {
    if (STRING_REST_RE.test(text)) return STRING_REST_RE.lastIndex - 1;
  } catch {
    // Millions of escapes in one string overflow the regular expression's
    // backtracking stack: go escape by escape instead.
  }
  return escapedStringEnd(text, quote);
}

/** The closing quote at or after `quote`: the first one preceded by an even run of backslashes. */
function escapedStringEnd(text: string, quote: number): number {
  for (let q = quote; q !== -1; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return text.length;
}

/** A key's name as `JSON.parse` reads it: escapes decoded only where there are any. */
function keyName(text: string, open: number, close: number): string {
  const raw = text.slice(open + 1, close);
  return raw.includes("\\") ? (JSON.parse(text.slice(open, close + 1)) as string) : raw;
}

function skipBlank(text: string, i: number): number {
  while (isBlank(text.charCodeAt(i))) i++;
  return i;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
