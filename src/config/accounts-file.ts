/**
 * `--accounts FILE` (issue 17): the accounts an inventory reads, as a YAML list of
 * `{id, role?, regions?, name?, tags?}`. Validated whole before any AWS call: every
 * problem names the file, its line and the entry's path, and the run exits 2.
 */

import { REGION_PATTERN } from "../aws/key-ids.js";
import { InputError } from "../model.js";
import { type DataPath, locate, type ParsedYaml, parseYaml } from "../rules/yaml-source.js";

/** One account of the file: its id, and what the file says of it. */
export interface AccountEntry {
  id: string;
  /** The role to read it through; null: `--role-template`'s. */
  role: string | null;
  /** Its regions; `all`: its enabled ones; null: `--regions`'. */
  regions: string[] | "all" | null;
  name: string | null;
  tags: Record<string, string>;
}

/** An accounts file is a list of account ids; one this large is not one. */
export const MAX_ACCOUNTS_FILE_BYTES = 4 * 1024 * 1024;

const FIELDS = ["id", "role", "regions", "name", "tags"];
const REGION = new RegExp(`^${REGION_PATTERN}$`);
// A role in the account it reads: KMS answers for the keys of the credentials' own account.
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

/** The accounts `text` (the file `file`) lists, each once; an InputError names the first problem's place. */
export function parseAccountsFile(text: string, file: string): AccountEntry[] {
  const result = parseYaml(text);
  if (!result.ok) {
    const [problem] = result.problems;
    throw new InputError(problem?.message ?? "not YAML", file, problem?.line ?? null);
  }
  const { parsed } = result;
  const fail = (path: DataPath, what: string, target: "value" | "key" = "value"): never => {
    const where = path.length === 0 ? "the file" : pathText(path);
    throw new InputError(
      `${where}: ${what} (accounts file)`,
      file,
      locate(parsed, path, target).line,
    );
  };
  const data = parsed.data;
  if (!Array.isArray(data) || data.length === 0) {
    fail([], "expected a non-empty list of accounts, each {id, role?, regions?, name?, tags?}");
  }
  const seen = new Map<string, number>();
  return (data as unknown[]).map((raw, i) => {
    const entry = accountEntry(raw, [i], parsed, fail);
    const before = seen.get(entry.id);
    if (before !== undefined)
      fail([i, "id"], `account ${entry.id} is listed already, at [${before}]`);
    seen.set(entry.id, i);
    return entry;
  });
}

type Fail = (path: DataPath, what: string, target?: "value" | "key") => never;

function accountEntry(raw: unknown, at: DataPath, _parsed: ParsedYaml, fail: Fail): AccountEntry {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    fail(at, "expected an account: {id, role?, regions?, name?, tags?}");
  }
  const entry = raw as Record<string, unknown>;
  for (const field of Object.keys(entry)) {
    if (!FIELDS.includes(field))
      fail([...at, field], `not a field of an account; expected ${FIELDS.join(", ")}`, "key");
  }
  const id = accountId(entry.id, [...at, "id"], fail);
  return {
    id,
    role: role(entry.role, id, [...at, "role"], fail),
    regions: regions(entry.regions, [...at, "regions"], fail),
    name: optionalText(entry.name, [...at, "name"], fail),
    tags: tags(entry.tags, [...at, "tags"], fail),
  };
}

function accountId(value: unknown, at: DataPath, fail: Fail): string {
  if (value === undefined) fail(at.slice(0, -1), "expected an account with an id");
  // YAML reads an unquoted id as a number: fine with 12 digits, but a leading zero is lost.
  if (typeof value === "number" && Number.isSafeInteger(value) && String(value).length === 12)
    return String(value);
  if (typeof value === "number")
    fail(
      at,
      `expected a 12-digit account id, got the number ${value}; quote it ('012345678901'): YAML drops leading zeros`,
    );
  if (typeof value !== "string" || !/^\d{12}$/.test(value))
    fail(at, `expected a 12-digit account id, got ${JSON.stringify(value)}`);
  return value as string;
}

function role(value: unknown, id: string, at: DataPath, fail: Fail): string | null {
  if (value === undefined || value === null) return null;
  const match = typeof value === "string" ? ROLE_ARN.exec(value) : null;
  if (!match)
    fail(at, `expected a role ARN like arn:aws:iam::${id}:role/NAME, got ${JSON.stringify(value)}`);
  if (match?.[1] !== id)
    fail(
      at,
      `the role is in account ${match?.[1]}, not ${id}: an account's keys are read through a role in that account`,
    );
  return value as string;
}

function regions(value: unknown, at: DataPath, fail: Fail): string[] | "all" | null {
  if (value === undefined || value === null) return null;
  if (value === "all") return "all";
  if (!Array.isArray(value) || value.length === 0)
    fail(at, "expected a non-empty list of region names (or omit it for --regions')");
  const list = value as unknown[];
  for (const [i, region] of list.entries()) {
    if (typeof region !== "string" || !REGION.test(region))
      fail([...at, i], `expected a region name like eu-west-1, got ${JSON.stringify(region)}`);
  }
  return [...new Set(list as string[])].sort();
}

function optionalText(value: unknown, at: DataPath, fail: Fail): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value === "")
    fail(at, `expected a name, got ${JSON.stringify(value)}`);
  return value as string;
}

function tags(value: unknown, at: DataPath, fail: Fail): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value))
    fail(at, "expected a map of tag names to values");
  const out: Record<string, string> = {};
  for (const [name, tag] of Object.entries(value as Record<string, unknown>)) {
    if (typeof tag !== "string" && typeof tag !== "number" && typeof tag !== "boolean")
      fail([...at, name], `expected a tag value (text), got ${JSON.stringify(tag)}`);
    out[name] = String(tag);
  }
  return out;
}

/** A data path as the file's reader sees it: `[2].regions[0]`. */
function pathText(path: DataPath): string {
  return path
    .map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${segment}`))
    .join("")
    .replace(/^\./, "");
}
