/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`):
 * one run, every rule that ran with its help, results with repository-relative
 * locations and the tool's own stable fingerprints. What upload-sarif does with it
 * (and why no `primaryLocationLineHash` and no default category): docs/sarif.md.
 */
import type { Finding, KeySubject, Report, Severity, SuppressedFinding } from "../../model.js";
import { compareText } from "../../order.js";
import { plural } from "../../show.js";
import { TOOL_HOMEPAGE } from "../../version.js";
import { sarifFingerprint } from "../build.js";
import type { FormatOptions, RuleMeta } from "../format-options.js";
import {
  findingInput,
  findingPlace,
  inputPath,
  keyName,
  type Place,
  type PlaceOptions,
  subjectsById,
} from "../place.js";
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

/**
 * The key under which our own fingerprint goes, versioned in case its recipe changes
 * (`sarifFingerprint`). Never `primaryLocationLineHash`: upload-sarif computes that
 * one from the text of the line, and warns on every result that brings another.
 */
export const FINGERPRINT_KEY = "kmsUsageLint/v1";

/**
 * Code scanning ranks a rule tagged `security` by its `security-severity`, a score
 * above 0 up to 10: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
 * Each severity sits inside its band (docs/sarif.md). None is critical: a finding
 * says a change would break what uses a key, and `error` already fails the check.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  error: "8.0",
  warning: "5.5",
  notice: "2.0",
};

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
  const listed: (Finding | SuppressedFinding)[] = [
    ...report.findings,
    ...(options.includeSuppressed ? report.suppressed : []),
  ];
  const { placed, unplaced } = placeFindings(report, listed, options);
  const kept = placed.slice(0, SARIF_MAX_RESULTS);
  const rules = ruleDescriptors(options.rules ?? [], listed);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const notifications = runNotifications(report, options, {
    unplaced,
    overLimit: placed.length - kept.length,
  });

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            informationUri: TOOL_HOMEPAGE,
            version: report.tool.version,
            ...(SEMVER.test(report.tool.version) ? { semanticVersion: report.tool.version } : {}),
            rules: rules.map(descriptor),
          },
        },
        ...automationDetails(options.category),
        // Where `%SRCROOT%` is: the consumer's checkout (upload-sarif's `checkout_path`).
        // No absolute URI, so the file reads the same on every machine.
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: "The root of the repository checkout." } },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results: new LazyList(kept, ({ finding, subject, place }) =>
          result(finding, subject, place, ruleIndex, options),
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

interface Placed {
  finding: Finding | SuppressedFinding;
  subject: KeySubject | undefined;
  place: Place;
}

/**
 * Each finding with the repository file it is shown on: its own place when that lies
 * in the repository, else the first anchor file that does. `unplaced` counts those
 * with neither, which code scanning could not show.
 */
function placeFindings(
  report: Report,
  listed: (Finding | SuppressedFinding)[],
  options: SarifOptions,
): { placed: Placed[]; unplaced: number } {
  const subjects = subjectsById(report);
  const anchor = anchorPlace(options);
  const placed = listed.flatMap((finding) => {
    const subject = subjects.get(finding.subjectId);
    const place = inRepository(findingPlace(finding, subject, options)) ?? anchor;
    return place === null ? [] : [{ finding, subject, place }];
  });
  return { placed, unplaced: listed.length - placed.length };
}

/** The run's errors, and what the file leaves out and why, as tool notifications. */
function runNotifications(
  report: Report,
  options: SarifOptions,
  left: { unplaced: number; overLimit: number },
) {
  const notifications = report.errors.map((error) => ({
    level: "warning",
    message: { text: sarifText(repositoryText(`${error.source}: ${error.message}`, options)) },
  }));
  if (left.unplaced > 0) {
    notifications.push({
      level: "warning",
      message: {
        text: `${plural(left.unplaced, "finding")} ${left.unplaced === 1 ? "was" : "were"} left out: code scanning shows a result only on a file of the repository, and none was at hand for them (keys named only with --key, inputs outside the checkout, and no workflow or rules file in it). Name a rules file with --config to show them there; the JSON report has them all.`,
      },
    });
  }
  if (left.overLimit > 0) {
    notifications.push({
      level: "warning",
      message: {
        text: `${plural(left.overLimit, "more finding")} ${left.overLimit === 1 ? "was" : "were"} left out: code scanning rejects a run with more than ${SARIF_MAX_RESULTS} results. The JSON report has them all.`,
      },
    });
  }
  return notifications;
}

// semver.org's regular expression, for the optional `semanticVersion`.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * `{automationDetails: {id: "category/"}}` when a category is given: a category with
 * no run id, so each upload replaces the last of its category. Nothing otherwise: an
 * id in the file wins over upload-sarif's `category` input, and one fixed id would
 * make a second upload in a job fail and uploads from several jobs replace each other.
 */
function automationDetails(category: string | null | undefined) {
  const name = category?.trim();
  if (!name) return {};
  return { automationDetails: { id: name.endsWith("/") ? name : `${name}/` } };
}

const SRCROOT = "%SRCROOT%";

/** A place inside the repository, or null (none, or a path outside the checkout). */
function inRepository(place: Place | null): Place | null {
  return place?.relative ? place : null;
}

/** The first anchor file that lies in the repository, as a place without a line. */
function anchorPlace(options: PlaceOptions & { anchorFiles?: readonly string[] }): Place | null {
  for (const file of options.anchorFiles ?? []) {
    const path = inputPath(file, options);
    if (path.relative) return { ...path, line: null };
  }
  return null;
}

/**
 * Text with the working directory and the repository root written as repository-relative
 * paths: a runner's checkout path (`/home/runner/work/…`) says nothing to a reader of
 * the alert, and would make the file differ from one machine to the next.
 */
function repositoryText(text: string, options: PlaceOptions): string {
  const slashed = (path: string) => path.replace(/\\/g, "/").replace(/\/+$/, "");
  const root = options.repoRoot ? slashed(options.repoRoot) : null;
  const cwd = options.cwd !== undefined ? slashed(options.cwd) : null;
  let out = text;
  if (cwd !== null && cwd !== "" && cwd !== root) {
    const inRepo = root !== null && cwd.startsWith(`${root}/`) ? cwd.slice(root.length + 1) : null;
    out = out.split(`${cwd}/`).join(inRepo === null ? "" : `${inRepo}/`);
  }
  if (root !== null && root !== "") out = out.split(`${root}/`).join("");
  return out;
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
      "security-severity": SECURITY_SEVERITY[rule.severity],
      "problem.severity": PROBLEM_SEVERITY[rule.severity],
    },
  };
}

function result(
  finding: Finding | SuppressedFinding,
  subject: KeySubject | undefined,
  place: Place,
  ruleIndex: Map<string, number>,
  options: SarifOptions,
) {
  const name = keyName(finding, subject);
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
    level: LEVEL[finding.severity],
    message: { text: sarifText(truncate(finding.message, MESSAGE_LIMIT)) },
    locations: [
      {
        physicalLocation: physicalLocation(place),
        logicalLocations: [{ fullyQualifiedName: truncate(name, MESSAGE_LIMIT), kind: "resource" }],
      },
    ],
    // Our own identity for the result, independent of lines (sarifFingerprint). Code
    // scanning matches alerts by the `primaryLocationLineHash` that upload-sarif adds.
    partialFingerprints: {
      [FINGERPRINT_KEY]: sarifFingerprint(finding, findingInput(finding, subject, options)),
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
 * A repository-relative path under `%SRCROOT%` (the convention CodeQL uses; code
 * scanning and upload-sarif resolve it against the checkout). Without a line of its
 * own the result goes on line 1 of its file: code scanning wants a start line, and
 * upload-sarif fingerprints a result only from the line it names. The region is that
 * one line even where the block's last line is known: code scanning shows an alert on
 * the first line of its region and matches a pull request's diff by that line, so a
 * longer region adds nothing a reviewer sees and only risks hiding the alert.
 */
function physicalLocation(place: Place) {
  const line = Math.max(1, place.line ?? 1);
  const region = {
    startLine: line,
    ...(place.column !== undefined ? { startColumn: place.column } : {}),
  };
  return { artifactLocation: { uri: encodePath(place.file), uriBaseId: SRCROOT }, region };
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
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
