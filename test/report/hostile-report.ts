/**
 * A hand-built report for the format tests: findings of every severity, suppressed
 * findings (config and inline), a key with no location, a run error, and strings
 * that try to break out of every format (workflow commands, Markdown, SARIF links).
 */
import type {
  KeyReference,
  KeySubject,
  RawFinding,
  Report,
  Severity,
  Suppression,
  UsageFacts,
} from "../../src/model.js";
import { buildReport } from "../../src/report/build.js";
import type { RuleMeta } from "../../src/report/format-options.js";
import { keyRef, reference as sourceReference } from "../support/facts.js";

export const NOW = new Date("2026-11-28T00:00:00Z");

/** Strings that have broken other tools' reports. */
export const HOSTILE = {
  command: "%0A::error::pwned",
  newline: "line one\n::error file=x,line=1::pwned",
  link: "[click](https://evil)",
  image: "![x](http://e/i.png)",
  html: "<img src=x onerror=alert(1)>",
  mention: "@octocat",
  table: "|table|break|",
};

/** A 100 KB key description, with something hostile at its very end. */
export const HUGE = `${"This key protects the nightly exports. ".repeat(2_700).slice(0, 100 * 1024)}@octocat ${HOSTILE.link}`;

const ACCOUNT = "111122223333";
const arn = (region: string, id: string) => `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`;

const KEYS = {
  data: arn("us-east-1", "1234abcd-12ab-34cd-56ef-1234567890ab"),
  reports: arn("us-east-1", "0f9e8d7c-6b5a-4321-8fed-cba987654321"),
  legacy: arn("eu-west-1", "5a6b7c8d-1111-4222-8333-9a8b7c6d5e4f"),
  archive: arn("eu-west-1", "9f8e7d6c-2222-4333-8444-0a1b2c3d4e5f"),
};

/** Rule metadata as the rule set would pass it (one help text is itself hostile). */
export const RULES: RuleMeta[] = [
  {
    id: "deleting-recently-used-key",
    severity: "error",
    description: "A change deletes or replaces a key that was used in the last 90 days.",
    help: "KMS cannot decrypt anything encrypted under a deleted key. Remove the deletion, or disable the key first and watch CloudTrail for DisabledException.",
  },
  {
    id: "unused-key",
    severity: "warning",
    description: "A customer managed key has not been used once since it was created.",
    help: `Delete it through your infrastructure code, or add an ignore entry. ${HOSTILE.link} ${HOSTILE.html} ${HOSTILE.mention}`,
  },
  {
    id: "new-key-without-alias",
    severity: "notice",
    description: "A new key has no alias.",
    help: null,
  },
  {
    id: "short-deletion-window",
    severity: "warning",
    description: "A deletion is scheduled with a short waiting period.",
    help: "Use a 30-day window so a mistake can still be cancelled.",
  },
];

function usage(partial: Partial<UsageFacts>): UsageFacts {
  return {
    status: "used",
    lastUsedAt: null,
    operation: null,
    region: null,
    cloudTrailEventId: null,
    kmsRequestId: null,
    trackingStartDate: "2026-05-01T00:00:00.000Z",
    evidenceSince: "2026-05-01T00:00:00.000Z",
    reason: null,
    members: [],
    ...partial,
  };
}

function reference(partial: Partial<KeyReference>): KeyReference {
  return sourceReference({
    source: "terraform-plan",
    kind: "key",
    file: "infra/plan.json",
    address: null,
    resourceType: "aws_kms_key",
    attribute: "arn",
    target: { kind: "arn", arn: KEYS.data },
    ...partial,
  });
}

const DATA_ADDRESS = `module.store.aws_kms_key.this["${HOSTILE.link}"]`;
const NEW_ADDRESS = `aws_kms_key.new_${HOSTILE.table}`;

const SUBJECTS: KeySubject[] = [
  {
    id: KEYS.data,
    arn: KEYS.data,
    region: "us-east-1",
    account: ACCOUNT,
    aliases: [`alias/${HOSTILE.mention}${HOSTILE.table}`],
    references: [
      reference({
        address: DATA_ADDRESS,
        action: "delete",
        location: { file: "infra/we:ird,name.tf", line: 12 },
      }),
    ],
    change: {
      action: "delete",
      source: "terraform-plan",
      address: DATA_ADDRESS,
      deletionWindowDays: 7,
      disables: false,
    },
    key: null,
    trail: null,
    usage: usage({
      status: "used",
      lastUsedAt: "2026-11-25T14:32:07.000Z",
      operation: "Decrypt",
      region: "us-east-1",
    }),
  },
  {
    id: KEYS.reports,
    arn: KEYS.reports,
    region: "us-east-1",
    account: ACCOUNT,
    aliases: [],
    references: [
      reference({
        address: "aws_kms_key.reports",
        action: null,
        location: { file: "infra/kms.tf", line: 25 },
      }),
    ],
    change: null,
    key: null,
    trail: null,
    usage: usage({ status: "unused" }),
  },
  {
    id: `planned:${NEW_ADDRESS}`,
    arn: null,
    region: null,
    account: null,
    aliases: [],
    // Found in the plan, but not in any .tf file: no location.
    references: [reference({ address: NEW_ADDRESS, action: "create", file: "./infra/plan.json" })],
    change: {
      action: "create",
      source: "terraform-plan",
      address: NEW_ADDRESS,
      deletionWindowDays: null,
      disables: false,
    },
    key: null,
    trail: null,
    usage: null,
  },
  {
    id: KEYS.legacy,
    arn: KEYS.legacy,
    region: "eu-west-1",
    account: ACCOUNT,
    aliases: ["alias/legacy"],
    references: [
      reference({
        address: "aws_kms_key.legacy",
        location: { file: "infra/legacy.tf", line: 3 },
      }),
    ],
    change: null,
    key: null,
    trail: null,
    usage: usage({ status: "unknown", reason: `created before tracking began ${HOSTILE.html}` }),
  },
  {
    id: KEYS.archive,
    arn: KEYS.archive,
    region: "eu-west-1",
    account: ACCOUNT,
    aliases: [],
    references: [
      reference({
        address: "aws_kms_key.archive",
        action: "delete",
        location: { file: "infra/archive.tf", line: 7 },
      }),
    ],
    change: {
      action: "delete",
      source: "terraform-plan",
      address: "aws_kms_key.archive",
      deletionWindowDays: 7,
      disables: false,
    },
    key: null,
    trail: null,
    usage: usage({
      status: "used",
      lastUsedAt: "2026-10-01T00:00:00.000Z",
      operation: "GenerateDataKey",
      region: "eu-west-1",
    }),
  },
];

