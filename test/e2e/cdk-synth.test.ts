/**
 * The one real CDK synthesis kept in the suite: the committed assemblies other tests
 * use in its place (test/fixtures/cdk-synth/) are exactly what aws-cdk-lib makes of
 * their apps today. When aws-cdk-lib changes what it writes, this fails and the
 * fixtures are made again (see SOURCES.tsv).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  filesUnder,
  fixtureApp,
  PRESYNTHESIZED,
  presynthesizedAssembly,
  synthApp,
  tempDir,
  withPlaceholders,
} from "../support/cdk/synth.js";

/** The app folders under `dir` that hold a committed assembly (a manifest.json at their top). */
async function committedApps(dir: string, prefix = ""): Promise<string[]> {
  const names = await readdir(join(dir, prefix), { withFileTypes: true });
  if (names.some((entry) => entry.name === "manifest.json")) return [prefix];
  const folders = names.filter((entry) => entry.isDirectory());
  const nested = await Promise.all(
    folders.map((entry) =>
      committedApps(dir, prefix === "" ? entry.name : `${prefix}/${entry.name}`),
    ),
  );
  return nested.flat().sort();
}

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir("kul-synth-");
});
afterAll(async () => {
  await work.remove();
});

describe("the pre-synthesized CDK assemblies", () => {
  it("are each listed, so that each is synthesized below", async () => {
    const root = presynthesizedAssembly("");
    expect(await committedApps(root)).toEqual(Object.keys(PRESYNTHESIZED).sort());
  });

  // A synthesis takes seconds, and several on a loaded machine.
  it.each(Object.entries(PRESYNTHESIZED))(
    "%s: a real synthesis gives the committed files, byte for byte",
    { timeout: 120_000 },
    async (name, { entry }) => {
      const into = join(work.dir, name.replace("/", "-"));
      const outdir = await synthApp({ from: fixtureApp(name), into, entry });
      const committed = presynthesizedAssembly(name);
      const files = await filesUnder(committed);
      expect(await filesUnder(outdir)).toEqual(files);
      for (const file of files) {
        const made = withPlaceholders(await readFile(join(outdir, file), "utf8"), into);
        expect(made, file).toBe(await readFile(join(committed, file), "utf8"));
      }
    },
  );
});
