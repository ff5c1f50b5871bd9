/**
 * Our SARIF as upload-sarif takes it (issue 16): the fingerprints it adds, the
 * warnings it would log, the category it gives each run and the uploads it would
 * refuse, applied by test/support/upload-sarif.ts to the example's SARIF and to a
 * generated checkout with 120 findings.
 */

import { mkdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunConfig } from "../../src/config/config.js";
import { run } from "../../src/pipeline.js";
import { FINGERPRINT_KEY, formatSarif } from "../../src/report/formats/sarif.js";
import { testConfig, testDeps } from "../support/config.js";
import { ROOT } from "../support/run-dist.js";
import { addLineHashes, lineHashes, uploadInOneJob } from "../support/upload-sarif.js";

const NOW = new Date("2026-11-28T00:00:00Z");
const JOB = ".github/workflows/infra.yml:check";

// biome-ignore lint/suspicious/noExplicitAny: SARIF as parsed JSON
type Json = any;

/** The SARIF `check` writes for `config` in the checkout `root`, as the CLI would. */
async function sarifOf(
  root: string,
  config: Partial<RunConfig>,
  fileExists: (path: string) => boolean = () => false,
): Promise<Json> {
  const result = await run(
    testConfig({ repoRoot: root, now: NOW, ...config }),
    testDeps({
      readFile: (path) => readFile(join(root, path), "utf8"),
      fileExists: async (path) => fileExists(path),
      cwd: root,
      clock: () => NOW,
      tool: { name: "kms-usage-lint", version: "0.1.0" },
    }),
  );
  return JSON.parse(
    formatSarif(result.report, {
      rules: result.rules.rules,
      cwd: root,
      repoRoot: root,
      category: config.sarifCategory ?? null,
      anchorFiles: result.rulesFile === null ? [] : [result.rulesFile],
    }),
  );
}

/** Every rule upload-sarif applies, on one log; returns what a test asserts on. */
function uploadChecks(log: Json, checkout: string) {
  const results: Json[] = log.runs.flatMap((r: Json) => r.results);
  const before = results.map((r) => ({ ...r.partialFingerprints }));
  const fingerprints = addLineHashes(log, checkout);
  const uris: string[] = results.map(
    (r) => r.locations[0]?.physicalLocation?.artifactLocation?.uri,
  );
  return { results, before, fingerprints, uris };
}

/** A URI code scanning reads as a path from the repository root. */
function isRepositoryRelative(uri: string): boolean {
  return (
    !/^[a-z][a-z0-9+.-]*:/i.test(uri) &&
    !uri.startsWith("/") &&
    !decodeURIComponent(uri).split("/").includes("..")
  );
}

describe("the line hash, as upload-sarif computes it", () => {
  it("matches what codeql-action's fingerprints.ts gives (v4, commit f3f1edbed)", () => {
    // Computed by running codeql-action's own `hash` on this text: CRLF, indentation,
    // a repeated line and the empty line after the last line end.
    const text =
      'resource "aws_kms_key" "data" {\n  description = "x"\r\n}\n\nresource "aws_kms_key" "data" {\n';
    expect([...lineHashes(text)]).toEqual([
      [1, "f7ed615f8b1423eb:1"],
      [2, "eed0dd0b8f926e9b:1"],
      [3, "7f7331f2b1c0d7c4:1"],
      [4, "50d142fd24c8c039:1"],
      [5, "b61e889051e335d3:1"],
      [6, "c129715d7a2bc9a3:1"],
    ]);
  });
});

