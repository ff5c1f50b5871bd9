/**
 * The AWS layer's own bookkeeping, with a service whose client is a function: a place per
 * service, account and region; a pacer per operation at a quota some service declared;
 * one call per question.
 */
import { describe, expect, it } from "vitest";
import { SharedDeadline } from "../../../src/facts/aws/call.js";
import {
  AwsLayer,
  type AwsOptions,
  type AwsService,
  type ClientConfig,
} from "../../../src/facts/aws/layer.js";

/** A service whose every call is recorded and answered with `{}`. */
function fakeService(rates: Record<string, number>) {
  const sent: { region: string; command: unknown }[] = [];
  const service: AwsService = {
    name: "Fake",
    rates,
    client: (config) => ({
      config: {},
      send: async (command: unknown) => {
        sent.push({ region: config.region, command });
        return {};
      },
    }),
  };
  return { service, sent };
}

function layer(overrides: Partial<AwsOptions> = {}) {
  return new AwsLayer({
    profile: null,
    endpointUrl: null,
    timeoutMs: 1_000,
    maxAttempts: 1,
    callerAccount: async () => "111122223333",
    ...overrides,
  });
}

describe("AwsLayer", () => {
  it("refuses to send an operation no service gave a quota: it would go unpaced", async () => {
    const { service, sent } = fakeService({ Listed: 5 });
    const aws = layer();
    const place = await aws.place(service, "us-east-1", null);
    await expect(
      aws.ask(
        place,
        "Unlisted",
        () => ({ n: 1 }),
        () => {},
      ),
    ).rejects.toThrow("no request quota for Fake Unlisted");
    await aws.ask(
      place,
      "Listed",
      () => ({ n: 2 }),
      () => {},
    );
    expect(sent).toEqual([{ region: "us-east-1", command: { n: 2 } }]);
  });

  it("makes a call's command only when it is sent: a call waiting for its turn holds none", async () => {
    const { service, sent } = fakeService({ Slow: 1 });
    const aws = layer();
    const place = await aws.place(service, "us-east-1", null);
    let made = 0;
    const command = (n: number) => () => {
      made++;
      return { n };
    };
    const first = aws.ask(place, "Slow", command(1), () => {});
    const second = aws.ask(place, "Slow", command(2), () => {});
    await first;
    // One a second: the second call is still waiting for its turn, without its command.
    expect([made, sent.length]).toEqual([1, 1]);
    await second;
    expect([made, sent.map((s) => s.command)]).toEqual([2, [{ n: 1 }, { n: 2 }]]);
  });

  it("starts a call's deadline once it is on the wire, not while it waits behind the run's other calls", async () => {
    // Every send takes 600 ms; the deadline is 1 s. The last call waits for a place on
    // the wire behind 128 others, then sends: 1.2 s after its turn, 0.6 s after its send.
    const sent: string[] = [];
    const service: AwsService = {
      name: "Slow",
      rates: { Op: 2000 },
      client: (config) => ({
        config: {},
        send: async () => {
          sent.push(config.region);
          await new Promise((resolve) => setTimeout(resolve, 600));
          return {};
        },
      }),
    };
    const aws = layer();
    const busy = await aws.place(service, "us-east-1", null);
    const other = await aws.place(service, "eu-west-1", null);
    const ask = (place: typeof busy) =>
      aws.ask(
        place,
        "Op",
        () => ({}),
        () => {},
      );
    const first = Array.from({ length: 128 }, () => ask(busy));
    const last = ask(other);
    await Promise.all([...first, last]);
    expect(sent.length).toBe(129);
    expect(other.health.read).toBe(true);
  });

  it("opens one place per service, region and account asked as", async () => {
    const { service } = fakeService({ Listed: 5 });
    const credentials = { accessKeyId: "AKIDPROD", secretAccessKey: "secret" };
    const aws = layer({
      credentialsFor: (account) => (account === "444455556666" ? credentials : null),
    });
    const role = aws.roleIn("444455556666");
    expect(aws.roleIn("999999999999")).toBeNull();
    const a = await aws.place(service, "us-east-1", null);
    expect(await aws.place(service, "us-east-1", null)).toBe(a);
    const b = await aws.place(service, "us-east-1", role);
    const c = await aws.place(service, "eu-west-1", null);
    expect(new Set([a, b, c]).size).toBe(3);
    expect([a.health.place, b.health.place, c.health.place]).toEqual([
      "Fake in us-east-1 (its default endpoint)",
      "Fake in us-east-1 for account 444455556666 (its default endpoint)",
      "Fake in eu-west-1 (its default endpoint)",
    ]);
  });

  it("gives every place the run's one connection pool, and each account's place its own credentials", async () => {
    const made: ClientConfig[] = [];
    const service: AwsService = {
      name: "Fake",
      rates: { Op: 5 },
      client: (config) => {
        made.push(config);
        return { config: {}, send: async () => ({}) };
      },
    };
    const prod = { accessKeyId: "AKIDPROD", secretAccessKey: "secret" };
    const dev = { accessKeyId: "AKIDDEV", secretAccessKey: "secret" };
    const aws = layer({
      credentialsFor: (account) => (account === "444455556666" ? prod : dev),
    });
    await aws.place(service, "us-east-1", aws.roleIn("444455556666"));
    await aws.place(service, "us-east-1", aws.roleIn("777788889999"));
    await aws.place(service, "eu-west-1", null);
    // One request handler, and so one set of keep-alive pools, for every client.
    const handlers = made.map((c) => c.requestHandler);
    expect(typeof handlers[0]?.handle).toBe("function");
    expect(new Set(handlers).size).toBe(1);
    // Each command class's middleware chain is built once per client, not for every call.
    expect(made.every((c) => c.cacheMiddleware)).toBe(true);
    expect(made.map((c) => c.credentials)).toEqual([prod, dev, undefined]);
  });

  it("starts a listing's shared deadline at its first page's send, not while the page waits its turn", async () => {
    const { service, sent } = fakeService({ Slow: 2 });
    const aws = layer({ timeoutMs: 5_000 });
    const place = await aws.place(service, "us-east-1", null);
    // Two a second: these two take the first second's turns.
    await aws.ask(
      place,
      "Slow",
      () => ({ n: 0 }),
      () => {},
    );
    await aws.ask(
      place,
      "Slow",
      () => ({ n: 1 }),
      () => {},
    );
    const listing = new SharedDeadline(100);
    // Its page waits about a second for a turn, ten times its listing's deadline: the
    // run's own wait, not AWS's lateness.
    await aws.ask(
      place,
      "Slow",
      () => ({ n: 2 }),
      () => {},
      listing,
    );
    expect([listing.started, listing.signal.aborted]).toEqual([true, false]);
    listing.end();
    expect(sent.map((s) => s.command)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
  });

  it("asks a question once per run, and takes an answer another question gave", async () => {
    const aws = layer();
    let asked = 0;
    const ask = async () => ++asked;
    expect(await Promise.all([aws.once("Op", "k", ask), aws.once("Op", "k", ask)])).toEqual([1, 1]);
    expect(await aws.once("Other", "k", ask)).toBe(2);
    aws.share("Op", "j", Promise.resolve(7));
    aws.share("Op", "k", Promise.resolve(8));
    expect([await aws.once("Op", "j", ask), await aws.once("Op", "k", ask), asked]).toEqual([
      7, 1, 2,
    ]);
  });

  it("asks the caller's account once", async () => {
    let asked = 0;
    const aws = layer({ callerAccount: async () => `11112222333${++asked}` });
    expect(await Promise.all([aws.callerAccount(), aws.callerAccount()])).toEqual([
      "111122223331",
      "111122223331",
    ]);
  });
});
