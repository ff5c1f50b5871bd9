/**
 * Merging rules files (SPEC §4): each file's packs and extended files first,
 * in the order written, then its own rules — `off` disables an inherited
 * rule, a bare severity re-levels (and re-enables) it, a definition replaces
 * it. Every file is checked and compiled by compile.ts on the way.
 */
import type { Severity } from "../model.js";
import {
  checkFile,
  type Definition,
  type FileScope,
  type IgnoredRule,
  report,
  type Setting,
} from "./compile.js";
import type { RulesProblem } from "./errors.js";
import {
  type ExtendedFiles,
  extendsPathProblem,
  fileIdentity,
  isFileExtends,
  resolveExtendsPath,
} from "./extends.js";
import { didYouMean } from "./suggest.js";
import type { RawIgnore, RulesFileInput } from "./types.js";
import { type DataPath, locate } from "./yaml-source.js";

/**
 * One step of an `extends` chain: a pack or a file, and the entry that
 * brought it in (`via`, null for a file the caller passed).
 */
interface Link {
  kind: "pack" | "file";
  /** The pack name, or the file's identity ({@link fileIdentity}). */
  id: string;
  /** The pack name, or the file's path. */
  label: string;
  via: { at: string; from: string } | null;
}

/** A rule as merged so far. */
export interface Entry {
  rule: Definition;
  severity: Severity;
  enabled: boolean;
  source: string;
}

interface LoadState {
  packs: Readonly<Record<string, readonly RulesFileInput[]>>;
  extended: ExtendedFiles;
  problems: RulesProblem[];
  entries: Map<string, Entry>;
  /** Every id defined so far, valid or not: re-levelling one is never "not defined". */
  declared: Set<string>;
  appliedPacks: Set<string>;
  appliedFiles: Set<string>;
  ignores: RawIgnore[];
  ignoredRules: IgnoredRule[];
}

/** `file:line:column` of the data at `path`, for messages that point at another place. */
function placeText(scope: FileScope, path: DataPath): string {
  const { line, column } = locate(scope.parsed, path);
  return `${scope.file}:${line}:${column}`;
}

function applyExtends(
  name: string,
  path: DataPath,
  scope: FileScope,
  chain: readonly Link[],
  state: LoadState,
): void {
  if (isFileExtends(name)) {
    applyExtendedFile(name, path, scope, chain, state);
    return;
  }
  if (!Object.hasOwn(state.packs, name)) {
    const packs = Object.keys(state.packs);
    const hint = name.includes("/")
      ? `; to extend a rules file, start its path with ./ (like ./${name})`
      : didYouMean(name, packs) || `; built-in packs: ${packs.join(", ")}`;
    report(scope, path, `unknown rule pack \`${name}\`${hint}`);
    return;
  }
  if (chain.some((link) => link.kind === "pack" && link.id === name)) {
    const packs = chain.filter((link) => link.kind === "pack").map((link) => link.id);
    report(scope, path, `rule pack \`${name}\` extends itself (${[...packs, name].join(" → ")})`);
    return;
  }
  // A pack is applied once: a second `extends` of it must not undo overrides made after the first.
  if (state.appliedPacks.has(name)) return;
  state.appliedPacks.add(name);
  const link: Link = {
    kind: "pack",
    id: name,
    label: name,
    via: { at: placeText(scope, path), from: scope.file },
  };
  for (const file of state.packs[name] ?? []) applyFile(file, name, [...chain, link], state);
}

