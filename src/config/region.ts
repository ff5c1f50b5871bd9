/**
 * Where bare key ids and alias names are resolved when `--region` is not given: the
 * places the AWS tools look, in their order (SPEC §7). Read once at the entry, from the
 * environment the entry hands in, so a run's region never depends on where in the code
 * it was asked.
 */

import { REGION_PATTERN } from "../aws/key-ids.js";
import { InputError } from "../model.js";
import type { RunConfig } from "./config.js";

/** Environment variables, as the entry point has them (`process.env`, or a test's). */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The region a named profile sets in the shared AWS config files that `env` names;
 * null when it sets none. Rejects only for a file that cannot be read as the SDK reads it.
 */
export type ProfileRegion = (profile: string, env: Environment) => Promise<string | null>;

const REGION_RE = new RegExp(`^${REGION_PATTERN}$`);

/**
 * `config` with its region filled in: `--region`, else `AWS_REGION`, else
 * `AWS_DEFAULT_REGION` (the AWS CLI's, which the JavaScript SDK does not read), else the
 * region of the profile (`--profile`, else `AWS_PROFILE`, else `default`). A region that
 * is not a region's name is refused wherever it came from: a key ARN built with it would
 * name no key, and the key would go unchecked.
 */
export async function withDefaultRegion(
  config: RunConfig,
  env: Environment,
  profileRegion: ProfileRegion,
): Promise<RunConfig> {
  const found = await defaultRegion(config, env, profileRegion);
  if (found === null) return config;
  if (!REGION_RE.test(found.region)) {
    throw new InputError(
      `${found.from} ${JSON.stringify(found.region)}: expected an AWS region name like us-east-1`,
    );
  }
  return found.region === config.region ? config : { ...config, region: found.region };
}

async function defaultRegion(
  config: RunConfig,
  env: Environment,
  profileRegion: ProfileRegion,
): Promise<{ region: string; from: string } | null> {
  if (config.region !== null) return { region: config.region, from: "--region" };
  for (const name of ["AWS_REGION", "AWS_DEFAULT_REGION"]) {
    const value = env[name];
    if (value) return { region: value, from: `${name} (from the environment)` };
  }
  const profile = config.profile ?? (env.AWS_PROFILE || "default");
  const region = await profileRegion(profile, env);
  return region ? { region, from: `the region of AWS profile ${profile}` } : null;
}
