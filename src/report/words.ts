/** Counted words, as every report format writes them. */
import type { ReportSummary } from "../model.js";

/** `1 key`, `2 keys`; `digits` writes the number (default: as is). */
export function plural(n: number, word: string, digits: (n: number) => string = String): string {
  return `${digits(n)} ${word}${n === 1 ? "" : "s"}`;
}

/** The severities that have findings, counted, most severe first: `["1 error", "2 warnings"]`. */
export function severityCounts(
  summary: ReportSummary,
  digits: (n: number) => string = String,
): string[] {
  const counts: [number, string][] = [
    [summary.error, "error"],
    [summary.warning, "warning"],
    [summary.notice, "notice"],
  ];
  return counts.filter(([n]) => n > 0).map(([n, word]) => plural(n, word, digits));
}
