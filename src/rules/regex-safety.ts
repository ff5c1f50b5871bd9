/**
 * Checks a `matches` pattern before it is compiled. Rules files may come from
 * pull requests, and a regular expression with nested unbounded quantifiers
 * (`(a+)+`, `(.*)*`, `(\w+\s?)*`) backtracks exponentially on a crafted
 * alias or address: that would let an input hang the check.
 */
import { errorMessage } from "../errors.js";

/** Longest pattern accepted; also enforced by the schema so editors show it. */
export const MAX_PATTERN_LENGTH = 500;

interface Group {
  /** Something inside the group repeats without a small bound. */
  repeats: boolean;
}

/**
 * Length of the quantifier at `i` that can repeat an atom more than once
 * (`*`, `+`, `{n,}`, `{n,m}` with m > 1), or 0. `?` and `{0,1}` never repeat.
 */
function repeatingQuantifierLength(source: string, i: number): number {
  const c = source[i];
  if (c === "*" || c === "+") return 1;
  if (c !== "{") return 0;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
  if (!match) return 0;
  const max =
    match[2] === undefined ? Number(match[1]) : match[3] === "" ? Infinity : Number(match[3]);
  return max > 1 ? match[0].length : 0;
}

/** End index (exclusive) of the character class starting at `i` (`[`). */
function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === "^") j++;
  if (source[j] === "]") j++; // a leading `]` is literal
  while (j < source.length && source[j] !== "]") j += source[j] === "\\" ? 2 : 1;
  return j + 1;
}

/**
 * Why a pattern is unsafe or invalid, or null when it is fine. Rejects what
 * `new RegExp` rejects, patterns over {@link MAX_PATTERN_LENGTH}, and a
 * repeated group that itself contains a repetition.
 */
export function regexProblem(source: string): string | null {
  if (source.length > MAX_PATTERN_LENGTH) {
    return `regular expression is longer than ${MAX_PATTERN_LENGTH} characters`;
  }
  try {
    new RegExp(source);
  } catch (error) {
    return `invalid regular expression: ${errorMessage(error)}`;
  }
  return nestedQuantifier(source)
    ? `regular expression \`${source}\` repeats a group that itself repeats (like \`(a+)+\`), which can take exponential time; rewrite it without the nested repetition`
    : null;
}

function nestedQuantifier(source: string): boolean {
  const stack: Group[] = [{ repeats: false }];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    let atomEnd: number;
    let closed: Group | null = null;
    if (c === "\\") {
      atomEnd = i + 2;
    } else if (c === "[") {
      atomEnd = skipClass(source, i);
    } else if (c === "(") {
      stack.push({ repeats: false });
      i++;
      continue;
    } else if (c === ")") {
      closed = stack.pop() ?? { repeats: false };
      atomEnd = i + 1;
    } else {
      atomEnd = i + 1;
    }
    const quantifier = repeatingQuantifierLength(source, atomEnd);
    const current = stack.at(-1) ?? { repeats: false };
    if (quantifier > 0) {
      if (closed?.repeats) return true;
      current.repeats = true;
    } else if (closed?.repeats) {
      current.repeats = true;
    }
    i = atomEnd + quantifier;
  }
  return false;
}
