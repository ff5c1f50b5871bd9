import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeyReference, SourceKind } from "../../../src/model.js";
import { findRepoRoot, nodeSourceFiles, type SourceFiles } from "../../../src/sources/repo.js";
import { type LocateOptions, locateTerraform } from "../../../src/sources/terraform/locate.js";
import type { ModuleCalls } from "../../../src/sources/terraform/modules.js";
import { reference } from "../../support/facts.js";

const REPO = fileURLToPath(new URL("../../fixtures/tf-repo/", import.meta.url));
const ROOT = join(REPO, "infra");

// As readModuleCalls would give them for the fixture's configuration.
const MODULES: ModuleCalls = {
  storage: {
    source: "./modules/storage",
    calls: {
      nested: { source: "./nested", calls: {} },
      common: { source: "../common", calls: {} },
    },
  },
  registry: { source: "terraform-aws-modules/kms/aws", calls: {} },
  git: { source: "git::https://example.com/kms.git//modules/key", calls: {} },
  shared: { source: "../../tf-repo-outside", calls: {} },
};

/** A reference as a Terraform source would make it, built by hand. */
function ref(address: string, extra: Partial<KeyReference> = {}): KeyReference {
  const resourceType = /(?:^|\.)(aws_[a-z0-9_]+)\.[^.]+$/.exec(address)?.[1] ?? null;
  const kind = resourceType === null ? "output" : kindOf(resourceType);
  return reference({
    source: "terraform-plan",
    kind,
    file: "infra/plan.json",
    address,
    resourceType,
    attribute: "arn",
    target: { kind: "planned", address },
    action: "create",
    ...extra,
  });
}

function kindOf(resourceType: string): KeyReference["kind"] {
  if (resourceType === "aws_kms_alias") return "alias";
  return resourceType.startsWith("aws_kms_") ? "key" : "consumer";
}

function fixtureOptions(files: SourceFiles = nodeSourceFiles()): LocateOptions {
  return { rootDir: ROOT, repoRoot: REPO, modules: MODULES, files };
}

/** `file:line` of each address, or null, for compact assertions. */
async function where(
  addresses: string[],
  options: LocateOptions = fixtureOptions(),
): Promise<Record<string, string | null>> {
  const located = await locateTerraform(
    addresses.map((a) => ref(a)),
    options,
  );
  return Object.fromEntries(
    located.map((r) => [r.address, r.location ? `${r.location.file}:${r.location.line}` : null]),
  );
}

/** SourceFiles over an in-memory tree of absolute POSIX paths. */
function memoryFiles(tree: Record<string, string>): SourceFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async readText(path) {
      reads.push(path);
      return Object.hasOwn(tree, path) ? (tree[path] ?? null) : null;
    },
    async list(dir) {
      const prefix = `${dir}/`;
      const names = new Set<string>();
      for (const path of Object.keys(tree)) {
        if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split("/")[0] ?? "");
      }
      return names.size === 0 ? null : [...names];
    },
  };
}

function memoryOptions(tree: Record<string, string>, modules: ModuleCalls = {}): LocateOptions {
  return { rootDir: "/repo", repoRoot: "/repo", modules, files: memoryFiles(tree) };
}

