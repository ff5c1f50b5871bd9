/**
 * Where the run's SDK requests meet the network: one request handler for every client
 * (its connection pools, its per-attempt timeout), each call's own abort signal carried
 * to it, and the call told when its request leaves (a tight quota is paced from there:
 * pacer.ts).
 *
 * Why by the side: the SDK builds a command's middleware chain anew for every `send`
 * that passes options — an abort signal is one — and reuses one chain per command class
 * (`cacheMiddleware`) only for sends that pass none. Building it was 12% of an
 * inventory's CPU (issue 17). So a call's signal is filed under its command's input; a
 * middleware next to the wire, after signing and retries, files it under the request
 * about to be sent; the handler hands it to Node's HTTP request, which it aborts. A
 * request sent without one (no signal filed) still has its per-attempt timeout, and the
 * layer ends the call at its deadline whatever the SDK does (health.ts `raceAbort`).
 */
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { HttpHandler, HttpHandlerOptions, HttpRequest } from "@smithy/core/protocols";
import { NodeHttpHandler, type NodeHttpHandlerOptions } from "@smithy/node-http-handler";

/** What the layer needs of an SDK client to carry its calls' signals: its middleware stack. */
export interface StackedClient {
  readonly middlewareStack: {
    add(
      middleware: (next: (args: Sent) => Promise<unknown>) => (args: Sent) => Promise<unknown>,
      options: { step: "deserialize"; priority: "low"; name: string },
    ): void;
  };
}

/** What a middleware at the deserialize step is given: the command's input, the request. */
interface Sent {
  input: object;
  request: unknown;
}

const MIDDLEWARE = "kmsUsageLintCallSignal";

/** A call on its way to the wire: its abort signal, and whom to tell when it is sent. */
interface Sending {
  signal: AbortSignal;
  onWire(): void;
}

/** The run's request handler, and the signals of the calls on their way to it. */
export class Wire {
  private readonly byInput = new WeakMap<object, Sending>();
  private readonly byRequest = new WeakMap<object, Sending>();
  /** Every client's: one set of keep-alive pools, so connections are reused across clients. */
  readonly handler: HttpHandler<NodeHttpHandlerOptions>;

  constructor(requestTimeoutMs: number) {
    const options = { keepAlive: true };
    // No socket limit: the layer's gate bounds the calls on the wire, and STS, which the
    // gate lets by, must never wait for a socket. A pool holds connections only: each
    // request is signed by its own client, with its own account's credentials.
    const inner = new NodeHttpHandler({
      requestTimeout: requestTimeoutMs,
      throwOnRequestTimeout: true,
      httpAgent: new HttpAgent(options),
      httpsAgent: new HttpsAgent(options),
    });
    const byRequest = this.byRequest;
    this.handler = {
      handle(request: HttpRequest, options?: HttpHandlerOptions) {
        const sending = byRequest.get(request);
        if (sending === undefined) return inner.handle(request, options);
        sending.onWire();
        return inner.handle(request, { ...options, abortSignal: sending.signal });
      },
      updateHttpClientConfig: (key: keyof NodeHttpHandlerOptions, value: never) =>
        inner.updateHttpClientConfig(key, value),
      httpHandlerConfigs: () => inner.httpHandlerConfigs(),
      destroy: () => inner.destroy(),
    };
  }

  /** Makes `client`'s requests carry the signals `send` files for its commands. */
  attach(client: StackedClient): void {
    const { byInput, byRequest } = this;
    client.middlewareStack.add(
      (next) => (args) => {
        const sending = byInput.get(args.input);
        if (sending && typeof args.request === "object" && args.request !== null)
          byRequest.set(args.request, sending);
        return next(args);
      },
      // The last step, at its lowest priority: the request as signed, just before the handler.
      { step: "deserialize", priority: "low", name: MIDDLEWARE },
    );
  }

  /**
   * Sends `command` on `client` (attached) under `signal`, through the handler cache;
   * `onWire` is told as each attempt's request is handed to Node (after signing).
   */
  send(
    client: { send(command: never): Promise<unknown> },
    command: object,
    signal: AbortSignal,
    onWire: () => void,
  ): Promise<unknown> {
    const { input } = command as { input?: unknown };
    if (typeof input === "object" && input !== null) this.byInput.set(input, { signal, onWire });
    return client.send(command as never);
  }
}
