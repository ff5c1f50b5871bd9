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
  type MergeConfig,
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
import { inventoryConfig } from "./inventory.js";

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
  /** `merge FILE... [-o FILE] [--expect-shards N] [--format F]`: snapshots or JSON reports into one. */
  | { command: "merge"; config: MergeConfig }
  /** Help or version was printed; nothing else to do. */
  | { command: "done" };

/** `rules --format`: the aligned table, or JSON (`rulesJson` in rules/list.ts). */
export type RulesFormat = "text" | "json";
const RULES_FORMATS: readonly RulesFormat[] = ["text", "json"];

/** The command names, for "did you mean" (commander's own `help` included). */
const COMMANDS = ["check", "snapshot", "test", "rules", "merge", "help"];

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
      "--all-keys",
      "inventory: evaluate every key of the --facts snapshot, referenced by the inputs or not, and report the account-regions it could not read",
    )
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
    .action((paths: string[], options: CheckOptions & { allKeys?: boolean }) => {
      const config = toConfig(paths, options);
      done({
        command: "check",
        config: {
          ...config,
          allKeys: options.allKeys === true,
          outputs: oneStandardOutput(config.outputs, config.saveFacts),
        },
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
    .option(
      "--all-keys",
      "inventory: every key of the accounts and regions read (ListKeys), not the keys the inputs reference",
    )
    .option(
      "--accounts <file>",
      "with --all-keys: the accounts to read, a YAML list of {id, role?, regions?, name?, tags?} (default: the caller's own)",
    )
    .option(
      "--org",
      "with --all-keys: every active account of the AWS Organization (organizations:ListAccounts, from the management or a delegated administrator account)",
    )
    .option(
      "--regions <list>",
      "with --all-keys: regions to read, R1,R2, or all: each account's enabled regions (account:ListRegions) (default: --region)",
    )
    .option(
      "--shard <I/N>",
      "with --all-keys: read only shard I of N of the sorted account-region pairs (N ≤ 256), for a CI matrix",
    )
    .option("--quiet", "print no warnings on stderr")
    .action((paths: string[], options: SnapshotOptions) => {
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
        config: { ...config, outputs: [], inventory: inventoryOf(paths, options) },
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

  program
    .command("merge")
    .description(
      "merge facts snapshots (the shards of an inventory) into one snapshot, or JSON reports into one report",
    )
    .argument("<files...>", "facts snapshots, or JSON reports (--format json); not a mix")
    .option(
      "-o, --output <file>",
      "write the merged snapshot or JSON report here (- : standard output)",
    )
    .option(
      "--expect-shards <n>",
      "snapshots: exit 2 unless shards 1 to N of an inventory (snapshot --all-keys --shard I/N) are all there",
    )
    .option(
      "--format <format>",
      `reports: render the merged report too, or FORMAT=FILE; repeatable (${FORMATS.join(", ")})`,
      append,
    )
    .option(
      "--config <file>",
      "reports: the rules file whose descriptions and help the formats show (default: as check's)",
    )
    .addOption(
      new Option(
        "--fail-on <severity>",
        "reports: exit 1 when a merged finding is at or above this severity",
      )
        .choices([...SEVERITIES, "none"])
        .default("error"),
    )
    .action(
      (
        files: string[],
        options: {
          output?: string;
          expectShards?: string;
          format?: string[];
          config?: string;
          failOn: Severity | "none";
        },
      ) => {
        done({
          command: "merge",
          config: {
            files,
            output: options.output ?? null,
            expectShards:
              options.expectShards === undefined
                ? null
                : parseShardCount(options.expectShards, "--expect-shards"),
            // Only what is asked for: without --format, a merged report is written with -o alone.
            outputs: mergeOutputs(options.format, options.output ?? null),
            configFile: options.config ?? null,
            failOn: options.failOn,
          },
        });
      },
    );

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

interface SnapshotOptions extends CheckOptions {
  output: string;
  allKeys?: boolean;
  accounts?: string;
  org?: boolean;
  regions?: string;
  shard?: string;
}

/** `snapshot --all-keys`' options; null without it. An inventory reads accounts, not inputs. */
function inventoryOf(paths: string[], options: SnapshotOptions) {
  const inventoryOnly = (["accounts", "org", "regions", "shard"] as const).filter(
    (name) => options[name] !== undefined,
  );
  if (options.allKeys !== true) {
    const [first] = inventoryOnly;
    if (first !== undefined) throw new InputError(`--${first} takes effect with --all-keys only`);
    return null;
  }
  const inputs = [
    ...paths,
    ...(options.terraformPlan ?? []),
    ...(options.terraformState ?? []),
    ...(options.terraformOutputs ?? []),
    ...(options.cdkOut ?? []),
    ...(options.cdkOutputs ?? []),
    ...(options.template ?? []),
    ...(options.key ?? []),
  ];
  if (inputs.length > 0) {
    throw new InputError(
      `snapshot --all-keys reads every key of the accounts, not inputs: drop ${JSON.stringify(inputs[0])} (check joins the inputs with the snapshot)`,
    );
  }
  return inventoryConfig(options);
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
    allKeys: false,
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

/**
 * `merge --format`: only what is asked for (without it a merged report is written with
 * `-o` alone), and standard output taken once, by `-o -` or by one format.
 */
function mergeOutputs(values: string[] | undefined, output: string | null) {
  if (values === undefined) return [];
  const outputs = oneStandardOutput(parseOutputs(values, FORMATS), null);
  const toStdout = outputs.find((o) => o.file === null);
  if (output === STANDARD_OUTPUT && toStdout !== undefined) {
    throw new InputError(
      `-o - writes the merged file to standard output, and so would --format ${toStdout.format}; write the report with FORMAT=FILE`,
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

// GitHub Actions runs at most 256 jobs of one matrix: more shards could not be taken at once.
const MAX_SHARDS = 256;

/** Parses a shard count (`--expect-shards`): a whole number from 1 to 256. */
function parseShardCount(text: string, what: string): number {
  const n = Number(text.trim());
  if (!/^\d{1,3}$/.test(text.trim()) || n < 1 || n > MAX_SHARDS) {
    throw new InputError(
      `${what} ${JSON.stringify(text)}: expected a whole number of shards from 1 to ${MAX_SHARDS}`,
    );
  }
  return n;
}

// Repeatable options start undefined rather than [], so that help shows no "(default: [])".
function append(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
