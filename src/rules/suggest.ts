/**
 * "Did you mean …?" suggestions for misspelt names (fact paths, operators,
 * rule ids, pack names).
 */

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `word`, or null when none is close enough to be a
 * plausible typo. Ties go to the earlier candidate, so results are stable.
 */
export function closest(word: string, candidates: Iterable<string>): string | null {
  // A third of the word's length (at least 2): close enough for typos, far
  // enough that unrelated short names are not suggested.
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= limit) return best;
  // An abbreviation (`warn` for `warning`) is far in edit distance but obvious.
  const lower = word.toLowerCase();
  const MIN_PREFIX = 3;
  if (lower.length < MIN_PREFIX) return null;
  for (const candidate of candidates)
    if (candidate.toLowerCase().startsWith(lower)) return candidate;
  return null;
}

/** `"; did you mean `x`?"`, or an empty string when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === null ? "" : `; did you mean \`${match}\`?`;
}
