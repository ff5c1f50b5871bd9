import { describe, expect, it } from "vitest";
import { nodeRuntimes } from "../support/run-dist.js";

describe("nodeRuntimes", () => {
  const env = {
    KUL_NODE20: "/n/20",
    KUL_NODE22: "/n/22",
    KUL_NODE24: "/n/24",
    KUL_NODE18: "/n/18",
  };

  it("adds every other major CI provides, never this one's twice", () => {
    expect(nodeRuntimes(env, "v22.23.5").map((r) => r.name)).toEqual([
      "node v22.23.5",
      "node 20",
      "node 24",
    ]);
    expect(
      nodeRuntimes(env, "v20.20.2")
        .map((r) => r.bin)
        .slice(1),
    ).toEqual(["/n/22", "/n/24"]);
  });

  it("runs on this Node alone when CI provides no other", () => {
    expect(nodeRuntimes({}, "v24.22.3")).toEqual([
      { name: "node v24.22.3", bin: process.execPath },
    ]);
  });
});
