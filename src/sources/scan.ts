/**
 * Finding KMS keys in JSON values — Terraform attributes, outputs of either
 * tool, CloudFormation properties: every key ARN and alias ARN in any string,
 * and bare key ids and alias names where the attribute's name says it holds a
 * key (SPEC §2, "Key identity"). Shared by both source readers.
 *
 * Plans run to hundreds of megabytes, so this is one depth-bounded pass per
 * value tree that allocates nothing per node, looks at each string once with
 * a cheap test first, and builds an attribute path only for a string that
 * holds a key.
 */

import {
  findKmsArns,
  isAliasName,
  isKeyId,
  isKmsAttributeName,
  keyArn,
  parseKmsArn,
} from "../aws/key-ids.js";
import type { KeyTarget } from "../model.js";
import type { JsonObject } from "./json.js";

/**
 * Where a resource lives: a bare key id or alias name in its attributes names
 * a key in its own region and account.
 */
export interface ResourcePlace {
  partition: string | null;
  region: string | null;
  account: string | null;
}

/** A key found in a value tree: where, and which key. */
export interface Hit {
  /** Attribute path: `rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id`; "" for the root. */
  path: string;
  target: KeyTarget;
}

export interface ScanOptions {
  /** Where the resource lives; a function is called only when a bare key id or alias name is found. */
  place: ResourcePlace | (() => ResourcePlace);
  /**
   * Whether a bare key id or alias name under this name counts as a key.
   * Default: `isKmsAttributeName`, applied to the nearest attribute name.
   */
  namesKey?: (name: string) => boolean;
  /**
   * Whether a name that `namesKey` accepts makes everything below it count
   * too (outputs: "where the output name or path mentions kms/key"), rather
   * than only the value directly under it (resource attributes).
   */
  inherit?: boolean;
  /** Whether the root value itself is in such a context (an output named `kms_key_id`). */
  rootNamesKey?: boolean;
  /**
   * Called when the value nests deeper than MAX_SCAN_DEPTH: a key below would
   * be missed, so the caller stops the run (it knows the file and the path).
   * Without it, the scan throws: nothing deep goes unsearched in silence.
   */
  tooDeep?: (message: string) => void;
}

/** A getter for a place, working it out once and only if asked. */
function placeGetter(place: ResourcePlace | (() => ResourcePlace)): () => ResourcePlace {
  if (typeof place !== "function") return () => place;
  let known: ResourcePlace | null = null;
  return () => {
    known ??= place();
    return known;
  };
}

/** The place nothing is known of. */
export const NOWHERE: ResourcePlace = { partition: null, region: null, account: null };

// Terraform's provider schemas nest blocks a dozen levels at most; a value
// deeper than this is hostile or broken, and a path to it would be unreadable.
export const MAX_SCAN_DEPTH = 512;

/** A string that identifies the key a target names, to drop the same key found twice. */
export function targetIdentity(target: KeyTarget): string {
  switch (target.kind) {
    case "arn":
      return target.arn;
    case "key-id":
      return `key-id:${target.keyId}@${target.region ?? ""}`;
    case "alias":
      return target.arn ?? `alias:${target.name}@${target.region ?? ""}`;
    case "planned":
      return `planned:${target.address}`;
    case "stack-resource":
      return `stack:${target.account ?? ""}/${target.region ?? ""}/${target.stack}/${target.logicalId}`;
  }
}

/**
 * The targets one string names: its embedded ARNs, or itself as a bare id or
 * alias name when `namesKey` says its attribute's name allows that.
 */
function stringTargets(
  text: string,
  namesKey: boolean,
  place: () => ResourcePlace,
  siblings: () => JsonObject | null,
): KeyTarget[] {
  if (text.includes(":kms:")) {
    return findKmsArns(text).map(
      (arn): KeyTarget =>
        arn.resource === "key"
          ? { kind: "arn", arn: arn.raw }
          : { kind: "alias", name: arn.id, arn: arn.raw, region: arn.region },
    );
  }
  if (!namesKey) return [];
  if (isKeyId(text)) return [siblingTarget(text, siblings()) ?? bareKeyTarget(text, place())];
  if (isAliasName(text)) return [siblingTarget(text, siblings()) ?? aliasNameTarget(text, place())];
  return [];
}

/** The whole KMS ARNs among an object's members, by key id (lower-cased) or alias name. */
interface SiblingArns {
  /** The object's own `arn`, when it is a KMS ARN. */
  own: string | null;
  byName: Map<string, Set<string>>;
}

// Per object, built on the first bare id found in it: an object of many bare ids costs one pass.
const siblingCache = new WeakMap<JsonObject, SiblingArns>();

