/**
 * The example plan (examples/plan.json) with its one for_each key, `logs`,
 * renamed: a pull request controls for_each keys, so they are where hostile
 * text enters a plan.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./run-dist.js";

/** The text of examples/plan.json with the for_each key `logs` renamed `key`. */
export function planWithForEachKey(key: string): string {
  const text = readFileSync(join(ROOT, "examples/plan.json"), "utf8");
  // In an address the key is quoted, as Terraform writes it: ["logs"] inside a JSON string.
  const quoted = JSON.stringify(`"${key}"`).slice(1, -1);
  const renamed = text
    .replaceAll('[\\"logs\\"]', `[${quoted}]`)
    .replaceAll('"index": "logs"', `"index": ${JSON.stringify(key)}`);
  if (renamed === text) throw new Error("examples/plan.json has no for_each key `logs` any more");
  return renamed;
}

/** The address the example's for_each key gets in findings. */
export function forEachAddress(key: string): string {
  return `module.storage.aws_kms_key.this["${key}"]`;
}
