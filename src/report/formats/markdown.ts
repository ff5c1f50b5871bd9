/**
 * The pull request comment and job summary body: a verdict, the findings as a
 * table, then collapsed sections for suppressed findings, the keys checked and
 * the rules' help. Never longer than GitHub accepts: rows that do not fit are
 * counted, not cut mid-way.
 */
import type { Finding, KeySubject, Report, Severity, SuppressedFinding } from "../../model.js";
import { plural as countedWord, listWords } from "../../show.js";
import type { FormatOptions, RuleMeta } from "../format-options.js";
import { findingPlace, keyName, subjectsById } from "../place.js";
import { outOfScopeWords, severityCounts } from "../words.js";
import { codeSpan, escapeMarkdown, truncate } from "./escape.js";

/** The hidden first line the sticky comment is found by. */
export const MARKDOWN_MARKER = "<!-- kms-usage-lint -->";

/**
 * GitHub rejects an issue or pull request comment body longer than 65,536
 * characters. It counts code points; a JavaScript length counts UTF-16 code
 * units, never fewer, so measuring `.length` stays on the safe side.
 */
export const COMMENT_BODY_LIMIT = 65_536;

// The verdict names at most this many rules; the table has them all.
const VERDICT_RULES = 5;
const VERDICT_DESCRIPTION_LIMIT = 300;
const REASON_LIMIT = 300;
const HELP_LIMIT = 4_000;

export interface MarkdownOptions extends Partial<FormatOptions> {
  /** The longest body to produce; default `COMMENT_BODY_LIMIT`. */
  maxLength?: number;
  /**
   * How `maxLength` is measured; default UTF-16 code units (`text.length`). The
   * job summary is limited in UTF-8 bytes ({@link utf8Length}).
   */
  measure?: (text: string) => number;
  /** Where the rows left out can be read, for the truncation note. */
  fullReport?: string;
}

const ICON: Record<Severity, string> = { error: "❌", warning: "⚠️", notice: "ℹ️" };

/** Renders the report as GitHub-flavoured Markdown, at most `maxLength` characters long. */
export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? COMMENT_BODY_LIMIT;
  const measure = options.measure ?? utf16Length;
  const size = (lines: string[]) => linesSize(lines, measure);
  const where = options.fullReport ?? "the job summary and the JSON report";
  const subjects = subjectsById(report);
  const rules = new Map((options.rules ?? []).map((rule) => [rule.id, rule]));

  const head = [
    MARKDOWN_MARKER,
    "",
    headline(report),
    "",
    ...verdictRules(report, rules),
    stats(report),
  ];
  const tail = [
    "",
    `<sub>${escapeMarkdown(`${report.tool.name} ${report.tool.version}`)} · evaluated ${escapeMarkdown(report.evaluatedAt)}</sub>`,
  ];
  const sections = [
    findingsSection(report, subjects, options, where),
    errorsSection(report, where),
    suppressedSection(report, subjects, options, where),
    keysSection(report, where),
    rulesSection(report, rules),
  ].filter((section): section is Section => section !== null);

  const out = [...head];
  let left = maxLength - size(head) - size(tail);
  sections.forEach((section, i) => {
    // Later sections keep room to say, at least, what they left out.
    const reserved = sections
      .slice(i + 1)
      .reduce((sum, s) => sum + size(["", s.more(s.rows.length, true)]), 0);
    const lines = fitRows(section, left - reserved, measure);
    out.push(...lines);
    left -= size(lines);
  });
  out.push(...tail);
  const text = `${out.join("\n")}\n`;
  // Only a `maxLength` smaller than the verdict itself gets here. A UTF-16 code
  // unit takes at most 3 bytes in UTF-8, so a third of the limit fits in bytes too.
  if (measure(text) <= maxLength) return text;
  return truncate(text, measure === utf16Length ? maxLength : Math.floor(maxLength / 3));
}

function utf16Length(text: string): number {
  return text.length;
}

/** The bytes `text` takes in UTF-8: a `measure` for limits counted in bytes. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * A part of the body made of rows, any number of which may be left out:
 * `open` and `close` surround the rows, `more(n, all)` is the line that says
 * `n` rows were left out (`all`: every one of them).
 */
