/**
 * Live facts from AWS KMS (SPEC §3): DescribeKey, GetKeyLastUsage and ListAliases, asked
 * through the one AWS layer (aws/layer.ts: paced per account-region at each operation's
 * quota, at most once per key per operation per run, under the run's deadlines and
 * health), and turned into "could not be had" facts instead of errors when AWS says no.
 */

import {
  DescribeKeyCommand,
  GetKeyLastUsageCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
} from "@aws-sdk/client-kms";
import { parseKmsArn } from "../aws/key-ids.js";
import type { AwsKeyLastUsage, AwsKeyMetadata, FactSource, Fetched } from "../model.js";
import { plural, showValue } from "../show.js";
import { SharedDeadline } from "./aws/call.js";
import { attempt, noRegion, wrongListing } from "./aws/fetched.js";
import { CallFailure, malformed } from "./aws/health.js";
import type { AwsLayer, AwsService, Place, Role } from "./aws/layer.js";

export type KmsOperation = "DescribeKey" | "GetKeyLastUsage" | "ListAliases" | "ListKeys";

/**
 * KMS's API, with AWS's request quotas per account and region (KMS "Request quotas"):
 * GetKeyLastUsage is the tight one, so a run with N keys in one region takes about N/5
 * seconds. `--endpoint-url` is KMS's own setting.
 */
export const KMS: AwsService<KmsOperation> = {
  name: "KMS",
  client: (config) => new KMSClient(config),
  rates: { GetKeyLastUsage: 5, DescribeKey: 2000, ListAliases: 500, ListKeys: 500 },
  endpointUrl: "owns",
};

// ListAliases' largest page (its Limit is 1–100).
const ALIAS_PAGE_SIZE = 100;
/**
 * A listing stops here, its aliases unknown: 100,000 aliases, one for every key an
 * account-region holds at KMS's default quota. An endpoint that pages without end (a
 * fresh NextMarker on every page) must not hold the run; the listing's deadline stops a
 * slow one, this a fast one.
 */
const MAX_ALIAS_PAGES = 1_000;

/** What KMS is asked of a key, and of an alias, in the fact source's terms. */
export type KmsQuestions = Pick<
  FactSource,
  "defaultRegion" | "resolveAlias" | "aliasesOf" | "describeKey" | "getKeyLastUsage"
>;

/**
 * KMS's questions through `aws`. `region` is where bare key ids live (`--region`); null:
 * the SDK's own (AWS_REGION, the profile's).
 */
export function kmsQuestions(
  aws: AwsLayer,
  region: string | null,
  profile: string | null,
): KmsQuestions {
  return {
    // `--region`, else the SDK's own chain: AWS_REGION, AWS_DEFAULT_REGION, the profile's region.
    defaultRegion: async () => region ?? (await sdkRegion(profile)),
    resolveAlias: (aliasArn) => resolveAlias(aws, region, aliasArn),
    aliasesOf: (keyArn) => aliasesOf(aws, keyArn),
    describeKey: (keyArn) => describeKey(aws, region, keyArn),
    getKeyLastUsage: (keyArn) => getKeyLastUsage(aws, region, keyArn),
  };
}

/**
 * The role a key's calls go through: another account's, when one is configured; in the
 * caller's own account only where the layer assumes one there too (an inventory, whose
 * every account is read through its own role). Null: the caller's credentials.
 */
async function roleFor(aws: AwsLayer, keyArn: string): Promise<Role | null> {
  const arn = parseKmsArn(keyArn);
  if (!arn) return null;
  return roleInAccount(aws, arn.account);
}

/** The role calls in `account` go through; null: the caller's credentials. */
export async function roleInAccount(aws: AwsLayer, account: string): Promise<Role | null> {
  const caller = await aws.callerAccount();
  if (caller === null || (account === caller && !aws.assumesInOwnAccount(account))) return null;
  return aws.roleIn(account);
}

