/**
 * Key references from Terraform state (SPEC §2, "Terraform state"): what
 * `terraform show -json` prints without a plan file, and raw `.tfstate` files
 * of version 4 (Terraform 0.12+) and version 3 (Terraform 0.7–0.11).
 *
 * State says what exists, not what changes: every reference has a null action.
 * Every resource, instance and output is checked: one that cannot be read
 * stops the run (exit 2) with its JSON path, since it may be a key, an alias
 * or a consumer.
 */
import type { KeyReference } from "../../model.js";
import { InputError } from "../../model.js";
import type { JsonObject } from "../json.js";
import { outputReferences } from "../outputs.js";
import { own, pathTo, Shape } from "../shape.js";
import {
  checkFormatVersion,
  describeDocument,
  isRawTerraformState,
  isTerraformShowState,
} from "./documents.js";
import { stateInstanceReferences } from "./resources.js";
import { resourceMode, showStateOutputs, showStateResources } from "./show-state.js";

/** What one state file says. */
export interface TerraformStateResult {
  references: KeyReference[];
  warnings: string[];
}

const EXPECTED =
  "expected Terraform state: `terraform show -json` without a plan file, or a terraform.tfstate file";

const SHOW_HINT =
  "this is not state as `terraform show -json` prints it: print it again with `terraform show -json`";
const RAW_HINT =
  "this is not a state file as Terraform writes it: use the file Terraform wrote, or `terraform show -json`";

// The raw state format this tool reads, and the legacy one it can still read.
const RAW_STATE_VERSION = 4;
const LEGACY_STATE_VERSION = 3;

// Names in a v3 resource key: `TYPE.NAME`, `TYPE.NAME.N`, `data.TYPE.NAME`.
const LEGACY_KEY_RE = /^(data\.)?([^.]+)\.([^.]+)(?:\.(\d+))?$/;

/**
 * Reads the KMS keys, aliases, consumers and lookups in a state document, and
 * the keys in its outputs.
 *
 * `terraform show -json` of an empty state prints no `values` at all (only
 * the versions), and is read as holding nothing; a document with `values`
 * must have its `root_module`, which Terraform always writes.
 *
 * @throws InputError when `doc` is not state, is of a version this tool
 *   does not read, or has a resource, instance or output it cannot read.
 */
export function readTerraformState(doc: unknown, file: string): TerraformStateResult {
  const references: KeyReference[] = [];
  if (isTerraformShowState(doc)) {
    checkFormatVersion(doc.format_version, file, "state");
    readShowState(doc, new Shape(file, SHOW_HINT), references);
  } else if (isRawTerraformState(doc)) {
    readRawState(doc, new Shape(file, RAW_HINT), references);
  } else {
    throw new InputError(
      `${describeDocument(doc, "this JSON object has none of the fields of Terraform state (format_version and values, or version and resources)")}; ${EXPECTED}`,
      file,
    );
  }
  return { references, warnings: [] };
}

/** `terraform show -json`: `values.root_module` with `resources` and nested `child_modules`. */
function readShowState(doc: JsonObject, shape: Shape, references: KeyReference[]): void {
  const values = shape.sectionObject(doc, "values", "values", "the state's values (an object)");
  if (values === null) return; // an empty state
  for (const resource of showStateResources(values, "values", shape)) {
    const instance = { ...resource, path: pathTo(resource.path, "values"), flat: false };
    references.push(...stateInstanceReferences(instance, "terraform-state", shape));
  }
  for (const output of showStateOutputs(values, "values", shape)) {
    const path = pathTo(output.path, "value");
    references.push(
      ...outputReferences(output.name, output.value, "terraform-state", null, shape, path),
    );
  }
}

/** A raw state file: version 4, or version 3 read through its flat attribute maps. */
function readRawState(doc: JsonObject, shape: Shape, references: KeyReference[]): void {
  const version = doc.version as number;
  if (version === LEGACY_STATE_VERSION) {
    readLegacyState(doc, shape, references);
    return;
  }
  if (version < LEGACY_STATE_VERSION) {
    throw new InputError(
      `state version ${version} (Terraform < 0.7) is not supported; run Terraform 0.12 or later once to upgrade the state to version 4`,
      shape.file,
    );
  }
  if (version !== RAW_STATE_VERSION) {
    throw new InputError(
      `state version ${version} is not supported; this version of kms-usage-lint reads state versions 3 and 4 (use \`terraform show -json\` to print any state in a stable format)`,
      shape.file,
    );
  }
  const resources = shape.list(own(doc, "resources"), "resources", "a list of resources");
  resources.forEach((resource, index) => {
    readRawResource(resource, `resources[${index}]`, shape, references);
  });
  readOutputs(doc, "", shape, references);
}

