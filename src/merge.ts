/**
 * `kms-usage-lint merge FILE...` (issue 17): the shards of an inventory, each a facts
 * snapshot taken by its own matrix job, become one snapshot; or several JSON reports (one
 * per Terraform root, say) become one report, and so one PR comment or job summary. Which
 * kind each file is, is read from it; a mix of kinds is bad input.
 */

import type { MergeConfig } from "./config/config.js";
import {
  checkExpectedShards,
  type MergedSnapshot,
  mergeNote,
  mergeSnapshots,
  snapshotJson,
} from "./facts/merge-snapshots.js";
import { readSnapshot, type Snapshot } from "./facts/snapshot.js";
import { InputError, type Report } from "./model.js";
import { type Deps, snapshotFromBytes } from "./pipeline.js";
import { failsAt } from "./report/build.js";
import { looksLikeReport, mergeReports, readJsonReport } from "./report/json-report.js";
import { readInputBytes } from "./sources/collect.js";

export type MergeResult =
  | { kind: "snapshots"; merged: MergedSnapshot; note: string | null }
  | { kind: "reports"; report: Report; failed: boolean };

/** What one file is: a facts snapshot or a JSON report. */
type Read = { file: string; snapshot: Snapshot } | { file: string; report: Report };

/** Reads and checks every file, then merges them; throws InputError for what the user must fix. */
export async function merge(config: MergeConfig, deps: Deps): Promise<MergeResult> {
  if (config.files.length === 0) throw new InputError("merge needs the files to merge");
  // Each file is read from disk while the ones before it are parsed, and checked in the
  // order given: a failure to read one is said in its turn.
  const reading = config.files.map((file) => readInputBytes(file, deps, "file to merge"));
  for (const bytes of reading) bytes.catch(() => {});
  const read: Read[] = [];
  for (const [i, file] of config.files.entries()) {
    read.push(readMergeInput(file, await (reading[i] as Promise<Buffer>)));
  }
  const snapshots = read.filter((r): r is Extract<Read, { snapshot: Snapshot }> => "snapshot" in r);
  const reports = read.filter((r): r is Extract<Read, { report: Report }> => "report" in r);
  if (snapshots.length > 0 && reports.length > 0) {
    const [snapshot] = snapshots;
    const [report] = reports;
    throw new InputError(
      `${snapshot?.file} is a facts snapshot and ${report?.file} a JSON report: merge snapshots with snapshots and reports with reports`,
    );
  }
  if (snapshots.length > 0) {
    if (config.outputs.length > 0) {
      throw new InputError(
        "--format is for merged reports; merged snapshots are written as a snapshot with -o FILE",
      );
    }
    if (config.output === null) throw new InputError("merge of snapshots needs -o FILE (or -o -)");
    const merged = mergeSnapshots(snapshots);
    if (config.expectShards !== null) {
      checkExpectedShards(merged.snapshot.inventory, config.expectShards);
    }
    return { kind: "snapshots", merged, note: mergeNote(merged) };
  }
  if (config.expectShards !== null) {
    throw new InputError("--expect-shards counts the shards of snapshots, not of reports");
  }
  if (config.output === null && config.outputs.length === 0) {
    throw new InputError("merge of reports needs -o FILE (the merged JSON report) or --format");
  }
  const report = mergeReports(reports);
  return { kind: "reports", report, failed: failsAt(report, config.failOn) };
}

/** The merged snapshot, in pieces of at most one key each (see snapshotJson). */
export function mergedSnapshotText(merged: MergedSnapshot): Iterable<string> {
  return snapshotJson(merged.snapshot);
}

/** One file to merge, checked as `check --facts` checks a snapshot, or as a JSON report. */
function readMergeInput(file: string, bytes: Buffer): Read {
  const read = snapshotFromBytes(
    bytes,
    file,
    "a facts snapshot or a JSON report",
    (doc): Snapshot | { report: Report } =>
      looksLikeReport(doc) ? { report: readJsonReport(doc, file) } : readSnapshot(doc, file),
  );
  return "report" in read ? { file, report: read.report } : { file, snapshot: read };
}
