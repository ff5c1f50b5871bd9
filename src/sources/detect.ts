/**
 * Turns one input file into key references: by the kind the user named
 * (`--terraform-plan F`) or, for a positional path, by its content.
 */
import { basename } from "node:path";
import { NotPiecewise } from "../json-bytes.js";
import { InputError, type KeyReference } from "../model.js";
import { parseTemplateText } from "./cdk/cfn-yaml.js";
import { isCdkOutputs, readCdkOutputs } from "./cdk/outputs.js";
import { ParameterOverrides } from "./cdk/parameters.js";
import type { StackModel } from "./cdk/stack.js";
import {
  isCloudFormationTemplate,
  readTemplate,
  TEMPLATE_SECTIONS,
  type TemplateStack,
} from "./cdk/template.js";
import { isTerraformOutputs } from "./documents.js";
import { isJsonObject, parseJson } from "./json.js";
import { describeDocument, isTerraformPlan, isTerraformState } from "./terraform/documents.js";
import { type ModuleCalls, readModuleCalls } from "./terraform/modules.js";
import { readTerraformOutputs } from "./terraform/outputs.js";
import { readTerraformPlan } from "./terraform/plan.js";
import { planTopLevel, readPlanBytes } from "./terraform/plan-bytes.js";
import { readTerraformState } from "./terraform/state.js";
import { stripWrapper } from "./terraform/wrapper.js";

/**
 * The kinds of input file this version reads. A CDK cloud assembly is a
 * directory, not a file: `readCloudAssembly` in `cdk/assembly.ts` reads it.
 */
export type InputKind =
  | "terraform-plan"
  | "terraform-state"
  | "terraform-outputs"
  | "cdk-outputs"
  | "cloudformation-template"
  | "auto";

export interface InputSpec {
  kind: InputKind;
  path: string;
  /**
   * For a CloudFormation template: the stack it is deployed as. Default: a
   * stack named after the file (`app.template.yaml` → `app`), in an unknown
   * account and region.
   */
  stack?: TemplateStack;
}

export interface Collected {
  references: KeyReference[];
  warnings: string[];
  /** What was left unresolved on purpose, for `--verbose` (a template's imports from other stacks). */
  notes?: string[];
  /**
   * For Terraform inputs: the module tree the plan's configuration declares
   * (empty for state), so that the locator can find each resource's `.tf` file.
   */
  terraform?: { modules: ModuleCalls; root: "plan" | "state" };
  /** For a CloudFormation template: its stack, for change detection and code location. */
  stacks?: StackModel[];
}

// What each kind of input should hold, for the empty-file and wrong-file messages.
const EXPECTED: Record<InputKind, string> = {
  "terraform-plan": "a Terraform plan (terraform show -json PLANFILE)",
  "terraform-state": "Terraform state (terraform show -json, or terraform.tfstate)",
  "terraform-outputs": "Terraform outputs (terraform output -json)",
  "cdk-outputs": "CDK deploy outputs (cdk deploy --outputs-file)",
  "cloudformation-template": "a CloudFormation template (JSON or YAML)",
  auto: "a Terraform plan, state or outputs as JSON, CDK deploy outputs, or a CloudFormation template",
};

const EXPECTED_ANY =
  "expected a Terraform plan (terraform show -json PLANFILE), Terraform state (terraform show -json, terraform.tfstate), Terraform outputs (terraform output -json), CDK deploy outputs (cdk deploy --outputs-file) or a CloudFormation template (JSON or YAML)";

// YAML templates are told by their name, or by a top-level key only a template has.
const YAML_NAME_RE = /\.ya?ml$/i;
const YAML_TEMPLATE_KEY_RE = /^(?:AWSTemplateFormatVersion|Resources)[ \t]*:/m;

// A saved plan file (`terraform plan -out`) is a zip archive.
const ZIP_MAGIC = "PK\u0003\u0004";

// Git and grep call a file binary when its first 8000 bytes hold a NUL; JSON text never does.
const BINARY_SNIFF_CHARS = 8192;

