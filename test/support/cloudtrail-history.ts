/**
 * CloudTrail Event history for the AWS emulator: the KMS events of each account and region,
 * and the `LookupEvents` API over them — its lookup attributes, time range, 90-day horizon,
 * newest-first pages and opaque `NextToken`, with the errors CloudTrail answers.
 *
 * The emulator (kms-emulator.ts) owns the HTTP exchange, the quota and the faults; this
 * module only knows what Event history holds and how `LookupEvents` reads it. It imports
 * nothing but Node built-ins (the benchmark bundles the emulator).
 *
 * Shapes follow the CloudTrail API reference (`LookupEvents`, `Event`, `Resource`) and the
 * model in @aws-sdk/client-cloudtrail; records follow the KMS Developer Guide's CloudTrail
 * examples (https://docs.aws.amazon.com/kms/latest/developerguide/ct-decrypt.html, eventVersion
 * 1.11: `managementEvent`, `eventCategory`, `tlsDetails`; failed calls with `errorCode`,
 * `errorMessage` and `responseElements: null`).
 */
import { createHash, randomBytes } from "node:crypto";

/** One CloudTrail event about a KMS key, as Event history holds it (LookupEvents answers it). */
export interface SeedTrailEvent {
  /** The key the event is about: its key id (the ARN is built from region and account). */
  keyId: string;
  /** Default: the emulator's default region. */
  region?: string;
  /** Default: the emulator's default account: the account whose Event history holds it. */
  account?: string;
  /** "Decrypt", "GenerateDataKey", "DisableKey", "EnableKey", "ScheduleKeyDeletion", "CancelKeyDeletion", … */
  eventName: string;
  /** CloudTrail records whole seconds: fractions are dropped. */
  eventTime: Date | string;
  /** A failed call: "DisabledException", "KMSInvalidStateException", "AccessDeniedException", … */
  errorCode?: string;
  /** Default for DisabledException: `${keyArn} is disabled.`; for KMSInvalidStateException: `${keyArn} is pending deletion.` */
  errorMessage?: string;
  /** The caller, as userIdentity.arn (an assumed-role ARN, say). Default `arn:aws:iam::ACCOUNT:user/ci`. */
  userArn?: string;
  /** A service calling for the user (userIdentity.invokedBy, e.g. "ec2.amazonaws.com"). */
  invokedBy?: string;
  /** userIdentity.type; default "AssumedRole" when userArn names an assumed role, else "IAMUser". */
  identityType?: string;
  /** Default: a deterministic UUID-shaped id derived from the event's content and position. */
  eventId?: string;
  /** Replaces the CloudTrailEvent JSON string verbatim (to test unreadable events). */
  rawCloudTrailEvent?: string;
  /** userIdentity.accessKeyId and the Event's AccessKeyId. Default: derived from the event id. */
  accessKeyId?: string;
  /**
   * requestParameters.keyId: what the caller sent — a key id, an alias, or (set it to null)
   * nothing, as in a symmetric Decrypt. Default: the key ARN.
   */
  requestKeyId?: string | null;
}

/** The lookup attributes the API defines (`LookupAttributeKey`). */
export const LOOKUP_ATTRIBUTE_KEYS = [
  "EventId",
  "EventName",
  "ReadOnly",
  "Username",
  "ResourceType",
  "ResourceName",
  "EventSource",
  "AccessKeyId",
] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/** Event history keeps management events for 90 days (CloudTrail User Guide, "Event history"). */
export const EVENT_HISTORY_DAYS = 90;
// "The default number of results returned is 50, with a maximum of 50 possible." (API reference)
const MAX_RESULTS = 50;
// `LookupAttribute.AttributeValue`: length 1–2000 in the model.
const MAX_ATTRIBUTE_VALUE = 2000;
// Tokens the history remembers; past this the oldest are forgotten (and refused if sent).
const MAX_TOKENS = 100_000;
const DAY_MS = 86_400_000;
const KMS_SOURCE = "kms.amazonaws.com";
const KMS_KEY_TYPE = "AWS::KMS::Key";

