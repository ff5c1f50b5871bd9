/** The pacer: a strict window per account-region and operation, throttled calls first. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Pacer } from "../../src/facts/aws/pacer.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` waits in `lane`, recording when each got its turn. */
function queue(
  pacer: Pacer,
  count: number,
  signal: AbortSignal,
  lane: "first" | "retry",
  log: string[],
) {
  return Array.from({ length: count }, (_, i) =>
    pacer.turn(signal, lane).then(() => {
      log.push(`${lane}${i}@${Date.now()}`);
    }),
  );
}

describe("Pacer", () => {
  it("lets at most `limit` calls start in any window of the interval, spread out past the first burst", async () => {
    const pacer = new Pacer(5, 1000, () => Date.now());
    const log: string[] = [];
    const turns = queue(pacer, 12, new AbortController().signal, "first", log);
    await vi.advanceTimersByTimeAsync(2_500);
    await Promise.all(turns);
    const times = log.map(
      (entry) => Number(entry.split("@")[1]) - (Number(log[0]?.split("@")[1]) ?? 0),
    );
    expect(times).toEqual([0, 0, 0, 0, 0, 1000, 1200, 1400, 1600, 1800, 2000, 2200]);
  });

  it("gives a call back from throttling its turn before calls that have had none", async () => {
    const pacer = new Pacer(1, 1000, () => Date.now());
    const log: string[] = [];
    const signal = new AbortController().signal;
    const first = queue(pacer, 3, signal, "first", log);
    await vi.advanceTimersByTimeAsync(0);
    const retry = queue(pacer, 1, signal, "retry", log);
    await vi.advanceTimersByTimeAsync(3_000);
    await Promise.all([...first, ...retry]);
    expect(log.map((entry) => entry.split("@")[0])).toEqual([
      "first0",
      "retry0",
      "first1",
      "first2",
    ]);
  });

  it("ends every wait at once, with the signal's reason, when the signal aborts", async () => {
    const pacer = new Pacer(1, 1000, () => Date.now());
    const down = new AbortController();
    const log: string[] = [];
    const turns = queue(pacer, 4, down.signal, "first", log).map((p) =>
      p.then(
        () => "turn",
        (reason: unknown) => reason,
      ),
    );
    await vi.advanceTimersByTimeAsync(0);
    down.abort("region down");
    expect(await Promise.all(turns)).toEqual(["turn", "region down", "region down", "region down"]);
    expect(pacer.waiting()).toBe(0);
    // No timer is left behind to hold the process.
    expect(vi.getTimerCount()).toBe(0);
    await expect(pacer.turn(down.signal)).rejects.toBe("region down");
  });

  describe("from the wire", () => {
    it("gives no first turn while the previous call is unsent, and counts a start from its send", async () => {
      const pacer = new Pacer(2, 1000, () => Date.now(), true);
      const signal = new AbortController().signal;
      const start = Date.now();
      const at = () => Date.now() - start;
      const a = await pacer.turn(signal);
      let bAt = -1;
      const b = pacer.turn(signal).then((turn) => {
        bAt = at();
        return turn;
      });
      // Within the first burst of two, but A has not gone yet: B waits for it.
      await vi.advanceTimersByTimeAsync(500);
      expect(bAt).toBe(-1);
      a.sent();
      (await b).sent();
      expect(bAt).toBe(500);
      // Two calls within a second, counted from A's send at 500: the third starts at 1500,
      // not at 1000 as it would counted from A's turn.
      let cAt = -1;
      const c = pacer.turn(signal).then(() => {
        cAt = at();
      });
      await vi.advanceTimersByTimeAsync(2_000);
      await c;
      expect(cAt).toBe(1500);
    });

    it("gives a call back from throttling its turn while another is unsent: that one may wait for its place", async () => {
      const pacer = new Pacer(5, 1000, () => Date.now(), true);
      const signal = new AbortController().signal;
      // A call sent, then throttled: it is back for another turn, and has it unsent.
      (await pacer.turn(signal)).sent();
      const unsent = await pacer.turn(signal, "retry");
      const first = pacer.turn(signal, "first");
      const retry = pacer.turn(signal, "retry");
      await vi.advanceTimersByTimeAsync(1_000);
      const log: string[] = [];
      void first.then(() => log.push("first"));
      void retry.then((turn) => {
        log.push("retry");
        turn.sent();
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(log).toEqual(["retry"]);
      unsent.sent();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(log).toEqual(["retry", "first"]);
    });

    it("lets the next call go when a turn is given back unsent, once however often it is", async () => {
      const pacer = new Pacer(5, 1000, () => Date.now(), true);
      const signal = new AbortController().signal;
      const a = await pacer.turn(signal);
      const b = pacer.turn(signal);
      a.sent();
      a.sent();
      const turn = await b;
      // B is unsent: a second sent() of A freed nothing more.
      let c = false;
      void pacer.turn(signal).then(() => {
        c = true;
      });
      await vi.advanceTimersByTimeAsync(1_000);
      expect(c).toBe(false);
      turn.sent();
      await vi.advanceTimersByTimeAsync(0);
      expect(c).toBe(true);
    });
  });
});
