/**
 * The Action's `save-facts`: a file, kept by a later step. `-` (standard output on the
 * command line) would be the job log in the Action — and was written as a file named `-`.
 */
import { describe, expect, it } from "vitest";
import { actionConfig } from "../../src/config/action-inputs.js";
import { InputError } from "../../src/model.js";

const config = (value: string) =>
  actionConfig((name) => (name === "save-facts" ? value : ""), null, null);

describe("input save-facts", () => {
  it("is a file, taken trimmed; none when empty", () => {
    expect(config("").saveFacts).toBeNull();
    expect(config(" facts/snapshot.json ").saveFacts).toBe("facts/snapshot.json");
  });

  it("refuses - : the job log is no place for a snapshot", () => {
    expect(() => config("-")).toThrow(InputError);
    expect(() => config(" - ")).toThrow(/input save-facts: "-" is standard output, the job log/);
  });
});
