/**
 * A light start (issue 15, SPEC §9): the bundle loads what a command needs and no
 * more. `--version` and `--help` load the argument parser alone; the commands that
 * ask no AWS load no AWS SDK. Each run records, through a module hook, every file
 * of dist/ Node loads, and the test reads what each of them bundles (esbuild names
 * every package's files in a comment, `// node_modules/@aws-sdk/client-kms/…`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeGithub } from "../support/fake-github.js";
import {
  isolatedCopy,
  nodeRuntimes,
  type Ran,
  ROOT,
  runNode,
  runNodeAsync,
} from "../support/run-dist.js";

const NOW = "2026-11-28T00:00:00Z";

// Registered with `node --import`: each module file Node loads is appended to $KUL_MODULES_LOG.
const RECORDER = `import { register } from "node:module";
register("data:text/javascript,${encodeURIComponent(`import { appendFileSync } from "node:fs";
export async function load(url, context, nextLoad) {
  if (url.startsWith("file:")) appendFileSync(process.env.KUL_MODULES_LOG, url + "\\n");
  return nextLoad(url, context);
}`)}");
`;

/** Packages, as esbuild's comments name them, that no command asking no AWS may load. */
const AWS_SDK = /node_modules\/(@aws-sdk|@smithy)\//;
const AWS_CLIENTS = /node_modules\/@aws-sdk\/client-/;
const PARSERS = /node_modules\/(yaml|ajv)\//;
/** The GitHub client, which only a run that calls the GitHub API may load. */
const OCTOKIT = /node_modules\/@octokit\//;

/** The text of every file of dist/ a run loaded (as the recorder logged them), by path. */
function loadedFiles(dir: string, log: string): Map<string, string> {
  const files = readFileSync(log, "utf8")
    .split("\n")
    .filter((url) => url.includes("/dist/"))
    .map((url) => fileURLToPath(url));
  return new Map(files.map((file) => [file.slice(dir.length + 1), readFileSync(file, "utf8")]));
}

const holding = (files: Map<string, string>, pattern: RegExp) =>
  [...files].filter(([, text]) => pattern.test(text)).map(([file]) => file);

describe.each(nodeRuntimes())("the start of dist/ on $name", ({ bin }) => {
  const dir = isolatedCopy();
  writeFileSync(join(dir, "record-modules.mjs"), RECORDER);
  writeFileSync(join(dir, "empty"), "");
  writeFileSync(
    join(dir, "deleting-enabled-key.test.yml"),
    readFileSync(join(ROOT, "rules/deleting-enabled-key.test.yml")),
  );
  let runs = 0;

  /** Runs the CLI; resolves to the text of every file of dist/ it loaded, by path. */
  function loaded(args: string[], env: NodeJS.ProcessEnv = {}): Map<string, string> {
    const log = join(dir, `modules-${++runs}.log`);
    writeFileSync(log, "");
    const run = runNode(bin, ["--import", "./record-modules.mjs", "dist/cli.js", ...args], dir, {
      KUL_MODULES_LOG: log,
      // No shared AWS files and no instance metadata: only what the arguments ask.
      AWS_CONFIG_FILE: join(dir, "empty"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "empty"),
      AWS_EC2_METADATA_DISABLED: "true",
      ...env,
    });
    expect(run.status, run.stderr).not.toBeNull();
    return loadedFiles(dir, log);
  }

  const named = (cases: string[][]) => cases.map((args) => [args.join(" "), args] as const);

  it.each(named([["--version"], ["--help"], ["check", "--help"]]))(
    "`%s` loads neither the AWS SDK nor a parser",
    (_name, args) => {
      const files = loaded(args);
      expect([...files.keys()]).toContain("dist/cli.js");
      expect(holding(files, AWS_SDK)).toEqual([]);
      expect(holding(files, PARSERS)).toEqual([]);
    },
  );

  it.each(
    named([
      ["rules"],
      ["rules", "--schema"],
      ["test", "deleting-enabled-key.test.yml", "--now", NOW],
      ["check", "examples/plan.json", "--facts", "examples/facts.json", "--region", "us-east-1"],
    ]),
  )("`%s` loads no AWS SDK", (_name, args) => {
    const files = loaded(args);
    expect(files.size).toBeGreaterThan(1);
    expect(holding(files, AWS_SDK)).toEqual([]);
  });

  it("a check from a snapshot, given no region and no shared AWS file, loads no AWS SDK", () => {
    const missing = join(dir, "no-such-file");
    const files = loaded(
      ["check", "examples/plan.json", "--facts", "examples/facts.json", "--now", NOW],
      { AWS_CONFIG_FILE: missing, AWS_SHARED_CREDENTIALS_FILE: missing },
    );
    expect(holding(files, AWS_SDK)).toEqual([]);
  });

  it("a check from a snapshot, given no region, reads a shared AWS file with the SDK's reader and no client", () => {
    const files = loaded([
      "check",
      "examples/plan.json",
      "--facts",
      "examples/facts.json",
      "--now",
      NOW,
    ]);
    expect(holding(files, AWS_SDK)).not.toEqual([]);
    expect(holding(files, AWS_CLIENTS)).toEqual([]);
  });

  it("a live check loads the AWS clients (so the markers above would see them)", () => {
    const files = loaded(["check", "examples/plan.json", "--region", "us-east-1"]);
    expect(holding(files, AWS_CLIENTS)).not.toEqual([]);
  });
});

