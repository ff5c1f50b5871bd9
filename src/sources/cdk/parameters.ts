/**
 * A stack's parameter values: `--parameter STACK.NAME=VALUE` overrides, the
 * template's `Parameters` (`Default`, `AllowedValues`) and the pseudo
 * parameters its environment gives, as the evaluation scope of its
 * intrinsic functions (SPEC §2, "CloudFormation template").
 */

import { partitionOf, REGION_PATTERN } from "../../aws/key-ids.js";
import { InputError, type KeyTarget } from "../../model.js";
import type { JsonObject } from "../json.js";
import { describeFound, own, pathTo, type Shape } from "../shape.js";
import { type ParameterValue, SETTABLE_PSEUDO_PARAMETERS } from "./evaluate.js";

/** One `--parameter STACK.NAME=VALUE`. */
export interface ParameterOverride {
  stack: string;
  name: string;
  value: string;
}

/** What `--parameter` takes, for help texts and messages. */
export const PARAMETER_HELP =
  "a template parameter's value for one stack, STACK.NAME=VALUE (repeatable): a CDK stack by its stack name, a plain template by its file name up to the first dot (app.template.yaml: app); NAME may also be AWS::Region, AWS::AccountId, AWS::Partition, AWS::URLSuffix or AWS::StackName";

// CloudFormation parameter names are alphanumeric.
const PARAMETER_NAME_RE = /^[A-Za-z0-9]+$/;
const REGION_RE = new RegExp(`^${REGION_PATTERN}$`);
const ACCOUNT_RE = /^\d{12}$/;
const PARTITION_RE = /^aws(?:-[a-z]+)*$/;

/**
 * Parses `STACK.NAME=VALUE` given as `what` (`--parameter`, `input parameters`).
 * The stack name ends at the first dot (stack names hold none), the
 * parameter name at the first `=`; the value may be empty.
 */
export function parseParameterOverride(text: string, what: string): ParameterOverride {
  const dot = text.indexOf(".");
  const eq = text.indexOf("=", dot + 1);
  const stack = dot > 0 ? text.slice(0, dot) : "";
  const name = dot > 0 && eq > dot ? text.slice(dot + 1, eq) : "";
  const bad = (why: string) =>
    new InputError(
      `${what} ${JSON.stringify(text)}: ${why}; expected STACK.NAME=VALUE, like MyStack.KeyArn=arn:aws:kms:us-east-1:111122223333:key/…`,
    );
  if (stack === "" || name === "") throw bad("no stack name, dot, parameter name and '='");
  if (/[=\s]/.test(stack)) throw bad(`${JSON.stringify(stack)} is not a stack name`);
  const value = text.slice(eq + 1);
  if (!PARAMETER_NAME_RE.test(name) && !SETTABLE_PSEUDO_PARAMETERS.includes(name)) {
    throw bad(
      `${JSON.stringify(name)} is not a parameter name (letters and digits) nor one of ${SETTABLE_PSEUDO_PARAMETERS.join(", ")}`,
    );
  }
  const check: Record<string, [RegExp, string]> = {
    "AWS::Region": [REGION_RE, "a region like us-east-1"],
    "AWS::AccountId": [ACCOUNT_RE, "a 12-digit account id"],
    "AWS::Partition": [PARTITION_RE, "a partition like aws or aws-cn"],
  };
  const rule = check[name];
  if (rule !== undefined && !rule[0].test(value)) throw bad(`${name} must be ${rule[1]}`);
  return { stack, name, value };
}

/**
 * The `--parameter` overrides of a run, handed to every stack read. A stack
 * name no input has is the user's mistake (exit 2), found once all inputs are
 * read: the value they meant to give would silently not apply.
 */
export class ParameterOverrides {
  private readonly stacksSeen = new Set<string>();

  constructor(private readonly overrides: readonly ParameterOverride[] = []) {
    const seen = new Map<string, string>();
    for (const { stack, name, value } of overrides) {
      const key = `${stack}.${name}`;
      const before = seen.get(key);
      if (before !== undefined && before !== value) {
        throw new InputError(`--parameter ${key} is given twice, with different values`);
      }
      seen.set(key, value);
    }
  }

  /** The overrides of one stack, by parameter name. */
  forStack(stack: string): Map<string, string> {
    this.stacksSeen.add(stack);
    const values = new Map<string, string>();
    for (const o of this.overrides) if (o.stack === stack) values.set(o.name, o.value);
    return values;
  }

  /** @throws InputError when an override names a stack no input has. */
  checkAllApplied(): void {
    const missing = this.overrides.filter((o) => !this.stacksSeen.has(o.stack));
    if (missing.length === 0) return;
    const first = missing[0] as ParameterOverride;
    const known = [...this.stacksSeen].sort();
    throw new InputError(
      `--parameter ${first.stack}.${first.name}: no input has a stack named ${JSON.stringify(first.stack)} (${known.length === 0 ? "no stack was read" : `stacks read: ${known.join(", ")}`}); a plain template's stack is its file name up to the first dot`,
    );
  }
}

