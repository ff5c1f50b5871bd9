/**
 * The committed bundle as the Actions runner runs it, on a pull request whose
 * plan carries runner commands in a for_each key: the step's output, read the
 * way the runner reads it, holds no command but the Action's own (SPEC §10).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeGithub } from "../support/fake-github.js";
import { planWithForEachKey } from "../support/hostile-plan.js";
import { isolatedCopy, nodeRuntimes, runNodeAsync } from "../support/run-dist.js";
import { type RunnerCommand, runnerCommands } from "../support/runner-commands.js";

const HEAD = "1".repeat(40);
const BASE = "2".repeat(40);
const READ_ONLY = "ghs_e2eForkReadOnlyToken0000000000000000";
const WRITER = "ghs_e2eInstallationToken000000000000000";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RULE_TITLE = /^title=[a-z]+(-[a-z]+)*(,file=[^,]+,line=\d+)?$/;

const HOSTILE_KEYS = [
  "##[stop-commands]x",
  "\n::error::PWNED",
  "##[stop-commands]y\r::set-output name=x::PWNED\n##[error]PWNED\u001b[2K",
];

/** Why `command` is not one the Action itself gives, or null when it is. */
function notTheActions(command: RunnerCommand, resumeToken: string | null): string | null {
  if (command.syntax !== "workflow") return "a legacy ##[ command";
  switch (command.name) {
    case "add-mask":
      return command.data === READ_ONLY || command.data === WRITER
        ? null
        : "a mask of something else than the token";
    case "stop-commands":
      return UUID.test(command.data) ? null : "stop-commands without a random token";
    case "debug":
      return null;
    case "error":
    case "warning":
    case "notice":
      // Annotations for findings carry the rule id as title; the step's own messages
      // (the fork's read-only token, the failure) have no properties and say who speaks.
      if (RULE_TITLE.test(command.properties)) return null;
      if (command.properties === "" && command.name === "error")
        return command.data.startsWith("kms-usage-lint: ") ? null : "an error not from the Action";
      if (command.properties === "" && command.name === "warning") return null;
      return `an annotation with properties ${command.properties}`;
    default:
      return command.name === resumeToken ? null : `a command named ${command.name}`;
  }
}

