/**
 * Live facts from AWS KMS (SPEC §3): DescribeKey, GetKeyLastUsage and ListAliases
 * through the real SDK, paced per account-region at each operation's quota,
 * asked at most once per key per operation per run, and turned into "could not
 * be had" facts instead of errors when AWS says no.
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
import pThrottle from "p-throttle";
import type {
  AwsKeyLastUsage,
  AwsKeyMetadata,
  DeployedStack,
  FactSource,
  Fetched,
} from "../model.js";
import { parseKmsArn } from "../sources/key-ids.js";
import { isoOrNull } from "./usage.js";

export type KmsOperation = "DescribeKey" | "GetKeyLastUsage" | "ListAliases" | "ListStackResources";

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
};

export interface KmsOptions {
  /** Where bare key ids live, and the client's default region; null: the SDK's own (AWS_REGION, profile). */
  region: string | null;
  profile: string | null;
  /** `--endpoint-url`; the SDK also reads AWS_ENDPOINT_URL_KMS by itself. */
  endpointUrl: string | null;
  /** Requests per second per account-region and operation. */
  rates: Readonly<Record<KmsOperation, number>>;
  /** Per attempt; a call that takes longer is retried, then reported as a timeout. */
  timeoutMs: number;
  /** SDK attempts per call, retries of throttling and 5xx included (standard mode: backoff with jitter). */
  maxAttempts: number;
  /** The caller's account ("same-account"), from STS GetCallerIdentity; null when unknown. */
  callerAccount: () => Promise<string | null>;
  /**
   * Credentials for another account's keys (`--role-template`: a role assumed in
   * that account); null when there is none, and then GetKeyLastUsage is not asked.
   */
  credentialsFor?: (account: string) => Credentials | null;
  /** Counts of calls made and of waits for the quota, for the summary and progress. */
  onCall?: (operation: KmsOperation, region: string, waitedMs: number) => void;
}

/** Defaults for the options a user rarely sets. */
export const KMS_DEFAULTS = { rates: DEFAULT_RATES, timeoutMs: 10_000, maxAttempts: 6 } as const;

/**
 * A FactSource over AWS KMS. One client per region; each (region, operation) has
 * its own pacer, and regions run in parallel. Results are memoised per key, so a
 * key shared by subjects (a multi-Region member, an alias) costs one call.
 */
export function kmsFactSource(options: KmsOptions): FactSource {
  const clients = new Map<string, KMSClient>();
  const pacers = new Map<string, <T>(call: () => Promise<T>) => Promise<T>>();
  const memo = new Map<string, Promise<unknown>>();
  let account: Promise<string | null> | null = null;
  const callerAccount = () => {
    account ??= options.callerAccount();
    return account;
  };

  /** The client for a region, as the caller or, for another account's key, as the role assumed there. */
  const client = (region: string, role: Role | null): KMSClient => {
    const id = role ? `${region}@${role.account}` : region;
    let found = clients.get(id);
    if (!found) {
      const config: KMSClientConfig = {
        region,
        maxAttempts: options.maxAttempts,
        requestHandler: { requestTimeout: options.timeoutMs, throwOnRequestTimeout: true },
      };
      if (options.endpointUrl) config.endpoint = options.endpointUrl;
      if (options.profile) config.profile = options.profile;
      if (role) config.credentials = role.credentials;
      found = new KMSClient(config);
      clients.set(id, found);
    }
    return found;
  };

  /** Another account's key: the role to use there when one is configured, else null. */
  const roleFor = async (keyArn: string): Promise<Role | null> => {
    const arn = parseKmsArn(keyArn);
    const caller = await callerAccount();
    if (!arn || caller === null || arn.account === caller) return null;
    const credentials = options.credentialsFor?.(arn.account) ?? null;
    return credentials ? { account: arn.account, credentials } : null;
  };

  const paced = <T>(
    operation: KmsOperation,
    region: string,
    call: () => Promise<T>,
  ): Promise<T> => {
    const id = `${region}\u0000${operation}`;
    let pacer = pacers.get(id);
    if (!pacer) {
      // strict: every window of one second holds at most `limit` calls, bursts included.
      const throttle = pThrottle({ limit: options.rates[operation], interval: 1000, strict: true });
      pacer = throttle(<U>(run: () => Promise<U>) => run()) as <U>(
        run: () => Promise<U>,
      ) => Promise<U>;
      pacers.set(id, pacer);
    }
    const queued = performance.now();
    return pacer(() => {
      options.onCall?.(operation, region, performance.now() - queued);
      return call();
    });
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
      const role = await roleFor(keyArn);
      return attempt("DescribeKey", async () => {
        const out = await paced("DescribeKey", region, () =>
          client(region, role).send(new DescribeKeyCommand({ KeyId: keyArn })),
        );
        if (!out.KeyMetadata?.KeyId || !out.KeyMetadata.Arn) {
          throw Object.assign(new Error("DescribeKey returned no KeyMetadata"), {
            name: "EmptyResponse",
          });
        }
        return metadataOf(out.KeyMetadata as unknown as Record<string, unknown>);
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
      return attempt("GetKeyLastUsage", async () => {
        // The quota is per account: a role in another account gets its own pacer.
        const out = await paced(
          "GetKeyLastUsage",
          role ? `${region}@${role.account}` : region,
          () => client(region, role).send(new GetKeyLastUsageCommand({ KeyId: keyArn })),
        );
        const last = out.KeyLastUsage;
        return {
          KeyLastUsage: last && {
            Operation: last.Operation,
            Timestamp: isoOrNull(last.Timestamp) ?? undefined,
            CloudTrailEventId: last.CloudTrailEventId,
            KmsRequestId: last.KmsRequestId,
          },
          TrackingStartDate: isoOrNull(out.TrackingStartDate) ?? undefined,
          KeyCreationDate: isoOrNull(out.KeyCreationDate) ?? undefined,
        };
      });
    });

  // Aliases are listed once per region: one paginated ListAliases serves every key there.
  const aliasesIn = (
    region: string,
  ): Promise<Fetched<{ AliasArn: string; TargetKeyId: string }[]>> =>
    once("ListAliases", region, () =>
      attempt("ListAliases", async () => {
        const found: { AliasArn: string; TargetKeyId: string }[] = [];
        let marker: string | undefined;
        do {
          const page = await paced("ListAliases", region, () =>
            client(region, null).send(new ListAliasesCommand({ Marker: marker, Limit: 100 })),
          );
          for (const alias of page.Aliases ?? []) {
            if (alias.AliasArn && alias.TargetKeyId) {
              found.push({ AliasArn: alias.AliasArn, TargetKeyId: alias.TargetKeyId });
            }
          }
          marker = page.Truncated ? page.NextMarker : undefined;
        } while (marker);
        return found;
      }),
    );

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
      const described = await describeKey(aliasArn);
      if (described.ok) return { ok: true, value: described.value.Arn };
      return described.error.Code === "NotFoundException"
        ? { ok: true, value: null }
        : { ok: false, error: described.error };
    },
    aliasesOf: async (keyArn) => {
      const arn = parseKmsArn(keyArn);
      if (!arn) return [];
      const listed = await aliasesIn(arn.region);
      if (!listed.ok) return [];
      return listed.value
        .filter((a) => a.TargetKeyId === arn.id)
        .flatMap((a) => parseKmsArn(a.AliasArn)?.id ?? [])
        .sort();
    },
    describeKey,
    getKeyLastUsage,
    deployedStack: (stack, region) => {
      const where = region ?? options.region;
      if (where === null) return Promise.resolve(noRegion("ListStackResources", stack));
      return once("ListStackResources", `${where}\u0000${stack}`, () =>
        deployedStack(stack, where, options, callerAccount),
      );
    },
  };
}

