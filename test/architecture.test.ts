/**
 * The shape of the house (STYLE): sources → facts → rules → report, imports only
 * downward. Reads every module's imports and fails when an arrow runs the wrong way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../src");

// What each stage may not import: the stages above it and the entry points.
const FORBIDDEN: Record<string, readonly string[]> = {
  sources: [
    "facts",
    "rules",
    "report",
    "config",
    "github",
    "pipeline.ts",
    "command.ts",
    "cli.ts",
    "action.ts",
    "action-run.ts",
    "node-deps.ts",
  ],
  rules: ["report", "github", "pipeline.ts", "command.ts", "cli.ts", "action.ts", "action-run.ts"],
};

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? modules(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Each relative import of `file`, as a path under src/. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/\bfrom\s+"(\.{1,2}\/[^"]+)"/g)].map((m) =>
    relative(SRC, resolve(dirname(file), (m[1] as string).replace(/\.js$/, ".ts"))),
  );
}

describe("import direction", () => {
  for (const [stage, forbidden] of Object.entries(FORBIDDEN)) {
    it(`${stage}/ imports nothing above it`, () => {
      const wrong = modules(join(SRC, stage)).flatMap((file) =>
        imports(file)
          .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
          .map((target) => `${relative(SRC, file)} → ${target}`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it("finds the imports it checks", () => {
    // Guards the test itself: the pipeline does import the sources' entry.
    expect(imports(join(SRC, "pipeline.ts"))).toContain("sources/collect.ts");
  });
});
