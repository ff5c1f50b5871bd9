/**
 * Issue 15, goal 2: "a resource_changes entry whose raw text holds no `kms`
 * can hold no reference the scanners find". Checked against every reference
 * path of src/sources (a plan's references come from terraform/plan.ts →
 * resources.ts → scan.ts, outputs.ts and config-refs.ts):
 *
 * - a key or an alias: its type (`aws_kms_*`) says kms;
 * - a key ARN or alias ARN in any string: `:kms:`;
 * - a bare key id or alias name: only under a KMS-named attribute
 *   (`isKmsAttributeName`), which includes `key_id`, `key_arn`,
 *   `target_key_*` and `*encryption_key*` — names WITHOUT `kms`
 *   (`aws_ssm_parameter.key_id`, `aws_codebuild_project.encryption_key`);
 * - a consumer whose value is unknown until apply: its key comes from the
 *   `configuration`'s references, under ANY attribute name
 *   (`environment.variables.X = aws_kms_key.k.arn`): its entry says only
 *   `after_unknown: {…: true}`;
 * - text escaped in JSON (`\u006bms`) says kms only once parsed.
 *
 * So the argument as the issue words it does not hold. The narrower one
 * below does, on every path above and on every real plan fixture: an entry
 * whose bytes hold none of `kms`, `key_id`, `key_arn`, `encryption_key` (any
 * case) and no `\u` escape, and whose `after_unknown` holds no `true`, gives
 * no reference. The reader does not rely on it yet: skipping an entry's
 * values unparsed also skips the syntax and shape checks that make a broken
 * entry stop the run (SPEC §10); see the note in plan-bytes.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { JsonBytes, type Member } from "../../../src/json-bytes.js";
import { isJsonObject, type JsonObject } from "../../../src/sources/json.js";
import { readTerraformPlan } from "../../../src/sources/terraform/plan.js";
import { holdsTrue } from "../../../src/sources/terraform/values.js";

const PLANS = new URL("../../fixtures/terraform-plan/", import.meta.url);
const PLAN_FILES = readdirSync(PLANS).filter((name) => name.endsWith(".plan.json"));

const NAMES_A_KEY = /kms|key_id|key_arn|encryption_key|\\u/i;
const SAYS_KMS = /kms/i;

/** The narrower argument: an entry that may name a key, judged by its bytes and its unknowns. */
function mayNameKey(raw: string, entry: JsonObject): boolean {
  const change = isJsonObject(entry.change) ? entry.change : {};
  return NAMES_A_KEY.test(raw) || holdsTrue(change.after_unknown);
}

interface Entry {
  raw: string;
  value: JsonObject;
}

/** The raw text of each element of the list at `member`. */
function entries(json: JsonBytes, member: Member | undefined): Entry[] {
  if (member === undefined || json.at(member.start) !== 0x5b) return [];
  const { starts, ends } = json.elements(member.start).elements;
  return starts.map((start, i) => {
    const end = ends[i] as number;
    return {
      raw: json.bytes.toString("utf8", start, end),
      value: json.parse(start, end) as JsonObject,
    };
  });
}

function memberOf(json: JsonBytes, at: number, key: string): Member | undefined {
  if (json.at(at) !== 0x7b) return undefined;
  return json.members(at).members.find((member) => member.key === key);
}

/** Every resource_changes entry and prior-state resource of a plan file, with its raw text. */
function planEntries(bytes: Buffer): { changes: Entry[]; prior: Entry[] } {
  const json = new JsonBytes(bytes);
  const top = json.skipBlank(0);
  const changes = entries(json, memberOf(json, top, "resource_changes"));
  const prior: Entry[] = [];
  const values = memberOf(json, memberOf(json, top, "prior_state")?.start ?? -1, "values");
  const root = memberOf(json, values?.start ?? -1, "root_module");
  const modules = root ? [root.start] : [];
  for (let m = 0; m < modules.length; m++) {
    const at = modules[m] as number;
    prior.push(...entries(json, memberOf(json, at, "resources")));
    for (const child of entries(json, memberOf(json, at, "child_modules"))) {
      modules.push(bytes.indexOf(child.raw, at));
    }
  }
  return { changes, prior };
}

