/**
 * The GitHub Action: reads inputs, runs the pipeline, and reports through the log,
 * workflow-command annotations, the job summary, a SARIF file, the step outputs and
 * the exit status. Check runs and PR comments come with the GitHub API sinks (SPEC §8).
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { actionConfig } from "./config/action-inputs.js";
import { InputError } from "./model.js";
import { nodeDeps } from "./node-deps.js";
import { run } from "./pipeline.js";
import { formatGithub } from "./report/formats/github.js";
import { formatJson } from "./report/formats/json.js";
import { formatMarkdown } from "./report/formats/markdown.js";
import { formatSarif } from "./report/formats/sarif.js";
import { formatText } from "./report/formats/text.js";

async function main(): Promise<void> {
  try {
    const workingDirectory = core.getInput("working-directory");
    if (workingDirectory) process.chdir(workingDirectory);
    const { config, warnings } = actionConfig((name) => core.getInput(name));
    for (const warning of warnings) core.warning(warning);
    const deps = nodeDeps();
    const { report, rules, failed } = await run(config, {
      ...deps,
      logger: { info: core.info, warn: core.warning, debug: core.debug },
    });
    const options = { color: false, rules: rules.rules, cwd: deps.cwd, repoRoot: config.repoRoot };
    core.info(formatText(report, options));
    // Annotations as workflow commands: the check-run sink (annotations: checks) is not built
    // yet, so every mode but `none` annotates this way, which also works on fork PRs.
    if (core.getInput("annotations") !== "none") process.stdout.write(formatGithub(report));
    // Outside a runner (or a step without a summary file) there is nowhere to write it.
    if (core.getInput("summary") !== "false" && process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(formatMarkdown(report, options)).write();
    }
    const sarifFile = core.getInput("sarif-file").trim();
    if (sarifFile) {
      await writeFile(sarifFile, formatSarif(report, options), "utf8");
      core.setOutput("sarif", sarifFile);
    }

    const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), "kms-usage-lint-"));
    const reportPath = join(dir, "report.json");
    await writeFile(reportPath, formatJson(report), "utf8");
    core.setOutput("errors", report.summary.error);
    core.setOutput("warnings", report.summary.warning);
    core.setOutput("notices", report.summary.notice);
    core.setOutput("findings", report.findings.length);
    core.setOutput("report", reportPath);
    if (failed) {
      core.setFailed(
        `kms-usage-lint: findings at or above fail-on (${config.failOn}): ${report.summary.error} errors, ${report.summary.warning} warnings, ${report.summary.notice} notices`,
      );
    }
  } catch (error) {
    core.setFailed(
      error instanceof InputError
        ? `kms-usage-lint: ${error.describe()}`
        : `kms-usage-lint: internal error: ${(error as Error).message}`,
    );
  }
}

await main();