/** How inputs are read, beyond their own content. */
export interface CollectOptions {
  /** `--parameter` values, looked up by a template's stack name. */
  parameters?: ParameterOverrides;
}

/**
 * Reads the references of one input whose bytes are `bytes`: a Terraform plan
 * entry by entry (`plan-bytes.ts`), anything else — and any plan that reader
 * is not sure of, broken ones included — as its whole text, so that every
 * message is the one `collectFromText` gives.
 */
export function collectFromBytes(
  input: InputSpec,
  bytes: Buffer,
  options: CollectOptions = {},
): Collected {
  return collectPlanBytes(input, bytes) ?? collectFromText(input, bytes.toString("utf8"), options);
}

/** A plan read piecewise; null when the bytes are to be read as text. */
function collectPlanBytes(input: InputSpec, bytes: Buffer): Collected | null {
  if (input.kind !== "auto" && input.kind !== "terraform-plan") return null;
  let plan: ReturnType<typeof readPlanBytes>;
  try {
    plan = readPlanBytes(bytes, input.path);
  } catch (error) {
    // The whole text says what is wrong, with its line; a value nested past the
    // stack's depth is left to it too.
    if (error instanceof NotPiecewise || error instanceof InputError) return null;
    if (error instanceof RangeError) return null;
    throw error;
  }
  if (plan === null) return null;
  // Unnamed, it could be a template too, whose sections are checked for repeated keys.
  if (input.kind === "auto" && TEMPLATE_SECTIONS.some((key) => Object.hasOwn(plan.doc, key))) {
    return null;
  }
  return {
    references: plan.result.references,
    warnings: plan.result.warnings,
    terraform: { modules: readModuleCalls(plan.doc.configuration), root: "plan" },
  };
}

/** Reads the references of one input whose text is `text`. */
export function collectFromText(
  input: InputSpec,
  text: string,
  options: CollectOptions = {},
): Collected {
  checkText(text, input.path);
  checkNotTerraformSource(input, text);
  if (readsAsTemplateText(input, text)) {
    const parsed = parseTemplateText(text, input.path);
    if (input.kind === "auto" && !isCloudFormationTemplate(parsed.doc)) {
      throw new InputError(
        `not a recognised input: this YAML is not a CloudFormation template (it has no Resources); ${EXPECTED_ANY}`,
        input.path,
      );
    }
    return collectTemplate(input, parsed.doc, parsed.warnings, options);
  }
  const warnings: string[] = [];
  // `[command]…` starts like a JSON array; the wrapper is tried for anything but an object.
  const unwrapped = startsWithObject(text) ? null : stripWrapper(text);
  if (unwrapped !== null) warnings.push(unwrapped.warning);
  const doc = parseInput(unwrapped?.json ?? text, input, unwrapped?.linesBefore ?? 0);
  const kind = input.kind === "auto" ? detectKind(doc, input.path) : input.kind;
  switch (kind) {
    case "terraform-plan": {
      const result = readTerraformPlan(doc, input.path);
      const configuration = isJsonObject(doc) ? doc.configuration : undefined;
      return {
        references: result.references,
        warnings: [...warnings, ...result.warnings],
        terraform: { modules: readModuleCalls(configuration), root: "plan" },
      };
    }
    case "terraform-state": {
      const result = readTerraformState(doc, input.path);
      return {
        references: result.references,
        warnings: [...warnings, ...result.warnings],
        terraform: { modules: {}, root: "state" },
      };
    }
    case "terraform-outputs": {
      const result = readTerraformOutputs(doc, input.path);
      return { references: result.references, warnings: [...warnings, ...result.warnings] };
    }
    case "cdk-outputs": {
      const result = readCdkOutputs(doc, input.path);
      return { references: result.references, warnings: [...warnings, ...result.warnings] };
    }
    case "cloudformation-template":
      if (input.kind !== "auto" || !outputsLike(doc)) {
        return collectTemplate(input, doc, warnings, options);
      }
      try {
        return collectTemplate(input, doc, warnings, options);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // Read as a template (Resources is every template's section), it could also be the
        // CDK outputs of a stack named "Resources": say how to have it read as those.
        throw new InputError(
          `${error.message} (if this is \`cdk deploy --outputs-file\` output of a stack named Resources, pass it with --cdk-outputs)`,
          error.file,
          error.line,
          { cause: error },
        );
      }
  }
}

