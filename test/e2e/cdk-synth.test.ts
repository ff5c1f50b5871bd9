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
  APP_DIR_PLACEHOLDER,
  fixtureApp,
  presynthesizedAssembly,
  synthApp,
  tempDir,
} from "../support/cdk/synth.js";

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir("kul-synth-");
});
afterAll(async () => {
  await work.remove();
});

describe("the pre-synthesized CDK assemblies", () => {
  it.each(["changes/base", "changes/head"])(
    "%s: a real synthesis gives the committed files, byte for byte",
    async (name) => {
      const into = join(work.dir, name.replace("/", "-"));
      const outdir = await synthApp({ from: fixtureApp(name), into });
      const committed = presynthesizedAssembly(name);
      const files = (await readdir(committed)).sort();
      expect((await readdir(outdir)).sort()).toEqual(files);
      for (const file of files) {
        const made = (await readFile(join(outdir, file), "utf8")).replaceAll(
          into,
          APP_DIR_PLACEHOLDER,
        );
        expect(made, file).toBe(await readFile(join(committed, file), "utf8"));
      }
    },
  );
});
