/** Whether the text report is coloured: flag > FORCE_COLOR > NO_COLOR > terminal. */
import { describe, expect, it } from "vitest";
import { forceColorLevel, useColor } from "../../src/config/color.js";

describe("forceColorLevel (as supports-color reads FORCE_COLOR)", () => {
  it.each([
    [undefined, undefined],
    ["", 1],
    ["true", 1],
    ["false", 0],
    ["0", 0],
    ["1", 1],
    ["2", 2],
    ["3", 3],
    ["7", 3],
    ["yes", undefined],
    ["-1", undefined],
  ] as const)("%j → %j", (value, level) => {
    expect(forceColorLevel(value)).toBe(level);
  });
});

describe("useColor", () => {
  it.each([
    // flag, env, tty, colour
    [null, {}, true, true],
    [null, {}, false, false],
    [null, { NO_COLOR: "1" }, true, false],
    // no-color.org: set and not empty.
    [null, { NO_COLOR: "" }, true, true],
    [null, { FORCE_COLOR: "1" }, false, true],
    [null, { FORCE_COLOR: "3" }, false, true],
    [null, { FORCE_COLOR: "0" }, true, false],
    [null, { FORCE_COLOR: "false" }, true, false],
    // FORCE_COLOR, set on purpose, beats the standing NO_COLOR preference.
    [null, { FORCE_COLOR: "1", NO_COLOR: "1" }, false, true],
    [null, { FORCE_COLOR: "0", NO_COLOR: "" }, true, false],
    // Not a level: decides nothing.
    [null, { FORCE_COLOR: "yes" }, false, false],
    [null, { FORCE_COLOR: "yes", NO_COLOR: "1" }, true, false],
    // The flag beats everything.
    [true, { NO_COLOR: "1" }, false, true],
    [true, { FORCE_COLOR: "0" }, false, true],
    [false, { FORCE_COLOR: "3" }, true, false],
  ] as const)("flag %j, env %j, tty %j → %j", (flag, env, tty, colour) => {
    expect(useColor(flag, env, tty)).toBe(colour);
  });
});