/** An error answer of `LookupEvents`, which the emulator sends in the JSON 1.1 error shape. */
export class TrailError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** How a `bad-pagination` fault spoils the continuation (see `FaultKind` in kms-emulator.ts). */
export type TrailPagination = "no-marker" | "repeat-marker" | "endless";

export interface TrailHistoryOptions {
  defaultAccount: string;
  defaultRegion: string;
  /** The emulator's clock: the 90-day horizon is measured back from it. */
  clock: () => Date;
  keyArn: (region: string, account: string, keyId: string) => string;
  /**
   * Whether `ResourceName` also matches a bare key id. Default false: see `matchesResource`.
   */
  resourceNameMatchesKeyId?: boolean;
}

/** What a request asked, for the emulator's call log (read before any validation). */
export interface LookupRequestSummary {
  lookupAttribute?: { key: string; value: string };
  nextToken: boolean;
}

interface StoredTrailEvent {
  /** Order of seeding: breaks ties between events of the same second (later first). */
  seq: number;
  account: string;
  region: string;
  keyArn: string;
  eventId: string;
  eventName: string;
  /** Whole seconds. */
  time: Date;
  readOnly: boolean;
  accessKeyId: string;
  username?: string;
  cloudTrailEvent: string;
}

interface Cursor {
  time: number;
  seq: number;
}

interface IssuedToken {
  query: string;
  /** The last event of the page the token follows; null: from the start. */
  after: Cursor | null;
}

interface LookupQuery {
  attribute?: { key: LookupAttributeKey; value: string };
  startMs?: number;
  endMs?: number;
  maxResults: number;
  nextToken?: string;
  insight: boolean;
}

/** The summary of a request body, for recording: never throws. */
export function summarizeLookupRequest(body: Record<string, unknown>): LookupRequestSummary {
  const summary: LookupRequestSummary = { nextToken: typeof body.NextToken === "string" };
  const attributes = body.LookupAttributes;
  const first: unknown = Array.isArray(attributes) ? attributes[0] : undefined;
  if (typeof first === "object" && first !== null) {
    const { AttributeKey: key, AttributeValue: value } = first as Record<string, unknown>;
    if (typeof key === "string" && typeof value === "string") {
      summary.lookupAttribute = { key, value };
    }
  }
  return summary;
}

/** The Event histories of every account and region the emulator serves. */
export class TrailHistory {
  /** `account|region` → events, in seeding order. */
  private readonly events = new Map<string, StoredTrailEvent[]>();
  private readonly tokens = new Map<string, IssuedToken>();
  private seeded = 0;

  constructor(private readonly options: TrailHistoryOptions) {}

  add(seeds: readonly SeedTrailEvent[]): void {
    for (const seed of seeds) {
      const event = this.stored(seed, this.seeded++);
      const id = `${event.account}|${event.region}`;
      const list = this.events.get(id) ?? [];
      list.push(event);
      this.events.set(id, list);
    }
  }

  /** Answers `LookupEvents` for a caller's account in the signing region; throws `TrailError`. */
  lookUp(
    account: string,
    region: string,
    body: Record<string, unknown>,
    spoiled?: TrailPagination,
  ): { Events: unknown[]; NextToken?: string } {
    const query = parseQuery(body);
    const queryId = JSON.stringify([
      account,
      region,
      query.attribute ?? null,
      query.startMs ?? null,
      query.endMs ?? null,
      query.insight,
    ]);
    const after = query.nextToken === undefined ? null : this.redeem(query.nextToken, queryId);
    // No trail here records Insights events: a lookup of them finds none.
    const matching = query.insight ? [] : this.matching(account, region, query);
    const start = after === null ? 0 : matching.findIndex((e) => isAfter(e, after));
    const page = start < 0 ? [] : matching.slice(start, start + query.maxResults);
    const last = page.at(-1);
    const more = start >= 0 && start + query.maxResults < matching.length;
    let next: Cursor | null | undefined = more && last ? cursorOf(last) : undefined;
    if (spoiled === "no-marker") next = undefined;
    if (spoiled === "repeat-marker" && query.nextToken !== undefined) {
      return { Events: page.map(toEvent), NextToken: query.nextToken };
    }
    if (spoiled === "repeat-marker" || spoiled === "endless") next = after;
    return {
      Events: page.map(toEvent),
      ...(next === undefined ? {} : { NextToken: this.issue(queryId, next) }),
    };
  }

