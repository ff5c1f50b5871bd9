/**
 * The GitHub Action's behaviour (SPEC §8), with the runner bound in `io`:
 * inputs → config → `run()` → the JSON report, SARIF and step outputs first
 * (nothing can hide them), then the job summary, the GitHub sinks within
 * `github-timeout`, the summary again with their outcome, and the step's
 * failure. `action.ts` binds `io` to `@actions/core` and `process`.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ActionSettings,
  actionConfig,
  actionSettings,
  type InputReader,
} from "./config/action-inputs.js";
import { withDefaultRegion } from "./config/region.js";
import { describeFailure, errorMessage, InputError } from "./errors.js";
import { baseFiles } from "./github-api/base-files.js";
import { type GithubBudget, githubBudget } from "./github-api/budget.js";
import type { GithubClient, GithubClientOptions, GithubConnection } from "./github-api/client.js";
import { type GithubContext, githubContext } from "./github-api/context.js";
import { escapeLogLines, escapeLogText } from "./log-text.js";
import { actionsLogger } from "./logging.js";
import type { Report } from "./model.js";
import { profileRegion } from "./node-deps.js";
import { type Deps, run } from "./pipeline.js";
import { MAX_INPUT_BYTES } from "./read-file.js";
import { formatJsonPieces } from "./report/formats/json.js";
import type { MarkdownOptions } from "./report/formats/markdown.js";
import { formatSarifPieces } from "./report/formats/sarif.js";
import { formatText } from "./report/formats/text.js";
import { jobSummary, summaryReport } from "./report/github-sinks/job-summary.js";
import { publishToGithub } from "./report/github-sinks/publish.js";
import { plural } from "./show.js";

/** The runner, as the Action sees it. */
export interface ActionIo {
  getInput: InputReader;
  env: Record<string, string | undefined>;
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  setOutput(name: string, value: string | number): void;
  setFailed(message: string): void;
  /** The process's exit status, for a run that could not be evaluated (2, as the CLI's). */
  setExitCode(code: number): void;
  /** Masks a value in the log from here on. */
  setSecret(value: string): void;
  /** Writes raw text to stdout, where the runner reads workflow commands. */
  writeStdout(text: string): void;
  /** Replaces the step's job summary (`GITHUB_STEP_SUMMARY`) with `markdown`. */
  writeSummary(markdown: string): Promise<void>;
  chdir(dir: string): void;
  /** The pipeline's Node dependencies, made after `chdir` (they capture the working directory). */
  deps(): Omit<Deps, "logger">;
  /** The merge base of two commits in the checkout's git repository, or null. */
  mergeBase?: (repoRoot: string, a: string, b: string) => Promise<string | null>;
  /** The GitHub client factory; tests may shorten retry waits. */
  githubClient?: (options: GithubClientOptions) => GithubClient;
}