function describeKey(
  aws: AwsLayer,
  fallback: string | null,
  keyArn: string,
): Promise<Fetched<AwsKeyMetadata>> {
  return aws.once("DescribeKey", keyArn, async () => {
    const region = regionOf(keyArn, fallback);
    if (region === null) return noRegion("DescribeKey", keyArn);
    const place = await aws.place(KMS, region, await roleFor(aws, keyArn));
    return attempt("DescribeKey", async () => {
      const out = await aws.ask<{ KeyMetadata?: Record<string, unknown> }>(
        place,
        "DescribeKey",
        () => new DescribeKeyCommand({ KeyId: keyArn }),
        (answer) => {
          if (!answer.KeyMetadata?.KeyId || !answer.KeyMetadata.Arn)
            throw malformed("DescribeKey", "without KeyMetadata.KeyId and Arn");
        },
      );
      return metadataOf(out.KeyMetadata as Record<string, unknown>);
    });
  });
}

function getKeyLastUsage(
  aws: AwsLayer,
  fallback: string | null,
  keyArn: string,
): Promise<Fetched<AwsKeyLastUsage>> {
  return aws.once("GetKeyLastUsage", keyArn, async () => {
    const arn = parseKmsArn(keyArn);
    const region = regionOf(keyArn, fallback);
    if (region === null) return noRegion("GetKeyLastUsage", keyArn);
    const caller = await aws.callerAccount();
    const role = await roleFor(aws, keyArn);
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
    const place = await aws.place(KMS, region, role);
    return attempt("GetKeyLastUsage", async () => {
      const out = await aws.ask<Record<string, unknown>>(
        place,
        "GetKeyLastUsage",
        () => new GetKeyLastUsageCommand({ KeyId: keyArn }),
        (answer) => {
          // KMS always names the key it answers for; an answer without one is not KMS's.
          if (typeof answer.KeyId !== "string" || answer.KeyId === "")
            throw malformed("GetKeyLastUsage", "without a KeyId");
        },
      );
      return lastUsageOf(out);
    });
  });
}

/** The key an alias ARN names, through DescribeKey; null when the alias does not exist. */
async function resolveAlias(
  aws: AwsLayer,
  fallback: string | null,
  aliasArn: string,
): Promise<Fetched<string | null>> {
  const arn = parseKmsArn(aliasArn);
  if (!arn) return { ok: true, value: null };
  const asked = describeKey(aws, fallback, aliasArn);
  const described = await asked;
  if (described.ok) {
    // DescribeKey through an alias describes its key: that answer is the key's, so
    // the key costs no second DescribeKey (SPEC §9: one call per key per operation).
    const key = parseKmsArn(described.value.Arn);
    if (
      key?.resource === "key" &&
      key.partition === arn.partition &&
      key.region === arn.region &&
      key.account === arn.account
    ) {
      aws.share("DescribeKey", described.value.Arn, asked);
    }
    return { ok: true, value: described.value.Arn };
  }
  return described.error.Code === "NotFoundException"
    ? { ok: true, value: null }
    : { ok: false, error: described.error };
}

/** The names of a key's aliases, from the whole listing of its own account-region. */
async function aliasesOf(aws: AwsLayer, keyArn: string): Promise<Fetched<string[]>> {
  const arn = parseKmsArn(keyArn);
  if (!arn) return { ok: true, value: [] };
  const caller = await aws.callerAccount();
  const role = await roleFor(aws, keyArn);
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
  const listed = await aliasesIn(aws, role?.account ?? caller, arn.region, role);
  if (!listed.ok) return listed;
  const names = listed.value
    .filter((a) => a.TargetKeyId === arn.id)
    .flatMap((a) => parseKmsArn(a.AliasArn)?.id ?? [])
    .sort();
  return { ok: true, value: names };
}

/**
 * Aliases are listed once per account-region: one paginated ListAliases serves every
 * key there. ListAliases lists the account of the credentials that ask (it has no
 * cross-account use), so another account's aliases are listed with the role assumed there.
 */
