/**
 * What Terraform's JSON documents look like: recognising a plan, state
 * (`terraform show -json` or a raw `.tfstate`) and `terraform output -json`,
 * and saying what a file is when it is not the one expected.
 */
import { InputError } from "../../model.js";
import { isTerraformOutputs, jsonKind } from "../documents.js";
import { clip, isJsonObject, type JsonObject } from "../json.js";

// Top-level sections of a plan. State printed by `terraform show -json`
// without a plan file has `values` instead.
const PLAN_SECTIONS = [
  "resource_changes",
  "planned_values",
  "prior_state",
  "configuration",
  "output_changes",
] as const;

// Terraform promises that a minor format version only adds fields; a new major
// version may change meanings, and Terraform's documentation says to reject it.
const SUPPORTED_FORMAT_MAJORS: ReadonlySet<number> = new Set([0, 1]);

/**
 * True for the JSON of a Terraform plan: an object with `format_version` and
 * at least one plan section, and without the `values` root that state has.
 */
export function isTerraformPlan(doc: unknown): doc is JsonObject {
  return (
    isJsonObject(doc) &&
    Object.hasOwn(doc, "format_version") &&
    !Object.hasOwn(doc, "values") &&
    PLAN_SECTIONS.some((section) => Object.hasOwn(doc, section))
  );
}

/**
 * True for state as `terraform show -json` prints it: `format_version` and
 * `values`, or (an empty state) `format_version` with nothing of a plan.
 */
export function isTerraformShowState(doc: unknown): doc is JsonObject {
  if (!isJsonObject(doc) || !Object.hasOwn(doc, "format_version")) return false;
  if (Object.hasOwn(doc, "values")) return true;
  // `terraform show -json` of an empty state prints only the versions.
  return Object.keys(doc).every((key) => key === "format_version" || key === "terraform_version");
}

/**
 * True for a raw state file (`terraform.tfstate`): a numeric `version` and
 * `resources` (v4) or `modules` (v3) — of whatever type: a state file whose
 * resources are not a list is a broken state file, which its reader refuses
 * by name, not some other document.
 */
export function isRawTerraformState(doc: unknown): doc is JsonObject {
  return (
    isJsonObject(doc) &&
    typeof doc.version === "number" &&
    (Object.hasOwn(doc, "resources") || Object.hasOwn(doc, "modules"))
  );
}

/** True for either form of Terraform state. */
export function isTerraformState(doc: unknown): doc is JsonObject {
  return isTerraformShowState(doc) || isRawTerraformState(doc);
}

/**
 * What a document is, to tell the user what they passed instead of what was expected.
 *
 * @param fallback what to say of an object that is nothing this tool knows.
 */
export function describeDocument(
  doc: unknown,
  fallback = "this JSON object has none of the fields of a Terraform plan (format_version, resource_changes, …)",
): string {
  if (!isJsonObject(doc)) return `the file holds ${jsonKind(doc)}`;
  if (Object.keys(doc).length === 0) return "the file holds an empty JSON object";
  const has = (key: string) => Object.hasOwn(doc, key);
  if (isTerraformPlan(doc)) return "this is a Terraform plan (terraform show -json PLANFILE)";
  if (has("format_version") && has("values")) {
    return "this is Terraform state as `terraform show -json` prints it without a plan file (it has `values`, not `resource_changes`)";
  }
  if (has("version") && has("resources") && has("terraform_version")) {
    return "this is a raw Terraform state file (terraform.tfstate)";
  }
  if (has("AWSTemplateFormatVersion") || has("Resources")) {
    return "this is a CloudFormation template";
  }
  if (has("artifacts") && has("version")) return "this is a CDK cloud assembly manifest";
  if (has("format_version")) {
    return `this JSON object has format_version but none of ${PLAN_SECTIONS.join(", ")}`;
  }
  if (isTerraformOutputs(doc)) return "this looks like `terraform output -json`";
  if (looksLikeCdkOutputs(doc)) {
    return "this looks like CDK deploy outputs (cdk deploy --outputs-file)";
  }
  return fallback;
}

/** `{Stack: {OutputKey: "value"}}`: the file `cdk deploy --outputs-file` writes. */
function looksLikeCdkOutputs(doc: JsonObject): boolean {
  const stacks = Object.values(doc);
  return (
    stacks.length > 0 &&
    stacks.every(
      (stack) =>
        isJsonObject(stack) &&
        Object.keys(stack).length > 0 &&
        Object.values(stack).every((value) => typeof value === "string"),
    )
  );
}

/**
 * Checks a plan's or state's `format_version`.
 *
 * @param what "plan" or "state", for the message.
 * @throws InputError for a version that is not `N.M` or has an unsupported major.
 */
export function checkFormatVersion(version: unknown, file: string, what: string): void {
  const match = typeof version === "string" ? /^(\d+)\.\d+$/.exec(version) : null;
  if (!match) {
    throw new InputError(
      `format_version is ${clip(JSON.stringify(version) ?? "missing")}; expected a version like "1.2"`,
      file,
    );
  }
  if (!SUPPORTED_FORMAT_MAJORS.has(Number(match[1]))) {
    throw new InputError(
      `${what} format_version ${version} is not supported; this version of kms-usage-lint reads ${what} formats 0.x and 1.x`,
      file,
    );
  }
}

/** The string at `key`, or null. */
export function stringAt(object: JsonObject | null, key: string): string | null {
  const value = object !== null && Object.hasOwn(object, key) ? object[key] : undefined;
  return typeof value === "string" ? value : null;
}

/** The finite number at `key`, or null. */
export function numberAt(object: JsonObject | null, key: string): number | null {
  const value = object !== null && Object.hasOwn(object, key) ? object[key] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The array at `key`, or an empty one. */
export function arrayAt(object: JsonObject, key: string): unknown[] {
  const value = Object.hasOwn(object, key) ? object[key] : undefined;
  return Array.isArray(value) ? value : [];
}
