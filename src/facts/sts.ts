/**
 * AWS STS through the one AWS layer (SPEC §3): who the caller is (GetCallerIdentity,
 * once, to know which account is "same-account"), and the credentials of the role
 * `--role-template` names in another account (AssumeRole, renewed before it expires).
 * Both are signed with the caller's own credentials, so they share one account-region:
 * credentials STS refuses take it down once, and every later question ends at once.
 */

import {
  AssumeRoleCommand,
  type AssumeRoleResponse,
  GetCallerIdentityCommand,
  type GetCallerIdentityResponse,
  STSClient,
} from "@aws-sdk/client-sts";
import { EvidenceError } from "../model.js";
import {
  type AwsFailure,
  CallFailure,
  isPlaceFailure,
  malformed,
  phrase,
  withoutStop,
} from "./aws/health.js";
import type { AwsLayer, AwsService, Place } from "./aws/layer.js";

import { wayOut } from "./aws/verdict.js";
import { sdkRegion } from "./kms.js";

export type StsOperation = "GetCallerIdentity" | "AssumeRole";

/**
 * STS's API. AWS's STS throttles with a token bucket per account and region (600 requests
 * a second, says its security blog's "How to monitor and query IAM resources at scale"); a
 * run asks it once, plus once an hour per other account.
 */
export const STS: AwsService<StsOperation> = {
  name: "STS",
  client: (config) => new STSClient(config),
  rates: { GetCallerIdentity: 600, AssumeRole: 600 },
  // Where the credentials are checked, not where the keys are: `--endpoint-url` (a KMS VPC
  // endpoint, say) is not STS; AWS_ENDPOINT_URL_STS and the shared config's say where it is.
  endpointUrl: "ignores",
  // A KMS call holding its place on the wire waits for the role's credentials from here.
  signsOthers: true,
};

// STS is global; with no region anywhere (no --region, AWS_REGION or profile) its classic home serves.
const FALLBACK_REGION = "us-east-1";

// Assumed-role sessions are renewed this long before they expire.
const RENEW_BEFORE_MS = 5 * 60_000;

/** The region STS is asked in: `--region`, else the SDK's own chain's (AWS_REGION, the profile's), else its home. */
export function stsRegion(region: string | null, profile: string | null): () => Promise<string> {
  let found: Promise<string> | null = null;
  return () => {
    found ??=
      region !== null
        ? Promise.resolve(region)
        : sdkRegion(profile).then((chain) => chain ?? FALLBACK_REGION);
    return found;
  };
}

/** How a caller failure is told: the sources the SDK's chain tried, for missing credentials. */
export type CredentialSources = () => string;

/**
 * The caller's account, from GetCallerIdentity. When STS cannot be asked — no
 * credentials, credentials refused, the endpoint unreachable or silent — nothing can
 * be, and the run is not evaluated: an EvidenceError saying why and the way out.
 */
export async function callerAccount(
  aws: AwsLayer,
  region: string,
  sources: CredentialSources,
): Promise<string> {
  const place = await aws.place(STS, region, null);
  try {
    const out = await aws.ask<GetCallerIdentityResponse>(
      place,
      "GetCallerIdentity",
      () => new GetCallerIdentityCommand({}),
      (answer) => {
        if (!/^\d{12}$/.test(answer.Account ?? ""))
          throw malformed("GetCallerIdentity", "without a 12-digit Account");
      },
    );
    return out.Account as string;
  } catch (error) {
    if (!(error instanceof CallFailure)) throw error;
    throw new EvidenceError(callerFailure(error.failure, place, aws.timeoutMs, sources), {
      cause: error,
    });
  }
}

/**
 * Why the caller's identity could not be had, in one line: for missing credentials,
 * the sources the SDK's chain tried; then the place asked and the way out.
 */
function callerFailure(
  failure: AwsFailure,
  place: Place,
  timeoutMs: number,
  sources: CredentialSources,
): string {
  const asked = `STS GetCallerIdentity in ${place.region} (${place.endpoint})`;
  if (failure.kind === "no-credentials") {
    // The SDK's own words add something only when they are not its generic ones.
    const sdk = failure.message.replace(/^found no AWS credentials \((.*)\)$/, "$1");
    const said = /^Could not load credentials from any providers\.?$/.test(sdk) ? "" : ` (${sdk})`;
    return `could not ask AWS: no AWS credentials for ${asked}: the SDK's default chain tried ${sources()}, and found none${withoutStop(said)}. ${wayOut(failure.kind)}`;
  }
  // The operation is named already: "gave no answer within 30 s", not "… to GetCallerIdentity …".
  const what =
    failure.code === "NoAnswer" && failure.kind === "silent"
      ? `gave no answer within ${timeoutMs / 1000} s (--aws-timeout)`
      : phrase(failure);
  // STS answering with an error (denied, throttled past the deadline) is the credentials' problem too.
  const advice = isPlaceFailure(failure) ? failure.kind : "credentials-refused";
  return `could not ask AWS: ${asked} ${withoutStop(what)}. ${wayOut(advice, "STS")}`;
}

/** A role's session: what the SDK's clients sign with. */
interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/**
 * Credentials of `roleArn`, assumed through STS once on first use, however many
 * clients ask at once, and renewed before they expire. A role that cannot be assumed fails as refused credentials (`AssumeRoleFailed`):
 * that account's account-regions cannot be asked, and say why.
 */
export function assumedRole(
  aws: AwsLayer,
  region: () => Promise<string>,
  roleArn: string,
): () => Promise<Session> {
  let session: Promise<Session> | null = null;
  return async () => {
    const asked = session;
    // A role that could not be assumed stays so for the run (the call was retried already).
    const current = asked && (await asked);
    if (
      current &&
      (!current.expiration || current.expiration.getTime() - Date.now() > RENEW_BEFORE_MS)
    )
      return current;
    // Only the first caller to find the session missing or stale asks again; callers that
    // asked at the same time (every region of an account at once) share its answer.
    if (session === asked || session === null)
      session = region().then((home) => assume(aws, home, roleArn));
    return session;
  };
}

async function assume(aws: AwsLayer, region: string, roleArn: string): Promise<Session> {
  const place = await aws.place(STS, region, null);
  try {
    const out = await aws.ask<AssumeRoleResponse>(
      place,
      "AssumeRole",
      () =>
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: "kms-usage-lint",
          DurationSeconds: 3600,
        }),
      (answer) => {
        if (!answer.Credentials?.AccessKeyId || !answer.Credentials.SecretAccessKey)
          throw malformed("AssumeRole", "without credentials");
      },
    );
    const c = out.Credentials as NonNullable<AssumeRoleResponse["Credentials"]>;
    return {
      accessKeyId: c.AccessKeyId as string,
      secretAccessKey: c.SecretAccessKey as string,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  } catch (error) {
    const why =
      error instanceof CallFailure ? `STS ${withoutStop(phrase(error.failure))}` : String(error);
    throw Object.assign(new Error(`cannot assume ${roleArn} (${why})`), {
      name: "AssumeRoleFailed",
    });
  }
}
