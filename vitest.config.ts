import { readFileSync } from "node:fs";
import { defineConfig, type Plugin } from "vitest/config";

/** Imports `.yml` files as text, as esbuild's `text` loader does in the bundle. */
function yamlAsText(): Plugin {
  return {
    name: "yaml-as-text",
    load(id) {
      if (!id.endsWith(".yml")) return null;
      return `export default ${JSON.stringify(readFileSync(id, "utf8"))};`;
    },
  };
}

export default defineConfig({
  plugins: [yamlAsText()],
  test: {
    include: ["test/**/*.test.ts"],
    // The end-to-end tests spawn node on dist/; give them room on a shared 2-core machine.
    testTimeout: 30_000,
  },
});
