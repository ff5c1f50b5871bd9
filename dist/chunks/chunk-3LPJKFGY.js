import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  MAX_NESTED_STACK_DEPTH,
  buildReport,
  captureSpan,
  collectReferences,
  diffDeployed,
  failsAt,
  heldAnswers,
  readInput,
  readSnapshot,
  removedNestedStacks,
  removedStackKeys,
  require_dist,
  snapshotFactSource,
  ucs2length
} from "./chunk-RULMTAY4.js";
import {
  DEFAULT_CONFIG_FILE,
  didYouMean
} from "./chunk-EN2LHF3R.js";
import {
  describeReadError,
  findRepoRoot,
  parseJson
} from "./chunk-AISGGNY6.js";
import {
  SILENT
} from "./chunk-T6RXOD4O.js";
import {
  checkedTrail,
  describeError,
  trailFacts
} from "./chunk-NDBIRYLI.js";
import {
  CLOCK_SKEW_MS,
  DAY_MS,
  HOUR_MS,
  MALFORMED,
  NOT_IN_SNAPSHOT,
  OTHER_ACCOUNT,
  SEVERITIES,
  checkedKeyMetadata,
  checkedLastUsage,
  compareText,
  emptyTrail,
  instantMs,
  isJsonObject,
  isKeyId,
  keyArn,
  listWords,
  parseIsoValue,
  parseKmsArn,
  partitionOf,
  plural,
  showValue,
  stackPath,
  wholeDaysSince
} from "./chunk-C34K5TY6.js";
import {
  EvidenceError,
  InputError,
  errorMessage,
  escapeLogText
} from "./chunk-2FU6VLII.js";
import {
  __toESM
} from "./chunk-YN24AXXT.js";

// src/facts/deployed.ts
var STACK_ARN_RE = /^arn:aws[a-z-]*:cloudformation:([a-z0-9-]+):(\d{12}):stack\/([A-Za-z][-A-Za-z0-9]{0,127})\/[^/\s]+$/;
function deployedStacks(source) {
  const asked = /* @__PURE__ */ new Map();
  const named2 = (name, region, account) => {
    const id = `${name}\0${region ?? ""}\0${account ?? ""}`;
    let call = asked.get(id);
    if (!call) {
      call = source.deployedStack(name, region, account);
      asked.set(id, call);
    }
    return call;
  };
  const of = async (stack) => {
    const { parent } = stack;
    if (parent === null) return named2(stack.name, stack.region, stack.account);
    const above = await of({
      name: parent.stack,
      region: stack.region,
      account: stack.account,
      parent: parent.parent
    });
    if (!above.ok || above.value === null) return above;
    const { resources } = above.value;
    const physical = Object.hasOwn(resources, parent.logicalId) ? resources[parent.logicalId] : void 0;
    if (physical === void 0) return { ok: true, value: null };
    const arn = typeof physical === "string" ? STACK_ARN_RE.exec(physical) : null;
    const [, region, account, name] = arn ?? [];
    const answeredBy = above.value.account;
    if (name === void 0 || stack.region !== null && region !== stack.region || answeredBy !== null && account !== answeredBy) {
      return {
        ok: false,
        error: {
          Operation: "ListStackResources",
          Code: MALFORMED,
          Message: `not evidence: CloudFormation gives ${showValue(physical)} as the physical id of ${stackPath(stack)}, which is not the ARN of a stack in the account and region of its parent`
        }
      };
    }
    return named2(name, stack.region, stack.account);
  };
  return of;
}

// src/facts/identity.ts
function knownIdentities(inputs, recorded) {
  const known = { keys: /* @__PURE__ */ new Map(), aliases: /* @__PURE__ */ new Map() };
  const add = (arn, origin) => {
    const parsed = parseKmsArn(arn);
    if (parsed === null) return;
    const index = parsed.resource === "key" ? known.keys : known.aliases;
    const name = parsed.resource === "key" ? parsed.id.toLowerCase() : parsed.id;
    let arns = index.get(name);
    if (!arns) {
      arns = /* @__PURE__ */ new Map();
      index.set(name, arns);
    }
    let origins = arns.get(arn);
    if (!origins) {
      origins = /* @__PURE__ */ new Set();
      arns.set(arn, origins);
    }
    origins.add(origin);
  };
  for (const arn of inputs.keys) add(arn, "inputs");
  for (const arn of inputs.aliases) add(arn, "inputs");
  for (const arn of recorded?.keys ?? []) add(arn, "snapshot");
  for (const arn of recorded?.aliases ?? []) add(arn, "snapshot");
  return known;
}
function joinKeyId(keyId, where, known) {
  const all = known.keys.get(keyId.toLowerCase());
  if (all === void 0) return { kind: "unknown" };
  const scope = where.region ?? where.configured;
  const multiRegion = keyId.toLowerCase().startsWith("mrk-");
  const arns = [...all.keys()];
  if (!multiRegion && arns.length === 1) return { kind: "key", arn: arns[0] };
  const here = scope === null ? arns : arns.filter((arn) => parseKmsArn(arn)?.region === scope);
  if (here.length === 1) return { kind: "key", arn: here[0] };
  if (here.length === 0 && multiRegion) return { kind: "unknown" };
  const named2 = here.length > 1 ? here : arns;
  return { kind: "ambiguous", problem: ambiguity(`key id ${keyId}`, "key", named2, all, scope) };
}
function joinAliasName(name, where, known) {
  const all = known.aliases.get(name);
  if (all === void 0) return { kind: "unknown" };
  const scope = where.region ?? where.configured;
  const arns = [...all.keys()];
  const here = scope === null ? arns : arns.filter((arn) => parseKmsArn(arn)?.region === scope);
  if (here.length === 1) return { kind: "alias", arn: here[0] };
  if (here.length === 0) return { kind: "unknown" };
  return { kind: "ambiguous", problem: ambiguity(name, "alias", here, all, scope) };
}
function ambiguity(what, noun, arns, origins, scope) {
  const parsed = arns.flatMap((arn) => parseKmsArn(arn) ?? []);
  const regions = distinct(parsed.map((p) => p.region));
  const accounts = distinct(parsed.map((p) => p.account));
  const from = originText(arns.flatMap((arn) => [...origins.get(arn) ?? []]));
  const byArn = `name the ${noun} by its ARN`;
  if (regions.length > 1) {
    const way = scope === null ? "pass --region" : byArn;
    return `${what} is in ${regions.length} regions of ${from} (${listed(regions)}); ${way}`;
  }
  if (accounts.length > 1) {
    return `${what} is in ${accounts.length} accounts of ${from} in ${regions[0]} (${listed(accounts)}); ${byArn}`;
  }
  return `${what} names ${arns.length} ${noun === "key" ? "keys" : "aliases"} of ${from} (${listed([...arns].sort())}); ${byArn}`;
}
function distinct(values) {
  return [...new Set(values)].sort();
}
var MAX_NAMED = 5;
function listed(values) {
  const shown = values.slice(0, MAX_NAMED).join(", ");
  return values.length > MAX_NAMED ? `${shown} and ${values.length - MAX_NAMED} more` : shown;
}
function originText(origins) {
  const set = new Set(origins);
  if (set.has("inputs") && set.has("snapshot")) return "the inputs and the facts snapshot";
  return set.has("snapshot") ? "the facts snapshot" : "the inputs";
}

// src/facts/usage.ts
function memberUsage(arn, region, answer, notAfter) {
  const checked = answer.ok ? checkedLastUsage(arn, answer.value, notAfter) : answer;
  if (!checked.ok) {
    const { Code, Message, Operation } = checked.error;
    return unavailableMember(arn, describeError(Code, Message, Operation), region);
  }
  const { KeyLastUsage: last, TrackingStartDate, KeyCreationDate } = checked.value;
  const member = {
    ...unavailableMember(arn, "", region),
    reason: null,
    trackingStartDate: TrackingStartDate ?? null,
    keyCreationDate: KeyCreationDate ?? null
  };
  if (last?.Timestamp !== void 0) {
    member.status = "used";
    member.lastUsedAt = last.Timestamp;
    member.operation = last.Operation ?? null;
    member.cloudTrailEventId = last.CloudTrailEventId ?? null;
    member.kmsRequestId = last.KmsRequestId ?? null;
    return member;
  }
  member.status = instantMs(KeyCreationDate) >= instantMs(TrackingStartDate) ? "unused" : "unknown";
  return member;
}
function unavailableMember(arn, reason, region = null) {
  return {
    arn,
    region,
    status: "unavailable",
    lastUsedAt: null,
    operation: null,
    cloudTrailEventId: null,
    kmsRequestId: null,
    trackingStartDate: null,
    keyCreationDate: null,
    reason
  };
}
function aggregateUsage(members) {
  const used = members.filter((m) => m.status === "used");
  const unavailable = members.filter((m) => m.status === "unavailable");
  const unknown = members.filter((m) => m.status === "unknown");
  const trackingStartDate = latest(members.map((m) => m.trackingStartDate));
  const evidenceSince = latest(
    members.flatMap((m) => [m.trackingStartDate, m.keyCreationDate]).filter((d) => d !== null)
  );
  const facts = {
    status: "unused",
    lastUsedAt: null,
    operation: null,
    region: null,
    cloudTrailEventId: null,
    kmsRequestId: null,
    trackingStartDate,
    evidenceSince,
    reason: null,
    members
  };
  if (members.length === 0) {
    return { ...facts, status: "unavailable", reason: "no usage was gathered for this key" };
  }
  if (used.length > 0) {
    const newest = used.reduce(
      (a, b) => instantMs(b.lastUsedAt) > instantMs(a.lastUsedAt) ? b : a
    );
    return {
      ...facts,
      status: "used",
      lastUsedAt: newest.lastUsedAt,
      operation: newest.operation,
      region: newest.region,
      cloudTrailEventId: newest.cloudTrailEventId,
      kmsRequestId: newest.kmsRequestId
    };
  }
  if (unavailable.length > 0) {
    return {
      ...facts,
      status: "unavailable",
      reason: joinReasons(unavailable, members.length > 1)
    };
  }
  if (unknown.length > 0) {
    return { ...facts, status: "unknown", reason: joinReasons(unknown, members.length > 1) };
  }
  return facts;
}
function joinReasons(members, multiRegion) {
  const reasons = members.filter((m) => m.reason !== null).map((m) => multiRegion ? `${m.region ?? m.arn}: ${m.reason}` : `${m.reason}`);
  return reasons.length > 0 ? reasons.join("; ") : null;
}
function latest(dates) {
  let best = null;
  for (const d of dates) {
    if (d !== null && (best === null || instantMs(d) > instantMs(best))) best = d;
  }
  return best;
}

// src/facts/gather.ts
async function gatherFacts(references, source, options) {
  const errors = [];
  const fixed = options.notAfter ?? /* @__PURE__ */ new Date();
  const notAfter = typeof fixed === "function" ? fixed : () => fixed;
  let caller = null;
  const callerAccount = () => {
    caller ??= source.callerAccount();
    return caller;
  };
  const region = options.region ?? await source.defaultRegion?.() ?? null;
  const groups = /* @__PURE__ */ new Map();
  const unresolved = /* @__PURE__ */ new Map();
  const deployed = deployedStacks(source);
  const context = { region, callerAccount, deployed };
  const resolved = [];
  const once = resolvedOnce();
  for (const [i, ref] of references.entries()) {
    if (isBare(ref.target)) continue;
    const target = ref.target;
    resolved[i] = await once(
      target,
      async () => resolveTarget(target, source, {
        ...context,
        account: target.kind === "planned" ? null : await callerAccount()
      })
    );
  }
  if (references.some((ref) => isBare(ref.target))) {
    const known = knownIdentities(inputArns(references, resolved), source.recordedArns?.() ?? null);
    for (const [i, ref] of references.entries()) {
      const target = ref.target;
      if (isBare(target)) {
        resolved[i] = await once(target, () => resolveBare(target, source, known, context));
      }
    }
  }
  for (const [i, ref] of references.entries()) {
    const { id, problem } = resolved[i];
    const list = groups.get(id) ?? [];
    list.push(ref);
    groups.set(id, list);
    if (problem) unresolved.set(id, problem);
  }
  for (const arn of options.allKeys ?? []) if (!groups.has(arn)) groups.set(arn, []);
  const usageCalls = /* @__PURE__ */ new Map();
  const lastUsage = (arn) => {
    let call = usageCalls.get(arn);
    if (!call) {
      call = source.getKeyLastUsage(arn);
      usageCalls.set(arn, call);
    }
    return call;
  };
  const inScope = (subject) => unresolved.has(subject.id) || (options.inScope?.(subject) ?? true);
  const all = [...groups].map(([id, refs]) => emptySubject(id, refs));
  const scoped = options.askOutOfScope ? all : all.filter(inScope);
  let usageCallsSaved = 0;
  const trail = { asked: 0, missing: [] };
  let done = 0;
  const asked = [];
  for (const subject of scoped) {
    const { id, references: refs } = subject;
    const problem = unresolved.get(id);
    if (problem !== void 0) {
      subject.usage = aggregateUsage([unavailableMember(id, problem)]);
      errors.push({ source: refs[0]?.file ?? "input", message: `${id}: ${problem}` });
    } else if (subject.arn !== null) {
      asked.push({ subject, arn: subject.arn });
    }
  }
  const factOptions = { ...options, notAfter };
  const held = heldAnswers(source);
  if (held !== void 0) {
    for (const { subject, arn } of asked) {
      usageCallsSaved += attachHeldFacts(subject, arn, held, factOptions);
      if (options.needsTrail?.(subject)) {
        await attachTrail(subject, arn, source, notAfter, trail);
      }
      options.onKeyDone?.(++done, scoped.length);
    }
  } else {
    const snapshot2 = source.kind === "snapshot";
    const limit = snapshot2 ? SNAPSHOT_IN_FLIGHT : KEYS_IN_FLIGHT_PER_PLACE;
    await byPlace(asked, limit, snapshot2 ? () => "" : placeOf, async ({ subject, arn }) => {
      const saved = await attachFacts(subject, arn, source, lastUsage, factOptions);
      usageCallsSaved += saved;
      if (options.needsTrail?.(subject)) {
        await attachTrail(subject, arn, source, notAfter, trail);
      }
      options.onKeyDone?.(++done, scoped.length);
    });
  }
  const kept = scoped.filter(inScope).sort((a, b) => compareText(a.id, b.id));
  for (const subject of kept) {
    if (subject.aliasesUnavailable === void 0) continue;
    errors.push({
      source: subject.references[0]?.file ?? "input",
      message: `${subject.id}: its aliases could not be listed: ${subject.aliasesUnavailable}`
    });
  }
  if (trail.missing.length > 0) errors.push(trailMissing(trail.missing, source));
  return {
    subjects: kept,
    errors,
    usageCallsSaved,
    trailsAsked: trail.asked,
    keysOutOfScope: all.length - kept.length
  };
}
var KEYS_IN_FLIGHT_PER_PLACE = 64;
var SNAPSHOT_IN_FLIGHT = 1e3;
function placeOf(item) {
  return `${item.subject.account ?? ""}\0${item.subject.region ?? ""}`;
}
async function byPlace(items, limit, placeOf3, work) {
  const places = /* @__PURE__ */ new Map();
  for (const item of items) {
    const place = placeOf3(item);
    const queue = places.get(place);
    if (queue === void 0) places.set(place, [item]);
    else queue.push(item);
  }
  await Promise.all(
    [...places.values()].map((queue) => {
      let next = 0;
      const worker = async () => {
        for (let item = queue[next++]; item !== void 0; item = queue[next++]) await work(item);
      };
      const workers = Math.min(limit, queue.length);
      return Promise.all(Array.from({ length: workers }, worker));
    })
  );
}
async function attachTrail(subject, arn, source, notAfter, trail) {
  if (!source.lookupTrail) {
    trail.missing.push(arn);
    return;
  }
  trail.asked++;
  const answer = await source.lookupTrail(arn);
  if (!answer.ok && answer.error.Code === NOT_IN_SNAPSHOT) {
    trail.missing.push(arn);
    return;
  }
  subject.trail = trailFacts(arn, answer, notAfter(arn));
}
function trailMissing(arns, source) {
  const keys = [...arns].sort(compareText);
  const shown = keys.slice(0, 3).join(", ");
  const more = keys.length > 3 ? ` and ${keys.length - 3} more` : "";
  const where = source.kind === "snapshot" ? "the facts snapshot" : "the fact source";
  return {
    source: "facts",
    message: `CloudTrail evidence was not in ${where} for ${plural(keys.length, "key")} whose verdict needed it (${shown}${more}): the CloudTrail rules stayed silent for them; take the snapshot again with this version (kms-usage-lint snapshot) to check them`
  };
}
async function attachFacts(subject, arn, source, lastUsage, options) {
  const [answer, aliases] = await Promise.all([source.describeKey(arn), source.aliasesOf(arn)]);
  const described = attachKey(subject, arn, answer, aliases, options);
  if (described === null) return 0;
  const members = described.ok ? multiRegionMembers(arn, described.value) : [arn];
  if (options.needsUsage && !options.needsUsage(subject)) return members.length;
  const answers = await Promise.all(members.map((m) => lastUsage(m)));
  attachUsage(subject, arn, described, members, answers, options);
  return 0;
}
function attachHeldFacts(subject, arn, held, options) {
  const described = attachKey(subject, arn, held.describeKey(arn), held.aliasesOf(arn), options);
  if (described === null) return 0;
  const members = described.ok ? multiRegionMembers(arn, described.value) : [arn];
  if (options.needsUsage && !options.needsUsage(subject)) return members.length;
  const answers = members.map((m) => held.getKeyLastUsage(m));
  attachUsage(subject, arn, described, members, answers, options);
  return 0;
}
function attachKey(subject, arn, answer, aliases, options) {
  if (aliases.ok) subject.aliases = withNames(subject.aliases, aliases.value);
  else {
    const e = aliases.error;
    subject.aliasesUnavailable = describeError(e.Code, e.Message, e.Operation);
  }
  const described = answer.ok ? checkedKeyMetadata(arn, answer.value, options.notAfter(arn)) : answer;
  if (described.ok) subject.key = keyInfo(described.value, subject.aliases);
  else if (NOT_EVIDENCE.has(described.error.Code)) {
    const e = described.error;
    subject.usage = aggregateUsage([
      unavailableMember(arn, describeError(e.Code, e.Message, e.Operation), regionOf(arn))
    ]);
    return null;
  }
  return described;
}
function attachUsage(subject, arn, described, members, answers, options) {
  const usage = members.map(
    (m, i) => memberUsage(m, regionOf(m), answers[i], options.notAfter(m))
  );
  const created = described.ok ? described.value.CreationDate : void 0;
  const recorded = usage[0]?.keyCreationDate;
  if (created !== void 0 && recorded != null && disagree(created, recorded)) {
    usage[0] = unavailableMember(
      arn,
      `not evidence: DescribeKey says the key was created ${created}, GetKeyLastUsage says ${recorded}`,
      regionOf(arn)
    );
  }
  subject.usage = aggregateUsage(usage);
  if (!described.ok && isMultiRegionId(arn) && subject.usage.status !== "used") {
    const e = described.error;
    subject.usage = {
      ...subject.usage,
      status: "unavailable",
      reason: `the other members of this multi-Region key are unknown: ${describeError(e.Code, e.Message, e.Operation)}`
    };
  }
}
function withNames(names, more) {
  if (names.length === 0 && more.length <= 1) return [...more];
  return [.../* @__PURE__ */ new Set([...names, ...more])].sort();
}
var NOT_EVIDENCE = /* @__PURE__ */ new Set([MALFORMED, "MalformedResponse"]);
function disagree(a, b) {
  return Math.abs(instantMs(a) - instantMs(b)) > CLOCK_SKEW_MS;
}
function regionOf(arn) {
  return parseKmsArn(arn)?.region ?? null;
}
function isMultiRegionId(arn) {
  return parseKmsArn(arn)?.id.toLowerCase().startsWith("mrk-") ?? false;
}
function multiRegionMembers(arn, metadata) {
  const config = metadata.MultiRegionConfiguration;
  if (!metadata.MultiRegion || !config) return [arn];
  const others = [config.PrimaryKey?.Arn, ...(config.ReplicaKeys ?? []).map((r) => r.Arn)];
  const members = [arn];
  for (const other of others) {
    if (other && !members.includes(other)) members.push(other);
  }
  return members;
}
function keyInfo(md, aliases) {
  const arn = parseKmsArn(md.Arn);
  const role = md.MultiRegionConfiguration?.MultiRegionKeyType;
  return {
    arn: md.Arn,
    id: md.KeyId,
    region: arn?.region ?? null,
    account: md.AWSAccountId ?? arn?.account ?? null,
    aliases,
    state: md.KeyState ?? null,
    enabled: md.Enabled ?? null,
    manager: md.KeyManager ?? null,
    spec: md.KeySpec ?? null,
    keyUsage: md.KeyUsage ?? null,
    origin: md.Origin ?? null,
    // Checked answers (answers.ts) carry their dates as ISO strings already.
    createdAt: md.CreationDate ?? null,
    deletionDate: md.DeletionDate ?? null,
    pendingWindowDays: md.PendingDeletionWindowInDays ?? null,
    multiRegion: md.MultiRegion ?? null,
    multiRegionRole: role === "PRIMARY" || role === "REPLICA" ? role : null
  };
}
function emptySubject(id, refs) {
  const arn = parseKmsArn(id);
  const aliases = refs.flatMap((r) => {
    const name = r.aliasName ?? (r.target.kind === "alias" ? r.target.name : void 0);
    return name !== void 0 && r.action !== "delete" ? [name] : [];
  });
  return {
    id,
    arn: arn?.resource === "key" ? id : null,
    region: arn?.region ?? null,
    account: arn?.account ?? null,
    aliases: [...new Set(aliases)].sort(),
    references: refs,
    change: mergeChanges(refs),
    key: null,
    usage: null,
    trail: null
  };
}
var ACTION_WEIGHT = {
  delete: 5,
  replace: 4,
  orphan: 3,
  update: 2,
  create: 1,
  none: 0
};
function mergeChanges(refs) {
  let best = null;
  for (const ref of refs) {
    const change = ref.change;
    if (change && (best === null || ACTION_WEIGHT[change.action] > ACTION_WEIGHT[best.action])) {
      best = change;
    }
  }
  return best;
}
function resolvedOnce() {
  const answers = /* @__PURE__ */ new Map();
  return async (target, resolve4) => {
    const key = target.kind === "arn" ? target.arn : JSON.stringify(target);
    let answer = answers.get(key);
    if (answer === void 0) {
      answer = await resolve4();
      answers.set(key, answer);
    }
    return answer;
  };
}
function isBare(target) {
  return target.kind === "key-id" || target.kind === "alias" && target.arn === null;
}
function inputArns(references, resolved) {
  const keys = [];
  const aliases = [];
  for (const [i, ref] of references.entries()) {
    const target = ref.target;
    if (target.kind === "arn")
      (parseKmsArn(target.arn)?.resource === "alias" ? aliases : keys).push(target.arn);
    if (target.kind === "alias" && target.arn !== null) aliases.push(target.arn);
    const done = resolved[i];
    if (done !== void 0 && done.problem === void 0) keys.push(done.id);
  }
  return { keys, aliases };
}
async function resolveBare(target, source, known, context) {
  const where = { region: target.region, configured: context.region };
  const joined = target.kind === "key-id" ? joinKeyId(target.keyId, where, known) : joinAliasName(target.name, where, known);
  switch (joined.kind) {
    case "key":
      return { id: joined.arn };
    case "alias":
      return resolveAlias(joined.arn, source);
    case "ambiguous":
      return { id: target.kind === "key-id" ? target.keyId : target.name, problem: joined.problem };
    case "unknown":
      return resolveTarget(target, source, { ...context, account: await context.callerAccount() });
  }
}
async function resolveTarget(target, source, context) {
  switch (target.kind) {
    case "planned":
      return { id: `planned:${target.address}` };
    case "stack-resource":
      return resolveStackResource(target, context);
    case "arn": {
      const arn = parseKmsArn(target.arn);
      if (arn?.resource === "key") return { id: target.arn };
      if (arn?.resource === "alias") return resolveAlias(target.arn, source);
      return { id: target.arn, problem: "not a KMS key or alias ARN" };
    }
    case "key-id": {
      const region = target.region ?? context.region;
      if (region === null || context.account === null) {
        return {
          id: target.keyId,
          problem: "a bare key id needs a region (--region) and the account to resolve"
        };
      }
      const arn = keyArn(partitionOf(region), region, context.account, target.keyId);
      if (parseKmsArn(arn) === null) return { id: target.keyId, problem: notARegion(region) };
      return { id: arn };
    }
    case "alias": {
      if (target.arn !== null) return resolveAlias(target.arn, source);
      const region = target.region ?? context.region;
      if (region === null || context.account === null) {
        return {
          id: target.name,
          problem: "an alias name needs a region (--region) and the account to resolve"
        };
      }
      const aliasArn = `arn:${partitionOf(region)}:kms:${region}:${context.account}:${target.name}`;
      if (parseKmsArn(aliasArn) === null) return { id: target.name, problem: notARegion(region) };
      return resolveAlias(aliasArn, source);
    }
  }
}
function notARegion(region) {
  return `cannot be resolved in region ${showValue(region)}, which is not a region's name`;
}
async function resolveStackResource(target, context) {
  const name = `${target.stack}/${target.logicalId}`;
  const answer = await context.deployed({
    name: target.stack,
    region: target.region,
    account: target.account,
    parent: target.parent ?? null
  });
  if (!answer.ok) {
    const e = answer.error;
    return { id: `stack:${name}`, problem: describeError(e.Code, e.Message, e.Operation) };
  }
  const physical = answer.value?.resources[target.logicalId];
  if (answer.value === null || physical === void 0) return { id: `planned:${name}` };
  if (parseKmsArn(physical)?.resource === "key") return { id: physical };
  const region = target.region;
  const account = target.account ?? answer.value.account ?? context.account;
  if (region === null || account === null || !isKeyId(physical)) {
    return {
      id: `stack:${name}`,
      problem: `cannot tell the key ARN of ${target.logicalId} (physical id ${physical}): the stack's account or region is unknown`
    };
  }
  return { id: keyArn(partitionOf(region), region, account, physical) };
}
async function resolveAlias(aliasArn, source) {
  const answer = await source.resolveAlias(aliasArn);
  if (!answer.ok) {
    const e = answer.error;
    return { id: aliasArn, problem: describeError(e.Code, e.Message, e.Operation) };
  }
  if (answer.value === null) return { id: aliasArn, problem: "the alias does not exist" };
  const alias = parseKmsArn(aliasArn);
  const key = parseKmsArn(answer.value);
  if (key?.resource !== "key" || alias === null || key.partition !== alias.partition || key.region !== alias.region || key.account !== alias.account) {
    return {
      id: aliasArn,
      problem: `not evidence: the alias resolved to ${showValue(answer.value)}, which is not a key of the alias's account and region`
    };
  }
  return { id: answer.value };
}

// src/facts/record.ts
function recordFacts(inner) {
  const keys = /* @__PURE__ */ new Map();
  const aliases = /* @__PURE__ */ new Map();
  const stacks = /* @__PURE__ */ new Map();
  let account = null;
  const entry = (arn) => {
    let found = keys.get(arn);
    if (!found) {
      found = {};
      keys.set(arn, found);
    }
    return found;
  };
  const keep = (arn, answer, put) => {
    if (parseKmsArn(arn)?.resource !== "key") return answer;
    const found = entry(arn);
    if (answer.ok) put(found, answer.value);
    else found.Errors = [...found.Errors ?? [], answer.error];
    return answer;
  };
  const source = {
    kind: inner.kind,
    callerAccount: async () => {
      account = await inner.callerAccount();
      return account;
    },
    resolveAlias: async (aliasArn) => {
      const answer = await inner.resolveAlias(aliasArn);
      if (answer.ok && answer.value !== null) aliases.set(aliasArn, answer.value);
      return answer;
    },
    aliasesOf: async (keyArn2) => {
      const answer = await inner.aliasesOf(keyArn2);
      const arn = parseKmsArn(keyArn2);
      if (arn && answer.ok) {
        for (const name of answer.value) {
          aliases.set(`arn:${arn.partition}:kms:${arn.region}:${arn.account}:${name}`, keyArn2);
        }
      }
      return answer.ok ? answer : keep(keyArn2, answer, () => {
      });
    },
    describeKey: async (keyArn2) => keep(keyArn2, await inner.describeKey(keyArn2), (e, v) => {
      e.KeyMetadata = v;
    }),
    getKeyLastUsage: async (keyArn2) => keep(keyArn2, await inner.getKeyLastUsage(keyArn2), (e, v) => {
      e.LastUsage = v;
    }),
    deployedStack: async (stack, region, account2) => {
      const answer = await inner.deployedStack(stack, region, account2);
      if (answer.ok && answer.value !== null && region !== null)
        stacks.set(`${stack}@${region}`, answer.value);
      return answer;
    }
  };
  if (inner.lookupTrail) {
    const lookup = inner.lookupTrail.bind(inner);
    source.lookupTrail = async (keyArn2) => keep(keyArn2, await lookup(keyArn2), (e, v) => {
      e.Trail = v;
    });
  }
  if (inner.defaultRegion)
    source.defaultRegion = () => inner.defaultRegion?.() ?? Promise.resolve(null);
  if (inner.recordedArns)
    source.recordedArns = () => inner.recordedArns?.() ?? { keys: [], aliases: [] };
  if (inner.evidenceFailure) source.evidenceFailure = () => inner.evidenceFailure?.() ?? null;
  if (inner.capturedAt) source.capturedAt = inner.capturedAt.bind(inner);
  if (inner.inventory) source.inventory = inner.inventory;
  return {
    source,
    snapshot: (writtenAt) => {
      const takenAt = (arn) => {
        const taken = inner.capturedAt?.(arn);
        return taken === void 0 ? writtenAt : new Date(taken);
      };
      const times = new Map([...keys.keys()].map((arn) => [arn, takenAt(arn)]));
      let earliest = writtenAt.getTime();
      for (const at of times.values()) earliest = Math.min(earliest, at.getTime());
      const capturedAt = new Date(earliest);
      const entry2 = (arn, e) => {
        const at = times.get(arn) ?? writtenAt;
        const kept = evidenceOnly(arn, e, at);
        return at.getTime() === earliest ? kept : { CapturedAt: at.toISOString(), ...kept };
      };
      return {
        version: 1,
        capturedAt: capturedAt.toISOString(),
        ...account !== null ? { account } : {},
        keys: sortedObject(new Map([...keys].map(([arn, e]) => [arn, entry2(arn, e)]))),
        aliases: sortedObject(aliases),
        ...stacks.size > 0 ? { stacks: sortedObject(stacks) } : {}
      };
    }
  };
}
function evidenceOnly(arn, entry, capturedAt) {
  const kept = { ...entry };
  const errors = [...entry.Errors ?? []];
  if (kept.KeyMetadata !== void 0) {
    const checked = checkedKeyMetadata(arn, kept.KeyMetadata, capturedAt);
    if (!checked.ok) {
      delete kept.KeyMetadata;
      errors.push(checked.error);
    }
  }
  if (kept.LastUsage !== void 0) {
    const checked = checkedLastUsage(arn, kept.LastUsage, capturedAt);
    if (!checked.ok) {
      delete kept.LastUsage;
      errors.push(checked.error);
    }
  }
  if (kept.Trail !== void 0) {
    const checked = checkedTrail(arn, kept.Trail, capturedAt);
    if (checked.ok) kept.Trail = checked.value;
    else {
      delete kept.Trail;
      errors.push(checked.error);
    }
  }
  if (errors.length > 0) kept.Errors = errors;
  return kept;
}
function sortedObject(map) {
  return Object.fromEntries([...map].sort(([a], [b]) => compareText(a, b)));
}

// src/pipeline.ts
import { dirname as dirname3, resolve as resolve3 } from "node:path";

// src/config/config-file.ts
import { dirname, join, relative } from "node:path";
var CONFIG_FILE_NAMES = [DEFAULT_CONFIG_FILE, ".kms-usage-lint.yaml"];
async function findConfigFile(deps) {
  const root = await findRepoRoot(deps.cwd, deps.sourceFiles);
  for (let dir = deps.cwd; ; dir = dirname(dir)) {
    const paths = CONFIG_FILE_NAMES.map((name) => relative(deps.cwd, join(dir, name)));
    const present = [];
    for (const path of paths) if (await deps.fileExists(path)) present.push(path);
    if (present.length > 1) {
      throw new InputError(
        `both ${listWords(present)} exist; which holds the rules cannot be told: remove one, or name it with --config`,
        present[0] ?? null
      );
    }
    if (present[0] !== void 0) return present[0];
    if (root === null || dir === root || dirname(dir) === dir) return null;
  }
}

// src/facts/scope.ts
function touchedByChange(subject) {
  const compared = subject.references.some(
    (ref) => ref.source === "cdk-assembly" && ref.change !== null
  );
  return subject.references.some((ref) => !leftAlone(ref, compared));
}
function leftAlone(ref, compared) {
  if (ref.change?.disables === true) return false;
  if (ref.action !== null) return ref.action === "none";
  switch (ref.source) {
    case "terraform-plan":
      return true;
    case "cdk-assembly":
      return ref.kind === "key" && compared;
    default:
      return false;
  }
}