/** `extends: [./base.yml]`: the file, resolved against the extending file, read by the caller. */
function applyExtendedFile(
  name: string,
  path: DataPath,
  scope: FileScope,
  chain: readonly Link[],
  state: LoadState,
): void {
  const refused = extendsPathProblem(name);
  if (refused !== null) {
    report(scope, path, refused);
    return;
  }
  const file = resolveExtendsPath(scope.file, name);
  const id = fileIdentity(file);
  const link: Link = {
    kind: "file",
    id,
    label: file,
    via: { at: placeText(scope, path), from: scope.file },
  };
  const start = chain.findIndex((other) => other.kind === "file" && other.id === id);
  if (start !== -1) {
    const steps = [...chain.slice(start + 1), link].map(
      (step) => `${step.via?.from} extends ${step.label} (${step.via?.at})`,
    );
    report(scope, path, `extends cycle: ${steps.join(", ")}; remove one of these entries`);
    return;
  }
  const read = state.extended.get(id) ?? { error: "no such file" };
  if ("error" in read) {
    report(scope, path, `cannot extend \`${name}\`: ${file}: ${read.error}`);
    return;
  }
  // Applied once, like a pack: a diamond of extends must not undo overrides made in between.
  if (state.appliedFiles.has(id)) return;
  state.appliedFiles.add(id);
  applyFile({ file, text: read.text }, file, [...chain, link], state);
}

function applySetting(
  id: string,
  setting: Setting,
  path: DataPath,
  source: string,
  scope: FileScope,
  state: LoadState,
): void {
  if (setting.kind === "define") {
    state.declared.add(id);
    const rule = setting.rule;
    if (rule !== null)
      state.entries.set(id, { rule, severity: rule.severity, enabled: true, source });
    return;
  }
  if (!state.declared.has(id)) {
    report(scope, path, `rule \`${id}\` is not defined${didYouMean(id, state.declared)}`, "key");
    return;
  }
  const entry = state.entries.get(id);
  if (entry === undefined) return; // its definition was invalid, and is reported
  if (setting.kind === "off") {
    entry.enabled = false;
  } else {
    entry.severity = setting.severity;
    entry.enabled = true;
  }
}

/** Applies one file: its packs first, then its own rules, in the order written. */
function applyFile(
  input: RulesFileInput,
  source: string,
  chain: readonly Link[],
  state: LoadState,
): void {
  let checked: ReturnType<typeof checkFile>;
  try {
    checked = checkFile(input, state.problems);
  } catch (error) {
    // Last line of defence against inputs that exhaust the stack; nothing else is expected here.
    if (!(error instanceof RangeError)) throw error;
    state.problems.push({
      file: input.file,
      line: 1,
      column: 1,
      message: `rules file cannot be processed: ${error.message}`,
    });
    return;
  }
  if (checked === null) return;
  const { scope, content } = checked;
  for (const { name, path } of content.extends) applyExtends(name, path, scope, chain, state);
  for (const { id, setting, path } of content.settings)
    applySetting(id, setting, path, source, scope, state);
  state.ignores.push(...content.ignores);
  state.ignoredRules.push(...content.ignoredRules);
}

/** An ignore of a rule no file defines can never match: most likely a misspelt id. */
function checkIgnoredRules(state: LoadState): void {
  for (const { rule, file, line, column } of state.ignoredRules) {
    if (rule === "*" || state.declared.has(rule)) continue;
    state.problems.push({
      file,
      line,
      column,
      message: `ignore names rule \`${rule}\`, which is not defined${didYouMean(rule, state.declared)}`,
    });
  }
}

/** What merging gives: every problem, the rules as merged, and the ignores. */
export interface Merged {
  problems: RulesProblem[];
  entries: ReadonlyMap<string, Entry>;
  ignores: RawIgnore[];
}

/**
 * Merges `files` in order (later files override earlier ones); `packs` and
 * `extended` are what `extends` entries may name (see {@link loadRules}).
 */
export function mergeRules(
  files: readonly RulesFileInput[],
  packs: Readonly<Record<string, readonly RulesFileInput[]>>,
  extended: ExtendedFiles,
): Merged {
  const state: LoadState = {
    packs,
    extended,
    problems: [],
    entries: new Map(),
    declared: new Set(),
    appliedPacks: new Set(),
    appliedFiles: new Set(),
    ignores: [],
    ignoredRules: [],
  };
  for (const input of files) {
    const id = fileIdentity(input.file);
    // Already applied because an earlier file extends it.
    if (state.appliedFiles.has(id)) continue;
    state.appliedFiles.add(id);
    applyFile(input, input.file, [{ kind: "file", id, label: input.file, via: null }], state);
  }
  checkIgnoredRules(state);
  return { problems: state.problems, entries: state.entries, ignores: state.ignores };
}
