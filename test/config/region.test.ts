/**
 * The region's defaults (SPEC §7): --region, AWS_REGION, AWS_DEFAULT_REGION, then the
 * profile's region from the shared config files, read by the SDK's own loader.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Environment, withDefaultRegion } from "../../src/config/region.js";
import { InputError } from "../../src/model.js";
// The entry points' reader: it loads the SDK's only when a shared file exists.
import { profileRegion } from "../../src/node-deps.js";
import { testConfig } from "../support/config.js";

/** A home directory with these `.aws/config` and `.aws/credentials` files. */
function home(config: string | null, credentials: string | null = null): string {
  const dir = mkdtempSync(join(tmpdir(), "kul-home-"));
  const aws = join(dir, ".aws");
  mkdirSync(aws);
  if (config !== null) writeFileSync(join(aws, "config"), config);
  if (credentials !== null) writeFileSync(join(aws, "credentials"), credentials);
  return dir;
}

const CONFIG = `[default]
region = eu-central-1

[profile ci]
region = ap-southeast-2

[profile bare]
output = json
`;

async function regionOf(env: Environment, overrides: Parameters<typeof testConfig>[0] = {}) {
  return (await withDefaultRegion(testConfig(overrides), env, profileRegion)).region;
}

describe("withDefaultRegion", () => {
  const dir = home(CONFIG);
  it.each<[string, Environment, Parameters<typeof testConfig>[0], string | null]>([
    ["--region wins", { AWS_REGION: "us-west-2", HOME: dir }, { region: "us-east-1" }, "us-east-1"],
    [
      "AWS_REGION",
      { AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "eu-west-1", HOME: dir },
      {},
      "us-west-2",
    ],
    [
      "AWS_DEFAULT_REGION, which the SDK itself ignores",
      { AWS_DEFAULT_REGION: "eu-west-1", HOME: dir },
      {},
      "eu-west-1",
    ],
    [
      "an empty AWS_REGION is none",
      { AWS_REGION: "", AWS_DEFAULT_REGION: "eu-west-1" },
      {},
      "eu-west-1",
    ],
    ["the default profile's region", { HOME: dir }, {}, "eu-central-1"],
    ["AWS_PROFILE's region", { HOME: dir, AWS_PROFILE: "ci" }, {}, "ap-southeast-2"],
    [
      "--profile over AWS_PROFILE",
      { HOME: dir, AWS_PROFILE: "ci" },
      { profile: "default" },
      "eu-central-1",
    ],
    ["a profile without a region", { HOME: dir, AWS_PROFILE: "bare" }, {}, null],
    ["a profile that is not there", { HOME: dir, AWS_PROFILE: "nope" }, {}, null],
    [
      "AWS_CONFIG_FILE",
      { AWS_CONFIG_FILE: join(dir, ".aws", "config"), AWS_PROFILE: "ci" },
      {},
      "ap-southeast-2",
    ],
    ["no home and no files named: nothing read", {}, {}, null],
    ["USERPROFILE as the home", { USERPROFILE: dir }, {}, "eu-central-1"],
  ])("%s", async (_, env, overrides, expected) => {
    expect(await regionOf(env, overrides)).toBe(expected);
  });

  it("takes the credentials file's region over the config file's, as the SDK does", async () => {
    const both = home(CONFIG, "[default]\nregion = sa-east-1\n");
    expect(await regionOf({ HOME: both })).toBe("sa-east-1");
  });

  it("reads a file that changed since the last read", async () => {
    const changing = home("[default]\nregion = us-east-2\n");
    expect(await regionOf({ HOME: changing })).toBe("us-east-2");
    writeFileSync(join(changing, ".aws", "config"), "[default]\nregion = ca-central-1\n");
    expect(await regionOf({ HOME: changing })).toBe("ca-central-1");
  });

  it.each<[string, Environment, Parameters<typeof testConfig>[0], string]>([
    [
      "--region",
      {},
      { region: "Moon-Base" },
      '--region "Moon-Base": expected an AWS region name like us-east-1',
    ],
    [
      "AWS_REGION",
      { AWS_REGION: "us east 1" },
      {},
      'AWS_REGION (from the environment) "us east 1": expected an AWS region name like us-east-1',
    ],
    [
      "a profile's region",
      { HOME: home("[default]\nregion = https://kms.example\n") },
      {},
      'the region of AWS profile default "https://kms.example": expected an AWS region name like us-east-1',
    ],
  ])("refuses a region that names none: %s", async (_, env, overrides, message) => {
    const error = await withDefaultRegion(testConfig(overrides), env, profileRegion).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(message);
  });

  it("leaves the rest of the configuration as it was", async () => {
    const config = testConfig({ keys: ["alias/x"] });
    expect(await withDefaultRegion(config, { AWS_REGION: "us-east-1" }, profileRegion)).toEqual({
      ...config,
      region: "us-east-1",
    });
    expect(await withDefaultRegion(config, {}, async () => null)).toBe(config);
  });
});
