/**
 * What can stop a run, as values before they are messages (STYLE 4, 18): each
 * error the user can act on has a code; `describeFailure` maps any thrown
 * value to the one line and the exit status both entry points (the CLI and the
 * Action) report.
 */
import { escapeLogText } from "./log-text.js";

/**
 * Why a run stopped: `input` (arguments, inputs, files the user can fix),
 * `rules` (a rules or rules-test file, every problem listed), `evidence` (AWS
 * could not be asked or did not answer: a gate that cannot see does not pass),
 * `internal` (anything else: a bug).
 */
export type ErrorCode = "input" | "rules" | "evidence" | "internal";

/**
 * Something the user can fix: bad arguments, unreadable or invalid input, invalid
 * rules. Exit code 2, a message naming the file (and line), no stack trace.
 */
export class InputError extends Error {
  override readonly name: string = "InputError";
  readonly code: ErrorCode = "input";
  constructor(
    message: string,
    readonly file: string | null = null,
    readonly line: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /**
   * `file:line: message`, the way compilers and linters print it, on one line:
   * line breaks and other control characters from the input it quotes are
   * shown escaped (see log-text.ts).
   */
  describe(): string {
    if (this.file === null) return escapeLogText(this.message);
    const place = this.line === null ? this.file : `${this.file}:${this.line}`;
    return escapeLogText(`${place}: ${this.message}`);
  }
}

/**
 * No input was named and none was found where the run searched: the command had
 * nothing to run on. Bare `kms-usage-lint` in such a directory shows its help.
 */
export class NoInputsError extends InputError {
  override readonly name: string = "NoInputsError";
}

/**
 * The run could not gather the evidence it needs: no usable AWS credentials, or no
 * account-region it asked could be read (unreachable, silent, not answering as AWS).
 * Exit code 2 like InputError: a gate that cannot see does not pass (SPEC §10).
 */
export class EvidenceError extends Error {
  override readonly name: string = "EvidenceError";
  readonly code: ErrorCode = "evidence";
  readonly kind = "evidence";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  /** One line: the cause (what was tried, where) and the way out; escaped like InputError's. */
  describe(): string {
    return escapeLogText(this.message);
  }
}

/** What an entry point reports when a run stops: its line(s), its exit status and why. */
export interface Failure {
  code: ErrorCode;
  /** `kms-usage-lint: …`; a rules error keeps one line per problem. Not yet escaped for a log. */
  message: string;
  /** SPEC §7: 2, the check was not evaluated, whatever stopped it. */
  exitCode: 2;
  /** The stack, for a bug: the CLI prints it under DEBUG, the Action as a debug line. */
  stack: string | null;
}

/** SPEC §7: exit 2 is "not evaluated": bad input, missing evidence and bugs alike. */
const NOT_EVALUATED = 2;

/** Maps anything thrown out of a run to what the CLI prints and the Action's step fails with. */
export function describeFailure(error: unknown): Failure {
  const stack = error instanceof Error && error.stack ? error.stack : null;
  if (error instanceof InputError || error instanceof EvidenceError) {
    return {
      code: error.code,
      message: `kms-usage-lint: ${error.describe()}`,
      exitCode: NOT_EVALUATED,
      stack,
    };
  }
  return {
    code: "internal",
    message: `kms-usage-lint: internal error: ${escapeLogText(errorMessage(error))}. This is a bug; please report it with the stack trace (DEBUG=kms-usage-lint on the command line, step debug logging in a workflow).`,
    exitCode: NOT_EVALUATED,
    stack,
  };
}

/** The message of anything thrown: an Error's own, or the value as text (a library may throw a string). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
