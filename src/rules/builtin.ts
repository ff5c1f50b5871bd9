/**
 * The built-in rule packs. The YAML files in rules/ are bundled as text, so the
 * CLI and the Action need nothing but dist/ at run time, and as the data the build
 * parsed them into (scripts/builtin-packs.ts), so no run parses them.
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
import parsedPacks from "./builtin-data.generated.json" with { type: "json" };
import type { RulesFileInput } from "./types.js";

const PARSED: Readonly<Record<string, unknown>> = parsedPacks;

/** A pack file with its data parsed at build time; parsed on loading should the build not have it. */
function packFile(file: string, text: string): RulesFileInput {
  const data = PARSED[file];
  return data === undefined ? { file, text } : { file, text, data };
}

/** Built-in packs by the name `extends` uses; each rule lives in its own file, named by its id. */
export const BUILTIN_PACKS: Record<string, RulesFileInput[]> = {
  recommended: [
    packFile("rules/deleting-recently-used-key.yml", deletingRecentlyUsedKey),
    packFile("rules/deleting-referenced-key.yml", deletingReferencedKey),
    packFile("rules/deleting-key-without-evidence.yml", deletingKeyWithoutEvidence),
    packFile("rules/deleting-key-with-unknown-usage.yml", deletingKeyWithUnknownUsage),
    packFile("rules/deleting-key-with-failed-uses.yml", deletingKeyWithFailedUses),
    packFile("rules/deleting-key-disabled-too-recently.yml", deletingKeyDisabledTooRecently),
    packFile("rules/pending-deletion-key-still-wanted.yml", pendingDeletionKeyStillWanted),
    packFile("rules/deleting-enabled-key.yml", deletingEnabledKey),
    packFile("rules/pending-deletion-recently-used.yml", pendingDeletionRecentlyUsed),
    packFile("rules/disabling-recently-used-key.yml", disablingRecentlyUsedKey),
    packFile("rules/short-deletion-window.yml", shortDeletionWindow),
    packFile("rules/unused-key.yml", unusedKey),
    packFile("rules/stale-key.yml", staleKey),
    packFile("rules/usage-unavailable.yml", usageUnavailable),
    packFile("rules/update-fails-at-deploy.yml", updateFailsAtDeploy),
  ],
};
