/**
 * A local AWS KMS for tests and the benchmark: an HTTP server on 127.0.0.1 that speaks the
 * real KMS JSON 1.1 protocol, so code under test goes through the real `@aws-sdk/client-kms`
 * path — endpoint resolution, SigV4 signing, response parsing and retries included.
 *
 * It serves `DescribeKey`, `GetKeyLastUsage`, `ListAliases` and `ListKeys` from seeded keys
 * and aliases, enforces a per-(account, region, operation) request rate the way KMS quotas
 * do, and can be told to add latency or inject faults. It imports nothing but Node built-ins
 * and its own rooms (cloudtrail-history.ts), so the benchmark can bundle it.
 *
 * The same endpoint answers STS, CloudFormation and CloudTrail `LookupEvents`, told apart by
 * the service in the request's SigV4 signing scope.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type SeedTrailEvent,
  summarizeLookupRequest,
  TrailError,
  TrailHistory,
} from "./cloudtrail-history.js";
import {
  AnswerError,
  Organization,
  type SeedAccountRegions,
  type SeedOrganization,
} from "./organizations.js";

export { EVENT_HISTORY_DAYS, type SeedTrailEvent } from "./cloudtrail-history.js";
export {
  DEFAULT_ACCOUNT_REGIONS,
  type SeedAccount,
  type SeedAccountRegions,
  type SeedOrganization,
} from "./organizations.js";

/** The account the emulator's callers belong to unless `callers` says otherwise. */
export const DEFAULT_ACCOUNT = "111122223333";
/** The region a seeded key or alias lands in when it names none. */
export const DEFAULT_REGION = "us-east-1";
/**
 * When KMS began recording key usage, for keys that do not say. A key created later has its
 * own creation date as its tracking start, as the `GetKeyLastUsage` example in the API shows.
 */
export const DEFAULT_TRACKING_START = "2026-03-01T00:00:00Z";

// AWS rejects request bodies over 1 MB; it also keeps a test from buffering without bound.
const MAX_BODY_BYTES = 1024 * 1024;
// Latency and "slow" faults are bounded so a mistaken setting cannot hang a test run.
const MAX_LATENCY_MS = 10_000;
const MAX_SLOW_MS = 120_000;
// CloudFormation's ListStackResources gives at most this many resources per page.
const STACK_RESOURCES_PAGE = 100;
// The call log stops growing here (the rest are only counted), so a long benchmark stays bounded.
const MAX_RECORDED_CALLS = 200_000;
// KMS validates `Limit`: ListAliases takes 1–100 (default 50), ListKeys 1–1000 (default 100).
const LIST_LIMITS = {
  ListAliases: { max: 100, default: 50 },
  ListKeys: { max: 1000, default: 100 },
} as const;

/** The operations the emulator serves. */
export type KmsOperation = "DescribeKey" | "GetKeyLastUsage" | "ListAliases" | "ListKeys";
const OPERATIONS: readonly KmsOperation[] = [
  "DescribeKey",
  "GetKeyLastUsage",
  "ListAliases",
  "ListKeys",
];

/** The CloudTrail operations the emulator answers. */
export type CloudTrailOperation = "LookupEvents";
/** Organizations' and Account Management's operations the emulator answers (issue 17). */
export type InventoryOperation = "ListAccounts" | "ListRegions";
/** The operations with a request quota: KMS's, CloudTrail's `LookupEvents`, and the inventory's. */
export type RateLimitedOperation = KmsOperation | CloudTrailOperation | InventoryOperation;
const RATE_LIMITED: readonly RateLimitedOperation[] = [
  ...OPERATIONS,
  "LookupEvents",
  "ListAccounts",
  "ListRegions",
];
// Organizations' JSON 1.1 X-Amz-Target prefix (its model's service target).
const ORGANIZATIONS_TARGET = "AWSOrganizationsV20161128.";
// CloudTrail's JSON 1.1 X-Amz-Target prefixes: the API reference's, and the shorter one the
// current SDK sends (its model's service target `CloudTrail_20131101`).
const CLOUDTRAIL_TARGETS = [
  "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.",
  "CloudTrail_20131101.",
];

/** A request quota: a token bucket refilled at `perSecond`, holding at most `burst` tokens. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/**
 * KMS's default request quotas per account and region (Service Quotas: "GetKeyLastUsage
 * request rate" 5/s, "DescribeKey" 2000/s, "ListAliases" and "ListKeys" 500/s), and
 * CloudTrail's for `LookupEvents` ("limited to two per second, per account, per Region", API
 * reference). AWS does not publish burst sizes: one second's worth is the brief's choice.
 */
export const DEFAULT_RATES: Readonly<Record<RateLimitedOperation, RateLimit>> = {
  DescribeKey: { perSecond: 2000, burst: 2000 },
  GetKeyLastUsage: { perSecond: 5, burst: 5 },
  ListAliases: { perSecond: 500, burst: 500 },
  ListKeys: { perSecond: 500, burst: 500 },
  LookupEvents: { perSecond: 2, burst: 2 },
  // Account Management: "Rate of ListRegions requests per account: 5 per second, burst to 5".
  ListRegions: { perSecond: 5, burst: 5 },
  // Organizations publishes no per-operation rate for ListAccounts: the rate the tool paces
  // at (src/facts/organizations.ts), so that a client that does not pace is caught.
  ListAccounts: { perSecond: 5, burst: 5 },
};

export type KeyState =
  | "Creating"
  | "Enabled"
  | "Disabled"
  | "PendingDeletion"
  | "PendingImport"
  | "PendingReplicaDeletion"
  | "Unavailable"
  | "Updating";

/** The operations `GetKeyLastUsage` reports (`KeyLastUsageTrackingOperation`). */
export type TrackedOperation =
  | "Decrypt"
  | "DeriveSharedSecret"
  | "Encrypt"
  | "GenerateDataKey"
  | "GenerateDataKeyPair"
  | "GenerateDataKeyPairWithoutPlaintext"
  | "GenerateDataKeyWithoutPlaintext"
  | "GenerateMac"
  | "ReEncrypt"
  | "Sign"
  | "Verify"
  | "VerifyMac"
  | "Encapsulate"
  | "Decapsulate";

export type DateInput = Date | string;

/** The last successful cryptographic use of a key, as `GetKeyLastUsage` reports it. */
export interface SeedLastUsage {
  operation: TrackedOperation;
  timestamp: DateInput;
  cloudTrailEventId?: string;
  kmsRequestId?: string;
}

/** One regional KMS key. A multi-Region key is one `SeedKey` per region, sharing `keyId`. */
export interface SeedKey {
  /** A UUID, or `mrk-` and 32 hex digits for a multi-Region key (KMS's own formats). */
  keyId: string;
  region?: string;
  account?: string;
  createdAt?: DateInput;
  state?: KeyState;
  description?: string;
  manager?: "CUSTOMER" | "AWS";
  spec?: string;
  usage?: "ENCRYPT_DECRYPT" | "SIGN_VERIFY" | "GENERATE_VERIFY_MAC" | "KEY_AGREEMENT";
  origin?: "AWS_KMS" | "EXTERNAL" | "AWS_CLOUDHSM" | "EXTERNAL_KEY_STORE";
  multiRegion?: boolean;
  /** Required for a multi-Region key. */
  multiRegionRole?: "PRIMARY" | "REPLICA";
  /**
   * The set's primary and replica regions as `MultiRegionConfiguration` reports them. By default
   * they are derived from the seeded keys with the same account and key id; set them to describe
   * members the emulator does not hold (a replica that is gone, say).
   */
  primaryRegion?: string;
  replicaRegions?: string[];
  /** Present when the key is `PendingDeletion`; defaults to 7 days after `createdAt`. */
  deletionDate?: DateInput;
  /** `PendingDeletionWindowInDays`, reported for `PendingReplicaDeletion` keys. */
  pendingWindowDays?: number;
  /** `null` or absent: no recorded use (`KeyLastUsage` is `{}`, see `emptyLastUsage`). */
  lastUsage?: SeedLastUsage | null;
  /** Defaults to the later of the emulator's tracking start and `createdAt`. */
  trackingStartDate?: DateInput;
}

/** An alias, in the region and account of the key it points at unless it says otherwise. */
export interface SeedAlias {
  /** `alias/...` */
  name: string;
  /** The target's key id (not an ARN), in the alias's account and region. */
  targetKeyId?: string;
  region?: string;
  account?: string;
  createdAt?: DateInput;
}

export interface SeedData {
  keys?: SeedKey[];
  aliases?: SeedAlias[];
  /** Deployed CloudFormation stacks, answered through ListStackResources. */
  stacks?: SeedStack[];
  /** CloudTrail Event history, answered through LookupEvents (appended, never replaced). */
  events?: SeedTrailEvent[];
  /** The organization Organizations ListAccounts lists (replaced). */
  organization?: SeedOrganization;
  /** Accounts' regions, as Account ListRegions lists them (default `DEFAULT_ACCOUNT_REGIONS`). */
  accountRegions?: SeedAccountRegions[];
  /** Role ARNs STS refuses to let anyone assume (AccessDenied). */
  deniedRoles?: string[];
}

/** A deployed stack: its logical ids and their physical ids. */
export interface SeedStack {
  name: string;
  region?: string;
  account?: string;
  resources: Record<string, { type: string; physicalId: string }>;
  /** The deployed template (GetTemplate's TemplateBody). */
  template?: unknown;
}

/** A caller identity, chosen by the access key id the request is signed with. */
export interface Caller {
  account: string;
  /** The principal named in access-denied messages. Default `arn:aws:iam::ACCOUNT:user/ci`. */
  arn?: string;
}

/** A response delay, fixed or uniformly random in `[minMs, maxMs]`, capped at 10 s. */
export type Latency = number | { minMs: number; maxMs: number };

