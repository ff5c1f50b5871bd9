/**
 * Reporting to GitHub from the Action: the check run (or workflow-command
 * annotations), review comments and the sticky comment. Each sink fails soft:
 * a failure to post is a warning, and the findings still reach the log, the
 * job summary, the outputs and the exit status. The first permission error
 * (a fork's read-only token) switches the rest of the run to what needs no
 * write access, and is said once.
 */

import { type GithubBudget, isGithubTimeout } from "../../github-api/budget.js";
import type { GithubClient, GithubConnection } from "../../github-api/client.js";
import type { GithubContext, PullRequestRef } from "../../github-api/context.js";
import { describeGithubError, isPermissionError } from "../../github-api/errors.js";
import { type Identity, whoAmI } from "../../github-api/identity.js";
import type { Report } from "../../model.js";
import { listWords, plural } from "../../show.js";
import { formatMarkdown, type MarkdownOptions } from "../formats/markdown.js";
import { formatWorkflowCommands } from "../formats/workflow-commands.js";
import { publishCheckRun } from "./check-run.js";
import type { AnnotationsMode, CommentMode } from "./modes.js";
import { publishReviewComments } from "./review-comments.js";
import { publishStickyComment } from "./sticky-comment.js";

export interface GithubReportSettings {
  annotations: AnnotationsMode;
  reviewComments: boolean;
  comment: CommentMode;
}

export interface GithubReportDeps {
  /** The API client, made by the first step that calls GitHub; null without a token: only workflow commands are possible. */
  client: GithubConnection | null;
  /** Null outside a GitHub Actions run. */
  context: GithubContext | null;
  info(message: string): void;
  warn(message: string): void;
  /** Writes workflow commands where the runner reads them (stdout). */
  writeCommands(text: string): void;
  /** The client's time budget (input `github-timeout`), when it has one. */
  budget?: GithubBudget | null;
}

/** Where the sinks may go: the API client and the run's context, when there are both. */
interface Access {
  client: GithubConnection;
  context: GithubContext;
}

/**
 * One thing to do, in order. `notice` only logs; the others write to GitHub
 * (or, for `workflow-commands`, to the runner) and each names where the
 * findings are should it fail (`instead`).
 */
export type GithubStep =
  | { kind: "notice"; message: string }
  | { kind: "workflow-commands" }
  | { kind: "check-run"; access: Access; instead: string }
  | { kind: "identity"; access: PullAccess; instead: string }
  | { kind: "review-comments"; access: PullAccess; instead: string }
  | {
      kind: "sticky-comment";
      access: PullAccess;
      mode: Exclude<CommentMode, "off">;
      instead: string;
    };

/** Access to a pull request event's run. */
interface PullAccess {
  client: GithubConnection;
  context: GithubContext & { pull: PullRequestRef };
}

/**
 * Which sinks get the report, from the settings and what the run has (a
 * client, a context, a pull request); pure. The pull request steps start with
 * `identity`, which they need to find their own earlier comments.
 */
export function planGithubReport(
  settings: GithubReportSettings,
  client: GithubConnection | null,
  context: GithubContext | null,
): GithubStep[] {
  const steps: GithubStep[] = [];
  if (settings.annotations === "commands") steps.push({ kind: "workflow-commands" });
  if (settings.annotations === "checks") {
    if (client === null || context === null) {
      steps.push(
        {
          kind: "notice",
          message:
            "No GitHub repository or token to create a check run with: annotating with workflow commands.",
        },
        { kind: "workflow-commands" },
      );
    } else {
      const instead =
        "The findings are reported as workflow-command annotations and in the job summary instead.";
      steps.push({ kind: "check-run", access: { client, context }, instead });
    }
  }

  const wantsPull = settings.reviewComments || settings.comment !== "off";
  if (!wantsPull || client === null || context === null) return steps;
  const pull = context.pull;
  if (pull === null) {
    const message = `Not a pull request event (${context.eventName || "unknown"}): no pull request comment.`;
    steps.push({ kind: "notice", message });
    return steps;
  }
  const access: PullAccess = { client, context: { ...context, pull } };
  const instead = `The findings are in ${settings.annotations === "none" ? "" : "the annotations, "}the log and the job summary.`;
  steps.push({ kind: "identity", access, instead });
  if (settings.reviewComments) steps.push({ kind: "review-comments", access, instead });
  if (settings.comment !== "off") {
    steps.push({ kind: "sticky-comment", access, mode: settings.comment, instead });
  }
  return steps;
}

/** What each writing step does, and the workflow permission it needs, for the warning. */
const STEP_PERMISSIONS = {
  "check-run": { what: "creating the check run", permission: "checks: write" },
  identity: { what: "reading the token's identity", permission: "pull-requests: read" },
  "review-comments": { what: "posting review comments", permission: "pull-requests: write" },
  "sticky-comment": {
    what: "writing the pull request comment",
    permission: "pull-requests: write",
  },
} as const;

/**
 * Reports `report` to GitHub as `settings` ask, as far as the token and the
 * event allow: plans the steps ({@link planGithubReport}) and runs them.
 */
