/**
 * The values that pass between the pipeline's stages (SPEC §1):
 * `KeyReference[]` (sources) → `KeySubject[]` (merged per key, with facts) →
 * `Finding[]` (rules) → `Report` (formats and sinks).
 *
 * Every stage imports its input and output types from here and from nowhere
 * upstream, so data flows one way; test/architecture.test.ts keeps it so.
 */
import type { EvidenceError } from "./errors.js";

/** Where a reference was read from. */
export type SourceKind =
  | "terraform-plan"
  | "terraform-state"
  | "terraform-outputs"
  | "cdk-assembly"
  | "cdk-outputs"
  | "cloudformation-template"
  | "explicit";

/** What a change does to a key (SPEC §4 `change.action`). */
export type ChangeAction = "create" | "update" | "delete" | "replace" | "orphan" | "none";

export type Severity = "error" | "warning" | "notice";

/** Most severe first: the order findings are sorted and `--fail-on` compares in. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "notice"];

/** A place in the repository, for annotations. `file` is repository-relative, with `/`. */
export interface SourceLocation {
  file: string;
  line: number;
  /** Column of the block's first character on `line` (1-based), where the locator knows it. */
  column?: number;
  /** Last line of the block (its closing brace), where the locator knows it. */
  endLine?: number;
}

/** An inline `# kms-usage-lint-ignore RULE reason` comment attached to a reference. */
export interface InlineSuppression {
  ruleId: string;
  reason: string;
  location: SourceLocation;
}

/**
 * How a reference names its key. Sources say only what they read; the facts
 * stage resolves aliases and bare ids to key ARNs.
 */
export type KeyTarget =
  /** A full key ARN: `arn:PARTITION:kms:REGION:ACCOUNT:key/ID`. */
  | { kind: "arn"; arn: string }
  /** A bare key id (UUID or `mrk-…`), resolved in `region` or the configured region. */
  | { kind: "key-id"; keyId: string; region: string | null }
  /** An alias (`alias/name`), with its ARN when the source gave one. */
  | { kind: "alias"; name: string; arn: string | null; region: string | null }
  /** A key being created whose ARN is not known before apply: identified by its address. */
  | { kind: "planned"; address: string }
  /**
   * A resource of a CloudFormation stack (CDK or a plain template), known by its logical id
   * until the deployed stack's resources say which key it is.
   */
  | {
      kind: "stack-resource";
      stack: string;
      region: string | null;
      account: string | null;
      logicalId: string;
      /** For a resource of a nested stack: where it is deployed from (absent or null: a top-level stack). */
      parent?: StackParent | null;
    };

/**
 * Where a nested stack is deployed from: its parent stack and the logical id of the
 * `AWS::CloudFormation::Stack` resource there. CloudFormation names a nested stack when
 * it deploys it (`Parent-LogicalId-RANDOM`), so a source knows it only by this chain,
 * and only the parent's deployed resources say which stack it is. Nested stacks live
 * in their parent's account and region.
 */
export interface StackParent {
  /** The parent's name as the source knows it; for a nested parent, its placeholder name. */
  stack: string;
  logicalId: string;
  /** The parent's own parent, when the parent is nested too. */
  parent: StackParent | null;
}

/** A stack as an input knows it: a nested one by its parent chain. */
export interface StackRef {
  /** The stack's name; for a nested stack, the placeholder name its input gives it. */
  name: string;
  region: string | null;
  account: string | null;
  parent: StackParent | null;
}

/** `App`, or `App/Nested/Inner` for a nested stack (the resources that deploy it): how messages name a stack. */
export function stackPath(stack: StackRef): string {
  return stack.parent === null ? stack.name : parentPath(stack.parent);
}

function parentPath(parent: StackParent): string {
  const above = parent.parent === null ? parent.stack : parentPath(parent.parent);
  return `${above}/${parent.logicalId}`;
}

/** What a source says a change does to a key it declares. */
export interface KeyChange {
  action: ChangeAction;
  source: SourceKind;
  /** Resource address (Terraform) or logical id (CloudFormation). */
  address: string;
  /** The window the change schedules deletion with, when it deletes. */
  deletionWindowDays: number | null;
  /** The change turns an enabled key off. */
  disables: boolean;
  /**
   * Why applying the change will fail, when it will: CloudFormation refuses to
   * update `KeySpec`, `KeyUsage`, `Origin` or `MultiRegion` of an existing key.
   */
  failure?: string | null;
}

/**
 * One place an input mentions a key.
 *
 * - `key`: the resource that declares the key (it may carry a `change`);
 * - `alias`: an alias resource pointing at the key;
 * - `consumer`: another resource whose attributes hold the key;
 * - `output`: an output value that holds the key.
 */
