/**
 * A plan read entry by entry from its bytes (issue 15) says exactly what the
 * whole-text reading says: the same references and warnings for every real
 * plan and every generated one, and for every broken input the same message
 * with the file's line and column — never a line of the entry's own slice.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NotPiecewise } from "../../../src/json-bytes.js";
import { InputError } from "../../../src/model.js";
import {
  collectFromBytes,
  collectFromText,
  type InputKind,
  recogniseText,
} from "../../../src/sources/detect.js";
import { readPlanBytes } from "../../../src/sources/terraform/plan-bytes.js";

const PLANS = new URL("../../fixtures/terraform-plan/", import.meta.url);
const PLAN_FILES = readdirSync(PLANS).filter((name) => name.endsWith(".plan.json"));

const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

function fixture(name: string): string {
  return readFileSync(new URL(name, PLANS), "utf8");
}

/** What reading gives: the collected result, or the error as the user sees it. */
function outcome(read: () => unknown): unknown {
  try {
    return { read: read() };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error: error.describe(), line: error.line };
  }
}

function fromBytes(bytes: Buffer, kind: InputKind = "auto", path = "plan.json"): unknown {
  return outcome(() => collectFromBytes({ kind, path }, bytes));
}

function fromText(text: string, kind: InputKind = "auto", path = "plan.json"): unknown {
  return outcome(() => collectFromText({ kind, path }, text));
}

/** Both readings of `text` agree; returns the outcome. */
function same(text: string | Buffer, kind: InputKind = "auto"): unknown {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  const expected = fromText(bytes.toString("utf8"), kind);
  expect(fromBytes(bytes, kind)).toEqual(expected);
  return expected;
}

