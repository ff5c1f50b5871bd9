/**
 * Reading a CloudFormation template's text — JSON, or YAML with the
 * short-form intrinsic tags (`!Ref`, `!GetAtt`, `!Sub`, …) — into the long
 * form a JSON template would hold (`{Ref: x}`, `{"Fn::GetAtt": [a, b]}`), so
 * that everything downstream reads one shape.
 */
import {
  CST,
  isMap,
  isScalar,
  Lexer,
  LineCounter,
  Pair,
  parseDocument,
  Scalar,
  type Tags,
  YAMLMap,
  type YAMLSeq,
} from "yaml";
import { InputError } from "../../model.js";
import { duplicateKeyError, parseJson } from "../json.js";
import { TEMPLATE_SECTIONS } from "./template.js";

/**
 * Alias expansion bound. CloudFormation templates rarely use anchors at all;
 * a "billion laughs" file is refused instead of expanded.
 */
export const MAX_TEMPLATE_ALIAS_COUNT = 100;

/**
 * CloudFormation refuses a template body over 1 MB (from S3; 51,200 bytes
 * inline), so no deployable template is longer (a character is at least a
 * byte). The bound matters: the `yaml` parser reads dense hostile text at a
 * few hundred kilobytes a second, so this keeps its worst case to seconds.
 * JSON is not bounded: `JSON.parse` is linear and fast.
 */
export const MAX_YAML_TEMPLATE_CHARS = 1024 * 1024;

/**
 * Nesting bound, checked before the YAML parser runs: its composer recurses
 * per level (a thousand nested `[` overflow the stack) and its parser slows
 * down with depth until, around a million levels, it runs out of memory.
 * Templates nest a dozen levels, a policy document inside a property a few
 * more.
 */
export const MAX_YAML_NESTING = 100;

const EXPECTED = "a CloudFormation template (JSON or YAML)";

/** A parsed template, and what the parser noticed without refusing it. */
export interface ParsedTemplateText {
  doc: unknown;
  /** E.g. an unknown `!Tag`, read as a plain value. */
  warnings: string[];
}

/**
 * Parses a template's text. Text that starts with `{` is JSON; anything else
 * is YAML with CloudFormation's short-form tags.
 *
 * @param file the template's name as the user gave it, for errors.
 * @throws InputError naming `file` and, where known, the line: an empty
 *   file, a syntax error, an alias bomb, a file too large or too deep.
 */
export function parseTemplateText(text: string, file: string): ParsedTemplateText {
  // Windows editors write a UTF-8 byte order mark.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (trimmed === "") throw new InputError(`the file is empty; expected ${EXPECTED}`, file);
  if (trimmed.startsWith("{")) {
    return { doc: parseJson(body, file, EXPECTED, { sections: TEMPLATE_SECTIONS }), warnings: [] };
  }
  return parseYamlTemplate(body, file);
}

function parseYamlTemplate(text: string, file: string): ParsedTemplateText {
  if (text.length > MAX_YAML_TEMPLATE_CHARS) {
    throw new InputError(
      `the file is ${text.length} characters long; a YAML template over ${MAX_YAML_TEMPLATE_CHARS} characters is not read (CloudFormation's own limit is 1 MB)`,
      file,
    );
  }
  const deep = deepLine(text, MAX_YAML_NESTING);
  if (deep !== null) {
    throw new InputError(
      `YAML nests more than ${MAX_YAML_NESTING} levels deep; too deep to be a CloudFormation template`,
      file,
      deep,
    );
  }
  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(Math.max(0, offset)).line;
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, {
      lineCounter,
      // Prettified errors quote the source around the error, which on a huge
      // single-line input is itself costly; we place errors ourselves.
      prettyErrors: false,
      // AWS documents CloudFormation as YAML 1.1 without the binary, omap,
      // pairs, set and timestamp types: `2010-09-09` stays a string.
      version: "1.1",
      customTags: cloudFormationTags,
      // The parser's duplicate-key check is quadratic (a 1 MB map of short
      // keys takes over a minute): repeated keys are looked for below, where
      // they can drop a resource, in linear time.
      uniqueKeys: false,
    });
  } catch (err) {
    throw tooDeep(err, file);
  }
  const error = doc.errors[0];
  if (error !== undefined) {
    const message =
      error.code === "RESOURCE_EXHAUSTION"
        ? "YAML nests too deeply to be a CloudFormation template"
        : `not valid YAML: ${error.message}`;
    throw new InputError(message, file, lineOf(error.pos[0]), { cause: error });
  }
  checkDuplicateKeys(doc.contents, file, lineCounter);
  const warnings = doc.warnings.map(
    (warning) => `line ${lineOf(warning.pos[0])}: ${warning.message}; read as a plain value`,
  );
  try {
    return { doc: doc.toJS({ maxAliasCount: MAX_TEMPLATE_ALIAS_COUNT }), warnings };
  } catch (err) {
    if (err instanceof ReferenceError) {
      throw new InputError(
        `YAML aliases expand to too many nodes (limit ${MAX_TEMPLATE_ALIAS_COUNT}); refusing what looks like an alias bomb`,
        file,
        null,
        { cause: err },
      );
    }
    throw tooDeep(err, file);
  }
}

