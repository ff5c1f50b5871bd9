import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/model.js";
import { isCdkOutputs, readCdkOutputs } from "../../../src/sources/cdk/outputs.js";
import { reference } from "../../support/facts.js";

const FIXTURES = new URL("../../fixtures/cdk-outputs/", import.meta.url);
const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY = `arn:aws:kms:us-east-1:111122223333:key/${UUID}`;
const ALIAS = "arn:aws:kms:us-east-1:111122223333:alias/app";

describe("CDK outputs fixtures", () => {
  // The aws-cdk-cli README's examples: a Lambda function ARN and a VPC id, no KMS.
  it.each(readdirSync(FIXTURES).sort())("%s is CDK outputs without KMS references", (name) => {
    const doc = JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8"));
    expect(isCdkOutputs(doc)).toBe(true);
    expect(readCdkOutputs(doc, name)).toEqual({ references: [], warnings: [] });
  });
});

describe("readCdkOutputs", () => {
  it("finds ARNs in any output, and bare ids and alias names only where the output key mentions kms or key", () => {
    const { references, warnings } = readCdkOutputs(
      {
        DataStack: {
          DataKeyArn: KEY,
          KmsKeyId: UUID,
          InstanceId: UUID,
          KeyAlias: "alias/data",
          BucketPolicy: `{"Resource":"${ALIAS}"}`,
          Count: 3,
        },
        Other: { FunctionArn: "arn:aws:lambda:us-east-1:111122223333:function:f" },
      },
      "outputs.json",
    );
    expect(warnings).toEqual([]);
    expect(references.map((ref) => [ref.address, ref.attribute, ref.target])).toEqual([
      ["DataStack.DataKeyArn", null, { kind: "arn", arn: KEY }],
      ["DataStack.KmsKeyId", null, { kind: "key-id", keyId: UUID, region: null }],
      ["DataStack.KeyAlias", null, { kind: "alias", name: "alias/data", arn: null, region: null }],
      [
        "DataStack.BucketPolicy",
        null,
        { kind: "alias", name: "alias/app", arn: ALIAS, region: "us-east-1" },
      ],
    ]);
    expect(references[0]).toEqual(
      reference({
        source: "cdk-outputs",
        kind: "output",
        file: "outputs.json",
        address: "DataStack.DataKeyArn",
        target: { kind: "arn", arn: KEY },
      }),
    );
  });

  it("reads an empty outputs file, and a stack without outputs", () => {
    expect(readCdkOutputs({}, "o.json")).toEqual({ references: [], warnings: [] });
    expect(readCdkOutputs({ A: {}, C: { Arn: KEY } }, "o.json")).toMatchObject({
      references: [{ address: "C.Arn" }],
      warnings: [],
    });
  });

  // A stack's outputs may hold keys: none is skipped.
  it.each([
    ["a string", { A: {}, B: "x" }, 'B: expected the stack\'s outputs (an object), got "x"'],
    ["null", { C: { Arn: KEY }, B: null }, "B: expected the stack's outputs (an object), got null"],
    [
      "a list",
      { "My Stack": [KEY] },
      '["My Stack"]: expected the stack\'s outputs (an object), got ["arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]',
    ],
  ])("refuses a stack whose outputs are %s, naming it", (_case, doc, message) => {
    expect(() => readCdkOutputs(doc, "o.json")).toThrow(
      `${message}; this is not what \`cdk deploy --outputs-file\` writes: write the file again with it`,
    );
  });

  it.each([
    ["an array", []],
    ["a string", "x"],
    ["null", null],
  ])("rejects %s, naming the file", (_case, doc) => {
    expect(() => readCdkOutputs(doc, "o.json")).toThrow(InputError);
    try {
      readCdkOutputs(doc, "o.json");
    } catch (err) {
      expect((err as InputError).file).toBe("o.json");
    }
  });
});

describe("isCdkOutputs", () => {
  it.each([
    [{ Stack: { KeyArn: KEY } }, true],
    [{ A: { Count: 3, On: true, None: null }, B: {} }, true],
    // Terraform outputs are objects of scalars too: `{name: {value, type, sensitive}}`.
    [{ key: { value: KEY, type: "string", sensitive: false } }, false],
    [{ A: {} }, false],
    [{}, false],
    [{ Stack: { Nested: { x: 1 } } }, false],
    [{ Stack: "x" }, false],
    [{ Resources: { K: { Type: "AWS::KMS::Key" } } }, false],
    [[], false],
  ])("%j → %s", (doc, expected) => {
    expect(isCdkOutputs(doc)).toBe(expected);
  });

  it("reads __proto__ stack and output names as data, and refuses outputs nested too deep to search", () => {
    const { references } = readCdkOutputs(
      JSON.parse(`{"__proto__": {"__proto__": "${KEY}"}, "constructor": {"KeyArn": "${KEY}"}}`),
      "o.json",
    );
    expect(references.map((ref) => ref.address)).toEqual([
      "__proto__.__proto__",
      "constructor.KeyArn",
    ]);
    expect(({} as Record<string, unknown>).KeyArn).toBeUndefined();
    const depth = 50_000;
    const deep = JSON.parse(`{"S": {"Deep": ${"[".repeat(depth)}"${KEY}"${"]".repeat(depth)}}}`);
    expect(() => readCdkOutputs(deep, "o.json")).toThrow(
      "S.Deep: values nested deeper than 512 levels, too deep to search for keys",
    );
  });
});
