/**
 * What every AWS SDK client of the run shares (KMS, CloudFormation, STS): its retry
 * strategy, its per-attempt timeout, and the endpoint it talks to, for messages.
 */
import type { KMSClientConfig } from "@aws-sdk/client-kms";
import { booleanSelector, loadConfig, SelectorType } from "@smithy/core/config";
import type { HttpHandler } from "@smithy/core/protocols";
import { sharedFiles } from "./shared-files.js";

/** A credentials provider, as the SDK takes it. */
export type Credentials = NonNullable<KMSClientConfig["credentials"]>;

/** One attempt waits this long at most, and never longer than the run's --aws-timeout. */
const ATTEMPT_TIMEOUT_MS = 10_000;
// Transient failures are retried quickly: a dead endpoint must be found dead in seconds.
const RETRY_BASE_MS = 100;
const RETRY_CAP_MS = 1_000;

type RetryStrategy = Extract<
  NonNullable<KMSClientConfig["retryStrategy"]>,
  { recordSuccess: unknown }
>;
type RetryToken = Awaited<ReturnType<RetryStrategy["acquireInitialRetryToken"]>>;

/**
 * The SDK retries what passes by itself — timeouts, resets, refused connections, 5xx —
 * with short, jittered back-offs. Throttling it does not retry: a retry the SDK makes
 * bypasses the pacer and spends quota the pacer has given to other calls; the call
 * loop in call.ts backs off and waits for a turn instead.
 */
export function retryStrategy(maxAttempts: number, random = Math.random): RetryStrategy {
  const token = (count: number, delay: number): RetryToken => ({
    getRetryCount: () => count,
    getRetryDelay: () => delay,
  });
  return {
    acquireInitialRetryToken: async () => token(0, 0),
    refreshRetryTokenForRetry: async (previous, info) => {
      const count = previous.getRetryCount() + 1;
      const retryable = info.errorType === "TRANSIENT" || info.errorType === "SERVER_ERROR";
      if (!retryable || count >= maxAttempts) throw new Error("no retry");
      const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (count - 1));
      return token(count, Math.round(ceiling * (0.5 + random() / 2)));
    },
    recordSuccess: () => {},
  };
}

/** How long one attempt may wait: never longer than the run's --aws-timeout. */
export function attemptTimeoutMs(timeoutMs: number): number {
  return Math.min(ATTEMPT_TIMEOUT_MS, timeoutMs);
}

/**
 * The settings every client of the run is made with; `requestHandler`, the run's one
 * (wire.ts). `cacheMiddleware`: each command class's middleware chain is built once per
 * client, not for every call.
 */
export function clientSettings(region: string, maxAttempts: number, requestHandler: HttpHandler) {
  return {
    region,
    maxAttempts,
    retryStrategy: retryStrategy(maxAttempts),
    requestHandler,
    cacheMiddleware: true,
  };
}

/**
 * The endpoint the shared configuration names for one service alone, as the SDK reads it:
 * AWS_ENDPOINT_URL_<SERVICE> (the SDK's service id upper-cased, spaces as underscores),
 * else the service's entry in the profile's `services` section — unless
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's ignore_configured_endpoint_urls)
 * says to ignore them. Not AWS_ENDPOINT_URL or the profile's endpoint_url: those name no
 * service. Null when there is none.
 */
export async function ownEndpoint(
  serviceId: string,
  profile: string | null,
): Promise<string | null> {
  const words = serviceId.split(" ");
  const init = profile ? { profile } : {};
  try {
    const ignore = await loadConfig(
      {
        environmentVariableSelector: (env) =>
          booleanSelector(env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", SelectorType.ENV),
        configFileSelector: (section) =>
          booleanSelector(section, "ignore_configured_endpoint_urls", SelectorType.CONFIG),
        default: false,
      },
      init,
    )();
    if (ignore) return null;
    const url = await loadConfig<string | undefined>(
      {
        environmentVariableSelector: (env) =>
          env[["AWS_ENDPOINT_URL", ...words.map((w) => w.toUpperCase())].join("_")],
        configFileSelector: (section, files) => {
          const name = section.services;
          const services = name ? files?.[`services.${name}`] : undefined;
          return services?.[`${words.map((w) => w.toLowerCase()).join("_")}.endpoint_url`];
        },
        default: undefined,
      },
      init,
    )();
    return url || null;
  } catch {
    // A shared config the SDK cannot read names no endpoint here; the client says so when it is made.
    return null;
  }
}

/** The parts of an SDK client's resolved config that say where it sends requests. */
interface EndpointConfig {
  endpoint?: () => Promise<{ protocol: string; hostname: string; port?: number; path: string }>;
  serviceConfiguredEndpoint?: () => Promise<string | undefined>;
  endpointProvider: (params: { Region: string; UseFIPS: boolean; UseDualStack: boolean }) => {
    url: URL;
  };
  useFipsEndpoint: () => Promise<boolean>;
  useDualstackEndpoint: () => Promise<boolean>;
}

/**
 * The endpoint a client sends to, as the SDK resolves it: `endpoint` (--endpoint-url),
 * else AWS_ENDPOINT_URL_<SERVICE> and the shared config's, else the region's own.
 */
export async function endpointOf(config: unknown, region: string): Promise<string> {
  const c = config as EndpointConfig;
  try {
    const custom = await c.endpoint?.();
    if (custom) {
      const port = custom.port ? `:${custom.port}` : "";
      const path = custom.path === "/" ? "" : custom.path;
      return `${custom.protocol}//${custom.hostname}${port}${path}`;
    }
    const configured = await c.serviceConfiguredEndpoint?.();
    if (configured) return configured;
    const { url } = c.endpointProvider({
      Region: region,
      UseFIPS: await c.useFipsEndpoint(),
      UseDualStack: await c.useDualstackEndpoint(),
    });
    return url.href.replace(/\/$/, "");
  } catch {
    return "its default endpoint";
  }
}

/**
 * The region a profile sets in the shared AWS config files, read by the SDK's own loader
 * (`[profile NAME]` in the config file, `[NAME]` in the credentials file, which wins for
 * the region as in the SDK's clients), from the files `env` names: AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE, else `.aws/` in the home directory. Only the files: the
 * SDK's last resort, the EC2 instance metadata service, is a network call, and a run
 * from a snapshot makes none. Null when the profile sets no region.
 */
export async function profileRegion(
  profile: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | null> {
  const files = sharedFiles(env);
  const configFilepath = files.config;
  const filepath = files.credentials;
  if (configFilepath === null && filepath === null) return null;
  const region = await loadConfig(
    {
      environmentVariableSelector: () => undefined,
      configFileSelector: (section) => section.region,
      default: () => undefined,
    },
    {
      profile,
      // The loader reads AWS_CONFIG_FILE itself when not told: tell it, so only `env` counts.
      configFilepath: configFilepath ?? NO_FILE,
      filepath: filepath ?? NO_FILE,
      preferredFile: "credentials",
      ignoreCache: true,
    },
  )();
  return region || null;
}

// A path no file has: where a file is not to be read (the loader takes a missing file as empty).
const NO_FILE = "\u0000";
