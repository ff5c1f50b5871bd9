import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeyReference } from "../../../src/model.js";
import { diffStacks } from "../../../src/sources/cdk/changes.js";
import { type CdkLocateOptions, locateCdk } from "../../../src/sources/cdk/locate.js";
import type { StackModel, StackResource } from "../../../src/sources/cdk/stack.js";
import { nodeSourceFiles, type SourceFiles } from "../../../src/sources/repo.js";
import { memoryFiles, text } from "../../support/cdk/memory-files.js";
import { presynthesizedApp, readAssembly, tempDir } from "../../support/cdk/synth.js";

/** `file:line` of each reference by `kind address`, or null, for compact assertions. */
function where(refs: readonly KeyReference[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const ref of refs) {
    const place = ref.location === null ? null : `${ref.location.file}:${ref.location.line}`;
    const name = `${ref.kind} ${ref.address}`;
    // One resource, one place, however many attributes refer to the key.
    if (name in out && out[name] !== place) throw new Error(`${name} located twice differently`);
    out[name] = place;
  }
  return out;
}

/** The stacks with every creation stack rewritten (or dropped, for null). */
function withFrames(
  stacks: readonly StackModel[],
  rewrite: ((frame: string) => string) | null,
): StackModel[] {
  return stacks.map((stack) => ({
    ...stack,
    resources: new Map(
      [...stack.resources].map(([id, r]) => [
        id,
        { ...r, creationStack: rewrite === null ? [] : r.creationStack.map(rewrite) },
      ]),
    ),
  }));
}

