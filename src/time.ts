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
