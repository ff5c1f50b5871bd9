/**
 * The one place findings are sorted and fingerprinted (SPEC §6: deterministic
 * output), and the report assembled.
 */
import { createHash } from "node:crypto";
import {
  type Finding,
  type KeySubject,
  type RawFinding,
  type Report,
  type ReportStats,
  type RunError,
  SEVERITIES,
  type SuppressedFinding,
  type Suppression,
} from "../model.js";
import { compareText } from "../order.js";

export interface ReportInput {
  tool: { name: string; version: string };
  now: Date;
  subjects: KeySubject[];
  findings: RawFinding[];
  suppressed: (RawFinding & { suppression: Suppression })[];
  errors: RunError[];
  stats?: ReportStats;
}

/** Assembles the report: findings sorted by severity, file, line, rule and key, each fingerprinted. */
export function buildReport(input: ReportInput): Report {
  const findings = input.findings.map(withFingerprint).sort(compareFindings);
  const suppressed: SuppressedFinding[] = input.suppressed
    .map((f) => ({ ...withFingerprint(f), suppression: f.suppression }))
    .sort(compareFindings);
  const count = (severity: Finding["severity"]) =>
    findings.filter((f) => f.severity === severity).length;
  return {
    tool: input.tool,
    evaluatedAt: input.now.toISOString(),
    subjects: input.subjects,
    findings,
    suppressed,
    errors: input.errors,
    stats: input.stats ?? { usageCallsSaved: 0, scope: "all", keysOutOfScope: 0 },
    summary: {
      error: count("error"),
      warning: count("warning"),
      notice: count("notice"),
      suppressed: suppressed.length,
      keys: input.subjects.length,
    },
  };
}

/**
 * A fingerprint that survives unrelated edits: it names the rule, the key and the
 * resource, not the message (which carries dates) or the line (which moves).
 */
export function fingerprint(finding: RawFinding): string {
  return createHash("sha256")
    .update([finding.ruleId, finding.subjectId, finding.address ?? ""].join("\u0000"))
    .digest("hex")
    .slice(0, 32);
}

/**
 * The identity SARIF gives a finding under `partialFingerprints["kmsUsageLint/v1"]`
 * (docs/sarif.md): the finding's rule, key and resource (as `fingerprint`), and the
 * repository-relative input file that references the key (`--key` for a key named
 * only there). No line, column or message goes in, so moving a block, editing
 * around it or a new date in the evidence keeps the identity; renaming the input
 * file or the resource, or re-keying, makes a new one. Versioned: a change to this
 * recipe is a new name (`v2`), never a new meaning for `v1`.
 */
export function sarifFingerprint(finding: RawFinding, inputFile: string): string {
  return createHash("sha256")
    .update(
      ["kmsUsageLint/v1", finding.ruleId, finding.subjectId, finding.address ?? "", inputFile].join(
        "\u0000",
      ),
    )
    .digest("hex")
    .slice(0, 32);
}

function withFingerprint<T extends RawFinding>(finding: T): T & { fingerprint: string } {
  return { ...finding, fingerprint: fingerprint(finding) };
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(a.location?.file ?? "\uffff", b.location?.file ?? "\uffff") ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.subjectId, b.subjectId) ||
    compareText(a.address ?? "", b.address ?? "")
  );
}

/** True when some finding is at or above the threshold (`--fail-on`). */
export function failsAt(report: Report, failOn: Finding["severity"] | "none"): boolean {
  if (failOn === "none") return false;
  const limit = SEVERITIES.indexOf(failOn);
  return report.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit);
}