describe.each(nodeRuntimes())("the start of the Action (dist/index.js) on $name", ({ bin }) => {
  const TOKEN = "ghs_lightStartToken00000000000000000000";
  const dir = isolatedCopy();
  writeFileSync(join(dir, "record-modules.mjs"), RECORDER);
  let fake: FakeGithub;
  let runs = 0;

  beforeAll(async () => {
    fake = await FakeGithub.start({ owner: "acme", repo: "infra" });
    fake.addToken(TOKEN, {
      user: { login: "github-actions[bot]", type: "Bot", id: 41898282 },
      canWrite: true,
      userEndpoint: false,
    });
  });
  afterAll(() => fake.close());

  /** Runs the Action on a push with a token, from a snapshot; `inputs` on top. */
  async function action(
    inputs: Record<string, string>,
  ): Promise<Ran & { files: Map<string, string> }> {
    const log = join(dir, `action-modules-${++runs}.log`);
    const output = join(dir, `action-${runs}.output`);
    writeFileSync(log, "");
    writeFileSync(output, "");
    const run = await runNodeAsync(
      bin,
      ["--import", "./record-modules.mjs", "dist/index.js"],
      dir,
      {
        KUL_MODULES_LOG: log,
        "INPUT_TERRAFORM-PLAN": "examples/plan.json",
        INPUT_FACTS: "examples/facts.json",
        INPUT_NOW: NOW,
        "INPUT_FAIL-ON": "none",
        "INPUT_GITHUB-TOKEN": TOKEN,
        ...inputs,
        GITHUB_ACTIONS: "true",
        GITHUB_EVENT_NAME: "push",
        GITHUB_REPOSITORY: "acme/infra",
        GITHUB_SHA: "1".repeat(40),
        GITHUB_API_URL: fake.url,
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: dir,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    return { ...run, files: loadedFiles(dir, log) };
  }

  it("a run that calls no GitHub API (annotations as workflow commands, no comment) loads no Octokit", async () => {
    const before = fake.requests.length;
    const run = await action({ INPUT_ANNOTATIONS: "commands", INPUT_COMMENT: "off" });
    expect(run.stdout).toMatch(/^::(error|warning|notice) /m);
    expect(fake.requests.length).toBe(before);
    expect([...run.files.keys()]).toContain("dist/index.js");
    expect(holding(run.files, OCTOKIT)).toEqual([]);
    expect(holding(run.files, AWS_SDK)).toEqual([]);
  });

  it("a run that creates a check run loads Octokit (so the marker above would see it)", async () => {
    const run = await action({ INPUT_ANNOTATIONS: "checks", INPUT_COMMENT: "off" });
    expect(fake.checkRuns.length).toBeGreaterThan(0);
    expect(holding(run.files, OCTOKIT)).not.toEqual([]);
  });
});
