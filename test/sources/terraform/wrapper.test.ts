import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stripWrapper, WRAPPER_WARNING } from "../../../src/sources/terraform/wrapper.js";

const WRAPPED = readFileSync(
  new URL(
    "../../fixtures/terraform-plan/infracost_setup_terraform_wrapper_NOT_PURE_JSON.plan.txt",
    import.meta.url,
  ),
  "utf8",
);

describe("stripWrapper", () => {
  it("finds the plan JSON between the [command] line and the workflow commands", () => {
    const unwrapped = stripWrapper(WRAPPED);
    expect(unwrapped?.warning).toBe(WRAPPER_WARNING);
    const json = unwrapped?.json ?? "";
    expect(json.startsWith('{"format_version":"0.2"')).toBe(true);
    expect(json.endsWith("}")).toBe(true);
    expect(JSON.parse(json)).toMatchObject({ format_version: "0.2", terraform_version: "1.0.11" });
    // The JSON is the second line of the file, whole.
    expect(json).toBe(WRAPPED.split("\n")[1]);
  });

  it("drops an escaped final newline and blank lines, and reads a file without trailing commands", () => {
    expect(
      stripWrapper('[command]/usr/bin/terraform output -json\n{"a":1}%0A\n\n::debug::x')?.json,
    ).toBe('{"a":1}');
    expect(stripWrapper('\n[command]terraform show -json\r\n{"a":1}\r\n')?.json).toBe('{"a":1}');
  });

  it.each([
    ['{"format_version":"1.2"}'],
    ["[]"],
    ["[command] without a newline"],
    ["Run terraform show -json\n{}"],
    [""],
  ])("leaves other text alone: %j", (text) => {
    expect(stripWrapper(text)).toBeNull();
  });
});
