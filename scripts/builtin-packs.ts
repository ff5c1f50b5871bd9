/**
 * The built-in packs' YAML, parsed at build time: parsing the fifteen files took a
 * sizeable share of a small check's start. The loader reads the data from
 * src/rules/builtin-data.generated.json, and parses a pack's text only to place a
 * problem in it. A test checks the file is what this makes of rules/ today
 * (regenerate with `npx vitest run test/rules/docs.test.ts -u`, or `npm run build`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { parseYaml } from "../src/rules/yaml-source.js";

/** The generated file: where it goes, and its text. Run from the repository's root. */
export function parsedPacksModule(): { path: string; text: string } {
  const data: Record<string, unknown> = {};
  const files = readdirSync("rules")
    .filter((name) => name.endsWith(".yml") && !name.endsWith(".test.yml"))
    .sort();
  for (const name of files) {
    const file = `rules/${name}`;
    const result = parseYaml(readFileSync(file, "utf8"));
    if (!result.ok) throw new Error(`${file}: ${result.problems[0]?.message}`);
    data[file] = result.parsed.data;
  }
  return {
    path: "src/rules/builtin-data.generated.json",
    text: `${JSON.stringify(data, null, 2)}\n`,
  };
}