/**
 * Refuses a key repeated at the top level or in `Resources`/`Outputs`: the
 * last would win, and a resource that may be a key would silently go.
 */
function checkDuplicateKeys(contents: unknown, file: string, lineCounter: LineCounter): void {
  if (!isMap(contents)) return;
  checkMapKeys(contents, "", file, lineCounter);
  for (const pair of contents.items) {
    const name = keyName(pair.key);
    if (name !== null && TEMPLATE_SECTIONS.includes(name) && isMap(pair.value)) {
      checkMapKeys(pair.value, name, file, lineCounter);
    }
  }
}

function checkMapKeys(map: YAMLMap, section: string, file: string, lineCounter: LineCounter) {
  const seen = new Map<string, number>();
  for (const pair of map.items) {
    const name = keyName(pair.key);
    // `<<` merges a mapping in (YAML 1.1); it is no key of its own.
    if (name === null || name === "<<") continue;
    const offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
    const first = seen.get(name);
    if (first !== undefined) {
      const again = lineCounter.linePos(offset);
      const firstLine = lineCounter.linePos(first).line;
      throw duplicateKeyError(file, name, section, firstLine, again.line, again.col);
    }
    seen.set(name, offset);
  }
}

/** A mapping key as the parsed template names it: `toJS` makes every key a string, null "". */
function keyName(key: unknown): string | null {
  if (isScalar(key)) return key.value === null ? "" : String(key.value);
  return key === null || key === undefined ? null : String(key);
}

// Lexer tokens that mark what follows rather than standing for text.
const MARKERS: ReadonlySet<string> = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * The line on which the text first nests deeper than `limit`, or null. One
 * pass over the YAML lexer's tokens (linear, no recursion, and aware of
 * quotes, comments and block scalars): the depth is the open flow
 * collections (`[`, `{`) plus the block levels, which are the distinct
 * columns, innermost last, where a line's content or a `-`/`?` indicator starts.
 */
function deepLine(text: string, limit: number): number | null {
  let flow = 0;
  const columns: number[] = [];
  let column = 0;
  let line = 1;
  let lineStart = true;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    const type = CST.tokenType(token);
    if (type === "newline") {
      column = 0;
      line += 1;
      lineStart = true;
      continue;
    }
    if (type === "space" || type === "comment") {
      column += token.length;
      continue;
    }
    if (type === "doc-start") columns.length = 0;
    else if (type === "flow-map-start" || type === "flow-seq-start") flow += 1;
    else if (type === "flow-map-end" || type === "flow-seq-end") flow = Math.max(0, flow - 1);
    else if (flow === 0 && (lineStart || type === "seq-item-ind" || type === "explicit-key-ind")) {
      enterColumn(columns, column);
    }
    if (flow + columns.length > limit) return line;
    // Multi-line tokens (block scalars, quoted scalars) move on to later lines.
    const lastBreak = token.lastIndexOf("\n");
    if (lastBreak === -1) {
      column += token.length;
      lineStart = false;
    } else {
      line += countBreaks(token);
      column = token.length - lastBreak - 1;
      lineStart = column === 0;
    }
  }
  return null;
}

/** Block nesting: leaving every level deeper than `column`, entering `column` if it is new. */
function enterColumn(columns: number[], column: number): void {
  while (columns.length > 0 && (columns[columns.length - 1] ?? 0) > column) columns.pop();
  if (columns.length === 0 || (columns[columns.length - 1] ?? 0) < column) columns.push(column);
}