interface Role {
  account: string;
  credentials: Credentials;
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

/** Runs one SDK call; an AWS error becomes a fact (`unavailable` with its reason), never an exception. */
async function attempt<T>(operation: KmsOperation, call: () => Promise<T>): Promise<Fetched<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const e = error as { name?: string; message?: string };
    const code = e.name === "TimeoutError" ? "Timeout" : (e.name ?? "Error");
    const message =
      code === "Timeout"
        ? "no answer within the per-call timeout, after retries"
        : (e.message ?? String(error));
    return { ok: false, error: { Operation: operation, Code: code, Message: message } };
  }
}

/** DescribeKey's metadata with dates as ISO strings, as the snapshot keeps them. */
function metadataOf(raw: Record<string, unknown>): AwsKeyMetadata {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name] = value instanceof Date ? value.toISOString() : value;
  }
  return out as unknown as AwsKeyMetadata;
}

/**
 * A deployed stack's physical ids (CloudFormation ListStackResources, paginated).
 * A stack that does not exist is `null`: its keys have not been created yet.
 */
async function deployedStack(
  stack: string,
  region: string,
  options: KmsOptions,
  callerAccount: () => Promise<string | null>,
): Promise<Fetched<DeployedStack | null>> {
  const config: CloudFormationClientConfig = {
    region,
    maxAttempts: options.maxAttempts,
    requestHandler: { requestTimeout: options.timeoutMs, throwOnRequestTimeout: true },
  };
  if (options.profile) config.profile = options.profile;
  const client = new CloudFormationClient(config);
  try {
    const resources: Record<string, string> = {};
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListStackResourcesCommand({ StackName: stack, NextToken: token }),
      );
      for (const r of page.StackResourceSummaries ?? []) {
        if (r.LogicalResourceId && r.PhysicalResourceId)
          resources[r.LogicalResourceId] = r.PhysicalResourceId;
      }
      token = page.NextToken;
    } while (token);
    // The deployed template is the base a pull request's synthesized template is compared with.
    const body = (await client.send(new GetTemplateCommand({ StackName: stack }))).TemplateBody;
    return {
      ok: true,
      value: { account: await callerAccount(), resources, template: body ?? null },
    };
  } catch (error) {
    const e = error as { name?: string; message?: string };
    if (e.name === "ValidationError" && /does not exist/.test(e.message ?? ""))
      return { ok: true, value: null };
    return {
      ok: false,
      error: {
        Operation: "ListStackResources",
        Code: e.name ?? "Error",
        Message: e.message ?? String(error),
      },
    };
  } finally {
    client.destroy();
  }
}
