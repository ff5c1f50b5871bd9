/**
 * The one logging module (STYLE 15): the `Logger` the pipeline is given, and
 * its four makings — the command line's (stderr), the Actions runner's, a
 * silent one, and a recording one tests assert on.
 */
import { escapeLogText } from "./log-text.js";

/** Where the stages say what they found (`info`), what looks wrong (`warn`) and notes (`debug`). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

/** Says nothing: for commands whose output is all there is (`test`, `rules`). */
export const SILENT_LOGGER: Logger = Object.freeze({
  info: () => {},
  warn: () => {},
  debug: () => {},
});

/** What the command line was asked to show. */
export interface CliLoggerOptions {
  /** `--quiet`: nothing at all. */
  quiet: boolean;
  /** `--verbose` (or DEBUG): the notes too. */
  verbose: boolean;
}

/**
 * The command line's logger: one line on stderr per message, so that stdout
 * stays the report. Messages quote inputs (file names, addresses, AWS
 * answers): escaped, one line each.
 */
export function cliLogger(writeStderr: (text: string) => void, options: CliLoggerOptions): Logger {
  const line = (prefix: string, message: string) => {
    if (!options.quiet) writeStderr(`${prefix}${escapeLogText(message)}\n`);
  };
  return {
    info: (message) => line("", message),
    warn: (message) => line("warning: ", message),
    // Notes (what was left unresolved on purpose) only when asked for.
    debug: (message) => {
      if (options.verbose) line("note: ", message);
    },
  };
}

/** The runner's side of `@actions/core` a logger needs. */
export interface ActionsLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

/**
 * The Action's logger: info to the log, warnings as annotations, notes as debug
 * lines (shown with step debug logging). `runner` escapes what it prints.
 */
export function actionsLogger(runner: ActionsLog): Logger {
  return {
    info: (message) => runner.info(message),
    warn: (message) => runner.warning(message),
    debug: (message) => runner.debug(message),
  };
}

/** One message a recording logger kept. */
export interface LoggedMessage {
  level: keyof Logger;
  message: string;
}

/** A logger that keeps what it was told, in order, for tests to assert on. */
export interface RecordingLogger extends Logger {
  readonly messages: LoggedMessage[];
  /** The messages at one level, in order. */
  at(level: keyof Logger): string[];
}

/** A logger that records every message instead of printing it (codeql-action's `getRecordingLogger`). */
export function recordingLogger(): RecordingLogger {
  const messages: LoggedMessage[] = [];
  const record = (level: keyof Logger) => (message: string) => {
    messages.push({ level, message });
  };
  return {
    messages,
    info: record("info"),
    warn: record("warn"),
    debug: record("debug"),
    at: (level) => messages.filter((m) => m.level === level).map((m) => m.message),
  };
}
