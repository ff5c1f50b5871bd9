/**
 * Where the shared AWS config files are, as the SDK looks for them: AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE, else `.aws/` in the home directory. Apart from sdk.ts so
 * that a run can tell there are none without loading the SDK's loader.
 */
import { join } from "node:path";

/** The two files; null for one the environment gives no way to find. */
export interface SharedFiles {
  /** The config file (`[profile NAME]` sections). */
  config: string | null;
  /** The credentials file (`[NAME]` sections). */
  credentials: string | null;
}

/** The shared files `env` names, or the home directory holds. */
export function sharedFiles(env: Readonly<Record<string, string | undefined>>): SharedFiles {
  const home =
    env.HOME || env.USERPROFILE || (env.HOMEPATH && `${env.HOMEDRIVE ?? ""}${env.HOMEPATH}`);
  return {
    config: env.AWS_CONFIG_FILE || (home ? join(home, ".aws", "config") : null),
    credentials:
      env.AWS_SHARED_CREDENTIALS_FILE || (home ? join(home, ".aws", "credentials") : null),
  };
}
