/**
 * `--sarif-category` and the Action's `sarif-category`: SARIF names a category only
 * when asked (upload-sarif's own `category` applies otherwise); and the workflow file
 * the Action shows findings on when they have no file of their own.
 */
import { describe, expect, it } from "vitest";
import { workflowFile } from "../../src/action-run.js";
import { actionConfig } from "../../src/config/action-inputs.js";
import { parseArgs } from "../../src/config/cli-args.js";

function categoryOf(argv: string[]): string | null {
  const parsed = parseArgs(argv, "0.0.0-test", { stdout: () => {}, stderr: () => {} });
  if (parsed.command !== "check") throw new Error("not check");
  return parsed.config.sarifCategory;
}

describe("--sarif-category", () => {
  it("is none unless given, and is taken trimmed", () => {
    expect(categoryOf(["plan.json", "--format", "sarif"])).toBeNull();
    expect(categoryOf(["plan.json", "--sarif-category", " terraform/prod "])).toBe(
      "terraform/prod",
    );
  });

  it("refuses an empty category, a bare slash and a control character", () => {
    for (const bad of ["", "/", "a\nb"]) {
      expect(() => categoryOf(["plan.json", "--sarif-category", bad])).toThrow(
        /--sarif-category .*: expected a category like terraform\/prod/,
      );
    }
  });
});

describe("input sarif-category", () => {
  const config = (value: string) =>
    actionConfig((name) => (name === "sarif-category" ? value : ""), null, null);

  it("is none when empty, else the category", () => {
    expect(config("").sarifCategory).toBeNull();
    expect(config("  ").sarifCategory).toBeNull();
    expect(config("infra/a").sarifCategory).toBe("infra/a");
  });
});

describe("workflowFile", () => {
  it("finds the workflow in the checkout from GITHUB_WORKFLOW_REF", () => {
    expect(
      workflowFile({
        GITHUB_WORKSPACE: "/w/infra",
        GITHUB_WORKFLOW_REF: "acme/infra/.github/workflows/kms.yml@refs/pull/3/merge",
      }),
    ).toBe("/w/infra/.github/workflows/kms.yml");
  });

  it("is none outside a workflow run, or for a ref that names no workflow file", () => {
    expect(workflowFile({ GITHUB_WORKSPACE: "/w" })).toBeNull();
    expect(workflowFile({ GITHUB_WORKFLOW_REF: "a/b/.github/workflows/x.yml@main" })).toBeNull();
    expect(
      workflowFile({ GITHUB_WORKSPACE: "/w", GITHUB_WORKFLOW_REF: "a/b/x.yml@main" }),
    ).toBeNull();
  });
});
