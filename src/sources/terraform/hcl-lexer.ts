/**
 * Just enough of HCL's lexical structure, a line at a time — strings and
 * templates, comments, heredocs, braces — for the Terraform locator never to
 * take commented-out or quoted text for a block header.
 */

/** What the lexer carries from one line to the next. */
export interface LexState {
  /** Inside a `/* … *\/` comment begun on an earlier line. */
  inBlockComment: boolean;
  /** The closing marker of the heredoc being read. */
  heredoc: string | null;
  /** Brace depth of plain code (braces in strings and templates excluded). */
  depth: number;
}

export interface LexedLine {
  /** The line without comments; strings kept. Empty for a heredoc's body. */
  code: string;
  /** The text after `#` or `//`, when the line ends in such a comment. */
  comment: string | null;
  /** Brace depth before the line. */
  depthBefore: number;
  /** The line is heredoc text or its closing marker. */
  heredoc: boolean;
}

const HEREDOC_START = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*$/y;

/**
 * Splits one line into code and comment, tracking strings, template
 * interpolations, block comments, heredocs and brace depth. Strings cannot
 * span lines in HCL, so string state starts afresh on each line; a template
 * interpolation that does span lines (rare) can throw the depth off, which
 * only makes later headers go unfound.
 */
export function lexLine(line: string, state: LexState): LexedLine {
  const depthBefore = state.depth;
  if (state.heredoc !== null) {
    // `<<-` allows an indented marker, and HCL accepts one after `<<` too.
    if (line.trim() === state.heredoc) state.heredoc = null;
    return { code: "", comment: null, depthBefore, heredoc: true };
  }
  const pieces: string[] = [];
  let comment: string | null = null;
  // What the characters at `i` are nested in, innermost last.
  const nesting: ("string" | "template" | "brace")[] = [];
  let from = 0;
  let i = 0;
  while (i < line.length) {
    if (state.inBlockComment) {
      const end = line.indexOf("*/", i);
      if (end < 0) {
        from = i = line.length;
        break;
      }
      state.inBlockComment = false;
      from = i = end + 2;
      continue;
    }
    const c = line[i];
    const next = line[i + 1];
    const inside = nesting[nesting.length - 1];
    if (inside === "string") {
      if (c === "\\") i += 2;
      else if (c === '"') {
        nesting.pop();
        i += 1;
      } else if ((c === "$" || c === "%") && next === c && line[i + 2] === "{") i += 3;
      else if ((c === "$" || c === "%") && next === "{") {
        nesting.push("template");
        i += 2;
      } else i += 1;
      continue;
    }
    if (c === '"') nesting.push("string");
    else if (c === "{") {
      if (inside === undefined) state.depth += 1;
      else nesting.push("brace");
    } else if (c === "}") {
      if (inside === undefined) state.depth = Math.max(0, state.depth - 1);
      else nesting.pop();
    } else if (inside === undefined && (c === "#" || (c === "/" && next === "/"))) {
      pieces.push(line.slice(from, i));
      comment = line.slice(c === "#" ? i + 1 : i + 2);
      from = i = line.length;
      break;
    } else if (inside === undefined && c === "/" && next === "*") {
      pieces.push(line.slice(from, i), " ");
      state.inBlockComment = true;
      i += 2;
      continue;
    } else if (inside === undefined && c === "<" && next === "<") {
      HEREDOC_START.lastIndex = i;
      const marker = HEREDOC_START.exec(line)?.[1];
      if (marker !== undefined) {
        pieces.push(line.slice(from, i));
        state.heredoc = marker;
        from = i = line.length;
        break;
      }
      i += 1;
    }
    i += 1;
  }
  pieces.push(line.slice(from));
  return { code: pieces.join(""), comment, depthBefore, heredoc: false };
}