export interface KeyReference {
  source: SourceKind;
  kind: "key" | "alias" | "consumer" | "output";
  /** The input file the reference was read from, as the user named it. */
  file: string;
  /** Resource address, logical id or output name; null for `--key`. */
  address: string | null;
  /** Resource type (`aws_kms_key`, `AWS::KMS::Key`), when the source has one. */
  resourceType: string | null;
  /** Attribute path the key was read from (`arn`, `kms_key_id`, `target_key_arn`). */
  attribute: string | null;
  target: KeyTarget;
  /** The alias name (`alias/…`) this reference names the key by, when it is an alias. */
  aliasName?: string;
  /** What happens to the resource holding the reference; null when the source says nothing of changes. */
  action: ChangeAction | null;
  /** For `kind: "key"` in a source that describes changes. */
  change: KeyChange | null;
  location: SourceLocation | null;
  /**
   * For a resource the change removes and the checkout has no line for: its
   * line in the base revision (SPEC §2), for a review comment on the deleted
   * lines. Never a line of the checkout. Absent when unknown.
   */
  baseLocation?: SourceLocation;
  suppressions: InlineSuppression[];
}

/** A problem with one input or one key that did not stop the run. */
export interface RunError {
  source: string;
  message: string;
}

/** Raw facts, as AWS returns them (SPEC §3 snapshot keeps these verbatim, dates as ISO strings). */
export interface AwsKeyMetadata {
  KeyId: string;
  Arn: string;
  AWSAccountId?: string;
  KeyState?: string;
  Enabled?: boolean;
  KeyManager?: string;
  KeySpec?: string;
  KeyUsage?: string;
  Origin?: string;
  CreationDate?: string;
  DeletionDate?: string;
  PendingDeletionWindowInDays?: number;
  MultiRegion?: boolean;
  MultiRegionConfiguration?: {
    MultiRegionKeyType?: "PRIMARY" | "REPLICA";
    PrimaryKey?: { Arn?: string; Region?: string };
    ReplicaKeys?: { Arn?: string; Region?: string }[];
  };
  [other: string]: unknown;
}

export interface AwsKeyLastUsage {
  /** The key KMS answered for (a bare key id in KMS's answers), kept to check it is the key asked. */
  KeyId?: string;
  KeyLastUsage?: {
    Operation?: string;
    Timestamp?: string;
    CloudTrailEventId?: string;
    KmsRequestId?: string;
  };
  TrackingStartDate?: string;
  KeyCreationDate?: string;
}

/** One event of CloudTrail's Event history, as `LookupEvents` returns it (dates as ISO strings). */
export interface AwsTrailEvent {
  EventId: string;
  EventName?: string;
  EventTime: string;
  EventSource?: string;
  Username?: string;
  Resources?: { ResourceType?: string; ResourceName?: string }[];
  /** The event's whole record: a JSON string, read defensively (trail.ts). */
  CloudTrailEvent?: string;
  [other: string]: unknown;
}

/**
 * `LookupEvents` answers about one key, verbatim (SPEC §3 snapshot `Trail`): what was
 * asked — the lookup attribute and the window — and every event of the pages read.
 * `Truncated` is true when `--trail-max-pages` stopped the reading with more to come.
 */
export interface AwsTrail {
  LookupAttributes: { AttributeKey: string; AttributeValue: string }[];
  StartTime: string;
  EndTime: string;
  Truncated: boolean;
  Events: AwsTrailEvent[];
}

export interface AwsCallError {
  Operation: string;
  Code: string;
  Message: string;
}

/**
 * The code of an error for a question only another account can answer, asked with no
 * role to assume there (`--role-template`).
 */
export const OTHER_ACCOUNT = "OtherAccount";

/** The code of an error for a question a facts snapshot holds no answer to. */
export const NOT_IN_SNAPSHOT = "NotInSnapshot";

export type UsageStatus = "used" | "unused" | "unknown" | "unavailable";

/** A deployed stack: its account and the physical id of each logical id (`ListStackResources`). */
export interface DeployedStack {
  /** The account whose CloudFormation answered: the stack's. */
  account: string | null;
  resources: Record<string, string>;
  /** The deployed template (`GetTemplate`), when known. */
  template: unknown | null;
}

/** Key and alias ARNs a fact source knows of (see `FactSource.recordedArns`). */
export interface RecordedArns {
  keys: readonly string[];
  aliases: readonly string[];
}

/** The answer to one AWS call: its response, or why there is none. */
export type Fetched<T> = { ok: true; value: T } | { ok: false; error: AwsCallError };

/**
 * The deployed stack an input's stack is; a null value when it is not deployed.
 * The facts stage answers it; the CDK reader compares what it reads with it.
 */
