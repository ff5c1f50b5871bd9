/**
 * AWS Organizations through the one AWS layer (issue 17, `snapshot --all-keys --org`):
 * the organization's active accounts, from `ListAccounts` asked with the caller's own
 * credentials — the management account's, or a delegated administrator's. An account
 * that is suspended, closing or closed has no keys to read and is left out, by its state.
 */

import { ListAccountsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { EvidenceError } from "../model.js";
import { showValue } from "../show.js";
import { SharedDeadline } from "./aws/call.js";
import { wrongListing } from "./aws/fetched.js";
import { CallFailure, malformed, phrase, withoutStop } from "./aws/health.js";
import type { AwsLayer, AwsService } from "./aws/layer.js";
import { partitionHome } from "./regions.js";

export type OrganizationsOperation = "ListAccounts";

/**
 * Organizations' API. AWS publishes no per-operation rate for ListAccounts (its user
 * guide says only that Organizations throttles); 5 a second is ours, and a listing
 * takes one call per 20 accounts, so even 10,000 accounts list in 100 s at most.
 */
export const ORGANIZATIONS: AwsService<OrganizationsOperation> = {
  name: "Organizations",
  client: (config) => new OrganizationsClient(config),
  rates: { ListAccounts: 5 },
};

// ListAccounts' largest page (MaxResults 1–20).
const ACCOUNT_PAGE_SIZE = 20;
// 10,000 accounts, the most Organizations allows an organization, in pages of 20.
const MAX_ACCOUNT_PAGES = 500;

/** A member account, as the inventory needs it. */
export interface OrganizationAccount {
  id: string;
  name: string | null;
}

/** One page of ListAccounts, as the SDK parses it: unchecked. */
interface AccountPage {
  Accounts?: ({ Id?: unknown; Name?: unknown; State?: unknown; Status?: unknown } | null)[];
  NextToken?: unknown;
}

/**
 * The organization's active accounts, sorted by id. Organizations is global: asked in
 * its partition's home region. When it cannot be asked — the caller is in no
 * organization, or may not list it — nothing can be inventoried: an EvidenceError
 * naming the IAM action and the way out.
 */
export async function organizationAccounts(
  aws: AwsLayer,
  region: string,
): Promise<OrganizationAccount[]> {
  const place = await aws.place(ORGANIZATIONS, partitionHome(region), null);
  const listing = new SharedDeadline(aws.timeoutMs * 4);
  const found = new Map<string, OrganizationAccount>();
  const tokens = new Set<string>();
  let token: string | undefined;
  try {
    for (let pages = 0; pages < MAX_ACCOUNT_PAGES; pages++) {
      const page = await aws.ask<AccountPage>(
        place,
        "ListAccounts",
        () => new ListAccountsCommand({ NextToken: token, MaxResults: ACCOUNT_PAGE_SIZE }),
        (p) => {
          if (!Array.isArray(p.Accounts)) throw malformed("ListAccounts", "without Accounts");
        },
        listing,
      );
      for (const account of page.Accounts ?? []) {
        const id = account?.Id;
        if (typeof id !== "string" || !/^\d{12}$/.test(id)) {
          throw wrongListing(
            place.health.place,
            "ListAccounts",
            `with an account Id ${showValue(id)}`,
          );
        }
        // An account the answer gives no state cannot be judged inactive: left out, its keys
        // would go unread without a word.
        if (typeof account?.State !== "string" && typeof account?.Status !== "string") {
          throw wrongListing(place.health.place, "ListAccounts", `with account ${id} in no State`);
        }
        if (!isActive(account)) continue;
        const name = typeof account?.Name === "string" && account.Name !== "" ? account.Name : null;
        found.set(id, { id, name });
      }
      const next = page.NextToken;
      if (next === undefined || next === null || next === "") {
        return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      }
      if (typeof next !== "string" || tokens.has(next)) {
        throw wrongListing(
          place.health.place,
          "ListAccounts",
          "with a NextToken it gave before (the listing would never end)",
        );
      }
      tokens.add(next);
      token = next;
    }
    throw new CallFailure(
      {
        kind: "answer",
        code: "TooManyAccounts",
        message: `stopped listing accounts after ${MAX_ACCOUNT_PAGES} pages with more to come`,
      },
      place.health.place,
    );
  } catch (error) {
    if (!(error instanceof CallFailure)) throw error;
    throw new EvidenceError(
      `could not list the organization's accounts (--org): Organizations ListAccounts in ${place.region} (${place.endpoint}) ${withoutStop(phrase(error.failure))}. --org needs the management account's credentials, or a delegated administrator's, with organizations:ListAccounts; or name the accounts with --accounts FILE`,
      { cause: error },
    );
  } finally {
    listing.end();
  }
}

/**
 * Whether an account can hold keys to read: `State` ACTIVE — or, from an endpoint that
 * predates `State` (Organizations retired `Status` on 2026-09-09), `Status` ACTIVE.
 */
function isActive(account: { State?: unknown; Status?: unknown } | null): boolean {
  if (account?.State !== undefined) return account.State === "ACTIVE";
  return account?.Status === "ACTIVE";
}
