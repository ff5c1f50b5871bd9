/**
 * Every built-in rule is documented and tested (STYLE.md principle 8): one file
 * per rule named by its id, a help text, a message with evidence, and a rule
 * test file with cases where it fires and cases where it does not.
 */
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BUILTIN_PACKS } from "../../src/rules/builtin.js";
import { loadRules } from "../../src/rules/load.js";
import { DEFAULT_RULES } from "../../src/rules/read.js";
import { parseYaml } from "../../src/rules/yaml-source.js";

const pack = BUILTIN_PACKS.recommended ?? [];
const recommended = loadRules([{ file: "(meta)", text: "extends: [recommended]" }], BUILTIN_PACKS);
const ids = pack.map((input) => input.file.replace(/^rules\/|\.yml$/g, ""));

/** The rule ids a test case expects: `id` or `{id: severity}`. */
function expectedIds(testCase: { expect?: unknown[] }): string[] {
  return (testCase.expect ?? []).map((entry) =>
    typeof entry === "string" ? entry : (Object.keys(entry as object)[0] ?? ""),
  );
}

describe("the built-in rules", () => {
  it("are every rule file in rules/, each registered once", async () => {
    const files = (await readdir("rules"))
      .filter((name) => name.endsWith(".yml") && !name.endsWith(".test.yml"))
      .map((name) => `rules/${name}`)
      .sort();
    expect(pack.map((input) => input.file).sort()).toEqual(files);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([...pack, DEFAULT_RULES].map((input) => [input.file, input] as const))(
    "%s: comes parsed at build time, as the loader would parse its text",
    (_file, input) => {
      const parsed = parseYaml(input.text);
      expect(parsed.ok && parsed.parsed.data).toEqual(input.data);
      expect(input.data).toBeDefined();
    },
  );

  it.each(ids)(
    "%s: one rule per file, named by its id, written in the public language only",
    (id) => {
      const text = pack.find((input) => input.file === `rules/${id}.yml`)?.text ?? "";
      const data = parse(text) as Record<string, unknown>;
      expect(Object.keys(data)).toEqual(["rules"]);
      expect(Object.keys(data.rules as object)).toEqual([id]);
      expect(
        text.startsWith("# yaml-language-server: $schema=../schemas/rules.schema.json\n"),
      ).toBe(true);
    },
  );

  it.each(ids)("%s: has a description, help and a message with evidence", (id) => {
    const rule = recommended.rules.find((r) => r.id === id);
    expect(rule, `${id} is not enabled in the recommended pack`).toBeDefined();
    expect(rule?.description.length ?? 0).toBeGreaterThan(20);
    expect(
      rule?.help?.length ?? 0,
      `${id} needs a help text: why it matters and what to do`,
    ).toBeGreaterThan(150);
    const text = pack.find((input) => input.file === `rules/${id}.yml`)?.text ?? "";
    const { message } = (parse(text) as { rules: Record<string, { message: string }> }).rules[
      id
    ] ?? {
      message: "",
    };
    expect(message, `${id}'s message should carry facts as evidence`).toMatch(
      /\{\{\s*[a-z]+\.[a-zA-Z.]+\s*\}\}/,
    );
  });

  it.each(ids)("%s: has rule tests where it fires and where it does not", async (id) => {
    const text = await readFile(`rules/${id}.test.yml`, "utf8").catch(() => null);
    expect(text, `rules/${id}.test.yml is missing`).not.toBeNull();
    const cases = (parse(text ?? "") as { cases: { expect?: unknown[] }[] }).cases;
    const firing = cases.filter((testCase) => expectedIds(testCase).includes(id));
    const quiet = cases.filter((testCase) => !expectedIds(testCase).includes(id));
    expect(firing.length, `no case in rules/${id}.test.yml expects ${id} to fire`).toBeGreaterThan(
      0,
    );
    expect(
      quiet.length,
      `no case in rules/${id}.test.yml expects ${id} not to fire`,
    ).toBeGreaterThan(0);
  });
});