function countBreaks(token: string): number {
  let count = 0;
  for (let i = token.indexOf("\n"); i !== -1; i = token.indexOf("\n", i + 1)) count += 1;
  return count;
}

/** A stack overflow in the parser is hostile nesting, the user's to fix; anything else is a bug. */
function tooDeep(err: unknown, file: string): unknown {
  if (!(err instanceof RangeError)) return err;
  return new InputError("YAML nests too deeply to be a CloudFormation template", file, null, {
    cause: err,
  });
}

// The intrinsic functions CloudFormation's YAML has a short form for (`!Name`
// for `Fn::Name`); `!Ref` and `!Condition` are not `Fn::` functions.
const FUNCTIONS = [
  "Base64",
  "Cidr",
  "FindInMap",
  "GetAtt",
  "GetAZs",
  "ImportValue",
  "Join",
  "Select",
  "Split",
  "Sub",
  "Transform",
  "If",
  "Equals",
  "Not",
  "And",
  "Or",
  "Contains",
  "EachMemberEquals",
  "EachMemberIn",
  "RefAll",
  "ValueOf",
  "ValueOfAll",
  "ToJsonString",
  "Length",
] as const;

// YAML 1.1 types CloudFormation does not support (AWS: "Template formats").
const UNSUPPORTED_TYPES: ReadonlySet<string> = new Set([
  "tag:yaml.org,2002:binary",
  "tag:yaml.org,2002:omap",
  "tag:yaml.org,2002:pairs",
  "tag:yaml.org,2002:set",
  "tag:yaml.org,2002:timestamp",
]);

const BOOL = "tag:yaml.org,2002:bool";

// YAML 1.1's booleans without `y`/`n`, as PyYAML (and so cfn-lint) reads
// them: `!GetAtt [Bucket, Y]` must not turn a name into `true`.
const BOOLEANS: Tags = [
  {
    tag: BOOL,
    default: true,
    identify: (value) => value === true,
    test: /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => true,
  },
  {
    tag: BOOL,
    default: true,
    identify: (value) => value === false,
    test: /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => false,
  },
];

/**
 * The YAML 1.1 tags CloudFormation keeps, plus every short-form function.
 * Each function is accepted on a scalar, a sequence and a mapping alike:
 * CloudFormation checks argument shapes at deploy; here a wrong shape only
 * means a value that names no key, never a parse failure.
 */
function cloudFormationTags(defaults: Tags): Tags {
  const kept = defaults.filter(keepsTag);
  const functions: Tags = [
    ...BOOLEANS,
    ...intrinsicTags("!Ref", "Ref"),
    ...intrinsicTags("!Condition", "Condition"),
  ];
  for (const name of FUNCTIONS) functions.push(...intrinsicTags(`!${name}`, `Fn::${name}`));
  return [...kept, ...functions];
}

// Schema tags by name (`"timestamp"`) are what `customTags` names; the
// defaults come as tag objects, which are the ones filtered here.
function keepsTag(tag: Tags[number]): boolean {
  if (typeof tag === "string") return true;
  if (UNSUPPORTED_TYPES.has(tag.tag) || tag.tag === BOOL) return false;
  // Sexagesimal numbers (`1:20` → 80) are YAML 1.1's timestamp family.
  return tag.format !== "TIME";
}

/** `!Tag x` → `{KEY: x}` for a scalar, a sequence and a mapping argument. */
function intrinsicTags(tag: string, key: string): Tags {
  const scalar = (value: string): unknown =>
    key === "Fn::GetAtt" ? { [key]: splitGetAtt(value) } : { [key]: value };
  const collection = (value: YAMLMap.Parsed | YAMLSeq.Parsed): YAMLMap => {
    // A mapping node rather than a plain object, so that anchors and aliases
    // inside the argument are still resolved (and counted) by toJS.
    const map = new YAMLMap();
    map.items.push(new Pair(new Scalar(key), value));
    return map;
  };
  return [
    { tag, resolve: scalar },
    { tag, collection: "seq", resolve: collection },
    { tag, collection: "map", resolve: collection },
  ];
}

/** `!GetAtt Db.Endpoint.Address` → `["Db", "Endpoint.Address"]`: the logical id has no dots. */
function splitGetAtt(value: string): string[] | string {
  const dot = value.indexOf(".");
  return dot === -1 ? value : [value.slice(0, dot), value.slice(dot + 1)];
}
