#!/usr/bin/env node
/** The `kms-usage-lint` command: binds main() to this process. */
import { main } from "./command.js";
import { nodeDeps } from "./node-deps.js";

process.exitCode = await main(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    debug: (process.env.DEBUG ?? "").split(",").includes("kms-usage-lint"),
    env: process.env,
  },
  nodeDeps(),
);