/** The plan with the values of every entry `skip` accepts emptied: what a reader skipping them would see. */
function skipped(
  doc: JsonObject,
  skip: (raw: string, entry: JsonObject) => boolean,
  bytes: Buffer,
) {
  const { changes, prior } = planEntries(bytes);
  const copy = structuredClone(doc) as JsonObject;
  const rc = (copy.resource_changes ?? []) as JsonObject[];
  changes.forEach((entry, i) => {
    const change = rc[i]?.change as JsonObject | undefined;
    if (change && skip(entry.raw, entry.value)) {
      if (isJsonObject(change.before)) change.before = {};
      if (isJsonObject(change.after)) change.after = {};
    }
  });
  const priorByAddress = new Map(prior.map((entry) => [entry.value.address, entry]));
  const walk = (module: JsonObject) => {
    for (const resource of (module.resources ?? []) as JsonObject[]) {
      const entry = priorByAddress.get(resource.address);
      if (entry && skip(entry.raw, entry.value) && isJsonObject(resource.values)) {
        resource.values = {};
      }
    }
    for (const child of (module.child_modules ?? []) as JsonObject[]) walk(child);
  };
  const state = copy.prior_state as JsonObject | undefined;
  const root = (state?.values as JsonObject | undefined)?.root_module;
  if (isJsonObject(root)) walk(root);
  return copy;
}

describe("entries that name no key", () => {
  it.each(PLAN_FILES)("%s: emptying them changes no reference", (name) => {
    const bytes = readFileSync(new URL(name, PLANS));
    const doc = JSON.parse(bytes.toString("utf8")) as JsonObject;
    const expected = readTerraformPlan(doc, name);
    const emptied = skipped(doc, (raw, entry) => !mayNameKey(raw, entry), bytes);
    expect(readTerraformPlan(emptied, name)).toEqual(expected);
  });

  it("some real entries are such entries (the test is not empty)", () => {
    let count = 0;
    for (const name of PLAN_FILES) {
      const { changes, prior } = planEntries(readFileSync(new URL(name, PLANS)));
      count += [...changes, ...prior].filter((e) => !mayNameKey(e.raw, e.value)).length;
    }
    expect(count).toBeGreaterThan(50);
  });
});

describe("`no kms` alone is not enough", () => {
  const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
  const plan = (entry: object, configuration?: object) => ({
    format_version: "1.2",
    resource_changes: [entry],
    ...(configuration ? { configuration } : {}),
  });
  const consumer = (type: string, after: object, afterUnknown: object = {}) => ({
    address: `${type}.x`,
    mode: "managed",
    type,
    change: { actions: ["create"], before: null, after, after_unknown: afterUnknown },
  });

  it.each<[string, object]>([
    [
      "a bare key id under key_id",
      plan(consumer("aws_ssm_parameter", { region: "us-east-1", key_id: KEY_ID })),
    ],
    [
      "an alias name under encryption_key",
      plan(consumer("aws_codebuild_project", { encryption_key: "alias/build" })),
    ],
    [
      "a key unknown until apply, named by the configuration under another name",
      plan(consumer("aws_lambda_function", { function_name: "f" }, { environment: true }), {
        root_module: {
          resources: [
            { address: "aws_kms_key.k", mode: "managed", type: "aws_kms_key", expressions: {} },
            {
              address: "aws_lambda_function.x",
              expressions: {
                environment: [
                  { variables: { references: ["aws_kms_key.k.arn", "aws_kms_key.k"] } },
                ],
              },
            },
          ],
        },
      }),
    ],
  ])("%s", (_name, doc) => {
    const raw = JSON.stringify((doc as { resource_changes: object[] }).resource_changes[0]);
    expect(SAYS_KMS.test(raw)).toBe(false);
    const references = readTerraformPlan(doc, "plan.json").references;
    // The unknown key is resolved only when the configuration declares it: add the key's entry.
    if (references.length === 0) {
      const withKey = {
        ...doc,
        resource_changes: [
          ...(doc as { resource_changes: object[] }).resource_changes,
          {
            address: "aws_kms_key.k",
            mode: "managed",
            type: "aws_kms_key",
            change: { actions: ["create"], before: null, after: {}, after_unknown: { arn: true } },
          },
        ],
      };
      const found = readTerraformPlan(withKey, "plan.json").references;
      expect(found.some((r) => r.address === "aws_lambda_function.x")).toBe(true);
    } else {
      expect(references.length).toBeGreaterThan(0);
    }
  });

  it("an escaped ARN says kms only once parsed", () => {
    const raw =
      '{"kms_key_id":"arn:aws:\\u006bms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}'.replace(
        "kms_key_id",
        "target",
      );
    expect(SAYS_KMS.test(raw)).toBe(false);
    expect(NAMES_A_KEY.test(raw)).toBe(true);
    const after = JSON.parse(raw);
    const doc = plan(consumer("aws_s3_bucket", after));
    expect(readTerraformPlan(doc, "plan.json").references).toHaveLength(1);
  });
});