describe("locateCdk on an app synthesized in a repository", () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let repo: string;
  let stacks: StackModel[];
  let references: KeyReference[];
  /** The lines of lib/stack.mjs that are exactly `code` (trimmed), in order. */
  let lines: (code: string) => number[];

  beforeAll(async () => {
    temp = await tempDir("cdk-locate");
    repo = join(temp.dir, "repo");
    const out = await presynthesizedApp("locate", repo);
    // As `cdk init` writes it: the assembly is not part of the repository.
    await writeFile(join(repo, ".gitignore"), "node_modules\n/cdk.out/\n");
    ({ stacks, references } = await readAssembly(out));
    const source = (await readFile(join(repo, "lib", "stack.mjs"), "utf8")).split("\n");
    lines = (code) => source.flatMap((line, i) => (line.trim() === code ? [i + 1] : []));
  });

  afterAll(() => temp?.remove());

  const options = (extra: Partial<CdkLocateOptions> = {}): CdkLocateOptions => ({
    repoRoot: repo,
    appDir: repo,
    files: nodeSourceFiles(),
    ...extra,
  });

  const at = (code: string, n = 0) => `lib/stack.mjs:${lines(code)[n]}`;

  /** Where every construct of the app is, from its creation stack. */
  function fromFrames() {
    const queue = at('new sqs.Queue(this, "Queue", { encryption: sqs.QueueEncryption.KMS });');
    const twin = at('new kms.Key(this, "TwinKey");');
    return {
      "key DataStack/DataKey/Resource": at('const dataKey = new kms.Key(this, "DataKey", {'),
      "alias DataStack/DataKey/Alias/Resource": at('dataKey.addAlias("alias/data");'),
      "key DataStack/RawKey": at('new kms.CfnKey(this, "RawKey", {'),
      // A call over several lines: the line of `new`.
      "key DataStack/WrappedKey/Resource": at("new kms.Key("),
      "consumer DataStack/DataBucket/Resource": at(
        'new s3.Bucket(this, "DataBucket", { encryptionKey: dataKey });',
      ),
      // The key a library construct makes: the user's call of that construct.
      "key DataStack/Queue/Key/Resource": queue,
      "consumer DataStack/Queue/Resource": queue,
      "key DataStack/SharedKey/Resource": at('new kms.Key(this, "SharedKey");', 0),
      "key OtherStack/SharedKey/Resource": at('new kms.Key(this, "SharedKey");', 1),
      "key OtherStack/Key/Resource": at('new kms.Key(this, "Key");'),
      "key TwinUS/TwinKey/Resource": twin,
      "key TwinEU/TwinKey/Resource": twin,
    };
  }

  it("reads the test app as expected", () => {
    expect(lines('new kms.Key(this, "SharedKey");')).toHaveLength(2);
    expect(Object.keys(where(references))).toEqual(Object.keys(fromFrames()));
  });

  it("maps each creation stack's first user frame to its file and line", async () => {
    expect(where(await locateCdk(references, stacks, options()))).toEqual(fromFrames());
  });

  it("maps a CI runner's absolute paths by their longest suffix in the repository", async () => {
    const prefix = `file://${repo}/`;
    const runner = withFrames(stacks, (frame) =>
      frame.replace(prefix, "/home/runner/work/repo/repo/"),
    );
    expect(runner[0]?.resources.values().next().value?.creationStack[1]).toMatch(
      /^new DataStack \(\/home\/runner\/work\/repo\/repo\/lib\/stack\.mjs:\d+:\d+\)$/,
    );
    expect(where(await locateCdk(references, runner, options()))).toEqual(fromFrames());
  });

  it("maps Windows paths and file URLs", async () => {
    const prefix = `file://${repo}/`;
    const windows = withFrames(stacks, (frame) =>
      frame.replace(
        new RegExp(`${prefix}([^:]*)`),
        (_, rest: string) => `C:\\a\\repo\\${rest.replaceAll("/", "\\")}`,
      ),
    );
    expect(where(await locateCdk(references, windows, options()))).toEqual(fromFrames());
    const url = withFrames(stacks, (frame) => frame.replace(prefix, "file:///D:/a/my%20repo/"));
    expect(where(await locateCdk(references, url, options()))).toEqual(fromFrames());
  });

  it("searches the app's sources for the construct id when there is no creation stack", async () => {
    const bare = withFrames(stacks, null);
    expect(where(await locateCdk(references, bare, options()))).toEqual({
      ...fromFrames(),
      // The alias's id (`Alias`) is the CDK's, not in the app's code.
      "alias DataStack/DataKey/Alias/Resource": null,
      // A library's `Key` and the user's `Key` cannot be told apart by id.
      "key DataStack/Queue/Key/Resource": null,
      "key OtherStack/Key/Resource": null,
      // Two calls with this id: no guess, and the template is ignored.
      "key DataStack/SharedKey/Resource": null,
      "key OtherStack/SharedKey/Resource": null,
    });
  });

  it("gives no line at all without an app directory, the assembly being ignored", async () => {
    const bare = withFrames(stacks, null);
    const located = await locateCdk(references, bare, options({ appDir: null }));
    expect(new Set(Object.values(where(located)))).toEqual(new Set([null]));
  });

  it("falls back to the template when the repository tracks it", async () => {
    const real = nodeSourceFiles();
    const noIgnore: SourceFiles = {
      readText: (path) =>
        path.endsWith(".gitignore") ? Promise.resolve(null) : real.readText(path),
      list: real.list,
    };
    const bare = withFrames(stacks, null);
    const located = where(await locateCdk(references, bare, options({ files: noIgnore })));
    const data = await readFile(join(repo, "cdk.out", "DataStack.template.json"), "utf8");
    const dataStack = stacks.find((s) => s.name === "DataStack");
    const shared = [...(dataStack?.resources.values() ?? [])].find(
      (r) => r.constructPath === "DataStack/SharedKey/Resource",
    );
    const line = data.split("\n").findIndex((l) => l.includes(`"${shared?.logicalId}": {`)) + 1;
    expect(line).toBeGreaterThan(0);
    expect(located["key DataStack/SharedKey/Resource"]).toBe(
      `cdk.out/DataStack.template.json:${line}`,
    );
    expect(located["key OtherStack/SharedKey/Resource"]).toMatch(
      /^cdk\.out\/OtherStack\.template\.json:\d+$/,
    );
    // What the search finds still comes first.
    expect(located["key DataStack/DataKey/Resource"]).toBe(
      fromFrames()["key DataStack/DataKey/Resource"],
    );
  });

  it("gives no template line for an assembly outside the repository", async () => {
    const elsewhere = join(temp.dir, "elsewhere");
    await cp(join(repo, "cdk.out"), elsewhere, { recursive: true });
    const moved = await readAssembly(elsewhere);
    expect(where(await locateCdk(moved.references, moved.stacks, options()))).toEqual(fromFrames());
    const bare = withFrames(moved.stacks, null);
    const located = where(
      await locateCdk(moved.references, bare, options({ files: nodeSourceFiles() })),
    );
    expect(located["key DataStack/SharedKey/Resource"]).toBeNull();
    expect(located["key DataStack/DataKey/Resource"]).toBe(
      fromFrames()["key DataStack/DataKey/Resource"],
    );
  });

  it("locates the changes diffStacks reports, but not a key only the base has", async () => {
    const head = stacks.find((s) => s.name === "DataStack");
    const dataKey = [...(head?.resources.values() ?? [])].find(
      (r) => r.constructPath === "DataStack/DataKey/Resource",
    );
    if (head === undefined || dataKey === undefined) throw new Error("no DataStack/DataKey");
    // The base had the same construct under another logical id (an
    // overrideLogicalId since removed), and one more key: both go, and their
    // creation stacks are of the base revision's code.
    const old: StackResource = { ...dataKey, logicalId: "OldDataKey" };
    const gone: StackResource = {
      ...dataKey,
      logicalId: "GoneKey",
      constructPath: "DataStack/GoneKey/Resource",
    };
    const resources = new Map(head.resources);
    resources.delete(dataKey.logicalId);
    resources.set(old.logicalId, old).set(gone.logicalId, gone);
    const base: StackModel = {
      ...head,
      templateFile: "base/cdk.out/DataStack.template.json",
      resources,
    };
    const refs = diffStacks([base], [head], "cdk-assembly");
    const located = await locateCdk(refs, stacks, options());
    const summary = located.map((r) => [r.address, r.action, r.location?.line ?? null]);
    expect(summary).toContainEqual([
      "DataStack/DataKey/Resource",
      "create",
      Number(fromFrames()["key DataStack/DataKey/Resource"].split(":")[1]),
    ]);
    expect(summary).toContainEqual(["DataStack/DataKey/Resource", "delete", null]);
    expect(summary).toContainEqual(["DataStack/GoneKey/Resource", "delete", null]);
  });
});

