/**
 * The command line on inputs that try to make it hang or speak for them
 * (SPEC §9, §10): FIFOs and devices as inputs or beside them, oversized rules
 * files, and names, addresses and rule values that carry runner commands or
 * control characters. Runs the CLI in-process with the real file system.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nodeDeps } from "../../src/node-deps.js";
import { readRegularFile } from "../../src/read-file.js";
import { runCli } from "../support/cli.js";
import { forEachAddress, planWithForEachKey } from "../support/hostile-plan.js";
import { ROOT } from "../support/run-dist.js";
import { commandLikeLines, runnerCommands } from "../support/runner-commands.js";
import { mkfifo, POSIX, sparseFile } from "../support/special-files.js";

const NOW = ["--now", "2026-11-28T00:00:00Z"];
const FORMATS = ["text", "json", "sarif", "markdown", "github"] as const;

let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kul-hostile-"));
  cpSync(join(ROOT, "examples"), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `check` of the example plan in `dir`, with `args` added. */
const check = (args: string[] = [], plan = at("plan.json")) =>
  runCli([plan, "--facts", at("facts.json"), ...NOW, ...args], dir);

describe.runIf(POSIX)("nothing the CLI reads can make it wait", () => {
  it.each([
    ["the plan", (fifo: string) => [fifo, "--facts", at("facts.json")]],
    ["the facts snapshot", (fifo: string) => [at("plan.json"), "--facts", fifo]],
    [
      "the rules file",
      (fifo: string) => [at("plan.json"), "--facts", at("facts.json"), "--config", fifo],
    ],
  ])("a FIFO as %s: exit 2 at once, naming the file and what it is", async (_, argv) => {
    mkfifo(at("input.fifo"));
    const run = await runCli([...argv(at("input.fifo")), ...NOW], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^kms-usage-lint: ${at("input.fifo")}: cannot read [a-z ]+: is a named pipe \\(FIFO\\), not a regular file`,
      ),
    );
  });

  it("a FIFO as a file the rules extend: the extends entry names it", async () => {
    mkfifo(at("base.yml"));
    writeFileSync(at("kms.yml"), "extends: [recommended, ./base.yml]\n");
    const run = await check(["--config", at("kms.yml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `kms.yml:1:24: cannot extend \`./base.yml\`: ${at("base.yml")}: is a named pipe (FIFO)`,
    );
  });

  it("a FIFO as a rule test file", async () => {
    mkdirSync(at("tests"));
    mkfifo(at("tests", "a.test.yml"));
    const run = await runCli(["test", at("tests")], dir, { listDir: nodeDeps().listDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("a.test.yml:1:1: cannot read rule tests: is a named pipe (FIFO)");
  });

  it.each(["/dev/urandom", "/dev/zero"])(
    "%s as the plan: exit 2 without reading from it",
    async (device) => {
      const run = await check([], device);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `kms-usage-lint: ${device}: cannot read input: is a character device, not a regular file; save the content to a file and name that (only regular files are read, so that no input can make the run wait or read without end)\n`,
      );
    },
  );

  it.each([
    ["a .tf file beside the plan", "extra.tf"],
    ["the module's .tf file", "modules/storage/extra.tf"],
    ["`.git` beside the plan", ".git"],
  ])("a FIFO as %s is skipped: the run completes as without it", async (_, name) => {
    const without = await check();
    mkfifo(at(name));
    const run = await check();
    expect(run).toEqual(without);
    expect(run.code).toBe(1);
  });

  it("a FIFO as the CDK app's cdk.json is skipped: the run completes as without it", async () => {
    cpSync(join(ROOT, "test/fixtures/cdk-assembly/awscdk_kms_key_v20"), at("cdk.out"), {
      recursive: true,
    });
    // The assembly as its own base: nothing changes, and no deployed template is needed.
    const assembly = ["--cdk-out", at("cdk.out"), "--cdk-base", at("cdk.out")];
    const args = ["check", ...assembly, "--facts", at("facts.json"), ...NOW, "--format", "json"];
    const without = await runCli(args, dir);
    mkfifo(at("cdk.json"));
    const run = await runCli(args, dir);
    expect(run).toEqual(without);
    expect(JSON.parse(run.stdout).version).toBe(1);
  });
});

describe("sizes are checked before reading", () => {
  it("a rules file over 1 MiB is refused, naming the limit", async () => {
    writeFileSync(at("kms.yml"), `extends: [recommended]\n# ${"x".repeat(1024 ** 2)}\n`);
    const run = await check(["--config", at("kms.yml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `kms-usage-lint: ${at("kms.yml")}: cannot read rules file: is 1048602 bytes, over the limit of 1048576 bytes (1 MiB) for this kind of file\n`,
    );
  });

  it.runIf(POSIX)("a 1.5 GiB rules file is refused at once, unread", async () => {
    sparseFile(at("kms.yml"), 1.5 * 1024 ** 3);
    const run = await check(["--config", at("kms.yml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot read rules file: is 1.5 GiB, over the limit of 1 MiB");
  });

  it.runIf(POSIX)("an extended file over 1 MiB is refused at the entry that names it", async () => {
    sparseFile(at("big.yml"), 1024 ** 2 + 1);
    writeFileSync(at("kms.yml"), "extends:\n  - recommended\n  - ./big.yml\n");
    const run = await check(["--config", at("kms.yml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("kms.yml:3:5: cannot extend `./big.yml`: ");
    expect(run.stderr).toContain("is 1048577 bytes, over the limit of 1048576 bytes (1 MiB)");
  });

  it.runIf(POSIX)("a plan over 2 GiB is refused at once, unread", async () => {
    sparseFile(at("huge.json"), 2 * 1024 ** 3 + 1);
    const run = await check([], at("huge.json"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "cannot read input: is 2147483649 bytes, over the limit of 2147483648 bytes (2 GiB)",
    );
  });
});

describe("no input can issue a runner command", () => {
  it.each([
    ["a legacy command", "##[stop-commands]x", "#\\u0023[stop-commands]x"],
    ["a new line and a workflow command", "\n::error::PWNED", "\\n::error::PWNED"],
    [
      "a carriage return, an escape sequence and both",
      "\r::warning::x\u001b[2K##[group]y",
      "\\r::warning::x\\u001b[2K#\\u0023[group]y",
    ],
    [
      "zero-width characters",
      "#\u200b#[stop-commands]z\u2028::error::w",
      "#\\u200b#[stop-commands]z\\u2028::error::w",
    ],
  ])("a for_each key with %s: every format prints it escaped", async (_, key, shown) => {
    writeFileSync(at("hostile.json"), planWithForEachKey(key));
    for (const format of FORMATS) {
      const run = await check(["--format", format, "--fail-on", "none"], at("hostile.json"));
      expect(run.code).toBe(0);
      expect(commandLikeLines(run.stderr)).toEqual([]);
      if (format === "github") {
        // Only its own annotations, each one line.
        for (const command of runnerCommands(run.stdout)) {
          expect(command.syntax).toBe("workflow");
          expect(command.properties).toMatch(/^title=[a-z-]+(,|$)/);
          expect(["error", "warning", "notice"]).toContain(command.name);
        }
        expect(run.stdout).not.toContain("##[");
      } else {
        expect(commandLikeLines(run.stdout)).toEqual([]);
      }
      // The text report shows the key, each character that could act made visible.
      if (format === "text") expect(run.stdout).toContain(forEachAddress(shown));
      if (format === "json" || format === "sarif") {
        // Escaped as JSON escapes: the value reads back the same.
        expect(JSON.stringify(JSON.parse(run.stdout))).toContain(
          JSON.stringify(forEachAddress(key)).slice(1, -1),
        );
      }
    }
  });

  it("the text report shows the hostile key escaped, byte for byte", async () => {
    writeFileSync(at("hostile.json"), planWithForEachKey("##[stop-commands]x\n::error::PWNED"));
    const run = await check(["--fail-on", "none"], at("hostile.json"));
    expect(run.stdout).toContain(
      'module.storage.aws_kms_key.this["#\\u0023[stop-commands]x\\n::error::PWNED"] would replace',
    );
  });

  it("a rules file value with a new line and a workflow command is shown escaped on one line", async () => {
    writeFileSync(
      at("kms.yml"),
      'extends: [recommended]\nrules:\n  unused-key: "off\\n::error::PWNED"\n',
    );
    const run = await check(["--config", at("kms.yml")]);
    expect(run.code).toBe(2);
    expect(commandLikeLines(run.stderr)).toEqual([]);
    expect(run.stderr).toBe(
      `kms-usage-lint: ${at("kms.yml")}:3:15: rule \`unused-key\` must be \`off\`, \`error\`, \`warning\`, \`notice\` or a rule definition; got \`off\\n::error::PWNED\`\n`,
    );
  });

  it("a warning quoting a rules file value is escaped on stderr", async () => {
    writeFileSync(
      at("kms.yml"),
      'extends: [recommended]\nignore:\n  - rule: unused-key\n    key: "x\\n::error::PWNED ##[stop-commands]y"\n    reason: r\n',
    );
    const run = await check(["--config", at("kms.yml")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("x\\n::error::PWNED #\\u0023[stop-commands]y");
    expect(commandLikeLines(run.stderr)).toEqual([]);
  });

  it.runIf(POSIX)(
    "an input file name with control characters and runner commands is escaped wherever it is printed",
    async () => {
      const name = "::error::PWNED\n##[stop-commands]x\u001b[31m.json";
      // No .tf files here: the findings are grouped under the plan's own name.
      mkdirSync(at("bare"));
      cpSync(at("plan.json"), at("bare", name));
      for (const format of ["text", "markdown"]) {
        const run = await check(["--format", format, "--fail-on", "none"], at("bare", name));
        expect(run.code).toBe(0);
        expect(commandLikeLines(run.stdout)).toEqual([]);
        expect(run.stdout).not.toContain("\u001b");
      }
      const missing = await check([], at("bare", `missing-${name}`));
      expect(missing.code).toBe(2);
      expect(commandLikeLines(missing.stderr)).toEqual([]);
      expect(missing.stderr).toContain(
        "missing-::error::PWNED\\n#\\u0023[stop-commands]x\\u001b[31m.json: cannot read input: no such file",
      );
    },
  );
});

describe("rules files that cannot be what the user meant", () => {
  it("one YAML problem (a tab) is one message with file:line:col", async () => {
    writeFileSync(
      at("kms.yml"),
      "extends: [recommended]\nrules:\n  no-prod:\n    severity: error\n\tdescription: x\n    message: m\n    when:\n      fact: key.arn\n      exists: true\n",
    );
    const run = await check(["--config", at("kms.yml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `kms-usage-lint: ${at("kms.yml")}:5:1: YAML syntax error: Tabs are not allowed as indentation; indent with spaces\n`,
    );
  });

  it("extends outside the repository: exit 2 naming the rules file and the entry's line, the file unread", async () => {
    mkdirSync(at("repo", ".git"), { recursive: true });
    writeFileSync(at("outside.yml"), "rules: {}\n");
    writeFileSync(at("repo", "kms.yml"), "extends:\n  - recommended\n  - ../outside.yml\n");
    const reads: string[] = [];
    const run = await runCli(
      [at("plan.json"), "--facts", at("facts.json"), ...NOW, "--config", at("repo", "kms.yml")],
      dir,
      {
        readFile: (path, maxBytes) => {
          reads.push(path);
          return readRegularFile(path, maxBytes);
        },
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `kms-usage-lint: ${at("repo", "kms.yml")}:3:5: cannot extend \`../outside.yml\`: ${at("outside.yml")}: outside the repository (${at("repo")}); a rules file may extend only files inside it (copy the file in, or extend a built-in pack)\n`,
    );
    expect(reads).not.toContain(at("outside.yml"));
  });

  it.runIf(POSIX)(
    "a rules file inside the repository that links outside it is not read: the secret stays out of the log",
    async () => {
      mkdirSync(at("repo", ".git"), { recursive: true });
      const SECRET = "aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
      writeFileSync(at("credentials"), `rules:\n  ${SECRET}\n`);
      const config = ["--config", at("repo", "kms.yml")];
      const run = (extra: string[]) =>
        runCli([at("plan.json"), "--facts", at("facts.json"), ...NOW, ...config, ...extra], dir);
      // The rules file itself a link…
      symlinkSync(at("credentials"), at("repo", "kms.yml"));
      const direct = await run([]);
      expect(direct.code).toBe(2);
      expect(direct.stderr).toBe(
        `kms-usage-lint: ${at("repo", "kms.yml")}: cannot read rules file: is a link to a file outside the repository (${at("repo")}); a rules file is read only from inside it\n`,
      );
      // …or a file it extends.
      rmSync(at("repo", "kms.yml"));
      writeFileSync(at("repo", "kms.yml"), "extends:\n  - recommended\n  - ./team.yml\n");
      symlinkSync(at("credentials"), at("repo", "team.yml"));
      const extended = await run([]);
      expect(extended.code).toBe(2);
      expect(extended.stderr).toMatch(
        /:3:5: cannot extend `\.\/team\.yml`: .*team\.yml: is a link to a file outside the repository/,
      );
      for (const output of [direct, extended]) expect(output.stderr).not.toContain("wJalrXUtnFEMI");
    },
  );

  it.runIf(POSIX)(
    "kms-usage-lint test reads no rule test file's extended file through a link out of the repository",
    async () => {
      mkdirSync(at("repo", ".git"), { recursive: true });
      writeFileSync(at("credentials"), "secret: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
      symlinkSync(at("credentials"), at("repo", "ext.yml"));
      writeFileSync(
        at("repo", "x.test.yml"),
        "extends: [./ext.yml]\ncases:\n  - name: c\n    keys: [{}]\n    expect: []\n",
      );
      const run = await runCli(["test", at("repo", "x.test.yml")], dir, {
        listDir: nodeDeps().listDir,
      });
      expect(`${run.stdout}${run.stderr}`).toContain("is a link to a file outside the repository");
      expect(`${run.stdout}${run.stderr}`).not.toContain("wJalrXUtnFEMI");
      expect(run.code).not.toBe(0);
    },
  );

  it("extends outside the rules file's directory, there being no repository", async () => {
    writeFileSync(at("kms.yml"), 'extends: ["../../../../etc/passwd"]\n');
    const run = await check(["--config", at("kms.yml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^kms-usage-lint: ${at("kms.yml")}:1:11: cannot extend \`\\.\\./\\.\\./\\.\\./\\.\\./etc/passwd\`: /etc/passwd: outside the rules file's directory \\(${dir}; it is in no git repository\\)`,
      ),
    );
  });

  it.each([
    ["empty", ""],
    ["whitespace only", " \n\n  \n"],
    ["comments only", "# TODO: rules\n"],
  ])("an %s rules file: exit 2 saying what to write", async (_, text) => {
    writeFileSync(at("kms.yml"), text);
    const run = await check(["--config", at("kms.yml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("rules file is empty");
    expect(run.stderr).toContain("`extends: [recommended]`");
  });

  it.each([
    ["extends nothing", "extends: []\n"],
    ["defines no rules", "rules: {}\n"],
    ["switches its only rule off", "extends: [./one.yml]\nrules:\n  unused-key: off\n"],
  ])("a rules file that %s: exit 2, a check with no rule passes everything", async (_, text) => {
    writeFileSync(
      at("one.yml"),
      "rules:\n  unused-key:\n    severity: warning\n    description: d\n    when: { fact: usage.status, equals: unused }\n    message: m\n",
    );
    writeFileSync(at("kms.yml"), text);
    const run = await check(["--config", at("kms.yml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `kms-usage-lint: ${at("kms.yml")}: no rule is enabled, so every change would pass; enable some, for the built-in ones \`extends: [recommended]\`\n`,
    );
  });
});
