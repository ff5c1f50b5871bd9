// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, meant literally
/**
 * Keys named through CloudFormation intrinsic functions (issue 12, step 2):
 * ARNs built with Fn::Join/Fn::Sub from pseudo parameters, parameters'
 * values, and the functions' hostile and malformed forms.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/model.js";
import { parseTemplateText } from "../../../src/sources/cdk/cfn-yaml.js";
import {
  nestedStackParameters,
  readTemplate,
  type TemplateOptions,
  type TemplateStack,
} from "../../../src/sources/cdk/template.js";
import { referenceRows } from "../../support/cdk/references.js";

const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY = `arn:aws:kms:us-east-1:111122223333:key/${UUID}`;
const AGNOSTIC: TemplateStack = { name: "S", account: null, region: null };
const US_EAST_1: TemplateStack = { name: "S", account: "111122223333", region: "us-east-1" };

function rows(doc: unknown, stack = AGNOSTIC, options: TemplateOptions = {}) {
  return referenceRows(readTemplate(doc, "t.json", stack, options).references);
}

function yamlRows(text: string, options: TemplateOptions = {}) {
  const { doc } = parseTemplateText(text, "t.yaml");
  return referenceRows(readTemplate(doc, "t.yaml", AGNOSTIC, options).references);
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

/** A resource of type `type` whose one property `name` holds `value`. */
function withProperty(value: unknown, name = "KmsMasterKeyId", type = "AWS::SNS::Topic") {
  return { Resources: { T: { Type: type, Properties: { [name]: value } } } };
}

// What the CDK writes for an SNS topic's `masterKey: kms.Alias.fromAliasName(this, 'x', 'alias/aws/sns')`.
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

describe("the misses issue 12 names (each failed on main)", () => {
  it("reads the alias an Fn::Join of pseudo parameters names, in an environment-agnostic stack", () => {
    expect(rows(withProperty(SNS_ALIAS_JOIN))).toEqual([
      ["consumer", "S/T", "KmsMasterKeyId", "alias/aws/sns@?"],
    ]);
  });

  it("reads the same Fn::Join as the alias ARN in the stack's environment", () => {
    expect(rows(withProperty(SNS_ALIAS_JOIN), US_EAST_1)).toEqual([
      ["consumer", "S/T", "KmsMasterKeyId", "arn:aws:kms:us-east-1:111122223333:alias/aws/sns"],
    ]);
  });

  it("reads a !Ref to a parameter whose Default is a key ARN, in a property and an output", () => {
    const text = [
      "Parameters:",
      "  DataKeyArn:",
      "    Type: String",
      `    Default: ${KEY}`,
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      KmsMasterKeyId: !Ref DataKeyArn",
      "Outputs:",
      "  Key:",
      "    Value: !Ref DataKeyArn",
      "",
    ].join("\n");
    expect(yamlRows(text)).toEqual([
      ["consumer", "S/Queue", "KmsMasterKeyId", KEY],
      ["output", "S/Outputs/Key", null, KEY],
    ]);
  });
});

