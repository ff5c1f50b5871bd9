/**
 * What the real aws-cdk-lib writes for keys named through intrinsic functions, read back
 * (issue 12): `kms.Alias.fromAliasName(this, 'x', 'alias/aws/sns')` on an SNS topic is an
 * Fn::Join of AWS::Partition, AWS::Region and AWS::AccountId; `kms.Key.fromKeyArn` of a
 * CfnParameter is a Ref to the parameter, whose Default is the key ARN.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceRows } from "../support/cdk/references.js";
import { presynthesizedApp, readAssembly, tempDir } from "../support/cdk/synth.js";

let work: { dir: string; remove: () => Promise<void> };
let assembly: string;

beforeAll(async () => {
  work = await tempDir("kul-cdk-intrinsics-");
  assembly = await presynthesizedApp("intrinsics", join(work.dir, "app"));
});
afterAll(async () => {
  await work.remove();
});

const QUEUE_KEY = "arn:aws:kms:eu-west-1:444455556666:key/0a1b2c3d-0000-4000-8000-000000000004";

describe("a synthesized app naming keys through intrinsic functions", () => {
  it("reads the SNS topic's AWS-managed alias and the queue's parameter key, per stack environment", async () => {
    const { references } = await readAssembly(assembly);
    expect(referenceRows(references)).toEqual([
      ["consumer", "AgnosticStack/Topic/Resource", "KmsMasterKeyId", "alias/aws/sns@?"],
      ["consumer", "AgnosticStack/Queue/Resource", "KmsMasterKeyId", QUEUE_KEY],
      [
        "consumer",
        "PlacedStack/Topic/Resource",
        "KmsMasterKeyId",
        "arn:aws:kms:us-east-1:111122223333:alias/aws/sns",
      ],
      ["consumer", "PlacedStack/Queue/Resource", "KmsMasterKeyId", QUEUE_KEY],
    ]);
  });
});
