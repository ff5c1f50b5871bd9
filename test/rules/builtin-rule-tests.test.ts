/** `kms-usage-lint test rules/` as part of `npm test`: every rule test file of the built-in rules passes. */
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { BUILTIN_PACKS } from "../../src/rules/builtin.js";
import { findRuleTestFiles } from "../../src/rules/test-files.js";
import { formatRuleTestResult } from "../../src/rules/test-format.js";
import { runRuleTests } from "../../src/rules/test-runner.js";

const listDir = async (dir: string) =>
  (await readdir(dir, { withFileTypes: true })).map((entry) => ({
    name: entry.name,
    directory: entry.isDirectory(),
  }));

describe("the rule tests in rules/", async () => {
  const files = await findRuleTestFiles(["rules"], listDir);

  it("are found, one file per built-in rule", () => {
    expect(files.length).toBe(BUILTIN_PACKS.recommended?.length);
  });

  it.each(files)("%s passes", async (file) => {
    const result = await runRuleTests(
      [file],
      (path) => readFile(path, "utf8"),
      BUILTIN_PACKS,
      new Date("2026-11-28T00:00:00Z"),
    );
    expect(result.cases).toBeGreaterThan(0);
    expect(result.failures, formatRuleTestResult(result)).toEqual([]);
  });
});