export type DeployedStacks = (stack: StackRef) => Promise<Fetched<DeployedStack | null>>;

/**
 * Where facts come from: live AWS (KMS) or a snapshot file. Both answer in
 * AWS's own shapes; the facts stage interprets them in one place.
 */
export interface FactSource {
  readonly kind: "snapshot" | "aws";
  /** The account that "same-account" means; null when unknown. */
  callerAccount(): Promise<string | null>;
  /**
   * When the answers about a key were taken (ISO): a snapshot's capture, or the key's own
   * in a merged snapshot. No date in them may be later. Absent: live answers, taken now.
   */
  capturedAt?(keyArn: string): string;
  /** Where bare key ids and alias names live when `--region` is not given (the SDK's region chain). */
  defaultRegion?(): Promise<string | null>;
  /**
   * The key and alias ARNs this source holds answers for without asking anything (a
   * snapshot's own entries), so a bare key id or alias name can be joined with the key
   * it names. Absent for live AWS: listing every region's keys is not a question to ask.
   */
  recordedArns?(): RecordedArns;
  /** The key ARN an alias ARN points at; null when the alias does not exist. */
  resolveAlias(aliasArn: string): Promise<Fetched<string | null>>;
  /**
   * Alias names (`alias/…`) that point at a key; an error when they could not be
   * listed (an empty list would read as "no alias", which rules may rely on).
   */
  aliasesOf(keyArn: string): Promise<Fetched<string[]>>;
  describeKey(keyArn: string): Promise<Fetched<AwsKeyMetadata>>;
  getKeyLastUsage(keyArn: string): Promise<Fetched<AwsKeyLastUsage>>;
  /**
   * The key's CloudTrail Event history (`LookupEvents` by its ARN, in its own account and
   * region); absent where the source cannot have it. A snapshot entry without `Trail`
   * answers with code {@link NOT_IN_SNAPSHOT}.
   */
  lookupTrail?(keyArn: string): Promise<Fetched<AwsTrail>>;
  /**
   * A deployed stack by name, region and account (null: the caller's); `Fetched` with a
   * null value only when the stack's own account says no such stack exists.
   */
  deployedStack(
    stack: string,
    region: string | null,
    account: string | null,
  ): Promise<Fetched<DeployedStack | null>>;
  /**
   * Once facts are gathered: why the run could not be evaluated — no account-region it
   * asked could be read at all — or null when one could (or none was asked).
   */
  evidenceFailure?(): EvidenceError | null;
  /** What an inventory asks (`snapshot --all-keys`, issue 17); live AWS only. */
  inventory?: InventoryQuestions;
}

/** An inventory's questions to AWS: which accounts, which of their regions, which keys there. */
export interface InventoryQuestions {
  /**
   * The organization's active accounts, sorted by id (Organizations ListAccounts); rejects
   * with an EvidenceError when the organization cannot be listed.
   */
  organizationAccounts(): Promise<{ id: string; name: string | null }[]>;
  /** An account's enabled regions, sorted, asked through its role. */
  enabledRegions(account: string): Promise<Fetched<string[]>>;
  /** Where the account's regions are asked (Account Management's home), for a pair that says so. */
  regionsHome(): Promise<string>;
  /** The key ARNs of one account-region (ListKeys), asked through the account's role. */
  listKeys(account: string, region: string): Promise<Fetched<string[]>>;
}

/** Usage of one key of a multi-Region set (or the only key). */
export interface UsageMember {
  arn: string;
  region: string | null;
  status: UsageStatus;
  lastUsedAt: string | null;
  operation: string | null;
  cloudTrailEventId: string | null;
  kmsRequestId: string | null;
  trackingStartDate: string | null;
  keyCreationDate: string | null;
  reason: string | null;
}

/** Usage of a key, aggregated over its multi-Region members (SPEC §3). */
export interface UsageFacts {
  status: UsageStatus;
  /** Of the latest use across members. */
  lastUsedAt: string | null;
  operation: string | null;
  region: string | null;
  cloudTrailEventId: string | null;
  kmsRequestId: string | null;
  /** The latest tracking start across members: from then on every member's record is complete. */
  trackingStartDate: string | null;
  /** The later of tracking start and creation: the evidence covers from here to now. */
  evidenceSince: string | null;
  reason: string | null;
  members: UsageMember[];
}

/** How much of CloudTrail's Event history about a key was read (SPEC §3). */
export type TrailStatus = "complete" | "truncated" | "unavailable";

/** The latest call that failed because the key was disabled or pending deletion. */
export interface FailedUse {
  at: string;
  /** `userIdentity.arn`, else `invokedBy`, else the identity's type. */
  by: string;
  operation: string;
  eventId: string;
}

