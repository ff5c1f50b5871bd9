/**
 * Finding the KMS keys a CloudFormation value names: `Ref`, `Fn::GetAtt` and
 * `Fn::Sub` of a key (or alias) resource in the same template,
 * `Fn::ImportValue` of a key another stack of the assembly exports, key and
 * alias ARNs written out, and — under a property whose name says it holds a
 * key — bare key ids and alias names (SPEC §2, "Key identity").
 */
import type { KeyTarget } from "../../model.js";
import { isJsonObject } from "../json.js";
import { findKmsArns, isAliasName, isKeyId, isKmsAttributeName } from "../key-ids.js";
import {
  aliasNameTarget,
  bareKeyTarget,
  type ResourcePlace,
  targetIdentity,
} from "../terraform/scan.js";

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
   * Called when the value nests deeper than MAX_VALUE_DEPTH: a key below
   * would be missed, so the caller stops the run (it knows the file and the
   * path). Without it, the walk throws: nothing deep goes unsearched in silence.
   */
  tooDeep?: (message: string) => void;
}

// Resource properties nest a dozen levels; intrinsic functions a few more.
// A value deeper than this is hostile or broken.
export const MAX_VALUE_DEPTH = 256;

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
  if (walk.tooDeep) {
    const message = `values nested deeper than ${MAX_VALUE_DEPTH} levels, too deep to search for keys (templates nest a dozen)`;
    if (options.tooDeep === undefined) throw new Error(message);
    options.tooDeep(message);
  }
  return walk.hits;
}

/** One walk over a value, keeping the property path as a stack of steps. */
class Walk {
  readonly hits: KeyHit[] = [];
  tooDeep = false;
  private readonly seen = new Set<string>();
  private readonly steps: (string | number)[] = [];

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
    if (typeof value === "string") {
      this.literal(value, name);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    if (depth >= MAX_VALUE_DEPTH) {
      this.tooDeep = true;
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
        this.sub(arg, name, depth);
        return;
      case "Fn::ImportValue":
        if (typeof arg === "string") {
          this.addAll(this.names.imports.get(arg) ?? []);
          return;
        }
        break;
      case "Fn::If":
        // The branches stand where the Fn::If stands: a property's value, with its structure.
        if (Array.isArray(arg)) {
          for (const branch of arg.slice(1)) this.visit(branch, name, argument, depth);
          return;
        }
        break;
    }
    this.visit(arg, name, true, depth);
  }

  /** `Fn::Sub`: a string, or `[string, {Var: value}]` whose variables shadow resource names. */
  private sub(arg: unknown, name: string, depth: number): void {
    const [template, variables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
    const shadowed = isJsonObject(variables) ? variables : {};
    if (typeof template === "string") {
      for (const [logicalId, attribute] of subVariables(template)) {
        if (Object.hasOwn(shadowed, logicalId)) continue;
        if (attribute === null) {
          this.addAll(this.refTargets(logicalId));
        } else {
          const key = this.names.keys.get(logicalId);
          if (key !== undefined) this.add(key);
        }
      }
      this.literal(template, name);
    }
    for (const key in shadowed) this.visit(shadowed[key], name, true, depth);
  }

  private refTargets(logicalId: string): readonly KeyTarget[] {
    const key = this.names.keys.get(logicalId);
    if (key !== undefined) return [key];
    return this.names.refs.get(logicalId) ?? [];
  }

  /** A string as written: its ARNs, or itself as a bare id or alias name under a key's name. */
  private literal(text: string, name: string): void {
    if (text.includes(":kms:")) {
      for (const arn of findKmsArns(text)) {
        this.add(
          arn.resource === "key"
            ? { kind: "arn", arn: arn.raw }
            : { kind: "alias", name: arn.id, arn: arn.raw, region: arn.region },
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
