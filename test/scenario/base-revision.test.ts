/**
 * Lines in the base revision (SPEC §2 "Locating code"): a resource the change
 * deletes has no line in the checkout; with `--base-ref`, git gives its line in
 * the base commit, reported as `baseLocation` (never as a checkout line), where
 * a review comment can sit on the deleted lines.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitRevisionFiles } from "../../src/git-revision.js";
import { fixtureApp, presynthesizedApp, readAssembly, tempDir } from "../support/cdk/synth.js";
import { runCli } from "../support/cli.js";

const ACCOUNT = "111122223333";
const DATA_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const DATA_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${DATA_ID}`;

let work: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  work = await tempDir("kul-base-revision-");
});
afterAll(() => work.remove());

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  }).trim();
}

/** A repository with `base` committed and tagged `base`, then `head` committed on top. */
async function repoWith(
  name: string,
  base: Record<string, string>,
  head: Record<string, string | null>,
): Promise<string> {
  const dir = join(work.dir, name);
  await mkdir(dir, { recursive: true });
  git(dir, "init", "-q");
  for (const [path, text] of Object.entries(base)) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  git(dir, "tag", "base");
  for (const [path, text] of Object.entries(head)) {
    if (text === null) git(dir, "rm", "-q", path);
    else await writeFile(join(dir, path), text);
  }
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "head");
  return dir;
}

const facts = (keys: Record<string, { used: boolean }>) => ({
  version: 1,
  capturedAt: "2026-11-27T00:00:00Z",
  account: ACCOUNT,
  keys: Object.fromEntries(
    Object.entries(keys).map(([arn, { used }]) => {
      const id = arn.split("/")[1];
      return [
        arn,
        {
          KeyMetadata: {
            KeyId: id,
            Arn: arn,
            AWSAccountId: ACCOUNT,
            KeyState: "Enabled",
            Enabled: true,
            KeyManager: "CUSTOMER",
            CreationDate: "2026-06-01T00:00:00Z",
          },
          LastUsage: {
            ...(used
              ? { KeyLastUsage: { Operation: "Decrypt", Timestamp: "2026-11-26T00:00:00Z" } }
              : {}),
            TrackingStartDate: "2026-05-01T00:00:00Z",
            KeyCreationDate: "2026-06-01T00:00:00Z",
          },
        },
      ];
    }),
  ),
});

describe("Terraform: a resource block the change deletes", () => {
  const BASE_TF = [
    "# Keys",
    "",
    'resource "aws_kms_key" "logs" {}',
    "",
    'resource "aws_kms_key" "data" {',
    '  description = "Customer data"',
    "}",
    "",
  ].join("\n");
  const HEAD_TF = ["# Keys", "", 'resource "aws_kms_key" "logs" {}', ""].join("\n");
  const PLAN = {
    format_version: "1.2",
    resource_changes: [
      {
        address: "aws_kms_key.data",
        mode: "managed",
        type: "aws_kms_key",
        name: "data",
        change: {
          actions: ["delete"],
          before: { arn: DATA_ARN, key_id: DATA_ID, deletion_window_in_days: 7, is_enabled: true },
          after: null,
          after_unknown: {},
        },
      },
    ],
    configuration: { root_module: {} },
  };

  /** The plan and facts in `dir`, checked with `extra` arguments: stdout and stderr. */
  async function check(dir: string, extra: string[]) {
    await writeFile(join(dir, "plan.json"), JSON.stringify(PLAN));
    await writeFile(join(dir, "facts.json"), JSON.stringify(facts({ [DATA_ARN]: { used: true } })));
    const args = ["plan.json", "--facts", "facts.json", "--now", "2026-11-28T00:00:00Z"];
    return runCli(
      [...args, "--repo-root", dir, "--terraform-dir", join(dir, "infra"), ...extra],
      dir,
      { gitRevision: gitRevisionFiles, readFile: (path) => readFile(join(dir, path), "utf8") },
    );
  }
  const json = async (dir: string, extra: string[]) => {
    const run = await check(dir, [...extra, "--format", "json"]);
    return { report: JSON.parse(run.stdout), stderr: run.stderr };
  };

  it("has its line in the base commit with --base-ref, and none in the checkout", async () => {
    const dir = await repoWith("tf", { "infra/main.tf": BASE_TF }, { "infra/main.tf": HEAD_TF });
    const { report, stderr } = await json(dir, ["--base-ref", "base"]);
    expect(stderr).toBe("");
    const finding = report.findings.find(
      (f: { ruleId: string }) => f.ruleId === "deleting-recently-used-key",
    );
    expect(finding.location).toBeNull();
    expect(finding.baseLocation).toEqual({
      file: "infra/main.tf",
      line: 5,
      column: 1,
      endLine: 7,
    });
    expect(report.keys[0].references[0].baseLocation).toEqual({
      file: "infra/main.tf",
      line: 5,
      column: 1,
      endLine: 7,
    });
    // The text report lists it under the base revision's file, at its old line.
    expect((await check(dir, ["--base-ref", "base"])).stdout).toMatch(
      /^infra\/main\.tf \(base revision, deleted lines\)\n {2}5 {2}error {3}/m,
    );

    const without = (await json(dir, [])).report;
    expect(without.findings[0].location).toBeNull();
    expect(without.findings[0].baseLocation).toBeNull();
    expect((await check(dir, [])).stdout).not.toContain("base revision");
  });

  it("warns and goes on when git does not have the base ref", async () => {
    const dir = await repoWith(
      "tf-missing",
      { "infra/main.tf": BASE_TF },
      { "infra/main.tf": HEAD_TF },
    );
    const { report, stderr } = await json(dir, ["--base-ref", "no-such-ref"]);
    expect(stderr).toContain("--base-ref no-such-ref: no such commit in the git repository");
    expect(report.findings[0].baseLocation).toBeNull();
  });
});

