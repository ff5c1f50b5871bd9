/**
 * Reading JSON inputs so that a syntax error names the file and the line,
 * the way the CLI reports every input problem (SPEC §7, exit code 2).
 */

import { isJsonObject, type JsonObject } from "../json-object.js";
import { InputError } from "../model.js";
import { findDuplicateKey } from "./duplicate-keys.js";

// The readers take the object guard from here; it lives in a neutral room
// because the facts read JSON answers too.
export { isJsonObject, type JsonObject };

/** What `parseJson` checks beyond the syntax. */
export interface ParseOptions {
  /**
   * Top-level sections whose own keys must not repeat either: a template's
   * `Resources`, a manifest's `artifacts` — where a repeated key drops an
   * entry that may be a key.
   */
  sections?: readonly string[];
  /**
   * Lines of the file before `text` (a wrapper's, stripped by the caller):
   * every line number given is the file's.
   */
  linesBefore?: number;
}

/**
 * Parses `text` as JSON, refusing a top-level key (or a key of one of
 * `options.sections`) that appears twice: `JSON.parse` would keep the last
 * and silently drop what the first one holds.
 *
 * @param file the input's name as the user gave it, for the error.
 * @param expected what the file should hold, for the empty-file error
 *   (e.g. "a Terraform plan (terraform show -json PLANFILE)").
 * @throws InputError naming `file` and, where it can be found, the line of
 *   the syntax error or of the repeated key; the message says what is wrong
 *   and at which column.
 */
export function parseJson(
  text: string,
  file: string,
  expected = "a JSON document",
  options: ParseOptions = {},
): unknown {
  // Windows editors write a UTF-8 byte order mark; JSON.parse rejects it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    // Checked only after a failure so that a large valid file is scanned once.
    if (body.trim() === "") {
      throw new InputError(`the file is empty; expected ${expected}`, file, null, { cause: err });
    }
    const place = syntaxErrorPlace(err.message, body);
    const at = place?.column == null ? "" : ` at column ${place.column}`;
    throw new InputError(
      `not valid JSON: ${syntaxErrorReason(err.message)}${at}`,
      file,
      place === null ? null : place.line + (options.linesBefore ?? 0),
      { cause: err },
    );
  }
  if (isJsonObject(doc)) checkDuplicateKeys(body, file, options);
  return doc;
}

/**
 * The error for a repeated key: which key, where, both lines, and the way out.
 *
 * @param section "" for the top level, else the section the key repeats in.
 */
export function duplicateKeyError(
  file: string,
  key: string,
  section: string,
  firstLine: number,
  line: number,
  column: number | null,
): InputError {
  const where = section === "" ? "at the top level" : `in ${clip(JSON.stringify(section))}`;
  const at = column === null ? "" : `, again here at column ${column}`;
  return new InputError(
    `the key ${clip(JSON.stringify(key))} appears twice ${where} (first on line ${firstLine}${at}): a reader keeps only the last, so what the first one holds would be silently ignored; remove one of them`,
    file,
    line,
  );
}

// Enough for any real key, action list or version; a hostile one is not echoed whole.
const MAX_ECHO_CHARS = 80;

/** A piece of input, cut short for a message. */
export function clip(text: string): string {
  return text.length <= MAX_ECHO_CHARS ? text : `${text.slice(0, MAX_ECHO_CHARS)}…`;
}

/** Refuses a repeated key at the top level or directly in one of `sections`. */
function checkDuplicateKeys(body: string, file: string, options: ParseOptions): void {
  const duplicate = findDuplicateKey(body, options.sections ?? []);
  if (duplicate === null) return;
  const { key, section, first, second } = duplicate;
  const before = options.linesBefore ?? 0;
  const firstLine = placeOf(body, first).line + before;
  const again = placeOf(body, second);
  throw duplicateKeyError(file, key, section, firstLine, again.line + before, again.column);
}

interface TextPlace {
  line: number;
  column: number | null;
}

// V8 quotes this many characters either side of an unexpected token
// (json-parser.cc kMaxContextCharacters) and quotes the whole source when it
// is shorter than twice that plus one.
const V8_CONTEXT_CHARS = 10;

const LINE_COLUMN_RE = /\(line (\d+) column (\d+)\)/;
const POSITION_RE = /at position (\d+)/;
// Node 20's message for a token it did not expect carries no position, only a
// quoted piece of the source around it: `..."piece"...`.
const UNEXPECTED_TOKEN_RE =
  /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/;

/** Where in `body` V8 says the syntax error is; null when the message does not tell. */
function syntaxErrorPlace(message: string, body: string): TextPlace | null {
  // Node 21+ adds "(line L column C)" after the position; the position comes
  // first so that a truncated file is reported alike on every version.
  const position = POSITION_RE.exec(message);
  if (position) {
    const offset = Number(position[1]);
    // An error past the last non-blank character is a truncated file, whatever V8 calls it.
    return offset >= body.trimEnd().length ? endPlace(body) : placeOf(body, offset);
  }
  const lineColumn = LINE_COLUMN_RE.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };

  if (message.startsWith("Unexpected end of JSON input")) return endPlace(body);

  const token = UNEXPECTED_TOKEN_RE.exec(message);
  if (token) {
    const offset = unexpectedTokenOffset(
      body,
      token[1] ?? "",
      token[3] ?? "",
      !!token[2],
      !!token[4],
    );
    return offset === null ? null : placeOf(body, offset);
  }
  return null;
}

/**
 * Recovers the offset of an unexpected token from the piece of source V8
 * quotes around it. Where the piece does not pin one place down (it occurs
 * more than once), no offset: better no line than a wrong one.
 */
function unexpectedTokenOffset(
  body: string,
  token: string,
  piece: string,
  cutBefore: boolean,
  cutAfter: boolean,
): number | null {
  let offset: number | null = null;
  if (!cutBefore && cutAfter) {
    // The piece is the start of the source, running on 10 characters past the token.
    if (body.startsWith(piece)) offset = piece.length - V8_CONTEXT_CHARS;
  } else if (cutBefore && !cutAfter) {
    // The piece is the end of the source, starting 10 characters before the token.
    if (body.endsWith(piece)) offset = body.length - piece.length + V8_CONTEXT_CHARS;
  } else {
    // Either 10 characters on both sides, or (short source) the whole of it.
    const needle = cutBefore ? piece : token;
    const first = body.indexOf(needle);
    if (first !== -1 && first === body.lastIndexOf(needle)) {
      offset = cutBefore ? first + V8_CONTEXT_CHARS : first;
    }
  }
  return offset !== null && body[offset] === token ? offset : null;
}

/** 1-based line and column of a UTF-16 offset (V8's positions count UTF-16 units too). */
function placeOf(body: string, offset: number): TextPlace {
  let line = 1;
  let lineStart = 0;
  for (let i = body.indexOf("\n"); i !== -1 && i < offset; i = body.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A truncated file ends where its last non-blank character is: point there, past that character. */
function endPlace(body: string): TextPlace {
  const last = body.trimEnd().length;
  return placeOf(body, last);
}

/** V8's message without the position parts this module reports itself, and without the quoted source. */
function syntaxErrorReason(message: string): string {
  const token = UNEXPECTED_TOKEN_RE.exec(message);
  const reason = token
    ? `Unexpected token ${showChar(token[1] ?? "")}`
    : message
        .replace(LINE_COLUMN_RE, "")
        .replace(/ in JSON at position \d+/, "")
        .trim();
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/** A character as a reader can see it, even when it is a control character. */
function showChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0xfeff) {
    return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `'${char}'`;
}
