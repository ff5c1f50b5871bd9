/**
 * The one door to AWS (STYLE 14, SPEC §3, §10). Every call a fact source makes goes
 * through here: one SDK client per service and account-region, made with the run's
 * endpoint, profile, or the role assumed in another account; one pacer per
 * account-region and operation at the operation's quota; one call per question per
 * run, whoever asks; each call under its deadline, with its account-region's health
 * told what came back; and, once every call has ended, whether anything could be read.
 *
 * A fact source (kms.ts, cloudformation.ts, sts.ts) says only what to ask and how to read the
 * answer. Another service joins with an `AwsService` — its client and its quotas — and
 * a file of questions.
 */

import type { EvidenceError } from "../../model.js";
import { type CallSettings, call, type Line, type SharedDeadline } from "./call.js";
import { Gate, type Precedence } from "./gate.js";
import { Health } from "./health.js";
import { Pacer } from "./pacer.js";
import {
  attemptTimeoutMs,
  type Credentials,
  clientSettings,
  endpointOf,
  ownEndpoint,
} from "./sdk.js";
import { unreadable } from "./verdict.js";
import { type StackedClient, Wire } from "./wire.js";

/**
 * What the layer needs of an SDK client. Its middleware stack, when it has one, carries
 * each call's abort signal to the wire (wire.ts).
 */
export interface SdkClient extends Partial<StackedClient> {
  readonly config: unknown;
  send(command: never): Promise<unknown>;
}

/** The settings the layer makes a client with. */
export type ClientConfig = ReturnType<typeof clientSettings> & {
  endpoint?: string;
  profile?: string;
  credentials?: Credentials;
};

/** One AWS service the run asks: how to make its client, and the quotas of what is asked of it. */
export interface AwsService<Operation extends string = string> {
  /** Its SDK service id, which is also its name in messages: "KMS", "CloudFormation". */
  readonly name: string;
  client(config: ClientConfig): SdkClient;
  /** Requests per second per account and region, for each operation the run asks (AWS's quotas). */
  readonly rates: Readonly<Record<Operation, number>>;
  /**
   * What `--endpoint-url` is to this service. `owns`: its own setting, winning over its
   * AWS_ENDPOINT_URL_<SERVICE> (KMS, whose flag it has always been). `ignores`: not its
   * endpoint at all (STS, where the credentials are checked). Absent: where the run's
   * AWS is — an emulator, a proxy — unless the service's own endpoint is configured.
   */
  readonly endpointUrl?: "owns" | "ignores";
  /**
   * Its answers are other calls' credentials (STS AssumeRole): its calls never wait for the
   * wire behind calls that are themselves waiting for those credentials.
   */
  readonly signsOthers?: boolean;
}

/** Another account, and the credentials of the role `--role-template` names there. */
export interface Role {
  account: string;
  credentials: Credentials;
}

/** Where calls go: one service in one account-region, with its client, health and pacers. */
export interface Place {
  readonly service: AwsService;
  readonly region: string;
  readonly health: Health;
  readonly client: SdkClient;
  /** The endpoint its client sends to, for messages. */
  readonly endpoint: string;
  readonly pacers: Map<string, Pacer>;
}

export interface AwsOptions {
  profile: string | null;
  /** `--endpoint-url`: see `AwsService.endpointUrl`. */
  endpointUrl: string | null;
  /** Requests per second per account-region, by operation, over the services' own quotas. */
  rates?: Readonly<Partial<Record<string, number>>>;
  /**
   * `--aws-timeout`: how long an account-region with calls under way may give no
   * answer before it is down, and how long one call may take from its first send,
   * retries, throttling back-offs and later turns under the quota included.
   */
  timeoutMs: number;
  /** SDK attempts per call for transient failures (resets, timeouts, 5xx); throttling is waited out in call.ts. */
  maxAttempts: number;
  /**
   * The caller's account ("same-account"), asked through the layer (sts.ts). Rejects with
   * an EvidenceError when the caller's own credentials cannot be used: then nothing can be asked.
   */
  callerAccount: (aws: AwsLayer) => Promise<string | null>;
  /** Credentials of the role `--role-template` names in another account; null when there is none. */
  credentialsFor?: (account: string, aws: AwsLayer) => Credentials | null;
  /**
   * Whether calls in the caller's own account go through the role there too (an inventory
   * reads every account through its own role, issue 17). Absent: never, the caller's own
   * credentials serve.
   */
  assumeInOwnAccount?: (account: string) => boolean;
  /** Counts of calls made and of waits for the quota, for the summary and progress. */
  onCall?: (operation: string, region: string, waitedMs: number) => void;
  /** Random source for back-off jitter, in [0, 1). */
  random?: () => number;
}

/**
 * Calls on the wire at once, the run's whole. At 20–50 ms an answer, 128 carry 2,500
 * calls a second or more — every account-region's GetKeyLastUsage quota 500 times over —
 * while each SDK request in flight holds its own objects and socket.
 */
const MAX_IN_FLIGHT = 128;
/** Operations whose quota is this tight (requests a second) jump the queue for the wire. */
const URGENT_RATE = 10;

/** The release of a call that takes no place on the wire (see `AwsService.signsOthers`). */
const NO_GATE = () => {};

/** The run's AWS: its clients, pacers, memo and health, shared by every fact source. */
export class AwsLayer {
  private readonly gate = new Gate(MAX_IN_FLIGHT);
  /** Connections, shared by every client: no more are on the wire than the gate lets. */
  private readonly wire: Wire;
  private readonly places = new Map<string, Promise<Place>>();
  /** The places opened so far, for the verdict once every call has ended. */
  private readonly opened: Place[] = [];
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly settings: CallSettings;
  private caller: Promise<string | null> | null = null;

