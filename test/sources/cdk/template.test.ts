// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, meant literally
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, type KeyReference, type KeyTarget } from "../../../src/model.js";
import { parseTemplateText } from "../../../src/sources/cdk/cfn-yaml.js";
import {
  isKmsPropertyName,
  MAX_VALUE_DEPTH,
  subVariables,
} from "../../../src/sources/cdk/intrinsics.js";
import {
  isCloudFormationTemplate,
  nestedStackParameters,
  readTemplate,
  type TemplateStack,
  templateExports,
} from "../../../src/sources/cdk/template.js";
import { reference } from "../../support/facts.js";

const FIXTURES = new URL("../../fixtures/cfn-templates/", import.meta.url);
const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY = `arn:aws:kms:us-east-1:111122223333:key/${UUID}`;
const ALIAS = "arn:aws:kms:us-east-1:111122223333:alias/shared";
const STACK: TemplateStack = { name: "S", account: null, region: null };

/** A target, short: `@LogicalId` for a stack resource of stack S, else its ARN or name. */
function short(target: KeyTarget): string {
  switch (target.kind) {
    case "stack-resource":
      return target.stack === "S" ? `@${target.logicalId}` : `@${target.stack}/${target.logicalId}`;
    case "arn":
      return target.arn;
    case "alias":
      return target.arn ?? target.name;
    case "key-id":
      return `${target.keyId}@${target.region ?? "?"}`;
    case "planned":
      return `planned:${target.address}`;
  }
}

type Row = [
  kind: string,
  address: string | null,
  attribute: string | null,
  target: string,
  alias?: string,
];

function rows(references: KeyReference[]): Row[] {
  return references.map((ref) => {
    const row: Row = [ref.kind, ref.address, ref.attribute, short(ref.target)];
    if (ref.aliasName !== undefined) row.push(ref.aliasName);
    return row;
  });
}

function readFixture(name: string) {
  const parsed = parseTemplateText(readFileSync(new URL(name, FIXTURES), "utf8"), name);
  return readTemplate(parsed.doc, name, STACK);
}

