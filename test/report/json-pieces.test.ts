import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeJsonText } from "../../src/log-text.js";
import { jsonPieces, LazyList } from "../../src/report/formats/json-pieces.js";

/** What the formats wrote before they wrote in pieces: one string, escaped whole. */
const whole = (value: unknown) => escapeJsonText(JSON.stringify(value, null, 2));
const joined = (value: unknown, levels: number) => [...jsonPieces(value, levels)].join("");

// Values JSON.stringify writes its own way: left out of objects, null in lists, through toJSON.
const awkward = fc.oneof(
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.constant(Symbol("s")),
  fc.date({ noInvalidDate: true }),
  // Escaped by escapeJsonText: `##[`, C1 controls, format and invisible characters.
  fc.constantFrom("##[", "a\u0085b", "\u200d", "\u2028", "::error::x", "line\nbreak"),
);
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    awkward,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("jsonPieces", () => {
  it("joins to JSON.stringify(value, null, 2), escaped, however deep it opens the value", () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 5 }), (value, levels) => {
        fc.pre(value !== undefined && typeof value !== "function" && typeof value !== "symbol");
        expect(joined(value, levels)).toBe(whole(value));
      }),
      { numRuns: 500 },
    );
  });

  it("writes a lazy list as the list it maps to", () => {
    const items = [1, 2, 3, 4];
    const map = (n: number) => (n === 3 ? undefined : { n, list: [n, { deep: "##[" }], empty: [] });
    const value = { top: new LazyList(items, map), after: {} };
    const expected = whole({ top: items.map(map), after: {} });
    for (const levels of [1, 2, 3]) expect(joined(value, levels)).toBe(expected);
    expect(joined({ top: new LazyList([], map) }, 1)).toBe(whole({ top: [] }));
  });

  it("hands out the first piece before the later elements of a long list are made", () => {
    let made = 0;
    const items = Array.from({ length: 100_000 }, (_, i) => i);
    const list = new LazyList(items, (i) => {
      made++;
      return { index: i, name: `element ${i}` };
    });
    const pieces = jsonPieces({ list }, 2);
    const first = pieces.next();
    expect(first.done).toBe(false);
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(items.length / 10);
    let count = 1;
    for (const _ of pieces) count++;
    expect(made).toBe(items.length);
    expect(count).toBeGreaterThan(10);
  });
});