/** A v4 resource: `module`, `mode`, `type`, `name` and its `instances`, keyed by `index_key`. */
function readRawResource(
  resource: unknown,
  at: string,
  shape: Shape,
  references: KeyReference[],
): void {
  const object = shape.object(resource, at, "a resource (an object)");
  const type = shape.text(own(object, "type"), `${at}.type`, "a resource type (a string)");
  const name = shape.text(own(object, "name"), `${at}.name`, "a resource name (a string)");
  const module = shape.nullableText(own(object, "module"), `${at}.module`, "a module address");
  const mode = resourceMode(own(object, "mode"), `${at}.mode`, shape);
  const base = `${module === null ? "" : `${module}.`}${mode === "data" ? "data." : ""}${type}.${name}`;
  const instances = shape.list(own(object, "instances"), `${at}.instances`, "a list of instances");
  instances.forEach((instance, index) => {
    const path = `${at}.instances[${index}]`;
    const checked = shape.object(instance, path, "an instance (an object)");
    const address = `${base}${instanceKey(own(checked, "index_key"), `${path}.index_key`, shape)}`;
    const nested = shape.nullableObject(own(checked, "attributes"), `${path}.attributes`);
    const flat =
      nested === null
        ? shape.nullableObject(own(checked, "attributes_flat"), `${path}.attributes_flat`)
        : null;
    const state = {
      address,
      type,
      mode,
      values: nested ?? flat,
      path: `${path}.${nested === null && flat !== null ? "attributes_flat" : "attributes"}`,
      flat: flat !== null,
    };
    references.push(...stateInstanceReferences(state, "terraform-state", shape));
  });
}

/** `[0]` for a count index, `["x"]` for a for_each key, nothing for a single instance. */
function instanceKey(key: unknown, path: string, shape: Shape): string {
  if (key === undefined || key === null) return "";
  if (typeof key === "number" && Number.isInteger(key) && key >= 0) return `[${key}]`;
  if (typeof key === "string") return `[${JSON.stringify(key)}]`;
  return shape.fail(path, "a count index (a whole number) or a for_each key (a string)", key);
}

/**
 * A version 3 state: `modules[]` with a `path` (`["root", "a"]`) and
 * `resources` keyed `TYPE.NAME[.N]` (`data.` first for data sources), each
 * with a flat `primary.attributes` map and `deposed` objects.
 */
function readLegacyState(doc: JsonObject, shape: Shape, references: KeyReference[]): void {
  const modules = shape.list(own(doc, "modules"), "modules", "a list of modules");
  modules.forEach((entry, m) => {
    const at = `modules[${m}]`;
    const module = shape.object(entry, at, "a module (an object)");
    const steps = shape.list(own(module, "path"), `${at}.path`, 'a module path (["root", …])');
    const names = steps.map((step, i) => shape.text(step, `${at}.path[${i}]`, "a module name"));
    const prefix = names
      .slice(1)
      .map((name) => `module.${name}.`)
      .join("");
    const resources =
      shape.nullableObject(own(module, "resources"), `${at}.resources`, "an object of resources") ??
      {};
    for (const key of Object.keys(resources)) {
      const path = pathTo(`${at}.resources`, key);
      const parsed = LEGACY_KEY_RE.exec(key);
      if (parsed === null) {
        shape.refuse(path, "expected a resource key TYPE.NAME, TYPE.NAME.N or data.TYPE.NAME");
      }
      const [, data, type, name, count] = parsed as unknown as [
        string,
        string | undefined,
        string,
        string,
        string | undefined,
      ];
      const address = `${prefix}${data ?? ""}${type}.${name}${count === undefined ? "" : `[${count}]`}`;
      const resource = shape.object(resources[key], path, "a resource (an object)");
      const deposed =
        own(resource, "deposed") === undefined || own(resource, "deposed") === null
          ? []
          : shape.list(own(resource, "deposed"), `${path}.deposed`, "a list of deposed objects");
      const objects: [unknown, string][] = [
        [own(resource, "primary"), `${path}.primary`],
        ...deposed.map((object, i): [unknown, string] => [object, `${path}.deposed[${i}]`]),
      ];
      for (const [object, objectPath] of objects) {
        // A resource whose only object is deposed has no primary.
        const checked = shape.nullableObject(object, objectPath, "an instance (an object)");
        if (checked === null) continue;
        const attributesPath = `${objectPath}.attributes`;
        const attributes = shape.nullableObject(own(checked, "attributes"), attributesPath);
        const state = {
          address,
          type,
          mode: data ? "data" : "managed",
          values: attributes,
          path: attributesPath,
          flat: true,
        };
        references.push(...stateInstanceReferences(state, "terraform-state", shape));
      }
    }
    // Only the root module's outputs are outputs a user sees.
    if (prefix === "") readOutputs(module, at, shape, references);
  });
}

/** Outputs kept in raw state: `{NAME: {value, …}}`. */
function readOutputs(
  container: JsonObject,
  at: string,
  shape: Shape,
  references: KeyReference[],
): void {
  const outputsPath = pathTo(at, "outputs");
  const outputs = shape.sectionObject(container, "outputs", outputsPath, "an object of outputs");
  if (outputs === null) return;
  for (const name of Object.keys(outputs)) {
    const path = pathTo(outputsPath, name);
    const entry = shape.object(outputs[name], path, "an output ({value, …})");
    references.push(
      ...outputReferences(
        name,
        own(entry, "value"),
        "terraform-state",
        null,
        shape,
        pathTo(path, "value"),
      ),
    );
  }
}
