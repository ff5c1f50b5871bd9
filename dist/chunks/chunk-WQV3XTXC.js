import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  plural
} from "./chunk-7PTS3INL.js";

// src/progress.ts
var SILENT = { keyDone() {
}, call() {
}, finish() {
} };
var REDRAW_MS = 100;
var WAIT_THRESHOLD_MS = 20;
function progressLine(write, tty, clock = () => Date.now()) {
  let done = 0;
  let total = 0;
  let calls = 0;
  let waits = 0;
  let last = 0;
  let drawn = false;
  const line = () => `kms-usage-lint: facts for ${done}/${plural(total, "key")}, ${plural(calls, "AWS call")}, ${plural(waits, "wait")} for the quota`;
  const draw = (force = false) => {
    const now = clock();
    if (!force && now - last < (tty ? REDRAW_MS : 1e3)) return;
    last = now;
    drawn = true;
    write(tty ? `\r\x1B[2K${line()}` : `${line()}
`);
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
      if (tty) write("\r\x1B[2K");
      else draw(true);
    }
  };
}

export {
  SILENT,
  progressLine
};
