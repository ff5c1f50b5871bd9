import { describe, expect, it } from "vitest";
import {
  codeSpan,
  ELLIPSIS,
  escapeData,
  escapeMarkdown,
  escapeProperty,
  MARKDOWN_TEXT_LIMIT,
  truncate,
} from "../../src/report/formats/escape.js";

describe("escapeData / escapeProperty (workflow commands)", () => {
  it.each([
    ["plain", "plain", "plain"],
    ["100%", "100%25", "100%25"],
    ["%0A::error::pwned", "%250A::error::pwned", "%250A%3A%3Aerror%3A%3Apwned"],
    ["a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"],
    ["infra/we:ird,name.tf", "infra/we:ird,name.tf", "infra/we%3Aird%2Cname.tf"],
    ["%25", "%2525", "%2525"],
  ])("%j", (text, data, property) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });

  it("never lets a line break through", () => {
    for (const text of ["\n", "\r", "x\n::warning::y", "\r\n::set-output name=a::b"]) {
      expect(escapeData(text)).not.toMatch(/[\r\n]/);
      expect(escapeProperty(text)).not.toMatch(/[\r\n:,]/);
    }
  });
});

describe("escapeMarkdown", () => {
  it.each([
    ["plain words", "plain words"],
    ["[click](https://evil)", "\\[click\\]\\(https\\://evil\\)"],
    ["![x](http://e/i.png)", "\\!\\[x\\]\\(http\\://e/i\\.png\\)"],
    ["<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert\\(1\\)\\>"],
    ["@octocat", "@\u200boctocat"],
    ["ping @org/team and me@example.com", "ping @\u200borg/team and me@\u200bexample\\.com"],
    ["|table|break|", "\\|table\\|break\\|"],
    ["line\nbreak\r\nhere", "line break  here"],
    ["`code` *em* _em_ ~~s~~", "\\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~"],
    ["# heading", "\\# heading"],
    ["> quote", "\\> quote"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["1. item", "1\\. item"],
    ["www.evil.com", "www\\.evil\\.com"],
    ["&lt;b&gt;", "\\&lt;b\\&gt;"],
    ["$x^2$", "\\$x^2\\$"],
    ["back\\slash", "back\\\\slash"],
    ["arn:aws:kms", "arn\\:aws\\:kms"],
    ["evil\u202eexe.txt", "evil\ufffdexe\\.txt"],
    ["bell\u0007 esc\u001b[31m", "bell  esc \\[31m"],
  ])("%j", (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it("bounds absurdly long text, with an ellipsis", () => {
    const escaped = escapeMarkdown("a".repeat(100 * 1024));
    expect(escaped).toHaveLength(MARKDOWN_TEXT_LIMIT);
    expect(escaped.endsWith(ELLIPSIS)).toBe(true);
    expect(escapeMarkdown("b".repeat(50), { maxLength: 10 })).toBe(`bbbbbbbbb${ELLIPSIS}`);
  });
});

describe("codeSpan", () => {
  it.each([
    ["plain", "`plain`"],
    ["a`b", "``a`b``"],
    ["a``b`c", "```a``b`c```"],
    ["`edge`", "`` `edge` ``"],
    [" spaced ", "`  spaced  `"],
    ["   ", "`   `"],
    ["", "` `"],
    ["<img src=x>", "`<img src=x>`"],
    ["@octocat [x](y)", "`@octocat [x](y)`"],
    ["two\nlines", "`two lines`"],
  ])("%j", (text, expected) => {
    expect(codeSpan(text)).toBe(expected);
  });

  it("escapes pipes in a table cell, as GFM requires even inside code", () => {
    expect(codeSpan("|table|break|", { table: true })).toBe("`\\|table\\|break\\|`");
    expect(codeSpan("|table|break|")).toBe("`|table|break|`");
  });

  it("bounds long text", () => {
    expect(codeSpan("x".repeat(5_000), { maxLength: 20 })).toBe(`\`${"x".repeat(19)}${ELLIPSIS}\``);
  });
});

describe("truncate", () => {
  it("does not split a surrogate pair", () => {
    expect(truncate("ab😀cd", 4)).toBe(`ab${ELLIPSIS}`);
    expect(truncate("abc😀d", 5)).toBe(`abc${ELLIPSIS}`);
    expect(truncate("short", 10)).toBe("short");
  });
});
