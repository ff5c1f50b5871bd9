/**
 * Runs the committed bundle the way users and the Actions runner do: a plain `node`
 * process on dist/, copied somewhere with no node_modules above it.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

/**
 * The Node majors the bundle's end-to-end tests run on: the ones the README names (22, 24;
 * the Action runs on node24) and 20, past its end of life, to know whether it still runs.
 * CI puts their binaries in KUL_NODE20, KUL_NODE22 and KUL_NODE24 (.ci/run).
 */
export const NODE_MAJORS = [20, 22, 24] as const;

/**
 * Node binaries to run dist/ on: this one, and each other major CI provides, so every
 * supported major runs the bundle whichever Node runs the tests.
 */
export function nodeRuntimes(
  env: NodeJS.ProcessEnv = process.env,
  current: string = process.version,
): { name: string; bin: string }[] {
  const runtimes = [{ name: `node ${current}`, bin: process.execPath }];
  const currentMajor = Number(/^v(\d+)/.exec(current)?.[1]);
  for (const major of NODE_MAJORS) {
    const bin = env[`KUL_NODE${major}`];
    if (bin && major !== currentMajor) runtimes.push({ name: `node ${major}`, bin });
  }
  return runtimes;
}

/** A temp directory holding dist/ and examples/, outside any node_modules tree. */
export function isolatedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "kul-e2e-"));
  cpSync(join(ROOT, "dist"), join(dir, "dist"), { recursive: true });
  cpSync(join(ROOT, "examples"), join(dir, "examples"), { recursive: true });
  return dir;
}

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(
  bin: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Ran {
  const result = spawnSync(bin, args, {
    cwd,
    encoding: "utf8",
    // A clean environment: nothing from this test process leaks into the run.
    env: { PATH: process.env.PATH ?? "", ...env },
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Like runNode, without blocking this process: for runs that talk to a server
 * (the KMS emulator, the fake GitHub API) living in the test process itself.
 */
export function runNodeAsync(
  bin: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 20_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Parses a GITHUB_OUTPUT file (name=value lines and name<<DELIM heredocs). */
export function readGithubOutput(file: string): Record<string, string> {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? "");
      out[name] = value.join("\n");
    } else if (line.includes("=")) {
      out[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return out;
}
