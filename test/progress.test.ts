import { describe, expect, it } from "vitest";
import { progressLine } from "../src/progress.js";

describe("the progress line", () => {
  it("redraws in place on a terminal, at most every 100 ms, and clears itself", () => {
    let out = "";
    let now = 0;
    const p = progressLine(
      (t) => (out += t),
      true,
      () => now,
    );
    now = 200;
    p.keyDone(1, 4);
    p.call("GetKeyLastUsage", "us-east-1", 0);
    now = 400;
    p.call("GetKeyLastUsage", "us-east-1", 180);
    expect(out).toBe(
      "\r\u001b[2Kkms-usage-lint: facts for 1/4 keys, 0 AWS calls, 0 waits for the quota" +
        "\r\u001b[2Kkms-usage-lint: facts for 1/4 keys, 2 AWS calls, 1 wait for the quota",
    );
    p.finish();
    expect(out.endsWith("\r\u001b[2K")).toBe(true);
  });

  it("writes plain lines at most once a second elsewhere (--verbose)", () => {
    const lines: string[] = [];
    let now = 5_000;
    const p = progressLine(
      (t) => lines.push(t),
      false,
      () => now,
    );
    p.keyDone(1, 2);
    now = 5_500;
    p.keyDone(2, 2);
    p.finish();
    expect(lines).toEqual([
      "kms-usage-lint: facts for 1/2 keys, 0 AWS calls, 0 waits for the quota\n",
      "kms-usage-lint: facts for 2/2 keys, 0 AWS calls, 0 waits for the quota\n",
    ]);
  });
});