describe("intrinsic functions in general", () => {
  it("reads a key ARN with an unknown account as its key id, in the region the ARN gives", () => {
    const sub = {
      "Fn::Sub": `arn:\${AWS::Partition}:kms:us-west-2:\${AWS::AccountId}:key/${UUID}`,
    };
    expect(rows(withProperty(sub))).toEqual([
      ["consumer", "S/T", "KmsMasterKeyId", `${UUID}@us-west-2`],
    ]);
    expect(rows(withProperty(sub), US_EAST_1)).toEqual([
      ["consumer", "S/T", "KmsMasterKeyId", `arn:aws:kms:us-west-2:111122223333:key/${UUID}`],
    ]);
  });

  it("reads a bare key id a parameter holds, under a property that holds a key", () => {
    const doc = {
      Parameters: { KeyId: { Type: "String", Default: UUID } },
      ...withProperty({ Ref: "KeyId" }, "KmsKeyId", "AWS::Logs::LogGroup"),
    };
    expect(rows(doc)).toEqual([["consumer", "S/T", "KmsKeyId", `${UUID}@?`]]);
    expect(rows(doc, US_EAST_1)).toEqual([["consumer", "S/T", "KmsKeyId", KEY]]);
    // Under a name that holds no key, a UUID is some other thing's id.
    expect(rows({ ...doc, ...withProperty({ Ref: "KeyId" }, "ClientToken") })).toEqual([]);
  });

  it("takes --parameter values over Default, and the environment from AWS::Region and AWS::AccountId", () => {
    const doc = {
      Parameters: { KeyId: { Type: "String", Default: UUID } },
      ...withProperty({
        "Fn::Sub": "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}",
      }),
    };
    const other = "0a1b2c3d-0000-4000-8000-000000000004";
    const parameterValues = new Map([
      ["KeyId", other],
      ["AWS::Region", "eu-west-1"],
      ["AWS::AccountId", "444455556666"],
    ]);
    const result = readTemplate(doc, "t.json", AGNOSTIC, { parameterValues });
    expect(referenceRows(result.references)).toEqual([
      ["consumer", "S/T", "KmsMasterKeyId", `arn:aws:kms:eu-west-1:444455556666:key/${other}`],
    ]);
    expect([result.stack.region, result.stack.account]).toEqual(["eu-west-1", "444455556666"]);
  });

  it("does not read an SSM parameter's Default (a parameter store name) as its value", () => {
    const doc = {
      Parameters: {
        KeyArn: { Type: "AWS::SSM::Parameter::Value<String>", Default: KEY },
        BootstrapVersion: {
          Type: "AWS::SSM::Parameter::Value<String>",
          Default: "/cdk-bootstrap/hnb659fds/version",
        },
      },
      ...withProperty({ Ref: "KeyArn" }, "KmsKeyId", "AWS::Logs::LogGroup"),
    };
    expect(rows(doc)).toEqual([]);
    // Given its value, it is read.
    expect(rows(doc, AGNOSTIC, { parameterValues: new Map([["KeyArn", KEY]]) })).toEqual([
      ["consumer", "S/T", "KmsKeyId", KEY],
    ]);
  });

  it("reads every allowed value of a parameter, and both branches of an Fn::If", () => {
    const doc = {
      Parameters: { Env: { Type: "String", AllowedValues: ["dev", "prod"] } },
      ...withProperty({
        "Fn::If": ["UseShared", { "Fn::Sub": "alias/${Env}-data" }, SNS_ALIAS_JOIN],
      }),
    };
    expect(rows(doc, US_EAST_1)).toEqual([
      ["consumer", "S/T", "KmsMasterKeyId", "arn:aws:kms:us-east-1:111122223333:alias/dev-data"],
      ["consumer", "S/T", "KmsMasterKeyId", "arn:aws:kms:us-east-1:111122223333:alias/prod-data"],
      ["consumer", "S/T", "KmsMasterKeyId", "arn:aws:kms:us-east-1:111122223333:alias/aws/sns"],
    ]);
  });

  it("reads composite values: Fn::Select of Fn::Split of a parameter, Fn::Join inside Fn::Sub variables", () => {
    const doc = {
      Parameters: { KeyArn: { Type: "String", Default: KEY } },
      Resources: {
        Stream: {
          Type: "AWS::Kinesis::Stream",
          Properties: {
            StreamEncryption: {
              EncryptionType: "KMS",
              KeyId: {
                "Fn::Select": [
                  1,
                  {
                    "Fn::Split": [
                      "/",
                      { "Fn::Select": [5, { "Fn::Split": [":", { Ref: "KeyArn" }] }] },
                    ],
                  },
                ],
              },
            },
          },
        },
        Topic: {
          Type: "AWS::SNS::Topic",
          Properties: {
            KmsMasterKeyId: {
              "Fn::Sub": [
                "${Prefix}:alias/app",
                {
                  Prefix: {
                    "Fn::Join": [
                      ":",
                      ["arn", { Ref: "AWS::Partition" }, "kms", "eu-west-1", "444455556666"],
                    ],
                  },
                },
              ],
            },
          },
        },
      },
    };
    expect(rows(doc)).toEqual([
      ["consumer", "S/Stream", "StreamEncryption.KeyId", `${UUID}@?`],
      ["consumer", "S/Topic", "KmsMasterKeyId", "alias/app@eu-west-1"],
    ]);
  });

  it("reads a key mapped per region: every region's when the stack's is unknown", () => {
    const other = "0a1b2c3d-0000-4000-8000-000000000004";
    const doc = {
      Mappings: {
        RegionKeys: {
          "us-east-1": { Key: KEY },
          "eu-west-1": { Key: `arn:aws:kms:eu-west-1:111122223333:key/${other}` },
        },
      },
      ...withProperty({ "Fn::FindInMap": ["RegionKeys", { Ref: "AWS::Region" }, "Key"] }),
    };
    expect(rows(doc).map((row) => row[3])).toEqual([
      KEY,
      `arn:aws:kms:eu-west-1:111122223333:key/${other}`,
    ]);
    expect(rows(doc, US_EAST_1).map((row) => row[3])).toEqual([KEY]);
  });

  it("leaves an import no stack exports unresolved, with a note", () => {
    const doc = withProperty({ "Fn::ImportValue": { "Fn::Sub": "${AWS::StackName}-KeyArn" } });
    const result = readTemplate(doc, "t.json", AGNOSTIC, {
      parameterValues: new Map([["AWS::StackName", "data"]]),
    });
    expect(result.references).toEqual([]);
    expect(result.notes).toEqual([
      'Fn::ImportValue "data-KeyArn": no stack among the inputs exports it, so the key it may name is left unresolved',
    ]);
  });

  it("does not read a key ARN pattern with a wildcard, nor a CDK alias ARN without alias/", () => {
    const join = (last: string) => ({
      "Fn::Join": [
        "",
        [
          "arn:",
          { Ref: "AWS::Partition" },
          ":kms:",
          { Ref: "AWS::Region" },
          ":",
          { Ref: "AWS::AccountId" },
          last,
        ],
      ],
    });
    expect(rows(withProperty(join(":key/*"), "Resource", "AWS::IAM::Policy"))).toEqual([]);
    expect(rows(withProperty(join(":integ-test-alias")))).toEqual([]);
  });

  it("does not take a nested stack's Default when its parent passes the parameter, even a value without a key", () => {
    const parent = {
      Resources: {
        N: {
          Type: "AWS::CloudFormation::Stack",
          Properties: { TemplateURL: "https://example.com/n.json", Parameters: { KeyArn: "none" } },
        },
      },
    };
    const passed = nestedStackParameters(parent, "p.json", AGNOSTIC, {}, "N");
    const child = {
      Parameters: { KeyArn: { Type: "String", Default: KEY } },
      ...withProperty({ Ref: "KeyArn" }),
    };
    expect(rows(child, AGNOSTIC, { parameters: passed })).toEqual([]);
    expect(rows(child)).toEqual([["consumer", "S/T", "KmsMasterKeyId", KEY]]);
  });
});

