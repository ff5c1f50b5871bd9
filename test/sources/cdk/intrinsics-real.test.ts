/**
 * Real assemblies and templates whose keys are named through intrinsic
 * functions (issue 12): aws-solutions-constructs integ snapshots, where the
 * CDK writes an AWS-managed key's alias ARN as an `Fn::Join` of
 * `AWS::Partition`, `AWS::Region` and `AWS::AccountId` in environment-agnostic
 * stacks, and an aws-cdk one importing a key from a stack that is not read.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCloudAssembly } from "../../../src/sources/cdk/assembly.js";
import { parseTemplateText } from "../../../src/sources/cdk/cfn-yaml.js";
import { ParameterOverrides } from "../../../src/sources/cdk/parameters.js";
import { readTemplate } from "../../../src/sources/cdk/template.js";
import { nodeSourceFiles } from "../../../src/sources/repo.js";
import { type ReferenceRow, referenceRows } from "../../support/cdk/references.js";

const FIXTURES = new URL("../../fixtures/", import.meta.url).pathname;

// Read by hand from each template: every KMS key, alias, consumer and output.
const ASSEMBLIES: Record<string, ReferenceRow[]> = {
  // An SNS topic with the default AWS-managed key, and the Lambda role's grant
  // to use it, by a kms:ResourceAliases condition.
  asc_lamsns_deploy_function: [
    [
      "consumer",
      "lamsns-deployFunction/test-lambda-sns/LambdaFunctionServiceRole/DefaultPolicy/Resource",
      'PolicyDocument.Statement[1].Condition["ForAnyValue:StringEquals"]["kms:ResourceAliases"]',
      "alias/aws/sns@?",
    ],
    [
      "consumer",
      "lamsns-deployFunction/test-lambda-sns/SnsTopic/Resource",
      "KmsMasterKeyId",
      "alias/aws/sns@?",
    ],
  ],
  // A Firehose delivery stream encrypting with the AWS-managed S3 key.
  asc_fhss3_no_arguments: [
    [
      "consumer",
      "fhss3-no-arguments/test-firehose-s3/KinesisFirehose",
      "ExtendedS3DestinationConfiguration.EncryptionConfiguration.KMSEncryptionConfig.AWSKMSKeyARN",
      "alias/aws/s3@?",
    ],
  ],
  // A Kinesis stream's key written as a bare alias name; a Glue security configuration's as an Fn::Join ARN.
  asc_kinglu_no_arguments: [
    [
      "consumer",
      "kinglu-no-arguments/test-kinesisstreams-lambda/KinesisStream/Resource",
      "StreamEncryption.KeyId",
      "alias/aws/kinesis@?",
    ],
    [
      "consumer",
      "kinglu-no-arguments/test-kinesisstreams-lambda/GlueSecurityConfig",
      "EncryptionConfiguration.JobBookmarksEncryption.KmsKeyArn",
      "alias/aws/glue@?",
    ],
  ],
  // A customer managed key for the queue, the AWS-managed ones for the topic and the dead-letter queue.
  asc_snssqs_sns_managed_key: [
    [
      "key",
      "snssqs-sns-managed-kms-key/ImportedSQSEncryptionKey/Resource",
      null,
      "@snssqs-sns-managed-kms-key/ImportedSQSEncryptionKey29533C9A",
    ],
    [
      "consumer",
      "snssqs-sns-managed-kms-key/test-sns-sqs/SnsTopic/Resource",
      "KmsMasterKeyId",
      "alias/aws/sns@?",
    ],
    [
      "consumer",
      "snssqs-sns-managed-kms-key/test-sns-sqs/queue-dlq/Resource",
      "KmsMasterKeyId",
      "alias/aws/sqs@?",
    ],
    [
      "consumer",
      "snssqs-sns-managed-kms-key/test-sns-sqs/queue/Resource",
      "KmsMasterKeyId",
      "@snssqs-sns-managed-kms-key/ImportedSQSEncryptionKey29533C9A",
    ],
  ],
  asc_s3sns_aws_managed_key: [
    [
      "consumer",
      "s3sns-snsTopicWithAwsManagedKey/test-s3-sns/SnsTopic/Resource",
      "KmsMasterKeyId",
      "alias/aws/sns@?",
    ],
  ],
};

describe("real assemblies naming keys through intrinsic functions", () => {
  it.each(Object.entries(ASSEMBLIES))("%s", async (name, expected) => {
    const assembly = await readCloudAssembly(`${FIXTURES}cdk-assembly/${name}`, nodeSourceFiles());
    expect(assembly.warnings).toEqual([]);
    expect(assembly.notes).toEqual([]);
    expect(referenceRows(assembly.references)).toEqual(expected);
  });

  it("names the alias ARN in the stack's environment when --parameter gives one", async () => {
    const parameters = new ParameterOverrides([
      { stack: "s3sns-snsTopicWithAwsManagedKey", name: "AWS::Region", value: "eu-west-1" },
      { stack: "s3sns-snsTopicWithAwsManagedKey", name: "AWS::AccountId", value: "111122223333" },
    ]);
    const assembly = await readCloudAssembly(
      `${FIXTURES}cdk-assembly/asc_s3sns_aws_managed_key`,
      nodeSourceFiles(),
      { parameters },
    );
    expect(referenceRows(assembly.references).map((row) => row[3])).toEqual([
      "arn:aws:kms:eu-west-1:111122223333:alias/aws/sns",
    ]);
    parameters.checkAllApplied();
  });

  // One stack of a two-stack app, kept outside cfn-templates/: a template whose only
  // section is a one-resource Resources reads, once that resource is broken
  // (`"x"`), as CDK deploy outputs of a stack named "Resources" (content detection's
  // ambiguity), which the malformed-input table over cfn-templates/ would flag.
  it("notes the import of a key from a stack no input has (aws-cdk key-sharing)", () => {
    const file = "cfn-templates/awscdk_kms_key_sharing_use_stack.template.json";
    const { doc } = parseTemplateText(readFileSync(FIXTURES + file, "utf8"), file);
    const result = readTemplate(doc, file, { name: "UseStack", account: null, region: null });
    expect(result.references).toEqual([]);
    expect(result.warnings).toEqual([
      "Resources.Alias325C5727: the alias's TargetKeyId names no key this template declares or writes out (a parameter or an expression); skipped",
    ]);
    expect(result.notes).toEqual([
      'Fn::ImportValue "KeyStack:ExportsOutputFnGetAttMyKey6AB29FA6Arn4FA82736": no stack among the inputs exports it, so the key it may name is left unresolved',
    ]);
  });
});