describe("the example's SARIF under upload-sarif's rules", () => {
  const example = () =>
    sarifOf(ROOT, {
      inputs: [{ kind: "auto", path: "examples/plan.json" }],
      factsFile: "examples/facts.json",
    });

  it("gets a line hash on every result, with no warning and nothing skipped", async () => {
    const { results, before, fingerprints, uris } = uploadChecks(await example(), ROOT);
    expect(results.length).toBeGreaterThan(0);
    expect(fingerprints).toEqual({ warnings: [], fingerprinted: results.length, skipped: [] });
    // We bring our own fingerprint only, under our own name.
    for (const fingerprint of before) {
      expect(Object.keys(fingerprint)).toEqual([FINGERPRINT_KEY]);
    }
    for (const uri of uris) expect(isRepositoryRelative(uri)).toBe(true);
  });

  it("is held to a check that does warn on a fingerprint of another recipe", async () => {
    const log = await example();
    for (const result of log.runs[0].results) {
      result.partialFingerprints.primaryLocationLineHash = `${result.partialFingerprints[FINGERPRINT_KEY]}:1`;
    }
    const { results, fingerprints } = uploadChecks(log, ROOT);
    expect(fingerprints.warnings).toHaveLength(results.length);
    expect(fingerprints.warnings[0]).toMatch(/found existing inconsistent fingerprint value/);
  });

  it("uploads twice in one job under two categories, and not twice under one", async () => {
    const a = await example();
    const b = await example();
    expect(a.runs[0].automationDetails).toBeUndefined();
    expect(
      uploadInOneJob(
        [
          { log: a, category: "terraform/prod" },
          { log: b, category: "terraform/staging" },
        ],
        JOB,
      ),
    ).toEqual([null, null]);
    expect(uploadInOneJob([{ log: a }, { log: b }], JOB)[1]).toMatch(/only one run/);
  });

  it("lets --sarif-category name the category, which then wins over upload-sarif's", async () => {
    const prod = await sarifOf(ROOT, {
      inputs: [{ kind: "auto", path: "examples/plan.json" }],
      factsFile: "examples/facts.json",
      sarifCategory: "terraform/prod",
    });
    expect(prod.runs[0].automationDetails).toEqual({ id: "terraform/prod/" });
    const staging = structuredClone(prod);
    staging.runs[0].automationDetails.id = "terraform/staging/";
    expect(uploadInOneJob([{ log: prod }, { log: staging }], JOB)).toEqual([null, null]);
    // One fixed id in every file (what main wrote before) breaks the second upload.
    expect(
      uploadInOneJob(
        [
          { log: prod, category: "a" },
          { log: structuredClone(prod), category: "b" },
        ],
        JOB,
      )[1],
    ).toMatch(/only one run/);
  });
});

describe("a generated checkout with 120 findings under upload-sarif's rules", () => {
  let root = "";
  const KEYS_UNUSED = 100;
  const KEYS_DELETED = 5;
  const KEYS_NAMED = 10;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "kul-sarif-"));
    await writeCheckout(root, KEYS_UNUSED, KEYS_DELETED);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const generated = () =>
    sarifOf(
      root,
      {
        inputs: [{ kind: "auto", path: "infra/plan.json" }],
        factsFile: "facts.json",
        configFile: ".kms-usage-lint.yml",
        keys: Array.from({ length: KEYS_NAMED }, (_, i) => keyArn(1000 + i)),
        maxFactsAgeDays: 30,
      },
      (path) => path === ".kms-usage-lint.yml",
    );

  it("has 120 results, each on a file of the checkout, with its own fingerprint", async () => {
    const log = await generated();
    const { results, fingerprints, uris } = uploadChecks(log, root);
    expect(results).toHaveLength(120);
    expect(fingerprints).toEqual({ warnings: [], fingerprinted: 120, skipped: [] });
    for (const uri of uris) expect(isRepositoryRelative(uri)).toBe(true);
    const ours = new Set(results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]));
    expect(ours.size).toBe(120);
    // Code scanning tells alerts apart by rule, file and line hash: the 100 on their own
    // blocks are 100; those with no line of their own share line 1 of their file, so the
    // 20 others are 3 (a known limit, docs/sarif.md; the JSON report has every one).
    const alerts = new Set(
      results.map(
        (r, i) => `${r.ruleId} ${uris[i]} ${r.partialFingerprints.primaryLocationLineHash}`,
      ),
    );
    expect(alerts.size).toBe(KEYS_UNUSED + 3);
    const onBlocks = results.filter((_, i) => uris[i] === "infra/main.tf");
    expect(new Set(onBlocks.map((r) => r.partialFingerprints.primaryLocationLineHash)).size).toBe(
      KEYS_UNUSED,
    );
    // Keys named only with --key are shown on the rules file, where an ignore would go.
    const named = results.filter((r) => r.properties.key.endsWith("0000000003e8"));
    expect(named.map((r) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual(
      expect.arrayContaining([".kms-usage-lint.yml"]),
    );
    // Nothing in the file says where the checkout was.
    expect(JSON.stringify(log)).not.toContain(root);
  });

  it("keeps its fingerprints when every block moves down", async () => {
    const before = await generated();
    await writeCheckout(root, KEYS_UNUSED, KEYS_DELETED, "# moved\n\n\n");
    const after = await generated();
    const ids = (log: Json) =>
      log.runs[0].results.map((r: Json) => r.partialFingerprints[FINGERPRINT_KEY]).sort();
    expect(ids(after)).toEqual(ids(before));
    const lines = (log: Json) =>
      log.runs[0].results.map((r: Json) => r.locations[0].physicalLocation.region.startLine);
    expect(lines(after)).not.toEqual(lines(before));
  });

  it("uploads from two jobs' steps in one job when each names its category", async () => {
    const a = await generated();
    const b = await generated();
    expect(
      uploadInOneJob(
        [
          { log: a, category: "root-a" },
          { log: b, category: "root-b" },
        ],
        JOB,
      ),
    ).toEqual([null, null]);
  });
});

