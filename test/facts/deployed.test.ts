/**
 * Deployed stacks (SPEC §2 "CDK assembly", §3, §10): nested stacks found through their
 * parent's deployed resources, and the comparison with what is deployed, which follows
 * nested stacks the change drops and fails closed where it cannot read.
 */
import { describe, expect, it } from "vitest";
import { deployedStacks } from "../../src/facts/deployed.js";
import { readSnapshot, snapshotFactSource } from "../../src/facts/snapshot.js";
import {
  EvidenceError,
  type FactSource,
  type StackParent,
  type StackRef,
} from "../../src/model.js";
import { compareWithDeployed } from "../../src/sources/cdk/deployed.js";
import type { StackModel } from "../../src/sources/cdk/stack.js";
import { readTemplate } from "../../src/sources/cdk/template.js";
import { testKeyId } from "../support/kms-emulator.js";

const CALLER = "111122223333";
const PROD = "444455556666";
const REGION = "us-east-1";
const key = (policy = "Delete") => ({
  Type: "AWS::KMS::Key",
  Properties: {},
  DeletionPolicy: policy,
});
const nestedResource = (policy = "Delete") => ({
  Type: "AWS::CloudFormation::Stack",
  Properties: { TemplateURL: "x" },
  DeletionPolicy: policy,
});
const stackArn = (name: string, account = CALLER, region = REGION) =>
  `arn:aws:cloudformation:${region}:${account}:stack/${name}/0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9`;

/** A snapshot fact source over `stacks` (`Name@region` → entry). */
function snapshotOf(stacks: Record<string, unknown>, account: string | null = CALLER): FactSource {
  return snapshotFactSource(
    readSnapshot(
      { version: 1, capturedAt: "2026-11-27T00:00:00Z", account, keys: {}, stacks },
      "facts.json",
    ),
  );
}

/** A nested stack's reference: its placeholder name and parent chain, as the assembly reader makes them. */
function nested(parent: StackRef, logicalId: string): StackRef {
  return {
    name: `${parent.name}-${logicalId}`,
    region: parent.region,
    account: parent.account,
    parent: { stack: parent.name, logicalId, parent: parent.parent },
  };
}

const top: StackRef = { name: "App", region: REGION, account: CALLER, parent: null };

describe("deployedStacks: nested stacks through their parent's deployed resources", () => {
  const world = {
    [`App@${REGION}`]: {
      account: CALLER,
      resources: {
        Inner: stackArn("App-Inner-1ABC"),
        Foreign: stackArn("App-Foreign-1ABC", PROD),
        Elsewhere: stackArn("App-Elsewhere-1ABC", CALLER, "eu-west-1"),
        Junk: "not-an-arn",
      },
    },
    [`App-Inner-1ABC@${REGION}`]: {
      account: CALLER,
      resources: { Deeper: stackArn("App-Inner-Deeper-2DEF"), Key: testKeyId(1) },
    },
    [`App-Inner-Deeper-2DEF@${REGION}`]: {
      account: CALLER,
      resources: { Key: testKeyId(2) },
    },
  };

  it("finds a nested stack, and one nested in it, by their physical names", async () => {
    const of = deployedStacks(snapshotOf(world));
    const inner = nested(top, "Inner");
    const inInner = await of(inner);
    expect(inInner.ok && inInner.value?.resources.Key).toBe(testKeyId(1));
    const deeper = await of(nested(inner, "Deeper"));
    expect(deeper.ok && deeper.value?.resources.Key).toBe(testKeyId(2));
  });

  it("a nested stack its parent has not created does not exist", async () => {
    expect(await deployedStacks(snapshotOf(world))(nested(top, "New"))).toEqual({
      ok: true,
      value: null,
    });
  });

  it("a parent that cannot be read makes its nested stacks unreadable, never 'not deployed'", async () => {
    const answer = await deployedStacks(snapshotOf({}))(nested(top, "Inner"));
    expect(answer).toEqual({
      ok: false,
      error: {
        Operation: "ListStackResources",
        Code: "NotInSnapshot",
        Message: `stack App@${REGION} is not in the facts snapshot`,
      },
    });
  });

  it.each([
    ["not a stack ARN", "Junk"],
    ["a stack of another account", "Foreign"],
    ["a stack of another region", "Elsewhere"],
  ])("refuses a physical id that is %s as evidence", async (_case, logicalId) => {
    const answer = await deployedStacks(snapshotOf(world))(nested(top, logicalId));
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.Code).toBe("MalformedAnswer");
    expect(!answer.ok && answer.error.Message).toMatch(
      new RegExp(
        `^not evidence: CloudFormation gives ".*? as the physical id of App/${logicalId}, `,
      ),
    );
  });

  it("asks each stack once, however many references ask", async () => {
    let asked = 0;
    const inner = snapshotOf(world);
    const counting: FactSource = {
      ...inner,
      deployedStack: (...args) => {
        asked++;
        return inner.deployedStack(...args);
      },
    };
    const of = deployedStacks(counting);
    await Promise.all([of(top), of(nested(top, "Inner")), of(nested(top, "Inner")), of(top)]);
    expect(asked).toBe(2);
  });
});

