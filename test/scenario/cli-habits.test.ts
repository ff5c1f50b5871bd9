/**
 * The habits users bring from ESLint, Spectral and Checkov (issue 16): `-` is
 * standard output, output directories are created, colour follows the flag and
 * the environment, a bare or mistyped command is helped, and `rules` and `test`
 * speak JSON (and JUnit). What is about the process runs as a process.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseXML } from "@aws-sdk/xml-builder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliProcess } from "../support/cli.js";
import { type KmsEmulator, startKmsEmulator } from "../support/kms-emulator.js";
import { ROOT } from "../support/run-dist.js";

const NOW = "2026-11-28T00:00:00Z";
const PLAN = join(ROOT, "examples/plan.json");
const FACTS = join(ROOT, "examples/facts.json");
const CHECK = [PLAN, "--facts", FACTS, "--now", NOW];
// An ANSI escape sequence: what colour is made of.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what it finds
const ANSI = /\u001b\[/;

const tempDir = () => mkdtempSync(join(tmpdir(), "kul-habits-"));

describe("- is standard output", () => {
  it("--format json=- writes the report to stdout and no file named -", async () => {
    const dir = tempDir();
    const run = await runCliProcess([...CHECK, "--format", "json=-"], dir);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary.error).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("two formats on stdout (json=- and the default place of another) are a usage error", async () => {
    for (const formats of [
      ["json=-", "text"],
      ["sarif=-", "json=-"],
    ]) {
      const run = await runCli([...CHECK, ...formats.flatMap((f) => ["--format", f])], ROOT);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/only one --format can go to standard output/);
      expect(run.stdout).toBe("");
    }
    const snapshotToo = await runCli([...CHECK, "--save-facts", "-"], ROOT);
    expect(snapshotToo.code).toBe(2);
    expect(snapshotToo.stderr).toMatch(/--save-facts - writes the snapshot to standard output/);
  });

  it("--save-facts - with the report in a file puts the snapshot on stdout", async () => {
    const run = await runCli([...CHECK, "--save-facts", "-", "--format", "json=r.json"], ROOT);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: 1 });
    expect(Object.keys(run.written)).toEqual(["r.json"]);
  });

  describe("snapshot -o -", () => {
    let kms: KmsEmulator;
    beforeAll(async () => {
      kms = await startKmsEmulator({ clock: () => new Date(NOW) });
      kms.seed({ keys: [{ keyId: "1234abcd-12ab-34cd-56ef-1234567890ab" }] });
    });
    afterAll(() => kms.close());

    it("writes the snapshot to stdout and says so on stderr", async () => {
      const dir = tempDir();
      const run = await runCliProcess(
        [
          "snapshot",
          "--key",
          "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          "-o",
          "-",
        ],
        dir,
        {
          AWS_ACCESS_KEY_ID: "test",
          AWS_SECRET_ACCESS_KEY: "test",
          AWS_REGION: "us-east-1",
          AWS_EC2_METADATA_DISABLED: "true",
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
          AWS_ENDPOINT_URL_KMS: kms.endpoint,
          AWS_ENDPOINT_URL_STS: kms.endpoint,
          AWS_ENDPOINT_URL_CLOUDTRAIL: kms.endpoint,
        },
      );
      expect(run.stderr).toMatch(/^wrote the facts of 1 key to standard output: /);
      expect(run.status).toBe(0);
      const snapshot = JSON.parse(run.stdout);
      expect(snapshot.version).toBe(1);
      expect(Object.keys(snapshot.keys)).toHaveLength(1);
      expect(readdirSync(dir)).toEqual([]);
    });
  });
});

describe("output files", () => {
  it("are written with the directories above them created", async () => {
    const dir = tempDir();
    const run = await runCliProcess(
      [...CHECK, "--format", "sarif=out/deep/report.sarif", "--format", "json=-"],
      dir,
    );
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, "out/deep/report.sarif"), "utf8")).version).toBe(
      "2.1.0",
    );
  });
});

describe("colour", () => {
  const text = (env: NodeJS.ProcessEnv, flags: string[] = []) =>
    runCliProcess([...CHECK, ...flags], ROOT, env).then((run) => run.stdout);

  it("is off on a pipe, on with FORCE_COLOR (levels 1–3) or --color, off with level 0", async () => {
    expect(await text({})).not.toMatch(ANSI);
    expect(await text({ FORCE_COLOR: "1" })).toMatch(ANSI);
    expect(await text({ FORCE_COLOR: "3" })).toMatch(ANSI);
    expect(await text({ FORCE_COLOR: "0" })).not.toMatch(ANSI);
    expect(await text({}, ["--color"])).toMatch(ANSI);
  });

  it("--no-color beats FORCE_COLOR, FORCE_COLOR beats NO_COLOR, --color beats NO_COLOR", async () => {
    expect(await text({ FORCE_COLOR: "3" }, ["--no-color"])).not.toMatch(ANSI);
    expect(await text({ FORCE_COLOR: "1", NO_COLOR: "1" })).toMatch(ANSI);
    expect(await text({ NO_COLOR: "1" }, ["--color"])).toMatch(ANSI);
  });

  it("never goes into a file", async () => {
    const run = await runCli([...CHECK, "--color", "--format", "text=r.txt"], ROOT);
    expect(run.written["r.txt"]).not.toMatch(ANSI);
    expect(run.written["r.txt"]).toContain("✖ 6 problems");
  });
});

describe("a bare or mistyped command", () => {
  it("bare, where nothing can be checked: help and the reason on stderr, exit 2", async () => {
    const run = await runCliProcess([], tempDir());
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Usage: kms-usage-lint \[options\] \[command\]/m);
    expect(run.stderr).toMatch(/^kms-usage-lint: no inputs found in the working directory/m);
  });

  it("bare, where there are inputs: checks them as ever", async () => {
    const dir = tempDir();
    cpSync(PLAN, join(dir, "plan.json"));
    const run = await runCliProcess([], dir);
    expect(run.stderr).not.toMatch(/Usage:/);
  });

  it("a typo of a command gets did-you-mean, not 'cannot read input'", async () => {
    for (const [typo, command] of [
      ["chek", "check"],
      ["snapshop", "snapshot"],
      ["rule", "rules"],
      ["tset", "test"],
    ]) {
      const run = await runCli([typo as string], ROOT);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `kms-usage-lint: unknown command "${typo}" (did you mean ${command}?); to check a file of that name, write ./${typo} (see kms-usage-lint --help)\n`,
      );
    }
  });

  it("a file of that name, or a word near no command, is still an input", async () => {
    const dir = tempDir();
    cpSync(PLAN, join(dir, "chek"));
    const file = await runCliProcess(["chek", "--facts", FACTS, "--now", NOW], dir);
    expect(file.status).toBe(1);
    expect(file.stdout).toContain("deleting-recently-used-key");
    const other = await runCli(["plan", "--facts", FACTS, "--now", NOW], tempDir());
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/plan: cannot read input/);
  });
});

describe("rules --format json", () => {
  it("lists each rule in effect with its id, severity, source, description, help and facts", async () => {
    const run = await runCli(["rules", "--format", "json"], tempDir());
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.version).toBe(1);
    const ids = doc.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(doc.rules.find((r: { id: string }) => r.id === "unused-key")).toMatchObject({
      severity: "warning",
      source: "recommended",
      description: expect.any(String),
      help: expect.any(String),
      facts: expect.arrayContaining(["usage.status"]),
    });
  });

  it("refuses a format it does not have", async () => {
    const run = await runCli(["rules", "--format", "sarif"], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--format <format>' argument 'sarif' is invalid/);
  });
});

describe("test --format json|junit", () => {
  const dir = tempDir();
  // A passing case, a failing one, and names no report may take for markup or a runner command.
  writeFileSync(
    join(dir, "t.test.yml"),
    `cases:
  - name: unused keys are found
    keys: [{ key: { ageDays: 31 }, usage: { status: unused, daysTracked: 31 } }]
    expect: [unused-key]
  - name: "<b>&amp;\\"quoted\\" 'x' ##[error]pwned"
    keys: [{ key: { ageDays: 31 }, usage: { status: unused, daysTracked: 31 } }]
    expect: []
`,
  );
  const HOSTILE = `<b>&amp;"quoted" 'x' ##[error]pwned`;

  it("json: a summary and every case, with expected, actual and the diff of a failure", async () => {
    const run = await runCliProcess(["test", "--format", "json"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain("##[");
    expect(JSON.parse(run.stdout)).toEqual({
      version: 1,
      summary: { files: 1, cases: 2, passed: 1, failed: 1 },
      cases: [
        { file: "t.test.yml", line: 2, name: "unused keys are found", status: "passed" },
        {
          file: "t.test.yml",
          line: 5,
          name: HOSTILE,
          status: "failed",
          expected: [],
          actual: ["unused-key: warning"],
          diff: ["+ unused-key: warning  fired for aws_kms_key.key1, not expected"],
        },
      ],
    });
  });

  it("junit: testsuites/testsuite/testcase/failure, escaped, that a JUnit reader reads back", async () => {
    const run = await runCliProcess(
      ["test", "--format", "junit=-", "--format", "text=out/t.txt"],
      dir,
    );
    expect(run.status).toBe(1);
    const xml = run.stdout;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).not.toContain("##[");
    expect(xml).not.toContain("<b>");
    // Every & starts an entity; no < inside an attribute value.
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#x[0-9A-F]+);)/);
    expect(xml).not.toMatch(/="[^"]*</);
    const doc = parseXML(xml) as {
      testsuites: {
        tests: string;
        failures: string;
        testsuite: {
          name: string;
          tests: string;
          failures: string;
          testcase: {
            name: string;
            line: string;
            failure?: { message: string; "#text": string };
          }[];
        };
      };
    };
    expect(doc.testsuites).toMatchObject({ tests: "2", failures: "1" });
    const suite = doc.testsuites.testsuite;
    expect(suite).toMatchObject({ name: "t.test.yml", tests: "2", failures: "1" });
    expect(suite.testcase[0]).toMatchObject({ name: "unused keys are found", line: "2" });
    expect(suite.testcase[0]?.failure).toBeUndefined();
    expect(suite.testcase[1]).toMatchObject({ name: HOSTILE, line: "5" });
    expect(suite.testcase[1]?.failure?.message).toBe("expected [], fired [unused-key: warning]");
    expect(readFileSync(join(dir, "out/t.txt"), "utf8")).toMatch(
      /2 cases in 1 file: 1 passed, 1 failed\n$/,
    );
  });

  it("refuses a format it does not have", async () => {
    const run = await runCli(["test", "--format", "sarif"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--format "sarif": expected one of text, json, junit/);
  });
});
