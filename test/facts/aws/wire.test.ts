/**
 * The wire (wire.ts): calls go through the SDK's handler cache, and each still carries its
 * own abort signal to Node's HTTP request — an abandoned call closes its connection at
 * once rather than at the attempt's timeout. The real KMS client, against the emulator.
 */
import { DescribeKeyCommand } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedDeadline } from "../../../src/facts/aws/call.js";
import { AwsLayer } from "../../../src/facts/aws/layer.js";
import { KMS } from "../../../src/facts/kms.js";
import { type KmsEmulator, startKmsEmulator, testKeyId } from "../../support/kms-emulator.js";

const ACCOUNT = "111122223333";

let kms: KmsEmulator;
beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "test";
  process.env.AWS_SECRET_ACCESS_KEY = "test";
  kms = await startKmsEmulator({ defaultAccount: ACCOUNT });
  kms.seed({
    keys: [1, 2, 3].map((n) => ({ keyId: testKeyId(n), createdAt: "2026-05-01T00:00:00Z" })),
  });
});
afterAll(() => kms.close());

function layer(timeoutMs: number) {
  return new AwsLayer({
    profile: null,
    endpointUrl: kms.endpoint,
    // Longer than the test: only the call's own signal can close its connection in time.
    timeoutMs,
    maxAttempts: 1,
    callerAccount: async () => ACCOUNT,
  });
}

/** Resolves once `done()` holds; the test's own timeout fails it otherwise. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const describeKey = (n: number) => () => new DescribeKeyCommand({ KeyId: testKeyId(n) });

describe("the wire", () => {
  it("closes an abandoned call's connection at once, through the handler cache", async () => {
    const aws = layer(60_000);
    const place = await aws.place(KMS, "us-east-1", null);
    // A first call builds the cached chain; the held one goes through it.
    await aws.ask(place, "DescribeKey", describeKey(1), () => {});
    const fault = kms.setFault({ kind: "silent", operation: "DescribeKey", keyId: testKeyId(2) });
    // A deadline shared with other calls, far shorter than the layer's own.
    const listing = new SharedDeadline(300);
    const held = aws.ask(place, "DescribeKey", describeKey(2), () => {}, listing);
    held.catch(() => {});
    await until(() => fault.hits === 1 && kms.stats().inFlight === 1);
    await expect(held).rejects.toThrow();
    // Held by the emulator until the client closes it: the attempt timeout is 10 s away.
    await until(() => kms.stats().inFlight === 0);
    fault.clear();
  }, 5_000);

  it("gives every call its own signal: a call abandoned does not end the next one", async () => {
    const aws = layer(60_000);
    const place = await aws.place(KMS, "us-east-1", null);
    // Something read there: a call that gives no answer is then its own failure, not the place's.
    await aws.ask(place, "DescribeKey", describeKey(1), () => {});
    const fault = kms.setFault({ kind: "silent", operation: "DescribeKey", keyId: testKeyId(2) });
    const listing = new SharedDeadline(300);
    const held = aws.ask(place, "DescribeKey", describeKey(2), () => {}, listing);
    held.catch(() => {});
    await until(() => fault.hits === 1);
    const answered = aws.ask<{ KeyMetadata?: { KeyId?: string } }>(
      place,
      "DescribeKey",
      describeKey(3),
      () => {},
    );
    await expect(held).rejects.toThrow();
    expect((await answered).KeyMetadata?.KeyId).toBe(testKeyId(3));
    await until(() => kms.stats().inFlight === 0);
    fault.clear();
  }, 5_000);
});