/** Whether the piecewise reader took the bytes itself (rather than leaving them to the text). */
function piecewise(text: string): boolean {
  try {
    return readPlanBytes(Buffer.from(text, "utf8"), "plan.json") !== null;
  } catch (error) {
    if (error instanceof NotPiecewise || error instanceof InputError) return false;
    throw error;
  }
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

describe("every real plan fixture", () => {
  it.each(PLAN_FILES)("%s: read piecewise, the same as its whole text", (name) => {
    const text = fixture(name);
    expect(piecewise(text)).toBe(true);
    const result = same(text) as { read: { references: unknown[] } };
    expect(result.read.references).toBeDefined();
  });

  it.each(PLAN_FILES)("%s: named as a plan, the same too", (name) => {
    same(fixture(name), "terraform-plan");
  });

  it("the setup-terraform wrapper's output is left to the whole-text reading", () => {
    const text = fixture("infracost_setup_terraform_wrapper_NOT_PURE_JSON.plan.txt");
    expect(piecewise(text)).toBe(false);
    expect(same(text, "terraform-plan")).toMatchObject({
      read: { warnings: [expect.any(String)] },
    });
  });
});

describe("broken input on the entry-by-entry path", () => {
  // A plan of many entries, one per few lines, so that an entry's own line 1 is not the file's.
  const plan = JSON.parse(fixture("checkov_runner_plan_55res_kms.plan.json"));
  const pretty = JSON.stringify(plan, null, 2);
  const entry = pretty.indexOf('"address": "aws_db_subnet_group.default"');

  it("a syntax error inside an entry carries the file's line and column", () => {
    const broken = `${pretty.slice(0, entry)}"address" "x",${pretty.slice(entry + 9)}`;
    expect(piecewise(broken)).toBe(false);
    const result = same(broken) as { error: string; line: number };
    expect(result.line).toBe(lineAt(pretty, entry));
    expect(result.line).toBeGreaterThan(100);
    expect(result.error).toMatch(/^plan\.json:\d+: not valid JSON: .* at column \d+/);
  });

  it("a plan cut short anywhere: the same message and line as the whole text", () => {
    for (let cut = 0; cut < pretty.length; cut += 4099) same(pretty.slice(0, cut));
    same(pretty.slice(0, entry + 30));
    same(pretty.slice(0, pretty.length - 2));
  });

  it.each<[string, string | Buffer]>([
    ["an empty file", ""],
    ["a file of blanks", " \n\t\r\n"],
    ["a byte order mark only", "\ufeff"],
    ["a zip archive (binary plan)", Buffer.from("PK\u0003\u0004\u0000\u0000rest", "latin1")],
    ["a NUL in the JSON", '{"format_version":"1.2",\u0000"resource_changes":[]}'],
    ["UTF-16", Buffer.from('\ufeff{"format_version":"1.2","resource_changes":[]}', "utf16le")],
    ["two documents", '{"format_version":"1.2","resource_changes":[]}{"a":1}'],
    ["text after the document", '{"format_version":"1.2","resource_changes":[]}\nx'],
    ["an entry that is a number", '{"format_version":"1.2","resource_changes":[1]}'],
    ["an entry that is null", '{"format_version":"1.2","resource_changes":[null]}'],
    ["entries that are not a list", '{"format_version":"1.2","resource_changes":{"a":{}}}'],
    ["resource_changes null", '{"format_version":"1.2","resource_changes":null}'],
    ["a missing comma between entries", '{"format_version":"1.2","resource_changes":[{}\n{}]}'],
    ["a trailing comma", '{"format_version":"1.2","resource_changes":[{},]}'],
    ["an unclosed list", '{"format_version":"1.2","resource_changes":[{"a":"]"}'],
    [
      "an escaped quote at an entry's end",
      '{"format_version":"1.2","resource_changes":[{"a":"\\"}]}',
    ],
    [
      "a repeated top-level key",
      '{"format_version":"1.2","resource_changes":[],\n"resource_changes":[]}',
    ],
    [
      "an escaped repeated key",
      '{"format_version":"1.2","resource_changes":[],"resource\\u005fchanges":[]}',
    ],
    [
      "a plan with Resources too",
      '{"format_version":"1.2","resource_changes":[],"Resources":{"a":1,"a":2}}',
    ],
    ["format_version 2", '{"format_version":"2.0","resource_changes":[]}'],
    [
      "a prior state whose values are null",
      '{"format_version":"1.2","prior_state":{"values":null}}',
    ],
    ["a prior state with no root module", '{"format_version":"1.2","prior_state":{"values":{}}}'],
    [
      "a child module that is a list",
      '{"format_version":"1.2","prior_state":{"values":{"root_module":{"child_modules":[[]]}}}}',
    ],
    [
      "prior-state resources that are an object",
      '{"format_version":"1.2","prior_state":{"values":{"root_module":{"resources":{}}}}}',
    ],
    [
      "a key deleted without its ARN",
      '{"format_version":"1.2","resource_changes":[{"address":"aws_kms_key.k","mode":"managed","type":"aws_kms_key","change":{"actions":["delete"],"before":{},"after":null}}]}',
    ],
    [
      "nested past the stack",
      `{"format_version":"1.2","resource_changes":[${"[".repeat(200_000)}${"]".repeat(200_000)}]}`,
    ],
    [
      "a value nested past the scan's depth",
      `{"format_version":"1.2","resource_changes":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","change":{"actions":["create"],"before":null,"after":{"a":${'{"a":'.repeat(600)}"${KEY}"${"}".repeat(600)}}}}]}`,
    ],
  ])("%s: as the whole text says", (_name, text) => {
    const result = same(text);
    expect(result).toHaveProperty("error");
  });

  it.each<[string, string]>([
    ["state, not a plan", '{"format_version":"1.0","values":{"root_module":{}}}'],
    ["a template, not a plan", '{"Resources":{"K":{"Type":"AWS::KMS::Key"}}}'],
    [
      "a repeated key inside the prior state's module (JSON.parse keeps the last)",
      `{"format_version":"1.2","prior_state":{"values":{"root_module":{"resources":[{"address":"aws_s3_bucket.a","mode":"managed","type":"aws_s3_bucket","values":{"k":"${KEY}"}}],"resources":[]}}}}`,
    ],
  ])("%s: left to the whole text, read as it says", (_name, text) => {
    expect(piecewise(text)).toBe(false);
    expect(same(text)).toHaveProperty("read");
  });

  it("a byte order mark before a plan: read piecewise, the same references", () => {
    const text = `\ufeff${fixture("tfcompliance_module_kms_key.plan.json")}`;
    expect(piecewise(text)).toBe(true);
    expect(same(text)).toHaveProperty("read");
  });

  it("a byte order mark before a broken plan: the line and column of the text after it", () => {
    const broken = `\ufeff${pretty.slice(0, entry)}]${pretty.slice(entry)}`;
    const result = same(broken) as { error: string; line: number };
    expect(result.line).toBe(lineAt(pretty, entry));
  });

  it("strings holding quotes, brackets, escapes and non-ASCII at entries' edges", () => {
    const values = { a: '"]},[{', b: "\\", c: "é\u2028😀", d: '\\\\"', kms_key_id: KEY };
    const text = JSON.stringify({
      format_version: "1.2",
      resource_changes: [0, 1, 2].map((i) => ({
        address: `aws_s3_bucket.b${i}`,
        mode: "managed",
        type: "aws_s3_bucket",
        change: { actions: ["create"], before: null, after: values, after_unknown: {} },
      })),
    });
    expect(piecewise(text)).toBe(true);
    const result = same(text) as { read: { references: unknown[] } };
    expect(result.read.references).toHaveLength(3);
  });

  it("__proto__ members read as data, as JSON.parse reads them", () => {
    const text = `{"__proto__":{"polluted":1},"format_version":"1.2","resource_changes":[{"__proto__":{"x":1},"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","change":{"actions":["create"],"before":null,"after":{"kms_key_id":"${KEY}"}}}]}`;
    expect(piecewise(text)).toBe(true);
    same(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("what the piecewise reader holds", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // Each list well past the size checked in one piece (4 MiB), entries of about 2 to 4 KB.
  function largePlan(): string {
    const entries = Array.from({ length: 3000 }, (_, i) => ({
      address: `aws_s3_bucket.b${i}`,
      mode: "managed",
      type: "aws_s3_bucket",
      values: { kms_key_id: KEY, tags: { note: "x".repeat(2000) } },
    }));
    const text = JSON.stringify({
      format_version: "1.2",
      planned_values: { root_module: { resources: entries } },
      resource_changes: entries.map(({ values, ...entry }) => ({
        ...entry,
        change: { actions: ["no-op"], before: values, after: values, after_unknown: {} },
      })),
      prior_state: { values: { root_module: { resources: entries } } },
    });
    expect(text.length).toBeGreaterThan(3 * 4 * 1024 * 1024);
    return text;
  }

  /** The longest text `JSON.parse` is given while `run` runs. */
  function longestParsed(run: () => void): number {
    const parse = vi.spyOn(JSON, "parse");
    try {
      run();
      return Math.max(...parse.mock.calls.map(([piece]) => String(piece).length));
    } finally {
      parse.mockRestore();
    }
  }

  it("parses no text longer than one entry of the long lists", () => {
    const text = largePlan();
    let references: unknown[] = [];
    const longest = longestParsed(() => {
      references = collectFromBytes(
        { kind: "auto", path: "plan.json" },
        Buffer.from(text),
      ).references;
    });
    expect(references).toHaveLength(3000);
    expect(longest).toBeLessThan(8 * 1024);
  });

  it("a directory search knows a large plan without its object tree", () => {
    const text = largePlan();
    let kind: unknown = null;
    const longest = longestParsed(() => {
      kind = recogniseText("plan.json", text).kind;
    });
    expect(kind).toBe("terraform-plan");
    expect(longest).toBeLessThan(8 * 1024);
  });

  it("a directory search still stops at a broken plan, with its line", () => {
    const text = largePlan();
    const broken = `${text.slice(0, text.length / 2)}\n`;
    const expected = fromText(broken);
    expect(outcome(() => recogniseText("plan.json", broken))).toEqual(expected);
    expect(expected).toHaveProperty("line", 1);
  });

  it.each(
    readdirSync(new URL("../../fixtures/", import.meta.url), { recursive: true })
      .map(String)
      .filter((name) => /\.(?:json|tfstate|txt)$/.test(name)),
  )("%s: a directory search calls it a plan only when it parses into one", (name) => {
    const text = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), "utf8");
    const found = outcome(() => recogniseText(name, text)) as { read?: { kind: unknown } };
    if (found.read?.kind !== "terraform-plan") return;
    const parsed = outcome(() => collectFromText({ kind: "auto", path: name }, text));
    expect(parsed).toHaveProperty("read.terraform.root", "plan");
  });
});

// --- generated plans ---------------------------------------------------------------------

const ARNS = [
  KEY,
  "arn:aws:kms:eu-west-1:444455556666:key/mrk-0123456789abcdef0123456789abcdef",
  "arn:aws:kms:us-east-1:111122223333:alias/app",
];
const BARE = ["1234abcd-12ab-34cd-56ef-1234567890ab", "alias/data"];

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('"]}', "\\", "é😀", "\u2028", "\\u006bms", ":kms:", "[{,"),
);
const keyText = fc.oneof(
  fc.constantFrom(...ARNS, ...BARE),
  text,
  fc.constantFrom(...ARNS).map((arn) => `policy ${arn} "x"`),
);
const values = fc.dictionary(
  fc.constantFrom("kms_key_id", "key_id", "name", "tags", "rule", "policy", "arn", "region", "x"),
  fc.oneof(
    keyText,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.dictionary(fc.constantFrom("kms_master_key_id", "id"), keyText), { maxLength: 2 }),
  ),
  { maxKeys: 5 },
);
const resourceType = fc.constantFrom(
  "aws_kms_key",
  "aws_kms_alias",
  "aws_s3_bucket",
  "aws_ssm_parameter",
  "aws_sqs_queue",
);
const actions = fc.constantFrom(
  ["create"],
  ["update"],
  ["no-op"],
  ["delete"],
  ["delete", "create"],
);
const change = fc.record({
  type: resourceType,
  name: fc.constantFrom("a", "b", "c"),
  mode: fc.constantFrom("managed", "managed", "data"),
  actions,
  before: fc.option(values, { nil: null }),
  after: fc.option(values, { nil: null }),
  unknown: fc.boolean(),
});
const plan = fc.record({
  changes: fc.array(change, { maxLength: 6 }),
  prior: fc.array(fc.record({ type: resourceType, name: fc.constantFrom("a", "b", "d"), values }), {
    maxLength: 4,
  }),
  children: fc.array(fc.array(fc.record({ type: resourceType, values }), { maxLength: 2 }), {
    maxLength: 2,
  }),
  drift: fc.array(fc.record({ type: resourceType, before: values }), { maxLength: 2 }),
  indent: fc.constantFrom(undefined, 1, 2, "\t"),
});

type GeneratedPlan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

function planText(p: GeneratedPlan): string {
  const doc = {
    format_version: "1.2",
    resource_drift: p.drift.map((d, i) => ({
      address: `${d.type}.drift${i}`,
      mode: "managed",
      type: d.type,
      change: { actions: ["update"], before: d.before, after: d.before },
    })),
    resource_changes: p.changes.map((c, i) => ({
      address: `${c.mode === "data" ? "data." : ""}${c.type}.${c.name}${i}`,
      mode: c.mode,
      type: c.type,
      change: {
        actions: c.actions,
        before: c.before,
        after: c.after,
        after_unknown: c.unknown ? { kms_key_id: true } : {},
      },
    })),
    planned_values: { root_module: { resources: p.prior.map((r) => ({ values: r.values })) } },
    prior_state: {
      format_version: "1.0",
      values: {
        root_module: {
          resources: p.prior.map((r, i) => ({
            address: `${r.type}.${r.name}${i}`,
            mode: "managed",
            type: r.type,
            values: r.values,
          })),
          child_modules: p.children.map((resources, m) => ({
            address: `module.m${m}`,
            resources: resources.map((r, i) => ({
              address: `module.m${m}.${r.type}.c${i}`,
              mode: "managed",
              type: r.type,
              values: r.values,
            })),
          })),
        },
      },
    },
    configuration: {
      root_module: {
        resources: [
          {
            address: "aws_s3_bucket.a0",
            expressions: { kms_key_id: { references: ["aws_kms_key.a1.arn", "aws_kms_key.a1"] } },
          },
        ],
      },
    },
  };
  return JSON.stringify(doc, null, p.indent);
}

describe("generated plans", () => {
  it("entry by entry reads the same references, warnings and errors as the whole document", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const text = planText(p);
        const result = same(text);
        // Every plan the whole text reads, the piecewise reader reads itself.
        if (Object.hasOwn(result as object, "read")) expect(piecewise(text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
