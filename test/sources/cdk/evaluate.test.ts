// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, meant literally
import { describe, expect, it } from "vitest";
import {
  EvaluationError,
  evaluate,
  HOLE,
  MAX_ALTERNATIVES,
  MAX_EVALUATED_CHARS,
  MAX_VALUE_DEPTH,
  NAME_HOLE,
  type ParameterValue,
  type Scope,
} from "../../../src/sources/cdk/evaluate.js";

/** A scope for tests: `overrides` on top of an unknown environment with no parameters. */
function scope(overrides: Partial<Scope> = {}): Scope & { notes: string[] } {
  const notes: string[] = [];
  return {
    pseudo: new Map(),
    parameters: new Map(),
    mappings: {},
    exported: () => false,
    note: (message) => notes.push(message),
    notes,
    ...overrides,
  };
}

const US_EAST_1 = new Map([
  ["AWS::Region", "us-east-1"],
  ["AWS::Partition", "aws"],
  ["AWS::AccountId", "111122223333"],
]);

/** Each alternative shown with `?` for a hole and `~` for a name hole. */
function show(value: unknown, s: Scope = scope()): (string | string[] | null)[] {
  const visible = (text: string) => text.replaceAll(HOLE, "?").replaceAll(NAME_HOLE, "~");
  return evaluate(value, s).map((result) =>
    result.kind === "text" ? visible(result.text) : (result.items?.map(visible) ?? null),
  );
}

function errorOf(value: unknown, s: Scope = scope()): string {
  try {
    evaluate(value, s);
  } catch (err) {
    if (err instanceof EvaluationError) return err.message;
    throw err;
  }
  throw new Error("expected an EvaluationError");
}

const param = (values: string[], list = false): ParameterValue => ({ known: true, values, list });

// What CDK writes for `kms.Alias.fromAliasName(this, 'x', 'alias/aws/sns')` on an SNS topic.
const SNS_ALIAS_JOIN = {
  "Fn::Join": [
    "",
    [
      "arn:",
      { Ref: "AWS::Partition" },
      ":kms:",
      { Ref: "AWS::Region" },
      ":",
      { Ref: "AWS::AccountId" },
      ":alias/aws/sns",
    ],
  ],
};

