/** The live fact source as the CLI and the Action build it from the run's configuration. */

import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { errorMessage } from "../errors.js";
import { EvidenceError, type FactSource } from "../model.js";
import { type Progress, SILENT } from "../progress.js";
import {
  type AwsFailure,
  classify,
  isPlaceFailure,
  malformed,
  phrase,
  raceAbort,
  withoutStop,
} from "./aws/health.js";
import { type Credentials, clientSettings, endpointOf } from "./aws/sdk.js";
import { wayOut } from "./aws/verdict.js";
import { KMS_DEFAULTS, kmsFactSource } from "./aws-source.js";

// STS is global; with no region anywhere (no --region, AWS_REGION or profile) its classic home serves.
const STS_FALLBACK_REGION = "us-east-1";

/**
 * The AWS part of the run's configuration: what the live fact source is built
 * from. The CLI's and the Action's config has these fields.
 */
export interface LiveSettings {
  /** `--region`; null: the profile's or the SDK's default region. */
  region: string | null;
  /** `--profile`: a named profile of the shared AWS config. */
  profile: string | null;
  /** `--endpoint-url`: another KMS endpoint (a VPC endpoint, an emulator). */
  endpointUrl: string | null;
  /** `--role-template`: `arn:aws:iam::{account}:role/NAME`, assumed to read other accounts' keys. */
  roleTemplate: string | null;
  /** `--aws-timeout`, in seconds: how long one AWS call may take (see AWS_TIMEOUT_HELP). */
  awsTimeout: number;
  /** `--trail-max-pages`: CloudTrail pages read per key (default 20). */
  trailMaxPages?: number;
  /** `--now`: the end of the CloudTrail window looked up; null: the time of the call. */
  now?: Date | null;
}

/**
 * KMS through the SDK's default credential chain (in GitHub Actions: OIDC via
 * configure-aws-credentials). The caller's account comes from STS once, when a key
 * first needs it; when STS cannot be asked — no credentials, credentials refused,
 * the endpoint unreachable — nothing can be, and the run is not evaluated (EvidenceError).
 */
export function liveFactSource(
  config: LiveSettings,
  progress: Progress = SILENT,
  env: NodeJS.ProcessEnv = process.env,
): FactSource {
  const timeoutMs = config.awsTimeout * 1000;
  const profile = config.profile ? { profile: config.profile } : {};
  let region: Promise<string> | null = null;
  const stsRegion = () => {
    region ??= config.region ? Promise.resolve(config.region) : sdkRegion(config.profile);
    return region;
  };
  const sts = async () => {
    const where = await stsRegion();
    return {
      region: where,
      client: new STSClient({
        ...clientSettings(where, timeoutMs, KMS_DEFAULTS.maxAttempts),
        ...profile,
      }),
    };
  };
  const roles = new Map<string, Credentials>();
  return kmsFactSource({
    ...KMS_DEFAULTS,
    timeoutMs,
    credentialsFor: (account) => {
      if (config.roleTemplate === null) return null;
      let found = roles.get(account);
      if (!found) {
        found = assumedRole(sts, config.roleTemplate.replaceAll("{account}", account), timeoutMs);
        roles.set(account, found);
      }
      return found;
    },
    onCall: (operation, region, waitedMs) => progress.call(operation, region, waitedMs),
    region: config.region,
    profile: config.profile,
    trail: {
      ...(config.trailMaxPages === undefined ? {} : { maxPages: config.trailMaxPages }),
      ...(config.now ? { now: () => config.now as Date } : {}),
    },
    endpointUrl: config.endpointUrl,
    callerAccount: async () => {
      const { region, client } = await sts();
      const place = `STS GetCallerIdentity in ${region} (${await endpointOf(client.config, region)})`;
      const deadline = AbortSignal.timeout(timeoutMs);
      try {
        const out = await raceAbort(
          client.send(new GetCallerIdentityCommand({}), { abortSignal: deadline }),
          deadline,
        );
        if (!/^\d{12}$/.test(out.Account ?? "")) {
          throw malformed("GetCallerIdentity", "without a 12-digit Account");
        }
        return out.Account as string;
      } catch (error) {
        const failure: AwsFailure = deadline.aborted
          ? {
              kind: "silent",
              code: "NoAnswer",
              message: `gave no answer within ${config.awsTimeout} s (--aws-timeout)`,
            }
          : classify(error);
        throw new EvidenceError(callerFailure(failure, place, config.profile, env), {
          cause: error,
        });
      } finally {
        client.destroy();
      }
    },
  });
}

