/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`),
 * one per finding, most severe first: GitHub shows only the first 10 of each
 * severity in a step as annotations, and the rest only in the log.
 */

import { breakLegacyCommands, escapeInvisible } from "../../log-text.js";
import { type Finding, type Report, SEVERITIES, type Severity } from "../../model.js";
import { listWords, plural } from "../../show.js";
import { escapeData, escapeProperty, truncate } from "./escape.js";

/** GitHub turns at most 10 workflow commands of each severity in a step into annotations. */
export const ANNOTATIONS_PER_SEVERITY = 10;

// The Checks API rejects an annotation message over 64 KB; a UTF-16 code unit is at
// most 3 bytes of UTF-8 (a surrogate pair, 4 bytes for 2 units), so 21,000 units fit.
export const MESSAGE_LIMIT = 21_000;
// ...and a title over 255 characters.
export const TITLE_LIMIT = 255;

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", notice: "notice" };

/**
 * Renders the report as workflow commands, a line each: errors, then what could
 * not be checked (as warnings), then warnings, then notices. When some severity
 * has more than GitHub shows, a notice says how many are only in the log; it goes
 * before the findings' notices so that it is itself among those shown.
 */
export function formatWorkflowCommands(report: Report): string {
  // The report is sorted by severity already; a stable sort keeps this format's
  // promise (most severe first) whatever order it is handed.
  const findings = [...report.findings].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
  );
  const of = (severity: Severity) => findings.filter((f) => f.severity === severity);
  const errors = of("error");
  const warnings = of("warning");
  const notices = of("notice");
  const problems = report.errors.map((error) =>
    command(
      "warning",
      { title: "kms-usage-lint could not check" },
      `${error.source}: ${error.message}`,
    ),
  );

  const hidden = {
    error: Math.max(0, errors.length - ANNOTATIONS_PER_SEVERITY),
    warning: Math.max(0, problems.length + warnings.length - ANNOTATIONS_PER_SEVERITY),
    notice: Math.max(0, notices.length - ANNOTATIONS_PER_SEVERITY),
  };
  const overflow = hidden.error + hidden.warning + hidden.notice > 0;
  // The overflow notice takes one of the ten notice places.
  if (overflow) hidden.notice = Math.max(0, notices.length - (ANNOTATIONS_PER_SEVERITY - 1));

  const lines = [
    ...errors.map(annotation),
    ...problems,
    ...warnings.map(annotation),
    ...(overflow ? [overflowNotice(hidden)] : []),
    ...notices.map(annotation),
  ];
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

function annotation(finding: Finding): string {
  const where: Record<string, string> = finding.location
    ? { file: finding.location.file, line: String(finding.location.line) }
    : {};
  return command(COMMAND[finding.severity], { title: finding.ruleId, ...where }, finding.message);
}

function overflowNotice(hidden: Record<Severity, number>): string {
  const counts = SEVERITIES.filter((s) => hidden[s] > 0).map((s) => plural(hidden[s], `more ${s}`));
  const what = listWords(counts);
  const total = SEVERITIES.reduce((sum, s) => sum + hidden[s], 0);
  return command(
    "notice",
    { title: "kms-usage-lint: more findings than annotations" },
    `GitHub shows ${ANNOTATIONS_PER_SEVERITY} annotations of each severity per step: ${what} ${total === 1 ? "is" : "are"} only in this step's log.`,
  );
}

/**
 * One workflow command, properties in the order `@actions/core` writes them
 * (title, file, line), so that its output and ours are the same bytes.
 */
function command(name: string, properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== "")
    .map(
      ([key, value]) =>
        `${key}=${escapeProperty(clean(key === "title" ? truncate(value, TITLE_LIMIT) : value))}`,
    )
    .join(",");
  return `::${name}${props ? ` ${props}` : ""}::${escapeData(clean(truncate(message, MESSAGE_LIMIT)))}`;
}

// Line breaks survive (escaped, an annotation can span lines); other control
// characters (terminal escape sequences in a key description) become spaces;
// invisible characters are shown escaped, and `##[` broken, so that no line of
// the log holds a legacy runner command (see log-text.ts).
function clean(text: string): string {
  return breakLegacyCommands(escapeInvisible(text.replace(/[^\P{Cc}\r\n]/gu, " ")));
}
