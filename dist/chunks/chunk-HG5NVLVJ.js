import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  ALIAS_ARN_PATTERN,
  DEFAULT_TRAIL_MAX_PAGES,
  KEY_ARN_PATTERN,
  REGION_PATTERN,
  isJsonObject,
  parseIsoValue,
  partitionOf,
  plural
} from "./chunk-7PTS3INL.js";
import {
  InputError,
  errorMessage
} from "./chunk-2FU6VLII.js";

// src/config/config.ts
var STANDARD_OUTPUT = "-";
function parseSarifCategory(text, what) {
  const category = text.trim();
  if (category === "" || category === "/" || new RegExp("\\p{Cc}", "u").test(category)) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a category like terraform/prod (one line, not empty)`
    );
  }
  return category;
}
var SCOPES = ["changed", "all"];
var SCOPE_HELP = "changed: evaluate only the keys the change touches (the key, an alias or a consumer of it is created, updated, deleted, replaced, orphaned or disabled), asking AWS nothing about the rest; keys named with --key and keys whose change an input cannot tell (state, outputs) are always in; all: every key the inputs reference";
var DEFAULT_MAX_FACTS_AGE_DAYS = 14;
function parseMaxFactsAge(text, what) {
  if (!/^\d{1,5}$/.test(text.trim()) || Number(text) < 1) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a whole number of days, 1 or more (default ${DEFAULT_MAX_FACTS_AGE_DAYS})`
    );
  }
  return Number(text);
}
var MAX_TRAIL_MAX_PAGES = 1e3;
var TRAIL_MAX_PAGES_HELP = "CloudTrail LookupEvents pages (50 events each) read per key whose verdict needs its Event history; past it the lookup is truncated and what was read still counts";
function parseTrailMaxPages(text, what) {
  const pages = Number(text.trim());
  if (!/^\d{1,4}$/.test(text.trim()) || pages < 1 || pages > MAX_TRAIL_MAX_PAGES) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a whole number of pages from 1 to ${MAX_TRAIL_MAX_PAGES} (default ${DEFAULT_TRAIL_MAX_PAGES})`
    );
  }
  return pages;
}
var DEFAULT_AWS_TIMEOUT_SECONDS = 30;
var MAX_AWS_TIMEOUT_SECONDS = 3600;
var AWS_TIMEOUT_HELP = "seconds one AWS call may take, its retries and throttling back-offs included; an account-region that answers nothing within it is unreachable and its keys unavailable (no region readable: exit 2); waiting for a turn under the quota (N keys take N/5 s per region) does not count";
function parseAwsTimeout(text, what) {
  const seconds = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a number of seconds greater than 0, like ${DEFAULT_AWS_TIMEOUT_SECONDS}`
    );
  }
  if (seconds > MAX_AWS_TIMEOUT_SECONDS) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: at most ${MAX_AWS_TIMEOUT_SECONDS} seconds (an hour)`
    );
  }
  return seconds;
}
var DEFAULT_CONFIG_FILE = ".kms-usage-lint.yml";
function parseNow(text, what) {
  const ms = parseIsoValue(text);
  if (ms === null) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected an ISO 8601 date or timestamp like 2026-11-28T00:00:00Z`
    );
  }
  return new Date(ms);
}
function parseRoleTemplate(text, what) {
  if (!/^arn:aws[a-z-]*:iam::\{account\}:role\/[\w+=,.@/-]+$/.test(text)) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a role ARN with {account} for the account, like arn:aws:iam::{account}:role/kms-usage-lint`
    );
  }
  return text;
}

// src/sources/duplicate-keys.ts
var QUOTE = 34;
var BACKSLASH = 92;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var COMMA = 44;
var STRING_REST_RE = /[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;
function findDuplicateKey(text, sections = []) {
  const start = skipBlank(text, 0);
  if (text.charCodeAt(start) !== OPEN_BRACE) return null;
  return new Scanner(text, sections).object(start, "", true);
}
var Scanner = class {
  constructor(text, sections) {
    this.text = text;
    this.sections = sections;
  }
  text;
  sections;
  found = null;
  end = 0;
  /**
   * The keys of the object whose `{` is at `open`. Sets `end` past its `}`;
   * returns the first duplicate found in it (or, at the top, in a section).
   */
  object(open2, section, top) {
    const text = this.text;
    const seen = /* @__PURE__ */ new Map();
    let i = skipBlank(text, open2 + 1);
    if (text.charCodeAt(i) === CLOSE_BRACE) {
      this.end = i + 1;
      return null;
    }
    for (; ; ) {
      const keyEnd = stringEnd(text, i + 1);
      const key = keyName(text, i, keyEnd);
      const first = seen.get(key);
      if (first !== void 0) return { key, section, first, second: i };
      seen.set(key, i);
      let v = skipBlank(text, skipBlank(text, keyEnd + 1) + 1);
      const c = text.charCodeAt(v);
      if (c === OPEN_BRACE && top && this.sections.includes(key)) {
        const inner = this.object(v, key, false);
        if (inner !== null) return inner;
        v = this.end;
      } else {
        v = skipValue(text, v);
      }
      i = skipBlank(text, v);
      if (text.charCodeAt(i) === COMMA) {
        i = skipBlank(text, i + 1);
        continue;
      }
      this.end = i + 1;
      return null;
    }
  }
};
function skipValue(text, i) {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i + 1) + 1;
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return containerEnd(text, i);
  let j = i;
  for (; ; ) {
    const d = text.charCodeAt(j);
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isBlank(d) || j >= text.length)
      return j;
    j++;
  }
}
function containerEnd(text, i) {
  let depth = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i + 1) + 1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return n;
}
function stringEnd(text, from) {
  const quote = text.indexOf('"', from);
  if (quote === -1) return text.length;
  if (text.charCodeAt(quote - 1) !== BACKSLASH) return quote;
  STRING_REST_RE.lastIndex = from;
  try {
    if (STRING_REST_RE.test(text)) return STRING_REST_RE.lastIndex - 1;
  } catch {
  }
  return escapedStringEnd(text, quote);
}
function escapedStringEnd(text, quote) {
  for (let q = quote; q !== -1; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return text.length;
}
function keyName(text, open2, close) {
  const raw = text.slice(open2 + 1, close);
  return raw.includes("\\") ? JSON.parse(text.slice(open2, close + 1)) : raw;
}
function skipBlank(text, i) {
  while (isBlank(text.charCodeAt(i))) i++;
  return i;
}
function isBlank(code) {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

// src/sources/json.ts
function parseJson(text, file, expected = "a JSON document", options = {}) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  let doc;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    if (body.trim() === "") {
      throw new InputError(`the file is empty; expected ${expected}`, file, null, { cause: err });
    }
    const place = syntaxErrorPlace(err.message, body);
    const at = place?.column == null ? "" : ` at column ${place.column}`;
    throw new InputError(
      `not valid JSON: ${syntaxErrorReason(err.message)}${at}`,
      file,
      place === null ? null : place.line + (options.linesBefore ?? 0),
      { cause: err }
    );
  }
  if (isJsonObject(doc)) checkDuplicateKeys(body, file, options);
  return doc;
}
function duplicateKeyError(file, key, section, firstLine, line, column) {
  const where = section === "" ? "at the top level" : `in ${clip(JSON.stringify(section))}`;
  const at = column === null ? "" : `, again here at column ${column}`;
  return new InputError(
    `the key ${clip(JSON.stringify(key))} appears twice ${where} (first on line ${firstLine}${at}): a reader keeps only the last, so what the first one holds would be silently ignored; remove one of them`,
    file,
    line
  );
}
var MAX_ECHO_CHARS = 80;
function clip(text) {
  return text.length <= MAX_ECHO_CHARS ? text : `${text.slice(0, MAX_ECHO_CHARS)}\u2026`;
}
function checkDuplicateKeys(body, file, options) {
  const duplicate = findDuplicateKey(body, options.sections ?? []);
  if (duplicate === null) return;
  const { key, section, first, second } = duplicate;
  const before = options.linesBefore ?? 0;
  const firstLine = placeOf(body, first).line + before;
  const again = placeOf(body, second);
  throw duplicateKeyError(file, key, section, firstLine, again.line + before, again.column);
}
var V8_CONTEXT_CHARS = 10;
var LINE_COLUMN_RE = /\(line (\d+) column (\d+)\)/;
var POSITION_RE = /at position (\d+)/;
var UNEXPECTED_TOKEN_RE = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/;
function syntaxErrorPlace(message, body) {
  const position = POSITION_RE.exec(message);
  if (position) {
    const offset = Number(position[1]);
    return offset >= body.trimEnd().length ? endPlace(body) : placeOf(body, offset);
  }
  const lineColumn = LINE_COLUMN_RE.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  if (message.startsWith("Unexpected end of JSON input")) return endPlace(body);
  const token = UNEXPECTED_TOKEN_RE.exec(message);
  if (token) {
    const offset = unexpectedTokenOffset(
      body,
      token[1] ?? "",
      token[3] ?? "",
      !!token[2],
      !!token[4]
    );
    return offset === null ? null : placeOf(body, offset);
  }
  return null;
}
function unexpectedTokenOffset(body, token, piece, cutBefore, cutAfter) {
  let offset = null;
  if (!cutBefore && cutAfter) {
    if (body.startsWith(piece)) offset = piece.length - V8_CONTEXT_CHARS;
  } else if (cutBefore && !cutAfter) {
    if (body.endsWith(piece)) offset = body.length - piece.length + V8_CONTEXT_CHARS;
  } else {
    const needle = cutBefore ? piece : token;
    const first = body.indexOf(needle);
    if (first !== -1 && first === body.lastIndexOf(needle)) {
      offset = cutBefore ? first + V8_CONTEXT_CHARS : first;
    }
  }
  return offset !== null && body[offset] === token ? offset : null;
}
function placeOf(body, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = body.indexOf("\n"); i !== -1 && i < offset; i = body.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
function endPlace(body) {
  const last = body.trimEnd().length;
  return placeOf(body, last);
}
function syntaxErrorReason(message) {
  const token = UNEXPECTED_TOKEN_RE.exec(message);
  const reason = token ? `Unexpected token ${showChar(token[1] ?? "")}` : message.replace(LINE_COLUMN_RE, "").replace(/ in JSON at position \d+/, "").trim();
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}
function showChar(char) {
  const code = char.charCodeAt(0);
  if (code < 32 || code === 127 || code >= 128 && code < 160 || code === 65279) {
    return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `'${char}'`;
}

// src/sources/shape.ts
var MAX_ECHO_ITEMS = 4;
var IDENTIFIER_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;
function pathTo(parent, step) {
  if (typeof step === "number") return `${parent}[${step}]`;
  if (!IDENTIFIER_RE.test(step)) return `${parent}[${clip(JSON.stringify(step))}]`;
  return parent === "" ? step : `${parent}.${step}`;
}
function describeFound(value) {
  if (value === void 0) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (value.length === 0) return "an empty list";
    if (value.length <= MAX_ECHO_ITEMS && value.every(isScalar)) {
      return clip(JSON.stringify(value));
    }
    return value.length === 1 ? "a list of one item" : `a list of ${value.length} items`;
  }
  if (typeof value === "object") return "an object";
  return clip(JSON.stringify(value) ?? String(value));
}
function isScalar(value) {
  return value === null || typeof value !== "object";
}
var Shape = class {
  constructor(file, hint) {
    this.file = file;
    this.hint = hint;
  }
  file;
  hint;
  /** Stops the run: `path: expected X, got Y; hint` (the path "" is the whole document). */
  fail(path, expected, found) {
    return this.refuse(path, `expected ${expected}, got ${describeFound(found)}`);
  }
  /** Stops the run with a message of its own: `path: message; hint`. */
  refuse(path, message) {
    throw this.error(path === "" ? message : `${path}: ${message}`);
  }
  /** An object, or the run stops. */
  object(value, path, expected = "an object") {
    if (isJsonObject(value)) return value;
    return this.fail(path, expected, value);
  }
  /** A list, or the run stops. */
  list(value, path, expected = "a list") {
    if (Array.isArray(value)) return value;
    return this.fail(path, expected, value);
  }
  /** A non-empty string, or the run stops. */
  text(value, path, expected = "a string") {
    if (typeof value === "string" && value !== "") return value;
    return this.fail(path, expected, value);
  }
  /**
   * A section that may be left out: absent is null, but present it must be
   * an object — `null` included, which no tool writes for a section it has.
   */
  sectionObject(container, key, path, expected = "an object") {
    if (!Object.hasOwn(container, key)) return null;
    return this.object(container[key], path, expected);
  }
  /** Like `sectionObject`, for a list. */
  sectionList(container, key, path, expected = "a list") {
    if (!Object.hasOwn(container, key)) return null;
    return this.list(container[key], path, expected);
  }
  /** An object, or null when the field is absent or null (the value may legitimately be empty). */
  nullableObject(value, path, expected = "an object or null") {
    if (value === void 0 || value === null) return null;
    return this.object(value, path, expected);
  }
  /** A string, or null when the field is absent or null. */
  nullableText(value, path, expected = "a string") {
    if (value === void 0 || value === null) return null;
    return this.text(value, path, expected);
  }
  error(message) {
    return new InputError(`${message}; ${this.hint}`, this.file);
  }
};
function own(object, key) {
  return Object.hasOwn(object, key) ? object[key] : void 0;
}

// src/sources/cdk/evaluate.ts
var HOLE = "\0";
var NAME_HOLE = "";
var HOLES_RE = new RegExp(`[${HOLE}${NAME_HOLE}]`, "g");
var NAME_FREE_RE = /^[:/,]+$/;
var MAX_VALUE_DEPTH = 256;
var MAX_ALTERNATIVES = 1024;
var MAX_EVALUATED_CHARS = 4 * 1024 * 1024;
var EvaluationError = class extends Error {
};
var PSEUDO_NAME_HOLES = /* @__PURE__ */ new Set([
  "AWS::AccountId",
  "AWS::Partition",
  "AWS::Region",
  "AWS::URLSuffix",
  "AWS::StackName"
]);
var SETTABLE_PSEUDO_PARAMETERS = [...PSEUDO_NAME_HOLES];
function hasHole(text) {
  return text.includes(HOLE) || text.includes(NAME_HOLE);
}
function literal(text) {
  return text.includes(HOLE) || text.includes(NAME_HOLE) ? text.replace(HOLES_RE, HOLE) : text;
}
var UNKNOWN = { kind: "text", text: HOLE };
var UNKNOWN_LIST = { kind: "list", items: null };
function evaluate(value, scope) {
  return new Evaluator(scope).value(value, 0);
}
var Evaluator = class {
  constructor(scope) {
    this.scope = scope;
  }
  scope;
  chars = 0;
  value(value, depth) {
    if (typeof value === "string") return [this.text(literal(value))];
    if (typeof value === "number" || typeof value === "boolean") return [this.text(String(value))];
    if (depth >= MAX_VALUE_DEPTH) {
      throw new EvaluationError(
        `values nested deeper than ${MAX_VALUE_DEPTH} levels, too deep to search for keys (templates nest a dozen)`
      );
    }
    if (Array.isArray(value)) return this.list(value, depth);
    if (!isJsonObject(value)) return [UNKNOWN];
    const fn = onlyKey(value);
    if (fn === null || !(fn === "Ref" || fn.startsWith("Fn::"))) return [UNKNOWN];
    const arg = value[fn];
    switch (fn) {
      case "Ref":
        return this.ref(arg);
      case "Fn::Join":
        return this.join(arg, depth + 1);
      case "Fn::Sub":
        return this.sub(arg, depth + 1);
      case "Fn::Select":
        return this.select(arg, depth + 1);
      case "Fn::Split":
        return this.split(arg, depth + 1);
      case "Fn::If":
        return this.branches(arg, depth + 1);
      case "Fn::FindInMap":
        return this.findInMap(arg, depth + 1);
      case "Fn::ImportValue":
        return this.importValue(arg, depth + 1);
      case "Fn::GetAZs":
      case "Fn::Cidr":
        return [UNKNOWN_LIST];
      default:
        return [UNKNOWN];
    }
  }
  /** Alternatives of the texts a value may be; a list where a text belongs is CloudFormation's error. */
  texts(value, depth, what) {
    const texts = [];
    for (const result of this.value(value, depth)) {
      if (result.kind === "text") texts.push(result.text);
      else throw new EvaluationError(`${what}: expected a string, got a list`);
    }
    return texts;
  }
  /** Alternatives of the lists a value may be. */
  lists(value, depth, what) {
    const lists = [];
    for (const result of this.value(value, depth)) {
      if (result.kind === "list") lists.push(result.items);
      else if (result.text === HOLE) lists.push(null);
      else throw new EvaluationError(`${what}: expected a list, got a string`);
    }
    return lists;
  }
  list(items, depth) {
    const choices = items.map((item) => this.texts(item, depth + 1, "a list item"));
    return this.product(choices).map((chosen) => this.listOf(chosen));
  }
  ref(arg) {
    if (typeof arg !== "string") {
      throw new EvaluationError(
        `Ref: expected the name of a resource or parameter, got ${kind(arg)}`
      );
    }
    const parameter = this.scope.parameters.get(arg);
    if (parameter !== void 0) {
      if (!parameter.known) return [parameter.list ? UNKNOWN_LIST : UNKNOWN];
      return parameter.values.map(
        (value) => parameter.list ? this.listOf(value.split(",")) : this.text(literal(value))
      );
    }
    return [this.pseudo(arg)];
  }
  /** A pseudo parameter, or (any other name) a resource's physical id: unknown. */
  pseudo(name) {
    const known = this.scope.pseudo.get(name);
    if (known !== void 0) return this.text(literal(known));
    if (name === "AWS::NotificationARNs") return UNKNOWN_LIST;
    return PSEUDO_NAME_HOLES.has(name) ? { kind: "text", text: NAME_HOLE } : UNKNOWN;
  }
  join(arg, depth) {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== "string") {
      throw new EvaluationError(`Fn::Join: expected [delimiter, [values\u2026]], got ${kind(arg)}`);
    }
    const delimiter = literal(arg[0]);
    const results = [];
    for (const items of this.lists(arg[1], depth, "Fn::Join")) {
      results.push(items === null ? UNKNOWN : this.text(items.join(delimiter)));
    }
    return results;
  }
  sub(arg, depth) {
    const [template, variables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, {}];
    if (typeof template !== "string" || !isJsonObject(variables) || Array.isArray(arg) && arg.length !== 2) {
      throw new EvaluationError(
        `Fn::Sub: expected a string or [string, {variables}], got ${kind(arg)}`
      );
    }
    const pieces = subPieces(template);
    const names = [...new Set(pieces.filter((p) => p.variable).map((p) => p.text))];
    const choices = names.map(
      (name) => Object.hasOwn(variables, name) ? this.texts(variables[name], depth + 1, `Fn::Sub variable ${name}`) : this.subName(name)
    );
    return this.product(choices).map((chosen) => {
      const values = new Map(names.map((name, i) => [name, chosen[i] ?? HOLE]));
      return this.text(
        pieces.map((p) => p.variable ? values.get(p.text) ?? HOLE : p.text).join("")
      );
    });
  }
  /** `${Name}` or `${Name.Attr}` without a variable of that name. */
  subName(name) {
    if (name.includes(".") && !name.startsWith("AWS::")) return [HOLE];
    const found = this.ref(name);
    return found.map((result) => result.kind === "text" ? result.text : HOLE);
  }
  select(arg, depth) {
    if (!Array.isArray(arg) || arg.length !== 2) {
      throw new EvaluationError(`Fn::Select: expected [index, [values\u2026]], got ${kind(arg)}`);
    }
    const indexes = this.texts(arg[0], depth, "Fn::Select index").map((text) => {
      if (hasHole(text)) return null;
      if (!/^\d{1,9}$/.test(text.trim())) {
        throw new EvaluationError(
          `Fn::Select: the index must be a whole number 0 or more, got ${JSON.stringify(text)}`
        );
      }
      return Number(text);
    });
    const results = [];
    for (const items of this.lists(arg[1], depth, "Fn::Select")) {
      for (const index of indexes) {
        if (items === null) {
          results.push(UNKNOWN);
        } else if (index === null) {
          for (const item of items) results.push({ kind: "text", text: item });
        } else if (index >= items.length) {
          throw new EvaluationError(
            `Fn::Select: index ${index} is out of range of a list of ${plural(items.length, "item")}`
          );
        } else {
          results.push({ kind: "text", text: items[index] });
        }
      }
    }
    return this.bounded(results);
  }
  split(arg, depth) {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== "string" || arg[0] === "") {
      throw new EvaluationError(`Fn::Split: expected [delimiter, string], got ${kind(arg)}`);
    }
    const delimiter = arg[0];
    return this.texts(arg[1], depth, "Fn::Split").map((text) => {
      if (text.includes(HOLE)) return UNKNOWN_LIST;
      if (text.includes(NAME_HOLE) && !NAME_FREE_RE.test(delimiter)) return UNKNOWN_LIST;
      return this.listOf(text.split(delimiter));
    });
  }
  /** `Fn::If`: both branches may be the value. */
  branches(arg, depth) {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== "string") {
      throw new EvaluationError(
        `Fn::If: expected [condition name, value if true, value if false], got ${kind(arg)}`
      );
    }
    return this.bounded([...this.value(arg[1], depth), ...this.value(arg[2], depth)]);
  }
  findInMap(arg, depth) {
    if (!Array.isArray(arg) || arg.length < 3 || arg.length > 4) {
      throw new EvaluationError(
        `Fn::FindInMap: expected [map name, top-level key, second-level key], got ${kind(arg)}`
      );
    }
    const results = [];
    for (const map of this.entries(this.scope.mappings, arg[0], depth, "map name")) {
      for (const top of this.entries(map, arg[1], depth, "top-level key")) {
        for (const value of this.entries(top, arg[2], depth, "second-level key")) {
          results.push(...this.value(value, depth));
        }
      }
    }
    if (results.length === 0) return [UNKNOWN];
    return this.bounded(results);
  }
  /** The members of `container` a key (which may be unknown: every member) names. */
  entries(container, key, depth, what) {
    if (!isJsonObject(container)) return [];
    const found = [];
    for (const name of this.texts(key, depth, `Fn::FindInMap ${what}`)) {
      if (hasHole(name)) found.push(...Object.values(container));
      else if (Object.hasOwn(container, name)) found.push(container[name]);
    }
    return found;
  }
  importValue(arg, depth) {
    for (const name of this.texts(arg, depth, "Fn::ImportValue")) {
      if (hasHole(name) || this.scope.exported(name)) continue;
      this.scope.note(unresolvedImport(name));
    }
    return [UNKNOWN];
  }
  /** Every way of choosing one alternative from each of `choices`, within the budget. */
  product(choices) {
    let combined = [[]];
    for (const options of choices) {
      if (combined.length * options.length > MAX_ALTERNATIVES) throw this.tooMany();
      const next = [];
      for (const prefix of combined) for (const option of options) next.push([...prefix, option]);
      combined = next;
    }
    return combined;
  }
  bounded(results) {
    if (results.length > MAX_ALTERNATIVES) throw this.tooMany();
    return results;
  }
  tooMany() {
    return new EvaluationError(
      `an intrinsic function with more than ${MAX_ALTERNATIVES} possible values (Fn::If, Fn::FindInMap, parameters' allowed values combined), too many to search for keys`
    );
  }
  text(text) {
    this.spend(text.length);
    return { kind: "text", text };
  }
  listOf(items) {
    let size = items.length;
    for (const item of items) size += item.length;
    this.spend(size);
    return { kind: "list", items };
  }
  spend(chars) {
    this.chars += chars;
    if (this.chars > MAX_EVALUATED_CHARS) {
      throw new EvaluationError(
        `an intrinsic function that evaluates to more than ${MAX_EVALUATED_CHARS} characters, too large to search for keys (a template is at most 1 MB)`
      );
    }
  }
};
function unresolvedImport(name) {
  return `Fn::ImportValue ${JSON.stringify(name)}: no stack among the inputs exports it, so the key it may name is left unresolved`;
}
function subPieces(template) {
  const pieces = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    const open2 = template.indexOf("${", i);
    const close = open2 === -1 ? -1 : template.indexOf("}", open2 + 2);
    if (open2 === -1 || close === -1) {
      text += template.slice(i);
      break;
    }
    text += template.slice(i, open2);
    const inner = template.slice(open2 + 2, close);
    if (inner.startsWith("!")) {
      text += `\${${inner.slice(1)}}`;
    } else {
      pieces.push({ text: literal(text), variable: false });
      pieces.push({ text: inner.trim(), variable: true });
      text = "";
    }
    i = close + 1;
  }
  pieces.push({ text: literal(text), variable: false });
  return pieces;
}
function onlyKey(value) {
  let name = null;
  for (const key in value) {
    if (name !== null) return null;
    name = key;
  }
  return name;
}
function kind(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${plural(value.length, "item")}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}

