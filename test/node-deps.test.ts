import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nodeDeps } from "../src/node-deps.js";

describe("nodeDeps().writeFile of pieces", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("writes the pieces' UTF-8 in order, across runs, whatever their sizes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kul-write-"));
    dirs.push(dir);
    const pieces: string[] = [];
    // Many small pieces that fill runs, characters of 1 to 4 bytes, a piece with fewer
    // characters than a run has bytes left but more bytes, and pieces larger than a run.
    for (let i = 0; i < 20_000; i++) pieces.push(`{"key":${i},"name":"clé-${i}-キー-🔑"}\n`);
    pieces.push(
      "x".repeat(3 << 20),
      "a".repeat(500_000),
      "é".repeat(300_000),
      "é".repeat(600_000),
      "🔑".repeat(200_000),
      "",
      "end\n",
    );
    const path = join(dir, "out", "merged.json");
    await nodeDeps().writeFile(path, pieces);
    expect(readFileSync(path).equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
  });
});