// src/facts/unread-pairs.ts
function pairSubjectId(pair) {
  return `the keys of account ${pair.account} in ${pair.region}`;
}
function unreadPairs(inventory) {
  return (inventory?.pairs ?? []).filter((pair) => pair.status === "unavailable");
}
function unreadPairSubjects(inventory) {
  return unreadPairs(inventory).map((pair) => {
    const id = pairSubjectId(pair);
    return {
      id,
      arn: null,
      region: pair.region,
      account: pair.account,
      aliases: [],
      references: [],
      change: null,
      key: null,
      usage: aggregateUsage([unavailableMember(id, unreadReason(pair), pair.region)]),
      trail: null
    };
  });
}
function unreadPairErrors(inventory) {
  return unreadPairs(inventory).map((pair) => ({
    source: "inventory",
    message: `the keys of account ${pair.account}${pair.name === void 0 ? "" : ` (${pair.name})`} in ${pair.region} could not be read, so none of them was checked: ${unreadReason(pair)}`
  }));
}
function checkInventoryRead(inventory) {
  if (inventory === null || inventory.pairs.length === 0) return;
  if (inventory.pairs.some((pair) => pair.status === "read")) return;
  const [first] = inventory.pairs;
  throw new EvidenceError(
    `none of the ${plural(inventory.pairs.length, "account-region")} of the facts snapshot's inventory could be read (${first === void 0 ? "" : `${pairSubjectId(first)}: ${unreadReason(first)}`}${inventory.pairs.length > 1 ? ", \u2026" : ""}): nothing could be checked; fix the roles the inventory assumes and take it again`
  );
}
function unreadReason(pair) {
  return pair.reason ?? "no reason was recorded";
}

// rules/deleting-enabled-key.yml
var deleting_enabled_key_default = "# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  deleting-enabled-key:\n    severity: warning\n    description: A change deletes or replaces a key that is still enabled, without disabling it first.\n    help: >-\n      AWS advises disabling a key before scheduling its deletion: while it is disabled, anything\n      that still uses it fails with DisabledException, which CloudTrail can record with the\n      caller, and the key can be enabled again in seconds. A deletion gives no such signal until the\n      waiting period ends and the key material is gone for good. Disable the key in one change\n      (is_enabled = false in Terraform, Enabled: false in CloudFormation, enabled: false in the\n      CDK) and delete it in a later one. On that later change kms-usage-lint reads the key's\n      CloudTrail Event history: calls that failed because the key was disabled are an error\n      (deleting-key-with-failed-uses), and a key disabled less than 30 days ago is a warning\n      (deleting-key-disabled-too-recently).\n    when:\n      all:\n        - fact: change.action\n          in: [delete, replace]\n        - fact: key.state\n          equals: Enabled\n    message: >-\n      {{change.address}} would {{change.action}} {{key.label}} while it is still Enabled. Disable\n      it first, in a change of its own, and delete it in a later change: kms-usage-lint then checks\n      CloudTrail for calls that failed because the key was disabled (DisabledException) and that\n      it stayed disabled for at least 30 days.\n";

// rules/deleting-key-disabled-too-recently.yml
var deleting_key_disabled_too_recently_default = "# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  deleting-key-disabled-too-recently:\n    severity: warning\n    description: A change deletes or replaces a disabled key that was disabled less than 30 days ago.\n    help: >-\n      Disabling a key before deleting it only helps if the watch lasts long enough for everything\n      that uses the key to try it: a monthly report, a quarterly restore test or an EBS volume that\n      is only attached now and then will not have failed yet after a few days. CloudTrail shows the\n      key's latest DisableKey less than 30 days ago. Keep the key disabled for at least 30 days\n      (longer for jobs that run less often than monthly), watching CloudTrail for\n      DisabledException, and delete it in a later change. A complete 90-day CloudTrail window\n      without a DisableKey means the key was disabled longer ago: no finding. A lookup cut short\n      before it reached the DisableKey cannot tell, and the rule fails closed.\n    when:\n      all:\n        - fact: change.action\n          in: [delete, replace]\n        - fact: key.state\n          equals: Disabled\n        - fact: trail.daysDisabled\n          lessThan: 30\n    message: >-\n      {{change.address}} would {{change.action}} {{key.label}}, which was disabled only\n      {{trail.daysDisabled}} days ago (DisableKey on {{trail.disabledAt}}). That is too short a\n      watch for jobs that run monthly or less often: keep the key disabled for at least 30 days,\n      watching CloudTrail for DisabledException, and delete it in a later change.\n";

// rules/deleting-key-with-failed-uses.yml
var deleting_key_with_failed_uses_default = "# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  deleting-key-with-failed-uses:\n    severity: error\n    description: A change deletes or replaces a disabled key that CloudTrail shows calls still failing for.\n    help: >-\n      This is what disabling a key first is for: while it is disabled (or pending deletion), a call\n      that still tries to use it fails with DisabledException or KMSInvalidStateException, and\n      CloudTrail can record the failure with the caller. CloudTrail Event history holds such\n      failures for this key, so something still needs it, and once the key is deleted nothing can\n      decrypt what was encrypted under it. Remove the deletion, find the caller named in the finding (its role\n      or service, and the CloudTrail event), and move it to another key or re-encrypt its data\n      first; enable the key again if the failing calls matter now. Delete the key only after a\n      watch of at least 30 days in which nothing failed.\n    when:\n      all:\n        - fact: change.action\n          in: [delete, replace]\n        - fact: key.state\n          in: [Disabled, PendingDeletion]\n        - fact: trail.failedUses\n          greaterThan: 0\n    message: >-\n      {{change.address}} would {{change.action}} {{key.label}}, but something still needs it: while\n      it is {{key.state}}, {{trail.summary}}. Remove the deletion, find out what\n      {{trail.lastFailedUseBy}} uses the key for, and move it to another key first.\n";

// rules/deleting-key-with-unknown-usage.yml
var deleting_key_with_unknown_usage_default = '# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  deleting-key-with-unknown-usage:\n    severity: warning\n    description: A change deletes or replaces a key with no use on record, but older than the record.\n    help: >-\n      The deletion may be safe, but nothing shows it. Usage is "unknown" when the key is older\n      than KMS usage tracking and no use was recorded since tracking began: it may have been used\n      before then. (Usage that could not be read at all is the stronger case,\n      deleting-key-without-evidence.) Before deleting, look in CloudTrail for cryptographic\n      operations with the key, or disable the key first and watch CloudTrail for\n      DisabledException for a full business cycle.\n    when:\n      all:\n        - fact: change.action\n          in: [delete, replace]\n        - fact: usage.status\n          equals: unknown\n    message: >-\n      {{change.address}} would {{change.action}} {{key.label}}, and whether it is still used cannot\n      be established (usage {{usage.status}}): {{usage.summary}}. Check CloudTrail for recent\n      use of the key before deleting it, or disable it first and watch for DisabledException.\n';

// rules/deleting-key-without-evidence.yml
var deleting_key_without_evidence_default = `# yaml-language-server: $schema=../schemas/rules.schema.json
rules:
  deleting-key-without-evidence:
    severity: error
    description: A change deletes, replaces or disables a key whose usage could not be read.
    help: >-
      The gate fails closed: a destructive change passes only on evidence. For this key there is
      none \u2014 GetKeyLastUsage (or DescribeKey) could not be asked, answered with something that is
      not evidence (another key, a date in the future, a malformed answer), or the key is missing
      from the facts snapshot. The finding carries the reason: grant the missing IAM action
      (kms:DescribeKey, kms:GetKeyLastUsage; --role-template for another account's keys), refresh
      the facts snapshot, or fix what AWS could not answer, and run again. A key whose usage is
      known to be "unknown" (older than usage tracking) is the weaker case,
      deleting-key-with-unknown-usage.
    when:
      all:
        - fact: usage.status
          equals: unavailable
        - any:
            - fact: change.action
              in: [delete, replace]
            - fact: change.disables
              equals: true
    message: >-
      {{change.address}} would {{change.verb}} {{key.label}}, and there is no evidence whether it
      is still used: {{usage.reason}}. No evidence, no pass: grant the missing permission or
      refresh the facts snapshot and run again, or keep the key.
`;

// rules/deleting-recently-used-key.yml
var deleting_recently_used_key_default = "# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  deleting-recently-used-key:\n    severity: error\n    description: A change deletes or replaces a key that was used in the last 90 days.\n    help: >-\n      KMS cannot decrypt anything encrypted under a deleted key, and there is no undo\n      once the waiting period ends. GetKeyLastUsage recorded a successful cryptographic\n      operation with this key (or a member of its multi-Region set) within the last 90 days,\n      so something still depends on it. Remove the deletion from the change; if the key\n      really must go, disable it first and watch CloudTrail for DisabledException errors\n      for at least one full business cycle before scheduling deletion.\n    when:\n      all:\n        - fact: change.action\n          in: [delete, replace]\n        - fact: usage.daysSinceLastUse\n          lessThan: 90\n    message: >-\n      {{change.address}} ({{key.arn}}) was last used {{usage.daysSinceLastUse}} days ago\n      ({{usage.operation}} in {{usage.region}}, {{usage.lastUsedAt}}, CloudTrail event\n      {{usage.cloudTrailEventId}}). This change would {{change.action}} it, and data encrypted\n      under it becomes unreadable when the deletion window ends. Remove the deletion, or\n      disable the key first and watch CloudTrail for DisabledException.\n";

// rules/deleting-referenced-key.yml
var deleting_referenced_key_default = "# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  deleting-referenced-key:\n    severity: error\n    description: A change deletes or replaces a key that resources in the inputs still use.\n    help: >-\n      Other resources in the same plan, state or templates hold this key (a bucket's default\n      encryption, a queue, a database, a log group) and are not being deleted with it. Once the\n      key is gone they can no longer encrypt or decrypt with it: new writes fail and data already\n      encrypted under it becomes unreadable. Point each of those resources at another key (and\n      re-encrypt what they hold) in an earlier change, then delete the key; or remove the\n      deletion from this change.\n    when:\n      all:\n        - fact: change.action\n          in: [delete, replace]\n        - fact: refs.consumers\n          greaterThan: 0\n    message: >-\n      {{change.address}} would {{change.action}} {{key.label}}, but resources that are not being\n      deleted still use it ({{refs.consumers}}: {{refs.consumerAddresses}}). They lose access to\n      the key and to data encrypted under it. Move them to another key first, or remove the\n      deletion.\n";

// rules/disabling-recently-used-key.yml
var disabling_recently_used_key_default = "# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  disabling-recently-used-key:\n    severity: warning\n    description: A change disables a key that was used in the last 30 days.\n    help: >-\n      While a key is disabled every cryptographic operation with it fails with DisabledException,\n      so whatever used it in the last 30 days will start failing when this change is applied.\n      Disabling is the right way to test whether a key is still needed, but do it knowingly: find\n      what uses the key (CloudTrail shows the callers), move it to another key first, or keep the\n      key enabled.\n    when:\n      all:\n        - fact: change.disables\n          equals: true\n        - fact: usage.daysSinceLastUse\n          lessThan: 30\n    message: >-\n      {{change.address}} would disable {{key.label}}, which was {{usage.summary}}. Calls that use\n      it will fail with DisabledException. Move its users to another key first, or keep it\n      enabled.\n";

// rules/pending-deletion-key-still-wanted.yml
var pending_deletion_key_still_wanted_default = '# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  pending-deletion-key-still-wanted:\n    severity: error\n    description: A key scheduled for deletion is still being asked for; CloudTrail shows calls failing for it.\n    help: >-\n      The key is waiting to be deleted, and calls that try to use it fail with DisabledException or\n      KMSInvalidStateException ("is pending deletion"); CloudTrail Event history holds such failures\n      for this key, with the caller. Whatever made them will never decrypt its data again once the\n      waiting period ends. Cancel the deletion (aws kms cancel-key-deletion; the key comes back\n      disabled, so enable it again with aws kms enable-key if the caller needs it now), then find\n      the caller and move it to another key before scheduling the deletion again.\n    when:\n      all:\n        - fact: key.state\n          in: [PendingDeletion, PendingReplicaDeletion]\n        - fact: trail.failedUses\n          greaterThan: 0\n    message: >-\n      {{key.label}} is {{key.state}} (to be deleted on {{key.deletionDate}}), yet calls still ask\n      for it: {{trail.summary}}. Cancel the deletion before {{key.deletionDate}}\n      (aws kms cancel-key-deletion --key-id {{key.id}} --region {{key.region}}) and find out what\n      {{trail.lastFailedUseBy}} needs the key for.\n';

// rules/pending-deletion-recently-used.yml
var pending_deletion_recently_used_default = "# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  pending-deletion-recently-used:\n    severity: error\n    description: A key scheduled for deletion was used in the last 30 days.\n    help: >-\n      The key is already waiting to be deleted, yet a successful cryptographic operation with it\n      (or a member of its multi-Region set) was recorded within the last 30 days, so something\n      depended on it shortly before or even after the deletion was scheduled. When the waiting\n      period ends, data encrypted under it becomes unreadable for good. Cancel the deletion\n      (aws kms cancel-key-deletion, then enable the key again) and find out what uses the key\n      before scheduling its deletion again.\n    when:\n      all:\n        - fact: key.state\n          in: [PendingDeletion, PendingReplicaDeletion]\n        - fact: usage.daysSinceLastUse\n          lessThan: 30\n    message: >-\n      {{key.label}} is {{key.state}} (to be deleted on {{key.deletionDate}}) but was\n      {{usage.summary}}. Cancel the deletion before {{key.deletionDate}}\n      (aws kms cancel-key-deletion --key-id {{key.id}} --region {{key.region}}), enable the key,\n      and find what still uses it.\n";

// rules/short-deletion-window.yml
var short_deletion_window_default = '# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  short-deletion-window:\n    severity: warning\n    description: A deletion is scheduled with a waiting period under 30 days for a key not known to be unused.\n    help: >-\n      The waiting period is the only time a mistaken deletion can be cancelled; after it, data\n      encrypted under the key is unreadable for good. AWS allows 7 to 30 days and defaults to 30.\n      A short window only makes sense for a key that was provably never used (usage "unused").\n      Set the window to 30 days (deletion_window_in_days in Terraform, PendingWindowInDays in\n      CloudFormation, pendingWindow in the CDK).\n    when:\n      all:\n        - fact: change.action\n          in: [delete, replace]\n        - fact: change.deletionWindowDays\n          lessThan: 30\n        - not:\n            fact: usage.status\n            equals: unused\n    message: >-\n      {{change.address}} schedules the deletion of {{key.label}} with a\n      {{change.deletionWindowDays}}-day waiting period, but the key is not known to be unused:\n      {{usage.summary}}. Set the window to 30 days so a mistake can still be cancelled.\n';

// rules/stale-key.yml
var stale_key_default = "# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  stale-key:\n    severity: notice\n    description: A customer managed key was used, but not in the last 365 days.\n    help: >-\n      The key's last recorded cryptographic operation is more than a year old. It may only\n      protect old data that is still read now and then, or nothing at all any more. An enabled key\n      costs money every month and widens what a leaked credential can reach. Find out whether the\n      data it protects is still needed; if not, disable the key, watch CloudTrail for\n      DisabledException, and schedule its deletion. If it is kept on purpose, add an ignore entry\n      with the reason. Keys already being deleted are not reported, and neither are keys younger\n      than a year (they cannot have gone a year unused).\n    when:\n      all:\n        - fact: key.manager\n          equals: CUSTOMER\n        - fact: key.ageDays\n          greaterThanOrEqual: 365\n        - fact: key.state\n          notIn: [PendingDeletion, PendingReplicaDeletion]\n        - not:\n            fact: change.action\n            in: [delete, replace]\n        - fact: usage.status\n          equals: used\n        - fact: usage.daysSinceLastUse\n          greaterThanOrEqual: 365\n    message: >-\n      {{key.label}} was {{usage.summary}}: more than a year without use. If nothing needs it, disable\n      it, watch CloudTrail for DisabledException and then schedule its deletion; if it is kept on\n      purpose, add an ignore entry saying why.\n";

// rules/unused-key.yml
var unused_key_default = '# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  unused-key:\n    severity: warning\n    description: A customer managed key has not been used once since it was created (30 days or more).\n    help: >-\n      GetKeyLastUsage shows no successful cryptographic operation with this key since it was\n      created, and the key was created after KMS began tracking usage, so the record is\n      complete: nothing has used it. An enabled customer managed key costs money every month\n      and widens what a leaked credential can reach. Delete it through your infrastructure code\n      (with a deletion window), or, if it is kept on purpose (a standby, a key for future data),\n      add an ignore entry with the reason. Keys whose status is "unknown" (created before\n      tracking began) are never reported by this rule. An inventory (check --all-keys) reports\n      it for every key of the account, whether infrastructure code manages it or not: a key no\n      code manages (key.managed false) is deleted by hand, or first brought under code.\n    when:\n      all:\n        - fact: key.manager\n          equals: CUSTOMER\n        - fact: key.state\n          equals: Enabled\n        - fact: usage.status\n          equals: unused\n        - fact: key.ageDays\n          greaterThanOrEqual: 30\n        - not:\n            fact: change.action\n            in: [delete, replace]\n    message: >-\n      {{key.arn}} has not been used since it was created {{key.ageDays}} days ago\n      ({{usage.daysTracked}} days of complete usage records, no cryptographic operation).\n      Schedule its deletion, or add an ignore entry saying why it is kept.\n';

// rules/update-fails-at-deploy.yml
var update_fails_at_deploy_default = "# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  update-fails-at-deploy:\n    severity: error\n    description: A change updates a key property that CloudFormation cannot change on an existing key.\n    help: >-\n      CloudFormation does not replace an AWS::KMS::Key when its KeySpec, KeyUsage, Origin or\n      MultiRegion changes: it refuses the update, and the whole stack update fails and rolls\n      back at deploy time. Keep the existing key as it is and add a new key (a new construct id\n      or logical id) for the new properties, move its users over, then remove the old one.\n    when:\n      fact: change.failure\n      exists: true\n    message: >-\n      {{change.address}}: {{change.failure}}\n";

// rules/usage-unavailable.yml
var usage_unavailable_default = "# yaml-language-server: $schema=../schemas/rules.schema.json\nrules:\n  usage-unavailable:\n    severity: warning\n    description: The usage of a key that a rule needs to judge could not be read.\n    help: >-\n      The rules that protect against deleting or disabling a key in use, and the ones that find\n      unused keys, depend on GetKeyLastUsage. For this key the answer could not be had: the\n      finding carries the reason, and names the missing IAM action when access was denied (grant\n      kms:DescribeKey and kms:GetKeyLastUsage on the key, or use --role-template for keys of other\n      accounts). A key missing from a facts snapshot is reported the same way: refresh the\n      snapshot. Usage is only asked for keys a rule can judge by it (being deleted, replaced or\n      disabled, pending deletion, or an enabled customer managed key at least 30 days old), so\n      this rule looks at those keys only. A key that a change deletes, replaces or disables is\n      the error deleting-key-without-evidence instead: one finding per key.\n    when:\n      all:\n        - fact: usage.status\n          equals: unavailable\n        # deleting-key-without-evidence reports these as errors.\n        - not:\n            any:\n              - fact: change.action\n                in: [delete, replace]\n              - fact: change.disables\n                equals: true\n        - any:\n            - fact: key.state\n              in: [PendingDeletion, PendingReplicaDeletion]\n            - all:\n                - fact: key.manager\n                  equals: CUSTOMER\n                - fact: key.state\n                  equals: Enabled\n                - fact: key.ageDays\n                  greaterThanOrEqual: 30\n            # A key that could not be described or resolved: nothing else can be known about it,\n            # unless its alias says it is AWS managed (alias/aws/\u2026), which no usage rule judges.\n            - all:\n                - fact: key.state\n                  exists: false\n                - not:\n                    fact: key.manager\n                    equals: AWS\n    message: >-\n      The usage of {{key.label}} could not be read: {{usage.reason}}. The rules that depend on it\n      could not judge this key. Grant the missing permission (or refresh the facts snapshot) and\n      run again.\n";

// src/rules/builtin-data.generated.json
var builtin_data_generated_default = {
  "rules/deleting-enabled-key.yml": {
    rules: {
      "deleting-enabled-key": {
        severity: "warning",
        description: "A change deletes or replaces a key that is still enabled, without disabling it first.",
        help: "AWS advises disabling a key before scheduling its deletion: while it is disabled, anything that still uses it fails with DisabledException, which CloudTrail can record with the caller, and the key can be enabled again in seconds. A deletion gives no such signal until the waiting period ends and the key material is gone for good. Disable the key in one change (is_enabled = false in Terraform, Enabled: false in CloudFormation, enabled: false in the CDK) and delete it in a later one. On that later change kms-usage-lint reads the key's CloudTrail Event history: calls that failed because the key was disabled are an error (deleting-key-with-failed-uses), and a key disabled less than 30 days ago is a warning (deleting-key-disabled-too-recently).",
        when: {
          all: [
            {
              fact: "change.action",
              in: [
                "delete",
                "replace"
              ]
            },
            {
              fact: "key.state",
              equals: "Enabled"
            }
          ]
        },
        message: "{{change.address}} would {{change.action}} {{key.label}} while it is still Enabled. Disable it first, in a change of its own, and delete it in a later change: kms-usage-lint then checks CloudTrail for calls that failed because the key was disabled (DisabledException) and that it stayed disabled for at least 30 days."
      }
    }
  },
  "rules/deleting-key-disabled-too-recently.yml": {
    rules: {
      "deleting-key-disabled-too-recently": {
        severity: "warning",
        description: "A change deletes or replaces a disabled key that was disabled less than 30 days ago.",
        help: "Disabling a key before deleting it only helps if the watch lasts long enough for everything that uses the key to try it: a monthly report, a quarterly restore test or an EBS volume that is only attached now and then will not have failed yet after a few days. CloudTrail shows the key's latest DisableKey less than 30 days ago. Keep the key disabled for at least 30 days (longer for jobs that run less often than monthly), watching CloudTrail for DisabledException, and delete it in a later change. A complete 90-day CloudTrail window without a DisableKey means the key was disabled longer ago: no finding. A lookup cut short before it reached the DisableKey cannot tell, and the rule fails closed.",
        when: {
          all: [
            {
              fact: "change.action",
              in: [
                "delete",
                "replace"
              ]
            },
            {
              fact: "key.state",
              equals: "Disabled"
            },
            {
              fact: "trail.daysDisabled",
              lessThan: 30
            }
          ]
        },
        message: "{{change.address}} would {{change.action}} {{key.label}}, which was disabled only {{trail.daysDisabled}} days ago (DisableKey on {{trail.disabledAt}}). That is too short a watch for jobs that run monthly or less often: keep the key disabled for at least 30 days, watching CloudTrail for DisabledException, and delete it in a later change."
      }
    }
  },
  "rules/deleting-key-with-failed-uses.yml": {
    rules: {
      "deleting-key-with-failed-uses": {
        severity: "error",
        description: "A change deletes or replaces a disabled key that CloudTrail shows calls still failing for.",
        help: "This is what disabling a key first is for: while it is disabled (or pending deletion), a call that still tries to use it fails with DisabledException or KMSInvalidStateException, and CloudTrail can record the failure with the caller. CloudTrail Event history holds such failures for this key, so something still needs it, and once the key is deleted nothing can decrypt what was encrypted under it. Remove the deletion, find the caller named in the finding (its role or service, and the CloudTrail event), and move it to another key or re-encrypt its data first; enable the key again if the failing calls matter now. Delete the key only after a watch of at least 30 days in which nothing failed.",
        when: {
          all: [
            {
              fact: "change.action",
              in: [
                "delete",
                "replace"
              ]
            },
            {
              fact: "key.state",
              in: [
                "Disabled",
                "PendingDeletion"
              ]
            },
            {
              fact: "trail.failedUses",
              greaterThan: 0
            }
          ]
        },
        message: "{{change.address}} would {{change.action}} {{key.label}}, but something still needs it: while it is {{key.state}}, {{trail.summary}}. Remove the deletion, find out what {{trail.lastFailedUseBy}} uses the key for, and move it to another key first."
      }
    }
  },
  "rules/deleting-key-with-unknown-usage.yml": {
    rules: {
      "deleting-key-with-unknown-usage": {
        severity: "warning",
        description: "A change deletes or replaces a key with no use on record, but older than the record.",
        help: 'The deletion may be safe, but nothing shows it. Usage is "unknown" when the key is older than KMS usage tracking and no use was recorded since tracking began: it may have been used before then. (Usage that could not be read at all is the stronger case, deleting-key-without-evidence.) Before deleting, look in CloudTrail for cryptographic operations with the key, or disable the key first and watch CloudTrail for DisabledException for a full business cycle.',
        when: {
          all: [
            {
              fact: "change.action",
              in: [
                "delete",
                "replace"
              ]
            },
            {
              fact: "usage.status",
              equals: "unknown"
            }
          ]
        },
        message: "{{change.address}} would {{change.action}} {{key.label}}, and whether it is still used cannot be established (usage {{usage.status}}): {{usage.summary}}. Check CloudTrail for recent use of the key before deleting it, or disable it first and watch for DisabledException."
      }
    }
  },
  "rules/deleting-key-without-evidence.yml": {
    rules: {
      "deleting-key-without-evidence": {
        severity: "error",
        description: "A change deletes, replaces or disables a key whose usage could not be read.",
        help: `The gate fails closed: a destructive change passes only on evidence. For this key there is none \u2014 GetKeyLastUsage (or DescribeKey) could not be asked, answered with something that is not evidence (another key, a date in the future, a malformed answer), or the key is missing from the facts snapshot. The finding carries the reason: grant the missing IAM action (kms:DescribeKey, kms:GetKeyLastUsage; --role-template for another account's keys), refresh the facts snapshot, or fix what AWS could not answer, and run again. A key whose usage is known to be "unknown" (older than usage tracking) is the weaker case, deleting-key-with-unknown-usage.`,
        when: {
          all: [
            {
              fact: "usage.status",
              equals: "unavailable"
            },
            {
              any: [
                {
                  fact: "change.action",
                  in: [
                    "delete",
                    "replace"
                  ]
                },
                {
                  fact: "change.disables",
                  equals: true
                }
              ]
            }
          ]
        },
        message: "{{change.address}} would {{change.verb}} {{key.label}}, and there is no evidence whether it is still used: {{usage.reason}}. No evidence, no pass: grant the missing permission or refresh the facts snapshot and run again, or keep the key."
      }
    }
  },
  "rules/deleting-recently-used-key.yml": {
    rules: {
      "deleting-recently-used-key": {
        severity: "error",
        description: "A change deletes or replaces a key that was used in the last 90 days.",
        help: "KMS cannot decrypt anything encrypted under a deleted key, and there is no undo once the waiting period ends. GetKeyLastUsage recorded a successful cryptographic operation with this key (or a member of its multi-Region set) within the last 90 days, so something still depends on it. Remove the deletion from the change; if the key really must go, disable it first and watch CloudTrail for DisabledException errors for at least one full business cycle before scheduling deletion.",
        when: {
          all: [
            {
              fact: "change.action",
              in: [
                "delete",
                "replace"
              ]
            },
            {
              fact: "usage.daysSinceLastUse",
              lessThan: 90
            }
          ]
        },
        message: "{{change.address}} ({{key.arn}}) was last used {{usage.daysSinceLastUse}} days ago ({{usage.operation}} in {{usage.region}}, {{usage.lastUsedAt}}, CloudTrail event {{usage.cloudTrailEventId}}). This change would {{change.action}} it, and data encrypted under it becomes unreadable when the deletion window ends. Remove the deletion, or disable the key first and watch CloudTrail for DisabledException."
      }
    }
  },
  "rules/deleting-referenced-key.yml": {
    rules: {
      "deleting-referenced-key": {
        severity: "error",
        description: "A change deletes or replaces a key that resources in the inputs still use.",
        help: "Other resources in the same plan, state or templates hold this key (a bucket's default encryption, a queue, a database, a log group) and are not being deleted with it. Once the key is gone they can no longer encrypt or decrypt with it: new writes fail and data already encrypted under it becomes unreadable. Point each of those resources at another key (and re-encrypt what they hold) in an earlier change, then delete the key; or remove the deletion from this change.",
        when: {
          all: [
            {
              fact: "change.action",
              in: [
                "delete",
                "replace"
              ]
            },
            {
              fact: "refs.consumers",
              greaterThan: 0
            }
          ]
        },
        message: "{{change.address}} would {{change.action}} {{key.label}}, but resources that are not being deleted still use it ({{refs.consumers}}: {{refs.consumerAddresses}}). They lose access to the key and to data encrypted under it. Move them to another key first, or remove the deletion."
      }
    }
  },
  "rules/disabling-recently-used-key.yml": {
    rules: {
      "disabling-recently-used-key": {
        severity: "warning",
        description: "A change disables a key that was used in the last 30 days.",
        help: "While a key is disabled every cryptographic operation with it fails with DisabledException, so whatever used it in the last 30 days will start failing when this change is applied. Disabling is the right way to test whether a key is still needed, but do it knowingly: find what uses the key (CloudTrail shows the callers), move it to another key first, or keep the key enabled.",
        when: {
          all: [
            {
              fact: "change.disables",
              equals: true
            },
            {
              fact: "usage.daysSinceLastUse",
              lessThan: 30
            }
          ]
        },
        message: "{{change.address}} would disable {{key.label}}, which was {{usage.summary}}. Calls that use it will fail with DisabledException. Move its users to another key first, or keep it enabled."
      }
    }
  },
  "rules/pending-deletion-key-still-wanted.yml": {
    rules: {
      "pending-deletion-key-still-wanted": {
        severity: "error",
        description: "A key scheduled for deletion is still being asked for; CloudTrail shows calls failing for it.",
        help: 'The key is waiting to be deleted, and calls that try to use it fail with DisabledException or KMSInvalidStateException ("is pending deletion"); CloudTrail Event history holds such failures for this key, with the caller. Whatever made them will never decrypt its data again once the waiting period ends. Cancel the deletion (aws kms cancel-key-deletion; the key comes back disabled, so enable it again with aws kms enable-key if the caller needs it now), then find the caller and move it to another key before scheduling the deletion again.',
        when: {
          all: [
            {
              fact: "key.state",
              in: [
                "PendingDeletion",
                "PendingReplicaDeletion"
              ]
            },
            {
              fact: "trail.failedUses",
              greaterThan: 0
            }
          ]
        },
        message: "{{key.label}} is {{key.state}} (to be deleted on {{key.deletionDate}}), yet calls still ask for it: {{trail.summary}}. Cancel the deletion before {{key.deletionDate}} (aws kms cancel-key-deletion --key-id {{key.id}} --region {{key.region}}) and find out what {{trail.lastFailedUseBy}} needs the key for."
      }
    }
  },
  "rules/pending-deletion-recently-used.yml": {
    rules: {
      "pending-deletion-recently-used": {
        severity: "error",
        description: "A key scheduled for deletion was used in the last 30 days.",
        help: "The key is already waiting to be deleted, yet a successful cryptographic operation with it (or a member of its multi-Region set) was recorded within the last 30 days, so something depended on it shortly before or even after the deletion was scheduled. When the waiting period ends, data encrypted under it becomes unreadable for good. Cancel the deletion (aws kms cancel-key-deletion, then enable the key again) and find out what uses the key before scheduling its deletion again.",
        when: {
          all: [
            {
              fact: "key.state",
              in: [
                "PendingDeletion",
                "PendingReplicaDeletion"
              ]
            },
            {
              fact: "usage.daysSinceLastUse",
              lessThan: 30
            }
          ]
        },
        message: "{{key.label}} is {{key.state}} (to be deleted on {{key.deletionDate}}) but was {{usage.summary}}. Cancel the deletion before {{key.deletionDate}} (aws kms cancel-key-deletion --key-id {{key.id}} --region {{key.region}}), enable the key, and find what still uses it."
      }
    }
  },
  "rules/short-deletion-window.yml": {
    rules: {
      "short-deletion-window": {
        severity: "warning",
        description: "A deletion is scheduled with a waiting period under 30 days for a key not known to be unused.",
        help: 'The waiting period is the only time a mistaken deletion can be cancelled; after it, data encrypted under the key is unreadable for good. AWS allows 7 to 30 days and defaults to 30. A short window only makes sense for a key that was provably never used (usage "unused"). Set the window to 30 days (deletion_window_in_days in Terraform, PendingWindowInDays in CloudFormation, pendingWindow in the CDK).',
        when: {
          all: [
            {
              fact: "change.action",
              in: [
                "delete",
                "replace"
              ]
            },
            {
              fact: "change.deletionWindowDays",
              lessThan: 30
            },
            {
              not: {
                fact: "usage.status",
                equals: "unused"
              }
            }
          ]
        },
        message: "{{change.address}} schedules the deletion of {{key.label}} with a {{change.deletionWindowDays}}-day waiting period, but the key is not known to be unused: {{usage.summary}}. Set the window to 30 days so a mistake can still be cancelled."
      }
    }
  },
  "rules/stale-key.yml": {
    rules: {
      "stale-key": {
        severity: "notice",
        description: "A customer managed key was used, but not in the last 365 days.",
        help: "The key's last recorded cryptographic operation is more than a year old. It may only protect old data that is still read now and then, or nothing at all any more. An enabled key costs money every month and widens what a leaked credential can reach. Find out whether the data it protects is still needed; if not, disable the key, watch CloudTrail for DisabledException, and schedule its deletion. If it is kept on purpose, add an ignore entry with the reason. Keys already being deleted are not reported, and neither are keys younger than a year (they cannot have gone a year unused).",
        when: {
          all: [
            {
              fact: "key.manager",
              equals: "CUSTOMER"
            },
            {
              fact: "key.ageDays",
              greaterThanOrEqual: 365
            },
            {
              fact: "key.state",
              notIn: [
                "PendingDeletion",
                "PendingReplicaDeletion"
              ]
            },
            {
              not: {
                fact: "change.action",
                in: [
                  "delete",
                  "replace"
                ]
              }
            },
            {
              fact: "usage.status",
              equals: "used"
            },
            {
              fact: "usage.daysSinceLastUse",
              greaterThanOrEqual: 365
            }
          ]
        },
        message: "{{key.label}} was {{usage.summary}}: more than a year without use. If nothing needs it, disable it, watch CloudTrail for DisabledException and then schedule its deletion; if it is kept on purpose, add an ignore entry saying why."
      }
    }
  },
  "rules/unused-key.yml": {
    rules: {
      "unused-key": {
        severity: "warning",
        description: "A customer managed key has not been used once since it was created (30 days or more).",
        help: 'GetKeyLastUsage shows no successful cryptographic operation with this key since it was created, and the key was created after KMS began tracking usage, so the record is complete: nothing has used it. An enabled customer managed key costs money every month and widens what a leaked credential can reach. Delete it through your infrastructure code (with a deletion window), or, if it is kept on purpose (a standby, a key for future data), add an ignore entry with the reason. Keys whose status is "unknown" (created before tracking began) are never reported by this rule. An inventory (check --all-keys) reports it for every key of the account, whether infrastructure code manages it or not: a key no code manages (key.managed false) is deleted by hand, or first brought under code.',
        when: {
          all: [
            {
              fact: "key.manager",
              equals: "CUSTOMER"
            },
            {
              fact: "key.state",
              equals: "Enabled"
            },
            {
              fact: "usage.status",
              equals: "unused"
            },
            {
              fact: "key.ageDays",
              greaterThanOrEqual: 30
            },
            {
              not: {
                fact: "change.action",
                in: [
                  "delete",
                  "replace"
                ]
              }
            }
          ]
        },
        message: "{{key.arn}} has not been used since it was created {{key.ageDays}} days ago ({{usage.daysTracked}} days of complete usage records, no cryptographic operation). Schedule its deletion, or add an ignore entry saying why it is kept."
      }
    }
  },
  "rules/update-fails-at-deploy.yml": {
    rules: {
      "update-fails-at-deploy": {
        severity: "error",
        description: "A change updates a key property that CloudFormation cannot change on an existing key.",
        help: "CloudFormation does not replace an AWS::KMS::Key when its KeySpec, KeyUsage, Origin or MultiRegion changes: it refuses the update, and the whole stack update fails and rolls back at deploy time. Keep the existing key as it is and add a new key (a new construct id or logical id) for the new properties, move its users over, then remove the old one.",
        when: {
          fact: "change.failure",
          exists: true
        },
        message: "{{change.address}}: {{change.failure}}"
      }
    }
  },
  "rules/usage-unavailable.yml": {
    rules: {
      "usage-unavailable": {
        severity: "warning",
        description: "The usage of a key that a rule needs to judge could not be read.",
        help: "The rules that protect against deleting or disabling a key in use, and the ones that find unused keys, depend on GetKeyLastUsage. For this key the answer could not be had: the finding carries the reason, and names the missing IAM action when access was denied (grant kms:DescribeKey and kms:GetKeyLastUsage on the key, or use --role-template for keys of other accounts). A key missing from a facts snapshot is reported the same way: refresh the snapshot. Usage is only asked for keys a rule can judge by it (being deleted, replaced or disabled, pending deletion, or an enabled customer managed key at least 30 days old), so this rule looks at those keys only. A key that a change deletes, replaces or disables is the error deleting-key-without-evidence instead: one finding per key.",
        when: {
          all: [
            {
              fact: "usage.status",
              equals: "unavailable"
            },
            {
              not: {
                any: [
                  {
                    fact: "change.action",
                    in: [
                      "delete",
                      "replace"
                    ]
                  },
                  {
                    fact: "change.disables",
                    equals: true
                  }
                ]
              }
            },
            {
              any: [
                {
                  fact: "key.state",
                  in: [
                    "PendingDeletion",
                    "PendingReplicaDeletion"
                  ]
                },
                {
                  all: [
                    {
                      fact: "key.manager",
                      equals: "CUSTOMER"
                    },
                    {
                      fact: "key.state",
                      equals: "Enabled"
                    },
                    {
                      fact: "key.ageDays",
                      greaterThanOrEqual: 30
                    }
                  ]
                },
                {
                  all: [
                    {
                      fact: "key.state",
                      exists: false
                    },
                    {
                      not: {
                        fact: "key.manager",
                        equals: "AWS"
                      }
                    }
                  ]
                }
              ]
            }
          ]
        },
        message: "The usage of {{key.label}} could not be read: {{usage.reason}}. The rules that depend on it could not judge this key. Grant the missing permission (or refresh the facts snapshot) and run again."
      }
    }
  }
};

