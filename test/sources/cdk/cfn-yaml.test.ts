// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, meant literally
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/model.js";
import {
  MAX_TEMPLATE_ALIAS_COUNT,
  MAX_YAML_NESTING,
  MAX_YAML_TEMPLATE_CHARS,
  parseTemplateText,
} from "../../../src/sources/cdk/cfn-yaml.js";

const FIXTURES = new URL("../../fixtures/cfn-templates/", import.meta.url);

function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), "utf8");
}

function parse(text: string): unknown {
  return parseTemplateText(text, "t.yaml").doc;
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

describe("parseTemplateText: short-form tags", () => {
  it.each([
    ["!Ref Key", { Ref: "Key" }],
    ["!GetAtt Key.Arn", { "Fn::GetAtt": ["Key", "Arn"] }],
    ["!GetAtt Db.Endpoint.Address", { "Fn::GetAtt": ["Db", "Endpoint.Address"] }],
    ["!GetAtt [Key, Arn]", { "Fn::GetAtt": ["Key", "Arn"] }],
    ["!Sub 'arn:${AWS::Partition}:s3:::${B}'", { "Fn::Sub": "arn:${AWS::Partition}:s3:::${B}" }],
    [
      "!Sub ['${A}/*', {A: !GetAtt B.Arn}]",
      { "Fn::Sub": ["${A}/*", { A: { "Fn::GetAtt": ["B", "Arn"] } }] },
    ],
    ["!Join ['', [a, !Ref B]]", { "Fn::Join": ["", ["a", { Ref: "B" }]] }],
    ["!Select [0, !GetAZs '']", { "Fn::Select": [0, { "Fn::GetAZs": "" }] }],
    ["!Split [',', !Ref L]", { "Fn::Split": [",", { Ref: "L" }] }],
    [
      "!If [C, !Ref A, !Ref AWS::NoValue]",
      { "Fn::If": ["C", { Ref: "A" }, { Ref: "AWS::NoValue" }] },
    ],
    ["!Equals [a, b]", { "Fn::Equals": ["a", "b"] }],
    ["!Not [!Equals [a, b]]", { "Fn::Not": [{ "Fn::Equals": ["a", "b"] }] }],
    ["!And [!Condition A, !Condition B]", { "Fn::And": [{ Condition: "A" }, { Condition: "B" }] }],
    ["!Or [!Condition A, !Condition B]", { "Fn::Or": [{ Condition: "A" }, { Condition: "B" }] }],
    [
      "!FindInMap [M, !Ref AWS::Region, k]",
      { "Fn::FindInMap": ["M", { Ref: "AWS::Region" }, "k"] },
    ],
    ["!Base64 {'Fn::Sub': x}", { "Fn::Base64": { "Fn::Sub": "x" } }],
    [
      "!Cidr [!GetAtt V.CidrBlock, 6, 5]",
      { "Fn::Cidr": [{ "Fn::GetAtt": ["V", "CidrBlock"] }, 6, 5] },
    ],
    ["!ImportValue Shared-KeyArn", { "Fn::ImportValue": "Shared-KeyArn" }],
    [
      "!ImportValue {'Fn::Sub': '${S}-KeyArn'}",
      { "Fn::ImportValue": { "Fn::Sub": "${S}-KeyArn" } },
    ],
    [
      "!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}",
      { "Fn::Transform": { Name: "AWS::Include", Parameters: { Location: "s3://b/k" } } },
    ],
  ])("%s", (yaml, expected) => {
    expect(parse(`v: ${yaml}\n`)).toEqual({ v: expected });
  });

  it("reads a block-form !Sub and a tag on a block sequence", () => {
    const text = "a: !Sub |\n  x ${Key}\nb: !Join\n  - ','\n  - - p\n    - !Ref Q\n";
    expect(parse(text)).toEqual({
      a: { "Fn::Sub": "x ${Key}\n" },
      b: { "Fn::Join": [",", ["p", { Ref: "Q" }]] },
    });
  });

  it("reads the YAML and the JSON of the same template alike", () => {
    const yaml = parse(fixture("awscfn_s3_xacct_repl_kms_source.yaml"));
    const json = parse(fixture("awscfn_s3_xacct_repl_kms_source.json"));
    expect(yaml).toEqual(json);
  });

  it("keeps dates, times and y/n as strings, as CloudFormation does", () => {
    expect(
      parse(
        "AWSTemplateFormatVersion: 2010-09-09\nt: 1:20\nl: [y, n, Y, N]\nb: [yes, No, on, OFF]\n",
      ),
    ).toEqual({
      AWSTemplateFormatVersion: "2010-09-09",
      t: "1:20",
      l: ["y", "n", "Y", "N"],
      b: [true, false, true, false],
    });
  });

  it("warns of an unknown tag and reads its value plainly", () => {
    const parsed = parseTemplateText("a: 1\nb: !Rain::Embed x.txt\n", "t.yaml");
    expect(parsed.doc).toEqual({ a: 1, b: "x.txt" });
    expect(parsed.warnings).toEqual([
      "line 2: Unresolved tag: !Rain::Embed; read as a plain value",
    ]);
  });

  it("expands a few anchors and aliases", () => {
    expect(parse("a: &k {Ref: Key}\nb: *k\n")).toEqual({ a: { Ref: "Key" }, b: { Ref: "Key" } });
  });
});

describe("parseTemplateText: bad input", () => {
  it.each([
    ["a 0-byte file", ""],
    ["blank lines", "\n  \n"],
  ])("rejects %s", (_case, text) => {
    expect(inputErrorOf(() => parseTemplateText(text, "t.yaml")).describe()).toBe(
      "t.yaml: the file is empty; expected a CloudFormation template (JSON or YAML)",
    );
  });

  it("names the line of a YAML syntax error", () => {
    const err = inputErrorOf(() =>
      parseTemplateText("Resources:\n  A:\n    Type: x\n  - b\n", "t.yaml"),
    );
    expect(err.file).toBe("t.yaml");
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/^not valid YAML: /);
  });

  it("names the line of a JSON syntax error", () => {
    const err = inputErrorOf(() => parseTemplateText('{\n "Resources": {,}\n}', "t.json"));
    expect(err.file).toBe("t.json");
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/^not valid JSON: /);
  });

  it("refuses an alias bomb without expanding it", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(",")}]`);
    }
    // Expanded, this is 10^9 nodes: a parser that expanded it would not come back at all.
    const err = inputErrorOf(() => parseTemplateText(`${lines.join("\n")}\n`, "bomb.yaml"));
    expect(err.describe()).toBe(
      `bomb.yaml: YAML aliases expand to too many nodes (limit ${MAX_TEMPLATE_ALIAS_COUNT}); refusing what looks like an alias bomb`,
    );
  });

  it("refuses a YAML file over the size bound", () => {
    const text = `a: "${"x".repeat(MAX_YAML_TEMPLATE_CHARS)}"\n`;
    expect(inputErrorOf(() => parseTemplateText(text, "big.yaml")).message).toMatch(
      /a YAML template over \d+ characters is not read/,
    );
  });

  const keysNested = (levels: number) =>
    `${Array.from({ length: levels }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")} x\n`;

  it.each([
    ["flow sequences", `a: ${"[".repeat(200_000)}\n`, 1],
    ["flow mappings", `a: ${"{a: ".repeat(200_000)}\n`, 1],
    ["compact block sequences", `${"- ".repeat(400_000)}x\n`, 1],
    ["explicit keys", `${"? ".repeat(400_000)}x\n`, 1],
    ["indented mappings", keysNested(1000), MAX_YAML_NESTING + 1],
    ["flow inside block", `a:\n  b:\n    - ${"[".repeat(200)}\n`, 3],
  ])("refuses %s nested past the bound before parsing, naming the line", (_case, text, line) => {
    // The message is the depth scan's own (the YAML parser would overflow its stack first).
    const err = inputErrorOf(() => parseTemplateText(text, "deep.yaml"));
    expect(err.describe()).toBe(
      `deep.yaml:${line}: YAML nests more than ${MAX_YAML_NESTING} levels deep; too deep to be a CloudFormation template`,
    );
  });

  it("reads nesting up to the bound, and does not count brackets in strings, comments or block scalars", () => {
    expect(() => parseTemplateText(keysNested(MAX_YAML_NESTING - 1), "ok.yaml")).not.toThrow();
    const depth = MAX_YAML_NESTING - 2;
    expect(parse(`a: ${"[".repeat(depth)}${"]".repeat(depth)}\n`)).toEqual({
      a: expect.any(Array),
    });
    const brackets = "[".repeat(500);
    const text = `a: "${brackets}"\nb: '${brackets}' # ${brackets}\nc: |\n  ${brackets}\n  {{{\nd: ${brackets.replaceAll("[", "x")}\n`;
    expect(parse(text)).toEqual({
      a: brackets,
      b: brackets,
      c: `${brackets}\n{{{\n`,
      d: "x".repeat(500),
    });
  });

  it("reads a large flat template without a pairwise key check, and refuses a repeated top-level key by its line", () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: v`).join("\n");
    // A pairwise duplicate check would make ~1.8e9 comparisons here: minutes, past the test's timeout.
    expect(() => parseTemplateText(`${keys}\nk0: last\n`, "t.yaml")).toThrow(
      'the key "k0" appears twice at the top level (first on line 1, again here at column 1)',
    );
  });

  it.each([
    [
      "Resources:\n  A:\n    Type: X\n  B:\n    Type: Y\n  A:\n    Type: Z\n",
      6,
      'the key "A" appears twice in "Resources" (first on line 2, again here at column 3)',
    ],
    [
      "Outputs:\n  O: {Value: 1}\n  O: {Value: 2}\nResources: {}\n",
      3,
      'the key "O" appears twice in "Outputs" (first on line 2, again here at column 3)',
    ],
    [
      "Resources: {}\nResources:\n  K: {Type: AWS::KMS::Key}\n",
      2,
      'the key "Resources" appears twice at the top level (first on line 1, again here at column 1)',
    ],
    // YAML 1.1 reads `yes` as true: the same key as "true".
    [
      "Resources:\n  true: {Type: X}\n  yes: {Type: Y}\n",
      3,
      'the key "true" appears twice in "Resources" (first on line 2, again here at column 3)',
    ],
  ])("refuses a repeated key where it would drop an entry: %j", (text, line, message) => {
    const err = inputErrorOf(() => parseTemplateText(text, "t.yaml"));
    expect(err.line).toBe(line);
    expect(err.message).toMatch(new RegExp(`^${message.replace(/[()[\]{}.*+?^$|\\]/g, "\\$&")}`));
  });

  it("keeps the last of a repeated key below the sections checked, and reads merge keys", () => {
    const doc = parse(
      "Resources:\n  A:\n    Type: X\n    Type: Y\nMappings:\n  base: &b {x: 1}\n  m:\n    <<: *b\n    <<: *b\n",
    ) as { Resources: { A: { Type: string } } };
    expect(doc.Resources.A.Type).toBe("Y");
  });
});
