import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { FACT_PATHS } from "../../src/rules/catalog.js";
import { OPERATORS } from "../../src/rules/operators.js";
import { rulesSchema } from "../../src/rules/schema.js";

describe("rulesSchema", () => {
  it("takes its fact enum from the catalog and its operators from the operator list", () => {
    const leaf = rulesSchema().definitions.leaf;
    expect(leaf.properties.fact.enum).toEqual([...FACT_PATHS]);
    expect(Object.keys(leaf.properties)).toEqual(["fact", ...OPERATORS]);
    expect(leaf.additionalProperties).toBe(false);
  });

  it("is a valid draft-07 schema that compiles in strict mode", () => {
    const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true });
    expect(ajv.validateSchema(rulesSchema())).toBe(true);
    expect(() => ajv.compile(rulesSchema())).not.toThrow();
  });

  it("closes every object against unknown keys", () => {
    const open: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      if (
        record.type === "object" &&
        record.properties !== undefined &&
        record.additionalProperties !== false
      )
        open.push(at);
      for (const [key, child] of Object.entries(record)) walk(child, `${at}/${key}`);
    };
    walk(rulesSchema(), "#");
    expect(open).toEqual([]);
  });

  it("is a fresh object on every call", () => {
    expect(rulesSchema()).not.toBe(rulesSchema());
    expect(rulesSchema()).toEqual(rulesSchema());
  });
});
