/**
 * The real file system and clock, as both entry points hand them to the pipeline.
 * AWS (and git) are loaded from here only when a run asks them: the SDK is two
 * thirds of the bundle, and `--version`, `rules`, `test` and `check --facts` need
 * none of it.
 */
import { access, mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { setFlagsFromString } from "node:v8";
import type { ProfileRegion } from "./config/region.js";
import { sharedFiles } from "./facts/aws/shared-files.js";
import type { Deps } from "./pipeline.js";
import { readRegularFile, readRegularFileBytes, readStreamText } from "./read-file.js";
import { nodeSourceFiles } from "./sources/repo.js";
import { TOOL } from "./version.js";

/** Everything `run()` needs from Node except the logger, which differs per entry point. */
export function nodeDeps(): Omit<Deps, "logger"> {
  return {
    readFile: readRegularFile,
    readFileBytes: readRegularFileBytes,
    readStdin: (maxBytes) => readStreamText(process.stdin, maxBytes, "standard input"),
    writeFile: writeCreatingDirs,
    fileExists: (path) => access(path).then(yes, no),
    listDir: async (dir) =>
      (await readdir(dir, { withFileTypes: true })).map((entry) => ({
        name: entry.name,
        directory: entry.isDirectory(),
      })),
    sourceFiles: nodeSourceFiles(),
    cwd: process.cwd(),
    clock: () => new Date(),
    liveFacts: async (config, warn, progress) => {
      sdkNodeWarning(warn);
      keepHeapNearLive();
      const { liveFactSource } = await import("./facts/live.js");
      return liveFactSource(config, progress);
    },
    // git runs only for --base-ref: child_process is loaded then, not by every run.
    gitRevision: async (repoRoot, ref) => {
      const { gitRevisionFiles } = await import("./git-revision.js");
      return gitRevisionFiles(repoRoot, ref);
    },
    tool: TOOL,
  };
}

/**
 * Heap growth of 25% over what is live, for a run that asks AWS. Its garbage is its calls':
 * thousands of SDK requests a second, each a chain of promises and buffers that lives for
 * the call's round trip and is promoted to the old generation when the round trip is slow.
 * V8's own growth factor, up to 4× for a busy mutator, let an inventory of 10,000 keys
 * hold 380 MB for 80 MB live (issue 17); at 25% it stays near 220 MB, for some more
 * major collections (each of a small live heap). A V8 setting read at every heap limit
 * it computes, so it takes effect here, at run time.
 */
function keepHeapNearLive(): void {
  setFlagsFromString("--heap-growing-percent=25");
}

/**
 * Writes `text` to `path`, creating the directories above it first, as ESLint's
 * `--output-file` and Spectral's `--output` do: `--format sarif=out/kul.sarif` in a
 * fresh checkout should not need a `mkdir` step.
 */
async function writeCreatingDirs(path: string, text: string | Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Pieces are written in runs: a merged inventory comes a key at a time, and may be
  // longer than one string can be.
  await writeFile(path, typeof text === "string" ? text : batched(text));
}

/**
 * The region a profile sets in the shared AWS config files, read by the SDK's loader,
 * which is loaded only when one of the files exists: only a run given no region
 * (`--region`, AWS_REGION) asks, and the SDK reads a missing file as empty.
 */
export const profileRegion: ProfileRegion = async (profile, env) => {
  const { config, credentials } = sharedFiles(env);
  const found = await Promise.all(
    [config, credentials].map((file) => file !== null && exists(file)),
  );
  if (!found.includes(true)) return null;
  const sdk = await import("./facts/aws/sdk.js");
  return sdk.profileRegion(profile, env);
};

/** Whether something is at `path` (what is there, the SDK's loader judges). */
function exists(path: string): Promise<boolean> {
  return access(path).then(yes, no);
}

// AWS SDK for JavaScript v3 releases from January 2027 on need this Node.js major.
const SDK_NODE_MAJOR = 22;

/**
 * The AWS SDK warns about an old Node.js through process.emitWarning: nine lines on
 * stderr, whatever --quiet says. Say it in one line through the run's logger instead,
 * which --quiet silences, and switch the SDK's own off (its documented variable).
 * A user who switched it off already hears nothing.
 */
function sdkNodeWarning(warn: (message: string) => void): void {
  if (process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === "true") return;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const major = Number(process.versions.node.split(".")[0]);
  if (major < SDK_NODE_MAJOR) {
    warn(
      `Node.js ${process.version} is past its end of life; AWS SDK releases from January 2027 on need Node.js ${SDK_NODE_MAJOR} or later`,
    );
  }
}

// A write per key of a merged inventory (400,000 of them) costs more than the keys' text.
const WRITE_BATCH_BYTES = 1 << 20;

/**
 * The pieces encoded into runs of about a MiB, for a stream to write. Each piece is
 * encoded once, straight into the run: joining the pieces into a string first and
 * encoding that took a tenth of a merge's CPU (issue 17).
 */
function* batched(chunks: Iterable<string>): Generator<Buffer> {
  let run = Buffer.allocUnsafe(WRITE_BATCH_BYTES);
  let length = 0;
  for (const chunk of chunks) {
    // A UTF-16 unit is at most 3 bytes of UTF-8: a piece that may not fit is not cut.
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

const yes = () => true;
const no = () => false;
