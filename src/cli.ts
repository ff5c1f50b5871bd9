#!/usr/bin/env node
/** The `kms-usage-lint` command: binds main() to this process. */
import { access, readFile, writeFile } from "node:fs/promises";
import { main } from "./command.js";
import { TOOL } from "./version.js";

process.exitCode = await main(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTty: process.stdout.isTTY === true && !("NO_COLOR" in process.env),
    debug: (process.env.DEBUG ?? "").split(",").includes("kms-usage-lint"),
    writeFile: (path, text) => writeFile(path, text, "utf8"),
  },
  {
    readFile: (path) => readFile(path, "utf8"),
    fileExists: (path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    clock: () => new Date(),
    tool: TOOL,
  },
);