  // --- seeding --------------------------------------------------------------------------------

  private stored(seed: SeedTrailEvent, seq: number): StoredTrailEvent {
    const region = seed.region ?? this.options.defaultRegion;
    const account = seed.account ?? this.options.defaultAccount;
    const where = `trail event ${seq} (${seed.eventName} on ${seed.keyId})`;
    if (!seed.keyId || seed.keyId.startsWith("arn:") || seed.keyId.startsWith("alias/")) {
      throw new Error(
        `kms-emulator: ${where}: keyId is a bare key id; region and account make the ARN`,
      );
    }
    if (!seed.eventName) throw new Error(`kms-emulator: ${where}: eventName is empty`);
    const given = seed.eventTime instanceof Date ? seed.eventTime : new Date(seed.eventTime);
    if (Number.isNaN(given.getTime())) {
      throw new Error(`kms-emulator: ${where}: eventTime is not a date: ${seed.eventTime}`);
    }
    // CloudTrail records whole seconds ("eventTime": "2025-05-20T20:45:00Z").
    const time = new Date(Math.floor(given.getTime() / 1000) * 1000);
    const arn = this.options.keyArn(region, account, seed.keyId);
    const digest = (salt: string) =>
      createHash("sha256")
        .update(JSON.stringify([salt, seq, account, region, seed, time.toISOString()]))
        .digest("hex");
    const userArn = seed.userArn ?? `arn:aws:iam::${account}:user/ci`;
    const identityType =
      seed.identityType ?? (ASSUMED_ROLE.test(userArn) ? "AssumedRole" : "IAMUser");
    const eventId = seed.eventId ?? uuidFrom(digest("eventID"));
    const accessKeyId =
      seed.accessKeyId ??
      `${identityType === "AssumedRole" ? "ASIA" : "AKIA"}${digest("accessKeyId").slice(0, 16).toUpperCase()}`;
    const readOnly = isReadOnly(seed.eventName);
    const record = kmsRecord({
      seed,
      account,
      region,
      arn,
      time,
      eventId,
      requestId: uuidFrom(digest("requestID")),
      userArn,
      identityType,
      accessKeyId,
      readOnly,
    });
    const username = usernameOf(userArn);
    return {
      seq,
      account,
      region,
      keyArn: arn,
      eventId,
      eventName: seed.eventName,
      time,
      readOnly,
      accessKeyId,
      ...(username === undefined ? {} : { username }),
      cloudTrailEvent: seed.rawCloudTrailEvent ?? JSON.stringify(record),
    };
  }

  // --- lookup ---------------------------------------------------------------------------------

  /** The events a query selects, newest first (ties: the later seeded first). */
  private matching(account: string, region: string, query: LookupQuery): StoredTrailEvent[] {
    const horizon = this.options.clock().getTime() - EVENT_HISTORY_DAYS * DAY_MS;
    return (this.events.get(`${account}|${region}`) ?? [])
      .filter((event) => event.time.getTime() >= horizon)
      .filter((event) => query.startMs === undefined || event.time.getTime() >= query.startMs)
      .filter((event) => query.endMs === undefined || event.time.getTime() <= query.endMs)
      .filter((event) => !query.attribute || this.matches(event, query.attribute))
      .sort((a, b) => b.time.getTime() - a.time.getTime() || b.seq - a.seq);
  }

  private matches(
    event: StoredTrailEvent,
    { key, value }: { key: LookupAttributeKey; value: string },
  ): boolean {
    switch (key) {
      case "EventId":
        return event.eventId === value;
      case "EventName":
        return event.eventName === value;
      case "ReadOnly":
        return String(event.readOnly) === value;
      case "Username":
        return event.username === value;
      case "ResourceType":
        return value === KMS_KEY_TYPE;
      case "ResourceName":
        return this.matchesResource(event, value);
      case "EventSource":
        return value === KMS_SOURCE;
      case "AccessKeyId":
        return event.accessKeyId === value;
    }
  }

