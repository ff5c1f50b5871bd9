/** The live fact source as the CLI and the Action build it from the run's configuration. */

import type { FactSource } from "../model.js";
import { type Progress, SILENT } from "../progress.js";
import type { Credentials } from "./aws/sdk.js";
import { KMS_DEFAULTS, kmsFactSource } from "./aws-source.js";
import { assumedRole, callerAccount, stsRegion } from "./sts.js";

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
  /**
   * An inventory's roles (issue 17): each account's own from the accounts file, by id, over
   * `--role-template`'s; then every account, the caller's own too, is read through its
   * role. Absent or null: not an inventory.
   */
  accountRoles?: Readonly<Record<string, string>> | null;
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
  const region = stsRegion(config.region, config.profile);
  const roles = new Map<string, Credentials>();
  const roleArn = (account: string): string | null =>
    config.accountRoles?.[account] ?? config.roleTemplate?.replaceAll("{account}", account) ?? null;
  return kmsFactSource({
    ...KMS_DEFAULTS,
    timeoutMs: config.awsTimeout * 1000,
    credentialsFor: (account, aws) => {
      const arn = roleArn(account);
      if (arn === null) return null;
      let found = roles.get(account);
      if (!found) {
        found = assumedRole(aws, region, arn);
        roles.set(account, found);
      }
      return found;
    },
    // An inventory reads each account through its own role, the caller's account too.
    assumeInOwnAccount: (account) =>
      config.accountRoles !== undefined &&
      config.accountRoles !== null &&
      roleArn(account) !== null,
    onCall: (operation, region, waitedMs) => progress.call(operation, region, waitedMs),
    region: config.region,
    profile: config.profile,
    trail: {
      ...(config.trailMaxPages === undefined ? {} : { maxPages: config.trailMaxPages }),
      ...(config.now ? { now: () => config.now as Date } : {}),
    },
    endpointUrl: config.endpointUrl,
    callerAccount: async (aws) =>
      callerAccount(aws, await region(), () => credentialSources(env, config.profile)),
  });
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
