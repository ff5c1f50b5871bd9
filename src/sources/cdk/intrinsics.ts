/**
 * Finding the KMS keys a CloudFormation value names: `Ref`, `Fn::GetAtt` and
 * `Fn::Sub` of a key (or alias) resource in the same template,
 * `Fn::ImportValue` of a key another stack of the assembly exports, key and
 * alias ARNs written out or built by intrinsic functions (`Fn::Join` of
 * `arn:`, `{Ref: AWS::Partition}`, `:kms:`…, a parameter's value), and —
 * under a property whose name says it holds a key — bare key ids and alias
 * names (SPEC §2, "Key identity").
 */

import {
  findKmsArns,
  findPartialKmsArns,
  isAliasName,
  isKeyId,
  isKmsAttributeName,
} from "../../aws/key-ids.js";
import type { KeyTarget } from "../../model.js";
import { isJsonObject } from "../json.js";
import { aliasNameTarget, bareKeyTarget, type ResourcePlace, targetIdentity } from "../scan.js";
import {
  EvaluationError,
  evaluate,
  HOLE,
  hasHole,
  MAX_VALUE_DEPTH,
  NAME_HOLE,
  type Scope,
  unresolvedImport,
} from "./evaluate.js";

export { MAX_VALUE_DEPTH } from "./evaluate.js";

/** What a template's values can name a key by. */
export interface KeyNames {
  /** Logical id of an `AWS::KMS::Key` or `AWS::KMS::ReplicaKey` → that key. */
  keys: ReadonlyMap<string, KeyTarget>;
  /**
   * Other names `Ref` (and `${Name}`) of which stands for keys: an
   * `AWS::KMS::Alias`'s logical id (its key), a parameter a parent stack
   * passes a key in.
   */
  refs: ReadonlyMap<string, readonly KeyTarget[]>;
  /** Export name → the keys another stack exports under it. */
  imports: ReadonlyMap<string, readonly KeyTarget[]>;
  /** Where the stack lives: a bare key id names a key there. */
  place: ResourcePlace;
  /** What intrinsic functions are evaluated in: parameters, pseudo parameters, mappings. */
  scope: Scope;
}

/** A key found in a value: the property path it was found at, and the key. */
export interface KeyHit {
  /** `BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID`; "" for the root. */
  path: string;
  target: KeyTarget;
}

export interface FindOptions {
  /** Bare key ids and alias names count anywhere in the value (an output named `KmsKeyId`). */
  rootNamesKey?: boolean;
  /**
   * Called when the value cannot be searched: it nests deeper than
   * MAX_VALUE_DEPTH, an intrinsic function in it evaluates to too much, or
   * has arguments CloudFormation would refuse. A key there would be missed,
   * so the caller stops the run (it knows the file; `at` is the path below
   * the value, "" for the value itself). Without it, the walk throws: nothing
   * goes unsearched in silence.
   */
  refuse?: (message: string, at: string) => void;
}

/**
 * True for a property name whose value is a key: `KmsKeyId`, `KMSMasterKeyID`,
 * `KeyId`, `TargetKeyId`, `EncryptionKey`… — the Terraform names' rule, read
 * in CloudFormation's PascalCase.
 */
export function isKmsPropertyName(name: string): boolean {
  return isKmsAttributeName(snakeCase(name));
}

/** `KMSMasterKeyID` → `kms_master_key_id`, `KmsKeyArn` → `kms_key_arn`. */
function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/** The function a one-member `{Ref: …}` or `{"Fn::…": …}` object calls; null for any other object. */
export function intrinsicName(value: Record<string, unknown>): string | null {
  let name: string | null = null;
  for (const key in value) {
    if (name !== null) return null;
    name = key;
  }
  return name !== null && (name === "Ref" || name.startsWith("Fn::")) ? name : null;
}

/** The logical id and attribute of a `Fn::GetAtt` argument: `[Id, Attr]` or `"Id.Attr"`. */
export function getAttTarget(arg: unknown): { logicalId: string; attribute: string } | null {
  if (typeof arg === "string") {
    const dot = arg.indexOf(".");
    return dot <= 0 ? null : { logicalId: arg.slice(0, dot), attribute: arg.slice(dot + 1) };
  }
  if (Array.isArray(arg) && typeof arg[0] === "string" && typeof arg[1] === "string") {
    return { logicalId: arg[0], attribute: arg[1] };
  }
  return null;
}

// `${Name}` and `${Name.Attr}` in a `Fn::Sub` string; `${!Literal}` is text.
const SUB_VARIABLE_RE = /\$\{([^}!][^}]*)\}/g;