function read(doc: unknown, stack: TemplateStack = STACK) {
  return readTemplate(doc, "t.json", stack);
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

const BUCKET_KEY =
  "BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID";

// Read by hand from each template: every KMS key, alias, consumer and output.
const EXPECTED: Record<string, Row[]> = {
  "awscfn_cloudfront_lambdaedge_kms.yaml": [
    ["key", "S/LoggingBucketKMSKey", null, "@LoggingBucketKMSKey"],
    // TargetKeyId: !Sub ${LoggingBucketKMSKey}; AliasName is a !Sub, so no name.
    ["alias", "S/LoggingBucketKMSKeyAlias", "TargetKeyId", "@LoggingBucketKMSKey"],
    ["consumer", "S/LoggingBucket", BUCKET_KEY, "@LoggingBucketKMSKey"],
    ["output", "S/Outputs/LoggingBucketKMSKey", null, "@LoggingBucketKMSKey"],
  ],
  "awscfn_ecs_schedule_logs_kms.yaml": [
    ["key", "S/LogsKmsKey", null, "@LogsKmsKey"],
    ["consumer", "S/CloudwatchLogsGroup", "KmsKeyId", "@LogsKmsKey"],
  ],
  "awscfn_s3_xacct_repl_kms_destination.yaml": [
    ["key", "S/KmsKey", null, "@KmsKey"],
    ["alias", "S/KmsKeyAlias", "TargetKeyId", "@KmsKey"],
    ["consumer", "S/S3BucketDestination", BUCKET_KEY, "@KmsKey"],
  ],
  "awscfn_s3_xacct_repl_kms_source.json": [
    ["key", "S/KmsKey", null, "@KmsKey"],
    ["alias", "S/KmsKeyAlias", "TargetKeyId", "@KmsKey"],
    ["consumer", "S/S3BucketSource", BUCKET_KEY, "@KmsKey"],
    // The replication role's policy grants kms:Decrypt on the key: a user of it.
    [
      "consumer",
      "S/ReplicationRole",
      "Policies[0].PolicyDocument.Statement[2].Resource",
      "@KmsKey",
    ],
  ],
  "awscfn_s3_xacct_repl_kms_source.yaml": [
    ["key", "S/KmsKey", null, "@KmsKey"],
    ["alias", "S/KmsKeyAlias", "TargetKeyId", "@KmsKey"],
    ["consumer", "S/S3BucketSource", BUCKET_KEY, "@KmsKey"],
    [
      "consumer",
      "S/ReplicationRole",
      "Policies[0].PolicyDocument.Statement[2].Resource",
      "@KmsKey",
    ],
  ],
  "awscfn_stacksets_log_setup_mgmt.yaml": [
    ["consumer", "S/CentralEventLog", "KmsKeyId", "@CentralEventLogKey"],
    ["key", "S/CentralEventLogKey", null, "@CentralEventLogKey"],
  ],
  "checkov_kms_rotation_asymmetric.yml": [["key", "S/AsymmetricKey", null, "@AsymmetricKey"]],
  "checkov_kms_rotation_failed.yml": [["key", "S/SymmetricKey", null, "@SymmetricKey"]],
  "localstack_cdk_bootstrap_v28.yaml": [
    ["key", "S/FileAssetsBucketEncryptionKey", null, "@FileAssetsBucketEncryptionKey"],
    [
      "alias",
      "S/FileAssetsBucketEncryptionKeyAlias",
      "TargetKeyId",
      "@FileAssetsBucketEncryptionKey",
    ],
    // KMSMasterKeyID: Fn::If [CreateNewKey, Fn::Sub ${Key.Arn}, …]
    ["consumer", "S/StagingBucket", BUCKET_KEY, "@FileAssetsBucketEncryptionKey"],
    [
      "consumer",
      "S/FilePublishingRoleDefaultPolicy",
      "PolicyDocument.Statement[1].Resource",
      "@FileAssetsBucketEncryptionKey",
    ],
    ["output", "S/Outputs/FileAssetKeyArn", null, "@FileAssetsBucketEncryptionKey"],
  ],
  "localstack_cfn_kms_key.yml": [
    ["key", "S/kmskeystack8A5DBE89", null, "@kmskeystack8A5DBE89"],
    ["output", "S/Outputs/KeyId", null, "@kmskeystack8A5DBE89"],
  ],
  "localstack_kms_key_alias_params.yaml": [
    ["key", "S/KMSKey", null, "@KMSKey"],
    // AliasName: !Ref AliasName (a parameter): the alias has no name here.
    ["alias", "S/KMSKeyAlias", "TargetKeyId", "@KMSKey"],
    // !Ref of the alias stands for its key.
    ["output", "S/Outputs/KeyAlias", null, "@KMSKey"],
    ["output", "S/Outputs/KeyArn", null, "@KMSKey"],
  ],
  "localstack_kms_key_disabled.yaml": [
    ["key", "S/TestKey4CACAF33", null, "@TestKey4CACAF33"],
    ["output", "S/Outputs/KeyIdOutput", null, "@TestKey4CACAF33"],
  ],
};

// aws-cdk integ snapshots (issue 12): intrinsic functions that name keys, or only seem to.
Object.assign(EXPECTED, {
  // An alias to a key of the stack; a second alias whose TargetKeyId the CDK
  // writes as an Fn::Join ARN without `alias/` (`…:integ-test-alias`), which
  // names no key: a KMS ARN needs `key/` or `alias/`.
  // The alias's key is another stack's export (Fn::ImportValue), not among the inputs.
  "awscdk_kms_key_sharing_use_stack.template.json": [],
  "awscdk_kms_alias_import.template.json": [
    ["key", "KmsAliasImportStack/Key/Resource", null, "@Key961B73FD"],
    [
      "alias",
      "KmsAliasImportStack/Alias/Resource",
      "TargetKeyId",
      "@Key961B73FD",
      "alias/integ-test-alias",
    ],
  ],
  // `arn:…:key/*` built by Fn::Join is every key, not one; the grant's
  // kms:ResourceAliases condition names the alias it is for.
  "awscdk_kms_alias_from_alias_name.template.json": [
    [
      "consumer",
      "S/RoleDefaultPolicy5FFB7DAB",
      'PolicyDocument.Statement[0].Condition["ForAnyValue:StringEquals"]["kms:ResourceAliases"]',
      "alias/MyKey",
    ],
  ],
} satisfies Record<string, Row[]>);

// What a fixture is expected to warn of; none for the others.
const EXPECTED_WARNINGS: Record<string, string[]> = {
  "awscdk_kms_key_sharing_use_stack.template.json": [
    "Resources.Alias325C5727: the alias's TargetKeyId names no key this template declares or writes out (a parameter or an expression); skipped",
  ],
  "awscdk_kms_alias_import.template.json": [
    "Resources.AliasRef51CA950B: the alias's TargetKeyId names no key this template declares or writes out (a parameter or an expression); skipped",
  ],
};

describe("CloudFormation template fixtures", () => {
  it("covers every fixture", () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", (name, expected) => {
    const result = readFixture(name);
    expect(result.warnings).toEqual(EXPECTED_WARNINGS[name] ?? []);
    expect(rows(result.references)).toEqual(expected);
    for (const ref of result.references) {
      expect(ref).toMatchObject({
        source: "cloudformation-template",
        file: name,
        action: null,
        change: null,
        location: null,
        suppressions: [],
      });
    }
  });

  it("models every resource of the stack, with its deletion policy", () => {
    const { stack } = readFixture("localstack_cdk_bootstrap_v28.yaml");
    expect(stack).toMatchObject({
      name: "S",
      artifactId: "localstack_cdk_bootstrap_v28.yaml",
      templateFile: "localstack_cdk_bootstrap_v28.yaml",
      account: null,
      region: null,
      parent: null,
    });
    expect(stack.resources.size).toBe(14);
    expect(stack.resources.get("FileAssetsBucketEncryptionKey")).toMatchObject({
      type: "AWS::KMS::Key",
      deletionPolicy: "Delete",
      constructPath: null,
      creationStack: [],
    });
    expect(stack.resources.get("StagingBucket")?.deletionPolicy).toBe("Retain");
    // No DeletionPolicy: CloudFormation's default.
    expect(
      readFixture("checkov_kms_rotation_failed.yml").stack.resources.get("SymmetricKey"),
    ).toMatchObject({
      deletionPolicy: "Delete",
      properties: expect.objectContaining({ KeyPolicy: expect.any(Object) }),
    });
  });

  it("keeps a disabled key's properties for change detection", () => {
    const { stack } = readFixture("localstack_kms_key_disabled.yaml");
    expect(stack.resources.get("TestKey4CACAF33")?.properties.Enabled).toBe(false);
  });
});