  constructor(private readonly options: AwsOptions) {
    this.wire = new Wire(attemptTimeoutMs(options.timeoutMs));
    this.settings = {
      timeoutMs: options.timeoutMs,
      random: options.random ?? Math.random,
      ...(options.onCall ? { onCall: options.onCall } : {}),
    };
  }

  /** `--aws-timeout` in milliseconds: also the deadline of a listing's pages together. */
  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  /** The caller's account, asked once. */
  callerAccount(): Promise<string | null> {
    this.caller ??= this.options.callerAccount(this);
    return this.caller;
  }

  /** Whether calls in the caller's own `account` go through its role too (see AwsOptions). */
  assumesInOwnAccount(account: string): boolean {
    return this.options.assumeInOwnAccount?.(account) ?? false;
  }

  /** The role `--role-template` names in `account`; null when there is none. */
  roleIn(account: string): Role | null {
    const credentials = this.options.credentialsFor?.(account, this) ?? null;
    return credentials ? { account, credentials } : null;
  }

  /** The account-region a call goes to: as the caller, or as the role assumed in another account. */
  place(service: AwsService, region: string, role: Role | null): Promise<Place> {
    const id = `${service.name}\u0000${region}\u0000${role?.account ?? ""}`;
    let found = this.places.get(id);
    if (!found) {
      found = this.open(service, region, role);
      this.places.set(id, found);
    }
    return found;
  }

  /**
   * One AWS call at `place` (see call.ts), returning the answer `check` accepts. `within`
   * is a deadline the call shares with others (the pages of one listing). `command` makes
   * the SDK command when the call goes on the wire: an SDK command carries its own
   * middleware stack, and an inventory's 10,000 calls waiting for their turn held one
   * each (issue 17).
   */
  async ask<T>(
    place: Place,
    operation: string,
    command: () => object,
    check: (out: T) => void,
    within?: SharedDeadline,
  ): Promise<T> {
    const { region, health, client } = place;
    const pacer = this.pacer(place, operation);
    // A page of a listing after the first goes first of all: its listing's deadline runs.
    // Then calls of a tight quota, whose turn is already given.
    const precedence: Precedence = within?.started
      ? "listing"
      : pacer.rate <= URGENT_RATE || within !== undefined
        ? "paced"
        : "other";
    const line: Line = {
      region,
      health,
      pacer,
      admit: (signal) =>
        place.service.signsOthers ? Promise.resolve(NO_GATE) : this.gate.admit(precedence, signal),
      send: (signal, onWire) => this.wire.send(client, command(), signal, onWire),
    };
    return call(line, operation, check, this.settings, within);
  }

  /** One call per question per run, whoever asks: `key` names the question within `operation`. */
  once<T>(operation: string, key: string, ask: () => Promise<T>): Promise<T> {
    const id = `${operation}\u0000${key}`;
    let found = this.memo.get(id) as Promise<T> | undefined;
    if (!found) {
      found = ask();
      this.memo.set(id, found);
    }
    return found;
  }

  /** An answer another question already gave (DescribeKey of an alias describes its key), unless asked. */
  share<T>(operation: string, key: string, answer: Promise<T>): void {
    const id = `${operation}\u0000${key}`;
    if (!this.memo.has(id)) this.memo.set(id, answer);
  }

  /**
   * Once every call has ended: why the run could not be evaluated — no account-region of
   * `decisive` it asked could be read — or null. When `decisive` was never asked, every
   * service asked decides.
   */
  evidenceFailure(decisive: AwsService): EvidenceError | null {
    const asked = this.opened.filter((p) => p.health.asked);
    const own = asked.filter((p) => p.service === decisive);
    const needed = own.length > 0 ? own : asked;
    if (needed.length === 0 || needed.some((p) => p.health.read)) return null;
    return unreadable(needed.map((p) => p.health));
  }

  private async open(service: AwsService, region: string, role: Role | null): Promise<Place> {
    const { profile } = this.options;
    const config: ClientConfig = {
      ...clientSettings(region, this.options.maxAttempts, this.wire.handler),
    };
    const url = await this.endpointFor(service);
    if (url) config.endpoint = url;
    if (profile) config.profile = profile;
    if (role) config.credentials = role.credentials;
    const client = service.client(config);
    if (client.middlewareStack) this.wire.attach(client as StackedClient);
    const who = role ? ` for account ${role.account}` : "";
    const endpoint = await endpointOf(client.config, region);
    const health = new Health(`${service.name} in ${region}${who} (${endpoint})`);
    const place: Place = { service, region, health, client, endpoint, pacers: new Map() };
    this.opened.push(place);
    return place;
  }

  /** `--endpoint-url` where it applies to `service` (see `AwsService.endpointUrl`), else the SDK's own. */
  private async endpointFor(service: AwsService): Promise<string | null> {
    const { endpointUrl, profile } = this.options;
    if (service.endpointUrl === "ignores") return null;
    if (!endpointUrl || service.endpointUrl === "owns") return endpointUrl;
    return (await ownEndpoint(service.name, profile)) === null ? endpointUrl : null;
  }

  /** The pacer of one operation at one place, at the operation's quota. */
  private pacer(place: Place, operation: string): Pacer {
    let pacer = place.pacers.get(operation);
    if (!pacer) {
      const rate = this.options.rates?.[operation] ?? place.service.rates[operation];
      // Every operation asked has its quota: one without would go unpaced.
      if (rate === undefined)
        throw new Error(`no request quota for ${place.service.name} ${operation}`);
      // A tight quota counts from the wire (pacer.ts): AWS's bucket counts arrivals.
      pacer = new Pacer(rate, 1000, undefined, rate <= URGENT_RATE);
      place.pacers.set(operation, pacer);
    }
    return pacer;
  }
}