interface Section {
  open: string[];
  rows: string[];
  close: string[];
  more: (n: number, all: boolean) => string;
}

/** What `lines` take in the body, as `measure` counts: each is followed by a newline. */
function linesSize(lines: string[], measure: (text: string) => number): number {
  return lines.reduce((sum, line) => sum + measure(line) + 1, 0);
}

/** As many rows as fit in `budget`, then a note of how many were left out. */
function fitRows(section: Section, budget: number, measure: (text: string) => number): string[] {
  const size = (lines: string[]) => linesSize(lines, measure);
  const whole = [...section.open, ...section.rows, ...section.close];
  if (size(whole) <= budget) return whole;
  const note = (n: number, all: boolean) => ["", section.more(n, all)];
  let room =
    budget - size(section.open) - size(section.close) - size(note(section.rows.length, false));
  const kept: string[] = [];
  for (const row of section.rows) {
    const rowSize = measure(row) + 1;
    if (rowSize > room) break;
    kept.push(row);
    room -= rowSize;
  }
  if (kept.length === 0) {
    const none = note(section.rows.length, true);
    return size(none) <= budget ? none : [];
  }
  return [
    ...section.open,
    ...kept,
    ...note(section.rows.length - kept.length, false),
    ...section.close,
  ];
}

/** The hidden first line a review comment on a finding is known by in later runs. */
export function findingMarker(fingerprint: string): string {
  return `<!-- kms-usage-lint:finding ${fingerprint} -->`;
}

/** Reads the fingerprint back from a comment body that starts with `findingMarker`. */
export function markedFingerprint(body: string): string | null {
  return /^<!-- kms-usage-lint:finding ([0-9a-f]{1,64}) -->/.exec(body)?.[1] ?? null;
}

/**
 * A review comment on one finding: its marker, severity, rule and key, the
 * message, and the rule's help collapsed under it.
 */
export function formatFindingComment(
  finding: Finding,
  report: Report,
  options: MarkdownOptions = {},
): string {
  const subject = subjectsById(report).get(finding.subjectId);
  const rule = (options.rules ?? []).find((r) => r.id === finding.ruleId);
  const lines = [
    findingMarker(finding.fingerprint),
    `${ICON[finding.severity]} **${finding.severity}** · ${codeSpan(finding.ruleId)} · ${keyCell(finding, subject, false)}`,
    "",
    escapeMarkdown(finding.message),
  ];
  if (rule?.help) {
    lines.push(
      "",
      "<details>",
      "<summary>What to do</summary>",
      "",
      escapeMarkdown(rule.help, { maxLength: HELP_LIMIT }),
      "</details>",
    );
  }
  lines.push("", `<sub>${escapeMarkdown(`${report.tool.name} ${report.tool.version}`)}</sub>`);
  return `${lines.join("\n")}\n`;
}

function headline(report: Report): string {
  const { error, warning, keys } = report.summary;
  const checked = plural(keys, "key");
  const counts = severityCounts(report.summary, grouped);
  if (counts.length > 0) {
    const icon = ICON[error > 0 ? "error" : warning > 0 ? "warning" : "notice"];
    return `### ${icon} kms-usage-lint: ${listWords(counts)} in ${checked}`;
  }
  if (report.errors.length > 0) {
    return `### ⚠️ kms-usage-lint: no problems found in ${checked}, but not everything could be checked`;
  }
  return `### ✅ kms-usage-lint: no problems in ${checked}`;
}

/** What the findings are about, a line per rule, most severe first. */
function verdictRules(report: Report, rules: Map<string, RuleMeta>): string[] {
  const counts = new Map<string, { severity: Severity; count: number }>();
  for (const finding of report.findings) {
    const seen = counts.get(finding.ruleId);
    if (seen) seen.count += 1;
    else counts.set(finding.ruleId, { severity: finding.severity, count: 1 });
  }
  const lines = [...counts].slice(0, VERDICT_RULES).map(([id, { severity, count }]) => {
    const description = rules.get(id)?.description;
    const what = description
      ? `${escapeMarkdown(description, { maxLength: VERDICT_DESCRIPTION_LIMIT })} (${codeSpan(id)}, ${plural(count, "finding")})`
      : `${codeSpan(id)} (${plural(count, "finding")})`;
    return `- ${ICON[severity]} ${what}`;
  });
  if (counts.size > VERDICT_RULES)
    lines.push(`- …and ${plural(counts.size - VERDICT_RULES, "more rule")}`);
  return lines.length > 0 ? [...lines, ""] : [];
}

