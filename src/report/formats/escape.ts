/**
 * Escaping for the two places report text is interpreted rather than shown:
 * GitHub workflow commands and GitHub-flavoured Markdown. Every string that
 * comes from AWS, an input file or a rules file passes through here first.
 * (Log and terminal text is escaped by log-text.ts.)
 */
import { breakLegacyCommands } from "../../log-text.js";

/**
 * The longest inline Markdown text (a table cell, a list item), in characters before
 * escaping: a key description or message of 100 KB must not crowd every other row out
 * of a 65,536-character comment.
 */
export const MARKDOWN_TEXT_LIMIT = 1_000;

/** What a truncated text ends with. */
export const ELLIPSIS = "…";

/**
 * `text` cut to at most `maxLength` UTF-16 code units (ellipsis included), never
 * in the middle of a surrogate pair.
 */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = Math.max(0, maxLength - ELLIPSIS.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

/**
 * A workflow command's message (`::error …::MESSAGE`), escaped as `@actions/core`
 * does: the runner reads a command to the end of the line, so CR and LF must not
 * survive, and `%` is escaped so that the runner's unescaping gives back the text.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/**
 * A workflow command's property value (`file=…,title=…`), escaped as
 * `@actions/core` does: as `escapeData`, plus `:` and `,`, which end a value.
 */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// Control characters would end a table row or a list item; bidirectional overrides
// would make the reviewer read a different text from the one the tool reports, and
// zero-width characters hide text (from the reader, and from a search for `##[`).
const CONTROL = /\p{Cc}/gu;
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

function flatten(text: string): string {
  return text.replace(CONTROL, " ").replace(INVISIBLE, "\ufffd");
}

// GitHub notifies `@user` and `@org/team` and autolinks `user@host` when the
// `@` is followed by a name character; it links `#12` (and `owner/repo#12`) to an
// issue and notes the mention there. A zero-width space after the sign breaks both
// and reads the same. (Backslash escapes do not help: GitHub finds these in the HTML.)
const MENTION = /@(?=[\p{L}\p{N}_])/gu;
const ISSUE_REFERENCE = /#(?=\d)/g;

// What starts a block when it starts a line (an ATX heading, a block quote, a bullet
// or ordered list item, a thematic break): escaped only at the start of the text,
// where a caller may place it at the start of a line. The group is what to escape.
const BLOCK_START =
  /^(?:(#)(?=#{0,5}(?:\s|$))|(>)|([-+])(?=\s|$|(?:\s*[-+]){2})|\d{1,9}([.)])(?=\s|$))/;

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;

/**
 * The escape `text[i]` needs, in the middle of inline text, to show as itself:
 * only where CommonMark, GFM or GitHub would read it as syntax. `_` between two
 * word characters (`aws_kms_key`) cannot emphasise; `.` and `:` matter only in a
 * `www.` or `scheme://` autolink; `]` only where it could close a link or start
 * a reference definition (before `(`, `[` or `:`); `&` only before a character
 * reference. Never escaped: what starts nothing inside a line.
 */
function escapeAt(text: string, i: number): string {
  const char = text[i] as string;
  const before = text[i - 1] ?? "";
  const after = text[i + 1] ?? "";
  switch (char) {
    case "\\":
      // A backslash escapes only ASCII punctuation; before anything else it is shown.
      // At the end it is escaped too: what the caller writes next may be punctuation.
      return after === "" || ASCII_PUNCTUATION.test(after) ? "\\\\" : char;
    case "`": // code spans
    case "*": // emphasis
    case "~": // strikethrough
    case "<": // HTML, autolinks
    case "|": // table cells: harmless elsewhere, and text moves between cells and lines
    case "$": // GitHub math
      return `\\${char}`;
    case "_":
      return WORD.test(before) && WORD.test(after) ? char : `\\${char}`;
    case "]":
      // `[text]` alone links only to a reference definition, and every `]:` is escaped.
      return after !== "" && "([:".includes(after) ? `\\${char}` : char;
    case "&":
      return /^&#?[a-z0-9]+;/i.test(text.slice(i, i + 34)) ? `\\${char}` : char;
    case ":":
      return text.startsWith("//", i + 1) ? `\\${char}` : char;
    case ".":
      return /www$/i.test(text.slice(Math.max(0, i - 3), i)) ? `\\${char}` : char;
    default:
      return char;
  }
}

/**
 * Inline Markdown text that renders as exactly the characters given and nothing
 * else: no links, images, HTML, mentions, issue references, emphasis, headings,
 * list items or table breaks. Only what would be read as syntax is escaped, so the
 * raw text (a notification email, the comment's source) stays readable:
 * `aws_kms_key.data`, `arn:aws:kms:…` are left as they are. Newlines become
 * spaces; text longer than `maxLength` characters is truncated with an ellipsis.
 */
export function escapeMarkdown(text: string, options: { maxLength?: number } = {}): string {
  const flat = flatten(truncate(text, options.maxLength ?? MARKDOWN_TEXT_LIMIT));
  let out = "";
  for (let i = 0; i < flat.length; i++) out += escapeAt(flat, i);
  const block = BLOCK_START.exec(out);
  if (block !== null) {
    const index = block.slice(1).findIndex((group) => group !== undefined);
    const at = block[0].length - (block[index + 1] as string).length;
    out = `${out.slice(0, at)}\\${out.slice(at)}`;
  }
  return (
    out
      .replace(MENTION, "@\u200b")
      .replace(ISSUE_REFERENCE, "#\u200b")
      // Markdown printed to a log (`--format markdown` in a workflow) must not hold a
      // runner command: `##[` anywhere, `::` at the start of a line, both shown the same.
      .replace(/##\[/g, "#\\#[")
      .replace(/^(\s*):(?=:)/, "$1\\:")
  );
}

/**
 * `text` as a Markdown code span: shown verbatim in monospace, never interpreted
 * (no links, HTML or mentions inside a code span). The fence is one backtick longer
 * than the longest run of backticks inside. With `table: true`, `|` is escaped as
 * GFM requires even inside code spans in a table cell (the cell shows a plain `|`).
 */
export function codeSpan(
  text: string,
  options: { table?: boolean; maxLength?: number } = {},
): string {
  let body = flatten(truncate(text, options.maxLength ?? MARKDOWN_TEXT_LIMIT));
  if (body === "") body = " ";
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  // CommonMark strips one space from each side when both are there, so a body
  // that starts or ends with a backtick (or a space) is padded to stay intact.
  const pad = /^[` ]|[` ]$/.test(body) && body.trim() !== "" ? " " : "";
  if (options.table) body = body.replace(/\|/g, "\\|");
  // Markdown printed to a log (`--format markdown` in a workflow) must not hold a runner command.
  body = breakLegacyCommands(body);
  return `${fence}${pad}${body}${pad}${fence}`;
}
