/** `--facts` evaluates with no network access at all: not one socket is opened. */
import net from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../src/command.js";
import { nodeDeps } from "../src/node-deps.js";
import { ROOT } from "./support/run-dist.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("offline evaluation", () => {
  it("opens no socket when the facts come from a snapshot, even with live AWS available", async () => {
    const connect = vi.spyOn(net.Socket.prototype, "connect");
    let stdout = "";
    const code = await main(
      [
        join(ROOT, "examples/plan.json"),
        "--facts",
        join(ROOT, "examples/facts.json"),
        "--now",
        "2026-11-28T00:00:00Z",
        "--format",
        "json",
      ],
      {
        stdout: (t) => {
          stdout += t;
        },
        stderr: () => {},
        stdoutIsTty: false,
        stderrIsTty: false,
        debug: false,
      },
      nodeDeps(),
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout).summary.error).toBe(1);
    expect(connect).not.toHaveBeenCalled();
  });
});
