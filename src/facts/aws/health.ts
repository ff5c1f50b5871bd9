/**
 * Whether AWS can be asked at all (SPEC §10), decided per account-region from its
 * first failures rather than key by key: while no call to an account-region has had
 * a real answer, one failure that says nothing about a key and everything about the
 * place — no or refused credentials, an endpoint that is unreachable, silent (no
 * answer within --aws-timeout) or not AWS — marks it down, and every call waiting on
 * it ends at once with that cause.
 */

import { setMaxListeners } from "node:events";

/** What went wrong with one call, in the terms the decision needs. */
export type FailureKind =
  /** The SDK's credential chain found none. */
  | "no-credentials"
  /** AWS refused the credentials (unrecognised, expired, bad signature). */
  | "credentials-refused"
  /** Connection refused or reset, host name not resolved, no route, TLS failure. */
  | "unreachable"
  /** No answer within the deadline. */
  | "silent"
  /** An answer that is not AWS's: HTML, an empty or non-JSON body, an answer missing its subject. */
  | "not-aws"
  /** Still throttled when the call's deadline came. */
  | "throttled"
  /** AWS answered with an error about this call (access denied, not found, internal error). */
  | "answer";

/** Kinds that condemn the account-region, not the key, while nothing has been read there. */
const PLACE_KINDS: ReadonlySet<FailureKind> = new Set<FailureKind>([
  "no-credentials",
  "credentials-refused",
  "unreachable",
  "silent",
  "not-aws",
]);

export interface AwsFailure {
  kind: FailureKind;
  /** The AWS error code, or one of ours (`Unreachable`, `NoAnswer`, `MalformedResponse`, `Throttled`). */
  code: string;
  /** What happened, as a phrase that follows the place: "refused the connection (…)". */
  message: string;
}

/** A failure on its way through the call loop: thrown, and the reason an account-region's signal aborts with. */
export class CallFailure extends Error {
  override readonly name = "CallFailure";
  constructor(
    readonly failure: AwsFailure,
    /** "KMS in us-east-1 (https://kms.us-east-1.amazonaws.com)". */
    readonly place: string,
  ) {
    super(`${place} ${failure.message}`);
  }
}

/** An answer that is not AWS's answer to the question asked (an empty `{}` 200, say). */
export function malformed(operation: string, what: string): Error {
  return Object.assign(new Error(`answered ${operation} ${what}: not an AWS answer`), {
    name: "MalformedResponse",
  });
}

// AWS's codes for credentials it does not accept, across KMS (JSON), STS and CloudFormation (Query).
const REFUSED = new Set([
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "IncompleteSignatureException",
  "MissingAuthenticationToken",
  "MissingAuthenticationTokenException",
  "InvalidAccessKeyId",
  "AuthFailure",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidToken",
  "RequestExpired",
  "AssumeRoleFailed",
]);
// Rate errors of the services asked; KMS's LimitExceededException is about resources, not rate.
const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "SlowDown",
]);
const NOT_FOUND = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL"]);
const NO_ROUTE = new Set(["EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL", "ENETDOWN"]);
const CUT = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ERR_STREAM_PREMATURE_CLOSE"]);

interface SdkError {
  name?: string;
  message?: string;
  code?: string;
  /** JSON 1.1's error type, from the body. */
  __type?: unknown;
  /** The Query protocol's `<Code>`, as the SDK lifts it (and keeps it under `Error`). */
  Code?: unknown;
  Error?: { Code?: unknown };
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
}

/** What a failed SDK call says about the call and its account-region. */
export function classify(error: unknown): AwsFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as SdkError;
  const name = e.name ?? "Error";
  const message = oneLine(e.message ?? String(error));
  const code = e.code ?? "";
  if (name === "CredentialsProviderError") {
    return { kind: "no-credentials", code: name, message: `found no AWS credentials (${message})` };
  }
  if (REFUSED.has(name)) {
    return {
      kind: "credentials-refused",
      code: name,
      message: `refused the credentials: ${name}: ${message}`,
    };
  }
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  if (THROTTLING.has(name) || status === 429) {
    return { kind: "throttled", code: name, message: `throttled the call: ${name}` };
  }
  if (code === "ECONNREFUSED") {
    return { kind: "unreachable", code, message: `refused the connection (${message})` };
  }
  if (CUT.has(code) || message === "socket hang up") {
    return {
      kind: "unreachable",
      code: code || "ECONNRESET",
      message: "closed the connection without answering",
    };
  }
  if (NOT_FOUND.has(code)) {
    return { kind: "unreachable", code, message: `could not be found (${message})` };
  }
  if (NO_ROUTE.has(code)) {
    return { kind: "unreachable", code, message: `could not be reached (${message})` };
  }
  if (/CERT|TLS|SSL/.test(code)) {
    return { kind: "unreachable", code, message: `failed the TLS handshake (${code})` };
  }
  if (name === "TimeoutError" || code === "ETIMEDOUT") {
    return { kind: "silent", code: "NoAnswer", message: "gave no answer in time" };
  }
  if (name === "MalformedResponse") return { kind: "not-aws", code: name, message };
  // AWS answers in JSON or XML; an error page in anything else came from something else,
  // and so did an error answer that names no error type the way AWS's protocols do.
  const type = e.$response?.headers?.["content-type"];
  const foreign = type !== undefined && !/json|xml/i.test(type);
  const shapeless = status !== undefined && !hasAwsErrorShape(e);
  if (
    name === "SyntaxError" ||
    /Deserialization error/.test(e.message ?? "") ||
    foreign ||
    shapeless
  ) {
    return {
      kind: "not-aws",
      code: "MalformedResponse",
      message: `answered with something that is not an AWS answer (${what(e)})`,
    };
  }
  return { kind: "answer", code: name, message };
}

