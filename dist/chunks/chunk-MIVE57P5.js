import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);

// src/facts/aws/shared-files.ts
import { join } from "node:path";
function sharedFiles(env) {
  const home = env.HOME || env.USERPROFILE || env.HOMEPATH && `${env.HOMEDRIVE ?? ""}${env.HOMEPATH}`;
  return {
    config: env.AWS_CONFIG_FILE || (home ? join(home, ".aws", "config") : null),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || (home ? join(home, ".aws", "credentials") : null)
  };
}

export {
  sharedFiles
};
