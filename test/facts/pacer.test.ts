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
});
