/**
 * Live facts from AWS CloudTrail (SPEC §3, §4 `trail.*`): a key's Event history through
 * `LookupEvents` by its ARN, in the key's own account and region, asked through the one
 * AWS layer (aws/layer.ts: paced per account-region at 2 requests per second, once per
 * key per run, under the run's deadlines and health). Pages are followed up to
 * `--trail-max-pages`; past it the answer says `Truncated`, and what was read counts.
 * trail.ts reads the answer.
 */

import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { parseKmsArn } from "../aws/key-ids.js";
import { type AwsTrail, type AwsTrailEvent, type Fetched, OTHER_ACCOUNT } from "../model.js";
import { DAY_MS } from "../time.js";
import { attempt, noRegion, wrongListing } from "./aws/fetched.js";
import { malformed } from "./aws/health.js";
import type { AwsLayer, AwsService, Place, Role } from "./aws/layer.js";
import { TRAIL_WINDOW_DAYS } from "./trail.js";

export type TrailOperation = "LookupEvents";

/**
 * CloudTrail's API, with its quota: "The rate of lookup requests is limited to two per
 * second, per account, per Region" (LookupEvents API reference). N keys needing their
 * trail in one region take about N/2 seconds, a page each.
 */
export const CLOUDTRAIL: AwsService<TrailOperation> = {
  name: "CloudTrail",
  client: (config) => new CloudTrailClient(config),
  rates: { LookupEvents: 2 },
};

/** `LookupEvents` gives at most 50 events a page (its MaxResults is 1–50). */
export const TRAIL_PAGE_SIZE = 50;

/** One page of LookupEvents, as the SDK parses it: checked only for its events' ids and times. */
interface EventPage {
  Events?: Record<string, unknown>[];
  NextToken?: string;
}

export interface TrailSettings {
  /** `--trail-max-pages`: pages read per key before the lookup stops, `Truncated`. */
  maxPages: number;
  /** The end of the window looked up: the evaluation clock. */
  now: () => Date;
}

/** CloudTrail's question about a key, through `aws`. */
export function trailQuestions(aws: AwsLayer, settings: TrailSettings) {
  return {
    lookupTrail: (keyArn: string): Promise<Fetched<AwsTrail>> =>
      aws.once("LookupEvents", keyArn, () => lookupTrail(aws, settings, keyArn)),
  };
}

/**
 * The key's Event history over the last 90 days (CloudTrail keeps no more), asked in the
 * key's own account: as the caller there, else as the role `--role-template` names.
 * Another account's Event history holds only that account's calls.
 */
async function lookupTrail(
  aws: AwsLayer,
  settings: TrailSettings,
  keyArn: string,
): Promise<Fetched<AwsTrail>> {
  const arn = parseKmsArn(keyArn);
  if (arn === null) return noRegion("LookupEvents", keyArn);
  const caller = await aws.callerAccount();
  let role: Role | null = null;
  if (caller !== null && arn.account !== caller) {
    role = aws.roleIn(arn.account);
    if (role === null) return otherAccountTrail(arn.account, caller);
  }
  const place = await aws.place(CLOUDTRAIL, arn.region, role);
  const end = settings.now();
  const start = new Date(end.getTime() - TRAIL_WINDOW_DAYS * DAY_MS);
  return attempt("LookupEvents", () => readPages(aws, place, keyArn, start, end, settings));
}

/**
 * Every page of the lookup up to the bound, newest first. A page that points back at a
 * token already given would page for ever: CloudTrail's answer, wrong in what it says.
 */
async function readPages(
  aws: AwsLayer,
  place: Place,
  keyArn: string,
  start: Date,
  end: Date,
  settings: TrailSettings,
): Promise<AwsTrail> {
  const LookupAttributes = [{ AttributeKey: "ResourceName" as const, AttributeValue: keyArn }];
  const events: AwsTrailEvent[] = [];
  const tokens = new Set<string>();
  let token: string | undefined;
  for (let pages = 0; ; pages++) {
    if (pages === settings.maxPages) {
      return trail(LookupAttributes, start, end, true, events);
    }
    const page = await aws.ask<EventPage>(
      place,
      "LookupEvents",
      () =>
        new LookupEventsCommand({
          LookupAttributes,
          StartTime: start,
          EndTime: end,
          MaxResults: TRAIL_PAGE_SIZE,
          NextToken: token,
        }),
      checkPage,
    );
    for (const event of page.Events ?? []) events.push(eventOf(event));
    if (page.NextToken === undefined || page.NextToken === "") {
      return trail(LookupAttributes, start, end, false, events);
    }
    if (tokens.has(page.NextToken)) {
      throw wrongListing(
        place.health.place,
        "LookupEvents",
        "with a NextToken it gave before (the lookup would never end)",
      );
    }
    tokens.add(page.NextToken);
    token = page.NextToken;
  }
}

/** A page that is CloudTrail's: a list of events, each with its id and time. */
function checkPage(page: EventPage): void {
  if (!Array.isArray(page.Events)) throw malformed("LookupEvents", "without Events");
  for (const event of page.Events) {
    if (typeof event?.EventId !== "string" || event.EventId === "")
      throw malformed("LookupEvents", "with an event without an EventId");
    const time = event.EventTime;
    if (!(time instanceof Date) || Number.isNaN(time.getTime()))
      throw malformed("LookupEvents", "with an event without an EventTime");
  }
}

function trail(
  LookupAttributes: AwsTrail["LookupAttributes"],
  start: Date,
  end: Date,
  truncated: boolean,
  events: AwsTrailEvent[],
): AwsTrail {
  return {
    LookupAttributes,
    StartTime: start.toISOString(),
    EndTime: end.toISOString(),
    Truncated: truncated,
    Events: events,
  };
}

/** An event as the snapshot keeps it: verbatim, its date as an ISO string. */
function eventOf(raw: Record<string, unknown>): AwsTrailEvent {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name] = value instanceof Date ? value.toISOString() : value;
  }
  return out as AwsTrailEvent;
}

/** A key of another account, with no role to ask there: the caller's Event history holds none of its calls. */
function otherAccountTrail(account: string, caller: string) {
  return {
    ok: false as const,
    error: {
      Operation: "LookupEvents",
      Code: OTHER_ACCOUNT,
      Message: `the key belongs to account ${account}, and CloudTrail's Event history holds only the calls of the account asking (the caller is ${caller}); --role-template can name a role to assume there`,
    },
  };
}
