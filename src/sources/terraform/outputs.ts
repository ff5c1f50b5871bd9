/**
 * Key references from Terraform outputs: `terraform output -json` (SPEC §2,
 * "Terraform outputs"), and the outputs inside plans and state.
 */
import type { KeyReference } from "../../model.js";
import { InputError } from "../../model.js";
import { isJsonObject } from "../json.js";
import { outputReferences } from "../outputs.js";
import { own, pathTo, Shape } from "../shape.js";
import { describeDocument } from "./documents.js";

/** What one outputs file says. */
export interface TerraformOutputsResult {
  references: KeyReference[];
  warnings: string[];
}

const EXPECTED = "expected the output of `terraform output -json`";

const HINT = "this is not what `terraform output -json` writes: write the file again with it";

/**
 * Reads `terraform output -json`: `{NAME: {value, type, sensitive}}`.
 * Sensitive outputs are printed in full by `-json` and read alike: a key ARN
 * is not a secret.
 *
 * @throws InputError when `doc` is not an object of outputs, or one of
 *   them is not `{value, …}`: an output that cannot be read may hold a key.
 */
export function readTerraformOutputs(doc: unknown, file: string): TerraformOutputsResult {
  if (!isJsonObject(doc)) {
    throw new InputError(`${describeDocument(doc)}; ${EXPECTED}`, file);
  }
  const names = Object.keys(doc);
  // An object in which nothing has a value is some other document. (Detection
  // is stricter, with isOutputEntry; here a future field is no reason to refuse.)
  if (names.length > 0 && !names.some((name) => hasValue(doc[name]))) {
    throw new InputError(
      `${describeDocument(doc, "this JSON object's members are not outputs ({value, type, sensitive})")}; ${EXPECTED}`,
      file,
    );
  }
  const shape = new Shape(file, HINT);
  const references: KeyReference[] = [];
  for (const name of names) {
    const path = pathTo("", name);
    const entry = shape.object(doc[name], path, "an output ({value, type, sensitive})");
    if (!Object.hasOwn(entry, "value"))
      shape.fail(pathTo(path, "value"), "the output's value", undefined);
    const value = own(entry, "value");
    references.push(
      ...outputReferences(name, value, "terraform-outputs", null, shape, pathTo(path, "value")),
    );
  }
  return { references, warnings: [] };
}

function hasValue(entry: unknown): entry is { value: unknown } {
  return isJsonObject(entry) && Object.hasOwn(entry, "value");
}
