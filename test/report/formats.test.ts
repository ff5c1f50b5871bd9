import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gatherFacts } from "../../src/facts/gather.js";
import { readSnapshot, snapshotFactSource } from "../../src/facts/snapshot.js";
import type { Report } from "../../src/model.js";
import { buildReport } from "../../src/report/build.js";
import { formatJson } from "../../src/report/formats/json.js";
import { formatText } from "../../src/report/formats/text.js";
import { BUILTIN_PACKS } from "../../src/rules/builtin.js";
import { evaluate } from "../../src/rules/evaluate.js";
import { loadRules } from "../../src/rules/load.js";
import { collectFromText } from "../../src/sources/detect.js";
import { ROOT } from "../support/run-dist.js";

const NOW = new Date("2026-11-28T00:00:00Z");

/** The example run, through the stages as the pipeline chains them. */
async function exampleReport(): Promise<Report> {
  const plan = await readFile(join(ROOT, "examples/plan.json"), "utf8");
  const facts = JSON.parse(await readFile(join(ROOT, "examples/facts.json"), "utf8"));
  const { references } = collectFromText({ kind: "auto", path: "examples/plan.json" }, plan);
  const source = snapshotFactSource(readSnapshot(facts, "examples/facts.json"));
  const { subjects, errors } = await gatherFacts(references, source, { region: null });
  const rules = loadRules([{ file: "(default)", text: "extends: [recommended]" }], BUILTIN_PACKS);
  return buildReport({
    tool: { name: "kms-usage-lint", version: "0.0.0-golden" },
    now: NOW,
    subjects,
    findings: evaluate(subjects, rules, NOW),
    suppressed: [],
    errors,
  });
}

describe("formats (golden files)", () => {
  it("json", async () => {
    await expect(formatJson(await exampleReport())).toMatchFileSnapshot("golden/example.json");
  });

  it("text", async () => {
    await expect(formatText(await exampleReport(), { color: false })).toMatchFileSnapshot(
      "golden/example.txt",
    );
  });
});

describe("text", () => {
  it("colours only when asked, and never passes control characters through", async () => {
    const report = await exampleReport();
    const first = report.findings[0];
    if (!first) throw new Error("the example has findings");
    first.message = "evil\u001b]8;;http://x\u0007link\nsecond line";
    const plain = formatText(report, { color: false });
    expect(plain).not.toContain("\u001b");
    expect(plain).toContain("evil ]8;;http://x link second line");
    expect(formatText(report, { color: true })).toContain("\u001b[31merror");
  });

  it("says so when there is nothing to report", async () => {
    const report = await exampleReport();
    const clean = buildReport({
      tool: report.tool,
      now: NOW,
      subjects: report.subjects,
      findings: [],
      suppressed: [],
      errors: [],
    });
    expect(formatText(clean, { color: false })).toBe(
      "✔ no problems (4 keys checked, 0 suppressed)\n",
    );
  });
});

describe("buildReport", () => {
  it("sorts by severity first and fingerprints stably", async () => {
    const a = await exampleReport();
    const b = await exampleReport();
    expect(a.findings.map((f) => f.severity)).toEqual(["error", "warning"]);
    expect(a.findings.map((f) => f.fingerprint)).toEqual(b.findings.map((f) => f.fingerprint));
    expect(new Set(a.findings.map((f) => f.fingerprint)).size).toBe(a.findings.length);
  });
});