/**
 * Whether a failed call still got an answer from AWS about it — an error in the
 * service's own protocol under HTTP 500 — which shows the account-region can be read.
 * A 4xx whose body names no AWS error type came from something else (a proxy, another
 * API) and shows nothing.
 */
export function isAnswer(error: unknown, failure: AwsFailure): boolean {
  const e = (typeof error === "object" && error !== null ? error : {}) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  return failure.kind === "answer" && status !== undefined && status < 500 && hasAwsErrorShape(e);
}

/**
 * Whether an error answer carries its error type as AWS's protocols put it: JSON 1.1's
 * `__type` or `code` in the body or its X-Amzn-ErrorType header, the Query protocol's
 * `<Code>` (STS, CloudFormation). The SDK names an error from these, and says
 * `Unknown` when there is none.
 */
function hasAwsErrorShape(e: SdkError): boolean {
  const named = (value: unknown) => typeof value === "string" && value !== "";
  return (
    named(e.__type) ||
    named(e.code) ||
    named(e.Code) ||
    named(e.Error?.Code) ||
    named(e.$response?.headers?.["x-amzn-errortype"])
  );
}

/** HTTP status and content type of a response that could not be read, for the message. */
function what(e: SdkError): string {
  const status = e.$response?.statusCode ?? e.$metadata?.httpStatusCode;
  const type = e.$response?.headers?.["content-type"] ?? "";
  // The content type comes from whatever answered: keep only what a media type is made of.
  const media = type
    .replace(/[^\w/.+;= -]/g, "")
    .slice(0, 60)
    .trim();
  return [status === undefined ? null : `HTTP ${status}`, media || "no content type"]
    .filter((part) => part !== null)
    .join(", ");
}

/** What a failure says, as a phrase that follows the place it happened at. */
export function phrase(failure: AwsFailure): string {
  return failure.kind === "answer"
    ? `answered ${failure.code}: ${failure.message}`
    : failure.message;
}

/** A sentence's text without its closing full stop, for messages that go on after it. */
export function withoutStop(text: string): string {
  return text.replace(/\.+$/, "");
}

/**
 * A message that fits on one line. It may come from whatever answered in AWS's place,
 * so no control character of it reaches a terminal or a runner's log.
 */
function oneLine(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/**
 * One account-region of one service: whether it can be asked. It goes down on the
 * first failure of a place kind while nothing has been read there; once something
 * has, a failure is the call's alone (one hung call is not a dead region).
 */
export class Health {
  private readonly controller = new AbortController();
  /** Some call had a real answer here (facts, or AWS's word about a key). */
  read = false;
  /** Some call was sent here: the run needed this account-region. */
  asked = false;
  /** Why it cannot be asked; null while it can. */
  down: AwsFailure | null = null;
  /** The latest failure, for the verdict when nothing could be read. */
  lastFailure: AwsFailure | null = null;

  constructor(
    /** Where it is, as messages name it: "KMS in us-east-1 (https://…)". */
    readonly place: string,
  ) {
    // Every call waiting on the account-region listens to its signal: a thousand keys are no leak.
    setMaxListeners(0, this.controller.signal);
  }

  /** Aborts, with a CallFailure as its reason, when the account-region goes down. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Throws the failure that took the account-region down, if it is down. */
  check(): void {
    if (this.down) throw this.controller.signal.reason;
  }

  /** A call is sent. */
  sent(): void {
    this.asked = true;
  }

  /** A call had a real answer: facts, or AWS's word about the key. */
  answered(): void {
    this.read = true;
  }

  /** A call failed without an answer about its key. */
  failed(failure: AwsFailure): void {
    this.lastFailure = failure;
    if (PLACE_KINDS.has(failure.kind) && !this.read) this.fail(failure);
  }

  /** Marks the account-region down: every call waiting on it ends now, with `failure`. */
  fail(failure: AwsFailure): void {
    if (this.down) return;
    this.down = failure;
    this.lastFailure = failure;
    this.controller.abort(new CallFailure(failure, this.place));
  }
}

/** Whether a kind of failure is about the place rather than the key. */
export function isPlaceFailure(failure: AwsFailure | FailureKind): boolean {
  return PLACE_KINDS.has(typeof failure === "string" ? failure : failure.kind);
}

/**
 * `promise`, or `signal`'s reason as soon as it aborts: an abandoned SDK call may take
 * its time to settle (a retry delay), the caller does not wait for it.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Waits `ms`, or rejects with `signal`'s reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