export async function publishToGithub(
  report: Report,
  failed: boolean,
  settings: GithubReportSettings,
  options: MarkdownOptions,
  deps: GithubReportDeps,
): Promise<void> {
  await runGithubPlan(
    planGithubReport(settings, deps.client, deps.context),
    report,
    failed,
    options,
    deps,
  );
}

/**
 * Runs the steps in order. A failed step is a warning naming where the
 * findings are instead; a failed check run falls back to workflow commands;
 * without the token's identity no pull request step runs. After the first
 * permission error (a fork's read-only token) nothing more is written to
 * GitHub: each further write would only be refused again. Once the time
 * budget is spent no step starts; one warning says which step it stopped and
 * which it skipped.
 */
export async function runGithubPlan(
  steps: readonly GithubStep[],
  report: Report,
  failed: boolean,
  options: MarkdownOptions,
  deps: GithubReportDeps,
): Promise<void> {
  let readOnly = false;
  let identity: Identity = { kind: "app" };
  const writeCommands = () => deps.writeCommands(formatWorkflowCommands(report));
  const timeout: TimeoutReport = { stopped: null, skipped: [], annotated: false };
  for (const step of steps) {
    if (step.kind === "notice") {
      deps.info(step.message);
      continue;
    }
    if (step.kind === "workflow-commands") {
      writeCommands();
      continue;
    }
    if (readOnly) break;
    const { what, permission } = STEP_PERMISSIONS[step.kind];
    if (timeout.stopped !== null || deps.budget?.signal.aborted) {
      timeout.skipped.push(what);
      if (step.kind === "check-run") timeout.annotated = true;
      continue;
    }
    try {
      identity = await runStep(step, report, failed, options, identity, deps);
    } catch (error) {
      if (isGithubTimeout(error)) {
        timeout.stopped = { what, seconds: error.seconds };
        if (step.kind === "check-run") timeout.annotated = true;
        continue;
      }
      const why = describeGithubError(what, error, permission);
      if (isPermissionError(error)) {
        readOnly = true;
        deps.warn(`${why}. (A pull request from a fork gets a read-only token.) ${step.instead}`);
      } else {
        deps.warn(`${why}. ${step.instead}`);
      }
      if (step.kind === "check-run") writeCommands();
      // The pull request steps need the identity to tell our comments from others'.
      if (step.kind === "identity") break;
    }
  }
  if (timeout.annotated) writeCommands();
  const said = timeoutWarning(timeout, deps.budget?.seconds ?? null);
  if (said !== null) deps.warn(said);
}

/** What the time budget cut: the step it stopped, the steps it kept from starting. */
interface TimeoutReport {
  stopped: { what: string; seconds: number } | null;
  skipped: string[];
  /** The check run was cut or skipped: the findings went out as workflow commands. */
  annotated: boolean;
}

/** The one warning for a spent budget; null when it was not spent. */
function timeoutWarning(timeout: TimeoutReport, seconds: number | null): string | null {
  if (timeout.stopped === null && timeout.skipped.length === 0) return null;
  const budget = timeout.stopped?.seconds ?? seconds;
  const parts = [
    ...(timeout.stopped ? [`stopped ${timeout.stopped.what}`] : []),
    ...(timeout.skipped.length > 0 ? [`skipped ${listWords(timeout.skipped)}`] : []),
  ];
  const where = timeout.annotated
    ? "workflow-command annotations, the log and the job summary"
    : "the log and the job summary";
  return `GitHub took longer than github-timeout (${budget} s) to take the report: ${parts.join("; ")}. The findings are in ${where}, and the step ends with their status.`;
}

/** One writing step; returns the token's identity, as read or as it was. */
async function runStep(
  step: Exclude<GithubStep, { kind: "notice" | "workflow-commands" }>,
  report: Report,
  failed: boolean,
  options: MarkdownOptions,
  identity: Identity,
  deps: GithubReportDeps,
): Promise<Identity> {
  const { context } = step.access;
  const client: GithubClient = await step.access.client();
  switch (step.kind) {
    case "check-run": {
      const run = await publishCheckRun(client, context, report, failed, options);
      deps.info(
        `Check run ${run.url}: ${plural(run.annotations, "annotation")} in ${plural(run.batches, "request")}.`,
      );
      return identity;
    }
    case "identity":
      return whoAmI(client);
    case "review-comments": {
      const result = await publishReviewComments(
        client,
        step.access.context,
        report,
        identity,
        options,
      );
      const rejected =
        result.rejected > 0
          ? `, ${result.rejected} refused by GitHub (listed in the comment and the summary)`
          : "";
      deps.info(
        `Review comments: ${result.posted} posted, ${result.alreadyCommented} already there, ${result.notInDiff} not on a changed line${rejected}.`,
      );
      return identity;
    }
    case "sticky-comment": {
      const body = formatMarkdown(report, options);
      const worthSaying = report.findings.length > 0 || report.errors.length > 0;
      const result = await publishStickyComment(
        client,
        step.access.context,
        body,
        step.mode,
        worthSaying,
        identity,
      );
      deps.info(
        result.outcome === "skipped"
          ? "Pull request comment: nothing to report, none written."
          : `Pull request comment ${result.outcome}: ${result.url ?? ""}`,
      );
      return identity;
    }
  }
}