describe.each(nodeRuntimes())("the Action on a hostile plan, on $name", ({ bin }) => {
  let fake: FakeGithub;
  let dir: string;

  beforeAll(async () => {
    fake = await FakeGithub.start({ owner: "acme", repo: "infra" });
    const user = { login: "github-actions[bot]", type: "Bot", id: 41898282 } as const;
    fake.addToken(READ_ONLY, { user, canWrite: false, userEndpoint: false });
    fake.addToken(WRITER, { user, canWrite: true, userEndpoint: false });
    dir = isolatedCopy();
  });
  afterAll(() => fake.close());

  it.each(HOSTILE_KEYS.map((key) => [JSON.stringify(key), key]))(
    "for_each key %s: only the Action's own commands reach the runner",
    async (_, key) => {
      const plan = join(dir, "examples", "hostile.json");
      writeFileSync(plan, planWithForEachKey(key));
      const event = join(dir, "event.json");
      writeFileSync(
        event,
        JSON.stringify({
          number: 42,
          pull_request: {
            number: 42,
            head: { sha: HEAD, repo: { full_name: "someone/infra", fork: true } },
            base: { sha: BASE, repo: { full_name: "acme/infra" } },
          },
          repository: { full_name: "acme/infra" },
        }),
      );
      writeFileSync(join(dir, "out"), "");
      const run = await runNodeAsync(bin, ["dist/index.js"], dir, {
        "INPUT_TERRAFORM-PLAN": "examples/hostile.json",
        INPUT_FACTS: "examples/facts.json",
        INPUT_NOW: "2026-11-28T00:00:00Z",
        // The check run is refused (a fork's token): annotations fall back to workflow commands.
        INPUT_ANNOTATIONS: "checks",
        INPUT_COMMENT: "off",
        "INPUT_FAIL-ON": "warning",
        // The example's no-op key too: its finding is one of the six annotations.
        INPUT_SCOPE: "all",
        "INPUT_GITHUB-TOKEN": READ_ONLY,
        GITHUB_ACTIONS: "true",
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: "acme/infra",
        GITHUB_API_URL: fake.url,
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: join(dir, "out"),
        RUNNER_TEMP: dir,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "1",
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(1);

      const commands = runnerCommands(run.stdout);
      const stop = commands.find((c) => c.name === "stop-commands");
      const problems = commands
        .map((command) => [command, notTheActions(command, stop?.data ?? null)] as const)
        .filter(([, why]) => why !== null);
      expect(problems).toEqual([]);
      expect(run.stdout).not.toContain("##[");

      // The report went inside the block, and the block was closed again.
      const names = commands.map((c) => c.name);
      expect(names.filter((n) => n === "stop-commands")).toHaveLength(1);
      expect(names).toContain(stop?.data);
      const lines = run.stdout.split("\n");
      const from = lines.indexOf(`::stop-commands::${stop?.data}`);
      const to = lines.indexOf(`::${stop?.data}::`);
      expect(lines.slice(from, to).join("\n")).toContain("✖ 6 problems");

      // After it, the Action's own commands still work: the six findings as annotations,
      // the fork's warning, the failure.
      const after = commands.filter((c) => c.line > to + 1);
      expect(after.filter((c) => RULE_TITLE.test(c.properties))).toHaveLength(6);
      expect(after.some((c) => c.name === "warning" && c.data.includes("fork"))).toBe(true);
      expect(after.at(-1)).toMatchObject({
        name: "error",
        data: expect.stringMatching(/^kms-usage-lint: findings at or above fail-on \(warning\)/),
      });
    },
  );

  it.each(HOSTILE_KEYS.map((key) => [JSON.stringify(key), key]))(
    "GitHub answering %s: its words are printed, escaped, and no command reaches the runner",
    async (_, hostile) => {
      const event = join(dir, "event.json");
      writeFileSync(
        event,
        JSON.stringify({
          number: 42,
          pull_request: {
            number: 42,
            head: { sha: HEAD, repo: { full_name: "acme/infra" } },
            base: { sha: BASE, repo: { full_name: "acme/infra" } },
          },
          repository: { full_name: "acme/infra" },
        }),
      );
      fake.addPull({ number: 42, headSha: HEAD, baseSha: BASE, files: [] });
      // Refusals GitHub does not retry, their messages the hostile text, line breaks and all.
      const refuse = (path: RegExp, status: number) =>
        fake.fail({ method: "POST", path, status, body: { message: `Nope ${hostile} end` } });
      refuse(/\/check-runs$/, 400);
      refuse(/\/issues\/42\/comments$/, 422);
      writeFileSync(join(dir, "out"), "");
      const run = await runNodeAsync(bin, ["dist/index.js"], dir, {
        INPUT_FACTS: "examples/facts.json",
        "INPUT_TERRAFORM-PLAN": "examples/plan.json",
        INPUT_NOW: "2026-11-28T00:00:00Z",
        INPUT_ANNOTATIONS: "checks",
        INPUT_COMMENT: "new",
        "INPUT_FAIL-ON": "warning",
        INPUT_SCOPE: "all",
        "INPUT_GITHUB-TOKEN": WRITER,
        GITHUB_ACTIONS: "true",
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: "acme/infra",
        GITHUB_API_URL: fake.url,
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: join(dir, "out"),
        RUNNER_TEMP: dir,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "1",
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(1);
      const commands = runnerCommands(run.stdout);
      const stop = commands.find((c) => c.name === "stop-commands");
      const problems = commands
        .map((command) => [command, notTheActions(command, stop?.data ?? null)] as const)
        .filter(([, why]) => why !== null);
      expect(problems).toEqual([]);
      expect(run.stdout).not.toContain("##[");
      // Both refusals are said, each on its one line, GitHub's words in it.
      const refusals = commands.filter(
        (c) => c.name === "warning" && c.data.includes("GitHub answered"),
      );
      expect(refusals.map((c) => c.data.slice(0, c.data.indexOf(":")))).toEqual([
        "creating the check run",
        "writing the pull request comment",
      ]);
      for (const refusal of refusals) expect(refusal.data).toMatch(/\(Nope .* end/);
    },
  );
});
