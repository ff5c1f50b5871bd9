/** The output formats by name, and what every formatter is given besides the report. */
import type { Severity } from "../model.js";

/** The output formats; `--format` takes these names. */
export type Format = "text" | "json" | "sarif" | "markdown" | "github";
export const FORMATS: readonly Format[] = ["text", "json", "sarif", "markdown", "github"];

/**
 * What a report needs to know of a rule: the part of a compiled rule that
 * formats show (SARIF's rule descriptors, the Markdown help). A `CompiledRule`
 * is one, so the rule set's `rules` can be passed as they are.
 */
export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
  help: string | null;
}

export interface FormatOptions {
  /** ANSI colour, for terminals only. */
  color: boolean;
  /**
   * Every rule that ran. SARIF lists them (code scanning closes the alerts of a
   * rule that ran and found nothing) with their help; Markdown explains the rules
   * that fired. Without it, rules are known only by the ids in the findings.
   */
  rules?: readonly RuleMeta[];
  /**
   * SARIF `automationDetails` category (`--sarif-category`), to tell apart several
   * uploads for one commit (one per Terraform root, say). Absent: the run names no
   * category, and upload-sarif's `category` input (or its default, the workflow and
   * job) decides; a category in the file would override that input.
   */
  category?: string | null;
  /**
   * Repository files that stand in for a finding with no place of its own in the
   * repository (its key named only with `--key`, or its only input outside the
   * checkout), first that lies in the repository wins: the workflow that runs the
   * Action (it names the keys), then the rules file in effect (where an ignore entry
   * for the key goes). Paths as `cwd` resolves them.
   */
  anchorFiles?: readonly string[];
  /**
   * Where input file names are relative to (the working directory), and the
   * repository root: together they turn an input file (`plan.json`) into a
   * repository-relative path, for findings that have no source line of their own.
   */
  cwd?: string;
  repoRoot?: string | null;
  /** The facts snapshot `check --all-keys` evaluated: see PlaceOptions. */
  inventoryFile?: string | null;
}
