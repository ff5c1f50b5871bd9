/**
 * A Terraform plan read from its file's bytes entry by entry (issue 15, SPEC
 * §9: a 100 MB plan in one pass, peak memory under 2.5× the file). The long
 * lists — `resource_changes`, `resource_drift`, the resources of
 * `prior_state` and `planned_values` and their child modules — are never one
 * object tree: each entry is parsed from its own bytes, checked, read and let
 * go. Everything else (format version, configuration, output changes) is
 * small and parsed as usual.
 *
 * What is read is exactly what `readTerraformPlan` reads from the parsed
 * document, by the same functions. A plan this reader is not sure of throws
 * `NotPiecewise` (or the `InputError` of a broken entry), and the caller reads
 * the whole text instead, so that every message stays the one the whole-text
 * reading gives, with its line and column.
 *
 * Every entry is parsed, even one that names no key. An entry whose bytes hold
 * none of `kms`, `key_id`, `key_arn`, `encryption_key` (any case) nor a `\u`
 * escape, and whose `after_unknown` holds no `true`, gives no reference (the
 * argument, and why "no `kms`" alone is not enough, is in
 * test/sources/terraform/no-kms-entries.test.ts). Leaving such an entry
 * unparsed would also leave its syntax and shape unchecked, and a broken entry
 * must stop the run (SPEC §10): that needs a checking scanner first.
 */

import {
  bodyStart,
  type Elements,
  JsonBytes,
  type Member,
  NotPiecewise,
} from "../../json-bytes.js";
import type { JsonObject } from "../json.js";
import { pathTo, type Shape } from "../shape.js";
import { isTerraformPlan } from "./documents.js";
import {
  checkDrift,
  checkResourceChange,
  type PlanLists,
  type PriorResource,
  priorResource,
  type ResourceChange,
  readPlan,
  type TerraformPlanResult,
} from "./plan.js";
import { checkResource, MAX_MODULE_DEPTH } from "./show-state.js";

/** A plan read piecewise: what it says, and the document without its long lists. */
export interface PiecewisePlan {
  result: TerraformPlanResult;
  /** The top-level members, each long list left empty (`[]` or `{}`). */
  doc: JsonObject;
}

// The top-level members read entry by entry, and the opening byte each must have to be.
const LONG_SECTIONS: ReadonlyMap<string, number> = new Map([
  ["resource_changes", 0x5b],
  ["resource_drift", 0x5b],
  ["prior_state", 0x7b],
  ["planned_values", 0x7b],
]);

/**
 * Reads the plan in `bytes` piecewise.
 *
 * @returns null when the bytes hold a JSON object that is no Terraform plan.
 * @throws NotPiecewise when the bytes are not JSON this reader is sure of,
 *   InputError for a plan entry that cannot be read: read the whole text then.
 */
export function readPlanBytes(bytes: Buffer, file: string): PiecewisePlan | null {
  const json = new JsonBytes(bytes);
  const { doc, long } = topLevel(json);
  if (!isTerraformPlan(doc)) return null;
  const result = readPlan(doc, file, (_sections, shape) => {
    const planned = long.get("planned_values");
    // Only its type is read (readTerraformPlan); its syntax is checked, one piece at a time.
    if (planned) json.check(planned.start, planned.end);
    return listsFromBytes(json, long, shape);
  });
  return { result, doc };
}

/**
 * The top-level members of a plan in `bytes` when they are valid JSON and a
 * Terraform plan, checked a piece at a time: what a directory search needs
 * to know a plan, without its object tree. Null for JSON that is no plan.
 *
 * @throws NotPiecewise as `readPlanBytes` does.
 */
export function planTopLevel(bytes: Buffer): JsonObject | null {
  const json = new JsonBytes(bytes);
  const { doc, long } = topLevel(json);
  if (!isTerraformPlan(doc)) return null;
  for (const member of long.values()) json.check(member.start, member.end);
  return doc;
}

