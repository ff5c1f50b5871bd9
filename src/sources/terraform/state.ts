/**
 * Key references from Terraform state (SPEC §2, "Terraform state"): what
 * `terraform show -json` prints without a plan file, and raw `.tfstate` files
 * of version 4 (Terraform 0.12+) and version 3 (Terraform 0.7–0.11).
 *
 * State says what exists, not what changes: every reference has a null action.
 */
import type { KeyReference } from "../../model.js";
import { InputError } from "../../model.js";
import { isJsonObject, type JsonObject } from "../json.js";
import {
  arrayAt,
  checkFormatVersion,
  describeDocument,
  isRawTerraformState,
  isTerraformShowState,
  jsonKind,
  stringAt,
} from "./documents.js";
import { outputReferences } from "./outputs.js";
import { stateInstanceReferences } from "./resources.js";

/** What one state file says. */
export interface TerraformStateResult {
  references: KeyReference[];
  warnings: string[];
}

const EXPECTED =
  "expected Terraform state: `terraform show -json` without a plan file, or a terraform.tfstate file";

// The raw state format this tool reads, and the legacy one it can still read.
const RAW_STATE_VERSION = 4;
const LEGACY_STATE_VERSION = 3;

// Real configurations nest modules a handful of levels; the bound only stops hostile input.
const MAX_MODULE_DEPTH = 64;

interface Reader {
  file: string;
  references: KeyReference[];
  warn(message: string): void;
}

/**
 * Reads the KMS keys, aliases, consumers and lookups in a state document, and
 * the keys in its outputs.
 *
 * @throws InputError when `doc` is not state or is of a version this tool
 *   does not read; a malformed single resource is skipped with a warning.
 */
export function readTerraformState(doc: unknown, file: string): TerraformStateResult {
  const warnings: string[] = [];
  const reader: Reader = { file, references: [], warn: (message) => warnings.push(message) };
  if (isTerraformShowState(doc)) {
    checkFormatVersion(doc.format_version, file, "state");
    readShowState(doc, reader);
  } else if (isRawTerraformState(doc)) {
    readRawState(doc, reader);
  } else {
    throw new InputError(
      `${describeDocument(doc, "this JSON object has none of the fields of Terraform state (format_version and values, or version and resources)")}; ${EXPECTED}`,
      file,
    );
  }
  return { references: reader.references, warnings };
}

/** `terraform show -json`: `values.root_module` with `resources` and nested `child_modules`. */
function readShowState(doc: JsonObject, reader: Reader): void {
  const values = doc.values ?? null;
  if (values === null) return; // an empty state
  if (!isJsonObject(values)) {
    throw new InputError(`values is ${jsonKind(values)}; expected an object`, reader.file);
  }
  // Breadth-first and iterative, so that a deeply nested hostile document cannot overflow the stack.
  const modules: { module: unknown; depth: number }[] = [{ module: values.root_module, depth: 0 }];
  for (let i = 0; i < modules.length; i++) {
    const { module, depth } = modules[i] as (typeof modules)[number];
    if (!isJsonObject(module)) continue;
    if (depth > MAX_MODULE_DEPTH) {
      reader.warn(`modules nested deeper than ${MAX_MODULE_DEPTH} levels were not read`);
      break;
    }
    arrayAt(module, "resources").forEach((resource, index) => {
      readShowStateResource(resource, `${moduleName(module)}resources[${index}]`, reader);
    });
    for (const child of arrayAt(module, "child_modules"))
      modules.push({ module: child, depth: depth + 1 });
  }
  readOutputs(values.outputs, reader);
}

function moduleName(module: JsonObject): string {
  const address = stringAt(module, "address");
  return address === null ? "" : `${address}: `;
}

function readShowStateResource(resource: unknown, at: string, reader: Reader): void {
  if (!isJsonObject(resource)) {
    reader.warn(`${at} is ${jsonKind(resource)}, not a resource; skipped`);
    return;
  }
  const address = stringAt(resource, "address");
  const type = stringAt(resource, "type");
  if (address === null || type === null) {
    reader.warn(`${at} has no address or type; skipped`);
    return;
  }
  const values = resource.values ?? null;
  if (values !== null && !isJsonObject(values)) {
    reader.warn(`${address}: values is ${jsonKind(values)}, not an object; skipped`);
    return;
  }
  const instance = { address, type, mode: resource.mode, values, flat: false };
  reader.references.push(
    ...stateInstanceReferences(instance, "terraform-state", reader.file, reader.warn),
  );
}

