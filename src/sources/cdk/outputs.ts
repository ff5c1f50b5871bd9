/**
 * Key references from `cdk deploy --outputs-file` (SPEC §2, "CDK outputs"):
 * `{Stack: {OutputKey: value}}`, scanned like Terraform outputs.
 */
import type { KeyReference } from "../../model.js";
import { InputError } from "../../model.js";
import { isTerraformOutputs, jsonKind } from "../documents.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { outputReferences } from "../outputs.js";
import { pathTo, Shape } from "../shape.js";

export interface CdkOutputsResult {
  references: KeyReference[];
  warnings: string[];
}

const EXPECTED =
  "expected the file `cdk deploy --outputs-file` writes ({Stack: {OutputKey: value}})";

const HINT = "this is not what `cdk deploy --outputs-file` writes: write the file again with it";

/**
 * True for CDK deploy outputs: an object of stacks, each an object of
 * scalar outputs, at least one output in all — and not Terraform's
 * `{name: {value, type, sensitive}}`, whose entries are objects of scalars too.
 */
export function isCdkOutputs(doc: unknown): doc is JsonObject {
  if (!isJsonObject(doc) || isTerraformOutputs(doc)) return false;
  const stacks = Object.values(doc);
  return (
    stacks.length > 0 &&
    stacks.every((stack) => isJsonObject(stack) && Object.values(stack).every(isScalar)) &&
    stacks.some((stack) => isJsonObject(stack) && Object.keys(stack).length > 0)
  );
}

function isScalar(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/**
 * Reads CDK deploy outputs: key and alias ARNs in any value; bare key ids
 * and alias names where the output key mentions kms or key. Each reference's
 * address is `STACK.OutputKey`.
 *
 * @throws InputError when `doc` is not an object of stacks, or a stack's
 *   entry is not an object of outputs: its outputs may hold keys.
 */
export function readCdkOutputs(doc: unknown, file: string): CdkOutputsResult {
  if (!isJsonObject(doc))
    throw new InputError(`the file holds ${jsonKind(doc)}; ${EXPECTED}`, file);
  const shape = new Shape(file, HINT);
  const references: KeyReference[] = [];
  for (const stack of Object.keys(doc)) {
    const stackPath = pathTo("", stack);
    const outputs = shape.object(doc[stack], stackPath, "the stack's outputs (an object)");
    for (const name of Object.keys(outputs)) {
      const address = `${stack}.${name}`;
      const path = pathTo(stackPath, name);
      // Terraform's rules, under CDK's address: the same values mean the same keys.
      for (const reference of outputReferences(
        name,
        outputs[name],
        "cdk-outputs",
        null,
        shape,
        path,
      )) {
        references.push({ ...reference, address });
      }
    }
  }
  return { references, warnings: [] };
}
