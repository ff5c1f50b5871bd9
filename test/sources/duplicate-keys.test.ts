import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/model.js";
import { findDuplicateKey } from "../../src/sources/duplicate-keys.js";
import { parseJson } from "../../src/sources/json.js";

/** The InputError parseJson throws for `text`, or a failure. */
function inputErrorOf(text: string, sections: string[] = []): InputError {
  try {
    parseJson(text, "in.json", undefined, { sections });
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("parseJson did not throw");
}

describe("findDuplicateKey", () => {
  it("finds a repeated top-level key and both its offsets", () => {
    const text = '{"resource_changes": [{"a": 1}], "x": 2, "resource_changes": []}';
    expect(findDuplicateKey(text)).toEqual({
      key: "resource_changes",
      section: "",
      first: 1,
      second: text.lastIndexOf('"resource_changes"'),
    });
  });

  it.each([
    ["keys repeated only in nested objects", '{"a": {"k": 1, "k": 2}, "b": [{"k": 1, "k": 2}]}'],
    ["a key name inside a string", '{"a": "\\"b\\": 1, \\"a\\": 2", "b": "{\\"a\\":1}"}'],
    ["brackets and quotes inside strings", '{"a": "}]{[\\\\", "b": "x\\\\\\"}", "c": 1}'],
    ["an empty object", "{}"],
    ["a top-level array", '[{"a": 1}, {"a": 1}]'],
    ["a top-level scalar", '"a"'],
    ["numbers, literals and blanks", '{ "a" : -1.5e+3 , "b":true,"c"\t:\nnull,"d":[ ] }'],
  ])("finds none with %s", (_case, text) => {
    JSON.parse(text);
    expect(findDuplicateKey(text)).toBeNull();
  });

  it("decodes escaped key names as JSON.parse does", () => {
    const text = '{"resource_changes": [1], "resource\\u005fchanges": []}';
    expect(Object.keys(JSON.parse(text))).toEqual(["resource_changes"]);
    expect(findDuplicateKey(text)?.key).toBe("resource_changes");
  });

  it("checks the keys of the sections named, and no others", () => {
    const text = '{"Resources": {"K": {}, "Q": {}, "K": {}}, "Other": {"a": 1, "a": 2}}';
    expect(findDuplicateKey(text)).toBeNull();
    expect(findDuplicateKey(text, ["Resources"])).toMatchObject({ key: "K", section: "Resources" });
    expect(findDuplicateKey(text, ["Other"])).toMatchObject({ key: "a", section: "Other" });
  });

  it("handles a string of a million escapes and deep nesting without a stack overflow", () => {
    const escapes = "\\n".repeat(1_000_000);
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const text = `{"a": "${escapes}\\"", "d": ${deep}, "a": 1}`;
    expect(findDuplicateKey(text)).toMatchObject({ key: "a", first: 1 });
  });

  it("handles __proto__ and other prototype names as plain keys", () => {
    const text = '{"__proto__": {}, "constructor": 1, "toString": 2, "__proto__": []}';
    expect(findDuplicateKey(text)).toMatchObject({ key: "__proto__" });
    expect(findDuplicateKey('{"__proto__": 1, "constructor": 2}')).toBeNull();
  });

  // The reference: every top-level key token, decoded, in order, from a parser
  // that knows nothing of the scanner's shortcuts.
  const keyChars = fc.constantFrom("a", "b", "_", "é", "\u2028", '"', "\\", "/", "\u0000", "😀");
  const keyArb = fc.array(keyChars, { minLength: 0, maxLength: 3 }).map((chars) => chars.join(""));
  const blankArb = fc.constantFrom("", " ", "\n", "\t ", "\r\n  ");
  const valueArb = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value));

  /** A key as JSON text, with some characters written as \u escapes. */
  const keyTextArb = (key: string) =>
    fc.array(fc.boolean(), { minLength: key.length, maxLength: key.length }).map((escaped) => {
      let text = "";
      for (const [i, char] of [...key].entries()) {
        const plain = JSON.stringify(char).slice(1, -1);
        // Every UTF-16 unit, surrogates included, as JSON writes an escape.
        const units = Array.from({ length: char.length }, (_, j) => char.charCodeAt(j));
        text += escaped[i]
          ? units.map((unit) => `\\u${unit.toString(16).padStart(4, "0")}`).join("")
          : plain;
      }
      return `"${text}"`;
    });

  const objectArb = fc
    .array(fc.tuple(keyArb, valueArb, blankArb), { maxLength: 8 })
    .chain((members) =>
      fc.tuple(
        fc.constant(members),
        fc.tuple(...members.map(([key]) => keyTextArb(key))),
        blankArb,
      ),
    )
    .map(([members, keyTexts, blank]) => {
      const offsets: number[] = [];
      let text = `{${blank}`;
      members.forEach(([, value, space], i) => {
        if (i > 0) text += `,${space}`;
        offsets.push(text.length);
        text += `${keyTexts[i]}${space}:${space}${value}`;
      });
      return { text: `${text}${blank}}`, keys: members.map(([key]) => key), offsets };
    });

  it("finds exactly the first repeated top-level key, at both offsets (property)", () => {
    fc.assert(
      fc.property(objectArb, ({ text, keys, offsets }) => {
        JSON.parse(text);
        const seen = new Map<string, number>();
        let expected: object | null = null;
        for (const [i, key] of keys.entries()) {
          const first = seen.get(key);
          if (first !== undefined) {
            expected = { key, section: "", first: offsets[first], second: offsets[i] };
            break;
          }
          seen.set(key, i);
        }
        expect(findDuplicateKey(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseJson: repeated keys", () => {
  it("names the key, the line of each occurrence and the column of the second", () => {
    const text =
      '{\n  "format_version": "1.2",\n  "resource_changes": [],\n  "resource_changes": []\n}';
    const err = inputErrorOf(text);
    expect(err.describe()).toBe(
      'in.json:4: the key "resource_changes" appears twice at the top level (first on line 3, again here at column 3): a reader keeps only the last, so what the first one holds would be silently ignored; remove one of them',
    );
  });

  it("checks the sections it is told to", () => {
    const text = '{"Resources": {\n"K": {"Type": "AWS::KMS::Key"},\n"K": {"Type": "X"}}}';
    expect(parseJson(text, "t.json")).toEqual({ Resources: { K: { Type: "X" } } });
    const err = inputErrorOf(text, ["Resources"]);
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^the key "K" appears twice in "Resources" \(first on line 2, /);
  });

  it("echoes a hostile key escaped and cut short", () => {
    const key = `\u001b[31m::error::${"x".repeat(500)}`;
    const text = `{${JSON.stringify(key)}: 1, ${JSON.stringify(key)}: 2}`;
    const { message } = inputErrorOf(text);
    expect(message).toContain('the key "\\u001b[31m::error::xxx');
    expect(message).not.toContain("\u001b");
    expect(message.length).toBeLessThan(400);
  });
});
