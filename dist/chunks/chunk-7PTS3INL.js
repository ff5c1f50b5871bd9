import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);

// src/model.ts
var SEVERITIES = ["error", "warning", "notice"];
function stackPath(stack) {
  return stack.parent === null ? stack.name : parentPath(stack.parent);
}
function parentPath(parent) {
  const above = parent.parent === null ? parent.stack : parentPath(parent.parent);
  return `${above}/${parent.logicalId}`;
}
var OTHER_ACCOUNT = "OtherAccount";
var NOT_IN_SNAPSHOT = "NotInSnapshot";
function emptyTrail(status, reason) {
  return {
    status,
    reason,
    since: null,
    until: null,
    events: 0,
    unreadableEvents: 0,
    failedUses: 0,
    lastFailedUse: null,
    callers: [],
    disabledAt: null,
    enabledAt: null,
    deletionScheduledAt: null,
    deletionCancelledAt: null
  };
}

// src/show.ts
function showValue(value) {
  const text = JSON.stringify(value) ?? String(value);
  const MAX_SHOWN = 60;
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}\u2026` : text;
}
function plural(n, word, options = {}) {
  const digits2 = options.digits ?? String;
  return `${digits2(n)} ${n === 1 ? word : options.many ?? `${word}s`}`;
}
function listWords(parts) {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

// src/order.ts
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/aws/key-ids.ts
var PARTITION = "aws(?:-[a-z]+(?:-[a-z]+)?)?";
var REGION = "[a-z]{2,4}(?:-[a-z]+)+-\\d+";
var ACCOUNT = "\\d{12}";
var UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
var MRK = "mrk-[0-9a-fA-F]{32}";
var KEY_ID = `(?:${UUID}|${MRK})`;
var ALIAS = "alias/[a-zA-Z0-9/_-]{1,250}";
var KEY_ARN_PATTERN = `^arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:key/${KEY_ID}$`;
var ALIAS_ARN_PATTERN = `^arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:${ALIAS}$`;
var REGION_PATTERN = REGION;
var ARN_RE = new RegExp(
  `^arn:(${PARTITION}):kms:(${REGION}):(${ACCOUNT}):(key/${KEY_ID}|${ALIAS})$`
);
var KEY_ID_RE = new RegExp(`^${KEY_ID}$`);
var ALIAS_NAME_RE = new RegExp(`^${ALIAS}$`);
var ARN_SCAN_RE = new RegExp(
  `arn:(${PARTITION}):kms:(${REGION}):(${ACCOUNT}):(key/${KEY_ID}(?![0-9A-Za-z_-])|${ALIAS}(?![a-zA-Z0-9/_*?-]))`,
  "g"
);
var WORD_CHAR_RE = /[A-Za-z0-9_-]/;
var KEY_ID_LENGTH = 36;
var lastText = null;
var lastArn = null;
function parseKmsArn(text) {
  if (text === lastText) return lastArn;
  const arn = parsedArn(text);
  lastText = text;
  lastArn = arn;
  return arn;
}
function parsedArn(text) {
  const m = ARN_RE.exec(text);
  if (!m) return null;
  const [, partition, region, account, resource] = m;
  if (resource.startsWith("key/")) {
    return { partition, region, account, resource: "key", id: resource.slice(4) };
  }
  return { partition, region, account, resource: "alias", id: resource };
}
function isKeyId(text) {
  return text.length === KEY_ID_LENGTH && KEY_ID_RE.test(text);
}
function isAliasName(text) {
  return text.startsWith("alias/") && ALIAS_NAME_RE.test(text);
}
function findKmsArns(text) {
  if (!text.includes(":kms:")) return [];
  const found = [];
  const re = ARN_SCAN_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > 0 && WORD_CHAR_RE.test(text.charAt(m.index - 1))) continue;
    const [raw, partition, region, account, resource] = m;
    const isKey = resource.startsWith("key/");
    found.push({
      partition,
      region,
      account,
      resource: isKey ? "key" : "alias",
      id: isKey ? resource.slice(4) : resource,
      raw,
      index: m.index
    });
  }
  return found;
}
function findPartialKmsArns(text, gap) {
  if (!text.includes(":kms:")) return [];
  const re = new RegExp(
    `arn:(${PARTITION}|${gap}):kms:(${REGION}|${gap}):(${ACCOUNT}|${gap}):(key/${KEY_ID}(?![0-9A-Za-z_-])|${ALIAS}(?![a-zA-Z0-9/_*?-]))`,
    "g"
  );
  const gapRe = new RegExp(`^${gap}$`);
  const known = (part) => gapRe.test(part) ? null : part;
  const found = [];
  for (const m of text.matchAll(re)) {
    const [, partition = "", region = "", account = "", resource = ""] = m;
    if (m.index > 0 && WORD_CHAR_RE.test(text.charAt(m.index - 1))) continue;
    if (![partition, region, account].some((part) => gapRe.test(part))) continue;
    const isKey = resource.startsWith("key/");
    found.push({
      partition: known(partition),
      region: known(region),
      account: known(account),
      resource: isKey ? "key" : "alias",
      id: isKey ? resource.slice(4) : resource
    });
  }
  return found;
}
var KMS_ATTRIBUTE_NAMES = /* @__PURE__ */ new Set([
  "key_id",
  "key_arn",
  "target_key_id",
  "target_key_arn",
  "encryption_key",
  "encryption_key_id",
  "encryption_key_arn"
]);
var ENCRYPTION_KEY_SUFFIXES = ["_encryption_key", "_encryption_key_id", "_encryption_key_arn"];
function isKmsAttributeName(name) {
  const lower = name.toLowerCase();
  return lower.includes("kms") || KMS_ATTRIBUTE_NAMES.has(lower) || ENCRYPTION_KEY_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}
function keyArn(partition, region, account, keyId) {
  return `arn:${partition}:kms:${region}:${account}:key/${keyId}`;
}
function partitionOf(region) {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-isof-")) return "aws-iso-f";
  if (region.startsWith("eu-isoe-")) return "aws-iso-e";
  if (region.startsWith("us-iso-")) return "aws-iso";
  if (region.startsWith("eusc-")) return "aws-eusc";
  return "aws";
}

// src/json-object.ts
function isJsonObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/aws/errors.ts
function describeError(code, message, operation) {
  if (code === "AccessDeniedException" || code === "AccessDenied") {
    if (operation === "LookupEvents") {
      return `access denied: the caller needs cloudtrail:LookupEvents (${message})`;
    }
    if (operation === "ListRegions")
      return `access denied: the account's role needs account:ListRegions (${message})`;
    if (operation === "ListKeys")
      return `access denied: the account's role needs kms:ListKeys in this region (${message})`;
    const stack = /Stack|Template/.test(operation);
    const [service, what] = stack ? ["cloudformation", "stack"] : ["kms", "key"];
    return `access denied: the caller needs ${service}:${operation} on this ${what} (${message})`;
  }
  if (code === "NotFoundException") return `${operation}: the key does not exist (${message})`;
  return message ? `${operation}: ${message}` : `${operation} failed with ${code}`;
}

