/**
 * Live facts from AWS KMS (SPEC §3): DescribeKey, GetKeyLastUsage and ListAliases
 * through the real SDK, paced per account-region at each operation's quota,
 * asked at most once per key per operation per run, and turned into "could not
 * be had" facts instead of errors when AWS says no.
 *
 * Every call goes through one door, `ask`: it waits for a turn under the quota,
 * sends with the account-region's abort signal and the call's deadline, waits out
 * throttling within that deadline, and tells the account-region's Health what came
 * back, so that a place that cannot be asked is found out from its first failures
 * and every call waiting on it ends at once (SPEC §10).
 */

import {
  CloudFormationClient,
  type CloudFormationClientConfig,
  GetTemplateCommand,
  ListStackResourcesCommand,
} from "@aws-sdk/client-cloudformation";
import {
  DescribeKeyCommand,
  GetKeyLastUsageCommand,
  KMSClient,
  type KMSClientConfig,
  ListAliasesCommand,
} from "@aws-sdk/client-kms";
import { parseKmsArn } from "../aws/key-ids.js";
import {
  type AwsKeyLastUsage,
  type AwsKeyMetadata,
  type DeployedStack,
  EvidenceError,
  type FactSource,
  type Fetched,
  OTHER_ACCOUNT,
} from "../model.js";
import { showValue } from "../show.js";
import {
  type AwsFailure,
  CallFailure,
  classify,
  type FailureKind,
  Health,
  isAnswer,
  isPlaceFailure,
  malformed,
  phrase,
  raceAbort,
  sleep,
  withoutStop,
} from "./health.js";
import { Pacer } from "./pacer.js";
import { clientSettings, endpointOf } from "./sdk.js";

export type KmsOperation =
  | "DescribeKey"
  | "GetKeyLastUsage"
  | "ListAliases"
  | "ListStackResources"
  | "GetTemplate";

/** A credentials provider, as the SDK takes it. */
export type Credentials = NonNullable<KMSClientConfig["credentials"]>;

/**
 * AWS's request quotas per account and region (KMS "Request quotas"): GetKeyLastUsage
 * is the tight one, so a run with N keys in one region takes about N/5 seconds.
 */
export const DEFAULT_RATES: Readonly<Record<KmsOperation, number>> = {
  GetKeyLastUsage: 5,
  DescribeKey: 2000,
  ListAliases: 500,
  // CloudFormation's quota is not KMS's; one call per stack page, far below any limit.
  ListStackResources: 10,
  GetTemplate: 10,
};

export interface KmsOptions {
  /** Where bare key ids live, and the client's default region; null: the SDK's own (AWS_REGION, profile). */
  region: string | null;
  profile: string | null;
  /** `--endpoint-url`; the SDK also reads AWS_ENDPOINT_URL_KMS by itself. */
  endpointUrl: string | null;
  /** Requests per second per account-region and operation. */
  rates: Readonly<Record<KmsOperation, number>>;
  /**
   * `--aws-timeout`: how long an account-region with calls under way may give no
   * answer before it is down, and how long one call may take from its first send,
   * retries, throttling back-offs and later turns under the quota included.
   */
  timeoutMs: number;
  /** SDK attempts per call for transient failures (resets, timeouts, 5xx); throttling is waited out here. */
  maxAttempts: number;
  /**
   * The caller's account ("same-account"), from STS GetCallerIdentity. Rejects with an
   * EvidenceError when the caller's own credentials cannot be used: then nothing can be asked.
   */
  callerAccount: () => Promise<string | null>;
  /**
   * Credentials for another account's keys (`--role-template`: a role assumed in
   * that account); null when there is none, and then GetKeyLastUsage is not asked.
   */
  credentialsFor?: (account: string) => Credentials | null;
  /** Counts of calls made and of waits for the quota, for the summary and progress. */
  onCall?: (operation: KmsOperation, region: string, waitedMs: number) => void;
  /** Random source for back-off jitter, in [0, 1). */
  random?: () => number;
}

