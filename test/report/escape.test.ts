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
    // Links and images: the `]` that would close them, and the scheme's `://`.
    ["[click](https://evil)", "[click\\](https\\://evil)"],
    ["![x](http://e/i.png)", "![x\\](http\\://e/i.png)"],
    ["[a][ref] and [x]: http://e", "[a\\][ref] and [x\\]: http\\://e"],
    ["<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)>"],
    ["@octocat", "@\u200boctocat"],
    ["ping @org/team and me@example.com", "ping @\u200borg/team and me@\u200bexample.com"],
    ["migrated in PR #12, see o/r#3", "migrated in PR #\u200b12, see o/r#\u200b3"],
    ["|table|break|", "\\|table\\|break\\|"],
    ["line\nbreak\r\nhere", "line break  here"],
    ["`code` *em* _em_ ~~s~~", "\\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~"],
    // Block markers only where they would start a block: at the start of the text.
    ["# heading", "\\# heading"],
    ["### h3", "\\### h3"],
    ["> quote", "\\> quote"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["---", "\\---"],
    ["1. item", "1\\. item"],
    ["2) item", "2\\) item"],
    ["a # b > c - d 1. e", "a # b > c - d 1. e"],
    ["www.evil.com", "www\\.evil.com"],
    ["WWW.evil.com", "WWW\\.evil.com"],
    ["&lt;b&gt; &#60; & fish", "\\&lt;b\\&gt; \\&#\u200b60; & fish"],
    ["$x^2$", "\\$x^2\\$"],
    ["back\\slash", "back\\slash"],
    ["back\\*star", "back\\\\\\*star"],
    ["ends in a backslash\\", "ends in a backslash\\\\"],
    // What renders as itself is left alone: the raw comment stays readable.
    ["arn:aws:kms:us-east-1:111122223333:key/1234", "arn:aws:kms:us-east-1:111122223333:key/1234"],
    ["aws_kms_key.data", "aws_kms_key.data"],
    ['module.a["x"].aws_kms_key.this[0]', 'module.a["x"].aws_kms_key.this[0]'],
    ["a 7-day window (delete, disables it)!", "a 7-day window (delete, disables it)!"],
    ["__init__ and snake_case_", "\\_\\_init\\_\\_ and snake_case\\_"],
    // Runner commands, for Markdown printed to a log.
    ["::error::pwned", "\\::error::pwned"],
    ["x ##[error] y", "x #\\#[error] y"],
    ["evil\u202eexe.txt", "evil\ufffdexe.txt"],
    ["bell\u0007 esc\u001b[31m", "bell  esc [31m"],
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
