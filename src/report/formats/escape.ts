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

// Every ASCII punctuation character that means something to CommonMark, GFM (tables,
// strikethrough, autolinks: `:` and `.` break `https://` and `www.`) or GitHub (`$`
// math). CommonMark lets any ASCII punctuation be backslash-escaped, so the rendered
// text is unchanged. Left alone: `, ; ' " / ? % = ^ @`, which start nothing on one line.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+\-.!|~&:$]/g;

// GitHub notifies `@user` and `@org/team` and autolinks `user@host` when the
// `@` is followed by a name character; a zero-width space after it breaks both and
// reads the same. (Backslash escapes do not help: mentions are found in the HTML.)
const MENTION = /@(?=[\p{L}\p{N}_])/gu;

/**
 * Inline Markdown text that renders as exactly the characters given and nothing
 * else: no links, images, HTML, mentions, emphasis, headings, list items or table
 * breaks. Newlines become spaces; text longer than `maxLength` characters is
 * truncated with an ellipsis.
 */
export function escapeMarkdown(text: string, options: { maxLength?: number } = {}): string {
  return flatten(truncate(text, options.maxLength ?? MARKDOWN_TEXT_LIMIT))
    .replace(MARKDOWN_SPECIAL, "\\$&")
    .replace(MENTION, "@\u200b");
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
