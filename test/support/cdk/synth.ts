/**
 * Synthesizes the CDK apps in `test/fixtures/cdk-apps/` with the real
 * `aws-cdk-lib`, as `cdk synth` runs them: `node` on the app's entry file,
 * with the assembly directory in `CDK_OUTDIR` (which `new cdk.App()` reads).
 * No AWS account is needed. Tests read the committed assemblies of these apps
 * (`presynthesizedApp`) instead of synthesizing them every run; only
 * test/e2e/cdk-synth.test.ts synthesizes, to prove the committed files current.
 */
import { execFile } from "node:child_process";
import { realpathSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
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

/**
 * Where they name this project's `node_modules` (aws-cdk-lib's own frames, in a warning's
 * trace): wherever the checkout is, and through a linked `node_modules` its real path.
 */
export const NODE_MODULES_PLACEHOLDER = "/__NODE_MODULES__";
const NODE_MODULES = realpathSync(join(PROJECT, "node_modules"));

/** A synthesized file as it is committed: the machine's own paths replaced by placeholders. */
export function withPlaceholders(text: string, appDir: string): string {
  return text
    .replaceAll(appDir, APP_DIR_PLACEHOLDER)
    .replaceAll(NODE_MODULES, NODE_MODULES_PLACEHOLDER);
}

/** A committed file as a synthesis in `appDir` on this machine would have written it. */
function withoutPlaceholders(text: string, appDir: string): string {
  return text
    .replaceAll(APP_DIR_PLACEHOLDER, appDir)
    .replaceAll(NODE_MODULES_PLACEHOLDER, NODE_MODULES);
}

/**
 * The fixture apps whose assemblies are committed under `test/fixtures/cdk-synth/`,
 * with the entry file `synthApp` runs for each (default `app.mjs`).
 * test/e2e/cdk-synth.test.ts synthesizes every one of them.
 */
export const PRESYNTHESIZED: Readonly<Record<string, { entry?: string }>> = {
  assembly: { entry: "cdk-app.mjs" },
  "changes/base": {},
  "changes/head": {},
  intrinsics: {},
  locate: { entry: "bin/app.mjs" },
  "pipeline/base": {},
  "pipeline/head": {},
};

/** The committed assembly of a fixture app: `test/fixtures/cdk-synth/<name>` (see SOURCES.tsv). */
export function presynthesizedAssembly(name: string): string {
  return join(PROJECT, "test", "fixtures", "cdk-synth", name);
}

/** The files under `dir`, as sorted paths relative to it (an assembly nests stages in folders). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * What `synthApp` gives for the fixture app `name`, without running it: the app's
 * files copied into `into`, `node_modules` linked, and its committed assembly in
 * `<into>/cdk.out`, the creation stacks pointing at `into` as they would after a
 * synthesis there. A real synthesis takes seconds per app; test/e2e/cdk-synth.test.ts
 * checks that it still gives exactly these files.
 */
export async function presynthesizedApp(name: string, into: string): Promise<string> {
  if (!(name in PRESYNTHESIZED)) throw new Error(`no committed assembly for the app ${name}`);
  const outdir = join(into, "cdk.out");
  await cp(fixtureApp(name), into, { recursive: true });
  await symlink(join(PROJECT, "node_modules"), join(into, "node_modules"), "dir");
  const from = presynthesizedAssembly(name);
  for (const file of await filesUnder(from)) {
    const text = await readFile(join(from, file), "utf8");
    await mkdir(dirname(join(outdir, file)), { recursive: true });
    await writeFile(join(outdir, file), withoutPlaceholders(text, into));
  }
  return outdir;
}