function aliasesIn(
  aws: AwsLayer,
  account: string | null,
  region: string,
  role: Role | null,
): Promise<Fetched<Alias[]>> {
  return aws.once("ListAliases", `${account ?? ""}\u0000${region}`, async () => {
    const place = await aws.place(KMS, region, role);
    return attempt("ListAliases", () => listAliases(aws, place, account));
  });
}

/**
 * Every page of ListAliases in one account-region, under one deadline for the whole
 * listing and a page cap. A page that says there is more without saying where (no
 * NextMarker), or points back at a page already read, is a malformed answer: the
 * listing would end short, or never, so it has no aliases to give at all.
 */
function listAliases(aws: AwsLayer, place: Place, account: string | null): Promise<Alias[]> {
  return SharedDeadline.during(aws.timeoutMs, (listing) =>
    aliasPages(aws, place, account, listing),
  );
}

/** The pages of ListAliases at `place`, one after another, under `listing`: see listAliases. */
async function aliasPages(
  aws: AwsLayer,
  place: Place,
  account: string | null,
  listing: SharedDeadline,
): Promise<Alias[]> {
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
    const page = await aliasPage(aws, place, marker, listing, pages);
    // KMS's answer, wrong in what it says: the account-region was read, the listing was not.
    const problem = aliasPageProblem(page, place.region, account, markers);
    if (problem !== null) throw wrongListing(place.health.place, "ListAliases", problem);
    for (const alias of page.Aliases ?? []) {
      // An alias without a target (an AWS managed key's, before the key is made) names no key.
      if (typeof alias?.AliasArn === "string" && typeof alias.TargetKeyId === "string") {
        found.push({ AliasArn: alias.AliasArn, TargetKeyId: alias.TargetKeyId });
      }
    }
    if (!more(page)) return found;
    marker = page.NextMarker as string; // checked: a marker not given before
  }
}

