/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`):
 * one run, every rule that ran with its help, results with repository-relative
 * locations and stable fingerprints.
 */
import type { Finding, KeySubject, Report, Severity, SuppressedFinding } from "../../model.js";
import { compareText } from "../../order.js";
import type { FormatOptions, RuleMeta } from "../format-options.js";
import { findingPlace, keyName, type Place, subjectsById } from "../place.js";
import { escapeMarkdown, truncate } from "./escape.js";
import { jsonPieces, LazyList } from "./json-pieces.js";

/** The schema URI GitHub's documentation gives for SARIF 2.1.0. */
export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

/** GitHub code scanning rejects a run with more than 25,000 results. */
export const SARIF_MAX_RESULTS = 25_000;

// GitHub cuts a rule's name at 255 characters and its descriptions at 1,024.
const RULE_NAME_LIMIT = 255;
const RULE_DESCRIPTION_LIMIT = 1_024;

// Code scanning shows a message's first sentence as the alert's title; the rest is
// for reading. A bound keeps 25,000 results inside the 10 MB (gzipped) upload limit.
const MESSAGE_LIMIT = 4_096;

// Rule help may be long (it is documentation), but not unbounded.
const HELP_LIMIT = 20_000;

/** The category when none is given: one analysis per repository and commit. */
const DEFAULT_CATEGORY = "kms-usage-lint";

/** The key under which our own fingerprint goes, versioned in case its recipe changes. */
const FINGERPRINT_KEY = "kmsUsageLint/v1";

export interface SarifOptions extends Partial<FormatOptions> {
  /**
   * Also emit suppressed findings, as results with `suppressions`. Off by default:
   * GitHub code scanning does not honour SARIF suppressions and would open an
   * alert for each (github/codeql-action#1230).
   */
  includeSuppressed?: boolean;
}

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  notice: "note",
};

// Code scanning's ranking of non-security alerts (`problem.severity`).
const PROBLEM_SEVERITY: Record<Severity, "error" | "warning" | "recommendation"> = {
  error: "error",
  warning: "warning",
  notice: "recommendation",
};

/** Renders the report as a SARIF 2.1.0 log (pretty-printed JSON, trailing newline). */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  return [...formatSarifPieces(report, options)].join("");
}

/** {@link formatSarif}'s text in pieces, each result made as it is written (up to 25,000). */
export function* formatSarifPieces(report: Report, options: SarifOptions = {}): Generator<string> {
  const subjects = subjectsById(report);
  const listed: (Finding | SuppressedFinding)[] = [
    ...report.findings,
    ...(options.includeSuppressed ? report.suppressed : []),
  ];
  const kept = listed.slice(0, SARIF_MAX_RESULTS);
  const rules = ruleDescriptors(options.rules ?? [], listed);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const notifications = report.errors.map((error) => ({
    level: "warning",
    message: { text: sarifText(`${error.source}: ${error.message}`) },
  }));
  if (kept.length < listed.length) {
    notifications.push({
      level: "warning",
      message: {
        text: `${listed.length - kept.length} more findings were left out: code scanning rejects a run with more than ${SARIF_MAX_RESULTS} results. The JSON report has them all.`,
      },
    });
  }

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            ...(SEMVER.test(report.tool.version) ? { semanticVersion: report.tool.version } : {}),
            rules: rules.map(descriptor),
          },
        },
        automationDetails: { id: automationId(options.category) },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results: new LazyList(kept, (finding) =>
          result(finding, subjects.get(finding.subjectId), ruleIndex, options),
        ),
        // How much this run looked at: code scanning shows no alert for a key out of scope.
        properties: {
          keysChecked: report.summary.keys,
          scope: report.stats.scope,
          keysOutOfScope: report.stats.keysOutOfScope,
          usageCallsSaved: report.stats.usageCallsSaved,
        },
      },
    ],
  };
  // Opened down to the run's lists (log, runs, the run, its results); each result is written whole.
  yield* jsonPieces(log, 4);
  yield "\n";
}

// semver.org's regular expression, for the optional `semanticVersion`.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** `category/`: a category with no run id, so each upload replaces the last of its category. */
function automationId(category: string | undefined): string {
  const name = category?.trim() || DEFAULT_CATEGORY;
  return name.endsWith("/") ? name : `${name}/`;
}

/**
 * Every rule that ran, sorted by id, plus any rule a finding names that the
 * metadata lacks (known then only by its id and its findings' severity).
 */
function ruleDescriptors(rules: readonly RuleMeta[], findings: Finding[]): RuleMeta[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const finding of findings) {
    if (!byId.has(finding.ruleId)) {
      byId.set(finding.ruleId, {
        id: finding.ruleId,
        severity: finding.severity,
        description: finding.ruleId,
        help: null,
      });
    }
  }
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

function descriptor(rule: RuleMeta) {
  const description = truncate(oneLine(rule.description), RULE_DESCRIPTION_LIMIT);
  return {
    id: rule.id,
    name: truncate(pascalCase(rule.id), RULE_NAME_LIMIT),
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: {
      text: truncate(rule.help ?? rule.description, HELP_LIMIT),
      // Rules files can come from the pull request under review: their text is data.
      markdown: [
        `**${escapeMarkdown(rule.description, { maxLength: RULE_DESCRIPTION_LIMIT })}**`,
        ...(rule.help === null ? [] : [escapeMarkdown(rule.help, { maxLength: HELP_LIMIT })]),
      ].join("\n\n"),
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ["security", "kms"],
      precision: "high",
      "problem.severity": PROBLEM_SEVERITY[rule.severity],
    },
  };
}

function result(
  finding: Finding | SuppressedFinding,
  subject: KeySubject | undefined,
  ruleIndex: Map<string, number>,
  options: SarifOptions,
) {
  const place = findingPlace(finding, subject, options);
  const name = keyName(finding, subject);
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
    level: LEVEL[finding.severity],
    message: { text: sarifText(truncate(finding.message, MESSAGE_LIMIT)) },
    locations: [
      {
        ...(place ? { physicalLocation: physicalLocation(place) } : {}),
        logicalLocations: [{ fullyQualifiedName: truncate(name, MESSAGE_LIMIT), kind: "resource" }],
      },
    ],
    // Code scanning matches alerts across runs by `primaryLocationLineHash` alone, and
    // upload-sarif computes one from the text of the line when it is missing. Ours
    // names the rule, the key and the resource, so an alert survives edits around it,
    // and two keys reported at the same line (line 1 of a plan) stay two alerts.
    partialFingerprints: {
      primaryLocationLineHash: `${finding.fingerprint}:1`,
      [FINGERPRINT_KEY]: finding.fingerprint,
    },
    ...("suppression" in finding
      ? {
          suppressions: [
            {
              kind: finding.suppression.by === "inline" ? "inSource" : "external",
              justification: finding.suppression.reason,
            },
          ],
        }
      : {}),
    properties: {
      key: finding.subjectId,
      ...(finding.keyArn !== null ? { keyArn: finding.keyArn } : {}),
      ...(finding.address !== null ? { address: finding.address } : {}),
    },
  };
}

/**
 * A repository-relative path under `%SRCROOT%` (the convention CodeQL uses;
 * code scanning resolves it against the repository root), or an absolute `file:`
 * URI, which upload-sarif makes relative to the checkout. Without a line of its
 * own, the result goes on line 1 of the input that references the key.
 */
function physicalLocation(place: Place) {
  const artifactLocation = place.relative
    ? { uri: encodePath(place.file), uriBaseId: "%SRCROOT%" }
    : { uri: ABSOLUTE.test(place.file) ? fileUri(place.file) : encodePath(place.file) };
  return { artifactLocation, region: { startLine: Math.max(1, place.line ?? 1) } };
}

const ABSOLUTE = /^(?:\/|[A-Za-z]:\/)/;

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function fileUri(path: string): string {
  const [first = "", ...rest] = path.split("/");
  // A Windows drive (`C:`) stays as it is; `/home/…` starts with an empty segment.
  const head = /^[A-Za-z]:$/.test(first) ? `/${first}` : encodeURIComponent(first);
  return `file://${head}/${rest.map(encodeURIComponent).join("/")}`;
}

/**
 * Plain message text: SARIF viewers (code scanning among them) turn `[text](target)`
 * into a link, so literal brackets are escaped as the SARIF specification says
 * (§3.11.6); control characters other than line breaks become spaces.
 */
function sarifText(text: string): string {
  return text.replace(/[^\P{Cc}\n]/gu, " ").replace(/[[\]]/g, "\\$&");
}

function oneLine(text: string): string {
  return text.replace(/\p{Cc}+/gu, " ");
}

/** `deleting-recently-used-key` → `DeletingRecentlyUsedKey`, the name code scanning shows. */
export function pascalCase(id: string): string {
  return id
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}