/**
 * Defaults for the options a user rarely sets (the timeout is `--aws-timeout`'s default,
 * 30 s). Three attempts is the SDK's own standard: throttling no longer needs more, it is
 * waited out in `ask`, and a dead endpoint is found dead in well under a second.
 */
export const KMS_DEFAULTS = { rates: DEFAULT_RATES, timeoutMs: 30_000, maxAttempts: 3 } as const;

// After a throttling answer the call waits this long, doubling up to the cap, before its next turn.
const THROTTLE_BACKOFF_MS = 500;
const THROTTLE_BACKOFF_CAP_MS = 4_000;
// A verdict lists this many unreadable account-regions, then counts the rest.
const MAX_PLACES_NAMED = 3;
// ListAliases' largest page (its Limit is 1–100).
const ALIAS_PAGE_SIZE = 100;
/**
 * A listing stops here, its aliases unknown: 100,000 aliases, one for every key an
 * account-region holds at KMS's default quota. An endpoint that pages without end (a
 * fresh NextMarker on every page) must not hold the run; the listing's deadline stops a
 * slow one, this a fast one.
 */
const MAX_ALIAS_PAGES = 1_000;
/**
 * ListStackResources pages of one stack: a template holds at most 500 resources, a page
 * up to 100; past this many the answer is not a stack's listing.
 */
const MAX_STACK_PAGES = 100;

/** Where calls go: one service in one account-region, with its client, health and pacers. */
interface Place {
  service: "KMS" | "CloudFormation";
  region: string;
  health: Health;
  send: (command: never, signal: AbortSignal) => Promise<unknown>;
  pacers: Map<KmsOperation, Pacer>;
}

/**
 * A FactSource over AWS KMS. One client per account-region; each (account-region,
 * operation) has its own pacer, and account-regions run in parallel. Results are
 * memoised per key, so a key shared by subjects (a multi-Region member, an alias) costs one call.
 */
