/**
 * The check run: one per run, on the pull request's head commit, with the
 * findings as annotations on their lines and the Markdown report as its
 * summary. Annotations go in batches, as the Checks API takes them.
 */
import type { GithubClient } from "../../github-api/client.js";
import type { GithubContext } from "../../github-api/context.js";
import type { Report, Severity } from "../../model.js";
import { plural } from "../../show.js";
import { truncate } from "../formats/escape.js";
import { formatMarkdown, type MarkdownOptions } from "../formats/markdown.js";
import { MESSAGE_LIMIT, TITLE_LIMIT } from "../formats/workflow-commands.js";
import { findingPlace, subjectsById } from "../place.js";
import { severityCounts } from "../words.js";

/** The check run's name, as the pull request's checks list shows it. */
export const CHECK_RUN_NAME = "kms-usage-lint";

/** GitHub rejects more than 50 annotations in one Checks API request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** GitHub rejects a check run `output.summary` longer than 65,535 characters. */
export const CHECK_SUMMARY_LIMIT = 65_535;

const LEVEL: Record<Severity, "failure" | "warning" | "notice"> = {
  error: "failure",
  warning: "warning",
  notice: "notice",
};

/** A Checks API annotation. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

export type CheckConclusion = "success" | "neutral" | "failure";

/**
 * The findings that have a line in the repository, most severe first (the
 * report's order). The others have no place in the diff view; the summary lists them.
 */
export function checkAnnotations(report: Report, options: MarkdownOptions): CheckAnnotation[] {
  const subjects = subjectsById(report);
  return report.findings.flatMap((finding) => {
    const place = findingPlace(finding, subjects.get(finding.subjectId), options);
    if (place === null || place.line === null || !place.relative) return [];
    return [
      {
        path: place.file,
        start_line: place.line,
        end_line: place.line,
        annotation_level: LEVEL[finding.severity],
        title: truncate(finding.ruleId, TITLE_LIMIT),
        message: truncate(finding.message, MESSAGE_LIMIT),
      },
    ];
  });
}

/** Failure when the step fails; neutral when there are findings below `fail-on`; else success. */
export function checkConclusion(report: Report, failed: boolean): CheckConclusion {
  if (failed) return "failure";
  return report.findings.length > 0 || report.errors.length > 0 ? "neutral" : "success";
}

/** The check run's one-line title: the counts, or that there was nothing to find. */
export function checkTitle(report: Report): string {
  const counts = severityCounts(report.summary);
  const checked = plural(report.summary.keys, "key");
  if (counts.length > 0) return `${counts.join(", ")} in ${checked}`;
  if (report.errors.length > 0) return `No problems found in ${checked}; some could not be checked`;
  return `No problems in ${checked}`;
}

export interface CheckRunResult {
  url: string;
  annotations: number;
  /** Requests that carried annotations (the create and each update). */
  batches: number;
}

/**
 * Creates the completed check run on the head commit with the first batch of
 * annotations, then adds the rest a batch per update (GitHub appends them).
 */
export async function publishCheckRun(
  client: GithubClient,
  context: GithubContext,
  report: Report,
  failed: boolean,
  options: MarkdownOptions,
): Promise<CheckRunResult> {
  const annotations = checkAnnotations(report, options);
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const output = (batch: CheckAnnotation[] | undefined) => ({
    title: checkTitle(report),
    summary: formatMarkdown(report, { ...options, maxLength: CHECK_SUMMARY_LIMIT }),
    ...(batch ? { annotations: batch } : {}),
  });
  const { data } = await client.rest.checks.create({
    ...context.repo,
    name: CHECK_RUN_NAME,
    head_sha: context.sha,
    status: "completed",
    conclusion: checkConclusion(report, failed),
    output: output(batches[0]),
  });
  for (const batch of batches.slice(1)) {
    await client.rest.checks.update({
      ...context.repo,
      check_run_id: data.id,
      output: output(batch),
    });
  }
  return { url: data.html_url ?? "", annotations: annotations.length, batches: batches.length };
}