/** What a fault does to the request it matches. */
export type FaultKind =
  /** HTTP 500 `KMSInternalException`. */
  | { kind: "kms-internal" }
  /** HTTP 500 `InternalFailure`, the AWS-wide internal error. */
  | { kind: "internal-failure" }
  /** HTTP 503 `ServiceUnavailableException`. */
  | { kind: "unavailable" }
  /** HTTP 503 `DependencyTimeoutException`. */
  | { kind: "dependency-timeout" }
  /** HTTP 400 `ThrottlingException`, whatever the rate. */
  | { kind: "throttle" }
  /** The server destroys the connection without answering. */
  | { kind: "reset" }
  /** The normal answer, after `delayMs` (capped at 120 s) — longer than a client timeout. */
  | { kind: "slow"; delayMs: number }
  /**
   * HTTP 400 `AccessDeniedException` naming the caller, the `kms:` action and the key
   * (STS: HTTP 403 `AccessDenied` in its XML).
   */
  | { kind: "access-denied" }
  /** Any error answer (STS and CloudFormation: in their XML error shape). */
  | { kind: "error"; status: number; type: string; message?: string }
  /**
   * The credentials are refused before anything else is looked at: KMS answers HTTP 400
   * `UnrecognizedClientException`, STS and CloudFormation HTTP 403 `InvalidClientTokenId`.
   */
  | { kind: "credentials-refused" }
  /** The connection is accepted and the request read, but no answer ever comes (until close). */
  | { kind: "silent" }
  /** An HTML page (a proxy's or a captive portal's) with this status, 200 by default. */
  | { kind: "html"; status?: number }
  /** HTTP 200 with an empty body. */
  | { kind: "empty-body" }
  /** HTTP 200 with the body `{}`: JSON, but no answer to the question asked. */
  | { kind: "empty-object" }
  /** HTTP 200 with a KMS content type and a body that is not JSON (default `OK`). */
  | { kind: "not-json"; body?: string }
  /**
   * An error answer in JSON that names no AWS error type (no `__type`, `code`, `<Code>` or
   * X-Amzn-ErrorType): a proxy's or another API's. HTTP 404 and `{"message":"Not Found"}`
   * unless the test says otherwise.
   */
  | { kind: "json-error"; status?: number; body?: string }
  /**
   * ListAliases and ListKeys page wrongly: `no-marker` says `Truncated: true` without a
   * `NextMarker`; `repeat-marker` hands back the marker of the page it just served (a
   * client that follows it loops); `endless` serves that page again under a fresh marker
   * each time (a client that only watches for repeated markers pages forever).
   * ListStackResources and LookupEvents likewise with `NextToken`; LookupEvents has no
   * `Truncated`, so its `no-marker` leaves `NextToken` out and the list looks complete.
   */
  | { kind: "bad-pagination"; how: "no-marker" | "repeat-marker" | "endless" }
  /**
   * The real answer, but for another key: DescribeKey and GetKeyLastUsage answer as if the
   * request had named `answerAs` (a key id or key ARN the emulator holds).
   */
  | { kind: "wrong-key"; answerAs: string };

/** The STS operations the emulator answers. */
export type StsOperation = "GetCallerIdentity" | "AssumeRole";
/** The CloudFormation operations the emulator answers. */
export type CloudFormationOperation = "ListStackResources" | "GetTemplate";
/** The services behind the emulator's one endpoint, told apart by the request's signing scope. */
export type Service = "kms" | "sts" | "cloudformation" | "cloudtrail" | "organizations" | "account";
const STS_OPERATIONS: readonly string[] = ["GetCallerIdentity", "AssumeRole"];
const CLOUDFORMATION_OPERATIONS: readonly string[] = ["ListStackResources", "GetTemplate"];

/** Which requests a fault applies to, and how often. */
export interface FaultMatch {
  /**
   * Which service's requests: by default the service of `operation`, else KMS only; `any`
   * for every request the endpoint gets (a silent or broken endpoint).
   */
  service?: Service | "any";
  /** Default: every operation of the service. */
  operation?:
    | KmsOperation
    | StsOperation
    | CloudFormationOperation
    | CloudTrailOperation
    | InventoryOperation;
  /**
   * A key id, key ARN or alias name, compared with the request's `KeyId` and the key it names
   * (LookupEvents: with a `ResourceName` lookup attribute's value, key id or ARN alike).
   */
  keyId?: string;
  /** The signing region. Default: every region. */
  region?: string;
  /** A CloudFormation request's `StackName`. Default: every stack. */
  stackName?: string;
  /** How many matching calls the fault applies to. Default: all of them. */
  times?: number;
}

export type Fault = FaultKind & FaultMatch;

/** A fault in force; `clear()` removes it. */
export interface FaultHandle {
  /** Matching calls the fault has answered so far. */
  readonly hits: number;
  clear(): void;
}

/** One request the emulator answered (or is answering). */
export interface RecordedCall {
  operation: string;
  region: string;
  account: string;
  /** The request's `KeyId`, as sent. */
  keyId?: string;
  /** The ARN of the key the request resolved to, when it did. */
  keyArn?: string;
  /** A CloudFormation request's `StackName`, as sent. */
  stackName?: string;
  /** A LookupEvents request's (first) lookup attribute, as sent. */
  lookupAttribute?: { key: string; value: string };
  /** Whether a LookupEvents request carried a `NextToken`. */
  nextToken?: boolean;
  /** Milliseconds from the emulator's start to the request's arrival (monotonic clock). */
  at: number;
  /** The HTTP status sent; 0 while pending, or when the connection was reset instead. */
  status: number;
  /** The error type (`__type`) of an error answer. */
  error?: string;
}

/** Counts of the rate-limited operations: KMS's and CloudTrail's LookupEvents. */
export interface KmsEmulatorStats {
  requests: number;
  /** ThrottlingException answers: over the rate, or injected. */
  throttled: number;
  byOperation: Record<string, { requests: number; throttled: number }>;
  /** The most requests the emulator held at once. */
  maxInFlight: number;
  /** Requests it holds now: a request a silent fault holds stays until its client gives up. */
  inFlight: number;
  /** Calls left out of `calls` once it reached its bound. */
  unrecordedCalls: number;
}

export interface KmsEmulatorOptions {
  /** Access key id → caller identity. A key id not listed is a caller in `DEFAULT_ACCOUNT`. */
  callers?: Record<string, Caller>;
  /** The account of callers not in `callers`. Default `DEFAULT_ACCOUNT`. */
  defaultAccount?: string;
  /** Per-operation quota overrides (`burst` defaults to one second's worth); the rest keep `DEFAULT_RATES`. */
  rates?: Partial<Record<RateLimitedOperation, Partial<RateLimit>>>;
  /**
   * "Now" for CloudTrail's Event history, which holds the last 90 days before it. Default:
   * real time. Tests that pin `--now` pass the same instant.
   */
  clock?: () => Date;
  /**
   * Whether a LookupEvents `ResourceName` of a bare key id matches the key's events (AWS does
   * not document it; default false, events match by key ARN only).
   */
  trailResourceNameMatchesKeyId?: boolean;
  latency?: Latency;
  /** When KMS began tracking usage (see `DEFAULT_TRACKING_START`). */
  trackingStartDate?: DateInput;
  /** Random source for latency jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
  /**
   * How `GetKeyLastUsage` says "no recorded use": `KeyLastUsage: {}` as the API reference
   * documents (the default), or by leaving `KeyLastUsage` out. Clients should accept both.
   */
  emptyLastUsage?: "empty-object" | "absent";
  seed?: SeedData;
}

export interface KmsEmulator {
  /** `http://127.0.0.1:PORT`, for the SDK's `endpoint` or `AWS_ENDPOINT_URL_KMS`. */
  readonly endpoint: string;
  /**
   * Every request that named a served operation and carried a SigV4 credential scope, in
   * arrival order (bounded; see `stats().unrecordedCalls`).
   */
  readonly calls: RecordedCall[];
  /** Role ARNs assumed through STS AssumeRole, in order. */
  readonly assumedRoles: string[];
  /** STS requests (GetCallerIdentity, AssumeRole), in arrival order, answered or not. */
  readonly stsCalls: RecordedCall[];
  /**
   * CloudFormation requests (ListStackResources, GetTemplate), in arrival order, answered or
   * not; `account` is the account of the credentials that signed it.
   */
  readonly cloudFormationCalls: RecordedCall[];
  /**
   * CloudTrail requests (LookupEvents), in arrival order, answered or not; `account` is the
   * account of the credentials that signed it. Counted in `stats()` with KMS's.
   */
  readonly trailCalls: RecordedCall[];
  /**
   * Organizations ListAccounts and Account ListRegions requests, in arrival order;
   * `account` is the account of the credentials that signed it. Counted in `stats()`.
   */
  readonly inventoryCalls: RecordedCall[];
  /**
   * Adds keys and aliases (replacing any with the same identity) and CloudTrail events
   * (appended). Throws on seeds KMS or CloudTrail could not hold.
   */
  seed(data: SeedData): void;
  /** Injects a fault. Faults are tried in the order they were set; the first that matches applies. */
  setFault(fault: Fault): FaultHandle;
  clearFaults(): void;
  setLatency(latency: Latency): void;
  /** Changes an operation's quota; buckets restart full. */
  setRate(operation: RateLimitedOperation, rate: Partial<RateLimit>): void;
  stats(): KmsEmulatorStats;
  /** Forgets recorded calls and counters (not seeds, faults or rates). */
  resetCalls(): void;
  /** Stops listening, ends open (keep-alive) connections and abandons pending answers. */
  close(): Promise<void>;
}

/** A deterministic key id for the n-th test key: a UUID, or an `mrk-` id for multi-Region keys. */
export function testKeyId(n: number, multiRegion = false): string {
  const hex = Math.trunc(n).toString(16).padStart(12, "0").slice(-12);
  return multiRegion ? `mrk-${"0".repeat(20)}${hex}` : `00000000-0000-4000-8000-${hex}`;
}

/** The partition a region belongs to, for ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export function keyArn(region: string, account: string, keyId: string): string {
  return `arn:${partitionOf(region)}:kms:${region}:${account}:key/${keyId}`;
}

export function aliasArn(region: string, account: string, aliasName: string): string {
  return `arn:${partitionOf(region)}:kms:${region}:${account}:${aliasName}`;
}

/** Member of a multi-Region set: a seed key without the parts the set decides. */
export type MultiRegionMember = Omit<
  SeedKey,
  "keyId" | "multiRegion" | "multiRegionRole" | "primaryRegion" | "replicaRegions"