describe("locateTerraform on a repository", () => {
  it("finds root-module resources of every kind", async () => {
    expect(
      await where([
        "aws_kms_key.main",
        "aws_kms_key.dr",
        "aws_kms_alias.main",
        "aws_s3_bucket_server_side_encryption_configuration.logs",
        "aws_kms_key.b",
        "data.aws_kms_key.by_alias",
        "aws_kms_key.bare",
      ]),
    ).toEqual({
      "aws_kms_key.main": "infra/kms.tf:3",
      "aws_kms_key.dr": "infra/kms.tf:14",
      "aws_kms_alias.main": "infra/kms.tf:20",
      "aws_s3_bucket_server_side_encryption_configuration.logs": "infra/kms.tf:42",
      "aws_kms_key.b": "infra/removed.tf:16",
      "data.aws_kms_key.by_alias": "infra/main.tf:18",
      "aws_kms_key.bare": "infra/main.tf:22",
    });
  });

  it("follows local module sources, with count and for_each instance keys", async () => {
    expect(
      await where([
        'module.storage["a"].aws_kms_key.this["logs"]',
        'module.storage["a.b[c]"].module.nested[0].aws_kms_key.this["x"]',
        "module.storage.module.common.aws_kms_key.common[0]",
      ]),
    ).toEqual({
      'module.storage["a"].aws_kms_key.this["logs"]': "infra/modules/storage/main.tf:5",
      'module.storage["a.b[c]"].module.nested[0].aws_kms_key.this["x"]':
        "infra/modules/storage/nested/main.tf:2",
      "module.storage.module.common.aws_kms_key.common[0]": "infra/modules/common/main.tf:1",
    });
  });

  it("points a deleted key at its removed block, or at the moved block that moves it", async () => {
    expect(
      await where([
        "aws_kms_key.old",
        "aws_kms_key.a",
        'module.legacy["x"].aws_kms_key.this',
        "module.storage.module.nested[0].aws_kms_key.gone",
      ]),
    ).toEqual({
      "aws_kms_key.old": "infra/removed.tf:3",
      "aws_kms_key.a": "infra/removed.tf:11",
      'module.legacy["x"].aws_kms_key.this': "infra/removed.tf:19",
      "module.storage.module.nested[0].aws_kms_key.gone": "infra/modules/storage/nested/main.tf:6",
    });
  });

  it("gives no line where it cannot be sure", async () => {
    expect(
      await where([
        // Only in a comment, a block comment and a heredoc.
        "aws_kms_key.data",
        // Declared twice; removed twice.
        "aws_kms_key.dup",
        "aws_kms_key.twice",
        // Code that is not in the repository.
        "module.registry.aws_kms_key.this",
        'module.git["k"].aws_kms_key.this',
        "module.shared.aws_kms_key.this",
        // A module call the configuration does not have (state files give none).
        "module.unknown.aws_kms_key.this",
        // Only in a .tf.json file, which is not read.
        "aws_kms_key.from_json",
        "aws_kms_key.nowhere",
      ]),
    ).toEqual({
      "aws_kms_key.data": null,
      "aws_kms_key.dup": null,
      "aws_kms_key.twice": null,
      "module.registry.aws_kms_key.this": null,
      'module.git["k"].aws_kms_key.this': null,
      "module.shared.aws_kms_key.this": null,
      "module.unknown.aws_kms_key.this": null,
      "aws_kms_key.from_json": null,
      "aws_kms_key.nowhere": null,
    });
  });

  it("reads a file with CRLF line endings and a byte order mark", async () => {
    const [located] = await locateTerraform([ref("aws_kms_key.crlf")], fixtureOptions());
    expect(located?.location).toEqual({ file: "infra/crlf.tf", line: 3, column: 1, endLine: 5 });
    expect(located?.suppressions).toEqual([
      {
        ruleId: "unused-key",
        reason: "windows line endings",
        location: { file: "infra/crlf.tf", line: 2 },
      },
    ]);
  });

  it("attaches the suppression comments directly above the block, with their lines", async () => {
    const located = await locateTerraform(
      [
        ref("aws_kms_key.dr"),
        ref("aws_kms_alias.main"),
        ref("aws_kms_key.old"),
        ref('module.storage["a"].module.nested[0].aws_kms_key.this["y"]'),
      ],
      fixtureOptions(),
    );
    expect(located.map((r) => r.suppressions)).toEqual([
      [
        {
          ruleId: "unused-key",
          reason: "kept for DR",
          location: { file: "infra/kms.tf", line: 12 },
        },
        {
          ruleId: "stale-key",
          reason: "(no reason given)",
          location: { file: "infra/kms.tf", line: 13 },
        },
      ],
      // The comment above it is separated by a blank line.
      [],
      [
        {
          ruleId: "deleting-enabled-key",
          reason: "reviewed in CHG-1234",
          location: { file: "infra/removed.tf", line: 2 },
        },
      ],
      [
        {
          ruleId: "*",
          reason: "nested keys are managed by the platform team",
          location: { file: "infra/modules/storage/nested/main.tf", line: 1 },
        },
      ],
    ]);
  });

  it("locates root-module outputs", async () => {
    const [located] = await locateTerraform(
      [ref("output.key_arn", { kind: "output", resourceType: null })],
      fixtureOptions(),
    );
    expect(located?.location).toEqual({
      file: "infra/outputs.tf",
      line: 1,
      column: 1,
      endLine: 3,
    });
  });

  it("gives each block's start column and closing line, and no end for a block never closed", async () => {
    const text = [
      '  resource "aws_kms_key" "indented" {',
      '    description = "}"  # a brace in a string and a comment: }',
      "    policy = <<EOF",
      "}",
      "EOF",
      "  }",
      'resource "aws_kms_key" "one_line" {}',
      "removed {",
      "  from = aws_kms_key.gone",
      "}",
      'resource "aws_kms_key" "open" {',
      "  description = 1",
    ].join("\n");
    const tree = { "/repo/main.tf": text };
    const located = await locateTerraform(
      [
        ref("aws_kms_key.indented"),
        ref("aws_kms_key.one_line"),
        ref("aws_kms_key.gone", { action: "delete" }),
        ref("aws_kms_key.open"),
      ],
      memoryOptions(tree),
    );
    expect(located.map((r) => r.location)).toEqual([
      { file: "main.tf", line: 1, column: 3, endLine: 6 },
      { file: "main.tf", line: 7, column: 1, endLine: 7 },
      { file: "main.tf", line: 8, column: 1, endLine: 10 },
      { file: "main.tf", line: 11, column: 1 },
    ]);
  });

  it("gives repository-relative paths for a root module at the repository root", async () => {
    const options = { ...fixtureOptions(), repoRoot: ROOT };
    expect(await where(["aws_kms_key.main"], options)).toEqual({
      "aws_kms_key.main": "kms.tf:3",
    });
  });

  it("gives no location when the root module is outside the repository root", async () => {
    const options = { ...fixtureOptions(), repoRoot: join(ROOT, "modules") };
    expect(await where(["aws_kms_key.main"], options)).toEqual({ "aws_kms_key.main": null });
  });

  it("reads each file once, however many references point into it", async () => {
    const real = nodeSourceFiles();
    const reads = new Map<string, number>();
    const counting: SourceFiles = {
      list: (dir) => real.list(dir),
      readText: (path) => {
        reads.set(path, (reads.get(path) ?? 0) + 1);
        return real.readText(path);
      },
    };
    const refs = Array.from({ length: 2000 }, (_, i) =>
      ref(i % 2 ? `aws_kms_key.main` : `module.storage["k${i}"].aws_kms_key.this["${i}"]`),
    );
    const located = await locateTerraform(refs, fixtureOptions(counting));
    expect(located.every((r) => r.location !== null)).toBe(true);
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
    expect(reads.has(join(ROOT, "kms.tf"))).toBe(true);
    expect(reads.has(join(ROOT, "override.tf"))).toBe(false);
    expect(reads.has(join(ROOT, "json-only.tf.json"))).toBe(false);
  });
});

