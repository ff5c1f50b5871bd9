import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeyChange, KeyReference } from "../../../src/model.js";
import { InputError } from "../../../src/model.js";
import { diffDeployed, diffStacks } from "../../../src/sources/cdk/changes.js";
import type { StackModel, StackResource } from "../../../src/sources/cdk/stack.js";
import { presynthesizedApp, readAssembly, tempDir } from "../../support/cdk/synth.js";

/** The change of each reference by address, for compact assertions. */
function changes(
  refs: readonly KeyReference[],
): Record<string, Omit<KeyChange, "source" | "address">> {
  const out: Record<string, Omit<KeyChange, "source" | "address">> = {};
  for (const ref of refs) {
    const change = ref.change;
    if (ref.address === null || change === null)
      throw new Error("a key reference without a change");
    const { action, deletionWindowDays, disables, failure } = change;
    out[ref.address] = { action, deletionWindowDays, disables, failure };
  }
  return out;
}

const CREATE = { action: "create", deletionWindowDays: null, disables: false, failure: null };
const NONE = { action: "none", deletionWindowDays: null, disables: false, failure: null };
const UPDATE = { action: "update", deletionWindowDays: null, disables: false, failure: null };
const DELETE = { action: "delete", deletionWindowDays: null, disables: false, failure: null };
const ORPHAN = { action: "orphan", deletionWindowDays: null, disables: false, failure: null };