export async function runAction(runner: ActionIo): Promise<void> {
  // Every message may quote an input, AWS or GitHub: escaped before the runner reads it.
  const io = escapedMessages(runner);
  try {
    const settings = actionSettings(io.getInput);
    if (settings.token) io.setSecret(settings.token);
    const workingDirectory = io.getInput("working-directory").trim();
    if (workingDirectory) io.chdir(workingDirectory);
    const deps = io.deps();
    const context = githubContext(io.env, await readEvent(io, deps));
    const config = await withDefaultRegion(
      // The event decides the default scope: a pull request asks about what it changes.
      actionConfig(io.getInput, io.env.GITHUB_WORKSPACE || null, context?.eventName ?? null),
      io.env,
      profileRegion,
    );
    // One client to read (config-from-base), one per run of the sinks, under github-timeout.
    const makeClient = (budget?: GithubBudget) =>
      settings.token && context
        ? githubConnection(io, {
            token: settings.token,
            baseUrl: context.apiUrl,
            userAgent: `${deps.tool.name}/${deps.tool.version}`,
            log: { debug: io.debug, warn: io.warning },
            ...(budget ? { budget } : {}),
          })
        : null;
    const client = makeClient();
    const logger = actionsLogger(io);
    // The input `base-ref` wins over the pull request's own.
    config.baseRef ??= await baseRevision(io, context, deps);
    const rulesFiles = settings.configFromBase
      ? await baseRules(io, client, context, deps.cwd)
      : undefined;
    if (rulesFiles && config.configFile && !(await rulesFiles.fileExists(config.configFile))) {
      // The pull request adds the rules file: the base has no rules of its own to hold it to.
      io.warning(
        `config-from-base: ${config.configFile} is not in the base commit; evaluating the rules the base commit has (by default the recommended ones)`,
      );
      config.configFile = null;
    }
    const { report, rules, rulesFile, failed } = await run(config, {
      ...deps,
      logger,
      rulesFiles,
    });
    const workflow = workflowFile(io.env);
    const options = {
      color: false,
      rules: rules.rules,
      cwd: deps.cwd,
      repoRoot: config.repoRoot,
      category: config.sarifCategory,
      anchorFiles: [...(workflow === null ? [] : [workflow]), ...(rulesFile ? [rulesFile] : [])],
      // Keys only the inventory found are shown at its snapshot: code scanning needs a file.
      inventoryFile: config.allKeys ? config.factsFile : null,
    };
    printReport(io, formatText(report, options));

    // What no reporting failure may hide: the outputs, the JSON report and SARIF.
    const dir = await mkdtemp(join(io.env.RUNNER_TEMP || tmpdir(), "kms-usage-lint-"));
    const reportPath = join(dir, "report.json");
    // Written as made: the JSON report of many keys is tens of MB.
    await deps.writeFile(reportPath, formatJsonPieces(report));
    io.setOutput("errors", report.summary.error);
    io.setOutput("warnings", report.summary.warning);
    io.setOutput("notices", report.summary.notice);
    io.setOutput("findings", report.findings.length);
    io.setOutput("report", reportPath);
    if (settings.sarifFile) {
      await deps.writeFile(settings.sarifFile, formatSarifPieces(report, options));
      io.setOutput("sarif", settings.sarifFile);
    }

    await publishReport(io, { report, failed, settings, options, context, makeClient });
    if (failed) {
      io.setFailed(
        `kms-usage-lint: findings at or above fail-on (${config.failOn}): ${findingCounts(report)}`,
      );
    }
  } catch (error) {
    const failure = describeFailure(error);
    // The stack of a bug goes to the debug log, shown with step debug logging.
    if (failure.code === "internal") io.debug(failure.stack ?? String(error));
    io.setFailed(failure.message);
    io.setExitCode(failure.exitCode);
  }
}

/** What {@link publishReport} reports, and to where. */
interface Publication {
  report: Report;
  failed: boolean;
  settings: ActionSettings;
  options: MarkdownOptions;
  context: GithubContext | null;
  /** A GitHub client under the budget, or null without a token or a repository. */
  makeClient: (budget: GithubBudget) => GithubConnection | null;
}

/**
 * The job summary and the GitHub sinks: the summary first (a job stopped while
 * posting still shows the findings), then the sinks within `github-timeout`,
 * then the summary again with what they said.
 */
async function publishReport(io: ActionIo, publication: Publication): Promise<void> {
  const { report, failed, settings, options, context } = publication;
  const writeSummary = summaryWriter(io, settings.summary, report, options);
  await writeSummary(null);
  const budget = githubBudget(settings.githubTimeoutSeconds);
  const said: string[] = [];
  const saying = (say: (message: string) => void) => (message: string) => {
    said.push(message);
    say(message);
  };
  await publishToGithub(report, failed, settings, options, {
    client: publication.makeClient(budget),
    context,
    info: saying(io.info),
    warn: saying(io.warning),
    writeCommands: io.writeStdout,
    budget,
  });
  await writeSummary(said);
}

/**
 * Writes the job summary (jobSummary), whole each time; a failure to write is
 * said once and not tried again. Outside a runner (or a step without a summary
 * file) there is nowhere to write it.
 */
function summaryWriter(
  io: ActionIo,
  enabled: boolean,
  report: Report,
  options: MarkdownOptions,
): (reporting: readonly string[] | null) => Promise<void> {
  if (!enabled || !io.env.GITHUB_STEP_SUMMARY) return async () => {};
  const body = summaryReport(report, {
    ...options,
    fullReport: "the JSON report (the step's `report` output)",
  });
  let broken = false;
  return async (reporting) => {
    if (broken) return;
    await io.writeSummary(jobSummary(body, reporting)).catch((error: unknown) => {
      broken = true;
      io.warning(`writing the job summary: ${errorMessage(error)}`);
    });
  };
}

/** `1 error, 2 warnings, 0 notices`: every severity, each counted in the right number. */
function findingCounts(report: Report): string {
  const { error, warning, notice } = report.summary;
  return [plural(error, "error"), plural(warning, "warning"), plural(notice, "notice")].join(", ");
}

/**
 * The runner with every message it prints escaped for the log (log-text.ts):
 * no file name, address or AWS answer in a message can issue a command. The
 * Action's own commands (`setOutput`, `setFailed`, the annotations written
 * through `writeStdout`) still work, the messages in them escaped.
 */
