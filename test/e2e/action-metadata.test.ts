/**
 * action.yml as GitHub and the Marketplace read it: valid against the published
 * action-metadata schema (schemastore's github-action.json, vendored with its
 * source in test/fixtures/SOURCES.tsv), and in step with the inputs the Action reads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { actionConfig, actionSettings } from "../../src/config/action-inputs.js";
import { ROOT } from "../support/run-dist.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>;
  branding: { icon: string; color: string };
}

const metadata = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as ActionMetadata;

describe("action.yml", () => {
  it("is valid against the published action-metadata schema (branding icon and colour included)", () => {
    const schema = JSON.parse(
      readFileSync(join(FIXTURES, "schemas", "github-action.json"), "utf8"),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    validate(metadata);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("declares exactly the inputs the Action reads", () => {
    const read = new Set<string>();
    const input = (name: string) => {
      read.add(name);
      return "";
    };
    actionSettings(input);
    actionConfig(input, null, null);
    // Read by runAction itself, before the rest: it changes the directory the others are relative to.
    read.add("working-directory");
    expect(Object.keys(metadata.inputs).sort()).toEqual([...read].sort());
  });
});
