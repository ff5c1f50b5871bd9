/** Whole days between an ISO timestamp and now, rounded down; null when the date is absent or invalid. */
export function wholeDaysSince(iso: string | null, now: Date): number | null {
  if (iso === null) return null;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  return Math.floor((now.getTime() - then) / DAY_MS);
}

export const DAY_MS = 86_400_000;
