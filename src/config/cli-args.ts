/** Command-line arguments → RunConfig (SPEC §7), with commander doing the parsing and help. */
import { Command, CommanderError, Option } from "commander";
import { InputError, type Scope, SEVERITIES, type Severity } from "../model.js";
import { FORMATS } from "../report/format-options.js";
import { closest } from "../rules/suggest.js";
import { TEST_FORMATS, type TestFormat } from "../rules/test-format.js";
import { PARAMETER_HELP, parseParameterOverride } from "../sources/cdk/parameters.js";
import type { InputSpec } from "../sources/detect.js";
import {
  AWS_TIMEOUT_HELP,
  DEFAULT_AWS_TIMEOUT_SECONDS,
  DEFAULT_MAX_FACTS_AGE_DAYS,
  DEFAULT_TRAIL_MAX_PAGES,
  parseAwsTimeout,
  parseMaxFactsAge,
  parseNow,
  parseRoleTemplate,
  parseSarifCategory,
  parseTrailMaxPages,
  type RunConfig,
  SCOPE_HELP,
  SCOPES,
  STANDARD_OUTPUT,
  TRAIL_MAX_PAGES_HELP,
} from "./config.js";

export type ParsedArgs =
  | {
      command: "check" | "snapshot";
      config: RunConfig;
      quiet: boolean;
      verbose: boolean;
      /** `--color` true, `--no-color` false, neither null (color.ts decides then). */
      color: boolean | null;
    }
  /** `test [PATH...]`: run rule test cases. */
  | {
      command: "test";
      paths: string[];
      now: Date | null;
      /** Where each format goes; file null: standard output (one at most). */
      outputs: { format: TestFormat; file: string | null }[];
    }
  /** `rules [--config F] [--schema] [--format F]`: list the rules in effect, or print the rules-file schema. */
  | { command: "rules"; configFile: string | null; schema: boolean; format: RulesFormat }
  /** Help or version was printed; nothing else to do. */
  | { command: "done" };

/** `rules --format`: the aligned table, or JSON (`rulesJson` in rules/list.ts). */
export type RulesFormat = "text" | "json";
const RULES_FORMATS: readonly RulesFormat[] = ["text", "json"];

/** The command names, for "did you mean" (commander's own `help` included). */
const COMMANDS = ["check", "snapshot", "test", "rules", "help"];

export interface ArgsIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * Parses `argv` (without node and the script). Throws InputError for bad arguments
 * (exit 2); help and `--version` are written through `io`.
 */
export function parseArgs(argv: string[], version: string, io: ArgsIo): ParsedArgs {
  let parsed: ParsedArgs = { command: "done" };
  const program = buildProgram(version, io, (args) => {
    parsed = args;
  });
  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return { command: "done" };
      throw new InputError(`${error.message.replace(/^error: /, "")} (see kms-usage-lint --help)`);
    }
    throw error;
  }
  return parsed;
}

/** The top-level help, as `kms-usage-lint --help` prints it. */
export function helpText(version: string): string {
  const ignore = () => {};
  return buildProgram(version, { stdout: ignore, stderr: ignore }, ignore).helpInformation();
}

/**
 * The error for a first argument that reads as a mistyped command (`chek`), or
 * null. `check` is the default command, so any other first argument is a path;
 * a word is taken for a command only when it cannot be one: no path separator,
 * no extension, nothing of that name in the working directory (`exists`), and
 * within a typo of a command name. A file named `chek` is still checked.
 */
export async function mistypedCommand(
  argv: readonly string[],
  exists: (path: string) => Promise<boolean>,
): Promise<InputError | null> {
  const word = argv[0];
  if (word === undefined || !/^[a-z][a-z-]*$/i.test(word) || COMMANDS.includes(word)) return null;
  const command = closest(word, COMMANDS);
  if (command === null || (await exists(word))) return null;
  return new InputError(
    `unknown command ${JSON.stringify(word)} (did you mean ${command}?); to check a file of that name, write ./${word} (see kms-usage-lint --help)`,
  );
}

