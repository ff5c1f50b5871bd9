/**
 * The module tree a plan's `configuration` declares, so that a resource address
 * like `module.a["x"].module.b[0].aws_kms_key.this` can be mapped to the
 * directory whose `.tf` files declare it.
 */
import { isJsonObject } from "../json.js";

/** One `module "NAME" { source = … }` call and the calls inside that module. */
export interface ModuleCall {
  source: string;
  calls: ModuleCalls;
}

export type ModuleCalls = Record<string, ModuleCall>;

// Real configurations nest a handful of levels; the bound only stops hostile input.
const MAX_MODULE_DEPTH = 64;

/** Reads `configuration.root_module.module_calls` recursively; an absent or odd configuration gives `{}`. */
export function readModuleCalls(configuration: unknown): ModuleCalls {
  if (!isJsonObject(configuration)) return {};
  return readCalls(configuration.root_module, 0);
}

function readCalls(module: unknown, depth: number): ModuleCalls {
  const calls: ModuleCalls = Object.create(null);
  if (depth > MAX_MODULE_DEPTH || !isJsonObject(module) || !isJsonObject(module.module_calls)) {
    return calls;
  }
  for (const [name, call] of Object.entries(module.module_calls)) {
    if (!isJsonObject(call) || typeof call.source !== "string") continue;
    calls[name] = { source: call.source, calls: readCalls(call.module, depth + 1) };
  }
  return calls;
}

/**
 * The module names along an address, without instance keys:
 * `module.a["x"].module.b[0].aws_kms_key.this[0]` → `["a", "b"]`.
 */
export function modulePath(address: string): string[] {
  const names: string[] = [];
  // Instance keys are quoted strings (which may hold dots and brackets) or numbers.
  const step = /^module\.([A-Za-z0-9_-]+)(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\./;
  let rest = address;
  for (let m = step.exec(rest); m; m = step.exec(rest)) {
    names.push(m[1] as string);
    rest = rest.slice(m[0].length);
  }
  return names;
}
