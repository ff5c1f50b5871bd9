// Builds dist/ from src/: dist/cli.js (the command) and dist/index.js (the Action),
// self-contained ESM that runs with no node_modules, on Node 20, 22 and 24, and
// dist/licenses.txt, the licenses of the packages the bundle carries.
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import { build } from "esbuild";

/** A TypeScript module's exports, bundled and imported here (the build runs before any tsc). */
async function importTs(entry) {
  const built = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    // CommonJS dependencies (yaml) require() Node built-ins; a data: URL has no path of its own.
    banner: {
      js: 'import { createRequire } from "node:module"; const require = createRequire(process.cwd() + "/");',
    },
    logLevel: "warning",
  });
  const code = built.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

// The JSON Schema validators, compiled ahead of the bundle that imports them: compiling
// them at run time cost every run a fifth of a second and ajv's compiler.
const { validatorModules } = await importTs("scripts/validators.ts");
for (const { path, text } of validatorModules()) await writeFile(path, text);
// The built-in packs' YAML as data: parsing it cost every run that loads them.
const { parsedPacksModule } = await importTs("scripts/builtin-packs.ts");
{
  const { path, text } = parsedPacksModule();
  await writeFile(path, text);
}

await rm("dist", { recursive: true, force: true });
const bundle = await build({
  entryPoints: { cli: "src/cli.ts", index: "src/action.ts" },
  outdir: "dist",
  bundle: true,
  // One copy of the shared code (pipeline, yaml, ajv) for both entry points.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  loader: { ".yml": "text" },
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);',
  },
  legalComments: "eof",
  // Which packages' code is in the output, for dist/licenses.txt.
  metafile: true,
  logLevel: "warning",
});
await chmod("dist/cli.js", 0o755);
// The licenses of the packages whose code the bundle carries, read off esbuild's metafile.
const { bundleLicensesText } = await importTs("scripts/bundle-licenses.ts");
await writeFile("dist/licenses.txt", bundleLicensesText(bundle.metafile));

// The JSON Schemas for editors (`# yaml-language-server: $schema=…`) and for the jobs that write
// facts snapshots, generated from the code the loaders validate with, so they cannot drift.
async function writeSchema(entry, exported, file) {
  const module = await importTs(entry);
  await writeFile(file, `${JSON.stringify(module[exported](), null, 2)}\n`);
}
await mkdir("schemas", { recursive: true });
await writeSchema("src/rules/schema.ts", "rulesSchema", "schemas/rules.schema.json");
await writeSchema("src/facts/snapshot-schema.ts", "factsSchema", "schemas/facts.schema.json");