describe("locateCdk on a hand-made repository", () => {
  const REPO = "/work/repo";
  const TEMPLATE = `${REPO}/cdk.out/S.template.json`;
  const STACK_SOURCE = text(
    "import * as kms from 'aws-cdk-lib/aws-kms';",
    "export class DataStack extends Stack {",
    "  constructor(scope: Construct, id: string) {",
    "    super(scope, id);",
    "    new kms.Key(this, 'DataKey', { enabled: true });",
    "  }",
    "}",
  );
  // `tsc` output keeps neither the lines nor the columns of the source.
  const COMPILED = text(
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    "exports.DataStack = void 0;",
    'const kms = require("aws-cdk-lib/aws-kms");',
    "class DataStack extends Stack {",
    "    constructor(scope, id) {",
    "        super(scope, id);",
    "        new kms.Key(this, 'DataKey', { enabled: true });",
    "    }",
    "}",
    "exports.DataStack = DataStack;",
  );

  function resource(creationStack: string[], extra: Partial<StackResource> = {}): StackResource {
    return {
      logicalId: "DataKey17AFBB84",
      type: "AWS::KMS::Key",
      properties: {},
      deletionPolicy: "Retain",
      constructPath: "S/DataKey/Resource",
      creationStack,
      ...extra,
    };
  }

  function stackOf(resources: StackResource[], templateFile = TEMPLATE): StackModel {
    return {
      name: "S",
      artifactId: "S",
      account: null,
      region: null,
      templateFile,
      resources: new Map(resources.map((r) => [r.logicalId, r])),
      parent: null,
    };
  }

  function refTo(r: StackResource, extra: Partial<KeyReference> = {}): KeyReference {
    return {
      source: "cdk-assembly",
      kind: "key",
      file: TEMPLATE,
      address: r.constructPath ?? `S/${r.logicalId}`,
      resourceType: r.type,
      attribute: null,
      target: {
        kind: "stack-resource",
        stack: "S",
        region: null,
        account: null,
        logicalId: r.logicalId,
      },
      action: null,
      change: null,
      location: null,
      suppressions: [],
      ...extra,
    };
  }

  async function locateIn(
    files: Record<string, string>,
    creationStack: string[],
    appDir: string | null = REPO,
  ): Promise<string | null> {
    const r = resource(creationStack);
    const [ref] = await locateCdk([refTo(r)], [stackOf([r])], {
      repoRoot: REPO,
      appDir,
      files: memoryFiles(files),
    });
    return ref?.location ? `${ref.location.file}:${ref.location.line}` : null;
  }

  const RUNNER_FRAME = "new DataStack (/home/runner/work/r/r/lib/data-stack.js:8:9)";

  it("takes no line from a compiled .js frame when the source is .ts: the search finds it", async () => {
    const ts = { [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE };
    expect(await locateIn(ts, [RUNNER_FRAME])).toBe("lib/data-stack.ts:5");
    // Compiled in place (tsc without outDir): the .js is there, and still not used.
    const both = { ...ts, [`${REPO}/lib/data-stack.js`]: COMPILED };
    expect(await locateIn(both, [RUNNER_FRAME])).toBe("lib/data-stack.ts:5");
    // Without an app to search: nothing, rather than line 8 of the .ts.
    expect(await locateIn(both, [RUNNER_FRAME], null)).toBeNull();
  });

  it("takes no line from a frame in a file git ignores", async () => {
    const files = {
      [`${REPO}/.gitignore`]: text("/build/"),
      [`${REPO}/build/lib/data-stack.js`]: COMPILED,
      [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE,
    };
    const frame = "new DataStack (/home/runner/work/r/r/build/lib/data-stack.js:8:9)";
    expect(await locateIn(files, [frame], null)).toBeNull();
    expect(await locateIn(files, [frame])).toBe("lib/data-stack.ts:5");
  });

  it("takes the line of a .js frame in a JavaScript app", async () => {
    const js = { [`${REPO}/lib/data-stack.js`]: COMPILED };
    expect(await locateIn(js, [RUNNER_FRAME], null)).toBe("lib/data-stack.js:8");
  });

  it("skips library and runtime frames, in the CDK's form and V8's", async () => {
    const files = { [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE };
    const frames = [
      "at new Key (/home/me/app/node_modules/aws-cdk-lib/aws-kms/lib/key.js:1:2000)",
      "at Reflect.construct (<anonymous>)",
      "at node:internal/modules/run_main:123:11",
      "at Module._compile (internal/modules/cjs/loader.js:1138:30)",
      "at new DataStack (/home/me/app/lib/data-stack.ts:5:5)",
      "at Object.<anonymous> (/home/me/app/bin/app.ts:7:1)",
    ];
    expect(await locateIn(files, frames, null)).toBe("lib/data-stack.ts:5");
    const python = [
      "...jsii runtime...",
      "_invoke (/usr/lib/python3.12/site-packages/jsii/_kernel/__init__.py:149)",
      "__init__ (/usr/lib/python3.12/site-packages/aws_cdk/aws_kms/__init__.py:8000)",
      "__init__ (/home/runner/work/r/r/stacks/data_stack.py:3)",
    ];
    const py = { [`${REPO}/stacks/data_stack.py`]: text("a", "b", "kms.Key(self, 'DataKey')") };
    expect(await locateIn(py, python, null)).toBe("stacks/data_stack.py:3");
  });

  it("maps Windows frames by suffix", async () => {
    const files = { [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE };
    for (const frame of [
      "new DataStack (C:\\Users\\dev\\r\\lib\\data-stack.ts:5:5)",
      "new DataStack (file:///C:/Users/dev/r/lib/data-stack.ts:5:5)",
      "file:///C:/Users/dev/r/lib/data-stack.ts:5 (:)",
    ]) {
      expect(await locateIn(files, [frame], null)).toBe("lib/data-stack.ts:5");
    }
  });

  it("prefers the longest suffix", async () => {
    const files = {
      [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE,
      [`${REPO}/data-stack.ts`]: STACK_SOURCE,
    };
    const frame = "new DataStack (/home/runner/work/r/r/lib/data-stack.ts:5:5)";
    expect(await locateIn(files, [frame], null)).toBe("lib/data-stack.ts:5");
  });

  it("does not take a frame's line past the end of the file it maps to", async () => {
    const files = { [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE };
    const frame = "new DataStack (/elsewhere/lib/data-stack.ts:500:5)";
    expect(await locateIn(files, [frame], null)).toBeNull();
    expect(await locateIn(files, [frame])).toBe("lib/data-stack.ts:5");
  });

  it("searches only when the frames hold no user code", async () => {
    const files = { [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE };
    const frames = [
      "...aws-cdk-lib...",
      "(no user code in 10 frames, use --stack-trace-limit to capture more)",
    ];
    expect(await locateIn(files, frames)).toBe("lib/data-stack.ts:5");
    // The first user frame names a file the repository does not have: no guess from later frames.
    const foreign = [
      "new DataStack (/opt/shared/constructs/keys.ts:5:5)",
      "Object.<anonymous> (/home/runner/work/r/r/lib/data-stack.ts:5:5)",
    ];
    expect(await locateIn(files, foreign, null)).toBeNull();
  });

  it("searches TypeScript and JavaScript, not node_modules, cdk.out, dist or the configured output", async () => {
    const call = "new kms.Key(this, 'DataKey')";
    const files = {
      [`${REPO}/cdk.json`]: JSON.stringify({ app: "npx ts-node bin/app.ts", output: "synth-out" }),
      [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE,
      [`${REPO}/lib/data-stack.d.ts`]: text(call),
      [`${REPO}/node_modules/x/index.js`]: text(call),
      [`${REPO}/cdk.out/asset.123/index.js`]: text(call),
      [`${REPO}/dist/lib/data-stack.js`]: text(call),
      [`${REPO}/synth-out/x.js`]: text(call),
      [`${REPO}/.cache/x.js`]: text(call),
      [`${REPO}/lib/notes.md`]: text(call),
    };
    expect(await locateIn(files, [])).toBe("lib/data-stack.ts:5");
    expect(
      await locateIn({ ...files, [`${REPO}/test/stack.test.mjs`]: text(call) }, []),
    ).toBeNull();
  });

  it("matches construct calls by id and by a class name that fits the resource type", async () => {
    const locate = (source: string) => locateIn({ [`${REPO}/app.ts`]: source }, []);
    expect(await locate(text("x", 'new Key(this, "DataKey");'))).toBe("app.ts:2");
    expect(await locate(text("new  kms . Key <Props>( scope ,`DataKey`, {})"))).toBe("app.ts:1");
    expect(await locate(text("new MyKey(", "  this,", "  'DataKey',", ");"))).toBe("app.ts:1");
    // Not a key: a grouping construct that happens to share the id.
    expect(await locate(text("new Construct(this, 'DataKey');"))).toBeNull();
    // An id that only starts the same, or a variable.
    expect(
      await locate(text("new kms.Key(this, 'DataKey2');", "new kms.Key(this, id);")),
    ).toBeNull();
    // Commented out, in either style; a string that looks like a comment does not hide code.
    expect(
      await locate(
        text(
          "// new kms.Key(this, 'DataKey')",
          "/* new kms.Key(this,",
          "   'DataKey') */",
          "const url = 'https://example.com'; new kms.Key(this, 'DataKey');",
        ),
      ),
    ).toBe("app.ts:4");
  });

  it("needs the construct id unambiguous in the assembly", async () => {
    const files = { [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE };
    const own = resource([]);
    const libraryKey = resource([], {
      logicalId: "TableDataKey",
      constructPath: "S/Table/DataKey/Resource",
    });
    const [ref] = await locateCdk([refTo(own)], [stackOf([own, libraryKey])], {
      repoRoot: REPO,
      appDir: REPO,
      files: memoryFiles(files),
    });
    expect(ref?.location).toBeNull();
  });

  it("finds a resource's key in a template the repository holds, once", async () => {
    const yaml = text(
      "Resources:",
      "  DataKey:",
      "    Type: AWS::KMS::Key",
      "Outputs:",
      "  KeyArn:",
      "    Value: !GetAtt DataKey.Arn",
    );
    const r = resource([], { logicalId: "DataKey", constructPath: null });
    const locate = async (file: string, body: string, extra: Record<string, string> = {}) => {
      const [ref] = await locateCdk(
        [refTo(r, { source: "cloudformation-template", file, address: "S/DataKey" })],
        [stackOf([r], file)],
        { repoRoot: REPO, appDir: null, files: memoryFiles({ [file]: body, ...extra }) },
      );
      return ref?.location ?? null;
    };
    expect(await locate(`${REPO}/templates/keys.yaml`, yaml)).toEqual({
      file: "templates/keys.yaml",
      line: 2,
    });
    const json = JSON.stringify({ Resources: { DataKey: { Type: "AWS::KMS::Key" } } }, null, 2);
    expect(await locate(`${REPO}/keys.json`, json)).toEqual({ file: "keys.json", line: 3 });
    // Twice (here also as an output's name): no guess.
    const twice = JSON.stringify(
      { Resources: { DataKey: { Type: "AWS::KMS::Key" } }, Outputs: { DataKey: { Value: "x" } } },
      null,
      2,
    );
    expect(await locate(`${REPO}/keys.json`, twice)).toBeNull();
    // Outside the repository, or ignored by git.
    expect(await locate("/elsewhere/keys.yaml", yaml)).toBeNull();
    for (const ignore of ["templates/", "/templates", "*.yaml", "**/keys.yaml", "templ*/"]) {
      const gitignore = { [`${REPO}/.gitignore`]: text("# generated", ignore) };
      expect(await locate(`${REPO}/templates/keys.yaml`, yaml, gitignore), ignore).toBeNull();
    }
    for (const ignore of [
      "/keys.yaml",
      "other/",
      "templates/keys.yml",
      "!templates",
      "[z-a]",
      "*.yaml\n!keys.yaml",
    ]) {
      const gitignore = { [`${REPO}/.gitignore`]: text(ignore) };
      expect(await locate(`${REPO}/templates/keys.yaml`, yaml, gitignore), ignore).toEqual({
        file: "templates/keys.yaml",
        line: 2,
      });
    }
    // Nothing under an ignored directory can be re-included.
    const excluded = { [`${REPO}/.gitignore`]: text("templates/", "!templates/keys.yaml") };
    expect(await locate(`${REPO}/templates/keys.yaml`, yaml, excluded)).toBeNull();
    // A .gitignore in a subdirectory speaks for its own directory, after the root's.
    const reincluded = {
      [`${REPO}/.gitignore`]: text("*.yaml"),
      [`${REPO}/templates/.gitignore`]: text("!keys.yaml"),
    };
    expect(await locate(`${REPO}/templates/keys.yaml`, yaml, reincluded)).toEqual({
      file: "templates/keys.yaml",
      line: 2,
    });
    const nested = { [`${REPO}/templates/.gitignore`]: text("keys.yaml") };
    expect(await locate(`${REPO}/templates/keys.yaml`, yaml, nested)).toBeNull();
  });

  it("returns new objects for what it locates, the rest as they are, and mutates nothing", async () => {
    const r = resource(["new DataStack (/x/lib/data-stack.ts:5:5)"]);
    const located = Object.freeze(refTo(r));
    const refs = [
      Object.freeze(refTo(r)),
      Object.freeze(refTo(r, { location: { file: "elsewhere.ts", line: 1 } })),
      Object.freeze(refTo(r, { kind: "output", address: "S/Out" })),
      Object.freeze(refTo(r, { source: "terraform-plan" })),
      // A key reference naming another logical id at the same address: a removed key.
      Object.freeze(
        refTo(r, {
          target: {
            kind: "stack-resource",
            stack: "S",
            region: null,
            account: null,
            logicalId: "Old",
          },
        }),
      ),
      // Read from another template (the base assembly's).
      Object.freeze(refTo(r, { file: "/base/cdk.out/S.template.json" })),
    ];
    const out = await locateCdk(refs, [stackOf([r])], {
      repoRoot: REPO,
      appDir: null,
      files: memoryFiles({ [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE }),
    });
    expect(out[0]).not.toBe(refs[0]);
    expect(out[0]).toEqual({ ...located, location: { file: "lib/data-stack.ts", line: 5 } });
    expect(refs[0]?.location).toBeNull();
    for (let i = 1; i < refs.length; i += 1) expect(out[i]).toBe(refs[i]);
  });

  it("resolves relative template paths against the working directory", async () => {
    const r = resource(["new DataStack (/x/lib/data-stack.ts:5:5)"]);
    const [ref] = await locateCdk(
      [refTo(r, { file: "cdk.out/S.template.json" })],
      [stackOf([r], "cdk.out/S.template.json")],
      {
        repoRoot: REPO,
        appDir: null,
        files: memoryFiles({ [`${REPO}/lib/data-stack.ts`]: STACK_SOURCE }),
        workingDir: REPO,
      },
    );
    expect(ref?.location).toEqual({ file: "lib/data-stack.ts", line: 5 });
  });
});
