/**
 * The built-in rule packs. The YAML files in rules/ are bundled as text, so the
 * CLI and the Action need nothing but dist/ at run time.
 */
import deletingEnabledKey from "../../rules/deleting-enabled-key.yml";
import deletingKeyDisabledTooRecently from "../../rules/deleting-key-disabled-too-recently.yml";
import deletingKeyWithFailedUses from "../../rules/deleting-key-with-failed-uses.yml";
import deletingKeyWithUnknownUsage from "../../rules/deleting-key-with-unknown-usage.yml";
import deletingKeyWithoutEvidence from "../../rules/deleting-key-without-evidence.yml";
import deletingRecentlyUsedKey from "../../rules/deleting-recently-used-key.yml";
import deletingReferencedKey from "../../rules/deleting-referenced-key.yml";
import disablingRecentlyUsedKey from "../../rules/disabling-recently-used-key.yml";
import pendingDeletionKeyStillWanted from "../../rules/pending-deletion-key-still-wanted.yml";
import pendingDeletionRecentlyUsed from "../../rules/pending-deletion-recently-used.yml";
import shortDeletionWindow from "../../rules/short-deletion-window.yml";
import staleKey from "../../rules/stale-key.yml";
import unusedKey from "../../rules/unused-key.yml";
import updateFailsAtDeploy from "../../rules/update-fails-at-deploy.yml";
import usageUnavailable from "../../rules/usage-unavailable.yml";
import type { RulesFileInput } from "./types.js";

/** Built-in packs by the name `extends` uses; each rule lives in its own file, named by its id. */
export const BUILTIN_PACKS: Record<string, RulesFileInput[]> = {
  recommended: [
    { file: "rules/deleting-recently-used-key.yml", text: deletingRecentlyUsedKey },
    { file: "rules/deleting-referenced-key.yml", text: deletingReferencedKey },
    { file: "rules/deleting-key-without-evidence.yml", text: deletingKeyWithoutEvidence },
    { file: "rules/deleting-key-with-unknown-usage.yml", text: deletingKeyWithUnknownUsage },
    { file: "rules/deleting-key-with-failed-uses.yml", text: deletingKeyWithFailedUses },
    { file: "rules/deleting-key-disabled-too-recently.yml", text: deletingKeyDisabledTooRecently },
    { file: "rules/pending-deletion-key-still-wanted.yml", text: pendingDeletionKeyStillWanted },
    { file: "rules/deleting-enabled-key.yml", text: deletingEnabledKey },
    { file: "rules/pending-deletion-recently-used.yml", text: pendingDeletionRecentlyUsed },
    { file: "rules/disabling-recently-used-key.yml", text: disablingRecentlyUsedKey },
    { file: "rules/short-deletion-window.yml", text: shortDeletionWindow },
    { file: "rules/unused-key.yml", text: unusedKey },
    { file: "rules/stale-key.yml", text: staleKey },
    { file: "rules/usage-unavailable.yml", text: usageUnavailable },
    { file: "rules/update-fails-at-deploy.yml", text: updateFailsAtDeploy },
  ],
};
