/** The GitHub Action's entry point: binds the runner (`@actions/core`, `process`) to `runAction`. */
import * as core from "@actions/core";
import { runAction } from "./action-run.js";
import { gitMergeBase } from "./git-revision.js";
import { nodeDeps } from "./node-deps.js";

await runAction({
  getInput: (name) => core.getInput(name),
  env: process.env,
  info: core.info,
  warning: core.warning,
  debug: core.debug,
  setOutput: core.setOutput,
  setFailed: core.setFailed,
  setExitCode: (code) => {
    process.exitCode = code;
  },
  setSecret: core.setSecret,
  writeStdout: (text) => process.stdout.write(text),
  writeSummary: async (markdown) => {
    // The step's own file: each write replaces the last (the findings, then the outcome).
    await core.summary.addRaw(markdown).write({ overwrite: true });
  },
  chdir: (dir) => process.chdir(dir),
  deps: nodeDeps,
  mergeBase: gitMergeBase,
});