/** The command line: every command and option, calling `done` with what was parsed. */
function buildProgram(version: string, io: ArgsIo, done: (args: ParsedArgs) => void): Command {
  const program = new Command("kms-usage-lint")
    .description(
      "Policy-as-code check for AWS KMS keys: stops changes that delete keys still in use, finds keys nothing uses.",
    )
    .version(version, "--version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: () => {}, outputError: () => {} });

  withInputs(
    program
      .command("check", { isDefault: true })
      .description("evaluate the rules over the keys the inputs reference (the default command)"),
  )
    .option(
      "--config <file>",
      "rules file (default: .kms-usage-lint.yml or .yaml in the working directory or the nearest parent up to the repository root, else the recommended rules)",
    )
    .option("--facts <file>", "evaluate offline from this facts snapshot")
    .option(
      "--max-facts-age <days>",
      `refuse a --facts snapshot captured more than this many days before --now (default: ${DEFAULT_MAX_FACTS_AGE_DAYS})`,
    )
    .option(
      "--save-facts <file>",
      "also write the facts gathered to this snapshot file (- is standard output)",
    )
    .option(
      "--format <format>",
      `output format, or FORMAT=FILE to write a file (FORMAT=- is standard output); repeatable (${FORMATS.join(", ")})`,
      append,
    )
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a finding is at or above this severity")
        .choices([...SEVERITIES, "none"])
        .default("error"),
    )
    .addOption(new Option("--scope <scope>", SCOPE_HELP).choices(SCOPES).default("all"))
    .option(
      "--sarif-category <category>",
      "SARIF automationDetails category, to tell apart several uploads for one commit (default: none, so upload-sarif's category applies)",
    )
    .option("--now <iso8601>", "the evaluation clock, for reproducible reports")
    .option("--quiet", "print no warnings on stderr")
    .option(
      "--color",
      "colour the text report on standard output even when it is no terminal (default: FORCE_COLOR, else off when NO_COLOR is set, else on for a terminal)",
    )
    .option("--no-color", "never colour the text report")
    .action((paths: string[], options: CheckOptions) => {
      const config = toConfig(paths, options);
      done({
        command: "check",
        config: { ...config, outputs: oneStandardOutput(config.outputs, config.saveFacts) },
        quiet: options.quiet === true,
        verbose: options.verbose === true,
        color: options.color ?? null,
      });
    });

  withInputs(
    program
      .command("snapshot")
      .description("gather the facts of the keys the inputs reference and write a facts snapshot"),
  )
    .requiredOption("-o, --output <file>", "the snapshot file to write (- is standard output)")
    .option(
      "--config <file>",
      "rules file `check` will use: CloudTrail evidence is recorded for the keys its rules need it for (default: as check's)",
    )
    .option("--quiet", "print no warnings on stderr")
    .action((paths: string[], options: CheckOptions & { output: string }) => {
      // A snapshot holds every key: `check --facts` may read it in either scope.
      const config = toConfig(paths, {
        ...options,
        saveFacts: options.output,
        format: [],
        failOn: "none",
        scope: "all",
      });
      done({
        command: "snapshot",
        // A snapshot is its only output.
        config: { ...config, outputs: [] },
        quiet: options.quiet === true,
        verbose: options.verbose === true,
        color: null,
      });
    });

  program
    .command("test")
    .description("run rule test cases (*.test.yml, *.test.yaml); exit 1 when a case fails")
    .argument("[paths...]", "directories to search, or test files (default: the working directory)")
    .option("--now <iso8601>", "the clock for cases and files that set none")
    .option(
      "--format <format>",
      `output format, or FORMAT=FILE to write a file (FORMAT=- is standard output); repeatable (${TEST_FORMATS.join(", ")}; junit: JUnit XML for CI test reports)`,
      append,
    )
    .action((paths: string[], options: { now?: string; format?: string[] }) => {
      done({
        command: "test",
        paths,
        now: options.now === undefined ? null : parseNow(options.now, "--now"),
        outputs: oneStandardOutput(parseOutputs(options.format ?? [], TEST_FORMATS), null),
      });
    });

  program
    .command("rules")
    .description("list the rules in effect (id, severity, source, description)")
    .option(
      "--config <file>",
      "rules file (default: .kms-usage-lint.yml or .yaml in the working directory or the nearest parent up to the repository root, else the recommended rules)",
    )
    .option("--schema", "print the JSON Schema of rules files instead")
    .addOption(
      new Option("--format <format>", "text: an aligned table; json: one object per rule")
        .choices(RULES_FORMATS)
        .default("text"),
    )
    .action((options: { config?: string; schema?: boolean; format: RulesFormat }) => {
      done({
        command: "rules",
        configFile: options.config ?? null,
        schema: options.schema === true,
        format: options.format,
      });
    });

  return program;
}