describe("CDK: a construct the change deletes", () => {
  it("never gets a checkout line from the base assembly; with --base-ref, its line in the base commit", async () => {
    const base = await presynthesizedApp("changes/base", join(work.dir, "synth-base"));
    const head = await presynthesizedApp("changes/head", join(work.dir, "synth-head"));
    const appBase = await readFile(join(fixtureApp("changes/base"), "app.mjs"), "utf8");
    const appHead = await readFile(join(fixtureApp("changes/head"), "app.mjs"), "utf8");
    const dir = await repoWith("cdk", { "app.mjs": appBase }, { "app.mjs": appHead });
    await copyFile(join(fixtureApp("changes/head"), "app.mjs"), join(dir, "app.mjs"));

    const run = async (extra: string[]) => {
      const out = await runCli(
        [
          "--cdk-out",
          head,
          "--cdk-base",
          base,
          "--repo-root",
          dir,
          "--format",
          "json",
          "--fail-on",
          "none",
          ...extra,
        ],
        dir,
        {
          gitRevision: gitRevisionFiles,
          // No AWS: every key is unavailable, which is enough for the locations.
          liveFacts: undefined,
        },
      );
      return out;
    };
    const withFacts = ["--facts", join(dir, "facts.json"), "--now", "2026-11-28T00:00:00Z"];
    // The deployed DestroyKey, used three days ago: its deletion is an error.
    const keysStack = (await readAssembly(base)).stacks.find((s) => s.name === "KeysStack");
    const logicalId = [...(keysStack?.resources.values() ?? [])].find(
      (r) => r.constructPath === "KeysStack/DestroyKey/Resource",
    )?.logicalId;
    const destroyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${DATA_ID}`;
    await writeFile(
      join(dir, "facts.json"),
      JSON.stringify({
        ...facts({ [destroyArn]: { used: true } }),
        stacks: {
          "KeysStack@us-east-1": { account: ACCOUNT, resources: { [logicalId ?? "?"]: DATA_ID } },
        },
      }),
    );

    const plain = JSON.parse((await run(withFacts)).stdout);
    const destroy = (report: {
      keys: { change: { address: string } | null; references: unknown[] }[];
    }) => report.keys.find((k) => k.change?.address === "KeysStack/DestroyKey/Resource");
    // The base's line 13 is another construct (SpecKey) in the checkout: no line at all.
    expect(destroy(plain)?.references).toEqual([
      expect.objectContaining({ location: null, baseLocation: null }),
    ]);

    const located = JSON.parse((await run([...withFacts, "--base-ref", "base"])).stdout);
    expect(destroy(located)?.references).toEqual([
      expect.objectContaining({ location: null, baseLocation: { file: "app.mjs", line: 13 } }),
    ]);
    // The deletion of the used DESTROY key, on the construct's line in the base revision.
    expect(
      located.findings.find((f: { ruleId: string }) => f.ruleId === "deleting-recently-used-key"),
    ).toMatchObject({
      keyArn: destroyArn,
      location: null,
      baseLocation: { file: "app.mjs", line: 13 },
    });
    // A construct the change keeps still has its checkout line.
    const spec = located.keys.find(
      (k: { change: { address: string } | null }) =>
        k.change?.address === "KeysStack/SpecKey/Resource",
    );
    expect(spec.references[0].location).toEqual({ file: "app.mjs", line: 13 });
  }, 60_000);
});

describe("gitRevisionFiles", () => {
  it("reads files and directories of a commit by their checkout paths", async () => {
    const dir = await repoWith(
      "files",
      { "a/b.txt": "old\n", "c.txt": "c\n" },
      { "a/b.txt": "new\n", "c.txt": null },
    );
    const files = await gitRevisionFiles(dir, "base");
    expect(files).not.toBeNull();
    expect(await files?.readText(join(dir, "a/b.txt"))).toBe("old\n");
    expect(await files?.readText(join(dir, "c.txt"))).toBe("c\n");
    expect((await files?.list(dir))?.sort()).toEqual(["a", "c.txt"]);
    expect(await files?.list(join(dir, "a"))).toEqual(["b.txt"]);
    expect(await files?.readText(join(dir, "missing.txt"))).toBeNull();
    expect(await files?.readText(join(dir, "a"))).toBeNull();
    expect(await files?.readText(join(dir, "..", "outside.txt"))).toBeNull();
    expect(await gitRevisionFiles(dir, "no-such-ref")).toBeNull();
    expect(await gitRevisionFiles(dir, "--output=/tmp/x")).toBeNull();
    expect(await gitRevisionFiles(work.dir, "HEAD")).toBeNull();
  });
});
