/**
 * Reporting to GitHub from the Action: the check run (or workflow-command
 * annotations), review comments and the sticky comment. Each sink fails soft:
 * a failure to post is a warning, and the findings still reach the log, the
 * job summary, the outputs and the exit status. The first permission error
 * (a fork's read-only token) switches the rest of the run to what needs no
 * write access, and is said once.
 */

import type { GithubClient } from "../../github/client.js";
import type { GithubContext, PullRequestRef } from "../../github/context.js";
import { describeGithubError, isPermissionError } from "../../github/errors.js";
import { type Identity, whoAmI } from "../../github/identity.js";
import type { Report } from "../../model.js";
import { plural } from "../../show.js";
import { formatGithub } from "../formats/github.js";
import { formatMarkdown, type MarkdownOptions } from "../formats/markdown.js";
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
  /** Null without a token: only workflow commands are possible. */
  client: GithubClient | null;
  /** Null outside a GitHub Actions run. */
  context: GithubContext | null;
  info(message: string): void;
  warn(message: string): void;
  /** Writes workflow commands where the runner reads them (stdout). */
  writeCommands(text: string): void;
}

/** Reports `report` to GitHub as `settings` ask, as far as the token and the event allow. */
export async function publishToGithub(
  report: Report,
  failed: boolean,
  settings: GithubReportSettings,
  options: MarkdownOptions,
  deps: GithubReportDeps,
): Promise<void> {
  const { client, context } = deps;
  let readOnly = false;
  const writeCommands = () => deps.writeCommands(formatGithub(report));
  // Returns whether `publish` ran; a permission error turns the run read-only.
  // `instead` says where the findings are when it did not.
  const attempt = async (
    what: string,
    permission: string,
    instead: string,
    publish: () => Promise<void>,
  ) => {
    try {
      await publish();
      return true;
    } catch (error) {
      const why = describeGithubError(what, error, permission);
      if (isPermissionError(error)) {
        readOnly = true;
        deps.warn(`${why}. (A pull request from a fork gets a read-only token.) ${instead}`);
      } else {
        deps.warn(`${why}. ${instead}`);
      }
      return false;
    }
  };
  const elsewhere = `The findings are in ${settings.annotations === "none" ? "" : "the annotations, "}the log and the job summary.`;

  if (settings.annotations === "commands") writeCommands();
  if (settings.annotations === "checks") {
    if (client === null || context === null) {
      deps.info(
        "No GitHub repository or token to create a check run with: annotating with workflow commands.",
      );
      writeCommands();
    } else {
      const instead =
        "The findings are reported as workflow-command annotations and in the job summary instead.";
      const posted = await attempt("creating the check run", "checks: write", instead, async () => {
        const run = await publishCheckRun(client, context, report, failed, options);
        deps.info(
          `Check run ${run.url}: ${run.annotations} annotations in ${plural(run.batches, "request")}.`,
        );
      });
      if (!posted) writeCommands();
    }
  }

  const pull = context?.pull ?? null;
  const wantsPull = settings.reviewComments || settings.comment !== "off";
  if (!wantsPull || client === null || context === null) return;
  if (pull === null) {
    deps.info(
      `Not a pull request event (${context.eventName || "unknown"}): no pull request comment.`,
    );
    return;
  }
  if (readOnly) return;
  const onPull = { ...context, pull } as GithubContext & { pull: PullRequestRef };
  let identity: Identity = { kind: "app" };
  const known = await attempt(
    "reading the token's identity",
    "pull-requests: read",
    elsewhere,
    async () => {
      identity = await whoAmI(client);
    },
  );
  if (!known) return;

  if (settings.reviewComments) {
    await attempt("posting review comments", "pull-requests: write", elsewhere, async () => {
      const result = await publishReviewComments(client, onPull, report, identity, options);
      const rejected =
        result.rejected > 0
          ? `, ${result.rejected} refused by GitHub (listed in the comment and the summary)`
          : "";
      deps.info(
        `Review comments: ${result.posted} posted, ${result.alreadyCommented} already there, ${result.notInDiff} not on a changed line${rejected}.`,
      );
    });
  }
  if (settings.comment !== "off" && !readOnly) {
    const mode = settings.comment;
    await attempt(
      "writing the pull request comment",
      "pull-requests: write",
      elsewhere,
      async () => {
        const body = formatMarkdown(report, options);
        const worthSaying = report.findings.length > 0 || report.errors.length > 0;
        const result = await publishStickyComment(
          client,
          onPull,
          body,
          mode,
          worthSaying,
          identity,
        );
        deps.info(
          result.outcome === "skipped"
            ? "Pull request comment: nothing to report, none written."
            : `Pull request comment ${result.outcome}: ${result.url ?? ""}`,
        );
      },
    );
  }
}
