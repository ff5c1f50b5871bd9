/**
 * Generated files stay generated: docs/rules.md, the schemas in schemas/ and
 * the validators compiled from them (the `.generated` files in src/) must equal
 * what the code produces. After changing a rule, a fact or the
 * schema, regenerate them with `npx vitest run test/rules/docs.test.ts -u`.
 */
import { describe, expect, it } from "vitest";
import { parsedPacksModule } from "../../scripts/builtin-packs.js";
import { validatorModules } from "../../scripts/validators.js";
import { factsSchema } from "../../src/facts/snapshot-schema.js";
import { BUILTIN_PACKS } from "../../src/rules/builtin.js";
import { FACT_PATHS } from "../../src/rules/catalog.js";
import { rulesDocs } from "../../src/rules/docs.js";
import { rulesSchemaText, ruleTestsSchemaText } from "../../src/rules/list.js";

describe("generated files", () => {
  it("docs/rules.md is rulesDocs()", async () => {
    await expect(rulesDocs()).toMatchFileSnapshot("../../docs/rules.md");
  });

  it("schemas/rules.schema.json is the loader's schema", async () => {
    await expect(rulesSchemaText()).toMatchFileSnapshot("../../schemas/rules.schema.json");
  });

  it("schemas/facts.schema.json is the facts snapshot loader's schema", async () => {
    await expect(`${JSON.stringify(factsSchema(), null, 2)}\n`).toMatchFileSnapshot(
      "../../schemas/facts.schema.json",
    );
  });

  it("schemas/rule-tests.schema.json is the rule test runner's schema", async () => {
    await expect(ruleTestsSchemaText()).toMatchFileSnapshot("../../schemas/rule-tests.schema.json");
  });

  it.each(validatorModules())(
    "$path is the schemas' validator, compiled",
    async ({ path, text }) => {
      await expect(text).toMatchFileSnapshot(`../../${path}`);
    },
  );

  it("src/rules/builtin-data.generated.json is the built-in packs' YAML, parsed", async () => {
    const { path, text } = parsedPacksModule();
    await expect(text).toMatchFileSnapshot(`../../${path}`);
  });
});

describe("rulesDocs", () => {
  const docs = rulesDocs();

  it("documents every fact and every built-in rule", () => {
    const rows = docs.split("\n").filter((line) => line.startsWith("| `"));
    for (const path of FACT_PATHS)
      expect(rows.some((row) => row.startsWith(`| \`${path}\` `))).toBe(true);
    for (const { file } of BUILTIN_PACKS.recommended ?? []) {
      const id = file.replace(/^rules\/|\.yml$/g, "");
      expect(docs).toContain(`### ${id}\n`);
      expect(docs).toContain(`tested by \`rules/${id}.test.yml\``);
    }
  });
});