function finding(
  ruleId: string,
  severity: Severity,
  subject: KeySubject,
  message: string,
): RawFinding {
  const located = subject.references.find((r) => r.location)?.location ?? null;
  return {
    ruleId,
    severity,
    message,
    subjectId: subject.id,
    keyArn: subject.arn,
    address: subject.change?.address ?? subject.references[0]?.address ?? null,
    location: located,
  };
}

const [data, reports, planned, legacy, archive] = SUBJECTS as [
  KeySubject,
  KeySubject,
  KeySubject,
  KeySubject,
  KeySubject,
];

/** The report every golden file is made from. */
export function hostileReport(): Report {
  const suppressed = (raw: RawFinding, suppression: Suppression) => ({ ...raw, suppression });
  return buildReport({
    tool: { name: "kms-usage-lint", version: "0.0.0-golden" },
    now: NOW,
    subjects: SUBJECTS,
    findings: [
      finding(
        "unused-key",
        "warning",
        reports,
        `${KEYS.reports} has not been used since it was created. Its description: ${HUGE}`,
      ),
      finding(
        "deleting-recently-used-key",
        "error",
        data,
        `${DATA_ADDRESS} (${KEYS.data}) was last used 3 days ago. ${HOSTILE.command} ${HOSTILE.newline} ${HOSTILE.image} ${HOSTILE.html} ${HOSTILE.mention} ${HOSTILE.table} \`code\` *em* _em_ ~~s~~ # h www.evil.com https://evil.com`,
      ),
      finding(
        "new-key-without-alias",
        "notice",
        planned,
        `${NEW_ADDRESS} creates a key with no alias.`,
      ),
      finding(
        "short-deletion-window",
        "warning",
        data,
        `${DATA_ADDRESS} schedules deletion with a 7-day window.`,
      ),
    ],
    suppressed: [
      suppressed(finding("unused-key", "warning", legacy, `${KEYS.legacy} has not been used.`), {
        by: "config",
        reason: `kept for the DR drill ${HOSTILE.link} ${HOSTILE.mention}`,
      }),
      suppressed(
        finding("deleting-recently-used-key", "error", archive, `${KEYS.archive} was used.`),
        { by: "inline", reason: `migrated to the new key in PR #12 ${HOSTILE.table}` },
      ),
    ],
    errors: [
      {
        source: "arn:aws:kms:ap-south-1:444455556666:key/0000",
        message: `AccessDeniedException: not authorized to perform kms:DescribeKey ${HOSTILE.newline}`,
      },
    ],
  });
}

/** A report with `count` findings of the given severity (each on its own key and line). */
export function manyFindings(
  count: number,
  severity: Severity = "error",
  address: (i: number) => string = (i) => `aws_kms_key.k[${i}]`,
): Report {
  const subjects: KeySubject[] = [];
  const findings: RawFinding[] = [];
  for (let i = 0; i < count; i++) {
    const id = arn("us-east-1", `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const subject: KeySubject = {
      ...reports,
      id,
      arn: id,
      references: [
        reference({
          address: address(i),
          location: { file: "infra/many.tf", line: i + 1 },
        }),
      ],
    };
    subjects.push(subject);
    findings.push(
      finding("unused-key", severity, subject, `${id} has not been used since it was created.`),
    );
  }
  return buildReport({
    tool: { name: "kms-usage-lint", version: "0.0.0" },
    now: NOW,
    subjects,
    findings,
    suppressed: [],
    errors: [],
  });
}

/** The key `withNamedKey` adds: named only with `--key`, so no input file references it. */
export const NAMED = arn("us-east-1", "7e7e7e7e-3333-4444-8555-666677778888");

/** `report` plus a finding on a key named only with `--key`. */
export function withNamedKey(report: Report): Report {
  const subject: KeySubject = {
    ...reports,
    id: NAMED,
    arn: NAMED,
    references: [keyRef(NAMED)],
  };
  const raw = finding("usage-unavailable", "warning", subject, `${NAMED}: usage unavailable.`);
  return buildReport({
    tool: report.tool,
    now: NOW,
    subjects: [...report.subjects, subject],
    findings: [...report.findings, raw],
    suppressed: report.suppressed,
    errors: report.errors,
  });
}
