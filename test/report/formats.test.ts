import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model.js";
import { run } from "../../src/pipeline.js";
import { buildReport } from "../../src/report/build.js";
import { formatJson } from "../../src/report/formats/json.js";
import { formatText } from "../../src/report/formats/text.js";
import { testConfig, testDeps } from "../support/config.js";
import { ROOT } from "../support/run-dist.js";

const NOW = new Date("2026-11-28T00:00:00Z");

/** The example run, through the pipeline as the CLI runs it (code locations included). */
async function exampleReport(): Promise<Report> {
  const config = testConfig({
    inputs: [{ kind: "auto", path: "examples/plan.json" }],
    factsFile: "examples/facts.json",
    repoRoot: ROOT,
    now: NOW,
  });
  const { report } = await run(
    config,
    testDeps({
      readFile: (path) => readFile(join(ROOT, path), "utf8"),
      cwd: ROOT,
      clock: () => NOW,
      tool: { name: "kms-usage-lint", version: "0.0.0-golden" },
    }),
  );
  return report;
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
    // Shown escaped, on one line: visible, and no terminal or runner acts on them.
    expect(plain).toContain("evil\\u001b]8;;http://x\\u0007link\\nsecond line");
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
    expect(a.findings.map((f) => f.severity)).toEqual([
      "error",
      "warning",
      "warning",
      "warning",
      "warning",
      "warning",
    ]);
    expect(a.findings.map((f) => f.fingerprint)).toEqual(b.findings.map((f) => f.fingerprint));
    expect(new Set(a.findings.map((f) => f.fingerprint)).size).toBe(a.findings.length);
  });
});