/**
 * CloudTrail evidence about a key (SPEC §3, §4 `trail.*`): its Event history read
 * through `LookupEvents` — the calls that failed because the key was off, and when it
 * was turned off. A window without failures is no proof of disuse: Event history keeps
 * 90 days, and AWS logs failed calls only "in some scenarios".
 */
export interface TrailFacts {
  status: TrailStatus;
  /**
   * Why it is `unavailable`, or where a `truncated` read stopped, and how many events
   * could not be read; null when complete and every event was read.
   */
  reason: string | null;
  /** The span the events read cover (ISO instants); null when unavailable. */
  since: string | null;
  until: string | null;
  /** Events read, and of them those whose record could not be read (counted and said, never guessed). */
  events: number;
  unreadableEvents: number;
  /** Calls that failed because the key was disabled or pending deletion, and the latest of them. */
  failedUses: number;
  lastFailedUse: FailedUse | null;
  /** Distinct callers of the failed uses, sorted. */
  callers: string[];
  /** The latest of each key-state change in the span; null when there was none. */
  disabledAt: string | null;
  enabledAt: string | null;
  deletionScheduledAt: string | null;
  deletionCancelledAt: string | null;
}

/** Trail facts with nothing found in them: no span, no event, no failure, no state change. */
export function emptyTrail(status: TrailStatus, reason: string | null): TrailFacts {
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
    deletionCancelledAt: null,
  };
}

/** DescribeKey facts, in the catalog's words (SPEC §4 `key.*`). */
export interface KeyInfo {
  arn: string;
  id: string;
  region: string | null;
  account: string | null;
  aliases: string[];
  state: string | null;
  enabled: boolean | null;
  manager: string | null;
  spec: string | null;
  keyUsage: string | null;
  origin: string | null;
  createdAt: string | null;
  deletionDate: string | null;
  pendingWindowDays: number | null;
  multiRegion: boolean | null;
  multiRegionRole: "PRIMARY" | "REPLICA" | null;
}

/** One key, with every reference to it and what is known of it. */
export interface KeySubject {
  /** Stable identity: the key ARN, or `planned:<address>` for a key not created yet. */
  id: string;
  arn: string | null;
  region: string | null;
  account: string | null;
  aliases: string[];
  /**
   * Why AWS's aliases of the key could not be listed, when they could not: `aliases`
   * then holds only those the inputs name, and rules that read them cannot be decided.
   */
  aliasesUnavailable?: string;
  references: KeyReference[];
  change: KeyChange | null;
  /** Null for a planned key and for a key AWS said nothing about. */
  key: KeyInfo | null;
  /** Null for a planned key: no usage rule can fire on it. */
  usage: UsageFacts | null;
  /**
   * CloudTrail evidence; null when it was not asked (no rule needed it, a planned key)
   * or a snapshot does not hold it.
   */
  trail: TrailFacts | null;
}

/** A suppression applied to a finding. */
export interface Suppression {
  by: "config" | "inline";
  reason: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  subjectId: string;
  keyArn: string | null;
  address: string | null;
  location: SourceLocation | null;
  /** When `location` is null: the line in the base revision the change deletes (see KeyReference). */
  baseLocation?: SourceLocation;
  fingerprint: string;
}

/** A finding as the evaluator makes it, before the report sorts and fingerprints it. */
export type RawFinding = Omit<Finding, "fingerprint">;

export interface SuppressedFinding extends Finding {
  suppression: Suppression;
}

export interface ReportSummary {
  error: number;
  warning: number;
  notice: number;
  suppressed: number;
  keys: number;
}

/** The one value every format reads. */
export interface Report {
  tool: { name: string; version: string };
  evaluatedAt: string;
  subjects: KeySubject[];
  findings: Finding[];
  suppressed: SuppressedFinding[];
  errors: RunError[];
  summary: ReportSummary;
  stats: ReportStats;
}

/**
 * Which keys a run evaluates (`--scope`): every key the inputs reference, or only
 * those the change touches — the key itself, an alias of it, or a consumer of it is
 * created, updated, deleted, replaced, orphaned or disabled.
 */
export type Scope = "changed" | "all";

/** How the facts were gathered. */
export interface ReportStats {
  /** GetKeyLastUsage calls not made because no rule's outcome depended on them. */
  usageCallsSaved: number;
  /** The run's `--scope`. */
  scope: Scope;
  /** Keys the inputs reference that the change does not touch: in scope `changed`, neither asked about nor evaluated. */
  keysOutOfScope: number;
}

// The errors live in errors.ts; re-exported so the stages keep importing their
// vocabulary from one place.
export { EvidenceError, InputError, NoInputsError } from "./errors.js";