// src/sources/cdk/parameters.ts
var PARAMETER_HELP = "a template parameter's value for one stack, STACK.NAME=VALUE (repeatable): a CDK stack by its stack name, a plain template by its file name up to the first dot (app.template.yaml: app); NAME may also be AWS::Region, AWS::AccountId, AWS::Partition, AWS::URLSuffix or AWS::StackName";
var PARAMETER_NAME_RE = /^[A-Za-z0-9]+$/;
var REGION_RE = new RegExp(`^${REGION_PATTERN}$`);
var ACCOUNT_RE = /^\d{12}$/;
var PARTITION_RE = /^aws(?:-[a-z]+)*$/;
function parseParameterOverride(text, what) {
  const dot = text.indexOf(".");
  const eq = text.indexOf("=", dot + 1);
  const stack = dot > 0 ? text.slice(0, dot) : "";
  const name = dot > 0 && eq > dot ? text.slice(dot + 1, eq) : "";
  const bad = (why) => new InputError(
    `${what} ${JSON.stringify(text)}: ${why}; expected STACK.NAME=VALUE, like MyStack.KeyArn=arn:aws:kms:us-east-1:111122223333:key/\u2026`
  );
  if (stack === "" || name === "") throw bad("no stack name, dot, parameter name and '='");
  if (/[=\s]/.test(stack)) throw bad(`${JSON.stringify(stack)} is not a stack name`);
  const value = text.slice(eq + 1);
  if (!PARAMETER_NAME_RE.test(name) && !SETTABLE_PSEUDO_PARAMETERS.includes(name)) {
    throw bad(
      `${JSON.stringify(name)} is not a parameter name (letters and digits) nor one of ${SETTABLE_PSEUDO_PARAMETERS.join(", ")}`
    );
  }
  const check = {
    "AWS::Region": [REGION_RE, "a region like us-east-1"],
    "AWS::AccountId": [ACCOUNT_RE, "a 12-digit account id"],
    "AWS::Partition": [PARTITION_RE, "a partition like aws or aws-cn"]
  };
  const rule = check[name];
  if (rule !== void 0 && !rule[0].test(value)) throw bad(`${name} must be ${rule[1]}`);
  return { stack, name, value };
}
var ParameterOverrides = class {
  constructor(overrides = []) {
    this.overrides = overrides;
    const seen = /* @__PURE__ */ new Map();
    for (const { stack, name, value } of overrides) {
      const key = `${stack}.${name}`;
      const before = seen.get(key);
      if (before !== void 0 && before !== value) {
        throw new InputError(`--parameter ${key} is given twice, with different values`);
      }
      seen.set(key, value);
    }
  }
  overrides;
  stacksSeen = /* @__PURE__ */ new Set();
  /** The overrides of one stack, by parameter name. */
  forStack(stack) {
    this.stacksSeen.add(stack);
    const values = /* @__PURE__ */ new Map();
    for (const o of this.overrides) if (o.stack === stack) values.set(o.name, o.value);
    return values;
  }
  /** @throws InputError when an override names a stack no input has. */
  checkAllApplied() {
    const missing = this.overrides.filter((o) => !this.stacksSeen.has(o.stack));
    if (missing.length === 0) return;
    const first = missing[0];
    const known = [...this.stacksSeen].sort();
    throw new InputError(
      `--parameter ${first.stack}.${first.name}: no input has a stack named ${JSON.stringify(first.stack)} (${known.length === 0 ? "no stack was read" : `stacks read: ${known.join(", ")}`}); a plain template's stack is its file name up to the first dot`
    );
  }
};
function pseudoParameters(env, overrides) {
  const pseudo = /* @__PURE__ */ new Map();
  const region = overrides.get("AWS::Region") ?? env.region;
  if (region !== null) {
    pseudo.set("AWS::Region", region);
    pseudo.set("AWS::Partition", partitionOf(region));
    pseudo.set("AWS::URLSuffix", region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com");
  }
  const account = overrides.get("AWS::AccountId") ?? env.account;
  if (account !== null) pseudo.set("AWS::AccountId", account);
  if (env.stackName !== null) pseudo.set("AWS::StackName", env.stackName);
  for (const name of SETTABLE_PSEUDO_PARAMETERS) {
    const value = overrides.get(name);
    if (value !== void 0) pseudo.set(name, value);
  }
  return pseudo;
}
var SSM_TYPE_PREFIX = "AWS::SSM::Parameter::Value<";
function parameterValues(template, stack, overrides, passed, shape, undeclared = "refuse") {
  const values = /* @__PURE__ */ new Map();
  const section = shape.sectionObject(
    template,
    "Parameters",
    "Parameters",
    "an object of parameters"
  );
  for (const name of Object.keys(section ?? {})) {
    const path = pathTo("Parameters", name);
    const parameter = shape.object(section?.[name], path, "a parameter ({Type, Default})");
    const type = shape.text(own(parameter, "Type"), pathTo(path, "Type"), "a parameter type");
    const list = /^(?:CommaDelimitedList|List<|AWS::SSM::Parameter::Value<List<|AWS::SSM::Parameter::Value<CommaDelimitedList)/.test(
      type
    );
    const override = overrides.get(name);
    if (override !== void 0) {
      values.set(name, { known: true, values: [override], list });
      continue;
    }
    if (passed.has(name) || type.startsWith(SSM_TYPE_PREFIX)) {
      values.set(name, { known: false, list });
      continue;
    }
    const candidates = [
      ...scalars(
        own(parameter, "Default"),
        pathTo(path, "Default"),
        shape,
        "a default value (a string or number)"
      ),
      ...scalarList(own(parameter, "AllowedValues"), pathTo(path, "AllowedValues"), shape)
    ];
    const distinct = [...new Set(candidates)];
    values.set(
      name,
      distinct.length === 0 ? { known: false, list } : { known: true, values: distinct, list }
    );
  }
  for (const [name] of overrides) {
    if (undeclared === "refuse" && !values.has(name) && !SETTABLE_PSEUDO_PARAMETERS.includes(name)) {
      const declared = Object.keys(section ?? {});
      throw new InputError(
        `--parameter ${stack}.${name}: the template declares no parameter ${JSON.stringify(name)} (${declared.length === 0 ? "it has none" : `its parameters: ${declared.sort().join(", ")}`})`,
        shape.file
      );
    }
  }
  return values;
}
function scalars(value, path, shape, expected) {
  if (value === void 0 || value === null) return [];
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return [String(value)];
  }
  if (Array.isArray(value) && value.every((item) => item !== null && typeof item !== "object")) {
    return [value.map(String).join(",")];
  }
  return shape.fail(path, expected, value);
}
function scalarList(value, path, shape) {
  if (value === void 0 || value === null) return [];
  if (Array.isArray(value) && value.every((item) => item !== null && typeof item !== "object")) {
    return value.map(String);
  }
  return shape.refuse(path, `expected a list of allowed values, got ${describeFound(value)}`);
}

