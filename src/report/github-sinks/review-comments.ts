/**
 * Review comments on the pull request's changed lines: a finding whose line is
 * in the diff gets an inline comment, once — a hidden fingerprint marks it, so
 * a later run on the same pull request does not say it again.
 */
import type { GithubClient } from "../../github-api/client.js";
import type { GithubContext, PullRequestRef } from "../../github-api/context.js";
import { githubStatus } from "../../github-api/errors.js";
import { type Identity, isOurs } from "../../github-api/identity.js";
import type { Finding, Report } from "../../model.js";
import { plural } from "../../show.js";
import {
  formatFindingComment,
  type MarkdownOptions,
  markedFingerprint,
} from "../formats/markdown.js";
import { findingPlace, type Place, subjectsById } from "../place.js";
import { type DiffLines, diffLines } from "./diff.js";

/**
 * Inline comments one run posts at most. A review is one notification however
 * many comments it holds, but a wall of them buries the conversation; the rest
 * are in the sticky comment and the check run.
 */
export const MAX_REVIEW_COMMENTS = 50;

// The largest page GitHub serves for pull request files and comments.
const PER_PAGE = 100;

export interface ReviewComment {
  fingerprint: string;
  path: string;
  line: number;
  side: "RIGHT" | "LEFT";
  body: string;
}

export interface ReviewCommentsResult {
  posted: number;
  /** Commented on by an earlier run. */
  alreadyCommented: number;
  /** On no line of the diff (or beyond `MAX_REVIEW_COMMENTS`): only in the comment and the check run. */
  notInDiff: number;
  /** Refused by GitHub (422): only in the comment and the check run. */
  rejected: number;
}

/**
 * The comments to post: findings on a diff line, not yet commented by
 * `identity` (fingerprints in `existing`), one per fingerprint. Pure.
 */
export function plannedReviewComments(
  report: Report,
  files: ReadonlyMap<string, DiffLines>,
  existing: ReadonlySet<string>,
  options: MarkdownOptions,
): { comments: ReviewComment[]; alreadyCommented: number; notInDiff: number } {
  const subjects = subjectsById(report);
  const comments: ReviewComment[] = [];
  const seen = new Set<string>();
  let alreadyCommented = 0;
  let notInDiff = 0;
  for (const finding of report.findings) {
    if (seen.has(finding.fingerprint)) continue;
    seen.add(finding.fingerprint);
    const spot = diffSpot(
      finding,
      findingPlace(finding, subjects.get(finding.subjectId), options),
      files,
    );
    if (spot === null) {
      notInDiff += 1;
    } else if (existing.has(finding.fingerprint)) {
      alreadyCommented += 1;
    } else if (comments.length >= MAX_REVIEW_COMMENTS) {
      notInDiff += 1;
    } else {
      comments.push({
        fingerprint: finding.fingerprint,
        ...spot,
        body: formatFindingComment(finding, report, options),
      });
    }
  }
  return { comments, alreadyCommented, notInDiff };
}

/**
 * Where in the diff a finding can be commented: its line when the diff shows
 * it on the new side; else, for a declaration the change deletes, its line in
 * the base revision when the diff shows that line deleted (the old side).
 */
function diffSpot(
  finding: Finding,
  place: Place | null,
  files: ReadonlyMap<string, DiffLines>,
): Pick<ReviewComment, "path" | "line" | "side"> | null {
  if (place?.relative && place.line !== null && files.get(place.file)?.right.has(place.line)) {
    return { path: place.file, line: place.line, side: "RIGHT" };
  }
  // Only on a line the diff shows deleted: the declaration the change removes.
  const base = finding.location === null ? finding.baseLocation : undefined;
  if (base && files.get(base.file)?.removed.has(base.line)) {
    return { path: base.file, line: base.line, side: "LEFT" };
  }
  return null;
}

/**
 * Reads the pull request's files and our earlier comments, then posts the new
 * comments as one review (one notification). If GitHub refuses the review
 * (422: a line it cannot place, say the head moved on since), each comment is
 * posted alone and the ones refused again are counted, not lost: they are in
 * the sticky comment and the check run.
 */
export async function publishReviewComments(
  client: GithubClient,
  context: GithubContext & { pull: PullRequestRef },
  report: Report,
  identity: Identity,
  options: MarkdownOptions,
): Promise<ReviewCommentsResult> {
  const pull = { ...context.repo, pull_number: context.pull.number, per_page: PER_PAGE };
  const files = new Map<string, DiffLines>();
  for (const file of await client.paginate(client.rest.pulls.listFiles, pull)) {
    files.set(file.filename, diffLines(file.patch));
  }
  const existing = new Set<string>();
  for (const comment of await client.paginate(client.rest.pulls.listReviewComments, pull)) {
    const fingerprint = markedFingerprint(comment.body);
    if (fingerprint !== null && isOurs(identity, comment.user)) existing.add(fingerprint);
  }
  const { comments, alreadyCommented, notInDiff } = plannedReviewComments(
    report,
    files,
    existing,
    options,
  );
  const result: ReviewCommentsResult = { posted: 0, alreadyCommented, notInDiff, rejected: 0 };
  if (comments.length === 0) return result;

  const target = {
    ...context.repo,
    pull_number: context.pull.number,
    commit_id: context.pull.headSha,
  };
  const toPost = comments.map(({ path, line, side, body }) => ({ path, line, side, body }));
  try {
    await client.rest.pulls.createReview({
      ...target,
      event: "COMMENT",
      body: `kms-usage-lint: ${plural(toPost.length, "finding")} on lines this pull request changes.`,
      comments: toPost,
    });
    return { ...result, posted: toPost.length };
  } catch (error) {
    if (githubStatus(error) !== 422) throw error;
  }
  for (const comment of toPost) {
    try {
      await client.rest.pulls.createReviewComment({ ...target, ...comment });
      result.posted += 1;
    } catch (error) {
      if (githubStatus(error) !== 422) throw error;
      result.rejected += 1;
    }
  }
  return result;
}
