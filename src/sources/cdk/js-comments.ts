/**
 * JavaScript and TypeScript comments blanked out with their lines kept, so
 * that the CDK locator's search for construct calls sees only code.
 */

/**
 * The code with `//` and `/* *\/` comments replaced by spaces (newlines
 * kept), so that a commented-out construct call is not taken for one.
 * Strings are skipped whole; a regular expression literal holding a quote
 * can throw the lexer off, which only costs matches further on.
 */
export function blankComments(text: string): string {
  const out = text.split("");
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '"' || c === "'" || c === "`") {
      i += 1;
      while (i < text.length && text[i] !== c && (c === "`" || text[i] !== "\n")) {
        i += text[i] === "\\" ? 2 : 1;
      }
      i += 1;
    } else if (c === "/" && (next === "/" || next === "*")) {
      const stop = commentEnd(text, i);
      for (let j = i; j < stop; j += 1) if (out[j] !== "\n") out[j] = " ";
      i = stop;
    } else {
      i += 1;
    }
  }
  return out.join("");
}

/** The index just past the comment that starts at `start` (its newline stays). */
function commentEnd(text: string, start: number): number {
  if (text[start + 1] === "/") {
    const newline = text.indexOf("\n", start);
    return newline < 0 ? text.length : newline;
  }
  const close = text.indexOf("*/", start + 2);
  return close < 0 ? text.length : close + 2;
}