// src/rules/builtin.ts
var PARSED = builtin_data_generated_default;
function packFile(file, text2) {
  const data = PARSED[file];
  return data === void 0 ? { file, text: text2 } : { file, text: text2, data };
}
var BUILTIN_PACKS = {
  recommended: [
    packFile("rules/deleting-recently-used-key.yml", deleting_recently_used_key_default),
    packFile("rules/deleting-referenced-key.yml", deleting_referenced_key_default),
    packFile("rules/deleting-key-without-evidence.yml", deleting_key_without_evidence_default),
    packFile("rules/deleting-key-with-unknown-usage.yml", deleting_key_with_unknown_usage_default),
    packFile("rules/deleting-key-with-failed-uses.yml", deleting_key_with_failed_uses_default),
    packFile("rules/deleting-key-disabled-too-recently.yml", deleting_key_disabled_too_recently_default),
    packFile("rules/pending-deletion-key-still-wanted.yml", pending_deletion_key_still_wanted_default),
    packFile("rules/deleting-enabled-key.yml", deleting_enabled_key_default),
    packFile("rules/pending-deletion-recently-used.yml", pending_deletion_recently_used_default),
    packFile("rules/disabling-recently-used-key.yml", disabling_recently_used_key_default),
    packFile("rules/short-deletion-window.yml", short_deletion_window_default),
    packFile("rules/unused-key.yml", unused_key_default),
    packFile("rules/stale-key.yml", stale_key_default),
    packFile("rules/usage-unavailable.yml", usage_unavailable_default),
    packFile("rules/update-fails-at-deploy.yml", update_fails_at_deploy_default)
  ]
};

// src/rules/catalog.ts
function define(type, description, get) {
  return Object.freeze({ type, description, get });
}
function parseInstant(iso) {
  if (iso === null || iso === void 0) return null;
  const ms = parseIsoValue(iso);
  return ms === null ? null : new Date(ms);
}
var AWS_MANAGED_ALIAS_PREFIX = "alias/aws/";
function isAwsManagedAlias(name) {
  return name.startsWith(AWS_MANAGED_ALIAS_PREFIX);
}
function keyIdFromArn(arn) {
  const match = arn === null ? null : /:key\/([^/:]+)$/.exec(arn);
  return match?.[1] ?? null;
}
function countConsumers(references) {
  const addresses = /* @__PURE__ */ new Set();
  let anonymous = 0;
  for (const ref of references) {
    if (ref.kind !== "consumer" || ref.action === "delete") continue;
    if (ref.address === null) anonymous++;
    else addresses.add(ref.address);
  }
  return addresses.size + anonymous;
}
function sourceKinds(references) {
  const kinds = new Set(references.map((ref) => ref.source));
  return [...kinds].sort();
}
function consumerAddresses(references) {
  const addresses = /* @__PURE__ */ new Set();
  for (const ref of references)
    if (ref.kind === "consumer" && ref.action !== "delete" && ref.address !== null)
      addresses.add(ref.address);
  return [...addresses].sort();
}
function keyLabel(subject) {
  if (subject.arn !== null) return subject.arn;
  const PLANNED = "planned:";
  return subject.id.startsWith(PLANNED) ? subject.id.slice(PLANNED.length) : subject.id;
}
function isoDate(iso) {
  return parseInstant(iso)?.toISOString().slice(0, 10) ?? "an unknown date";
}
function daysAgo(days) {
  if (days === null) return "at an unknown time";
  if (days === 0) return "today";
  return `${plural(days, "day")} ago`;
}
function changeVerb(subject) {
  const change = subject.change;
  if (change === null || change.action === "none") return null;
  return change.action === "update" && change.disables ? "disable" : change.action;
}
function unreadableFacts(subject) {
  const unreadable = /* @__PURE__ */ new Map();
  if (subject.aliasesUnavailable !== void 0) {
    unreadable.set("key.aliases", `its aliases could not be listed: ${subject.aliasesUnavailable}`);
  }
  const trail = subject.trail;
  if (trail?.status === "unavailable") {
    const why = `CloudTrail could not be read: ${trail.reason ?? "no reason was recorded"}`;
    for (const path of TRAIL_EVIDENCE) unreadable.set(path, why);
  } else if (trail?.status === "truncated" && trail.disabledAt === null) {
    const why = `the CloudTrail lookup stopped at ${isoDate(trail.since)} (${trail.reason ?? "truncated"}) without reaching when the key was disabled`;
    unreadable.set("trail.disabledAt", why);
    unreadable.set("trail.daysDisabled", why);
    if (trail.failedUses === 0 && trail.deletionScheduledAt === null) {
      const unread = `the CloudTrail lookup stopped at ${isoDate(trail.since)} (${trail.reason ?? "truncated"}) without reaching when the key was disabled or scheduled for deletion, so calls that failed before then were not read`;
      for (const path of FAILED_USE_FACTS) unreadable.set(path, unread);
    }
  }
  if (trail !== null && trail.status !== "unavailable") {
    const why = notDisabledSince(trail);
    if (why !== null) {
      unreadable.set("trail.disabledAt", why);
      unreadable.set("trail.daysDisabled", why);
    }
  }
  if (trail !== null && trail.status !== "unavailable" && trail.unreadableEvents > 0) {
    const why = `${plural(trail.unreadableEvents, "CloudTrail event")} about the key could not be read`;
    if (trail.failedUses === 0) for (const path of FAILED_USE_FACTS) unreadable.set(path, why);
    unreadable.set("trail.disabledAt", why);
    unreadable.set("trail.daysDisabled", why);
  }
  return unreadable;
}
function notDisabledSince(trail) {
  const disabled = parseInstant(trail.disabledAt);
  const enabled = parseInstant(trail.enabledAt);
  if (enabled !== null && (disabled === null || enabled > disabled)) {
    return `CloudTrail shows the key enabled again (EnableKey on ${isoDate(trail.enabledAt)}) after its latest DisableKey in the window, so when it was last disabled is not in the trail`;
  }
  if (disabled === null && trail.deletionCancelledAt !== null) {
    return `CloudTrail shows a cancelled deletion (CancelKeyDeletion on ${isoDate(trail.deletionCancelledAt)}), which leaves a key disabled without a DisableKey, so when it was disabled is not in the trail`;
  }
  return null;
}
var FAILED_USE_FACTS = [
  "trail.failedUses",
  "trail.lastFailedUseAt",
  "trail.lastFailedUseBy",
  "trail.lastFailedUseOperation",
  "trail.lastFailedUseEventId",
  "trail.callers"
];
var TRAIL_EVIDENCE = [
  "trail.windowDays",
  "trail.failedUses",
  "trail.lastFailedUseAt",
  "trail.lastFailedUseBy",
  "trail.lastFailedUseOperation",
  "trail.lastFailedUseEventId",
  "trail.callers",
  "trail.disabledAt",
  "trail.daysDisabled"
];
function usageSummary(ctx) {
  const usage = ctx.subject.usage;
  if (usage === null) return null;
  switch (usage.status) {
    case "used": {
      const what = [usage.operation, usage.region === null ? null : `in ${usage.region}`].filter((part) => part !== null).join(" ");
      const event = usage.cloudTrailEventId === null ? null : `CloudTrail event ${usage.cloudTrailEventId}`;
      const details = [what === "" ? null : what, isoDate(usage.lastUsedAt), event].filter(
        (part) => part !== null
      );
      return `last used ${daysAgo(wholeDaysSince(usage.lastUsedAt, ctx.now))} (${details.join(", ")})`;
    }
    case "unused": {
      const days = wholeDaysSince(usage.evidenceSince, ctx.now);
      return days === null ? "never used since it was created" : `never used in ${plural(days, "day")} of complete usage records`;
    }
    case "unknown":
      return usage.reason !== null ? `usage records are incomplete: ${usage.reason}` : `no use recorded since KMS began tracking usage on ${isoDate(usage.trackingStartDate)}, but the key is older (created ${isoDate(ctx.subject.key?.createdAt ?? null)}) and may have been used before then`;
    case "unavailable":
      return `usage could not be read: ${usage.reason ?? "no reason was recorded"}`;
  }
}
function trailSummary(ctx) {
  const trail = ctx.subject.trail;
  if (trail === null) return null;
  if (trail.status === "unavailable")
    return `CloudTrail could not be read: ${trail.reason ?? "no reason was recorded"}`;
  const span = `CloudTrail Event history from ${isoDate(trail.since)} to ${isoDate(trail.until)}`;
  const cut = trail.status === "truncated" ? ` (read in part: ${trail.reason ?? "truncated"})` : trail.reason ? ` (${trail.reason})` : "";
  const last = trail.lastFailedUse;
  if (last === null) {
    return `no call failed for it in ${span}${cut}; that is no proof nothing needs it: Event history keeps 90 days, and AWS logs failed calls only in some scenarios`;
  }
  const callers = trail.callers.length > 1 ? ` (${plural(trail.callers.length, "caller")})` : "";
  return `${plural(trail.failedUses, "call")} failed for it in ${span}${cut}${callers}, the latest by ${last.by} (${last.operation}, ${isoDate(last.at)}, CloudTrail event ${last.eventId})`;
}
var FACTS = Object.freeze({
  "key.arn": define(
    "string",
    "The key ARN; null for a key that is not created yet.",
    (c) => c.subject.arn
  ),
  "key.label": define(
    "string",
    "How messages name the key: its ARN; for a key not created yet, its address; for a key that could not be resolved, the name the inputs use (an alias or key id).",
    (c) => keyLabel(c.subject)
  ),
  "key.id": define(
    "string",
    "The key id (UUID or `mrk-\u2026`).",
    (c) => c.subject.key?.id ?? keyIdFromArn(c.subject.arn)
  ),
  "key.region": define("string", "The key's AWS region.", (c) => c.subject.region),
  "key.account": define("string", "The AWS account that owns the key.", (c) => c.subject.account),
  "key.aliases": define(
    "string[]",
    "Alias names (`alias/\u2026`) pointing at the key.",
    (c) => c.subject.aliases
  ),
  "key.state": define(
    "string",
    "Key state: Enabled, Disabled, PendingDeletion, PendingReplicaDeletion, PendingImport, Creating, Updating or Unavailable.",
    (c) => c.subject.key?.state ?? null
  ),
  "key.enabled": define(
    "boolean",
    "Whether the key is enabled.",
    (c) => c.subject.key?.enabled ?? null
  ),
  "key.manager": define(
    "string",
    "CUSTOMER or AWS. As DescribeKey says; for a key AWS said nothing about, AWS when an input names it by an `alias/aws/\u2026` alias (a prefix KMS reserves for AWS managed keys), else null.",
    (c) => c.subject.key?.manager ?? (c.subject.aliases.some(isAwsManagedAlias) ? "AWS" : null)
  ),
  "key.spec": define(
    "string",
    "The key spec, as DescribeKey says (e.g. SYMMETRIC_DEFAULT).",
    (c) => c.subject.key?.spec ?? null
  ),
  "key.keyUsage": define(
    "string",
    "The key usage, as DescribeKey says (e.g. ENCRYPT_DECRYPT).",
    (c) => c.subject.key?.keyUsage ?? null
  ),
  "key.origin": define(
    "string",
    "The key material origin, as DescribeKey says (e.g. AWS_KMS).",
    (c) => c.subject.key?.origin ?? null
  ),
  "key.createdAt": define(
    "date",
    "When the key was created.",
    (c) => parseInstant(c.subject.key?.createdAt)
  ),
  "key.deletionDate": define(
    "date",
    "When a key pending deletion will be deleted.",
    (c) => parseInstant(c.subject.key?.deletionDate)
  ),
  "key.ageDays": define(
    "number",
    "Whole days since the key was created.",
    (c) => wholeDaysSince(c.subject.key?.createdAt ?? null, c.now)
  ),
  "key.pendingWindowDays": define(
    "number",
    "The waiting period of a scheduled deletion, in days.",
    (c) => c.subject.key?.pendingWindowDays ?? null
  ),
  "key.multiRegion": define(
    "boolean",
    "Whether the key is a multi-Region key.",
    (c) => c.subject.key?.multiRegion ?? null
  ),
  "key.multiRegionRole": define(
    "string",
    "PRIMARY or REPLICA for a multi-Region key; null otherwise.",
    (c) => c.subject.key?.multiRegionRole ?? null
  ),
  "usage.status": define(
    "string",
    "used, unused, unknown or unavailable (SPEC \xA73); null for a key not created yet.",
    (c) => c.subject.usage?.status ?? null
  ),
  "usage.lastUsedAt": define(
    "date",
    "The latest successful cryptographic operation (across multi-Region members).",
    (c) => parseInstant(c.subject.usage?.lastUsedAt)
  ),
  "usage.daysSinceLastUse": define(
    "number",
    "Whole days from usage.lastUsedAt to now.",
    (c) => wholeDaysSince(c.subject.usage?.lastUsedAt ?? null, c.now)
  ),
  "usage.operation": define(
    "string",
    "The operation of the latest use (e.g. Decrypt).",
    (c) => c.subject.usage?.operation ?? null
  ),
  "usage.region": define(
    "string",
    "The region of the latest use.",
    (c) => c.subject.usage?.region ?? null
  ),
  "usage.cloudTrailEventId": define(
    "string",
    "The CloudTrail event id of the latest use.",
    (c) => c.subject.usage?.cloudTrailEventId ?? null
  ),
  "usage.kmsRequestId": define(
    "string",
    "The KMS request id of the latest use.",
    (c) => c.subject.usage?.kmsRequestId ?? null
  ),
  "usage.trackingStartDate": define(
    "date",
    "When KMS began tracking usage of the key.",
    (c) => parseInstant(c.subject.usage?.trackingStartDate)
  ),
  "usage.daysTracked": define(
    "number",
    "Whole days of evidence: from the later of tracking start and creation to now.",
    (c) => wholeDaysSince(c.subject.usage?.evidenceSince ?? null, c.now)
  ),
  "usage.reason": define(
    "string",
    "Why usage is unavailable.",
    (c) => c.subject.usage?.reason ?? null
  ),
  "usage.summary": define(
    "string",
    "The usage evidence in one phrase, for messages: when and how the key was last used, how long it has gone unused, why the record is incomplete, or why it could not be read.",
    usageSummary
  ),
  "trail.status": define(
    "string",
    "How much of the key's CloudTrail Event history was read: complete, truncated (--trail-max-pages reached; what was read counts) or unavailable (see trail.reason); null when not asked.",
    (c) => c.subject.trail?.status ?? null
  ),
  "trail.reason": define(
    "string",
    "Why the CloudTrail lookup is unavailable, or where a truncated one stopped.",
    (c) => c.subject.trail?.reason ?? null
  ),
  "trail.windowDays": define(
    "number",
    "Whole days of Event history the lookup covered (at most 90).",
    (c) => {
      const trail = c.subject.trail;
      const until = parseInstant(trail?.until);
      return trail?.since && until ? wholeDaysSince(trail.since, until) : null;
    }
  ),
  "trail.failedUses": define(
    "number",
    "Calls in the window that failed because the key was disabled or pending deletion (DisabledException, KMSInvalidStateException).",
    (c) => c.subject.trail?.failedUses ?? null
  ),
  "trail.lastFailedUseAt": define(
    "date",
    "When the latest failed use was made.",
    (c) => parseInstant(c.subject.trail?.lastFailedUse?.at)
  ),
  "trail.lastFailedUseBy": define(
    "string",
    "Who made the latest failed use: userIdentity.arn, else invokedBy, else the identity type.",
    (c) => c.subject.trail?.lastFailedUse?.by ?? null
  ),
  "trail.lastFailedUseOperation": define(
    "string",
    "The operation of the latest failed use (e.g. Decrypt).",
    (c) => c.subject.trail?.lastFailedUse?.operation ?? null
  ),
  "trail.lastFailedUseEventId": define(
    "string",
    "The CloudTrail event id of the latest failed use.",
    (c) => c.subject.trail?.lastFailedUse?.eventId ?? null
  ),
  "trail.callers": define(
    "string[]",
    "Distinct callers of the failed uses, sorted.",
    (c) => c.subject.trail?.callers ?? null
  ),
  "trail.disabledAt": define(
    "date",
    "The latest DisableKey in the window; null when there was none.",
    (c) => parseInstant(c.subject.trail?.disabledAt)
  ),
  "trail.daysDisabled": define(
    "number",
    "Whole days from trail.disabledAt to now; null when there was no DisableKey in the window.",
    (c) => wholeDaysSince(c.subject.trail?.disabledAt ?? null, c.now)
  ),
  "trail.summary": define(
    "string",
    "The CloudTrail evidence in one phrase, for messages: the failed uses and the latest of them, or what a window without one does and does not show, or why it could not be read.",
    trailSummary
  ),
  "change.action": define(
    "string",
    "create, update, delete, replace, orphan or none; null when no plan or base says anything.",
    (c) => c.subject.change?.action ?? null
  ),
  "change.source": define(
    "string",
    "The source kind of the input that describes the change.",
    (c) => c.subject.change?.source ?? null
  ),
  "change.address": define(
    "string",
    "The resource address or logical id of the change.",
    (c) => c.subject.change?.address ?? null
  ),
  "change.deletionWindowDays": define(
    "number",
    "The window, in days, the change schedules deletion with.",
    (c) => c.subject.change?.deletionWindowDays ?? null
  ),
  "change.disables": define(
    "boolean",
    "The change turns an enabled key off.",
    (c) => c.subject.change?.disables ?? null
  ),
  "change.verb": define(
    "string",
    "What the change does to the key, as a verb for messages: delete, replace, orphan, disable (an update that turns the key off), update or create; null without a change.",
    (c) => changeVerb(c.subject)
  ),
  "change.failure": define(
    "string",
    "Why applying the change will fail (CloudFormation refuses to change KeySpec, KeyUsage, Origin or MultiRegion of an existing key); null when it will not.",
    (c) => c.subject.change?.failure ?? null
  ),
  "refs.count": define(
    "number",
    "References to the key across all inputs.",
    (c) => c.subject.references.length
  ),
  "refs.consumers": define(
    "number",
    "Resources in the inputs that reference the key and are not themselves being deleted.",
    (c) => countConsumers(c.subject.references)
  ),
  "refs.sources": define(
    "string[]",
    "Source kinds that reference the key, sorted.",
    (c) => sourceKinds(c.subject.references)
  ),
  "refs.consumerAddresses": define(
    "string[]",
    "Addresses of the resources refs.consumers counts, sorted (consumers without an address, such as --key, are counted but not listed).",
    (c) => consumerAddresses(c.subject.references)
  ),
  "key.managed": define(
    "boolean",
    "Some input references the key: infrastructure code (or --key) manages or uses it. False for a key only an inventory found (check --all-keys), which no input names.",
    (c) => c.subject.references.length > 0
  ),
  now: define("date", "The evaluation clock (--now, default: the current time).", (c) => c.now)
});
var FACT_PATHS = Object.freeze(Object.keys(FACTS));
function isFactPath(path) {
  return Object.hasOwn(FACTS, path);
}
function factDefinition(path) {
  return FACTS[path];
}
function getFact(path, ctx) {
  return factDefinition(path).get(ctx);
}

// src/rules/evaluate.ts
function addressOf(subject) {
  const refs = subject.references;
  return subject.change?.address ?? refs.find((ref) => ref.kind === "key")?.address ?? refs[0]?.address ?? null;
}
function locationOf(subject) {
  const refs = subject.references;
  return refs.find((ref) => ref.kind === "key" && ref.location !== null)?.location ?? refs.find((ref) => ref.location !== null)?.location ?? null;
}
function baseLocationOf(subject) {
  const refs = subject.references;
  return refs.find((ref) => ref.kind === "key" && ref.baseLocation)?.baseLocation ?? refs.find((ref) => ref.baseLocation)?.baseLocation;
}
function wayOut(rule, subject, unreadable) {
  const missing = rule.factPaths.filter((path) => unreadable.has(path));
  const trailRead = subject.trail !== null && subject.trail.status !== "unavailable";
  if (trailRead && missing.every((path) => path.startsWith("trail.")))
    return "read the key's CloudTrail Event history further back (a higher --trail-max-pages) or check it by hand, and run again.";
  return "grant the missing permission (or refresh the facts snapshot) and run again.";
}
function verdict(rule, ctx, unreadable) {
  const missing = rule.factPaths.filter((path) => unreadable.has(path));
  if (missing.length === 0) return rule.test(ctx);
  const decided = rule.decide(ctx, (fact) => unreadable.has(fact));
  if (decided !== void 0) return decided;
  return missing.map((path) => `${path}: ${unreadable.get(path)}`).join("; ");
}
function evaluate(subjects, ruleSet, now) {
  const findings = [];
  for (const subject of subjects) {
    const ctx = { subject, now };
    const location = locationOf(subject);
    const baseLocation = location === null ? baseLocationOf(subject) : void 0;
    const unreadable = unreadableFacts(subject);
    for (const rule of ruleSet.rules) {
      const fires = verdict(rule, ctx, unreadable);
      if (fires === false) continue;
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        message: fires === true ? rule.render(ctx) : `${rule.id} could not be decided for ${keyLabel(subject)}: ${fires}. No evidence, no pass: ${wayOut(rule, subject, unreadable)}`,
        subjectId: subject.id,
        keyArn: subject.arn,
        address: addressOf(subject),
        location,
        ...baseLocation ? { baseLocation } : {}
      });
    }
  }
  return findings;
}

