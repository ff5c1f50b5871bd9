/**
 * A request pacer for one account-region and operation: at most `limit` calls start in
 * any window of `intervalMs`, in the order asked, except that a call coming back after
 * a throttling answer goes ahead of calls that have not had a turn yet — its deadline
 * is running, theirs is not.
 */

/** The queue a call waits in: its first turn, or a turn after a throttling answer. */
export type Lane = "first" | "retry";

interface Waiter {
  resolve(waitedMs: number): void;
  reject(reason: unknown): void;
  queuedAt: number;
  signal: AbortSignal;
  onAbort: () => void;
}

export class Pacer {
  /** Start times of the latest calls, at most `limit` of them. */
  private readonly starts: number[] = [];
  private readonly lanes: Record<Lane, Waiter[]> = { retry: [], first: [] };
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly limit: number,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(limit >= 1) || !(intervalMs > 0))
      throw new Error("Pacer needs limit ≥ 1 and interval > 0");
  }

  /**
   * Resolves with the milliseconds waited once a call may start; rejects with
   * `signal.reason` as soon as `signal` aborts (the account-region is down, the deadline passed).
   */
  turn(signal: AbortSignal, lane: Lane = "first"): Promise<number> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<number>((resolve, reject) => {
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
    while (this.waiting() > 0) {
      const now = this.now();
      const free = this.nextFree(now);
      if (free > now) {
        this.timer = setTimeout(() => this.drain(), Math.ceil(free - now));
        return;
      }
      const waiter = (this.lanes.retry.length > 0 ? this.lanes.retry : this.lanes.first).shift();
      if (!waiter) return;
      waiter.signal.removeEventListener("abort", waiter.onAbort);
      this.starts.push(now);
      if (this.starts.length > this.limit) this.starts.splice(0, this.starts.length - this.limit);
      waiter.resolve(now - waiter.queuedAt);
    }
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
    const oldest = this.starts[this.starts.length - this.limit] ?? now;
    const latest = this.starts[this.starts.length - 1] ?? now;
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
