import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/model.js";
import { RefusedFileError, readRegularFile } from "../../src/read-file.js";
import { recogniseText } from "../../src/sources/detect.js";
import {
  MAX_LOOK_DEPTH,
  MAX_SEARCH_DEPTH,
  MAX_SEARCH_ENTRIES,
  type SearchDeps,
  searchDirectory,
} from "../../src/sources/discover.js";
import { nodeSourceFiles, type SourceFiles } from "../../src/sources/repo.js";
import { ROOT } from "../support/run-dist.js";
import { mkfifo, POSIX } from "../support/special-files.js";

const FIXTURES = join(ROOT, "test/fixtures");
const PLAN = readFileSync(join(ROOT, "examples/plan.json"), "utf8");
const STATE = readFileSync(join(FIXTURES, "terraform-state/driftctl_aws_kms_key.tfstate"), "utf8");

function nodeDeps(files: SourceFiles = nodeSourceFiles()): SearchDeps {
  return { files, readFile: readRegularFile, resolvePath: (path) => resolve(ROOT, path) };
}

/** A temp directory holding `files` (path → text). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kul-search-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function found(dir: string, deps = nodeDeps()) {
  const result = await searchDirectory(dir, deps);
  return result.found.map((input) => [relative(dir, input.path), input.kind]);
}

async function searchError(dir: string, deps = nodeDeps()): Promise<string> {
  try {
    await searchDirectory(dir, deps);
  } catch (error) {
    if (error instanceof InputError) return error.describe();
    throw error;
  }
  throw new Error("the search did not fail");
}

// Every file under test/fixtures, by what it is. The folders of real inputs hold
// only their kind; what is deliberately no input is listed by name.
const KIND_OF_FOLDER: Record<string, string> = {
  "cdk-outputs": "cdk-outputs",
  "cfn-templates": "cloudformation-template",
  "terraform-outputs": "terraform-outputs",
  "terraform-plan": "terraform-plan",
  "terraform-state": "terraform-state",
};
const NOT_INPUTS: Record<string, string> = {
  "SOURCES.tsv": "the fixtures' provenance",
  "schemas/sarif-schema-2.1.0.json": "a JSON Schema",
  "schemas/github-action.json": "a JSON Schema",
  "terraform-plan/infracost_setup_terraform_wrapper_NOT_PURE_JSON.plan.txt":
    "a wrapped plan named .txt: read when named, not searched for",
  "tf-scenario/infra/facts.json": "a facts snapshot",
  "cdk-apps/locate/cdk.json": "a CDK app's settings",
  "tf-repo/infra/json-only.tf.json": "Terraform source in JSON",
};
// Source code (Terraform, CDK apps) and notes, never read by a search.
const SOURCE_FILE_RE = /\.(?:tf|mjs|md)$|\/\.gitattributes$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : [relative(FIXTURES, join(dir, entry.name))],
  );
}

describe("searching test/fixtures itself", () => {
  it("recognises every file as its kind, each cloud assembly as one input", async () => {
    const expected: [string, string][] = [];
    const assemblies = [
      ...readdirSync(join(FIXTURES, "cdk-assembly")).map((name) => `cdk-assembly/${name}`),
      // Pre-synthesized, for tests that would otherwise synthesize their apps every run.
      "cdk-synth/assembly",
      "cdk-synth/changes/base",
      "cdk-synth/changes/head",
      "cdk-synth/intrinsics",
      "cdk-synth/locate",
      "cdk-synth/pipeline/base",
      "cdk-synth/pipeline/head",
    ];
    for (const name of assemblies) expected.push([name, "cloud-assembly"]);
    const unexplained: string[] = [];
    for (const file of filesUnder(FIXTURES)) {
      const kind = KIND_OF_FOLDER[file.split("/")[0] as string];
      if (
        file.startsWith("cdk-assembly/") ||
        file.startsWith("cdk-synth/") ||
        file in NOT_INPUTS ||
        SOURCE_FILE_RE.test(file)
      )
        continue;
      if (kind !== undefined) expected.push([file, kind]);
      else unexplained.push(file);
    }
    expect(unexplained).toEqual(["tf-scenario/infra/plan.json"]);
    expected.push(["tf-scenario/infra/plan.json", "terraform-plan"]);
    expected.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(await found("test/fixtures")).toEqual(expected);
    expect(expected).toHaveLength(85);
  });

  it("names each kind the way it recognises it, file by file", () => {
    // The same recognition, one file at a time: a file the search lists is read as its kind.
    expect(
      recogniseText(
        "x.tf.json",
        readFileSync(join(FIXTURES, "tf-repo/infra/json-only.tf.json"), "utf8"),
      ),
    ).toEqual({
      kind: null,
      reason: "Terraform source",
    });
    expect(
      recogniseText(
        "facts.json",
        readFileSync(join(FIXTURES, "tf-scenario/infra/facts.json"), "utf8"),
      ),
    ).toEqual({
      kind: null,
      reason: "not an input",
    });
  });
});

describe("searching a directory", () => {
  it("finds the inputs among a repository's other files, skipping .git, node_modules, .terraform and .tf", async () => {
    const dir = tree({
      "infra/plan.json": PLAN,
      "infra/main.tf": 'resource "aws_kms_key" "a" {}\n',
      "infra/main.tf.json": '{"resource": {}}',
      "infra/terraform.tfstate": STATE,
      "infra/.terraform/modules/modules.json": PLAN,
      "tsconfig.json": '{\n  // comments are fine in a tsconfig\n  "compilerOptions": {}\n}\n',
      "package.json": '{"name": "x", "scripts": {"build": "tsc"}}',
      ".github/workflows/ci.yml": "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n",
      "charts/values.yaml": "image: {{ .Values.image }}\n",
      "node_modules/pkg/plan.json": PLAN,
      ".git/plan.json": PLAN,
      "empty.yml": "",
      "README.md": "# hi\n",
    });
    expect(await found(dir)).toEqual([
      ["infra/plan.json", "terraform-plan"],
      ["infra/terraform.tfstate", "terraform-state"],
    ]);
  });

  it("reads a cloud assembly as one input, never its templates or asset folders", async () => {
    const assembly = join(FIXTURES, "cdk-assembly/awscdk_kms_key_v20");
    const files: Record<string, string> = {};
    for (const name of readdirSync(assembly)) {
      if (statSync(join(assembly, name)).isFile())
        files[`app/cdk.out/${name}`] = readFileSync(join(assembly, name), "utf8");
    }
    files["app/cdk.out/asset.1234/template.json"] =
      '{"Resources": {"K": {"Type": "AWS::KMS::Key"}}}';
    files["app/template.json"] = '{"Resources": {"K": {"Type": "AWS::KMS::Key"}}}';
    const dir = tree(files);
    expect(await found(dir)).toEqual([
      ["app/cdk.out", "cloud-assembly"],
      ["app/template.json", "cloudformation-template"],
    ]);
    // Named itself, the assembly is the one input.
    expect((await searchDirectory(join(dir, "app/cdk.out"), nodeDeps())).found).toEqual([
      { path: join(dir, "app/cdk.out"), kind: "cloud-assembly" },
    ]);
  });

  it("lists in code-unit order, the same every time", async () => {
    const dir = tree({ "b/plan.json": PLAN, "B.json": PLAN, "a.json": PLAN, "a/x.json": PLAN });
    const paths = (await found(dir)).map(([path]) => path);
    // "a" sorts before "a.json": a directory's inputs come where its name does.
    expect(paths).toEqual(["B.json", "a/x.json", "a.json", "b/plan.json"]);
  });

  it.each([
    ["a truncated plan", "plan.json", PLAN.slice(0, 200), /^plan\.json:\d+: not valid JSON/],
    ["an empty plan", "plan.json", "", /^plan\.json: .*empty/],
    [
      "a truncated state",
      "terraform.tfstate",
      STATE.slice(0, 100),
      /^terraform\.tfstate:\d+: not valid JSON/,
    ],
    [
      "a state whose name says so, holding something else",
      "terraform.tfstate",
      '{"a": 1}',
      /^terraform\.tfstate: not a recognised input/,
    ],
    [
      "a truncated template",
      "stack.yaml",
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  K:\n    Type: [",
      /^stack\.yaml:\d+/,
    ],
    [
      "a truncated YAML template named .template",
      "stack.template",
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  K:\n    Type: [",
      /^stack\.template:\d+/,
    ],
    [
      "a truncated YAML template named .json",
      "stack.json",
      "Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties: [\n",
      /^stack\.json:\d+/,
    ],
    [
      "outputs cut off in a key ARN",
      "outputs.json",
      '{"S": {"KeyArn": "arn:aws:kms:us-east-1:111122223333:key/1234',
      /^outputs\.json:\d+: not valid JSON/,
    ],
  ])(
    "stops at %s instead of skipping it (exit 2, naming the file)",
    async (_, name, text, message) => {
      const dir = tree({ "other.json": "{}", [name]: text });
      const described = (await searchError(dir)).replace(`${dir}/`, "");
      expect(described).toMatch(message);
    },
  );

  it.each([
    [
      "UTF-16 with its byte order mark",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN, "utf16le")]),
      /plan\.json: UTF-16 text/,
    ],
    ["UTF-16 without a byte order mark", Buffer.from(PLAN, "utf16le"), /plan\.json: UTF-16 text/],
    [
      "a binary plan (zip) named .json",
      Buffer.from("PK\u0003\u0004\u0000\u0000rest", "latin1"),
      /plan\.json: this is a binary Terraform plan/,
    ],
  ])("stops at a plan written as %s instead of passing over it", async (_, bytes, message) => {
    const dir = tree({ "outputs.json": "{}" });
    writeFileSync(join(dir, "plan.json"), bytes);
    expect((await searchError(dir)).replace(`${dir}/`, "")).toMatch(message);
  });

  it("passes over binary and UTF-16 files that hold no input", async () => {
    const dir = tree({ "plan.json": PLAN });
    writeFileSync(join(dir, "strings.json"), Buffer.from('{"hello": "world"}', "utf16le"));
    writeFileSync(join(dir, "blob.json"), Buffer.from([1, 0, 2, 0, 3]));
    expect(await found(dir)).toEqual([["plan.json", "terraform-plan"]]);
  });

  it("passes over files that are not inputs and do not parse", async () => {
    const dir = tree({
      "plan.json": PLAN,
      "broken.json": '{"name": "x",',
      "tsconfig.json": "{ /* c */ }",
      "helm.yaml": "a: {{ b }}\n",
    });
    expect(await found(dir)).toEqual([["plan.json", "terraform-plan"]]);
  });

  it("passes over deeply nested JSON and YAML without a crash", async () => {
    const dir = tree({
      "plan.json": PLAN,
      "arrays.json": `${"[".repeat(200_000)}${"]".repeat(200_000)}`,
      "objects.json": `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`,
      "flow.yaml": `x: ${"[".repeat(100_000)}`,
    });
    expect(await found(dir)).toEqual([["plan.json", "terraform-plan"]]);
  });

  it("stops at a file it cannot read: it may be an input", async () => {
    const dir = tree({ "plan.json": PLAN, "x.json": "{}" });
    const deps = nodeDeps();
    deps.readFile = async (path, max) => {
      if (path.endsWith("x.json"))
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return readRegularFile(path, max);
    };
    expect(await searchError(dir, deps)).toBe(
      `${dir}/x.json: cannot read this file of the searched directory: permission denied; it may be an input, so the run stops (move it out of the directory, or name the inputs instead)`,
    );
  });

  it("stops at a file over the size limit, unread", async () => {
    const dir = tree({ "big.json": "{}" });
    const deps = nodeDeps();
    deps.readFile = async () => {
      throw new RefusedFileError(
        "is 3 GiB, over the limit of 2 GiB for this kind of file",
        "EFBIG",
      );
    };
    expect(await searchError(dir, deps)).toMatch(
      /big\.json: cannot read this file of the searched directory: is 3 GiB, over the limit/,
    );
  });

  it("stops at a directory it cannot list", async () => {
    const dir = tree({ "a/plan.json": PLAN, "b/plan.json": PLAN });
    const real = nodeSourceFiles();
    const files: SourceFiles = {
      ...real,
      entries: async (path) => {
        if (path.endsWith("/b")) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
        return (real.entries as NonNullable<SourceFiles["entries"]>)(path);
      },
    };
    expect(await searchError(dir, nodeDeps(files))).toBe(
      `${dir}/b: cannot search this directory: permission denied; inputs in it would be missed, so name the inputs instead`,
    );
  });

  it.skipIf(!POSIX)("never opens a FIFO, whatever its name", async () => {
    const dir = tree({ "plan.json": PLAN });
    mkfifo(join(dir, "fifo.json"));
    expect(await found(dir)).toEqual([["plan.json", "terraform-plan"]]);
  });

  it("follows links, searching a directory reached twice (a loop) once", async () => {
    const dir = tree({ "infra/plan.json": PLAN });
    symlinkSync(dir, join(dir, "infra/loop"));
    symlinkSync(join(dir, "infra"), join(dir, "again"));
    symlinkSync(join(dir, "infra/plan.json"), join(dir, "link.json"));
    expect(await found(dir)).toEqual([["again/plan.json", "terraform-plan"]]);
  });

  it("stops at a dangling link with an input's name", async () => {
    const dir = tree({ "plan.json": PLAN });
    symlinkSync(join(dir, "gone.json"), join(dir, "state.json"));
    expect(await searchError(dir)).toMatch(
      /state\.json: cannot read this file of the searched directory: no such file/,
    );
  });

  it(`reads inputs ${MAX_SEARCH_DEPTH} directories deep, and looks deeper without reading`, async () => {
    const deep = Array.from({ length: MAX_SEARCH_DEPTH }, (_, i) => `d${i}`).join("/");
    const dir = tree({
      [`${deep}/plan.json`]: PLAN,
      [`${deep}/more/package.json`]: '{"name": "x"}',
      [`${deep}/more/Main.java`]: "class Main {}",
    });
    const result = await searchDirectory(dir, nodeDeps());
    expect(result.found.map((f) => relative(dir, f.path))).toEqual([`${deep}/plan.json`]);
  });

  it(`stops at an input below ${MAX_SEARCH_DEPTH} directories instead of passing over it`, async () => {
    const deep = Array.from({ length: MAX_SEARCH_DEPTH }, (_, i) => `d${i}`).join("/");
    const dir = tree({ "outputs.json": "{}", [`${deep}/more/plan.json`]: PLAN });
    expect((await searchError(dir)).replace(`${dir}/`, "")).toBe(
      `${deep}/more/plan.json: an input below the search's depth of ${MAX_SEARCH_DEPTH} directories: name the inputs, or a directory nearer them`,
    );
  });

  it(`stops at directories nested more than ${MAX_LOOK_DEPTH} levels`, async () => {
    const deep = Array.from({ length: MAX_LOOK_DEPTH + 1 }, () => "d").join("/");
    const dir = tree({ "plan.json": PLAN, [`${deep}/README.md`]: "" });
    expect(await searchError(dir)).toMatch(/directories nested more than 64 levels/);
  });

  it(`refuses a search of more than ${MAX_SEARCH_ENTRIES} entries`, async () => {
    const files: SourceFiles = {
      ...nodeSourceFiles(),
      entries: async () =>
        Array.from({ length: MAX_SEARCH_ENTRIES + 1 }, (_, i) => ({
          name: `f${i}.txt`,
          type: "file" as const,
        })),
    };
    expect(await searchError("/nowhere", nodeDeps(files))).toMatch(
      /^\/nowhere: more than 200000 files and directories/,
    );
  });
});