/** A document whose `Resources` holds only scalars, as CDK outputs of a stack of that name would. */
function outputsLike(doc: unknown): boolean {
  if (!isJsonObject(doc) || !isJsonObject(doc.Resources)) return false;
  const values = Object.values(doc.Resources);
  return values.length > 0 && values.every((v) => v === null || typeof v !== "object");
}

/**
 * Whether to read the text as a template, JSON or YAML: when the user named
 * it one, or (auto) when it is not JSON and its name or its top-level keys
 * say YAML template.
 */
function readsAsTemplateText(input: InputSpec, text: string): boolean {
  if (input.kind === "cloudformation-template") return true;
  if (input.kind !== "auto" || startsWithObject(text)) return false;
  return YAML_NAME_RE.test(input.path) || YAML_TEMPLATE_KEY_RE.test(text);
}

function collectTemplate(
  input: InputSpec,
  doc: unknown,
  warnings: string[],
  options: CollectOptions,
): Collected {
  const stack = input.stack ?? defaultStack(input.path);
  const overrides = options.parameters ?? new ParameterOverrides();
  const result = readTemplate(doc, input.path, stack, {
    parameterValues: overrides.forStack(stack.name),
  });
  return {
    references: result.references,
    warnings: [...warnings, ...result.warnings],
    notes: result.notes,
    stacks: [result.stack],
  };
}

/**
 * A plain template's stack, until the user says which it is: named after
 * the file, in an unknown account and region (its keys resolve, if at all,
 * in the configured ones). `--parameter NAME.AWS::Region=…` (and
 * `AWS::AccountId`) under this name gives it its environment.
 */
function defaultStack(path: string): TemplateStack {
  // Stack names hold no dots: `app.template.yaml` is the stack `app`.
  const name = basename(path).split(".")[0] ?? "";
  return { name: name === "" ? basename(path) : name, account: null, region: null };
}

/**
 * The kind of a parsed document given without one.
 *
 * @throws InputError naming the file, what was expected and, where it can be
 *   told, what the file is instead.
 */
export function detectKind(doc: unknown, file: string): Exclude<InputKind, "auto"> {
  if (isTerraformPlan(doc)) return "terraform-plan";
  if (isTerraformState(doc)) return "terraform-state";
  if (isTerraformOutputs(doc)) return "terraform-outputs";
  if (isCloudFormationTemplate(doc)) return "cloudformation-template";
  if (isCdkOutputs(doc)) return "cdk-outputs";
  if (isJsonObject(doc) && Object.keys(doc).length === 0) {
    throw new InputError(
      `the file holds an empty JSON object; ${EXPECTED_ANY} (an empty \`terraform output -json\` can be passed with --terraform-outputs, empty CDK outputs with --cdk-outputs)`,
      file,
    );
  }
  if (isTerraformJsonConfiguration(doc, file)) throw terraformSourceError(file);
  const what = describeDocument(doc, "this JSON object is not a document this tool reads");
  // A manifest is read with the assembly around it, which a single file does not give.
  const manifest = /cloud assembly manifest/.test(what)
    ? ", which is read with its directory: pass the cdk.out directory (--cdk-out DIR)"
    : "";
  throw new InputError(`not a recognised input: ${what}${manifest}; ${EXPECTED_ANY}`, file);
}

/**
 * Parses an input's JSON; line numbers count the wrapper lines stripped
 * before it. A file of unknown kind may be a template, whose resources must
 * not repeat either.
 */
function parseInput(body: string, input: InputSpec, linesBefore: number): unknown {
  const sections = input.kind === "auto" ? TEMPLATE_SECTIONS : [];
  return parseJson(body, input.path, EXPECTED[input.kind], { sections, linesBefore });
}

/** True when the first non-blank character opens a JSON object. */
function startsWithObject(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7b) return true; // {
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0xfeff) {
      return false;
    }
  }
  return false;
}

