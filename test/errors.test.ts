import { describe, expect, it } from "vitest";
import { describeFailure, EvidenceError, errorMessage, InputError } from "../src/errors.js";
import { RulesError } from "../src/rules/errors.js";

describe("describeFailure", () => {
  it("gives an input error its place, code input and exit 2", () => {
    const failure = describeFailure(new InputError("expected a plan", "plan.json", 3));
    expect(failure).toMatchObject({
      code: "input",
      message: "kms-usage-lint: plan.json:3: expected a plan",
      exitCode: 2,
    });
  });

  it("keeps one line per problem of a rules error, code rules", () => {
    const error = new RulesError([
      { file: "a.yml", line: 1, column: 2, message: "one" },
      { file: "b.yml", line: 3, column: 4, message: "two" },
    ]);
    expect(describeFailure(error)).toMatchObject({
      code: "rules",
      message: "kms-usage-lint: a.yml:1:2: one\nb.yml:3:4: two",
      exitCode: 2,
    });
  });

  it("fails closed on missing evidence: code evidence, exit 2", () => {
    expect(describeFailure(new EvidenceError("no credentials"))).toMatchObject({
      code: "evidence",
      message: "kms-usage-lint: no credentials",
      exitCode: 2,
    });
  });

  it("calls anything else a bug, escaped to one line, with its stack kept for debugging", () => {
    const bug = new TypeError("x is undefined\n::error::injected");
    const failure = describeFailure(bug);
    expect(failure.code).toBe("internal");
    expect(failure.exitCode).toBe(2);
    expect(failure.message).toBe(
      "kms-usage-lint: internal error: x is undefined\\n::error::injected. This is a bug; please report it with the stack trace (DEBUG=kms-usage-lint on the command line, step debug logging in a workflow).",
    );
    expect(failure.stack).toBe(bug.stack);
  });

  it("describes a thrown value that is no Error", () => {
    expect(describeFailure("boom")).toMatchObject({ code: "internal", stack: null });
    expect(describeFailure(undefined).message).toContain("internal error: undefined.");
  });
});

describe("errorMessage", () => {
  it("reads an Error's message and shows anything else as text", () => {
    expect(errorMessage(new Error("disk full"))).toBe("disk full");
    expect(errorMessage("plain")).toBe("plain");
    expect(errorMessage(null)).toBe("null");
    expect(errorMessage({ status: 403 })).toBe("[object Object]");
  });
});