describe("diffStacks on assemblies synthesized from a base and a head app", () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let base: StackModel[];
  let head: StackModel[];
  let refs: KeyReference[];

  beforeAll(async () => {
    temp = await tempDir("cdk-changes");
    const [baseOut, headOut] = await Promise.all([
      presynthesizedApp("changes/base", join(temp.dir, "base")),
      presynthesizedApp("changes/head", join(temp.dir, "head")),
    ]);
    base = (await readAssembly(baseOut)).stacks;
    head = (await readAssembly(headOut)).stacks;
    refs = diffStacks(base, head, "cdk-assembly");
  }, 120_000);

  afterAll(() => temp?.remove());

  it("says what the change does to every key of both revisions", () => {
    expect(changes(refs)).toEqual({
      "KeysStack/NewName/Resource": CREATE,
      "KeysStack/ToggleKey/Resource": { ...UPDATE, disables: true },
      "KeysStack/WindowKey/Resource": { ...UPDATE, deletionWindowDays: 20 },
      "KeysStack/SpecKey/Resource": {
        ...UPDATE,
        failure:
          "CloudFormation cannot change KeySpec of an existing key (SYMMETRIC_DEFAULT → RSA_2048); the stack update will fail. Create a new key instead.",
      },
      "KeysStack/DescribedKey/Resource": UPDATE,
      "KeysStack/SteadyKey/Resource": NONE,
      // removalPolicy DESTROY → DeletionPolicy Delete, with the window it had.
      "KeysStack/DestroyKey/Resource": { ...DELETE, deletionWindowDays: 7 },
      // The CDK default for kms.Key: DeletionPolicy Retain.
      "KeysStack/RetainKey/Resource": ORPHAN,
      // The rename: the old logical id goes by its policy; the new one is created (above).
      "KeysStack/OldName/Resource": DELETE,
      "GoneStack/GoneKey/Resource": DELETE,
    });
  });

  it("lists head keys in template order, then the base keys that go", () => {
    expect(refs.map((ref) => ref.address)).toEqual([
      "KeysStack/NewName/Resource",
      "KeysStack/ToggleKey/Resource",
      "KeysStack/WindowKey/Resource",
      "KeysStack/SpecKey/Resource",
      "KeysStack/DescribedKey/Resource",
      "KeysStack/SteadyKey/Resource",
      "KeysStack/DestroyKey/Resource",
      "KeysStack/RetainKey/Resource",
      "KeysStack/OldName/Resource",
      "GoneStack/GoneKey/Resource",
    ]);
  });

  it("targets a removed key by its base logical id, in the base template", () => {
    const baseKeys = base.find((s) => s.name === "KeysStack");
    const destroyed = [...(baseKeys?.resources.values() ?? [])].find(
      (r) => r.constructPath === "KeysStack/DestroyKey/Resource",
    );
    expect(destroyed).toBeDefined();
    const ref = refs.find((r) => r.address === "KeysStack/DestroyKey/Resource");
    expect(ref).toEqual({
      source: "cdk-assembly",
      kind: "key",
      file: baseKeys?.templateFile,
      address: "KeysStack/DestroyKey/Resource",
      resourceType: "AWS::KMS::Key",
      attribute: null,
      target: {
        kind: "stack-resource",
        stack: "KeysStack",
        region: "us-east-1",
        account: "111122223333",
        logicalId: destroyed?.logicalId,
      },
      action: "delete",
      change: {
        action: "delete",
        source: "cdk-assembly",
        address: "KeysStack/DestroyKey/Resource",
        deletionWindowDays: 7,
        disables: false,
        failure: null,
      },
      location: null,
      suppressions: [],
    });
  });

  it("targets a head key by its head logical id, in the head template", () => {
    const headKeys = head.find((s) => s.name === "KeysStack");
    const ref = refs.find((r) => r.address === "KeysStack/NewName/Resource");
    expect(ref?.file).toBe(headKeys?.templateFile);
    expect(ref?.target).toMatchObject({
      kind: "stack-resource",
      logicalId: expect.stringMatching(/^NewName[0-9A-F]{8}$/),
    });
  });

  it("finds no change between an assembly and itself", () => {
    expect(Object.values(changes(diffStacks(head, head, "cdk-assembly")))).toEqual(
      Array(6).fill(NONE),
    );
  });

  it("compares with the deployed template as it compares with a base assembly", async () => {
    const baseKeys = base.find((s) => s.name === "KeysStack");
    const headKeys = head.find((s) => s.name === "KeysStack");
    if (baseKeys === undefined || headKeys === undefined) throw new Error("no KeysStack");
    const { readFile } = await import("node:fs/promises");
    const deployed: unknown = JSON.parse(await readFile(baseKeys.templateFile, "utf8"));
    const live = diffDeployed(deployed, headKeys);
    const fromBase = diffStacks([baseKeys], [headKeys], "cdk-assembly");
    // The deployed template has no construct paths (the CDK no longer writes
    // them into templates), so removed keys are named by STACK/LogicalId.
    const byTarget = (list: KeyReference[]) =>
      list.map((r) => [
        r.target.kind === "stack-resource" ? r.target.logicalId : "",
        r.change?.action,
      ]);
    expect(byTarget(live)).toEqual(byTarget(fromBase));
    // With no base file of its own, every reference names the head template.
    expect(new Set(live.map((r) => r.file))).toEqual(new Set([headKeys.templateFile]));
  });
});

/** A key resource, built by hand. */
function key(
  logicalId: string,
  properties: Record<string, unknown> = {},
  extra: Partial<StackResource> = {},
): StackResource {
  return {
    logicalId,
    type: "AWS::KMS::Key",
    properties,
    deletionPolicy: "Delete",
    constructPath: null,
    creationStack: [],
    ...extra,
  };
}

/** A stack, built by hand. */
function stack(
  name: string,
  resources: StackResource[],
  extra: Partial<StackModel> = {},
): StackModel {
  return {
    name,
    artifactId: name,
    account: "111122223333",
    region: "us-east-1",
    templateFile: `cdk.out/${name}.template.json`,
    resources: new Map(resources.map((r) => [r.logicalId, r])),
    parent: null,
    ...extra,
  };
}

/** The change of one key between two hand-made revisions of stack S. */
function changeOf(before: StackResource | null, after: StackResource | null) {
  const refs = diffStacks(
    [stack("S", before === null ? [] : [before])],
    [stack("S", after === null ? [] : [after])],
    "cdk-assembly",
  );
  expect(refs).toHaveLength(1);
  return Object.values(changes(refs))[0];
}

