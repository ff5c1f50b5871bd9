/**
 * Evaluating CloudFormation intrinsic functions to the strings they may
 * produce, as far as the template and its stack say: `Fn::Join`, `Fn::Sub`,
 * `Fn::Select`, `Fn::Split`, `Fn::If`, `Fn::FindInMap`, `Ref` to a pseudo
 * parameter or a parameter. What only deploy time knows (a resource's
 * physical id, an attribute, an unknown account) stays a hole in the text, so
 * `arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/sns`
 * in an environment-agnostic stack still shows the alias name it ends with.
 *
 * A value can evaluate to several texts: both branches of an `Fn::If`, every
 * allowed value of a parameter, every entry of a mapping looked up by an
 * unknown region. Each is a possible reference.
 */
import { plural } from "../../show.js";
import { isJsonObject, type JsonObject } from "../json.js";

/** A hole for any text: a resource's id, an attribute, a parameter nothing says the value of. */
export const HOLE = "\u0000";
/**
 * A hole for a partition, region, account, URL suffix or stack name: text
 * without `:`, `/` or `,`, so splitting around it on those stays exact.
 */
export const NAME_HOLE = "\u0001";
// Built from the constants: the holes are control characters, on purpose (no template text holds them).
const HOLES_RE = new RegExp(`[${HOLE}${NAME_HOLE}]`, "g");
/** Characters a NAME_HOLE never holds: splitting on only these keeps it in its item. */
const NAME_FREE_RE = /^[:/,]+$/;

/**
 * Resource properties nest a dozen levels; intrinsic functions a few more.
 * A value deeper than this is hostile or broken.
 */
export const MAX_VALUE_DEPTH = 256;

/**
 * How many texts one value may evaluate to. Real templates give a handful
 * (an `Fn::If`, a region mapping of ~30 entries, two such lookups joined);
 * `Fn::If`s joined together double it each time, so a few dozen could make
 * millions. Past this the value is refused, not cut short: a key in the
 * alternatives left out would go unchecked.
 */
export const MAX_ALTERNATIVES = 1024;

/**
 * How many characters (and list items) one value's evaluation may produce.
 * A CloudFormation template body is at most 1 MB, but `Fn::Sub` variables
 * used twice in each of nested `Fn::Sub`s, or `Fn::Join` of `Fn::Split`
 * chains, multiply text. Past this the value is refused, like a value nested too deep.
 */
export const MAX_EVALUATED_CHARS = 4 * 1024 * 1024;

/** One thing a value may evaluate to: a text (with holes), or a list (null: of unknown items). */
export type Evaluated = { kind: "text"; text: string } | { kind: "list"; items: string[] | null };

/** What a parameter may hold, for `Ref` and `${Name}`. */
export type ParameterValue =
  /** The texts it may hold (a list parameter's: comma-separated). */
  | { known: true; values: string[]; list: boolean }
  /** Decided elsewhere: an SSM parameter, a value a parent stack passes, no default. */
  | { known: false; list: boolean };

/** What a template's values are evaluated in. */
export interface Scope {
  /** Pseudo parameters the stack's environment (or `--parameter`) gives: `AWS::Region` → `us-east-1`. */
  pseudo: ReadonlyMap<string, string>;
  parameters: ReadonlyMap<string, ParameterValue>;
  /** The template's `Mappings`, for `Fn::FindInMap`. */
  mappings: JsonObject;
  /** Whether another stack of the assembly exports this name. */
  exported(name: string): boolean;
  /** A remark for `--verbose`: something left unresolved on purpose. */
  note(message: string): void;
}

/** Why a value cannot be evaluated: CloudFormation would refuse it, or it is too large or deep. */
export class EvaluationError extends Error {}

const PSEUDO_NAME_HOLES: ReadonlySet<string> = new Set([
  "AWS::AccountId",
  "AWS::Partition",
  "AWS::Region",
  "AWS::URLSuffix",
  "AWS::StackName",
]);

/** The pseudo parameters a `--parameter` may set, besides the template's own. */
export const SETTABLE_PSEUDO_PARAMETERS: readonly string[] = [...PSEUDO_NAME_HOLES];

