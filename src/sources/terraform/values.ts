/**
 * Reading a Terraform resource's values: where the resource lives, and whether
 * a plan's `after_unknown` holds something not known until apply.
 */
import { isJsonObject, type JsonObject } from "../json.js";
import type { ResourcePlace } from "../scan.js";

const GENERIC_ARN_RE = /^arn:([^:]+):[^:]*:([^:]*):([^:]*):/;

/**
 * The partition, region and account of a resource, from its own `arn`
 * (any service) and, failing that, its `region` attribute.
 */
export function resourcePlace(values: JsonObject | null): ResourcePlace {
  const arn = values?.arn;
  const m = typeof arn === "string" ? GENERIC_ARN_RE.exec(arn) : null;
  const region = values?.region;
  return {
    partition: m?.[1] || null,
    region: m?.[2] || (typeof region === "string" && region !== "" ? region : null),
    account: m?.[3] || null,
  };
}

// after_unknown mirrors a resource's shape, a few hundred nodes; this bound only stops hostile input.
const MAX_UNKNOWN_NODES = 100_000;

/** True when a value holds `true` anywhere (an `after_unknown` subtree with something unknown in it). */
export function holdsTrue(value: unknown): boolean {
  const stack: unknown[] = [value];
  let visited = 0;
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    if (v === true) return true;
    if (++visited > MAX_UNKNOWN_NODES) return false;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (isJsonObject(v)) {
      for (const key of Object.keys(v)) stack.push(v[key]);
    }
  }
  return false;
}