export function kmsFactSource(options: KmsOptions): FactSource {
  const places = new Map<string, Promise<Place>>();
  /** The places opened so far, for the verdict once every call has ended. */
  const opened: Place[] = [];
  const memo = new Map<string, Promise<unknown>>();
  const random = options.random ?? Math.random;
  let account: Promise<string | null> | null = null;
  const callerAccount = () => {
    account ??= options.callerAccount();
    return account;
  };

  /** The account-region a call goes to: as the caller, or as the role assumed in another account. */
  const placeOf = (
    service: "KMS" | "CloudFormation",
    region: string,
    role: Role | null,
  ): Promise<Place> => {
    const id = `${service}\u0000${region}\u0000${role?.account ?? ""}`;
    let found = places.get(id);
    if (!found) {
      found = openPlace(service, region, role);
      places.set(id, found);
    }
    return found;
  };

  const openPlace = async (
    service: "KMS" | "CloudFormation",
    region: string,
    role: Role | null,
  ): Promise<Place> => {
    const settings = clientSettings(region, options.timeoutMs, options.maxAttempts);
    const config: KMSClientConfig & CloudFormationClientConfig = { ...settings };
    if (options.endpointUrl && service === "KMS") config.endpoint = options.endpointUrl;
    if (options.profile) config.profile = options.profile;
    if (role) config.credentials = role.credentials;
    const client = service === "KMS" ? new KMSClient(config) : new CloudFormationClient(config);
    const who = role ? ` for account ${role.account}` : "";
    const endpoint = await endpointOf(client.config, region);
    const health = new Health(`${service} in ${region}${who} (${endpoint})`);
    const send = (command: never, signal: AbortSignal) =>
      (client.send as (c: never, o: { abortSignal: AbortSignal }) => Promise<unknown>)(command, {
        abortSignal: signal,
      });
    const place: Place = { service, region, health, send, pacers: new Map() };
    opened.push(place);
    return place;
  };

  const pacerOf = (place: Place, operation: KmsOperation): Pacer => {
    let pacer = place.pacers.get(operation);
    if (!pacer) {
      pacer = new Pacer(options.rates[operation], 1000);
      place.pacers.set(operation, pacer);
    }
    return pacer;
  };

  /**
   * One AWS call: a turn under the quota, then the call with the account-region's
   * signal and the call's deadline. Throttling is waited out within the deadline
   * (a back-off, then a turn ahead of calls not yet sent); anything else ends the
   * call with a CallFailure, and may take the account-region down with it. `within`
   * is a deadline the call shares with others (the pages of one listing).
   */
  const ask = async <T>(
    place: Place,
    operation: KmsOperation,
    command: unknown,
    check: (out: T) => void,
    within?: AbortSignal,
  ): Promise<T> => {
    const { health } = place;
    health.check();
    let waited = await pacerOf(place, operation).turn(health.signal, "first");
    // The deadline runs from the first send: waiting for a first turn under the quota is not lateness.
    const own = AbortSignal.timeout(options.timeoutMs);
    const deadline = within ? AbortSignal.any([own, within]) : own;
    const signal = AbortSignal.any([health.signal, deadline]);
    let throttled: AwsFailure | null = null;
    for (let retry = 0; ; retry++) {
      health.check();
      options.onCall?.(operation, place.region, waited);
      health.sent();
      try {
        const out = (await raceAbort(place.send(command as never, signal), signal)) as T;
        check(out);
        health.answered();
        return out;
      } catch (error) {
        if (health.signal.aborted) throw health.signal.reason;
        const failure: AwsFailure = deadline.aborted
          ? lateness(operation, throttled !== null, options.timeoutMs)
          : classify(error);
        if (failure.kind === "throttled" && !deadline.aborted) {
          throttled = failure;
          try {
            await sleep(backoff(retry, random), signal);
            waited = await pacerOf(place, operation).turn(signal, "retry");
          } catch {
            if (health.signal.aborted) throw health.signal.reason;
            const late = lateness(operation, true, options.timeoutMs);
            health.failed(late);
            throw new CallFailure(late, health.place);
          }
          continue;
        }
        if (isAnswer(error, failure)) health.answered();
        else health.failed(failure);
        // A failure that took the account-region down reads the same for every call there.
        if (health.down) throw health.signal.reason;
        throw new CallFailure(failure, health.place);
      }
    }
  };

  /** Another account's key: the role to use there when one is configured, else null. */
  const roleFor = async (keyArn: string): Promise<Role | null> => {
    const arn = parseKmsArn(keyArn);
    const caller = await callerAccount();
    if (!arn || caller === null || arn.account === caller) return null;
    const credentials = options.credentialsFor?.(arn.account) ?? null;
    return credentials ? { account: arn.account, credentials } : null;
  };

  /** One call per key per operation per run, whoever asks. */
  const once = <T>(operation: KmsOperation, key: string, call: () => Promise<T>): Promise<T> => {
    const id = `${operation}\u0000${key}`;
    let found = memo.get(id) as Promise<T> | undefined;
    if (!found) {
      found = call();
      memo.set(id, found);
    }
    return found;
  };

  const describeKey = (keyArn: string): Promise<Fetched<AwsKeyMetadata>> =>
    once("DescribeKey", keyArn, async () => {
      const region = regionOf(keyArn, options.region);
      if (region === null) return noRegion("DescribeKey", keyArn);
      const place = await placeOf("KMS", region, await roleFor(keyArn));
      return attempt("DescribeKey", async () => {
        const out = await ask<{ KeyMetadata?: Record<string, unknown> }>(
          place,
          "DescribeKey",
          new DescribeKeyCommand({ KeyId: keyArn }),
          (answer) => {
            if (!answer.KeyMetadata?.KeyId || !answer.KeyMetadata.Arn)
              throw malformed("DescribeKey", "without KeyMetadata.KeyId and Arn");
          },
        );
        return metadataOf(out.KeyMetadata as Record<string, unknown>);
      });
    });

  const getKeyLastUsage = (keyArn: string): Promise<Fetched<AwsKeyLastUsage>> =>
    once("GetKeyLastUsage", keyArn, async () => {
      const arn = parseKmsArn(keyArn);
      const region = regionOf(keyArn, options.region);
      if (region === null) return noRegion("GetKeyLastUsage", keyArn);
      const caller = await callerAccount();
      const role = await roleFor(keyArn);
      if (arn && caller !== null && arn.account !== caller && role === null) {
        // KMS answers GetKeyLastUsage only for the caller's own keys: asking costs quota for nothing.
        return {
          ok: false,
          error: {
            Operation: "GetKeyLastUsage",
            Code: "OtherAccount",
            Message: `the key belongs to account ${arn.account}, and GetKeyLastUsage is same-account only (the caller is ${caller}); --role-template can name a role to assume there`,
          },
        };
      }
      // The quota is per account: a role in another account gets its own place and pacer.
      const place = await placeOf("KMS", region, role);
      return attempt("GetKeyLastUsage", async () => {
        const out = await ask<Record<string, unknown>>(
          place,
          "GetKeyLastUsage",
          new GetKeyLastUsageCommand({ KeyId: keyArn }),
          (answer) => {
            // KMS always names the key it answers for; an answer without one is not KMS's.
            if (typeof answer.KeyId !== "string" || answer.KeyId === "")
              throw malformed("GetKeyLastUsage", "without a KeyId");
          },
        );
        return lastUsageOf(out);
      });
    });

  /**
   * Aliases are listed once per account-region: one paginated ListAliases serves every
   * key there. ListAliases lists the account of the credentials that ask (it has no
   * cross-account use), so another account's aliases are listed with the role assumed there.
   */
  const aliasesIn = (
    account: string | null,
    region: string,
    role: Role | null,
  ): Promise<Fetched<Alias[]>> =>
    once("ListAliases", `${account ?? ""}\u0000${region}`, async () => {
      const place = await placeOf("KMS", region, role);
      return attempt("ListAliases", () => listAliases(place, account));
    });

  /**
   * Every page of ListAliases in one account-region, under one deadline for the whole
   * listing and a page cap. A page that says there is more without saying where (no
   * NextMarker), or points back at a page already read, is a malformed answer: the
   * listing would end short, or never, so it has no aliases to give at all.
   */
  const listAliases = async (place: Place, account: string | null): Promise<Alias[]> => {
    const listing = AbortSignal.timeout(options.timeoutMs);
    const found: Alias[] = [];
    const markers = new Set<string>();
    let marker: string | undefined;
    for (let pages = 0; ; pages++) {
      if (pages === MAX_ALIAS_PAGES) {
        throw new CallFailure(
          {
            kind: "answer",
            code: "TooManyAliases",
            message: `stopped listing aliases after ${MAX_ALIAS_PAGES} pages (${MAX_ALIAS_PAGES * ALIAS_PAGE_SIZE} aliases) with more to come, so a key's aliases are unknown`,
          },
          place.health.place,
        );
      }
      let page: AliasPage;
      try {
        page = await ask<AliasPage>(
          place,
          "ListAliases",
          new ListAliasesCommand({ Marker: marker, Limit: ALIAS_PAGE_SIZE }),
          (p) => {
            if (!Array.isArray(p.Aliases)) throw malformed("ListAliases", "without Aliases");
          },
          listing,
        );
      } catch (error) {
        // A page late because the listing ran out of time, not because it went unanswered.
        if (pages > 0 && listing.aborted && error instanceof CallFailure) {
          throw new CallFailure(
            {
              ...error.failure,
              message: `did not finish listing aliases within ${options.timeoutMs / 1000} s (--aws-timeout): ${pages} pages read, more to come`,
            },
            error.place,
          );
        }
        throw error;
      }
      // KMS's answer, wrong in what it says: the account-region was read, the listing was not.
      const problem = aliasPageProblem(page, place.region, account, markers);
      if (problem !== null) throw wrongListing(place, "ListAliases", problem);
      for (const alias of page.Aliases ?? []) {
        // An alias without a target (an AWS managed key's, before the key is made) names no key.
        if (typeof alias?.AliasArn === "string" && typeof alias.TargetKeyId === "string") {
          found.push({ AliasArn: alias.AliasArn, TargetKeyId: alias.TargetKeyId });
        }
      }
      if (!more(page)) return found;
      marker = page.NextMarker as string; // checked: a marker not given before
    }
  };

  /**
   * A deployed stack's physical ids (CloudFormation ListStackResources, paginated) and
   * template, asked in the stack's own account: as the caller there, else as the role
   * `--role-template` names for it. A stack that does not exist is `null` (its keys have
   * not been created yet) — said only by the stack's own account: any other account
   * would say the same of a stack that holds keys.
   */
  const deployedStack = async (
    stack: string,
    region: string,
    account: string | null,
  ): Promise<Fetched<DeployedStack | null>> => {
    // An environment-agnostic stack (no account) is deployed with the caller's credentials.
    const caller = account === null ? null : await callerAccount();
    let role: Role | null = null;
    if (account !== null && account !== caller) {
      const credentials = options.credentialsFor?.(account) ?? null;
      if (credentials === null) return otherAccountStack(stack, account, caller);
      role = { account, credentials };
    }
    const place = await placeOf("CloudFormation", region, role);
    const missing = (error: unknown) =>
      error instanceof CallFailure &&
      error.failure.code === "ValidationError" &&
      /does not exist/.test(error.failure.message);
    // The call that failed names the permission that is missing: one of two.
    let current: KmsOperation = "ListStackResources";
    const answer = await attempt(
      "ListStackResources",
      async () => {
        const resources: Record<string, string> = {};
        const tokens = new Set<string>();
        let token: string | undefined;
        do {
          // A token given twice, or pages past any stack's size, would list for ever:
          // CloudFormation's answer, wrong in what it says.
          if (token !== undefined && (tokens.has(token) || tokens.size >= MAX_STACK_PAGES)) {
            const problem = tokens.has(token)
              ? "with a NextToken it gave before (the listing would never end)"
              : `with more than ${MAX_STACK_PAGES} pages, more than any stack holds`;
            throw wrongListing(place, "ListStackResources", problem);
          }
          if (token !== undefined) tokens.add(token);
          const page = await ask<{
            StackResourceSummaries?: { LogicalResourceId?: string; PhysicalResourceId?: string }[];
            NextToken?: string;
          }>(
            place,
            "ListStackResources",
            new ListStackResourcesCommand({ StackName: stack, NextToken: token }),
            (p) => {
              if (!Array.isArray(p.StackResourceSummaries))
                throw malformed("ListStackResources", "without StackResourceSummaries");
            },
          );
          for (const r of page.StackResourceSummaries ?? []) {
            if (r.LogicalResourceId && r.PhysicalResourceId)
              resources[r.LogicalResourceId] = r.PhysicalResourceId;
          }
          token = page.NextToken;
        } while (token);
        // The deployed template is the base a pull request's synthesized template is compared with.
        current = "GetTemplate";
        const { TemplateBody } = await ask<{ TemplateBody?: string }>(
          place,
          "GetTemplate",
          new GetTemplateCommand({ StackName: stack }),
          (t) => {
            if (typeof t.TemplateBody !== "string")
              throw malformed("GetTemplate", "without a body");
          },
        );
        const answeredBy = role?.account ?? caller ?? (await callerAccount());
        return { account: answeredBy, resources, template: TemplateBody ?? null };
      },
      missing,
    );
    return answer.ok ? answer : { ok: false, error: { ...answer.error, Operation: current } };
  };

  return {
    kind: "aws",
    callerAccount,
    defaultRegion: async () => {
      if (options.region) return options.region;
      // The SDK's own chain: AWS_REGION, AWS_DEFAULT_REGION, the profile's region.
      const probe = new KMSClient(options.profile ? { profile: options.profile } : {});
      try {
        return await probe.config.region();
      } catch {
        return null;
      } finally {
        probe.destroy();
      }
    },
    resolveAlias: async (aliasArn) => {
      const arn = parseKmsArn(aliasArn);
      if (!arn) return { ok: true, value: null };
      const asked = describeKey(aliasArn);
      const described = await asked;
      if (described.ok) {
        // DescribeKey through an alias describes its key: that answer is the key's, so
        // the key costs no second DescribeKey (SPEC §9: one call per key per operation).
        const key = parseKmsArn(described.value.Arn);
        if (
          key?.resource === "key" &&
          key.partition === arn.partition &&
          key.region === arn.region &&
          key.account === arn.account &&
          !memo.has(`DescribeKey\u0000${described.value.Arn}`)
        ) {
          memo.set(`DescribeKey\u0000${described.value.Arn}`, asked);
        }
        return { ok: true, value: described.value.Arn };
      }
      return described.error.Code === "NotFoundException"
        ? { ok: true, value: null }
        : { ok: false, error: described.error };
    },
    aliasesOf: async (keyArn) => {
      const arn = parseKmsArn(keyArn);
      if (!arn) return { ok: true, value: [] };
      const caller = await callerAccount();
      const role = await roleFor(keyArn);
      if (caller !== null && arn.account !== caller && role === null) {
        // Listed as the caller, they would be the caller's aliases: "none" for this key, wrongly.
        return {
          ok: false,
          error: {
            Operation: "ListAliases",
            Code: "OtherAccount",
            Message: `the key belongs to account ${arn.account}, and aliases of another account's key cannot be listed without --role-template (the caller is ${caller})`,
          },
        };
      }
      const listed = await aliasesIn(role?.account ?? caller, arn.region, role);
      if (!listed.ok) return listed;
      const names = listed.value
        .filter((a) => a.TargetKeyId === arn.id)
        .flatMap((a) => parseKmsArn(a.AliasArn)?.id ?? [])
        .sort();
      return { ok: true, value: names };
    },
    describeKey,
    getKeyLastUsage,
    deployedStack: (stack, region, account) => {
      const where = region ?? options.region;
      if (where === null) return Promise.resolve(noRegion("ListStackResources", stack));
      return once("ListStackResources", `${where}\u0000${account ?? ""}\u0000${stack}`, () =>
        deployedStack(stack, where, account),
      );
    },
    evidenceFailure: () => {
      // A key's evidence is KMS's: CloudFormation answering says which keys a stack holds,
      // nothing of their use. Only when KMS was never asked (every stack unreadable, say)
      // does CloudFormation decide.
      const asked = opened.filter((p) => p.health.asked);
      const kms = asked.filter((p) => p.service === "KMS");
      const needed = kms.length > 0 ? kms : asked;
      if (needed.length === 0 || needed.some((p) => p.health.read)) return null;
      return unreadable(needed.map((p) => p.health));
    },
  };
}