/** True for a text with holes: part of it is known only at deploy time. */
export function hasHole(text: string): boolean {
  return text.includes(HOLE) || text.includes(NAME_HOLE);
}

/** A literal string as a text: a hole character written in a template stands for nothing known. */
function literal(text: string): string {
  return text.includes(HOLE) || text.includes(NAME_HOLE) ? text.replace(HOLES_RE, HOLE) : text;
}

const UNKNOWN: Evaluated = { kind: "text", text: HOLE };
const UNKNOWN_LIST: Evaluated = { kind: "list", items: null };

/**
 * Evaluates one value. Each call has its own budget (MAX_ALTERNATIVES,
 * MAX_EVALUATED_CHARS).
 *
 * @throws EvaluationError for a function CloudFormation would refuse (wrong
 *   arguments, an index out of range), or a value too deep or too large.
 */
export function evaluate(value: unknown, scope: Scope): Evaluated[] {
  return new Evaluator(scope).value(value, 0);
}

class Evaluator {
  private chars = 0;

  constructor(private readonly scope: Scope) {}

  value(value: unknown, depth: number): Evaluated[] {
    if (typeof value === "string") return [this.text(literal(value))];
    if (typeof value === "number" || typeof value === "boolean") return [this.text(String(value))];
    if (depth >= MAX_VALUE_DEPTH) {
      throw new EvaluationError(
        `values nested deeper than ${MAX_VALUE_DEPTH} levels, too deep to search for keys (templates nest a dozen)`,
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
        // Fn::GetAtt, Fn::Base64, Fn::ToJsonString…: known at deploy time only.
        return [UNKNOWN];
    }
  }

  /** Alternatives of the texts a value may be; a list where a text belongs is CloudFormation's error. */
  texts(value: unknown, depth: number, what: string): string[] {
    const texts: string[] = [];
    for (const result of this.value(value, depth)) {
      if (result.kind === "text") texts.push(result.text);
      else throw new EvaluationError(`${what}: expected a string, got a list`);
    }
    return texts;
  }

  /** Alternatives of the lists a value may be. */
  lists(value: unknown, depth: number, what: string): (string[] | null)[] {
    const lists: (string[] | null)[] = [];
    for (const result of this.value(value, depth)) {
      if (result.kind === "list") lists.push(result.items);
      // A Ref to a resource or an attribute in a list's place: a list we cannot know.
      else if (result.text === HOLE) lists.push(null);
      else throw new EvaluationError(`${what}: expected a list, got a string`);
    }
    return lists;
  }

  private list(items: unknown[], depth: number): Evaluated[] {
    const choices = items.map((item) => this.texts(item, depth + 1, "a list item"));
    return this.product(choices).map((chosen) => this.listOf(chosen));
  }

  private ref(arg: unknown): Evaluated[] {
    if (typeof arg !== "string") {
      throw new EvaluationError(
        `Ref: expected the name of a resource or parameter, got ${kind(arg)}`,
      );
    }
    const parameter = this.scope.parameters.get(arg);
    if (parameter !== undefined) {
      if (!parameter.known) return [parameter.list ? UNKNOWN_LIST : UNKNOWN];
      return parameter.values.map((value) =>
        parameter.list ? this.listOf(value.split(",")) : this.text(literal(value)),
      );
    }
    return [this.pseudo(arg)];
  }

  /** A pseudo parameter, or (any other name) a resource's physical id: unknown. */
  private pseudo(name: string): Evaluated {
    const known = this.scope.pseudo.get(name);
    if (known !== undefined) return this.text(literal(known));
    if (name === "AWS::NotificationARNs") return UNKNOWN_LIST;
    return PSEUDO_NAME_HOLES.has(name) ? { kind: "text", text: NAME_HOLE } : UNKNOWN;
  }

  private join(arg: unknown, depth: number): Evaluated[] {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== "string") {
      throw new EvaluationError(`Fn::Join: expected [delimiter, [values…]], got ${kind(arg)}`);
    }
    const delimiter = literal(arg[0]);
    const results: Evaluated[] = [];
    for (const items of this.lists(arg[1], depth, "Fn::Join")) {
      results.push(items === null ? UNKNOWN : this.text(items.join(delimiter)));
    }
    return results;
  }

