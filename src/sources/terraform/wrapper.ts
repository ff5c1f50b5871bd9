/**
 * The `hashicorp/setup-terraform` wrapper (on by default) prints
 * `[command]…terraform show -json plan` before the command's output and
 * `::debug::`/`::set-output` workflow commands after it, so that
 * `terraform show -json plan > plan.json` in a workflow writes more than JSON.
 * This module finds the JSON inside.
 */

/** What was left after stripping the wrapper's lines. */
export interface Unwrapped {
  json: string;
  warning: string;
  /** Lines before the JSON, to report a syntax error at its line in the file. */
  linesBefore: number;
}

export const WRAPPER_WARNING =
  "stripped the setup-terraform wrapper's lines (set terraform_wrapper: false on hashicorp/setup-terraform to get plain JSON)";

// @actions/exec echoes the command it runs with this prefix.
const COMMAND_PREFIX = "[command]";
// Workflow commands start a line with `::`; JSON never does.
const WORKFLOW_COMMAND = "\n::";
// The wrapper escapes the command's final newline in set-output values.
const ESCAPED_NEWLINE = "%0A";

/**
 * The JSON part of a text the setup-terraform wrapper wrote, or null when the
 * text does not start with its `[command]` line. Slices the text once: a
 * plan may be hundreds of megabytes.
 */
export function stripWrapper(text: string): Unwrapped | null {
  let start = 0;
  while (start < text.length && isBlank(text.charCodeAt(start))) start++;
  if (!text.startsWith(COMMAND_PREFIX, start)) return null;
  const firstNewline = text.indexOf("\n", start);
  if (firstNewline === -1) return null;
  const bodyStart = firstNewline + 1;
  const commands = text.indexOf(WORKFLOW_COMMAND, firstNewline);
  let end = commands === -1 ? text.length : commands;
  while (end > bodyStart && isBlank(text.charCodeAt(end - 1))) end--;
  if (text.endsWith(ESCAPED_NEWLINE, end)) end -= ESCAPED_NEWLINE.length;
  let linesBefore = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < bodyStart; i = text.indexOf("\n", i + 1)) {
    linesBefore++;
  }
  return { json: text.slice(bodyStart, end), warning: WRAPPER_WARNING, linesBefore };
}

/** Space, tab, CR, LF, and the byte order mark Windows editors write. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xfeff;
}
