import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  gatherFacts,
  locate,
  needs,
  parseYaml,
  readInput,
  readRules,
  recordFacts
} from "./chunk-FQF66HRS.js";
import "./chunk-HG5NVLVJ.js";
import {
  SILENT
} from "./chunk-WQV3XTXC.js";
import {
  REGION_PATTERN,
  compareText,
  describeError,
  parseKmsArn,
  plural
} from "./chunk-7PTS3INL.js";
import {
  EvidenceError,
  InputError,
  errorMessage
} from "./chunk-2FU6VLII.js";
import "./chunk-YN24AXXT.js";

// src/config/accounts-file.ts
var MAX_ACCOUNTS_FILE_BYTES = 4 * 1024 * 1024;
var FIELDS = ["id", "role", "regions", "name", "tags"];
var REGION = new RegExp(`^${REGION_PATTERN}$`);
var ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
function parseAccountsFile(text, file) {
  const result = parseYaml(text);
  if (!result.ok) {
    const [problem] = result.problems;
    throw new InputError(problem?.message ?? "not YAML", file, problem?.line ?? null);
  }
  const { parsed } = result;
  const fail = (path, what, target = "value") => {
    const where = path.length === 0 ? "the file" : pathText(path);
    throw new InputError(
      `${where}: ${what} (accounts file)`,
      file,
      locate(parsed, path, target).line
    );
  };
  const data = parsed.data;
  if (!Array.isArray(data) || data.length === 0) {
    fail([], "expected a non-empty list of accounts, each {id, role?, regions?, name?, tags?}");
  }
  const seen = /* @__PURE__ */ new Map();
  return data.map((raw, i) => {
    const entry = accountEntry(raw, [i], parsed, fail);
    const before = seen.get(entry.id);
    if (before !== void 0)
      fail([i, "id"], `account ${entry.id} is listed already, at [${before}]`);
    seen.set(entry.id, i);
    return entry;
  });
}
function accountEntry(raw, at, _parsed, fail) {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    fail(at, "expected an account: {id, role?, regions?, name?, tags?}");
  }
  const entry = raw;
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
    tags: tags(entry.tags, [...at, "tags"], fail)
  };
}
function accountId(value, at, fail) {
  if (value === void 0) fail(at.slice(0, -1), "expected an account with an id");
  if (typeof value === "number" && Number.isSafeInteger(value) && String(value).length === 12)
    return String(value);
  if (typeof value === "number")
    fail(
      at,
      `expected a 12-digit account id, got the number ${value}; quote it ('012345678901'): YAML drops leading zeros`
    );
  if (typeof value !== "string" || !/^\d{12}$/.test(value))
    fail(at, `expected a 12-digit account id, got ${JSON.stringify(value)}`);
  return value;
}
function role(value, id, at, fail) {
  if (value === void 0 || value === null) return null;
  const match = typeof value === "string" ? ROLE_ARN.exec(value) : null;
  if (!match)
    fail(at, `expected a role ARN like arn:aws:iam::${id}:role/NAME, got ${JSON.stringify(value)}`);
  if (match?.[1] !== id)
    fail(
      at,
      `the role is in account ${match?.[1]}, not ${id}: an account's keys are read through a role in that account`
    );
  return value;
}
function regions(value, at, fail) {
  if (value === void 0 || value === null) return null;
  if (value === "all") return "all";
  if (!Array.isArray(value) || value.length === 0)
    fail(at, "expected a non-empty list of region names (or omit it for --regions')");
  const list = value;
  for (const [i, region] of list.entries()) {
    if (typeof region !== "string" || !REGION.test(region))
      fail([...at, i], `expected a region name like eu-west-1, got ${JSON.stringify(region)}`);
  }
  return [...new Set(list)].sort();
}
function optionalText(value, at, fail) {
  if (value === void 0 || value === null) return null;
  if (typeof value !== "string" || value === "")
    fail(at, `expected a name, got ${JSON.stringify(value)}`);
  return value;
}
function tags(value, at, fail) {
  if (value === void 0 || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value))
    fail(at, "expected a map of tag names to values");
  const out = {};
  for (const [name, tag] of Object.entries(value)) {
    if (typeof tag !== "string" && typeof tag !== "number" && typeof tag !== "boolean")
      fail([...at, name], `expected a tag value (text), got ${JSON.stringify(tag)}`);
    out[name] = String(tag);
  }
  return out;
}
function pathText(path) {
  return path.map((segment) => typeof segment === "number" ? `[${segment}]` : `.${segment}`).join("").replace(/^\./, "");
}

