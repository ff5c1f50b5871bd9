/**
 * How the command finds its inputs and rules (SPEC §2, §7; issue 12): a directory is
 * searched, no PATH searches the working directory, `-` is standard input, Terraform
 * source and binary plans are told apart, and the rules file is found up to the
 * repository's root.
 */
import { access, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { RefusedFileError, readRegularFile } from "../../src/read-file.js";
import { runCli } from "../support/cli.js";
import { ROOT } from "../support/run-dist.js";

const NOW = "2026-11-28T00:00:00Z";
const FACTS = join(ROOT, "examples/facts.json");
const PLAN_TEXT = readFileSync(join(ROOT, "examples/plan.json"), "utf8");
const CHECK = ["--facts", FACTS, "--now", NOW];
// A key of examples/facts.json that the plan does not delete.
const FACTS_KEY = "arn:aws:kms:us-east-1:111122223333:key/0f9e8d7c-6b5a-4321-8fed-cba987654321";
const UNUSED_KEY_OFF = "extends: [recommended]\nrules:\n  unused-key: off\n";

/** A fresh copy of examples/ (plan, .tf sources, modules) in a temp directory. */
function examplesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "kul-inputs-"));
  cpSync(join(ROOT, "examples"), dir, { recursive: true });
  return dir;
}

/** The CLI run in `cwd`, reading relative paths from there as the real CLI does from its own. */
function cli(argv: string[], cwd: string, deps: Parameters<typeof runCli>[2] = {}) {
  const readFile = (path: string, maxBytes: number) =>
    readRegularFile(resolve(cwd, path), maxBytes);
  return runCli(argv, cwd, { readFile, ...deps });
}

function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), "kul-inputs-"));
}

/** Whether a path (relative to `cwd`) exists, as the CLI's `fileExists` tells. */
function existsIn(cwd: string) {
  return (path: string) =>
    new Promise<boolean>((resolve) => access(join(cwd, path), (error) => resolve(!error)));
}