describe("hostile and malformed intrinsic functions", () => {
  it("refuses arguments CloudFormation would refuse, naming the property", () => {
    const err = inputErrorOf(() => rows(withProperty({ "Fn::Select": [3, ["a", "b"]] })));
    expect(err.message).toBe(
      "Resources.T.Properties.KmsMasterKeyId: Fn::Select: index 3 is out of range of a list of 2 items; CloudFormation would refuse this template too: fix it",
    );
    expect(err.file).toBe("t.json");
    expect(inputErrorOf(() => rows(withProperty({ "Fn::Join": ["", "x"] }))).message).toMatch(
      /^Resources\.T\.Properties\.KmsMasterKeyId: Fn::Join: expected a list, got a string;/,
    );
  });

  it("refuses a value with more alternatives than it searches, rather than cut them short", () => {
    const ifs = Array.from({ length: 11 }, (_, i) => ({ "Fn::If": [`C${i}`, "a", "b"] }));
    expect(inputErrorOf(() => rows(withProperty({ "Fn::Join": ["", ifs] }))).message).toMatch(
      /^Resources\.T\.Properties\.KmsMasterKeyId: an intrinsic function with more than 1024 possible values/,
    );
  });

  it("refuses a parameter whose Default is not a value (a Ref to itself), and --parameter naming no parameter", () => {
    const doc = {
      Parameters: { P: { Type: "String", Default: { Ref: "P" } } },
      ...withProperty({ Ref: "P" }),
    };
    expect(inputErrorOf(() => rows(doc)).message).toBe(
      "Parameters.P.Default: expected a default value (a string or number), got an object; CloudFormation would refuse this template too: fix it",
    );
    expect(
      inputErrorOf(() =>
        rows(withProperty("x"), AGNOSTIC, { parameterValues: new Map([["KeyArn", KEY]]) }),
      ).message,
    ).toBe('--parameter S.KeyArn: the template declares no parameter "KeyArn" (it has none)');
  });

  it("still reads ARNs written inside functions it does not evaluate, or in items Fn::Select leaves out", () => {
    const other = "arn:aws:kms:us-east-1:111122223333:alias/other";
    const doc = {
      Resources: {
        A: { Type: "X", Properties: { Doc: { "Fn::ToJsonString": { Key: KEY } } } },
        B: { Type: "X", Properties: { Pick: { "Fn::Select": [0, ["x", other]] } } },
        C: { Type: "X", Properties: { Text: { "Fn::Base64": { "Fn::Sub": `key=${KEY}` } } } },
      },
    };
    expect(rows(doc)).toEqual([
      ["consumer", "S/A", "Doc", KEY],
      ["consumer", "S/B", "Pick", other],
      ["consumer", "S/C", "Text", KEY],
    ]);
  });

  it("refuses a huge Fn::Split, and a Fn::Join of a huge list, by the output bound", () => {
    const big = "k,".repeat(2_200_000);
    expect(inputErrorOf(() => rows(withProperty({ "Fn::Split": [",", big] }))).message).toMatch(
      /^Resources\.T\.Properties\.KmsMasterKeyId: an intrinsic function that evaluates to more than 4194304 characters/,
    );
    const items = Array.from({ length: 500_000 }, () => "abcdefghij");
    expect(inputErrorOf(() => rows(withProperty({ "Fn::Join": [",", items] }))).message).toMatch(
      /more than 4194304 characters/,
    );
  });
});
