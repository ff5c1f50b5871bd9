import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/model.js";
import { parseJson } from "../../../src/sources/json.js";
import { mentionsKey } from "../../../src/sources/outputs.js";
import { readTerraformOutputs } from "../../../src/sources/terraform/outputs.js";
import { reference } from "../../support/facts.js";

const FIXTURES = new URL("../../fixtures/terraform-outputs/", import.meta.url);
const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY = `arn:aws:kms:us-east-1:111122223333:key/${UUID}`;
const ALIAS = "arn:aws:kms:us-east-1:111122223333:alias/app";

function read(doc: unknown) {
  return readTerraformOutputs(doc, "outputs.json");
}

function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("terraform outputs fixtures", () => {
  // c7n_vpc_resolver: four string outputs (a bucket name, a resolver config id, two VPC ids): no KMS.
  it.each(readdirSync(FIXTURES).sort())("%s has no KMS references", (name) => {
    const text = readFileSync(new URL(name, FIXTURES), "utf8");
    expect(text).not.toContain(":kms:");
    expect(read(parseJson(text, name))).toEqual({ references: [], warnings: [] });
  });
});

describe("readTerraformOutputs", () => {
  it("finds ARNs anywhere, and bare ids and alias names only where a name mentions kms or key", () => {
    const { references, warnings } = read({
      key_arn: { sensitive: false, type: "string", value: KEY },
      kms_key_id: { sensitive: true, type: "string", value: UUID },
      instance_id: { sensitive: false, type: "string", value: UUID },
      app: {
        sensitive: false,
        type: ["object", {}],
        value: {
          keys: { data: "alias/data", logs: UUID },
          role: UUID,
          policy: `{"Resource":"${ALIAS}"}`,
        },
      },
      list: { sensitive: false, type: ["list", "string"], value: [UUID, "alias/x"] },
      nothing: { sensitive: false, type: "string", value: null },
    });
    expect(warnings).toEqual([]);
    expect(references.map((ref) => [ref.address, ref.attribute, ref.target])).toEqual([
      ["output.key_arn", null, { kind: "arn", arn: KEY }],
      ["output.kms_key_id", null, { kind: "key-id", keyId: UUID, region: null }],
      ["output.app", "keys.data", { kind: "alias", name: "alias/data", arn: null, region: null }],
      ["output.app", "keys.logs", { kind: "key-id", keyId: UUID, region: null }],
      [
        "output.app",
        "policy",
        { kind: "alias", name: "alias/app", arn: ALIAS, region: "us-east-1" },
      ],
    ]);
    expect(references[0]).toEqual(
      reference({
        source: "terraform-outputs",
        kind: "output",
        file: "outputs.json",
        address: "output.key_arn",
        target: { kind: "arn", arn: KEY },
      }),
    );
  });

  it.each([
    ["kms_key_id", true],
    ["KeyArn", true],
    ["monkey", true],
    ["instance_id", false],
    ["vpc", false],
  ])("mentionsKey(%j) is %s", (name, expected) => {
    expect(mentionsKey(name)).toBe(expected);
  });

  it("reads an empty object (no outputs) as no references", () => {
    expect(read({})).toEqual({ references: [], warnings: [] });
  });

  // An output that cannot be read may hold a key: none is skipped.
  it.each([
    [
      "b",
      { a: { value: KEY }, b: { type: "string" } },
      "b.value: expected the output's value, got nothing (the field is missing)",
    ],
    ["c", { a: { value: KEY }, c: 3 }, "c: expected an output ({value, type, sensitive}), got 3"],
    [
      "a b",
      { a: { value: KEY }, "a b": null },
      '["a b"]: expected an output ({value, type, sensitive}), got null',
    ],
  ])("refuses output %j without a value, naming it", (_name, doc, message) => {
    const err = inputErrorOf(() => read(doc));
    expect(err.file).toBe("outputs.json");
    expect(err.message).toBe(
      `${message}; this is not what \`terraform output -json\` writes: write the file again with it`,
    );
  });

  it.each([
    [
      "a plan",
      { format_version: "1.2", resource_changes: [] },
      "this is a Terraform plan (terraform show -json PLANFILE)",
    ],
    [
      "raw state",
      { version: 4, terraform_version: "1.9.0", resources: [] },
      "this is a raw Terraform state file (terraform.tfstate)",
    ],
    ["an array", [], "the file holds an array"],
    [
      "CDK outputs",
      { Stack: { BucketName: "b" } },
      "this looks like CDK deploy outputs (cdk deploy --outputs-file)",
    ],
    [
      "something else",
      { a: 1 },
      "this JSON object's members are not outputs ({value, type, sensitive})",
    ],
  ])("says what it got instead of outputs: %s", (_case, doc, what) => {
    const err = inputErrorOf(() => read(doc));
    expect(err.file).toBe("outputs.json");
    expect(err.message).toBe(`${what}; expected the output of \`terraform output -json\``);
  });

  it("reads __proto__ names as data, and refuses values nested too deep to search", () => {
    const { references, warnings } = read(JSON.parse(`{"__proto__":{"value":"${KEY}"}}`));
    expect(references.map((ref) => ref.address)).toEqual(["output.__proto__"]);
    expect(warnings).toEqual([]);
    const depth = 50_000;
    const text = `{"ok":{"value":"${KEY}"},"deep":{"value":${"[".repeat(depth)}"${KEY}"${"]".repeat(depth)}}}`;
    expect(inputErrorOf(() => read(JSON.parse(text))).message).toMatch(
      /^deep\.value: values nested deeper than 512 levels, too deep to search for keys/,
    );
  });
});