describe("evaluate", () => {
  it("joins pseudo parameters from the environment, and leaves name holes without one", () => {
    expect(show(SNS_ALIAS_JOIN, scope({ pseudo: US_EAST_1 }))).toEqual([
      "arn:aws:kms:us-east-1:111122223333:alias/aws/sns",
    ]);
    expect(show(SNS_ALIAS_JOIN)).toEqual(["arn:~:kms:~:~:alias/aws/sns"]);
  });

  it("reads Fn::Sub in both forms, with ${!Literal} written out and variables shadowing names", () => {
    const s = scope({ pseudo: US_EAST_1, parameters: new Map([["KeyId", param(["k1"])]]) });
    expect(
      show({ "Fn::Sub": "arn:${AWS::Partition}:kms:${AWS::Region}:x:key/${KeyId}" }, s),
    ).toEqual(["arn:aws:kms:us-east-1:x:key/k1"]);
    expect(
      show({ "Fn::Sub": ["${KeyId}-${!Literal}-${Other.Arn}", { KeyId: "mine" }] }, s),
    ).toEqual(["mine-${Literal}-?"]);
  });

  it("evaluates Fn::Sub variables in the outer scope: a variable naming itself does not cycle", () => {
    const s = scope({ parameters: new Map([["A", param(["outer"])]]) });
    const value = {
      "Fn::Sub": ["${A}/${A}", { A: { "Fn::Sub": ["${A}+", { A: { "Fn::Sub": "${A}" } }] } }],
    };
    expect(show(value, s)).toEqual(["outer+/outer+"]);
  });

  it("selects from lists, splits strings, and takes every item for an unknown index", () => {
    expect(show({ "Fn::Select": [1, { "Fn::Split": [",", "a,b,c"] }] })).toEqual(["b"]);
    expect(show({ "Fn::Select": ["2", ["x", "y", "z"]] })).toEqual(["z"]);
    const s = scope({ parameters: new Map([["I", { known: false, list: false }]]) });
    expect(show({ "Fn::Select": [{ Ref: "I" }, ["x", "y"]] }, s)).toEqual(["x", "y"]);
  });

  it("splits around a name hole on : and /, but not where a hole may hold the delimiter", () => {
    expect(show({ "Fn::Split": [":", SNS_ALIAS_JOIN] })).toEqual([
      ["arn", "~", "kms", "~", "~", "alias/aws/sns"],
    ]);
    expect(show({ "Fn::Split": ["-", SNS_ALIAS_JOIN] })).toEqual([null]);
    expect(show({ "Fn::Split": [":", { "Fn::GetAtt": ["K", "Arn"] }] })).toEqual([null]);
    expect(show({ "Fn::Select": [5, { "Fn::Split": [":", { "Fn::ImportValue": "X" }] }] })).toEqual(
      ["?"],
    );
  });

  it("gives both branches of an Fn::If, and every entry of a mapping looked up by an unknown key", () => {
    expect(show({ "Fn::If": ["C", "a", { "Fn::Join": ["-", ["b", "c"]] }] })).toEqual(["a", "b-c"]);
    const mappings = { Keys: { "us-east-1": { Arn: "k1" }, "eu-west-1": { Arn: "k2" } } };
    expect(
      show({ "Fn::FindInMap": ["Keys", { Ref: "AWS::Region" }, "Arn"] }, scope({ mappings })),
    ).toEqual(["k1", "k2"]);
    expect(
      show(
        { "Fn::FindInMap": ["Keys", { Ref: "AWS::Region" }, "Arn"] },
        scope({ mappings, pseudo: US_EAST_1 }),
      ),
    ).toEqual(["k1"]);
    expect(show({ "Fn::FindInMap": ["Keys", "nowhere", "Arn"] }, scope({ mappings }))).toEqual([
      "?",
    ]);
  });

  it("reads parameters: every value, list parameters as lists, undecided ones as holes", () => {
    const s = scope({
      parameters: new Map<string, ParameterValue>([
        ["Env", param(["dev", "prod"])],
        ["Ids", param(["a,b"], true)],
        ["Ssm", { known: false, list: false }],
      ]),
    });
    expect(show({ "Fn::Sub": "alias/${Env}-data" }, s)).toEqual([
      "alias/dev-data",
      "alias/prod-data",
    ]);
    expect(show({ Ref: "Ids" }, s)).toEqual([["a", "b"]]);
    expect(show({ "Fn::Join": ["|", { Ref: "Ids" }] }, s)).toEqual(["a|b"]);
    expect(show({ Ref: "Ssm" }, s)).toEqual(["?"]);
    expect(show({ Ref: "SomeResource" }, s)).toEqual(["?"]);
  });

  it("notes an import no stack exports, once per evaluation, and not one that is exported", () => {
    const s = scope({ exported: (name) => name === "Known" });
    expect(
      show({ "Fn::Join": ["", [{ "Fn::ImportValue": "Known" }, { "Fn::ImportValue": "Far" }]] }, s),
    ).toEqual(["??"]);
    expect(s.notes).toEqual([
      'Fn::ImportValue "Far": no stack among the inputs exports it, so the key it may name is left unresolved',
    ]);
  });

  it.each<[string, unknown, RegExp]>([
    [
      "Fn::Join without a list",
      { "Fn::Join": ["", "x"] },
      /^Fn::Join: expected a list, got a string$/,
    ],
    [
      "Fn::Join with an object delimiter",
      { "Fn::Join": [{}, []] },
      /^Fn::Join: expected \[delimiter/,
    ],
    [
      "Fn::Sub of a number",
      { "Fn::Sub": 3 },
      /^Fn::Sub: expected a string or \[string, \{variables\}\]/,
    ],
    ["Fn::Sub with list variables", { "Fn::Sub": ["x", []] }, /^Fn::Sub: expected/],
    [
      "Fn::Select out of range",
      { "Fn::Select": [3, ["a", "b"]] },
      /index 3 is out of range of a list of 2 items$/,
    ],
    [
      "Fn::Select of a word",
      { "Fn::Select": ["one", ["a"]] },
      /the index must be a whole number 0 or more, got "one"$/,
    ],
    ["Fn::Select of a negative index", { "Fn::Select": [-1, ["a"]] }, /got "-1"$/],
    [
      "Fn::Select of a string",
      { "Fn::Select": [0, "a,b"] },
      /^Fn::Select: expected a list, got a string$/,
    ],
    [
      "Fn::Split with an empty delimiter",
      { "Fn::Split": ["", "a"] },
      /^Fn::Split: expected \[delimiter, string\]/,
    ],
    [
      "Fn::Split of a list",
      { "Fn::Split": [",", ["a"]] },
      /^Fn::Split: expected a string, got a list$/,
    ],
    ["Fn::If of two items", { "Fn::If": ["C", "a"] }, /^Fn::If: expected \[condition name/],
    [
      "Ref of an object",
      { Ref: {} },
      /^Ref: expected the name of a resource or parameter, got an object$/,
    ],
    ["Fn::FindInMap of one key", { "Fn::FindInMap": ["M"] }, /^Fn::FindInMap: expected/],
  ])("refuses what CloudFormation would: %s", (_name, value, message) => {
    expect(errorOf(value)).toMatch(message);
  });

  it("refuses more alternatives than it searches: Fn::Ifs joined double them each time", () => {
    const ifs = Array.from({ length: 12 }, (_, i) => ({ "Fn::If": [`C${i}`, "a", "b"] }));
    expect(2 ** 12).toBeGreaterThan(MAX_ALTERNATIVES);
    expect(errorOf({ "Fn::Join": ["", ifs] })).toMatch(/more than 1024 possible values/);
    // Ten of them is within the bound.
    expect(show({ "Fn::Join": ["", ifs.slice(0, 10)] })).toHaveLength(1024);
  });

  it("refuses a value that evaluates to more text than a template can hold", () => {
    const big = "a,".repeat(MAX_EVALUATED_CHARS / 2);
    expect(errorOf({ "Fn::Split": [",", big] })).toMatch(/more than 4194304 characters/);
    // Nested Fn::Subs that use their variable twice double the text at each level.
    let value: unknown = "x".repeat(1024);
    for (let i = 0; i < 13; i++) value = { "Fn::Sub": ["${V}${V}", { V: value }] };
    expect(errorOf(value)).toMatch(/more than 4194304 characters/);
  });

  it("refuses values nested deeper than it searches, without a stack overflow", () => {
    let value: unknown = "x";
    for (let i = 0; i < MAX_VALUE_DEPTH + 5; i++) value = { "Fn::Join": ["", [value]] };
    expect(errorOf(value)).toMatch(/nested deeper than 256 levels/);
  });

  it("treats a hole character written in a template as unknown text, not as a name", () => {
    expect(show({ "Fn::Split": [":", "a\u0001b:c"] })).toEqual([null]);
  });
});
