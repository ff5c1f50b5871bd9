/**
 * Literal values written in rules files: ISO dates and durations. Parsed once,
 * at load, so evaluation only compares numbers.
 */

const MS_PER_MINUTE = 60 * 1000;

/** Milliseconds per duration unit: minutes, hours, days, weeks. */
const DURATION_UNITS = {
  m: MS_PER_MINUTE,
  h: 60 * MS_PER_MINUTE,
  d: 1440 * MS_PER_MINUTE,
  w: 10080 * MS_PER_MINUTE,
};

/**
 * A duration: a whole number and a unit. Six digits are enough for any sane
 * window (999999 weeks is ~19,000 years) and keep the value far from overflow.
 */
export const DURATION_PATTERN = "^[0-9]{1,6}[mhdw]$";

const DURATION_RE = new RegExp(DURATION_PATTERN);

/** A duration like `90d` in milliseconds; null when it is not one. */
export function parseDuration(text: string): number | null {
  if (!DURATION_RE.test(text)) return null;
  const unit = text.slice(-1) as keyof typeof DURATION_UNITS;
  return Number(text.slice(0, -1)) * DURATION_UNITS[unit];
}