/** The `${…}` names of a `Fn::Sub` string, as `[name, attribute or null]`. */
export function subVariables(template: string): [string, string | null][] {
  const found: [string, string | null][] = [];
  for (const m of template.matchAll(SUB_VARIABLE_RE)) {
    const text = (m[1] ?? "").trim();
    const dot = text.indexOf(".");
    found.push(dot === -1 ? [text, null] : [text.slice(0, dot), text.slice(dot + 1)]);
  }
  return found;
}

/**
 * Every key `value` names, each once with the first path it was found at.
 * A key found inside an intrinsic function's argument is credited to the
 * property that holds the function: that property is what uses the key.
 */
export function findKeyTargets(
  value: unknown,
  names: KeyNames,
  options: FindOptions = {},
): KeyHit[] {
  const walk = new Walk(names, options.rootNamesKey ?? false);
  walk.visit(value, "", false, 0);
  if (walk.refusal !== null) {
    const { message, at } = walk.refusal;
    if (options.refuse === undefined) throw new Error(at === "" ? message : `${at}: ${message}`);
    options.refuse(message, at);
  }
  return walk.hits;
}

/** One walk over a value, keeping the property path as a stack of steps. */
class Walk {
  readonly hits: KeyHit[] = [];
  /** The first reason the value cannot be searched, and where; the walk stops there. */
  refusal: { message: string; at: string } | null = null;
  private readonly seen = new Set<string>();
  private readonly steps: (string | number)[] = [];
  /**
   * Above zero inside the arguments of a function evaluated whole: its
   * nested functions are part of that evaluation, and only the names of
   * keys (`Ref`, `Fn::GetAtt`) and the ARNs written in them are looked for.
   */
  private covered = 0;

  constructor(
    private readonly names: KeyNames,
    private readonly rootNamesKey: boolean,
  ) {}

