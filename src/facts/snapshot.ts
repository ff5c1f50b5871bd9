/**
 * Facts snapshots (SPEC §3, version 1): AWS responses kept verbatim, so a
 * `check --facts FILE` evaluates offline exactly as it would live.
 */
import {
  type AwsCallError,
  type AwsKeyLastUsage,
  type AwsKeyMetadata,
  type DeployedStack,
  type FactSource,
  type Fetched,
  InputError,
} from "../model.js";
import { isJsonObject } from "../sources/json.js";
import { parseKmsArn } from "../sources/key-ids.js";

export interface SnapshotEntry {
  KeyMetadata?: AwsKeyMetadata;
  LastUsage?: AwsKeyLastUsage;
  Errors?: AwsCallError[];
}

export interface Snapshot {
  version: 1;
  capturedAt: string;
  account: string | null;
  keys: Map<string, SnapshotEntry>;
  aliases: Map<string, string>;
  /** Deployed stacks by `StackName@region`. */
  stacks: Map<string, DeployedStack>;
}

/** Checks a parsed snapshot document; an InputError names the file and the JSON path that is wrong. */
export function readSnapshot(doc: unknown, file: string): Snapshot {
  const fail = (path: string, expected: string): never => {
    throw new InputError(`${path}: expected ${expected} (facts snapshot, SPEC §3 version 1)`, file);
  };
  if (!isJsonObject(doc)) return fail("the document", "a JSON object");
  if (doc.version !== 1) {
    return fail("version", `1, found ${JSON.stringify(doc.version) ?? "nothing"}`);
  }
  if (typeof doc.capturedAt !== "string" || Number.isNaN(Date.parse(doc.capturedAt))) {
    fail("capturedAt", "an ISO 8601 timestamp");
  }
  if (doc.account !== undefined && doc.account !== null && typeof doc.account !== "string") {
    fail("account", "an account id string");
  }
  if (!isJsonObject(doc.keys)) return fail("keys", "an object keyed by key ARN");

  const keys = new Map<string, SnapshotEntry>();
  for (const [arn, entry] of Object.entries(doc.keys)) {
    const at = `keys[${JSON.stringify(arn)}]`;
    if (parseKmsArn(arn)?.resource !== "key") fail(at, "a key ARN as the property name");
    if (!isJsonObject(entry))
      return fail(at, "an object with KeyMetadata, LastUsage and/or Errors");
    if (entry.KeyMetadata !== undefined) {
      const md = entry.KeyMetadata;
      if (!isJsonObject(md) || typeof md.KeyId !== "string" || typeof md.Arn !== "string") {
        fail(`${at}.KeyMetadata`, "DescribeKey's KeyMetadata with KeyId and Arn");
      }
    }
    if (entry.LastUsage !== undefined && !isJsonObject(entry.LastUsage)) {
      fail(`${at}.LastUsage`, "GetKeyLastUsage's response object");
    }
    if (entry.Errors !== undefined) {
      const errors = entry.Errors;
      if (!Array.isArray(errors) || !errors.every(isCallError)) {
        fail(`${at}.Errors`, "a list of {Operation, Code, Message}");
      }
    }
    keys.set(arn, entry as SnapshotEntry);
  }

  const aliases = new Map<string, string>();
  if (doc.aliases !== undefined) {
    if (!isJsonObject(doc.aliases)) return fail("aliases", "an object from alias ARN to key ARN");
    for (const [alias, target] of Object.entries(doc.aliases)) {
      const at = `aliases[${JSON.stringify(alias)}]`;
      if (parseKmsArn(alias)?.resource !== "alias") fail(at, "an alias ARN as the property name");
      if (typeof target !== "string" || parseKmsArn(target)?.resource !== "key") {
        fail(at, "a key ARN");
      }
      aliases.set(alias, target as string);
    }
  }
  const stacks = new Map<string, DeployedStack>();
  if (doc.stacks !== undefined) {
    if (!isJsonObject(doc.stacks)) return fail("stacks", "an object keyed by StackName@region");
    for (const [name, stack] of Object.entries(doc.stacks)) {
      const at = `stacks[${JSON.stringify(name)}]`;
      if (!/^[^@]+@[a-z]{2,4}(?:-[a-z]+)+-\d+$/.test(name))
        fail(at, "a name of the form StackName@region");
      if (!isJsonObject(stack) || !isJsonObject(stack.resources)) {
        return fail(at, "an object with resources: {LogicalId: physical id}");
      }
      if (!Object.values(stack.resources).every((id) => typeof id === "string")) {
        fail(`${at}.resources`, "physical ids as strings");
      }
      if (
        stack.account !== undefined &&
        stack.account !== null &&
        typeof stack.account !== "string"
      ) {
        fail(`${at}.account`, "an account id string");
      }
      stacks.set(name, {
        account: (stack.account as string | undefined) ?? null,
        resources: stack.resources as Record<string, string>,
        template: stack.template ?? null,
      });
    }
  }

  return {
    version: 1,
    capturedAt: doc.capturedAt as string,
    account: (doc.account as string | undefined) ?? null,
    keys,
    aliases,
    stacks,
  };
}

