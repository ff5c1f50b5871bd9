/** The real file system and clock, as both entry points hand them to the pipeline. */
import { access, readdir, writeFile } from "node:fs/promises";
import { liveFactSource } from "./facts/live.js";
import { gitRevisionFiles } from "./git-revision.js";
import type { Deps } from "./pipeline.js";
import { readRegularFile } from "./read-file.js";
import { nodeSourceFiles } from "./sources/repo.js";
import { TOOL } from "./version.js";

/** Everything `run()` needs from Node except the logger, which differs per entry point. */
export function nodeDeps(): Omit<Deps, "logger"> {
  return {
    readFile: readRegularFile,
    writeFile: (path, text) => writeFile(path, text, "utf8"),
    fileExists: (path) => access(path).then(yes, no),
    listDir: async (dir) =>
      (await readdir(dir, { withFileTypes: true })).map((entry) => ({
        name: entry.name,
        directory: entry.isDirectory(),
      })),
    sourceFiles: nodeSourceFiles(),
    cwd: process.cwd(),
    clock: () => new Date(),
    liveFacts: liveFactSource,
    gitRevision: gitRevisionFiles,
    tool: TOOL,
  };
}

const yes = () => true;
const no = () => false;
