/**
 * Keys in an output's value, as Terraform outputs (`terraform output -json`,
 * a plan's or state's outputs) and CDK outputs (`cdk deploy --outputs-file`)
 * both hold them. Shared by both source readers.
 */
import type { ChangeAction, KeyReference, SourceKind } from "../model.js";
import { makeReference } from "./reference.js";
import { NOWHERE, scanValue } from "./scan.js";
import type { Shape } from "./shape.js";

/**
 * True for an output name or a step of a path inside an output's value that
 * says it holds a key: only there does a bare key id or alias name count
 * (SPEC §2). Any mention will do (`kms`, `key`), as the spec says.
 */
export function mentionsKey(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.includes("kms") || lower.includes("key");
}

/**
 * The references of one output value: key and alias ARNs anywhere in it;
 * bare key ids and alias names where the output's name or the path to them
 * mentions kms or key.
 *
 * @param action what the plan does to the output; null outside plans.
 * @param path the JSON path of the value, for the error when it nests too deep.
 */
export function outputReferences(
  name: string,
  value: unknown,
  source: SourceKind,
  action: ChangeAction | null,
  shape: Shape,
  path: string,
): KeyReference[] {
  const file = shape.file;
  const hits = scanValue(value, {
    place: NOWHERE,
    namesKey: mentionsKey,
    inherit: true,
    rootNamesKey: mentionsKey(name),
    tooDeep: (message) => shape.refuse(path, message),
  });
  const base = { source, file, address: `output.${name}`, resourceType: null, action };
  return hits.map((hit) =>
    makeReference(base, "output", hit.path === "" ? null : hit.path, hit.target),
  );
}
