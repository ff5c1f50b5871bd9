// Builds dist/ from src/: dist/cli.js (the command) and dist/index.js (the Action),
// self-contained ESM that runs with no node_modules, on Node 20 and Node 24.
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import { build } from "esbuild";

await rm("dist", { recursive: true, force: true });
await build({
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
  logLevel: "warning",
});
await chmod("dist/cli.js", 0o755);

// The rules JSON Schema for editors (`# yaml-language-server: $schema=…`), generated from the
// fact catalog like the loader's own schema, so the two cannot drift.
const schemaModule = await build({
  entryPoints: ["src/rules/schema.ts"],
  bundle: true,
  write: false,
  format: "esm",
  platform: "node",
  logLevel: "warning",
});
const code = schemaModule.outputFiles[0].text;
const { rulesSchema } = await import(
  `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
);
await mkdir("schemas", { recursive: true });
await writeFile("schemas/rules.schema.json", `${JSON.stringify(rulesSchema(), null, 2)}\n`);
