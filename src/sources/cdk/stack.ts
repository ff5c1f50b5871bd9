/**
 * What the CloudFormation-side sources (CDK assemblies, plain templates) know of
 * one stack. The assembly reader builds these; change detection (base vs head)
 * and code location read them, so all three agree on one shape.
 */
import type { StackParent } from "../../model.js";

/** A template resource, as far as this tool cares. */
export interface StackResource {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  /** `DeletionPolicy`, CloudFormation's default `Delete` when absent. */
  deletionPolicy: string;
  /** The construct path (`DataStack/DataKey/Resource`), when metadata gives it. */
  constructPath: string | null;
  /** `aws:cdk:creationStack` frames, when synthesized with stack traces. */
  creationStack: string[];
}

export interface StackModel {
  /** The CloudFormation stack name (not the artifact id). */
  name: string;
  /** The assembly artifact id, or the template file for a plain template. */
  artifactId: string;
  /** From `aws://ACCOUNT/REGION`; null for `unknown-account` / `unknown-region`. */
  account: string | null;
  region: string | null;
  /** The template file, as the user would name it (relative to the working directory). */
  templateFile: string;
  resources: Map<string, StackResource>;
  /** For a nested stack: the parent stack's name and the logical id of its AWS::CloudFormation::Stack. */
  parent: StackParent | null;
}
