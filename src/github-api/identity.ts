/**
 * Who the token writes as, so that the sticky comment and earlier review
 * comments are looked for only among our own: a marker pasted by someone else
 * must not make us edit or skip their comment.
 */
import type { GithubClient } from "./client.js";
import { githubStatus } from "./errors.js";

/**
 * A user token (a PAT) knows its login. An installation token — the workflow's
 * `GITHUB_TOKEN` or a GitHub App's — cannot read `/user`; its comments are
 * written by the app's bot account, so bot-written comments are ours.
 */
export type Identity = { kind: "user"; login: string } | { kind: "app" };

export interface CommentAuthor {
  login: string;
  type?: string;
}

export async function whoAmI(client: GithubClient): Promise<Identity> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { kind: "user", login: data.login };
  } catch (error) {
    // 403 "Resource not accessible by integration": an installation token.
    if (githubStatus(error) === 403 || githubStatus(error) === 404) return { kind: "app" };
    throw error;
  }
}

/** Whether a comment's author is the identity we write as. */
export function isOurs(identity: Identity, author: CommentAuthor | null | undefined): boolean {
  if (!author) return false;
  if (identity.kind === "user") return author.login.toLowerCase() === identity.login.toLowerCase();
  return author.type === "Bot";
}
