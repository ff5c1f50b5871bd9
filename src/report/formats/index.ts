/** Every output format, by name: pure `(report, options) => string`. */
import type { Report } from "../../model.js";
import type { Format, FormatOptions } from "../format-options.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
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