  /**
   * @param name the nearest property name above: whether a bare id under it is a key.
   * @param argument inside an intrinsic function's argument, where list
   *   indexes and map keys are not property names and add no path steps.
   */
  visit(value: unknown, name: string, argument: boolean, depth: number): void {
    if (this.refusal !== null) return;
    if (typeof value === "string") {
      this.literal(value, name);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    if (depth >= MAX_VALUE_DEPTH) {
      // Said of the whole value: a path hundreds of steps long would be unreadable.
      this.refusal ??= {
        message: `values nested deeper than ${MAX_VALUE_DEPTH} levels, too deep to search for keys (templates nest a dozen)`,
        at: "",
      };
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.child(value[i], i, name, argument, depth);
      return;
    }
    const record = value as Record<string, unknown>;
    const fn = intrinsicName(record);
    if (fn !== null) {
      this.intrinsic(fn, record[fn], name, argument, depth + 1);
      return;
    }
    for (const key in record) this.child(record[key], key, key, argument, depth);
  }

  private child(
    value: unknown,
    step: string | number,
    name: string,
    argument: boolean,
    depth: number,
  ): void {
    if (argument) {
      this.visit(value, name, true, depth + 1);
      return;
    }
    this.steps.push(step);
    this.visit(value, name, false, depth + 1);
    this.steps.pop();
  }

  private intrinsic(
    fn: string,
    arg: unknown,
    name: string,
    argument: boolean,
    depth: number,
  ): void {
    if (this.covered === 0 && EVALUATED.has(fn)) this.evaluated({ [fn]: arg }, name);
    switch (fn) {
      case "Ref":
        if (typeof arg === "string") this.addAll(this.refTargets(arg));
        return;
      case "Fn::GetAtt": {
        const att = getAttTarget(arg);
        const key = att === null ? undefined : this.names.keys.get(att.logicalId);
        if (key !== undefined) this.add(key);
        return;
      }
      case "Fn::Sub":
        this.subNames(arg);
        break;
      case "Fn::ImportValue":
        this.importValue(arg);
        break;
      case "Fn::If":
        // The branches stand where the Fn::If stands: a property's value, with its structure.
        if (Array.isArray(arg)) {
          for (const branch of arg.slice(1)) this.visit(branch, name, argument, depth);
          return;
        }
        break;
    }
    // Keys named inside the arguments, and ARNs written there even where the
    // function's value leaves them out (an item Fn::Select does not pick).
    const evaluated = EVALUATED.has(fn);
    if (evaluated) this.covered++;
    this.visit(arg, name, true, depth);
    if (evaluated) this.covered--;
  }

  /** What a function may evaluate to, each text read for keys like a string written there. */
  private evaluated(value: Record<string, unknown>, name: string): void {
    let results: ReturnType<typeof evaluate>;
    try {
      results = evaluate(value, this.names.scope);
    } catch (err) {
      if (!(err instanceof EvaluationError)) throw err;
      this.refuse(err.message);
      return;
    }
    for (const result of results) {
      if (result.kind === "text") this.literal(result.text, name);
      else for (const item of result.items ?? []) this.literal(item, name);
    }
  }

  /** `Fn::Sub`'s `${Key}` and `${Key.Arn}` of key resources, unless a variable shadows the name. */
  private subNames(arg: unknown): void {
    const [template, variables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
    if (typeof template !== "string") return;
    const shadowed = isJsonObject(variables) ? variables : {};
    for (const [logicalId, attribute] of subVariables(template)) {
      if (Object.hasOwn(shadowed, logicalId)) continue;
      if (attribute === null) {
        this.addAll(this.refTargets(logicalId));
      } else {
        const key = this.names.keys.get(logicalId);
        if (key !== undefined) this.add(key);
      }
    }
  }

  /** The keys another stack of the assembly exports under the imported name (or names). */
  private importValue(arg: unknown): void {
    let names: string[] = [];
    if (typeof arg === "string") {
      names = [arg];
    } else {
      try {
        for (const result of evaluate(arg, this.names.scope)) {
          if (result.kind === "text" && !hasHole(result.text)) names.push(result.text);
        }
      } catch (err) {
        if (!(err instanceof EvaluationError)) throw err;
        this.refuse(err.message);
        return;
      }
    }
    for (const exportName of names) {
      const targets = this.names.imports.get(exportName);
      if (targets !== undefined) this.addAll(targets);
      else if (!this.names.scope.exported(exportName)) {
        this.names.scope.note(unresolvedImport(exportName));
      }
    }
  }

  private refuse(message: string): void {
    this.refusal ??= { message, at: pathText(this.steps) };
  }

  private refTargets(logicalId: string): readonly KeyTarget[] {
    const key = this.names.keys.get(logicalId);
    if (key !== undefined) return [key];
    return this.names.refs.get(logicalId) ?? [];
  }

  /**
   * A string as written or evaluated: its ARNs (a partition, region or
   * account left to deploy time still gives the key id or alias name), or
   * itself as a bare id or alias name under a key's name.
   */
  private literal(text: string, name: string): void {
    if (text.includes(":kms:")) {
      for (const arn of findKmsArns(text)) {
        this.add(
          arn.resource === "key"
            ? { kind: "arn", arn: arn.raw }
            : { kind: "alias", name: arn.id, arn: arn.raw, region: arn.region },
        );
      }
      if (!hasHole(text)) return;
      for (const arn of findPartialKmsArns(text, GAP)) {
        const place: ResourcePlace = {
          partition: arn.partition,
          region: arn.region,
          account: arn.account,
        };
        this.add(
          arn.resource === "key" ? bareKeyTarget(arn.id, place) : aliasNameTarget(arn.id, place),
        );
      }
      return;
    }
    if (!this.rootNamesKey && !isKmsPropertyName(name)) return;
    if (isKeyId(text)) this.add(bareKeyTarget(text, this.names.place));
    else if (isAliasName(text)) this.add(aliasNameTarget(text, this.names.place));
  }

  private addAll(targets: readonly KeyTarget[]): void {
    for (const target of targets) this.add(target);
  }

  private add(target: KeyTarget): void {
    const identity = targetIdentity(target);
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    this.hits.push({ path: pathText(this.steps), target });
  }
}

// A partition, region or account a template leaves to deploy time, as one gap in a text.
const GAP = `[${HOLE}${NAME_HOLE}]`;

/** Functions evaluated whole: what they produce is searched like a string written there. */
const EVALUATED: ReadonlySet<string> = new Set([
  "Ref",
  "Fn::Join",
  "Fn::Sub",
  "Fn::Select",
  "Fn::Split",
  "Fn::FindInMap",
]);

const IDENTIFIER_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `a.b[0].c`, with keys that are not identifiers quoted: `Tags["team.name"]`. */
function pathText(steps: readonly (string | number)[]): string {
  let path = "";
  for (const step of steps) {
    if (typeof step === "number") path += `[${step}]`;
    else if (!IDENTIFIER_RE.test(step)) path += `[${JSON.stringify(step)}]`;
    else path += path === "" ? step : `.${step}`;
  }
  return path;
}