interface Role {
  account: string;
  credentials: Credentials;
}

/** An alias that names a key, as ListAliases gives it. */
interface Alias {
  AliasArn: string;
  TargetKeyId: string;
}

/** One page of ListAliases, as the SDK parses it: unchecked. */
interface AliasPage {
  Aliases?: ({ AliasArn?: unknown; TargetKeyId?: unknown } | null)[];
  Truncated?: unknown;
  NextMarker?: unknown;
}

/** Whether a checked page says the listing goes on. */
function more(page: AliasPage): boolean {
  return page.Truncated === true || (page.Truncated === undefined && page.NextMarker !== undefined);
}

/**
 * What is wrong with a page KMS's shape check let through, or null: an alias of another
 * account or region than the one listed, or a continuation that cannot be followed
 * (none, or one already given: the listing would end short, or never). `markers` holds
 * the markers given so far, and takes this page's.
 */
function aliasPageProblem(
  page: AliasPage,
  region: string,
  account: string | null,
  markers: Set<string>,
): string | null {
  for (const alias of page.Aliases ?? []) {
    const arn = typeof alias?.AliasArn === "string" ? parseKmsArn(alias.AliasArn) : null;
    if (
      arn?.resource !== "alias" ||
      arn.region !== region ||
      (account !== null && arn.account !== account)
    ) {
      const where = account === null ? region : `account ${account} in ${region}`;
      return `with ${showValue(alias?.AliasArn)}, which is not the ARN of an alias of ${where}`;
    }
    const target = alias?.TargetKeyId;
    if (target !== undefined && typeof target !== "string") {
      return `with a TargetKeyId that is ${showValue(target)}`;
    }
  }
  const { Truncated, NextMarker } = page;
  if (Truncated !== undefined && typeof Truncated !== "boolean") {
    return `with Truncated ${showValue(Truncated)}, not true or false`;
  }
  if (Truncated === false) {
    return NextMarker === undefined ? null : "with both Truncated false and a NextMarker";
  }
  if (Truncated === undefined && NextMarker === undefined) return null;
  if (typeof NextMarker !== "string" || NextMarker === "") {
    return "with Truncated but no NextMarker (the rest cannot be listed)";
  }
  if (markers.has(NextMarker))
    return "with a NextMarker it gave before (the listing would never end)";
  markers.add(NextMarker);
  return null;
}

