/**
 * Which KMS key a value that is unknown at plan time will hold, read from the
 * plan's `configuration`: the expression's `references` (`aws_kms_key.x.arn`),
 * followed through module input variables and module outputs.
 *
 * Best effort, and never a guess: an expression that could name more than one
 * key (a conditional between two keys, `aws_kms_key.x[each.key]` over several
 * instances) names none.
 */
import type { KeyTarget } from "../../model.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { targetIdentity } from "../scan.js";
import { holdsTrue } from "./values.js";

/**
 * A module instance: the address steps that lead to it (`module.a["x"]`, or
 * `module.a[*]` when a reference does not say which instance) and the module
 * names that lead to its configuration.
 */
export interface ModuleScope {
  steps: string[];
  names: string[];
}

/** An attribute expression whose references may lead to a key, and where it sits. */
export interface KeyExpression {
  /** Attribute path, as `scanValue` writes it: `rule[0].kms_master_key_id`. */
  path: string;
  /** The same path as steps, to find the attribute in `after_unknown`. */
  steps: (string | number)[];
  references: unknown[];
}

const NAME = "[A-Za-z_][A-Za-z0-9_-]*";
const INDEX = '\\[(?:"(?:[^"\\\\]|\\\\.)*"|\\d+)\\]';
const MODULE_STEP_RE = new RegExp(`^module\\.(${NAME})(${INDEX})?\\.`);
const VAR_REF_RE = new RegExp(`^var\\.(${NAME})`);
const MODULE_REF_RE = new RegExp(`^module\\.(${NAME})(${INDEX})?(?:\\.(${NAME}))?`);
const RESOURCE_REF_RE = new RegExp(`^(${NAME})\\.(${NAME})(${INDEX})?(?:\\.(${NAME}))?`);

// Reference roots that are not resources.
const NOT_RESOURCES: ReadonlySet<string> = new Set([
  "data",
  "local",
  "each",
  "count",
  "path",
  "self",
  "terraform",
  "module",
  "var",
]);

// Attributes that carry a key's identity; a reference to `aws_kms_key.x.description` names no key.
const KEY_IDENTITY_ATTRIBUTES: ReadonlySet<string> = new Set([
  "arn",
  "id",
  "key_id",
  "name",
  "target_key_arn",
  "target_key_id",
]);

// Stands for any instance key, or none, where a reference does not say which.
const ANY = "[*]";
const ANY_INDEX = `(?:${INDEX})?`;
const INDEX_RE = new RegExp(`${INDEX}|\\[\\*\\]`, "g");

/** An address with every instance key removed: the resource it is an instance of. */
function withoutIndexes(address: string): string {
  return address.replace(INDEX_RE, "");
}

// Module nesting and variable hand-offs seldom go past a handful; the bound stops cycles and hostile input.
const MAX_HOPS = 16;
// Blocks nest a dozen levels at most in provider schemas.
const MAX_EXPRESSION_DEPTH = 64;

/**
 * What a reference can resolve to: the key (or alias's key) each KMS
 * resource address of the plan stands for, indexed so that a reference
 * without instance keys (`module.a[*].aws_kms_key.k[*]`) looks at the
 * instances of that one resource only.
 */
export class KnownKeys {
  private readonly byAddress = new Map<string, KeyTarget>();
  private readonly byResource = new Map<string, string[]>();
  /** Changes with every `set`, so that answers worked out before are not reused after. */
  version = 0;

  set(address: string, target: KeyTarget): void {
    this.version++;
    if (!this.byAddress.has(address)) {
      const resource = withoutIndexes(address);
      const instances = this.byResource.get(resource) ?? [];
      instances.push(address);
      this.byResource.set(resource, instances);
    }
    this.byAddress.set(address, target);
  }

  get(address: string): KeyTarget | undefined {
    return this.byAddress.get(address);
  }

  /** The targets at the addresses an address with `[*]` (any instance key, or none) stands for. */
  match(address: string): KeyTarget[] {
    if (!address.includes(ANY)) {
      const target = this.byAddress.get(address);
      return target ? [target] : [];
    }
    const instances = this.byResource.get(withoutIndexes(address)) ?? [];
    const pattern = new RegExp(
      `^${address
        .split(ANY)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(ANY_INDEX)}$`,
    );
    const targets: KeyTarget[] = [];
    for (const instance of instances) {
      const target = this.byAddress.get(instance);
      if (target && pattern.test(instance)) targets.push(target);
    }
    return targets;
  }
}

/** The module instance a resource address sits in: `module.a["x"].aws_s3_bucket.b` → steps `module.a["x"]`, names `a`. */
export function scopeOf(address: string): ModuleScope {
  const scope: ModuleScope = { steps: [], names: [] };
  let rest = address;
  for (let m = MODULE_STEP_RE.exec(rest); m; m = MODULE_STEP_RE.exec(rest)) {
    scope.steps.push(m[0].slice(0, -1));
    scope.names.push(m[1] as string);
    rest = rest.slice(m[0].length);
  }
  return scope;
}

/**
 * A plan's `configuration`, indexed on first use: configuration modules by
 * module path, resources by module-relative address.
 */