describe("readTemplate", () => {
  const key = { Type: "AWS::KMS::Key", Properties: { KeyPolicy: { Statement: [] } } };

  it("describes a key as a stack resource in the stack's environment", () => {
    const stack = { name: "Data", account: "111122223333", region: "eu-west-1" };
    const { references } = read({ Resources: { K: key } }, stack);
    expect(references).toEqual([
      reference({
        source: "cloudformation-template",
        kind: "key",
        file: "t.json",
        address: "Data/K",
        resourceType: "AWS::KMS::Key",
        target: {
          kind: "stack-resource",
          stack: "Data",
          region: "eu-west-1",
          account: "111122223333",
          logicalId: "K",
        },
      }),
    ]);
  });

  it("reads a replica key as a key, and not as a consumer of its primary", () => {
    const { references } = read({
      Resources: {
        P: { Type: "AWS::KMS::Key", Properties: { MultiRegion: true } },
        R: {
          Type: "AWS::KMS::ReplicaKey",
          Properties: { PrimaryKeyArn: { "Fn::GetAtt": ["P", "Arn"] }, KeyPolicy: {} },
        },
      },
    });
    expect(rows(references)).toEqual([
      ["key", "S/P", null, "@P"],
      ["key", "S/R", null, "@R"],
    ]);
    expect(references[1]?.resourceType).toBe("AWS::KMS::ReplicaKey");
  });

  it("uses the construct path from aws:cdk:path metadata as the address", () => {
    const { references, stack } = read({
      Resources: { K: { ...key, Metadata: { "aws:cdk:path": "Data/Key/Resource" } } },
    });
    expect(references[0]?.address).toBe("Data/Key/Resource");
    expect(stack.resources.get("K")?.constructPath).toBe("Data/Key/Resource");
  });

  it("prefers the assembly's construct metadata, with its creation stack", () => {
    const result = readTemplate(
      { Resources: { K: { ...key, Metadata: { "aws:cdk:path": "Old/Path" } } } },
      "t.json",
      STACK,
      {
        source: "cdk-assembly",
        constructs: new Map([
          ["K", { path: "Data/Key/Resource", creationStack: ["new App (/a.ts:3:1)"] }],
        ]),
      },
    );
    expect(result.references[0]).toMatchObject({
      source: "cdk-assembly",
      address: "Data/Key/Resource",
    });
    expect(result.stack.resources.get("K")?.creationStack).toEqual(["new App (/a.ts:3:1)"]);
  });

  it("reads an alias: its literal name and the key TargetKeyId names", () => {
    const { references } = read({
      Resources: {
        K: key,
        ByRef: {
          Type: "AWS::KMS::Alias",
          Properties: { AliasName: "alias/a", TargetKeyId: { Ref: "K" } },
        },
        ByArn: {
          Type: "AWS::KMS::Alias",
          Properties: { AliasName: "alias/b", TargetKeyId: { "Fn::GetAtt": ["K", "Arn"] } },
        },
        ByKeyId: {
          Type: "AWS::KMS::Alias",
          Properties: { AliasName: "alias/c", TargetKeyId: "K.KeyId" },
        },
        Literal: {
          Type: "AWS::KMS::Alias",
          Properties: { AliasName: "alias/d", TargetKeyId: KEY },
        },
        BareId: {
          Type: "AWS::KMS::Alias",
          Properties: { AliasName: "alias/e", TargetKeyId: UUID },
        },
        Either: {
          Type: "AWS::KMS::Alias",
          Properties: {
            AliasName: { "Fn::Sub": "alias/${AWS::StackName}" },
            TargetKeyId: { "Fn::If": ["C", { Ref: "K" }, KEY] },
          },
        },
      },
    });
    expect(rows(references)).toEqual([
      ["key", "S/K", null, "@K"],
      ["alias", "S/ByRef", "TargetKeyId", "@K", "alias/a"],
      ["alias", "S/ByArn", "TargetKeyId", "@K", "alias/b"],
      // A string is not a GetAtt: an unknown id, nothing.
      ["alias", "S/Literal", "TargetKeyId", KEY, "alias/d"],
      ["alias", "S/BareId", "TargetKeyId", `${UUID}@?`, "alias/e"],
      ["alias", "S/Either", "TargetKeyId", "@K"],
      ["alias", "S/Either", "TargetKeyId", KEY],
    ]);
  });

  it("warns of an alias whose target it cannot tell, and skips it", () => {
    const result = read({
      Parameters: { KeyId: { Type: "String" } },
      Resources: {
        A: {
          Type: "AWS::KMS::Alias",
          Properties: { AliasName: "alias/p", TargetKeyId: { Ref: "KeyId" } },
        },
      },
    });
    expect(result.references).toEqual([]);
    expect(result.warnings).toEqual([
      "Resources.A: the alias's TargetKeyId names no key this template declares or writes out (a parameter or an expression); skipped",
    ]);
  });

  it("finds consumers through Ref, GetAtt, Sub, Join, If and Select, credited to the property", () => {
    const { references } = read({
      Resources: {
        K: key,
        Q: { Type: "AWS::SQS::Queue", Properties: { KmsMasterKeyId: { Ref: "K" } } },
        L: { Type: "AWS::Logs::LogGroup", Properties: { KmsKeyId: { "Fn::GetAtt": "K.Arn" } } },
        P: {
          Type: "AWS::IAM::Policy",
          Properties: {
            PolicyDocument: {
              Statement: [
                { Action: "s3:*", Resource: "*" },
                {
                  Action: "kms:Decrypt",
                  Resource: [
                    {
                      "Fn::Sub":
                        "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${K}",
                    },
                  ],
                },
              ],
            },
          },
        },
        J: {
          Type: "AWS::SNS::Topic",
          Properties: {
            KmsMasterKeyId: {
              "Fn::Join": ["", [{ "Fn::Select": [0, [{ "Fn::GetAtt": ["K", "Arn"] }]] }]],
            },
          },
        },
        I: {
          Type: "AWS::S3::Bucket",
          Properties: {
            BucketEncryption: {
              "Fn::If": [
                "Encrypt",
                {
                  ServerSideEncryptionConfiguration: [
                    { ServerSideEncryptionByDefault: { KMSMasterKeyID: { Ref: "K" } } },
                  ],
                },
                { Ref: "AWS::NoValue" },
              ],
            },
          },
        },
      },
    });
    expect(rows(references)).toEqual([
      ["key", "S/K", null, "@K"],
      ["consumer", "S/Q", "KmsMasterKeyId", "@K"],
      ["consumer", "S/L", "KmsKeyId", "@K"],
      ["consumer", "S/P", "PolicyDocument.Statement[1].Resource[0]", "@K"],
      ["consumer", "S/J", "KmsMasterKeyId", "@K"],
      ["consumer", "S/I", BUCKET_KEY, "@K"],
    ]);
  });

  it("reads Fn::Sub variables as shadowing resource names, and their values as expressions", () => {
    const { references } = read({
      Resources: {
        K: key,
        Other: key,
        R: {
          Type: "AWS::IAM::Role",
          Properties: {
            // ${K} is the variable here, bound to Other's ARN, not the resource K.
            Arn: { "Fn::Sub": ["${K}/x", { K: { "Fn::GetAtt": ["Other", "Arn"] } }] },
            Escaped: { "Fn::Sub": "${!K} is text" },
          },
        },
      },
    });
    expect(rows(references).filter((row) => row[0] === "consumer")).toEqual([
      ["consumer", "S/R", "Arn", "@Other"],
    ]);
  });

  it("finds key and alias ARNs written out anywhere, and bare ids only under a key's property name", () => {
    const stack = { name: "S", account: "111122223333", region: "us-east-1" };
    const { references } = read(
      {
        Resources: {
          F: {
            Type: "AWS::Lambda::Function",
            Properties: {
              KmsKeyArn: KEY,
              Environment: { Variables: { POLICY: `{"Resource":"${ALIAS}"}`, ID: UUID } },
              Tags: [{ Key: "key", Value: UUID }],
            },
          },
          Q: { Type: "AWS::SQS::Queue", Properties: { KmsMasterKeyId: "alias/aws/sqs" } },
          B: {
            Type: "AWS::CodeBuild::Project",
            Properties: { EncryptionKey: UUID, Name: "alias/not-a-key-name" },
          },
        },
      },
      stack,
    );
    expect(rows(references)).toEqual([
      ["consumer", "S/F", "KmsKeyArn", KEY],
      ["consumer", "S/F", "Environment.Variables.POLICY", ALIAS],
      ["consumer", "S/Q", "KmsMasterKeyId", "arn:aws:kms:us-east-1:111122223333:alias/aws/sqs"],
      ["consumer", "S/B", "EncryptionKey", KEY],
    ]);
  });

  it("does not read a key's own policy, or a policy that grants on every key, as a use", () => {
    const { references } = read({
      Resources: {
        K: {
          Type: "AWS::KMS::Key",
          Properties: {
            KeyPolicy: {
              Statement: [{ Resource: { "Fn::GetAtt": ["K", "Arn"] } }, { Resource: KEY }],
            },
          },
        },
        P: {
          Type: "AWS::IAM::ManagedPolicy",
          Properties: { PolicyDocument: { Statement: [{ Action: "kms:*", Resource: "*" }] } },
        },
        D: { Type: "AWS::S3::Bucket", DependsOn: "K", Metadata: { Key: { Ref: "K" } } },
      },
    });
    expect(rows(references)).toEqual([["key", "S/K", null, "@K"]]);
  });

  it("reads Ref of an alias as its key, or as its name when its key is not in the template", () => {
    const { references } = read({
      Resources: {
        K: key,
        A: {
          Type: "AWS::KMS::Alias",
          Properties: { AliasName: "alias/a", TargetKeyId: { Ref: "K" } },
        },
        X: {
          Type: "AWS::KMS::Alias",
          Properties: { AliasName: "alias/x", TargetKeyId: { "Fn::ImportValue": "Elsewhere" } },
        },
        Q: { Type: "AWS::SQS::Queue", Properties: { KmsMasterKeyId: { Ref: "A" } } },
        T: { Type: "AWS::SNS::Topic", Properties: { KmsMasterKeyId: { Ref: "X" } } },
      },
    });
    expect(rows(references).filter((row) => row[0] === "consumer")).toEqual([
      ["consumer", "S/Q", "KmsMasterKeyId", "@K"],
      ["consumer", "S/T", "KmsMasterKeyId", "alias/x"],
    ]);
  });

  it("reads Fn::ImportValue of a key another stack exports, and a nested stack's parameters", () => {
    const producer = { name: "Keys", account: "111122223333", region: "us-east-1" };
    const exported = templateExports(
      {
        Resources: { K: key },
        Outputs: {
          Arn: { Value: { "Fn::GetAtt": ["K", "Arn"] }, Export: { Name: "Keys:KeyArn" } },
          Computed: {
            Value: { Ref: "K" },
            Export: { Name: { "Fn::Sub": "${AWS::StackName}-Id" } },
          },
          NotAKey: { Value: "x", Export: { Name: "Keys:Other" } },
        },
      },
      "keys.json",
      producer,
    );
    const target: KeyTarget = {
      kind: "stack-resource",
      stack: "Keys",
      region: "us-east-1",
      account: "111122223333",
      logicalId: "K",
    };
    expect([...exported]).toEqual([["Keys:KeyArn", [target]]]);

    const result = readTemplate(
      {
        Resources: {
          B: {
            Type: "AWS::SQS::Queue",
            Properties: { KmsMasterKeyId: { "Fn::ImportValue": "Keys:KeyArn" } },
          },
          C: { Type: "AWS::SQS::Queue", Properties: { KmsMasterKeyId: { Ref: "ParentKey" } } },
        },
      },
      "users.json",
      STACK,
      { imports: exported, parameters: new Map([["ParentKey", [target]]]) },
    );
    expect(rows(result.references)).toEqual([
      ["consumer", "S/B", "KmsMasterKeyId", "@Keys/K"],
      ["consumer", "S/C", "KmsMasterKeyId", "@Keys/K"],
    ]);
  });

  it("tells which keys a parent passes into a nested stack's parameters", () => {
    const parent = {
      Resources: {
        K: key,
        N: {
          Type: "AWS::CloudFormation::Stack",
          Properties: {
            TemplateURL: "https://example.com/t.json",
            Parameters: { KeyArn: { "Fn::GetAtt": ["K", "Arn"] }, Name: "n", Literal: KEY },
          },
        },
      },
    };
    const parameters = nestedStackParameters(parent, "p.json", STACK, {}, "N");
    // Every parameter passed is listed, a value without a key too: the nested
    // template's Default is then not the parameter's value.
    expect([...parameters].map(([name, targets]) => [name, targets.map(short)])).toEqual([
      ["KeyArn", ["@K"]],
      ["Name", []],
      ["Literal", [KEY]],
    ]);
    expect(rows(read(parent).references)).toContainEqual([
      "consumer",
      "S/N",
      "Parameters.KeyArn",
      "@K",
    ]);
  });

  it("reads outputs: key references in the value; bare ids where the output's name mentions a key", () => {
    const { references } = read({
      Resources: { K: key },
      Outputs: {
        KeyArn: { Value: { "Fn::GetAtt": ["K", "Arn"] } },
        KeyId: { Value: UUID },
        InstanceId: { Value: UUID },
        Policy: { Value: `{"Resource":"${KEY}"}` },
      },
    });
    expect(rows(references)).toEqual([
      ["key", "S/K", null, "@K"],
      ["output", "S/Outputs/KeyArn", null, "@K"],
      ["output", "S/Outputs/KeyId", null, `${UUID}@?`],
      ["output", "S/Outputs/Policy", null, KEY],
    ]);
  });

  it("counts each key once per resource, at the first place it is named", () => {
    const { references } = read({
      Resources: {
        K: key,
        R: {
          Type: "AWS::IAM::Role",
          Properties: { A: { Ref: "K" }, B: { "Fn::GetAtt": ["K", "Arn"] } },
        },
      },
    });
    expect(rows(references)).toEqual([
      ["key", "S/K", null, "@K"],
      ["consumer", "S/R", "A", "@K"],
    ]);
  });
});