/**
 * A listing whose pages AWS's shape check let through but that cannot be followed (or
 * names what was not listed): the place answered, the listing is not evidence.
 */
function wrongListing(place: Place, operation: string, problem: string): CallFailure {
  return new CallFailure(
    {
      kind: "not-aws",
      code: "MalformedResponse",
      message: `answered ${operation} ${problem}: not an AWS answer`,
    },
    place.health.place,
  );
}

/**
 * A stack of another account, with no role to ask there: the caller's CloudFormation would
 * answer "does not exist", which is no evidence that the stack holds no keys.
 */
function otherAccountStack(stack: string, account: string, caller: string | null) {
  const who = caller === null ? "the caller's account is unknown" : `the caller is ${caller}`;
  return {
    ok: false as const,
    error: {
      Operation: "ListStackResources",
      Code: OTHER_ACCOUNT,
      Message: `stack ${stack} is in account ${account}, and CloudFormation answers only for the stacks of the account asking (${who}); --role-template 'arn:aws:iam::{account}:role/NAME' can name a role to assume there`,
    },
  };
}

/** The verdict when no account-region the run asked could be read: the causes, and the way out. */
function unreadable(healths: Health[]): EvidenceError {
  const causes = [
    ...new Set(
      healths.map((h) => {
        const failure = h.down ?? h.lastFailure;
        return `${h.place} ${failure ? phrase(failure) : "gave no answer"}`;
      }),
    ),
  ];
  const named = causes.slice(0, MAX_PLACES_NAMED);
  if (causes.length > named.length) named.push(`and ${causes.length - named.length} more`);
  const first = healths.map((h) => h.down ?? h.lastFailure).find((f) => f !== null) ?? null;
  return new EvidenceError(
    `could not ask AWS: ${withoutStop(named.join("; "))}. ${wayOut(first?.kind ?? null)}`,
  );
}