  /**
   * `ResourceName` is compared with the event's `Resources[].ResourceName` whole, and for a
   * KMS key that is the key ARN: every documented KMS record names the key in `resources[]` by
   * `ARN` only (ct-decrypt.html and the other ct-*.html examples), and `LookupEvents` documents
   * no partial or alternative-name matching. Whether AWS also matches a bare key id is not
   * documented (see shared/research/cloudtrail-failed-uses.md), so by default it does not
   * match here: a fact source must look up by ARN, and a test can turn the other behaviour on
   * (`resourceNameMatchesKeyId`) to exercise a fallback lookup by key id.
   */
  private matchesResource(event: StoredTrailEvent, value: string): boolean {
    if (event.keyArn === value) return true;
    return this.options.resourceNameMatchesKeyId === true && event.keyArn.endsWith(`:key/${value}`);
  }

  // --- tokens ---------------------------------------------------------------------------------

  private issue(query: string, after: Cursor | null): string {
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, { query, after });
    if (this.tokens.size > MAX_TOKENS) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) this.tokens.delete(oldest);
    }
    return token;
  }

  /** The cursor a token stands for, if it was issued for this same query. */
  private redeem(token: string, query: string): Cursor | null {
    const issued = this.tokens.get(token);
    if (!issued || issued.query !== query) {
      throw new TrailError(
        400,
        "InvalidNextTokenException",
        "A token that is not valid, or a token that was previously used in a request with different parameters.",
      );
    }
    return issued.after;
  }
}

// ---------------------------------------------------------------------------------------------
// The request

/** Validates a `LookupEvents` body the way CloudTrail does, in the order listed. */
function parseQuery(body: Record<string, unknown>): LookupQuery {
  const category = body.EventCategory;
  if (category !== undefined && category !== null && category !== "insight") {
    throw new TrailError(
      400,
      "InvalidEventCategoryException",
      `Event category ${String(category)} is not valid. Valid value: insight.`,
    );
  }
  const query: LookupQuery = {
    maxResults: maxResults(body.MaxResults),
    insight: category === "insight",
  };
  const attribute = lookupAttribute(body.LookupAttributes);
  if (attribute) query.attribute = attribute;
  const startMs = timestamp(body.StartTime, "StartTime");
  const endMs = timestamp(body.EndTime, "EndTime");
  if (startMs !== undefined && endMs !== undefined && startMs > endMs) {
    throw new TrailError(
      400,
      "InvalidTimeRangeException",
      "Start time must be before or equal to end time.",
    );
  }
  if (startMs !== undefined) query.startMs = startMs;
  if (endMs !== undefined) query.endMs = endMs;
  const token = body.NextToken;
  if (token !== undefined && token !== null) {
    if (typeof token !== "string") throw serialization("NextToken", "String");
    query.nextToken = token;
  }
  return query;
}

/** The one lookup attribute, if any: "Currently the list can contain only one item." */
function lookupAttribute(raw: unknown): LookupQuery["attribute"] {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    throw new TrailError(400, "SerializationException", "LookupAttributes must be a list");
  }
  if (raw.length === 0) return undefined;
  if (raw.length > 1) {
    throw new TrailError(
      400,
      "InvalidLookupAttributesException",
      "You cannot specify more than one lookup attribute.",
    );
  }
  const item: unknown = raw[0];
  const { AttributeKey: key, AttributeValue: value } =
    typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
  if (!LOOKUP_ATTRIBUTE_KEYS.some((known) => known === key)) {
    throw new TrailError(
      400,
      "InvalidLookupAttributesException",
      `Lookup attribute key ${String(key)} is not valid. Valid keys: ${LOOKUP_ATTRIBUTE_KEYS.join(", ")}.`,
    );
  }
  if (typeof value !== "string" || value.length < 1 || value.length > MAX_ATTRIBUTE_VALUE) {
    throw new TrailError(
      400,
      "InvalidLookupAttributesException",
      `Lookup attribute value must be between 1 and ${MAX_ATTRIBUTE_VALUE} characters long.`,
    );
  }
  return { key: key as LookupAttributeKey, value };
}