> & { region: string };

/**
 * The seed keys of one multi-Region key: a primary and its replicas, one per region, each with
 * its own state and last usage (KMS tracks usage per member).
 */
export function multiRegionKeySet(set: {
  keyId: string;
  account?: string;
  primary: MultiRegionMember;
  replicas: MultiRegionMember[];
}): SeedKey[] {
  const common = { keyId: set.keyId, multiRegion: true, account: set.account };
  return [
    { ...common, ...set.primary, multiRegionRole: "PRIMARY" },
    ...set.replicas.map(
      (replica): SeedKey => ({ ...common, ...replica, multiRegionRole: "REPLICA" }),
    ),
  ];
}

/** Starts an emulator on an ephemeral port of 127.0.0.1. */
export async function startKmsEmulator(options: KmsEmulatorOptions = {}): Promise<KmsEmulator> {
  const emulator = new Emulator(options);
  await emulator.listen();
  return emulator;
}

// ---------------------------------------------------------------------------------------------
// State

interface StoredKey {
  keyId: string;
  region: string;
  account: string;
  arn: string;
  createdAt: Date;
  state: KeyState;
  description: string;
  manager: "CUSTOMER" | "AWS";
  spec: string;
  usage: string;
  origin: string;
  multiRegion: boolean;
  multiRegionRole?: "PRIMARY" | "REPLICA";
  primaryRegion?: string;
  replicaRegions?: string[];
  deletionDate?: Date;
  pendingWindowDays?: number;
  lastUsage?: {
    operation: string;
    timestamp: Date;
    cloudTrailEventId: string;
    kmsRequestId: string;
  };
  trackingStartDate: Date;
}

interface StoredAlias {
  name: string;
  arn: string;
  region: string;
  account: string;
  targetKeyId?: string;
  createdAt: Date;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
  hits: number;
}

/** What a request is allowed to do, and who made it. */
interface RequestContext {
  operation: KmsOperation;
  region: string;
  caller: Required<Caller>;
  contentType: string;
  text: string;
  /** The parsed request; empty until the envelope checks pass. */
  body: Record<string, unknown>;
  call: RecordedCall;
  /** A `wrong-key` fault: answer for this key instead of the one asked. */
  answerAs?: string;
  /** A `bad-pagination` fault: how the list's continuation is wrong. */
  pagination?: Pagination;
}

type Pagination = Extract<FaultKind, { kind: "bad-pagination" }>["how"];

/** What a fault is matched against. */
interface FaultScope {
  service: Service;
  operation: string;
  region: string;
  /** Whether the request names this key (KMS requests only). */
  namesKey?: (wanted: string) => boolean;
  /** The stack a CloudFormation request names. */
  stackName?: string;
}

const WIRE_FAULTS: readonly FaultKind["kind"][] = [
  "silent",
  "reset",
  "html",
  "empty-body",
  "empty-object",
  "not-json",
  "json-error",
  "credentials-refused",
];

/** Faults of the endpoint or the credentials, which a real service shows before any quota. */
function isWireFault(kind: FaultKind["kind"]): boolean {
  return WIRE_FAULTS.includes(kind);
}

/** The service an operation belongs to; KMS when none is named. */
function serviceOf(operation: string | undefined): Service {
  if (operation === "LookupEvents") return "cloudtrail";
  if (operation === "ListAccounts") return "organizations";
  if (operation === "ListRegions") return "account";
  if (operation !== undefined && STS_OPERATIONS.includes(operation)) return "sts";
  if (operation !== undefined && CLOUDFORMATION_OPERATIONS.includes(operation)) {
    return "cloudformation";
  }
  return "kms";
}

/** The Query-protocol error (status, code, message) an STS or CloudFormation fault answers with. */
function queryError(
  fault: FaultKind,
  scope: FaultScope,
  caller: Required<Caller>,
): [number, string, string] {
  switch (fault.kind) {
    case "access-denied":
      return [
        403,
        "AccessDenied",
        `User: ${caller.arn} is not authorized to perform: ${scope.service}:${scope.operation}`,
      ];
    case "credentials-refused":
      return [
        403,
        "InvalidClientTokenId",
        "The security token included in the request is invalid.",
      ];
    case "throttle":
      return [400, "Throttling", "Rate exceeded"];
    case "kms-internal":
    case "internal-failure":
      return [500, "InternalFailure", "We encountered an internal error. Please try again."];
    case "unavailable":
    case "dependency-timeout":
      return [503, "ServiceUnavailable", "Service Unavailable"];
    case "error":
      return [fault.status, fault.type, fault.message ?? fault.type];
    default:
      throw new Error(`kms-emulator: fault ${fault.kind} does not apply to ${scope.service}`);
  }
}

function xmlText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** An error answer, thrown by handlers and turned into the JSON 1.1 error shape. */
class KmsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MRK_ID = /^mrk-[0-9a-f]{32}$/i;
const KMS_ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/;
// SigV4: `AWS4-HMAC-SHA256 Credential=AKID/YYYYMMDD/REGION/SERVICE/aws4_request, SignedHeaders=…, Signature=…`
const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

function toDate(value: DateInput, what: string): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`kms-emulator: ${what} is not a date: ${value}`);
  return date;
}

/** KMS's wire format for timestamps: epoch seconds, fractional. */
function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

function clampLatency(latency: Latency): Latency {
  if (typeof latency === "number") return Math.min(Math.max(0, latency), MAX_LATENCY_MS);
  const minMs = Math.min(Math.max(0, latency.minMs), MAX_LATENCY_MS);
  return { minMs, maxMs: Math.min(Math.max(minMs, latency.maxMs), MAX_LATENCY_MS) };
}

