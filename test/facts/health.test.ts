/**
 * Classifying failed AWS calls, on the shapes the SDK gives them (as seen against the
 * emulator: test/support-tests/kms-emulator.test.ts), and an account-region's health.
 */
import { describe, expect, it } from "vitest";
import { CallFailure, classify, Health, isAnswer } from "../../src/facts/aws/health.js";

const sdk = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(extra.message as string | undefined), { name, ...extra });
const response = (statusCode: number, type: string) => ({
  $metadata: { httpStatusCode: statusCode },
  $response: { statusCode, headers: { "content-type": type } },
});

describe("classify", () => {
  it.each([
    [
      "no credentials",
      sdk("CredentialsProviderError", { message: "Could not load credentials from any providers" }),
      "no-credentials",
    ],
    [
      "KMS refusing the key",
      sdk("UnrecognizedClientException", {
        __type: "UnrecognizedClientException",
        $fault: "client",
        ...response(400, "application/x-amz-json-1.1"),
      }),
      "credentials-refused",
    ],
    [
      "STS refusing the key",
      sdk("InvalidClientTokenId", {
        Code: "InvalidClientTokenId",
        $fault: "client",
        ...response(403, "text/xml"),
      }),
      "credentials-refused",
    ],
    [
      "an expired session",
      sdk("ExpiredTokenException", {
        __type: "ExpiredTokenException",
        $fault: "client",
        ...response(400, "application/x-amz-json-1.1"),
      }),
      "credentials-refused",
    ],
    [
      "a refused connection",
      sdk("Error", { code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:1" }),
      "unreachable",
    ],
    [
      "a reset",
      sdk("TimeoutError", { code: "ECONNRESET", message: "socket hang up" }),
      "unreachable",
    ],
    [
      "a name that does not resolve",
      sdk("Error", { code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND kms.example" }),
      "unreachable",
    ],
    ["a bad certificate", sdk("Error", { code: "CERT_HAS_EXPIRED" }), "unreachable"],
    ["no answer", sdk("TimeoutError", { code: "ETIMEDOUT" }), "silent"],
    [
      "an HTML 200",
      sdk("SyntaxError", {
        message: "Unexpected token '<'\n  Deserialization error: …",
        ...response(200, "text/html"),
      }),
      "not-aws",
    ],
    [
      "an HTML 503 to a Query call",
      sdk("Unknown", {
        message: "Unknown",
        $fault: "server",
        ...response(503, "text/html; charset=utf-8"),
      }),
      "not-aws",
    ],
    [
      "an XML parse error",
      sdk("Error", {
        message: "@aws-sdk XML parse error\n  Deserialization error: …",
        ...response(200, "text/xml"),
      }),
      "not-aws",
    ],
    [
      "throttling",
      sdk("ThrottlingException", {
        __type: "ThrottlingException",
        $fault: "client",
        ...response(400, "application/x-amz-json-1.1"),
      }),
      "throttled",
    ],
    ["a 429", sdk("SomethingElse", response(429, "application/json")), "throttled"],
    [
      "access denied",
      sdk("AccessDeniedException", {
        __type: "AccessDeniedException",
        $fault: "client",
        ...response(400, "application/x-amz-json-1.1"),
      }),
      "answer",
    ],
    [
      "not found",
      sdk("NotFoundException", {
        __type: "NotFoundException",
        $fault: "client",
        ...response(400, "application/x-amz-json-1.1"),
      }),
      "answer",
    ],
    [
      "a KMS 500",
      sdk("KMSInternalException", {
        __type: "KMSInternalException",
        $fault: "server",
        ...response(500, "application/x-amz-json-1.1"),
      }),
      "answer",
    ],
  ])("%s is %s", (_, error, kind) => {
    expect(classify(error).kind).toBe(kind);
  });

  it("keeps a message on one line, and says what came instead of an AWS answer", () => {
    const failure = classify(
      sdk("SyntaxError", {
        message: "Unexpected token\n  Deserialization error",
        ...response(502, "text/html\u001b[31m"),
      }),
    );
    expect(failure.message).toBe(
      "answered with something that is not an AWS answer (HTTP 502, text/html31m)",
    );
  });

  it("keeps what an endpoint said on one line, without control characters", () => {
    const failure = classify(
      sdk("AccessDeniedException", {
        __type: "AccessDeniedException",
        message: "denied\n::error::forged\r\u001b[31m",
        $fault: "client",
        ...response(400, "application/x-amz-json-1.1"),
      }),
    );
    expect(failure.message).toBe("denied ::error::forged [31m");
  });

  it("counts AWS's word about a key as an answer, not its 5xx", () => {
    const denied = sdk("AccessDeniedException", {
      __type: "AccessDeniedException",
      $fault: "client",
      ...response(400, "application/x-amz-json-1.1"),
    });
    const internal = sdk("KMSInternalException", {
      __type: "KMSInternalException",
      $fault: "server",
      ...response(500, "application/x-amz-json-1.1"),
    });
    expect(isAnswer(denied, classify(denied))).toBe(true);
    expect(isAnswer(internal, classify(internal))).toBe(false);
  });
});

describe("what counts as AWS's answer", () => {
  const shapes = {
    "JSON 1.1 __type": sdk("NotFoundException", {
      __type: "NotFoundException",
      $fault: "client",
      ...response(400, "application/x-amz-json-1.1"),
    }),
    "JSON 1.1 code": sdk("NotFoundException", {
      code: "NotFoundException",
      $fault: "client",
      ...response(400, "application/x-amz-json-1.1"),
    }),
    "the X-Amzn-ErrorType header": sdk("AccessDeniedException", {
      $fault: "client",
      $metadata: { httpStatusCode: 400 },
      $response: {
        statusCode: 400,
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-errortype": "AccessDeniedException",
        },
      },
    }),
    "the Query protocol's <Code>": sdk("ValidationError", {
      Code: "ValidationError",
      Error: { Code: "ValidationError", Message: "Stack with id X does not exist" },
      $fault: "client",
      ...response(400, "text/xml"),
    }),
  };

  it.each(Object.entries(shapes))("an error answer with %s is AWS's word", (_, error) => {
    const failure = classify(error);
    expect(failure.kind).toBe("answer");
    expect(isAnswer(error, failure)).toBe(true);
  });

  it.each([
    ["a JSON 404 from something else", 404, '{"message":"Not Found"}'],
    ["a JSON 403 with a code that is a number", 403, '{"code":403}'],
    ["a JSON 400 with an empty __type", 400, '{"__type":""}'],
  ])("%s is not an answer, and not AWS's", (_, status, body) => {
    // As the SDK gives it: no error type found, so it is named "Unknown".
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const error = sdk("Unknown", {
      message: "UnknownError",
      $fault: "client",
      ...parsed,
      ...response(status, "application/json"),
    });
    const failure = classify(error);
    expect(failure).toEqual({
      kind: "not-aws",
      code: "MalformedResponse",
      message: `answered with something that is not an AWS answer (HTTP ${status}, application/json)`,
    });
    expect(isAnswer(error, failure)).toBe(false);
  });

  it("an error without any answer (no HTTP status) is not an answer either", () => {
    const error = sdk("Error", { message: "something broke" });
    expect(isAnswer(error, classify(error))).toBe(false);
  });
});

describe("Health", () => {
  const refused = {
    kind: "unreachable" as const,
    code: "ECONNREFUSED",
    message: "refused the connection",
  };

  it("goes down on the first place failure while nothing has been read, aborting with it", () => {
    const health = new Health("KMS in eu-west-1 (https://kms.eu-west-1.amazonaws.com)");
    health.sent();
    health.failed(refused);
    expect(health.down).toEqual(refused);
    expect(health.signal.aborted).toBe(true);
    expect(health.signal.reason).toBeInstanceOf(CallFailure);
    expect((health.signal.reason as Error).message).toBe(
      "KMS in eu-west-1 (https://kms.eu-west-1.amazonaws.com) refused the connection",
    );
    expect(() => health.check()).toThrow(CallFailure);
  });

  it("once something was read, a failure is the call's alone", () => {
    const health = new Health("KMS in eu-west-1");
    health.sent();
    health.answered();
    health.failed(refused);
    expect(health.down).toBeNull();
    expect(health.lastFailure).toEqual(refused);
    expect(() => health.check()).not.toThrow();
  });

  it("is not taken down by AWS's word about a key", () => {
    const health = new Health("KMS in eu-west-1");
    health.failed({ kind: "answer", code: "KMSInternalException", message: "internal" });
    health.failed({ kind: "throttled", code: "Throttled", message: "kept throttling" });
    expect(health.down).toBeNull();
  });
});
