/**
 * The fact source over live AWS (SPEC §3): KMS's, CloudFormation's and CloudTrail's questions, asked
 * through one AWS layer, so that all share the run's clients, pacers, memo and health.
 * Account-regions run in parallel; a key shared by subjects (a multi-Region member, an
 * alias) costs one call.
 */

import type { FactSource, InventoryQuestions } from "../model.js";
import { AwsLayer, type AwsOptions } from "./aws/layer.js";
import { CLOUDFORMATION, deployedStacksIn, type StackOperation } from "./cloudformation.js";
import {
  CLOUDTRAIL,
  type TrailOperation,
  type TrailSettings,
  trailQuestions,
} from "./cloudtrail.js";
import { KMS, type KmsOperation, keysIn, kmsQuestions, noRole, roleInAccount } from "./kms.js";
import {
  ORGANIZATIONS,
  type OrganizationsOperation,
  organizationAccounts,
} from "./organizations.js";
import { ACCOUNT, type AccountOperation, enabledRegions, partitionHome } from "./regions.js";
import { DEFAULT_TRAIL_MAX_PAGES } from "./trail.js";

/** The quotas of every operation a live run asks. */
export const DEFAULT_RATES: Readonly<
  Record<
    KmsOperation | StackOperation | TrailOperation | OrganizationsOperation | AccountOperation,
    number
  >
> = {
  ...KMS.rates,
  ...CLOUDFORMATION.rates,
  ...CLOUDTRAIL.rates,
  ...ORGANIZATIONS.rates,
  ...ACCOUNT.rates,
};

export interface KmsOptions extends AwsOptions {
  /** Where bare key ids live, and the client's default region; null: the SDK's own (AWS_REGION, profile). */
  region: string | null;
  /** CloudTrail lookups: `--trail-max-pages` and the end of the window; default 20 pages up to the time of the call. */
  trail?: Partial<TrailSettings>;
}

/**
 * Defaults for the options a user rarely sets (the timeout is `--aws-timeout`'s default,
 * 30 s). Three attempts is the SDK's own standard: throttling no longer needs more, it is
 * waited out in the layer, and a dead endpoint is found dead in well under a second.
 */
export const KMS_DEFAULTS = { rates: DEFAULT_RATES, timeoutMs: 30_000, maxAttempts: 3 } as const;

/** The FactSource over live AWS: KMS's, CloudFormation's and CloudTrail's questions, through one layer. */
export function kmsFactSource(options: KmsOptions): FactSource {
  const aws = new AwsLayer(options);
  const kms = kmsQuestions(aws, options.region, options.profile);
  return {
    kind: "aws",
    callerAccount: () => aws.callerAccount(),
    ...kms,
    inventory: inventoryQuestions(aws, async () => (await kms.defaultRegion?.()) ?? null),
    deployedStack: deployedStacksIn(aws, options.region),
    ...trailQuestions(aws, {
      maxPages: options.trail?.maxPages ?? DEFAULT_TRAIL_MAX_PAGES,
      now: options.trail?.now ?? (() => new Date()),
    }),
    // A key's evidence is KMS's: CloudFormation answering says which keys a stack holds,
    // nothing of their use; CloudTrail unreadable leaves the trail facts unavailable
    // (rules that need them fail closed) but the rest of the run readable. Only when KMS was never asked (every stack unreadable, say)
    // does CloudFormation decide.
    evidenceFailure: () => aws.evidenceFailure(KMS),
  };
}

/**
 * An inventory's questions through the same layer (issue 17): the organization and the
 * accounts' regions from their global services' home region, keys per account-region.
 */
function inventoryQuestions(
  aws: AwsLayer,
  region: () => Promise<string | null>,
): InventoryQuestions {
  // Found once: the run's region is read from its settings (a client made, the shared
  // config read), and every account asks.
  let found: Promise<string> | null = null;
  const home = () => {
    found ??= region().then((r) => partitionHome(r ?? "us-east-1"));
    return found;
  };
  return {
    organizationAccounts: async () => organizationAccounts(aws, await home()),
    regionsHome: home,
    enabledRegions: async (account) => {
      const role = await roleInAccount(aws, account);
      const caller = await aws.callerAccount();
      if (role === null && account !== caller) return noRole("ListRegions", account, caller);
      return enabledRegions(aws, account, await home(), role);
    },
    listKeys: (account, region) => keysIn(aws, account, region),
  };
}
