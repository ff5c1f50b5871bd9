/** Counted words, as every report format writes them. */
import type { ReportStats, ReportSummary } from "../model.js";
import { plural } from "../show.js";

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
  return counts.filter(([n]) => n > 0).map(([n, word]) => plural(n, word, { digits }));
}

/**
 * `N out of scope (…)` when `--scope changed` left keys out, null otherwise: a reader
 * of a passing check must see that it did not look at every key.
 */
export function outOfScopeWords(stats: ReportStats): string | null {
  const n = stats.keysOutOfScope;
  return n > 0 ? `${n} out of scope (the change does not touch them)` : null;
}