/** Where a stack is, for its pseudo parameters. */
export interface StackEnvironment {
  account: string | null;
  region: string | null;
  /** Null when only deployment names it (a plain template, a nested stack). */
  stackName: string | null;
}

/** The pseudo parameters an environment gives, `--parameter` overrides winning. */
export function pseudoParameters(
  env: StackEnvironment,
  overrides: ReadonlyMap<string, string>,
): Map<string, string> {
  const pseudo = new Map<string, string>();
  const region = overrides.get("AWS::Region") ?? env.region;
  if (region !== null) {
    pseudo.set("AWS::Region", region);
    pseudo.set("AWS::Partition", partitionOf(region));
    pseudo.set("AWS::URLSuffix", region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com");
  }
  const account = overrides.get("AWS::AccountId") ?? env.account;
  if (account !== null) pseudo.set("AWS::AccountId", account);
  if (env.stackName !== null) pseudo.set("AWS::StackName", env.stackName);
  for (const name of SETTABLE_PSEUDO_PARAMETERS) {
    const value = overrides.get(name);
    if (value !== undefined) pseudo.set(name, value);
  }
  return pseudo;
}

// SSM parameter types hold a parameter store name; the value comes from SSM at deploy time.
const SSM_TYPE_PREFIX = "AWS::SSM::Parameter::Value<";

/**
 * The values the template's parameters may hold: a `--parameter` override;
 * else a parameter its parent stack passes is decided there; else its
 * `Default` and `AllowedValues` (any may be deployed); an SSM parameter's
 * `Default` is a parameter store name, not its value.
 *
 * @param undeclared what an override of a parameter the template does not
 *   declare is: the user's mistake (`refuse`), or (the base branch's template,
 *   which lacks a parameter the change adds) nothing to apply (`ignore`).
 * @throws InputError (through `shape`) for a parameter that is not an object
 *   with a `Type`, or whose `Default` or `AllowedValues` is not scalar.
 */
export function parameterValues(
  template: JsonObject,
  stack: string,
  overrides: ReadonlyMap<string, string>,
  passed: ReadonlyMap<string, readonly KeyTarget[]>,
  shape: Shape,
  undeclared: "refuse" | "ignore" = "refuse",
): Map<string, ParameterValue> {
  const values = new Map<string, ParameterValue>();
  const section = shape.sectionObject(
    template,
    "Parameters",
    "Parameters",
    "an object of parameters",
  );
  for (const name of Object.keys(section ?? {})) {
    const path = pathTo("Parameters", name);
    const parameter = shape.object(section?.[name], path, "a parameter ({Type, Default})");
    const type = shape.text(own(parameter, "Type"), pathTo(path, "Type"), "a parameter type");
    const list =
      /^(?:CommaDelimitedList|List<|AWS::SSM::Parameter::Value<List<|AWS::SSM::Parameter::Value<CommaDelimitedList)/.test(
        type,
      );
    const override = overrides.get(name);
    if (override !== undefined) {
      values.set(name, { known: true, values: [override], list });
      continue;
    }
    if (passed.has(name) || type.startsWith(SSM_TYPE_PREFIX)) {
      values.set(name, { known: false, list });
      continue;
    }
    const candidates = [
      ...scalars(
        own(parameter, "Default"),
        pathTo(path, "Default"),
        shape,
        "a default value (a string or number)",
      ),
      ...scalarList(own(parameter, "AllowedValues"), pathTo(path, "AllowedValues"), shape),
    ];
    const distinct = [...new Set(candidates)];
    values.set(
      name,
      distinct.length === 0 ? { known: false, list } : { known: true, values: distinct, list },
    );
  }
  for (const [name] of overrides) {
    if (
      undeclared === "refuse" &&
      !values.has(name) &&
      !SETTABLE_PSEUDO_PARAMETERS.includes(name)
    ) {
      const declared = Object.keys(section ?? {});
      throw new InputError(
        `--parameter ${stack}.${name}: the template declares no parameter ${JSON.stringify(name)} (${declared.length === 0 ? "it has none" : `its parameters: ${declared.sort().join(", ")}`})`,
        shape.file,
      );
    }
  }
  return values;
}

/** A scalar as a parameter value, `[]` when absent; a list is CloudFormation's comma-separated form. */
function scalars(value: unknown, path: string, shape: Shape, expected: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return [String(value)];
  }
  if (Array.isArray(value) && value.every((item) => item !== null && typeof item !== "object")) {
    return [value.map(String).join(",")];
  }
  return shape.fail(path, expected, value);
}

function scalarList(value: unknown, path: string, shape: Shape): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((item) => item !== null && typeof item !== "object")) {
    return value.map(String);
  }
  return shape.refuse(path, `expected a list of allowed values, got ${describeFound(value)}`);
}
