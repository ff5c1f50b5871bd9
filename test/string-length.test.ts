import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ucs2length } from "../src/string-length.js";

// ajv's own helper, which the validators compiled at build time no longer import.
const ajvUcs2length = createRequire(import.meta.url)("ajv/dist/runtime/ucs2length.js").default as (
  text: string,
) => number;

describe("ucs2length", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["😀", 1],
    ["a😀b", 3],
    ["\ud83d", 1],
    ["\ud83d\ud83d", 2],
    ["\ude00\ud83d", 2],
  ])("counts %j as %d code points", (text, length) => {
    expect(ucs2length(text)).toBe(length);
  });

  it("counts as ajv's runtime does, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(ucs2length(text)).toBe(ajvUcs2length(text));
      }),
    );
  });
});
