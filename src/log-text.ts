/**
 * Text for a terminal or a GitHub Actions log, where some text is read as a
 * command: the runner takes a line that starts with `::` (after whitespace) as a
 * workflow command, and a line that holds `##[` anywhere as a legacy command
 * (actions/runner `ActionCommand.TryParseV2` and `TryParse`), and a terminal
 * obeys escape sequences. Every string that came from an input — rule values,
 * file names, addresses, AWS and GitHub strings — passes through here before it
 * is printed, so that no input can issue a command (SPEC §9, §10).
 *
 * Replacements are visible and keep the text readable: a control character is
 * shown as its escape (`\n`, `\u001b`), `##[` as `#\u0023[`, a leading `::` as
 * `\u003a:`. Nothing is hidden behind zero-width characters: the runner compares
 * with the culture-sensitive `StartsWith`/`IndexOf`, which skip characters that
 * have no collation weight, so a zero-width joiner between two `#` would not
 * break the `##[` the runner looks for. For the same reason such characters are
 * escaped too. Backslashes are left alone: Windows paths print as they are.
 */

// Controls (C0, DEL, C1: line breaks, escape sequences), format characters
// (bidirectional overrides, zero-width joiners), line and paragraph separators,
// and the rest of what Unicode says to show as nothing.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
// UNSAFE less tab, line feed and carriage return (\p{Cc} is U+0000–U+001F and U+007F–U+009F):
// in JSON text they are structural whitespace (inside strings JSON.stringify escapes them),
// and matching each line break of a pretty-printed 50 MB report cost seconds (issue 15).
const UNSAFE_IN_JSON =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
// The runner's legacy command prefix, anywhere in a line.
const LEGACY_COMMAND = /##\[/g;
// A workflow command: `::` at the start of a line, after whitespace the runner trims.
const LEADING_COMMAND = /^(\s*):(?=:)/u;

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * `text` as one safe line of a log or terminal: every control, format and
 * invisible character escaped (line breaks too), `##[` broken anywhere and `::`
 * at the start. Text without any of these comes back unchanged.
 */
export function escapeLogText(text: string): string {
  return breakLegacyCommands(text.replace(UNSAFE, escapeChar)).replace(
    LEADING_COMMAND,
    "$1\\u003a",
  );
}

/**
 * `text` of several lines, each made safe as by {@link escapeLogText}: for a
 * message whose line breaks are the tool's own (a list of rules-file
 * problems), where the parts that came from inputs were escaped already.
 */
export function escapeLogLines(text: string): string {
  return text.split("\n").map(escapeLogText).join("\n");
}

/**
 * Format and invisible characters escaped as by {@link escapeLogText}, control
 * characters left: for text whose format deals with those its own way
 * (workflow command data).
 */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, escapeChar);
}

/**
 * `##[` broken as `#\u0023[`: for text whose format escapes control characters
 * its own way (JSON, where `\u0023` is a valid escape of the same `#`; workflow
 * command data; Markdown code spans).
 */
export function breakLegacyCommands(text: string): string {
  return text.replace(LEGACY_COMMAND, "#\\u0023[");
}

/**
 * JSON text (as `JSON.stringify` writes it) with the characters it leaves raw
 * inside strings escaped — DEL, C1 controls, format and invisible characters,
 * U+2028/U+2029 — and `##[` broken, all as JSON escapes: the document parses to
 * the same value, and prints safely. (Outside strings, JSON has only ASCII.)
 */
export function escapeJsonText(json: string): string {
  return breakLegacyCommands(json.replace(UNSAFE_IN_JSON, jsonEscapeChar));
}

function jsonEscapeChar(char: string): string {
  // One code point; JSON escapes UTF-16 code units, so an astral one as its surrogate pair.
  let escaped = "";
  for (let i = 0; i < char.length; i++) {
    escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`;
  }
  return escaped;
}
