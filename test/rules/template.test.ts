import { describe, expect, it } from "vitest";
import { RulesError } from "../../src/rules/errors.js";
import { compileTemplate, renderValue } from "../../src/rules/template.js";
import { contextOf, daysAgo, makePlannedSubject, makeSubject } from "./subject-builder.js";

const render = (text: string, subject = makeSubject()) =>
  compileTemplate(text, "t.yml", 1, 1).render(contextOf(subject));

function problems(text: string, verbatim = true): string[] {
  try {
    compileTemplate(text, "t.yml", 4, 10, verbatim);
    return [];
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
    return error.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  }
}

describe("renderValue", () => {
  it.each([
    [new Date("2026-11-25T13:45:00Z"), "2026-11-25"],
    [3, "3"],
    [0, "0"],
    [true, "true"],
    [false, "false"],
    [["alias/a", "alias/b"], "alias/a, alias/b"],
    [[], "none"],
    ["text", "text"],
    [null, "unknown"],
  ])("renders %j as %s", (value, expected) => {
    expect(renderValue(value)).toBe(expected);
  });
});

describe("compileTemplate", () => {
  it("inserts facts, with or without spaces inside the braces", () => {
    const subject = makeSubject({
      aliases: ["alias/app", "alias/prod"],
      usage: { lastUsedAt: daysAgo(3) },
      change: { address: "aws_kms_key.data", deletionWindowDays: 7 },
    });
    expect(
      render(
        "{{change.address}} ({{ key.aliases }}) was last used {{usage.daysSinceLastUse}} days ago ({{usage.operation}}, {{ usage.lastUsedAt }}); window {{change.deletionWindowDays}}d, enabled {{key.enabled}}",
        subject,
      ),
    ).toBe(
      "aws_kms_key.data (alias/app, alias/prod) was last used 3 days ago (Decrypt, 2026-11-25); window 7d, enabled true",
    );
  });

  it("renders unknown facts as `unknown`", () => {
    expect(render("{{key.arn}} is {{usage.status}}", makePlannedSubject())).toBe(
      "unknown is unknown",
    );
  });

  it("leaves text outside braces alone, including fact names and lone braces", () => {
    expect(render("now } {single} key.arn {{now}}")).toBe("now } {single} key.arn 2026-11-28");
    expect(render("")).toBe("");
    expect(render("plain text")).toBe("plain text");
  });

  it("lists the paths it inserts, once each, in order", () => {
    expect(compileTemplate("{{now}} {{key.arn}} {{now}}", "t.yml", 1, 1).paths).toEqual([
      "now",
      "key.arn",
    ]);
  });

  it("reports unknown paths at their column, with a suggestion", () => {
    expect(problems("ab {{key.arnn}} {{ nothing.here }}")).toEqual([
      "4:13: unknown fact `key.arnn` in message; did you mean `key.arn`?",
      "4:26: unknown fact `nothing.here` in message",
    ]);
  });

  it("refuses anything that is not a catalog path: no property access, no expressions", () => {
    for (const text of [
      "{{__proto__}}",
      "{{constructor}}",
      "{{ toString }}",
      "{{key}}",
      "{{key.arn.length}}",
      "{{ process.env }}",
      "{{key.arn + 1}}",
    ]) {
      expect(problems(text)).toHaveLength(1);
    }
    expect(problems("{{}}")).toEqual([
      "4:10: empty `{{}}` in message; put a fact path inside, like `{{key.arn}}`",
    ]);
  });

  it("reports an unterminated `{{`", () => {
    expect(problems("ok {{key.arn}} then {{key.arn")).toEqual([
      "4:30: unterminated `{{` in message; close it with `}}`",
    ]);
  });

  it("points every problem at the start when the text is not verbatim source", () => {
    expect(problems("a\n{{nothing}}", false)).toEqual(["4:10: unknown fact `nothing` in message"]);
  });
});
