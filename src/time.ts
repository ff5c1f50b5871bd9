/** Whole days between an ISO timestamp and now, rounded down; null when the date is absent or invalid. */
export function wholeDaysSince(iso: string | null, now: Date): number | null {
  if (iso === null) return null;
  const then = parseIsoValue(iso);
  if (then === null) return null;
  return Math.floor((now.getTime() - then) / DAY_MS);
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/**
 * Dates written by people and files (rules, `--now`, facts snapshots) are
 * `YYYY-MM-DD` (midnight UTC) or a date-time with a zone. A date-time without a
 * zone is refused: JavaScript would read it in the machine's local zone, and
 * the same inputs must give the same result anywhere.
 */
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/;

/** An ISO 8601 date or zoned date-time as epoch milliseconds; null when it is not a real one. */
export function parseIsoValue(text: string): number | null {
  // AWS answers and snapshots write UTC in one of two shapes: read those without the
  // pattern and Date.parse, which cost 75 µs a key of `check --all-keys` (issue 17).
  if (text.length === 20 || text.length === 24) {
    const ms = utcTimestampMs(text);
    if (ms !== undefined) return ms;
  }
  const match = ISO_RE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.parse rolls 2026-02-30 over to March; check the calendar ourselves.
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * `new Date(ms).toISOString()` for the instant `ms` read from `value`, without formatting
 * it again where `value` is written that way already (a snapshot's dates are) or lacks only
 * the milliseconds (AWS's): formatting cost 2 µs a date, three dates a key (issue 17).
 */
export function isoOfInstant(value: unknown, ms: number): string {
  if (typeof value === "string" && (value.length === 24 || value.length === 20)) {
    if (utcTimestampMs(value) === ms) {
      return value.length === 24 ? value : `${value.slice(0, 19)}.000Z`;
    }
  }
  return new Date(ms).toISOString();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ` as epoch milliseconds, null when
 * it has that shape but is not a real instant (the pattern's ranges, the calendar);
 * undefined for any other text, left to the pattern. Years before 100 are left to it
 * too: Date.UTC reads them as 19YY.
 */
function utcTimestampMs(text: string): number | null | undefined {
  const millis = text.length === 24;
  if (
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(text.length - 1) !== 90 || // Z
    (millis && text.charCodeAt(19) !== 46) // .
  ) {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const ms = millis ? digits(text, 20, 3) : 0;
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0) {
    return undefined;
  }
  if (hour > 23 || minute > 59 || second > 59 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > days) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** The decimal number `count` ASCII digits at `start` of `text` spell; -1 if one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * An ISO 8601 date-time with a zone (how AWS timestamps are written) as epoch
 * milliseconds; null for anything else, a bare date included.
 */
export function parseIsoTimestamp(text: string): number | null {
  return text.includes("T") ? parseIsoValue(text) : null;
}

/**
 * Epoch milliseconds of a date the tool checked on the way in (facts, snapshots,
 * test subjects); NaN when it is absent or not a real ISO date, so that every
 * comparison with it is false, as it was with `Date.parse`.
 */
export function instantMs(text: string | null | undefined): number {
  return text == null ? Number.NaN : (parseIsoValue(text) ?? Number.NaN);
}
