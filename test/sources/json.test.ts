import { afterEach, describe, expect, it, vi } from "vitest";
import { InputError } from "../../src/model.js";
import { isJsonObject, parseJson } from "../../src/sources/json.js";

/** The InputError parseJson throws for `text`. */
function inputErrorOf(text: string, expected?: string): InputError {
  try {
    parseJson(text, "in.json", expected);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("parseJson did not throw");
}

describe("parseJson", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("parses JSON", () => {
    expect(parseJson('{"a": [1, null, "x"]}', "in.json")).toEqual({ a: [1, null, "x"] });
  });

  it("ignores a UTF-8 byte order mark", () => {
    expect(parseJson('\uFEFF{"a": 1}', "in.json")).toEqual({ a: 1 });
  });

  it.each([
    ["", "empty"],
    [" \n\t\r\n", "whitespace only"],
    ["\uFEFF", "a byte order mark only"],
  ])("rejects an empty file (%j: %s)", (text) => {
    const err = inputErrorOf(text, "a Terraform plan");
    expect(err.file).toBe("in.json");
    expect(err.line).toBeNull();
    expect(err.message).toBe("the file is empty; expected a Terraform plan");
  });

  it("names the line and column of an error V8 gives a position for", () => {
    const err = inputErrorOf('{\n  "a": 1,\n  "b": 2,\n}\n');
    expect(err.line).toBe(4);
    expect(err.message).toBe("not valid JSON: expected double-quoted property name at column 1");
    expect(err.describe()).toBe(
      "in.json:4: not valid JSON: expected double-quoted property name at column 1",
    );
  });

  it("points a truncated file at its last non-blank line", () => {
    const err = inputErrorOf('{\n  "resource_changes": [\n    {"a": 1}\n\n\n');
    expect(err.line).toBe(3);
    expect(err.message).toBe(
      "not valid JSON: expected ',' or ']' after array element at column 13",
    );
  });

  it("points a truncated one-line file at line 1", () => {
    const err = inputErrorOf('{"format_version":"1.2","resource_changes":[{"address":"aws_kms');
    expect(err.line).toBe(1);
    expect(err.message).toMatch(/^not valid JSON: unterminated string at column \d+$/);
  });

  // Node 20 gives no position for an unexpected token, only a quoted piece of
  // the source; the piece is cut differently near the start, the middle and the end.
  it.each([
    ["near the start", "[command]/usr/bin/terraform show -json plan\n{}", 1, 2],
    ["in the middle", '{\n  "a": 1,\n  "b": tru ,\n  "c": 3,\n  "d": 4\n}', 3, 11],
    ["near the end", '{\n  "aaaaaaaaaaaaaaaaaaaa": 1,\n  "b": [1, 2, x]}', 3, 15],
    ["in a short file", "[1,\n x]", 2, 2],
  ])("finds an unexpected token %s", (_where, text, line, column) => {
    const err = inputErrorOf(text);
    expect(err.line).toBe(line);
    expect(err.message).toMatch(
      new RegExp(`^not valid JSON: unexpected token .* at column ${column}$`),
    );
  });

  it("gives no line where the quoted piece of source is ambiguous", () => {
    // V8 quotes the 10 characters either side of the bad token; here they occur
    // twice, first inside a string, so the piece does not say which is meant.
    const piece = "0, 1, 22, x, 3, 4, 5";
    const err = inputErrorOf(`["${piece}",\n${piece}]`);
    expect(err.message).toBe("not valid JSON: unexpected token 'x'");
    expect(err.line).toBeNull();
    expect(err.describe()).toBe("in.json: not valid JSON: unexpected token 'x'");
  });

  it("shows a control character as a code point, not raw", () => {
    const err = inputErrorOf('{"a": 1,\n\u0007}');
    expect(err.message).toMatch(/U\+0007|double-quoted property name/);
    expect(err.message).not.toContain("\u0007");
  });

  it("reads the position from the message of newer Node versions", () => {
    const text = '{\n "a": 1,\n "b": 2\n "c": 3\n}';
    const position = text.indexOf('"c"');
    vi.spyOn(JSON, "parse").mockImplementation(() => {
      throw new SyntaxError(
        `Expected ',' or '}' after property value in JSON at position ${position} (line 4 column 2)`,
      );
    });
    const err = inputErrorOf(text);
    expect(err.line).toBe(4);
    expect(err.message).toBe(
      "not valid JSON: expected ',' or '}' after property value at column 2",
    );
  });

  it("reads a line and column given without a position", () => {
    vi.spyOn(JSON, "parse").mockImplementation(() => {
      throw new SyntaxError("Unexpected character (line 7 column 3)");
    });
    const err = inputErrorOf("{ whatever }");
    expect(err.line).toBe(7);
    expect(err.message).toBe("not valid JSON: unexpected character at column 3");
  });

  it("keeps the SyntaxError as the cause and never puts a stack in the message", () => {
    const err = inputErrorOf("{");
    expect(err.cause).toBeInstanceOf(SyntaxError);
    expect(err.describe()).not.toMatch(/\n\s+at /);
  });
});

describe("isJsonObject", () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [[], false],
    [null, false],
    ["{}", false],
    [1, false],
  ])("%j → %s", (value, expected) => {
    expect(isJsonObject(value)).toBe(expected);
  });
});