describe("a directory PATH", () => {
  it("is searched, says what it found, and reports as the plan named itself would", async () => {
    const dir = examplesCopy();
    const named = await cli(["check", join(dir, "plan.json"), ...CHECK], dir);
    const searched = await cli(["check", dir, ...CHECK], dir);
    expect(searched.code).toBe(1);
    expect(searched.stderr).toBe(`found 1 input in ${dir}: plan.json (Terraform plan)\n`);
    expect(searched.stdout).toBe(named.stdout);
    expect(searched.stdout).toContain("deleting-recently-used-key");
  });

  it("with --quiet, says nothing of what it found", async () => {
    const dir = examplesCopy();
    const run = await cli(["check", dir, "--quiet", ...CHECK], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
  });

  it("holding a broken plan stops the run (exit 2), naming the file", async () => {
    const dir = examplesCopy();
    writeFileSync(join(dir, "plan.json"), PLAN_TEXT.slice(0, 500));
    const run = await cli(["check", dir, ...CHECK], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^kms-usage-lint: ${dir}/plan\\.json:\\d+: not valid JSON`),
    );
  });

  it("holding no input is exit 2, saying what was searched", async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, "main.tf"), 'resource "aws_kms_key" "a" {}\n');
    writeFileSync(join(dir, "package.json"), '{"name": "x"}');
    const run = await cli(["check", dir, ...CHECK], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `kms-usage-lint: ${dir}: no inputs found in ${dir}: looked at 1 file (*.json, *.yaml, *.yml, *.tfstate, *.template) in 1 directory, to depth 12, leaving out .git, node_modules, .terraform, for Terraform plans, state and outputs as JSON, CloudFormation templates, CDK outputs and cloud assemblies; name an input (kms-usage-lint check plan.json, terraform show -json PLANFILE | kms-usage-lint check -) or a key (--key ARN)\n`,
    );
  });

  it("and the plan in it named too: the plan is read once", async () => {
    const dir = examplesCopy();
    const once = await cli(["check", join(dir, "plan.json"), "--format", "json", ...CHECK], dir);
    const twice = await cli(
      ["check", join(dir, "plan.json"), dir, "--format", "json", ...CHECK],
      dir,
    );
    expect(twice.stdout).toBe(once.stdout);
  });

  it("holding a plan below the search's depth stops the run (exit 2) instead of passing", async () => {
    const dir = emptyDir();
    const deep = join(dir, ...Array.from({ length: 13 }, (_, i) => `d${i}`));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, "plan.json"), PLAN_TEXT);
    // Beside it, outputs naming a key the snapshot knows: the run had something to pass on.
    const output = { type: "string", value: FACTS_KEY };
    writeFileSync(join(dir, "outputs.json"), JSON.stringify({ key_arn: output }));
    const run = await cli(["check", dir, ...CHECK], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("plan.json: an input below the search's depth of 12 directories");
  });

  it.each([
    ["the directory first", (dir: string) => [dir, join(dir, "plan.json")]],
    ["the plan written two ways", (dir: string) => [join(dir, "plan.json"), `${dir}/./plan.json`]],
    ["the directory twice", (dir: string) => [dir, `${dir}/`]],
  ])("and the plan read once whatever the order: %s", async (_, paths) => {
    const dir = examplesCopy();
    const once = await cli(["check", join(dir, "plan.json"), "--format", "json", ...CHECK], dir);
    const run = await cli(["check", ...paths(dir), "--format", "json", ...CHECK], dir);
    expect(run.stdout).toBe(once.stdout);
  });
});

describe("a directory PATH holding the assemblies --cdk-out and --cdk-base name", () => {
  it("reads them as those options say, not as inputs of their own", async () => {
    const dir = emptyDir();
    const assembly = join(ROOT, "test/fixtures/cdk-assembly/awscdk_kms_key_v20");
    cpSync(assembly, join(dir, "head"), { recursive: true });
    cpSync(assembly, join(dir, "base"), { recursive: true });
    const options = ["--cdk-out", join(dir, "head"), "--cdk-base", join(dir, "base")];
    const alone = await cli(["check", ...options, "--format", "json", ...CHECK], dir);
    const searched = await cli(["check", dir, ...options, "--format", "json", ...CHECK], dir);
    expect(searched.stdout).toBe(alone.stdout);
    expect(searched.code).toBe(alone.code);
  });
});

describe("check with no PATH", () => {
  it("searches the working directory and says what it found", async () => {
    const dir = examplesCopy();
    const named = await cli(["check", "plan.json", ...CHECK], dir);
    const run = await cli(["check", ...CHECK], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `found 1 input in the working directory (${dir}): plan.json (Terraform plan)\n`,
    );
    expect(run.stdout).toBe(named.stdout);
  });

  it("finding nothing is exit 2, not a pass", async () => {
    const dir = emptyDir();
    const run = await cli(["check", ...CHECK], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^kms-usage-lint: no inputs found in the working directory \\(${dir}\\): looked at 0 files`,
      ),
    );
  });

  it("with only --key, checks the key and searches nothing", async () => {
    const dir = examplesCopy();
    const arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const run = await cli(["check", "--key", arn, "--format", "json", ...CHECK], dir);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).summary.keys).toBe(1);
  });
});