/** The document's members, each long list left empty and found in `long`. */
function topLevel(json: JsonBytes): { doc: JsonObject; long: Map<string, Member> } {
  const start = json.skipBlank(bodyStart(json.bytes));
  if (json.at(start) !== 0x7b) throw new NotPiecewise("not a JSON object");
  const { members, end } = json.members(start);
  json.expectEnd(end);
  const doc: JsonObject = {};
  const long = new Map<string, Member>();
  for (const member of members) {
    const opening = LONG_SECTIONS.get(member.key);
    const isLong = opening !== undefined && json.at(member.start) === opening;
    if (isLong) long.set(member.key, member);
    // As JSON.parse sets members: `__proto__` is a member like any other.
    Object.defineProperty(doc, member.key, {
      value: isLong ? (opening === 0x5b ? [] : {}) : json.parse(member.start, member.end),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return { doc, long };
}

function listsFromBytes(json: JsonBytes, long: Map<string, Member>, shape: Shape): PlanLists {
  const prior = long.get("prior_state");
  const drift = long.get("resource_drift");
  const changes = long.get("resource_changes");
  return {
    priorResources: prior ? priorResources(json, prior, shape) : [],
    drift: drift
      ? mapElements(json, json.elements(drift.start).elements, (entry, index) =>
          checkDrift(entry, index, shape),
        )
      : [],
    changes: changes ? resourceChanges(json, json.elements(changes.start).elements, shape) : [],
  };
}

/** Each `resource_changes` entry parsed, checked and handed on in turn; none is kept here. */
function* resourceChanges(
  json: JsonBytes,
  elements: Elements,
  shape: Shape,
): Generator<ResourceChange> {
  const { starts, ends } = elements;
  for (let index = 0; index < starts.length; index++) {
    const entry = json.parse(starts[index] as number, ends[index] as number);
    yield checkResourceChange(entry, index, shape);
  }
}

function mapElements<T>(
  json: JsonBytes,
  { starts, ends }: Elements,
  read: (entry: unknown, index: number) => T,
): T[] {
  const found: T[] = [];
  for (let index = 0; index < starts.length; index++) {
    found.push(read(json.parse(starts[index] as number, ends[index] as number), index));
  }
  return found;
}

/**
 * `prior_state.values`' resources in the order `showStateResources` gives them
 * (root module first, then child modules breadth-first), each checked. Their
 * values are let go: a key's ARN is kept, and the rest is parsed again only
 * for a resource `resource_changes` leaves out.
 */
function priorResources(json: JsonBytes, prior: Member, shape: Shape): PriorResource[] {
  const values = checkedExcept(json, prior, "values");
  if (values === undefined) return [];
  const rootModule = checkedExcept(json, values, "root_module");
  if (rootModule === undefined || json.at(rootModule.start) !== 0x7b) {
    throw new NotPiecewise("prior_state.values has no root module object");
  }
  const found: PriorResource[] = [];
  const rootPath = "prior_state.values.root_module";
  const modules = [{ start: rootModule.start, path: rootPath, depth: 0 }];
  for (let m = 0; m < modules.length; m++) {
    const { start, path, depth } = modules[m] as (typeof modules)[number];
    if (depth > MAX_MODULE_DEPTH) throw new NotPiecewise("modules nested too deep");
    for (const member of json.members(start).members) {
      if (member.key === "resources") {
        const resourcesPath = pathTo(path, "resources");
        forEachElement(json, member, (at, index) => {
          found.push(priorFromBytes(json, at, pathTo(resourcesPath, index), shape));
        });
      } else if (member.key === "child_modules") {
        const childrenPath = pathTo(path, "child_modules");
        forEachElement(json, member, (at, index) => {
          if (json.at(at.start) !== 0x7b) throw new NotPiecewise("a child module is no object");
          modules.push({ start: at.start, path: pathTo(childrenPath, index), depth: depth + 1 });
        });
      } else {
        json.check(member.start, member.end);
      }
    }
  }
  return found;
}

/** One prior-state resource, checked; its values parsed again if it is read as state. */
function priorFromBytes(
  json: JsonBytes,
  at: { start: number; end: number },
  path: string,
  shape: Shape,
): PriorResource {
  const read = () => checkResource(json.parse(at.start, at.end), path, shape);
  return { ...priorResource(read()), values: () => read().values };
}

/** Each element of the list `member` holds (which must be a list). */
function forEachElement(
  json: JsonBytes,
  member: Member,
  visit: (at: { start: number; end: number }, index: number) => void,
): void {
  if (json.at(member.start) !== 0x5b) throw new NotPiecewise("not a list");
  const { starts, ends } = json.elements(member.start).elements;
  for (let index = 0; index < starts.length; index++) {
    visit({ start: starts[index] as number, end: ends[index] as number }, index);
  }
}

/**
 * The member `key` of the object `container` holds, every other member
 * checked; undefined when it has none. The object must be one.
 */
function checkedExcept(json: JsonBytes, container: Member, key: string): Member | undefined {
  if (json.at(container.start) !== 0x7b) throw new NotPiecewise("not an object");
  let found: Member | undefined;
  for (const member of json.members(container.start).members) {
    if (member.key === key) found = member;
    else json.check(member.start, member.end);
  }
  if (found !== undefined && json.at(found.start) !== 0x7b) {
    throw new NotPiecewise(`${key} is no object`);
  }
  return found;
}
