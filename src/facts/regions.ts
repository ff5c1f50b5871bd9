/**
 * An account's enabled regions through the one AWS layer (issue 17, `--regions all`):
 * AWS Account Management's `ListRegions` (IAM action `account:ListRegions`), asked in
 * each account through its own role, for the regions whose opt status is ENABLED or
 * ENABLED_BY_DEFAULT. Chosen over EC2's DescribeRegions: it says each region's opt-in
 * status in so many words, and its client is a fraction of EC2's in the bundle.
 */

import { AccountClient, ListRegionsCommand } from "@aws-sdk/client-account";
import { REGION_PATTERN } from "../aws/key-ids.js";
import type { Fetched } from "../model.js";
import { showValue } from "../show.js";
import { attempt, wrongListing } from "./aws/fetched.js";
import { malformed } from "./aws/health.js";
import type { AwsLayer, AwsService, Role } from "./aws/layer.js";

export type AccountOperation = "ListRegions";

/**
 * Account Management's API, with its quota (Account Management "Quotas": ListRegions 5
 * requests per second per account). One call lists every region of an account.
 */
export const ACCOUNT: AwsService<AccountOperation> = {
  name: "Account",
  client: (config) => new AccountClient(config),
  rates: { ListRegions: 5 },
};

/** The opt statuses of a region an account can use. */
const ENABLED = ["ENABLED", "ENABLED_BY_DEFAULT"] as const;
// ListRegions' largest page (MaxResults 1–50); AWS has fewer than 50 regions a partition.
const REGION_PAGE_SIZE = 50;
const MAX_REGION_PAGES = 10;
const REGION = new RegExp(`^${REGION_PATTERN}$`);

/**
 * The home region of a partition's global services (Organizations, Account
 * Management): where they are asked from a run in `region`.
 */
export function partitionHome(region: string): string {
  if (region.startsWith("cn-")) return "cn-northwest-1";
  if (region.startsWith("us-gov-")) return "us-gov-west-1";
  return "us-east-1";
}

/** One page of ListRegions, as the SDK parses it: unchecked. */
interface RegionPage {
  Regions?: ({ RegionName?: unknown; RegionOptStatus?: unknown } | null)[];
  NextToken?: unknown;
}

/**
 * The enabled regions of the account `role` is in (the caller's own with no role),
 * sorted; asked once per account per run.
 */
export function enabledRegions(
  aws: AwsLayer,
  account: string,
  home: string,
  role: Role | null,
): Promise<Fetched<string[]>> {
  return aws.once("ListRegions", account, async () => {
    const place = await aws.place(ACCOUNT, home, role);
    return attempt("ListRegions", async () => {
      const found = new Set<string>();
      const tokens = new Set<string>();
      let token: string | undefined;
      for (let pages = 0; pages < MAX_REGION_PAGES; pages++) {
        const page = await aws.ask<RegionPage>(
          place,
          "ListRegions",
          () =>
            new ListRegionsCommand({
              RegionOptStatusContains: [...ENABLED],
              MaxResults: REGION_PAGE_SIZE,
              NextToken: token,
            }),
          (p) => {
            if (!Array.isArray(p.Regions)) throw malformed("ListRegions", "without Regions");
          },
        );
        for (const region of page.Regions ?? []) {
          const name = region?.RegionName;
          if (typeof name !== "string" || !REGION.test(name)) {
            throw wrongListing(
              place.health.place,
              "ListRegions",
              `with a RegionName ${showValue(name)}`,
            );
          }
          // Asked for enabled regions only: one in another state is not the answer asked for.
          if (!(ENABLED as readonly unknown[]).includes(region?.RegionOptStatus)) {
            throw wrongListing(
              place.health.place,
              "ListRegions",
              `with ${name} ${showValue(region?.RegionOptStatus)}, when asked for enabled regions only`,
            );
          }
          found.add(name);
        }
        const next = page.NextToken;
        if (next === undefined || next === null || next === "") {
          // Every account has its default regions enabled: none at all is no answer, and
          // would leave the account out unsaid.
          if (found.size === 0)
            throw wrongListing(place.health.place, "ListRegions", "with no enabled region");
          return [...found].sort();
        }
        if (typeof next !== "string" || tokens.has(next)) {
          throw wrongListing(place.health.place, "ListRegions", "with a NextToken it gave before");
        }
        tokens.add(next);
        token = next;
      }
      throw wrongListing(
        place.health.place,
        "ListRegions",
        `with more than ${MAX_REGION_PAGES} pages`,
      );
    });
  });
}