  private sub(arg: unknown, depth: number): Evaluated[] {
    const [template, variables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, {}];
    if (
      typeof template !== "string" ||
      !isJsonObject(variables) ||
      (Array.isArray(arg) && arg.length !== 2)
    ) {
      throw new EvaluationError(
        `Fn::Sub: expected a string or [string, {variables}], got ${kind(arg)}`,
      );
    }
    const pieces = subPieces(template);
    const names = [...new Set(pieces.filter((p) => p.variable).map((p) => p.text))];
    // Each variable evaluated once, in the scope around the Fn::Sub: a variable's
    // value naming `${Itself}` means the outer one, so nothing here can cycle.
    const choices = names.map((name) =>
      Object.hasOwn(variables, name)
        ? this.texts(variables[name], depth + 1, `Fn::Sub variable ${name}`)
        : this.subName(name),
    );
    return this.product(choices).map((chosen) => {
      const values = new Map(names.map((name, i) => [name, chosen[i] ?? HOLE]));
      return this.text(
        pieces.map((p) => (p.variable ? (values.get(p.text) ?? HOLE) : p.text)).join(""),
      );
    });
  }

  /** `${Name}` or `${Name.Attr}` without a variable of that name. */
  private subName(name: string): string[] {
    if (name.includes(".") && !name.startsWith("AWS::")) return [HOLE];
    const found = this.ref(name);
    return found.map((result) => (result.kind === "text" ? result.text : HOLE));
  }

  private select(arg: unknown, depth: number): Evaluated[] {
    if (!Array.isArray(arg) || arg.length !== 2) {
      throw new EvaluationError(`Fn::Select: expected [index, [values…]], got ${kind(arg)}`);
    }
    const indexes = this.texts(arg[0], depth, "Fn::Select index").map((text) => {
      if (hasHole(text)) return null;
      if (!/^\d{1,9}$/.test(text.trim())) {
        throw new EvaluationError(
          `Fn::Select: the index must be a whole number 0 or more, got ${JSON.stringify(text)}`,
        );
      }
      return Number(text);
    });
    const results: Evaluated[] = [];
    for (const items of this.lists(arg[1], depth, "Fn::Select")) {
      for (const index of indexes) {
        if (items === null) {
          results.push(UNKNOWN);
        } else if (index === null) {
          // Any item may be the one chosen.
          for (const item of items) results.push({ kind: "text", text: item });
        } else if (index >= items.length) {
          throw new EvaluationError(
            `Fn::Select: index ${index} is out of range of a list of ${plural(items.length, "item")}`,
          );
        } else {
          results.push({ kind: "text", text: items[index] as string });
        }
      }
    }
    return this.bounded(results);
  }

