/**
 * A call's failure as a fact (SPEC §3: `unavailable`, with the reason) rather than an
 * exception: what fact sources return when AWS says no, or cannot be asked.
 */

import type { Fetched } from "../../model.js";
import { CallFailure } from "./health.js";

/**
 * Runs calls made through the layer; their failure becomes a fact, never an exception.
 * `empty` says which failures mean "there is none" (a null value).
 */
export async function attempt<T>(operation: string, call: () => Promise<T>): Promise<Fetched<T>>;
export async function attempt<T>(
  operation: string,
  call: () => Promise<T>,
  empty: (error: unknown) => boolean,
): Promise<Fetched<T | null>>;
export async function attempt<T>(
  operation: string,
  call: () => Promise<T>,
  empty?: (error: unknown) => boolean,
): Promise<Fetched<T | null>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!(error instanceof CallFailure)) throw error;
    if (empty?.(error)) return { ok: true, value: null };
    const { failure } = error;
    // AWS's own word about the call stays as it said it; a failure of the place names the place.
    const message = failure.kind === "answer" ? failure.message : error.message;
    return { ok: false, error: { Operation: operation, Code: failure.code, Message: message } };
  }
}

/** No region to ask in: a bare key id or stack name, and no --region. */
export function noRegion(operation: string, subject: string) {
  return {
    ok: false as const,
    error: {
      Operation: operation,
      Code: "NoRegion",
      Message: `no region for ${subject}: pass --region`,
    },
  };
}

/**
 * A listing whose pages AWS's shape check let through but that cannot be followed (or
 * names what was not listed): the place answered, the listing is not evidence.
 */
export function wrongListing(place: string, operation: string, problem: string): CallFailure {
  return new CallFailure(
    {
      kind: "not-aws",
      code: "MalformedResponse",
      message: `answered ${operation} ${problem}: not an AWS answer`,
    },
    place,
  );
}
