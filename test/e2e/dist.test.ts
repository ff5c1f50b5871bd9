import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedCopy, nodeRuntimes, readGithubOutput, runNode } from "../support/run-dist.js";

const NOW = "2026-11-28T00:00:00Z";

describe.each(nodeRuntimes())("dist/ on $name", ({ bin }) => {
  const dir = isolatedCopy();

  it("the CLI reads a plan piped to `-` (terraform show -json plan | kms-usage-lint check -)", () => {
    const result = spawnSync(
      bin,
      [
        "dist/cli.js",
        "check",
        "-",
        "--facts",
        "examples/facts.json",
        "--format",
        "json",
        "--now",
        NOW,
      ],
      {
        cwd: dir,
        input: readFileSync(join(dir, "examples/plan.json")),
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "" },
        timeout: 20_000,
      },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ error: 1, warning: 5, notice: 0, suppressed: 0, keys: 4 });
    expect(report.keys[0].references[0].file).toBe("<stdin>");
  });

  it("the CLI reports both findings of the example as JSON and exits 1", () => {
    const run = runNode(
      bin,
      [
        "dist/cli.js",
        "check",
        "--terraform-plan",
        "examples/plan.json",
        "--facts",
        "examples/facts.json",
        "--format",
        "json",
        "--now",
        NOW,
      ],
      dir,
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([
      "deleting-recently-used-key",
      "deleting-enabled-key",
      "short-deletion-window",
      "unused-key",
      "deleting-enabled-key",
      "deleting-key-with-unknown-usage",
    ]);
    expect(report.summary).toEqual({ error: 1, warning: 5, notice: 0, suppressed: 0, keys: 4 });
  });

  it("exits 0 with --fail-on none, and the same bytes for the same inputs", () => {
    const args = [
      "dist/cli.js",
      "examples/plan.json",
      "--facts",
      "examples/facts.json",
      "--now",
      NOW,
      "--fail-on",
      "none",
    ];
    const first = runNode(bin, args, dir);
    const second = runNode(bin, args, dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).toContain("✖ 6 problems (1 error, 5 warnings, 0 notices)");
  });

  it("exits 2 on a malformed plan, naming the file and line, without a stack trace", () => {
    writeFileSync(
      join(dir, "broken.json"),
      '{\n  "format_version": "1.2",\n  "resource_changes": [\n',
    );
    const run = runNode(bin, ["dist/cli.js", "broken.json", "--facts", "examples/facts.json"], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^kms-usage-lint: broken\.json:\d+: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("runs the README's quick start, as `npm start` does", () => {
    const readme = readFileSync("README.md", "utf8");
    const quickStart = /```sh\n(node dist\/cli\.js check [^\n]+)\n```/.exec(readme)?.[1];
    const start = JSON.parse(readFileSync("package.json", "utf8")).scripts.start;
    expect(start).toBe(quickStart);
    const [, ...args] = (quickStart ?? "").split(" ");
    const run = runNode(bin, args, dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("✖ 6 problems (1 error, 5 warnings, 0 notices)");
  });

  it("prints its version and help", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(runNode(bin, ["dist/cli.js", "--version"], dir).stdout.trim()).toBe(pkg.version);
    const help = runNode(bin, ["dist/cli.js", "check", "--help"], dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--fail-on <severity>");
  });

  it("runs as the Action: INPUT_* environment in, step outputs and failure out", () => {
    const outputFile = join(dir, "github-output.txt");
    writeFileSync(outputFile, "");
    const run = runNode(bin, ["dist/index.js"], dir, {
      "INPUT_TERRAFORM-PLAN": "examples/plan.json",
      INPUT_FACTS: "examples/facts.json",
      "INPUT_FAIL-ON": "error",
      INPUT_NOW: NOW,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: dir,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("::error::kms-usage-lint: findings at or above fail-on (error)");
    const outputs = readGithubOutput(outputFile);
    expect(outputs.errors).toBe("1");
    expect(outputs.findings).toBe("6");
    const report = JSON.parse(readFileSync(outputs.report ?? "", "utf8"));
    expect(report.version).toBe(1);
  });

  it("outside a pull request and without GitHub, the Action annotates with workflow commands, writes the summary and SARIF", () => {
    const summary = join(dir, "summary.md");
    writeFileSync(summary, "");
    const run = runNode(bin, ["dist/index.js"], dir, {
      "INPUT_TERRAFORM-PLAN": "examples/plan.json",
      INPUT_FACTS: "examples/facts.json",
      INPUT_NOW: NOW,
      INPUT_COMMENT: "new",
      "INPUT_SARIF-FILE": "out.sarif",
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: dir,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("No GitHub repository or token to create a check run with");
    expect(run.stdout).toMatch(
      /^::error title=deleting-recently-used-key,file=examples\/main\.tf,line=11::/m,
    );
    expect(readFileSync(summary, "utf8")).toContain("<!-- kms-usage-lint -->");
    expect(JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")).version).toBe("2.1.0");
  });
});