describe("diffStacks on hand-made stacks", () => {
  it("deletes a removed key by DeletionPolicy: Delete (the default) or Snapshot, keeps it otherwise", () => {
    expect(changeOf(key("K"), null)).toEqual(DELETE);
    expect(changeOf(key("K", { PendingWindowInDays: 10 }), null)).toEqual({
      ...DELETE,
      deletionWindowDays: 10,
    });
    // KMS keys have no snapshots: read as Delete.
    expect(changeOf(key("K", {}, { deletionPolicy: "Snapshot" }), null)).toEqual(DELETE);
    expect(changeOf(key("K", {}, { deletionPolicy: "Retain" }), null)).toEqual(ORPHAN);
    // An orphaned key schedules no deletion, whatever its window.
    expect(
      changeOf(
        key("K", { PendingWindowInDays: 7 }, { deletionPolicy: "RetainExceptOnCreate" }),
        null,
      ),
    ).toEqual(ORPHAN);
  });

  it("reads an absent Enabled as true", () => {
    expect(changeOf(key("K"), key("K", { Enabled: false }))).toEqual({ ...UPDATE, disables: true });
    expect(changeOf(key("K", { Enabled: true }), key("K", { Enabled: "false" }))).toEqual({
      ...UPDATE,
      disables: true,
    });
    expect(changeOf(key("K", { Enabled: true }), key("K"))).toEqual(NONE);
    expect(changeOf(key("K", { Enabled: false }), key("K", { Enabled: false }))).toEqual(NONE);
    // Enabling is an update that disables nothing.
    expect(changeOf(key("K", { Enabled: false }), key("K"))).toEqual(UPDATE);
  });

  it("gives the new window of an update, null when the window goes back to the default", () => {
    expect(changeOf(key("K"), key("K", { PendingWindowInDays: 7 }))).toEqual({
      ...UPDATE,
      deletionWindowDays: 7,
    });
    expect(
      changeOf(key("K", { PendingWindowInDays: 7 }), key("K", { PendingWindowInDays: 9 })),
    ).toEqual({ ...UPDATE, deletionWindowDays: 9 });
    // Absent, the window is KMS's default: null, "not given".
    expect(changeOf(key("K", { PendingWindowInDays: 7 }), key("K"))).toEqual(UPDATE);
    expect(
      changeOf(key("K", { PendingWindowInDays: 7 }), key("K", { PendingWindowInDays: 30 })),
    ).toEqual({ ...UPDATE, deletionWindowDays: 30 });
    // The same setting written differently, or the default written out, is no change.
    expect(
      changeOf(key("K", { PendingWindowInDays: 7 }), key("K", { PendingWindowInDays: "7" })),
    ).toEqual(NONE);
    expect(changeOf(key("K"), key("K", { PendingWindowInDays: 30 }))).toEqual(NONE);
  });

  it("says an update of KeySpec, KeyUsage, Origin or MultiRegion will fail", () => {
    const failure = (before: Record<string, unknown>, after: Record<string, unknown>) =>
      changeOf(key("K", before), key("K", after))?.failure;
    expect(failure({}, { KeyUsage: "SIGN_VERIFY" })).toBe(
      "CloudFormation cannot change KeyUsage of an existing key (ENCRYPT_DECRYPT → SIGN_VERIFY); the stack update will fail. Create a new key instead.",
    );
    expect(failure({ Origin: "AWS_KMS" }, { Origin: "EXTERNAL" })).toMatch(
      /Origin .*\(AWS_KMS → EXTERNAL\)/,
    );
    // Booleans written as strings, as YAML templates have them.
    expect(failure({}, { MultiRegion: "true" })).toMatch(/MultiRegion .*\(false → true\)/);
    expect(
      failure({ KeySpec: "RSA_2048" }, { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" }),
    ).toBe(
      "CloudFormation cannot change KeySpec and KeyUsage of an existing key (KeySpec RSA_2048 → ECC_NIST_P256, KeyUsage ENCRYPT_DECRYPT → SIGN_VERIFY); the stack update will fail. Create a new key instead.",
    );
    // The default written out is no change.
    expect(
      changeOf(key("K"), key("K", { KeySpec: "SYMMETRIC_DEFAULT", MultiRegion: "false" })),
    ).toEqual(NONE);
    // A value known only at deploy time (a parameter) cannot be called a failure.
    expect(failure({}, { KeySpec: { Ref: "Spec" } })).toBeNull();
    expect(
      changeOf(key("K", { KeySpec: { Ref: "Spec" } }), key("K", { KeySpec: { Ref: "Spec" } })),
    ).toEqual(NONE);
  });

  it("calls a DeletionPolicy, policy, description or tag change an update that disables nothing", () => {
    expect(changeOf(key("K"), key("K", {}, { deletionPolicy: "Retain" }))).toEqual(UPDATE);
    expect(changeOf(key("K"), key("K", { Description: "d" }))).toEqual(UPDATE);
    expect(changeOf(key("K"), key("K", { Tags: [{ Key: "a", Value: "b" }] }))).toEqual(UPDATE);
    // Member order is no difference.
    expect(
      changeOf(
        key("K", { KeyPolicy: { Version: "2012-10-17", Statement: [] } }),
        key("K", { KeyPolicy: { Statement: [], Version: "2012-10-17" } }),
      ),
    ).toEqual(NONE);
  });

  it("replaces a replica key whose primary changes, with the old replica's window", () => {
    const replica = (primary: string) =>
      key(
        "R",
        { PrimaryKeyArn: { "Fn::GetAtt": [primary, "Arn"] }, PendingWindowInDays: 7 },
        {
          type: "AWS::KMS::ReplicaKey",
        },
      );
    expect(changeOf(replica("A"), replica("B"))).toEqual({
      action: "replace",
      deletionWindowDays: 7,
      disables: false,
      failure: null,
    });
    expect(changeOf(replica("A"), replica("A"))).toEqual(NONE);
  });

  it("says CloudFormation refuses a logical id that changes its type", () => {
    const bucket = key("K", {}, { type: "AWS::S3::Bucket" });
    const refs = diffStacks([stack("S", [key("K")])], [stack("S", [bucket])], "cdk-assembly");
    expect(refs).toHaveLength(1);
    expect(refs[0]?.change?.failure).toBe(
      "CloudFormation cannot change the type of resource K (AWS::KMS::Key → AWS::S3::Bucket); the stack update will fail. Give the new key a new logical id instead.",
    );
    expect(refs[0]?.file).toBe("cdk.out/S.template.json");
  });

  it("removes every key of a stack that is gone, by each key's policy", () => {
    const gone = stack("Gone", [key("A"), key("B", {}, { deletionPolicy: "Retain" })], {
      templateFile: "base.out/Gone.template.json",
    });
    const refs = diffStacks([gone, stack("S", [])], [stack("S", [])], "cdk-assembly");
    expect(changes(refs)).toEqual({ "Gone/A": DELETE, "Gone/B": ORPHAN });
    expect(refs.map((r) => r.file)).toEqual([
      "base.out/Gone.template.json",
      "base.out/Gone.template.json",
    ]);
  });

  it("keeps the keys of a nested stack its parent retains", () => {
    const nestedResource = (policy: string) =>
      key("InnerNested", {}, { type: "AWS::CloudFormation::Stack", deletionPolicy: policy });
    const inner = stack("Parent-InnerNested", [key("A")], {
      parent: { stack: "Parent", logicalId: "InnerNested", parent: null },
    });
    const retained = diffStacks(
      [stack("Parent", [nestedResource("Retain")]), inner],
      [stack("Parent", [])],
      "cdk-assembly",
    );
    expect(changes(retained)).toEqual({ "Parent-InnerNested/A": ORPHAN });
    const deleted = diffStacks(
      [stack("Parent", [nestedResource("Delete")]), inner],
      [stack("Parent", [])],
      "cdk-assembly",
    );
    expect(changes(deleted)).toEqual({ "Parent-InnerNested/A": DELETE });
  });

  it("creates every key of a new stack", () => {
    expect(changes(diffStacks([], [stack("S", [key("A")])], "cdk-assembly"))).toEqual({
      "S/A": CREATE,
    });
  });

  it("matches stacks by name, account and region, an unknown account or region matching any", () => {
    const us = stack("S", [key("A")]);
    const eu = stack("S", [key("A")], { region: "eu-west-1" });
    // One region's stack goes; the other's key stays.
    const refs = diffStacks([us, eu], [eu], "cdk-assembly");
    expect(
      refs.map((r) => [r.target.kind === "stack-resource" && r.target.region, r.action]),
    ).toEqual([
      ["eu-west-1", "none"],
      ["us-east-1", "delete"],
    ]);
    // An environment-agnostic base stack is the same stack once it names its account.
    const agnostic = stack("S", [key("A")], { account: null, region: null });
    expect(changes(diffStacks([agnostic], [us], "cdk-assembly"))).toEqual({ "S/A": NONE });
    // Two candidates: no guess.
    expect(changes(diffStacks([us, eu], [agnostic], "cdk-assembly"))).toEqual({ "S/A": DELETE });
  });

  it("ignores resources that are not keys, and carries the given source", () => {
    const bucket = key("B", {}, { type: "AWS::S3::Bucket" });
    const alias = key("Al", {}, { type: "AWS::KMS::Alias" });
    const refs = diffStacks(
      [stack("S", [bucket, alias])],
      [stack("S", [key("K", {}, { constructPath: "S/K/Resource" })])],
      "cloudformation-template",
    );
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({
      source: "cloudformation-template",
      address: "S/K/Resource",
      change: { source: "cloudformation-template", address: "S/K/Resource" },
    });
  });
});

describe("diffDeployed", () => {
  const head = stack("S", [key("K", { Enabled: false }), key("New")]);

  it("compares a parsed deployed template, absent DeletionPolicy being Delete", () => {
    const deployed = {
      Resources: {
        K: { Type: "AWS::KMS::Key", Properties: {} },
        Old: {
          Type: "AWS::KMS::Key",
          Properties: { PendingWindowInDays: 14 },
          Metadata: { "aws:cdk:path": "S/Old/Resource" },
        },
        Kept: { Type: "AWS::KMS::Key", DeletionPolicy: "Retain" },
      },
    };
    expect(changes(diffDeployed(deployed, head))).toEqual({
      "S/K": { ...UPDATE, disables: true },
      "S/New": CREATE,
      "S/Old/Resource": { ...DELETE, deletionWindowDays: 14 },
      "S/Kept": ORPHAN,
    });
  });

  it("reads a template body in YAML, with CloudFormation's tags", () => {
    const body = [
      "Resources:",
      "  K:",
      "    Type: AWS::KMS::Key",
      "    Properties:",
      "      Description: !Join [' ', [!Ref AWS::StackName, key]]",
    ].join("\n");
    expect(changes(diffDeployed(body, head))).toMatchObject({
      "S/K": { action: "update", disables: true },
    });
  });

  it("creates every key when the stack is not deployed", () => {
    expect(changes(diffDeployed(null, head))).toEqual({ "S/K": CREATE, "S/New": CREATE });
  });

  it("refuses what is not a template", () => {
    expect(() => diffDeployed([1, 2], head)).toThrow(InputError);
    expect(() => diffDeployed({ Resources: [] }, head)).toThrow(/not a CloudFormation template/);
  });

  // A deployed key whose entry cannot be read would not be seen going away.
  it.each([
    ["a resource that is null", { Resources: { K: null } }, "Resources.K: expected a resource"],
    ["a resource without a Type", { Resources: { K: { Properties: {} } } }, "Resources.K.Type:"],
    [
      "a DeletionPolicy of the wrong type",
      { Resources: { K: { Type: "AWS::KMS::Key", DeletionPolicy: 1 } } },
      "Resources.K.DeletionPolicy: expected Delete, Retain",
    ],
  ])("refuses a deployed template with %s, naming the stack", (_case, deployed, message) => {
    expect(() => diffDeployed(deployed, head)).toThrow(
      expect.objectContaining({
        file: `the deployed template of stack ${head.name}`,
        message: expect.stringContaining(message),
      }),
    );
  });
});