describe("Terraform source and binary plans given as inputs", () => {
  it.each([
    ["main.tf", 'resource "aws_kms_key" "a" {\n  description = "x"\n}\n'],
    ["main.tf.json", '{"resource": {"aws_kms_key": {"a": {}}}}'],
    ["kms.hcl", '# keys\nterraform {\n  required_version = ">= 1.5"\n}\n'],
  ])("%s → exit 2: run terraform show -json", async (name, text) => {
    const dir = emptyDir();
    writeFileSync(join(dir, name), text);
    const run = await cli(["check", join(dir, name), ...CHECK], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `kms-usage-lint: ${dir}/${name}: this is Terraform source, not a plan: run \`terraform plan -out PLANFILE\` and \`terraform show -json PLANFILE > plan.json\`, and pass plan.json\n`,
    );
  });

  it("the example's main.tf, as the issue ran it", async () => {
    const run = await cli(["check", "main.tf", ...CHECK], join(ROOT, "examples"));
    expect(run.stderr).toMatch(
      /^kms-usage-lint: main\.tf: this is Terraform source, not a plan: run `terraform plan -out PLANFILE` and `terraform show -json PLANFILE > plan\.json`/,
    );
  });

  it("a saved plan (a zip archive) → exit 2: a binary Terraform plan", async () => {
    const dir = emptyDir();
    writeFileSync(
      join(dir, "tfplan"),
      Buffer.from("PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000", "latin1"),
    );
    const run = await cli(["check", join(dir, "tfplan"), ...CHECK], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /tfplan: this is a binary Terraform plan \(a zip archive, as `terraform plan -out` writes\), expected JSON: run `terraform show -json PLANFILE > plan\.json`/,
    );
  });
});

