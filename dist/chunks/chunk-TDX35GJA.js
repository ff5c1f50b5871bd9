import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  sharedFiles
} from "./chunk-MIVE57P5.js";
import {
  SelectorType,
  booleanSelector,
  init_config,
  loadConfig
} from "./chunk-ORKKH4HI.js";

// src/facts/aws/sdk.ts
init_config();
var ATTEMPT_TIMEOUT_MS = 1e4;
var RETRY_BASE_MS = 100;
var RETRY_CAP_MS = 1e3;
function retryStrategy(maxAttempts, random = Math.random) {
  const token = (count, delay) => ({
    getRetryCount: () => count,
    getRetryDelay: () => delay
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
    recordSuccess: () => {
    }
  };
}
function attemptTimeoutMs(timeoutMs) {
  return Math.min(ATTEMPT_TIMEOUT_MS, timeoutMs);
}
function clientSettings(region, maxAttempts, requestHandler) {
  return {
    region,
    maxAttempts,
    retryStrategy: retryStrategy(maxAttempts),
    requestHandler,
    cacheMiddleware: true
  };
}
async function ownEndpoint(serviceId, profile) {
  const words = serviceId.split(" ");
  const init = profile ? { profile } : {};
  try {
    const ignore = await loadConfig(
      {
        environmentVariableSelector: (env) => booleanSelector(env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", SelectorType.ENV),
        configFileSelector: (section) => booleanSelector(section, "ignore_configured_endpoint_urls", SelectorType.CONFIG),
        default: false
      },
      init
    )();
    if (ignore) return null;
    const url = await loadConfig(
      {
        environmentVariableSelector: (env) => env[["AWS_ENDPOINT_URL", ...words.map((w) => w.toUpperCase())].join("_")],
        configFileSelector: (section, files) => {
          const name = section.services;
          const services = name ? files?.[`services.${name}`] : void 0;
          return services?.[`${words.map((w) => w.toLowerCase()).join("_")}.endpoint_url`];
        },
        default: void 0
      },
      init
    )();
    return url || null;
  } catch {
    return null;
  }
}
async function endpointOf(config, region) {
  const c = config;
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
      UseDualStack: await c.useDualstackEndpoint()
    });
    return url.href.replace(/\/$/, "");
  } catch {
    return "its default endpoint";
  }
}
async function profileRegion(profile, env) {
  const files = sharedFiles(env);
  const configFilepath = files.config;
  const filepath = files.credentials;
  if (configFilepath === null && filepath === null) return null;
  const region = await loadConfig(
    {
      environmentVariableSelector: () => void 0,
      configFileSelector: (section) => section.region,
      default: () => void 0
    },
    {
      profile,
      // The loader reads AWS_CONFIG_FILE itself when not told: tell it, so only `env` counts.
      configFilepath: configFilepath ?? NO_FILE,
      filepath: filepath ?? NO_FILE,
      preferredFile: "credentials",
      ignoreCache: true
    }
  )();
  return region || null;
}
var NO_FILE = "\0";

export {
  retryStrategy,
  attemptTimeoutMs,
  clientSettings,
  ownEndpoint,
  endpointOf,
  profileRegion
};
