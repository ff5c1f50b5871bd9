/**
 * The progress line on stderr while facts are gathered (SPEC §6): keys done of
 * the total, AWS calls made, and how often the quota made a call wait. Redrawn
 * in place on a terminal; elsewhere silent unless --verbose asks for it.
 */

import { plural } from "./show.js";

/** What the stages report; every method is cheap and safe to call often. */
export interface Progress {
  /** A key's facts are complete. */
  keyDone(done: number, total: number): void;
  /** An AWS call was made; `waitedMs` is how long the pacer held it back for the quota. */
  call(operation: string, region: string, waitedMs: number): void;
  /** Facts are in: clear the line. */
  finish(): void;
}

export const SILENT: Progress = { keyDone() {}, call() {}, finish() {} };

// Redrawing more often than this only flickers.
const REDRAW_MS = 100;
// A call the pacer held back longer than this counts as a wait for the quota.
const WAIT_THRESHOLD_MS = 20;

/**
 * A progress reporter writing to `write`: one line redrawn with `\r` on a TTY,
 * or (for --verbose on a pipe) a plain line at most once a second.
 */
export function progressLine(
  write: (text: string) => void,
  tty: boolean,
  clock = () => Date.now(),
): Progress {
  let done = 0;
  let total = 0;
  let calls = 0;
  let waits = 0;
  let last = 0;
  let drawn = false;
  const line = () =>
    `kms-usage-lint: facts for ${done}/${plural(total, "key")}, ${plural(calls, "AWS call")}, ${plural(waits, "wait")} for the quota`;
  const draw = (force = false) => {
    const now = clock();
    if (!force && now - last < (tty ? REDRAW_MS : 1000)) return;
    last = now;
    drawn = true;
    write(tty ? `\r\u001b[2K${line()}` : `${line()}\n`);
  };
  return {
    keyDone(d, t) {
      done = d;
      total = t;
      draw();
    },
    call(_operation, _region, waitedMs) {
      calls++;
      if (waitedMs > WAIT_THRESHOLD_MS) waits++;
      draw();
    },
    finish() {
      if (!drawn) return;
      if (tty) write("\r\u001b[2K");
      else draw(true);
    },
  };
}