/**
 * Why the caller's identity could not be had, in one line: for missing credentials,
 * the sources the SDK's chain tried; then the place asked and the way out.
 */
function callerFailure(
  failure: AwsFailure,
  place: string,
  profile: string | null,
  env: NodeJS.ProcessEnv,
): string {
  if (failure.kind === "no-credentials") {
    // The SDK's own words add something only when they are not its generic ones.
    const sdk = failure.message.replace(/^found no AWS credentials \((.*)\)$/, "$1");
    const said = /^Could not load credentials from any providers\.?$/.test(sdk) ? "" : ` (${sdk})`;
    return `could not ask AWS: no AWS credentials for ${place}: the SDK's default chain tried ${credentialSources(env, profile)}, and found none${withoutStop(said)}. ${wayOut(failure.kind)}`;
  }
  const what = phrase(failure);
  // STS answering with an error (denied, throttled past the deadline) is the credentials' problem too.
  const advice = isPlaceFailure(failure) ? failure.kind : "credentials-refused";
  return `could not ask AWS: ${place} ${withoutStop(what)}. ${wayOut(advice, "STS")}`;
}

/** The sources the SDK's default credential chain reads, as this environment names them. */
export function credentialSources(env: NodeJS.ProcessEnv, profile: string | null): string {
  const name = profile ?? env.AWS_PROFILE ?? "default";
  const files = `${env.AWS_SHARED_CREDENTIALS_FILE || "~/.aws/credentials"} and ${env.AWS_CONFIG_FILE || "~/.aws/config"}`;
  const imds = /^true$/i.test(env.AWS_EC2_METADATA_DISABLED ?? "")
    ? "EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)"
    : "EC2 instance metadata";
  return [
    "environment variables (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)",
    `profile ${name} in ${files} (keys, SSO, credential_process)`,
    "a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)",
    "the container credentials endpoint",
    `and ${imds}`,
  ].join(", ");
}

/** The region the SDK's own chain finds (AWS_REGION, AWS_DEFAULT_REGION, the profile's), else STS's home. */
async function sdkRegion(profile: string | null): Promise<string> {
  const probe = new STSClient(profile ? { profile } : {});
  try {
    return (await probe.config.region()) || STS_FALLBACK_REGION;
  } catch {
    return STS_FALLBACK_REGION;
  } finally {
    probe.destroy();
  }
}

// Assumed-role sessions are renewed this long before they expire.
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Credentials of `roleArn`, assumed through STS on first use and renewed before they
 * expire. A role that cannot be assumed fails as refused credentials: that account's
 * account-regions cannot be asked, and say why.
 */
function assumedRole(
  sts: () => Promise<{ client: STSClient }>,
  roleArn: string,
  timeoutMs: number,
): Credentials {
  let session: Promise<{
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
    expiration?: Date;
  }> | null = null;
  return async () => {
    const current = session && (await session.catch(() => null));
    if (current?.expiration && current.expiration.getTime() - Date.now() > RENEW_BEFORE_MS)
      return current;
    session = (async () => {
      const { client } = await sts();
      const deadline = AbortSignal.timeout(timeoutMs);
      try {
        const out = await raceAbort(
          client.send(
            new AssumeRoleCommand({
              RoleArn: roleArn,
              RoleSessionName: "kms-usage-lint",
              DurationSeconds: 3600,
            }),
            { abortSignal: deadline },
          ),
          deadline,
        );
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey)
          throw new Error(`AssumeRole ${roleArn} returned no credentials`);
        return {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretAccessKey,
          ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
          ...(c.Expiration ? { expiration: c.Expiration } : {}),
        };
      } catch (error) {
        const name = error instanceof Error ? error.name : "Error";
        const why = deadline.aborted
          ? `no answer within ${timeoutMs / 1000} s`
          : `${name}: ${errorMessage(error)}`;
        throw Object.assign(new Error(`cannot assume ${roleArn} (${why})`), {
          name: "AssumeRoleFailed",
        });
      } finally {
        client.destroy();
      }
    })();
    return session;
  };
}