export class PlanConfiguration {
  private readonly modules = new Map<string, JsonObject | null>();
  private readonly resources = new WeakMap<JsonObject, Map<string, JsonObject>>();
  private readonly keyExpressionLists = new WeakMap<JsonObject, KeyExpression[]>();
  // Every instance of a resource in a module instance shares its expressions'
  // reference lists: each is resolved once per module instance.
  private readonly resolved = new WeakMap<
    unknown[],
    Map<string, { version: number; target: KeyTarget | null }>
  >();

  constructor(private readonly configuration: unknown) {}

  /**
   * The attribute expressions of a resource whose references may lead to a
   * key (a KMS resource, a module variable or a module output), worked out
   * once per configuration resource.
   */
  keyExpressions(names: readonly string[], relativeAddress: string): KeyExpression[] {
    const expressions = this.resourceExpressions(names, relativeAddress);
    if (expressions === null) return [];
    let list = this.keyExpressionLists.get(expressions);
    if (!list) {
      list = findKeyExpressions(expressions);
      this.keyExpressionLists.set(expressions, list);
    }
    return list;
  }

  /** The `expressions` of a resource (`aws_s3_bucket.b`, `data.x.y`) declared in a module. */
  private resourceExpressions(
    names: readonly string[],
    relativeAddress: string,
  ): JsonObject | null {
    const module = this.module(names);
    if (module === null) return null;
    let byAddress = this.resources.get(module);
    if (!byAddress) {
      byAddress = new Map();
      const list = module.resources;
      for (const resource of Array.isArray(list) ? list : []) {
        if (!isJsonObject(resource) || typeof resource.address !== "string") continue;
        if (isJsonObject(resource.expressions)) {
          byAddress.set(resource.address, resource.expressions);
        }
      }
      this.resources.set(module, byAddress);
    }
    return byAddress.get(relativeAddress) ?? null;
  }

  /** The references of a root module output's expression. */
  outputReferences(name: string): unknown[] | null {
    const outputs = this.module([])?.outputs;
    const output = isJsonObject(outputs) && Object.hasOwn(outputs, name) ? outputs[name] : null;
    const expression = isJsonObject(output) ? output.expression : null;
    return isJsonObject(expression) && Array.isArray(expression.references)
      ? expression.references
      : null;
  }

  /**
   * The one key that the references of an expression evaluated in `scope`
   * can stand for, among the `known` KMS resources of the plan; null when
   * none, or more than one.
   */
  resolve(references: unknown[], scope: ModuleScope, known: KnownKeys): KeyTarget | null {
    const scopeKey = scope.steps.join(".");
    let byScope = this.resolved.get(references);
    const cached = byScope?.get(scopeKey);
    if (cached && cached.version === known.version) return cached.target;
    const found = new Map<string, KeyTarget>();
    this.collect(references, scope, known, found, 0);
    const target = found.size === 1 ? (found.values().next().value ?? null) : null;
    if (!byScope) {
      byScope = new Map();
      this.resolved.set(references, byScope);
    }
    byScope.set(scopeKey, { version: known.version, target });
    return target;
  }

  private module(names: readonly string[]): JsonObject | null {
    const cacheKey = names.join("\0");
    const cached = this.modules.get(cacheKey);
    if (cached !== undefined) return cached;
    let module: unknown = isJsonObject(this.configuration) ? this.configuration.root_module : null;
    for (const name of names) {
      const calls = isJsonObject(module) ? module.module_calls : null;
      const call = isJsonObject(calls) && Object.hasOwn(calls, name) ? calls[name] : null;
      module = isJsonObject(call) ? call.module : null;
    }
    const result = isJsonObject(module) ? module : null;
    this.modules.set(cacheKey, result);
    return result;
  }

  private collect(
    references: unknown[],
    scope: ModuleScope,
    known: KnownKeys,
    found: Map<string, KeyTarget>,
    hops: number,
  ): void {
    if (hops > MAX_HOPS) return;
    const resources = new Map<string, { indexes: Set<string>; attributes: Set<string> }>();
    for (const reference of references) {
      if (typeof reference !== "string" || !mayLeadToKey(reference)) continue;
      const variable = VAR_REF_RE.exec(reference);
      if (variable) {
        this.followVariable(variable[1] as string, scope, known, found, hops);
        continue;
      }
      const module = MODULE_REF_RE.exec(reference);
      if (module) {
        const [, name, index, output] = module;
        if (output !== undefined) {
          this.followOutput(name as string, index, output, scope, known, found, hops);
        }
        continue;
      }
      const resource = RESOURCE_REF_RE.exec(reference);
      if (!resource || NOT_RESOURCES.has(resource[1] as string)) continue;
      const [, type, name, index, attribute] = resource;
      const key = `${type}.${name}`;
      const entry = resources.get(key) ?? { indexes: new Set(), attributes: new Set() };
      if (index !== undefined) entry.indexes.add(index);
      if (attribute !== undefined) entry.attributes.add(attribute);
      resources.set(key, entry);
    }

    for (const [resource, { indexes, attributes }] of resources) {
      // Terraform ≥ 1.0 lists `aws_kms_key.x.arn` and `aws_kms_key.x`; older versions only the latter.
      if (attributes.size > 0 && ![...attributes].some((a) => KEY_IDENTITY_ATTRIBUTES.has(a))) {
        continue;
      }
      // `aws_kms_key.x[0]` is more precise than the `aws_kms_key.x` listed with it.
      const steps = indexes.size > 0 ? [...indexes] : [ANY];
      for (const index of steps) {
        const address = [...scope.steps, `${resource}${index}`].join(".");
        for (const target of known.match(address)) found.set(targetIdentity(target), target);
      }
    }
  }