function siblingArns(object: JsonObject): SiblingArns {
  let found = siblingCache.get(object);
  if (found) return found;
  found = { own: null, byName: new Map() };
  for (const key in object) {
    const value = object[key];
    if (typeof value !== "string" || !value.includes(":kms:")) continue;
    const arn = parseKmsArn(value);
    if (arn === null) continue;
    if (key === "arn") found.own = value;
    const name = arn.resource === "key" ? arn.id.toLowerCase() : arn.id;
    const set = found.byName.get(name) ?? new Set();
    set.add(value);
    found.byName.set(name, set);
  }
  siblingCache.set(object, found);
  return found;
}

/**
 * The ARN a bare key id or alias name stands beside in one object, as the same key:
 * an `aws_kms_key` held whole in an output or a remote state (`{arn, id, key_id, …}`)
 * is one reference, its ARN, not the ARN and a bare id that may resolve elsewhere.
 * The object's own `arn` first (a replica's `primary_key_arn` shares its `mrk-` id);
 * else the one sibling ARN with that id or name; else none.
 */
function siblingTarget(text: string, siblings: JsonObject | null): KeyTarget | null {
  if (siblings === null) return null;
  const { own, byName } = siblingArns(siblings);
  const name = isKeyId(text) ? text.toLowerCase() : text;
  const named = byName.get(name);
  if (named === undefined) return null;
  const [only] = named;
  const sibling = own !== null && named.has(own) ? own : named.size === 1 ? only : undefined;
  const arn = sibling === undefined ? null : parseKmsArn(sibling);
  if (sibling === undefined || arn === null) return null;
  return arn.resource === "key"
    ? { kind: "arn", arn: sibling }
    : { kind: "alias", name: arn.id, arn: sibling, region: arn.region };
}

/** A bare key id in a resource's attributes: its ARN when the resource's region and account are known. */
export function bareKeyTarget(keyId: string, place: ResourcePlace): KeyTarget {
  const { partition, region, account } = place;
  if (partition !== null && region !== null && account !== null) {
    return { kind: "arn", arn: keyArn(partition, region, account, keyId) };
  }
  return { kind: "key-id", keyId, region };
}

/** An alias name in a resource's attributes or a template: with its ARN when the region and account are known. */
export function aliasNameTarget(name: string, place: ResourcePlace): KeyTarget {
  const { partition, region, account } = place;
  const arn =
    partition !== null && region !== null && account !== null
      ? `arn:${partition}:kms:${region}:${account}:${name}`
      : null;
  return { kind: "alias", name, arn, region };
}

// The shortest key text is an alias name, `alias/` and one character: most strings stop at this test.
const MIN_KEY_TEXT = 7;

// Quick shape test before the name test and the regexes: a key id is 36
// characters, an alias name starts with `alias/`.
function mayBeBareKey(text: string): boolean {
  return text.length === 36 || text.startsWith("alias/");
}

/**
 * Every key named in `root`, a JSON value (a resource's `values`, a change's
 * `after`, an output's `value`), each key once with the first path it was found at.
 */
export function scanValue(root: unknown, options: ScanOptions): Hit[] {
  const walk = new Walk(options);
  if (typeof root === "string") {
    walk.string(root, null, "", walk.rootContext, null);
  } else if (typeof root === "object" && root !== null) {
    walk.container(root as JsonObject | unknown[], "", walk.rootContext, 0);
  }
  if (walk.tooDeep) {
    (options.tooDeep ?? throwTooDeep)(
      `values nested deeper than ${MAX_SCAN_DEPTH} levels, too deep to search for keys (Terraform's own nest a dozen)`,
    );
  }
  return walk.hits.list;
}

/**
 * One walk over a value tree. Recursive, with the depth bounded by
 * MAX_SCAN_DEPTH, and keeping the path as a stack of steps: no allocation per
 * node, which is what keeps a 100 MB plan's walk well under its JSON.parse.
 */
class Walk {
  readonly hits = new HitList();
  readonly rootContext: boolean;
  tooDeep = false;
  private readonly steps: (string | number)[] = [];
  private readonly namesKey: (name: string) => boolean;
  private readonly inherit: boolean;
  private readonly place: () => ResourcePlace;

  constructor(options: ScanOptions) {
    this.namesKey = options.namesKey ?? isKmsAttributeName;
    this.inherit = options.inherit ?? false;
    this.rootContext = options.rootNamesKey ?? false;
    this.place = placeGetter(options.place);
  }

