/**
 * Terminal output, grouped by file like ESLint's "stylish": one line per finding
 * (line, severity, message, rule), then a one-line summary.
 */
import { escapeLogText } from "../../log-text.js";
import type { Finding, Report, Severity } from "../../model.js";
import { compareText } from "../../order.js";
import { plural } from "../../show.js";
import { outOfScopeWords } from "../words.js";

export interface TextOptions {
  /** ANSI colour; the CLI turns it on only when stdout is a TTY. */
  color: boolean;
}

const ANSI = {
  reset: "\u001b[0m",
  red: "\u001b[31m",
  yellow: "\u001b[33m",
  blue: "\u001b[34m",
  dim: "\u001b[2m",
  bold: "\u001b[1m",
  underline: "\u001b[4m",
};
const SEVERITY_COLOR: Record<Severity, string> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  notice: ANSI.blue,
};

/** Renders the report for a terminal. */
export function formatText(report: Report, options: TextOptions): string {
  const paint = (code: string, text: string) =>
    options.color ? `${code}${text}${ANSI.reset}` : text;
  const out: string[] = [];

  for (const [file, findings] of groupByFile(report)) {
    out.push(paint(ANSI.underline, oneLine(file)));
    // A line number where the code was located (or was, before the change deleted
    // it), else the resource address.
    const places = findings.map((f) =>
      oneLine(String((f.location ?? f.baseLocation)?.line ?? f.address ?? "-")),
    );
    const width = Math.max(...places.map((p) => p.length));
    findings.forEach((f, i) => {
      const where = paint(ANSI.dim, (places[i] ?? "").padEnd(width));
      const severity = paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7));
      out.push(`  ${where}  ${severity}  ${oneLine(f.message)}  ${paint(ANSI.dim, f.ruleId)}`);
    });
    out.push("");
  }
  for (const error of report.errors) {
    out.push(
      `${paint(ANSI.yellow, "could not check")} ${oneLine(error.source)}: ${oneLine(error.message)}`,
    );
  }
  if (report.errors.length > 0) out.push("");

  const { error, warning, notice, suppressed, keys } = report.summary;
  const total = error + warning + notice;
  const counts = `${plural(error, "error")}, ${plural(warning, "warning")}, ${plural(notice, "notice")}`;
  const saved = report.stats.usageCallsSaved;
  const scope = outOfScopeWords(report.stats);
  const tail = `${plural(keys, "key")} checked${scope === null ? "" : `, ${scope}`}, ${suppressed} suppressed${
    saved > 0 ? `, ${plural(saved, "GetKeyLastUsage call")} saved` : ""
  }`;
  const headline =
    total === 0
      ? paint(ANSI.bold, `✔ no problems (${tail})`)
      : paint(
          ANSI.bold + (error > 0 ? ANSI.red : ANSI.yellow),
          `✖ ${plural(total, "problem")} (${counts}); ${tail}`,
        );
  out.push(headline);
  return `${out.join("\n")}\n`;
}

/**
 * Findings grouped by their source file; one on deleted code goes under its file
 * in the base revision (a heading of its own: its lines are not the checkout's);
 * one without a line goes under the input file that references its key, so
 * nothing is left ungrouped.
 */
function groupByFile(report: Report): [string, Finding[]][] {
  // The first input file referencing each key, by subject id (the last subject of an id,
  // as a Map of them all would say): an inventory's keys mostly have none.
  const firstFiles = new Map<string, string>();
  for (const subject of report.subjects) {
    const file = subject.references[0]?.file;
    if (file !== undefined) firstFiles.set(subject.id, file);
    else if (firstFiles.size > 0) firstFiles.delete(subject.id);
  }
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const base = f.location === null ? f.baseLocation : undefined;
    const file =
      f.location?.file ??
      (base ? `${base.file} (base revision, deleted lines)` : undefined) ??
      firstFiles.get(f.subjectId) ??
      "(no file)";
    const list = groups.get(file) ?? [];
    list.push(f);
    groups.set(file, list);
  }
  return [...groups].sort(([a], [b]) => compareText(a, b));
}

// Text from AWS or an input must neither break the one-line layout, send escape
// sequences to the terminal, nor issue a command to the Actions runner reading the log.
function oneLine(text: string): string {
  return escapeLogText(text);
}
