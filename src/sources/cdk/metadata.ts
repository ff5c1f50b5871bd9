/**
 * Construct metadata of a CDK stack artifact: which construct path made
 * which logical id, and where in the user's code it was created. Current
 * `aws-cdk-lib` writes it to `<Stack>.metadata.json` (the artifact's
 * `additionalMetadataFile`); older versions to the artifact's `metadata` in
 * `manifest.json`. Both are `{"/Stack/Key/Resource": [{type, data, trace?}]}`.
 */
import { own, pathTo, type Shape } from "../shape.js";
import type { ConstructInfo } from "./template.js";

/** What the metadata says of one construct path. */
export interface ConstructEntry {
  /** Without the leading `/`: `DataStack/DataKey/Resource`. */
  path: string;
  logicalId: string | null;
  creationStack: string[];
  /** `aws:cdk:templateFile`: the template of a stack or nested stack construct. */
  templateFile: string | null;
}

/**
 * Reads one metadata map, checked: it ties logical ids to constructs and
 * nested stacks to their template files, so a map that cannot be read stops
 * the run (a nested stack's keys could go unread). Entries of other types
 * (warnings, asset metadata) are passed over; a `trace` is only a line, and
 * its non-string frames are dropped.
 *
 * @param path where the map is, for messages: "" for a metadata file, `artifacts.X.metadata` in a manifest.
 */
export function readMetadataMap(map: unknown, shape: Shape, path: string): ConstructEntry[] {
  const checked = shape.object(map, path, 'construct metadata ({"/Stack/Construct": [entries]})');
  const found: ConstructEntry[] = [];
  for (const key of Object.keys(checked)) {
    const itemsPath = pathTo(path, key);
    const items = shape.list(checked[key], itemsPath, "a list of metadata entries");
    const entry: ConstructEntry = {
      path: key.startsWith("/") ? key.slice(1) : key,
      logicalId: null,
      creationStack: [],
      templateFile: null,
    };
    // Before `aws:cdk:creationStack` existed, each entry carried its own
    // `trace`: the logical id's trace is the construct's creation stack.
    let trace: string[] = [];
    items.forEach((value, index) => {
      const itemPath = pathTo(itemsPath, index);
      const item = shape.object(value, itemPath, "a metadata entry ({type, data})");
      const type = own(item, "type");
      const dataPath = pathTo(itemPath, "data");
      if (type === "aws:cdk:logicalId") {
        entry.logicalId = shape.text(own(item, "data"), dataPath, "a logical id (a string)");
        trace = strings(own(item, "trace"));
      } else if (type === "aws:cdk:creationStack") {
        const frames = shape.list(own(item, "data"), dataPath, "a list of stack frames");
        entry.creationStack = strings(frames);
      } else if (type === "aws:cdk:templateFile") {
        entry.templateFile = shape.text(own(item, "data"), dataPath, "a template file name");
      }
    });
    if (entry.creationStack.length === 0) entry.creationStack = trace;
    if (entry.logicalId !== null || entry.templateFile !== null) found.push(entry);
  }
  return found;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}

// The CDK names a nested stack's AWS::CloudFormation::Stack resource
// `<Id>.NestedStack/<Id>.NestedStackResource`, beside the nested stack `<Id>`.
const NESTED_STACK_RESOURCE_RE = /^(.*\/)?([^/]+)\.NestedStack\/\2\.NestedStackResource$/;

/**
 * The construct path of the nested stack an `AWS::CloudFormation::Stack`
 * resource deploys, from the resource's own construct path; null for a
 * resource the CDK's NestedStack did not make.
 */
export function nestedStackPath(resourcePath: string): string | null {
  const m = NESTED_STACK_RESOURCE_RE.exec(resourcePath);
  return m === null ? null : `${m[1] ?? ""}${m[2]}`;
}

/**
 * One artifact's metadata, split by template: the stack's own and each
 * nested stack's (all of them live in the top stack's metadata, under the
 * nested stack's construct path).
 */
export class ConstructIndex {
  private readonly roots: string[];
  private readonly templateFiles = new Map<string, string>();
  private readonly byRoot = new Map<string | null, Map<string, ConstructInfo>>();

  /**
   * @param ownTemplate the artifact's template file: its `aws:cdk:templateFile`
   *   entry is the stack itself, not a nested stack.
   */
  constructor(entries: readonly ConstructEntry[], ownTemplate: string) {
    const roots = new Set<string>();
    for (const entry of entries) {
      if (entry.templateFile !== null && entry.templateFile !== ownTemplate) {
        roots.add(entry.path);
        this.templateFiles.set(entry.path, entry.templateFile);
      }
      const nested = nestedStackPath(entry.path);
      if (nested !== null) roots.add(nested);
    }
    // Longest first, so that a nested stack's nested stack owns its own entries.
    this.roots = [...roots].sort((a, b) => b.length - a.length);
    for (const entry of entries) {
      if (entry.logicalId === null) continue;
      const root = this.ownerOf(entry.path);
      let constructs = this.byRoot.get(root);
      if (constructs === undefined) {
        constructs = new Map();
        this.byRoot.set(root, constructs);
      }
      // The first entry for a logical id wins; the CDK writes one per resource.
      if (!constructs.has(entry.logicalId)) {
        constructs.set(entry.logicalId, { path: entry.path, creationStack: entry.creationStack });
      }
    }
  }

  /** Construct info by logical id for the stack's own template (null) or a nested stack's (its construct path). */
  constructs(root: string | null): Map<string, ConstructInfo> {
    return this.byRoot.get(root) ?? new Map();
  }

  /** The template file `aws:cdk:templateFile` names for a nested stack's construct path. */
  templateFile(root: string): string | null {
    return this.templateFiles.get(root) ?? null;
  }

  private ownerOf(path: string): string | null {
    for (const root of this.roots) if (path.startsWith(`${root}/`)) return root;
    return null;
  }
}
