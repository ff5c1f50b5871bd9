/**
 * Every format on one hand-built report with findings of every severity,
 * suppressed findings, a key without a location, a run error and hostile strings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as core from "@actions/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Report } from "../../src/model.js";
import { buildReport } from "../../src/report/build.js";
import type { RuleMeta } from "../../src/report/format-options.js";
import { FORMATTERS } from "../../src/report/formats/index.js";
import { formatJson } from "../../src/report/formats/json.js";
import {
  COMMENT_BODY_LIMIT,
  formatFindingComment,
  formatMarkdown,
  MARKDOWN_MARKER,
} from "../../src/report/formats/markdown.js";
import {
  FINGERPRINT_KEY,
  formatSarif,
  pascalCase,
  SARIF_SCHEMA_URI,
  SECURITY_SEVERITY,
} from "../../src/report/formats/sarif.js";
import { formatText } from "../../src/report/formats/text.js";
import {
  ANNOTATIONS_PER_SEVERITY,
  formatWorkflowCommands,
} from "../../src/report/formats/workflow-commands.js";
import type { CompiledRule } from "../../src/rules/types.js";
import { TOOL_HOMEPAGE } from "../../src/version.js";
import {
  HOSTILE,
  HUGE,
  hostileReport,
  manyFindings,
  NAMED,
  NOW,
  RULES,
  withNamedKey,
} from "./hostile-report.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

describe("formats on a hostile report (golden files)", () => {
  const report = hostileReport();

  it("text", async () => {
    await expect(formatText(report, { color: false })).toMatchFileSnapshot("golden/hostile.txt");
  });

  it("json", async () => {
    await expect(formatJson(report)).toMatchFileSnapshot("golden/hostile.json");
  });

  it("sarif", async () => {
    await expect(formatSarif(report, { rules: RULES })).toMatchFileSnapshot("golden/hostile.sarif");
  });

  it("markdown", async () => {
    await expect(formatMarkdown(report, { rules: RULES })).toMatchFileSnapshot("golden/hostile.md");
  });

  it("a review comment on a finding", async () => {
    const comments = report.findings.map((f) => formatFindingComment(f, report, { rules: RULES }));
    await expect(comments.join("\n---\n\n")).toMatchFileSnapshot("golden/hostile.review.md");
  });

  it("github", async () => {
    await expect(formatWorkflowCommands(report)).toMatchFileSnapshot("golden/hostile.github.txt");
  });

  it("takes the rule set's compiled rules as they are", () => {
    // A type check: tsc fails here if a compiled rule stops being rule metadata.
    const asMeta = (rules: CompiledRule[]): readonly RuleMeta[] => rules;
    expect(asMeta([])).toEqual([]);
  });

  it("every format is in the registry, and deterministic", () => {
    const options = { color: false, rules: RULES };
    for (const format of Object.keys(FORMATTERS) as (keyof typeof FORMATTERS)[]) {
      const first = FORMATTERS[format](hostileReport(), options);
      expect(FORMATTERS[format](hostileReport(), options)).toBe(first);
    }
    expect(Object.keys(FORMATTERS).sort()).toEqual(["github", "json", "markdown", "sarif", "text"]);
  });
});

describe("sarif", () => {
  const schema = JSON.parse(
    readFileSync(join(FIXTURES, "schemas", "sarif-schema-2.1.0.json"), "utf8"),
  );
  // The copy codeql-action ships puts region's `anyOf` (startLine, charOffset or
  // byteOffset required) inside `properties`, which no draft allows. Put it back
  // where it was meant to be, so that the constraint is checked rather than dropped.
  const region = schema.definitions.region;
  expect(Array.isArray(region.properties.anyOf)).toBe(true);
  region.anyOf = region.properties.anyOf;
  delete region.properties.anyOf;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // ajv checks formats only when told how; these are the three the schema uses.
  ajv.addFormat("uri", (text: string) => URL.canParse(text));
  ajv.addFormat("uri-reference", (text: string) => URL.canParse(text, "file:///root/"));
  ajv.addFormat("date-time", (text: string) => !Number.isNaN(Date.parse(text)));
  const validate = ajv.compile(schema);

  const parse = (text: string) => JSON.parse(text);

  it.each([
    ["the hostile report", () => formatSarif(hostileReport(), { rules: RULES })],
    ["with suppressed findings", () => formatSarif(hostileReport(), { includeSuppressed: true })],
    ["without rule metadata", () => formatSarif(hostileReport())],
    ["a clean report", () => formatSarif(manyFindings(0))],
    ["a report with 300 findings", () => formatSarif(manyFindings(300))],
    [
      "a key named with --key, a category",
      () =>
        formatSarif(withNamedKey(hostileReport()), {
          anchorFiles: [".kms-usage-lint.yml"],
          category: "infra/prod",
        }),
    ],
  ])("validates against the SARIF 2.1.0 schema: %s", (_name, render) => {
    const log = parse(render());
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("is checked by a validator that does reject invalid SARIF", () => {
    const log = parse(formatSarif(hostileReport(), { rules: RULES }));
    log.runs[0].results[0].level = "notice";
    delete log.runs[0].results[1].message;
    log.runs[0].results[2].locations[0].physicalLocation.region = { endLine: 3 };
    expect(validate(log)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/runs/0/results/0/level",
        "/runs/0/results/1",
        "/runs/0/results/2/locations/0/physicalLocation/region",
      ]),
    );
  });

  it("lists every rule that ran, with help and default level, and indexes results into them", () => {
    const log = parse(formatSarif(hostileReport(), { rules: RULES }));
    const run = log.runs[0];
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(run.tool.driver.informationUri).toBe(TOOL_HOMEPAGE);
    const rules = run.tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual([
      "deleting-recently-used-key",
      "new-key-without-alias",
      "short-deletion-window",
      "unused-key",
    ]);
    expect(rules[0]).toMatchObject({
      name: "DeletingRecentlyUsedKey",
      defaultConfiguration: { level: "error" },
      properties: { tags: ["security", "kms"], precision: "high", "security-severity": "8.0" },
    });
    expect(rules[1].defaultConfiguration.level).toBe("note");
    expect(
      rules.map((r: { properties: Record<string, string> }) => r.properties["security-severity"]),
    ).toEqual(["8.0", "2.0", "5.5", "5.5"]);
    expect(rules[3].help.markdown).not.toMatch(/(?<!\\)\]\(|(?<!\\)<img|@octocat/);
    for (const result of run.results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      // upload-sarif adds code scanning's line hash; we bring only our own fingerprint.
      expect(Object.keys(result.partialFingerprints)).toEqual([FINGERPRINT_KEY]);
      expect(result.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("ranks rules for code scanning inside GitHub's security-severity bands", () => {
    // GitHub: over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, 0.1 to 3.9 low.
    const band = (score: string) => {
      const n = Number(score);
      return n > 9 ? "critical" : n >= 7 ? "high" : n >= 4 ? "medium" : n >= 0.1 ? "low" : "none";
    };
    expect(
      Object.fromEntries(Object.entries(SECURITY_SEVERITY).map(([k, v]) => [k, band(v)])),
    ).toEqual({
      error: "high",
      warning: "medium",
      notice: "low",
    });
  });

  it("names a category only when given one, so upload-sarif's category input applies", () => {
    expect(
      parse(formatSarif(hostileReport(), { rules: RULES })).runs[0].automationDetails,
    ).toBeUndefined();
    expect(
      parse(formatSarif(hostileReport(), { category: "  " })).runs[0].automationDetails,
    ).toBeUndefined();
    expect(
      parse(formatSarif(hostileReport(), { category: "infra/prod" })).runs[0].automationDetails,
    ).toEqual({
      id: "infra/prod/",
    });
    expect(
      parse(formatSarif(hostileReport(), { category: "infra/" })).runs[0].automationDetails,
    ).toEqual({
      id: "infra/",
    });
  });

  it("declares %SRCROOT% without an absolute path, and every result is under it", () => {
    const run = parse(formatSarif(hostileReport(), { rules: RULES })).runs[0];
    expect(Object.keys(run.originalUriBaseIds)).toEqual(["%SRCROOT%"]);
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBeUndefined();
    for (const result of run.results) {
      expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe("%SRCROOT%");
    }
  });

  it("gives the start column where known, and a one-line region even where the block's end is known", () => {
    const report = hostileReport();
    const first = report.findings[0];
    if (!first?.location) throw new Error("the hostile report's first finding has a line");
    first.location = { ...first.location, column: 3, endLine: first.location.line + 4 };
    const region = parse(formatSarif(report)).runs[0].results[0].locations[0].physicalLocation
      .region;
    expect(region).toEqual({
      startLine: first.location.line,
      startColumn: 3,
    });
  });

  it("attaches a finding without a location to the input that references its key", () => {
    const log = parse(formatSarif(hostileReport(), { rules: RULES }));
    const planned = log.runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === "new-key-without-alias",
    );
    expect(planned.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "infra/plan.json", uriBaseId: "%SRCROOT%" },
      region: { startLine: 1 },
    });
  });

  it("shows a key named only with --key on the first anchor file in the repository", () => {
    const named = withNamedKey(hostileReport());
    const result = (options: Parameters<typeof formatSarif>[1]) =>
      parse(formatSarif(named, { rules: RULES, cwd: "/repo/infra", repoRoot: "/repo", ...options }))
        .runs[0];
    const anchored = result({
      anchorFiles: [
        "/elsewhere/ci.yml",
        "/repo/.github/workflows/infra.yml",
        ".kms-usage-lint.yml",
      ],
    });
    const onNamed = anchored.results.find(
      (r: { properties: { key: string } }) => r.properties.key === NAMED,
    );
    expect(onNamed.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: ".github/workflows/infra.yml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 1 },
    });
    expect(
      result({ anchorFiles: [".kms-usage-lint.yml"] }).results.find(
        (r: { properties: { key: string } }) => r.properties.key === NAMED,
      ).locations[0].physicalLocation.artifactLocation.uri,
    ).toBe("infra/.kms-usage-lint.yml");
    // Without a file in the repository to show it on, it is left out, and the run says so.
    const bare = result({});
    expect(bare.results).toHaveLength(4);
    expect(bare.invocations[0].toolExecutionNotifications.at(-1).message.text).toMatch(
      /^1 finding was left out: code scanning shows a result only on a file of the repository/,
    );
  });

  it("fingerprints an input outside the checkout by its file name, the same on every runner", () => {
    const fingerprintWith = (file: string) => {
      const report = hostileReport();
      for (const subject of report.subjects) {
        subject.references = subject.references.map((r) => ({ ...r, file }));
      }
      return parse(formatSarif(report, { cwd: "/repo", repoRoot: "/repo" })).runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) =>
          r.partialFingerprints[FINGERPRINT_KEY],
      );
    };
    const onRunnerA = fingerprintWith("/home/runner/work/_temp/plan.json");
    expect(fingerprintWith("/srv/runner-7/_temp/plan.json")).toEqual(onRunnerA);
    expect(fingerprintWith("/srv/runner-7/_temp/other.json")).not.toEqual(onRunnerA);
    expect(fingerprintWith("infra/plan.json")).not.toEqual(onRunnerA);
  });

  it("writes paths in notifications relative to the repository", () => {
    const report = hostileReport();
    report.errors = [
      { source: "/repo/infra/plan.json", message: "cannot read /repo/infra/modules/x.tf: EACCES" },
      { source: "/repo/infra/state.json", message: "see /repo/README.md" },
    ];
    const texts = parse(
      formatSarif(report, { cwd: "/repo/infra", repoRoot: "/repo" }),
    ).runs[0].invocations[0].toolExecutionNotifications.map(
      (n: { message: { text: string } }) => n.message.text,
    );
    expect(texts).toEqual([
      "infra/plan.json: cannot read infra/modules/x.tf: EACCES",
      "infra/state.json: see README.md",
    ]);
  });

  it("makes an input path repository-relative when it knows the working directory", () => {
    const log = parse(
      formatSarif(hostileReport(), { cwd: "/repo/infra", repoRoot: "/repo", rules: RULES }),
    );
    const planned = log.runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === "new-key-without-alias",
    );
    expect(planned.locations[0].physicalLocation.artifactLocation.uri).toBe(
      "infra/infra/plan.json",
    );
  });

  it("percent-encodes file paths into URIs", () => {
    const log = parse(formatSarif(hostileReport(), { rules: RULES }));
    const uris = log.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toContain("infra/we%3Aird%2Cname.tf");
  });

  it("escapes brackets so that no viewer renders an embedded link", () => {
    const text = formatSarif(hostileReport(), { rules: RULES });
    const messages = parse(text).runs[0].results.map(
      (r: { message: { text: string } }) => r.message.text,
    );
    expect(messages.join("\n")).not.toMatch(/(?<!\\)\[/);
    expect(messages.join("\n")).toContain("\\[click\\](https://evil)");
  });

  it("leaves suppressed findings out unless asked, then marks them config → external, inline → inSource", () => {
    expect(parse(formatSarif(hostileReport())).runs[0].results).toHaveLength(4);
    const results = parse(formatSarif(hostileReport(), { includeSuppressed: true })).runs[0]
      .results;
    const suppressions = results
      .filter((r: { suppressions?: unknown }) => r.suppressions)
      .map((r: { suppressions: unknown }) => r.suppressions);
    expect(suppressions).toEqual([
      [{ kind: "inSource", justification: `migrated to the new key in PR #12 ${HOSTILE.table}` }],
      [
        {
          kind: "external",
          justification: `kept for the DR drill ${HOSTILE.link} ${HOSTILE.mention}`,
        },
      ],
    ]);
  });

  it("reports run errors as tool notifications", () => {
    const invocation = parse(formatSarif(hostileReport())).runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications).toHaveLength(1);
    expect(invocation.toolExecutionNotifications[0].message.text).toMatch(
      /^arn:aws:kms:ap-south-1:444455556666:key\/0000: AccessDeniedException/,
    );
  });

  it.each([
    ["deleting-recently-used-key", "DeletingRecentlyUsedKey"],
    ["unused-key", "UnusedKey"],
    ["a--b_c.d", "ABCD"],
  ])("pascalCase(%j) = %j", (id, name) => {
    expect(pascalCase(id)).toBe(name);
  });
});

describe("markdown", () => {
  it("starts with the marker and renders hostile strings inert", () => {
    const text = formatMarkdown(hostileReport(), { rules: RULES });
    expect(text.split("\n")[0]).toBe(MARKDOWN_MARKER);
    expect(text).toContain("### ❌ kms-usage-lint: 1 error, 2 warnings and 1 notice in 5 keys");
    // Outside code spans (shown verbatim), no link, image, HTML, autolink, mention or
    // issue reference from the data: every `<`, every `]` before `(`, `[` or `:` and
    // every `://` is escaped, every `@` and `#12` broken by a zero-width space.
    const prose = text.replace(/(`+).*?(?<!`)\1(?!`)/g, "");
    expect(prose).not.toMatch(/(?<!\\)<img/);
    expect(prose).not.toMatch(/(?<!\\)\][([:]/);
    expect(prose).not.toMatch(/(?<!\\):\/\//);
    expect(prose).not.toMatch(/www\./);
    expect(prose).not.toMatch(/@octocat/);
    expect(prose).toContain("@\u200boctocat");
    expect(prose).not.toMatch(/#\d/);
    // And nothing else: what renders as itself is left as it is, readable in the raw comment.
    expect(prose).toContain(
      "arn:aws:kms:us-east-1:111122223333:key/0f9e8d7c-6b5a-4321-8fed-cba987654321 has not been used since it was created.",
    );
    // Every table row is one line with the table's five cells.
    for (const line of text.split("\n").filter((l) => l.startsWith("|"))) {
      expect(line.endsWith(" |")).toBe(true);
      expect(line.replace(/\\\|/g, "").split("|").length - 2).toBe(5);
    }
    expect(text).not.toContain(HUGE.slice(0, 5_000));
  });

  it("says so when there is nothing to report", () => {
    const text = formatMarkdown(manyFindings(0));
    expect(text).toBe(
      `${MARKDOWN_MARKER}\n\n### ✅ kms-usage-lint: no problems in 0 keys\n\n0 keys checked\n\n<sub>kms-usage-lint 0.0.0 · evaluated 2026-11-28T00:00:00.000Z</sub>\n`,
    );
  });

  it("does not call a run clean when something could not be checked", () => {
    const clean = manyFindings(2);
    const text = formatMarkdown({
      ...clean,
      findings: [],
      summary: { ...clean.summary, error: 0 },
      errors: [{ source: "plan.json", message: "cannot read" }],
    });
    expect(text).toContain(
      "### ⚠️ kms-usage-lint: no problems found in 2 keys, but not everything could be checked",
    );
    expect(text).toContain("- `plan.json`: cannot read");
  });

  it("stays within GitHub's 65,536 characters with thousands of findings, and says how many it left out", () => {
    const report = manyFindings(5_000);
    const text = formatMarkdown(report, { rules: RULES });
    expect(text.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
    expect(text.length).toBeGreaterThan(COMMENT_BODY_LIMIT - 2_000);
    const shown = text.split("\n").filter((l) => l.startsWith("| ❌ error |")).length;
    const more = text.match(
      /…and ([\d,]+) more findings; the full list is in the job summary and the JSON report\./,
    );
    expect(more).not.toBeNull();
    expect(shown + Number(more?.[1]?.replace(/,/g, ""))).toBe(5_000);
    expect(text).toContain(
      "5,000 keys checked, not listed here to stay within GitHub's size limit",
    );
    expect(text.trimEnd().endsWith("</sub>")).toBe(true);
  });

  it("fits any budget, accounting for every row it shows or leaves out", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 2_000, max: 70_000 }),
        (count, maxLength) => {
          const text = formatMarkdown(manyFindings(count, "warning"), {
            maxLength,
            fullReport: "the JSON report",
          });
          expect(text.length).toBeLessThanOrEqual(maxLength);
          const shown = text.split("\n").filter((l) => l.startsWith("| ⚠️ warning |")).length;
          const more = /…and ([\d,]+) more findings?/.exec(text)?.[1] ?? "0";
          const none = /([\d,]+) findings? not listed here/.exec(text)?.[1] ?? "0";
          expect(shown + Number(more.replace(/,/g, "")) + Number(none.replace(/,/g, ""))).toBe(
            count,
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("github", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** What `@actions/core` writes for the same annotation. */
  function toolkit(write: () => void): string {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    write();
    vi.restoreAllMocks();
    return out;
  }

  it("writes the same bytes as @actions/core, hostile strings included", () => {
    const report = hostileReport();
    const lines = formatWorkflowCommands(report).split("\n");
    const error = report.findings.find((f) => f.severity === "error");
    if (!error?.location) throw new Error("the hostile report has a located error");
    const expected = toolkit(() =>
      core.error(error.message, {
        title: error.ruleId,
        file: error.location?.file,
        startLine: error.location?.line,
      }),
    );
    expect(`${lines[0]}\n`).toBe(expected);
    const notice = report.findings.find((f) => f.severity === "notice");
    if (!notice) throw new Error("the hostile report has a notice");
    expect(lines).toContain(
      toolkit(() => core.notice(notice.message, { title: notice.ruleId })).trimEnd(),
    );
  });

  it("cannot be made to issue a second command", () => {
    const lines = formatWorkflowCommands(hostileReport()).trimEnd().split("\n");
    expect(lines).toHaveLength(hostileReport().findings.length + 1);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) [^:]*::/);
    expect(lines.join("\n")).toContain("%250A::error::pwned");
    expect(lines.join("\n")).toContain("line one%0A::error file=x,line=1::pwned");
  });

  it("puts the most severe first, whatever order it is given", () => {
    const sorted = hostileReport();
    const shuffled: Report = { ...sorted, findings: [...sorted.findings].reverse(), errors: [] };
    const kinds = formatWorkflowCommands(shuffled)
      .trimEnd()
      .split("\n")
      .map((line) => line.slice(2, line.indexOf(" ")));
    expect(kinds).toEqual(["error", "warning", "warning", "notice"]);
  });

  it("says how many findings GitHub will not show as annotations, among the notices it shows", () => {
    const errors = manyFindings(12, "error");
    const warnings = manyFindings(3, "warning");
    const notices = manyFindings(10, "notice");
    const report = buildReport({
      tool: errors.tool,
      now: NOW,
      subjects: [...errors.subjects, ...warnings.subjects, ...notices.subjects],
      findings: [...errors.findings, ...warnings.findings, ...notices.findings],
      suppressed: [],
      errors: [],
    });
    const lines = formatWorkflowCommands(report).trimEnd().split("\n");
    expect(lines).toHaveLength(12 + 3 + 1 + 10);
    const overflow = lines[15] ?? "";
    expect(overflow).toBe(
      `::notice title=kms-usage-lint%3A more findings than annotations::GitHub shows ${ANNOTATIONS_PER_SEVERITY} annotations of each severity per step: 2 more errors and 1 more notice are only in this step's log.`,
    );
    expect(lines.slice(16).every((l) => l.startsWith("::notice title=unused-key,"))).toBe(true);
  });

  it("says one hidden finding in the singular", () => {
    const lines = formatWorkflowCommands(manyFindings(11, "error")).trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/: 1 more error is only in this step's log\.$/);
  });

  it("adds no notice when everything fits, and nothing at all for a clean report", () => {
    expect(formatWorkflowCommands(manyFindings(10, "error"))).not.toContain("::notice");
    expect(formatWorkflowCommands(manyFindings(0))).toBe("");
  });
});
