/**
 * Turns one input file into key references: by the kind the user named
 * (`--terraform-plan F`) or, for a positional path, by its content.
 */
import { InputError, type KeyReference } from "../model.js";
import { parseJson } from "./json.js";
import { isTerraformPlan, readTerraformPlan } from "./terraform/plan.js";

/** The input kinds this version reads; later sources add theirs here. */
export type InputKind = "terraform-plan" | "auto";

export interface InputSpec {
  kind: InputKind;
  path: string;
}

export interface Collected {
  references: KeyReference[];
  warnings: string[];
}

/** Reads the references of one input whose text is `text`. */
export function collectFromText(input: InputSpec, text: string): Collected {
  const doc = parseJson(text, input.path);
  const kind = input.kind === "auto" ? detectKind(doc, input.path) : input.kind;
  switch (kind) {
    case "terraform-plan":
      return readTerraformPlan(doc, input.path);
  }
}

function detectKind(doc: unknown, file: string): Exclude<InputKind, "auto"> {
  if (isTerraformPlan(doc)) return "terraform-plan";
  throw new InputError(
    "not a recognised input: expected Terraform plan JSON (terraform show -json PLANFILE)",
    file,
  );
}