/** A head stack as the assembly reader builds it from `template`. */
function headStack(ref: StackRef, template: unknown): StackModel {
  const parent: StackParent | null = ref.parent;
  return readTemplate(template, `cdk.out/${ref.name}.template.json`, { ...ref, parent }).stack;
}

describe("compareWithDeployed: a nested stack the change drops takes its keys with it", () => {
  const deployedApp = (policy: string) => ({
    [`App@${REGION}`]: {
      account: CALLER,
      resources: { Gone: stackArn("App-Gone-1ABC") },
      template: { Resources: { Gone: nestedResource(policy) } },
    },
    [`App-Gone-1ABC@${REGION}`]: {
      account: CALLER,
      resources: { Key: testKeyId(1), Within: stackArn("App-Gone-Within-2DEF") },
      template: { Resources: { Key: key(), Within: nestedResource() } },
    },
    [`App-Gone-Within-2DEF@${REGION}`]: {
      account: CALLER,
      resources: { DeepKey: testKeyId(2), KeptKey: testKeyId(3) },
      template: { Resources: { DeepKey: key(), KeptKey: key("Retain") } },
    },
  });
  const head = headStack(top, { Resources: {} });
  const actions = (refs: Awaited<ReturnType<typeof compareWithDeployed>>) =>
    Object.fromEntries(refs.map((r) => [r.address, r.change?.action]));

  it("deletes the keys of the dropped nested stack and of those nested in it, by their own policies", async () => {
    const refs = await compareWithDeployed(
      [head],
      deployedStacks(snapshotOf(deployedApp("Delete"))),
    );
    expect(actions(refs)).toEqual({
      "App-Gone/Key": "delete",
      "App-Gone-Within/DeepKey": "delete",
      "App-Gone-Within/KeptKey": "orphan",
    });
    // Each is known by the chain that deploys it, for gather to find the deployed key.
    expect(refs.find((r) => r.address === "App-Gone-Within/DeepKey")?.target).toEqual({
      kind: "stack-resource",
      stack: "App-Gone-Within",
      region: REGION,
      account: CALLER,
      logicalId: "DeepKey",
      parent: {
        stack: "App-Gone",
        logicalId: "Within",
        parent: { stack: "App", logicalId: "Gone", parent: null },
      },
    });
    expect(refs.every((r) => r.file === "cdk.out/App.template.json")).toBe(true);
  });

  it("orphans them all when the nested stack resource retains the stack", async () => {
    const refs = await compareWithDeployed(
      [head],
      deployedStacks(snapshotOf(deployedApp("Retain"))),
    );
    expect(actions(refs)).toEqual({
      "App-Gone/Key": "orphan",
      "App-Gone-Within/DeepKey": "orphan",
      "App-Gone-Within/KeptKey": "orphan",
    });
  });

  it("a dropped nested stack that cannot be read stops the run", async () => {
    const world: Record<string, unknown> = deployedApp("Delete");
    delete world[`App-Gone-Within-2DEF@${REGION}`];
    const run = compareWithDeployed([head], deployedStacks(snapshotOf(world)));
    await expect(run).rejects.toThrow(EvidenceError);
    await expect(run).rejects.toThrow(
      `could not tell what the change does to nested stack App/Gone/Within in ${REGION}: without --cdk-base its deployed template is the base, and ListStackResources: stack App-Gone-Within-2DEF@${REGION} is not in the facts snapshot.`,
    );
  });

  it("ends on deployed stacks that nest themselves (a wrong answer), without looping", async () => {
    const world = {
      [`App@${REGION}`]: {
        account: CALLER,
        resources: { Gone: stackArn("App") },
        template: { Resources: { Gone: nestedResource() } },
      },
    };
    await expect(compareWithDeployed([head], deployedStacks(snapshotOf(world)))).rejects.toThrow(
      /nested more than 8 deep/,
    );
  });

  it("compares a head nested stack with its deployed template under its physical name", async () => {
    const world = {
      [`App@${REGION}`]: {
        account: CALLER,
        resources: { Inner: stackArn("App-Inner-1ABC") },
        template: { Resources: { Inner: nestedResource() } },
      },
      [`App-Inner-1ABC@${REGION}`]: {
        account: CALLER,
        resources: { Key: testKeyId(1) },
        template: { Resources: { Key: key(), Removed: key() } },
      },
    };
    const parent = headStack(top, { Resources: { Inner: nestedResource() } });
    const inner = headStack(nested(top, "Inner"), { Resources: { Key: key() } });
    const refs = await compareWithDeployed([parent, inner], deployedStacks(snapshotOf(world)));
    expect(actions(refs)).toEqual({ "App-Inner/Key": "none", "App-Inner/Removed": "delete" });
  });
});
