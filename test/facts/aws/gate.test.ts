import { describe, expect, it } from "vitest";
import { Gate } from "../../../src/facts/aws/gate.js";

/** A send that stays on the wire until `finish()`. */
function pending() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { send: () => done, finish: () => finish() };
}

describe("Gate: calls on the wire at once", () => {
  it("lets `limit` calls on the wire, the rest wait: a running listing's pages first, then paced calls", async () => {
    const gate = new Gate(2);
    const signal = new AbortController().signal;
    const order: string[] = [];
    const a = pending();
    const b = pending();
    const sending = (name: string, send: () => Promise<void>) => () => {
      order.push(name);
      return send();
    };
    const first = gate.run("other", signal, sending("a", a.send));
    const second = gate.run("other", signal, sending("b", b.send));
    const third = gate.run("other", signal, async () => order.push("c"));
    const fourth = gate.run("paced", signal, async () => order.push("paced"));
    const fifth = gate.run("listing", signal, async () => order.push("listing"));
    // Let every call that can start, start.
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(["a", "b"]);
    expect(gate.waiting()).toBe(3);
    a.finish();
    await Promise.all([first, fourth, third, fifth]);
    // The page came last but went first, then the paced call.
    expect(order).toEqual(["a", "b", "listing", "paced", "c"]);
    b.finish();
    await second;
    expect(gate.waiting()).toBe(0);
  });

  it("lets a waiting call go when its signal aborts, and never sends it", async () => {
    const gate = new Gate(1);
    const busy = pending();
    const running = gate.run("other", new AbortController().signal, busy.send);
    const abort = new AbortController();
    let sent = false;
    const waiting = gate.run("other", abort.signal, async () => {
      sent = true;
    });
    abort.abort(new Error("the account-region is down"));
    await expect(waiting).rejects.toThrow("the account-region is down");
    expect(gate.waiting()).toBe(0);
    busy.finish();
    await running;
    expect(sent).toBe(false);
    // The place it held is free again.
    await gate.run("other", new AbortController().signal, async () => {});
  });

  it("holds an admitted place until released, and a second release frees nothing more", async () => {
    const gate = new Gate(1);
    const signal = new AbortController().signal;
    const release = await gate.admit("other", signal);
    let sent = 0;
    const waiting = gate.run("other", signal, async () => {
      sent++;
    });
    const later = gate.run("other", signal, async () => {
      sent++;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect([sent, gate.waiting()]).toEqual([0, 2]);
    release();
    release();
    await waiting;
    await later;
    expect([sent, gate.waiting()]).toEqual([2, 0]);
  });
});
