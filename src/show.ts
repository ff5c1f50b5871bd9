/** How messages quote values read from files and answers, and count things, in every stage alike. */

/** A value as it appears in an error message, cut short so a huge value cannot flood the output. */
export function showValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  // Long enough to recognise the value, short enough for one terminal line.
  const MAX_SHOWN = 60;
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** `1 key`, `2 keys`; `digits` writes the number (default: as is). */
export function plural(n: number, word: string, digits: (n: number) => string = String): string {
  return `${digits(n)} ${word}${n === 1 ? "" : "s"}`;
}
