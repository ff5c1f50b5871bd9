/**
 * The inventory at scale (issue 17): `snapshot --all-keys` as a whole process, against the
 * emulator run here (in the bench's process, so the measured process's memory is the
 * tool's own), each account-region paced at AWS's 5 GetKeyLastUsage a second, with
 * latency. One process over many account-regions; then N shards one after another, each
 * against its own quota bound, and their union compared with the unsharded snapshot,
 * key for key.
 */

import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  DEFAULT_RATES,
  type KmsEmulator,
  type SeedKey,
  startKmsEmulator,
  testKeyId,
} from "../test/support/kms-emulator.js";

const MANAGEMENT = "999900000001";
const REGIONS = ["eu-west-1", "us-east-1", "us-west-2", "ap-south-1"];
const ROLE = "arn:aws:iam::{account}:role/kms-inventory";

/** An inventory of `pairs` account-regions (4 regions an account) with `keys` keys each. */
export interface InventoryShape {
  pairs: number;
  keys: number;
  latencyMs: number;
}

/** What one snapshot process took and how its calls went. */
export interface InventoryRun {
  ms: number;
  rssBytes: number;
  /** The process's CPU time (user and system, every thread). */
  cpuMs: number;
  /** Requests it sent: KMS, STS, Organizations and Account together. */
  requests: number;
  throttled: number;
  /** GetKeyLastUsage calls of the busiest account-region ÷ 5 a second. */
  boundMs: number;
  keys: number;
  /**
   * Keys whose entry holds an error (a call that gave no answer, a listing not read): a
   * run can exit 0 with every key written and still have read little of them.
   */
  unread: number;
  file: string;
}

/** The emulator seeded with the shape, and the accounts file naming its accounts. */
export async function inventoryWorld(dir: string, shape: InventoryShape) {
  const accounts = Math.ceil(shape.pairs / REGIONS.length);
  const ids = Array.from({ length: accounts }, (_, i) => String(100000000000 + i + 1));
  const keys: SeedKey[] = [];
  let n = 0;
  let pairs = 0;
  for (const account of ids) {
    for (const region of REGIONS) {
      if (pairs++ >= shape.pairs) break;
      for (let k = 0; k < shape.keys; k++) {
        keys.push({
          keyId: testKeyId(++n),
          account,
          region,
          createdAt: "2026-05-01T00:00:00Z",
          ...(k % 3 === 0
            ? { lastUsage: { operation: "Decrypt" as const, timestamp: "2026-11-20T00:00:00Z" } }
            : {}),
        });
      }
    }
  }
  const regionsOf = (i: number) =>
    REGIONS.slice(0, Math.min(REGIONS.length, shape.pairs - i * REGIONS.length));
  const accountsFile = join(dir, "accounts.yml");
  writeFileSync(
    accountsFile,
    ids.map((id, i) => `- id: "${id}"\n  regions: [${regionsOf(i).join(", ")}]\n`).join(""),
  );
  const emulator = await startKmsEmulator({
    defaultAccount: MANAGEMENT,
    latency: shape.latencyMs,
    seed: { keys },
  });
  return { emulator, accountsFile };
}

/** Runs `cli snapshot --all-keys` once (the shard `shard` when given) as a whole process. */
export async function runInventory(
  dir: string,
  cli: string,
  world: { emulator: KmsEmulator; accountsFile: string },
  shard?: string,
): Promise<InventoryRun> {
  const { emulator } = world;
  emulator.resetCalls();
  const file = join(dir, `inventory-${shard?.replace("/", "-of-") ?? "all"}.json`);
  const rssFile = join(dir, "rss-inventory.txt");
  writeFileSync(rssFile, "");
  const args = [
    "--require",
    join(dir, "rss.cjs"),
    cli,
    "snapshot",
    "--all-keys",
    "--accounts",
    world.accountsFile,
    "--role-template",
    ROLE,
    "-o",
    file,
    "--quiet",
    ...(shard === undefined ? [] : ["--shard", shard]),
  ];
  const start = performance.now();
  // Asynchronous: the emulator answers from this process while the child runs.
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, args, {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        KUL_BENCH_RSS_FILE: rssFile,
        AWS_ACCESS_KEY_ID: "bench",
        AWS_SECRET_ACCESS_KEY: "bench",
        AWS_REGION: "eu-west-1",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        AWS_EC2_METADATA_DISABLED: "true",
        ...Object.fromEntries(
          ["KMS", "STS", "ACCOUNT", "ORGANIZATIONS", "CLOUDTRAIL"].map((s) => [
            `AWS_ENDPOINT_URL_${s}`,
            emulator.endpoint,
          ]),
        ),
      },
    });
    let err = "";
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("close", (status) => done({ code: status, stderr: err }));
  });
  const ms = performance.now() - start;
  if (code !== 0)
    throw new Error(
      `snapshot --all-keys ${shard ?? ""}: exit ${code}\n${stderr.trim().split("\n").slice(-5).join("\n")}`,
    );
  const [rssBytes = 0, cpuMicros = 0] = readFileSync(rssFile, "utf8").split(" ").map(Number);
  const usage = new Map<string, number>();
  for (const call of emulator.calls) {
    if (call.operation !== "GetKeyLastUsage") continue;
    const id = `${call.account}/${call.region}`;
    usage.set(id, (usage.get(id) ?? 0) + 1);
  }
  const busiest = Math.max(0, ...usage.values());
  const written = JSON.parse(readFileSync(file, "utf8")) as {
    keys: Record<string, { Errors?: unknown[] }>;
  };
  const entries = Object.values(written.keys);
  const stats = emulator.stats();
  return {
    ms,
    rssBytes,
    cpuMs: cpuMicros / 1000,
    requests: stats.requests + emulator.stsCalls.length + emulator.inventoryCalls.length,
    throttled: stats.throttled,
    boundMs: (busiest / 5) * 1000,
    keys: entries.length,
    unread: entries.filter((e) => (e.Errors?.length ?? 0) > 0).length,
    file,
  };
}

