/**
 * The commands the GitHub Actions runner would act on in a step's output, read
 * the way actions/runner reads them (`ActionCommand.TryParseV2`/`TryParse`,
 * `ActionCommandManager.TryProcessCommand`): line by line (`\r`, `\n` or both
 * end a line); a line whose text after leading whitespace starts with `::` and
 * has a second `::` is a workflow command; any other line holding `##[` and a
 * later `]` is a legacy one. After `stop-commands`, nothing is a command until
 * one named by its token.
 *
 * Stricter than the runner where that is cheaper than being exact: every command
 * name counts (the runner ignores names it does not know), and characters that
 * .NET's culture-sensitive comparison skips (zero-width and other invisible
 * characters, controls) are removed before looking — so a test that finds no
 * command here finds none the runner would.
 */

export interface RunnerCommand {
  /** 1-based line of the output. */
  line: number;
  syntax: "workflow" | "legacy";
  name: string;
  /** The text between the name and the data (`title=…,file=…`), as written. */
  properties: string;
  data: string;
}

// What .NET's String.TrimStart removes (char.IsWhiteSpace).
const LEADING_WHITESPACE = /^[\s\u0085]+/u;
// Skipped by an ICU comparison without weight for them.
const IGNORABLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

function parseLine(raw: string, line: number): RunnerCommand | null {
  const text = raw.replace(IGNORABLE, "");
  const trimmed = text.replace(LEADING_WHITESPACE, "");
  if (trimmed.startsWith("::")) {
    const end = trimmed.indexOf("::", 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const space = info.indexOf(" ");
      return {
        line,
        syntax: "workflow",
        name: space < 0 ? info : info.slice(0, space),
        properties: space < 0 ? "" : info.slice(space + 1),
        data: trimmed.slice(end + 2),
      };
    }
  }
  const prefix = text.indexOf("##[");
  if (prefix < 0) return null;
  const close = text.indexOf("]", prefix);
  if (close < 0) return null;
  const info = text.slice(prefix + 3, close);
  const space = info.indexOf(" ");
  return {
    line,
    syntax: "legacy",
    name: space < 0 ? info : info.slice(0, space),
    properties: space < 0 ? "" : info.slice(space + 1),
    data: text.slice(close + 1),
  };
}

/** Every command the runner would run from `output`, stop and resume included. */
export function runnerCommands(output: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  let stopToken: string | null = null;
  output.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const command = parseLine(raw, i + 1);
    if (command === null) return;
    if (stopToken !== null) {
      if (command.name.toLowerCase() !== stopToken.toLowerCase()) return;
      stopToken = null;
    } else if (command.name.toLowerCase() === "stop-commands") {
      stopToken = command.data;
    }
    commands.push(command);
  });
  return commands;
}

/** Lines that hold `##[` or start with `::` at all, stop-commands or not: for output that must hold none. */
export function commandLikeLines(output: string): string[] {
  return output
    .split(/\r\n|\r|\n/)
    .filter((raw, i) => parseLine(raw, i + 1) !== null || raw.includes("##["));
}
