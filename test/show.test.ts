import { describe, expect, it } from "vitest";
import { compareText } from "../src/order.js";
import { listWords, plural, showValue } from "../src/show.js";

describe("plural", () => {
  it.each([
    [0, "0 keys"],
    [1, "1 key"],
    [2, "2 keys"],
  ])("counts %i", (n, text) => {
    expect(plural(n, "key")).toBe(text);
  });

  it("takes the word for many when adding s would be wrong", () => {
    expect(plural(1, "directory", { many: "directories" })).toBe("1 directory");
    expect(plural(3, "directory", { many: "directories" })).toBe("3 directories");
  });

  it("writes the number as asked", () => {
    expect(plural(12345, "finding", { digits: (n) => n.toLocaleString("en-US") })).toBe(
      "12,345 findings",
    );
  });
});

describe("listWords", () => {
  it.each([
    [[], ""],
    [["a"], "a"],
    [["a", "b"], "a and b"],
    [["a", "b", "c"], "a, b and c"],
  ])("says %j as %j", (parts, text) => {
    expect(listWords(parts)).toBe(text);
  });
});

describe("compareText", () => {
  it("orders by code unit, not by locale: capitals first, the same on every machine", () => {
    expect(["b", "a", "B", "ä", "A"].sort(compareText)).toEqual(["A", "B", "a", "b", "ä"]);
    expect(compareText("x", "x")).toBe(0);
  });
});

describe("showValue", () => {
  it("cuts a long value short", () => {
    expect(showValue("x".repeat(100))).toBe(`"${"x".repeat(59)}…`);
  });
});