/**
 * Rejects a binary file before JSON.parse reports a baffling token: a NUL
 * in the first few kilobytes. A UTF-16 file (what Windows PowerShell's `>`
 * writes) has NULs too, and gets its own hint.
 */
function checkText(text: string, file: string): void {
  const head = text.slice(0, BINARY_SNIFF_CHARS);
  if (!head.includes("\0")) return;
  if (head.startsWith(ZIP_MAGIC)) {
    throw new InputError(
      "this is a binary Terraform plan (a zip archive, as `terraform plan -out` writes), expected JSON: run `terraform show -json PLANFILE > plan.json` and pass that",
      file,
    );
  }
  // Read as UTF-8, UTF-16's byte order mark becomes two replacement characters.
  // Without one, ASCII (a JSON document's `{` and line breaks too) alternates with NULs.
  const utf16 =
    head.startsWith("\ufffd\ufffd") ||
    /^(?:[\t\n\r\x20-\x7e]\0){2}|^(?:\0[\t\n\r\x20-\x7e]){2}/.test(head);
  throw new InputError(
    utf16
      ? "UTF-16 text, expected UTF-8 JSON (in PowerShell, write the file with `| Out-File -Encoding utf8`)"
      : "binary file, expected JSON",
    file,
  );
}

// Terraform's own configuration: HCL (`.tf`), its JSON form (`.tf.json`) and variable files.
const TERRAFORM_SOURCE_NAME_RE = /\.(?:tf|tfvars)(?:\.json)?$/i;
// A line that opens an HCL block: `resource "aws_kms_key" "x" {`, `terraform {`, `locals {`.
const HCL_BLOCK_RE =
  /^[ \t]*(?:resource|data|module|variable|output|provider|terraform|locals|moved|import|removed|check)(?:[ \t]+"[^"\n]*")*[ \t]*\{[ \t]*$/m;
// The top-level blocks of a `.tf.json` file; a document of nothing else is configuration.
const TERRAFORM_JSON_BLOCKS = new Set([
  "resource",
  "data",
  "module",
  "variable",
  "output",
  "provider",
  "terraform",
  "locals",
  "moved",
  "import",
  "removed",
  "check",
]);

/**
 * Terraform source given where its plan was meant (`check main.tf`): say how
 * to get the plan instead of "not valid JSON: unexpected token '#'". HCL is
 * told by its name or, for text that is no JSON, by a line opening a block.
 */
function checkNotTerraformSource(input: InputSpec, text: string): void {
  if (input.kind !== "auto" && !input.kind.startsWith("terraform-")) return;
  if (startsWithObject(text)) return;
  if (/\.(?:tf|tfvars)$/i.test(input.path) || HCL_BLOCK_RE.test(text)) {
    throw terraformSourceError(input.path);
  }
}

/** A parsed JSON document that is Terraform configuration (`.tf.json`), not a plan. */
function isTerraformJsonConfiguration(doc: unknown, file: string): boolean {
  if (!isJsonObject(doc)) return false;
  const keys = Object.keys(doc);
  if (keys.length === 0) return TERRAFORM_SOURCE_NAME_RE.test(file);
  return (
    keys.every((key) => TERRAFORM_JSON_BLOCKS.has(key) || key === "//") &&
    (TERRAFORM_SOURCE_NAME_RE.test(file) ||
      keys.some((key) => key === "resource" || key === "terraform"))
  );
}

function terraformSourceError(file: string): InputError {
  return new InputError(
    "this is Terraform source, not a plan: run `terraform plan -out PLANFILE` and `terraform show -json PLANFILE > plan.json`, and pass plan.json",
    file,
  );
}

/**
 * Whether a UTF-16 text holds an input's markers. Read as UTF-8, each ASCII character of
 * UTF-16 stands beside a NUL (and the byte order mark becomes replacement characters):
 * without them the markers read as written.
 */
function utf16Input(text: string): boolean {
  const head = text.slice(0, 2 * MARKER_SNIFF_CHARS).replace(/[\0\ufffd]/g, "");
  return INPUT_MARKER_RE.test(head);
}

