/**
 * Parsing a rules file safely and mapping a path in its data back to a line
 * and column, so every problem can name its place.
 */

import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  Scalar,
  visit,
  type YAMLError,
} from "yaml";
import { errorMessage } from "../errors.js";

/**
 * Alias expansion bound (the `yaml` default): a "billion laughs" file is
 * refused instead of expanded. Real rules files use a handful of anchors.
 */
export const MAX_ALIAS_COUNT = 100;

/** A path into the parsed data: map keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

/** A 1-based place in a file. */
export interface Place {
  line: number;
  column: number;
}

/** A parsed rules file: its data, and what is needed to find places in it. */
export interface ParsedYaml {
  text: string;
  data: unknown;
  /** The YAML nodes `data` was read from, for places in `text`. */
  nodes(): YamlNodes;
}

/** A YAML document and the line offsets of its text. */
export interface YamlNodes {
  doc: Document;
  lineCounter: LineCounter;
}

/**
 * A file whose data was parsed at build time (the built-in packs): its YAML nodes
 * are parsed from `text` only if a place in it is asked for, which loading a
 * valid file never does.
 */
export function preParsed(text: string, data: unknown): ParsedYaml {
  let nodes: YamlNodes | null = null;
  return {
    text,
    data,
    nodes: () => {
      nodes ??= parseNodes(text);
      return nodes;
    },
  };
}

function parseNodes(text: string): YamlNodes {
  const lineCounter = new LineCounter();
  // prettyErrors off: prettifying a huge single-line input is itself costly; we place errors ourselves.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { doc, lineCounter };
}

/** A problem found while parsing. */
export interface ParseProblem extends Place {
  message: string;
}

function placeOf(lineCounter: LineCounter, offset: number): Place {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** Parses YAML text; returns its problems instead when it is not valid, single-document YAML. */
export function parseYaml(
  text: string,
): { ok: true; parsed: ParsedYaml } | { ok: false; problems: ParseProblem[] } {
  const nodes = parseNodes(text);
  const { doc, lineCounter } = nodes;
  const [error] = doc.errors;
  if (error !== undefined) {
    // Only the first: the errors after a syntax error mostly follow from it (one
    // tab in an indentation gives four or more), and a screenful of them buries
    // the one to fix.
    const place = placeOf(lineCounter, Math.max(0, error.pos[0]));
    if (error.code === "RESOURCE_EXHAUSTION") {
      return {
        ok: false,
        problems: [{ ...place, message: "YAML nests too deeply to be a rules file" }],
      };
    }
    return {
      ok: false,
      problems: [{ ...place, message: `YAML syntax error: ${syntaxMessage(error)}` }],
    };
  }
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, parsed: { text, data, nodes: () => nodes } };
  } catch (error) {
    const place = firstAlias(doc, lineCounter) ?? { line: 1, column: 1 };
    const message =
      error instanceof ReferenceError
        ? `YAML aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT}); refusing what looks like an alias bomb`
        : `YAML cannot be read: ${errorMessage(error)}`;
    return { ok: false, problems: [{ ...place, message }] };
  }
}

/** The parser's message, in the words of a rules file where the parser's are the library's. */
function syntaxMessage(error: YAMLError): string {
  if (error.code === "MULTIPLE_DOCS") {
    return "a rules file is one YAML document; this `---` starts a second";
  }
  if (error.code === "TAB_AS_INDENT") return `${error.message}; indent with spaces`;
  return error.message;
}

function firstAlias(doc: Document, lineCounter: LineCounter): Place | null {
  let offset: number | null = null;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? null;
      return visit.BREAK;
    },
  });
  return offset === null ? null : placeOf(lineCounter, offset);
}

function resolve(nodes: YamlNodes, node: unknown): unknown {
  return isAlias(node) ? node.resolve(nodes.doc) : node;
}

function keyText(key: unknown): string | null {
  return isScalar(key) ? String(key.value) : null;
}

/**
 * The YAML node at `path`, or the deepest node on the way there. With
 * `target: "key"`, the key of the last map entry instead of its value — where
 * an unknown or misspelt key is.
 */
function nodeAt(nodes: YamlNodes, path: DataPath, target: "value" | "key"): Node | null {
  let node = resolve(nodes, nodes.doc.contents);
  let found: Node | null = (node as Node | null) ?? null;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!pair) return found;
      if (last && target === "key" && isScalar(pair.key)) return pair.key;
      // `key:` with no value has a null value node; its key is the nearest place.
      node = resolve(nodes, pair.value ?? pair.key);
    } else if (isSeq(node)) {
      node = resolve(nodes, node.items[Number(segment)]);
    } else {
      return found;
    }
    if (node === null || node === undefined) return found;
    found = node as Node;
  }
  return found;
}

/** Line and column of the data at `path` (or of its key). */
export function locate(
  parsed: ParsedYaml,
  path: DataPath,
  target: "value" | "key" = "value",
): Place {
  const nodes = parsed.nodes();
  const offset = nodeAt(nodes, path, target)?.range?.[0];
  return offset === undefined ? { line: 1, column: 1 } : placeOf(nodes.lineCounter, offset);
}

/**
 * Where the text of the string scalar at `path` starts, and whether it is
 * verbatim: one source line whose characters are exactly the value (plain,
 * or quoted without escapes), so an index into the value is a column offset.
 */
export function textOrigin(parsed: ParsedYaml, path: DataPath): Place & { verbatim: boolean } {
  const node = nodeAt(parsed.nodes(), path, "value");
  const start = locate(parsed, path);
  if (!isScalar(node) || typeof node.value !== "string" || !node.range)
    return { ...start, verbatim: false };
  const [from, to] = node.range;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const source = quoted ? parsed.text.slice(from + 1, to - 1) : parsed.text.slice(from, to);
  const plainOrQuoted = node.type === Scalar.PLAIN || quoted;
  const verbatim = plainOrQuoted && source === node.value && !source.includes("\n");
  return { line: start.line, column: start.column + (quoted ? 1 : 0), verbatim };
}
