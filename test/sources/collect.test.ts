import { describe, expect, it } from "vitest";
import { collectReferences } from "../../src/sources/collect.js";
import { nodeSourceFiles } from "../../src/sources/repo.js";

const ACCOUNT = "111122223333";

describe("collectReferences", () => {
  it("takes an input of more references than a call has room for arguments", async () => {
    // One policy naming 150k keys: spread into one array as arguments, the references of
    // a single input overflowed the stack (a 20k-key monorepo in issue 15).
    const count = 150_000;
    const arns = Array.from(
      { length: count },
      (_, i) =>
        `arn:aws:kms:us-east-1:${ACCOUNT}:key/00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
    );
    const values = { name: "grant", policy: null, resources: arns };
    const plan = {
      format_version: "1.2",
      resource_changes: [
        {
          address: "aws_iam_policy.grant",
          mode: "managed",
          type: "aws_iam_policy",
          name: "grant",
          change: { actions: ["no-op"], before: values, after: values },
        },
      ],
    };
    const text = JSON.stringify(plan);
    const references = await collectReferences(
      {
        inputs: [{ kind: "terraform-plan", path: "/nowhere/plan.json" }],
        keys: [],
        cdkOut: [],
        cdkBase: null,
        terraformDir: null,
        repoRoot: "/nowhere",
        baseRef: null,
        parameters: [],
      },
      {
        readFile: async () => text,
        sourceFiles: nodeSourceFiles(),
        cwd: "/nowhere",
        logger: { info: () => {}, warn: () => {}, debug: () => {} },
      },
      { compareWithDeployed: async () => [] },
    );
    expect(references).toHaveLength(count);
    expect(references.at(-1)?.target).toEqual({ kind: "arn", arn: arns.at(-1) });
  });
});