  private split(arg: unknown, depth: number): Evaluated[] {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== "string" || arg[0] === "") {
      throw new EvaluationError(`Fn::Split: expected [delimiter, string], got ${kind(arg)}`);
    }
    const delimiter = arg[0];
    return this.texts(arg[1], depth, "Fn::Split").map((text) => {
      // A hole may hold the delimiter: where its pieces fall is unknown.
      if (text.includes(HOLE)) return UNKNOWN_LIST;
      if (text.includes(NAME_HOLE) && !NAME_FREE_RE.test(delimiter)) return UNKNOWN_LIST;
      return this.listOf(text.split(delimiter));
    });
  }

  /** `Fn::If`: both branches may be the value. */
  private branches(arg: unknown, depth: number): Evaluated[] {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== "string") {
      throw new EvaluationError(
        `Fn::If: expected [condition name, value if true, value if false], got ${kind(arg)}`,
      );
    }
    return this.bounded([...this.value(arg[1], depth), ...this.value(arg[2], depth)]);
  }

  private findInMap(arg: unknown, depth: number): Evaluated[] {
    if (!Array.isArray(arg) || arg.length < 3 || arg.length > 4) {
      throw new EvaluationError(
        `Fn::FindInMap: expected [map name, top-level key, second-level key], got ${kind(arg)}`,
      );
    }
    const results: Evaluated[] = [];
    for (const map of this.entries(this.scope.mappings, arg[0], depth, "map name")) {
      for (const top of this.entries(map, arg[1], depth, "top-level key")) {
        for (const value of this.entries(top, arg[2], depth, "second-level key")) {
          results.push(...this.value(value, depth));
        }
      }
    }
    // A key the map lacks: CloudFormation fails the deployment, or takes the DefaultValue.
    if (results.length === 0) return [UNKNOWN];
    return this.bounded(results);
  }

  /** The members of `container` a key (which may be unknown: every member) names. */
  private entries(container: unknown, key: unknown, depth: number, what: string): unknown[] {
    if (!isJsonObject(container)) return [];
    const found: unknown[] = [];
    for (const name of this.texts(key, depth, `Fn::FindInMap ${what}`)) {
      if (hasHole(name)) found.push(...Object.values(container));
      else if (Object.hasOwn(container, name)) found.push(container[name]);
    }
    return found;
  }

  private importValue(arg: unknown, depth: number): Evaluated[] {
    for (const name of this.texts(arg, depth, "Fn::ImportValue")) {
      if (hasHole(name) || this.scope.exported(name)) continue;
      this.scope.note(unresolvedImport(name));
    }
    // An import of the assembly's own exports names its keys by logical id, not by text.
    return [UNKNOWN];
  }

  /** Every way of choosing one alternative from each of `choices`, within the budget. */
  private product(choices: string[][]): string[][] {
    let combined: string[][] = [[]];
    for (const options of choices) {
      if (combined.length * options.length > MAX_ALTERNATIVES) throw this.tooMany();
      const next: string[][] = [];
      for (const prefix of combined) for (const option of options) next.push([...prefix, option]);
      combined = next;
    }
    return combined;
  }

  private bounded(results: Evaluated[]): Evaluated[] {
    if (results.length > MAX_ALTERNATIVES) throw this.tooMany();
    return results;
  }

  private tooMany(): EvaluationError {
    return new EvaluationError(
      `an intrinsic function with more than ${MAX_ALTERNATIVES} possible values (Fn::If, Fn::FindInMap, parameters' allowed values combined), too many to search for keys`,
    );
  }

  private text(text: string): Evaluated {
    this.spend(text.length);
    return { kind: "text", text };
  }

  private listOf(items: string[]): Evaluated {
    let size = items.length;
    for (const item of items) size += item.length;
    this.spend(size);
    return { kind: "list", items };
  }

  private spend(chars: number): void {
    this.chars += chars;
    if (this.chars > MAX_EVALUATED_CHARS) {
      throw new EvaluationError(
        `an intrinsic function that evaluates to more than ${MAX_EVALUATED_CHARS} characters, too large to search for keys (a template is at most 1 MB)`,
      );
    }
  }
}

/** The note for an `Fn::ImportValue` of an export no stack read has. */
export function unresolvedImport(name: string): string {
  return `Fn::ImportValue ${JSON.stringify(name)}: no stack among the inputs exports it, so the key it may name is left unresolved`;
}

/** A piece of a `Fn::Sub` string: text as is, or a `${variable}`'s name. */
interface SubPiece {
  text: string;
  variable: boolean;
}

/** `a${B}c${!D}` → `a`, variable `B`, `c${D}` (CloudFormation's `${!…}` is written out). */
function subPieces(template: string): SubPiece[] {
  const pieces: SubPiece[] = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("${", i);
    const close = open === -1 ? -1 : template.indexOf("}", open + 2);
    if (open === -1 || close === -1) {
      text += template.slice(i);
      break;
    }
    text += template.slice(i, open);
    const inner = template.slice(open + 2, close);
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

/** The one key of an object, or null when it has none or several. */
function onlyKey(value: Record<string, unknown>): string | null {
  let name: string | null = null;
  for (const key in value) {
    if (name !== null) return null;
    name = key;
  }
  return name;
}

function kind(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${plural(value.length, "item")}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}
