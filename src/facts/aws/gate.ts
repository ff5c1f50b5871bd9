/**
 * A bound on the calls a run has on the wire at once, all services and account-regions
 * together. Pacers bound calls per second per account-region, not calls in flight: an
 * inventory's 200 account-regions sent every key's DescribeKey (2,000 a second allowed)
 * at once — 10,000 SDK requests in flight, 1.2 GB (issue 17). A call's deadline starts
 * once it has its place (call.ts): a wait here is the run's own, not AWS's lateness.
 */

/**
 * Which calls go first when places free up. `listing`: a later page of a listing whose
 * shared deadline is already running — few, and each waiting here is lateness counted.
 * `paced`: a call of a tight quota (GetKeyLastUsage, 5 a second) — its turn under the
 * quota is given, and a turn spent waiting here is a turn lost. `other`: the rest.
 */
export type Precedence = "listing" | "paced" | "other";

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal: AbortSignal;
  onAbort: () => void;
}

export class Gate {
  private active = 0;
  private readonly queues: Record<Precedence, Waiter[]> = { listing: [], paced: [], other: [] };

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new Error("Gate needs a limit ≥ 1");
  }

  /** Runs `send` once fewer than `limit` calls are on the wire; rejects with `signal.reason` if it aborts first. */
  async run<T>(precedence: Precedence, signal: AbortSignal, send: () => Promise<T>): Promise<T> {
    const release = await this.admit(precedence, signal);
    try {
      return await send();
    } finally {
      release();
    }
  }

  /**
   * A place on the wire, held until the returned release is called (once); rejects with
   * `signal.reason` if it aborts first.
   */
  async admit(precedence: Precedence, signal: AbortSignal): Promise<() => void> {
    await this.enter(precedence, signal);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.leave();
    };
  }

  /** Calls waiting for a place on the wire. */
  waiting(): number {
    const { listing, paced, other } = this.queues;
    return listing.length + paced.length + other.length;
  }

  private enter(precedence: Precedence, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    const queue = this.queues[precedence];
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(signal.reason);
        },
      };
      signal.addEventListener("abort", waiter.onAbort, { once: true });
      queue.push(waiter);
    });
  }

  private leave(): void {
    const { listing, paced, other } = this.queues;
    const next = listing.shift() ?? paced.shift() ?? other.shift();
    if (next === undefined) {
      this.active--;
      return;
    }
    // The place passes straight on: `active` stays as it is.
    next.signal.removeEventListener("abort", next.onAbort);
    next.resolve();
  }
}
