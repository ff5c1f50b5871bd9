// npm run bench [-- --quick]: bundles bench/ (TypeScript, type-checked with the rest) into a
// temporary directory and runs bench/run.ts there; see that file for what is measured.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const dir = mkdtempSync(join(tmpdir(), "kul-bench-"));
try {
  await build({
    entryPoints: {
      run: "bench/run.ts",
      pacing: "bench/kms-pacing.ts",
      need: "bench/kms-need.ts",
      trail: "bench/trail-pacing.ts",
      "sdk-floor": "bench/sdk-floor.ts",
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
  const { runBench } = await import(join(dir, "run.mjs"));
  process.exitCode = await runBench(dir, process.argv.slice(2), process.env);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