// src/rules/extends.ts
import { dirname as dirname2, isAbsolute, join as join2, normalize, relative as relative2, resolve, sep } from "node:path";
var NO_EXTENDED_FILES = /* @__PURE__ */ new Map();
function isFileExtends(name) {
  return /^\.\.?[/\\]/.test(name) || /\.ya?ml$/i.test(name);
}
function resolveExtendsPath(from, name) {
  return normalize(join2(dirname2(from), name));
}
function extendsPathProblem(name) {
  return isAbsolute(name) ? `\`extends\` takes paths relative to the extending file; \`${name}\` is absolute` : null;
}
function fileIdentity(file) {
  return normalize(file);
}
function isWithin(file, boundary) {
  const rel = relative2(boundary.dir, resolve(boundary.cwd, file));
  return rel === "" || rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
function outsideMessage(boundary) {
  return `outside ${boundary.label}; a rules file may extend only files inside it (copy the file in, or extend a built-in pack)`;
}

// src/rules/glob.ts
function isGlob(pattern) {
  return pattern.includes("*") || pattern.includes("?");
}
function compileGlob(pattern) {
  if (!isGlob(pattern)) return (text2) => text2 === pattern;
  const glob = pattern.replace(/\*+/g, "*");
  return (text2) => matchGlob(glob, text2);
}
function matchGlob(glob, text2) {
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text2.length) {
    const c = glob[g];
    if (c === "?" || c !== void 0 && c !== "*" && c === text2[t]) {
      g++;
      t++;
    } else if (c === "*") {
      star = g++;
      resume = t;
    } else if (star !== -1) {
      g = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (glob[g] === "*") g++;
  return g === glob.length;
}

// src/rules/ignore.ts
function namesOf(subject, now) {
  const names = new Set(subject.aliases);
  for (const name of [
    subject.arn,
    subject.key?.arn,
    getFact("key.id", { subject, now }),
    subject.change?.address,
    ...subject.references.flatMap((ref) => [ref.address, ref.aliasName])
  ])
    if (typeof name === "string") names.add(name);
  return [...names];
}
function ignoreExpired(entry, now) {
  if (entry.expires === null) return false;
  const until = parseIsoValue(entry.expires);
  return until !== null && now.getTime() >= until;
}
function describe(entry) {
  const rule = entry.rule === "*" ? "every rule" : `\`${entry.rule}\``;
  return `${entry.file}:${entry.line}: the ignore of ${rule} for \`${entry.key}\``;
}
function warningFor(ignore) {
  const { entry, matched } = ignore;
  if (ignore.expired) {
    const again = matched === 0 ? "it matches no finding any more; remove it" : matched === 1 ? "the finding is reported again; renew the date or remove the entry" : `the ${matched} findings are reported again; renew the date or remove the entry`;
    return `${describe(entry)} expired on ${entry.expires}; ${again}`;
  }
  if (matched > 0) return null;
  return ignore.namesAKey ? `${describe(entry)} matched no finding: the rule does not fire for that key any more; remove the entry` : `${describe(entry)} matched none of the keys checked; remove it if the key is gone`;
}
function applyIgnores(findings, subjects, ignores, now, alreadySuppressed = []) {
  const compiled = ignores.map((entry) => ({
    entry,
    matchesKey: compileGlob(entry.key),
    expired: ignoreExpired(entry, now),
    matched: 0,
    namesAKey: false
  }));
  const names = new Map(subjects.map((subject) => [subject.id, namesOf(subject, now)]));
  for (const ignore of compiled)
    ignore.namesAKey = [...names.values()].some((list) => list.some(ignore.matchesKey));
  const matching = (finding) => {
    const keyNames = names.get(finding.subjectId) ?? [finding.keyArn, finding.address];
    const hits = compiled.filter(
      (ignore) => (ignore.entry.rule === "*" || ignore.entry.rule === finding.ruleId) && keyNames.some((name) => name !== null && ignore.matchesKey(name))
    );
    for (const hit of hits) hit.matched++;
    return hits;
  };
  for (const finding of alreadySuppressed) matching(finding);
  const result = { findings: [], suppressed: [], warnings: [] };
  for (const finding of findings) {
    const applies = matching(finding).find((ignore) => !ignore.expired);
    if (applies === void 0) result.findings.push(finding);
    else
      result.suppressed.push({
        ...finding,
        suppression: { by: "config", reason: applies.entry.reason }
      });
  }
  for (const ignore of compiled) {
    const warning = warningFor(ignore);
    if (warning !== null) result.warnings.push(warning);
  }
  return result;
}

// src/rules/errors.ts
function formatProblem(problem) {
  return `${escapeLogText(problem.file)}:${problem.line}:${problem.column}: ${escapeLogText(problem.message)}`;
}
var RulesError = class extends InputError {
  code = "rules";
  problems;
  constructor(problems) {
    super(problems.map(formatProblem).join("\n"), null, null);
    this.problems = problems;
  }
  describe() {
    return this.message;
  }
};

// src/rules/regex-safety.ts
var MAX_PATTERN_LENGTH = 500;
function repeatingQuantifierLength(source, i) {
  const c = source[i];
  if (c === "*" || c === "+") return 1;
  if (c !== "{") return 0;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
  if (!match) return 0;
  const max = match[2] === void 0 ? Number(match[1]) : match[3] === "" ? Infinity : Number(match[3]);
  return max > 1 ? match[0].length : 0;
}
function skipClass(source, i) {
  let j = i + 1;
  if (source[j] === "^") j++;
  if (source[j] === "]") j++;
  while (j < source.length && source[j] !== "]") j += source[j] === "\\" ? 2 : 1;
  return j + 1;
}
function regexProblem(source) {
  if (source.length > MAX_PATTERN_LENGTH) {
    return `regular expression is longer than ${MAX_PATTERN_LENGTH} characters`;
  }
  try {
    new RegExp(source);
  } catch (error) {
    return `invalid regular expression: ${errorMessage(error)}`;
  }
  return nestedQuantifier(source) ? `regular expression \`${source}\` repeats a group that itself repeats (like \`(a+)+\`), which can take exponential time; rewrite it without the nested repetition` : null;
}
function nestedQuantifier(source) {
  const stack = [{ repeats: false }];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    let atomEnd;
    let closed = null;
    if (c === "\\") {
      atomEnd = i + 2;
    } else if (c === "[") {
      atomEnd = skipClass(source, i);
    } else if (c === "(") {
      stack.push({ repeats: false });
      i++;
      continue;
    } else if (c === ")") {
      closed = stack.pop() ?? { repeats: false };
      atomEnd = i + 1;
    } else {
      atomEnd = i + 1;
    }
    const quantifier = repeatingQuantifierLength(source, atomEnd);
    const current = stack.at(-1) ?? { repeats: false };
    if (quantifier > 0) {
      if (closed?.repeats) return true;
      current.repeats = true;
    } else if (closed?.repeats) {
      current.repeats = true;
    }
    i = atomEnd + quantifier;
  }
  return false;
}

// src/rules/values.ts
var MS_PER_MINUTE = 60 * 1e3;
var DURATION_UNITS = {
  m: MS_PER_MINUTE,
  h: 60 * MS_PER_MINUTE,
  d: 1440 * MS_PER_MINUTE,
  w: 10080 * MS_PER_MINUTE
};
var DURATION_PATTERN = "^[0-9]{1,6}[mhdw]$";
var DURATION_RE = new RegExp(DURATION_PATTERN);
function parseDuration(text2) {
  if (!DURATION_RE.test(text2)) return null;
  const unit = text2.slice(-1);
  return Number(text2.slice(0, -1)) * DURATION_UNITS[unit];
}

// src/rules/operators.ts
var OPERATORS = [
  "equals",
  "notEquals",
  "in",
  "notIn",
  "lessThan",
  "lessThanOrEqual",
  "greaterThan",
  "greaterThanOrEqual",
  "exists",
  "matches",
  "contains",
  "olderThan",
  "newerThan"
];
function isOperator(name) {
  return OPERATORS.includes(name);
}
var ARTICLE = {
  string: "a string",
  "string[]": "a list of strings",
  number: "a number",
  boolean: "a boolean",
  date: "a date"
};
var DATE_FORMAT = "an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z)";
function on(op, fact) {
  return `\`${op}\` on \`${fact}\``;
}
function is(fact, type) {
  return `\`${fact}\` is ${ARTICLE[type]}`;
}
function fail(message, item = null) {
  return { ok: false, problems: [{ item, message }] };
}
function comparable(value) {
  if (value instanceof Date) return value.getTime();
  return Array.isArray(value) ? null : value;
}
function literal(type, value) {
  switch (type) {
    case "string":
      if (typeof value === "string") return { ok: true, scalar: value };
      return {
        ok: false,
        message: `needs a string; got ${showValue(value)}${typeof value === "number" || typeof value === "boolean" ? ` (quote it: "${value}")` : ""}`
      };
    case "number":
      if (typeof value === "number" && Number.isFinite(value)) return { ok: true, scalar: value };
      return { ok: false, message: `needs a number; got ${showValue(value)}` };
    case "boolean":
      if (typeof value === "boolean") return { ok: true, scalar: value };
      return { ok: false, message: `needs true or false; got ${showValue(value)}` };
    case "date": {
      const ms = typeof value === "string" ? parseIsoValue(value) : null;
      if (ms !== null) return { ok: true, scalar: ms };
      return { ok: false, message: `needs ${DATE_FORMAT}; got ${showValue(value)}` };
    }
    case "string[]":
      return { ok: false, message: "cannot compare a list; use `contains` to test for a member" };
  }
}
function compileEquality(op, fact, type, value) {
  const parsed = literal(type, value);
  if (!parsed.ok) return fail(`${on(op, fact)} ${parsed.message}`);
  const expected = parsed.scalar;
  const negate = op === "notEquals";
  return {
    ok: true,
    test: (v) => v !== null && comparable(v) === expected !== negate
  };
}
function compileMembership(op, fact, type, value) {
  if (!Array.isArray(value))
    return fail(`${on(op, fact)} needs a list of values; got ${showValue(value)}`);
  const problems = [];
  const members = /* @__PURE__ */ new Set();
  value.forEach((item, index) => {
    const parsed = literal(type, item);
    if (parsed.ok) members.add(parsed.scalar);
    else
      problems.push({
        item: type === "string[]" ? null : index,
        message: `${on(op, fact)} ${parsed.message}`
      });
  });
  if (problems.length > 0)
    return { ok: false, problems: type === "string[]" ? problems.slice(0, 1) : problems };
  const negate = op === "notIn";
  return {
    ok: true,
    test: (v) => {
      if (v === null) return false;
      const scalar = comparable(v);
      return scalar !== null && members.has(scalar) !== negate;
    }
  };
}
var ORDER = {
  lessThan: (a, b) => a < b,
  lessThanOrEqual: (a, b) => a <= b,
  greaterThan: (a, b) => a > b,
  greaterThanOrEqual: (a, b) => a >= b
};
function compileOrdering(op, fact, type, value) {
  if (type !== "number" && type !== "date") {
    return fail(`\`${op}\` compares numbers and dates; ${is(fact, type)}`);
  }
  const parsed = literal(type, value);
  if (!parsed.ok) return fail(`${on(op, fact)} ${parsed.message}`);
  const bound = parsed.scalar;
  const holds = ORDER[op];
  return {
    ok: true,
    test: (v) => {
      const scalar = v === null ? null : comparable(v);
      return typeof scalar === "number" && holds(scalar, bound);
    }
  };
}
function compileExists(fact, value) {
  if (typeof value !== "boolean")
    return fail(`${on("exists", fact)} needs true or false; got ${showValue(value)}`);
  return { ok: true, test: (v) => v !== null === value };
}
function compileMatches(fact, type, value) {
  if (type !== "string" && type !== "string[]") {
    return fail(`\`matches\` tests strings and lists of strings; ${is(fact, type)}`);
  }
  if (typeof value !== "string") {
    return fail(
      `${on("matches", fact)} needs a regular expression string; got ${showValue(value)}`
    );
  }
  const problem = regexProblem(value);
  if (problem !== null) return fail(problem);
  const pattern = new RegExp(value);
  return {
    ok: true,
    // On a list, any member matching is enough (`key.aliases matches ^alias/prod`).
    test: (v) => typeof v === "string" ? pattern.test(v) : Array.isArray(v) && v.some((member) => pattern.test(member))
  };
}
function compileContains(fact, type, value) {
  if (type !== "string" && type !== "string[]") {
    return fail(`\`contains\` tests strings and lists of strings; ${is(fact, type)}`);
  }
  if (typeof value !== "string")
    return fail(`${on("contains", fact)} needs a string; got ${showValue(value)}`);
  return {
    ok: true,
    test: (v) => typeof v === "string" ? v.includes(value) : Array.isArray(v) && v.includes(value)
  };
}
function compileAge(op, fact, type, value) {
  if (type !== "date") return fail(`\`${op}\` tests dates; ${is(fact, type)}`);
  const ms = typeof value === "string" ? parseDuration(value) : null;
  if (ms === null) {
    return fail(
      `${on(op, fact)} needs a duration: a whole number and a unit m, h, d or w (like 90d); got ${showValue(value)}`
    );
  }
  const older = op === "olderThan";
  return {
    ok: true,
    test: (v, now) => {
      if (!(v instanceof Date)) return false;
      const cutoff = now.getTime() - ms;
      return older ? v.getTime() < cutoff : v.getTime() > cutoff;
    }
  };
}
function compileOperator(op, fact, value) {
  const { type } = factDefinition(fact);
  switch (op) {
    case "equals":
    case "notEquals":
      return compileEquality(op, fact, type, value);
    case "in":
    case "notIn":
      return compileMembership(op, fact, type, value);
    case "lessThan":
    case "lessThanOrEqual":
    case "greaterThan":
    case "greaterThanOrEqual":
      return compileOrdering(op, fact, type, value);
    case "exists":
      return compileExists(fact, value);
    case "matches":
      return compileMatches(fact, type, value);
    case "contains":
      return compileContains(fact, type, value);
    case "olderThan":
    case "newerThan":
      return compileAge(op, fact, type, value);
  }
}

// src/rules/condition.ts
var MAX_CONDITION_DEPTH = 32;
function union(parts) {
  return new Set(parts.flatMap((part) => [...part.facts]));
}
function compileList(kind, raw, path, scope, depth) {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const parts = raw.map(
    (item, index) => compileCondition(item, [...path, index], scope, depth + 1)
  );
  if (parts.some((part) => part === null)) return null;
  const tests = parts.map((part) => part.test);
  const decides = parts.map((part) => part.decide);
  const stop = kind !== "all";
  return {
    test: kind === "all" ? (ctx) => tests.every((test) => test(ctx)) : (ctx) => tests.some((test) => test(ctx)),
    decide: (ctx, pending) => {
      let open = false;
      for (const decide of decides) {
        const answer = decide(ctx, pending);
        if (answer === stop) return stop;
        if (answer === void 0) open = true;
      }
      return open ? void 0 : !stop;
    },
    facts: union(parts)
  };
}
function compileLeaf(raw, path, scope) {
  if (scope.hasSchemaError(path)) return null;
  const fact = raw.fact;
  const operators = Object.keys(raw).filter((name) => name !== "fact");
  const [op] = operators;
  if (typeof fact !== "string" || !isFactPath(fact) || operators.length !== 1 || op === void 0 || !isOperator(op)) {
    return null;
  }
  const result = compileOperator(op, fact, raw[op]);
  if (!result.ok) {
    for (const problem of result.problems) {
      scope.report(
        problem.item === null ? [...path, op] : [...path, op, problem.item],
        problem.message
      );
    }
    return null;
  }
  const { get } = factDefinition(fact);
  const test = result.test;
  return {
    test: (ctx) => test(get(ctx), ctx.now),
    decide: (ctx, pending) => pending(fact) ? void 0 : test(get(ctx), ctx.now),
    facts: /* @__PURE__ */ new Set([fact])
  };
}
function compileCondition(raw, path, scope, depth = 0) {
  if (depth > MAX_CONDITION_DEPTH) {
    scope.report(path, `conditions nest deeper than ${MAX_CONDITION_DEPTH} levels`);
    return null;
  }
  if (!isJsonObject(raw)) return null;
  if (Object.hasOwn(raw, "all")) return compileList("all", raw.all, [...path, "all"], scope, depth);
  if (Object.hasOwn(raw, "any")) return compileList("any", raw.any, [...path, "any"], scope, depth);
  if (Object.hasOwn(raw, "not")) {
    const inner = compileCondition(raw.not, [...path, "not"], scope, depth + 1);
    if (inner === null) return null;
    const { test, decide } = inner;
    return {
      test: (ctx) => !test(ctx),
      decide: (ctx, pending) => {
        const answer = decide(ctx, pending);
        return answer === void 0 ? void 0 : !answer;
      },
      facts: inner.facts
    };
  }
  return compileLeaf(raw, path, scope);
}

// src/rules/schema.ts
var RULE_ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
var EXPIRES_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
var MAX_IGNORE_KEY_LENGTH = 1e3;
var FACT_TEST_TITLE = "fact test";
var SCALAR = { type: ["string", "number", "boolean"] };
var OPERATOR_VALUES = {
  equals: { ...SCALAR, description: "The fact equals this value." },
  notEquals: { ...SCALAR, description: "The fact is known and differs from this value." },
  in: {
    type: "array",
    minItems: 1,
    items: SCALAR,
    description: "The fact is one of these values."
  },
  notIn: {
    type: "array",
    minItems: 1,
    items: SCALAR,
    description: "The fact is known and none of these values."
  },
  lessThan: { type: ["number", "string"], description: "A number, or an ISO date for date facts." },
  lessThanOrEqual: {
    type: ["number", "string"],
    description: "A number, or an ISO date for date facts."
  },
  greaterThan: {
    type: ["number", "string"],
    description: "A number, or an ISO date for date facts."
  },
  greaterThanOrEqual: {
    type: ["number", "string"],
    description: "A number, or an ISO date for date facts."
  },
  exists: { type: "boolean", description: "true: the fact is known; false: it is null." },
  matches: {
    type: "string",
    minLength: 1,
    maxLength: MAX_PATTERN_LENGTH,
    description: "A regular expression (unanchored) the string, or any member of the list, matches."
  },
  contains: { type: "string", description: "A list member, or a substring of a string fact." },
  olderThan: {
    type: "string",
    pattern: DURATION_PATTERN,
    description: "The date is before now minus this duration (30m, 12h, 90d, 2w)."
  },
  newerThan: {
    type: "string",
    pattern: DURATION_PATTERN,
    description: "The date is after now minus this duration (30m, 12h, 90d, 2w)."
  }
};
function branch(condition, then, otherwise) {
  return { if: condition, then, else: otherwise };
}
function combinator(name) {
  return {
    type: "object",
    additionalProperties: false,
    required: [name],
    properties: {
      [name]: { type: "array", minItems: 1, items: { $ref: "#/definitions/condition" } }
    }
  };
}
function rulesSchema() {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "kms-usage-lint rules file",
    type: "object",
    additionalProperties: false,
    properties: {
      extends: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "Built-in rule packs (e.g. recommended) or rules files (paths starting with ./ or ../, or ending in .yml/.yaml, relative to this file) to start from, in order."
      },
      rules: {
        type: "object",
        propertyNames: { pattern: RULE_ID_PATTERN },
        additionalProperties: { $ref: "#/definitions/ruleSetting" },
        description: "Rule id \u2192 off, a severity (re-levels an inherited rule) or a rule definition."
      },
      ignore: {
        type: "array",
        items: { $ref: "#/definitions/ignore" },
        description: "Findings to suppress, with a reason."
      }
    },
    definitions: {
      ruleSetting: branch(
        { not: { type: "object" } },
        { enum: ["off", ...SEVERITIES] },
        { $ref: "#/definitions/rule" }
      ),
      rule: {
        type: "object",
        additionalProperties: false,
        required: ["severity", "description", "when", "message"],
        properties: {
          severity: { enum: [...SEVERITIES] },
          description: { type: "string", minLength: 1 },
          help: { type: "string" },
          when: { $ref: "#/definitions/condition" },
          message: {
            type: "string",
            minLength: 1,
            description: "A template: {{fact.path}} inserts a fact."
          }
        }
      },
      condition: {
        type: "object",
        ...branch(
          { type: "object", required: ["all"] },
          { $ref: "#/definitions/all" },
          branch(
            { type: "object", required: ["any"] },
            { $ref: "#/definitions/any" },
            branch(
              { type: "object", required: ["not"] },
              { $ref: "#/definitions/not" },
              { $ref: "#/definitions/leaf" }
            )
          )
        )
      },
      all: combinator("all"),
      any: combinator("any"),
      not: {
        type: "object",
        additionalProperties: false,
        required: ["not"],
        properties: { not: { $ref: "#/definitions/condition" } }
      },
      leaf: {
        title: FACT_TEST_TITLE,
        type: "object",
        additionalProperties: false,
        required: ["fact"],
        // `fact` and exactly one operator.
        minProperties: 2,
        maxProperties: 2,
        properties: {
          fact: { enum: [...FACT_PATHS] },
          ...Object.fromEntries(OPERATORS.map((op) => [op, OPERATOR_VALUES[op]]))
        }
      },
      ignore: {
        // Validated and returned by the loader; ignore.ts applies them.
        type: "object",
        additionalProperties: false,
        required: ["rule", "key", "reason"],
        properties: {
          rule: { type: "string", pattern: `^(\\*|${RULE_ID_PATTERN.slice(1, -1)})$` },
          key: {
            type: "string",
            minLength: 1,
            maxLength: MAX_IGNORE_KEY_LENGTH,
            description: "Key ARN, key id, alias name, or resource address; * matches any run of characters and ? one (module.legacy.*)."
          },
          reason: {
            type: "string",
            minLength: 1,
            description: "Why the finding is accepted; kept with the suppressed finding in the report."
          },
          expires: {
            type: "string",
            pattern: EXPIRES_PATTERN,
            description: "YYYY-MM-DD: the ignore applies until this date (00:00 UTC) and not from then on; an expired ignore is reported with a warning."
          }
        }
      }
    }
  };
}

// src/rules/schema-errors.ts
function pointerToPath(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}
function pathToPointer(path) {
  return path.map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}
function valueAt(data, path) {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value)) value = value[Number(segment)];
    else if (isJsonObject(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return void 0;
  }
  return value;
}
function typeName(value) {
  if (value === null || value === void 0) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return `a ${typeof value}`;
}
var TYPE_WORDS = {
  object: "a map",
  array: "a list",
  string: "a string",
  number: "a number",
  boolean: "true or false",
  integer: "a whole number",
  null: "null"
};
function propertyNames(schema) {
  return isJsonObject(schema) && isJsonObject(schema.properties) ? Object.keys(schema.properties) : [];
}
function backquoted(names) {
  return names.map((name) => `\`${name}\``).join(", ");
}
function schemaTitle(error) {
  const schema = error.parentSchema;
  return isJsonObject(schema) && typeof schema.title === "string" ? schema.title : null;
}
function unknownProperty(error, path, property) {
  if (schemaTitle(error) === FACT_TEST_TITLE) {
    return `unknown operator \`${property}\`${didYouMean(property, OPERATORS) || `; operators are ${backquoted(OPERATORS)}`}`;
  }
  const allowed = propertyNames(error.parentSchema);
  if (allowed.length === 1 && ["all", "any", "not"].includes(allowed[0] ?? "")) {
    return `\`${property}\` cannot stand beside \`${allowed[0]}\`: a condition is one of \`all\`, \`any\`, \`not\` or a fact test`;
  }
  const where = path.length === 0 ? "top-level key" : "property";
  return `unknown ${where} \`${property}\`${didYouMean(property, allowed) || (allowed.length > 0 ? `; expected ${backquoted(allowed)}` : "")}`;
}
function named(path) {
  const field = path.at(-1);
  return field !== void 0 && !/^\d+$/.test(field) ? `\`${field}\` ` : "";
}
function expects(path) {
  const name = named(path);
  return name === "" ? "expected" : `${name}expects`;
}
function leafOperators(leaf) {
  return isJsonObject(leaf) ? Object.keys(leaf).filter((name) => name !== "fact") : [];
}
function patternMessage(error, value) {
  const field = error.instancePath.split("/").at(-1) ?? "";
  if (field === "olderThan" || field === "newerThan") {
    return `\`${field}\` needs a duration: a whole number and a unit m, h, d or w (like 90d); got ${showValue(value)}`;
  }
  if (field === "expires") return `\`expires\` needs a date YYYY-MM-DD; got ${showValue(value)}`;
  if (field === "rule")
    return `\`rule\` needs a kebab-case rule id or \`*\`; got ${showValue(value)}`;
  return `${showValue(value)} does not match ${String(error.params.pattern)}`;
}
function describeSchemaError(error, data) {
  const path = pointerToPath(error.instancePath);
  const value = valueAt(data, path);
  const params = error.params;
  const at = (message, more = [], target = "value") => ({
    path: [...path, ...more],
    target,
    message
  });
  if (error.propertyName !== void 0 && error.keyword !== "propertyNames") return null;
  switch (error.keyword) {
    case "if":
      return null;
    case "propertyNames": {
      const name = String(params.propertyName);
      return at(
        `rule id \`${name}\` must be kebab-case: lowercase words joined by "-", like \`unused-key\``,
        [name],
        "key"
      );
    }
    case "pattern":
      return at(patternMessage(error, value));
    case "additionalProperties": {
      const property = String(params.additionalProperty);
      return at(unknownProperty(error, path, property), [property], "key");
    }
    case "required": {
      const missing = String(params.missingProperty);
      if (schemaTitle(error) === FACT_TEST_TITLE) {
        return at(`a fact test needs \`fact\`; write \`fact: PATH\` beside the operator`);
      }
      return at(`missing \`${missing}\``);
    }
    case "enum": {
      const allowed = params.allowedValues.map(String);
      if (path.at(-1) === "fact" && typeof value === "string") {
        return at(`unknown fact \`${value}\`${didYouMean(value, FACT_PATHS)}`);
      }
      const got = `got ${value === null || value === void 0 ? "nothing" : `\`${typeof value === "string" ? value : showValue(value)}\``}`;
      const hint = typeof value === "string" ? didYouMean(value, allowed) : "";
      if (path.length === 2 && path[0] === "rules") {
        return at(
          `rule \`${path[1]}\` must be ${backquoted(allowed)} or a rule definition; ${got}${hint}`
        );
      }
      return at(`${expects(path)} one of ${backquoted(allowed)}; ${got}${hint}`);
    }
    case "type": {
      const expected = String(params.type).split(",").map((type) => TYPE_WORDS[type] ?? type);
      return at(`${expects(path)} ${expected.join(" or ")}; got ${typeName(value)}`);
    }
    case "minItems":
      return at(
        params.limit === 1 ? `${named(path)}must not be an empty list` : `${named(path)}needs at least ${String(params.limit)} items`
      );
    case "minLength":
      return at(`${named(path)}must not be empty`);
    case "minimum":
      return at(`${named(path)}must be at least ${String(params.limit)}; got ${showValue(value)}`);
    case "maximum":
      return at(`${named(path)}must be at most ${String(params.limit)}; got ${showValue(value)}`);
    case "maxLength":
      return at(`${named(path)}is longer than ${String(params.limit)} characters`);
    case "minProperties":
      if (schemaTitle(error) === FACT_TEST_TITLE) {
        if (!isJsonObject(value) || !Object.hasOwn(value, "fact")) return null;
        return at(`a fact test needs an operator: one of ${backquoted(OPERATORS)}`);
      }
      return at(error.message ?? "has too few properties");
    case "maxProperties":
      if (schemaTitle(error) === FACT_TEST_TITLE) {
        const operators = leafOperators(value);
        return at(
          `a fact test has exactly one operator; found ${backquoted(operators)} (combine tests with \`all\` or \`any\`)`,
          operators.slice(1, 2),
          "key"
        );
      }
      return at(error.message ?? "has too many properties");
    default:
      return at(error.message ?? `fails schema keyword ${error.keyword}`);
  }
}

// src/rules/template.ts
function literal2(text2) {
  return () => text2;
}
function insert(path) {
  return (ctx) => renderValue(getFact(path, ctx));
}
function renderValue(value) {
  if (value === null) return "unknown";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  return String(value);
}
function compileTemplate(text2, file, line, column, verbatim = true) {
  const problems = [];
  const at = (index2, message) => {
    problems.push({ file, line, column: verbatim ? column + index2 : column, message });
  };
  const parts = [];
  const paths = [];
  let index = 0;
  while (index < text2.length) {
    const open = text2.indexOf("{{", index);
    if (open === -1) {
      parts.push(literal2(text2.slice(index)));
      break;
    }
    if (open > index) parts.push(literal2(text2.slice(index, open)));
    const close = text2.indexOf("}}", open + 2);
    if (close === -1) {
      at(open, "unterminated `{{` in message; close it with `}}`");
      break;
    }
    const path = text2.slice(open + 2, close).trim();
    if (path === "") {
      at(open, "empty `{{}}` in message; put a fact path inside, like `{{key.arn}}`");
    } else if (isFactPath(path)) {
      parts.push(insert(path));
      if (!paths.includes(path)) paths.push(path);
    } else {
      at(open, `unknown fact \`${path}\` in message${didYouMean(path, FACT_PATHS)}`);
    }
    index = close + 2;
  }
  if (problems.length > 0) throw new RulesError(problems);
  return {
    paths,
    render: (ctx) => parts.map((part) => part(ctx)).join("")
  };
}

