/**
 * The emulator's AWS Organizations and AWS Account Management (issue 17): who is in the
 * organization (`organizations:ListAccounts`, JSON 1.1) and which regions each account has
 * enabled (`account:ListRegions`, REST-JSON), with the errors AWS answers when the caller
 * may not ask. Pure: the emulator (kms-emulator.ts) does the HTTP, the quota and the faults.
 * It imports nothing, so the benchmark can bundle it.
 */

/** An account's state in Organizations (`Account.State`, which replaced `Status` in 2026). */
export type AccountState =
  | "PENDING_ACTIVATION"
  | "ACTIVE"
  | "SUSPENDED"
  | "PENDING_CLOSURE"
  | "CLOSED";

/** A member account of the seeded organization. */
export interface SeedAccount {
  id: string;
  name?: string;
  /** Default ACTIVE; null: the answer gives the account no `State` (a faulty endpoint). */
  state?: AccountState | null;
}

/** The organization: its management account and members (the management account included). */
export interface SeedOrganization {
  management: string;
  accounts: SeedAccount[];
}

/** A region's opt-in status for an account, as ListRegions reports it. */
export type RegionOptStatus =
  | "ENABLED"
  | "ENABLING"
  | "DISABLING"
  | "DISABLED"
  | "ENABLED_BY_DEFAULT";

/** One account's regions: each with its opt-in status. */
export interface SeedAccountRegions {
  account: string;
  regions: Record<string, RegionOptStatus>;
}

/**
 * The regions an account has unless seeded otherwise: a few enabled by default, one opted
 * into, one opt-in region left disabled (AWS's opt-in regions start disabled).
 */
export const DEFAULT_ACCOUNT_REGIONS: Readonly<Record<string, RegionOptStatus>> = {
  "eu-west-1": "ENABLED_BY_DEFAULT",
  "us-east-1": "ENABLED_BY_DEFAULT",
  "us-west-2": "ENABLED_BY_DEFAULT",
  "ap-east-1": "DISABLED",
};

const OPT_STATUSES: readonly RegionOptStatus[] = [
  "ENABLED",
  "ENABLING",
  "DISABLING",
  "DISABLED",
  "ENABLED_BY_DEFAULT",
];

// Organizations' ListAccounts gives 1–20 accounts a page (default 20); Account's ListRegions 1–50.
const ACCOUNTS_PAGE_MAX = 20;
const REGIONS_PAGE_MAX = 50;

/** An error answer: HTTP status, AWS error type, message. */
export class AnswerError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** The organization and the accounts' regions, as seeded. */
export class Organization {
  private org: SeedOrganization | null = null;
  private readonly regions = new Map<string, Record<string, RegionOptStatus>>();

  seedOrganization(org: SeedOrganization): void {
    for (const account of [org.management, ...org.accounts.map((a) => a.id)]) {
      if (!/^\d{12}$/.test(account))
        throw new Error(`kms-emulator: account ${account} is not 12 digits`);
    }
    this.org = { management: org.management, accounts: org.accounts.map((a) => ({ ...a })) };
  }

  seedRegions(seed: SeedAccountRegions): void {
    for (const [name, status] of Object.entries(seed.regions)) {
      if (!OPT_STATUSES.includes(status))
        throw new Error(`kms-emulator: region ${name} has no opt status ${status}`);
    }
    this.regions.set(seed.account, { ...seed.regions });
  }

  /** ListAccounts as `caller` asks it: only the management account may. */
  listAccounts(caller: { account: string; arn: string }, body: Record<string, unknown>): unknown {
    const org = this.org;
    if (
      org === null ||
      (org.management !== caller.account && !org.accounts.some((a) => a.id === caller.account))
    ) {
      throw new AnswerError(
        400,
        "AWSOrganizationsNotInUseException",
        "Your account is not a member of an organization.",
      );
    }
    if (org.management !== caller.account) {
      // A member account (without delegated administration) may not list the organization.
      throw new AnswerError(
        400,
        "AccessDeniedException",
        "You don't have permissions to access this resource.",
      );
    }
    const accounts = [...org.accounts]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((a) => {
        const state = a.state === undefined ? "ACTIVE" : a.state;
        return {
          Id: a.id,
          Arn: `arn:aws:organizations::${org.management}:account/o-emulator/${a.id}`,
          Email: `aws+${a.id}@example.com`,
          Name: a.name ?? `account-${a.id}`,
          ...(state === null ? {} : { State: state }),
          JoinedMethod: a.id === org.management ? "CREATED" : "INVITED",
          JoinedTimestamp: 1_700_000_000,
        };
      });
    const page = pageOf(accounts, body, "MaxResults", "NextToken", ACCOUNTS_PAGE_MAX);
    return { Accounts: page.items, ...(page.next ? { NextToken: page.next } : {}) };
  }

  /** ListRegions for the caller's own account, filtered by `RegionOptStatusContains`. */
  listRegions(caller: { account: string }, body: Record<string, unknown>): unknown {
    if (body.AccountId !== undefined && body.AccountId !== caller.account) {
      throw new AnswerError(
        403,
        "AccessDeniedException",
        "The operation failed because the calling identity doesn't have the minimum required permissions.",
      );
    }
    const wanted = body.RegionOptStatusContains;
    if (
      wanted !== undefined &&
      (!Array.isArray(wanted) || wanted.some((s) => !OPT_STATUSES.includes(s as RegionOptStatus)))
    ) {
      throw new AnswerError(
        400,
        "ValidationException",
        "1 validation error detected: Value at 'regionOptStatusContains' failed to satisfy constraint",
      );
    }
    const regions = Object.entries(this.regions.get(caller.account) ?? DEFAULT_ACCOUNT_REGIONS)
      .filter(([, status]) => wanted === undefined || (wanted as string[]).includes(status))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([RegionName, RegionOptStatus]) => ({ RegionName, RegionOptStatus }));
    const page = pageOf(regions, body, "MaxResults", "NextToken", REGIONS_PAGE_MAX);
    return { Regions: page.items, ...(page.next ? { NextToken: page.next } : {}) };
  }
}

/** One page of `items` after the request's token, at most its MaxResults (≤ `max`). */
function pageOf<T>(
  items: T[],
  body: Record<string, unknown>,
  limitField: string,
  tokenField: string,
  max: number,
): { items: T[]; next: string | null } {
  const limit = body[limitField] ?? max;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new AnswerError(
      400,
      "ValidationException",
      `1 validation error detected: Value '${String(limit)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${max}`,
    );
  }
  const token = body[tokenField];
  let start = 0;
  if (token !== undefined) {
    const offset = typeof token === "string" && /^o(\d+)$/.exec(token);
    if (!offset) throw new AnswerError(400, "InvalidInputException", "The NextToken is invalid.");
    start = Number(offset[1]);
  }
  const end = start + limit;
  return { items: items.slice(start, end), next: end < items.length ? `o${end}` : null };
}
