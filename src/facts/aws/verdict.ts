/**
 * The run's verdict on AWS once every call has ended (SPEC §10): when no account-region
 * it needed could be read at all, the run could not be evaluated — the causes, and the
 * way out.
 */

import { EvidenceError } from "../../model.js";
import { type FailureKind, type Health, isPlaceFailure, phrase, withoutStop } from "./health.js";

// A verdict lists this many unreadable account-regions, then counts the rest.
const MAX_PLACES_NAMED = 3;

/** The verdict when none of `healths` could be read: the causes, and the way out. */
export function unreadable(healths: readonly Health[]): EvidenceError {
  const causes = [
    ...new Set(
      healths.map((h) => {
        const failure = h.down ?? h.lastFailure;
        return `${h.place} ${failure ? phrase(failure) : "gave no answer"}`;
      }),
    ),
  ];
  const named = causes.slice(0, MAX_PLACES_NAMED);
  if (causes.length > named.length) named.push(`and ${causes.length - named.length} more`);
  const first = healths.map((h) => h.down ?? h.lastFailure).find((f) => f !== null) ?? null;
  return new EvidenceError(
    `could not ask AWS: ${withoutStop(named.join("; "))}. ${wayOut(first?.kind ?? null)}`,
  );
}

/** What to do about a failure that left nothing readable. */
export function wayOut(kind: FailureKind | null, service: "KMS" | "STS" = "KMS"): string {
  const offline =
    "evaluate offline from a facts snapshot (--facts FILE; in the Action, the facts input)";
  if (kind === "no-credentials" || kind === "credentials-refused") {
    return `Give the run AWS credentials that KMS accepts (in GitHub Actions: aws-actions/configure-aws-credentials), or ${offline}.`;
  }
  if (kind !== null && isPlaceFailure(kind)) {
    const settings =
      service === "KMS" ? "--endpoint-url, AWS_ENDPOINT_URL_KMS" : "AWS_ENDPOINT_URL_STS";
    return `Check the endpoint (${settings}), the region and the network, or ${offline}.`;
  }
  return `No key's facts could be read: run again, or ${offline}.`;
}
