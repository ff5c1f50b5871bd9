/**
 * `ignore` entries of rules files (SPEC §4): a finding of the named rule (or
 * any, `*`) about the named key is moved to `suppressed` with the entry's
 * reason, never dropped. Entries past their `expires` date stop applying, and
 * entries that match nothing are reported, so the list cannot silently rot.
 */
import type { KeySubject, RawFinding } from "../model.js";
import { parseIsoValue } from "../time.js";
import { getFact } from "./catalog.js";
import { compileGlob, type Glob } from "./glob.js";
import type { Split } from "./suppress.js";
import type { RawIgnore } from "./types.js";

/** Findings left, findings suppressed by an ignore entry, and what the user should hear about the entries. */
export interface IgnoreResult extends Split {
  /** One line per expired or stale entry, `file:line: …`, for the logger's `warn`. */
  warnings: string[];
}

/** An entry ready to match: its glob compiled once. */
interface CompiledIgnore {
  entry: RawIgnore;
  matchesKey: Glob;
  expired: boolean;
  /** Findings (reported or already suppressed) it matches. */
  matched: number;
  /** It names one of the keys checked, with or without a finding. */
  namesAKey: boolean;
}

/**
 * The names an ignore's `key` can match for a subject: key ARN, key id,
 * aliases, and the address of every resource that declares, changes or
 * references the key.
 */
function namesOf(subject: KeySubject, now: Date): string[] {
  const names = new Set<string>(subject.aliases);
  for (const name of [
    subject.arn,
    subject.key?.arn,
    getFact("key.id", { subject, now }) as string | null,
    subject.change?.address,
    ...subject.references.flatMap((ref) => [ref.address, ref.aliasName]),
  ])
    if (typeof name === "string") names.add(name);
  return [...names];
}

/**
 * An ignore with `expires: 2027-03-01` applies until 2027-03-01T00:00:00Z and
 * not from then on: the date reads as "until", the same in every time zone.
 */
export function ignoreExpired(entry: RawIgnore, now: Date): boolean {
  if (entry.expires === null) return false;
  const until = parseIsoValue(entry.expires);
  return until !== null && now.getTime() >= until;
}

function describe(entry: RawIgnore): string {
  const rule = entry.rule === "*" ? "every rule" : `\`${entry.rule}\``;
  return `${entry.file}:${entry.line}: the ignore of ${rule} for \`${entry.key}\``;
}

function warningFor(ignore: CompiledIgnore): string | null {
  const { entry, matched } = ignore;
  if (ignore.expired) {
    const again =
      matched === 0
        ? "it matches no finding any more; remove it"
        : matched === 1
          ? "the finding is reported again; renew the date or remove the entry"
          : `the ${matched} findings are reported again; renew the date or remove the entry`;
    return `${describe(entry)} expired on ${entry.expires}; ${again}`;
  }
  if (matched > 0) return null;
  return ignore.namesAKey
    ? `${describe(entry)} matched no finding: the rule does not fire for that key any more; remove the entry`
    : `${describe(entry)} matched none of the keys checked; remove it if the key is gone`;
}

/**
 * Moves each finding matched by an unexpired ignore entry to `suppressed`
 * (`by: "config"`, the entry's reason; the first matching entry wins) and
 * warns once per entry that has expired or matched nothing.
 *
 * `alreadySuppressed` (findings inline suppressions took first) only counts
 * toward whether an entry matched: an entry repeating an inline suppression
 * is redundant, not stale.
 */
export function applyIgnores(
  findings: RawFinding[],
  subjects: KeySubject[],
  ignores: RawIgnore[],
  now: Date,
  alreadySuppressed: readonly RawFinding[] = [],
): IgnoreResult {
  // Nothing to match: every key's names (400,000 of them in an inventory) would go unread.
  if (ignores.length === 0) return { findings: [...findings], suppressed: [], warnings: [] };
  const compiled: CompiledIgnore[] = ignores.map((entry) => ({
    entry,
    matchesKey: compileGlob(entry.key),
    expired: ignoreExpired(entry, now),
    matched: 0,
    namesAKey: false,
  }));
  const names = new Map(subjects.map((subject) => [subject.id, namesOf(subject, now)]));
  for (const ignore of compiled)
    ignore.namesAKey = [...names.values()].some((list) => list.some(ignore.matchesKey));

  /** The entries matching a finding, counting each match. */
  const matching = (finding: RawFinding): CompiledIgnore[] => {
    const keyNames = names.get(finding.subjectId) ?? [finding.keyArn, finding.address];
    const hits = compiled.filter(
      (ignore) =>
        (ignore.entry.rule === "*" || ignore.entry.rule === finding.ruleId) &&
        keyNames.some((name) => name !== null && ignore.matchesKey(name)),
    );
    for (const hit of hits) hit.matched++;
    return hits;
  };

  for (const finding of alreadySuppressed) matching(finding);
  const result: IgnoreResult = { findings: [], suppressed: [], warnings: [] };
  for (const finding of findings) {
    const applies = matching(finding).find((ignore) => !ignore.expired);
    if (applies === undefined) result.findings.push(finding);
    else
      result.suppressed.push({
        ...finding,
        suppression: { by: "config", reason: applies.entry.reason },
      });
  }
  for (const ignore of compiled) {
    const warning = warningFor(ignore);
    if (warning !== null) result.warnings.push(warning);
  }
  return result;
}