const ACCOUNT = "111122223333";
function keyArn(i: number): string {
  return `arn:aws:kms:us-east-1:${ACCOUNT}:key/00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
}

/**
 * A checkout: `infra/main.tf` with `unused` keys that nothing has used since they
 * were created, `infra/plan.json` that leaves them be and deletes `deleted` keys
 * used last week (their blocks are gone), a facts snapshot and a rules file.
 */
async function writeCheckout(root: string, unused: number, deleted: number, preamble = "") {
  mkdirSync(join(root, "infra"), { recursive: true });
  const blocks = Array.from(
    { length: unused },
    (_, i) => `resource "aws_kms_key" "k${i}" {\n  description = "key ${i}"\n}\n`,
  );
  await writeFile(join(root, "infra", "main.tf"), `${preamble}${blocks.join("\n")}`);
  const values = (i: number) => ({
    arn: keyArn(i),
    id: keyArn(i).split("/")[1],
    key_id: keyArn(i).split("/")[1],
    is_enabled: true,
    deletion_window_in_days: 30,
    description: `key ${i}`,
  });
  const change = (i: number, action: "no-op" | "delete") => ({
    address: `aws_kms_key.k${i}`,
    mode: "managed",
    type: "aws_kms_key",
    name: `k${i}`,
    provider_name: "registry.terraform.io/hashicorp/aws",
    change: {
      actions: [action],
      before: values(i),
      after: action === "delete" ? null : values(i),
      after_unknown: {},
      before_sensitive: {},
      after_sensitive: action === "delete" ? false : {},
    },
  });
  const plan = {
    format_version: "1.2",
    terraform_version: "1.9.5",
    resource_changes: [
      ...Array.from({ length: unused }, (_, i) => change(i, "no-op")),
      ...Array.from({ length: deleted }, (_, i) => change(500 + i, "delete")),
    ],
    configuration: { root_module: {} },
  };
  await writeFile(join(root, "infra", "plan.json"), `${JSON.stringify(plan, null, 2)}\n`);
  const metadata = (i: number) => ({
    AWSAccountId: ACCOUNT,
    KeyId: keyArn(i).split("/")[1],
    Arn: keyArn(i),
    CreationDate: "2026-03-01T00:00:00Z",
    Enabled: true,
    KeyUsage: "ENCRYPT_DECRYPT",
    KeyState: "Enabled",
    Origin: "AWS_KMS",
    KeyManager: "CUSTOMER",
    KeySpec: "SYMMETRIC_DEFAULT",
    MultiRegion: false,
  });
  const keys: Record<string, unknown> = {};
  for (let i = 0; i < unused; i++) {
    keys[keyArn(i)] = {
      KeyMetadata: metadata(i),
      LastUsage: {
        TrackingStartDate: "2026-01-01T00:00:00Z",
        KeyCreationDate: "2026-03-01T00:00:00Z",
      },
    };
  }
  for (let i = 500; i < 500 + deleted; i++) {
    keys[keyArn(i)] = {
      KeyMetadata: metadata(i),
      LastUsage: {
        KeyLastUsage: {
          Operation: "Decrypt",
          Timestamp: "2026-11-21T10:00:00Z",
          CloudTrailEventId: `2cfd5892-6e9a-4f1c-b0a4-${String(i).padStart(12, "0")}`,
          KmsRequestId: `6b3e3d44-9a1d-4c57-8d0e-${String(i).padStart(12, "0")}`,
        },
        TrackingStartDate: "2026-01-01T00:00:00Z",
        KeyCreationDate: "2026-03-01T00:00:00Z",
      },
    };
  }
  const snapshot = { version: 1, capturedAt: "2026-11-27T00:00:00Z", account: ACCOUNT, keys };
  await writeFile(join(root, "facts.json"), `${JSON.stringify(snapshot, null, 2)}\n`);
  await writeFile(join(root, ".kms-usage-lint.yml"), "extends: [recommended]\n");
}