/** What to do about a failure that left nothing readable. */
export function wayOut(kind: FailureKind | null, service: "KMS" | "STS" = "KMS"): string {
  const offline =
    "evaluate offline from a facts snapshot (--facts FILE; in the Action, the facts input)";
  if (kind === "no-credentials" || kind === "credentials-refused") {
    return `Give the run AWS credentials that KMS accepts (in GitHub Actions: aws-actions/configure-aws-credentials), or ${offline}.`;
  }
  if (kind !== null && isPlaceFailure(kind)) {
    const settings =
      service === "KMS" ? "--endpoint-url, AWS_ENDPOINT_URL_KMS" : "AWS_ENDPOINT_URL_STS";
    return `Check the endpoint (${settings}), the region and the network, or ${offline}.`;
  }
  return `No key's facts could be read: run again, or ${offline}.`;
}

/** The failure of a call whose deadline passed: still throttled, or no answer. */
function lateness(operation: string, throttled: boolean, timeoutMs: number): AwsFailure {
  const seconds = timeoutMs / 1000;
  return throttled
    ? {
        kind: "throttled",
        code: "Throttled",
        message: `kept throttling ${operation} for ${seconds} s (--aws-timeout): another client is using the account's quota`,
      }
    : {
        kind: "silent",
        code: "NoAnswer",
        message: `gave no answer to ${operation} within ${seconds} s (--aws-timeout)`,
      };
}

