/** `--facts` evaluates with no network access at all: not one socket is opened. */
import net from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nodeDeps } from "../../src/node-deps.js";
import { runCli } from "../support/cli.js";
import { ROOT } from "../support/run-dist.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("offline evaluation", () => {
  it("opens no socket when the facts come from a snapshot, even with live AWS available", async () => {
    const connect = vi.spyOn(net.Socket.prototype, "connect");
    // The real dependencies, AWS client factory included: only the snapshot keeps it offline.
    const { code, stdout } = await runCli(
      [
        join(ROOT, "examples/plan.json"),
        "--facts",
        join(ROOT, "examples/facts.json"),
        "--now",
        "2026-11-28T00:00:00Z",
        "--format",
        "json",
      ],
      ROOT,
      nodeDeps(),
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout).summary.error).toBe(1);
    expect(connect).not.toHaveBeenCalled();
  });
});
