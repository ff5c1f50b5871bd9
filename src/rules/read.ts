/**
 * Reading rules files: the config file and every file its `extends` names by
 * path, collected first, then handed to the synchronous loader. The reader is
 * injected, so the CLI, the Action and the tests differ only there.
 */
import { InputError } from "../model.js";
import { describeReadError } from "../read-file.js";
import {
  type ExtendedFile,
  type ExtendedFiles,
  type ExtendsBoundary,
  extendsPathProblem,
  fileIdentity,
  isFileExtends,
  isWithin,
  outsideMessage,
  resolveExtendsPath,
} from "./extends.js";
import { loadRules, MAX_RULES_FILE_BYTES } from "./load.js";
import type { RuleSet, RulesFileInput } from "./types.js";
import { parseYaml } from "./yaml-source.js";

/** Reads a file's text; rejects with the Node error (`ENOENT`…) when it cannot. */
export type ReadText = (path: string) => Promise<string>;

/** What is evaluated without a rules file: the recommended pack (its data as parsed, so no YAML is). */
export const DEFAULT_RULES: RulesFileInput = {
  file: "(default)",
  text: "extends: [recommended]\n",
  data: { extends: ["recommended"] },
};

/**
 * How many files one configuration may pull in through `extends`. Real setups
 * use two or three; the bound stops a fan-out of generated files from turning
 * into thousands of reads.
 */
export const MAX_EXTENDED_FILES = 50;

// Rules readers import it from here; it lives beside the file reader, where sources reach it too.
export { describeReadError };

/** The `extends` entries of a rules file that name files; [] when it does not parse (the loader reports that). */
function fileEntries(text: string): string[] {
  if (Buffer.byteLength(text, "utf8") > MAX_RULES_FILE_BYTES) return [];
  const parsed = parseYaml(text);
  if (!parsed.ok) return [];
  const data = parsed.parsed.data as { extends?: unknown } | null;
  const entries = data !== null && typeof data === "object" ? data.extends : undefined;
  if (!Array.isArray(entries)) return [];
  return entries.filter(
    (name): name is string =>
      typeof name === "string" && isFileExtends(name) && extendsPathProblem(name) === null,
  );
}

/**
 * Reads every file the `extends` entries of `inputs` name by path, and the
 * files those extend, each once. A file that cannot be read is recorded with
 * the reason; the loader reports it at the `extends` entry that names it, and
 * reports cycles (reading alone cannot tell a cycle from a diamond). A file
 * outside `boundary` is not read at all, and recorded as such.
 */
export async function readExtendedFiles(
  inputs: readonly RulesFileInput[],
  read: ReadText,
  boundary: ExtendsBoundary | null = null,
): Promise<ExtendedFiles> {
  // The inputs themselves too: one of them may be extended by another.
  const files = new Map<string, ExtendedFile>(
    inputs.map((input) => [fileIdentity(input.file), { text: input.text }]),
  );
  const seen = new Set(files.keys());
  let extended = 0;
  let queue = inputs.map((input) => ({ from: input.file, text: input.text }));
  while (queue.length > 0) {
    const next: typeof queue = [];
    for (const { from, text } of queue) {
      for (const name of fileEntries(text)) {
        const path = resolveExtendsPath(from, name);
        const id = fileIdentity(path);
        if (seen.has(id)) continue;
        seen.add(id);
        if (boundary !== null && !isWithin(path, boundary)) {
          files.set(id, { error: outsideMessage(boundary) });
          continue;
        }
        if (extended >= MAX_EXTENDED_FILES) {
          files.set(id, {
            error: `not read: the configuration already extends ${MAX_EXTENDED_FILES} files, the limit`,
          });
          continue;
        }
        extended++;
        try {
          const content = await read(path);
          files.set(id, { text: content });
          next.push({ from: path, text: content });
        } catch (cause) {
          files.set(id, { error: describeReadError(cause) });
        }
      }
    }
    queue = next;
  }
  return files;
}

/**
 * Reads and loads a rules file and everything it extends; with no file
 * (`entry` null), the recommended pack ({@link DEFAULT_RULES}). With a
 * `boundary`, files outside it are neither read nor extended.
 *
 * @throws InputError when `entry` cannot be read.
 * @throws RulesError listing every problem in every file.
 */
export async function loadRulesFromFiles(
  entry: string | null,
  read: ReadText,
  packs: Readonly<Record<string, readonly RulesFileInput[]>>,
  boundary: ExtendsBoundary | null = null,
): Promise<RuleSet> {
  if (entry === null) return loadRules([DEFAULT_RULES], packs);
  let text: string;
  try {
    text = await read(entry);
  } catch (cause) {
    throw new InputError(`cannot read rules file: ${describeReadError(cause)}`, entry, null, {
      cause,
    });
  }
  const input = { file: entry, text };
  return loadRules([input], packs, await readExtendedFiles([input], read, boundary));
}
