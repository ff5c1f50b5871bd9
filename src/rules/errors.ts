/**
 * Invalid rules: every problem found in every rules file, reported at once.
 */
import { escapeLogText } from "../log-text.js";
import { InputError } from "../model.js";

/** One problem in a rules file, at a 1-based line and column. */
export interface RulesProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** The text of the line, for a syntax error: shown under the message, with a caret. */
  source?: string;
}

/** How much of a long source line is shown around the column. */
const SOURCE_WINDOW = 80;

/**
 * `file:line:column: message`, the way compilers and linters print it, and for
 * a syntax error the line under it with a caret at the column. The file name,
 * the message (which quotes values from the file) and the line are escaped:
 * they are the user's text, printed where a terminal or the Actions runner
 * interprets what it reads.
 */
export function formatProblem(problem: RulesProblem): string {
  const head = `${escapeLogText(problem.file)}:${problem.line}:${problem.column}: ${escapeLogText(problem.message)}`;
  if (problem.source === undefined) return head;
  const at = Math.max(0, problem.column - 1);
  const start = Math.max(0, at - SOURCE_WINDOW / 2);
  const end = start + SOURCE_WINDOW;
  const shown =
    (start > 0 ? "…" : "") +
    problem.source.slice(start, end) +
    (end < problem.source.length ? "…" : "");
  const caret = escapeLogText((start > 0 ? "…" : "") + problem.source.slice(start, at)).length;
  return `${head}\n    ${escapeLogText(shown)}\n    ${" ".repeat(caret)}^`;
}

/**
 * The rules could not be loaded. `message` (and `describe()`) list every
 * problem on its own line, so the CLI can print it as it prints any
 * `InputError` (exit 2).
 */
export class RulesError extends InputError {
  readonly problems: readonly RulesProblem[];

  constructor(problems: readonly RulesProblem[]) {
    // No single file/line: each problem carries its own place.
    super(problems.map(formatProblem).join("\n"), null, null);
    this.problems = problems;
  }

  override describe(): string {
    return this.message;
  }
}
