/**
 * Live facts from AWS CloudFormation (SPEC §2 "CDK assembly", §3): a deployed stack's
 * physical ids (ListStackResources, paginated) and template (GetTemplate), asked in the
 * stack's own account through the one AWS layer — paced, on the run's endpoint, as the
 * role assumed there.
 */

import {
  CloudFormationClient,
  GetTemplateCommand,
  ListStackResourcesCommand,
} from "@aws-sdk/client-cloudformation";
import { type DeployedStack, type Fetched, OTHER_ACCOUNT } from "../model.js";
import { attempt, noRegion, wrongListing } from "./aws/fetched.js";
import { CallFailure, malformed } from "./aws/health.js";
import type { AwsLayer, AwsService, Place, Role } from "./aws/layer.js";

export type StackOperation = "ListStackResources" | "GetTemplate";

/**
 * CloudFormation's API, asked once per stack (a page of ListStackResources per 100
 * resources). AWS documents no per-operation quota for these: 10 per second per
 * account-region is far below where CloudFormation throttles describe-type calls.
 */
export const CLOUDFORMATION: AwsService<StackOperation> = {
  name: "CloudFormation",
  client: (config) => new CloudFormationClient(config),
  rates: { ListStackResources: 10, GetTemplate: 10 },
};

/**
 * ListStackResources pages of one stack: a template holds at most 500 resources, a page
 * up to 100; past this many the answer is not a stack's listing.
 */
const MAX_STACK_PAGES = 100;

/** One page of ListStackResources, as the SDK parses it: checked only for its list. */
interface ResourcePage {
  StackResourceSummaries?: { LogicalResourceId?: string; PhysicalResourceId?: string }[];
  NextToken?: string;
}

/**
 * The deployed stacks a run asks about, each once: by name, region (null: `region`,
 * `--region`) and account (null: the caller's).
 */
export function deployedStacksIn(aws: AwsLayer, region: string | null) {
  return (
    stack: string,
    stackRegion: string | null,
    account: string | null,
  ): Promise<Fetched<DeployedStack | null>> => {
    const where = stackRegion ?? region;
    if (where === null) return Promise.resolve(noRegion("ListStackResources", stack));
    return aws.once("ListStackResources", `${where}\u0000${account ?? ""}\u0000${stack}`, () =>
      deployedStack(aws, stack, where, account),
    );
  };
}

/**
 * A deployed stack's physical ids and template, asked in the stack's own account: as the
 * caller there, else as the role `--role-template` names for it. A stack that does not
 * exist is `null` (its keys have not been created yet) — said only by the stack's own
 * account: any other account would say the same of a stack that holds keys.
 */
async function deployedStack(
  aws: AwsLayer,
  stack: string,
  region: string,
  account: string | null,
): Promise<Fetched<DeployedStack | null>> {
  // An environment-agnostic stack (no account) is deployed with the caller's credentials.
  const caller = account === null ? null : await aws.callerAccount();
  let role: Role | null = null;
  if (account !== null && account !== caller) {
    role = aws.roleIn(account);
    if (role === null) return otherAccountStack(stack, account, caller);
  }
  const place = await aws.place(CLOUDFORMATION, region, role);
  // The call that failed names the permission that is missing: one of two.
  let current: StackOperation = "ListStackResources";
  const answer = await attempt(
    "ListStackResources",
    async () => {
      const resources = await stackResources(aws, place, stack);
      current = "GetTemplate";
      const template = await deployedTemplate(aws, place, stack);
      const answeredBy = role?.account ?? caller ?? (await aws.callerAccount());
      return { account: answeredBy, resources, template };
    },
    doesNotExist,
  );
  return answer.ok ? answer : { ok: false, error: { ...answer.error, Operation: current } };
}

/** CloudFormation's word that the stack asked about does not exist. */
function doesNotExist(error: unknown): boolean {
  return (
    error instanceof CallFailure &&
    error.failure.code === "ValidationError" &&
    /does not exist/.test(error.failure.message)
  );
}

/**
 * Logical id → physical id of every resource of the stack, every page of
 * ListStackResources. A token given twice, or pages past any stack's size, would list for
 * ever: CloudFormation's answer, wrong in what it says.
 */
async function stackResources(
  aws: AwsLayer,
  place: Place,
  stack: string,
): Promise<Record<string, string>> {
  const resources: Record<string, string> = {};
  const tokens = new Set<string>();
  let token: string | undefined;
  do {
    if (token !== undefined && (tokens.has(token) || tokens.size >= MAX_STACK_PAGES)) {
      const problem = tokens.has(token)
        ? "with a NextToken it gave before (the listing would never end)"
        : `with more than ${MAX_STACK_PAGES} pages, more than any stack holds`;
      throw wrongListing(place.health.place, "ListStackResources", problem);
    }
    if (token !== undefined) tokens.add(token);
    const page = await aws.ask<ResourcePage>(
      place,
      "ListStackResources",
      () => new ListStackResourcesCommand({ StackName: stack, NextToken: token }),
      (p) => {
        if (!Array.isArray(p.StackResourceSummaries))
          throw malformed("ListStackResources", "without StackResourceSummaries");
      },
    );
    for (const r of page.StackResourceSummaries ?? []) {
      if (r.LogicalResourceId && r.PhysicalResourceId)
        resources[r.LogicalResourceId] = r.PhysicalResourceId;
    }
    token = page.NextToken;
  } while (token);
  return resources;
}

/** The deployed template: the base a pull request's synthesized template is compared with. */
async function deployedTemplate(aws: AwsLayer, place: Place, stack: string): Promise<string> {
  const { TemplateBody } = await aws.ask<{ TemplateBody?: string }>(
    place,
    "GetTemplate",
    () => new GetTemplateCommand({ StackName: stack }),
    (t) => {
      if (typeof t.TemplateBody !== "string") throw malformed("GetTemplate", "without a body");
    },
  );
  return TemplateBody as string; // checked: a string
}

/**
 * A stack of another account, with no role to ask there: the caller's CloudFormation would
 * answer "does not exist", which is no evidence that the stack holds no keys.
 */
function otherAccountStack(stack: string, account: string, caller: string | null) {
  const who = caller === null ? "the caller's account is unknown" : `the caller is ${caller}`;
  return {
    ok: false as const,
    error: {
      Operation: "ListStackResources",
      Code: OTHER_ACCOUNT,
      Message: `stack ${stack} is in account ${account}, and CloudFormation answers only for the stacks of the account asking (${who}); --role-template 'arn:aws:iam::{account}:role/NAME' can name a role to assume there`,
    },
  };
}
