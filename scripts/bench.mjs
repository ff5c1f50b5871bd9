// npm run bench: source parsing against a bare JSON.parse of the same file (SPEC §9: within
// 1.5x the time, peak memory under 4x the file), each measured in its own process, in one run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = mkdtempSync(join(tmpdir(), "kul-bench-"));
try {
  await build({
    entryPoints: {
      worker: "bench/worker.ts",
      generate: "bench/generate-plan.ts",
      pacing: "bench/kms-pacing.ts",
    },
    outdir: dir,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    loader: { ".yml": "text" },
    outExtension: { ".js": ".mjs" },
    // As in the real build: bundled CommonJS dependencies call require() for Node built-ins.
    banner: {
      js: 'import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  const plan = join(dir, "plan.json");
  const { generatePlan } = await import(join(dir, "generate.mjs"));
  await generatePlan(plan, RESOURCES);
  const size = statSync(plan).size;
  console.log(`plan: ${RESOURCES} resources, ${(size / 1e6).toFixed(1)} MB`);

  const measure = (mode) => {
    const out = execFileSync(process.execPath, [join(dir, "worker.mjs"), mode, plan], {
      encoding: "utf8",
      maxBuffer: 1e6,
    });
    return JSON.parse(out.trim().split("\n").at(-1));
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const runs = { baseline: [], extract: [] };
  // Interleaved, so that a slow moment of a shared machine hits both sides alike.
  for (let i = 0; i < RUNS; i++) {
    runs.baseline.push(measure("baseline"));
    runs.extract.push(measure("extract"));
  }
  const parseMs = median(runs.baseline.map((r) => r.ms));
  const extractMs = median(runs.extract.map((r) => r.ms));
  const rss = Math.max(...runs.extract.map((r) => r.maxRssBytes));
  const baseRss = Math.max(...runs.baseline.map((r) => r.maxRssBytes));
  const timeRatio = extractMs / parseMs;
  const memRatio = rss / size;
  console.log(`references found: ${runs.extract[0].references}`);
  console.log(
    `JSON.parse (baseline): ${parseMs.toFixed(0)} ms, peak RSS ${(baseRss / 1e6).toFixed(0)} MB (${(baseRss / size).toFixed(2)}x file)`,
  );
  console.log(
    `extract references:   ${extractMs.toFixed(0)} ms, peak RSS ${(rss / 1e6).toFixed(0)} MB`,
  );
  console.log(
    `time ratio ${timeRatio.toFixed(2)} (target <= 1.5), memory ratio ${memRatio.toFixed(2)} (target <= 4)`,
  );
  if (timeRatio > 1.5 || memRatio > 4) process.exitCode = 1;

  // KMS pacing: the time for N keys against N/(5R), the quota's floor, in the same run.
  for (const [keys, regions] of [
    [40, 1],
    [40, 4],
  ]) {
    const out = execFileSync(
      process.execPath,
      [join(dir, "pacing.mjs"), String(keys), String(regions)],
      {
        encoding: "utf8",
      },
    );
    const r = JSON.parse(out.trim().split("\n").at(-1));
    // The first second's burst is free: N keys need (N - 5R) / 5R seconds of waiting at the least.
    console.log(
      `GetKeyLastUsage pacing: ${keys} keys in ${regions} region(s): ${r.seconds.toFixed(2)} s, N/(5R) = ${r.ideal.toFixed(2)} s, ratio ${(r.seconds / r.ideal).toFixed(2)}; throttled ${r.throttled}, unavailable ${r.unavailable}`,
    );
    if (r.throttled > 0 || r.unavailable > 0 || r.seconds > r.ideal * 1.5) process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