// src/time.ts
function wholeDaysSince(iso, now) {
  if (iso === null) return null;
  const then = parseIsoValue(iso);
  if (then === null) return null;
  return Math.floor((now.getTime() - then) / DAY_MS);
}
var DAY_MS = 864e5;
var HOUR_MS = 36e5;
var ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/;
function parseIsoValue(text) {
  if (text.length === 20 || text.length === 24) {
    const ms2 = utcTimestampMs(text);
    if (ms2 !== void 0) return ms2;
  }
  const match = ISO_RE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = /* @__PURE__ */ new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
function isoOfInstant(value, ms) {
  if (typeof value === "string" && (value.length === 24 || value.length === 20)) {
    if (utcTimestampMs(value) === ms) {
      return value.length === 24 ? value : `${value.slice(0, 19)}.000Z`;
    }
  }
  return new Date(ms).toISOString();
}
var DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function utcTimestampMs(text) {
  const millis = text.length === 24;
  if (text.charCodeAt(4) !== 45 || // -
  text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || // T
  text.charCodeAt(13) !== 58 || // :
  text.charCodeAt(16) !== 58 || text.charCodeAt(text.length - 1) !== 90 || // Z
  millis && text.charCodeAt(19) !== 46) {
    return void 0;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const ms = millis ? digits(text, 20, 3) : 0;
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0) {
    return void 0;
  }
  if (hour > 23 || minute > 59 || second > 59 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > days) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}
function digits(text, start, count) {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
function parseIsoTimestamp(text) {
  return text.includes("T") ? parseIsoValue(text) : null;
}
function instantMs(text) {
  return text == null ? Number.NaN : parseIsoValue(text) ?? Number.NaN;
}

// src/facts/answers.ts
var CLOCK_SKEW_MS = HOUR_MS;
var MALFORMED = "MalformedAnswer";
function answerInstant(value) {
  if (typeof value === "string") return parseIsoTimestamp(value);
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value * 1e3;
  return null;
}
function checkedLastUsage(keyArn2, answer, notAfter) {
  const operation = "GetKeyLastUsage";
  const bad = (message) => malformed(operation, message);
  if (!isJsonObject(answer)) return bad(`the answer is ${kindOf(answer)}, not an object`);
  const asked = parseKmsArn(keyArn2);
  const keyId = answer.KeyId;
  if (keyId !== void 0 && !sameKey(keyId, asked, keyArn2)) {
    return bad(`the answer is for key ${showValue(keyId)}, not the key asked (${keyArn2})`);
  }
  const dates = new DateReader(operation, notAfter);
  const tracking = dates.required(answer.TrackingStartDate, "TrackingStartDate");
  const created = dates.required(answer.KeyCreationDate, "KeyCreationDate");
  const last = answer.KeyLastUsage;
  let used;
  if (last !== void 0) {
    if (!isJsonObject(last)) return bad(`KeyLastUsage is ${kindOf(last)}, not an object`);
    if (holdsAny(last)) {
      const at = dates.required(last.Timestamp, "KeyLastUsage.Timestamp");
      for (const field of ["Operation", "CloudTrailEventId", "KmsRequestId"]) {
        if (last[field] !== void 0 && typeof last[field] !== "string") {
          return bad(`KeyLastUsage.${field} is ${kindOf(last[field])}, not a string`);
        }
      }
      if (at !== null && tracking !== null && created !== null) {
        const since = Math.max(tracking, created);
        if (at + CLOCK_SKEW_MS < since) {
          return bad(
            `KeyLastUsage.Timestamp ${showValue(last.Timestamp)} is before the key's usage record begins (${new Date(since).toISOString()})`
          );
        }
      }
      used = { Timestamp: at === null ? "" : isoOfInstant(last.Timestamp, at) };
      for (const field of LAST_USE_FIELDS) {
        const value = last[field];
        if (typeof value === "string") used[field] = value;
      }
    }
  }
  if (dates.problem !== null) return bad(dates.problem);
  const checked = {};
  if (typeof keyId === "string") checked.KeyId = keyId;
  checked.KeyLastUsage = used ?? {};
  checked.TrackingStartDate = isoOfInstant(answer.TrackingStartDate, tracking);
  checked.KeyCreationDate = isoOfInstant(answer.KeyCreationDate, created);
  return { ok: true, value: checked };
}
var LAST_USE_FIELDS = ["Operation", "CloudTrailEventId", "KmsRequestId"];
function holdsAny(object) {
  for (const field in object) if (object[field] !== void 0) return true;
  return false;
}
function checkedKeyMetadata(asked, answer, notAfter) {
  const bad = (message) => malformed("DescribeKey", message);
  if (!isJsonObject(answer)) return bad(`the answer is ${kindOf(answer)}, not KeyMetadata`);
  const arn = typeof answer.Arn === "string" ? parseKmsArn(answer.Arn) : null;
  if (arn === null || arn.resource !== "key") {
    return bad(`KeyMetadata.Arn ${showValue(answer.Arn)} is not a key ARN`);
  }
  const target = parseKmsArn(asked);
  const describes = target?.resource === "alias" ? sameAccountRegion(arn, target) : answer.Arn.toLowerCase() === asked.toLowerCase();
  if (!describes) {
    return bad(`the answer describes ${answer.Arn}, not the key asked (${asked})`);
  }
  if (typeof answer.KeyId !== "string" || answer.KeyId.toLowerCase() !== arn.id.toLowerCase()) {
    return bad(`KeyMetadata.KeyId ${showValue(answer.KeyId)} is not the id in its Arn (${arn.id})`);
  }
  if (answer.AWSAccountId !== void 0 && answer.AWSAccountId !== arn.account) {
    return bad(
      `KeyMetadata.AWSAccountId ${showValue(answer.AWSAccountId)} is not the account in its Arn`
    );
  }
  for (const field of ["KeyState", "Enabled", "KeyManager"]) {
    if (answer[field] === void 0) return bad(`the answer has no KeyMetadata.${field}`);
  }
  for (const [field, type] of METADATA_TYPES) {
    if (answer[field] !== void 0 && typeof answer[field] !== type) {
      return bad(`KeyMetadata.${field} is ${kindOf(answer[field])}, not a ${type}`);
    }
  }
  const dates = new DateReader("DescribeKey", notAfter);
  const created = dates.required(answer.CreationDate, "KeyMetadata.CreationDate");
  const deletion = answer.DeletionDate === void 0 ? void 0 : dates.any(answer.DeletionDate, "KeyMetadata.DeletionDate");
  if (dates.problem !== null) return bad(dates.problem);
  const members = multiRegionProblem(arn, answer);
  if (members !== null) return bad(members);
  const checked = { ...answer };
  checked.CreationDate = isoOfInstant(answer.CreationDate, created);
  if (deletion != null) checked.DeletionDate = isoOfInstant(answer.DeletionDate, deletion);
  return { ok: true, value: checked };
}
var METADATA_TYPES = Object.entries({
  KeyState: "string",
  Enabled: "boolean",
  KeyManager: "string",
  KeySpec: "string",
  KeyUsage: "string",
  Origin: "string",
  MultiRegion: "boolean",
  PendingDeletionWindowInDays: "number"
});
function multiRegionProblem(arn, md) {
  const isMrk = arn.id.toLowerCase().startsWith("mrk-");
  if (md.MultiRegion === true && !isMrk) {
    return `KeyMetadata.MultiRegion is true for key id ${arn.id}, which is not a multi-Region (mrk-) id`;
  }
  if (!isMrk) return null;
  if (md.MultiRegion !== true) {
    return `key ${arn.id} is a multi-Region key, but KeyMetadata.MultiRegion is ${showValue(md.MultiRegion)}`;
  }
  const config = md.MultiRegionConfiguration;
  if (!isJsonObject(config)) {
    return "KeyMetadata.MultiRegionConfiguration is missing: the multi-Region key's members are unknown";
  }
  const type = config.MultiRegionKeyType;
  if (type !== "PRIMARY" && type !== "REPLICA") {
    return `MultiRegionConfiguration.MultiRegionKeyType is ${showValue(type)}, not PRIMARY or REPLICA`;
  }
  const primary = isJsonObject(config.PrimaryKey) ? config.PrimaryKey.Arn : void 0;
  const replicas = config.ReplicaKeys ?? [];
  if (!Array.isArray(replicas)) {
    return `MultiRegionConfiguration.ReplicaKeys is ${kindOf(replicas)}, not a list`;
  }
  const entries = [
    ["MultiRegionConfiguration.PrimaryKey.Arn", primary],
    ...replicas.map((r, i) => [
      `MultiRegionConfiguration.ReplicaKeys[${i}].Arn`,
      isJsonObject(r) ? r.Arn : r
    ])
  ];
  for (const [path, value] of entries) {
    const member = typeof value === "string" ? parseKmsArn(value) : null;
    if (member === null || member.resource !== "key" || member.id.toLowerCase() !== arn.id.toLowerCase() || member.account !== arn.account || member.partition !== arn.partition) {
      return `${path} ${showValue(value)} is not a member of the same multi-Region key`;
    }
  }
  const regions = entries.map(([, value]) => parseKmsArn(value)?.region);
  if (!regions.includes(arn.region)) {
    return `MultiRegionConfiguration does not list the key's own region (${arn.region}) among its members`;
  }
  return null;
}
var DateReader = class {
  constructor(operation, notAfter) {
    this.operation = operation;
    this.notAfter = notAfter;
  }
  operation;
  notAfter;
  problem = null;
  /** A date that must be there and not in the future. */
  required(value, field) {
    if (value === void 0 || value === null) {
      this.problem ??= `the answer has no ${field}`;
      return null;
    }
    const at = this.any(value, field);
    if (at !== null && at > this.notAfter.getTime() + CLOCK_SKEW_MS) {
      this.problem ??= `${field} ${showValue(value)} is in the future (after ${this.notAfter.toISOString()})`;
      return null;
    }
    return at;
  }
  /** A date, when it is one. */
  any(value, field) {
    const at = answerInstant(value);
    if (at === null || Number.isNaN(new Date(at).getTime())) {
      this.problem ??= `${field} ${showValue(value)} is not a date (ISO 8601, or epoch seconds as ${this.operation} sends it)`;
      return null;
    }
    return at;
  }
};
function malformed(operation, message) {
  return {
    ok: false,
    error: { Operation: operation, Code: MALFORMED, Message: `not evidence: ${message}` }
  };
}
function sameKey(keyId, asked, keyArn2) {
  if (typeof keyId !== "string") return false;
  const id = keyId.toLowerCase();
  return id === keyArn2.toLowerCase() || asked !== null && id === asked.id.toLowerCase();
}
function sameAccountRegion(a, b) {
  return a.partition === b.partition && a.region === b.region && a.account === b.account;
}
function kindOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the string ${showValue(value)}`;
  return `a ${typeof value}`;
}

// src/facts/trail.ts
var TRAIL_WINDOW_DAYS = 90;
var TRAIL_END_SLACK_MS = DAY_MS;
var DEFAULT_TRAIL_MAX_PAGES = 20;
var KMS_SOURCE = "kms.amazonaws.com";
var FAILED_USE_CODES = /* @__PURE__ */ new Set(["DisabledException", "KMSInvalidStateException"]);
var FAILED_USE_MESSAGE = /is disabled|is pending deletion/;
var STATE_CHANGES = {
  DisableKey: "disabledAt",
  EnableKey: "enabledAt",
  ScheduleKeyDeletion: "deletionScheduledAt",
  CancelKeyDeletion: "deletionCancelledAt"
};
function checkedTrail(keyArn2, answer, notAfter, reaching) {
  const bad = (message) => ({
    ok: false,
    error: { Operation: "LookupEvents", Code: MALFORMED, Message: `not evidence: ${message}` }
  });
  if (!isJsonObject(answer)) return bad("the answer is not an object");
  const attributes = answer.LookupAttributes;
  const asked = Array.isArray(attributes) && attributes.length === 1 ? attributes[0] : void 0;
  if (!isJsonObject(asked) || asked.AttributeKey !== "ResourceName" || typeof asked.AttributeValue !== "string" || // CloudTrail matches ResourceName as given: another spelling is another question.
  asked.AttributeValue !== keyArn2) {
    return bad(
      `the lookup is by ${showValue(attributes)}, not by the key's ARN as ResourceName (${keyArn2})`
    );
  }
  const latest = notAfter.getTime() + CLOCK_SKEW_MS;
  const start = answerInstant(answer.StartTime);
  const end = answerInstant(answer.EndTime);
  if (start === null || end === null || start > end || end > latest) {
    return bad(
      `the window ${showValue(answer.StartTime)} to ${showValue(answer.EndTime)} is not a span of time up to ${notAfter.toISOString()}`
    );
  }
  if (start > end - TRAIL_WINDOW_DAYS * DAY_MS + CLOCK_SKEW_MS) {
    return bad(
      `the window ${showValue(answer.StartTime)} to ${showValue(answer.EndTime)} is shorter than the ${TRAIL_WINDOW_DAYS} days of Event history the tool asks for`
    );
  }
  if (reaching !== void 0 && end < reaching.getTime() - TRAIL_END_SLACK_MS) {
    return bad(
      `the window ${showValue(answer.StartTime)} to ${showValue(answer.EndTime)} is not the ${TRAIL_WINDOW_DAYS} days up to ${reaching.toISOString()}: later calls are not in it`
    );
  }
  if (typeof answer.Truncated !== "boolean") {
    return bad(`Truncated is ${showValue(answer.Truncated)}, not true or false`);
  }
  if (!Array.isArray(answer.Events)) return bad("the answer has no Events list");
  const events = [];
  for (const [i, event] of answer.Events.entries()) {
    const where = `Events[${i}]`;
    if (!isJsonObject(event)) return bad(`${where} is not an event`);
    if (typeof event.EventId !== "string" || event.EventId === "") {
      return bad(`${where} has no EventId`);
    }
    const at = answerInstant(event.EventTime);
    if (at === null || at < start - CLOCK_SKEW_MS || at > end + CLOCK_SKEW_MS) {
      return bad(
        `${where}.EventTime ${showValue(event.EventTime)} is not a date within the window asked`
      );
    }
    events.push({ ...event, EventId: event.EventId, EventTime: new Date(at).toISOString() });
  }
  return {
    ok: true,
    value: {
      LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: asked.AttributeValue }],
      StartTime: new Date(start).toISOString(),
      EndTime: new Date(end).toISOString(),
      Truncated: answer.Truncated,
      Events: events
    }
  };
}
function trailFacts(keyArn2, answer, notAfter) {
  const checked = answer.ok ? checkedTrail(keyArn2, answer.value, notAfter, notAfter) : answer;
  if (!checked.ok) {
    const { Code, Message, Operation } = checked.error;
    return unavailableTrail(describeError(Code, Message, Operation));
  }
  const trail = checked.value;
  const facts = trailRead(trail);
  const callers = /* @__PURE__ */ new Set();
  let latestFailure = null;
  for (const event of trail.Events) {
    const read = readEvent(event);
    if (read === null) {
      facts.unreadableEvents++;
      continue;
    }
    const at = answerInstant(event.EventTime);
    if (isFailedUse(read, keyArn2)) {
      facts.failedUses++;
      const by = callerOf(read);
      callers.add(by);
      if (latestFailure === null || at > latestFailure) {
        latestFailure = at;
        facts.lastFailedUse = failedUse(event, read, by);
      }
      continue;
    }
    const change = stateChange(read);
    if (change !== null) {
      const before = facts[change];
      if (before === null || at > answerInstant(before))
        facts[change] = event.EventTime;
    }
  }
  facts.callers = [...callers].sort(compareText);
  return withReason(facts, trail);
}
function unavailableTrail(reason) {
  return emptyTrail("unavailable", reason);
}
function trailRead(trail) {
  const oldest = trail.Events.reduce(
    (min, e) => min === null || answerInstant(e.EventTime) < answerInstant(min) ? e.EventTime : min,
    null
  );
  return {
    ...unavailableTrail(""),
    status: trail.Truncated ? "truncated" : "complete",
    reason: null,
    since: trail.Truncated ? oldest ?? trail.EndTime : trail.StartTime,
    until: trail.EndTime,
    events: trail.Events.length
  };
}
function withReason(facts, trail) {
  const parts = [];
  if (trail.Truncated) {
    parts.push(
      `stopped at the page bound (--trail-max-pages) after ${plural(facts.events, "event")}, with older ones not read`
    );
  }
  if (facts.unreadableEvents > 0) {
    parts.push(
      `${plural(facts.unreadableEvents, "event")} of ${facts.events} could not be read (CloudTrailEvent is not an event record) and may hide failed uses`
    );
  }
  return { ...facts, reason: parts.length > 0 ? parts.join("; ") : null };
}
function readEvent(event) {
  if (typeof event.CloudTrailEvent !== "string") return null;
  let record;
  try {
    record = JSON.parse(event.CloudTrailEvent);
  } catch {
    return null;
  }
  if (!isJsonObject(record)) return null;
  if (record.eventID !== void 0 && record.eventID !== event.EventId) return null;
  const eventSource = record.eventSource ?? event.EventSource;
  const eventName = record.eventName ?? event.EventName;
  if (typeof eventSource !== "string" || typeof eventName !== "string") return null;
  const errorCode = optionalString(record.errorCode);
  const errorMessage = optionalString(record.errorMessage);
  if (errorCode === void 0 || errorMessage === void 0) return null;
  const resources = record.resources ?? [];
  if (!Array.isArray(resources)) return null;
  const resourceArns = resources.flatMap(
    (r) => isJsonObject(r) && typeof r.ARN === "string" ? [r.ARN] : []
  );
  const identity = record.userIdentity ?? {};
  if (!isJsonObject(identity)) return null;
  const userArn = optionalString(identity.arn);
  const invokedBy = optionalString(identity.invokedBy);
  const identityType = optionalString(identity.type);
  if (userArn === void 0 || invokedBy === void 0 || identityType === void 0) return null;
  return {
    eventSource,
    eventName,
    errorCode,
    errorMessage,
    resourceArns,
    userArn,
    invokedBy,
    identityType
  };
}
function optionalString(value) {
  if (value === void 0 || value === null) return null;
  return typeof value === "string" ? value : void 0;
}
function isFailedUse(read, keyArn2) {
  if (read.eventSource !== KMS_SOURCE || read.errorCode === null || read.errorMessage === null)
    return false;
  if (!FAILED_USE_CODES.has(read.errorCode) || !FAILED_USE_MESSAGE.test(read.errorMessage))
    return false;
  const arn = keyArn2.toLowerCase();
  return read.resourceArns.some((r) => r.toLowerCase() === arn) || read.errorMessage.toLowerCase().includes(arn);
}
function callerOf(read) {
  return read.userArn || read.invokedBy || read.identityType || "an unnamed identity";
}
function failedUse(event, read, by) {
  return { at: event.EventTime, by, operation: read.eventName, eventId: event.EventId };
}
function stateChange(read) {
  if (read.eventSource !== KMS_SOURCE || read.errorCode !== null) return null;
  return Object.hasOwn(STATE_CHANGES, read.eventName) ? STATE_CHANGES[read.eventName] : null;
}

export {
  SEVERITIES,
  stackPath,
  OTHER_ACCOUNT,
  NOT_IN_SNAPSHOT,
  emptyTrail,
  compareText,
  showValue,
  plural,
  listWords,
  KEY_ARN_PATTERN,
  ALIAS_ARN_PATTERN,
  REGION_PATTERN,
  parseKmsArn,
  isKeyId,
  isAliasName,
  findKmsArns,
  findPartialKmsArns,
  isKmsAttributeName,
  keyArn,
  partitionOf,
  isJsonObject,
  describeError,
  wholeDaysSince,
  DAY_MS,
  HOUR_MS,
  parseIsoValue,
  parseIsoTimestamp,
  instantMs,
  CLOCK_SKEW_MS,
  MALFORMED,
  answerInstant,
  checkedLastUsage,
  checkedKeyMetadata,
  TRAIL_WINDOW_DAYS,
  DEFAULT_TRAIL_MAX_PAGES,
  checkedTrail,
  trailFacts
};