function maxResults(raw: unknown): number {
  if (raw === undefined || raw === null) return MAX_RESULTS;
  if (typeof raw !== "number") throw serialization("MaxResults", "Integer");
  if (!Number.isInteger(raw) || raw < 1 || raw > MAX_RESULTS) {
    throw new TrailError(
      400,
      "InvalidMaxResultsException",
      `MaxResults must be between 1 and ${MAX_RESULTS}; got ${raw}.`,
    );
  }
  return raw;
}

/** A JSON 1.1 timestamp: epoch seconds, possibly fractional. */
function timestamp(raw: unknown, field: string): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "number" || !Number.isFinite(raw)) throw serialization(field, "Timestamp");
  return raw * 1000;
}

function serialization(field: string, type: string): TrailError {
  return new TrailError(
    400,
    "SerializationException",
    `${field}: value can not be converted to a ${type}`,
  );
}

function isAfter(event: StoredTrailEvent, cursor: Cursor): boolean {
  const time = event.time.getTime();
  return time < cursor.time || (time === cursor.time && event.seq < cursor.seq);
}

function cursorOf(event: StoredTrailEvent): Cursor {
  return { time: event.time.getTime(), seq: event.seq };
}

// ---------------------------------------------------------------------------------------------
// The answer and the record

/** The `Event` structure of the answer; JSON 1.1 timestamps are epoch seconds. */
function toEvent(event: StoredTrailEvent): Record<string, unknown> {
  return {
    EventId: event.eventId,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    AccessKeyId: event.accessKeyId,
    EventTime: event.time.getTime() / 1000,
    EventSource: KMS_SOURCE,
    ...(event.username === undefined ? {} : { Username: event.username }),
    Resources: [{ ResourceType: KMS_KEY_TYPE, ResourceName: event.keyArn }],
    CloudTrailEvent: event.cloudTrailEvent,
  };
}

const ASSUMED_ROLE = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/;
const ARN_ACCOUNT = /^arn:aws[a-z-]*:[a-z0-9-]*::(\d{12}):/;

// KMS logs cryptographic and describing operations as read events ("readOnly": true in the
// Decrypt, Encrypt and GenerateDataKey examples), key management as write events.
const READ_ONLY =
  /^(Decrypt|Encrypt|ReEncrypt|GenerateDataKey|GenerateMac|GenerateRandom|Sign|Verify|DeriveSharedSecret|Describe|Get|List)/;

function isReadOnly(eventName: string): boolean {
  return READ_ONLY.test(eventName);
}

/** The Event's `Username`: the session name of an assumed role, an IAM user's name, root. */
function usernameOf(userArn: string): string | undefined {
  const role = ASSUMED_ROLE.exec(userArn);
  if (role) return role[3];
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(userArn);
  if (user) return user[1];
  if (/:root$/.test(userArn)) return "root";
  return undefined;
}

/** A UUID-shaped id (version 4 layout) from hex digits. */
function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface RecordParts {
  seed: SeedTrailEvent;
  account: string;
  region: string;
  arn: string;
  time: Date;
  eventId: string;
  requestId: string;
  userArn: string;
  identityType: string;
  accessKeyId: string;
  readOnly: boolean;
}

/** The CloudTrail record of a KMS call, laid out like the KMS Developer Guide's examples. */
function kmsRecord(parts: RecordParts): Record<string, unknown> {
  const { seed, account, region, arn, time } = parts;
  const failed = seed.errorCode !== undefined;
  const errorMessage = seed.errorMessage ?? defaultErrorMessage(seed, arn, parts.userArn);
  // A service calling for the user is both the source address and the user agent in its records.
  const source = seed.invokedBy ?? "192.0.2.0";
  return {
    eventVersion: "1.11",
    userIdentity: userIdentity(parts),
    eventTime: time.toISOString().replace(".000Z", "Z"),
    eventSource: KMS_SOURCE,
    eventName: seed.eventName,
    awsRegion: region,
    sourceIPAddress: source,
    userAgent: seed.invokedBy ?? "aws-sdk-js/3",
    ...(failed ? { errorCode: seed.errorCode } : {}),
    ...(failed && errorMessage !== undefined ? { errorMessage } : {}),
    requestParameters: requestParameters(seed, arn),
    responseElements: failed ? null : responseElements(seed.eventName, arn),
    requestID: parts.requestId,
    eventID: parts.eventId,
    readOnly: parts.readOnly,
    resources: [{ accountId: account, type: KMS_KEY_TYPE, ARN: arn }],
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: "Management",
    ...(seed.invokedBy
      ? {}
      : {
          tlsDetails: {
            tlsVersion: "TLSv1.3",
            cipherSuite: "TLS_AES_256_GCM_SHA384",
            clientProvidedHostHeader: `kms.${region}.amazonaws.com`,
          },
        }),
  };
}