/**
 * True for the text of a valid Terraform plan, told without its object tree
 * (a search may meet a plan of hundreds of megabytes). False for anything
 * else, which `recogniseText` then parses whole, as it always has: a plan
 * that could also be read as a template (it has a `Resources`) included.
 */
function isPlanText(text: string): boolean {
  if (!startsWithObject(text)) return false;
  try {
    const doc = planTopLevel(Buffer.from(text, "utf8"));
    return doc !== null && !TEMPLATE_SECTIONS.some((key) => Object.hasOwn(doc, key));
  } catch (error) {
    if (error instanceof NotPiecewise || error instanceof RangeError) return false;
    throw error;
  }
}

/** A file's kind as a directory search names it. */
export type FoundKind = Exclude<InputKind, "auto">;

/** What a directory search makes of one file. */
export type Recognition = { kind: FoundKind } | { kind: null; reason: string };

// A few JSON keys and values that only the inputs hold: text with one of them that
// does not parse is a broken input, not some other JSON file of the repository.
const INPUT_MARKER_RE =
  /"(?:format_version|terraform_version|resource_changes|planned_values|prior_state|lineage|AWSTemplateFormatVersion|Resources|artifacts)"\s*:|arn:aws[a-z-]*:kms:/;
// How much of a file is searched for the markers: they sit at the top of every input.
const MARKER_SNIFF_CHARS = 64 * 1024;
// The file names that are inputs whatever they hold (Terraform writes state only there).
const INPUT_NAME_RE = /\.tfstate$/i;

/**
 * Whether a file found in a directory search is an input, by its content: the
 * kinds `collectFromText` reads for a file given without one. A file that does
 * not parse, or parses into something else (`package.json`, a `tsconfig.json`
 * with comments, a workflow's YAML), is not an input.
 *
 * @throws InputError when the file is recognisably an input (by its name, or
 *   markers only inputs hold) but cannot be read: a truncated plan must stop
 *   the run, not be skipped.
 */
export function recogniseText(path: string, text: string): Recognition {
  const input: InputSpec = { kind: "auto", path };
  const looksLikeInput = () =>
    INPUT_NAME_RE.test(path) ||
    // An empty JSON file is nothing else either: most often a `terraform show` that failed.
    (text.trim() === "" && !YAML_NAME_RE.test(path)) ||
    INPUT_MARKER_RE.test(text.slice(0, MARKER_SNIFF_CHARS)) ||
    // A template's top-level key, whatever the name (`stack.template` is YAML as often as JSON).
    (!startsWithObject(text) && YAML_TEMPLATE_KEY_RE.test(text));
  if (TERRAFORM_SOURCE_NAME_RE.test(path)) return { kind: null, reason: "Terraform source" };
  const head = text.slice(0, BINARY_SNIFF_CHARS);
  if (head.includes("\0")) {
    // A binary plan (`terraform plan -out plan.json`) or one PowerShell wrote as UTF-16
    // is an input all the same: stop with the hint a named file gets, never pass over it.
    if (INPUT_NAME_RE.test(path) || head.startsWith(ZIP_MAGIC) || utf16Input(text)) {
      checkText(text, path);
    }
    return { kind: null, reason: "binary" };
  }
  if (isPlanText(text)) return { kind: "terraform-plan" };
  let doc: unknown;
  try {
    if (readsAsTemplateText(input, text)) {
      doc = parseTemplateText(text, path).doc;
      if (!isCloudFormationTemplate(doc)) return { kind: null, reason: "YAML, not a template" };
      return { kind: "cloudformation-template" };
    }
    const unwrapped = startsWithObject(text) ? null : stripWrapper(text);
    doc = parseInput(unwrapped?.json ?? text, input, unwrapped?.linesBefore ?? 0);
  } catch (error) {
    if (error instanceof InputError && looksLikeInput()) throw error;
    return { kind: null, reason: "does not parse" };
  }
  try {
    return { kind: detectKind(doc, path) };
  } catch (error) {
    if (error instanceof InputError && INPUT_NAME_RE.test(path)) throw error;
    return { kind: null, reason: "not an input" };
  }
}
