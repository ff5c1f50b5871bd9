/** Every output format, by name: pure `(report, options) => string`. */
import type { Format } from "../../config/config.js";
import type { Report } from "../../model.js";
import { formatJson } from "./json.js";
import { formatText } from "./text.js";

export interface FormatOptions {
  /** ANSI colour, for terminals only. */
  color: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

export const FORMATTERS: Record<Format, Formatter> = {
  text: formatText,
  json: (report) => formatJson(report),
};