describe("locateTerraform on hand-made references", () => {
  const tree = {
    "/repo/main.tf": 'resource "aws_kms_key" "k" {\n}\n',
  };

  it("passes other sources, kinds and addresses through unchanged", async () => {
    const cdk: SourceKind = "cdk-assembly";
    const refs = [
      ref("aws_kms_key.k", { source: cdk }),
      ref("aws_kms_key.k", { source: "explicit", address: null }),
      ref("aws_kms_key.k", { resourceType: null }),
      // The address says one type, the reference another.
      ref("aws_kms_key.k", { resourceType: "aws_kms_replica_key" }),
      ref("aws_kms_key", { kind: "key", resourceType: "aws_kms_key" }),
      ref("output.k", { kind: "output", resourceType: null, source: "explicit" }),
    ];
    const located = await locateTerraform(refs, memoryOptions(tree));
    located.forEach((r, i) => {
      expect(r).toBe(refs[i]);
    });
  });

  it("keeps a location a source already set", async () => {
    const preset = ref("aws_kms_key.k", { location: { file: "elsewhere.tf", line: 9 } });
    const [located] = await locateTerraform([preset], memoryOptions(tree));
    expect(located).toBe(preset);
  });

  it("returns new objects and leaves its input alone", async () => {
    const existing = { ruleId: "x", reason: "y", location: { file: "a.tf", line: 1 } };
    const input = Object.freeze(ref("aws_kms_key.k", { suppressions: [existing] }));
    const [located] = await locateTerraform([input], memoryOptions(tree));
    expect(located).not.toBe(input);
    expect(input.location).toBeNull();
    expect(located).toEqual({
      ...input,
      location: { file: "main.tf", line: 1, column: 1, endLine: 2 },
      suppressions: [existing],
    });
  });

  it("accepts state references when there are no module calls", async () => {
    const state = ref("aws_kms_key.k", { source: "terraform-state", action: null });
    const [located] = await locateTerraform([state], memoryOptions(tree));
    expect(located?.location).toEqual({ file: "main.tf", line: 1, column: 1, endLine: 2 });
  });
});

