/**
 * Synthesizes the CDK apps in `test/fixtures/cdk-apps/` with the real
 * `aws-cdk-lib`, as `cdk synth` runs them: `node` on the app's entry file,
 * with the assembly directory in `CDK_OUTDIR` (which `new cdk.App()` reads).
 * No AWS account is needed.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { KeyReference } from "../../../src/model.js";
import { readCloudAssembly } from "../../../src/sources/cdk/assembly.js";
import type { StackModel } from "../../../src/sources/cdk/stack.js";
import { nodeSourceFiles } from "../../../src/sources/repo.js";

const run = promisify(execFile);

const PROJECT = fileURLToPath(new URL("../../../", import.meta.url));

/** The directory of a fixture app: `test/fixtures/cdk-apps/<name>`. */
export function fixtureApp(name: string): string {
  return join(PROJECT, "test", "fixtures", "cdk-apps", name);
}

export interface SynthOptions {
  /** The app's files, copied as they are (e.g. `fixtureApp("locate")`). */
  from: string;
  /** The directory to copy them into; it becomes the app's directory. */
  into: string;
  /** The entry file, relative to `into`. Default `app.mjs`. */
  entry?: string;
  /** The assembly directory. Default `<into>/cdk.out`. */
  outdir?: string;
}

/**
 * Copies an app and synthesizes it; returns the assembly directory.
 *
 * The app imports `aws-cdk-lib` from this project's `node_modules`, linked
 * into `into`. Node runs with `--stack-trace-limit=100` so that the
 * construct's creation stacks reach the app's own frames: with Node's
 * default of 10, every frame is inside `aws-cdk-lib`.
 */
export async function synthApp(options: SynthOptions): Promise<string> {
  const outdir = options.outdir ?? join(options.into, "cdk.out");
  await cp(options.from, options.into, { recursive: true });
  await symlink(join(PROJECT, "node_modules"), join(options.into, "node_modules"), "dir");
  await run(process.execPath, ["--stack-trace-limit=100", options.entry ?? "app.mjs"], {
    cwd: options.into,
    env: { ...process.env, CDK_OUTDIR: outdir },
  });
  return outdir;
}

/** A fresh temporary directory, and a function that removes it. */
export async function tempDir(
  prefix: string,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `kms-usage-lint-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The stacks and references of an assembly, read by the product's own reader. */
export async function readAssembly(
  dir: string,
): Promise<{ stacks: StackModel[]; references: KeyReference[] }> {
  const { stacks, references } = await readCloudAssembly(dir, nodeSourceFiles());
  return { stacks, references };
}

/** Where the creation stacks of a pre-synthesized assembly name the app's directory. */
export const APP_DIR_PLACEHOLDER = "/__CDK_APP_DIR__";

/** The committed assembly of a fixture app: `test/fixtures/cdk-synth/<name>` (see SOURCES.tsv). */
export function presynthesizedAssembly(name: string): string {
  return join(PROJECT, "test", "fixtures", "cdk-synth", name);
}

/**
 * What `synthApp` gives for the fixture app `name`, without running it: the app's
 * files copied into `into` and its committed assembly into `<into>/cdk.out`, the
 * creation stacks pointing at `into` as they would after a synthesis there. A real
 * synthesis takes seconds per app; test/e2e/cdk-synth.test.ts checks that it still
 * gives exactly these files.
 */
export async function presynthesizedApp(name: string, into: string): Promise<string> {
  const outdir = join(into, "cdk.out");
  await cp(fixtureApp(name), into, { recursive: true });
  const from = presynthesizedAssembly(name);
  await mkdir(outdir, { recursive: true });
  for (const file of await readdir(from)) {
    const text = await readFile(join(from, file), "utf8");
    await writeFile(join(outdir, file), text.replaceAll(APP_DIR_PLACEHOLDER, into));
  }
  return outdir;
}