function stats(report: Report): string {
  const parts = [`${plural(report.summary.keys, "key")} checked`];
  const outOfScope = outOfScopeWords(report.stats);
  if (outOfScope !== null) parts.push(outOfScope);
  if (report.summary.suppressed > 0) parts.push(`${report.summary.suppressed} suppressed`);
  if (report.errors.length > 0) parts.push(`${report.errors.length} could not be checked`);
  return parts.join(" · ");
}

function findingsSection(
  report: Report,
  subjects: Map<string, KeySubject>,
  options: MarkdownOptions,
  where: string,
): Section | null {
  if (report.findings.length === 0) return null;
  return {
    open: ["", "| Severity | Key | Evidence | Where | Rule |", "| --- | --- | --- | --- | --- |"],
    rows: report.findings.map((finding) => {
      const subject = subjects.get(finding.subjectId);
      return row([
        `${ICON[finding.severity]} ${finding.severity}`,
        keyCell(finding, subject),
        escapeMarkdown(finding.message),
        whereCell(finding, subject, options),
        codeSpan(finding.ruleId, { table: true }),
      ]);
    }),
    close: [],
    more: (n, all) =>
      all
        ? `${plural(n, "finding")} not listed here, to stay within GitHub's size limit; the full list is in ${where}.`
        : `…and ${plural(n, "more finding")}; the full list is in ${where}.`,
  };
}

function errorsSection(report: Report, where: string): Section | null {
  if (report.errors.length === 0) return null;
  return {
    open: ["", "#### ⚠️ Could not check", ""],
    rows: report.errors.map(
      (error) => `- ${codeSpan(error.source)}: ${escapeMarkdown(error.message)}`,
    ),
    close: [],
    more: (n, all) =>
      all
        ? `${plural(n, "problem")} checking inputs or keys, not listed here; see ${where}.`
        : `- …and ${n} more; see ${where}.`,
  };
}

function suppressedSection(
  report: Report,
  subjects: Map<string, KeySubject>,
  options: MarkdownOptions,
  where: string,
): Section | null {
  if (report.suppressed.length === 0) return null;
  const count = plural(report.suppressed.length, "suppressed finding");
  return {
    open: [
      "",
      "<details>",
      `<summary>${count}</summary>`,
      "",
      "| Severity | Key | Rule | Reason | Suppressed by |",
      "| --- | --- | --- | --- | --- |",
    ],
    rows: report.suppressed.map((finding) => {
      const subject = subjects.get(finding.subjectId);
      return row([
        `${ICON[finding.severity]} ${finding.severity}`,
        keyCell(finding, subject),
        codeSpan(finding.ruleId, { table: true }),
        escapeMarkdown(finding.suppression.reason, { maxLength: REASON_LIMIT }),
        suppressedBy(finding, subject, options),
      ]);
    }),
    close: ["", "</details>"],
    more: (n, all) =>
      all
        ? `${count}, not listed here to stay within GitHub's size limit; see ${where}.`
        : `…and ${plural(n, "more suppressed finding")}; see ${where}.`,
  };
}

function keysSection(report: Report, where: string): Section | null {
  if (report.subjects.length === 0) return null;
  const count = `${plural(report.subjects.length, "key")} checked`;
  return {
    open: [
      "",
      "<details>",
      `<summary>${count}</summary>`,
      "",
      "| Key | ARN | Usage | Last used | Change |",
      "| --- | --- | --- | --- | --- |",
    ],
    rows: report.subjects.map((subject) =>
      row([
        subjectCell(subject),
        subject.arn
          ? codeSpan(subject.arn, { table: true })
          : subject.id.startsWith("planned:")
            ? "not created yet"
            : "—",
        usageCell(subject),
        lastUsedCell(subject),
        changeCell(subject),
      ]),
    ),
    close: ["", "</details>"],
    more: (n, all) =>
      all
        ? `${count}, not listed here to stay within GitHub's size limit; see ${where}.`
        : `…and ${plural(n, "more key")}; see ${where}.`,
  };
}

