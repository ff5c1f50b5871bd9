/**
 * Evaluates compiled rules over key subjects (SPEC §1: pure, no I/O). Sorting
 * and fingerprinting happen once, later, in the report.
 */
import type { KeySubject, RawFinding, SourceLocation } from "../model.js";
import type { FactContext } from "./catalog.js";
import type { RuleSet } from "./types.js";

/** The address a finding names: the change's, else the declaring resource's, else any reference's. */
function addressOf(subject: KeySubject): string | null {
  const refs = subject.references;
  return (
    subject.change?.address ??
    refs.find((ref) => ref.kind === "key")?.address ??
    refs[0]?.address ??
    null
  );
}

/** Where a finding is annotated: the declaring resource when it has a line, else any reference with one. */
function locationOf(subject: KeySubject): SourceLocation | null {
  const refs = subject.references;
  return (
    refs.find((ref) => ref.kind === "key" && ref.location !== null)?.location ??
    refs.find((ref) => ref.location !== null)?.location ??
    null
  );
}

/**
 * Where a finding without a line sat before the change removed it: the line in
 * the base revision of a reference the change removes (review comments only).
 */
function baseLocationOf(subject: KeySubject): SourceLocation | undefined {
  const refs = subject.references;
  return (
    refs.find((ref) => ref.kind === "key" && ref.baseLocation)?.baseLocation ??
    refs.find((ref) => ref.baseLocation)?.baseLocation
  );
}

/** Every finding: each rule whose condition holds for each subject, in subject then rule order. */
export function evaluate(
  subjects: readonly KeySubject[],
  ruleSet: RuleSet,
  now: Date,
): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const subject of subjects) {
    const ctx: FactContext = { subject, now };
    const location = locationOf(subject);
    const baseLocation = location === null ? baseLocationOf(subject) : undefined;
    for (const rule of ruleSet.rules) {
      if (!rule.test(ctx)) continue;
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        message: rule.render(ctx),
        subjectId: subject.id,
        keyArn: subject.arn,
        address: addressOf(subject),
        location,
        ...(baseLocation ? { baseLocation } : {}),
      });
    }
  }
  return findings;
}