/** The algorithm lists DescribeKey reports for a key spec and usage. */
function algorithms(spec: string, usage: string): Record<string, string[]> {
  if (usage === "ENCRYPT_DECRYPT") {
    if (spec === "SYMMETRIC_DEFAULT") return { EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"] };
    if (spec.startsWith("RSA_")) {
      return { EncryptionAlgorithms: ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"] };
    }
    if (spec === "SM2") return { EncryptionAlgorithms: ["SM2PKE"] };
  }
  if (usage === "SIGN_VERIFY") {
    if (spec.startsWith("RSA_")) {
      const sizes = ["256", "384", "512"];
      return {
        SigningAlgorithms: [
          ...sizes.map((s) => `RSASSA_PSS_SHA_${s}`),
          ...sizes.map((s) => `RSASSA_PKCS1_V1_5_SHA_${s}`),
        ],
      };
    }
    const ecdsa: Record<string, string> = {
      ECC_NIST_P256: "ECDSA_SHA_256",
      ECC_NIST_P384: "ECDSA_SHA_384",
      ECC_NIST_P521: "ECDSA_SHA_512",
      ECC_SECG_P256K1: "ECDSA_SHA_256",
    };
    const algorithm = ecdsa[spec];
    if (algorithm) return { SigningAlgorithms: [algorithm] };
  }
  if (usage === "GENERATE_VERIFY_MAC" && spec.startsWith("HMAC_")) {
    return { MacAlgorithms: [`HMAC_SHA_${spec.slice("HMAC_".length)}`] };
  }
  if (usage === "KEY_AGREEMENT") return { KeyAgreementAlgorithms: ["ECDH"] };
  return {};
}

class Emulator implements KmsEmulator {
  endpoint = "";
  readonly calls: RecordedCall[] = [];

  private readonly server = createServer((req, res) => {
    void this.handle(req, res);
  });
  private readonly startedAt = performance.now();
  private readonly callers: Record<string, Caller>;
  /** Role ARNs assumed through STS AssumeRole, in order. */
  readonly assumedRoles: string[] = [];
  readonly stsCalls: RecordedCall[] = [];
  readonly cloudFormationCalls: RecordedCall[] = [];
  readonly trailCalls: RecordedCall[] = [];
  readonly inventoryCalls: RecordedCall[] = [];
  private readonly organization = new Organization();
  private readonly deniedRoles = new Set<string>();
  private readonly history: TrailHistory;
  private readonly stacks = new Map<string, SeedStack>();
  private readonly defaultAccount: string;
  private readonly trackingStart: Date;
  private readonly random: () => number;
  private readonly emptyLastUsage: "empty-object" | "absent";
  private readonly rates: Record<RateLimitedOperation, RateLimit>;
  private latency: Latency;

  /** `account|region|keyId` → key. */
  private readonly keys = new Map<string, StoredKey>();
  /** `account|region|alias/name` → alias. */
  private readonly aliases = new Map<string, StoredAlias>();
  /** `account|region|operation` → bucket. */
  private readonly buckets = new Map<string, Bucket>();
  private faults: ActiveFault[] = [];
  /** Pending delays, so close() can cut them short. */
  private readonly waits = new Set<{ timer?: NodeJS.Timeout; done: (ok: boolean) => void }>();
  private closed = false;

  private counters = this.freshCounters();
  private inFlight = 0;

  constructor(options: KmsEmulatorOptions) {
    this.callers = { ...options.callers };
    this.defaultAccount = options.defaultAccount ?? DEFAULT_ACCOUNT;
    this.trackingStart = toDate(
      options.trackingStartDate ?? DEFAULT_TRACKING_START,
      "trackingStartDate",
    );
    this.random = options.random ?? Math.random;
    this.emptyLastUsage = options.emptyLastUsage ?? "empty-object";
    this.latency = clampLatency(options.latency ?? 0);
    this.rates = { ...DEFAULT_RATES };
    for (const operation of RATE_LIMITED) {
      const override = options.rates?.[operation];
      if (override) this.rates[operation] = this.checkedRate(operation, override);
    }
    this.history = new TrailHistory({
      defaultAccount: this.defaultAccount,
      defaultRegion: DEFAULT_REGION,
      clock: options.clock ?? (() => new Date()),
      keyArn,
      resourceNameMatchesKeyId: options.trailResourceNameMatchesKeyId ?? false,
    });
    if (options.seed) this.seed(options.seed);
    // Keep-alive sockets idle between tests must not keep the process alive after close().
    this.server.keepAliveTimeout = 5_000;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    this.endpoint = `http://127.0.0.1:${port}`;
  }

  // --- public API -----------------------------------------------------------------------------

  seed(data: SeedData): void {
    for (const stack of data.stacks ?? []) {
      const id = `${stack.account ?? this.defaultAccount}/${stack.region ?? DEFAULT_REGION}/${stack.name}`;
      this.stacks.set(id, stack);
    }
    for (const seed of data.keys ?? []) {
      const key = this.storedKey(seed);
      this.keys.set(`${key.account}|${key.region}|${key.keyId.toLowerCase()}`, key);
    }
    for (const seed of data.aliases ?? []) {
      const alias = this.storedAlias(seed);
      this.aliases.set(`${alias.account}|${alias.region}|${alias.name}`, alias);
    }
    if (data.events) this.history.add(data.events);
    if (data.organization) this.organization.seedOrganization(data.organization);
    for (const regions of data.accountRegions ?? []) this.organization.seedRegions(regions);
    for (const role of data.deniedRoles ?? []) this.deniedRoles.add(role);
  }

  setFault(fault: Fault): FaultHandle {
    const service = fault.service ?? serviceOf(fault.operation);
    if (service === "cloudtrail" && fault.kind === "wrong-key") {
      throw new Error("kms-emulator: a wrong-key fault does not apply to CloudTrail");
    }
    const active: ActiveFault = {
      fault,
      remaining: fault.times ?? Number.POSITIVE_INFINITY,
      hits: 0,
    };
    this.faults.push(active);
    return {
      get hits() {
        return active.hits;
      },
      clear: () => {
        this.faults = this.faults.filter((f) => f !== active);
      },
    };
  }

  clearFaults(): void {
    this.faults = [];
  }

  setLatency(latency: Latency): void {
    this.latency = clampLatency(latency);
  }

  setRate(operation: RateLimitedOperation, rate: Partial<RateLimit>): void {
    this.rates[operation] = this.checkedRate(operation, { ...this.rates[operation], ...rate });
    for (const id of this.buckets.keys()) {
      if (id.endsWith(`|${operation}`)) this.buckets.delete(id);
    }
  }

  stats(): KmsEmulatorStats {
    const byOperation: KmsEmulatorStats["byOperation"] = {};
    for (const [operation, counts] of this.counters.byOperation)
      byOperation[operation] = { ...counts };
    return {
      requests: this.counters.requests,
      throttled: this.counters.throttled,
      byOperation,
      maxInFlight: this.counters.maxInFlight,
      inFlight: this.inFlight,
      unrecordedCalls: this.counters.unrecordedCalls,
    };
  }

  resetCalls(): void {
    this.calls.length = 0;
    this.stsCalls.length = 0;
    this.cloudFormationCalls.length = 0;
    this.trailCalls.length = 0;
    this.inventoryCalls.length = 0;
    this.counters = this.freshCounters();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const wait of this.waits) {
      if (wait.timer) clearTimeout(wait.timer);
      wait.done(false);
    }
    this.waits.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  // --- seeding --------------------------------------------------------------------------------

  private checkedRate(operation: RateLimitedOperation, rate: Partial<RateLimit>): RateLimit {
    const perSecond = rate.perSecond ?? DEFAULT_RATES[operation].perSecond;
    const burst = rate.burst ?? Math.max(1, Math.ceil(perSecond));
    if (!(perSecond > 0) || !(burst >= 1)) {
      throw new Error(`kms-emulator: ${operation} rate needs perSecond > 0 and burst ≥ 1`);
    }
    return { perSecond, burst };
  }

  private storedKey(seed: SeedKey): StoredKey {
    const region = seed.region ?? DEFAULT_REGION;
    const account = seed.account ?? this.defaultAccount;
    const multiRegion = seed.multiRegion ?? false;
    const where = `key ${seed.keyId} in ${region}`;
    if (multiRegion ? !MRK_ID.test(seed.keyId) : !UUID.test(seed.keyId)) {
      throw new Error(
        `kms-emulator: ${where}: KMS key ids are UUIDs, or mrk- and 32 hex digits for multi-Region keys (testKeyId() makes one)`,
      );
    }
    if (multiRegion && !seed.multiRegionRole) {
      throw new Error(`kms-emulator: ${where}: a multi-Region key needs multiRegionRole`);
    }
    const createdAt = toDate(seed.createdAt ?? "2024-01-15T10:00:00Z", `${where} createdAt`);
    const state = seed.state ?? "Enabled";
    const trackingStartDate = seed.trackingStartDate
      ? toDate(seed.trackingStartDate, `${where} trackingStartDate`)
      : new Date(Math.max(this.trackingStart.getTime(), createdAt.getTime()));
    const key: StoredKey = {
      keyId: seed.keyId,
      region,
      account,
      arn: keyArn(region, account, seed.keyId),
      createdAt,
      state,
      description: seed.description ?? "",
      manager: seed.manager ?? "CUSTOMER",
      spec: seed.spec ?? "SYMMETRIC_DEFAULT",
      usage: seed.usage ?? "ENCRYPT_DECRYPT",
      origin: seed.origin ?? "AWS_KMS",
      multiRegion,
      trackingStartDate,
    };
    if (multiRegion) {
      key.multiRegionRole = seed.multiRegionRole;
      if (seed.primaryRegion) key.primaryRegion = seed.primaryRegion;
      if (seed.replicaRegions) key.replicaRegions = [...seed.replicaRegions];
    }
    if (state === "PendingDeletion") {
      key.deletionDate = seed.deletionDate
        ? toDate(seed.deletionDate, `${where} deletionDate`)
        : new Date(createdAt.getTime() + 7 * 86_400_000);
    }
    if (state === "PendingReplicaDeletion") key.pendingWindowDays = seed.pendingWindowDays ?? 30;
    if (seed.lastUsage) {
      key.lastUsage = {
        operation: seed.lastUsage.operation,
        timestamp: toDate(seed.lastUsage.timestamp, `${where} lastUsage.timestamp`),
        cloudTrailEventId: seed.lastUsage.cloudTrailEventId ?? randomUUID(),
        kmsRequestId: seed.lastUsage.kmsRequestId ?? randomUUID(),
      };
    }
    return key;
  }

  private storedAlias(seed: SeedAlias): StoredAlias {
    const region = seed.region ?? DEFAULT_REGION;
    const account = seed.account ?? this.defaultAccount;
    if (!/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(seed.name)) {
      throw new Error(`kms-emulator: alias name ${seed.name} is not alias/[a-zA-Z0-9/_-]+`);
    }
    if (
      seed.targetKeyId &&
      !this.keys.has(`${account}|${region}|${seed.targetKeyId.toLowerCase()}`)
    ) {
      throw new Error(
        `kms-emulator: alias ${seed.name} targets ${seed.targetKeyId}, which is not a key of ${account} in ${region}: seed the key first`,
      );
    }
    const alias: StoredAlias = {
      name: seed.name,
      arn: aliasArn(region, account, seed.name),
      region,
      account,
      createdAt: toDate(seed.createdAt ?? "2024-01-15T10:00:00Z", `alias ${seed.name} createdAt`),
    };
    if (seed.targetKeyId) alias.targetKeyId = seed.targetKeyId;
    return alias;
  }

  // --- the HTTP exchange ----------------------------------------------------------------------

  private freshCounters() {
    return {
      requests: 0,
      throttled: 0,
      maxInFlight: 0,
      unrecordedCalls: 0,
      byOperation: new Map<string, { requests: number; throttled: number }>(),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.inFlight);
    const at = performance.now() - this.startedAt;
    try {
      const body = await this.readBody(req);
      if (body === undefined) {
        // Too large: answer, then drop the connection rather than drain the rest.
        res.setHeader("Connection", "close");
        this.send(res, 413, errorBody("RequestEntityTooLarge", "Request body exceeds 1 MB"));
        return;
      }
      if (await this.answerSts(req, body, res, at)) return;
      if (await this.answerCloudFormation(req, body, res, at)) return;
      if (await this.answerCloudTrail(req, body, res, at)) return;
      if (await this.answerInventory(req, body, res, at)) return;
      let context: RequestContext;
      try {
        context = this.context(req, body, at);
      } catch (error) {
        if (!(error instanceof KmsError)) throw error;
        await this.delay(this.latencyMs());
        this.send(res, error.status, errorBody(error.type, error.message));
        return;
      }
      await this.answer(context, res);
    } catch (error) {
      // An emulator bug: say so in the answer rather than leaving the client hanging.
      if (!res.headersSent && !res.destroyed) {
        this.send(res, 500, errorBody("InternalFailure", `kms-emulator: ${String(error)}`));
      }
    } finally {
      this.inFlight--;
    }
  }

  /** The body, or undefined when it is over the size limit. */
  private async readBody(req: IncomingMessage): Promise<string | undefined> {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_BODY_BYTES) return undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return undefined;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  /** CloudFormation ListStackResources (the Query protocol, XML; one page). True when answered. */
  private async answerCloudFormation(
    req: IncomingMessage,
    text: string,
    res: ServerResponse,
    at: number,
  ): Promise<boolean> {
    const credential = CREDENTIAL.exec(String(req.headers.authorization ?? ""));
    const params = new URLSearchParams(text);
    const action = params.get("Action");
    if (
      credential?.[4] !== "cloudformation" ||
      (action !== "ListStackResources" && action !== "GetTemplate")
    ) {
      return false;
    }
    const caller = this.caller(credential[1] ?? "");
    const name = params.get("StackName") ?? "";
    const scope = {
      service: "cloudformation" as const,
      operation: action,
      region: credential[3] ?? "",
      stackName: name,
    };
    const call: RecordedCall = {
      operation: action,
      region: scope.region,
      account: caller.account,
      stackName: name,
      at,
      status: 0,
    };
    if (this.cloudFormationCalls.length < MAX_RECORDED_CALLS) this.cloudFormationCalls.push(call);
    res.once("finish", () => {
      call.status = res.statusCode;
    });
    // A spoilt continuation is an answer, not an error: it is applied to the pages below.
    const paging = this.matchingFault(scope, (kind) => kind === "bad-pagination");
    if (!paging && (await this.queryFault(scope, caller, res, call))) return true;
    const account = caller.account;
    const stack = this.stacks.get(`${account}/${credential[3]}/${name}`);
    const requestId = randomUUID();
    if (!stack) {
      res.writeHead(400, { "Content-Type": "text/xml", "x-amzn-RequestId": requestId });
      res.end(
        `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${name} does not exist</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
      return true;
    }
    if (action === "GetTemplate") {
      const body = JSON.stringify(stack.template ?? { Resources: {} })
        .replaceAll("&", "&amp;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;");
      res.writeHead(200, { "Content-Type": "text/xml", "x-amzn-RequestId": requestId });
      res.end(
        `<GetTemplateResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><GetTemplateResult><TemplateBody>${body}</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable></GetTemplateResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetTemplateResponse>`,
      );
      return true;
    }
    // CloudFormation pages ListStackResources by 100; the token is the next page's offset here.
    const offset = Number(params.get("NextToken") ?? 0) || 0;
    const all = Object.entries(stack.resources);
    const page = all.slice(offset, offset + STACK_RESOURCES_PAGE);
    const members = page
      .map(
        ([logicalId, r]) =>
          `<member><LogicalResourceId>${logicalId}</LogicalResourceId><PhysicalResourceId>${r.physicalId}</PhysicalResourceId><ResourceType>${r.type}</ResourceType><LastUpdatedTimestamp>2026-06-01T00:00:00Z</LastUpdatedTimestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>`,
      )
      .join("");
    const more = offset + STACK_RESOURCES_PAGE < all.length;
    const how = paging?.kind === "bad-pagination" ? paging.how : null;
    const next =
      how === "repeat-marker"
        ? "1"
        : how === "endless"
          ? String(offset + 1)
          : more && how !== "no-marker"
            ? String(offset + STACK_RESOURCES_PAGE)
            : null;
    const token = next === null ? "" : `<NextToken>${next}</NextToken>`;
    res.writeHead(200, { "Content-Type": "text/xml", "x-amzn-RequestId": requestId });
    res.end(
      `<ListStackResourcesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><ListStackResourcesResult><StackResourceSummaries>${members}</StackResourceSummaries>${token}</ListStackResourcesResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></ListStackResourcesResponse>`,
    );
    return true;
  }

  /**
   * STS GetCallerIdentity (the Query protocol, XML), so the tool's "same-account"
   * check runs for real when AWS_ENDPOINT_URL_STS points here. True when answered.
   */
  private async answerSts(
    req: IncomingMessage,
    text: string,
    res: ServerResponse,
    at: number,
  ): Promise<boolean> {
    const credential = CREDENTIAL.exec(String(req.headers.authorization ?? ""));
    if (credential?.[4] !== "sts" || !new URLSearchParams(text).has("Action")) return false;
    const { account, arn } = this.caller(credential[1] ?? "");
    const params = new URLSearchParams(text);
    const operation = params.get("Action") ?? "";
    const region = credential[3] ?? "";
    const call: RecordedCall = { operation, region, account, at, status: 0 };
    if (this.stsCalls.length < MAX_RECORDED_CALLS) this.stsCalls.push(call);
    if (await this.queryFault({ service: "sts", operation, region }, { account, arn }, res, call)) {
      return true;
    }
    // Every answer below is sent in full.
    res.once("finish", () => {
      call.status = res.statusCode;
    });
    if (params.get("Action") === "AssumeRole") {
      // The role's account becomes the caller for the temporary key this answer hands out.
      const role = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]+$/.exec(
        params.get("RoleArn") ?? "",
      );
      const roleArn = params.get("RoleArn") ?? "";
      if (!role || this.deniedRoles.has(roleArn)) {
        // STS's words when the role's trust policy does not name the caller.
        const message = `User: ${arn} is not authorized to perform: sts:AssumeRole on resource: ${xmlText(roleArn)}`;
        res.writeHead(403, { "Content-Type": "text/xml", "x-amzn-RequestId": randomUUID() });
        res.end(
          `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
        );
        return true;
      }
      const accessKeyId = `ASIA${randomUUID().replaceAll("-", "").slice(0, 16).toUpperCase()}`;
      this.callers[accessKeyId] = {
        account: role[1] as string,
        arn: `arn:aws:sts::${role[1]}:assumed-role/x/${params.get("RoleSessionName") ?? "s"}`,
      };
      this.assumedRoles.push(params.get("RoleArn") as string);
      const expiration = new Date(Date.now() + 3_600_000).toISOString();
      res.writeHead(200, { "Content-Type": "text/xml", "x-amzn-RequestId": randomUUID() });
      res.end(
        `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>secret</SecretAccessKey><SessionToken>token</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><Arn>${this.callers[accessKeyId]?.arn}</Arn><AssumedRoleId>AROA:x</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
      );
      return true;
    }
    if (params.get("Action") !== "GetCallerIdentity") {
      res.writeHead(400, { "Content-Type": "text/xml" });
      res.end("<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>");
      return true;
    }
    res.writeHead(200, { "Content-Type": "text/xml", "x-amzn-RequestId": randomUUID() });
    res.end(
      `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>AIDAEMULATOR</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
    return true;
  }

  /** Checks the envelope (method, path, target, signature scope) and records the call. */
  private context(req: IncomingMessage, text: string, at: number): RequestContext {
    if (req.method !== "POST" || (req.url ?? "/").split("?")[0] !== "/") {
      throw new KmsError(404, "UnknownOperationException", "KMS answers POST / only");
    }
    const target = String(req.headers["x-amz-target"] ?? "");
    const operationName = target.startsWith("TrentService.") ? target.slice(13) : "";
    const operation = OPERATIONS.find((op) => op === operationName);
    if (!operation) {
      throw new KmsError(
        400,
        "UnknownOperationException",
        `kms-emulator does not implement ${target || "(no X-Amz-Target)"}`,
      );
    }
    const authorization = String(req.headers.authorization ?? "");
    if (!authorization) {
      throw new KmsError(
        400,
        "MissingAuthenticationTokenException",
        "Missing Authentication Token",
      );
    }
    const credential = CREDENTIAL.exec(authorization);
    if (credential?.[4] !== "kms") {
      throw new KmsError(
        400,
        "IncompleteSignatureException",
        "Authorization header requires a Credential scope of the form AKID/DATE/REGION/kms/aws4_request",
      );
    }
    const accessKeyId = credential[1] ?? "";
    const region = credential[3] ?? "";
    const known = this.callers[accessKeyId];
    const account = known?.account ?? this.defaultAccount;
    const caller = { account, arn: known?.arn ?? `arn:aws:iam::${account}:user/ci` };
    const call = this.record({ operation, region, account, at, status: 0 });
    const contentType = String(req.headers["content-type"] ?? "");
    return { operation, region, caller, contentType, text, body: {}, call };
  }

  /** Parses the JSON body into `context.body`. */
  private parse(context: RequestContext): void {
    context.body = jsonBody(context.contentType, context.text);
    const keyId = context.body.KeyId;
    if (typeof keyId === "string") context.call.keyId = keyId;
  }

  /** Counts a rate-limited operation's request and logs it in `log` (KMS's `calls` by default). */
  private record(call: RecordedCall, log: RecordedCall[] = this.calls): RecordedCall {
    this.counters.requests++;
    const counts = this.counters.byOperation.get(call.operation) ?? { requests: 0, throttled: 0 };
    counts.requests++;
    this.counters.byOperation.set(call.operation, counts);
    if (log.length < MAX_RECORDED_CALLS) log.push(call);
    else this.counters.unrecordedCalls++;
    return call;
  }

  private countThrottled(call: RecordedCall): void {
    this.counters.throttled++;
    const counts = this.counters.byOperation.get(call.operation);
    if (counts) counts.throttled++;
  }

  /**
   * CloudTrail LookupEvents (JSON 1.1, like KMS), from the Event history of the signing
   * account and region, behind the same wire faults, quota and faults as KMS. True when the
   * request was signed for CloudTrail.
   */
  private async answerCloudTrail(
    req: IncomingMessage,
    text: string,
    res: ServerResponse,
    at: number,
  ): Promise<boolean> {
    const credential = CREDENTIAL.exec(String(req.headers.authorization ?? ""));
    if (credential?.[4] !== "cloudtrail") return false;
    const target = String(req.headers["x-amz-target"] ?? "");
    const prefix = CLOUDTRAIL_TARGETS.find((known) => target.startsWith(known));
    const operation = prefix === undefined ? "" : target.slice(prefix.length);
    if (operation !== "LookupEvents") {
      const message = `kms-emulator does not implement ${target || "(no X-Amz-Target)"}`;
      if (await this.delay(this.latencyMs())) {
        this.send(res, 400, errorBody("UnknownOperationException", message));
      }
      return true;
    }
    const caller = this.caller(credential[1] ?? "");
    const region = credential[3] ?? "";
    const call = this.record(
      { operation, region, account: caller.account, at, status: 0 },
      this.trailCalls,
    );
    let status = 200;
    let payload: unknown;
    let extraDelay = 0;
    try {
      const body = jsonBody(String(req.headers["content-type"] ?? ""), text);
      Object.assign(call, summarizeLookupRequest(body));
      const asked = call.lookupAttribute;
      if (asked?.key === "ResourceName" && KMS_ARN.test(asked.value)) call.keyArn = asked.value;
      const scope: FaultScope = {
        service: "cloudtrail",
        operation,
        region,
        namesKey: (wanted) => asked?.key === "ResourceName" && sameKey(asked.value, wanted),
      };
      // As for KMS: what happens on the wire, or to the credentials, comes before the quota.
      const early = this.matchingFault(scope, isWireFault);
      if (early?.kind === "credentials-refused") throw trailFaultError(early, caller);
      if (early) {
        await this.wireAnswer(early, "cloudtrail", res, call);
        return true;
      }
      if (!this.take(caller.account, region, operation)) {
        throw new KmsError(400, "ThrottlingException", "Rate exceeded");
      }
      const fault = this.matchingFault(scope, (kind) => !isWireFault(kind));
      let paging: Pagination | undefined;
      if (fault?.kind === "slow") extraDelay = Math.min(Math.max(0, fault.delayMs), MAX_SLOW_MS);
      else if (fault?.kind === "bad-pagination") paging = fault.how;
      else if (fault) throw trailFaultError(fault, caller);
      payload = this.history.lookUp(caller.account, region, body, paging);
    } catch (error) {
      if (!(error instanceof KmsError || error instanceof TrailError)) throw error;
      status = error.status;
      payload = errorBody(error.type, error.message);
      call.error = error.type;
      if (error.type === "ThrottlingException") this.countThrottled(call);
    }
    if (!(await this.delay(this.latencyMs() + extraDelay))) return true;
    if (this.send(res, status, payload)) call.status = status;
    return true;
  }

  /**
   * Organizations ListAccounts (JSON 1.1, target `AWSOrganizationsV20161128.ListAccounts`)
   * and Account ListRegions (REST-JSON, `POST /listRegions`), told apart by the signing
   * service; behind the same wire faults, quota and faults as KMS. True when answered.
   */
  private async answerInventory(
    req: IncomingMessage,
    text: string,
    res: ServerResponse,
    at: number,
  ): Promise<boolean> {
    const credential = CREDENTIAL.exec(String(req.headers.authorization ?? ""));
    const service = credential?.[4];
    if (service !== "organizations" && service !== "account") return false;
    const target = String(req.headers["x-amz-target"] ?? "");
    const path = (req.url ?? "/").split("?")[0];
    const operation =
      service === "organizations"
        ? target === `${ORGANIZATIONS_TARGET}ListAccounts`
          ? "ListAccounts"
          : null
        : req.method === "POST" && path === "/listRegions"
          ? "ListRegions"
          : null;
    if (operation === null) {
      const asked =
        service === "organizations" ? target || "(no X-Amz-Target)" : `${req.method} ${path}`;
      if (await this.delay(this.latencyMs())) {
        this.send(
          res,
          400,
          errorBody("UnknownOperationException", `kms-emulator does not implement ${asked}`),
        );
      }
      return true;
    }
    const caller = this.caller(credential?.[1] ?? "");
    const region = credential?.[3] ?? "";
    const call = this.record(
      { operation, region, account: caller.account, at, status: 0 },
      this.inventoryCalls,
    );
    let status = 200;
    let payload: unknown;
    try {
      const scope: FaultScope = { service, operation, region };
      const early = this.matchingFault(scope, isWireFault);
      if (early?.kind === "credentials-refused")
        throw new KmsError(
          403,
          "UnrecognizedClientException",
          "The security token included in the request is invalid.",
        );
      if (early) {
        await this.wireAnswer(early, "kms", res, call);
        return true;
      }
      // Account Management's quota is per account (its API is global): one bucket for all regions.
      if (!this.take(caller.account, service === "account" ? "global" : region, operation)) {
        throw service === "account"
          ? new KmsError(429, "TooManyRequestsException", "Rate exceeded")
          : new KmsError(
              400,
              "TooManyRequestsException",
              "AWS Organizations can't complete your request because another request is already in progress. Try again later.",
            );
      }
      const fault = this.matchingFault(scope, (kind) => !isWireFault(kind));
      if (fault) throw inventoryFaultError(fault, operation, caller);
      const body =
        service === "organizations"
          ? jsonBody(String(req.headers["content-type"] ?? ""), text)
          : restJsonBody(text);
      payload =
        operation === "ListAccounts"
          ? this.organization.listAccounts(caller, body)
          : this.organization.listRegions(caller, body);
    } catch (error) {
      if (!(error instanceof KmsError || error instanceof AnswerError)) throw error;
      status = error.status;
      payload = errorBody(error.type, error.message);
      call.error = error.type;
      if (error.type === "TooManyRequestsException" || error.type === "ThrottlingException")
        this.countThrottled(call);
    }
    if (!(await this.delay(this.latencyMs()))) return true;
    if (this.send(res, status, payload)) call.status = status;
    return true;
  }

  private async answer(context: RequestContext, res: ServerResponse): Promise<void> {
    const { call } = context;
    let status = 200;
    let payload: unknown;
    let extraDelay = 0;
    try {
      this.parse(context);
      // What happens on the wire (or before the credentials are accepted) comes before the quota.
      const scope = this.scopeOf(context);
      const early = this.matchingFault(scope, isWireFault);
      if (early?.kind === "credentials-refused") throw this.faultError(early, context);
      if (early) {
        await this.wireAnswer(early, "kms", res, call);
        return;
      }
      if (!this.take(context.caller.account, context.region, context.operation)) {
        throw new KmsError(400, "ThrottlingException", "Rate exceeded");
      }
      const fault = this.matchingFault(scope, (kind) => !isWireFault(kind));
      if (fault?.kind === "slow") extraDelay = Math.min(Math.max(0, fault.delayMs), MAX_SLOW_MS);
      else if (fault?.kind === "wrong-key") context.answerAs = fault.answerAs;
      else if (fault?.kind === "bad-pagination") context.pagination = fault.how;
      else if (fault) throw this.faultError(fault, context);
      payload = this.dispatch(context);
    } catch (error) {
      if (!(error instanceof KmsError)) throw error;
      status = error.status;
      payload = errorBody(error.type, error.message);
      call.error = error.type;
      if (error.type === "ThrottlingException") this.countThrottled(call);
    }
    if (!(await this.delay(this.latencyMs() + extraDelay))) return;
    if (this.send(res, status, payload)) call.status = status;
  }

  /** Writes a JSON 1.1 answer; false when the client (or the emulator) has gone. */
  private send(res: ServerResponse, status: number, payload: unknown): boolean {
    if (res.destroyed || this.closed) return false;
    const text = JSON.stringify(payload);
    const headers: Record<string, string | number> = {
      "Content-Type": "application/x-amz-json-1.1",
      "Content-Length": Buffer.byteLength(text),
      "x-amzn-RequestId": randomUUID(),
    };
    const type = (payload as { __type?: unknown }).__type;
    if (status >= 300 && typeof type === "string") headers["x-amzn-ErrorType"] = type;
    res.writeHead(status, headers);
    res.end(text);
    return true;
  }

  /**
   * Answers the way a broken endpoint does: no answer, a cut connection, or a body that is
   * no answer of the service's protocol.
   */
  private async wireAnswer(
    fault: FaultKind,
    service: Service,
    res: ServerResponse,
    call: RecordedCall | null,
  ): Promise<void> {
    if (fault.kind === "silent") {
      if (call) call.error = "Silent";
      await this.hold(res);
      return;
    }
    if (fault.kind === "reset") {
      // Let the client's request reach us, then cut the connection without a word.
      if (call) call.error = "ConnectionReset";
      if (await this.delay(this.latencyMs())) res.socket?.destroy();
      return;
    }
    const json = service === "kms" || service === "cloudtrail";
    const contentType = json ? "application/x-amz-json-1.1" : "text/xml";
    let status = 200;
    let type = contentType;
    let body: string;
    switch (fault.kind) {
      case "html":
        status = fault.status ?? 200;
        type = "text/html; charset=utf-8";
        body = `<!DOCTYPE html>\n<html><head><title>${status} ${STATUS_CODES[status] ?? ""}</title></head><body><h1>${STATUS_CODES[status] ?? "Welcome"}</h1><p>The proxy answered instead.</p></body></html>\n`;
        break;
      case "empty-body":
        body = "";
        break;
      case "empty-object":
        body = "{}";
        break;
      case "not-json":
        body = fault.body ?? "OK";
        break;
      case "json-error":
        status = fault.status ?? 404;
        type = "application/json";
        body = fault.body ?? JSON.stringify({ message: "Not Found" });
        break;
      default:
        throw new Error(`kms-emulator: fault ${fault.kind} is not a wire fault`);
    }
    if (call) call.error = fault.kind;
    if (!(await this.delay(this.latencyMs())) || res.destroyed) return;
    res.writeHead(status, {
      "Content-Type": type,
      "Content-Length": Buffer.byteLength(body),
    });
    res.end(body);
    if (call) call.status = status;
  }

  /** Holds a request unanswered until the client gives up or the emulator closes. */
  private hold(res: ServerResponse): Promise<void> {
    if (this.closed || res.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const wait = {
        done: () => {
          this.waits.delete(wait);
          resolve();
        },
      };
      this.waits.add(wait);
      res.once("close", wait.done);
    });
  }

  /**
   * A fault for an STS or CloudFormation request (the Query protocol, XML errors): true when
   * the fault answered it (or left it unanswered), false when the normal answer follows.
   */
  private async queryFault(
    scope: FaultScope,
    caller: Required<Caller>,
    res: ServerResponse,
    call: RecordedCall | null,
  ): Promise<boolean> {
    const fault = this.matchingFault(scope, () => true);
    if (!fault) return false;
    if (fault.kind === "slow") {
      const delayMs = Math.min(Math.max(0, fault.delayMs), MAX_SLOW_MS);
      return !(await this.delay(this.latencyMs() + delayMs));
    }
    if (isWireFault(fault.kind) && fault.kind !== "credentials-refused") {
      await this.wireAnswer(fault, scope.service, res, call);
      return true;
    }
    const [status, code, message] = queryError(fault, scope, caller);
    if (call) call.error = code;
    if (!(await this.delay(this.latencyMs())) || res.destroyed) return true;
    const requestId = randomUUID();
    const namespace =
      scope.service === "sts"
        ? "https://sts.amazonaws.com/doc/2011-06-15/"
        : "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    res.writeHead(status, { "Content-Type": "text/xml", "x-amzn-RequestId": requestId });
    res.end(
      `<ErrorResponse xmlns="${namespace}"><Error><Type>${status >= 500 ? "Receiver" : "Sender"}</Type><Code>${code}</Code><Message>${xmlText(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    );
    if (call) call.status = status;
    return true;
  }

  /** The caller an access key id stands for. */
  private caller(accessKeyId: string): Required<Caller> {
    const known = this.callers[accessKeyId];
    const account = known?.account ?? this.defaultAccount;
    return { account, arn: known?.arn ?? `arn:aws:iam::${account}:user/ci` };
  }

  /** Waits, unless the emulator closes first (then false). */
  private delay(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wait = {
        timer: setTimeout(() => {
          this.waits.delete(wait);
          resolve(true);
        }, ms),
        done: resolve,
      };
      this.waits.add(wait);
    });
  }

  private latencyMs(): number {
    const latency = this.latency;
    if (typeof latency === "number") return latency;
    return latency.minMs + this.random() * (latency.maxMs - latency.minMs);
  }

  /** Takes a token from the caller's (account, region, operation) bucket; false when empty. */
  private take(account: string, region: string, operation: RateLimitedOperation): boolean {
    const rate = this.rates[operation];
    const id = `${account}|${region}|${operation}`;
    const now = performance.now();
    const bucket = this.buckets.get(id) ?? { tokens: rate.burst, updatedAt: now };
    bucket.tokens = Math.min(
      rate.burst,
      bucket.tokens + ((now - bucket.updatedAt) / 1000) * rate.perSecond,
    );
    bucket.updatedAt = now;
    this.buckets.set(id, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** The first fault in force that matches the request and `phase` takes, counted as a hit. */
  private matchingFault(
    scope: FaultScope,
    phase: (kind: FaultKind["kind"]) => boolean,
  ): FaultKind | undefined {
    for (const active of this.faults) {
      const { fault } = active;
      if (active.remaining <= 0 || !phase(fault.kind)) continue;
      const service = fault.service ?? serviceOf(fault.operation);
      if (service !== "any" && service !== scope.service) continue;
      if (fault.operation && fault.operation !== scope.operation) continue;
      if (fault.region && fault.region !== scope.region) continue;
      if (fault.keyId && !scope.namesKey?.(fault.keyId)) continue;
      if (fault.stackName !== undefined && fault.stackName !== scope.stackName) continue;
      active.remaining--;
      active.hits++;
      return fault;
    }
    return undefined;
  }

  private scopeOf(context: RequestContext): FaultScope {
    return {
      service: "kms",
      operation: context.operation,
      region: context.region,
      namesKey: (wanted) => this.namesKey(context, wanted),
    };
  }

  /** Does the request's KeyId name `wanted` — as sent, or through the key it resolves to? */
  private namesKey(context: RequestContext, wanted: string): boolean {
    const sent = context.call.keyId;
    if (sent === undefined) return false;
    if (sent === wanted) return true;
    const key = this.lookUp(context, sent);
    return key !== undefined && (key.keyId === wanted || key.arn === wanted);
  }

  private faultError(fault: FaultKind, context: RequestContext): KmsError {
    switch (fault.kind) {
      case "kms-internal":
        return new KmsError(500, "KMSInternalException", "An internal error occurred. Try again.");
      case "internal-failure":
        return new KmsError(
          500,
          "InternalFailure",
          "We encountered an internal error. Please try again.",
        );
      case "unavailable":
        return new KmsError(503, "ServiceUnavailableException", "Service Unavailable");
      case "dependency-timeout":
        return new KmsError(
          503,
          "DependencyTimeoutException",
          "The system timed out while trying to fulfill the request. The request can be retried.",
        );
      case "throttle":
        return new KmsError(400, "ThrottlingException", "Rate exceeded");
      case "access-denied": {
        const sent = context.call.keyId;
        const key = sent === undefined ? undefined : this.lookUp(context, sent);
        const resource = key?.arn ?? this.resourceFor(context, sent);
        return accessDenied(context, resource, "identity-based");
      }
      case "error":
        return new KmsError(fault.status, fault.type, fault.message ?? fault.type);
      case "credentials-refused":
        return new KmsError(
          400,
          "UnrecognizedClientException",
          "The security token included in the request is invalid.",
        );
      default:
        throw new Error(`kms-emulator: fault ${fault.kind} is not an error answer`);
    }
  }

  /** The resource an access-denied message names when the key itself is unknown. */
  private resourceFor(context: RequestContext, sent: string | undefined): string {
    if (sent === undefined) return "*";
    if (sent.startsWith("arn:")) return sent;
    if (sent.startsWith("alias/")) return aliasArn(context.region, context.caller.account, sent);
    return keyArn(context.region, context.caller.account, sent);
  }

  // --- operations -----------------------------------------------------------------------------

  private dispatch(context: RequestContext): unknown {
    switch (context.operation) {
      case "DescribeKey":
        return this.describeKey(context);
      case "GetKeyLastUsage":
        return this.getKeyLastUsage(context);
      case "ListAliases":
        return this.listAliases(context);
      case "ListKeys":
        return this.listKeys(context);
    }
  }

  private describeKey(context: RequestContext): unknown {
    const keyId = context.answerAs ?? requiredKeyId(context.body);
    const key = this.resolve(context, keyId, { aliases: true });
    context.call.keyArn = key.arn;
    return { KeyMetadata: this.metadata(key) };
  }

  private getKeyLastUsage(context: RequestContext): unknown {
    const keyId = context.answerAs ?? requiredKeyId(context.body);
    // GetKeyLastUsage takes a key id or key ARN only: "Alias names are not supported."
    const key = this.resolve(context, keyId, { aliases: false, sameAccount: true });
    context.call.keyArn = key.arn;
    // The API reference's example answers with the bare key id, not the ARN.
    const response: Record<string, unknown> = { KeyId: key.keyId };
    if (key.lastUsage) {
      response.KeyLastUsage = {
        Operation: key.lastUsage.operation,
        Timestamp: epochSeconds(key.lastUsage.timestamp),
        CloudTrailEventId: key.lastUsage.cloudTrailEventId,
        KmsRequestId: key.lastUsage.kmsRequestId,
      };
    } else if (this.emptyLastUsage === "empty-object") {
      // "If the key has not been used since tracking began, this response element is an empty object."
      response.KeyLastUsage = {};
    }
    response.TrackingStartDate = epochSeconds(key.trackingStartDate);
    response.KeyCreationDate = epochSeconds(key.createdAt);
    return response;
  }

  private listAliases(context: RequestContext): unknown {
    const { region, caller, body } = context;
    const keyId = optionalString(body, "KeyId");
    let target: StoredKey | undefined;
    if (keyId !== undefined) {
      checkKeyIdLength(keyId);
      target = this.resolve(context, keyId, { aliases: false, sameAccount: true });
      context.call.keyArn = target.arn;
    }
    const entries = [...this.aliases.values()]
      .filter((alias) => alias.account === caller.account && alias.region === region)
      .filter((alias) => !target || alias.targetKeyId?.toLowerCase() === target.keyId.toLowerCase())
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((alias) => ({
        AliasName: alias.name,
        AliasArn: alias.arn,
        ...(alias.targetKeyId ? { TargetKeyId: alias.targetKeyId } : {}),
        CreationDate: epochSeconds(alias.createdAt),
        LastUpdatedDate: epochSeconds(alias.createdAt),
      }));
    const page = paginate("ListAliases", entries, body, context.pagination);
    return { Aliases: page.items, ...page.continuation };
  }

  private listKeys(context: RequestContext): unknown {
    const { region, caller, body } = context;
    const entries = [...this.keys.values()]
      .filter((key) => key.account === caller.account && key.region === region)
      .sort((a, b) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0))
      .map((key) => ({ KeyId: key.keyId, KeyArn: key.arn }));
    const page = paginate("ListKeys", entries, body, context.pagination);
    return { Keys: page.items, ...page.continuation };
  }

  private metadata(key: StoredKey): Record<string, unknown> {
    const metadata: Record<string, unknown> = {
      AWSAccountId: key.account,
      KeyId: key.keyId,
      Arn: key.arn,
      CreationDate: epochSeconds(key.createdAt),
      Enabled: key.state === "Enabled",
      Description: key.description,
      KeyUsage: key.usage,
      KeyState: key.state,
    };
    if (key.deletionDate) metadata.DeletionDate = epochSeconds(key.deletionDate);
    metadata.Origin = key.origin;
    if (key.origin === "EXTERNAL") metadata.ExpirationModel = "KEY_MATERIAL_DOES_NOT_EXPIRE";
    metadata.KeyManager = key.manager;
    metadata.CustomerMasterKeySpec = key.spec;
    metadata.KeySpec = key.spec;
    Object.assign(metadata, algorithms(key.spec, key.usage));
    metadata.MultiRegion = key.multiRegion;
    if (key.multiRegion) metadata.MultiRegionConfiguration = this.multiRegionConfiguration(key);
    if (key.pendingWindowDays !== undefined) {
      metadata.PendingDeletionWindowInDays = key.pendingWindowDays;
    }
    return metadata;
  }

  private multiRegionConfiguration(key: StoredKey): Record<string, unknown> {
    const members = [...this.keys.values()].filter(
      (other) =>
        other.multiRegion &&
        other.account === key.account &&
        other.keyId.toLowerCase() === key.keyId.toLowerCase(),
    );
    const primaryRegion =
      key.primaryRegion ??
      members.find((member) => member.multiRegionRole === "PRIMARY")?.region ??
      (key.multiRegionRole === "PRIMARY" ? key.region : undefined);
    const replicaRegions =
      key.replicaRegions ??
      members
        .filter((member) => member.multiRegionRole === "REPLICA")
        .map((member) => member.region)
        .sort();
    const member = (region: string) => ({
      Arn: keyArn(region, key.account, key.keyId),
      Region: region,
    });
    return {
      MultiRegionKeyType: key.multiRegionRole,
      ...(primaryRegion ? { PrimaryKey: member(primaryRegion) } : {}),
      ReplicaKeys: replicaRegions.map(member),
    };
  }

  // --- key resolution -------------------------------------------------------------------------

  /** The key a KeyId names, or undefined: no errors, for fault matching. */
  private lookUp(context: RequestContext, keyId: string): StoredKey | undefined {
    try {
      return this.resolve(context, keyId, { aliases: true });
    } catch {
      return undefined;
    }
  }

  /**
   * The key a KeyId names in the caller's region: a key id, a key ARN, and with `aliases` an
   * alias name or alias ARN. Throws the KMS error for anything else.
   */
  private resolve(
    context: RequestContext,
    keyId: string,
    how: { aliases: boolean; sameAccount?: boolean },
  ): StoredKey {
    const { region, caller } = context;
    if (keyId.startsWith("arn:")) {
      const arn = KMS_ARN.exec(keyId);
      if (!arn) throw new KmsError(400, "InvalidArnException", `Invalid arn ${keyId}`);
      const [, , arnRegion = "", account = "", kind, resource = ""] = arn;
      if (kind === "alias" && !how.aliases) {
        throw new KmsError(400, "InvalidArnException", `Invalid arn ${keyId}`);
      }
      if (how.sameAccount && account !== caller.account) {
        // Not a cross-account operation: KMS evaluates only the caller's identity policies.
        throw accessDenied(context, keyId, "resource-based");
      }
      if (arnRegion !== region)
        throw new KmsError(400, "NotFoundException", `Invalid arn ${arnRegion}`);
      if (kind === "alias") return this.aliasTarget(account, region, `alias/${resource}`, keyId);
      return this.key(account, region, resource);
    }
    if (keyId.startsWith("alias/")) {
      if (!how.aliases) throw new KmsError(400, "NotFoundException", `Invalid keyId ${keyId}`);
      return this.aliasTarget(
        caller.account,
        region,
        keyId,
        aliasArn(region, caller.account, keyId),
      );
    }
    return this.key(caller.account, region, keyId);
  }

  private key(account: string, region: string, keyId: string): StoredKey {
    if (!UUID.test(keyId) && !MRK_ID.test(keyId)) {
      throw new KmsError(400, "NotFoundException", `Invalid keyId ${keyId}`);
    }
    const key = this.keys.get(`${account}|${region}|${keyId.toLowerCase()}`);
    if (!key) {
      throw new KmsError(
        400,
        "NotFoundException",
        `Key '${keyArn(region, account, keyId)}' does not exist`,
      );
    }
    return key;
  }

  private aliasTarget(account: string, region: string, name: string, arn: string): StoredKey {
    const alias = this.aliases.get(`${account}|${region}|${name}`);
    const target = alias?.targetKeyId
      ? this.keys.get(`${account}|${region}|${alias.targetKeyId.toLowerCase()}`)
      : undefined;
    if (!target) throw new KmsError(400, "NotFoundException", `Alias ${arn} is not found.`);
    return target;
  }
}

// ---------------------------------------------------------------------------------------------
// Request and response helpers

function errorBody(type: string, message: string): { __type: string; message: string } {
  return { __type: type, message };
}

/** A JSON 1.1 request body: an object, sent as `application/x-amz-json-1.1`. */
function jsonBody(contentType: string, text: string): Record<string, unknown> {
  if (!contentType.startsWith("application/x-amz-json-1.1")) {
    throw new KmsError(
      400,
      "SerializationException",
      `Content-Type must be application/x-amz-json-1.1, not ${contentType || "(none)"}`,
    );
  }
  let body: unknown;
  try {
    body = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new KmsError(
      400,
      "SerializationException",
      "Start of structure or map found where not expected.",
    );
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new KmsError(
      400,
      "SerializationException",
      "Expected a JSON object as the request body.",
    );
  }
  return body as Record<string, unknown>;
}

/** Whether two names of a key — key id or key ARN — name the same key. */
function sameKey(a: string, b: string): boolean {
  return a === b || a.endsWith(`:key/${b}`) || b.endsWith(`:key/${a}`);
}

/**
 * The error a fault answers a CloudTrail request with. CloudTrail has no KMS-specific errors:
 * internal faults are `InternalFailure`, unavailability `ServiceUnavailableException`.
 */
function trailFaultError(fault: FaultKind, caller: Required<Caller>): KmsError {
  switch (fault.kind) {
    case "kms-internal":
    case "internal-failure":
      return new KmsError(
        500,
        "InternalFailure",
        "We encountered an internal error. Please try again.",
      );
    case "unavailable":
    case "dependency-timeout":
      return new KmsError(503, "ServiceUnavailableException", "Service Unavailable");
    case "throttle":
      return new KmsError(400, "ThrottlingException", "Rate exceeded");
    case "access-denied":
      // LookupEvents takes no resource-level permissions: the message names none.
      return new KmsError(
        400,
        "AccessDeniedException",
        `User: ${caller.arn} is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action`,
      );
    case "credentials-refused":
      return new KmsError(
        400,
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
      );
    case "error":
      return new KmsError(fault.status, fault.type, fault.message ?? fault.type);
    default:
      throw new Error(`kms-emulator: fault ${fault.kind} does not apply to cloudtrail`);
  }
}

/** The error a fault answers an Organizations or Account Management request with. */
function inventoryFaultError(
  fault: FaultKind,
  operation: InventoryOperation,
  caller: Required<Caller>,
): KmsError {
  const action =
    operation === "ListAccounts" ? "organizations:ListAccounts" : "account:ListRegions";
  switch (fault.kind) {
    case "access-denied":
      return operation === "ListAccounts"
        ? new KmsError(
            400,
            "AccessDeniedException",
            "You don't have permissions to access this resource.",
          )
        : new KmsError(
            403,
            "AccessDeniedException",
            `User: ${caller.arn} is not authorized to perform: ${action}`,
          );
    case "throttle":
      return new KmsError(
        operation === "ListRegions" ? 429 : 400,
        "TooManyRequestsException",
        "Rate exceeded",
      );
    case "kms-internal":
    case "internal-failure":
      return operation === "ListRegions"
        ? new KmsError(500, "InternalServerException", "An internal error occurred.")
        : new KmsError(
            500,
            "ServiceException",
            "AWS Organizations can't complete your request because of an internal service error.",
          );
    case "unavailable":
    case "dependency-timeout":
      return new KmsError(503, "ServiceUnavailableException", "Service Unavailable");
    case "error":
      return new KmsError(fault.status, fault.type, fault.message ?? fault.type);
    default:
      throw new Error(`kms-emulator: fault ${fault.kind} does not apply to ${operation}`);
  }
}

/** A REST-JSON request body (Account Management): a JSON object, or nothing. */
function restJsonBody(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new KmsError(400, "ValidationException", "The request body is not JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new KmsError(400, "ValidationException", "Expected a JSON object as the request body.");
  return body as Record<string, unknown>;
}

function accessDenied(
  context: RequestContext,
  resource: string,
  policy: "identity-based" | "resource-based",
): KmsError {
  const action = `kms:${context.operation}`;
  return new KmsError(
    400,
    "AccessDeniedException",
    `User: ${context.caller.arn} is not authorized to perform: ${action} on resource: ${resource} because no ${policy} policy allows the ${action} action`,
  );
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new KmsError(
      400,
      "SerializationException",
      `NUMBER_VALUE can not be converted to a String (${field})`,
    );
  }
  return value;
}

function requiredKeyId(body: Record<string, unknown>): string {
  const keyId = optionalString(body, "KeyId");
  if (keyId === undefined) {
    throw new KmsError(
      400,
      "ValidationException",
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    );
  }
  checkKeyIdLength(keyId);
  return keyId;
}

function checkKeyIdLength(keyId: string): void {
  if (keyId.length < 1 || keyId.length > 2048) {
    throw new KmsError(
      400,
      "ValidationException",
      `1 validation error detected: Value at 'keyId' failed to satisfy constraint: Member must have length between 1 and 2048`,
    );
  }
}

/**
 * One page of a list, with `Truncated` and `NextMarker` as KMS sets them — or as a
 * `bad-pagination` fault spoils them.
 */
function paginate<T>(
  operation: keyof typeof LIST_LIMITS,
  entries: T[],
  body: Record<string, unknown>,
  spoiled?: Pagination,
): { items: T[]; continuation: { NextMarker?: string; Truncated: boolean } } {
  const bounds = LIST_LIMITS[operation];
  const rawLimit = body.Limit;
  if (rawLimit !== undefined && rawLimit !== null && typeof rawLimit !== "number") {
    throw new KmsError(
      400,
      "SerializationException",
      "STRING_VALUE can not be converted to an Integer (Limit)",
    );
  }
  const limit = rawLimit ?? bounds.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > bounds.max) {
    const constraint =
      limit < 1 ? "greater than or equal to 1" : `less than or equal to ${bounds.max}`;
    throw new KmsError(
      400,
      "ValidationException",
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value ${constraint}`,
    );
  }
  const marker = optionalString(body, "Marker");
  const start = marker === undefined ? 0 : decodeMarker(operation, marker);
  const end = start + limit;
  const items = entries.slice(start, end);
  switch (spoiled) {
    case "no-marker":
      return { items, continuation: { Truncated: true } };
    case "repeat-marker":
      return {
        items,
        continuation: { NextMarker: encodeMarker(operation, start), Truncated: true },
      };
    case "endless":
      return {
        items,
        continuation: { NextMarker: encodeMarker(operation, start, randomUUID()), Truncated: true },
      };
  }
  return end < entries.length
    ? { items, continuation: { NextMarker: encodeMarker(operation, end), Truncated: true } }
    : { items, continuation: { Truncated: false } };
}

// Markers are opaque to clients; this one carries the operation and the next offset (and,
// for an `endless` fault, something that makes it new).
function encodeMarker(operation: string, offset: number, nonce?: string): string {
  return Buffer.from(JSON.stringify({ op: operation, offset, nonce })).toString("base64url");
}

function decodeMarker(operation: string, marker: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(marker, "base64url").toString("utf8")) as unknown;
    if (typeof parsed === "object" && parsed !== null) {
      const { op, offset } = parsed as { op?: unknown; offset?: unknown };
      if (op === operation && Number.isInteger(offset) && (offset as number) >= 0)
        return offset as number;
    }
  } catch {
    // fall through to the KMS error
  }
  throw new KmsError(400, "InvalidMarkerException", "Invalid marker");
}