/**
 * The AWS SDK's own CPU a request on this machine (bench/sdk-floor.ts, built as
 * `sdk-floor.mjs` in `dir`), against the world's emulator at its latency: 50 keys of the
 * management account, its DescribeKey quota lifted for the measure (else most answers
 * would be throttling) and put back after.
 */
export async function sdkFloor(
  dir: string,
  world: { emulator: KmsEmulator },
  requests: number,
): Promise<number> {
  const { emulator } = world;
  emulator.seed({
    keys: Array.from({ length: 50 }, (_, i) => ({
      keyId: testKeyId(900_001 + i),
      account: MANAGEMENT,
      region: "eu-west-1",
      createdAt: "2026-05-01T00:00:00Z",
    })),
  });
  emulator.setRate("DescribeKey", { perSecond: 1_000_000, burst: 1_000_000 });
  try {
    const out = await new Promise<string>((done, fail) => {
      const child = spawn(
        process.execPath,
        [join(dir, "sdk-floor.mjs"), emulator.endpoint, String(requests), MANAGEMENT, "900001"],
        {
          stdio: ["ignore", "pipe", "inherit"],
          env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
        },
      );
      let text = "";
      child.stdout.on("data", (chunk) => {
        text += chunk;
      });
      child.on("close", (code) =>
        code === 0 ? done(text) : fail(new Error(`sdk-floor: exit ${code}`)),
      );
    });
    const { cpuMsPerRequest, failed } = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as {
      cpuMsPerRequest: number;
      failed: number;
    };
    if (failed > 0) throw new Error(`sdk-floor: ${failed} of ${requests} requests failed`);
    return cpuMsPerRequest;
  } finally {
    emulator.setRate("DescribeKey", DEFAULT_RATES.DescribeKey);
  }
}

/** Whether the shards' files hold, together, exactly the keys of the unsharded one, entry for entry. */
export function sameKeys(
  whole: string,
  shards: string[],
): { same: boolean; keys: number; problem: string | null } {
  const read = (file: string) =>
    (JSON.parse(readFileSync(file, "utf8")) as { keys: Record<string, unknown> }).keys;
  const all = read(whole);
  const union = new Map<string, string>();
  for (const file of shards) {
    for (const [arn, entry] of Object.entries(read(file))) {
      if (union.has(arn))
        return { same: false, keys: union.size, problem: `${arn} is in two shards` };
      union.set(arn, JSON.stringify(entry));
    }
  }
  const arns = Object.keys(all);
  if (arns.length !== union.size)
    return {
      same: false,
      keys: union.size,
      problem: `${union.size} keys in the shards, ${arns.length} unsharded`,
    };
  for (const arn of arns) {
    const whole = JSON.stringify(all[arn]);
    const sharded = union.get(arn);
    if (sharded !== whole) {
      // Which of the entry's parts differ (KeyMetadata, LastUsage, Errors…): an error record
      // from a loaded run reads differently from facts that disagree.
      const a = JSON.parse(sharded ?? "{}") as Record<string, unknown>;
      const b = all[arn] as Record<string, unknown>;
      const parts = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
        (part) => JSON.stringify(a[part]) !== JSON.stringify(b[part]),
      );
      return {
        same: false,
        keys: union.size,
        problem: `${arn} differs in ${parts.join(", ")}: sharded ${JSON.stringify(parts.map((p) => a[p]))}, unsharded ${JSON.stringify(parts.map((p) => b[p]))}`,
      };
    }
  }
  return { same: true, keys: union.size, problem: null };
}
