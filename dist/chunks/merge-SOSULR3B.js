import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  SnapshotKeys,
  buildReport,
  failsAt,
  readInputBytes,
  readSnapshot,
  snapshotFromBytes
} from "./chunk-FQF66HRS.js";
import "./chunk-HG5NVLVJ.js";
import "./chunk-WQV3XTXC.js";
import {
  DAY_MS,
  SEVERITIES,
  compareText,
  instantMs,
  isJsonObject,
  listWords,
  parseKmsArn,
  plural,
  showValue
} from "./chunk-7PTS3INL.js";
import {
  InputError
} from "./chunk-2FU6VLII.js";
import "./chunk-YN24AXXT.js";

// src/facts/merge-snapshots.ts
function mergeSnapshots(files) {
  if (files.length === 0) throw new InputError("merge needs at least one file to merge");
  const shards = mergeShards(files);
  const plans = mergePlans(files);
  const pairs = /* @__PURE__ */ new Map();
  const pairsInSeveral = /* @__PURE__ */ new Set();
  for (const [from, { snapshot }] of files.entries()) {
    for (const pair of snapshot.inventory?.pairs ?? []) {
      const key = pairKey(pair.account, pair.region);
      const before = pairs.get(key);
      const at = instantMs(pair.capturedAt);
      if (before !== void 0) pairsInSeveral.add(key);
      if (before === void 0 || at >= before.at) pairs.set(key, { value: pair, at, from });
    }
  }
  const keys = /* @__PURE__ */ new Map();
  const aliases = /* @__PURE__ */ new Map();
  const stacks = /* @__PURE__ */ new Map();
  const keysInSeveral = /* @__PURE__ */ new Set();
  const instant = instantsOnce();
  for (const [from, { snapshot }] of files.entries()) {
    const fileAt = instantMs(snapshot.capturedAt);
    const entries2 = snapshot.keys;
    for (const arn of entries2.keys()) {
      const captured = entries2.capturedAt(arn);
      const at = captured === void 0 ? fileAt : instant(captured);
      const before = keys.get(arn);
      if (before !== void 0) keysInSeveral.add(arn);
      if (before === void 0 || at >= before.at) keys.set(arn, { value: entries2, at, from });
    }
    for (const [arn, target] of snapshot.aliases) later(aliases, arn, target, fileAt, from);
    for (const [name, stack] of snapshot.stacks) {
      const account = stack.account ?? snapshot.account;
      later(stacks, name, { ...stack, account }, fileAt, from);
    }
  }
  const pairOf = pairFinder(pairs);
  const listedLater = (arn, kept, section) => {
    const pair = pairOf(arn);
    if (pair === void 0 || pair.from === kept.from || pair.at <= kept.at) return true;
    return files[pair.from].snapshot[section].has(arn);
  };
  let goneSince = 0;
  for (const [arn, kept] of keys) {
    if (!listedLater(arn, kept, "keys")) {
      keys.delete(arn);
      goneSince++;
    }
  }
  for (const [arn, kept] of aliases) {
    if (!listedLater(arn, kept, "aliases")) {
      aliases.delete(arn);
      goneSince++;
    }
  }
  const earliest = earliestOf(keys, aliases, stacks, files);
  const capturedAt = new Date(earliest).toISOString();
  const merged = {
    version: 1,
    capturedAt,
    account: oneAccount(files),
    inventory: shards === null ? null : {
      shards,
      pairs: [...pairs.values()].map((p) => p.value).sort((a, b) => compareText(a.account, b.account) || compareText(a.region, b.region)),
      ...plans.length === 0 ? {} : { plans }
    },
    keys: sortedKeys(keys, earliest),
    aliases: sortedMap(aliases, (target) => target),
    stacks: sortedMap(stacks, (stack) => stack)
  };
  return {
    snapshot: merged,
    keysInSeveral: keysInSeveral.size,
    pairsInSeveral: pairsInSeveral.size,
    goneSince
  };
}
function mergeShards(files) {
  let count = null;
  const indexes = /* @__PURE__ */ new Set();
  for (const { file, snapshot } of files) {
    for (const shard of snapshot.inventory?.shards ?? []) {
      if (count !== null && shard.count !== count.count) {
        throw new InputError(
          `holds shard ${shard.index} of ${shard.count}, but ${count.file} holds shards of ${count.count}: only shards of one sharding (one --shard I/N count) can be merged`,
          file
        );
      }
      count ??= { count: shard.count, file };
      indexes.add(shard.index);
    }
  }
  if (count === null) return null;
  const n = count.count;
  return [...indexes].sort((a, b) => a - b).map((index) => ({ index, count: n }));
}
function mergePlans(files) {
  let first = null;
  const byIndex = /* @__PURE__ */ new Map();
  for (const { file, snapshot } of files) {
    for (const plan of snapshot.inventory?.plans ?? []) {
      if (first !== null && (plan.pairs !== first.plan.pairs || plan.digest !== first.plan.digest)) {
        const other = first.plan;
        throw new InputError(
          `shard ${plan.index} was taken over ${plural(plan.pairs, "account-region")} (digest ${plan.digest}), but shard ${other.index} in ${first.file} over ${plural(other.pairs, "account-region")} (digest ${other.digest}): the jobs found different accounts or regions to read (an account's regions not listed in one, an account joining between them), so some account-regions are in no shard; take the inventory again`,
          file
        );
      }
      first ??= { plan, file };
      byIndex.set(plan.index, plan);
    }
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}
function checkExpectedShards(inventory, expected) {
  if (inventory === null) {
    throw new InputError(
      `--expect-shards ${expected}: none of the files is an inventory (snapshot --all-keys --shard I/${expected})`
    );
  }
  const count = inventory.shards[0]?.count;
  if (count !== expected) {
    throw new InputError(
      `--expect-shards ${expected}: the files are shards of ${count} (--shard I/${count}), not of ${expected}`
    );
  }
  const held = new Set(inventory.shards.map((s) => s.index));
  const missing = [];
  for (let i = 1; i <= expected; i++) if (!held.has(i)) missing.push(i);
  if (missing.length > 0) {
    throw new InputError(
      `--expect-shards ${expected}: ${missing.length === 1 ? "shard" : "shards"} ${listWords(missing.map(String))} of ${expected} ${missing.length === 1 ? "is missing; its" : "are missing; their"} account-regions were not read (did a matrix job fail, or its artifact not upload?)`
    );
  }
}
function mergeNote(merged) {
  const parts = [];
  if (merged.keysInSeveral > 0) {
    parts.push(
      `${plural(merged.keysInSeveral, "key")} ${merged.keysInSeveral === 1 ? "was" : "were"} in more than one snapshot: the later capture of each was kept`
    );
  }
  if (merged.pairsInSeveral > 0) {
    parts.push(
      `${plural(merged.pairsInSeveral, "account-region")} ${merged.pairsInSeveral === 1 ? "was" : "were"} read in more than one snapshot: the later read was kept`
    );
  }
  if (merged.goneSince > 0) {
    parts.push(
      `${plural(merged.goneSince, "key or alias", { many: "keys and aliases" })} of an earlier read ${merged.goneSince === 1 ? "is" : "are"} no longer listed by the later read of its account-region and ${merged.goneSince === 1 ? "was" : "were"} left out`
    );
  }
  return parts.length === 0 ? null : parts.join("; ");
}
function* snapshotJson(snapshot) {
  yield `{
  "version": 1,
  "capturedAt": ${JSON.stringify(snapshot.capturedAt)},
  "account": ${JSON.stringify(snapshot.account)},
`;
  if (snapshot.inventory !== null) {
    yield `  "inventory": {
    "shards": ${JSON.stringify(snapshot.inventory.shards)},
    "pairs": [`;
    yield* entries(
      snapshot.inventory.pairs.map((pair) => [null, pair]),
      "      "
    );
    const { plans } = snapshot.inventory;
    yield plans === void 0 ? "]\n  },\n" : `],
    "plans": ${JSON.stringify(plans)}
  },
`;
  }
  yield '  "keys": {';
  yield* entries(snapshot.keys, "    ");
  yield '},\n  "aliases": {';
  yield* entries(snapshot.aliases, "    ");
  yield '},\n  "stacks": {';
  yield* entries(snapshot.stacks, "    ");
  yield "}\n}\n";
}
function* entries(items, indent) {
  let first = true;
  for (const [name, value] of items) {
    const head = name === null ? "" : `${JSON.stringify(name)}: `;
    yield `${first ? "" : ","}
${indent}${head}${JSON.stringify(value)}`;
    first = false;
  }
  if (!first) yield `
${indent.slice(2)}`;
}
function pairFinder(pairs) {
  let prefix = null;
  let found;
  return (arn) => {
    if (prefix !== null && arn.startsWith(prefix)) return found;
    const parsed = parseKmsArn(arn);
    if (parsed === null) {
      prefix = null;
      return void 0;
    }
    prefix = `arn:${parsed.partition}:kms:${parsed.region}:${parsed.account}:`;
    found = pairs.get(pairKey(parsed.account, parsed.region));
    return found;
  };
}
function pairKey(account, region) {
  return `${account} ${region}`;
}
function later(map, name, value, at, from) {
  const before = map.get(name);
  if (before === void 0 || at >= before.at) map.set(name, { value, at, from });
}
function earliestOf(keys, aliases, stacks, files) {
  let earliest = Number.POSITIVE_INFINITY;
  for (const map of [keys, aliases, stacks]) {
    for (const kept of map.values()) if (kept.at < earliest) earliest = kept.at;
  }
  if (earliest !== Number.POSITIVE_INFINITY) return earliest;
  return Math.min(...files.map((f) => instantMs(f.snapshot.capturedAt)));
}
function sortedKeys(keys, earliest) {
  const written = /* @__PURE__ */ new Map();
  const iso = (at) => {
    let text = written.get(at);
    if (text === void 0) {
      text = new Date(at).toISOString();
      written.set(at, text);
    }
    return text;
  };
  const sorted = new SnapshotKeys();
  for (const arn of sortedNames(keys)) {
    const kept = keys.get(arn);
    sorted.setFrom(arn, kept.value, kept.at === earliest ? void 0 : iso(kept.at));
  }
  return sorted;
}
function instantsOnce() {
  const read = /* @__PURE__ */ new Map();
  return (text) => {
    let at = read.get(text);
    if (at === void 0) {
      at = instantMs(text);
      read.set(text, at);
    }
    return at;
  };
}
function oneAccount(files) {
  const accounts = new Set(files.map((f) => f.snapshot.account));
  const [only] = accounts;
  return accounts.size === 1 ? only ?? null : null;
}
function sortedMap(map, value) {
  const names = sortedNames(map);
  const sorted = /* @__PURE__ */ new Map();
  for (const name of names) {
    const kept = map.get(name);
    sorted.set(name, value(kept.value, kept.at));
  }
  return sorted;
}
function sortedNames(map) {
  return [...map.keys()].sort();
}

// src/report/json-report.ts
function looksLikeReport(doc) {
  return isJsonObject(doc) && ("evaluatedAt" in doc || "findings" in doc);
}
function readJsonReport(doc, file) {
  const read = new Fields(file);
  const top = read.object(doc, "the document");
  if (top.version !== 1) read.fail("version", "1", top.version);
  const tool = read.object(top.tool, "tool");
  const evaluatedAt = read.date(top.evaluatedAt, "evaluatedAt");
  const subjects = read.list(top.keys, "keys").map((k, i) => subject(read, k, `keys[${i}]`, evaluatedAt));
  const findings = read.list(top.findings, "findings").map((f, i) => finding(read, f, `findings[${i}]`));
  const suppressed = read.list(top.suppressed, "suppressed").map((f, i) => suppressedFinding(read, f, `suppressed[${i}]`));
  const errors = read.list(top.errors, "errors").map((e, i) => {
    const error = read.object(e, `errors[${i}]`);
    return {
      source: read.text(error.source, `errors[${i}].source`),
      message: read.text(error.message, `errors[${i}].message`)
    };
  });
  return {
    tool: {
      name: read.text(tool.name, "tool.name"),
      version: read.text(tool.version, "tool.version")
    },
    evaluatedAt,
    subjects,
    findings,
    suppressed,
    errors,
    summary: {
      error: findings.filter((f) => f.severity === "error").length,
      warning: findings.filter((f) => f.severity === "warning").length,
      notice: findings.filter((f) => f.severity === "notice").length,
      suppressed: suppressed.length,
      keys: subjects.length
    },
    stats: stats(read, top.stats)
  };
}
function mergeReports(files) {
  const [first] = files;
  if (first === void 0) throw new InputError("merge needs at least one file to merge");
  const subjects = /* @__PURE__ */ new Map();
  for (const { report: report2 } of files) {
    for (const s of report2.subjects) {
      const before = subjects.get(s.id);
      subjects.set(
        s.id,
        before === void 0 ? s : { ...before, references: [...before.references, ...s.references] }
      );
    }
  }
  const once = (list) => {
    const seen = /* @__PURE__ */ new Set();
    return list.filter((f) => {
      const id = `${f.fingerprint} ${f.location?.file ?? ""}:${f.location?.line ?? ""}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  };
  const evaluatedAt = files.map((f) => f.report.evaluatedAt).sort(compareText)[0];
  const report = buildReport({
    tool: first.report.tool,
    now: new Date(evaluatedAt),
    subjects: [...subjects.values()].sort((a, b) => compareText(a.id, b.id)),
    findings: once(files.flatMap((f) => f.report.findings)),
    suppressed: once(files.flatMap((f) => f.report.suppressed)),
    errors: files.flatMap((f) => f.report.errors),
    stats: {
      usageCallsSaved: sum(files, (s) => s.usageCallsSaved),
      scope: files.every((f) => f.report.stats.scope === "changed") ? "changed" : "all",
      keysOutOfScope: sum(files, (s) => s.keysOutOfScope)
    }
  });
  return report;
}
function sum(files, of) {
  return files.reduce((n, f) => n + of(f.report.stats), 0);
}
var Fields = class {
  constructor(file) {
    this.file = file;
  }
  file;
  fail(path, expected, got) {
    throw new InputError(
      `${path}: expected ${expected}, got ${showValue(got)} (JSON report, SPEC \xA76 version 1)`,
      this.file
    );
  }
  object(value, path) {
    return isJsonObject(value) ? value : this.fail(path, "an object", value);
  }
  list(value, path) {
    return Array.isArray(value) ? value : this.fail(path, "a list", value);
  }
  text(value, path) {
    return typeof value === "string" ? value : this.fail(path, "a string", value);
  }
  textOrNull(value, path) {
    return value === null || value === void 0 ? null : this.text(value, path);
  }
  count(value, path) {
    return Number.isInteger(value) && value >= 0 ? value : this.fail(path, "a whole number", value);
  }
  countOrNull(value, path) {
    return value === null || value === void 0 ? null : this.count(value, path);
  }
  date(value, path) {
    const text = this.text(value, path);
    return Number.isNaN(Date.parse(text)) ? this.fail(path, "an ISO 8601 date-time", value) : text;
  }
  dateOrNull(value, path) {
    return value === null || value === void 0 ? null : this.date(value, path);
  }
  severity(value, path) {
    return SEVERITIES.includes(value) ? value : this.fail(path, SEVERITIES.join(", "), value);
  }
  location(value, path) {
    if (value === null || value === void 0) return null;
    const at = this.object(value, path);
    return { file: this.text(at.file, `${path}.file`), line: this.count(at.line, `${path}.line`) };
  }
  strings(value, path) {
    return this.list(value, path).map((v, i) => this.text(v, `${path}[${i}]`));
  }
};
var STATUSES = ["used", "unused", "unknown", "unavailable"];
function finding(read, value, path) {
  const f = read.object(value, path);
  const base = read.location(f.baseLocation, `${path}.baseLocation`);
  return {
    ruleId: read.text(f.ruleId, `${path}.ruleId`),
    severity: read.severity(f.severity, `${path}.severity`),
    message: read.text(f.message, `${path}.message`),
    subjectId: read.text(f.subject, `${path}.subject`),
    keyArn: read.textOrNull(f.keyArn, `${path}.keyArn`),
    address: read.textOrNull(f.address, `${path}.address`),
    location: read.location(f.location, `${path}.location`),
    ...base === null ? {} : { baseLocation: base },
    fingerprint: read.text(f.fingerprint, `${path}.fingerprint`)
  };
}
function suppressedFinding(read, value, path) {
  const f = read.object(value, path);
  const by = f.by === "config" || f.by === "inline" ? f.by : read.fail(`${path}.by`, "config or inline", f.by);
  return {
    ruleId: read.text(f.ruleId, `${path}.ruleId`),
    severity: read.severity(f.severity, `${path}.severity`),
    // The JSON report keeps no message for a suppressed finding: the formats show its reason.
    message: "",
    subjectId: read.text(f.subject, `${path}.subject`),
    keyArn: read.textOrNull(f.keyArn, `${path}.keyArn`),
    address: read.textOrNull(f.address, `${path}.address`),
    location: null,
    fingerprint: read.text(f.fingerprint, `${path}.fingerprint`),
    suppression: { by, reason: read.text(f.reason, `${path}.reason`) }
  };
}
function stats(read, value) {
  if (value === void 0) return { usageCallsSaved: 0, scope: "all", keysOutOfScope: 0 };
  const s = read.object(value, "stats");
  const scope = s.scope === "changed" || s.scope === "all" ? s.scope : read.fail("stats.scope", "changed or all", s.scope);
  return {
    usageCallsSaved: read.count(s.usageCallsSaved, "stats.usageCallsSaved"),
    scope,
    keysOutOfScope: read.count(s.keysOutOfScope, "stats.keysOutOfScope")
  };
}
function subject(read, value, path, evaluatedAt) {
  const k = read.object(value, path);
  const arn = read.textOrNull(k.arn, `${path}.arn`);
  const state = read.textOrNull(k.state, `${path}.state`);
  const manager = read.textOrNull(k.manager, `${path}.manager`);
  const createdAt = read.dateOrNull(k.createdAt, `${path}.createdAt`);
  const multiRegion = k.multiRegion === true ? true : k.multiRegion === false ? false : null;
  const aliases = read.strings(k.aliases, `${path}.aliases`);
  const known = state !== null || manager !== null || createdAt !== null;
  return {
    id: read.text(k.id, `${path}.id`),
    arn,
    region: read.textOrNull(k.region, `${path}.region`),
    account: read.textOrNull(k.account, `${path}.account`),
    aliases,
    references: read.list(k.references, `${path}.references`).map((r, i) => reference(read, r, arn, `${path}.references[${i}]`)),
    change: change(read, k.change, `${path}.change`),
    key: arn === null || !known ? null : {
      arn,
      id: arn.slice(arn.lastIndexOf("/") + 1),
      region: read.textOrNull(k.region, `${path}.region`),
      account: read.textOrNull(k.account, `${path}.account`),
      aliases,
      state,
      enabled: null,
      manager,
      spec: null,
      keyUsage: null,
      origin: null,
      createdAt,
      deletionDate: null,
      pendingWindowDays: null,
      multiRegion,
      multiRegionRole: null
    },
    usage: usage(read, k.usage, `${path}.usage`, evaluatedAt),
    trail: trail(read, k.trail, `${path}.trail`)
  };
}
function reference(read, value, arn, path) {
  const r = read.object(value, path);
  const kinds = ["key", "alias", "consumer", "output"];
  const kind = kinds.includes(r.kind) ? r.kind : read.fail(`${path}.kind`, kinds.join(", "), r.kind);
  const base = read.location(r.baseLocation, `${path}.baseLocation`);
  const address = read.textOrNull(r.address, `${path}.address`);
  return {
    source: read.text(r.source, `${path}.source`),
    kind,
    file: read.text(r.file, `${path}.file`),
    address,
    resourceType: null,
    attribute: read.textOrNull(r.attribute, `${path}.attribute`),
    // The report keeps the key a reference resolved to, not how the input named it.
    target: arn === null ? { kind: "planned", address: address ?? "" } : { kind: "arn", arn },
    action: null,
    change: null,
    location: read.location(r.location, `${path}.location`),
    ...base === null ? {} : { baseLocation: base },
    suppressions: []
  };
}
function change(read, value, path) {
  if (value === null || value === void 0) return null;
  const c = read.object(value, path);
  const actions = ["create", "update", "delete", "replace", "orphan", "none"];
  const action = actions.includes(c.action) ? c.action : read.fail(`${path}.action`, actions.join(", "), c.action);
  return {
    action,
    source: read.text(c.source, `${path}.source`),
    address: read.text(c.address, `${path}.address`),
    deletionWindowDays: read.countOrNull(c.deletionWindowDays, `${path}.deletionWindowDays`),
    disables: c.disables === true,
    ...typeof c.failure === "string" ? { failure: c.failure } : {}
  };
}
function status(read, value, path) {
  return STATUSES.includes(value) ? value : read.fail(path, STATUSES.join(", "), value);
}
function usage(read, value, path, evaluatedAt) {
  if (value === null || value === void 0) return null;
  const u = read.object(value, path);
  const members = read.list(u.members ?? [], `${path}.members`).map((m, i) => {
    const at = `${path}.members[${i}]`;
    const member = read.object(m, at);
    return {
      arn: read.text(member.arn, `${at}.arn`),
      region: read.textOrNull(member.region, `${at}.region`),
      status: status(read, member.status, `${at}.status`),
      lastUsedAt: read.dateOrNull(member.lastUsedAt, `${at}.lastUsedAt`),
      operation: read.textOrNull(member.operation, `${at}.operation`),
      cloudTrailEventId: read.textOrNull(member.cloudTrailEventId, `${at}.cloudTrailEventId`),
      kmsRequestId: null,
      trackingStartDate: null,
      keyCreationDate: null,
      reason: read.textOrNull(member.reason, `${at}.reason`)
    };
  });
  return {
    status: status(read, u.status, `${path}.status`),
    lastUsedAt: read.dateOrNull(u.lastUsedAt, `${path}.lastUsedAt`),
    operation: read.textOrNull(u.operation, `${path}.operation`),
    region: read.textOrNull(u.region, `${path}.region`),
    cloudTrailEventId: read.textOrNull(u.cloudTrailEventId, `${path}.cloudTrailEventId`),
    kmsRequestId: read.textOrNull(u.kmsRequestId, `${path}.kmsRequestId`),
    trackingStartDate: read.dateOrNull(u.trackingStartDate, `${path}.trackingStartDate`),
    evidenceSince: evidenceSince(
      read.countOrNull(u.daysTracked, `${path}.daysTracked`),
      evaluatedAt
    ),
    reason: read.textOrNull(u.reason, `${path}.reason`),
    members
  };
}
function evidenceSince(daysTracked, evaluatedAt) {
  if (daysTracked === null) return null;
  return new Date(Date.parse(evaluatedAt) - daysTracked * DAY_MS).toISOString();
}
function trail(read, value, path) {
  if (value === null || value === void 0) return null;
  const t = read.object(value, path);
  const statuses = ["complete", "truncated", "unavailable"];
  const trailStatus = statuses.includes(t.status) ? t.status : read.fail(`${path}.status`, statuses.join(", "), t.status);
  const last = t.lastFailedUse;
  const lastAt = `${path}.lastFailedUse`;
  const failed = last === null || last === void 0 ? null : (() => {
    const l = read.object(last, lastAt);
    return {
      at: read.date(l.at, `${lastAt}.at`),
      by: read.text(l.by, `${lastAt}.by`),
      operation: read.text(l.operation, `${lastAt}.operation`),
      eventId: read.text(l.eventId, `${lastAt}.eventId`)
    };
  })();
  return {
    status: trailStatus,
    reason: read.textOrNull(t.reason, `${path}.reason`),
    since: read.dateOrNull(t.since, `${path}.since`),
    until: read.dateOrNull(t.until, `${path}.until`),
    events: read.count(t.events, `${path}.events`),
    unreadableEvents: read.count(t.unreadableEvents, `${path}.unreadableEvents`),
    failedUses: read.count(t.failedUses, `${path}.failedUses`),
    lastFailedUse: failed,
    callers: read.strings(t.callers, `${path}.callers`),
    disabledAt: read.dateOrNull(t.disabledAt, `${path}.disabledAt`),
    enabledAt: read.dateOrNull(t.enabledAt, `${path}.enabledAt`),
    deletionScheduledAt: read.dateOrNull(t.deletionScheduledAt, `${path}.deletionScheduledAt`),
    deletionCancelledAt: read.dateOrNull(t.deletionCancelledAt, `${path}.deletionCancelledAt`)
  };
}

// src/merge.ts
async function merge(config, deps) {
  if (config.files.length === 0) throw new InputError("merge needs the files to merge");
  const reading = config.files.map((file) => readInputBytes(file, deps, "file to merge"));
  for (const bytes of reading) bytes.catch(() => {
  });
  const read = [];
  for (const [i, file] of config.files.entries()) {
    read.push(readMergeInput(file, await reading[i]));
  }
  const snapshots = read.filter((r) => "snapshot" in r);
  const reports = read.filter((r) => "report" in r);
  if (snapshots.length > 0 && reports.length > 0) {
    const [snapshot] = snapshots;
    const [report2] = reports;
    throw new InputError(
      `${snapshot?.file} is a facts snapshot and ${report2?.file} a JSON report: merge snapshots with snapshots and reports with reports`
    );
  }
  if (snapshots.length > 0) {
    if (config.outputs.length > 0) {
      throw new InputError(
        "--format is for merged reports; merged snapshots are written as a snapshot with -o FILE"
      );
    }
    if (config.output === null) throw new InputError("merge of snapshots needs -o FILE (or -o -)");
    const merged = mergeSnapshots(snapshots);
    if (config.expectShards !== null) {
      checkExpectedShards(merged.snapshot.inventory, config.expectShards);
    }
    return { kind: "snapshots", merged, note: mergeNote(merged) };
  }
  if (config.expectShards !== null) {
    throw new InputError("--expect-shards counts the shards of snapshots, not of reports");
  }
  if (config.output === null && config.outputs.length === 0) {
    throw new InputError("merge of reports needs -o FILE (the merged JSON report) or --format");
  }
  const report = mergeReports(reports);
  return { kind: "reports", report, failed: failsAt(report, config.failOn) };
}
function mergedSnapshotText(merged) {
  return snapshotJson(merged.snapshot);
}
function readMergeInput(file, bytes) {
  const read = snapshotFromBytes(
    bytes,
    file,
    "a facts snapshot or a JSON report",
    (doc) => looksLikeReport(doc) ? { report: readJsonReport(doc, file) } : readSnapshot(doc, file)
  );
  return "report" in read ? { file, report: read.report } : { file, snapshot: read };
}
export {
  merge,
  mergedSnapshotText
};