// src/rules/validators.generated.js
var validateRules = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "title": "kms-usage-lint rules file", "type": "object", "additionalProperties": false, "properties": { "extends": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Built-in rule packs (e.g. recommended) or rules files (paths starting with ./ or ../, or ending in .yml/.yaml, relative to this file) to start from, in order." }, "rules": { "type": "object", "propertyNames": { "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" }, "additionalProperties": { "$ref": "#/definitions/ruleSetting" }, "description": "Rule id \u2192 off, a severity (re-levels an inherited rule) or a rule definition." }, "ignore": { "type": "array", "items": { "$ref": "#/definitions/ignore" }, "description": "Findings to suppress, with a reason." } }, "definitions": { "ruleSetting": { "if": { "not": { "type": "object" } }, "then": { "enum": ["off", "error", "warning", "notice"] }, "else": { "$ref": "#/definitions/rule" } }, "rule": { "type": "object", "additionalProperties": false, "required": ["severity", "description", "when", "message"], "properties": { "severity": { "enum": ["error", "warning", "notice"] }, "description": { "type": "string", "minLength": 1 }, "help": { "type": "string" }, "when": { "$ref": "#/definitions/condition" }, "message": { "type": "string", "minLength": 1, "description": "A template: {{fact.path}} inserts a fact." } } }, "condition": { "type": "object", "if": { "type": "object", "required": ["all"] }, "then": { "$ref": "#/definitions/all" }, "else": { "if": { "type": "object", "required": ["any"] }, "then": { "$ref": "#/definitions/any" }, "else": { "if": { "type": "object", "required": ["not"] }, "then": { "$ref": "#/definitions/not" }, "else": { "$ref": "#/definitions/leaf" } } } }, "all": { "type": "object", "additionalProperties": false, "required": ["all"], "properties": { "all": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/condition" } } } }, "any": { "type": "object", "additionalProperties": false, "required": ["any"], "properties": { "any": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/condition" } } } }, "not": { "type": "object", "additionalProperties": false, "required": ["not"], "properties": { "not": { "$ref": "#/definitions/condition" } } }, "leaf": { "title": "fact test", "type": "object", "additionalProperties": false, "required": ["fact"], "minProperties": 2, "maxProperties": 2, "properties": { "fact": { "enum": ["key.arn", "key.label", "key.id", "key.region", "key.account", "key.aliases", "key.state", "key.enabled", "key.manager", "key.spec", "key.keyUsage", "key.origin", "key.createdAt", "key.deletionDate", "key.ageDays", "key.pendingWindowDays", "key.multiRegion", "key.multiRegionRole", "usage.status", "usage.lastUsedAt", "usage.daysSinceLastUse", "usage.operation", "usage.region", "usage.cloudTrailEventId", "usage.kmsRequestId", "usage.trackingStartDate", "usage.daysTracked", "usage.reason", "usage.summary", "trail.status", "trail.reason", "trail.windowDays", "trail.failedUses", "trail.lastFailedUseAt", "trail.lastFailedUseBy", "trail.lastFailedUseOperation", "trail.lastFailedUseEventId", "trail.callers", "trail.disabledAt", "trail.daysDisabled", "trail.summary", "change.action", "change.source", "change.address", "change.deletionWindowDays", "change.disables", "change.verb", "change.failure", "refs.count", "refs.consumers", "refs.sources", "refs.consumerAddresses", "key.managed", "now"] }, "equals": { "type": ["string", "number", "boolean"], "description": "The fact equals this value." }, "notEquals": { "type": ["string", "number", "boolean"], "description": "The fact is known and differs from this value." }, "in": { "type": "array", "minItems": 1, "items": { "type": ["string", "number", "boolean"] }, "description": "The fact is one of these values." }, "notIn": { "type": "array", "minItems": 1, "items": { "type": ["string", "number", "boolean"] }, "description": "The fact is known and none of these values." }, "lessThan": { "type": ["number", "string"], "description": "A number, or an ISO date for date facts." }, "lessThanOrEqual": { "type": ["number", "string"], "description": "A number, or an ISO date for date facts." }, "greaterThan": { "type": ["number", "string"], "description": "A number, or an ISO date for date facts." }, "greaterThanOrEqual": { "type": ["number", "string"], "description": "A number, or an ISO date for date facts." }, "exists": { "type": "boolean", "description": "true: the fact is known; false: it is null." }, "matches": { "type": "string", "minLength": 1, "maxLength": 500, "description": "A regular expression (unanchored) the string, or any member of the list, matches." }, "contains": { "type": "string", "description": "A list member, or a substring of a string fact." }, "olderThan": { "type": "string", "pattern": "^[0-9]{1,6}[mhdw]$", "description": "The date is before now minus this duration (30m, 12h, 90d, 2w)." }, "newerThan": { "type": "string", "pattern": "^[0-9]{1,6}[mhdw]$", "description": "The date is after now minus this duration (30m, 12h, 90d, 2w)." } } }, "ignore": { "type": "object", "additionalProperties": false, "required": ["rule", "key", "reason"], "properties": { "rule": { "type": "string", "pattern": "^(\\*|[a-z][a-z0-9]*(-[a-z0-9]+)*)$" }, "key": { "type": "string", "minLength": 1, "maxLength": 1e3, "description": "Key ARN, key id, alias name, or resource address; * matches any run of characters and ? one (module.legacy.*)." }, "reason": { "type": "string", "minLength": 1, "description": "Why the finding is accepted; kept with the suppressed finding in the report." }, "expires": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD: the ignore applies until this date (00:00 UTC) and not from then on; an expired ignore is reported with a warning." } } } } };
var schema19 = { "type": "object", "additionalProperties": false, "required": ["rule", "key", "reason"], "properties": { "rule": { "type": "string", "pattern": "^(\\*|[a-z][a-z0-9]*(-[a-z0-9]+)*)$" }, "key": { "type": "string", "minLength": 1, "maxLength": 1e3, "description": "Key ARN, key id, alias name, or resource address; * matches any run of characters and ? one (module.legacy.*)." }, "reason": { "type": "string", "minLength": 1, "description": "Why the finding is accepted; kept with the suppressed finding in the report." }, "expires": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD: the ignore applies until this date (00:00 UTC) and not from then on; an expired ignore is reported with a warning." } } };
var func2 = ucs2length;
var pattern0 = new RegExp("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "u");
var pattern3 = new RegExp("^(\\*|[a-z][a-z0-9]*(-[a-z0-9]+)*)$", "u");
var pattern4 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "u");
var schema12 = { "if": { "not": { "type": "object" } }, "then": { "enum": ["off", "error", "warning", "notice"] }, "else": { "$ref": "#/definitions/rule" } };
var schema13 = { "type": "object", "additionalProperties": false, "required": ["severity", "description", "when", "message"], "properties": { "severity": { "enum": ["error", "warning", "notice"] }, "description": { "type": "string", "minLength": 1 }, "help": { "type": "string" }, "when": { "$ref": "#/definitions/condition" }, "message": { "type": "string", "minLength": 1, "description": "A template: {{fact.path}} inserts a fact." } } };
var schema14 = { "type": "object", "if": { "type": "object", "required": ["all"] }, "then": { "$ref": "#/definitions/all" }, "else": { "if": { "type": "object", "required": ["any"] }, "then": { "$ref": "#/definitions/any" }, "else": { "if": { "type": "object", "required": ["not"] }, "then": { "$ref": "#/definitions/not" }, "else": { "$ref": "#/definitions/leaf" } } } };
var schema18 = { "title": "fact test", "type": "object", "additionalProperties": false, "required": ["fact"], "minProperties": 2, "maxProperties": 2, "properties": { "fact": { "enum": ["key.arn", "key.label", "key.id", "key.region", "key.account", "key.aliases", "key.state", "key.enabled", "key.manager", "key.spec", "key.keyUsage", "key.origin", "key.createdAt", "key.deletionDate", "key.ageDays", "key.pendingWindowDays", "key.multiRegion", "key.multiRegionRole", "usage.status", "usage.lastUsedAt", "usage.daysSinceLastUse", "usage.operation", "usage.region", "usage.cloudTrailEventId", "usage.kmsRequestId", "usage.trackingStartDate", "usage.daysTracked", "usage.reason", "usage.summary", "trail.status", "trail.reason", "trail.windowDays", "trail.failedUses", "trail.lastFailedUseAt", "trail.lastFailedUseBy", "trail.lastFailedUseOperation", "trail.lastFailedUseEventId", "trail.callers", "trail.disabledAt", "trail.daysDisabled", "trail.summary", "change.action", "change.source", "change.address", "change.deletionWindowDays", "change.disables", "change.verb", "change.failure", "refs.count", "refs.consumers", "refs.sources", "refs.consumerAddresses", "key.managed", "now"] }, "equals": { "type": ["string", "number", "boolean"], "description": "The fact equals this value." }, "notEquals": { "type": ["string", "number", "boolean"], "description": "The fact is known and differs from this value." }, "in": { "type": "array", "minItems": 1, "items": { "type": ["string", "number", "boolean"] }, "description": "The fact is one of these values." }, "notIn": { "type": "array", "minItems": 1, "items": { "type": ["string", "number", "boolean"] }, "description": "The fact is known and none of these values." }, "lessThan": { "type": ["number", "string"], "description": "A number, or an ISO date for date facts." }, "lessThanOrEqual": { "type": ["number", "string"], "description": "A number, or an ISO date for date facts." }, "greaterThan": { "type": ["number", "string"], "description": "A number, or an ISO date for date facts." }, "greaterThanOrEqual": { "type": ["number", "string"], "description": "A number, or an ISO date for date facts." }, "exists": { "type": "boolean", "description": "true: the fact is known; false: it is null." }, "matches": { "type": "string", "minLength": 1, "maxLength": 500, "description": "A regular expression (unanchored) the string, or any member of the list, matches." }, "contains": { "type": "string", "description": "A list member, or a substring of a string fact." }, "olderThan": { "type": "string", "pattern": "^[0-9]{1,6}[mhdw]$", "description": "The date is before now minus this duration (30m, 12h, 90d, 2w)." }, "newerThan": { "type": "string", "pattern": "^[0-9]{1,6}[mhdw]$", "description": "The date is after now minus this duration (30m, 12h, 90d, 2w)." } } };
var schema15 = { "type": "object", "additionalProperties": false, "required": ["all"], "properties": { "all": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/condition" } } } };
var wrapper0 = { validate: validate13 };
function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.all === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "all" }, message: "must have required property 'all'", schema: schema15.required, parentSchema: schema15, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "all")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.all !== void 0) {
      let data0 = data.all;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err2 = { instancePath: instancePath + "/all", schemaPath: "#/properties/all/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema15.properties.all, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!wrapper0.validate(data0[i0], { instancePath: instancePath + "/all/" + i0, parentData: data0, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/all", schemaPath: "#/properties/all/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema15.properties.all.type, parentSchema: schema15.properties.all, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.type, parentSchema: schema15, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}
var schema16 = { "type": "object", "additionalProperties": false, "required": ["any"], "properties": { "any": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/condition" } } } };
function validate16(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.any === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "any" }, message: "must have required property 'any'", schema: schema16.required, parentSchema: schema16, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "any")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema16, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.any !== void 0) {
      let data0 = data.any;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err2 = { instancePath: instancePath + "/any", schemaPath: "#/properties/any/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema16.properties.any, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!wrapper0.validate(data0[i0], { instancePath: instancePath + "/any/" + i0, parentData: data0, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/any", schemaPath: "#/properties/any/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema16.properties.any.type, parentSchema: schema16.properties.any, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.type, parentSchema: schema16, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate16.errors = vErrors;
  return errors === 0;
}
var schema17 = { "type": "object", "additionalProperties": false, "required": ["not"], "properties": { "not": { "$ref": "#/definitions/condition" } } };
function validate18(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.not === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "not" }, message: "must have required property 'not'", schema: schema17.required, parentSchema: schema17, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "not")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.not !== void 0) {
      if (!wrapper0.validate(data.not, { instancePath: instancePath + "/not", parentData: data, parentDataProperty: "not", rootData })) {
        vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate18.errors = vErrors;
  return errors === 0;
}
var func4 = Object.prototype.hasOwnProperty;
var pattern1 = new RegExp("^[0-9]{1,6}[mhdw]$", "u");
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!(data && typeof data == "object" && !Array.isArray(data))) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.type, parentSchema: schema14, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
  if (errors === _errs2) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.all === void 0 && (missing0 = "all")) {
        const err1 = {};
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    } else {
      const err2 = {};
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  var _valid0 = _errs2 === errors;
  errors = _errs1;
  if (vErrors !== null) {
    if (_errs1) {
      vErrors.length = _errs1;
    } else {
      vErrors = null;
    }
  }
  let ifClause0;
  if (_valid0) {
    const _errs4 = errors;
    if (!validate14(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
      errors = vErrors.length;
    }
    var _valid0 = _errs4 === errors;
    valid0 = _valid0;
    ifClause0 = "then";
  } else {
    const _errs5 = errors;
    const _errs6 = errors;
    let valid1 = true;
    const _errs7 = errors;
    if (errors === _errs7) {
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing1;
        if (data.any === void 0 && (missing1 = "any")) {
          const err3 = {};
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {};
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    var _valid1 = _errs7 === errors;
    errors = _errs6;
    if (vErrors !== null) {
      if (_errs6) {
        vErrors.length = _errs6;
      } else {
        vErrors = null;
      }
    }
    let ifClause1;
    if (_valid1) {
      const _errs9 = errors;
      if (!validate16(data, { instancePath, parentData, parentDataProperty, rootData })) {
        vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
        errors = vErrors.length;
      }
      var _valid1 = _errs9 === errors;
      valid1 = _valid1;
      ifClause1 = "then";
    } else {
      const _errs10 = errors;
      const _errs11 = errors;
      let valid2 = true;
      const _errs12 = errors;
      if (errors === _errs12) {
        if (data && typeof data == "object" && !Array.isArray(data)) {
          let missing2;
          if (data.not === void 0 && (missing2 = "not")) {
            const err5 = {};
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        } else {
          const err6 = {};
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      }
      var _valid2 = _errs12 === errors;
      errors = _errs11;
      if (vErrors !== null) {
        if (_errs11) {
          vErrors.length = _errs11;
        } else {
          vErrors = null;
        }
      }
      let ifClause2;
      if (_valid2) {
        const _errs14 = errors;
        if (!validate18(data, { instancePath, parentData, parentDataProperty, rootData })) {
          vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
          errors = vErrors.length;
        }
        var _valid2 = _errs14 === errors;
        valid2 = _valid2;
        ifClause2 = "then";
      } else {
        const _errs15 = errors;
        if (data && typeof data == "object" && !Array.isArray(data)) {
          if (Object.keys(data).length > 2) {
            const err7 = { instancePath, schemaPath: "#/definitions/leaf/maxProperties", keyword: "maxProperties", params: { limit: 2 }, message: "must NOT have more than 2 properties", schema: 2, parentSchema: schema18, data };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
          if (Object.keys(data).length < 2) {
            const err8 = { instancePath, schemaPath: "#/definitions/leaf/minProperties", keyword: "minProperties", params: { limit: 2 }, message: "must NOT have fewer than 2 properties", schema: 2, parentSchema: schema18, data };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
          if (data.fact === void 0) {
            const err9 = { instancePath, schemaPath: "#/definitions/leaf/required", keyword: "required", params: { missingProperty: "fact" }, message: "must have required property 'fact'", schema: schema18.required, parentSchema: schema18, data };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
          for (const key0 in data) {
            if (!func4.call(schema18.properties, key0)) {
              const err10 = { instancePath, schemaPath: "#/definitions/leaf/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema18, data };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          }
          if (data.fact !== void 0) {
            let data0 = data.fact;
            if (!(data0 === "key.arn" || data0 === "key.label" || data0 === "key.id" || data0 === "key.region" || data0 === "key.account" || data0 === "key.aliases" || data0 === "key.state" || data0 === "key.enabled" || data0 === "key.manager" || data0 === "key.spec" || data0 === "key.keyUsage" || data0 === "key.origin" || data0 === "key.createdAt" || data0 === "key.deletionDate" || data0 === "key.ageDays" || data0 === "key.pendingWindowDays" || data0 === "key.multiRegion" || data0 === "key.multiRegionRole" || data0 === "usage.status" || data0 === "usage.lastUsedAt" || data0 === "usage.daysSinceLastUse" || data0 === "usage.operation" || data0 === "usage.region" || data0 === "usage.cloudTrailEventId" || data0 === "usage.kmsRequestId" || data0 === "usage.trackingStartDate" || data0 === "usage.daysTracked" || data0 === "usage.reason" || data0 === "usage.summary" || data0 === "trail.status" || data0 === "trail.reason" || data0 === "trail.windowDays" || data0 === "trail.failedUses" || data0 === "trail.lastFailedUseAt" || data0 === "trail.lastFailedUseBy" || data0 === "trail.lastFailedUseOperation" || data0 === "trail.lastFailedUseEventId" || data0 === "trail.callers" || data0 === "trail.disabledAt" || data0 === "trail.daysDisabled" || data0 === "trail.summary" || data0 === "change.action" || data0 === "change.source" || data0 === "change.address" || data0 === "change.deletionWindowDays" || data0 === "change.disables" || data0 === "change.verb" || data0 === "change.failure" || data0 === "refs.count" || data0 === "refs.consumers" || data0 === "refs.sources" || data0 === "refs.consumerAddresses" || data0 === "key.managed" || data0 === "now")) {
              const err11 = { instancePath: instancePath + "/fact", schemaPath: "#/definitions/leaf/properties/fact/enum", keyword: "enum", params: { allowedValues: schema18.properties.fact.enum }, message: "must be equal to one of the allowed values", schema: schema18.properties.fact.enum, parentSchema: schema18.properties.fact, data: data0 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          }
          if (data.equals !== void 0) {
            let data1 = data.equals;
            if (typeof data1 !== "string" && !(typeof data1 == "number" && isFinite(data1)) && typeof data1 !== "boolean") {
              const err12 = { instancePath: instancePath + "/equals", schemaPath: "#/definitions/leaf/properties/equals/type", keyword: "type", params: { type: schema18.properties.equals.type }, message: "must be string,number,boolean", schema: schema18.properties.equals.type, parentSchema: schema18.properties.equals, data: data1 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          }
          if (data.notEquals !== void 0) {
            let data2 = data.notEquals;
            if (typeof data2 !== "string" && !(typeof data2 == "number" && isFinite(data2)) && typeof data2 !== "boolean") {
              const err13 = { instancePath: instancePath + "/notEquals", schemaPath: "#/definitions/leaf/properties/notEquals/type", keyword: "type", params: { type: schema18.properties.notEquals.type }, message: "must be string,number,boolean", schema: schema18.properties.notEquals.type, parentSchema: schema18.properties.notEquals, data: data2 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          }
          if (data.in !== void 0) {
            let data3 = data.in;
            if (Array.isArray(data3)) {
              if (data3.length < 1) {
                const err14 = { instancePath: instancePath + "/in", schemaPath: "#/definitions/leaf/properties/in/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema18.properties.in, data: data3 };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
              const len0 = data3.length;
              for (let i0 = 0; i0 < len0; i0++) {
                let data4 = data3[i0];
                if (typeof data4 !== "string" && !(typeof data4 == "number" && isFinite(data4)) && typeof data4 !== "boolean") {
                  const err15 = { instancePath: instancePath + "/in/" + i0, schemaPath: "#/definitions/leaf/properties/in/items/type", keyword: "type", params: { type: schema18.properties.in.items.type }, message: "must be string,number,boolean", schema: schema18.properties.in.items.type, parentSchema: schema18.properties.in.items, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              }
            } else {
              const err16 = { instancePath: instancePath + "/in", schemaPath: "#/definitions/leaf/properties/in/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema18.properties.in.type, parentSchema: schema18.properties.in, data: data3 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          }
          if (data.notIn !== void 0) {
            let data5 = data.notIn;
            if (Array.isArray(data5)) {
              if (data5.length < 1) {
                const err17 = { instancePath: instancePath + "/notIn", schemaPath: "#/definitions/leaf/properties/notIn/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema18.properties.notIn, data: data5 };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
              const len1 = data5.length;
              for (let i1 = 0; i1 < len1; i1++) {
                let data6 = data5[i1];
                if (typeof data6 !== "string" && !(typeof data6 == "number" && isFinite(data6)) && typeof data6 !== "boolean") {
                  const err18 = { instancePath: instancePath + "/notIn/" + i1, schemaPath: "#/definitions/leaf/properties/notIn/items/type", keyword: "type", params: { type: schema18.properties.notIn.items.type }, message: "must be string,number,boolean", schema: schema18.properties.notIn.items.type, parentSchema: schema18.properties.notIn.items, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
              }
            } else {
              const err19 = { instancePath: instancePath + "/notIn", schemaPath: "#/definitions/leaf/properties/notIn/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema18.properties.notIn.type, parentSchema: schema18.properties.notIn, data: data5 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          }
          if (data.lessThan !== void 0) {
            let data7 = data.lessThan;
            if (!(typeof data7 == "number" && isFinite(data7)) && typeof data7 !== "string") {
              const err20 = { instancePath: instancePath + "/lessThan", schemaPath: "#/definitions/leaf/properties/lessThan/type", keyword: "type", params: { type: schema18.properties.lessThan.type }, message: "must be number,string", schema: schema18.properties.lessThan.type, parentSchema: schema18.properties.lessThan, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          }
          if (data.lessThanOrEqual !== void 0) {
            let data8 = data.lessThanOrEqual;
            if (!(typeof data8 == "number" && isFinite(data8)) && typeof data8 !== "string") {
              const err21 = { instancePath: instancePath + "/lessThanOrEqual", schemaPath: "#/definitions/leaf/properties/lessThanOrEqual/type", keyword: "type", params: { type: schema18.properties.lessThanOrEqual.type }, message: "must be number,string", schema: schema18.properties.lessThanOrEqual.type, parentSchema: schema18.properties.lessThanOrEqual, data: data8 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
          }
          if (data.greaterThan !== void 0) {
            let data9 = data.greaterThan;
            if (!(typeof data9 == "number" && isFinite(data9)) && typeof data9 !== "string") {
              const err22 = { instancePath: instancePath + "/greaterThan", schemaPath: "#/definitions/leaf/properties/greaterThan/type", keyword: "type", params: { type: schema18.properties.greaterThan.type }, message: "must be number,string", schema: schema18.properties.greaterThan.type, parentSchema: schema18.properties.greaterThan, data: data9 };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
          }
          if (data.greaterThanOrEqual !== void 0) {
            let data10 = data.greaterThanOrEqual;
            if (!(typeof data10 == "number" && isFinite(data10)) && typeof data10 !== "string") {
              const err23 = { instancePath: instancePath + "/greaterThanOrEqual", schemaPath: "#/definitions/leaf/properties/greaterThanOrEqual/type", keyword: "type", params: { type: schema18.properties.greaterThanOrEqual.type }, message: "must be number,string", schema: schema18.properties.greaterThanOrEqual.type, parentSchema: schema18.properties.greaterThanOrEqual, data: data10 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          }
          if (data.exists !== void 0) {
            let data11 = data.exists;
            if (typeof data11 !== "boolean") {
              const err24 = { instancePath: instancePath + "/exists", schemaPath: "#/definitions/leaf/properties/exists/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema18.properties.exists.type, parentSchema: schema18.properties.exists, data: data11 };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          }
          if (data.matches !== void 0) {
            let data12 = data.matches;
            if (typeof data12 === "string") {
              if (func2(data12) > 500) {
                const err25 = { instancePath: instancePath + "/matches", schemaPath: "#/definitions/leaf/properties/matches/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema18.properties.matches, data: data12 };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
              if (func2(data12) < 1) {
                const err26 = { instancePath: instancePath + "/matches", schemaPath: "#/definitions/leaf/properties/matches/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema18.properties.matches, data: data12 };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            } else {
              const err27 = { instancePath: instancePath + "/matches", schemaPath: "#/definitions/leaf/properties/matches/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.properties.matches.type, parentSchema: schema18.properties.matches, data: data12 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          }
          if (data.contains !== void 0) {
            let data13 = data.contains;
            if (typeof data13 !== "string") {
              const err28 = { instancePath: instancePath + "/contains", schemaPath: "#/definitions/leaf/properties/contains/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.properties.contains.type, parentSchema: schema18.properties.contains, data: data13 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          }
          if (data.olderThan !== void 0) {
            let data14 = data.olderThan;
            if (typeof data14 === "string") {
              if (!pattern1.test(data14)) {
                const err29 = { instancePath: instancePath + "/olderThan", schemaPath: "#/definitions/leaf/properties/olderThan/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,6}[mhdw]$" }, message: 'must match pattern "^[0-9]{1,6}[mhdw]$"', schema: "^[0-9]{1,6}[mhdw]$", parentSchema: schema18.properties.olderThan, data: data14 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            } else {
              const err30 = { instancePath: instancePath + "/olderThan", schemaPath: "#/definitions/leaf/properties/olderThan/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.properties.olderThan.type, parentSchema: schema18.properties.olderThan, data: data14 };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
          }
          if (data.newerThan !== void 0) {
            let data15 = data.newerThan;
            if (typeof data15 === "string") {
              if (!pattern1.test(data15)) {
                const err31 = { instancePath: instancePath + "/newerThan", schemaPath: "#/definitions/leaf/properties/newerThan/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,6}[mhdw]$" }, message: 'must match pattern "^[0-9]{1,6}[mhdw]$"', schema: "^[0-9]{1,6}[mhdw]$", parentSchema: schema18.properties.newerThan, data: data15 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            } else {
              const err32 = { instancePath: instancePath + "/newerThan", schemaPath: "#/definitions/leaf/properties/newerThan/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.properties.newerThan.type, parentSchema: schema18.properties.newerThan, data: data15 };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
          }
        } else {
          const err33 = { instancePath, schemaPath: "#/definitions/leaf/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema18.type, parentSchema: schema18, data };
          if (vErrors === null) {
            vErrors = [err33];
          } else {
            vErrors.push(err33);
          }
          errors++;
        }
        var _valid2 = _errs15 === errors;
        valid2 = _valid2;
        ifClause2 = "else";
      }
      if (!valid2) {
        const err34 = { instancePath, schemaPath: "#/else/else/if", keyword: "if", params: { failingKeyword: ifClause2 }, message: 'must match "' + ifClause2 + '" schema', schema: schema14.else.else.if, parentSchema: schema14.else.else, data };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
      var _valid1 = _errs10 === errors;
      valid1 = _valid1;
      ifClause1 = "else";
    }
    if (!valid1) {
      const err35 = { instancePath, schemaPath: "#/else/if", keyword: "if", params: { failingKeyword: ifClause1 }, message: 'must match "' + ifClause1 + '" schema', schema: schema14.else.if, parentSchema: schema14.else, data };
      if (vErrors === null) {
        vErrors = [err35];
      } else {
        vErrors.push(err35);
      }
      errors++;
    }
    var _valid0 = _errs5 === errors;
    valid0 = _valid0;
    ifClause0 = "else";
  }
  if (!valid0) {
    const err36 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: 'must match "' + ifClause0 + '" schema', schema: schema14.if, parentSchema: schema14, data };
    if (vErrors === null) {
      vErrors = [err36];
    } else {
      vErrors.push(err36);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.severity === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "severity" }, message: "must have required property 'severity'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.description === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "description" }, message: "must have required property 'description'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.when === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "when" }, message: "must have required property 'when'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.message === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "severity" || key0 === "description" || key0 === "help" || key0 === "when" || key0 === "message")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.severity !== void 0) {
      let data0 = data.severity;
      if (!(data0 === "error" || data0 === "warning" || data0 === "notice")) {
        const err5 = { instancePath: instancePath + "/severity", schemaPath: "#/properties/severity/enum", keyword: "enum", params: { allowedValues: schema13.properties.severity.enum }, message: "must be equal to one of the allowed values", schema: schema13.properties.severity.enum, parentSchema: schema13.properties.severity, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data1 = data.description;
      if (typeof data1 === "string") {
        if (func2(data1) < 1) {
          const err6 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.properties.description, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.description.type, parentSchema: schema13.properties.description, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.help !== void 0) {
      let data2 = data.help;
      if (typeof data2 !== "string") {
        const err8 = { instancePath: instancePath + "/help", schemaPath: "#/properties/help/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.help.type, parentSchema: schema13.properties.help, data: data2 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.when !== void 0) {
      if (!validate13(data.when, { instancePath: instancePath + "/when", parentData: data, parentDataProperty: "when", rootData })) {
        vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
        errors = vErrors.length;
      }
    }
    if (data.message !== void 0) {
      let data4 = data.message;
      if (typeof data4 === "string") {
        if (func2(data4) < 1) {
          const err9 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.properties.message, data: data4 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.message.type, parentSchema: schema13.properties.message, data: data4 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
  } else {
    const err11 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = true;
  const _errs1 = errors;
  const _errs2 = errors;
  const _errs3 = errors;
  if (!(data && typeof data == "object" && !Array.isArray(data))) {
    const err0 = {};
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  var valid1 = _errs3 === errors;
  if (valid1) {
    const err1 = {};
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  } else {
    errors = _errs2;
    if (vErrors !== null) {
      if (_errs2) {
        vErrors.length = _errs2;
      } else {
        vErrors = null;
      }
    }
  }
  var _valid0 = _errs1 === errors;
  errors = _errs0;
  if (vErrors !== null) {
    if (_errs0) {
      vErrors.length = _errs0;
    } else {
      vErrors = null;
    }
  }
  let ifClause0;
  if (_valid0) {
    const _errs5 = errors;
    if (!(data === "off" || data === "error" || data === "warning" || data === "notice")) {
      const err2 = { instancePath, schemaPath: "#/then/enum", keyword: "enum", params: { allowedValues: schema12.then.enum }, message: "must be equal to one of the allowed values", schema: schema12.then.enum, parentSchema: schema12.then, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    var _valid0 = _errs5 === errors;
    valid0 = _valid0;
    ifClause0 = "then";
  } else {
    const _errs6 = errors;
    if (!validate12(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
      errors = vErrors.length;
    }
    var _valid0 = _errs6 === errors;
    valid0 = _valid0;
    ifClause0 = "else";
  }
  if (!valid0) {
    const err3 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: 'must match "' + ifClause0 + '" schema', schema: schema12.if, parentSchema: schema12, data };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "extends" || key0 === "rules" || key0 === "ignore")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.extends !== void 0) {
      let data0 = data.extends;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 === "string") {
            if (func2(data1) < 1) {
              const err1 = { instancePath: instancePath + "/extends/" + i0, schemaPath: "#/properties/extends/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.extends.items, data: data1 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
          } else {
            const err2 = { instancePath: instancePath + "/extends/" + i0, schemaPath: "#/properties/extends/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.extends.items.type, parentSchema: schema11.properties.extends.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.extends.type, parentSchema: schema11.properties.extends, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.rules !== void 0) {
      let data2 = data.rules;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        for (const key1 in data2) {
          const _errs8 = errors;
          if (typeof key1 === "string") {
            if (!pattern0.test(key1)) {
              const err4 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" }, message: 'must match pattern "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"', schema: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", parentSchema: schema11.properties.rules.propertyNames, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          }
          var valid3 = _errs8 === errors;
          if (!valid3) {
            const err5 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema11.properties.rules.propertyNames, parentSchema: schema11.properties.rules, data: data2 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        for (const key2 in data2) {
          if (!validate11(data2[key2], { instancePath: instancePath + "/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data2, parentDataProperty: key2, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err6 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.rules.type, parentSchema: schema11.properties.rules, data: data2 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.ignore !== void 0) {
      let data4 = data.ignore;
      if (Array.isArray(data4)) {
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.rule === void 0) {
              const err7 = { instancePath: instancePath + "/ignore/" + i1, schemaPath: "#/definitions/ignore/required", keyword: "required", params: { missingProperty: "rule" }, message: "must have required property 'rule'", schema: schema19.required, parentSchema: schema19, data: data5 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            if (data5.key === void 0) {
              const err8 = { instancePath: instancePath + "/ignore/" + i1, schemaPath: "#/definitions/ignore/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema19.required, parentSchema: schema19, data: data5 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            if (data5.reason === void 0) {
              const err9 = { instancePath: instancePath + "/ignore/" + i1, schemaPath: "#/definitions/ignore/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'", schema: schema19.required, parentSchema: schema19, data: data5 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            for (const key3 in data5) {
              if (!(key3 === "rule" || key3 === "key" || key3 === "reason" || key3 === "expires")) {
                const err10 = { instancePath: instancePath + "/ignore/" + i1, schemaPath: "#/definitions/ignore/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema19, data: data5 };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
            if (data5.rule !== void 0) {
              let data6 = data5.rule;
              if (typeof data6 === "string") {
                if (!pattern3.test(data6)) {
                  const err11 = { instancePath: instancePath + "/ignore/" + i1 + "/rule", schemaPath: "#/definitions/ignore/properties/rule/pattern", keyword: "pattern", params: { pattern: "^(\\*|[a-z][a-z0-9]*(-[a-z0-9]+)*)$" }, message: 'must match pattern "^(\\*|[a-z][a-z0-9]*(-[a-z0-9]+)*)$"', schema: "^(\\*|[a-z][a-z0-9]*(-[a-z0-9]+)*)$", parentSchema: schema19.properties.rule, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err11];
                  } else {
                    vErrors.push(err11);
                  }
                  errors++;
                }
              } else {
                const err12 = { instancePath: instancePath + "/ignore/" + i1 + "/rule", schemaPath: "#/definitions/ignore/properties/rule/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.rule.type, parentSchema: schema19.properties.rule, data: data6 };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data5.key !== void 0) {
              let data7 = data5.key;
              if (typeof data7 === "string") {
                if (func2(data7) > 1e3) {
                  const err13 = { instancePath: instancePath + "/ignore/" + i1 + "/key", schemaPath: "#/definitions/ignore/properties/key/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters", schema: 1e3, parentSchema: schema19.properties.key, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
                if (func2(data7) < 1) {
                  const err14 = { instancePath: instancePath + "/ignore/" + i1 + "/key", schemaPath: "#/definitions/ignore/properties/key/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema19.properties.key, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
              } else {
                const err15 = { instancePath: instancePath + "/ignore/" + i1 + "/key", schemaPath: "#/definitions/ignore/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.key.type, parentSchema: schema19.properties.key, data: data7 };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
            if (data5.reason !== void 0) {
              let data8 = data5.reason;
              if (typeof data8 === "string") {
                if (func2(data8) < 1) {
                  const err16 = { instancePath: instancePath + "/ignore/" + i1 + "/reason", schemaPath: "#/definitions/ignore/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema19.properties.reason, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err16];
                  } else {
                    vErrors.push(err16);
                  }
                  errors++;
                }
              } else {
                const err17 = { instancePath: instancePath + "/ignore/" + i1 + "/reason", schemaPath: "#/definitions/ignore/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.reason.type, parentSchema: schema19.properties.reason, data: data8 };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
            if (data5.expires !== void 0) {
              let data9 = data5.expires;
              if (typeof data9 === "string") {
                if (!pattern4.test(data9)) {
                  const err18 = { instancePath: instancePath + "/ignore/" + i1 + "/expires", schemaPath: "#/definitions/ignore/properties/expires/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", parentSchema: schema19.properties.expires, data: data9 };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
              } else {
                const err19 = { instancePath: instancePath + "/ignore/" + i1 + "/expires", schemaPath: "#/definitions/ignore/properties/expires/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.expires.type, parentSchema: schema19.properties.expires, data: data9 };
                if (vErrors === null) {
                  vErrors = [err19];
                } else {
                  vErrors.push(err19);
                }
                errors++;
              }
            }
          } else {
            const err20 = { instancePath: instancePath + "/ignore/" + i1, schemaPath: "#/definitions/ignore/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema19.type, parentSchema: schema19, data: data5 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/ignore", schemaPath: "#/properties/ignore/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.ignore.type, parentSchema: schema11.properties.ignore, data: data4 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
  } else {
    const err22 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err22];
    } else {
      vErrors.push(err22);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
var validateRuleTests = validate23;
var schema20 = { "$schema": "http://json-schema.org/draft-07/schema#", "title": "kms-usage-lint rule tests", "type": "object", "additionalProperties": false, "required": ["cases"], "properties": { "extends": { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 }, "description": "The rules under test, as a rules file's extends: packs or paths relative to this file. Default: [recommended]." }, "now": { "type": "string", "description": "The evaluation clock for every case (default: --now, else the time of the run)." }, "cases": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/case" }, "description": "The test cases." } }, "definitions": { "case": { "type": "object", "additionalProperties": false, "required": ["name", "keys", "expect"], "properties": { "name": { "type": "string", "minLength": 1, "description": "Names the case when it fails." }, "now": { "type": "string", "description": "The evaluation clock for this case." }, "keys": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/key" }, "description": "The keys the rules are evaluated over, together." }, "expect": { "type": "array", "items": { "$ref": "#/definitions/expectation" }, "description": "Exactly the rules that fire, over all keys: rule ids, or `rule-id: severity`. [] when none may fire." } } }, "expectation": { "if": { "type": "string" }, "then": { "type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" }, "else": { "type": "object", "minProperties": 1, "maxProperties": 1, "propertyNames": { "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" }, "additionalProperties": { "enum": ["error", "warning", "notice"] } } }, "key": { "type": "object", "additionalProperties": false, "properties": { "address": { "type": "string", "minLength": 1, "description": "The resource declaring the key, and the change's address (default aws_kms_key.keyN)." }, "arn": { "type": ["string", "null"], "description": "Sets `key.arn` (default: one per key); null for a key not created yet." }, "region": { "type": "string", "minLength": 1, "description": "Sets `key.region` (default: from the ARN, else us-east-1)." }, "account": { "type": "string", "minLength": 1, "description": "Sets `key.account` (default: from the ARN, else 111122223333)." }, "aliases": { "type": "array", "items": { "type": "string", "pattern": "^alias/" }, "description": "Sets `key.aliases`." }, "key": { "type": "object", "additionalProperties": false, "properties": { "state": { "enum": ["Enabled", "Disabled", "PendingDeletion", "PendingReplicaDeletion", "PendingImport", "Creating", "Updating", "Unavailable"], "description": "Sets `key.state`." }, "enabled": { "type": "boolean", "description": "Sets `key.enabled`." }, "manager": { "enum": ["CUSTOMER", "AWS"], "description": "Sets `key.manager`." }, "spec": { "type": "string", "description": "Sets `key.spec`." }, "keyUsage": { "type": "string", "description": "Sets `key.keyUsage`." }, "origin": { "type": "string", "description": "Sets `key.origin`." }, "createdAt": { "type": "string", "description": "Sets `key.createdAt`." }, "ageDays": { "type": "integer", "minimum": 0, "description": "Sets `key.createdAt` this many days before now." }, "deletionDate": { "type": "string", "description": "Sets `key.deletionDate`." }, "pendingWindowDays": { "type": "integer", "minimum": 0, "description": "Sets `key.pendingWindowDays`." }, "multiRegion": { "type": "boolean", "description": "Sets `key.multiRegion`." }, "multiRegionRole": { "enum": ["PRIMARY", "REPLICA"], "description": "Sets `key.multiRegionRole`." } }, "description": "DescribeKey facts (`key.*`); omit for a key AWS said nothing about." }, "usage": { "type": "object", "additionalProperties": false, "required": ["status"], "properties": { "status": { "enum": ["used", "unused", "unknown", "unavailable"], "description": "Sets `usage.status`." }, "lastUsedAt": { "type": "string", "description": "Sets `usage.lastUsedAt`." }, "daysSinceLastUse": { "type": "integer", "minimum": 0, "description": "Sets `usage.lastUsedAt` this many days before now." }, "operation": { "type": "string", "description": "Sets `usage.operation`." }, "region": { "type": "string", "description": "Sets `usage.region`." }, "cloudTrailEventId": { "type": "string", "description": "Sets `usage.cloudTrailEventId`." }, "kmsRequestId": { "type": "string", "description": "Sets `usage.kmsRequestId`." }, "trackingStartDate": { "type": "string", "description": "Sets `usage.trackingStartDate`." }, "daysTracked": { "type": "integer", "minimum": 0, "description": "Sets `usage.daysTracked`." }, "reason": { "type": "string", "description": "Sets `usage.reason`." }, "members": { "type": "array", "items": { "$ref": "#/definitions/member" }, "description": "The members of a multi-Region set (arn, region, status, lastUsedAt or daysSinceLastUse, reason), for the record: the rules read the aggregate." } }, "description": "Usage as the rules see it (`usage.*`), aggregated over a multi-Region set; omit for none." }, "trail": { "type": "object", "additionalProperties": false, "required": ["status"], "properties": { "status": { "enum": ["complete", "truncated", "unavailable"], "description": "Sets `trail.status`." }, "reason": { "type": "string", "minLength": 1, "description": "Sets `trail.reason`." }, "windowDays": { "type": "integer", "minimum": 0, "maximum": 90, "description": "Sets `trail.windowDays`: the lookup covered this many days back from now, at most 90 (the default: CloudTrail's Event history)." }, "failedUses": { "type": "integer", "minimum": 0, "description": "Sets `trail.failedUses`." }, "lastFailedUseAt": { "type": "string", "description": "Sets `trail.lastFailedUseAt`." }, "daysSinceLastFailedUse": { "type": "integer", "minimum": 0, "description": "Sets `trail.lastFailedUseAt` this many days before now." }, "lastFailedUseBy": { "type": "string", "minLength": 1, "description": "Sets `trail.lastFailedUseBy`." }, "lastFailedUseOperation": { "type": "string", "minLength": 1, "description": "Sets `trail.lastFailedUseOperation`." }, "lastFailedUseEventId": { "type": "string", "minLength": 1, "description": "Sets `trail.lastFailedUseEventId`." }, "callers": { "type": "array", "items": { "type": "string", "minLength": 1 }, "uniqueItems": true, "description": "Sets `trail.callers`." }, "disabledAt": { "type": "string", "description": "Sets `trail.disabledAt`." }, "daysDisabled": { "type": "integer", "minimum": 0, "description": "Sets `trail.disabledAt` (the latest DisableKey) this many days before now." } }, "description": "CloudTrail evidence (`trail.*`) as the rules see it; omit for a key whose trail was not asked for (`trail.status` null)." }, "change": { "type": "object", "additionalProperties": false, "required": ["action"], "properties": { "action": { "enum": ["create", "update", "delete", "replace", "orphan", "none"], "description": "Sets `change.action`." }, "source": { "enum": ["terraform-plan", "terraform-state", "terraform-outputs", "cdk-assembly", "cdk-outputs", "cloudformation-template", "explicit"], "description": "Sets `change.source`." }, "address": { "type": "string", "minLength": 1, "description": "Sets `change.address`." }, "deletionWindowDays": { "type": "integer", "minimum": 0, "description": "Sets `change.deletionWindowDays`." }, "disables": { "type": "boolean", "description": "Sets `change.disables`." }, "failure": { "type": "string", "description": "Sets `change.failure`." } }, "description": "What the inputs say a change does to the key (`change.*`); omit for no change." }, "consumers": { "type": "integer", "minimum": 0, "description": "How many other resources reference the key (and are not being deleted)." }, "references": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["kind"], "properties": { "kind": { "enum": ["key", "alias", "consumer", "output"] }, "address": { "type": ["string", "null"] }, "source": { "enum": ["terraform-plan", "terraform-state", "terraform-outputs", "cdk-assembly", "cdk-outputs", "cloudformation-template", "explicit"] }, "action": { "enum": ["create", "update", "delete", "replace", "orphan", "none", null] } } }, "description": "More references (kind, address, source, action), beyond the declaring resource and `consumers`." } }, "description": "One key's facts; what is not given is unknown (null)." }, "member": { "type": "object", "additionalProperties": false, "required": ["status"], "properties": { "arn": { "type": "string" }, "region": { "type": "string" }, "status": { "enum": ["used", "unused", "unknown", "unavailable"] }, "lastUsedAt": { "type": "string", "description": "An ISO 8601 date (2026-01-31) or a date-time with a zone." }, "daysSinceLastUse": { "type": "integer", "minimum": 0 }, "reason": { "type": "string" } }, "description": "One key of a multi-Region set; kept for the record, the rules read the aggregate." } } };
var schema21 = { "type": "object", "additionalProperties": false, "required": ["name", "keys", "expect"], "properties": { "name": { "type": "string", "minLength": 1, "description": "Names the case when it fails." }, "now": { "type": "string", "description": "The evaluation clock for this case." }, "keys": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/key" }, "description": "The keys the rules are evaluated over, together." }, "expect": { "type": "array", "items": { "$ref": "#/definitions/expectation" }, "description": "Exactly the rules that fire, over all keys: rule ids, or `rule-id: severity`. [] when none may fire." } } };
var schema24 = { "if": { "type": "string" }, "then": { "type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" }, "else": { "type": "object", "minProperties": 1, "maxProperties": 1, "propertyNames": { "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" }, "additionalProperties": { "enum": ["error", "warning", "notice"] } } };
var schema22 = { "type": "object", "additionalProperties": false, "properties": { "address": { "type": "string", "minLength": 1, "description": "The resource declaring the key, and the change's address (default aws_kms_key.keyN)." }, "arn": { "type": ["string", "null"], "description": "Sets `key.arn` (default: one per key); null for a key not created yet." }, "region": { "type": "string", "minLength": 1, "description": "Sets `key.region` (default: from the ARN, else us-east-1)." }, "account": { "type": "string", "minLength": 1, "description": "Sets `key.account` (default: from the ARN, else 111122223333)." }, "aliases": { "type": "array", "items": { "type": "string", "pattern": "^alias/" }, "description": "Sets `key.aliases`." }, "key": { "type": "object", "additionalProperties": false, "properties": { "state": { "enum": ["Enabled", "Disabled", "PendingDeletion", "PendingReplicaDeletion", "PendingImport", "Creating", "Updating", "Unavailable"], "description": "Sets `key.state`." }, "enabled": { "type": "boolean", "description": "Sets `key.enabled`." }, "manager": { "enum": ["CUSTOMER", "AWS"], "description": "Sets `key.manager`." }, "spec": { "type": "string", "description": "Sets `key.spec`." }, "keyUsage": { "type": "string", "description": "Sets `key.keyUsage`." }, "origin": { "type": "string", "description": "Sets `key.origin`." }, "createdAt": { "type": "string", "description": "Sets `key.createdAt`." }, "ageDays": { "type": "integer", "minimum": 0, "description": "Sets `key.createdAt` this many days before now." }, "deletionDate": { "type": "string", "description": "Sets `key.deletionDate`." }, "pendingWindowDays": { "type": "integer", "minimum": 0, "description": "Sets `key.pendingWindowDays`." }, "multiRegion": { "type": "boolean", "description": "Sets `key.multiRegion`." }, "multiRegionRole": { "enum": ["PRIMARY", "REPLICA"], "description": "Sets `key.multiRegionRole`." } }, "description": "DescribeKey facts (`key.*`); omit for a key AWS said nothing about." }, "usage": { "type": "object", "additionalProperties": false, "required": ["status"], "properties": { "status": { "enum": ["used", "unused", "unknown", "unavailable"], "description": "Sets `usage.status`." }, "lastUsedAt": { "type": "string", "description": "Sets `usage.lastUsedAt`." }, "daysSinceLastUse": { "type": "integer", "minimum": 0, "description": "Sets `usage.lastUsedAt` this many days before now." }, "operation": { "type": "string", "description": "Sets `usage.operation`." }, "region": { "type": "string", "description": "Sets `usage.region`." }, "cloudTrailEventId": { "type": "string", "description": "Sets `usage.cloudTrailEventId`." }, "kmsRequestId": { "type": "string", "description": "Sets `usage.kmsRequestId`." }, "trackingStartDate": { "type": "string", "description": "Sets `usage.trackingStartDate`." }, "daysTracked": { "type": "integer", "minimum": 0, "description": "Sets `usage.daysTracked`." }, "reason": { "type": "string", "description": "Sets `usage.reason`." }, "members": { "type": "array", "items": { "$ref": "#/definitions/member" }, "description": "The members of a multi-Region set (arn, region, status, lastUsedAt or daysSinceLastUse, reason), for the record: the rules read the aggregate." } }, "description": "Usage as the rules see it (`usage.*`), aggregated over a multi-Region set; omit for none." }, "trail": { "type": "object", "additionalProperties": false, "required": ["status"], "properties": { "status": { "enum": ["complete", "truncated", "unavailable"], "description": "Sets `trail.status`." }, "reason": { "type": "string", "minLength": 1, "description": "Sets `trail.reason`." }, "windowDays": { "type": "integer", "minimum": 0, "maximum": 90, "description": "Sets `trail.windowDays`: the lookup covered this many days back from now, at most 90 (the default: CloudTrail's Event history)." }, "failedUses": { "type": "integer", "minimum": 0, "description": "Sets `trail.failedUses`." }, "lastFailedUseAt": { "type": "string", "description": "Sets `trail.lastFailedUseAt`." }, "daysSinceLastFailedUse": { "type": "integer", "minimum": 0, "description": "Sets `trail.lastFailedUseAt` this many days before now." }, "lastFailedUseBy": { "type": "string", "minLength": 1, "description": "Sets `trail.lastFailedUseBy`." }, "lastFailedUseOperation": { "type": "string", "minLength": 1, "description": "Sets `trail.lastFailedUseOperation`." }, "lastFailedUseEventId": { "type": "string", "minLength": 1, "description": "Sets `trail.lastFailedUseEventId`." }, "callers": { "type": "array", "items": { "type": "string", "minLength": 1 }, "uniqueItems": true, "description": "Sets `trail.callers`." }, "disabledAt": { "type": "string", "description": "Sets `trail.disabledAt`." }, "daysDisabled": { "type": "integer", "minimum": 0, "description": "Sets `trail.disabledAt` (the latest DisableKey) this many days before now." } }, "description": "CloudTrail evidence (`trail.*`) as the rules see it; omit for a key whose trail was not asked for (`trail.status` null)." }, "change": { "type": "object", "additionalProperties": false, "required": ["action"], "properties": { "action": { "enum": ["create", "update", "delete", "replace", "orphan", "none"], "description": "Sets `change.action`." }, "source": { "enum": ["terraform-plan", "terraform-state", "terraform-outputs", "cdk-assembly", "cdk-outputs", "cloudformation-template", "explicit"], "description": "Sets `change.source`." }, "address": { "type": "string", "minLength": 1, "description": "Sets `change.address`." }, "deletionWindowDays": { "type": "integer", "minimum": 0, "description": "Sets `change.deletionWindowDays`." }, "disables": { "type": "boolean", "description": "Sets `change.disables`." }, "failure": { "type": "string", "description": "Sets `change.failure`." } }, "description": "What the inputs say a change does to the key (`change.*`); omit for no change." }, "consumers": { "type": "integer", "minimum": 0, "description": "How many other resources reference the key (and are not being deleted)." }, "references": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["kind"], "properties": { "kind": { "enum": ["key", "alias", "consumer", "output"] }, "address": { "type": ["string", "null"] }, "source": { "enum": ["terraform-plan", "terraform-state", "terraform-outputs", "cdk-assembly", "cdk-outputs", "cloudformation-template", "explicit"] }, "action": { "enum": ["create", "update", "delete", "replace", "orphan", "none", null] } } }, "description": "More references (kind, address, source, action), beyond the declaring resource and `consumers`." } }, "description": "One key's facts; what is not given is unknown (null)." };
var schema23 = { "type": "object", "additionalProperties": false, "required": ["status"], "properties": { "arn": { "type": "string" }, "region": { "type": "string" }, "status": { "enum": ["used", "unused", "unknown", "unavailable"] }, "lastUsedAt": { "type": "string", "description": "An ISO 8601 date (2026-01-31) or a date-time with a zone." }, "daysSinceLastUse": { "type": "integer", "minimum": 0 }, "reason": { "type": "string" } }, "description": "One key of a multi-Region set; kept for the record, the rules read the aggregate." };
var pattern5 = new RegExp("^alias/", "u");
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func4.call(schema22.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.address !== void 0) {
      let data0 = data.address;
      if (typeof data0 === "string") {
        if (func2(data0) < 1) {
          const err1 = { instancePath: instancePath + "/address", schemaPath: "#/properties/address/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.address, data: data0 };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/address", schemaPath: "#/properties/address/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.address.type, parentSchema: schema22.properties.address, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.arn !== void 0) {
      let data1 = data.arn;
      if (typeof data1 !== "string" && data1 !== null) {
        const err3 = { instancePath: instancePath + "/arn", schemaPath: "#/properties/arn/type", keyword: "type", params: { type: schema22.properties.arn.type }, message: "must be string,null", schema: schema22.properties.arn.type, parentSchema: schema22.properties.arn, data: data1 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.region !== void 0) {
      let data2 = data.region;
      if (typeof data2 === "string") {
        if (func2(data2) < 1) {
          const err4 = { instancePath: instancePath + "/region", schemaPath: "#/properties/region/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.region, data: data2 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/region", schemaPath: "#/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.region.type, parentSchema: schema22.properties.region, data: data2 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.account !== void 0) {
      let data3 = data.account;
      if (typeof data3 === "string") {
        if (func2(data3) < 1) {
          const err6 = { instancePath: instancePath + "/account", schemaPath: "#/properties/account/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.account, data: data3 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/account", schemaPath: "#/properties/account/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.account.type, parentSchema: schema22.properties.account, data: data3 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.aliases !== void 0) {
      let data4 = data.aliases;
      if (Array.isArray(data4)) {
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data5 = data4[i0];
          if (typeof data5 === "string") {
            if (!pattern5.test(data5)) {
              const err8 = { instancePath: instancePath + "/aliases/" + i0, schemaPath: "#/properties/aliases/items/pattern", keyword: "pattern", params: { pattern: "^alias/" }, message: 'must match pattern "^alias/"', schema: "^alias/", parentSchema: schema22.properties.aliases.items, data: data5 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/aliases/" + i0, schemaPath: "#/properties/aliases/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.aliases.items.type, parentSchema: schema22.properties.aliases.items, data: data5 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema22.properties.aliases.type, parentSchema: schema22.properties.aliases, data: data4 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.key !== void 0) {
      let data6 = data.key;
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        for (const key1 in data6) {
          if (!func4.call(schema22.properties.key.properties, key1)) {
            const err11 = { instancePath: instancePath + "/key", schemaPath: "#/properties/key/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22.properties.key, data: data6 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data6.state !== void 0) {
          let data7 = data6.state;
          if (!(data7 === "Enabled" || data7 === "Disabled" || data7 === "PendingDeletion" || data7 === "PendingReplicaDeletion" || data7 === "PendingImport" || data7 === "Creating" || data7 === "Updating" || data7 === "Unavailable")) {
            const err12 = { instancePath: instancePath + "/key/state", schemaPath: "#/properties/key/properties/state/enum", keyword: "enum", params: { allowedValues: schema22.properties.key.properties.state.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.key.properties.state.enum, parentSchema: schema22.properties.key.properties.state, data: data7 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data6.enabled !== void 0) {
          let data8 = data6.enabled;
          if (typeof data8 !== "boolean") {
            const err13 = { instancePath: instancePath + "/key/enabled", schemaPath: "#/properties/key/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema22.properties.key.properties.enabled.type, parentSchema: schema22.properties.key.properties.enabled, data: data8 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data6.manager !== void 0) {
          let data9 = data6.manager;
          if (!(data9 === "CUSTOMER" || data9 === "AWS")) {
            const err14 = { instancePath: instancePath + "/key/manager", schemaPath: "#/properties/key/properties/manager/enum", keyword: "enum", params: { allowedValues: schema22.properties.key.properties.manager.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.key.properties.manager.enum, parentSchema: schema22.properties.key.properties.manager, data: data9 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data6.spec !== void 0) {
          let data10 = data6.spec;
          if (typeof data10 !== "string") {
            const err15 = { instancePath: instancePath + "/key/spec", schemaPath: "#/properties/key/properties/spec/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.key.properties.spec.type, parentSchema: schema22.properties.key.properties.spec, data: data10 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data6.keyUsage !== void 0) {
          let data11 = data6.keyUsage;
          if (typeof data11 !== "string") {
            const err16 = { instancePath: instancePath + "/key/keyUsage", schemaPath: "#/properties/key/properties/keyUsage/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.key.properties.keyUsage.type, parentSchema: schema22.properties.key.properties.keyUsage, data: data11 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data6.origin !== void 0) {
          let data12 = data6.origin;
          if (typeof data12 !== "string") {
            const err17 = { instancePath: instancePath + "/key/origin", schemaPath: "#/properties/key/properties/origin/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.key.properties.origin.type, parentSchema: schema22.properties.key.properties.origin, data: data12 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data6.createdAt !== void 0) {
          let data13 = data6.createdAt;
          if (typeof data13 !== "string") {
            const err18 = { instancePath: instancePath + "/key/createdAt", schemaPath: "#/properties/key/properties/createdAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.key.properties.createdAt.type, parentSchema: schema22.properties.key.properties.createdAt, data: data13 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data6.ageDays !== void 0) {
          let data14 = data6.ageDays;
          if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
            const err19 = { instancePath: instancePath + "/key/ageDays", schemaPath: "#/properties/key/properties/ageDays/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema22.properties.key.properties.ageDays.type, parentSchema: schema22.properties.key.properties.ageDays, data: data14 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
          if (typeof data14 == "number" && isFinite(data14)) {
            if (data14 < 0 || isNaN(data14)) {
              const err20 = { instancePath: instancePath + "/key/ageDays", schemaPath: "#/properties/key/properties/ageDays/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.key.properties.ageDays, data: data14 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          }
        }
        if (data6.deletionDate !== void 0) {
          let data15 = data6.deletionDate;
          if (typeof data15 !== "string") {
            const err21 = { instancePath: instancePath + "/key/deletionDate", schemaPath: "#/properties/key/properties/deletionDate/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.key.properties.deletionDate.type, parentSchema: schema22.properties.key.properties.deletionDate, data: data15 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data6.pendingWindowDays !== void 0) {
          let data16 = data6.pendingWindowDays;
          if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
            const err22 = { instancePath: instancePath + "/key/pendingWindowDays", schemaPath: "#/properties/key/properties/pendingWindowDays/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema22.properties.key.properties.pendingWindowDays.type, parentSchema: schema22.properties.key.properties.pendingWindowDays, data: data16 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
          if (typeof data16 == "number" && isFinite(data16)) {
            if (data16 < 0 || isNaN(data16)) {
              const err23 = { instancePath: instancePath + "/key/pendingWindowDays", schemaPath: "#/properties/key/properties/pendingWindowDays/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.key.properties.pendingWindowDays, data: data16 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          }
        }
        if (data6.multiRegion !== void 0) {
          let data17 = data6.multiRegion;
          if (typeof data17 !== "boolean") {
            const err24 = { instancePath: instancePath + "/key/multiRegion", schemaPath: "#/properties/key/properties/multiRegion/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema22.properties.key.properties.multiRegion.type, parentSchema: schema22.properties.key.properties.multiRegion, data: data17 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data6.multiRegionRole !== void 0) {
          let data18 = data6.multiRegionRole;
          if (!(data18 === "PRIMARY" || data18 === "REPLICA")) {
            const err25 = { instancePath: instancePath + "/key/multiRegionRole", schemaPath: "#/properties/key/properties/multiRegionRole/enum", keyword: "enum", params: { allowedValues: schema22.properties.key.properties.multiRegionRole.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.key.properties.multiRegionRole.enum, parentSchema: schema22.properties.key.properties.multiRegionRole, data: data18 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
      } else {
        const err26 = { instancePath: instancePath + "/key", schemaPath: "#/properties/key/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.properties.key.type, parentSchema: schema22.properties.key, data: data6 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.usage !== void 0) {
      let data19 = data.usage;
      if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
        if (data19.status === void 0) {
          const err27 = { instancePath: instancePath + "/usage", schemaPath: "#/properties/usage/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema22.properties.usage.required, parentSchema: schema22.properties.usage, data: data19 };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
        for (const key2 in data19) {
          if (!func4.call(schema22.properties.usage.properties, key2)) {
            const err28 = { instancePath: instancePath + "/usage", schemaPath: "#/properties/usage/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22.properties.usage, data: data19 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data19.status !== void 0) {
          let data20 = data19.status;
          if (!(data20 === "used" || data20 === "unused" || data20 === "unknown" || data20 === "unavailable")) {
            const err29 = { instancePath: instancePath + "/usage/status", schemaPath: "#/properties/usage/properties/status/enum", keyword: "enum", params: { allowedValues: schema22.properties.usage.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.usage.properties.status.enum, parentSchema: schema22.properties.usage.properties.status, data: data20 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data19.lastUsedAt !== void 0) {
          let data21 = data19.lastUsedAt;
          if (typeof data21 !== "string") {
            const err30 = { instancePath: instancePath + "/usage/lastUsedAt", schemaPath: "#/properties/usage/properties/lastUsedAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.usage.properties.lastUsedAt.type, parentSchema: schema22.properties.usage.properties.lastUsedAt, data: data21 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data19.daysSinceLastUse !== void 0) {
          let data22 = data19.daysSinceLastUse;
          if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
            const err31 = { instancePath: instancePath + "/usage/daysSinceLastUse", schemaPath: "#/properties/usage/properties/daysSinceLastUse/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema22.properties.usage.properties.daysSinceLastUse.type, parentSchema: schema22.properties.usage.properties.daysSinceLastUse, data: data22 };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
          if (typeof data22 == "number" && isFinite(data22)) {
            if (data22 < 0 || isNaN(data22)) {
              const err32 = { instancePath: instancePath + "/usage/daysSinceLastUse", schemaPath: "#/properties/usage/properties/daysSinceLastUse/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.usage.properties.daysSinceLastUse, data: data22 };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
          }
        }
        if (data19.operation !== void 0) {
          let data23 = data19.operation;
          if (typeof data23 !== "string") {
            const err33 = { instancePath: instancePath + "/usage/operation", schemaPath: "#/properties/usage/properties/operation/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.usage.properties.operation.type, parentSchema: schema22.properties.usage.properties.operation, data: data23 };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        if (data19.region !== void 0) {
          let data24 = data19.region;
          if (typeof data24 !== "string") {
            const err34 = { instancePath: instancePath + "/usage/region", schemaPath: "#/properties/usage/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.usage.properties.region.type, parentSchema: schema22.properties.usage.properties.region, data: data24 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        if (data19.cloudTrailEventId !== void 0) {
          let data25 = data19.cloudTrailEventId;
          if (typeof data25 !== "string") {
            const err35 = { instancePath: instancePath + "/usage/cloudTrailEventId", schemaPath: "#/properties/usage/properties/cloudTrailEventId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.usage.properties.cloudTrailEventId.type, parentSchema: schema22.properties.usage.properties.cloudTrailEventId, data: data25 };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
        if (data19.kmsRequestId !== void 0) {
          let data26 = data19.kmsRequestId;
          if (typeof data26 !== "string") {
            const err36 = { instancePath: instancePath + "/usage/kmsRequestId", schemaPath: "#/properties/usage/properties/kmsRequestId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.usage.properties.kmsRequestId.type, parentSchema: schema22.properties.usage.properties.kmsRequestId, data: data26 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data19.trackingStartDate !== void 0) {
          let data27 = data19.trackingStartDate;
          if (typeof data27 !== "string") {
            const err37 = { instancePath: instancePath + "/usage/trackingStartDate", schemaPath: "#/properties/usage/properties/trackingStartDate/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.usage.properties.trackingStartDate.type, parentSchema: schema22.properties.usage.properties.trackingStartDate, data: data27 };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
        if (data19.daysTracked !== void 0) {
          let data28 = data19.daysTracked;
          if (!(typeof data28 == "number" && (!(data28 % 1) && !isNaN(data28)) && isFinite(data28))) {
            const err38 = { instancePath: instancePath + "/usage/daysTracked", schemaPath: "#/properties/usage/properties/daysTracked/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema22.properties.usage.properties.daysTracked.type, parentSchema: schema22.properties.usage.properties.daysTracked, data: data28 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
          if (typeof data28 == "number" && isFinite(data28)) {
            if (data28 < 0 || isNaN(data28)) {
              const err39 = { instancePath: instancePath + "/usage/daysTracked", schemaPath: "#/properties/usage/properties/daysTracked/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.usage.properties.daysTracked, data: data28 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          }
        }
        if (data19.reason !== void 0) {
          let data29 = data19.reason;
          if (typeof data29 !== "string") {
            const err40 = { instancePath: instancePath + "/usage/reason", schemaPath: "#/properties/usage/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.usage.properties.reason.type, parentSchema: schema22.properties.usage.properties.reason, data: data29 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data19.members !== void 0) {
          let data30 = data19.members;
          if (Array.isArray(data30)) {
            const len1 = data30.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data31 = data30[i1];
              if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
                if (data31.status === void 0) {
                  const err41 = { instancePath: instancePath + "/usage/members/" + i1, schemaPath: "#/definitions/member/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema23.required, parentSchema: schema23, data: data31 };
                  if (vErrors === null) {
                    vErrors = [err41];
                  } else {
                    vErrors.push(err41);
                  }
                  errors++;
                }
                for (const key3 in data31) {
                  if (!(key3 === "arn" || key3 === "region" || key3 === "status" || key3 === "lastUsedAt" || key3 === "daysSinceLastUse" || key3 === "reason")) {
                    const err42 = { instancePath: instancePath + "/usage/members/" + i1, schemaPath: "#/definitions/member/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema23, data: data31 };
                    if (vErrors === null) {
                      vErrors = [err42];
                    } else {
                      vErrors.push(err42);
                    }
                    errors++;
                  }
                }
                if (data31.arn !== void 0) {
                  let data32 = data31.arn;
                  if (typeof data32 !== "string") {
                    const err43 = { instancePath: instancePath + "/usage/members/" + i1 + "/arn", schemaPath: "#/definitions/member/properties/arn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.properties.arn.type, parentSchema: schema23.properties.arn, data: data32 };
                    if (vErrors === null) {
                      vErrors = [err43];
                    } else {
                      vErrors.push(err43);
                    }
                    errors++;
                  }
                }
                if (data31.region !== void 0) {
                  let data33 = data31.region;
                  if (typeof data33 !== "string") {
                    const err44 = { instancePath: instancePath + "/usage/members/" + i1 + "/region", schemaPath: "#/definitions/member/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.properties.region.type, parentSchema: schema23.properties.region, data: data33 };
                    if (vErrors === null) {
                      vErrors = [err44];
                    } else {
                      vErrors.push(err44);
                    }
                    errors++;
                  }
                }
                if (data31.status !== void 0) {
                  let data34 = data31.status;
                  if (!(data34 === "used" || data34 === "unused" || data34 === "unknown" || data34 === "unavailable")) {
                    const err45 = { instancePath: instancePath + "/usage/members/" + i1 + "/status", schemaPath: "#/definitions/member/properties/status/enum", keyword: "enum", params: { allowedValues: schema23.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema23.properties.status.enum, parentSchema: schema23.properties.status, data: data34 };
                    if (vErrors === null) {
                      vErrors = [err45];
                    } else {
                      vErrors.push(err45);
                    }
                    errors++;
                  }
                }
                if (data31.lastUsedAt !== void 0) {
                  let data35 = data31.lastUsedAt;
                  if (typeof data35 !== "string") {
                    const err46 = { instancePath: instancePath + "/usage/members/" + i1 + "/lastUsedAt", schemaPath: "#/definitions/member/properties/lastUsedAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.properties.lastUsedAt.type, parentSchema: schema23.properties.lastUsedAt, data: data35 };
                    if (vErrors === null) {
                      vErrors = [err46];
                    } else {
                      vErrors.push(err46);
                    }
                    errors++;
                  }
                }
                if (data31.daysSinceLastUse !== void 0) {
                  let data36 = data31.daysSinceLastUse;
                  if (!(typeof data36 == "number" && (!(data36 % 1) && !isNaN(data36)) && isFinite(data36))) {
                    const err47 = { instancePath: instancePath + "/usage/members/" + i1 + "/daysSinceLastUse", schemaPath: "#/definitions/member/properties/daysSinceLastUse/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema23.properties.daysSinceLastUse.type, parentSchema: schema23.properties.daysSinceLastUse, data: data36 };
                    if (vErrors === null) {
                      vErrors = [err47];
                    } else {
                      vErrors.push(err47);
                    }
                    errors++;
                  }
                  if (typeof data36 == "number" && isFinite(data36)) {
                    if (data36 < 0 || isNaN(data36)) {
                      const err48 = { instancePath: instancePath + "/usage/members/" + i1 + "/daysSinceLastUse", schemaPath: "#/definitions/member/properties/daysSinceLastUse/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema23.properties.daysSinceLastUse, data: data36 };
                      if (vErrors === null) {
                        vErrors = [err48];
                      } else {
                        vErrors.push(err48);
                      }
                      errors++;
                    }
                  }
                }
                if (data31.reason !== void 0) {
                  let data37 = data31.reason;
                  if (typeof data37 !== "string") {
                    const err49 = { instancePath: instancePath + "/usage/members/" + i1 + "/reason", schemaPath: "#/definitions/member/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.properties.reason.type, parentSchema: schema23.properties.reason, data: data37 };
                    if (vErrors === null) {
                      vErrors = [err49];
                    } else {
                      vErrors.push(err49);
                    }
                    errors++;
                  }
                }
              } else {
                const err50 = { instancePath: instancePath + "/usage/members/" + i1, schemaPath: "#/definitions/member/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema23.type, parentSchema: schema23, data: data31 };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
          } else {
            const err51 = { instancePath: instancePath + "/usage/members", schemaPath: "#/properties/usage/properties/members/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema22.properties.usage.properties.members.type, parentSchema: schema22.properties.usage.properties.members, data: data30 };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
        }
      } else {
        const err52 = { instancePath: instancePath + "/usage", schemaPath: "#/properties/usage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.properties.usage.type, parentSchema: schema22.properties.usage, data: data19 };
        if (vErrors === null) {
          vErrors = [err52];
        } else {
          vErrors.push(err52);
        }
        errors++;
      }
    }
    if (data.trail !== void 0) {
      let data38 = data.trail;
      if (data38 && typeof data38 == "object" && !Array.isArray(data38)) {
        if (data38.status === void 0) {
          const err53 = { instancePath: instancePath + "/trail", schemaPath: "#/properties/trail/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema22.properties.trail.required, parentSchema: schema22.properties.trail, data: data38 };
          if (vErrors === null) {
            vErrors = [err53];
          } else {
            vErrors.push(err53);
          }
          errors++;
        }
        for (const key4 in data38) {
          if (!func4.call(schema22.properties.trail.properties, key4)) {
            const err54 = { instancePath: instancePath + "/trail", schemaPath: "#/properties/trail/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22.properties.trail, data: data38 };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
        if (data38.status !== void 0) {
          let data39 = data38.status;
          if (!(data39 === "complete" || data39 === "truncated" || data39 === "unavailable")) {
            const err55 = { instancePath: instancePath + "/trail/status", schemaPath: "#/properties/trail/properties/status/enum", keyword: "enum", params: { allowedValues: schema22.properties.trail.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.trail.properties.status.enum, parentSchema: schema22.properties.trail.properties.status, data: data39 };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
        if (data38.reason !== void 0) {
          let data40 = data38.reason;
          if (typeof data40 === "string") {
            if (func2(data40) < 1) {
              const err56 = { instancePath: instancePath + "/trail/reason", schemaPath: "#/properties/trail/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.trail.properties.reason, data: data40 };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
          } else {
            const err57 = { instancePath: instancePath + "/trail/reason", schemaPath: "#/properties/trail/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.trail.properties.reason.type, parentSchema: schema22.properties.trail.properties.reason, data: data40 };
            if (vErrors === null) {
              vErrors = [err57];
            } else {
              vErrors.push(err57);
            }
            errors++;
          }
        }
        if (data38.windowDays !== void 0) {
          let data41 = data38.windowDays;
          if (!(typeof data41 == "number" && (!(data41 % 1) && !isNaN(data41)) && isFinite(data41))) {
            const err58 = { instancePath: instancePath + "/trail/windowDays", schemaPath: "#/properties/trail/properties/windowDays/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema22.properties.trail.properties.windowDays.type, parentSchema: schema22.properties.trail.properties.windowDays, data: data41 };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
          if (typeof data41 == "number" && isFinite(data41)) {
            if (data41 > 90 || isNaN(data41)) {
              const err59 = { instancePath: instancePath + "/trail/windowDays", schemaPath: "#/properties/trail/properties/windowDays/maximum", keyword: "maximum", params: { comparison: "<=", limit: 90 }, message: "must be <= 90", schema: 90, parentSchema: schema22.properties.trail.properties.windowDays, data: data41 };
              if (vErrors === null) {
                vErrors = [err59];
              } else {
                vErrors.push(err59);
              }
              errors++;
            }
            if (data41 < 0 || isNaN(data41)) {
              const err60 = { instancePath: instancePath + "/trail/windowDays", schemaPath: "#/properties/trail/properties/windowDays/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.trail.properties.windowDays, data: data41 };
              if (vErrors === null) {
                vErrors = [err60];
              } else {
                vErrors.push(err60);
              }
              errors++;
            }
          }
        }
        if (data38.failedUses !== void 0) {
          let data42 = data38.failedUses;
          if (!(typeof data42 == "number" && (!(data42 % 1) && !isNaN(data42)) && isFinite(data42))) {
            const err61 = { instancePath: instancePath + "/trail/failedUses", schemaPath: "#/properties/trail/properties/failedUses/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema22.properties.trail.properties.failedUses.type, parentSchema: schema22.properties.trail.properties.failedUses, data: data42 };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
          if (typeof data42 == "number" && isFinite(data42)) {
            if (data42 < 0 || isNaN(data42)) {
              const err62 = { instancePath: instancePath + "/trail/failedUses", schemaPath: "#/properties/trail/properties/failedUses/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.trail.properties.failedUses, data: data42 };
              if (vErrors === null) {
                vErrors = [err62];
              } else {
                vErrors.push(err62);
              }
              errors++;
            }
          }
        }
        if (data38.lastFailedUseAt !== void 0) {
          let data43 = data38.lastFailedUseAt;
          if (typeof data43 !== "string") {
            const err63 = { instancePath: instancePath + "/trail/lastFailedUseAt", schemaPath: "#/properties/trail/properties/lastFailedUseAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.trail.properties.lastFailedUseAt.type, parentSchema: schema22.properties.trail.properties.lastFailedUseAt, data: data43 };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
        if (data38.daysSinceLastFailedUse !== void 0) {
          let data44 = data38.daysSinceLastFailedUse;
          if (!(typeof data44 == "number" && (!(data44 % 1) && !isNaN(data44)) && isFinite(data44))) {
            const err64 = { instancePath: instancePath + "/trail/daysSinceLastFailedUse", schemaPath: "#/properties/trail/properties/daysSinceLastFailedUse/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema22.properties.trail.properties.daysSinceLastFailedUse.type, parentSchema: schema22.properties.trail.properties.daysSinceLastFailedUse, data: data44 };
            if (vErrors === null) {
              vErrors = [err64];
            } else {
              vErrors.push(err64);
            }
            errors++;
          }
          if (typeof data44 == "number" && isFinite(data44)) {
            if (data44 < 0 || isNaN(data44)) {
              const err65 = { instancePath: instancePath + "/trail/daysSinceLastFailedUse", schemaPath: "#/properties/trail/properties/daysSinceLastFailedUse/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.trail.properties.daysSinceLastFailedUse, data: data44 };
              if (vErrors === null) {
                vErrors = [err65];
              } else {
                vErrors.push(err65);
              }
              errors++;
            }
          }
        }
        if (data38.lastFailedUseBy !== void 0) {
          let data45 = data38.lastFailedUseBy;
          if (typeof data45 === "string") {
            if (func2(data45) < 1) {
              const err66 = { instancePath: instancePath + "/trail/lastFailedUseBy", schemaPath: "#/properties/trail/properties/lastFailedUseBy/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.trail.properties.lastFailedUseBy, data: data45 };
              if (vErrors === null) {
                vErrors = [err66];
              } else {
                vErrors.push(err66);
              }
              errors++;
            }
          } else {
            const err67 = { instancePath: instancePath + "/trail/lastFailedUseBy", schemaPath: "#/properties/trail/properties/lastFailedUseBy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.trail.properties.lastFailedUseBy.type, parentSchema: schema22.properties.trail.properties.lastFailedUseBy, data: data45 };
            if (vErrors === null) {
              vErrors = [err67];
            } else {
              vErrors.push(err67);
            }
            errors++;
          }
        }
        if (data38.lastFailedUseOperation !== void 0) {
          let data46 = data38.lastFailedUseOperation;
          if (typeof data46 === "string") {
            if (func2(data46) < 1) {
              const err68 = { instancePath: instancePath + "/trail/lastFailedUseOperation", schemaPath: "#/properties/trail/properties/lastFailedUseOperation/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.trail.properties.lastFailedUseOperation, data: data46 };
              if (vErrors === null) {
                vErrors = [err68];
              } else {
                vErrors.push(err68);
              }
              errors++;
            }
          } else {
            const err69 = { instancePath: instancePath + "/trail/lastFailedUseOperation", schemaPath: "#/properties/trail/properties/lastFailedUseOperation/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.trail.properties.lastFailedUseOperation.type, parentSchema: schema22.properties.trail.properties.lastFailedUseOperation, data: data46 };
            if (vErrors === null) {
              vErrors = [err69];
            } else {
              vErrors.push(err69);
            }
            errors++;
          }
        }
        if (data38.lastFailedUseEventId !== void 0) {
          let data47 = data38.lastFailedUseEventId;
          if (typeof data47 === "string") {
            if (func2(data47) < 1) {
              const err70 = { instancePath: instancePath + "/trail/lastFailedUseEventId", schemaPath: "#/properties/trail/properties/lastFailedUseEventId/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.trail.properties.lastFailedUseEventId, data: data47 };
              if (vErrors === null) {
                vErrors = [err70];
              } else {
                vErrors.push(err70);
              }
              errors++;
            }
          } else {
            const err71 = { instancePath: instancePath + "/trail/lastFailedUseEventId", schemaPath: "#/properties/trail/properties/lastFailedUseEventId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.trail.properties.lastFailedUseEventId.type, parentSchema: schema22.properties.trail.properties.lastFailedUseEventId, data: data47 };
            if (vErrors === null) {
              vErrors = [err71];
            } else {
              vErrors.push(err71);
            }
            errors++;
          }
        }
        if (data38.callers !== void 0) {
          let data48 = data38.callers;
          if (Array.isArray(data48)) {
            const len2 = data48.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data49 = data48[i2];
              if (typeof data49 === "string") {
                if (func2(data49) < 1) {
                  const err72 = { instancePath: instancePath + "/trail/callers/" + i2, schemaPath: "#/properties/trail/properties/callers/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.trail.properties.callers.items, data: data49 };
                  if (vErrors === null) {
                    vErrors = [err72];
                  } else {
                    vErrors.push(err72);
                  }
                  errors++;
                }
              } else {
                const err73 = { instancePath: instancePath + "/trail/callers/" + i2, schemaPath: "#/properties/trail/properties/callers/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.trail.properties.callers.items.type, parentSchema: schema22.properties.trail.properties.callers.items, data: data49 };
                if (vErrors === null) {
                  vErrors = [err73];
                } else {
                  vErrors.push(err73);
                }
                errors++;
              }
            }
            let i3 = data48.length;
            let j0;
            if (i3 > 1) {
              const indices0 = {};
              for (; i3--; ) {
                let item0 = data48[i3];
                if (typeof item0 !== "string") {
                  continue;
                }
                if (typeof indices0[item0] == "number") {
                  j0 = indices0[item0];
                  const err74 = { instancePath: instancePath + "/trail/callers", schemaPath: "#/properties/trail/properties/callers/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i3 + " are identical)", schema: true, parentSchema: schema22.properties.trail.properties.callers, data: data48 };
                  if (vErrors === null) {
                    vErrors = [err74];
                  } else {
                    vErrors.push(err74);
                  }
                  errors++;
                  break;
                }
                indices0[item0] = i3;
              }
            }
          } else {
            const err75 = { instancePath: instancePath + "/trail/callers", schemaPath: "#/properties/trail/properties/callers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema22.properties.trail.properties.callers.type, parentSchema: schema22.properties.trail.properties.callers, data: data48 };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
        }
        if (data38.disabledAt !== void 0) {
          let data50 = data38.disabledAt;
          if (typeof data50 !== "string") {
            const err76 = { instancePath: instancePath + "/trail/disabledAt", schemaPath: "#/properties/trail/properties/disabledAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.trail.properties.disabledAt.type, parentSchema: schema22.properties.trail.properties.disabledAt, data: data50 };
            if (vErrors === null) {
              vErrors = [err76];
            } else {
              vErrors.push(err76);
            }
            errors++;
          }
        }
        if (data38.daysDisabled !== void 0) {
          let data51 = data38.daysDisabled;
          if (!(typeof data51 == "number" && (!(data51 % 1) && !isNaN(data51)) && isFinite(data51))) {
            const err77 = { instancePath: instancePath + "/trail/daysDisabled", schemaPath: "#/properties/trail/properties/daysDisabled/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema22.properties.trail.properties.daysDisabled.type, parentSchema: schema22.properties.trail.properties.daysDisabled, data: data51 };
            if (vErrors === null) {
              vErrors = [err77];
            } else {
              vErrors.push(err77);
            }
            errors++;
          }
          if (typeof data51 == "number" && isFinite(data51)) {
            if (data51 < 0 || isNaN(data51)) {
              const err78 = { instancePath: instancePath + "/trail/daysDisabled", schemaPath: "#/properties/trail/properties/daysDisabled/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.trail.properties.daysDisabled, data: data51 };
              if (vErrors === null) {
                vErrors = [err78];
              } else {
                vErrors.push(err78);
              }
              errors++;
            }
          }
        }
      } else {
        const err79 = { instancePath: instancePath + "/trail", schemaPath: "#/properties/trail/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.properties.trail.type, parentSchema: schema22.properties.trail, data: data38 };
        if (vErrors === null) {
          vErrors = [err79];
        } else {
          vErrors.push(err79);
        }
        errors++;
      }
    }
    if (data.change !== void 0) {
      let data52 = data.change;
      if (data52 && typeof data52 == "object" && !Array.isArray(data52)) {
        if (data52.action === void 0) {
          const err80 = { instancePath: instancePath + "/change", schemaPath: "#/properties/change/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema22.properties.change.required, parentSchema: schema22.properties.change, data: data52 };
          if (vErrors === null) {
            vErrors = [err80];
          } else {
            vErrors.push(err80);
          }
          errors++;
        }
        for (const key5 in data52) {
          if (!(key5 === "action" || key5 === "source" || key5 === "address" || key5 === "deletionWindowDays" || key5 === "disables" || key5 === "failure")) {
            const err81 = { instancePath: instancePath + "/change", schemaPath: "#/properties/change/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22.properties.change, data: data52 };
            if (vErrors === null) {
              vErrors = [err81];
            } else {
              vErrors.push(err81);
            }
            errors++;
          }
        }
        if (data52.action !== void 0) {
          let data53 = data52.action;
          if (!(data53 === "create" || data53 === "update" || data53 === "delete" || data53 === "replace" || data53 === "orphan" || data53 === "none")) {
            const err82 = { instancePath: instancePath + "/change/action", schemaPath: "#/properties/change/properties/action/enum", keyword: "enum", params: { allowedValues: schema22.properties.change.properties.action.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.change.properties.action.enum, parentSchema: schema22.properties.change.properties.action, data: data53 };
            if (vErrors === null) {
              vErrors = [err82];
            } else {
              vErrors.push(err82);
            }
            errors++;
          }
        }
        if (data52.source !== void 0) {
          let data54 = data52.source;
          if (!(data54 === "terraform-plan" || data54 === "terraform-state" || data54 === "terraform-outputs" || data54 === "cdk-assembly" || data54 === "cdk-outputs" || data54 === "cloudformation-template" || data54 === "explicit")) {
            const err83 = { instancePath: instancePath + "/change/source", schemaPath: "#/properties/change/properties/source/enum", keyword: "enum", params: { allowedValues: schema22.properties.change.properties.source.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.change.properties.source.enum, parentSchema: schema22.properties.change.properties.source, data: data54 };
            if (vErrors === null) {
              vErrors = [err83];
            } else {
              vErrors.push(err83);
            }
            errors++;
          }
        }
        if (data52.address !== void 0) {
          let data55 = data52.address;
          if (typeof data55 === "string") {
            if (func2(data55) < 1) {
              const err84 = { instancePath: instancePath + "/change/address", schemaPath: "#/properties/change/properties/address/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.change.properties.address, data: data55 };
              if (vErrors === null) {
                vErrors = [err84];
              } else {
                vErrors.push(err84);
              }
              errors++;
            }
          } else {
            const err85 = { instancePath: instancePath + "/change/address", schemaPath: "#/properties/change/properties/address/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.change.properties.address.type, parentSchema: schema22.properties.change.properties.address, data: data55 };
            if (vErrors === null) {
              vErrors = [err85];
            } else {
              vErrors.push(err85);
            }
            errors++;
          }
        }
        if (data52.deletionWindowDays !== void 0) {
          let data56 = data52.deletionWindowDays;
          if (!(typeof data56 == "number" && (!(data56 % 1) && !isNaN(data56)) && isFinite(data56))) {
            const err86 = { instancePath: instancePath + "/change/deletionWindowDays", schemaPath: "#/properties/change/properties/deletionWindowDays/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema22.properties.change.properties.deletionWindowDays.type, parentSchema: schema22.properties.change.properties.deletionWindowDays, data: data56 };
            if (vErrors === null) {
              vErrors = [err86];
            } else {
              vErrors.push(err86);
            }
            errors++;
          }
          if (typeof data56 == "number" && isFinite(data56)) {
            if (data56 < 0 || isNaN(data56)) {
              const err87 = { instancePath: instancePath + "/change/deletionWindowDays", schemaPath: "#/properties/change/properties/deletionWindowDays/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.change.properties.deletionWindowDays, data: data56 };
              if (vErrors === null) {
                vErrors = [err87];
              } else {
                vErrors.push(err87);
              }
              errors++;
            }
          }
        }
        if (data52.disables !== void 0) {
          let data57 = data52.disables;
          if (typeof data57 !== "boolean") {
            const err88 = { instancePath: instancePath + "/change/disables", schemaPath: "#/properties/change/properties/disables/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema22.properties.change.properties.disables.type, parentSchema: schema22.properties.change.properties.disables, data: data57 };
            if (vErrors === null) {
              vErrors = [err88];
            } else {
              vErrors.push(err88);
            }
            errors++;
          }
        }
        if (data52.failure !== void 0) {
          let data58 = data52.failure;
          if (typeof data58 !== "string") {
            const err89 = { instancePath: instancePath + "/change/failure", schemaPath: "#/properties/change/properties/failure/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.change.properties.failure.type, parentSchema: schema22.properties.change.properties.failure, data: data58 };
            if (vErrors === null) {
              vErrors = [err89];
            } else {
              vErrors.push(err89);
            }
            errors++;
          }
        }
      } else {
        const err90 = { instancePath: instancePath + "/change", schemaPath: "#/properties/change/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.properties.change.type, parentSchema: schema22.properties.change, data: data52 };
        if (vErrors === null) {
          vErrors = [err90];
        } else {
          vErrors.push(err90);
        }
        errors++;
      }
    }
    if (data.consumers !== void 0) {
      let data59 = data.consumers;
      if (!(typeof data59 == "number" && (!(data59 % 1) && !isNaN(data59)) && isFinite(data59))) {
        const err91 = { instancePath: instancePath + "/consumers", schemaPath: "#/properties/consumers/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema22.properties.consumers.type, parentSchema: schema22.properties.consumers, data: data59 };
        if (vErrors === null) {
          vErrors = [err91];
        } else {
          vErrors.push(err91);
        }
        errors++;
      }
      if (typeof data59 == "number" && isFinite(data59)) {
        if (data59 < 0 || isNaN(data59)) {
          const err92 = { instancePath: instancePath + "/consumers", schemaPath: "#/properties/consumers/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.consumers, data: data59 };
          if (vErrors === null) {
            vErrors = [err92];
          } else {
            vErrors.push(err92);
          }
          errors++;
        }
      }
    }
    if (data.references !== void 0) {
      let data60 = data.references;
      if (Array.isArray(data60)) {
        const len3 = data60.length;
        for (let i4 = 0; i4 < len3; i4++) {
          let data61 = data60[i4];
          if (data61 && typeof data61 == "object" && !Array.isArray(data61)) {
            if (data61.kind === void 0) {
              const err93 = { instancePath: instancePath + "/references/" + i4, schemaPath: "#/properties/references/items/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema22.properties.references.items.required, parentSchema: schema22.properties.references.items, data: data61 };
              if (vErrors === null) {
                vErrors = [err93];
              } else {
                vErrors.push(err93);
              }
              errors++;
            }
            for (const key6 in data61) {
              if (!(key6 === "kind" || key6 === "address" || key6 === "source" || key6 === "action")) {
                const err94 = { instancePath: instancePath + "/references/" + i4, schemaPath: "#/properties/references/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22.properties.references.items, data: data61 };
                if (vErrors === null) {
                  vErrors = [err94];
                } else {
                  vErrors.push(err94);
                }
                errors++;
              }
            }
            if (data61.kind !== void 0) {
              let data62 = data61.kind;
              if (!(data62 === "key" || data62 === "alias" || data62 === "consumer" || data62 === "output")) {
                const err95 = { instancePath: instancePath + "/references/" + i4 + "/kind", schemaPath: "#/properties/references/items/properties/kind/enum", keyword: "enum", params: { allowedValues: schema22.properties.references.items.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.references.items.properties.kind.enum, parentSchema: schema22.properties.references.items.properties.kind, data: data62 };
                if (vErrors === null) {
                  vErrors = [err95];
                } else {
                  vErrors.push(err95);
                }
                errors++;
              }
            }
            if (data61.address !== void 0) {
              let data63 = data61.address;
              if (typeof data63 !== "string" && data63 !== null) {
                const err96 = { instancePath: instancePath + "/references/" + i4 + "/address", schemaPath: "#/properties/references/items/properties/address/type", keyword: "type", params: { type: schema22.properties.references.items.properties.address.type }, message: "must be string,null", schema: schema22.properties.references.items.properties.address.type, parentSchema: schema22.properties.references.items.properties.address, data: data63 };
                if (vErrors === null) {
                  vErrors = [err96];
                } else {
                  vErrors.push(err96);
                }
                errors++;
              }
            }
            if (data61.source !== void 0) {
              let data64 = data61.source;
              if (!(data64 === "terraform-plan" || data64 === "terraform-state" || data64 === "terraform-outputs" || data64 === "cdk-assembly" || data64 === "cdk-outputs" || data64 === "cloudformation-template" || data64 === "explicit")) {
                const err97 = { instancePath: instancePath + "/references/" + i4 + "/source", schemaPath: "#/properties/references/items/properties/source/enum", keyword: "enum", params: { allowedValues: schema22.properties.references.items.properties.source.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.references.items.properties.source.enum, parentSchema: schema22.properties.references.items.properties.source, data: data64 };
                if (vErrors === null) {
                  vErrors = [err97];
                } else {
                  vErrors.push(err97);
                }
                errors++;
              }
            }
            if (data61.action !== void 0) {
              let data65 = data61.action;
              if (!(data65 === "create" || data65 === "update" || data65 === "delete" || data65 === "replace" || data65 === "orphan" || data65 === "none" || data65 === null)) {
                const err98 = { instancePath: instancePath + "/references/" + i4 + "/action", schemaPath: "#/properties/references/items/properties/action/enum", keyword: "enum", params: { allowedValues: schema22.properties.references.items.properties.action.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.references.items.properties.action.enum, parentSchema: schema22.properties.references.items.properties.action, data: data65 };
                if (vErrors === null) {
                  vErrors = [err98];
                } else {
                  vErrors.push(err98);
                }
                errors++;
              }
            }
          } else {
            const err99 = { instancePath: instancePath + "/references/" + i4, schemaPath: "#/properties/references/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.properties.references.items.type, parentSchema: schema22.properties.references.items, data: data61 };
            if (vErrors === null) {
              vErrors = [err99];
            } else {
              vErrors.push(err99);
            }
            errors++;
          }
        }
      } else {
        const err100 = { instancePath: instancePath + "/references", schemaPath: "#/properties/references/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema22.properties.references.type, parentSchema: schema22.properties.references, data: data60 };
        if (vErrors === null) {
          vErrors = [err100];
        } else {
          vErrors.push(err100);
        }
        errors++;
      }
    }
  } else {
    const err101 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.type, parentSchema: schema22, data };
    if (vErrors === null) {
      vErrors = [err101];
    } else {
      vErrors.push(err101);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema21.required, parentSchema: schema21, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.keys === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "keys" }, message: "must have required property 'keys'", schema: schema21.required, parentSchema: schema21, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.expect === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expect" }, message: "must have required property 'expect'", schema: schema21.required, parentSchema: schema21, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "now" || key0 === "keys" || key0 === "expect")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema21, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (func2(data0) < 1) {
          const err4 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema21.properties.name, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.properties.name.type, parentSchema: schema21.properties.name, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.now !== void 0) {
      let data1 = data.now;
      if (typeof data1 !== "string") {
        const err6 = { instancePath: instancePath + "/now", schemaPath: "#/properties/now/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.properties.now.type, parentSchema: schema21.properties.now, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.keys !== void 0) {
      let data2 = data.keys;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err7 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema21.properties.keys, data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate25(data2[i0], { instancePath: instancePath + "/keys/" + i0, parentData: data2, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err8 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema21.properties.keys.type, parentSchema: schema21.properties.keys, data: data2 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.expect !== void 0) {
      let data4 = data.expect;
      if (Array.isArray(data4)) {
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          const _errs13 = errors;
          let valid6 = true;
          const _errs14 = errors;
          if (typeof data5 !== "string") {
            const err9 = {};
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
          var _valid0 = _errs14 === errors;
          errors = _errs13;
          if (vErrors !== null) {
            if (_errs13) {
              vErrors.length = _errs13;
            } else {
              vErrors = null;
            }
          }
          let ifClause0;
          if (_valid0) {
            const _errs16 = errors;
            if (typeof data5 === "string") {
              if (!pattern0.test(data5)) {
                const err10 = { instancePath: instancePath + "/expect/" + i1, schemaPath: "#/definitions/expectation/then/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" }, message: 'must match pattern "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"', schema: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", parentSchema: schema24.then, data: data5 };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            } else {
              const err11 = { instancePath: instancePath + "/expect/" + i1, schemaPath: "#/definitions/expectation/then/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.then.type, parentSchema: schema24.then, data: data5 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
            var _valid0 = _errs16 === errors;
            valid6 = _valid0;
            ifClause0 = "then";
          } else {
            const _errs18 = errors;
            if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
              if (Object.keys(data5).length > 1) {
                const err12 = { instancePath: instancePath + "/expect/" + i1, schemaPath: "#/definitions/expectation/else/maxProperties", keyword: "maxProperties", params: { limit: 1 }, message: "must NOT have more than 1 properties", schema: 1, parentSchema: schema24.else, data: data5 };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
              if (Object.keys(data5).length < 1) {
                const err13 = { instancePath: instancePath + "/expect/" + i1, schemaPath: "#/definitions/expectation/else/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema24.else, data: data5 };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
              for (const key1 in data5) {
                const _errs20 = errors;
                if (typeof key1 === "string") {
                  if (!pattern0.test(key1)) {
                    const err14 = { instancePath: instancePath + "/expect/" + i1, schemaPath: "#/definitions/expectation/else/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" }, message: 'must match pattern "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"', schema: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", parentSchema: schema24.else.propertyNames, data: key1, propertyName: key1 };
                    if (vErrors === null) {
                      vErrors = [err14];
                    } else {
                      vErrors.push(err14);
                    }
                    errors++;
                  }
                }
                var valid7 = _errs20 === errors;
                if (!valid7) {
                  const err15 = { instancePath: instancePath + "/expect/" + i1, schemaPath: "#/definitions/expectation/else/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema24.else.propertyNames, parentSchema: schema24.else, data: data5 };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              }
              for (const key2 in data5) {
                let data6 = data5[key2];
                if (!(data6 === "error" || data6 === "warning" || data6 === "notice")) {
                  const err16 = { instancePath: instancePath + "/expect/" + i1 + "/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/expectation/else/additionalProperties/enum", keyword: "enum", params: { allowedValues: schema24.else.additionalProperties.enum }, message: "must be equal to one of the allowed values", schema: schema24.else.additionalProperties.enum, parentSchema: schema24.else.additionalProperties, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err16];
                  } else {
                    vErrors.push(err16);
                  }
                  errors++;
                }
              }
            } else {
              const err17 = { instancePath: instancePath + "/expect/" + i1, schemaPath: "#/definitions/expectation/else/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema24.else.type, parentSchema: schema24.else, data: data5 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
            var _valid0 = _errs18 === errors;
            valid6 = _valid0;
            ifClause0 = "else";
          }
          if (!valid6) {
            const err18 = { instancePath: instancePath + "/expect/" + i1, schemaPath: "#/definitions/expectation/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: 'must match "' + ifClause0 + '" schema', schema: schema24.if, parentSchema: schema24, data: data5 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/expect", schemaPath: "#/properties/expect/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema21.properties.expect.type, parentSchema: schema21.properties.expect, data: data4 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
  } else {
    const err20 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema21.type, parentSchema: schema21, data };
    if (vErrors === null) {
      vErrors = [err20];
    } else {
      vErrors.push(err20);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.cases === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "cases" }, message: "must have required property 'cases'", schema: schema20.required, parentSchema: schema20, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "extends" || key0 === "now" || key0 === "cases")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema20, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.extends !== void 0) {
      let data0 = data.extends;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err2 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema20.properties.extends, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 === "string") {
            if (func2(data1) < 1) {
              const err3 = { instancePath: instancePath + "/extends/" + i0, schemaPath: "#/properties/extends/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20.properties.extends.items, data: data1 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/extends/" + i0, schemaPath: "#/properties/extends/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.extends.items.type, parentSchema: schema20.properties.extends.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema20.properties.extends.type, parentSchema: schema20.properties.extends, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.now !== void 0) {
      let data2 = data.now;
      if (typeof data2 !== "string") {
        const err6 = { instancePath: instancePath + "/now", schemaPath: "#/properties/now/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.now.type, parentSchema: schema20.properties.now, data: data2 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.cases !== void 0) {
      let data3 = data.cases;
      if (Array.isArray(data3)) {
        if (data3.length < 1) {
          const err7 = { instancePath: instancePath + "/cases", schemaPath: "#/properties/cases/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema20.properties.cases, data: data3 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        const len1 = data3.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate24(data3[i1], { instancePath: instancePath + "/cases/" + i1, parentData: data3, parentDataProperty: i1, rootData })) {
            vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err8 = { instancePath: instancePath + "/cases", schemaPath: "#/properties/cases/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema20.properties.cases.type, parentSchema: schema20.properties.cases, data: data3 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema20.type, parentSchema: schema20, data };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}

// src/rules/yaml-source.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_ALIAS_COUNT = 100;
function preParsed(text2, data) {
  let nodes = null;
  return {
    text: text2,
    data,
    nodes: () => {
      nodes ??= parseNodes(text2);
      return nodes;
    }
  };
}
function parseNodes(text2) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text2, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { doc, lineCounter };
}
function placeOf2(lineCounter, offset) {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
function parseYaml(text2) {
  const nodes = parseNodes(text2);
  const { doc, lineCounter } = nodes;
  const [error] = doc.errors;
  if (error !== void 0) {
    const place = placeOf2(lineCounter, Math.max(0, error.pos[0]));
    if (error.code === "RESOURCE_EXHAUSTION") {
      return {
        ok: false,
        problems: [{ ...place, message: "YAML nests too deeply to be a rules file" }]
      };
    }
    return {
      ok: false,
      problems: [{ ...place, message: `YAML syntax error: ${syntaxMessage(error)}` }]
    };
  }
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, parsed: { text: text2, data, nodes: () => nodes } };
  } catch (error2) {
    const place = firstAlias(doc, lineCounter) ?? { line: 1, column: 1 };
    const message = error2 instanceof ReferenceError ? `YAML aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT}); refusing what looks like an alias bomb` : `YAML cannot be read: ${errorMessage(error2)}`;
    return { ok: false, problems: [{ ...place, message }] };
  }
}
function syntaxMessage(error) {
  if (error.code === "MULTIPLE_DOCS") {
    return "a rules file is one YAML document; this `---` starts a second";
  }
  if (error.code === "TAB_AS_INDENT") return `${error.message}; indent with spaces`;
  return error.message;
}
function firstAlias(doc, lineCounter) {
  let offset = null;
  (0, import_yaml.visit)(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? null;
      return import_yaml.visit.BREAK;
    }
  });
  return offset === null ? null : placeOf2(lineCounter, offset);
}
function resolve2(nodes, node) {
  return (0, import_yaml.isAlias)(node) ? node.resolve(nodes.doc) : node;
}
function keyText(key) {
  return (0, import_yaml.isScalar)(key) ? String(key.value) : null;
}
function nodeAt(nodes, path, target) {
  let node = resolve2(nodes, nodes.doc.contents);
  let found = node ?? null;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((item) => (0, import_yaml.isPair)(item) && keyText(item.key) === String(segment));
      if (!pair) return found;
      if (last && target === "key" && (0, import_yaml.isScalar)(pair.key)) return pair.key;
      node = resolve2(nodes, pair.value ?? pair.key);
    } else if ((0, import_yaml.isSeq)(node)) {
      node = resolve2(nodes, node.items[Number(segment)]);
    } else {
      return found;
    }
    if (node === null || node === void 0) return found;
    found = node;
  }
  return found;
}
function locate(parsed, path, target = "value") {
  const nodes = parsed.nodes();
  const offset = nodeAt(nodes, path, target)?.range?.[0];
  return offset === void 0 ? { line: 1, column: 1 } : placeOf2(nodes.lineCounter, offset);
}
function textOrigin(parsed, path) {
  const node = nodeAt(parsed.nodes(), path, "value");
  const start = locate(parsed, path);
  if (!(0, import_yaml.isScalar)(node) || typeof node.value !== "string" || !node.range)
    return { ...start, verbatim: false };
  const [from, to] = node.range;
  const quoted = node.type === import_yaml.Scalar.QUOTE_DOUBLE || node.type === import_yaml.Scalar.QUOTE_SINGLE;
  const source = quoted ? parsed.text.slice(from + 1, to - 1) : parsed.text.slice(from, to);
  const plainOrQuoted = node.type === import_yaml.Scalar.PLAIN || quoted;
  const verbatim = plainOrQuoted && source === node.value && !source.includes("\n");
  return { line: start.line, column: start.column + (quoted ? 1 : 0), verbatim };
}

// src/rules/validate.ts
var MAX_RULES_FILE_BYTES = 1024 * 1024;
function parseRulesText(text2, file, what, problems) {
  const bytes = Buffer.byteLength(text2, "utf8");
  if (bytes > MAX_RULES_FILE_BYTES) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: `${what} is ${bytes} bytes; the limit is ${MAX_RULES_FILE_BYTES} (1 MB)`
    });
    return null;
  }
  const result = parseYaml(text2);
  if (!result.ok) {
    problems.push(...result.problems.map((problem) => ({ file, ...problem })));
    return null;
  }
  return result.parsed;
}
function validateRules2(data) {
  return errorsOf(validateRules, data);
}
function validateRuleTests2(data) {
  return errorsOf(validateRuleTests, data);
}
function errorsOf(validator, data) {
  return validator(data) ? [] : validator.errors ?? [];
}

// src/rules/compile.ts
var MAX_DATA_DEPTH = 100;
var RULE_ID_RE = new RegExp(RULE_ID_PATTERN);
function report(scope, path, message, target = "value") {
  scope.problems.push({ file: scope.file, ...locate(scope.parsed, path, target), message });
}
function hasSchemaError(scope, path) {
  const pointer = pathToPointer(path);
  return scope.schemaErrors.some((error) => error === pointer || error.startsWith(`${pointer}/`));
}
function tooDeep(data, limit) {
  const stack = [{ value: data, path: [] }];
  for (let item = stack.pop(); item !== void 0; item = stack.pop()) {
    if (item.path.length > limit) return item.path;
    const { value, path } = item;
    const children = Array.isArray(value) ? value.map((child, i) => [i, child]) : isJsonObject(value) ? Object.entries(value) : [];
    for (const [key, child] of children) stack.push({ value: child, path: [...path, key] });
  }
  return null;
}
function compileDefinition(raw, path, scope) {
  if (!isJsonObject(raw)) return null;
  const when = compileCondition(raw.when, [...path, "when"], {
    report: (at, message) => report(scope, at, message),
    hasSchemaError: (at) => hasSchemaError(scope, at)
  });
  const template = compileMessage(raw.message, [...path, "message"], scope);
  const { severity, description, help } = raw;
  if (when === null || template === null || !SEVERITIES.includes(severity) || typeof description !== "string" || help !== void 0 && typeof help !== "string") {
    return null;
  }
  return {
    severity,
    description,
    help: help ?? null,
    test: when.test,
    decide: when.decide,
    render: template.render,
    factPaths: [...when.facts].sort()
  };
}
function compileMessage(raw, path, scope) {
  if (typeof raw !== "string" || hasSchemaError(scope, path)) return null;
  try {
    return compileTemplate(raw, scope.file, 1, 1);
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
  }
  const origin = textOrigin(scope.parsed, path);
  try {
    compileTemplate(raw, scope.file, origin.line, origin.column, origin.verbatim);
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
    scope.problems.push(...error.problems);
  }
  return null;
}
function readSetting(raw, path, scope) {
  if (raw === "off") return { kind: "off" };
  if (SEVERITIES.includes(raw)) return { kind: "level", severity: raw };
  if (isJsonObject(raw)) return { kind: "define", rule: compileDefinition(raw, path, scope) };
  return null;
}
function readIgnore(raw, path, scope) {
  if (!isJsonObject(raw) || hasSchemaError(scope, path)) return null;
  const { rule, key, reason, expires } = raw;
  if (typeof rule !== "string" || typeof key !== "string" || typeof reason !== "string")
    return null;
  if (typeof expires === "string" && parseIsoValue(expires) === null) {
    report(scope, [...path, "expires"], `\`expires\` is not a real date: ${expires}`);
    return null;
  }
  const { line } = locate(scope.parsed, path);
  return {
    ignore: {
      rule,
      key,
      reason,
      expires: typeof expires === "string" ? expires : null,
      file: scope.file,
      line
    },
    rule: { rule, file: scope.file, ...locate(scope.parsed, [...path, "rule"]) }
  };
}
function readContent(scope) {
  const data = scope.parsed.data;
  const content = { extends: [], settings: [], ignores: [], ignoredRules: [] };
  if (!isJsonObject(data)) return content;
  if (Array.isArray(data.extends)) {
    data.extends.forEach((name, i) => {
      if (typeof name === "string") content.extends.push({ name, path: ["extends", i] });
    });
  }
  if (isJsonObject(data.rules)) {
    for (const [id, raw] of Object.entries(data.rules)) {
      if (!RULE_ID_RE.test(id)) continue;
      const path = ["rules", id];
      const setting = readSetting(raw, path, scope);
      if (setting !== null) content.settings.push({ id, setting, path });
    }
  }
  if (Array.isArray(data.ignore)) {
    data.ignore.forEach((raw, i) => {
      const read = readIgnore(raw, ["ignore", i], scope);
      if (read === null) return;
      content.ignores.push(read.ignore);
      content.ignoredRules.push(read.rule);
    });
  }
  return content;
}
function saysNothing(data) {
  return data === null || data === void 0 || isJsonObject(data) && Object.keys(data).length === 0;
}
function checkFile(input, problems) {
  const parsed = input.data === void 0 ? parseRulesText(input.text, input.file, "rules file", problems) : preParsed(input.text, input.data);
  if (parsed === null) return null;
  if (saysNothing(parsed.data)) {
    problems.push({
      file: input.file,
      line: 1,
      column: 1,
      message: "rules file is empty: no rule would run and every change would pass; write the rules to evaluate, for the built-in ones `extends: [recommended]`"
    });
    return null;
  }
  const scope = { file: input.file, parsed, schemaErrors: [], problems };
  const deep = tooDeep(parsed.data, MAX_DATA_DEPTH);
  if (deep !== null) {
    report(scope, deep, `rules file nests deeper than ${MAX_DATA_DEPTH} levels`);
    return null;
  }
  const errors = validateRules2(parsed.data);
  scope.schemaErrors = errors.map((error) => error.instancePath);
  for (const error of errors) {
    const problem = describeSchemaError(error, parsed.data);
    if (problem !== null) report(scope, problem.path, problem.message, problem.target);
  }
  return { scope, content: readContent(scope) };
}

// src/rules/merge.ts
function placeText(scope, path) {
  const { line, column } = locate(scope.parsed, path);
  return `${scope.file}:${line}:${column}`;
}
function applyExtends(name, path, scope, chain, state) {
  if (isFileExtends(name)) {
    applyExtendedFile(name, path, scope, chain, state);
    return;
  }
  if (!Object.hasOwn(state.packs, name)) {
    const packs = Object.keys(state.packs);
    const hint = name.includes("/") ? `; to extend a rules file, start its path with ./ (like ./${name})` : didYouMean(name, packs) || `; built-in packs: ${packs.join(", ")}`;
    report(scope, path, `unknown rule pack \`${name}\`${hint}`);
    return;
  }
  if (chain.some((link2) => link2.kind === "pack" && link2.id === name)) {
    const packs = chain.filter((link2) => link2.kind === "pack").map((link2) => link2.id);
    report(scope, path, `rule pack \`${name}\` extends itself (${[...packs, name].join(" \u2192 ")})`);
    return;
  }
  if (state.appliedPacks.has(name)) return;
  state.appliedPacks.add(name);
  const link = {
    kind: "pack",
    id: name,
    label: name,
    via: { at: placeText(scope, path), from: scope.file }
  };
  for (const file of state.packs[name] ?? []) applyFile(file, name, [...chain, link], state);
}
function applyExtendedFile(name, path, scope, chain, state) {
  const refused = extendsPathProblem(name);
  if (refused !== null) {
    report(scope, path, refused);
    return;
  }
  const file = resolveExtendsPath(scope.file, name);
  const id = fileIdentity(file);
  const link = {
    kind: "file",
    id,
    label: file,
    via: { at: placeText(scope, path), from: scope.file }
  };
  const start = chain.findIndex((other) => other.kind === "file" && other.id === id);
  if (start !== -1) {
    const steps = [...chain.slice(start + 1), link].map(
      (step) => `${step.via?.from} extends ${step.label} (${step.via?.at})`
    );
    report(scope, path, `extends cycle: ${steps.join(", ")}; remove one of these entries`);
    return;
  }
  const read = state.extended.get(id) ?? { error: "no such file" };
  if ("error" in read) {
    report(scope, path, `cannot extend \`${name}\`: ${file}: ${read.error}`);
    return;
  }
  if (state.appliedFiles.has(id)) return;
  state.appliedFiles.add(id);
  applyFile({ file, text: read.text }, file, [...chain, link], state);
}
function applySetting(id, setting, path, source, scope, state) {
  if (setting.kind === "define") {
    state.declared.add(id);
    const rule = setting.rule;
    if (rule !== null)
      state.entries.set(id, { rule, severity: rule.severity, enabled: true, source });
    return;
  }
  if (!state.declared.has(id)) {
    report(scope, path, `rule \`${id}\` is not defined${didYouMean(id, state.declared)}`, "key");
    return;
  }
  const entry = state.entries.get(id);
  if (entry === void 0) return;
  if (setting.kind === "off") {
    entry.enabled = false;
  } else {
    entry.severity = setting.severity;
    entry.enabled = true;
  }
}
function applyFile(input, source, chain, state) {
  let checked;
  try {
    checked = checkFile(input, state.problems);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    state.problems.push({
      file: input.file,
      line: 1,
      column: 1,
      message: `rules file cannot be processed: ${error.message}`
    });
    return;
  }
  if (checked === null) return;
  const { scope, content } = checked;
  for (const { name, path } of content.extends) applyExtends(name, path, scope, chain, state);
  for (const { id, setting, path } of content.settings)
    applySetting(id, setting, path, source, scope, state);
  state.ignores.push(...content.ignores);
  state.ignoredRules.push(...content.ignoredRules);
}
function checkIgnoredRules(state) {
  for (const { rule, file, line, column } of state.ignoredRules) {
    if (rule === "*" || state.declared.has(rule)) continue;
    state.problems.push({
      file,
      line,
      column,
      message: `ignore names rule \`${rule}\`, which is not defined${didYouMean(rule, state.declared)}`
    });
  }
}
function mergeRules(files, packs, extended) {
  const state = {
    packs,
    extended,
    problems: [],
    entries: /* @__PURE__ */ new Map(),
    declared: /* @__PURE__ */ new Set(),
    appliedPacks: /* @__PURE__ */ new Set(),
    appliedFiles: /* @__PURE__ */ new Set(),
    ignores: [],
    ignoredRules: []
  };
  for (const input of files) {
    const id = fileIdentity(input.file);
    if (state.appliedFiles.has(id)) continue;
    state.appliedFiles.add(id);
    applyFile(input, input.file, [{ kind: "file", id, label: input.file, via: null }], state);
  }
  checkIgnoredRules(state);
  return { problems: state.problems, entries: state.entries, ignores: state.ignores };
}

// src/rules/load.ts
function orderProblems(problems) {
  const fileOrder = /* @__PURE__ */ new Map();
  for (const problem of problems)
    if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
  const seen = /* @__PURE__ */ new Set();
  const unique = problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.column, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line || a.column - b.column
  );
}
function loadRules(files, packs, extended = NO_EXTENDED_FILES) {
  const merged = mergeRules(files, packs, extended);
  if (merged.problems.length > 0) throw new RulesError(orderProblems(merged.problems));
  const rules = [];
  for (const [id, entry] of merged.entries) {
    if (entry.enabled)
      rules.push({ ...entry.rule, id, severity: entry.severity, source: entry.source });
  }
  rules.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { rules, ignores: merged.ignores };
}

// src/rules/read.ts
var DEFAULT_RULES = {
  file: "(default)",
  text: "extends: [recommended]\n",
  data: { extends: ["recommended"] }
};
var MAX_EXTENDED_FILES = 50;
function fileEntries(text2) {
  if (Buffer.byteLength(text2, "utf8") > MAX_RULES_FILE_BYTES) return [];
  const parsed = parseYaml(text2);
  if (!parsed.ok) return [];
  const data = parsed.parsed.data;
  const entries = data !== null && typeof data === "object" ? data.extends : void 0;
  if (!Array.isArray(entries)) return [];
  return entries.filter(
    (name) => typeof name === "string" && isFileExtends(name) && extendsPathProblem(name) === null
  );
}
async function readExtendedFiles(inputs, read, boundary = null) {
  const files = new Map(
    inputs.map((input) => [fileIdentity(input.file), { text: input.text }])
  );
  const seen = new Set(files.keys());
  let extended = 0;
  let queue = inputs.map((input) => ({ from: input.file, text: input.text }));
  while (queue.length > 0) {
    const next = [];
    for (const { from, text: text2 } of queue) {
      for (const name of fileEntries(text2)) {
        const path = resolveExtendsPath(from, name);
        const id = fileIdentity(path);
        if (seen.has(id)) continue;
        seen.add(id);
        if (boundary !== null && !isWithin(path, boundary)) {
          files.set(id, { error: outsideMessage(boundary) });
          continue;
        }
        if (extended >= MAX_EXTENDED_FILES) {
          files.set(id, {
            error: `not read: the configuration already extends ${MAX_EXTENDED_FILES} files, the limit`
          });
          continue;
        }
        extended++;
        try {
          const content = await read(path);
          files.set(id, { text: content });
          next.push({ from: path, text: content });
        } catch (cause) {
          files.set(id, { error: describeReadError(cause) });
        }
      }
    }
    queue = next;
  }
  return files;
}
async function loadRulesFromFiles(entry, read, packs, boundary = null) {
  if (entry === null) return loadRules([DEFAULT_RULES], packs);
  let text2;
  try {
    text2 = await read(entry);
  } catch (cause) {
    throw new InputError(`cannot read rules file: ${describeReadError(cause)}`, entry, null, {
      cause
    });
  }
  const input = { file: entry, text: text2 };
  return loadRules([input], packs, await readExtendedFiles([input], read, boundary));
}

// src/rules/suppress.ts
function applyInlineSuppressions(findings, subjects) {
  const bySubject = new Map(subjects.map((s) => [s.id, s]));
  const split = { findings: [], suppressed: [] };
  for (const finding of findings) {
    const refs = bySubject.get(finding.subjectId)?.references ?? [];
    const match = refs.filter((r) => r.kind === "key").flatMap((r) => r.suppressions).find((s) => s.ruleId === finding.ruleId || s.ruleId === "*");
    if (match)
      split.suppressed.push({ ...finding, suppression: { by: "inline", reason: match.reason } });
    else split.findings.push(finding);
  }
  return split;
}

// src/rules/test-files.ts
import { join as join3 } from "node:path";
var RULE_TEST_FILE = /\.test\.ya?ml$/;
var MAX_DIR_DEPTH = 32;
async function findRuleTestFiles(paths, list) {
  const found = /* @__PURE__ */ new Set();
  for (const path of paths) {
    if (RULE_TEST_FILE.test(path)) {
      found.add(path);
      continue;
    }
    const before = found.size;
    try {
      await walk(path, 0);
    } catch (cause) {
      const code = cause.code;
      const reason = code === "ENOTDIR" ? "not a directory, and not a rule test file (*.test.yml)" : code === "ENOENT" ? "no such file or directory" : describeReadError(cause);
      throw new InputError(`cannot look for rule tests: ${reason}`, path, null, { cause });
    }
    if (found.size === before)
      throw new InputError("no rule test files (*.test.yml, *.test.yaml) found here", path);
  }
  return [...found].sort(compareText);
  async function walk(dir, depth) {
    if (depth > MAX_DIR_DEPTH) return;
    for (const entry of await list(dir)) {
      const child = join3(dir, entry.name);
      if (entry.directory) {
        if (entry.name !== "node_modules" && !entry.name.startsWith("."))
          await walk(child, depth + 1);
      } else if (RULE_TEST_FILE.test(entry.name)) {
        found.add(child);
      }
    }
  }
}

// src/rules/test-subject.ts
var DEFAULT_REGION = "us-east-1";
var DEFAULT_ACCOUNT = "111122223333";
var KEY_ARN_RE = /^arn:[^:]+:kms:([^:]*):([^:]*):key\/([^/:]+)$/;
function record(value) {
  return isJsonObject(value) ? value : null;
}
function text(value) {
  return typeof value === "string" ? value : null;
}
function whole(value) {
  return typeof value === "number" ? value : null;
}
function defaultKeyId(n) {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}
function defaultEventId(n) {
  return `00000000-0000-4000-a000-${String(n).padStart(12, "0")}`;
}
var FAILED_USE_FIELDS = [
  "lastFailedUseAt",
  "daysSinceLastFailedUse",
  "lastFailedUseBy",
  "lastFailedUseOperation",
  "lastFailedUseEventId",
  "callers"
];
function readTrail(data, reading) {
  const { now, problem } = reading;
  const status = text(data.status);
  const reason = text(data.reason);
  if (status === "unavailable") {
    for (const field of Object.keys(data))
      if (field !== "status" && field !== "reason")
        problem(field, "an `unavailable` trail holds no evidence: give only its `reason`");
    return { ...emptyTrail(status, reason), since: null, until: null };
  }
  if (status === "complete" && reason !== null)
    problem(
      "reason",
      "a `complete` trail has no reason; only `truncated` and `unavailable` ones do"
    );
  const since = new Date(now.getTime() - (whole(data.windowDays) ?? 90) * DAY_MS);
  const within = (field, days) => {
    const at = reading.instant(field, days);
    const ms = at === null ? null : Date.parse(at);
    const shown = data[days] === void 0 ? field : days;
    if (ms !== null && ms > now.getTime())
      problem(shown, `\`${shown}\` is after the case's clock (${now.toISOString()})`);
    else if (ms !== null && ms < since.getTime())
      problem(
        shown,
        `\`${shown}\` is before the lookup's window, which starts ${since.toISOString()} (\`windowDays\`)`
      );
    return at;
  };
  const failedUses = whole(data.failedUses) ?? 0;
  const lastAt = within("lastFailedUseAt", "daysSinceLastFailedUse");
  const callers = Array.isArray(data.callers) ? data.callers.filter((caller) => typeof caller === "string") : null;
  const by = text(data.lastFailedUseBy) ?? callers?.[0] ?? `arn:aws:iam::${reading.account}:role/app`;
  if (failedUses === 0) {
    for (const field of FAILED_USE_FIELDS)
      if (data[field] !== void 0)
        problem(field, "there is no latest failed use when `failedUses` is 0 (or not given)");
  } else {
    if (callers !== null && callers.length > failedUses)
      problem(
        "callers",
        `${plural(callers.length, "caller")} cannot have made ${plural(failedUses, "failed call")}`
      );
    if (callers !== null && !callers.includes(by))
      problem("lastFailedUseBy", "the latest caller must be one of `callers`");
  }
  const disabledAt = within("disabledAt", "daysDisabled");
  return {
    ...emptyTrail(status, reason),
    since: since.toISOString(),
    until: now.toISOString(),
    events: failedUses + (disabledAt === null ? 0 : 1),
    failedUses,
    lastFailedUse: failedUses === 0 ? null : {
      at: lastAt ?? now.toISOString(),
      by,
      operation: text(data.lastFailedUseOperation) ?? "Decrypt",
      eventId: text(data.lastFailedUseEventId) ?? reading.eventId
    },
    callers: failedUses === 0 ? [] : [...callers ?? [by]].sort(compareText),
    disabledAt
  };
}
function subjectFromDescription(description, index, now, path) {
  const problems = [];
  const problem = (at, message) => problems.push({ path: [...path, ...at], message });
  const instant = (data, at, iso, days) => {
    const written = text(data[iso]);
    const before = whole(data[days]);
    if (written !== null && before !== null) {
      problem([...at, days], `give \`${iso}\` or \`${days}\`, not both`);
      return null;
    }
    if (before !== null) return new Date(now.getTime() - before * DAY_MS).toISOString();
    if (written === null) return null;
    const ms = parseIsoValue(written);
    if (ms === null) {
      problem(
        [...at, iso],
        `\`${iso}\` needs an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z); got ${showValue(written)}`
      );
      return null;
    }
    return new Date(ms).toISOString();
  };
  const date = (data, at, field) => {
    const written = text(data[field]);
    if (written === null) return null;
    const ms = parseIsoValue(written);
    if (ms === null) {
      problem(
        [...at, field],
        `\`${field}\` needs an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z); got ${showValue(written)}`
      );
      return null;
    }
    return new Date(ms).toISOString();
  };
  const address = text(description.address) ?? `aws_kms_key.key${index + 1}`;
  const planned = description.arn === null;
  const arn = planned ? null : text(description.arn) ?? `arn:aws:kms:${text(description.region) ?? DEFAULT_REGION}:${text(description.account) ?? DEFAULT_ACCOUNT}:key/${defaultKeyId(index + 1)}`;
  const parsedArn = arn === null ? null : KEY_ARN_RE.exec(arn);
  const region = text(description.region) ?? parsedArn?.[1] ?? (planned ? null : DEFAULT_REGION);
  const account = text(description.account) ?? parsedArn?.[2] ?? (planned ? null : DEFAULT_ACCOUNT);
  const aliases = Array.isArray(description.aliases) ? description.aliases.filter((alias) => typeof alias === "string") : [];
  if (planned) {
    for (const field of ["key", "usage", "trail"])
      if (description[field] !== void 0)
        problem([field], `a key not created yet (\`arn: null\`) has no \`${field}\` facts`);
  }
  let key = null;
  const keyData = record(description.key);
  if (keyData !== null && arn !== null) {
    const state = text(keyData.state) ?? "Enabled";
    const multiRegionRole = text(keyData.multiRegionRole);
    key = {
      arn,
      id: parsedArn?.[3] ?? defaultKeyId(index + 1),
      region,
      account,
      aliases,
      state,
      enabled: typeof keyData.enabled === "boolean" ? keyData.enabled : state === "Enabled",
      manager: text(keyData.manager) ?? "CUSTOMER",
      spec: text(keyData.spec) ?? "SYMMETRIC_DEFAULT",
      keyUsage: text(keyData.keyUsage) ?? "ENCRYPT_DECRYPT",
      origin: text(keyData.origin) ?? "AWS_KMS",
      createdAt: instant(keyData, ["key"], "createdAt", "ageDays"),
      deletionDate: date(keyData, ["key"], "deletionDate"),
      pendingWindowDays: whole(keyData.pendingWindowDays),
      multiRegion: typeof keyData.multiRegion === "boolean" ? keyData.multiRegion : multiRegionRole !== null,
      multiRegionRole
    };
  }
  let usage = null;
  const usageData = record(description.usage);
  if (usageData !== null && !planned) {
    const status = text(usageData.status);
    const lastUsedAt = instant(usageData, ["usage"], "lastUsedAt", "daysSinceLastUse");
    if (lastUsedAt !== null && status !== "used")
      problem(["usage", "status"], `only \`used\` usage has a last use; status is \`${status}\``);
    const used = status === "used";
    const members = Array.isArray(usageData.members) ? usageData.members : [];
    usage = {
      status,
      lastUsedAt,
      operation: text(usageData.operation) ?? (used ? "Decrypt" : null),
      region: text(usageData.region) ?? (used ? region : null),
      cloudTrailEventId: text(usageData.cloudTrailEventId),
      kmsRequestId: text(usageData.kmsRequestId),
      trackingStartDate: date(usageData, ["usage"], "trackingStartDate"),
      evidenceSince: whole(usageData.daysTracked) === null ? null : new Date(now.getTime() - (whole(usageData.daysTracked) ?? 0) * DAY_MS).toISOString(),
      reason: text(usageData.reason),
      members: members.map((raw, i) => {
        const member = record(raw) ?? {};
        const at = ["usage", "members", i];
        return {
          arn: text(member.arn) ?? arn ?? "",
          region: text(member.region),
          status: text(member.status),
          lastUsedAt: instant(member, at, "lastUsedAt", "daysSinceLastUse"),
          operation: null,
          cloudTrailEventId: null,
          kmsRequestId: null,
          trackingStartDate: null,
          keyCreationDate: null,
          reason: text(member.reason)
        };
      })
    };
  }
  const trailData = record(description.trail);
  const trail = trailData === null || planned ? null : readTrail(trailData, {
    now,
    account: account ?? DEFAULT_ACCOUNT,
    eventId: defaultEventId(index + 1),
    instant: (field, days) => instant(trailData, ["trail"], field, days),
    problem: (field, message) => problem(["trail", field], message)
  });
  let change = null;
  const changeData = record(description.change);
  if (changeData !== null) {
    change = {
      action: text(changeData.action),
      source: text(changeData.source) ?? "terraform-plan",
      address: text(changeData.address) ?? address,
      deletionWindowDays: whole(changeData.deletionWindowDays),
      disables: changeData.disables === true,
      failure: text(changeData.failure)
    };
  }
  const reference = (overrides) => ({
    source: change?.source ?? "terraform-plan",
    kind: "consumer",
    file: "(test)",
    address: null,
    resourceType: null,
    attribute: null,
    target: arn === null ? { kind: "planned", address } : { kind: "arn", arn },
    action: null,
    change: null,
    location: null,
    suppressions: [],
    ...overrides
  });
  const references = [
    reference({
      kind: "key",
      address,
      resourceType: "aws_kms_key",
      attribute: "arn",
      action: change?.action ?? null,
      change
    })
  ];
  for (let n = 1; n <= (whole(description.consumers) ?? 0); n++)
    references.push(reference({ address: `aws_s3_bucket.consumer${n}`, attribute: "kms_key_id" }));
  if (Array.isArray(description.references)) {
    for (const raw of description.references) {
      const ref = record(raw) ?? {};
      references.push(
        reference({
          kind: text(ref.kind),
          address: ref.address === null ? null : text(ref.address) ?? null,
          ...ref.source === void 0 ? {} : { source: text(ref.source) },
          action: text(ref.action) ?? null
        })
      );
    }
  }
  return {
    subject: {
      id: arn ?? `planned:${address}`,
      arn,
      region,
      account,
      aliases,
      references,
      change,
      key,
      usage,
      trail
    },
    problems
  };
}

// src/rules/test-runner.ts
var DEFAULT_EXTENDS = ["recommended"];
function describeTestSchemaError(error, data) {
  const path = pointerToPath(error.instancePath);
  if (path.length === 4 && path[2] === "expect" && ["type", "pattern"].includes(error.keyword)) {
    return {
      path,
      target: "value",
      message: `an expectation is a kebab-case rule id or \`rule-id: severity\`; got ${showValue(valueAt(data, path))}`
    };
  }
  return describeSchemaError(error, data);
}
function record2(value) {
  return isJsonObject(value) ? value : {};
}
function expectationOf(raw) {
  if (typeof raw === "string") return { rule: raw, severity: null };
  const [entry] = Object.entries(record2(raw));
  return { rule: entry?.[0] ?? "", severity: entry?.[1] ?? null };
}
function showExpectation({ rule, severity }) {
  return severity === null ? rule : `${rule}: ${severity}`;
}
function keyOf(finding) {
  return finding.address ?? finding.keyArn ?? finding.subjectId;
}
function compare(expected, findings) {
  const left = [...findings];
  const missing = [];
  const ordered = [
    ...expected.filter((e) => e.severity !== null),
    ...expected.filter((e) => e.severity === null)
  ];
  for (const expectation of ordered) {
    const index = left.findIndex(
      (finding) => finding.ruleId === expectation.rule && (expectation.severity === null || finding.severity === expectation.severity)
    );
    if (index === -1) missing.push(expectation);
    else left.splice(index, 1);
  }
  return { missing, unexpected: left };
}
function diffText(missing, unexpected, ruleSet) {
  const ids = ruleSet.rules.map((rule) => rule.id);
  const rows = [
    ...missing.map((e) => {
      const known = ids.includes(e.rule) ? "" : ` (no rule under test has this id${didYouMean(e.rule, ids)})`;
      return [`- ${showExpectation(e)}`, `expected, did not fire${known}`];
    }),
    ...unexpected.map((f) => [
      `+ ${f.ruleId}: ${f.severity}`,
      `fired for ${keyOf(f)}, not expected`
    ])
  ];
  const shown = rows.map(([left, right]) => [escapeLogText(left), escapeLogText(right)]);
  const width = Math.max(...shown.map(([left]) => left.length));
  return shown.map(([left, right]) => `    ${left.padEnd(width)}  ${right}`).join("\n");
}
var FileProblems = class {
  constructor(file, parsed) {
    this.file = file;
    this.parsed = parsed;
  }
  file;
  parsed;
  list = [];
  at(path, message, target = "value") {
    const place = this.parsed === null ? { line: 1, column: 1 } : locate(this.parsed, path, target);
    this.list.push({ file: this.file, ...place, message });
  }
};
async function rulesUnderTest(file, parsed, names, read, packs, problems, boundary) {
  const input = {
    file,
    text: `extends:
${names.map((name) => `  - ${JSON.stringify(name)}
`).join("")}`
  };
  try {
    return loadRules([input], packs, await readExtendedFiles([input], read, boundary));
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
    for (const problem of error.problems) {
      if (problem.file !== file) problems.list.push(problem);
      else {
        const written = Object.hasOwn(record2(parsed.data), "extends");
        problems.at(written ? ["extends", Math.max(0, problem.line - 2)] : [], problem.message);
      }
    }
    return null;
  }
}
function clockOf(raw, path, fallback, problems) {
  if (typeof raw !== "string") return fallback;
  const ms = parseIsoValue(raw);
  if (ms !== null) return new Date(ms);
  problems.at(
    path,
    `\`now\` needs an ISO 8601 date (2026-01-31) or a date-time with a zone (2026-01-31T12:00:00Z); got ${showValue(raw)}`
  );
  return fallback;
}
function runCase(raw, i, file, parsed, ruleSet, fileNow, problems) {
  const testCase = record2(raw);
  const path = ["cases", i];
  const caseNow = clockOf(testCase.now, [...path, "now"], fileNow, problems);
  const keys = Array.isArray(testCase.keys) ? testCase.keys : [];
  const subjects = keys.map((key, k) => {
    const read = subjectFromDescription(record2(key), k, caseNow, [...path, "keys", k]);
    for (const problem of read.problems) problems.at(problem.path, problem.message);
    return read.subject;
  });
  const ids = new Set(subjects.map((subject) => subject.id));
  if (ids.size < subjects.length)
    problems.at([...path, "keys"], "two keys of one case have the same `arn`; give each its own");
  if (ruleSet === null) return null;
  const expected = (Array.isArray(testCase.expect) ? testCase.expect : []).map(expectationOf);
  const findings = evaluate(subjects, ruleSet, caseNow);
  const { missing, unexpected } = compare(expected, findings);
  const where = {
    file,
    line: locate(parsed, path).line,
    case: typeof testCase.name === "string" ? testCase.name : `case ${i + 1}`
  };
  if (missing.length === 0 && unexpected.length === 0) return { testCase: where, failure: null };
  const failure = {
    ...where,
    expected: expected.map(showExpectation).sort(compareText),
    actual: findings.map((f) => `${f.ruleId}: ${f.severity}`).sort(compareText),
    diff: diffText(missing, unexpected, ruleSet)
  };
  return { testCase: where, failure };
}
async function runFile(file, read, packs, now, result, allProblems, boundary) {
  let text2;
  try {
    text2 = await read(file);
  } catch (cause) {
    allProblems.push({
      file,
      line: 1,
      column: 1,
      message: `cannot read rule tests: ${describeReadError(cause)}`
    });
    return;
  }
  const parsed = parseRulesText(text2, file, "rule test file", allProblems);
  if (parsed === null) return;
  const problems = new FileProblems(file, parsed);
  const errors = validateRuleTests2(parsed.data ?? {});
  for (const error of errors) {
    const problem = describeTestSchemaError(error, parsed.data);
    if (problem !== null) problems.at(problem.path, problem.message, problem.target);
  }
  if (errors.length > 0) {
    allProblems.push(...problems.list);
    return;
  }
  const data = record2(parsed.data);
  const names = Array.isArray(data.extends) ? data.extends : DEFAULT_EXTENDS;
  const ruleSet = await rulesUnderTest(file, parsed, names, read, packs, problems, boundary);
  const fileNow = clockOf(data.now, ["now"], now, problems);
  const cases = Array.isArray(data.cases) ? data.cases : [];
  const passed = [];
  const failures = [];
  cases.forEach((raw, i) => {
    const ran = runCase(raw, i, file, parsed, ruleSet, fileNow, problems);
    if (ran?.failure) failures.push(ran.failure);
    else if (ran) passed.push(ran.testCase);
  });
  allProblems.push(...problems.list);
  result.files++;
  result.cases += cases.length;
  result.passed.push(...passed);
  result.failures.push(...failures);
}
async function runRuleTests(files, read, packs, now, boundaryOf = async () => null) {
  const result = { files: 0, cases: 0, passed: [], failures: [] };
  const problems = [];
  for (const file of files) {
    await runFile(file, read, packs, now, result, problems, await boundaryOf(file));
  }
  if (problems.length > 0) throw new RulesError(problems);
  return result;
}

// src/sources/cdk/deployed.ts
async function compareWithDeployed(stacks, deployed) {
  const references = [];
  const answers = await Promise.allSettled(stacks.map((stack) => deployed(stack)));
  for (const [i, stack] of stacks.entries()) {
    const settled = answers[i];
    if (settled.status === "rejected") throw settled.reason;
    const answer = settled.value;
    if (answer.ok && answer.value === null) continue;
    const template = deployedTemplate(answer, stack);
    references.push(...diffDeployed(template, stack));
    for (const gone of removedNestedStacks(template, stack)) {
      const nested = nestedIn(stack, gone.logicalId);
      references.push(
        ...await removedStack(nested, gone.retains, stack.templateFile, deployed, 1)
      );
    }
  }
  return references;
}
async function removedStack(stack, kept, file, deployed, depth) {
  const answer = await deployed(stack);
  if (answer.ok && answer.value === null) return [];
  if (depth > MAX_NESTED_STACK_DEPTH) {
    throw new EvidenceError(
      `could not tell what the change does to ${describeStack(stack)}: its deployed stacks are nested more than ${MAX_NESTED_STACK_DEPTH} deep, which CloudFormation's answers (or the facts snapshot) should never say. Pass --cdk-base DIR (the base branch's synthesized assembly)`
    );
  }
  const template = deployedTemplate(answer, stack);
  const { references, nested } = removedStackKeys(template, stack, file, kept);
  for (const inner of nested) {
    const below = nestedIn(stack, inner.logicalId);
    references.push(
      ...await removedStack(below, kept ?? inner.retains, file, deployed, depth + 1)
    );
  }
  return references;
}
function nestedIn(parent, logicalId) {
  return {
    name: `${parent.name}-${logicalId}`,
    region: parent.region,
    account: parent.account,
    parent: { stack: parent.name, logicalId, parent: parent.parent }
  };
}
function deployedTemplate(answer, stack) {
  if (answer.ok && answer.value !== null && answer.value.template != null) {
    return answer.value.template;
  }
  const why = answer.ok ? "the deployed stack's template is not known" : describeError(answer.error.Code, answer.error.Message, answer.error.Operation);
  const wayOut2 = !answer.ok && answer.error.Code === OTHER_ACCOUNT ? "Or pass --cdk-base DIR (the base branch's synthesized assembly), or evaluate from a facts snapshot taken with that role" : "Pass --cdk-base DIR (the base branch's synthesized assembly), or grant cloudformation:GetTemplate and cloudformation:ListStackResources, or take the facts snapshot from an assembly that has the stack";
  const where = stack.region === null ? "" : ` in ${stack.region}`;
  throw new EvidenceError(
    `could not tell what the change does to ${describeStack(stack)}${where}: without --cdk-base its deployed template is the base, and ${why}. ${wayOut2}`
  );
}
function describeStack(stack) {
  return stack.parent === null ? `stack ${stack.name}` : `nested stack ${stackPath(stack)}`;
}

// src/pipeline.ts
async function run(config, deps) {
  const now = config.now ?? deps.clock();
  const { rules, file: rulesFile } = await readEnabledRules(config, deps);
  checkAllKeys(config);
  const facts = await openFacts(config, deps, now);
  const inventory = allKeysOf(config, facts);
  const references = inventory !== null && namesNoInput(config) ? [] : await collect(config, deps, facts.source);
  const gathered = await gather(references, config, deps, facts, now, needs(rules, now), inventory);
  const subjects = [...gathered.subjects, ...unreadPairSubjects(inventory?.inventory ?? null)];
  const { findings, suppressed } = evaluateRules(subjects, rules, now, deps);
  const report2 = buildReport({
    tool: deps.tool,
    now,
    subjects,
    findings,
    suppressed,
    errors: [...unreadPairErrors(inventory?.inventory ?? null), ...gathered.errors],
    stats: {
      usageCallsSaved: gathered.usageCallsSaved,
      scope: config.scope,
      keysOutOfScope: gathered.keysOutOfScope
    }
  });
  return { report: report2, rules, rulesFile, failed: failsAt(report2, config.failOn) };
}
function checkAllKeys(config) {
  if (!config.allKeys) return;
  if (config.scope === "changed") {
    throw new InputError(
      "--all-keys evaluates every key of the facts snapshot, --scope changed only those a change touches: drop one of them"
    );
  }
  if (config.factsFile === null) {
    throw new InputError(
      "--all-keys evaluates every key of a facts snapshot: pass --facts FILE (an inventory: snapshot --all-keys, its shards joined with merge)"
    );
  }
}
function allKeysOf(config, facts) {
  if (!config.allKeys || facts.snapshot === null) return null;
  checkInventoryRead(facts.snapshot.inventory);
  return facts.snapshot;
}
function namesNoInput(config) {
  return config.inputs.length === 0 && config.keys.length === 0 && config.cdkOut.length === 0;
}
async function readEnabledRules(config, deps) {
  const files = deps.rulesFiles ?? deps;
  const file = config.configFile ?? await findConfigFile({ ...deps, fileExists: files.fileExists });
  const rules = await readRules(file, deps);
  if (rules.rules.length === 0) {
    throw new InputError(
      "no rule is enabled, so every change would pass; enable some, for the built-in ones `extends: [recommended]`",
      file ?? DEFAULT_CONFIG_FILE
    );
  }
  return { rules, file };
}
function needs(rules, now) {
  const open = (subject, later, reads) => {
    const unreadable = unreadableFacts(subject);
    const pending = (fact) => later(fact) || unreadable.has(fact);
    return rules.rules.some(
      (rule) => rule.factPaths.some((fact) => fact.startsWith(reads)) && rule.decide({ subject, now }, pending) === void 0
    );
  };
  return {
    usage: (subject) => open(subject, (f) => f.startsWith("usage.") || f.startsWith("trail."), "usage."),
    trail: (subject) => open(subject, (f) => f.startsWith("trail."), "trail.")
  };
}
function evaluateRules(subjects, rules, now, deps) {
  const inline = applyInlineSuppressions(evaluate(subjects, rules, now), subjects);
  const ignored = applyIgnores(inline.findings, subjects, rules.ignores, now, inline.suppressed);
  for (const warning of ignored.warnings) deps.logger.warn(warning);
  return { findings: ignored.findings, suppressed: [...inline.suppressed, ...ignored.suppressed] };
}
async function testRules(paths, now, deps) {
  if (!deps.listDir) throw new Error("testRules needs deps.listDir");
  const files = await findRuleTestFiles(paths.length > 0 ? paths : ["."], deps.listDir);
  return runRuleTests(
    files,
    rulesReader(deps),
    BUILTIN_PACKS,
    now ?? deps.clock(),
    (file) => extendsBoundary(file, deps)
  );
}
async function snapshot(config, deps) {
  if (config.saveFacts === null)
    throw new InputError("snapshot needs -o FILE: where to write the facts");
  const now = config.now ?? deps.clock();
  const rules = await readRules(config.configFile, deps);
  const facts = await openFacts(config, deps, now);
  const references = await collect(config, deps, facts.source);
  const { subjects } = await gather(references, config, deps, facts, now, needs(rules, now), null);
  const usage = { used: 0, unused: 0, unknown: 0, unavailable: 0 };
  for (const subject of subjects) if (subject.usage) usage[subject.usage.status]++;
  return { keys: subjects.filter((s) => s.usage !== null).length, usage };
}
async function gather(references, config, deps, facts, now, needed, allKeys) {
  const { source, recorder } = facts;
  const progress = deps.progress ?? SILENT;
  const onKeyDone = (done, total) => progress.keyDone(done, total);
  const times = /* @__PURE__ */ new Map();
  const notAfter = (keyArn2) => {
    const taken = source.capturedAt?.(keyArn2);
    if (taken === void 0) return now;
    let bound = times.get(taken);
    if (bound === void 0) {
      const at = new Date(instantMs(taken));
      bound = at < now ? at : now;
      times.set(taken, bound);
    }
    return bound;
  };
  const skipUnneeded = source.kind === "aws" && recorder === null;
  const gathered = await gatherFacts(references, source, {
    region: config.region,
    onKeyDone,
    notAfter,
    needsTrail: needed.trail,
    ...allKeys !== null ? { allKeys: allKeys.keys.keys() } : {},
    ...skipUnneeded ? { needsUsage: needed.usage } : {},
    // Out of scope, a key is not asked about — unless a snapshot is being written,
    // which should hold every key whatever this run evaluates.
    ...config.scope === "changed" ? { inScope: touchedByChange, askOutOfScope: recorder !== null } : {}
  });
  progress.finish();
  checkEvidence(facts);
  if (recorder === null || config.saveFacts === null) return gathered;
  const text2 = `${JSON.stringify(recorder.snapshot(deps.clock()), null, 2)}
`;
  try {
    await deps.writeFile(config.saveFacts, text2);
  } catch (cause) {
    throw new InputError(
      `cannot write the facts snapshot: ${errorMessage(cause)}`,
      config.saveFacts,
      null,
      { cause }
    );
  }
  return gathered;
}
async function readRules(configFile, deps) {
  const files = deps.rulesFiles ?? deps;
  const file = configFile ?? await findConfigFile({ ...deps, fileExists: files.fileExists });
  const boundary = file === null ? null : await extendsBoundary(file, deps);
  const read = files === deps ? rulesReader(deps) : (path) => files.readFile(path, MAX_RULES_FILE_BYTES);
  return loadRulesFromFiles(file, read, BUILTIN_PACKS, boundary);
}
function rulesReader(deps) {
  return async (path) => {
    const realPath = deps.sourceFiles.realPath;
    if (realPath !== void 0) {
      const boundary = await extendsBoundary(path, deps);
      const [real, realDir] = await Promise.all([
        realPath(resolve3(deps.cwd, path)),
        realPath(boundary.dir)
      ]);
      if (real !== null && realDir !== null && !isWithin(real, { ...boundary, dir: realDir })) {
        throw new Error(
          `is a link to a file outside ${boundary.label}; a rules file is read only from inside it`
        );
      }
    }
    return deps.readFile(path, MAX_RULES_FILE_BYTES);
  };
}
async function extendsBoundary(rulesFile, deps) {
  const dir = dirname3(resolve3(deps.cwd, rulesFile));
  const repo = await findRepoRoot(dir, deps.sourceFiles);
  return repo === null ? {
    dir,
    cwd: deps.cwd,
    label: `the rules file's directory (${dir}; it is in no git repository)`
  } : { dir: repo, cwd: deps.cwd, label: `the repository (${repo})` };
}
async function openFacts(config, deps, now) {
  const { source, capturedAt, snapshot: snapshot2 } = await factSource(config, deps, now);
  if (config.saveFacts === null) return { source, recorder: null, capturedAt, snapshot: snapshot2 };
  const recorder = recordFacts(source);
  return { source: recorder.source, recorder, capturedAt, snapshot: snapshot2 };
}
function checkEvidence(facts) {
  const failure = facts.source.evidenceFailure?.() ?? null;
  if (failure !== null) throw failure;
}
function collect(config, deps, source) {
  return collectReferences(config, deps, {
    compareWithDeployed: (stacks) => compareWithDeployed(stacks, deployedStacks(source))
  });
}
async function factSource(config, deps, now) {
  if (config.factsFile !== null) {
    const text2 = await readInput(config.factsFile, "facts snapshot", deps);
    const doc = parseJson(text2, config.factsFile, "a facts snapshot", {
      sections: ["keys", "aliases", "stacks"]
    });
    const snapshot2 = readSnapshot(doc, config.factsFile);
    const span = captureSpan(snapshot2);
    checkFactsAge(span, now, deps.clock(), config.maxFactsAgeDays, config.factsFile);
    return {
      source: snapshotFactSource(snapshot2),
      capturedAt: new Date(span.earliest),
      snapshot: snapshot2
    };
  }
  if (deps.liveFacts) {
    return {
      // The evaluation clock ends the CloudTrail window: `snapshot` and `check` read the same one.
      source: await deps.liveFacts({ ...config, now }, deps.logger.warn, deps.progress ?? SILENT),
      capturedAt: null,
      snapshot: null
    };
  }
  throw new InputError(
    "no facts: pass --facts FILE (a facts snapshot), or run where AWS can be reached"
  );
}
function checkFactsAge(span, now, clock, maxDays, file) {
  const capturedAt = new Date(span.earliest);
  if (span.latest > clock.getTime() + CLOCK_SKEW_MS) {
    throw new InputError(
      `capturedAt ${new Date(span.latest).toISOString()} is later than the clock (${clock.toISOString()}): a snapshot from the future would never be too old; write capturedAt as the time it was taken`,
      file
    );
  }
  const age = now.getTime() - capturedAt.getTime();
  if (age <= maxDays * DAY_MS) return;
  const days = Math.floor(age / DAY_MS);
  const hours = Math.floor(age % DAY_MS / HOUR_MS);
  const old = `${plural(days, "day")}${hours > 0 ? ` ${plural(hours, "hour")}` : ""}`;
  throw new InputError(
    `the facts snapshot is ${old} old at the evaluation clock (captured ${capturedAt.toISOString()}, now ${now.toISOString()}), older than the ${plural(maxDays, "day")} max-facts-age allows: refresh it (kms-usage-lint snapshot \u2026 -o ${file}), or raise max-facts-age if older facts are acceptable`,
    file
  );
}

export {
  gatherFacts,
  recordFacts,
  rulesSchema,
  parseYaml,
  locate,
  run,
  needs,
  testRules,
  snapshot,
  readRules
};
