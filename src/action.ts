/**
 * The GitHub Action: reads inputs, runs the pipeline, and reports through the log,
 * the step outputs and the exit status. Check runs, comments and SARIF come with
 * the reporting sinks (SPEC §8).
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { actionConfig } from "./config/action-inputs.js";
import { InputError } from "./model.js";
import { nodeDeps } from "./node-deps.js";
import { run } from "./pipeline.js";
import { formatJson } from "./report/formats/json.js";
import { formatText } from "./report/formats/text.js";

async function main(): Promise<void> {
  try {
    const workingDirectory = core.getInput("working-directory");
    if (workingDirectory) process.chdir(workingDirectory);
    const { config, warnings } = actionConfig((name) => core.getInput(name));
    for (const warning of warnings) core.warning(warning);
    const { report, failed } = await run(config, {
      ...nodeDeps(),
      logger: { info: core.info, warn: core.warning, debug: core.debug },
    });
    core.info(formatText(report, { color: false }));

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
