/**
 * Runs the command line in-process, as `dist/cli.js` would, with the real file
 * system (or an overlay of it) and captured output and writes: the one in-process
 * harness, for every test that does not need a child process.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/command.js";
import type { Environment } from "../../src/config/region.js";
import type { Deps } from "../../src/pipeline.js";
import { readRegularFile } from "../../src/read-file.js";
import { nodeSourceFiles } from "../../src/sources/repo.js";
import { type Ran, ROOT, runNodeAsync } from "./run-dist.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What the run wrote (`--output`, snapshots), by path, unless `deps.writeFile` was given. */
  written: Record<string, string>;
}

/** What `Deps.writeFile` was given, as one string (a large report comes in pieces). */
export function textOf(text: string | Iterable<string>): string {
  return typeof text === "string" ? text : [...text].join("");
}

/** Files that exist only for this run, over the real file system: `runCli(argv, cwd, withFiles({...}))`. */
export function withFiles(files: Record<string, string>): Pick<Deps, "readFile" | "fileExists"> {
  return {
    readFile: async (path, maxBytes) => files[path] ?? readRegularFile(path, maxBytes),
    fileExists: async (path) => path in files,
  };
}

/**
 * `argv` run with `cwd` as the working directory; `deps` overrides the real ones; `env`
 * is the environment the command sees (none of the machine's: runs stay reproducible).
 */
export async function runCli(
  argv: string[],
  cwd: string,
  deps: Partial<Omit<Deps, "logger">> = {},
  env: Environment = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const written: Record<string, string> = {};
  const code = await main(
    argv,
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      stdoutIsTty: false,
      stderrIsTty: false,
      debug: false,
      env,
    },
    {
      readFile: readRegularFile,
      fileExists: async () => false,
      writeFile: async (path, text) => {
        written[path] = textOf(text);
      },
      sourceFiles: nodeSourceFiles(),
      cwd,
      clock: () => new Date(),
      tool: { name: "kms-usage-lint", version: "test" },
      ...deps,
    },
  );
  return { code, stdout, stderr, written };
}

/** The bundle `runCliProcess` runs, built once per test file. */
let bundled: Promise<string> | null = null;

/**
 * src/cli.ts bundled as `npm run build` bundles it, into a temporary directory
 * outside any node_modules: the command as a process, from the source under test
 * rather than the committed dist/, which may lag behind it.
 */
function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    const { build } = await import("esbuild");
    const dir = mkdtempSync(join(tmpdir(), "kul-cli-"));
    await build({
      entryPoints: { cli: join(ROOT, "src/cli.ts") },
      outdir: dir,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      loader: { ".yml": "text" },
      banner: {
        js: 'import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);',
      },
      logLevel: "warning",
    });
    return join(dir, "cli.js");
  })();
  return bundled;
}

/**
 * `argv` run as a `node` process in `cwd`, for what only a process shows: what
 * reaches the real stdout and stderr, exit codes, files written, the environment
 * (`env` is all it sees besides PATH).
 */
export async function runCliProcess(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Ran> {
  return runNodeAsync(process.execPath, [await cliBundle(), ...argv], cwd, env);
}
