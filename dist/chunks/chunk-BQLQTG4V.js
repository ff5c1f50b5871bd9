import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  sharedFiles
} from "./chunk-MIVE57P5.js";
import {
  nodeSourceFiles,
  readRegularFile,
  readRegularFileBytes,
  readStreamText
} from "./chunk-HG5NVLVJ.js";

// src/node-deps.ts
import { access, mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { setFlagsFromString } from "node:v8";

// package.json
var package_default = {
  name: "kms-usage-lint",
  version: "0.1.0",
  description: "Policy-as-code check for AWS KMS keys: stops pull requests that delete keys still in use, finds keys nothing uses.",
  license: "Apache-2.0",
  keywords: [
    "aws",
    "kms",
    "terraform",
    "aws-cdk",
    "policy-as-code",
    "github-action"
  ],
  homepage: "https://github.com/kms-usage-lint/kms-usage-lint#readme",
  repository: {
    type: "git",
    url: "git+https://github.com/kms-usage-lint/kms-usage-lint.git"
  },
  bugs: {
    url: "https://github.com/kms-usage-lint/kms-usage-lint/issues"
  },
  type: "module",
  bin: {
    "kms-usage-lint": "dist/cli.js"
  },
  files: [
    "action.yml",
    "dist",
    "docs",
    "rules",
    "schemas",
    "LICENSE",
    "README.md"
  ],
  engines: {
    node: ">=22"
  },
  scripts: {
    start: "node dist/cli.js check examples/plan.json --facts examples/facts.json --now 2026-11-28T00:00:00Z",
    build: "node scripts/build.mjs",
    lint: "biome check .",
    format: "biome check --write .",
    typecheck: "tsc --noEmit",
    test: "vitest run",
    bench: "node scripts/bench.mjs"
  },
  devDependencies: {
    "@actions/core": "3.0.1",
    "@aws-sdk/client-account": "3.1164.0",
    "@aws-sdk/client-cloudformation": "3.1164.0",
    "@aws-sdk/client-cloudtrail": "3.1137.0",
    "@aws-sdk/client-kms": "3.1164.0",
    "@aws-sdk/client-organizations": "3.1164.0",
    "@aws-sdk/client-sts": "3.1164.0",
    "@biomejs/biome": "2.6.8",
    "@octokit/plugin-retry": "8.1.1",
    "@octokit/plugin-throttling": "11.0.5",
    "@octokit/rest": "22.0.1",
    "@smithy/core": "3.41.1",
    "@smithy/node-http-handler": "4.14.2",
    "@types/node": "20.19.43",
    ajv: "8.20.0",
    "aws-cdk-lib": "2.276.0",
    bottleneck: "2.19.5",
    commander: "14.0.3",
    constructs: "10.8.1",
    esbuild: "0.28.2",
    "fast-check": "4.11.0",
    typescript: "5.9.3",
    vitest: "4.1.12",
    yaml: "2.9.1"
  }
};

// src/version.ts
var TOOL = { name: "kms-usage-lint", version: package_default.version };
var TOOL_HOMEPAGE = package_default.homepage ?? `https://www.npmjs.com/package/${package_default.name}`;

// src/node-deps.ts
function nodeDeps() {
  return {
    readFile: readRegularFile,
    readFileBytes: readRegularFileBytes,
    readStdin: (maxBytes) => readStreamText(process.stdin, maxBytes, "standard input"),
    writeFile: writeCreatingDirs,
    fileExists: (path) => access(path).then(yes, no),
    listDir: async (dir) => (await readdir(dir, { withFileTypes: true })).map((entry) => ({
      name: entry.name,
      directory: entry.isDirectory()
    })),
    sourceFiles: nodeSourceFiles(),
    cwd: process.cwd(),
    clock: () => /* @__PURE__ */ new Date(),
    liveFacts: async (config, warn, progress) => {
      sdkNodeWarning(warn);
      keepHeapNearLive();
      const { liveFactSource } = await import("./live-CZRWH234.js");
      return liveFactSource(config, progress);
    },
    // git runs only for --base-ref: child_process is loaded then, not by every run.
    gitRevision: async (repoRoot, ref) => {
      const { gitRevisionFiles } = await import("./git-revision-STCQKG73.js");
      return gitRevisionFiles(repoRoot, ref);
    },
    tool: TOOL
  };
}
function keepHeapNearLive() {
  setFlagsFromString("--heap-growing-percent=25");
}
async function writeCreatingDirs(path, text) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, typeof text === "string" ? text : batched(text));
}
var profileRegion = async (profile, env) => {
  const { config, credentials } = sharedFiles(env);
  const found = await Promise.all(
    [config, credentials].map((file) => file !== null && exists(file))
  );
  if (!found.includes(true)) return null;
  const sdk = await import("./sdk-EK62Z7MI.js");
  return sdk.profileRegion(profile, env);
};
function exists(path) {
  return access(path).then(yes, no);
}
var SDK_NODE_MAJOR = 22;
function sdkNodeWarning(warn) {
  if (process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === "true") return;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const major = Number(process.versions.node.split(".")[0]);
  if (major < SDK_NODE_MAJOR) {
    warn(
      `Node.js ${process.version} is past its end of life; AWS SDK releases from January 2027 on need Node.js ${SDK_NODE_MAJOR} or later`
    );
  }
}
var WRITE_BATCH_BYTES = 1 << 20;
function* batched(chunks) {
  let run = Buffer.allocUnsafe(WRITE_BATCH_BYTES);
  let length = 0;
  for (const chunk of chunks) {
    if (length + chunk.length * 3 > run.length) {
      if (length > 0) yield run.subarray(0, length);
      run = Buffer.allocUnsafe(WRITE_BATCH_BYTES);
      length = 0;
      if (chunk.length * 3 > run.length) {
        yield Buffer.from(chunk, "utf8");
        continue;
      }
    }
    length += run.write(chunk, length, "utf8");
  }
  if (length > 0) yield run.subarray(0, length);
}
var yes = () => true;
var no = () => false;

export {
  TOOL_HOMEPAGE,
  nodeDeps,
  profileRegion
};