describe("the block scanner", () => {
  /** Line of `aws_kms_key.k` in a one-file root module with this text. */
  async function lineOf(text: string, files: Record<string, string> = {}): Promise<number | null> {
    const [located] = await locateTerraform(
      [ref("aws_kms_key.k")],
      memoryOptions({ "/repo/main.tf": text, ...files }),
    );
    return located?.location?.line ?? null;
  }

  it("tolerates spacing, tabs and one-line blocks", async () => {
    expect(await lineOf('\n\t resource\t"aws_kms_key"   "k"{}\n')).toBe(2);
    expect(await lineOf('resource "aws_kms_key" "k" { description = "x" }\n')).toBe(1);
    expect(await lineOf('resource "aws_kms_key" "kk" {}\nresource "aws_kms_key" "k" {}\n')).toBe(2);
  });

  it("ignores headers that are not at the top level or not headers", async () => {
    expect(await lineOf('locals {\n  resource "aws_kms_key" "k" {\n  }\n}\n')).toBeNull();
    expect(await lineOf('resource "aws_kms_key" "k"\n{\n}\n')).toBeNull();
    expect(await lineOf('x = "resource \\"aws_kms_key\\" \\"k\\" {"\n')).toBeNull();
    expect(await lineOf('resource abc {\n}\nresource "aws_kms_key" "k" {}\n')).toBe(3);
  });

  it("skips comments of every kind, and keeps code around them", async () => {
    const text = [
      '/* one */ resource "aws_kms_key" "k" { /* two',
      'resource "aws_kms_key" "k" {',
      "*/ }",
      '# resource "aws_kms_key" "k" {',
      '// resource "aws_kms_key" "k" {',
    ].join("\n");
    expect(await lineOf(text)).toBe(1);
  });

  it("skips heredocs, indented or not, whatever they hold", async () => {
    const text = [
      "locals {",
      "  a = <<EOF",
      "}",
      'resource "aws_kms_key" "k" {',
      "EOF",
      "  b = <<-EOT",
      "  }",
      'resource "aws_kms_key" "k" {',
      "    EOT",
      "}",
      'resource "aws_kms_key" "k" {}',
    ].join("\n");
    expect(await lineOf(text)).toBe(11);
  });

  it("does not take braces or comment marks in strings and templates for code", async () => {
    const text = [
      "locals {",
      '  a = "}}} # // /* <<EOF"',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL template syntax, meant literally
      '  b = "${jsonencode({ x = "}" })} $${not} %{ if true }}%{ endif }"',
      '  c = "\\" { \\\\" # an escaped quote, then an escaped backslash',
      "}",
      'resource "aws_kms_key" "k" {}',
    ].join("\n");
    expect(await lineOf(text)).toBe(6);
  });

  it("finds a block in a later file of the directory and skips hidden and override files", async () => {
    const files = {
      "/repo/.main.tf": 'resource "aws_kms_key" "k" {}\n',
      "/repo/kms_override.tf": 'resource "aws_kms_key" "k" {}\n',
      "/repo/z.tf": '\n\nresource "aws_kms_key" "k" {}\n',
    };
    expect(await lineOf("", files)).toBe(3);
  });

  it("matches moved and removed blocks whatever instance keys `from` names", async () => {
    const text = ["moved {", '  from = aws_kms_key.k["old"]', "  to   = aws_kms_key.j", "}"];
    expect(await lineOf(text.join("\n"))).toBe(1);
  });

  it("reads suppression comments strictly", async () => {
    const text = [
      "# kms-usage-lint-ignored unused-key not the directive",
      "# kms-usage-lint-ignore",
      "# kms-usage-lint-ignore Not_A_Rule because",
      "/* a block comment line keeps the run going */",
      "#kms-usage-lint-ignore unused-key   spaced   reason  ",
      'resource "aws_kms_key" "k" {}',
    ].join("\n");
    const [located] = await locateTerraform(
      [ref("aws_kms_key.k")],
      memoryOptions({ "/repo/main.tf": text }),
    );
    expect(located?.suppressions).toEqual([
      { ruleId: "unused-key", reason: "spaced   reason", location: { file: "main.tf", line: 5 } },
    ]);
  });

  it("skips binary and unreadable files and missing directories", async () => {
    const files = memoryFiles({
      "/repo/bin.tf": '\u0000\u0001\nresource "aws_kms_key" "k" {}\n',
      "/repo/main.tf": 'resource "aws_kms_key" "j" {}\n',
    });
    const unreadable: SourceFiles = {
      list: async () => ["gone.tf", "main.tf", "sub.tf"],
      readText: async (path) => (path.endsWith("main.tf") ? 'resource "aws_kms_key" "k" {}' : null),
    };
    const modules: ModuleCalls = { m: { source: "./missing", calls: {} } };
    expect(
      await where(["aws_kms_key.k", "module.m.aws_kms_key.k"], {
        rootDir: "/repo",
        repoRoot: "/repo",
        modules,
        files,
      }),
    ).toEqual({ "aws_kms_key.k": null, "module.m.aws_kms_key.k": null });
    expect(
      await where(["aws_kms_key.k"], { rootDir: "/r", repoRoot: "/r", modules, files: unreadable }),
    ).toEqual({ "aws_kms_key.k": "main.tf:1" });
  });

  it("scans a 10 MB file with a linear scan (a quadratic one would run past the test's timeout)", async () => {
    const filler = 'locals { a = "x # y /* z" } # <<EOF { {\n'.repeat(250_000);
    const oneLine = "<<".repeat(1_000_000);
    const text = `${filler}${oneLine}\nresource "aws_kms_key" "k" {}\n`;
    expect(text.length).toBeGreaterThan(10_000_000);
    // Linear is well under a second here; a quadratic scan would take minutes (~10^13 steps).
    expect(await lineOf(text)).toBe(250_002);
  });
});

