/** Escaping text for a terminal or an Actions log: no input can issue a command. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  breakLegacyCommands,
  escapeJsonText,
  escapeLogLines,
  escapeLogText,
} from "../src/log-text.js";
import { commandLikeLines, runnerCommands } from "./support/runner-commands.js";

// Strings made of what commands and escapes are made of, so that the generator finds them.
const hostile = fc.string({
  unit: fc.constantFrom(
    ":",
    "#",
    "[",
    "]",
    " ",
    "\u3000",
    "\n",
    "\r",
    "\t",
    "\u001b",
    "\u0085",
    "\u009b",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2028",
    "\ufeff",
    "\u{e0001}",
    "\\",
    "u",
    "e",
    "x",
  ),
  maxLength: 40,
});

describe("escapeLogText", () => {
  it("leaves ordinary text alone, Windows paths and CloudFormation types included", () => {
    for (const text of [
      'module.a["x"].aws_kms_key.this[0]',
      "C:\\infra\\plan.json",
      "AWS::KMS::Key in stack::name",
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd",
      "✔ déjà vu ✖ 日本語",
    ]) {
      expect(escapeLogText(text)).toBe(text);
    }
  });

  it.each([
    ["a new line", "a\nb", "a\\nb"],
    ["a carriage return", "a\rb", "a\\rb"],
    ["a tab", "a\tb", "a\\tb"],
    ["an escape sequence", "\u001b[31mred", "\\u001b[31mred"],
    ["DEL and a C1 control", "\u007f\u009b", "\\u007f\\u009b"],
    ["zero-width characters", "a\u200bb\u200dc\ufeff", "a\\u200bb\\u200dc\\ufeff"],
    ["a bidirectional override", "\u202eevil", "\\u202eevil"],
    ["a line separator", "a\u2028b", "a\\u2028b"],
    ["an astral tag character", "a\u{e0001}", "a\\u{e0001}"],
    ["a legacy command", "x ##[stop-commands]y", "x #\\u0023[stop-commands]y"],
    ["a legacy command after more #", "###[group]", "##\\u0023[group]"],
    ["a workflow command", "::error::x", "\\u003a:error::x"],
    ["a workflow command after whitespace", " \u3000::error::x", " \u3000\\u003a:error::x"],
  ])("shows %s escaped", (_, text, escaped) => {
    expect(escapeLogText(text)).toBe(escaped);
  });

  it("leaves no line the runner would read as a command, whatever the input", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const escaped = escapeLogText(text);
        expect(escaped).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u);
        expect(commandLikeLines(escaped)).toEqual([]);
        // Prefixed by the tool's own text, as a message is printed.
        expect(runnerCommands(`warning: ${escaped}`)).toEqual([]);
      }),
    );
  });

  it("is idempotent: escaping escaped text changes nothing", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const once = escapeLogText(text);
        expect(escapeLogText(once)).toBe(once);
      }),
    );
  });
});

describe("escapeLogLines", () => {
  it("keeps the tool's own line breaks and makes each line safe", () => {
    expect(escapeLogLines("a.yml:1:1: x\n::error::y\n  ##[group]z")).toBe(
      "a.yml:1:1: x\n\\u003a:error::y\n  #\\u0023[group]z",
    );
  });

  it("leaves no command in any line, whatever the input", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(commandLikeLines(escapeLogLines(text))).toEqual([]);
      }),
    );
  });
});

describe("escapeJsonText", () => {
  it("gives JSON of the same value, with nothing raw a terminal or the runner acts on", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const json = escapeJsonText(JSON.stringify({ text, list: [text] }, null, 2));
        expect(JSON.parse(json)).toEqual({ text, list: [text] });
        expect(json).not.toMatch(
          /[^\P{Cc}\n]|[\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u,
        );
        expect(commandLikeLines(json)).toEqual([]);
      }),
    );
  });

  it("escapes each character a log line escapes, but tab, line feed and carriage return", () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      const inLog = escapeLogText(char) !== char;
      if (inLog !== (escapeJsonText(char) !== char)) differ.push(code.toString(16));
    }
    expect(differ).toEqual(["9", "a", "d"]);
  });

  it("leaves JSON without such characters byte for byte", () => {
    const json = JSON.stringify({ a: "x\ny", b: ["C:\\p"], c: "AWS::KMS::Key" }, null, 2);
    expect(escapeJsonText(json)).toBe(json);
  });
});

describe("breakLegacyCommands", () => {
  it("breaks every ##[ and nothing else", () => {
    expect(breakLegacyCommands("##[a] ## [b] ##[c]")).toBe("#\\u0023[a] ## [b] #\\u0023[c]");
  });
});
