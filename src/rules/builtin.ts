/**
 * The built-in rule packs. The YAML files in rules/ are bundled as text, so the
 * CLI and the Action need nothing but dist/ at run time.
 */
import deletingRecentlyUsedKey from "../../rules/deleting-recently-used-key.yml";
import unusedKey from "../../rules/unused-key.yml";
import updateFailsAtDeploy from "../../rules/update-fails-at-deploy.yml";
import type { RulesFileInput } from "./load.js";

/** Built-in packs by the name `extends` uses; each rule lives in its own file. */
export const BUILTIN_PACKS: Record<string, RulesFileInput[]> = {
  recommended: [
    { file: "rules/deleting-recently-used-key.yml", text: deletingRecentlyUsedKey },
    { file: "rules/unused-key.yml", text: unusedKey },
    { file: "rules/update-fails-at-deploy.yml", text: updateFailsAtDeploy },
  ],
};
