/**
 * The third-party notices of dist/: the bundle carries code of the packages it was built
 * from, and their licenses travel with it (MIT's "this permission notice shall be included",
 * Apache-2.0's §4 on NOTICE files). esbuild's metafile says exactly which files made it into
 * the output; this turns that into dist/licenses.txt. A bundled package whose license text
 * cannot be found stops the build: shipping its code without one is the failure to prevent.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Metafile } from "esbuild";

const LICENSE_FILE = /^(licen[cs]e|copying)([-.].*)?$/i;
const NOTICE_FILE = /^notice([-.].*)?$/i;

/**
 * Apache-2.0 is one fixed text with no copyright line of its own, so a package that declares
 * it and ships no license file (a few @aws-sdk packages do) is covered by the project's own
 * copy, verbatim from apache.org. MIT and ISC texts carry the authors' copyright: those must
 * come from the package itself.
 */
const STANDARD_TEXTS: Record<string, string> = { "Apache-2.0": "LICENSE" };

/** One bundled package, as dist/licenses.txt lists it. */
export interface BundledPackage {
  name: string;
  version: string;
  /** The SPDX expression the package declares, and a note where its text is the standard one. */
  license: string;
  text: string;
  notices: string[];
}

/**
 * The package directory an input path lies in: up to the package's name after the last
 * `node_modules/` (a scoped name has two segments). Null for the project's own files.
 */
export function packageDirOf(inputPath: string): string | null {
  const marker = "node_modules/";
  const at = inputPath.lastIndexOf(marker);
  if (at < 0) return null;
  const rest = inputPath.slice(at + marker.length).split("/");
  const nameSegments = rest[0]?.startsWith("@") ? 2 : 1;
  return inputPath.slice(0, at + marker.length) + rest.slice(0, nameSegments).join("/");
}

/** The package directories whose code is in the output: inputs esbuild kept bytes of. */
export function bundledPackageDirs(metafile: Metafile): string[] {
  const dirs = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dir = bytesInOutput > 0 ? packageDirOf(input) : null;
      if (dir) dirs.add(dir);
    }
  }
  return [...dirs];
}

/** A text without its leading blank lines and trailing space, its indentation kept. */
function trimmed(text: string): string {
  return text
    .replace(/\r\n/g, "\n")
    .replace(/^([ \t]*\n)+/, "")
    .trimEnd();
}

function readAll(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => trimmed(readFileSync(join(dir, name), "utf8")));
}

interface Manifest {
  name: string;
  version: string;
  license?: string | { type?: string };
}

/**
 * Name, version, declared license, license text and NOTICE texts of the package in `dir`;
 * `root` holds the project's own LICENSE, the standard Apache-2.0 text.
 */
export function describePackage(dir: string, root: string): BundledPackage {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
  const declared = typeof manifest.license === "string" ? manifest.license : manifest.license?.type;
  const shipped = readAll(dir, LICENSE_FILE);
  const standard = declared === undefined ? undefined : STANDARD_TEXTS[declared];
  if (declared === undefined || (shipped.length === 0 && standard === undefined)) {
    throw new Error(
      `${manifest.name}@${manifest.version} (${dir}) is bundled into dist/ but ` +
        (declared === undefined ? "declares no license" : `ships no ${declared} license file`) +
        ": dist/licenses.txt cannot carry its terms",
    );
  }
  return {
    name: manifest.name,
    version: manifest.version,
    license: shipped.length > 0 ? declared : `${declared}; no license file in the package`,
    text:
      shipped.length > 0
        ? shipped.join("\n\n")
        : trimmed(readFileSync(join(root, standard as string), "utf8")),
    notices: readAll(dir, NOTICE_FILE),
  };
}

const RULE = "=".repeat(78);

/** The packages in the order the file lists them: by name, then version. */
function byNameAndVersion(a: BundledPackage, b: BundledPackage): number {
  return a.name.localeCompare(b.name, "en") || a.version.localeCompare(b.version, "en");
}

/**
 * dist/licenses.txt: each bundled package with its version and license. Packages whose
 * license text is the same word for word share one copy of it (the AWS SDK's packages carry
 * one Apache-2.0 text), and every NOTICE file is reproduced under its own package.
 */
export function licensesText(packages: BundledPackage[]): string {
  const groups = new Map<string, BundledPackage[]>();
  for (const pkg of [...packages].sort(byNameAndVersion)) {
    groups.set(pkg.text, [...(groups.get(pkg.text) ?? []), pkg]);
  }
  const sections = [...groups].map(([text, group]) => {
    const names = group.map((p) => `${p.name} ${p.version} (${p.license})`);
    const notices = group
      .filter((p) => p.notices.length > 0)
      .map((p) => `\nNOTICE of ${p.name} ${p.version}:\n\n${p.notices.join("\n\n")}`);
    return [RULE, ...names, "", text, ...notices, ""].join("\n");
  });
  return [
    "kms-usage-lint is licensed under the Apache License, Version 2.0 (LICENSE).",
    `dist/ bundles code of the following ${packages.length} packages, under these licenses.`,
    "",
    ...sections,
  ].join("\n");
}

/** dist/licenses.txt for a build's metafile, run from the repository's root. */
export function bundleLicensesText(metafile: Metafile): string {
  return licensesText(bundledPackageDirs(metafile).map((dir) => describePackage(dir, ".")));
}
