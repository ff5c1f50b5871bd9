/**
 * Evaluates compiled rules over key subjects (SPEC §1: pure, no I/O). Sorting
 * and fingerprinting happen once, later, in the report.
 */
import type { KeySubject, RawFinding, SourceLocation } from "../model.js";
import { type FactContext, type FactPath, keyLabel, unreadableFacts } from "./catalog.js";
import type { CompiledRule, RuleSet } from "./types.js";

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

/**
 * What to do about a rule that could not be decided. Where CloudTrail answered and its
 * answer does not decide (a lookup cut short, events that cannot be read, a key enabled
 * again), nothing was denied: granting a permission would change nothing.
 */
function wayOut(
  rule: CompiledRule,
  subject: KeySubject,
  unreadable: ReadonlyMap<FactPath, string>,
): string {
  const missing = rule.factPaths.filter((path) => unreadable.has(path));
  const trailRead = subject.trail !== null && subject.trail.status !== "unavailable";
  if (trailRead && missing.every((path) => path.startsWith("trail.")))
    return "read the key's CloudTrail Event history further back (a higher --trail-max-pages) or check it by hand, and run again.";
  return "grant the missing permission (or refresh the facts snapshot) and run again.";
}

/**
 * Whether `rule` fires for the subject: true or false when the facts decide it;
 * otherwise (a fact it reads could not be had, and the rest leave it open) the
 * reason it cannot be decided — which fails closed, as a finding (SPEC §10).
 */
function verdict(
  rule: CompiledRule,
  ctx: FactContext,
  unreadable: ReadonlyMap<FactPath, string>,
): boolean | string {
  const missing = rule.factPaths.filter((path) => unreadable.has(path));
  if (missing.length === 0) return rule.test(ctx);
  const decided = rule.decide(ctx, (fact) => unreadable.has(fact));
  if (decided !== undefined) return decided;
  return missing.map((path) => `${path}: ${unreadable.get(path)}`).join("; ");
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
    const unreadable = unreadableFacts(subject);
    for (const rule of ruleSet.rules) {
      const fires = verdict(rule, ctx, unreadable);
      if (fires === false) continue;
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        message:
          fires === true
            ? rule.render(ctx)
            : `${rule.id} could not be decided for ${keyLabel(subject)}: ${fires}. No evidence, no pass: ${wayOut(rule, subject, unreadable)}`,
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