/** One page of ListAliases after `read` pages, under the listing's deadline. */
async function aliasPage(
  aws: AwsLayer,
  place: Place,
  marker: string | undefined,
  listing: SharedDeadline,
  read: number,
): Promise<AliasPage> {
  try {
    return await aws.ask<AliasPage>(
      place,
      "ListAliases",
      () => new ListAliasesCommand({ Marker: marker, Limit: ALIAS_PAGE_SIZE }),
      (p) => {
        if (!Array.isArray(p.Aliases)) throw malformed("ListAliases", "without Aliases");
      },
      listing,
    );
  } catch (error) {
    // A page late because the listing ran out of time, not because it went unanswered.
    if (read > 0 && listing.signal.aborted && error instanceof CallFailure) {
      throw new CallFailure(
        {
          ...error.failure,
          message: `did not finish listing aliases within ${aws.timeoutMs / 1000} s (--aws-timeout): ${plural(read, "page")} read, more to come`,
        },
        error.place,
      );
    }
    throw error;
  }
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
function more(page: { Truncated?: unknown; NextMarker?: unknown }): boolean {
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
  return continuationProblem(page, markers);
}

/**
 * What is wrong with a listing page's continuation, or null: one that cannot be followed
 * (none, or one already given: the listing would end short, or never). `markers` holds
 * the markers given so far, and takes this page's.
 */
function continuationProblem(
  page: { Truncated?: unknown; NextMarker?: unknown },
  markers: Set<string>,
): string | null {
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

// ListKeys' largest page (its Limit is 1–1000).
const KEY_PAGE_SIZE = 1000;
/**
 * A key listing stops here: 100 pages of 1,000 are 100,000 keys, KMS's default quota of
 * keys per account-region. Past it the endpoint is paging without end.
 */
const MAX_KEY_PAGES = 100;

/**
 * Every key of one account-region (`snapshot --all-keys`, issue 17): ListKeys, paginated,
 * paced at its quota, through the account's own role. A listing that cannot be followed
 * to its end, or names keys of another account-region, is not evidence: the pair is
 * unavailable rather than read short.
 */
export function keysIn(aws: AwsLayer, account: string, region: string): Promise<Fetched<string[]>> {
  return aws.once("ListKeys", `${account}\u0000${region}`, async () => {
    const role = await roleInAccount(aws, account);
    const caller = await aws.callerAccount();
    if (role === null && account !== caller) return noRole("ListKeys", account, caller);
    const place = await aws.place(KMS, region, role);
    return attempt("ListKeys", () => listKeys(aws, place, account));
  });
}

/** Another account with no role to read it through: nothing can be asked there. */
export function noRole(operation: string, account: string, caller: string | null) {
  return {
    ok: false as const,
    error: {
      Operation: operation,
      Code: "NoRole",
      Message: `no role to assume in account ${account} (the caller is ${caller ?? "unknown"}): give it a role in the accounts file, or pass --role-template`,
    },
  };
}

/** Every page of ListKeys at `place`, under one deadline for the listing and a page cap. */
function listKeys(aws: AwsLayer, place: Place, account: string): Promise<string[]> {
  return SharedDeadline.during(aws.timeoutMs, (listing) => keyPages(aws, place, account, listing));
}

/** The pages of ListKeys at `place`, one after another, under `listing`: see listKeys. */
async function keyPages(
  aws: AwsLayer,
  place: Place,
  account: string,
  listing: SharedDeadline,
): Promise<string[]> {
  const found: string[] = [];
  const markers = new Set<string>();
  let marker: string | undefined;
  for (let pages = 0; pages < MAX_KEY_PAGES; pages++) {
    const page = await aws.ask<KeyPage>(
      place,
      "ListKeys",
      () => new ListKeysCommand({ Marker: marker, Limit: KEY_PAGE_SIZE }),
      (p) => {
        if (!Array.isArray(p.Keys)) throw malformed("ListKeys", "without Keys");
      },
      listing,
    );
    for (const key of page.Keys ?? []) {
      const arn = typeof key?.KeyArn === "string" ? parseKmsArn(key.KeyArn) : null;
      if (arn?.resource !== "key" || arn.region !== place.region || arn.account !== account) {
        throw wrongListing(
          place.health.place,
          "ListKeys",
          `with ${showValue(key?.KeyArn)}, which is not the ARN of a key of account ${account} in ${place.region}`,
        );
      }
      found.push(key?.KeyArn as string);
    }
    const problem = continuationProblem(page, markers);
    if (problem !== null) throw wrongListing(place.health.place, "ListKeys", problem);
    if (!more(page)) return found;
    marker = page.NextMarker as string;
  }
  throw new CallFailure(
    {
      kind: "answer",
      code: "TooManyKeys",
      message: `stopped listing keys after ${MAX_KEY_PAGES} pages (${MAX_KEY_PAGES * KEY_PAGE_SIZE} keys) with more to come`,
    },
    place.health.place,
  );
}

/** One page of ListKeys, as the SDK parses it: unchecked. */
interface KeyPage {
  Keys?: ({ KeyId?: unknown; KeyArn?: unknown } | null)[];
  Truncated?: unknown;
  NextMarker?: unknown;
}

/** The region of a key ARN, else the configured one. */
function regionOf(keyOrArn: string, fallback: string | null): string | null {
  return parseKmsArn(keyOrArn)?.region ?? fallback;
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

/**
 * The region the SDK's own chain finds — AWS_REGION, AWS_DEFAULT_REGION, the profile's —
 * as any of its clients would (STS asks it too): null when it finds none.
 */
export async function sdkRegion(profile: string | null): Promise<string | null> {
  const probe = new KMSClient(profile ? { profile } : {});
  try {
    return (await probe.config.region()) || null;
  } catch {
    return null;
  } finally {
    probe.destroy();
  }
}
