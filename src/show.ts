/** How messages quote values read from files and answers, and count things, in every stage alike. */

/** A value as it appears in an error message, cut short so a huge value cannot flood the output. */
export function showValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  // Long enough to recognise the value, short enough for one terminal line.
  const MAX_SHOWN = 60;
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** How `plural` writes a count: `digits` writes the number (default: as is), `many` the word for other than one (default: word + s). */
export interface PluralOptions {
  digits?: (n: number) => string;
  many?: string;
}

/** `1 key`, `2 keys`, `0 keys`; `3 directories` with `many`. */
export function plural(n: number, word: string, options: PluralOptions = {}): string {
  const digits = options.digits ?? String;
  return `${digits(n)} ${n === 1 ? word : (options.many ?? `${word}s`)}`;
}

/** `a`, `a and b`, `a, b and c`: a list as a sentence says it. */
export function listWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