// src/facts/inventory.ts
import { createHash } from "node:crypto";
async function plannedPairs(accounts, regions2, questions) {
  const perAccount = await Promise.all(
    accounts.map(async (account) => {
      const pair = (region, reason = null) => ({
        account: account.id,
        region,
        name: account.name,
        reason
      });
      const own = account.regions ?? regions2;
      if (own !== "all") return own.map((region) => pair(region));
      const listed = await questions.enabledRegions(account.id);
      if (listed.ok) return listed.value.map((region) => pair(region));
      const e = listed.error;
      const why = `its enabled regions could not be listed: ${describeError(e.Code, e.Message, e.Operation)}`;
      return [pair(await questions.regionsHome(), why)];
    })
  );
  return sortPairs(perAccount.flat());
}
function sortPairs(pairs) {
  const seen = /* @__PURE__ */ new Set();
  return [...pairs].sort((a, b) => compareText(a.account, b.account) || compareText(a.region, b.region)).filter((p) => {
    const id = `${p.account}\0${p.region}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
function shareOf(sorted, shard) {
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
function planOf(all, shard) {
  const digest = createHash("sha256");
  for (const pair of all) digest.update(`${pair.account}/${pair.region}
`);
  return { index: shard.index, pairs: all.length, digest: digest.digest("hex").slice(0, 16) };
}
async function listPairs(pairs, questions, clock, onListed = () => {
}) {
  const listed = await Promise.all(
    pairs.map(async (pair) => {
      const named = pair.name === null ? {} : { name: pair.name };
      const base = { account: pair.account, region: pair.region, ...named };
      if (pair.reason !== null) return { pair: unavailable(base, pair.reason, clock), keys: [] };
      const answer = await questions.listKeys(pair.account, pair.region);
      if (!answer.ok) {
        const e = answer.error;
        return {
          pair: unavailable(base, describeError(e.Code, e.Message, e.Operation), clock),
          keys: []
        };
      }
      onListed(answer.value);
      const read = {
        ...base,
        status: "read",
        keys: answer.value.length,
        capturedAt: clock().toISOString()
      };
      return { pair: read, keys: answer.value };
    })
  );
  return { pairs: listed.map((l) => l.pair), keys: listed.flatMap((l) => l.keys) };
}
function unavailable(base, reason, clock) {
  return {
    ...base,
    status: "unavailable",
    reason,
    keys: 0,
    capturedAt: clock().toISOString()
  };
}
function inventorySnapshot(doc, inventory2) {
  const read = new Set(
    inventory2.pairs.filter((p) => p.status === "read").map((p) => `${p.account}\0${p.region}`)
  );
  const inPairs = (arn) => {
    const parsed = parseKmsArn(arn);
    return parsed !== null && read.has(`${parsed.account}\0${parsed.region}`);
  };
  const accounts = new Set(inventory2.pairs.map((p) => p.account));
  return {
    version: doc.version,
    capturedAt: doc.capturedAt,
    account: accounts.size === 1 ? [...accounts][0] : null,
    keys: Object.fromEntries(Object.entries(doc.keys).filter(([arn]) => inPairs(arn))),
    aliases: Object.fromEntries(Object.entries(doc.aliases).filter(([arn]) => inPairs(arn))),
    ...doc.stacks === void 0 ? {} : { stacks: doc.stacks },
    inventory: inventory2
  };
}

// src/inventory.ts
async function inventory(config, inventory2, deps) {
  if (config.saveFacts === null)
    throw new InputError("snapshot needs -o FILE: where to write the facts");
  const now = config.now ?? deps.clock();
  const rules = await readRules(config.configFile, deps);
  const file = await accountsFile(inventory2, deps);
  const source = await liveSource(config, deps, now, file);
  const questions = source.inventory;
  const recorder = recordFacts(source);
  const accounts = await accountsToRead(inventory2, file, source, questions);
  const regions2 = inventory2.regions ?? [await defaultRegion(config, source)];
  const all = await plannedPairs(accounts, regions2, questions);
  if (all.length === 0)
    throw new EvidenceError(
      "found no account-region to read: the accounts asked for hold none (an organization with no active account?)"
    );
  const planned = shareOf(all, inventory2.shard);
  const listed = await listPairs(planned, questions, deps.clock, (keys) => ask(source, keys));
  checkReadable(listed.pairs);
  const progress = deps.progress ?? SILENT;
  const gathered = await gatherFacts(listed.keys.map(inventoryReference), recorder.source, {
    region: config.region,
    notAfter: now,
    needsTrail: needs(rules, now).trail,
    onKeyDone: (done, total) => progress.keyDone(done, total)
  });
  progress.finish();
  const doc = inventorySnapshot(
    recorder.snapshot(deps.clock()),
    {
      shards: [inventory2.shard],
      pairs: listed.pairs,
      plans: [planOf(all, inventory2.shard)]
    }
  );
  await writeSnapshot(config.saveFacts, doc, deps);
  for (const pair of listed.pairs) warnUnavailable(pair, deps);
  if (planned.length === 0)
    deps.logger.warn(
      `shard ${inventory2.shard.index}/${inventory2.shard.count} has no account-region to read: there are fewer pairs than shards`
    );
  const usage = { used: 0, unused: 0, unknown: 0, unavailable: 0 };
  for (const subject of gathered.subjects) if (subject.usage) usage[subject.usage.status]++;
  const read = listed.pairs.filter((p) => p.status === "read").length;
  return {
    keys: gathered.subjects.length,
    usage,
    pairs: { read, unavailable: listed.pairs.length - read }
  };
}
function ask(source, keys) {
  for (const key of keys) void source.getKeyLastUsage(key);
}
async function accountsFile(inventory2, deps) {
  if (inventory2.accounts.kind !== "file") return null;
  const path = inventory2.accounts.path;
  const text = await readInput(path, "accounts file", {
    readFile: (p) => deps.readFile(p, MAX_ACCOUNTS_FILE_BYTES)
  });
  return parseAccountsFile(text, path);
}
async function liveSource(config, deps, now, file) {
  if (!deps.liveFacts) {
    throw new InputError("snapshot --all-keys lists keys in AWS: run it where AWS can be reached");
  }
  const accountRoles = Object.fromEntries(
    (file ?? []).flatMap((a) => a.role === null ? [] : [[a.id, a.role]])
  );
  const source = await deps.liveFacts(
    { ...config, now, accountRoles },
    deps.logger.warn,
    deps.progress ?? SILENT
  );
  if (!source.inventory) throw new Error("the live fact source has no inventory questions");
  return source;
}
async function accountsToRead(inventory2, file, source, questions) {
  if (file !== null) return file.map((a) => ({ id: a.id, name: a.name, regions: a.regions }));
  if (inventory2.accounts.kind === "organization") {
    const accounts = await questions.organizationAccounts();
    return accounts.map((a) => ({ ...a, regions: null }));
  }
  const caller = await source.callerAccount();
  if (caller === null)
    throw new EvidenceError("could not tell the caller's account: nothing to inventory");
  return [{ id: caller, name: null, regions: null }];
}
async function defaultRegion(config, source) {
  const region = config.region ?? await source.defaultRegion?.() ?? null;
  if (region === null) {
    throw new InputError(
      "snapshot --all-keys needs the regions to read: pass --regions R1,R2 or --regions all (or --region R)"
    );
  }
  return region;
}
function checkReadable(pairs) {
  if (pairs.length === 0 || pairs.some((p) => p.status === "read")) return;
  const shown = pairs.slice(0, 3).map((p) => `account ${p.account} in ${p.region}: ${p.reason}`);
  const more = pairs.length > 3 ? `; and ${plural(pairs.length - 3, "more pair")}` : "";
  throw new EvidenceError(
    `could not read any of the ${plural(pairs.length, "account-region")} asked for (${shown.join("; ")}${more})`
  );
}
function warnUnavailable(pair, deps) {
  if (pair.status !== "unavailable") return;
  const name = pair.name === void 0 ? "" : ` (${pair.name})`;
  deps.logger.warn(
    `account ${pair.account}${name} in ${pair.region} could not be read: ${pair.reason}`
  );
}
function inventoryReference(arn) {
  return {
    source: "explicit",
    kind: "key",
    file: "--all-keys",
    address: null,
    resourceType: null,
    attribute: null,
    target: { kind: "arn", arn },
    action: null,
    change: null,
    location: null,
    suppressions: []
  };
}
async function writeSnapshot(file, doc, deps) {
  try {
    await deps.writeFile(file, `${JSON.stringify(doc, null, 2)}
`);
  } catch (cause) {
    throw new InputError(`cannot write the facts snapshot: ${errorMessage(cause)}`, file, null, {
      cause
    });
  }
}
export {
  inventory
};