function escapedMessages(io: ActionIo): ActionIo {
  return {
    ...io,
    info: (message) => io.info(escapeLogLines(message)),
    // A warning is one line (an annotation): a line break from an input is shown, not kept.
    warning: (message) => io.warning(escapeLogText(message)),
    debug: (message) => io.debug(escapeLogLines(message)),
    setFailed: (message) => io.setFailed(escapeLogLines(message)),
  };
}

/**
 * The text report in the log, between `::stop-commands::TOKEN` and `::TOKEN::`:
 * the runner runs no command in between, whatever escaping might have missed.
 * The token is random, so no text in the report can end the block early.
 */
function printReport(io: ActionIo, text: string): void {
  const token = randomUUID();
  io.writeStdout(`::stop-commands::${token}\n`);
  try {
    io.info(text);
  } finally {
    io.writeStdout(`::${token}::\n`);
  }
}

/**
 * The pull request's base commit, when the checkout has it: resources the change
 * deletes then get their line in it, for review comments on the deleted lines.
 */
async function baseRevision(
  io: ActionIo,
  context: GithubContext | null,
  deps: Omit<Deps, "logger">,
): Promise<string | null> {
  const pull = context?.pull;
  if (!pull || !deps.gitRevision) return null;
  const root = io.env.GITHUB_WORKSPACE || deps.cwd;
  const base = pull.baseSha;
  // GitHub's diff starts from the merge base; the base tip stands in when the
  // clone is too shallow to find it (the same commit, unless the base moved on).
  const ref = (await io.mergeBase?.(root, base, pull.headSha)) ?? base;
  if ((await deps.gitRevision(root, ref)) !== null) return ref;
  io.info(
    `The base commit ${base.slice(0, 12)} is not in the checkout: findings on deleted code get no line (actions/checkout with fetch-depth: 2 or more fetches it).`,
  );
  return null;
}

/** The event payload, or null when there is none (a run outside Actions) or it cannot be read. */
async function readEvent(io: ActionIo, deps: Omit<Deps, "logger">): Promise<unknown> {
  const path = io.env.GITHUB_EVENT_PATH;
  if (!path) return null;
  try {
    return JSON.parse(await deps.readFile(path, MAX_INPUT_BYTES));
  } catch (error) {
    io.warning(`reading the event payload ${path}: ${errorMessage(error)}`);
    return null;
  }
}

/**
 * The GitHub client, made on first use (once): Octokit is imported then, and a run
 * that calls no GitHub API does not load it (issue 15). Tests hand in their own factory.
 */
function githubConnection(io: ActionIo, options: GithubClientOptions): GithubConnection {
  let client: Promise<GithubClient> | null = null;
  const make = async () => {
    if (io.githubClient) return io.githubClient(options);
    const { githubClient } = await import("./github-api/client.js");
    return githubClient(options);
  };
  return () => {
    client ??= make();
    return client;
  };
}

/**
 * `config-from-base`: the rules as the pull request's base commit has them.
 * On other events there is no base, and the checkout's rules are the branch's own.
 */
async function baseRules(
  io: ActionIo,
  client: GithubConnection | null,
  context: GithubContext | null,
  cwd: string,
): Promise<Deps["rulesFiles"]> {
  if (context?.pull === undefined || context.pull === null) {
    io.info("config-from-base: not a pull request, so the rules come from the checkout.");
    return undefined;
  }
  if (client === null) {
    throw new InputError("config-from-base needs github-token to read the base commit's rules");
  }
  const ref = context.pull.baseSha;
  io.info(`config-from-base: the rules come from the base commit ${ref.slice(0, 12)}.`);
  return baseFiles(await client(), {
    repo: context.repo,
    ref,
    workspace: io.env.GITHUB_WORKSPACE || cwd,
    cwd,
  });
}

/**
 * The workflow file that runs the step, as an absolute path in the checkout: it names
 * the keys the Action checks, so findings on keys it names alone are shown there.
 * From `GITHUB_WORKFLOW_REF` (`owner/repo/.github/workflows/ci.yml@refs/heads/main`).
 */
export function workflowFile(env: Record<string, string | undefined>): string | null {
  const ref = env.GITHUB_WORKFLOW_REF;
  const workspace = env.GITHUB_WORKSPACE;
  if (!ref || !workspace) return null;
  const path = ref.slice(0, ref.lastIndexOf("@") < 0 ? ref.length : ref.lastIndexOf("@"));
  const inRepo = path.split("/").slice(2).join("/");
  return inRepo.startsWith(".github/workflows/") ? join(workspace, inRepo) : null;
}