/** The inputs and AWS options that `check` and `snapshot` share. */
function withInputs(command: Command): Command {
  return command
    .argument(
      "[paths...]",
      "input files, recognised by their content (Terraform plan, state or outputs, CloudFormation templates, CDK outputs, cdk.out directories); a directory is searched for them, - is standard input (default: the working directory is searched)",
    )
    .option(
      "--terraform-plan <file>",
      "Terraform plan JSON (terraform show -json PLANFILE)",
      append,
    )
    .option(
      "--terraform-state <file>",
      "Terraform state (terraform show -json, or terraform.tfstate)",
      append,
    )
    .option("--terraform-outputs <file>", "Terraform outputs (terraform output -json)", append)
    .option("--cdk-out <dir>", "AWS CDK cloud assembly directory (cdk.out)", append)
    .option("--cdk-base <dir>", "the base branch's synthesized cloud assembly, to find changes")
    .option("--cdk-outputs <file>", "CDK deploy outputs (cdk deploy --outputs-file)", append)
    .option("--template <file>", "a CloudFormation template (JSON or YAML)", append)
    .option(
      "--terraform-dir <dir>",
      "the root module's directory (default: each Terraform input's directory)",
    )
    .option(
      "--repo-root <dir>",
      "locations are relative to this (default: the git top level, else the working directory)",
    )
    .option(
      "--base-ref <rev>",
      "the git revision the change is compared with (the PR's base), for lines of removed resources",
    )
    .option("--key <ref>", "a key to check: key ARN, key id, alias name or alias ARN", append)
    .option("--parameter <STACK.NAME=VALUE>", PARAMETER_HELP, append)
    .option(
      "--region <region>",
      "region for bare key ids and alias names the inputs do not place (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region)",
    )
    .option("--profile <name>", "AWS profile of the shared config files")
    .option(
      "--endpoint-url <url>",
      "KMS endpoint to use instead of AWS's (also: AWS_ENDPOINT_URL_KMS); CloudFormation's and CloudTrail's too, unless AWS_ENDPOINT_URL_CLOUDFORMATION or AWS_ENDPOINT_URL_CLOUDTRAIL names its own",
    )
    .option(
      "--role-template <arn>",
      "role to assume for other accounts' keys: arn:aws:iam::{account}:role/NAME",
    )
    .option(
      "--aws-timeout <seconds>",
      `${AWS_TIMEOUT_HELP} (default: ${DEFAULT_AWS_TIMEOUT_SECONDS})`,
    )
    .option(
      "--trail-max-pages <pages>",
      `${TRAIL_MAX_PAGES_HELP} (default: ${DEFAULT_TRAIL_MAX_PAGES})`,
    )
    .option("--verbose", "report progress on stderr even when it is not a terminal");
}

interface CheckOptions {
  cdkOut?: string[];
  cdkBase?: string;
  cdkOutputs?: string[];
  template?: string[];
  roleTemplate?: string;
  awsTimeout?: string;
  trailMaxPages?: string;
  verbose?: boolean;
  saveFacts?: string;
  profile?: string;
  endpointUrl?: string;
  terraformPlan?: string[];
  terraformState?: string[];
  terraformOutputs?: string[];
  terraformDir?: string;
  repoRoot?: string;
  baseRef?: string;
  key?: string[];
  parameter?: string[];
  config?: string;
  facts?: string;
  maxFactsAge?: string;
  region?: string;
  format?: string[];
  failOn: Severity | "none";
  scope: Scope;
  now?: string;
  quiet?: boolean;
  sarifCategory?: string;
  color?: boolean;
}