describe("repository helpers", () => {
  let base = "";
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "kms-usage-lint-repo-"));
    await mkdir(join(base, "clone", ".git"), { recursive: true });
    await mkdir(join(base, "clone", "infra", "prod"), { recursive: true });
    await mkdir(join(base, "worktree", "infra"), { recursive: true });
    await writeFile(join(base, "worktree", ".git"), "gitdir: /elsewhere/.git/worktrees/w\n");
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it("finds the repository root from a directory below it, for clones and worktrees", async () => {
    const files = nodeSourceFiles();
    expect(await findRepoRoot(join(base, "clone", "infra", "prod"), files)).toBe(
      join(base, "clone"),
    );
    expect(await findRepoRoot(join(base, "clone"), files)).toBe(join(base, "clone"));
    expect(await findRepoRoot(join(base, "worktree", "infra"), files)).toBe(join(base, "worktree"));
  });

  it("says null when no directory up to the file system root is a repository", async () => {
    expect(await findRepoRoot("/a/b/c", memoryFiles({ "/a/b/c/main.tf": "" }))).toBeNull();
  });

  it("reads missing files, directories and non-directories as null", async () => {
    const files = nodeSourceFiles();
    expect(await files.readText(join(base, "nothing.tf"))).toBeNull();
    expect(await files.readText(join(base, "clone"))).toBeNull();
    expect(await files.list(join(base, "worktree", ".git"))).toBeNull();
    expect((await files.list(join(base, "clone")))?.sort()).toEqual([".git", "infra"]);
    expect(await files.readText(join(base, "worktree", ".git"))).toMatch(/^gitdir:/);
  });
});