  /** `var.NAME` in a module: what the calling module passes as NAME. */
  private followVariable(
    name: string,
    scope: ModuleScope,
    known: KnownKeys,
    found: Map<string, KeyTarget>,
    hops: number,
  ): void {
    const callName = scope.names[scope.names.length - 1];
    if (callName === undefined) return; // root variables come from outside the configuration
    const parent: ModuleScope = {
      steps: scope.steps.slice(0, -1),
      names: scope.names.slice(0, -1),
    };
    const calls = this.module(parent.names)?.module_calls;
    const call = isJsonObject(calls) && Object.hasOwn(calls, callName) ? calls[callName] : null;
    const expressions = isJsonObject(call) ? call.expressions : null;
    const expression =
      isJsonObject(expressions) && Object.hasOwn(expressions, name) ? expressions[name] : null;
    if (isJsonObject(expression) && Array.isArray(expression.references)) {
      this.collect(expression.references, parent, known, found, hops + 1);
    }
  }

  /** `module.NAME.OUTPUT`: what the child module's output expression references, in the child. */
  private followOutput(
    name: string,
    index: string | undefined,
    output: string,
    scope: ModuleScope,
    known: KnownKeys,
    found: Map<string, KeyTarget>,
    hops: number,
  ): void {
    const child: ModuleScope = {
      steps: [...scope.steps, `module.${name}${index ?? ANY}`],
      names: [...scope.names, name],
    };
    const outputs = this.module(child.names)?.outputs;
    const value = isJsonObject(outputs) && Object.hasOwn(outputs, output) ? outputs[output] : null;
    const expression = isJsonObject(value) ? value.expression : null;
    if (isJsonObject(expression) && Array.isArray(expression.references)) {
      this.collect(expression.references, child, known, found, hops + 1);
    }
  }
}

/** True for a reference that can lead to a key: a KMS resource, a module variable, a module output. */
function mayLeadToKey(reference: string): boolean {
  return (
    reference.startsWith("aws_kms_") ||
    reference.startsWith("var.") ||
    reference.startsWith("module.")
  );
}

/**
 * The attribute expressions of a configuration resource whose references
 * may lead to a key. Nested blocks are lists of objects, as in `after_unknown`.
 */
function findKeyExpressions(expressions: JsonObject): KeyExpression[] {
  const result: KeyExpression[] = [];
  // Breadth-first, in document order, so that results come in a stable order.
  const queue: { expressions: JsonObject; steps: (string | number)[]; path: string }[] = [
    { expressions, steps: [], path: "" },
  ];
  for (let i = 0; i < queue.length; i++) {
    const frame = queue[i] as (typeof queue)[number];
    if (frame.steps.length > MAX_EXPRESSION_DEPTH) continue;
    for (const name of Object.keys(frame.expressions)) {
      const expression = frame.expressions[name];
      const steps = [...frame.steps, name];
      const path = frame.path === "" ? name : `${frame.path}.${name}`;
      if (isLeafExpression(expression)) {
        const references = expression.references;
        if (
          Array.isArray(references) &&
          references.some((r) => typeof r === "string" && mayLeadToKey(r))
        ) {
          result.push({ path, steps, references });
        }
      } else if (Array.isArray(expression)) {
        expression.forEach((block, index) => {
          if (!isJsonObject(block)) return;
          queue.push({ expressions: block, steps: [...steps, index], path: `${path}[${index}]` });
        });
      } else if (isJsonObject(expression)) {
        queue.push({ expressions: expression, steps, path });
      }
    }
  }
  return result;
}

/**
 * True when `after_unknown` says the value at `steps` is unknown: `true`
 * there or above, or (a list or map attribute) somewhere inside.
 */
export function isUnknownAt(afterUnknown: unknown, steps: readonly (string | number)[]): boolean {
  let unknown = afterUnknown;
  for (const step of steps) {
    if (unknown === true) return true;
    if (typeof unknown !== "object" || unknown === null) return false;
    // Inherited properties (`constructor`) are never `true`, nor objects from JSON: no own-property check needed.
    unknown = (unknown as Record<string | number, unknown>)[step];
  }
  return holdsTrue(unknown);
}

/** `{references: […]}` or `{constant_value: …}`: an attribute's expression, not a nested block. */
function isLeafExpression(
  value: unknown,
): value is { references?: unknown; constant_value?: unknown } {
  if (!isJsonObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key === "references" || key === "constant_value");
}
