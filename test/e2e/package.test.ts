/**
 * The npm package as users get it (issue 16): `npm pack`, then the tarball installed into an
 * empty project with the network off. dist/ is self-contained, so the install must add the
 * package alone, no dependency; and the tarball must carry what the README links to and the
 * license texts of the project and of the code the bundle carries.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/run-dist.js";

const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
};

/** Runs npm with its cache, home and settings in `dir`: nothing of this machine's leaks in. */
function npm(args: string[], cwd: string, dir: string): SpawnSyncReturns<string> {
  const result = spawnSync("npm", args, {
    cwd,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      HOME: dir,
      npm_config_cache: join(dir, "cache"),
      npm_config_userconfig: join(dir, "npmrc"),
      npm_config_update_notifier: "false",
    },
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${result.stderr}`);
  return result;
}

/** Bytes of every file under `path`. */
function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

describe("the npm package", () => {
  const dir = mkdtempSync(join(tmpdir(), "kul-pack-"));
  const project = join(dir, "project");
  let files: string[] = [];
  let installed: { status: number | null; stdout: string; stderr: string };

  beforeAll(() => {
    const packed = npm(["pack", "--json", "--pack-destination", dir], ROOT, dir);
    const [tarball] = JSON.parse(packed.stdout) as {
      filename: string;
      files: { path: string }[];
    }[];
    files = (tarball?.files ?? []).map((f) => f.path).sort();
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), '{ "name": "empty", "private": true }\n');
    // --offline: a dependency left to fetch fails the install instead of being downloaded.
    const install = ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"];
    installed = npm([...install, join(dir, tarball?.filename ?? "")], project, dir);
  }, 120_000);

  it("declares no runtime dependency: the bundle carries what it needs", () => {
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it("carries the README, LICENSE, docs, schemas, rules, the Action and dist/ with its licenses", () => {
    for (const file of [
      "LICENSE",
      "README.md",
      "action.yml",
      "docs/rules.md",
      "schemas/rules.schema.json",
      "schemas/facts.schema.json",
      "rules/deleting-enabled-key.yml",
      "dist/cli.js",
      "dist/index.js",
      "dist/licenses.txt",
      "package.json",
    ]) {
      expect(files).toContain(file);
    }
    const allowed = /^(dist|docs|rules|schemas)\/|^(LICENSE|README\.md|action\.yml|package\.json)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
  });

  it("installs into an empty project as one package, with no dependency", () => {
    expect(installed.stdout).toMatch(/added 1 package\b/);
    expect(readdirSync(join(project, "node_modules")).sort()).toEqual([
      ".bin",
      ".package-lock.json",
      manifest.name,
    ]);
    const tree = JSON.parse(npm(["ls", "--all", "--json"], project, dir).stdout) as {
      dependencies: Record<string, { version: string; dependencies?: object }>;
    };
    expect(Object.keys(tree.dependencies)).toEqual([manifest.name]);
    expect(tree.dependencies[manifest.name]?.dependencies).toBeUndefined();
    const bytes = sizeOf(join(project, "node_modules"));
    // The figure for the log (issue 16 asks for it); before, the install was 68 packages, 51 MB.
    console.info(`installed: 1 package, ${(bytes / 1e6).toFixed(2)} MB`);
  });

  it("runs from the installed package with nothing else there", () => {
    const bin = join(project, "node_modules/.bin/kms-usage-lint");
    const version = spawnSync(bin, ["--version"], { cwd: project, encoding: "utf8" });
    expect(version.stdout.trim()).toBe(manifest.version);
    const rules = spawnSync(bin, ["rules"], { cwd: project, encoding: "utf8" });
    expect(rules.status).toBe(0);
    expect(rules.stdout).toContain("deleting-recently-used-key");
  });
});

describe("the license", () => {
  it("is the Apache License 2.0 verbatim, as apache.org serves LICENSE-2.0.txt", () => {
    // The MD5 that OpenEmbedded recipes record for an unmodified LICENSE-2.0.txt.
    const md5 = createHash("md5")
      .update(readFileSync(join(ROOT, "LICENSE")))
      .digest("hex");
    expect(md5).toBe("3b83ef96387f14655fc854ddc3c6bd57");
  });
});
