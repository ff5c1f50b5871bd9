/**
 * How the GitHub sinks may report, by name: the Action's `annotations` and
 * `comment` inputs are checked against these.
 */

/**
 * `checks`: a check run with annotations; `commands`: workflow-command
 * annotations (10 per severity shown); `none`.
 */
export const ANNOTATIONS_MODES = ["checks", "commands", "none"] as const;
export type AnnotationsMode = (typeof ANNOTATIONS_MODES)[number];

/**
 * The sticky comment: `update` edits our last comment (or writes one); `new`
 * adds one every run; `delete-and-new` deletes ours and writes a fresh one at the bottom.
 */
export const COMMENT_MODES = ["update", "new", "delete-and-new", "off"] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
