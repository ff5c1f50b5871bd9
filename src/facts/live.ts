/** The live fact source as the CLI and the Action build it from the run's configuration. */
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { RunConfig } from "../config/config.js";
import type { FactSource } from "../model.js";
import { type Progress, SILENT } from "../progress.js";
import { type Credentials, KMS_DEFAULTS, kmsFactSource } from "./kms.js";

// STS answers in well under a second; a caller that cannot reach it should not wait long.
const STS_TIMEOUT_MS = 5_000;

/**
 * KMS through the SDK's default credential chain (in GitHub Actions: OIDC via
 * configure-aws-credentials). The caller's account comes from STS once; when STS
 * cannot be reached the account stays unknown and every key is asked (KMS itself
 * then refuses another account's key, and the reason says so).
 */
export function liveFactSource(
  config: RunConfig,
  warn: (message: string) => void,
  progress: Progress = SILENT,
): FactSource {
  const sts = () =>
    new STSClient({
      ...(config.region ? { region: config.region } : {}),
      ...(config.profile ? { profile: config.profile } : {}),
      maxAttempts: 2,
      requestHandler: { requestTimeout: STS_TIMEOUT_MS, throwOnRequestTimeout: true },
    });
  const roles = new Map<string, Credentials>();
  return kmsFactSource({
    ...KMS_DEFAULTS,
    credentialsFor: (account) => {
      if (config.roleTemplate === null) return null;
      let found = roles.get(account);
      if (!found) {
        found = assumedRole(sts, config.roleTemplate.replaceAll("{account}", account));
        roles.set(account, found);
      }
      return found;
    },
    onCall: (operation, region, waitedMs) => progress.call(operation, region, waitedMs),
    region: config.region,
    profile: config.profile,
    endpointUrl: config.endpointUrl,
    callerAccount: async () => {
      const client = sts();
      try {
        return (await client.send(new GetCallerIdentityCommand({}))).Account ?? null;
      } catch (error) {
        warn(
          `could not learn the caller's account from STS GetCallerIdentity (${(error as Error).name}): keys of other accounts will be asked too`,
        );
        return null;
      } finally {
        client.destroy();
      }
    },
  });
}

// Assumed-role sessions are renewed this long before they expire.
const RENEW_BEFORE_MS = 5 * 60_000;

/** Credentials of `roleArn`, assumed through STS on first use and renewed before they expire. */
function assumedRole(sts: () => STSClient, roleArn: string): Credentials {
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
      const client = sts();
      try {
        const out = await client.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: "kms-usage-lint",
            DurationSeconds: 3600,
          }),
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
      } finally {
        client.destroy();
      }
    })();
    return session;
  };
}
