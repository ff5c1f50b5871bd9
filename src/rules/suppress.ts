/**
 * Inline suppressions (SPEC §4): `# kms-usage-lint-ignore RULE reason` above the
 * block that declares a key. Suppressed findings stay in the report, listed
 * with the reason, never silently dropped.
 */
import type { InlineSuppression, KeySubject, RawFinding, Suppression } from "../model.js";

export interface Split {
  findings: RawFinding[];
  suppressed: (RawFinding & { suppression: Suppression })[];
}

/**
 * Moves each finding whose key's declaring block carries a matching inline
 * suppression (the rule id, or `*`) to `suppressed`. Only the declaring block
 * (reference kind `key`) speaks for the key: a comment above a bucket that uses
 * the key must not silence findings about the key itself.
 */
export function applyInlineSuppressions(findings: RawFinding[], subjects: KeySubject[]): Split {
  // By subject id (the last subject of an id, as a Map of them all would say), only for
  // subjects referenced at all: an inventory's 400,000 keys mostly are not.
  const keySuppressions = new Map<string, InlineSuppression[]>();
  for (const subject of subjects) {
    if (subject.references.length === 0) {
      if (keySuppressions.size > 0) keySuppressions.delete(subject.id);
      continue;
    }
    const suppressions = subject.references
      .filter((r) => r.kind === "key")
      .flatMap((r) => r.suppressions);
    keySuppressions.set(subject.id, suppressions);
  }
  const split: Split = { findings: [], suppressed: [] };
  for (const finding of findings) {
    const match = keySuppressions
      .get(finding.subjectId)
      ?.find((s) => s.ruleId === finding.ruleId || s.ruleId === "*");
    if (match)
      split.suppressed.push({ ...finding, suppression: { by: "inline", reason: match.reason } });
    else split.findings.push(finding);
  }
  return split;
}