const TEMPLATE_HINT = "CloudFormation would refuse this template too: fix it";

describe("readTemplate: hostile and malformed templates", () => {
  it.each([
    [
      "an array",
      [1],
      "t.json: the file holds an array; expected a CloudFormation template (an object with Resources)",
    ],
    [
      "a string",
      "Resources",
      "t.json: the file holds a string; expected a CloudFormation template (an object with Resources)",
    ],
  ])("rejects %s", (_case, doc, message) => {
    expect(inputErrorOf(() => read(doc)).describe()).toBe(message);
  });

  const key = { Type: "AWS::KMS::Key" };
  // Each may be a key, an alias or a consumer: none is skipped.
  it.each<[string, unknown, string]>([
    [
      "Resources as an array",
      { Resources: [key] },
      "Resources: expected an object of resources (logical id → {Type, Properties}), got a list of one item",
    ],
    [
      "Resources as a string",
      { Resources: "none" },
      'Resources: expected an object of resources (logical id → {Type, Properties}), got "none"',
    ],
    [
      "Resources null",
      { Resources: null },
      "Resources: expected an object of resources (logical id → {Type, Properties}), got null",
    ],
    [
      "no Resources",
      { Parameters: {} },
      "Resources: expected an object of resources (logical id → {Type, Properties}), got nothing (the field is missing)",
    ],
    [
      "an empty object",
      {},
      "Resources: expected an object of resources (logical id → {Type, Properties}), got nothing (the field is missing)",
    ],
    [
      "a resource without a Type",
      { Resources: { K: key, NoType: { Properties: {} } } },
      "Resources.NoType.Type: expected a resource type (a string), got nothing (the field is missing)",
    ],
    [
      "a resource whose Type is a number",
      { Resources: { NumberType: { Type: 5 } } },
      "Resources.NumberType.Type: expected a resource type (a string), got 5",
    ],
    [
      "a resource that is null",
      { Resources: { Null: null } },
      "Resources.Null: expected a resource ({Type, Properties}), got null",
    ],
    [
      "a resource that is a list",
      { Resources: { List: [] } },
      "Resources.List: expected a resource ({Type, Properties}), got an empty list",
    ],
    [
      "Properties as a string",
      { Resources: { Q: { Type: "AWS::SQS::Queue", Properties: "x" } } },
      'Resources.Q.Properties: expected the resource\'s properties (an object), got "x"',
    ],
    [
      "a DeletionPolicy that is a number",
      { Resources: { K: { ...key, DeletionPolicy: 1 } } },
      "Resources.K.DeletionPolicy: expected Delete, Retain, RetainExceptOnCreate, Snapshot or an Fn::If, got 1",
    ],
    [
      "a DeletionPolicy that is another object",
      { Resources: { K: { ...key, DeletionPolicy: { Ref: "P" } } } },
      "Resources.K.DeletionPolicy: expected Delete, Retain, RetainExceptOnCreate, Snapshot or an Fn::If, got an object",
    ],
    [
      "Outputs as a list",
      { Resources: { K: key }, Outputs: [] },
      "Outputs: expected an object of outputs, got an empty list",
    ],
    [
      "an output that is a string",
      { Resources: { K: key }, Outputs: { Broken: "not an object" } },
      'Outputs.Broken: expected an output ({Value, Export}), got "not an object"',
    ],
    [
      "an output without a Value",
      { Resources: { K: key }, Outputs: { NoValue: { Export: { Name: "x" } } } },
      "Outputs.NoValue.Value: expected the output's value, got nothing (the field is missing)",
    ],
    [
      "an odd logical id",
      { Resources: { "a b": 1 } },
      'Resources["a b"]: expected a resource ({Type, Properties}), got 1',
    ],
  ])("refuses %s, naming its path", (_case, doc, message) => {
    expect(inputErrorOf(() => read(doc)).describe()).toBe(`t.json: ${message}; ${TEMPLATE_HINT}`);
  });

  it("refuses an Fn::ForEach loop, whose resources it cannot expand", () => {
    const doc = {
      Transform: "AWS::LanguageExtensions",
      Resources: {
        "Fn::ForEach::Keys": ["Name", ["A", "B"], { "Key${Name}": { Type: "AWS::KMS::Key" } }],
      },
    };
    expect(inputErrorOf(() => read(doc)).message).toMatch(
      /^Resources\["Fn::ForEach::Keys"\]: Fn::ForEach loops \(AWS::LanguageExtensions\) are not expanded by this tool, so the resources they make cannot be checked; pass the processed template/,
    );
  });

  it("reads an Fn::If DeletionPolicy as Delete, with a warning, and null Properties as none", () => {
    const result = read({
      Resources: {
        Odd: { Type: "AWS::KMS::Key", DeletionPolicy: { "Fn::If": ["Prod", "Retain", "Delete"] } },
        NoProps: { Type: "AWS::SQS::Queue", Properties: null },
      },
    });
    expect(result.warnings).toEqual(["Resources.Odd.DeletionPolicy: an Fn::If; read as Delete"]);
    expect(result.stack.resources.get("Odd")?.deletionPolicy).toBe("Delete");
    expect(result.stack.resources.get("NoProps")?.properties).toEqual({});
    expect(rows(result.references)).toEqual([["key", "S/Odd", null, "@Odd"]]);
  });

  it("reads a CDK stack's template without Resources as an empty stack", () => {
    // The CDK writes none for a stack without resources (an integration test's assertion stack).
    for (const doc of [{}, { Parameters: {} }]) {
      const result = readTemplate(doc, "t.json", STACK, { source: "cdk-assembly" });
      expect(result.references).toEqual([]);
      expect(result.stack.resources.size).toBe(0);
    }
    expect(() =>
      readTemplate({ Resources: null }, "t.json", STACK, { source: "cdk-assembly" }),
    ).toThrow("Resources: expected an object of resources");
  });

  it("reads __proto__ logical ids and properties as data", () => {
    const doc = JSON.parse(
      '{"Resources": {"__proto__": {"Type": "AWS::KMS::Key"}, "R": {"Type": "AWS::IAM::Role", "Properties": {"__proto__": {"Ref": "__proto__"}}}}}',
    );
    expect(rows(read(doc).references)).toEqual([
      ["key", "S/__proto__", null, "@__proto__"],
      ["consumer", "S/R", "__proto__", "@__proto__"],
    ]);
    expect(({} as Record<string, unknown>).Ref).toBeUndefined();
  });

  it("refuses values nested deeper than it searches", () => {
    let value: unknown = { Ref: "K" };
    for (let i = 0; i < 100_000; i++) value = [value];
    const doc = {
      Resources: {
        K: { Type: "AWS::KMS::Key" },
        R: { Type: "AWS::IAM::Role", Properties: { Deep: value, Near: { Ref: "K" } } },
      },
    };
    expect(inputErrorOf(() => read(doc)).message).toBe(
      `Resources.R.Properties: values nested deeper than ${MAX_VALUE_DEPTH} levels, too deep to search for keys (templates nest a dozen); ${TEMPLATE_HINT}`,
    );
  });

  it("parses a deeply nested JSON template from text without a stack overflow, then refuses it", () => {
    const depth = 50_000;
    const text = `{"Resources":{"R":{"Type":"X","Properties":{"A":${"[".repeat(depth)}${"]".repeat(depth)}}}}}`;
    const parsed = parseTemplateText(text, "deep.json");
    expect(inputErrorOf(() => read(parsed.doc)).message).toMatch(
      /^Resources\.R\.Properties: values nested deeper than/,
    );
  });
});

