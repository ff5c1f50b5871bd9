import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import {
  bundledPackageDirs,
  describePackage,
  licensesText,
  packageDirOf,
} from "../../scripts/bundle-licenses.js";
import { ROOT } from "../support/run-dist.js";

/** A package directory under a fresh node_modules, with the files given. */
function packageDir(name: string, files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), "kul-licenses-")), "node_modules", name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

function manifest(name: string, version: string, license?: string): string {
  return JSON.stringify({ name, version, ...(license ? { license } : {}) });
}

const MIT = "MIT License\n\nCopyright (c) 2024 Someone\n\nPermission is hereby granted…\n";

describe("packageDirOf", () => {
  it("names the package after the last node_modules, scoped or not", () => {
    expect(packageDirOf("node_modules/yaml/dist/index.js")).toBe("node_modules/yaml");
    expect(packageDirOf("../main/node_modules/@aws-sdk/core/dist-es/index.js")).toBe(
      "../main/node_modules/@aws-sdk/core",
    );
    expect(packageDirOf("node_modules/aws-cdk-lib/node_modules/minimatch/x.js")).toBe(
      "node_modules/aws-cdk-lib/node_modules/minimatch",
    );
    expect(packageDirOf("src/cli.ts")).toBeNull();
  });
});

describe("bundledPackageDirs", () => {
  it("keeps only packages some of whose bytes reach an output", () => {
    const metafile = {
      inputs: {},
      outputs: {
        "dist/cli.js": {
          bytes: 10,
          imports: [],
          exports: [],
          inputs: {
            "src/cli.ts": { bytesInOutput: 5 },
            "node_modules/commander/index.js": { bytesInOutput: 5 },
            "node_modules/unused/index.js": { bytesInOutput: 0 },
          },
        },
        "dist/index.js": {
          bytes: 5,
          imports: [],
          exports: [],
          inputs: { "node_modules/commander/lib/x.js": { bytesInOutput: 5 } },
        },
      },
    } as unknown as Metafile;
    expect(bundledPackageDirs(metafile)).toEqual(["node_modules/commander"]);
  });
});

describe("describePackage", () => {
  it("reads the declared license, the license file and a NOTICE", () => {
    const dir = packageDir("a", {
      "package.json": manifest("a", "1.0.0", "Apache-2.0"),
      LICENSE: "\n\n   Apache License\n",
      NOTICE: "A\nCopyright Someone\n",
    });
    expect(describePackage(dir, ROOT)).toEqual({
      name: "a",
      version: "1.0.0",
      license: "Apache-2.0",
      text: "   Apache License",
      notices: ["A\nCopyright Someone"],
    });
  });

  it("gives an Apache-2.0 package without a license file the project's verbatim text", () => {
    const dir = packageDir("@aws-sdk/nested", {
      "package.json": manifest("@aws-sdk/nested", "3.0.0", "Apache-2.0"),
    });
    const pkg = describePackage(dir, ROOT);
    expect(pkg.license).toBe("Apache-2.0; no license file in the package");
    // Its indentation kept: only the blank first line and the final newline go.
    expect(pkg.text).toBe(readFileSync(join(ROOT, "LICENSE"), "utf8").slice(1).trimEnd());
    expect(pkg.text).toMatch(/^ +Apache License\n +Version 2.0, January 2004/);
  });

  it("stops the build for an MIT package without its license file (its copyright is unknown)", () => {
    const dir = packageDir("b", { "package.json": manifest("b", "2.0.0", "MIT") });
    expect(() => describePackage(dir, ROOT)).toThrow(/b@2.0.0 .* ships no MIT license file/);
  });

  it("stops the build for a package that declares no license", () => {
    const dir = packageDir("c", { "package.json": manifest("c", "1.0.0"), LICENSE: MIT });
    expect(() => describePackage(dir, ROOT)).toThrow(/c@1.0.0 .* declares no license/);
  });
});

describe("licensesText", () => {
  const pkg = (name: string, text: string, notices: string[] = []) => ({
    name,
    version: "1.0.0",
    license: "MIT",
    text,
    notices,
  });

  it("lists every package, one copy of each text, and every NOTICE under its package", () => {
    const text = licensesText([
      pkg("zeta", MIT, ["Zeta NOTICE"]),
      pkg("alpha", MIT),
      pkg("beta", "ISC License …"),
    ]);
    expect(text).toContain("the following 3 packages");
    expect(text.split(MIT).length - 1).toBe(1);
    expect(text).toMatch(/alpha 1\.0\.0 \(MIT\)\nzeta 1\.0\.0 \(MIT\)\n\nMIT License/);
    expect(text).toContain("NOTICE of zeta 1.0.0:\n\nZeta NOTICE");
    expect(text.indexOf("alpha")).toBeLessThan(text.indexOf("beta"));
  });

  it("is the same whatever order the packages come in", () => {
    const a = [pkg("a", MIT), pkg("b", "other"), pkg("c", MIT)];
    expect(licensesText(a)).toBe(licensesText([...a].reverse()));
  });
});