function toConfig(paths: string[], options: CheckOptions): RunConfig {
  const inputs: InputSpec[] = [
    ...(options.terraformPlan ?? []).map((path): InputSpec => ({ kind: "terraform-plan", path })),
    ...(options.terraformState ?? []).map((path): InputSpec => ({ kind: "terraform-state", path })),
    ...(options.terraformOutputs ?? []).map(
      (path): InputSpec => ({ kind: "terraform-outputs", path }),
    ),
    ...(options.cdkOutputs ?? []).map((path): InputSpec => ({ kind: "cdk-outputs", path })),
    ...(options.template ?? []).map(
      (path): InputSpec => ({ kind: "cloudformation-template", path }),
    ),
    ...paths.map((path): InputSpec => ({ kind: "auto", path })),
  ];
  return {
    inputs,
    keys: options.key ?? [],
    parameters: (options.parameter ?? []).map((text) =>
      parseParameterOverride(text, "--parameter"),
    ),
    configFile: options.config ?? null,
    factsFile: options.facts ?? null,
    saveFacts: options.saveFacts ?? null,
    region: options.region ?? null,
    profile: options.profile ?? null,
    endpointUrl: options.endpointUrl ?? null,
    roleTemplate:
      options.roleTemplate === undefined
        ? null
        : parseRoleTemplate(options.roleTemplate, "--role-template"),
    awsTimeout:
      options.awsTimeout === undefined
        ? DEFAULT_AWS_TIMEOUT_SECONDS
        : parseAwsTimeout(options.awsTimeout, "--aws-timeout"),
    cdkOut: options.cdkOut ?? [],
    cdkBase: options.cdkBase ?? null,
    terraformDir: options.terraformDir ?? null,
    baseRef: options.baseRef ?? null,
    repoRoot: options.repoRoot ?? null,
    now: options.now === undefined ? null : parseNow(options.now, "--now"),
    maxFactsAgeDays:
      options.maxFactsAge === undefined
        ? DEFAULT_MAX_FACTS_AGE_DAYS
        : parseMaxFactsAge(options.maxFactsAge, "--max-facts-age"),
    trailMaxPages:
      options.trailMaxPages === undefined
        ? DEFAULT_TRAIL_MAX_PAGES
        : parseTrailMaxPages(options.trailMaxPages, "--trail-max-pages"),
    failOn: options.failOn,
    scope: options.scope,
    outputs: parseOutputs(options.format ?? [], FORMATS),
    sarifCategory:
      options.sarifCategory === undefined
        ? null
        : parseSarifCategory(options.sarifCategory, "--sarif-category"),
  };
}

/**
 * `outputs`, once it is sure at most one thing goes to standard output: two
 * documents interleaved there could be read as neither.
 */
function oneStandardOutput<T extends { format: string; file: string | null }>(
  outputs: T[],
  saveFacts: string | null,
): T[] {
  const toStdout = outputs.filter((o) => o.file === null);
  if (saveFacts === STANDARD_OUTPUT && toStdout.length > 0) {
    // The snapshot takes stdout; a report asked for nowhere else would go there too.
    throw new InputError(
      `--save-facts - writes the snapshot to standard output, and so would --format ${toStdout[0]?.format ?? "text"}; write the report with FORMAT=FILE`,
    );
  }
  if (toStdout.length > 1) {
    throw new InputError(
      `only one --format can go to standard output (${toStdout.map((o) => o.format).join(" and ")} both would); write the others with FORMAT=FILE`,
    );
  }
  return outputs;
}

/** `--format FORMAT` or `FORMAT=FILE` values; none: text on standard output. */
function parseOutputs<F extends string>(
  values: string[],
  formats: readonly F[],
): { format: F | "text"; file: string | null }[] {
  const outputs = values.map((value) => {
    const eq = value.indexOf("=");
    const format = eq < 0 ? value : value.slice(0, eq);
    const file = eq < 0 ? null : value.slice(eq + 1);
    if (!formats.includes(format as F)) {
      throw new InputError(
        `--format ${JSON.stringify(format)}: expected one of ${formats.join(", ")}`,
      );
    }
    if (file === "") throw new InputError(`--format ${value}: the file name after '=' is empty`);
    return { format: format as F, file: file === STANDARD_OUTPUT ? null : file };
  });
  return outputs.length > 0 ? outputs : [{ format: "text", file: null }];
}

// Repeatable options start undefined rather than [], so that help shows no "(default: [])".
function append(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