function defaultErrorMessage(
  seed: SeedTrailEvent,
  arn: string,
  userArn: string,
): string | undefined {
  switch (seed.errorCode) {
    // KMS Developer Guide, "Key states": the messages a disabled or pending-deletion key gives.
    case "DisabledException":
      return `${arn} is disabled.`;
    case "KMSInvalidStateException":
      return `${arn} is pending deletion.`;
    case "AccessDeniedException":
      return `User: ${userArn} is not authorized to perform: kms:${seed.eventName} on resource: ${arn} because no resource-based policy allows the kms:${seed.eventName} action`;
    default:
      return undefined;
  }
}

/** userIdentity as the examples show it: an IAM user, or a role session with its issuer. */
function userIdentity(parts: RecordParts): Record<string, unknown> {
  const { seed, userArn, identityType, accessKeyId } = parts;
  const role = ASSUMED_ROLE.exec(userArn);
  const callerAccount = ARN_ACCOUNT.exec(userArn)?.[1] ?? parts.account;
  const identity: Record<string, unknown> = { type: identityType };
  if (identityType === "AssumedRole" && role) {
    const [, roleAccount = callerAccount, roleName = "", session = ""] = role;
    const roleId = `AROA${parts.eventId.replaceAll("-", "").slice(0, 17).toUpperCase()}`;
    Object.assign(identity, {
      principalId: `${roleId}:${session}`,
      arn: userArn,
      accountId: roleAccount,
      accessKeyId,
      sessionContext: {
        sessionIssuer: {
          type: "Role",
          principalId: roleId,
          arn: `arn:${userArn.split(":")[1]}:iam::${roleAccount}:role/${roleName}`,
          accountId: roleAccount,
          userName: roleName,
        },
        attributes: {
          creationDate: new Date(parts.time.getTime() - 600_000)
            .toISOString()
            .replace(".000Z", "Z"),
          mfaAuthenticated: "false",
        },
      },
    });
  } else {
    const name = usernameOf(userArn);
    Object.assign(identity, {
      principalId: `AIDA${parts.eventId.replaceAll("-", "").slice(0, 17).toUpperCase()}`,
      arn: userArn,
      accountId: callerAccount,
      accessKeyId,
      ...(name === undefined ? {} : { userName: name }),
    });
  }
  if (seed.invokedBy) identity.invokedBy = seed.invokedBy;
  return identity;
}

/** What KMS logs of a request: the key as sent, and the parameters its examples show. */
function requestParameters(seed: SeedTrailEvent, arn: string): Record<string, unknown> {
  const sent = seed.requestKeyId === undefined ? arn : seed.requestKeyId;
  const keyId = sent === null ? {} : { keyId: sent };
  switch (seed.eventName) {
    // "always includes the encryptionAlgorithm in the requestParameters" (ct-decrypt.html)
    case "Decrypt":
    case "Encrypt":
      return { encryptionAlgorithm: "SYMMETRIC_DEFAULT", ...keyId };
    case "GenerateDataKey":
    case "GenerateDataKeyWithoutPlaintext":
      return { ...keyId, keySpec: "AES_256" };
    case "ScheduleKeyDeletion":
      return { ...keyId, pendingWindowInDays: 30 };
    default:
      return keyId;
  }
}

/** Plaintext and ciphertext are left out of KMS records; key management answers name the key. */
function responseElements(eventName: string, arn: string): Record<string, unknown> | null {
  switch (eventName) {
    case "ScheduleKeyDeletion":
      return { keyId: arn, keyState: "PendingDeletion", pendingWindowInDays: 30 };
    case "CancelKeyDeletion":
      return { keyId: arn };
    default:
      return null;
  }
}
