/**
 * One measurement in a fresh process, so each one's peak RSS is its own:
 * `baseline` is a bare JSON.parse, `extract` is the Terraform plan source.
 * Prints one JSON line: { ms, maxRssBytes, references }.
 */
import { readFileSync } from "node:fs";
import { collectFromText } from "../src/sources/detect.js";

const [mode, path] = process.argv.slice(2);
if (!path || (mode !== "baseline" && mode !== "extract")) {
  throw new Error("usage: worker baseline|extract FILE");
}
// Reading is the same for both and not what is measured.
const text = readFileSync(path, "utf8");
const start = performance.now();
let references = 0;
if (mode === "baseline") {
  const doc = JSON.parse(text);
  references = Array.isArray(doc.resource_changes) ? 0 : -1;
} else {
  references = collectFromText({ kind: "terraform-plan", path }, text).references.length;
}
const ms = performance.now() - start;
// resourceUsage().maxRSS is in kilobytes: the process's peak, including the file's text.
console.log(JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, references }));
