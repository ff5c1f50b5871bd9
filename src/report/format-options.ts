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
   * SARIF `automationDetails` category, to tell apart several uploads for one
   * commit (one per Terraform root, say); default `kms-usage-lint`.
   */
  category?: string;
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
