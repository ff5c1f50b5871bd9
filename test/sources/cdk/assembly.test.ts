import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError, type KeyReference, type KeyTarget } from "../../../src/model.js";
import {
  isCloudAssemblyDir,
  MAX_ASSEMBLY_DEPTH,
  MAX_NESTED_STACK_DEPTH,
  MAX_NESTED_STACKS,
  NEWEST_MANIFEST_MAJOR,
  parseEnvironment,
  readCloudAssembly,
} from "../../../src/sources/cdk/assembly.js";
import type { StackModel } from "../../../src/sources/cdk/stack.js";
import { nodeSourceFiles, type SourceFiles } from "../../../src/sources/repo.js";
import { fixtureApp, presynthesizedApp, tempDir } from "../../support/cdk/synth.js";

const FIXTURES = fileURLToPath(new URL("../../fixtures/cdk-assembly/", import.meta.url));
const CDK_APP = join(fixtureApp("assembly"), "cdk-app.mjs");
const files = nodeSourceFiles();

/** A target, short: `@Stack/LogicalId` for a stack resource, else its ARN or name. */
function short(target: KeyTarget): string {
  switch (target.kind) {
    case "stack-resource":
      return `@${target.stack}/${target.logicalId}`;
    case "arn":
      return target.arn;
    case "alias":
      return target.arn ?? target.name;
    case "key-id":
      return target.keyId;
    case "planned":
      return target.address;
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

type StackRow = [
  name: string,
  artifactId: string,
  account: string | null,
  region: string | null,
  template: string,
];

function stackRows(stacks: StackModel[], dir: string): StackRow[] {
  return stacks.map((stack) => [
    stack.name,
    stack.artifactId,
    stack.account,
    stack.region,
    stack.templateFile.slice(dir.length),
  ]);
}

/** Each KMS resource: logical id, type, DeletionPolicy, construct path. */
function kmsResources(stacks: StackModel[]): [string, string, string, string | null][] {
  return stacks.flatMap((stack) =>
    [...stack.resources.values()]
      .filter((resource) => resource.type.startsWith("AWS::KMS::"))
      .map((r): [string, string, string, string | null] => [
        r.logicalId,
        r.type,
        r.deletionPolicy,
        r.constructPath,
      ]),
  );
}

async function inputErrorOf(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

/** Files in memory: a path → text map; directories are the prefixes of its paths. */
function memoryFiles(contents: Record<string, string>): SourceFiles {
  return {
    readText: async (path) => contents[path] ?? null,
    list: async (dir) => {
      const prefix = `${dir}/`;
      const names = Object.keys(contents)
        .filter((path) => path.startsWith(prefix))
        .map((path) => path.slice(prefix.length).split("/")[0] ?? "");
      return names.length === 0 ? null : [...new Set(names)];
    },
  };
}

const MANIFEST_HINT =
  "this is not a manifest as the CDK writes it: synthesize the assembly again (cdk synth)";
const METADATA_HINT =
  "this is not construct metadata as the CDK writes it: synthesize the assembly again (cdk synth)";
const CDK_TEMPLATE_HINT =
  "this is not a template as the CDK writes it: synthesize the assembly again (cdk synth)";

const SNS_SQS_TWO = "snssqs-allow-two-instances";
const MIXED = "snssqs-old-rawMessageDelivery";
const LONG =
  "evtsnslongstacknameThisIsTheLongestNameForAStackItMustBeGreaCharactersLongAndThisShouldJustAboutDoItNoItMustBeABitLongerEB7CA918";
const LONG_PATH =
  "evtsns-long-stack-nameThisIsTheLongestNameForAStackItMustBeGreaterThanSixtyFourCharactersLongAndThisShouldJustAboutDoItNoItMustBeABitLonger";

interface FixtureCase {
  stacks: StackRow[];
  kms: [string, string, string, string | null][];
  references: Row[];
}

// Read by hand from each assembly's manifest and templates. The integ
// snapshots (manifest 36) keep construct metadata in manifest.json.
const EXPECTED: Record<string, FixtureCase> = {
  asc_evtsns_long_stack_name: {
    stacks: [
      [
        "evtsnslongstacknameThisIsTheLongestNameForAStackItMustBeGreaustAboutDoItNoItMustBeABitLongerIntegDefaultTestDeployAssertF2297F22",
        "evtsnslongstacknameThisIsTheLongestNameForAStackItMustBeGreaustAboutDoItNoItMustBeABitLongerIntegDefaultTestDeployAssertF2297F22",
        null,
        null,
        "evtsnslongstacknameThisIsTheLongestNameForAStackItMustBeGreaustAboutDoItNoItMustBeABitLongerIntegDefaultTestDeployAssertF2297F22.template.json",
      ],
      [LONG, LONG, null, null, `${LONG}.template.json`],
    ],
    kms: [
      [
        "testconstructEncryptionKey6153B053",
        "AWS::KMS::Key",
        "Retain",
        `${LONG_PATH}/test-construct/EncryptionKey/Resource`,
      ],
      [
        "secondconstructEncryptionKey6A63A25A",
        "AWS::KMS::Key",
        "Retain",
        `${LONG_PATH}/second-construct/EncryptionKey/Resource`,
      ],
    ],
    references: [
      [
        "key",
        `${LONG_PATH}/test-construct/EncryptionKey/Resource`,
        null,
        `@${LONG}/testconstructEncryptionKey6153B053`,
      ],
      [
        "consumer",
        `${LONG_PATH}/test-construct/SnsTopic/Resource`,
        "KmsMasterKeyId",
        `@${LONG}/testconstructEncryptionKey6153B053`,
      ],
      [
        "key",
        `${LONG_PATH}/second-construct/EncryptionKey/Resource`,
        null,
        `@${LONG}/secondconstructEncryptionKey6A63A25A`,
      ],
      [
        "consumer",
        `${LONG_PATH}/second-construct/SnsTopic/Resource`,
        "KmsMasterKeyId",
        `@${LONG}/secondconstructEncryptionKey6A63A25A`,
      ],
    ],
  },
  asc_facsqs_existing_key: {
    stacks: [
      [
        "facsqsexistingkeyIntegDefaultTestDeployAssert5E8CCCEA",
        "facsqsexistingkeyIntegDefaultTestDeployAssert5E8CCCEA",
        null,
        null,
        "facsqsexistingkeyIntegDefaultTestDeployAssert5E8CCCEA.template.json",
      ],
      [
        "facsqs-existing-key",
        "facsqs-existing-key",
        null,
        null,
        "facsqs-existing-key.template.json",
      ],
    ],
    kms: [["testkey784D0285", "AWS::KMS::Key", "Delete", "facsqs-existing-key/test-key/Resource"]],
    references: [
      [
        "key",
        "facsqs-existing-key/test-key/Resource",
        null,
        "@facsqs-existing-key/testkey784D0285",
      ],
      // The dead-letter queue uses the AWS managed key, by its alias name.
      [
        "consumer",
        "facsqs-existing-key/target/testQueue-dlq/Resource",
        "KmsMasterKeyId",
        "alias/aws/sqs",
      ],
      [
        "consumer",
        "facsqs-existing-key/target/testQueue/Resource",
        "KmsMasterKeyId",
        "@facsqs-existing-key/testkey784D0285",
      ],
    ],
  },
  asc_snssqs_mixed_retain_delete: {
    stacks: [
      [
        "snssqsoldrawMessageDeliveryIntegDefaultTestDeployAssertDD9E2E53",
        "snssqsoldrawMessageDeliveryIntegDefaultTestDeployAssertDD9E2E53",
        null,
        null,
        "snssqsoldrawMessageDeliveryIntegDefaultTestDeployAssertDD9E2E53.template.json",
      ],
      [MIXED, MIXED, null, null, `${MIXED}.template.json`],
    ],
    kms: [
      [
        "ImportedSQSEncryptionKey29533C9A",
        "AWS::KMS::Key",
        "Delete",
        `${MIXED}/ImportedSQSEncryptionKey/Resource`,
      ],
      [
        "testsnssqsstackKeyCECC9471",
        "AWS::KMS::Key",
        "Retain",
        `${MIXED}/'test-sns-sqs-stackKey'/Resource`,
      ],
    ],
    references: [
      [
        "key",
        `${MIXED}/ImportedSQSEncryptionKey/Resource`,
        null,
        `@${MIXED}/ImportedSQSEncryptionKey29533C9A`,
      ],
      [
        "consumer",
        `${MIXED}/existing-dlq-obj/Resource`,
        "KmsMasterKeyId",
        `@${MIXED}/ImportedSQSEncryptionKey29533C9A`,
      ],
      [
        "consumer",
        `${MIXED}/test-sns-sqs-stack/SnsTopic/Resource`,
        "KmsMasterKeyId",
        `@${MIXED}/testsnssqsstackKeyCECC9471`,
      ],
      [
        "consumer",
        `${MIXED}/test-sns-sqs-stack/queue-dlq/Resource`,
        "KmsMasterKeyId",
        "alias/aws/sqs",
      ],
      [
        "consumer",
        `${MIXED}/test-sns-sqs-stack/queue/Resource`,
        "KmsMasterKeyId",
        `@${MIXED}/testsnssqsstackKeyCECC9471`,
      ],
      [
        "key",
        `${MIXED}/'test-sns-sqs-stackKey'/Resource`,
        null,
        `@${MIXED}/testsnssqsstackKeyCECC9471`,
      ],
    ],
  },
  asc_snssqs_two_instances: {
    stacks: [
      [
        "snssqsallowtwoinstancesIntegDefaultTestDeployAssertC014EB6B",
        "snssqsallowtwoinstancesIntegDefaultTestDeployAssertC014EB6B",
        null,
        null,
        "snssqsallowtwoinstancesIntegDefaultTestDeployAssertC014EB6B.template.json",
      ],
      [SNS_SQS_TWO, SNS_SQS_TWO, null, null, `${SNS_SQS_TWO}.template.json`],
    ],
    kms: [
      [
        "testsnssqsstacktopicKeyCC048007",
        "AWS::KMS::Key",
        "Delete",
        `${SNS_SQS_TWO}/'test-sns-sqs-stacktopicKey'/Resource`,
      ],
      [
        "testsnssqsstackqueueKey4F05EC55",
        "AWS::KMS::Key",
        "Delete",
        `${SNS_SQS_TWO}/'test-sns-sqs-stackqueueKey'/Resource`,
      ],
      [
        "testsnssqsstacktwotopicKey0816517A",
        "AWS::KMS::Key",
        "Delete",
        `${SNS_SQS_TWO}/'test-sns-sqs-stack-twotopicKey'/Resource`,
      ],
      [
        "testsnssqsstacktwoqueueKey405E8188",
        "AWS::KMS::Key",
        "Delete",
        `${SNS_SQS_TWO}/'test-sns-sqs-stack-twoqueueKey'/Resource`,
      ],
    ],
    references: [
      [
        "consumer",
        `${SNS_SQS_TWO}/test-sns-sqs-stack/SnsTopic/Resource`,
        "KmsMasterKeyId",
        `@${SNS_SQS_TWO}/testsnssqsstacktopicKeyCC048007`,
      ],
      [
        "consumer",
        `${SNS_SQS_TWO}/test-sns-sqs-stack/queue-dlq/Resource`,
        "KmsMasterKeyId",
        "alias/aws/sqs",
      ],
      [
        "consumer",
        `${SNS_SQS_TWO}/test-sns-sqs-stack/queue/Resource`,
        "KmsMasterKeyId",
        `@${SNS_SQS_TWO}/testsnssqsstackqueueKey4F05EC55`,
      ],
      [
        "key",
        `${SNS_SQS_TWO}/'test-sns-sqs-stacktopicKey'/Resource`,
        null,
        `@${SNS_SQS_TWO}/testsnssqsstacktopicKeyCC048007`,
      ],
      [
        "key",
        `${SNS_SQS_TWO}/'test-sns-sqs-stackqueueKey'/Resource`,
        null,
        `@${SNS_SQS_TWO}/testsnssqsstackqueueKey4F05EC55`,
      ],
      [
        "consumer",
        `${SNS_SQS_TWO}/test-sns-sqs-stack-two/SnsTopic/Resource`,
        "KmsMasterKeyId",
        `@${SNS_SQS_TWO}/testsnssqsstacktwotopicKey0816517A`,
      ],
      [
        "consumer",
        `${SNS_SQS_TWO}/test-sns-sqs-stack-two/queue-dlq/Resource`,
        "KmsMasterKeyId",
        "alias/aws/sqs",
      ],
      [
        "consumer",
        `${SNS_SQS_TWO}/test-sns-sqs-stack-two/queue/Resource`,
        "KmsMasterKeyId",
        `@${SNS_SQS_TWO}/testsnssqsstacktwoqueueKey405E8188`,
      ],
      [
        "key",
        `${SNS_SQS_TWO}/'test-sns-sqs-stack-twotopicKey'/Resource`,
        null,
        `@${SNS_SQS_TWO}/testsnssqsstacktwotopicKey0816517A`,
      ],
      [
        "key",
        `${SNS_SQS_TWO}/'test-sns-sqs-stack-twoqueueKey'/Resource`,
        null,
        `@${SNS_SQS_TWO}/testsnssqsstacktwoqueueKey405E8188`,
      ],
    ],
  },
  awscdk_kms_key_multi_region: {
    stacks: [
      [
        "KmsKeyMultiRegionStack",
        "KmsKeyMultiRegionStack",
        null,
        null,
        "KmsKeyMultiRegionStack.template.json",
      ],
      [
        "kmskeymultiregionDefaultTestDeployAssert5D62E49E",
        "kmskeymultiregionDefaultTestDeployAssert5D62E49E",
        null,
        null,
        "kmskeymultiregionDefaultTestDeployAssert5D62E49E.template.json",
      ],
    ],
    kms: [["keyFEDD6EC0", "AWS::KMS::Key", "Retain", "KmsKeyMultiRegionStack/key/Resource"]],
    references: [
      ["key", "KmsKeyMultiRegionStack/key/Resource", null, "@KmsKeyMultiRegionStack/keyFEDD6EC0"],
    ],
  },
  awscdk_kms_key_v20: {
    stacks: [["aws-cdk-kms-1", "aws-cdk-kms-1", null, null, "aws-cdk-kms-1.template.json"]],
    kms: [
      ["MyKey6AB29FA6", "AWS::KMS::Key", "Delete", "aws-cdk-kms-1/MyKey/Resource"],
      ["MyKeyAlias1B45D9DA", "AWS::KMS::Alias", "Delete", "aws-cdk-kms-1/MyKey/Alias/Resource"],
      ["AsymmetricKey26BBC514", "AWS::KMS::Key", "Delete", "aws-cdk-kms-1/AsymmetricKey/Resource"],
    ],
    references: [
      ["key", "aws-cdk-kms-1/MyKey/Resource", null, "@aws-cdk-kms-1/MyKey6AB29FA6"],
      [
        "alias",
        "aws-cdk-kms-1/MyKey/Alias/Resource",
        "TargetKeyId",
        "@aws-cdk-kms-1/MyKey6AB29FA6",
        "alias/bar",
      ],
      ["key", "aws-cdk-kms-1/AsymmetricKey/Resource", null, "@aws-cdk-kms-1/AsymmetricKey26BBC514"],
    ],
  },
  // Manifest 0.36.0 (CDK v1): no stackName (the artifact id is the name), an empty template.
  "cli_legacy_0.36.0": {
    stacks: [["InitStack", "InitStack", null, null, "InitStack.template.json"]],
    kms: [],
    references: [],
  },
  // Manifest 0.0.0, stages in stages; the top level's template is a 0-byte
  // file in the fixture (see below), so this reads the nested assembly.
  "cli_nested_assemblies_fixture/subassembly": {
    stacks: [
      ["second-stack", "stack2", "37736633", "us-region-1", "subsubassembly/template.2.json"],
      ["first-stack", "stack1", "37736633", "us-region-1", "template.json"],
    ],
    kms: [],
    references: [],
  },
};

describe("cloud assembly fixtures", () => {
  it.each(Object.entries(EXPECTED))("%s", async (name, expected) => {
    const dir = join(FIXTURES, name);
    const assembly = await readCloudAssembly(dir, files);
    expect(assembly.warnings).toEqual([]);
    expect(stackRows(assembly.stacks, `${dir}/`)).toEqual(expected.stacks);
    expect(kmsResources(assembly.stacks)).toEqual(expected.kms);
    expect(rows(assembly.references)).toEqual(expected.references);
    for (const ref of assembly.references) {
      expect(ref.source).toBe("cdk-assembly");
      expect(assembly.stacks.map((stack) => stack.templateFile)).toContain(ref.file);
      expect(ref.file.startsWith(dir)).toBe(true);
    }
  });

  it("refuses the nested-assemblies fixture: its top-level template is a 0-byte file", async () => {
    const dir = join(FIXTURES, "cli_nested_assemblies_fixture");
    const err = await inputErrorOf(() => readCloudAssembly(dir, files));
    expect(err.describe()).toBe(
      `${join(dir, "topLevelStack.template.json")}: the file is empty; expected a CloudFormation template (JSON)`,
    );
  });

  it("reads the whole nested-assemblies tree once the top template is a template", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kul-nested-"));
    try {
      cpSync(join(FIXTURES, "cli_nested_assemblies_fixture"), dir, { recursive: true });
      writeFileSync(join(dir, "topLevelStack.template.json"), "{}");
      const assembly = await readCloudAssembly(dir, files);
      expect(stackRows(assembly.stacks, `${dir}/`)).toEqual([
        [
          "second-stack",
          "stack2",
          "37736633",
          "us-region-1",
          "subassembly/subsubassembly/template.2.json",
        ],
        ["first-stack", "stack1", "37736633", "us-region-1", "subassembly/template.json"],
        [
          "topLevelStack",
          "topLevelStack",
          "111111111111",
          "us-east-1",
          "topLevelStack.template.json",
        ],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has the multi-Region snapshot's assertion template byte for byte (its SHA-256 is in the manifest)", () => {
    const dir = join(FIXTURES, "awscdk_kms_key_multi_region");
    const manifest = readFileSync(join(dir, "manifest.json"), "utf8");
    for (const template of [
      "KmsKeyMultiRegionStack.template.json",
      "kmskeymultiregionDefaultTestDeployAssert5D62E49E.template.json",
    ]) {
      const hash = createHash("sha256")
        .update(readFileSync(join(dir, template)))
        .digest("hex");
      expect(manifest).toContain(`${hash}.json`);
    }
  });

  it("knows a cloud assembly directory when it sees one", async () => {
    expect(await isCloudAssemblyDir(join(FIXTURES, "awscdk_kms_key_v20"), files)).toBe(true);
    expect(
      await isCloudAssemblyDir(join(FIXTURES, "cli_nested_assemblies_fixture/subassembly"), files),
    ).toBe(true);
    expect(await isCloudAssemblyDir(FIXTURES, files)).toBe(false);
    expect(await isCloudAssemblyDir(join(FIXTURES, "missing"), files)).toBe(false);
    const memory = memoryFiles({
      "a/manifest.json": '{"version": "1.0.0"}',
      "b/manifest.json": "{not json",
      "c/manifest.json": '{"version": "55.0.0", "artifacts": {}}',
    });
    expect(await isCloudAssemblyDir("a", memory)).toBe(false);
    expect(await isCloudAssemblyDir("b", memory)).toBe(false);
    expect(await isCloudAssemblyDir("c", memory)).toBe(true);
  });
});

describe("an assembly synthesized by aws-cdk-lib (manifest 55)", () => {
  let work: { dir: string; remove: () => Promise<void> } | null = null;
  let outdir = "";
  const appLines = readFileSync(CDK_APP, "utf8").split("\n");
  /** The 1-based line of cdk-app.mjs that makes the construct `id`. */
  const lineOf = (id: string) => appLines.findIndex((line) => line.includes(`"${id}"`)) + 1;

  beforeAll(async () => {
    work = await tempDir("kul-cdk-");
    outdir = await presynthesizedApp("assembly", join(work.dir, "app"));
  });

  afterAll(async () => {
    await work?.remove();
  });

  const read = () => readCloudAssembly(outdir, files);
  const stack = (stacks: StackModel[], name: string): StackModel => {
    const found = stacks.find((s) => s.name === name);
    if (found === undefined) throw new Error(`no stack ${name}`);
    return found;
  };

  it("is manifest 55, with construct metadata only in <Stack>.metadata.json", () => {
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
    expect(manifest.version).toBe(`${NEWEST_MANIFEST_MAJOR}.0.0`);
    expect(manifest.artifacts.DataStack.additionalMetadataFile).toBe("DataStack.metadata.json");
    expect(manifest.artifacts.DataStack.metadata).toBeUndefined();
    expect(readFileSync(join(outdir, "DataStack.template.json"), "utf8")).not.toContain(
      "aws:cdk:path",
    );
  });

  it("reads every stack: the app's, the stage's (a nested assembly) and the nested stack", async () => {
    const { stacks, warnings } = await read();
    expect(warnings).toEqual([]);
    expect(
      stacks.map((s) => [
        s.name,
        s.account,
        s.region,
        s.templateFile.slice(outdir.length + 1),
        s.parent,
      ]),
    ).toEqual([
      [
        "Prod-Keys",
        "444455556666",
        "eu-west-1",
        "assembly-Prod/ProdKeys76E19F6C.template.json",
        null,
      ],
      [
        "Prod-Users",
        "444455556666",
        "eu-west-1",
        "assembly-Prod/ProdUsersF622DE78.template.json",
        null,
      ],
      ["DataStack", "111122223333", "us-east-1", "DataStack.template.json", null],
      [
        "DataStack-InnerNestedStackInnerNestedStackResource745E041B",
        "111122223333",
        "us-east-1",
        "DataStackInner055910A5.nested.template.json",
        {
          stack: "DataStack",
          logicalId: "InnerNestedStackInnerNestedStackResource745E041B",
          parent: null,
        },
      ],
    ]);
    expect(stack(stacks, "Prod-Keys").artifactId).toBe("ProdKeys76E19F6C");
    expect(
      stack(stacks, "DataStack-InnerNestedStackInnerNestedStackResource745E041B").artifactId,
    ).toBe("DataStack/InnerNestedStackInnerNestedStackResource745E041B");
  });

  it("reads each key with its removal policy, window, state and multi-Region setting", async () => {
    const { stacks } = await read();
    expect(kmsResources(stacks)).toEqual([
      ["StageKey93D93A71", "AWS::KMS::Key", "Retain", "Prod/Keys/StageKey/Resource"],
      ["DataKey17AFBB84", "AWS::KMS::Key", "Delete", "DataStack/DataKey/Resource"],
      ["DataKeyAliasF989EB84", "AWS::KMS::Alias", "Delete", "DataStack/DataKey/Alias/Resource"],
      ["RetainKeyEE664E09", "AWS::KMS::Key", "Retain", "DataStack/RetainKey/Resource"],
      ["GlobalKeyDFFCA1BD", "AWS::KMS::Key", "Retain", "DataStack/GlobalKey/Resource"],
      ["GlobalReplica", "AWS::KMS::ReplicaKey", "Delete", "DataStack/GlobalReplica"],
      ["InnerKeyAAF5645E", "AWS::KMS::Key", "Delete", "DataStack/Inner/InnerKey/Resource"],
    ]);
    const data = stack(stacks, "DataStack").resources;
    expect(data.get("DataKey17AFBB84")?.properties.PendingWindowInDays).toBe(7);
    expect(data.get("GlobalKeyDFFCA1BD")?.properties.MultiRegion).toBe(true);
    expect(stack(stacks, "Prod-Keys").resources.get("StageKey93D93A71")?.properties.Enabled).toBe(
      false,
    );
  });

  it("gives each construct the creation stack from the metadata file, down to the app's line", async () => {
    const { stacks } = await read();
    const frames = (name: string, logicalId: string) =>
      stack(stacks, name).resources.get(logicalId)?.creationStack ?? [];
    const at = (id: string) =>
      expect.stringMatching(new RegExp(`cdk-app\\.mjs:${lineOf(id)}:\\d+\\)$`));
    expect(frames("DataStack", "DataKey17AFBB84")).toContainEqual(at("DataKey"));
    expect(frames("DataStack", "RetainKeyEE664E09")).toContainEqual(at("RetainKey"));
    expect(frames("DataStack", "GlobalReplica")).toContainEqual(at("GlobalReplica"));
    expect(frames("DataStack", "DataBucketE3889A50")).toContainEqual(at("DataBucket"));
    expect(
      frames("DataStack-InnerNestedStackInnerNestedStackResource745E041B", "InnerKeyAAF5645E"),
    ).toContainEqual(at("InnerKey"));
    expect(frames("Prod-Keys", "StageKey93D93A71")).toContainEqual(at("StageKey"));
  });

  it("finds the keys, the alias, the consumers (across stacks too) and the outputs", async () => {
    const { references } = await read();
    expect(rows(references)).toEqual([
      ["key", "Prod/Keys/StageKey/Resource", null, "@Prod-Keys/StageKey93D93A71"],
      // The export the CDK makes for the cross-stack reference.
      [
        "output",
        "Prod-Keys/Outputs/ExportsOutputFnGetAttStageKey93D93A71ArnA6E4E124",
        null,
        "@Prod-Keys/StageKey93D93A71",
      ],
      // Fn::ImportValue of that export, in the stage's other stack.
      [
        "consumer",
        "Prod/Users/UserBucket/Resource",
        "BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID",
        "@Prod-Keys/StageKey93D93A71",
      ],
      ["key", "DataStack/DataKey/Resource", null, "@DataStack/DataKey17AFBB84"],
      [
        "alias",
        "DataStack/DataKey/Alias/Resource",
        "TargetKeyId",
        "@DataStack/DataKey17AFBB84",
        "alias/data",
      ],
      ["key", "DataStack/RetainKey/Resource", null, "@DataStack/RetainKeyEE664E09"],
      [
        "consumer",
        "DataStack/DataBucket/Resource",
        "BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID",
        "@DataStack/DataKey17AFBB84",
      ],
      ["key", "DataStack/GlobalKey/Resource", null, "@DataStack/GlobalKeyDFFCA1BD"],
      ["key", "DataStack/GlobalReplica", null, "@DataStack/GlobalReplica"],
      // The nested stack resource passes the key in as a parameter…
      [
        "consumer",
        "DataStack/Inner.NestedStack/Inner.NestedStackResource",
        "Parameters.referencetoDataStackDataKey7C173783Arn",
        "@DataStack/DataKey17AFBB84",
      ],
      ["output", "DataStack/Outputs/DataKeyArn", null, "@DataStack/DataKey17AFBB84"],
      [
        "key",
        "DataStack/Inner/InnerKey/Resource",
        null,
        "@DataStack-InnerNestedStackInnerNestedStackResource745E041B/InnerKeyAAF5645E",
      ],
      // …and the bucket in the nested stack that uses it is found through that parameter.
      [
        "consumer",
        "DataStack/Inner/InnerBucket/Resource",
        "BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID",
        "@DataStack/DataKey17AFBB84",
      ],
    ]);
    const dataKey = references.find((ref) => ref.address === "DataStack/DataKey/Resource");
    expect(dataKey?.file).toBe(join(outdir, "DataStack.template.json"));
    expect(dataKey?.target).toEqual({
      kind: "stack-resource",
      stack: "DataStack",
      region: "us-east-1",
      account: "111122223333",
      logicalId: "DataKey17AFBB84",
    });
  });
});

describe("nested stacks of one class, synthesized by aws-cdk-lib", () => {
  let work: { dir: string; remove: () => Promise<void> } | null = null;
  let outdir = "";
  beforeAll(async () => {
    work = await tempDir("nested-class");
    outdir = await presynthesizedApp("pipeline/base", work.dir);
  });
  afterAll(async () => {
    await work?.remove();
  });

  const tenants = async () => {
    const { stacks, references, warnings } = await readCloudAssembly(outdir, files);
    expect(warnings).toEqual([]);
    return {
      stacks: stacks.filter((s) => s.parent?.stack === "Tenants").map((s) => s.parent?.logicalId),
      keys: references
        .filter((r) => r.kind === "key" && r.address?.startsWith("Tenants/"))
        .map((r) => [r.address, short(r.target).replace(/NestedStack.*\//, "/")]),
    };
  };
  const expected = {
    stacks: [
      "TenantANestedStackTenantANestedStackResource03C2D29D",
      "TenantBNestedStackTenantBNestedStackResource36621A2A",
    ],
    keys: [
      ["Tenants/TenantA/TenantKey/Resource", "@Tenants-TenantA/TenantKey8692782D"],
      ["Tenants/TenantB/TenantKey/Resource", "@Tenants-TenantB/TenantKey8692782D"],
    ],
  };

  it("reads each, by the template file the construct metadata names for it", async () => {
    expect(await tenants()).toEqual(expected);
  });

  it("reads each when both are found by their TemplateURL: one asset, one template file for two stacks", async () => {
    // Without the metadata's aws:cdk:templateFile, a TemplateURL names its template by the
    // asset's hash, and the asset manifest lists the identical templates once.
    const assets = JSON.parse(readFileSync(join(outdir, "Tenants.assets.json"), "utf8"));
    const nested = Object.values(assets.files as Record<string, { source: { path: string } }>)
      .map((asset) => asset.source.path)
      .filter((path) => path.endsWith(".nested.template.json"));
    expect(nested).toHaveLength(1);
    const metadataFile = join(outdir, "Tenants.metadata.json");
    const metadata = JSON.parse(readFileSync(metadataFile, "utf8")) as Record<
      string,
      { type: string; data: unknown }[]
    >;
    for (const [path, entries] of Object.entries(metadata)) {
      metadata[path] = entries.filter(
        (e) => !(e.type === "aws:cdk:templateFile" && String(e.data).includes(".nested.")),
      );
    }
    writeFileSync(metadataFile, JSON.stringify(metadata));
    const { stacks } = await readCloudAssembly(outdir, files);
    const templates = new Set(
      stacks.filter((s) => s.parent !== null).map((s) => s.templateFile.slice(outdir.length + 1)),
    );
    expect(templates).toEqual(new Set(nested));
    expect(await tenants()).toEqual(expected);
  });
});

describe("readCloudAssembly: metadata in older and other shapes", () => {
  const key = { Type: "AWS::KMS::Key", Properties: {} };

  it("reads creation stacks from a v1 manifest's per-entry trace", async () => {
    const memory = memoryFiles({
      "out/manifest.json": JSON.stringify({
        version: "5.0.0",
        artifacts: {
          S: {
            type: "aws:cloudformation:stack",
            environment: "aws://111122223333/us-east-1",
            properties: { templateFile: "S.template.json" },
            metadata: {
              "/S/Key/Resource": [
                { type: "aws:cdk:logicalId", data: "Key1", trace: ["new Key (/app/lib/s.ts:9:5)"] },
              ],
              "/S/Other": [{ type: "aws:cdk:warning", data: "x" }],
            },
          },
        },
      }),
      "out/S.template.json": JSON.stringify({ Resources: { Key1: key } }),
    });
    const { stacks, references } = await readCloudAssembly("out", memory);
    expect(stacks[0]?.resources.get("Key1")).toMatchObject({
      constructPath: "S/Key/Resource",
      creationStack: ["new Key (/app/lib/s.ts:9:5)"],
    });
    expect(references[0]?.address).toBe("S/Key/Resource");
  });

  it("finds a nested stack's template by aws:asset:path and by its TemplateURL's asset hash", async () => {
    const hash = "a".repeat(64);
    const memory = memoryFiles({
      "out/manifest.json": JSON.stringify({
        version: "21.0.0",
        artifacts: {
          "P.assets": { type: "cdk:asset-manifest", properties: { file: "P.assets.json" } },
          P: { type: "aws:cloudformation:stack", properties: { templateFile: "P.template.json" } },
        },
      }),
      "out/P.assets.json": JSON.stringify({
        version: "21.0.0",
        files: { [hash]: { source: { path: "PByUrl.nested.template.json", packaging: "file" } } },
      }),
      "out/P.template.json": JSON.stringify({
        Resources: {
          ByPath: {
            Type: "AWS::CloudFormation::Stack",
            Properties: { TemplateURL: "https://s3/x.json" },
            Metadata: {
              "aws:cdk:path": "P/ByPath.NestedStack/ByPath.NestedStackResource",
              "aws:asset:path": "PByPath.nested.template.json",
            },
          },
          ByUrl: {
            Type: "AWS::CloudFormation::Stack",
            Properties: {
              TemplateURL: {
                "Fn::Join": [
                  "",
                  ["https://s3.", { Ref: "AWS::URLSuffix" }, `/bucket/${hash}.json`],
                ],
              },
            },
          },
        },
      }),
      "out/PByPath.nested.template.json": JSON.stringify({
        Resources: { K: { ...key, Metadata: { "aws:cdk:path": "P/ByPath/K/Resource" } } },
      }),
      "out/PByUrl.nested.template.json": JSON.stringify({ Resources: { K: key } }),
    });
    const { stacks, references } = await readCloudAssembly("out", memory);
    expect(stacks.map((s) => [s.name, s.templateFile, s.parent?.logicalId ?? null])).toEqual([
      ["P", "out/P.template.json", null],
      ["P-ByPath", "out/PByPath.nested.template.json", "ByPath"],
      ["P-ByUrl", "out/PByUrl.nested.template.json", "ByUrl"],
    ]);
    expect(rows(references)).toEqual([
      ["key", "P/ByPath/K/Resource", null, "@P-ByPath/K"],
      ["key", "P-ByUrl/K", null, "@P-ByUrl/K"],
    ]);
  });

  it("splits a stack's metadata between the stack and its nested stacks, nested in nested", async () => {
    const entry = (logicalId: string) => [{ type: "aws:cdk:logicalId", data: logicalId }];
    const file = (templateFile: string) => [{ type: "aws:cdk:templateFile", data: templateFile }];
    const nestedStack = (path: string) => ({
      Type: "AWS::CloudFormation::Stack",
      Properties: { TemplateURL: "x" },
      Metadata: { "aws:cdk:path": path },
    });
    const memory = memoryFiles({
      "out/manifest.json": JSON.stringify({
        version: "55.0.0",
        artifacts: {
          S: {
            type: "aws:cloudformation:stack",
            environment: "aws://unknown-account/unknown-region",
            properties: { templateFile: "S.template.json" },
            additionalMetadataFile: "S.metadata.json",
          },
        },
      }),
      "out/S.metadata.json": JSON.stringify({
        "/S": file("S.template.json"),
        "/S/Key/Resource": entry("Key"),
        "/S/A": file("SA.nested.template.json"),
        "/S/A.NestedStack/A.NestedStackResource": entry("ANested"),
        "/S/A/Key/Resource": entry("Key"),
        "/S/A/B": file("SAB.nested.template.json"),
        "/S/A/B.NestedStack/B.NestedStackResource": entry("BNested"),
        "/S/A/B/Key/Resource": entry("Key"),
      }),
      "out/S.template.json": JSON.stringify({
        Resources: { Key: key, ANested: nestedStack("ignored") },
      }),
      "out/SA.nested.template.json": JSON.stringify({
        Resources: { Key: key, BNested: nestedStack("ignored") },
      }),
      "out/SAB.nested.template.json": JSON.stringify({ Resources: { Key: key } }),
    });
    const { stacks, references } = await readCloudAssembly("out", memory);
    expect(stacks.map((s) => [s.name, s.parent])).toEqual([
      ["S", null],
      ["S-ANested", { stack: "S", logicalId: "ANested", parent: null }],
      [
        "S-ANested-BNested",
        {
          stack: "S-ANested",
          logicalId: "BNested",
          parent: { stack: "S", logicalId: "ANested", parent: null },
        },
      ],
    ]);
    expect(rows(references)).toEqual([
      ["key", "S/Key/Resource", null, "@S/Key"],
      ["key", "S/A/Key/Resource", null, "@S-ANested/Key"],
      ["key", "S/A/B/Key/Resource", null, "@S-ANested-BNested/Key"],
    ]);
  });

  it("refuses a nested stack whose template is its own parent's: CloudFormation would nest it without end", async () => {
    const memory = memoryFiles({
      "out/manifest.json": JSON.stringify({
        version: "55.0.0",
        artifacts: {
          S: { type: "aws:cloudformation:stack", properties: { templateFile: "S.json" } },
        },
      }),
      "out/S.json": JSON.stringify({
        Resources: {
          Self: {
            Type: "AWS::CloudFormation::Stack",
            Properties: { TemplateURL: "x" },
            Metadata: { "aws:asset:path": "S.json" },
          },
        },
      }),
    });
    const err = await inputErrorOf(() => readCloudAssembly("out", memory));
    expect(err.describe()).toBe(
      "out/S.json: Resources.Self: nested stack S/Self is deployed from out/S.json, the template of the stack itself or of a stack it is nested in; CloudFormation would nest it without end; this is not a template as the CDK writes it: synthesize the assembly again (cdk synth)",
    );
  });

  it("refuses a nested stack whose template is a grandparent's: only the way down is a cycle", async () => {
    const nested = (file: string) => ({
      Type: "AWS::CloudFormation::Stack",
      Properties: { TemplateURL: "x" },
      Metadata: { "aws:asset:path": file },
    });
    const memory = memoryFiles({
      "out/manifest.json": JSON.stringify({
        version: "55.0.0",
        artifacts: {
          S: { type: "aws:cloudformation:stack", properties: { templateFile: "S.json" } },
        },
      }),
      "out/S.json": JSON.stringify({ Resources: { Key: key, Mid: nested("M.json") } }),
      "out/M.json": JSON.stringify({ Resources: { Key: key, Back: nested("S.json") } }),
    });
    const err = await inputErrorOf(() => readCloudAssembly("out", memory));
    expect(err.describe()).toMatch(
      /^out\/M\.json: Resources\.Back: nested stack S-Mid\/Back is deployed from out\/S\.json, the template of the stack itself or of a stack it is nested in/,
    );
  });

  it("reads sibling nested stacks that share one template file as stacks of their own", async () => {
    // Two nested stacks of one class: the CDK writes their (identical) template once.
    const nested = {
      Type: "AWS::CloudFormation::Stack",
      Properties: { TemplateURL: "x" },
      Metadata: { "aws:asset:path": "Shared.nested.template.json" },
    };
    const memory = memoryFiles({
      "out/manifest.json": JSON.stringify({
        version: "55.0.0",
        artifacts: {
          S: {
            type: "aws:cloudformation:stack",
            environment: "aws://111122223333/us-east-1",
            properties: { templateFile: "S.json" },
          },
        },
      }),
      "out/S.json": JSON.stringify({ Resources: { One: nested, Two: nested } }),
      "out/Shared.nested.template.json": JSON.stringify({ Resources: { Key: key } }),
    });
    const { stacks, references, warnings } = await readCloudAssembly("out", memory);
    expect(warnings).toEqual([]);
    expect(stacks.map((s) => [s.name, s.templateFile, s.parent])).toEqual([
      ["S", "out/S.json", null],
      ["S-One", "out/Shared.nested.template.json", { stack: "S", logicalId: "One", parent: null }],
      ["S-Two", "out/Shared.nested.template.json", { stack: "S", logicalId: "Two", parent: null }],
    ]);
    expect(rows(references)).toEqual([
      ["key", "S-One/Key", null, "@S-One/Key"],
      ["key", "S-Two/Key", null, "@S-Two/Key"],
    ]);
    // Each key is known by the nested stack that deploys it, for the deployed stack to say which key it is.
    expect(references.map((r) => r.target)).toEqual([
      {
        kind: "stack-resource",
        stack: "S-One",
        region: "us-east-1",
        account: "111122223333",
        logicalId: "Key",
        parent: { stack: "S", logicalId: "One", parent: null },
      },
      {
        kind: "stack-resource",
        stack: "S-Two",
        region: "us-east-1",
        account: "111122223333",
        logicalId: "Key",
        parent: { stack: "S", logicalId: "Two", parent: null },
      },
    ]);
  });

  it(`refuses more than ${MAX_NESTED_STACKS} nested stacks, however few templates make them`, async () => {
    // Four templates, each deploying the next ten times: 11,110 stacks within the depth bound.
    const tenOf = (file: string) =>
      JSON.stringify({
        Resources: Object.fromEntries(
          Array.from({ length: 10 }, (_, i) => [
            `N${i}`,
            {
              Type: "AWS::CloudFormation::Stack",
              Properties: { TemplateURL: "x" },
              Metadata: { "aws:asset:path": file },
            },
          ]),
        ),
      });
    const read: string[] = [];
    const memory = memoryFiles({
      "out/manifest.json": JSON.stringify({
        version: "55.0.0",
        artifacts: {
          S: { type: "aws:cloudformation:stack", properties: { templateFile: "t0.json" } },
        },
      }),
      "out/t0.json": tenOf("t1.json"),
      "out/t1.json": tenOf("t2.json"),
      "out/t2.json": tenOf("t3.json"),
      "out/t3.json": tenOf("t4.json"),
      "out/t4.json": JSON.stringify({ Resources: { Key: key } }),
    });
    const counting: SourceFiles = {
      ...memory,
      readText: async (path) => {
        read.push(path);
        return memory.readText(path);
      },
    };
    const err = await inputErrorOf(() => readCloudAssembly("out", counting));
    expect(err.describe()).toMatch(
      new RegExp(`Resources\\.N\\d: more than ${MAX_NESTED_STACKS} nested stacks in the assembly`),
    );
    // Each template file is read once, however many stacks it deploys.
    expect(read.filter((path) => path.endsWith("t3.json"))).toHaveLength(1);
  });

  it("warns of a manifest newer than it knows, and passes over artifact types it does not read", async () => {
    const memory = memoryFiles({
      "out/manifest.json": JSON.stringify({
        version: "99.1.0",
        artifacts: {
          S: { type: "aws:cloudformation:stack", properties: { templateFile: "S.json" } },
          Tree: { type: "cdk:tree", properties: { file: "tree.json" } },
        },
      }),
      "out/S.json": "{}",
    });
    const { stacks, warnings } = await readCloudAssembly("out", memory);
    expect(stacks.map((s) => [s.name, s.account, s.region])).toEqual([["S", null, null]]);
    expect(warnings).toEqual([
      `out/manifest.json: manifest version 99.1.0 is newer than the newest this version of kms-usage-lint knows (${NEWEST_MANIFEST_MAJOR}.x); read as that`,
    ]);
  });

  it("does not loop on a nested assembly that names its own directory", async () => {
    const memory = memoryFiles({
      "out/manifest.json": JSON.stringify({
        version: "55.0.0",
        artifacts: { Self: { type: "cdk:cloud-assembly", properties: { directoryName: "." } } },
      }),
    });
    const { stacks, warnings } = await readCloudAssembly("out", memory);
    expect(stacks).toEqual([]);
    expect(warnings).toEqual([
      'out/manifest.json: nested assembly "Self" (out) is out, read already; not read again',
    ]);
  });
});

describe("readCloudAssembly: broken assemblies name the path", () => {
  const manifest = (artifacts: unknown, version: unknown = "55.0.0") =>
    JSON.stringify({ version, artifacts });
  const stackArtifact = (properties: unknown, extra: object = {}) => ({
    S: { type: "aws:cloudformation:stack", properties, ...extra },
  });

  // V8's JSON messages vary by Node version: those are matched by their start.
  it.each<[string, Record<string, string>, string | RegExp]>([
    [
      "a directory without a manifest",
      { "out/other.json": "{}" },
      "out/manifest.json: no manifest.json in this directory: expected a CDK cloud assembly (the cdk.out directory `cdk synth` writes)",
    ],
    [
      "no directory at all",
      {},
      "out: no such directory: expected a CDK cloud assembly (the cdk.out directory `cdk synth` writes)",
    ],
    [
      "a 0-byte manifest",
      { "out/manifest.json": "" },
      "out/manifest.json: the file is empty; expected a CDK cloud assembly manifest",
    ],
    [
      "a manifest that is an array",
      { "out/manifest.json": "[]" },
      'out/manifest.json: not a CDK cloud assembly manifest: expected an object with a "version" string and an "artifacts" object (the file holds an array)',
    ],
    [
      "a manifest without a version",
      { "out/manifest.json": '{"artifacts": {}}' },
      'out/manifest.json: not a CDK cloud assembly manifest: expected an object with a "version" string and an "artifacts" object (it has "artifacts")',
    ],
    [
      "a manifest whose artifacts are a list",
      { "out/manifest.json": manifest([]) },
      'out/manifest.json: not a CDK cloud assembly manifest: expected an object with a "version" string and an "artifacts" object (it has "version", "artifacts")',
    ],
    [
      "a Terraform plan in place of a manifest",
      { "out/manifest.json": '{"format_version": "1.2", "resource_changes": []}' },
      'out/manifest.json: not a CDK cloud assembly manifest: expected an object with a "version" string and an "artifacts" object (it has "format_version", "resource_changes")',
    ],
    [
      "a stack artifact without a template file",
      { "out/manifest.json": manifest(stackArtifact({})) },
      `out/manifest.json: artifacts.S.properties.templateFile: expected the stack's template file (a string), got nothing (the field is missing); ${MANIFEST_HINT}`,
    ],
    [
      "a missing template file",
      { "out/manifest.json": manifest(stackArtifact({ templateFile: "S.template.json" })) },
      'out/S.template.json: the template of stack artifact "S" does not exist',
    ],
    [
      "a 0-byte template",
      {
        "out/manifest.json": manifest(stackArtifact({ templateFile: "S.template.json" })),
        "out/S.template.json": "",
      },
      "out/S.template.json: the file is empty; expected a CloudFormation template (JSON)",
    ],
    [
      "a template that is not JSON",
      {
        "out/manifest.json": manifest(stackArtifact({ templateFile: "S.template.json" })),
        "out/S.template.json": "Resources:\n  K: !Ref X\n",
      },
      /^out\/S\.template\.json:1: not valid JSON: /,
    ],
    [
      "a template that is a JSON array",
      {
        "out/manifest.json": manifest(stackArtifact({ templateFile: "S.template.json" })),
        "out/S.template.json": "[]",
      },
      "out/S.template.json: the file holds an array; expected a CloudFormation template (JSON)",
    ],
    [
      "a template whose Resources is not an object",
      {
        "out/manifest.json": manifest(stackArtifact({ templateFile: "S.template.json" })),
        "out/S.template.json": '{"Resources": [1]}',
      },
      `out/S.template.json: Resources: expected an object of resources (logical id → {Type, Properties}), got [1]; ${CDK_TEMPLATE_HINT}`,
    ],
    [
      "a missing metadata file",
      {
        "out/manifest.json": manifest(
          stackArtifact(
            { templateFile: "S.template.json" },
            { additionalMetadataFile: "S.metadata.json" },
          ),
        ),
        "out/S.template.json": "{}",
      },
      'out/S.metadata.json: the metadata file of stack artifact "S" (its additionalMetadataFile) does not exist',
    ],
    [
      "a metadata file that is not JSON",
      {
        "out/manifest.json": manifest(
          stackArtifact(
            { templateFile: "S.template.json" },
            { additionalMetadataFile: "S.metadata.json" },
          ),
        ),
        "out/S.template.json": "{}",
        "out/S.metadata.json": "{",
      },
      /^out\/S\.metadata\.json:1: not valid JSON: /,
    ],
    [
      "a nested assembly without a directory name",
      { "out/manifest.json": manifest({ Stage: { type: "cdk:cloud-assembly", properties: {} } }) },
      `out/manifest.json: artifacts.Stage.properties.directoryName: expected the nested assembly's directory (a string), got nothing (the field is missing); ${MANIFEST_HINT}`,
    ],
    [
      "a nested assembly without a manifest",
      {
        "out/manifest.json": manifest({
          Stage: { type: "cdk:cloud-assembly", properties: { directoryName: "assembly-Stage" } },
        }),
        "out/assembly-Stage/x.json": "{}",
      },
      "out/assembly-Stage/manifest.json: no manifest.json in this directory: expected a CDK cloud assembly (the cdk.out directory `cdk synth` writes)",
    ],
    [
      "a missing nested stack template",
      {
        "out/manifest.json": manifest(stackArtifact({ templateFile: "S.template.json" })),
        "out/S.template.json": JSON.stringify({
          Resources: {
            N: {
              Type: "AWS::CloudFormation::Stack",
              Properties: { TemplateURL: "x" },
              Metadata: { "aws:asset:path": "SN.nested.template.json" },
            },
          },
        }),
      },
      "out/SN.nested.template.json: the template of nested stack S/N does not exist",
    ],
  ])("%s", async (_case, contents, message) => {
    const err = await inputErrorOf(() => readCloudAssembly("out", memoryFiles(contents)));
    if (typeof message === "string") expect(err.describe()).toBe(message);
    else expect(err.describe()).toMatch(message);
  });

  it("reads an empty assembly (an app with no stacks)", async () => {
    const memory = memoryFiles({ "out/manifest.json": '{"version": "55.0.0"}' });
    expect(await readCloudAssembly("out", memory)).toEqual({
      stacks: [],
      references: [],
      warnings: [],
      notes: [],
    });
  });
});

describe("parseEnvironment", () => {
  it.each([
    ["aws://111122223333/us-east-1", { account: "111122223333", region: "us-east-1" }],
    ["aws://unknown-account/unknown-region", { account: null, region: null }],
    ["aws://111122223333/unknown-region", { account: "111122223333", region: null }],
    ["aws://unknown-account/eu-west-1", { account: null, region: "eu-west-1" }],
    ["aws://111122223333", null],
    ["https://111122223333/us-east-1", null],
    [undefined, null],
  ])("%s", (environment, expected) => {
    expect(parseEnvironment(environment)).toEqual(expected);
  });
});

describe("readCloudAssembly: paths the manifest names stay inside the assembly", () => {
  const stack = (properties: object, extra: object = {}) => ({
    S: { type: "aws:cloudformation:stack", properties, ...extra },
  });
  const manifest = (artifacts: object) => JSON.stringify({ version: "55.0.0", artifacts });
  const nestedStack = (metadata: object, properties: object = { TemplateURL: "x" }) =>
    JSON.stringify({
      Resources: {
        N: { Type: "AWS::CloudFormation::Stack", Properties: properties, Metadata: metadata },
      },
    });
  const HASH = "a".repeat(64);

  it.each<[string, Record<string, string>, string]>([
    [
      "a template file above the assembly",
      { "out/manifest.json": manifest(stack({ templateFile: "../secret.json" })) },
      `out/manifest.json: artifacts.S.properties.templateFile: "../secret.json" leads out of the assembly directory out; an assembly only names files inside it; ${MANIFEST_HINT}`,
    ],
    [
      "an absolute template file",
      { "out/manifest.json": manifest(stack({ templateFile: "/etc/passwd" })) },
      `out/manifest.json: artifacts.S.properties.templateFile: "/etc/passwd" leads out of the assembly directory out; an assembly only names files inside it; ${MANIFEST_HINT}`,
    ],
    [
      "a nested assembly above the assembly",
      {
        "out/manifest.json": manifest({
          Up: { type: "cdk:cloud-assembly", properties: { directoryName: "../other" } },
        }),
      },
      `out/manifest.json: artifacts.Up.properties.directoryName: "../other" leads out of the assembly directory out; an assembly only names files inside it; ${MANIFEST_HINT}`,
    ],
    [
      "a nested assembly's template above the top assembly",
      {
        "out/manifest.json": manifest({
          Stage: { type: "cdk:cloud-assembly", properties: { directoryName: "assembly-Stage" } },
        }),
        "out/assembly-Stage/manifest.json": manifest(stack({ templateFile: "../../t.json" })),
      },
      `out/assembly-Stage/manifest.json: artifacts.S.properties.templateFile: "../../t.json" leads out of the assembly directory out; an assembly only names files inside it; ${MANIFEST_HINT}`,
    ],
    [
      "a metadata file above the assembly",
      {
        "out/manifest.json": manifest(
          stack({ templateFile: "S.json" }, { additionalMetadataFile: "../../m.json" }),
        ),
        "out/S.json": "{}",
      },
      `out/manifest.json: artifacts.S.additionalMetadataFile: "../../m.json" leads out of the assembly directory out; an assembly only names files inside it; ${MANIFEST_HINT}`,
    ],
    [
      "a nested stack's asset path above the assembly",
      {
        "out/manifest.json": manifest(stack({ templateFile: "S.json" })),
        "out/S.json": nestedStack({ "aws:asset:path": "../n.json" }),
      },
      `out/S.json: Resources.N.Metadata["aws:asset:path"]: "../n.json" leads out of the assembly directory out; an assembly only names files inside it; ${CDK_TEMPLATE_HINT}`,
    ],
    [
      "an asset manifest above the assembly",
      {
        "out/manifest.json": manifest({
          ...stack({ templateFile: "S.json" }),
          A: { type: "cdk:asset-manifest", properties: { file: "../a.json" } },
        }),
        "out/S.json": nestedStack({}, { TemplateURL: `https://s3/${HASH}.json` }),
      },
      `out/manifest.json: artifacts.A.properties.file: "../a.json" leads out of the assembly directory out; an assembly only names files inside it; ${MANIFEST_HINT}`,
    ],
    [
      "an asset's template above the assembly",
      {
        "out/manifest.json": manifest({
          ...stack({ templateFile: "S.json" }),
          A: { type: "cdk:asset-manifest", properties: { file: "a.json" } },
        }),
        "out/S.json": nestedStack({}, { TemplateURL: `https://s3/${HASH}.json` }),
        "out/a.json": JSON.stringify({ files: { [HASH]: { source: { path: "../../n.json" } } } }),
      },
      `out/a.json: files.${HASH}.source.path: "../../n.json" leads out of the assembly directory out; an assembly only names files inside it; this is not an asset manifest as the CDK writes it: synthesize the assembly again (cdk synth)`,
    ],
  ])("refuses %s, naming the manifest and the artifact", async (_case, contents, message) => {
    const err = await inputErrorOf(() => readCloudAssembly("out", memoryFiles(contents)));
    expect(err.describe()).toBe(message);
  });

  it("reads a nested assembly's templates that use the top assembly's directory", async () => {
    // Inside the top assembly is inside: CDK shares one asset directory between stages.
    const memory = memoryFiles({
      "out/manifest.json": manifest({
        Stage: { type: "cdk:cloud-assembly", properties: { directoryName: "assembly-Stage" } },
      }),
      "out/assembly-Stage/manifest.json": manifest(stack({ templateFile: "../shared.json" })),
      "out/shared.json": "{}",
    });
    const { stacks } = await readCloudAssembly("out", memory);
    expect(stacks.map((s) => s.templateFile)).toEqual(["out/shared.json"]);
  });

  it(`refuses assemblies nested more than ${MAX_ASSEMBLY_DEPTH} deep: an unread one could hold keys`, async () => {
    const contents: Record<string, string> = {};
    let dir = "out";
    for (let level = 0; level <= MAX_ASSEMBLY_DEPTH; level++) {
      contents[`${dir}/manifest.json`] = manifest({
        Next: { type: "cdk:cloud-assembly", properties: { directoryName: "next" } },
      });
      dir = `${dir}/next`;
    }
    contents[`${dir}/manifest.json`] = manifest({});
    const err = await inputErrorOf(() => readCloudAssembly("out", memoryFiles(contents)));
    expect(err.file).toBe(`out${"/next".repeat(MAX_ASSEMBLY_DEPTH)}/manifest.json`);
    expect(err.message).toMatch(
      /^artifacts\.Next\.properties\.directoryName: nested assemblies nested more than 8 deep/,
    );
  });

  it(`refuses nested stacks nested more than ${MAX_NESTED_STACK_DEPTH} deep`, async () => {
    const contents: Record<string, string> = {
      "out/manifest.json": manifest(stack({ templateFile: "n0.json" })),
    };
    for (let level = 0; level <= MAX_NESTED_STACK_DEPTH + 1; level++) {
      contents[`out/n${level}.json`] = nestedStack({ "aws:asset:path": `n${level + 1}.json` });
    }
    const err = await inputErrorOf(() => readCloudAssembly("out", memoryFiles(contents)));
    expect(err.describe()).toMatch(
      new RegExp(
        `^out/n${MAX_NESTED_STACK_DEPTH}\\.json: Resources\\.N: nested stacks nested more than 8 deep`,
      ),
    );
  });

  it.each<[string, Record<string, string>, string]>([
    [
      "an artifact that is a string",
      { "out/manifest.json": manifest({ Junk: "x" }) },
      `out/manifest.json: artifacts.Junk: expected an artifact ({type, properties}), got "x"; ${MANIFEST_HINT}`,
    ],
    [
      "an artifact without a type",
      { "out/manifest.json": manifest({ S: { properties: { templateFile: "S.json" } } }) },
      `out/manifest.json: artifacts.S.type: expected an artifact type, got nothing (the field is missing); ${MANIFEST_HINT}`,
    ],
    [
      "an environment it cannot read",
      {
        "out/manifest.json": manifest(
          stack({ templateFile: "S.json" }, { environment: "somewhere" }),
        ),
      },
      `out/manifest.json: artifacts.S.environment: expected aws://ACCOUNT/REGION, got "somewhere"; ${MANIFEST_HINT}`,
    ],
    [
      "a stack whose properties are a list",
      {
        "out/manifest.json": manifest({ S: { type: "aws:cloudformation:stack", properties: [] } }),
      },
      `out/manifest.json: artifacts.S.properties: expected the stack's properties (an object with templateFile), got an empty list; ${MANIFEST_HINT}`,
    ],
    [
      "manifest metadata that is not an object",
      { "out/manifest.json": manifest(stack({ templateFile: "S.json" }, { metadata: "x" })) },
      `out/manifest.json: artifacts.S.metadata: expected construct metadata ({"/Stack/Construct": [entries]}), got "x"; ${MANIFEST_HINT}`,
    ],
    [
      "a metadata file that is a list",
      {
        "out/manifest.json": manifest(
          stack({ templateFile: "S.json" }, { additionalMetadataFile: "S.metadata.json" }),
        ),
        "out/S.json": "{}",
        "out/S.metadata.json": "[]",
      },
      `out/S.metadata.json: expected construct metadata ({"/Stack/Construct": [entries]}), got an empty list; ${METADATA_HINT}`,
    ],
    [
      "a metadata entry that is not a list",
      {
        "out/manifest.json": manifest(
          stack({ templateFile: "S.json" }, { additionalMetadataFile: "S.metadata.json" }),
        ),
        "out/S.json": "{}",
        "out/S.metadata.json": JSON.stringify({ "/S/K/Resource": { type: "aws:cdk:logicalId" } }),
      },
      `out/S.metadata.json: ["/S/K/Resource"]: expected a list of metadata entries, got an object; ${METADATA_HINT}`,
    ],
    [
      "a logical id that is not a string",
      {
        "out/manifest.json": manifest(
          stack({ templateFile: "S.json" }, { additionalMetadataFile: "S.metadata.json" }),
        ),
        "out/S.json": "{}",
        "out/S.metadata.json": JSON.stringify({
          "/S/K/Resource": [{ type: "aws:cdk:logicalId", data: 1 }],
        }),
      },
      `out/S.metadata.json: ["/S/K/Resource"][0].data: expected a logical id (a string), got 1; ${METADATA_HINT}`,
    ],
    [
      "a repeated artifact id",
      {
        "out/manifest.json":
          '{"version": "55.0.0", "artifacts": {\n"S": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "S.json"}},\n"S": {"type": "cdk:tree"}}}',
      },
      'out/manifest.json:3: the key "S" appears twice in "artifacts" (first on line 2, again here at column 1): a reader keeps only the last, so what the first one holds would be silently ignored; remove one of them',
    ],
    [
      "a repeated logical id in a template",
      {
        "out/manifest.json": manifest(stack({ templateFile: "S.json" })),
        "out/S.json":
          '{"Resources": {"K": {"Type": "AWS::KMS::Key"},\n  "K": {"Type": "AWS::SQS::Queue"}}}',
      },
      'out/S.json:2: the key "K" appears twice in "Resources" (first on line 1, again here at column 3): a reader keeps only the last, so what the first one holds would be silently ignored; remove one of them',
    ],
    [
      "an asset manifest that does not exist",
      {
        "out/manifest.json": manifest({
          ...stack({ templateFile: "S.json" }),
          A: { type: "cdk:asset-manifest", properties: { file: "a.json" } },
        }),
        "out/S.json": nestedStack({}, { TemplateURL: `https://s3/${HASH}.json` }),
      },
      'out/a.json: the asset manifest of artifact "A" does not exist; nested stack templates are found through it',
    ],
  ])("refuses %s", async (_case, contents, message) => {
    const err = await inputErrorOf(() => readCloudAssembly("out", memoryFiles(contents)));
    expect(err.describe()).toBe(message);
  });

  it("reads a __proto__ artifact id as data, and a deeply nested manifest without a stack overflow", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const memory = memoryFiles({
      "out/manifest.json": `{"version": "55.0.0", "deep": ${deep}, "artifacts": {"__proto__": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "S.json"}}}}`,
      "out/S.json": JSON.stringify({ Resources: { K: { Type: "AWS::KMS::Key" } } }),
    });
    const { stacks } = await readCloudAssembly("out", memory);
    expect(stacks.map((s) => s.name)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).properties).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "a plain S3 URL",
      { TemplateURL: "https://example.com/t.json" },
      '"https://example.com/t.json"',
    ],
    [
      "an asset hash no asset manifest lists",
      { TemplateURL: `https://s3.amazonaws.com/b/${"b".repeat(64)}.json` },
      `file asset ${"b".repeat(64)}, which no asset manifest of the assembly lists`,
    ],
    [
      "an expression",
      { TemplateURL: { "Fn::GetAtt": ["Templates", "Url"] } },
      "a TemplateURL built by an expression",
    ],
    ["no TemplateURL at all", {}, "no TemplateURL"],
  ])(
    "refuses a nested stack deployed from a template outside the assembly (%s): its keys would go unseen",
    async (_case, properties, shown) => {
      const memory = memoryFiles({
        "out/manifest.json": manifest(stack({ templateFile: "S.json" })),
        "out/S.json": nestedStack({}, properties),
      });
      const err = await inputErrorOf(() => readCloudAssembly("out", memory));
      expect(err.describe()).toBe(
        `out/S.json: Resources.N.Properties.TemplateURL: nested stack S/N (of stack artifact "S" in out/manifest.json) is deployed from a template outside the assembly (${shown}), which cannot be read, so the keys it holds cannot be checked. Make its template part of the app (a cdk.NestedStack, or CfnInclude with loadNestedStacks), so that cdk synth writes it into the assembly`,
      );
    },
  );
});

describe("readCloudAssembly: symbolic links", () => {
  const key = { Type: "AWS::KMS::Key", Properties: {} };
  let root = "";
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "kul-links-"));
  });
  afterAll(() => {
    if (root !== "") rmSync(root, { recursive: true, force: true });
  });

  const manifest = (artifacts: object) => JSON.stringify({ version: "55.0.0", artifacts });
  const nested = (...names: string[]) =>
    Object.fromEntries(
      names.map((name) => [
        name.toUpperCase(),
        { type: "cdk:cloud-assembly", properties: { directoryName: name } },
      ]),
    );

  /** `files`, counting the manifests it reads. */
  function counting(): { files: SourceFiles; manifests: () => number } {
    let manifests = 0;
    const real = nodeSourceFiles();
    return {
      files: {
        ...real,
        readText: (path) => {
          if (path.endsWith("manifest.json")) manifests++;
          return real.readText(path);
        },
      },
      manifests: () => manifests,
    };
  }

  it("reads each directory once however many links lead to it (3^8 paths, 9 manifests)", async () => {
    const top = join(root, "fan");
    let dir = top;
    for (let level = 0; level < MAX_ASSEMBLY_DEPTH; level++) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "manifest.json"), manifest(nested("a", "b", "c")));
      for (const link of ["a", "b", "c"]) symlinkSync("n", join(dir, link));
      dir = join(dir, "n");
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "manifest.json"),
      manifest({ S: { type: "aws:cloudformation:stack", properties: { templateFile: "S.json" } } }),
    );
    writeFileSync(join(dir, "S.json"), JSON.stringify({ Resources: { K: key } }));
    const { files, manifests } = counting();
    const { stacks, warnings } = await readCloudAssembly(top, files);
    expect(stacks.map((s) => s.name)).toEqual(["S"]);
    expect(manifests()).toBe(MAX_ASSEMBLY_DEPTH + 1);
    expect(warnings).toHaveLength(2 * MAX_ASSEMBLY_DEPTH);
    expect(warnings.at(-1)).toBe(
      `${join(top, "manifest.json")}: nested assembly "C" (${join(top, "c")}) is ${join(top, "a")}, read already; not read again`,
    );
  });

  it("does not follow a link back to an assembly it is reading", async () => {
    const top = join(root, "cycle");
    mkdirSync(join(top, "inner"), { recursive: true });
    writeFileSync(join(top, "manifest.json"), manifest(nested("inner")));
    writeFileSync(join(top, "inner", "manifest.json"), manifest(nested("back")));
    symlinkSync("..", join(top, "inner", "back"));
    const { files, manifests } = counting();
    const { warnings } = await readCloudAssembly(top, files);
    expect(manifests()).toBe(2);
    expect(warnings).toEqual([
      `${join(top, "inner", "manifest.json")}: nested assembly "BACK" (${join(top, "inner", "back")}) is ${top}, read already; not read again`,
    ]);
  });

  it.each([
    ["a template", "S.json", { templateFile: "S.json" }, "artifacts.S.properties.templateFile"],
    [
      "a nested assembly",
      "stage",
      { directoryName: "stage" },
      "artifacts.S.properties.directoryName",
    ],
  ])("refuses %s linked from outside the assembly", async (_case, name, properties, path) => {
    const top = join(root, `out-${name}`);
    const outside = join(root, `elsewhere-${name}`);
    mkdirSync(top, { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, "manifest.json"), manifest({}));
    writeFileSync(join(outside, "S.json"), "{}");
    symlinkSync(name === "S.json" ? join(outside, "S.json") : outside, join(top, name));
    const type = name === "S.json" ? "aws:cloudformation:stack" : "cdk:cloud-assembly";
    writeFileSync(join(top, "manifest.json"), manifest({ S: { type, properties } }));
    const err = await inputErrorOf(() => readCloudAssembly(top, nodeSourceFiles()));
    expect(err.file).toBe(join(top, "manifest.json"));
    expect(err.message).toContain(
      `${path}: "${name}" leads out of the assembly directory ${top} through a symbolic link (to ${realpathSync(outside)}`,
    );
  });

  it("reads an assembly reached through a link itself", async () => {
    const real = join(root, "real-out");
    mkdirSync(real, { recursive: true });
    writeFileSync(
      join(real, "manifest.json"),
      manifest({ S: { type: "aws:cloudformation:stack", properties: { templateFile: "S.json" } } }),
    );
    writeFileSync(join(real, "S.json"), JSON.stringify({ Resources: { K: key } }));
    symlinkSync(real, join(root, "linked-out"));
    const { stacks } = await readCloudAssembly(join(root, "linked-out"), nodeSourceFiles());
    expect(stacks.map((s) => s.templateFile)).toEqual([join(root, "linked-out", "S.json")]);
  });
});
