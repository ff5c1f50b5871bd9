/**
 * The job summary (`GITHUB_STEP_SUMMARY`): the Markdown report, then what the
 * Action did on GitHub. The Action writes it twice, whole each time: before the
 * GitHub writes, so that a job cancelled or timed out while posting still shows
 * the findings, and after them, with their outcome.
 */

import type { Report } from "../../model.js";
import { escapeMarkdown } from "../formats/escape.js";
import { formatMarkdown, type MarkdownOptions, utf8Length } from "../formats/markdown.js";

/**
 * The runner uploads a step summary of at most 1 MiB and refuses a larger one
 * whole ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of
 * 1024k"); it measures the file, so in UTF-8 bytes, not characters.
 */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

// Kept for the reporting section out of the limit: a few lines per GitHub step.
const REPORTING_ROOM_BYTES = 16 * 1024;

/** What the first write says where the outcome will be. */
const IN_PROGRESS =
  "_Reporting to GitHub…_ (this summary is written again when it is done: if this line stays, the step was stopped first)";

/** The report part of the summary, bounded so that the reporting section still fits. */
export function summaryReport(report: Report, options: MarkdownOptions): string {
  return formatMarkdown(report, {
    ...options,
    maxLength: STEP_SUMMARY_LIMIT_BYTES - REPORTING_ROOM_BYTES,
    measure: utf8Length,
  });
}

/**
 * The whole summary: `body` (from {@link summaryReport}) and the reporting
 * section — in progress (`reporting` null), or the lines the Action said while
 * reporting, escaped and bounded. No lines (nothing was asked of GitHub): no section.
 */
export function jobSummary(body: string, reporting: readonly string[] | null): string {
  if (reporting === null) return `${body}\n${IN_PROGRESS}\n`;
  if (reporting.length === 0) return body;
  const head = "\n### Reporting to GitHub\n\n";
  let room = REPORTING_ROOM_BYTES - utf8Length(head);
  const items: string[] = [];
  for (const [i, line] of reporting.entries()) {
    const item = `- ${escapeMarkdown(line)}\n`;
    const more = `- … ${reporting.length - i} more in the log\n`;
    if (utf8Length(item) + utf8Length(more) > room) {
      items.push(more);
      break;
    }
    items.push(item);
    room -= utf8Length(item);
  }
  return `${body}${head}${items.join("")}`;
}
