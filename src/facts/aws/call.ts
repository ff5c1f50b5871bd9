/**
 * One AWS call (SPEC §3 "Pacing", §10): a turn under the operation's quota, then the call
 * with its account-region's abort signal and its own deadline; throttling waited out
 * within that deadline; and the account-region's Health told what came back, so that a
 * place that cannot be asked is found out from its first failures and every call waiting
 * on it ends at once.
 */

import {
  type AwsFailure,
  CallFailure,
  classify,
  type Health,
  isAnswer,
  raceAbort,
  sleep,
} from "./health.js";
import type { Pacer, Turn } from "./pacer.js";

// After a throttling answer the call waits this long, doubling up to the cap, before its next turn.
const THROTTLE_BACKOFF_MS = 500;
const THROTTLE_BACKOFF_CAP_MS = 4_000;

/** Where one call goes: its account-region's health, the pacer of its operation, and the send. */
export interface Line {
  region: string;
  health: Health;
  pacer: Pacer;
  /**
   * A place on the wire, among the run's calls (gate.ts), held until the release is
   * called; rejects with `signal.reason` if it aborts first.
   */
  admit(signal: AbortSignal): Promise<() => void>;
  /**
   * Sends the call's command (made anew for each attempt) under `signal`; `onWire` is told
   * when its request goes on the wire.
   */
  send(signal: AbortSignal, onWire: () => void): Promise<unknown>;
}

/** What every call of the run shares. */
export interface CallSettings {
  /** `--aws-timeout`: how long one call may take from its first send, throttling included. */
  timeoutMs: number;
  /** Random source for back-off jitter, in [0, 1). */
  random: () => number;
  /** Told of every send, with the time waited for its turn. */
  onCall?: (operation: string, region: string, waitedMs: number) => void;
}

/**
 * Sends the line's command and returns the answer `check` accepts (it throws `malformed(…)` for one
 * that is not AWS's). Anything else ends the call with a CallFailure, and may take the
 * account-region down with it. `within` is a deadline the call shares with others (the
 * pages of one listing).
 */
export async function call<T>(
  line: Line,
  operation: string,
  check: (out: T) => void,
  settings: CallSettings,
  within?: SharedDeadline,
): Promise<T> {
  const { health, pacer } = line;
  health.check();
  const turn = await pacer.turn(health.signal, "first");
  try {
    // The call keeps its place on the wire to its end, throttling back-offs included: they are rare.
    const release = await line.admit(health.signal);
    try {
      return await sendUntilAnswered(line, operation, check, settings, turn, within);
    } finally {
      release();
    }
  } finally {
    // A call that never reached the wire (its account-region went down) gives its turn back.
    turn.sent();
  }
}

/** The call once it has its first turn and its place on the wire: see call(). */
async function sendUntilAnswered<T>(
  line: Line,
  operation: string,
  check: (out: T) => void,
  settings: CallSettings,
  first: Turn,
  within: SharedDeadline | undefined,
): Promise<T> {
  const { health, pacer } = line;
  let turn = first;
  // The deadline runs from the first send: waiting for a first turn under the quota, or
  // for a place on the wire behind the run's other calls, is not lateness.
  within?.start();
  const end = new CallEnd(settings.timeoutMs, health.signal, within?.signal);
  const { signal } = end;
  let throttled = false;
  try {
    for (let retry = 0; ; retry++) {
      health.check();
      settings.onCall?.(operation, line.region, turn.waitedMs);
      health.sent();
      try {
        const out = (await raceAbort(line.send(signal, turn.sent), signal)) as T;
        check(out);
        health.answered();
        return out;
      } catch (error) {
        if (health.signal.aborted) throw health.signal.reason;
        const failure: AwsFailure = end.late
          ? lateness(operation, throttled, settings.timeoutMs)
          : classify(error);
        if (failure.kind === "throttled" && !end.late) {
          throttled = true;
          try {
            await sleep(backoff(retry, settings.random), signal);
            turn.sent();
            turn = await pacer.turn(signal, "retry");
          } catch {
            if (health.signal.aborted) throw health.signal.reason;
            const late = lateness(operation, true, settings.timeoutMs);
            health.failed(late);
            throw new CallFailure(late, health.place);
          }
          continue;
        }
        if (isAnswer(error, failure)) health.answered();
        else health.failed(failure);
        // A failure that took the account-region down reads the same for every call there.
        if (health.down) throw health.signal.reason;
        throw new CallFailure(failure, health.place);
      }
    }
  } finally {
    end.dispose();
    turn.sent();
  }
}