describe("isCloudFormationTemplate", () => {
  it.each([
    [{ AWSTemplateFormatVersion: "2010-09-09" }, true],
    [{ Resources: {} }, true],
    [{ Resources: { K: { Type: "AWS::KMS::Key" } } }, true],
    // CDK outputs of a stack named Resources.
    // Every template has Resources: a broken one is refused, not read as CDK outputs.
    [{ Resources: { KeyArn: KEY } }, true],
    // A broken template: its reader names what is wrong.
    [{ Resources: [] }, true],
    [{ Resources: null }, true],
    [{ Resources: { K: null, Q: { Type: "AWS::SQS::Queue" } } }, true],
    // Without Resources, still a template by its other sections: refused by its reader.
    [{ Parameters: { P: { Type: "String" } }, Outputs: { O: { Value: 1 } } }, true],
    [{ Transform: "AWS::Serverless-2016-10-31" }, true],
    // CDK outputs of stacks named Outputs and Parameters.
    [{ Outputs: { Arn: KEY }, Parameters: { Name: "x" } }, false],
    [{ format_version: "1.2", resource_changes: [] }, false],
    [[], false],
    [null, false],
  ])("%j → %s", (doc, expected) => {
    expect(isCloudFormationTemplate(doc)).toBe(expected);
  });
});

describe("intrinsic helpers", () => {
  it.each([
    ["KmsKeyId", true],
    ["KMSMasterKeyID", true],
    ["KmsMasterKeyId", true],
    ["SSEKMSKeyId", true],
    ["KeyId", true],
    ["TargetKeyId", true],
    ["KeyArn", true],
    ["EncryptionKey", true],
    ["VolumeEncryptionKey", true],
    ["Name", false],
    ["Id", false],
    ["Key", false],
  ])("isKmsPropertyName(%s) is %s", (name, expected) => {
    expect(isKmsPropertyName(name)).toBe(expected);
  });

  it("lists the ${} names of a Fn::Sub string, not ${!literals}", () => {
    expect(subVariables("arn:${AWS::Partition}:x:${ Key.Arn }/${!Text}/${Bucket}")).toEqual([
      ["AWS::Partition", null],
      ["Key", "Arn"],
      ["Bucket", null],
    ]);
  });
});