/** The wait after the n-th throttling answer in a row: doubling, capped, jittered. */
function backoff(retry: number, random: () => number): number {
  const ceiling = Math.min(THROTTLE_BACKOFF_CAP_MS, THROTTLE_BACKOFF_MS * 2 ** retry);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** The region of a key ARN, else the configured one. */
function regionOf(keyOrArn: string, fallback: string | null): string | null {
  return parseKmsArn(keyOrArn)?.region ?? fallback;
}

function noRegion(operation: KmsOperation, key: string) {
  return {
    ok: false as const,
    error: {
      Operation: operation,
      Code: "NoRegion",
      Message: `no region for ${key}: pass --region`,
    },
  };
}

/**
 * Runs calls through `ask`; their failure becomes a fact (`unavailable` with its reason),
 * never an exception. `empty` says which failures mean "there is none" (a null value).
 */
async function attempt<T>(operation: KmsOperation, call: () => Promise<T>): Promise<Fetched<T>>;
async function attempt<T>(
  operation: KmsOperation,
  call: () => Promise<T>,
  empty: (error: unknown) => boolean,
): Promise<Fetched<T | null>>;
async function attempt<T>(
  operation: KmsOperation,
  call: () => Promise<T>,
  empty?: (error: unknown) => boolean,
): Promise<Fetched<T | null>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!(error instanceof CallFailure)) throw error;
    if (empty?.(error)) return { ok: true, value: null };
    const { failure } = error;
    // AWS's own word about the call stays as it said it; a failure of the place names the place.
    const message = failure.kind === "answer" ? failure.message : error.message;
    return { ok: false, error: { Operation: operation, Code: failure.code, Message: message } };
  }
}

