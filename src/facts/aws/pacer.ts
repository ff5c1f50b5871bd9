/**
 * A request pacer for one account-region and operation: at most `limit` calls start in
 * any window of `intervalMs`, in the order asked, except that a call coming back after
 * a throttling answer goes ahead of calls that have not had a turn yet — its deadline
 * is running, theirs is not.
 *
 * `fromTheWire`: a call's start is when it goes on the wire (`Turn.sent()`), and no call
 * has its turn while the previous one has not gone. AWS counts requests as they arrive,
 * into a bucket that holds one second's worth: turns given on time to calls that then
 * waited together behind the run's other calls (a loaded machine, a full gate) arrived
 * together — 147 throttling answers in one inventory shard of 250 account-regions (issue
 * 17). For tight quotas (GetKeyLastUsage, 5 a second), where a call waits its turn anyway.
 */

const NOTHING = () => {};

/** The queue a call waits in: its first turn, or a turn after a throttling answer. */
export type Lane = "first" | "retry";

/** A call's turn. */
export interface Turn {
  /** Milliseconds it waited for it. */
  waitedMs: number;
  /**
   * The call is on the wire, or will not be: from the wire, its start is counted from now,
   * and the next call may have its turn. Once per turn; later calls are no-ops.
   */
  sent(): void;
}

interface Waiter {
  resolve(turn: Turn): void;
  reject(reason: unknown): void;
  queuedAt: number;
  signal: AbortSignal;
  onAbort: () => void;
}

export class Pacer {
  /** Start times of the latest calls in the order of their turns, at most `limit` of them. */
  private readonly starts: { at: number }[] = [];
  /** The latest start of all. */
  private latest = Number.NEGATIVE_INFINITY;
  private readonly lanes: Record<Lane, Waiter[]> = { retry: [], first: [] };
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** From the wire: turns given whose calls are not yet sent. */
  private unsent = 0;

  constructor(
    private readonly limit: number,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
    private readonly fromTheWire = false,
  ) {
    if (!(limit >= 1) || !(intervalMs > 0))
      throw new Error("Pacer needs limit ≥ 1 and interval > 0");
  }

  /**
   * Resolves with the call's turn once it may start; rejects with `signal.reason` as soon
   * as `signal` aborts (the account-region is down, the deadline passed).
   */
  turn(signal: AbortSignal, lane: Lane = "first"): Promise<Turn> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<Turn>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        queuedAt: this.now(),
        signal,
        onAbort: () => {
          const queue = this.lanes[lane];
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(signal.reason);
          if (this.waiting() === 0) this.stop();
        },
      };
      signal.addEventListener("abort", waiter.onAbort, { once: true });
      this.lanes[lane].push(waiter);
      this.drain();
    });
  }

  /** Calls allowed a second. */
  get rate(): number {
    return (this.limit * 1000) / this.intervalMs;
  }

  /** Calls waiting for a turn. */
  waiting(): number {
    return this.lanes.retry.length + this.lanes.first.length;
  }

  private drain(): void {
    this.stop();
    for (;;) {
      // From the wire, a first turn waits for the previous call to be sent. A call back
      // from throttling does not: it keeps its place on the wire while it waits, and one
      // unsent call waiting for that place must not hold it back.
      const lane =
        this.lanes.retry.length > 0
          ? this.lanes.retry
          : this.lanes.first.length > 0 && this.unsent === 0
            ? this.lanes.first
            : null;
      if (lane === null) return;
      const now = this.now();
      const free = this.nextFree(now);
      if (free > now) {
        this.timer = setTimeout(() => this.drain(), Math.ceil(free - now));
        return;
      }
      const waiter = lane.shift() as Waiter;
      waiter.signal.removeEventListener("abort", waiter.onAbort);
      const start = { at: now };
      this.starts.push(start);
      this.latest = Math.max(this.latest, now);
      if (this.starts.length > this.limit) this.starts.splice(0, this.starts.length - this.limit);
      waiter.resolve({
        waitedMs: now - waiter.queuedAt,
        sent: this.fromTheWire ? this.sender(start) : NOTHING,
      });
    }
  }

  /** From the wire: the `sent()` of the turn that started at `start`. */
  private sender(start: { at: number }): () => void {
    this.unsent++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      start.at = Math.max(start.at, this.now());
      this.latest = Math.max(this.latest, start.at);
      this.unsent--;
      this.drain();
    };
  }

  /**
   * When the next call may start. The window: the call `limit` places back must have
   * started at least `intervalMs` ago. Past the first burst, calls are also spread
   * `intervalMs / limit` apart rather than let go in bursts: AWS refills its quota as
   * a token bucket, and a burst sent the moment the window opens can arrive a little
   * before the bucket has refilled.
   */
  private nextFree(now: number): number {
    if (this.starts.length < this.limit) return now;
    const oldest = this.starts[this.starts.length - this.limit]?.at ?? now;
    const latest = this.latest;
    // Both bounds: a burst whose calls started a few milliseconds apart would otherwise
    // reopen as two calls a few milliseconds apart, and at 2 a second the bucket has
    // refilled one token only just after the second arrives.
    return Math.max(oldest + this.intervalMs, latest + this.intervalMs / this.limit);
  }

  private stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