/** A FactSource that answers from a snapshot and never touches the network. */
export function snapshotFactSource(snapshot: Snapshot): FactSource {
  const missing = (operation: string): { ok: false; error: AwsCallError } => ({
    ok: false,
    error: { Operation: operation, Code: "NotInSnapshot", Message: "not in facts snapshot" },
  });
  const recordedError = (entry: SnapshotEntry, operation: string) => {
    const error = entry.Errors?.find((e) => e.Operation === operation);
    if (error) return { ok: false as const, error };
    return {
      ok: false as const,
      error: {
        Operation: operation,
        Code: "NotInSnapshot",
        Message: `the snapshot holds no ${operation} answer for this key`,
      },
    };
  };

  return {
    kind: "snapshot",
    callerAccount: async () => snapshot.account,
    resolveAlias: async (aliasArn): Promise<Fetched<string | null>> => ({
      ok: true,
      value: snapshot.aliases.get(aliasArn) ?? null,
    }),
    aliasesOf: async (keyArn) => {
      const names: string[] = [];
      for (const [alias, target] of snapshot.aliases) {
        const parsed = parseKmsArn(alias);
        if (target === keyArn && parsed) names.push(parsed.id);
      }
      return names.sort();
    },
    describeKey: async (keyArn): Promise<Fetched<AwsKeyMetadata>> => {
      const entry = snapshot.keys.get(keyArn);
      if (!entry) return missing("DescribeKey");
      return entry.KeyMetadata
        ? { ok: true, value: entry.KeyMetadata }
        : recordedError(entry, "DescribeKey");
    },
    deployedStack: async (stack, region): Promise<Fetched<DeployedStack | null>> => {
      const found =
        region === null
          ? [...snapshot.stacks].filter(([name]) => name.startsWith(`${stack}@`))
          : [[`${stack}@${region}`, snapshot.stacks.get(`${stack}@${region}`)] as const];
      const [entry] = found.filter(([, value]) => value !== undefined);
      if (entry?.[1] && found.length === 1) return { ok: true, value: entry[1] };
      const where = region === null ? `${stack} (region unknown)` : `${stack}@${region}`;
      const why =
        found.length > 1
          ? "is in several regions of the facts snapshot"
          : "is not in the facts snapshot";
      return {
        ok: false,
        error: {
          Operation: "ListStackResources",
          Code: "NotInSnapshot",
          Message: `stack ${where} ${why}`,
        },
      };
    },
    getKeyLastUsage: async (keyArn): Promise<Fetched<AwsKeyLastUsage>> => {
      const entry = snapshot.keys.get(keyArn);
      if (!entry) return missing("GetKeyLastUsage");
      return entry.LastUsage
        ? { ok: true, value: entry.LastUsage }
        : recordedError(entry, "GetKeyLastUsage");
    },
  };
}

function isCallError(value: unknown): value is AwsCallError {
  return (
    isJsonObject(value) &&
    typeof value.Operation === "string" &&
    typeof value.Code === "string" &&
    typeof value.Message === "string"
  );
}
