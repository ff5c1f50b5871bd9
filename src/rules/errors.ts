/**
 * Invalid rules: every problem found in every rules file, reported at once.
 */

import { type ErrorCode, InputError } from "../errors.js";
import { escapeLogText } from "../log-text.js";

/** One problem in a rules file, at a 1-based line and column. */
export interface RulesProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * `file:line:column: message`, the way compilers and linters print it. The file
 * name and the message (which quotes values from the file) are escaped: they
 * are the user's text, printed where a terminal or the Actions runner
 * interprets what it reads. (No line of the file is shown: a rules file may be
 * a symlink to a file that is no rules file, and its lines are not ours to print.)
 */
export function formatProblem(problem: RulesProblem): string {
  return `${escapeLogText(problem.file)}:${problem.line}:${problem.column}: ${escapeLogText(problem.message)}`;
}

/**
 * The rules could not be loaded. `message` (and `describe()`) list every
 * problem on its own line, so the CLI can print it as it prints any
 * `InputError` (exit 2).
 */
export class RulesError extends InputError {
  override readonly code: ErrorCode = "rules";
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
