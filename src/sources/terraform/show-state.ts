/**
 * The `values` tree of state as `terraform show -json` prints it — the
 * `values` of a state document and the `prior_state.values` of a plan:
 * `root_module` with `resources` and nested `child_modules`, and `outputs`.
 * Every resource is checked: one that cannot be read stops the run, since it
 * may be a key, an alias or a consumer.
 */
import type { JsonObject } from "../json.js";
import { own, pathTo, type Shape } from "../shape.js";

/** One resource instance of the tree, checked. */
export interface ShowStateResource {
  /** JSON path of the resource object: `values.root_module.resources[3]`. */
  path: string;
  address: string;
  type: string;
  mode: ResourceMode;
  /** Its attribute values; null when it has none. */
  values: JsonObject | null;
  /** A deposed object (create_before_destroy): it shares the current object's address. */
  deposed: boolean;
}

export type ResourceMode = "managed" | "data";

/**
 * Real configurations nest modules a handful of levels; a tree deeper than
 * this is hostile or broken, and is refused rather than read in part.
 */
export const MAX_MODULE_DEPTH = 64;

/**
 * The resources of a `values` object, root module first, then child modules
 * breadth-first (iteratively: a deeply nested hostile tree cannot overflow the stack).
 *
 * @param path the JSON path of `values`, for messages.
 */
export function showStateResources(
  values: JsonObject,
  path: string,
  shape: Shape,
): ShowStateResource[] {
  const rootPath = pathTo(path, "root_module");
  const root = shape.object(own(values, "root_module"), rootPath, "the root module (an object)");
  const found: ShowStateResource[] = [];
  const modules: { module: JsonObject; path: string; depth: number }[] = [
    { module: root, path: rootPath, depth: 0 },
  ];
  for (let m = 0; m < modules.length; m++) {
    const { module, path: modulePath, depth } = modules[m] as (typeof modules)[number];
    if (depth > MAX_MODULE_DEPTH) {
      shape.refuse(modulePath, `modules nested more than ${MAX_MODULE_DEPTH} levels deep`);
    }
    const resourcesPath = pathTo(modulePath, "resources");
    const resources = shape.sectionList(module, "resources", resourcesPath, "a list of resources");
    resources?.forEach((resource, index) => {
      found.push(checkResource(resource, pathTo(resourcesPath, index), shape));
    });
    const childrenPath = pathTo(modulePath, "child_modules");
    const children = shape.sectionList(module, "child_modules", childrenPath, "a list of modules");
    children?.forEach((child, index) => {
      const childPath = pathTo(childrenPath, index);
      modules.push({
        module: shape.object(child, childPath, "a module (an object)"),
        path: childPath,
        depth: depth + 1,
      });
    });
  }
  return found;
}

/** One resource of a module's `resources`, checked. */
export function checkResource(resource: unknown, path: string, shape: Shape): ShowStateResource {
  const object = shape.object(resource, path, "a resource (an object)");
  return {
    path,
    address: shape.text(own(object, "address"), pathTo(path, "address"), "an address (a string)"),
    type: shape.text(own(object, "type"), pathTo(path, "type"), "a resource type (a string)"),
    mode: resourceMode(own(object, "mode"), pathTo(path, "mode"), shape),
    values: shape.nullableObject(own(object, "values"), pathTo(path, "values")),
    deposed: shape.nullableText(own(object, "deposed_key"), pathTo(path, "deposed_key")) !== null,
  };
}

/** `managed` or `data`: the only modes Terraform writes (ephemeral resources are in neither plan nor state). */
export function resourceMode(mode: unknown, path: string, shape: Shape): ResourceMode {
  if (mode === "managed" || mode === "data") return mode;
  return shape.fail(path, '"managed" or "data"', mode);
}

/** The `outputs` of a `values` object: `{NAME: {value, …}}`, each checked; empty when absent. */
export function showStateOutputs(
  values: JsonObject,
  path: string,
  shape: Shape,
): { name: string; path: string; value: unknown }[] {
  const outputsPath = pathTo(path, "outputs");
  const outputs = shape.sectionObject(values, "outputs", outputsPath, "an object of outputs");
  if (outputs === null) return [];
  return Object.keys(outputs).map((name) => {
    const outputPath = pathTo(outputsPath, name);
    const entry = shape.object(outputs[name], outputPath, "an output ({value, type, sensitive})");
    return { name, path: outputPath, value: own(entry, "value") };
  });
}