describe("`-`: standard input", () => {
  const stdin = (text: string) => ({ readStdin: async () => text });

  it("reads a plan piped in, as the file would be read", async () => {
    const dir = examplesCopy();
    const named = await cli(["check", "plan.json", "--format", "json", ...CHECK], dir);
    const piped = await cli(["check", "-", "--format", "json", ...CHECK], dir, stdin(PLAN_TEXT));
    expect(piped.code).toBe(1);
    const report = JSON.parse(piped.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(
      JSON.parse(named.stdout).findings.map((f: { ruleId: string }) => f.ruleId),
    );
    // Located like the plan in the working directory: the root module is there.
    expect(report.findings[0].location).toEqual({
      file: "main.tf",
      line: 11,
      column: 1,
      endLine: 17,
    });
  });

  it("recognises any kind by content: a YAML template, as the file would be read", async () => {
    const file = join(ROOT, "test/fixtures/cfn-templates/checkov_kms_rotation_failed.yml");
    const argv = ["check", "--format", "json", ...CHECK];
    const named = await cli([...argv, file], emptyDir());
    const piped = await cli([...argv, "-"], emptyDir(), stdin(readFileSync(file, "utf8")));
    expect(piped.code).toBe(named.code);
    // The stack is named after the file; from standard input, `<stdin>`.
    const keys = (stdout: string) =>
      JSON.parse(stdout).keys.flatMap((k: { references: { address: string }[] }) =>
        k.references.map((r) => r.address.replace(/^[^/]*\//, "")),
      );
    expect(keys(named.stdout)).toEqual(["SymmetricKey"]);
    expect(keys(piped.stdout)).toEqual(keys(named.stdout));
  });

  it("broken input names <stdin> and the line", async () => {
    const run = await cli(["check", "-", ...CHECK], emptyDir(), stdin('{\n  "format_version": '));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kms-usage-lint: <stdin>:2: not valid JSON/);
  });

  it.each([
    ["named twice", ["-", "-"], /`-` \(standard input\) is named more than once/],
    [
      "as --terraform-plan and a PATH",
      ["--terraform-plan", "-", "-"],
      /`-` \(standard input\) is named more than once/,
    ],
    [
      "as a cloud assembly",
      ["--cdk-out", "-"],
      /a cloud assembly is a directory, which cannot come through standard input/,
    ],
  ])("%s → exit 2", async (_, argv, message) => {
    const run = await cli(["check", ...argv, ...CHECK], emptyDir(), stdin(PLAN_TEXT));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("past the input size limit → exit 2", async () => {
    const run = await cli(["check", "-", ...CHECK], emptyDir(), {
      readStdin: async () => {
        throw new RefusedFileError(
          "standard input is over the limit of 2 GiB for this kind of input",
          "EFBIG",
        );
      },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "kms-usage-lint: <stdin>: cannot read standard input: standard input is over the limit of 2 GiB for this kind of input\n",
    );
  });

  it("where there is none (the Action) → exit 2", async () => {
    const run = await cli(["check", "-", ...CHECK], emptyDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "kms-usage-lint: -: there is no standard input to read here: name the input's file\n",
    );
  });
});

describe("the rules file, found", () => {
  /** A repository (a .git directory) holding the example plan in infra/. */
  function repo(files: Record<string, string>): string {
    const dir = emptyDir();
    mkdirSync(join(dir, ".git"));
    mkdirSync(join(dir, "infra"));
    writeFileSync(join(dir, "infra/plan.json"), PLAN_TEXT);
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    return dir;
  }

  async function rulesIn(cwd: string, argv: string[] = []) {
    return cli(["check", "plan.json", "--format", "json", ...argv, ...CHECK], cwd, {
      fileExists: existsIn(cwd),
    });
  }
  const ruleIds = (stdout: string) =>
    JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId);

  it("reads .kms-usage-lint.yaml as well as .yml", async () => {
    const dir = repo({});
    writeFileSync(join(dir, "infra/.kms-usage-lint.yaml"), UNUSED_KEY_OFF);
    const run = await rulesIn(join(dir, "infra"));
    expect(run.stderr).toBe("");
    expect(ruleIds(run.stdout)).not.toContain("unused-key");
    expect(ruleIds(run.stdout)).toContain("deleting-recently-used-key");
  });

  it.each([".kms-usage-lint.yml", ".kms-usage-lint.yaml"])(
    "reads %s at the repository root when run from a subdirectory",
    async (name) => {
      const dir = repo({ [name]: UNUSED_KEY_OFF });
      const run = await rulesIn(join(dir, "infra"));
      expect(run.stderr).toBe("");
      expect(ruleIds(run.stdout)).not.toContain("unused-key");
    },
  );

  it("the nearest wins over the root's", async () => {
    const dir = repo({
      ".kms-usage-lint.yml": "extends: [recommended]\nrules:\n  deleting-recently-used-key: off\n",
    });
    writeFileSync(join(dir, "infra/.kms-usage-lint.yml"), UNUSED_KEY_OFF);
    const ids = ruleIds((await rulesIn(join(dir, "infra"))).stdout);
    expect(ids).not.toContain("unused-key");
    expect(ids).toContain("deleting-recently-used-key");
  });

  it("is not looked for above the repository's root", async () => {
    const outer = emptyDir();
    writeFileSync(join(outer, ".kms-usage-lint.yml"), UNUSED_KEY_OFF);
    mkdirSync(join(outer, "repo"));
    const dir = join(outer, "repo");
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, "plan.json"), PLAN_TEXT);
    expect(ruleIds((await rulesIn(dir)).stdout)).toContain("unused-key");
  });

  it("both names in one directory → exit 2, naming both", async () => {
    const dir = repo({
      ".kms-usage-lint.yml": UNUSED_KEY_OFF,
      ".kms-usage-lint.yaml": UNUSED_KEY_OFF,
    });
    const run = await rulesIn(join(dir, "infra"));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "kms-usage-lint: ../.kms-usage-lint.yml: both ../.kms-usage-lint.yml and ../.kms-usage-lint.yaml exist; which holds the rules cannot be told: remove one, or name it with --config\n",
    );
  });

  it("--config still wins", async () => {
    const dir = repo({
      ".kms-usage-lint.yml": UNUSED_KEY_OFF,
      ".kms-usage-lint.yaml": UNUSED_KEY_OFF,
    });
    writeFileSync(join(dir, "all.yml"), "extends: [recommended]\n");
    const run = await rulesIn(join(dir, "infra"), ["--config", "../all.yml"]);
    expect(run.stderr).toBe("");
    expect(ruleIds(run.stdout)).toContain("unused-key");
  });
});
