/**
 * The sticky pull request comment: the Markdown report, found again in later
 * runs by its hidden marker among the comments we wrote, and edited in place
 * (or replaced) rather than piled up.
 */

import type { GithubClient } from "../../github-api/client.js";
import type { GithubContext, PullRequestRef } from "../../github-api/context.js";
import { type Identity, isOurs } from "../../github-api/identity.js";
import { MARKDOWN_MARKER } from "../formats/markdown.js";
import type { CommentMode } from "./modes.js";

export type CommentOutcome = "created" | "updated" | "unchanged" | "replaced" | "skipped";

export interface StickyCommentResult {
  outcome: CommentOutcome;
  url: string | null;
}

// The largest page GitHub serves for issue comments.
const PER_PAGE = 100;

/**
 * Writes `body` (which starts with `MARKDOWN_MARKER`) as the pull request's
 * sticky comment. With nothing to say (`worthSaying` false: no findings, nothing
 * that could not be checked) and no earlier comment, it writes nothing: a clean
 * pull request gets no comment, but one that was flagged sees the all-clear.
 */
export async function publishStickyComment(
  client: GithubClient,
  context: GithubContext & { pull: PullRequestRef },
  body: string,
  mode: Exclude<CommentMode, "off">,
  worthSaying: boolean,
  identity: Identity,
): Promise<StickyCommentResult> {
  const issue = { ...context.repo, issue_number: context.pull.number };
  const ours = (
    await client.paginate(client.rest.issues.listComments, { ...issue, per_page: PER_PAGE })
  ).filter(
    (comment) => comment.body?.startsWith(MARKDOWN_MARKER) && isOurs(identity, comment.user),
  );
  if (!worthSaying && ours.length === 0) return { outcome: "skipped", url: null };

  const last = ours.at(-1);
  if (mode === "update" && last) {
    if (last.body === body) return { outcome: "unchanged", url: last.html_url };
    const { data } = await client.rest.issues.updateComment({
      ...context.repo,
      comment_id: last.id,
      body,
    });
    return { outcome: "updated", url: data.html_url };
  }
  if (mode === "delete-and-new") {
    for (const comment of ours) {
      await client.rest.issues.deleteComment({ ...context.repo, comment_id: comment.id });
    }
  }
  const { data } = await client.rest.issues.createComment({ ...issue, body });
  const replaced = mode === "delete-and-new" && ours.length > 0;
  return { outcome: replaced ? "replaced" : "created", url: data.html_url };
}
