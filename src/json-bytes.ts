/**
 * Reading a large JSON document piece by piece from the bytes of its file
 * (issue 15): the structure around the large lists is found by a byte scanner
 * that knows strings and escapes, and each piece — an element of a list, a
 * small member — is `JSON.parse`d on its own and let go once read. A 100 MB
 * plan is then never one 100 MB string nor one object tree of three times
 * that.
 *
 * The scanner only reads what it can be sure of. Anything it does not expect —
 * a repeated key, a byte out of place, a piece `JSON.parse` refuses — throws
 * `NotPiecewise`, and the caller reads the whole text the usual way, which
 * gives every message (line and column, empty file, binary file) as before.
 * Every byte of a document read piecewise is checked by a `JSON.parse` or by
 * the scanner's own punctuation checks, so a document read this way is one the
 * whole-text parse accepts, with the same values.
 *
 * It lives on the ground floor: the plan reader (sources) and the facts
 * snapshot reader (facts) both read large documents this way.
 */

/** The document cannot be read piecewise; read its whole text instead. */
export class NotPiecewise extends Error {
  override readonly name = "NotPiecewise";
}

/** A member of an object: its key, decoded, and the byte span of its value. */
export interface Member {
  key: string;
  start: number;
  /** Just past the value's last byte. */
  end: number;
}

