/**
 * What the AWS SDK alone costs a request on this machine (issue 17): one KMSClient, with
 * its handler cache and keep-alive connections, sends N DescribeKeys to the endpoint
 * given, 128 at a time, and nothing else — no pacing, no facts. Prints one JSON line:
 * the CPU it used per request (user and system, every thread of the process).
 *
 * An inventory sends two requests a key. Its process can be no faster than its requests
 * times this; where that is over the quota bound, the bound cannot be met on this
 * machine, whatever the tool does around the SDK.
 */
import { Agent } from "node:http";
import { DescribeKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { testKeyId } from "../test/support/kms-emulator.js";

const [endpoint = "", count = "2000", account = "999900000001", first = "900001"] =
  process.argv.slice(2);
const N = Number(count);
const IN_FLIGHT = 128;

// The caller's own keys: the emulator's callers are the management account.
const client = new KMSClient({
  region: "eu-west-1",
  endpoint,
  credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
  cacheMiddleware: true,
  requestHandler: { httpAgent: new Agent({ keepAlive: true }), requestTimeout: 10_000 },
});
const keys = Array.from({ length: 50 }, (_, i) => testKeyId(Number(first) + i));
const send = (i: number) =>
  client.send(
    new DescribeKeyCommand({
      KeyId: `arn:aws:kms:eu-west-1:${account}:key/${keys[i % keys.length]}`,
    }),
  );

// A warm-up the size of one batch: the first requests compile what the rest run.
await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => send(i)));
let next = 0;
let failed = 0;
const start = process.cpuUsage();
await Promise.all(
  Array.from({ length: IN_FLIGHT }, async () => {
    while (next < N) {
      await send(next++).catch(() => failed++);
    }
  }),
);
const used = process.cpuUsage(start);
console.log(
  JSON.stringify({ requests: N, failed, cpuMsPerRequest: (used.user + used.system) / 1000 / N }),
);