/**
 * A deadline the calls of one listing (its pages) share. It starts when the first of them
 * is sent, not when the listing is begun: like a call's own, waiting for a turn under the
 * quota or for a place on the wire behind the run's other calls is the run's time, not
 * AWS's lateness — a 100,000-key inventory found every account-region's aliases "late"
 * before a page was sent (issue 17). `end()` when the listing is over.
 */
export class SharedDeadline {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly ms: number) {}

  /** `work` under a deadline of `ms` shared by its calls, stopped when `work` ends. */
  static async during<T>(ms: number, work: (deadline: SharedDeadline) => Promise<T>): Promise<T> {
    const deadline = new SharedDeadline(ms);
    try {
      return await work(deadline);
    } finally {
      deadline.end();
    }
  }

  /** Aborts once `ms` have passed since the first call under it was sent. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether a call under it has been sent: its clock is running. */
  get started(): boolean {
    return this.timer !== null;
  }

  /** Starts the clock, on the first call's send; later calls' are no-ops. */
  start(): void {
    if (this.timer !== null || this.controller.signal.aborted) return;
    this.timer = setTimeout(() => this.controller.abort(lateReason()), this.ms);
    // A listing that ended early leaves no timer holding the process, as AbortSignal.timeout.
    this.timer.unref?.();
  }

  /** The listing is over: its clock stops. */
  end(): void {
    if (this.timer !== null) clearTimeout(this.timer);
  }
}

/**
 * How one call ends early: its deadline passes, the deadline it shares (`within`, a
 * listing's) passes, or its account-region goes down — one signal for all three. One
 * controller, one timer and a listener on each source, let go when the call ends: an
 * inventory makes 20,000 calls, and composing signals (`AbortSignal.any`, `timeout`) for
 * each was 9% of its CPU (issue 17).
 */
class CallEnd {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  /** The call's own deadline, or the one it shares, has passed. */
  late = false;
  private readonly onLate = () => {
    this.late = true;
    this.abort(this.within?.aborted ? this.within.reason : lateReason());
  };
  private readonly onDown = () => this.abort(this.place.reason);

  constructor(
    timeoutMs: number,
    private readonly place: AbortSignal,
    private readonly within: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(this.onLate, timeoutMs);
    if (place.aborted) this.onDown();
    else place.addEventListener("abort", this.onDown, { once: true });
    if (within?.aborted) this.onLate();
    else within?.addEventListener("abort", this.onLate, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.place.removeEventListener("abort", this.onDown);
    this.within?.removeEventListener("abort", this.onLate);
  }

  private abort(reason: unknown): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }
}

/** What a call past its own deadline is aborted with, as `AbortSignal.timeout` says it. */
function lateReason(): DOMException {
  return new DOMException("The operation was aborted due to timeout", "TimeoutError");
}

/** The failure of a call whose deadline passed: still throttled, or no answer. */
function lateness(operation: string, throttled: boolean, timeoutMs: number): AwsFailure {
  const seconds = timeoutMs / 1000;
  return throttled
    ? {
        kind: "throttled",
        code: "Throttled",
        message: `kept throttling ${operation} for ${seconds} s (--aws-timeout): another client is using the account's quota`,
      }
    : {
        kind: "silent",
        code: "NoAnswer",
        message: `gave no answer to ${operation} within ${seconds} s (--aws-timeout)`,
      };
}

/** The wait after the n-th throttling answer in a row: doubling, capped, jittered. */
function backoff(retry: number, random: () => number): number {
  const ceiling = Math.min(THROTTLE_BACKOFF_CAP_MS, THROTTLE_BACKOFF_MS * 2 ** retry);
  return Math.round(ceiling * (0.5 + random() / 2));
}
