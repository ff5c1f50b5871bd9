/** Every output format, by name: pure `(report, options) => string`. */
import type { Report } from "../../model.js";
import type { Format, FormatOptions } from "../format-options.js";
import { formatJson, formatJsonPieces } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif, formatSarifPieces } from "./sarif.js";
import { formatText } from "./text.js";
import { formatWorkflowCommands } from "./workflow-commands.js";

export type { FormatOptions, RuleMeta } from "../format-options.js";

export type Formatter = (report: Report, options: FormatOptions) => string;

export const FORMATTERS: Record<Format, Formatter> = {
  text: formatText,
  json: (report) => formatJson(report),
  sarif: formatSarif,
  markdown: formatMarkdown,
  github: (report) => formatWorkflowCommands(report),
};

/**
 * A format's text in pieces that join to what {@link FORMATTERS} gives: JSON and SARIF
 * are made as they are written (a JSON report can be tens of MB), the others are small.
 */
export function formatPieces(
  format: Format,
  report: Report,
  options: FormatOptions,
): Iterable<string> {
  if (format === "json") return formatJsonPieces(report);
  if (format === "sarif") return formatSarifPieces(report, options);
  return [FORMATTERS[format](report, options)];
}