/** The byte spans of a list's elements, `starts[i]` to `ends[i]`. */
export interface Elements {
  starts: number[];
  ends: number[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

// Pieces up to this size are checked with one JSON.parse and dropped; larger
// ones are taken apart first, so that checking never holds a large tree.
const MAX_PIECE_BYTES = 4 * 1024 * 1024;

/** The bytes of one JSON document, and the scanner over them. */
export class JsonBytes {
  constructor(readonly bytes: Buffer) {}

  /** The value of the bytes `start` to `end`, as `JSON.parse` reads them. */
  parse(start: number, end: number): unknown {
    try {
      return JSON.parse(this.bytes.toString("utf8", start, end));
    } catch (error) {
      throw new NotPiecewise("a piece is not valid JSON", { cause: error });
    }
  }

  /** The first index at or after `i` that is not JSON whitespace. */
  skipBlank(i: number): number {
    const bytes = this.bytes;
    for (;;) {
      const c = bytes[i];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
      i++;
    }
  }

  /** The byte at `i` (undefined past the end). */
  at(i: number): number | undefined {
    return this.bytes[i];
  }

  /**
   * The members of the object whose `{` is at `open`, each key once: a repeated
   * key (which `JSON.parse` would resolve by keeping the last) is not read
   * piecewise. The values are not checked here: the caller parses or takes
   * apart each one.
   */
  members(open: number): { members: Member[]; end: number } {
    this.expect(open, OPEN_BRACE);
    const members: Member[] = [];
    const seen = new Set<string>();
    let i = this.skipBlank(open + 1);
    if (this.bytes[i] === CLOSE_BRACE) return { members, end: i + 1 };
    for (;;) {
      this.expect(i, QUOTE);
      const keyEnd = this.stringEnd(i + 1) + 1;
      const key = this.parse(i, keyEnd);
      if (typeof key !== "string" || seen.has(key)) {
        throw new NotPiecewise("a key repeats");
      }
      seen.add(key);
      i = this.skipBlank(keyEnd);
      this.expect(i, COLON);
      const start = this.skipBlank(i + 1);
      const end = this.valueEnd(start);
      members.push({ key, start, end });
      i = this.skipBlank(end);
      if (this.bytes[i] === COMMA) {
        i = this.skipBlank(i + 1);
        continue;
      }
      this.expect(i, CLOSE_BRACE);
      return { members, end: i + 1 };
    }
  }

  /**
   * `members` for an object of very many members (a snapshot's 400,000 keys), or whose
   * members are read as they are found: `read` is handed each key and where its value
   * starts, reads the value, and says where it ends. Nothing is kept, so a repeated key
   * is for the caller to find. Returns just past the object's `}`.
   */
  eachMember(open: number, read: (key: string, start: number) => number): number {
    this.expect(open, OPEN_BRACE);
    let i = this.skipBlank(open + 1);
    if (this.bytes[i] === CLOSE_BRACE) return i + 1;
    for (;;) {
      this.expect(i, QUOTE);
      const keyEnd = this.stringEnd(i + 1) + 1;
      const key = this.string(i, keyEnd);
      i = this.skipBlank(keyEnd);
      this.expect(i, COLON);
      i = this.skipBlank(read(key, this.skipBlank(i + 1)));
      if (this.bytes[i] === COMMA) {
        i = this.skipBlank(i + 1);
        continue;
      }
      this.expect(i, CLOSE_BRACE);
      return i + 1;
    }
  }

  /**
   * The string whose quotes are at `start` and `end - 1`. Printable ASCII without an
   * escape (every ARN) is its own text, read without `JSON.parse`; anything else is parsed.
   */
  string(start: number, end: number): string {
    const bytes = this.bytes;
    for (let i = start + 1; i < end - 1; i++) {
      const c = bytes[i] as number;
      if (c < 0x20 || c > 0x7e || c === BACKSLASH) return this.parsedString(start, end);
    }
    return bytes.toString("latin1", start + 1, end - 1);
  }

  private parsedString(start: number, end: number): string {
    const value = this.parse(start, end);
    if (typeof value !== "string") throw new NotPiecewise("not a string");
    return value;
  }

  /** The elements of the list whose `[` is at `open`; not checked, as with `members`. */
  elements(open: number): { elements: Elements; end: number } {
    this.expect(open, OPEN_BRACKET);
    const elements: Elements = { starts: [], ends: [] };
    let i = this.skipBlank(open + 1);
    if (this.bytes[i] === CLOSE_BRACKET) return { elements, end: i + 1 };
    for (;;) {
      const end = this.valueEnd(i);
      elements.starts.push(i);
      elements.ends.push(end);
      i = this.skipBlank(end);
      if (this.bytes[i] === COMMA) {
        i = this.skipBlank(i + 1);
        continue;
      }
      this.expect(i, CLOSE_BRACKET);
      return { elements, end: i + 1 };
    }
  }

  /**
   * Checks the value at `start` to `end` as `JSON.parse` would, holding no
   * more than one piece of it at a time.
   */
  check(start: number, end: number): void {
    const first = this.bytes[start];
    if (end - start <= MAX_PIECE_BYTES || (first !== OPEN_BRACE && first !== OPEN_BRACKET)) {
      this.parse(start, end);
      return;
    }
    if (first === OPEN_BRACE) {
      const { members, end: last } = this.members(start);
      if (last !== end) throw new NotPiecewise("a value runs past its end");
      for (const member of members) this.check(member.start, member.end);
      return;
    }
    const { elements, end: last } = this.elements(start);
    if (last !== end) throw new NotPiecewise("a value runs past its end");
    for (let e = 0; e < elements.starts.length; e++) {
      this.check(elements.starts[e] as number, elements.ends[e] as number);
    }
  }

  /**
   * Just past the value that starts at `i`: a container to its matching close,
   * strings jumped over whole; a scalar to the next delimiter. Nesting is only
   * counted, so a value found here still has to be parsed (or taken apart).
   */
  valueEnd(i: number): number {
    const bytes = this.bytes;
    const n = bytes.length;
    const c = bytes[i];
    if (c === QUOTE) return this.stringEnd(i + 1) + 1;
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
      let j = i;
      while (j < n) {
        const d = bytes[j] as number;
        if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d <= 0x20) break;
        j++;
      }
      if (j === i) throw new NotPiecewise("a value is missing");
      return j;
    }
    let depth = 0;
    while (i < n) {
      const d = bytes[i] as number;
      if (d === QUOTE) {
        i = this.stringEnd(i + 1) + 1;
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) {
        depth++;
      } else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    throw new NotPiecewise("the document ends inside a value");
  }

  /**
   * The index of the closing quote of the string whose content starts at
   * `from`: a backslash takes the byte after it along, so an escaped quote
   * does not close it. A plain loop: most of a plan's strings are short, and a
   * native `indexOf` call per string costs more than looking at their bytes.
   */
  stringEnd(from: number): number {
    const bytes = this.bytes;
    const n = bytes.length;
    let i = from;
    while (i < n) {
      const c = bytes[i] as number;
      if (c === QUOTE) return i;
      i += c === BACKSLASH ? 2 : 1;
    }
    throw new NotPiecewise("the document ends inside a string");
  }

  /** Nothing but whitespace from `i` to the end of the document. */
  expectEnd(i: number): void {
    if (this.skipBlank(i) < this.bytes.length)
      throw new NotPiecewise("something follows the value");
  }

  private expect(i: number, byte: number): void {
    if (this.bytes[i] !== byte) throw new NotPiecewise("a byte out of place");
  }
}

/** The bytes of a file's JSON after its UTF-8 byte order mark, which `JSON.parse` would refuse. */
export function bodyStart(bytes: Buffer): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}