/** A raw state file: version 4, or version 3 read through its flat attribute maps. */
function readRawState(doc: JsonObject, reader: Reader): void {
  const version = doc.version as number;
  if (version === LEGACY_STATE_VERSION) {
    readLegacyState(doc, reader);
    return;
  }
  if (version < LEGACY_STATE_VERSION) {
    throw new InputError(
      `state version ${version} (Terraform < 0.7) is not supported; run Terraform 0.12 or later once to upgrade the state to version 4`,
      reader.file,
    );
  }
  if (version !== RAW_STATE_VERSION) {
    throw new InputError(
      `state version ${version} is not supported; this version of kms-usage-lint reads state versions 3 and 4 (use \`terraform show -json\` to print any state in a stable format)`,
      reader.file,
    );
  }
  arrayAt(doc, "resources").forEach((resource, index) => {
    readRawResource(resource, index, reader);
  });
  readOutputs(doc.outputs, reader);
}

/** A v4 resource: `module`, `mode`, `type`, `name` and its `instances`, keyed by `index_key`. */
function readRawResource(resource: unknown, index: number, reader: Reader): void {
  const at = `resources[${index}]`;
  if (!isJsonObject(resource)) {
    reader.warn(`${at} is ${jsonKind(resource)}, not a resource; skipped`);
    return;
  }
  const type = stringAt(resource, "type");
  const name = stringAt(resource, "name");
  if (type === null || name === null) {
    reader.warn(`${at} has no type or name; skipped`);
    return;
  }
  const module = stringAt(resource, "module");
  const mode = resource.mode;
  const base = `${module === null ? "" : `${module}.`}${mode === "data" ? "data." : ""}${type}.${name}`;
  for (const instance of arrayAt(resource, "instances")) {
    if (!isJsonObject(instance)) {
      reader.warn(`${base}: an instance is ${jsonKind(instance)}, not an object; skipped`);
      continue;
    }
    const address = `${base}${instanceKey(instance.index_key)}`;
    const nested = instance.attributes;
    const flat = instance.attributes_flat;
    const values = isJsonObject(nested) ? nested : isJsonObject(flat) ? flat : null;
    const state = { address, type, mode, values, flat: !isJsonObject(nested) && values !== null };
    reader.references.push(
      ...stateInstanceReferences(state, "terraform-state", reader.file, reader.warn),
    );
  }
}

/** `[0]` for a count index, `["x"]` for a for_each key, nothing for a single instance. */
function instanceKey(key: unknown): string {
  if (typeof key === "number") return `[${key}]`;
  if (typeof key === "string") return `[${JSON.stringify(key)}]`;
  return "";
}

/**
 * A version 3 state: `modules[]` with a `path` (`["root", "a"]`) and
 * `resources` keyed `TYPE.NAME[.N]` (`data.` first for data sources), each
 * with a flat `primary.attributes` map and `deposed` objects.
 */
function readLegacyState(doc: JsonObject, reader: Reader): void {
  for (const module of arrayAt(doc, "modules")) {
    if (!isJsonObject(module)) continue;
    const path = arrayAt(module, "path").filter((step): step is string => typeof step === "string");
    const prefix = path
      .slice(1)
      .map((name) => `module.${name}.`)
      .join("");
    const resources = isJsonObject(module.resources) ? module.resources : {};
    for (const key of Object.keys(resources)) {
      const resource = resources[key];
      const parsed = /^(data\.)?([^.]+)\.([^.]+)(?:\.(\d+))?$/.exec(key);
      if (!isJsonObject(resource) || parsed === null) {
        reader.warn(`${prefix}${key}: not a resource this tool can read; skipped`);
        continue;
      }
      const [, data, type, name, count] = parsed as unknown as [
        string,
        string | undefined,
        string,
        string,
        string | undefined,
      ];
      const address = `${prefix}${data ?? ""}${type}.${name}${count === undefined ? "" : `[${count}]`}`;
      const objects = [resource.primary, ...arrayAt(resource, "deposed")];
      for (const object of objects) {
        const attributes =
          isJsonObject(object) && isJsonObject(object.attributes) ? object.attributes : null;
        if (attributes === null) continue;
        const state = {
          address,
          type,
          mode: data ? "data" : "managed",
          values: attributes,
          flat: true,
        };
        reader.references.push(
          ...stateInstanceReferences(state, "terraform-state", reader.file, reader.warn),
        );
      }
    }
    readOutputs(module.outputs, reader, prefix);
  }
}

/** Outputs kept in state: `{NAME: {value, …}}`. Only the root module's are outputs a user sees. */
function readOutputs(outputs: unknown, reader: Reader, modulePrefix = ""): void {
  if (!isJsonObject(outputs) || modulePrefix !== "") return;
  for (const name of Object.keys(outputs)) {
    const entry = outputs[name];
    if (!isJsonObject(entry) || !Object.hasOwn(entry, "value")) continue;
    reader.references.push(
      ...outputReferences(name, entry.value, "terraform-state", reader.file, null, reader.warn),
    );
  }
}