/** The help of each rule that fired: what to do next, at more length than the table. */
function rulesSection(report: Report, rules: Map<string, RuleMeta>): Section | null {
  const fired = [...new Set(report.findings.map((f) => f.ruleId))]
    .map((id) => rules.get(id))
    .filter((rule): rule is RuleMeta => rule !== undefined && rule.help !== null);
  if (fired.length === 0) return null;
  return {
    open: ["", "<details>", "<summary>What the rules check, and what to do</summary>", ""],
    rows: fired.map(
      (rule) =>
        `${codeSpan(rule.id)} — ${escapeMarkdown(rule.description)}\n\n${escapeMarkdown(rule.help ?? "", { maxLength: HELP_LIMIT })}\n`,
    ),
    close: ["</details>"],
    more: (n, all) =>
      all
        ? `The help of ${plural(n, "rule")} is not shown here, to stay within GitHub's size limit.`
        : `…and the help of ${plural(n, "more rule")}.`,
  };
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** The key as the reviewer knows it (address), and its alias when it has one. */
function keyCell(finding: Finding, subject: KeySubject | undefined, table = true): string {
  const name = keyName(finding, subject);
  const alias = subject?.aliases.find((a) => a !== name);
  const cell = codeSpan(name, { table, maxLength: 300 });
  return alias ? `${cell} · ${codeSpan(alias, { table, maxLength: 300 })}` : cell;
}

function whereCell(
  finding: Finding,
  subject: KeySubject | undefined,
  options: MarkdownOptions,
): string {
  const place = findingPlace(finding, subject, options);
  const base = finding.location === null ? finding.baseLocation : undefined;
  // A declaration the change deletes: its line in the base revision says more than the input file.
  if (base && (place === null || place.line === null)) {
    return `${codeSpan(`${base.file}:${base.line}`, { table: true, maxLength: 300 })} (deleted)`;
  }
  if (!place) return "—";
  return codeSpan(place.line === null ? place.file : `${place.file}:${place.line}`, {
    table: true,
    maxLength: 300,
  });
}

function suppressedBy(
  finding: SuppressedFinding,
  subject: KeySubject | undefined,
  options: MarkdownOptions,
): string {
  if (finding.suppression.by === "config") return "config";
  const place = findingPlace(finding, subject, options);
  return place?.line ? `inline, ${whereCell(finding, subject, options)}` : "inline";
}

function subjectCell(subject: KeySubject): string {
  const name =
    subject.change?.address ??
    subject.references.find((r) => r.kind === "key")?.address ??
    subject.references[0]?.address ??
    null;
  const alias = subject.aliases[0];
  const parts = [name, alias].filter((part): part is string => typeof part === "string");
  if (parts.length === 0) return "—";
  return parts.map((part) => codeSpan(part, { table: true, maxLength: 300 })).join(" · ");
}

function usageCell(subject: KeySubject): string {
  const usage = subject.usage;
  if (!usage) return "—";
  if (usage.reason === null) return usage.status;
  return `${usage.status}: ${escapeMarkdown(usage.reason, { maxLength: REASON_LIMIT })}`;
}

function lastUsedCell(subject: KeySubject): string {
  const usage = subject.usage;
  if (!usage) return "—";
  if (usage.lastUsedAt === null) return usage.status === "unused" ? "never" : "—";
  const how = [usage.operation, usage.region].filter((part): part is string => part !== null);
  const day = usage.lastUsedAt.slice(0, 10);
  return escapeMarkdown(how.length > 0 ? `${day} (${how.join(", ")})` : day);
}

function changeCell(subject: KeySubject): string {
  const change = subject.change;
  if (!change) return "—";
  const window =
    change.deletionWindowDays === null ? "" : `, ${change.deletionWindowDays}-day window`;
  return escapeMarkdown(`${change.action}${window}${change.disables ? ", disables it" : ""}`);
}

/** Numbers in a comment read with thousands separators: 1,000 keys. */
function grouped(n: number): string {
  return n.toLocaleString("en-US");
}

function plural(n: number, word: string): string {
  return countedWord(n, word, { digits: grouped });
}