// src/read-file.ts
import { constants as bufferConstants } from "node:buffer";
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
var MAX_INPUT_BYTES = 2 * 1024 ** 3;
var MAX_TEXT_BYTES = bufferConstants.MAX_STRING_LENGTH;
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
var RefusedFileError = class extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
  code;
  name = "RefusedFileError";
};
async function readRegularFile(path, maxBytes) {
  return (await readRegularFileBytes(path, maxBytes)).toString("utf8");
}
async function readRegularFileBytes(path, maxBytes) {
  const handle = await openForReading(path);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegular(stats);
    if (stats.size > maxBytes) throw tooLarge(stats.size, maxBytes);
    if (stats.size > MAX_TEXT_BYTES) throw tooLong(stats.size);
    return await readAll(handle, stats.size, Math.min(maxBytes, MAX_TEXT_BYTES));
  } finally {
    await handle.close();
  }
}
async function openForReading(path) {
  try {
    return await open(path, OPEN_FLAGS);
  } catch (error) {
    if (error.code === "ENXIO") {
      const stats = await stat(path).catch(() => null);
      if (stats !== null && !stats.isFile()) throw notRegular(stats);
    }
    throw error;
  }
}
async function readAll(handle, expected, limit) {
  let buffer = Buffer.allocUnsafe(Math.min(expected, limit) + 1);
  let length = 0;
  for (; ; ) {
    if (length === buffer.length) {
      if (length > limit) throw grewTooLarge(limit);
      const grown = Buffer.allocUnsafe(Math.min(Math.max(length * 2, 64 * 1024), limit + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  if (length > limit) throw grewTooLarge(limit);
  return buffer.subarray(0, length);
}
function kindOf(stats) {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  return "of an unknown kind";
}
function notRegular(stats) {
  if (stats.isDirectory()) return new RefusedFileError("is a directory, expected a file", "EISDIR");
  return new RefusedFileError(
    `is ${kindOf(stats)}, not a regular file; save the content to a file and name that (only regular files are read, so that no input can make the run wait or read without end)`,
    "ENOTREG"
  );
}
function tooLarge(size, maxBytes) {
  const [shown, limit] = showBytes(size) === showBytes(maxBytes) ? [`${size} bytes`, `${maxBytes} bytes (${showBytes(maxBytes)})`] : [showBytes(size), showBytes(maxBytes)];
  return new RefusedFileError(
    `is ${shown}, over the limit of ${limit} for this kind of file`,
    "EFBIG"
  );
}
function tooLong(size) {
  return new RefusedFileError(
    `is ${showBytes(size)}; Node.js cannot hold text longer than ${showBytes(MAX_TEXT_BYTES)}, so no input this large can be read`,
    "EFBIG"
  );
}
function grewTooLarge(limit) {
  return new RefusedFileError(
    `grew past the limit of ${showBytes(limit)} while it was being read`,
    "EFBIG"
  );
}
function showBytes(bytes) {
  const units = ["KiB", "MiB", "GiB", "TiB"];
  if (bytes < 1024) return plural(bytes, "byte");
  let value = bytes;
  let unit = "bytes";
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return `${value.toFixed(1).replace(/\.0$/, "")} ${unit}`;
}
function describeReadError(cause) {
  const code = cause?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, expected a file";
  if (code === "EACCES") return "permission denied";
  return errorMessage(cause);
}
async function readStreamText(stream, maxBytes, what) {
  const limit = Math.min(maxBytes, MAX_TEXT_BYTES);
  const chunks = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    length += bytes.length;
    if (length > limit) {
      throw new RefusedFileError(
        `${what} is over the limit of ${showBytes(limit)} for this kind of input`,
        "EFBIG"
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, length).toString("utf8");
}

// src/sources/repo.ts
import { readdir, realpath, stat as stat2 } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
function nodeSourceFiles() {
  return {
    readText: (path) => readRegularFile(path, MAX_INPUT_BYTES).catch(nothing),
    list: (dir) => readdir(dir).catch(nothing),
    realPath: (path) => realpath(path).catch(nothing),
    entries: listEntries
  };
}
async function listEntries(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  return Promise.all(
    entries.map(async (entry) => {
      const target = entry.isSymbolicLink() ? await stat2(join(dir, entry.name)).catch(nothing) : entry;
      const type = target === null || target.isFile() ? "file" : target.isDirectory() ? "directory" : "other";
      return { name: entry.name, type };
    })
  );
}
var nothing = () => null;
async function findRepoRoot(startDir, files) {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const marker = join(dir, ".git");
    if (await files.list(marker) !== null || await files.readText(marker) !== null) {
      return dir;
    }
    if (dirname(dir) === dir) return null;
  }
}
function repoRelative(repoRoot, path) {
  const rel = relative(repoRoot, path);
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return rel.split(sep).join("/");
}

// src/rules/suggest.ts
function levenshtein(a, b) {
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
function closest(word, candidates) {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= limit) return best;
  const lower = word.toLowerCase();
  const MIN_PREFIX = 3;
  if (lower.length < MIN_PREFIX) return null;
  for (const candidate of candidates)
    if (candidate.toLowerCase().startsWith(lower)) return candidate;
  return null;
}
function didYouMean(word, candidates) {
  const match = closest(word, candidates);
  return match === null ? "" : `; did you mean \`${match}\`?`;
}

// src/facts/snapshot-schema.ts
var ACCOUNT_ID = { type: "string", pattern: "^\\d{12}$", description: "a 12-digit account id" };
var KEY_ARN = {
  type: "string",
  pattern: KEY_ARN_PATTERN,
  description: "a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)"
};
var TIMESTAMP = {
  description: "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them",
  anyOf: [
    { type: "string", format: "date-time" },
    // Past this many seconds a JavaScript date is no date at all (±8.64e15 ms).
    { type: "number", minimum: 0, maximum: 864e10 }
  ]
};
var STRING = { type: "string" };
var MEMBER = {
  type: "object",
  description: "a multi-Region member: {Arn, Region}",
  properties: { Arn: KEY_ARN, Region: STRING },
  required: ["Arn"]
};
var KEY_METADATA = {
  type: "object",
  description: "DescribeKey's KeyMetadata, with KeyId, Arn, CreationDate, KeyState, Enabled and KeyManager",
  // What the answer checks (answers.ts) require: DescribeKey always says these.
  required: ["KeyId", "Arn", "CreationDate", "KeyState", "Enabled", "KeyManager"],
  properties: {
    KeyId: STRING,
    Arn: KEY_ARN,
    AWSAccountId: ACCOUNT_ID,
    KeyState: STRING,
    Enabled: { type: "boolean" },
    KeyManager: STRING,
    KeySpec: STRING,
    KeyUsage: STRING,
    Origin: STRING,
    CreationDate: TIMESTAMP,
    DeletionDate: TIMESTAMP,
    PendingDeletionWindowInDays: { type: "integer", minimum: 1 },
    MultiRegion: { type: "boolean" },
    MultiRegionConfiguration: {
      type: "object",
      description: "DescribeKey's MultiRegionConfiguration",
      properties: {
        MultiRegionKeyType: { enum: ["PRIMARY", "REPLICA"], description: "PRIMARY or REPLICA" },
        PrimaryKey: MEMBER,
        ReplicaKeys: { type: "array", items: MEMBER, description: "a list of members" }
      }
    }
  }
};
var LAST_USAGE = {
  type: "object",
  description: "GetKeyLastUsage's answer, with TrackingStartDate and KeyCreationDate",
  // Without both dates "never used" and "no record since tracking began" cannot be told apart.
  required: ["TrackingStartDate", "KeyCreationDate"],
  properties: {
    KeyId: STRING,
    KeyLastUsage: {
      type: "object",
      description: "the last use ({} when none was recorded)",
      properties: {
        Operation: STRING,
        Timestamp: TIMESTAMP,
        CloudTrailEventId: STRING,
        KmsRequestId: STRING
      },
      // `{}` is "no use recorded"; a record of a use must say when.
      dependencies: {
        Operation: ["Timestamp"],
        CloudTrailEventId: ["Timestamp"],
        KmsRequestId: ["Timestamp"]
      }
    },
    TrackingStartDate: TIMESTAMP,
    KeyCreationDate: TIMESTAMP
  }
};
var CALL_ERROR = {
  type: "object",
  description: "an error answer: {Operation, Code, Message}",
  required: ["Operation", "Code", "Message"],
  properties: { Operation: STRING, Code: STRING, Message: STRING }
};
var TRAIL = {
  type: "object",
  description: "CloudTrail LookupEvents answers: {LookupAttributes, StartTime, EndTime, Truncated, Events}",
  required: ["LookupAttributes", "StartTime", "EndTime", "Truncated", "Events"],
  additionalProperties: false,
  properties: {
    LookupAttributes: {
      type: "array",
      description: "the one lookup attribute asked: [{AttributeKey: ResourceName, AttributeValue: key ARN}]",
      minItems: 1,
      maxItems: 1,
      items: {
        type: "object",
        description: "a lookup attribute: {AttributeKey, AttributeValue}",
        required: ["AttributeKey", "AttributeValue"],
        properties: { AttributeKey: STRING, AttributeValue: STRING }
      }
    },
    StartTime: TIMESTAMP,
    EndTime: TIMESTAMP,
    Truncated: { type: "boolean", description: "true or false" },
    Events: {
      type: "array",
      description: "a list of CloudTrail events",
      items: {
        type: "object",
        description: "a CloudTrail event: {EventId, EventName, EventTime, CloudTrailEvent, \u2026}",
        required: ["EventId", "EventTime"],
        properties: {
          EventId: { type: "string", minLength: 1, description: "an event id" },
          EventName: STRING,
          EventTime: TIMESTAMP,
          EventSource: STRING,
          Username: STRING,
          Resources: { type: "array", description: "a list of resources" },
          CloudTrailEvent: { type: "string", description: "the event record, as a JSON string" }
        }
      }
    }
  }
};
var WRITTEN_AT = {
  type: "string",
  format: "date-time",
  description: "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z)"
};
var MAX_SHARDS = 256;
var INVENTORY_PAIR = {
  type: "object",
  description: "an inventory pair: {account, region, name?, status: read|unavailable, reason?, keys, capturedAt}",
  required: ["account", "region", "status", "keys", "capturedAt"],
  additionalProperties: false,
  properties: {
    account: ACCOUNT_ID,
    region: { type: "string", pattern: `^${REGION_PATTERN}$`, description: "a region name" },
    name: { type: "string", description: "the account's name" },
    status: { enum: ["read", "unavailable"], description: "read or unavailable" },
    // Required exactly when unavailable: the loader checks it (snapshot.ts), as ajv's
    // strict mode takes no `required` of a property declared outside its branch.
    reason: { type: "string", minLength: 1, description: "why the pair could not be read" },
    keys: { type: "integer", minimum: 0, description: "the number of keys listed (0 or more)" },
    capturedAt: {
      type: "string",
      format: "date-time",
      description: "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z)"
    }
  }
};
var SHARD = {
  type: "object",
  description: "a shard: {index, count}, 1 \u2264 index \u2264 count \u2264 256",
  required: ["index", "count"],
  additionalProperties: false,
  properties: {
    index: { type: "integer", minimum: 1, maximum: MAX_SHARDS, description: "a shard index 1\u2013256" },
    count: { type: "integer", minimum: 1, maximum: MAX_SHARDS, description: "a shard count 1\u2013256" }
  }
};
var SHARD_PLAN = {
  type: "object",
  description: "a shard's plan: {index, pairs, digest}",
  required: ["index", "pairs", "digest"],
  additionalProperties: false,
  properties: {
    index: { type: "integer", minimum: 1, maximum: MAX_SHARDS, description: "a shard index 1\u2013256" },
    pairs: { type: "integer", minimum: 0, description: "a count of account-regions" },
    digest: { type: "string", pattern: "^[0-9a-f]{16}$", description: "16 hex digits" }
  }
};
var INVENTORY = {
  type: "object",
  description: "an inventory: {shards, pairs, plans?}",
  required: ["shards", "pairs"],
  additionalProperties: false,
  properties: {
    shards: { type: "array", minItems: 1, items: SHARD, description: "a non-empty list of shards" },
    pairs: { type: "array", items: INVENTORY_PAIR, description: "a list of pairs" },
    plans: { type: "array", items: SHARD_PLAN, description: "a list of shard plans" }
  }
};
function factsSchema() {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "kms-usage-lint facts snapshot, version 1",
    type: "object",
    description: "a facts snapshot: {version: 1, capturedAt, account, keys, aliases, stacks, inventory}",
    required: ["version", "capturedAt", "keys"],
    additionalProperties: false,
    properties: {
      version: { const: 1, description: "1" },
      capturedAt: WRITTEN_AT,
      account: { anyOf: [ACCOUNT_ID, { type: "null" }], description: "a 12-digit account id" },
      keys: {
        type: "object",
        description: "an object keyed by key ARN",
        propertyNames: { pattern: KEY_ARN_PATTERN, description: "a key ARN" },
        additionalProperties: {
          type: "object",
          description: "an object with KeyMetadata, LastUsage, Errors and/or Trail",
          additionalProperties: false,
          minProperties: 1,
          properties: {
            // In a merged snapshot: when this key's answers were taken, where it is not `capturedAt`.
            CapturedAt: WRITTEN_AT,
            KeyMetadata: KEY_METADATA,
            LastUsage: LAST_USAGE,
            Errors: { type: "array", items: CALL_ERROR, description: "a list of errors" },
            Trail: TRAIL
          }
        }
      },
      aliases: {
        type: "object",
        description: "an object from alias ARN to key ARN",
        propertyNames: { pattern: ALIAS_ARN_PATTERN, description: "an alias ARN" },
        additionalProperties: KEY_ARN
      },
      stacks: {
        type: "object",
        description: "an object keyed by StackName@region",
        propertyNames: {
          pattern: `^[^@]+@${REGION_PATTERN}$`,
          description: "a name of the form StackName@region"
        },
        additionalProperties: {
          type: "object",
          description: "a deployed stack: {account, resources: {LogicalId: physical id}, template}",
          required: ["resources"],
          properties: {
            account: {
              anyOf: [ACCOUNT_ID, { type: "null" }],
              description: "a 12-digit account id"
            },
            resources: {
              type: "object",
              description: "an object from logical id to physical id",
              additionalProperties: { type: "string", description: "a physical id" }
            },
            template: {}
          }
        }
      },
      inventory: INVENTORY
    }
  };
}

export {
  closest,
  didYouMean,
  parseJson,
  duplicateKeyError,
  clip,
  pathTo,
  describeFound,
  Shape,
  own,
  HOLE,
  NAME_HOLE,
  MAX_VALUE_DEPTH,
  EvaluationError,
  hasHole,
  evaluate,
  unresolvedImport,
  PARAMETER_HELP,
  parseParameterOverride,
  ParameterOverrides,
  pseudoParameters,
  parameterValues,
  STANDARD_OUTPUT,
  parseSarifCategory,
  SCOPES,
  SCOPE_HELP,
  DEFAULT_MAX_FACTS_AGE_DAYS,
  parseMaxFactsAge,
  TRAIL_MAX_PAGES_HELP,
  parseTrailMaxPages,
  DEFAULT_AWS_TIMEOUT_SECONDS,
  AWS_TIMEOUT_HELP,
  parseAwsTimeout,
  DEFAULT_CONFIG_FILE,
  parseNow,
  parseRoleTemplate,
  MAX_SHARDS,
  factsSchema,
  MAX_INPUT_BYTES,
  readRegularFile,
  readRegularFileBytes,
  describeReadError,
  readStreamText,
  nodeSourceFiles,
  findRepoRoot,
  repoRelative
};
