/** The live fact source as the CLI and the Action build it from the run's configuration. */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { RunConfig } from "../config/config.js";
import type { FactSource } from "../model.js";
import { type Progress, SILENT } from "../progress.js";
import { KMS_DEFAULTS, kmsFactSource } from "./kms.js";

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
  return kmsFactSource({
    ...KMS_DEFAULTS,
    onCall: (operation, region, waitedMs) => progress.call(operation, region, waitedMs),
    region: config.region,
    profile: config.profile,
    endpointUrl: config.endpointUrl,
    callerAccount: async () => {
      const sts = new STSClient({
        ...(config.region ? { region: config.region } : {}),
        ...(config.profile ? { profile: config.profile } : {}),
        maxAttempts: 2,
        requestHandler: { requestTimeout: STS_TIMEOUT_MS, throwOnRequestTimeout: true },
      });
      try {
        return (await sts.send(new GetCallerIdentityCommand({}))).Account ?? null;
      } catch (error) {
        warn(
          `could not learn the caller's account from STS GetCallerIdentity (${(error as Error).name}): keys of other accounts will be asked too`,
        );
        return null;
      } finally {
        sts.destroy();
      }
    },
  });
}