  /**
   * @param name the nearest attribute name above (an array's elements share their attribute's name).
   * @param context with `inherit`: this value is under a name that counts.
   */
  container(value: JsonObject | unknown[], name: string, context: boolean, depth: number): void {
    if (depth >= MAX_SCAN_DEPTH) {
      this.tooDeep = true;
      return;
    }
    const steps = this.steps;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child = value[i];
        if (typeof child === "string") {
          this.string(child, i, name, context, null);
        } else if (typeof child === "object" && child !== null) {
          steps.push(i);
          this.container(child as JsonObject, name, context, depth + 1);
          steps.pop();
        }
      }
      return;
    }
    // for…in over JSON.parse's plain objects walks own keys without allocating a key array.
    for (const key in value) {
      const child = value[key];
      if (typeof child === "string") {
        this.string(child, key, key, this.inherit && (context || this.namesKey(key)), value);
      } else if (typeof child === "object" && child !== null) {
        steps.push(key);
        const inner = this.inherit && (context || this.namesKey(key));
        this.container(child as JsonObject, key, inner, depth + 1);
        steps.pop();
      }
    }
  }

  /**
   * A string value, reached from its container by `step` (null for the root);
   * `parent` is that container when it is an object (its other members are siblings).
   */
  string(
    text: string,
    step: string | number | null,
    name: string,
    context: boolean,
    parent: JsonObject | null,
  ): void {
    if (text.length < MIN_KEY_TEXT) return;
    // With `inherit`, the context already holds the name's verdict.
    const counts = this.inherit ? context : mayBeBareKey(text) && this.namesKey(name);
    if (!counts && !text.includes(":kms:")) return;
    const targets = stringTargets(text, counts, this.place, () => parent);
    if (targets.length === 0) return;
    if (step !== null) this.steps.push(step);
    for (const target of targets) this.hits.add(() => pathText(this.steps), target);
    if (step !== null) this.steps.pop();
  }
}

function throwTooDeep(message: string): never {
  throw new Error(message);
}

/**
 * Every key named in a flat attribute map (state version 3 and v4
 * `attributes_flat`: `"rule.0.kms_master_key_id": "arn:…"`).
 */
export function scanFlatAttributes(attributes: JsonObject, options: ScanOptions): Hit[] {
  const namesKey = options.namesKey ?? isKmsAttributeName;
  const place = placeGetter(options.place);
  const hits = new HitList();
  let groups: Map<string, JsonObject> | null = null;
  for (const flatKey of Object.keys(attributes)) {
    const value = attributes[flatKey];
    if (typeof value !== "string" || value.length < MIN_KEY_TEXT) continue;
    const segments = flatKey.split(".");
    const names = segments.filter((s) => !/^(?:\d+|%|#)$/.test(s));
    const name = names[names.length - 1] ?? "";
    const counts = options.inherit ? names.some(namesKey) : mayBeBareKey(value) && namesKey(name);
    const siblings = () => {
      groups ??= flatGroups(attributes);
      return groups.get(segments.slice(0, -1).join(".")) ?? null;
    };
    for (const target of stringTargets(value, counts, place, siblings)) {
      hits.add(() => flatPath(segments), target);
    }
  }
  return hits.list;
}

/**
 * Flat attributes grouped by their parent (`outputs.key` for `outputs.key.arn` and
 * `outputs.key.key_id`), each group by last segment: the objects a nested state would
 * hold, for `siblingTarget`. Built once per resource, on its first bare id.
 */
function flatGroups(attributes: JsonObject): Map<string, JsonObject> {
  const groups = new Map<string, JsonObject>();
  for (const key of Object.keys(attributes)) {
    const dot = key.lastIndexOf(".");
    const parent = dot < 0 ? "" : key.slice(0, dot);
    let group = groups.get(parent);
    if (!group) {
      // No prototype: a `__proto__` segment is a name like any other here.
      group = Object.create(null) as JsonObject;
      groups.set(parent, group);
    }
    group[key.slice(dot + 1)] = attributes[key];
  }
  return groups;
}

/** Hits, each key once, keeping the first path; paths are built only for keys kept. */
class HitList {
  readonly list: Hit[] = [];
  private readonly seen = new Set<string>();

  add(path: string | (() => string), target: KeyTarget): void {
    const identity = targetIdentity(target);
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    this.list.push({ path: typeof path === "string" ? path : path(), target });
  }
}

const IDENTIFIER_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `a.b[0].c`, with map keys that are not identifiers quoted: `tags["team.name"]`. */
function pathText(steps: readonly (string | number)[]): string {
  let path = "";
  for (const step of steps) path += stepText(step, path);
  return path;
}

function stepText(step: string | number, before: string): string {
  if (typeof step === "number") return `[${step}]`;
  if (!IDENTIFIER_RE.test(step)) return `[${JSON.stringify(step)}]`;
  return before === "" ? step : `.${step}`;
}

/** `rule.0.kms_master_key_id` → `rule[0].kms_master_key_id`. */
function flatPath(segments: string[]): string {
  let path = "";
  for (const segment of segments) {
    path += /^\d+$/.test(segment) ? `[${segment}]` : stepText(segment, path);
  }
  return path;
}