/**
 * A timestamp as the snapshot keeps it: a valid Date as ISO 8601; anything else that is
 * there, kept as it came, for the answer checks to refuse rather than to be dropped here.
 */
function rawDate(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return String(value);
}

/** GetKeyLastUsage's answer as the snapshot keeps it: verbatim, dates as ISO strings. */
function lastUsageOf(out: Record<string, unknown>): AwsKeyLastUsage {
  const last = out.KeyLastUsage as Record<string, unknown> | undefined;
  const usage: AwsKeyLastUsage = { KeyId: out.KeyId as string };
  if (last !== undefined) {
    usage.KeyLastUsage = {
      Operation: last.Operation as string | undefined,
      Timestamp: rawDate(last.Timestamp),
      CloudTrailEventId: last.CloudTrailEventId as string | undefined,
      KmsRequestId: last.KmsRequestId as string | undefined,
    };
  }
  const tracking = rawDate(out.TrackingStartDate);
  const created = rawDate(out.KeyCreationDate);
  if (tracking !== undefined) usage.TrackingStartDate = tracking;
  if (created !== undefined) usage.KeyCreationDate = created;
  return usage;
}

/** DescribeKey's metadata with dates as ISO strings, as the snapshot keeps them. */
function metadataOf(raw: Record<string, unknown>): AwsKeyMetadata {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name] = value instanceof Date ? rawDate(value) : value;
  }
  return out as unknown as AwsKeyMetadata;
}
