import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  TOOL_HOMEPAGE
} from "./chunk-BQLQTG4V.js";
import {
  sarifFingerprint
} from "./chunk-FQF66HRS.js";
import {
  REGION_PATTERN,
  SEVERITIES,
  compareText,
  listWords,
  plural,
  wholeDaysSince
} from "./chunk-7PTS3INL.js";
import {
  InputError,
  breakLegacyCommands,
  escapeInvisible,
  escapeJsonText,
  escapeLogText
} from "./chunk-2FU6VLII.js";

// src/config/region.ts
var REGION_RE = new RegExp(`^${REGION_PATTERN}$`);
async function withDefaultRegion(config, env, profileRegion) {
  const found = await defaultRegion(config, env, profileRegion);
  if (found === null) return config;
  if (!REGION_RE.test(found.region)) {
    throw new InputError(
      `${found.from} ${JSON.stringify(found.region)}: expected an AWS region name like us-east-1`
    );
  }
  return found.region === config.region ? config : { ...config, region: found.region };
}
async function defaultRegion(config, env, profileRegion) {
  if (config.region !== null) return { region: config.region, from: "--region" };
  for (const name of ["AWS_REGION", "AWS_DEFAULT_REGION"]) {
    const value = env[name];
    if (value) return { region: value, from: `${name} (from the environment)` };
  }
  const profile = config.profile ?? (env.AWS_PROFILE || "default");
  const region = await profileRegion(profile, env);
  return region ? { region, from: `the region of AWS profile ${profile}` } : null;
}

// src/logging.ts
var SILENT_LOGGER = Object.freeze({
  info: () => {
  },
  warn: () => {
  },
  debug: () => {
  }
});
function cliLogger(writeStderr, options) {
  const line = (prefix, message) => {
    if (!options.quiet) writeStderr(`${prefix}${escapeLogText(message)}
`);
  };
  return {
    info: (message) => line("", message),
    warn: (message) => line("warning: ", message),
    // Notes (what was left unresolved on purpose) only when asked for.
    debug: (message) => {
      if (options.verbose) line("note: ", message);
    }
  };
}
function actionsLogger(runner) {
  return {
    info: (message) => runner.info(message),
    warn: (message) => runner.warning(message),
    debug: (message) => runner.debug(message)
  };
}

// src/report/formats/json-pieces.ts
var LazyList = class {
  constructor(items, map) {
    this.items = items;
    this.map = map;
  }
  items;
  map;
};
var PIECE_CHARS = 64 * 1024;
function* jsonPieces(value, levels) {
  let parts = [];
  let length = 0;
  for (const part of pretty(toJson(value, ""), levels, "")) {
    parts.push(part);
    length += part.length;
    if (length >= PIECE_CHARS) {
      yield escapeJsonText(parts.join(""));
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield escapeJsonText(parts.join(""));
}
var INDENT = "  ";
function* pretty(value, levels, indent) {
  if (value instanceof LazyList) {
    yield* list(value.items, value.map, levels, indent);
  } else if (levels > 0 && Array.isArray(value)) {
    yield* list(value, (item) => item, levels, indent);
  } else if (levels > 0 && typeof value === "object" && value !== null) {
    yield* object(value, levels, indent);
  } else {
    const text = JSON.stringify(value, null, 2);
    yield indent === "" ? text : text.replaceAll("\n", `
${indent}`);
  }
}
function* list(items, map, levels, indent) {
  if (items.length === 0) {
    yield "[]";
    return;
  }
  const inner = indent + INDENT;
  for (const [i, item] of items.entries()) {
    yield `${i === 0 ? "[" : ","}
${inner}`;
    const value = toJson(map(item), String(i));
    if (isUnwritable(value)) yield "null";
    else yield* pretty(value, levels - 1, inner);
  }
  yield `
${indent}]`;
}
function* object(value, levels, indent) {
  const inner = indent + INDENT;
  let first = true;
  for (const key of Object.keys(value)) {
    const field = toJson(value[key], key);
    if (isUnwritable(field)) continue;
    yield `${first ? "{" : ","}
${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pretty(field, levels - 1, inner);
  }
  yield first ? "{}" : `
${indent}}`;
}
function toJson(value, key) {
  const toJSON = value?.toJSON;
  return typeof toJSON === "function" ? toJSON.call(value, key) : value;
}
function isUnwritable(value) {
  return value === void 0 || typeof value === "function" || typeof value === "symbol";
}

// src/report/formats/json.ts
function formatJson(report) {
  return [...formatJsonPieces(report)].join("");
}
function* formatJsonPieces(report) {
  const now = new Date(report.evaluatedAt);
  const doc = {
    version: 1,
    tool: report.tool,
    evaluatedAt: report.evaluatedAt,
    keys: new LazyList(report.subjects, (s) => keyEntry(s, now)),
    findings: new LazyList(report.findings, (f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      keyArn: f.keyArn,
      subject: f.subjectId,
      address: f.address,
      location: f.location,
      // The line in the base revision, for a finding the change's deletion left without one.
      baseLocation: f.baseLocation ?? null,
      fingerprint: f.fingerprint
    })),
    suppressed: new LazyList(report.suppressed, (f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      keyArn: f.keyArn,
      subject: f.subjectId,
      address: f.address,
      reason: f.suppression.reason,
      by: f.suppression.by,
      fingerprint: f.fingerprint
    })),
    errors: report.errors,
    summary: report.summary,
    stats: report.stats
  };
  yield* jsonPieces(doc, 2);
  yield "\n";
}
function keyEntry(subject, now) {
  const usage = subject.usage;
  return {
    id: subject.id,
    arn: subject.arn,
    region: subject.region,
    account: subject.account,
    aliases: subject.aliases,
    state: subject.key?.state ?? null,
    manager: subject.key?.manager ?? null,
    createdAt: subject.key?.createdAt ?? null,
    multiRegion: subject.key?.multiRegion ?? null,
    usage: usage && {
      status: usage.status,
      lastUsedAt: usage.lastUsedAt,
      operation: usage.operation,
      region: usage.region,
      daysSinceLastUse: wholeDaysSince(usage.lastUsedAt, now),
      cloudTrailEventId: usage.cloudTrailEventId,
      kmsRequestId: usage.kmsRequestId,
      trackingStartDate: usage.trackingStartDate,
      daysTracked: wholeDaysSince(usage.evidenceSince, now),
      reason: usage.reason,
      members: usage.members.map((m) => ({
        arn: m.arn,
        region: m.region,
        status: m.status,
        lastUsedAt: m.lastUsedAt,
        operation: m.operation,
        cloudTrailEventId: m.cloudTrailEventId,
        reason: m.reason
      }))
    },
    trail: subject.trail && trailEntry(subject.trail, now),
    change: subject.change,
    references: subject.references.map((r) => ({
      source: r.source,
      kind: r.kind,
      file: r.file,
      address: r.address,
      attribute: r.attribute,
      location: r.location,
      baseLocation: r.baseLocation ?? null
    }))
  };
}
function trailEntry(trail, now) {
  const until = trail.until === null ? null : new Date(trail.until);
  return {
    status: trail.status,
    reason: trail.reason,
    since: trail.since,
    until: trail.until,
    windowDays: until === null ? null : wholeDaysSince(trail.since, until),
    events: trail.events,
    unreadableEvents: trail.unreadableEvents,
    failedUses: trail.failedUses,
    lastFailedUse: trail.lastFailedUse,
    callers: trail.callers,
    disabledAt: trail.disabledAt,
    daysDisabled: wholeDaysSince(trail.disabledAt, now),
    enabledAt: trail.enabledAt,
    deletionScheduledAt: trail.deletionScheduledAt,
    deletionCancelledAt: trail.deletionCancelledAt
  };
}

// src/report/place.ts
import { isAbsolute, relative, resolve } from "node:path";
function subjectsById(report) {
  return new Map(report.subjects.map((s) => [s.id, s]));
}
function findingPlace(finding, subject, options = {}) {
  if (finding.location) return { ...finding.location, relative: true };
  const located = subject?.references.find((r) => r.location !== null)?.location;
  if (located) return { ...located, relative: true };
  const input = subject?.references.find((r) => r.source !== "explicit")?.file;
  if (input !== void 0) return { ...inputPath(input, options), line: null };
  const inventory = subject?.references.length === 0 ? options.inventoryFile : null;
  return inventory ? { ...inputPath(inventory, options), line: null } : null;
}
function findingInput(finding, subject, options = {}) {
  const fromFiles = subject?.references.filter((r) => r.source !== "explicit") ?? [];
  const declaring = fromFiles.find((r) => finding.address !== null && r.address === finding.address) ?? fromFiles[0];
  if (declaring === void 0) return "--key";
  const path = inputPath(declaring.file, options);
  return path.relative ? path.file : path.file.split("/").at(-1) ?? path.file;
}
function inputPath(file, options) {
  const slashed = file.replace(/\\/g, "/");
  if (options.cwd !== void 0 && options.repoRoot) {
    const inRepo = relative(options.repoRoot, resolve(options.cwd, file)).replace(/\\/g, "/");
    if (inRepo !== "" && !isOutside(inRepo) && !isAbsolute(inRepo)) {
      return { file: inRepo, relative: true };
    }
  }
  if (isAbsolute(file)) return { file: slashed, relative: false };
  const plain = slashed.replace(/^(\.\/)+/, "");
  return { file: plain, relative: !isOutside(plain) };
}
function isOutside(path) {
  return path === ".." || path.startsWith("../");
}
function keyName(finding, subject) {
  return finding.address ?? subject?.change?.address ?? subject?.aliases[0] ?? finding.keyArn ?? subject?.arn ?? finding.subjectId;
}

// src/report/words.ts
function severityCounts(summary, digits = String) {
  const counts = [
    [summary.error, "error"],
    [summary.warning, "warning"],
    [summary.notice, "notice"]
  ];
  return counts.filter(([n]) => n > 0).map(([n, word]) => plural(n, word, { digits }));
}
function outOfScopeWords(stats2) {
  const n = stats2.keysOutOfScope;
  return n > 0 ? `${n} out of scope (the change does not touch them)` : null;
}

// src/report/formats/escape.ts
var MARKDOWN_TEXT_LIMIT = 1e3;
var ELLIPSIS = "\u2026";
function truncate(text, maxLength) {
  if (text.length <= maxLength) return text;
  let end = Math.max(0, maxLength - ELLIPSIS.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var CONTROL = new RegExp("\\p{Cc}", "gu");
var INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
function flatten(text) {
  return text.replace(CONTROL, " ").replace(INVISIBLE, "\uFFFD");
}
var MENTION = /@(?=[\p{L}\p{N}_])/gu;
var ISSUE_REFERENCE = /#(?=\d)/g;
var BLOCK_START = /^(?:(#)(?=#{0,5}(?:\s|$))|(>)|([-+])(?=\s|$|(?:\s*[-+]){2})|\d{1,9}([.)])(?=\s|$))/;
var ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
var WORD = /[\p{L}\p{N}]/u;
function escapeAt(text, i) {
  const char = text[i];
  const before = text[i - 1] ?? "";
  const after = text[i + 1] ?? "";
  switch (char) {
    case "\\":
      return after === "" || ASCII_PUNCTUATION.test(after) ? "\\\\" : char;
    case "`":
    // code spans
    case "*":
    // emphasis
    case "~":
    // strikethrough
    case "<":
    // HTML, autolinks
    case "|":
    // table cells: harmless elsewhere, and text moves between cells and lines
    case "$":
      return `\\${char}`;
    case "_":
      return WORD.test(before) && WORD.test(after) ? char : `\\${char}`;
    case "]":
      return after !== "" && "([:".includes(after) ? `\\${char}` : char;
    case "&":
      return /^&#?[a-z0-9]+;/i.test(text.slice(i, i + 34)) ? `\\${char}` : char;
    case ":":
      return text.startsWith("//", i + 1) ? `\\${char}` : char;
    case ".":
      return /www$/i.test(text.slice(Math.max(0, i - 3), i)) ? `\\${char}` : char;
    default:
      return char;
  }
}
function escapeMarkdown(text, options = {}) {
  const flat = flatten(truncate(text, options.maxLength ?? MARKDOWN_TEXT_LIMIT));
  let out = "";
  for (let i = 0; i < flat.length; i++) out += escapeAt(flat, i);
  const block = BLOCK_START.exec(out);
  if (block !== null) {
    const index = block.slice(1).findIndex((group) => group !== void 0);
    const at = block[0].length - block[index + 1].length;
    out = `${out.slice(0, at)}\\${out.slice(at)}`;
  }
  return out.replace(MENTION, "@\u200B").replace(ISSUE_REFERENCE, "#\u200B").replace(/##\[/g, "#\\#[").replace(/^(\s*):(?=:)/, "$1\\:");
}
function codeSpan(text, options = {}) {
  let body = flatten(truncate(text, options.maxLength ?? MARKDOWN_TEXT_LIMIT));
  if (body === "") body = " ";
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(body) && body.trim() !== "" ? " " : "";
  if (options.table) body = body.replace(/\|/g, "\\|");
  body = breakLegacyCommands(body);
  return `${fence}${pad}${body}${pad}${fence}`;
}

// src/report/formats/markdown.ts
var MARKDOWN_MARKER = "<!-- kms-usage-lint -->";
var COMMENT_BODY_LIMIT = 65536;
var VERDICT_RULES = 5;
var VERDICT_DESCRIPTION_LIMIT = 300;
var REASON_LIMIT = 300;
var HELP_LIMIT = 4e3;
var ICON = { error: "\u274C", warning: "\u26A0\uFE0F", notice: "\u2139\uFE0F" };
function formatMarkdown(report, options = {}) {
  const maxLength = options.maxLength ?? COMMENT_BODY_LIMIT;
  const measure = options.measure ?? utf16Length;
  const size = (lines) => linesSize(lines, measure);
  const where = options.fullReport ?? "the job summary and the JSON report";
  const subjects = subjectsById(report);
  const rules = new Map((options.rules ?? []).map((rule) => [rule.id, rule]));
  const head = [
    MARKDOWN_MARKER,
    "",
    headline(report),
    "",
    ...verdictRules(report, rules),
    stats(report)
  ];
  const tail = [
    "",
    `<sub>${escapeMarkdown(`${report.tool.name} ${report.tool.version}`)} \xB7 evaluated ${escapeMarkdown(report.evaluatedAt)}</sub>`
  ];
  const sections = [
    findingsSection(report, subjects, options, where),
    errorsSection(report, where),
    suppressedSection(report, subjects, options, where),
    keysSection(report, where),
    rulesSection(report, rules)
  ].filter((section) => section !== null);
  const out = [...head];
  let left = maxLength - size(head) - size(tail);
  sections.forEach((section, i) => {
    const reserved = sections.slice(i + 1).reduce((sum, s) => sum + size(["", s.more(s.rows.length, true)]), 0);
    const lines = fitRows(section, left - reserved, measure);
    out.push(...lines);
    left -= size(lines);
  });
  out.push(...tail);
  const text = `${out.join("\n")}
`;
  if (measure(text) <= maxLength) return text;
  return truncate(text, measure === utf16Length ? maxLength : Math.floor(maxLength / 3));
}
function utf16Length(text) {
  return text.length;
}
function utf8Length(text) {
  return Buffer.byteLength(text, "utf8");
}
function linesSize(lines, measure) {
  return lines.reduce((sum, line) => sum + measure(line) + 1, 0);
}
function fitRows(section, budget, measure) {
  const size = (lines) => linesSize(lines, measure);
  const whole = [...section.open, ...section.rows, ...section.close];
  if (size(whole) <= budget) return whole;
  const note = (n, all) => ["", section.more(n, all)];
  let room = budget - size(section.open) - size(section.close) - size(note(section.rows.length, false));
  const kept = [];
  for (const row2 of section.rows) {
    const rowSize = measure(row2) + 1;
    if (rowSize > room) break;
    kept.push(row2);
    room -= rowSize;
  }
  if (kept.length === 0) {
    const none = note(section.rows.length, true);
    return size(none) <= budget ? none : [];
  }
  return [
    ...section.open,
    ...kept,
    ...note(section.rows.length - kept.length, false),
    ...section.close
  ];
}
function findingMarker(fingerprint) {
  return `<!-- kms-usage-lint:finding ${fingerprint} -->`;
}
function markedFingerprint(body) {
  return /^<!-- kms-usage-lint:finding ([0-9a-f]{1,64}) -->/.exec(body)?.[1] ?? null;
}
function formatFindingComment(finding, report, options = {}) {
  const subject = subjectsById(report).get(finding.subjectId);
  const rule = (options.rules ?? []).find((r) => r.id === finding.ruleId);
  const lines = [
    findingMarker(finding.fingerprint),
    `${ICON[finding.severity]} **${finding.severity}** \xB7 ${codeSpan(finding.ruleId)} \xB7 ${keyCell(finding, subject, false)}`,
    "",
    escapeMarkdown(finding.message)
  ];
  if (rule?.help) {
    lines.push(
      "",
      "<details>",
      "<summary>What to do</summary>",
      "",
      escapeMarkdown(rule.help, { maxLength: HELP_LIMIT }),
      "</details>"
    );
  }
  lines.push("", `<sub>${escapeMarkdown(`${report.tool.name} ${report.tool.version}`)}</sub>`);
  return `${lines.join("\n")}
`;
}
function headline(report) {
  const { error, warning, keys } = report.summary;
  const checked = plural2(keys, "key");
  const counts = severityCounts(report.summary, grouped);
  if (counts.length > 0) {
    const icon = ICON[error > 0 ? "error" : warning > 0 ? "warning" : "notice"];
    return `### ${icon} kms-usage-lint: ${listWords(counts)} in ${checked}`;
  }
  if (report.errors.length > 0) {
    return `### \u26A0\uFE0F kms-usage-lint: no problems found in ${checked}, but not everything could be checked`;
  }
  return `### \u2705 kms-usage-lint: no problems in ${checked}`;
}
function verdictRules(report, rules) {
  const counts = /* @__PURE__ */ new Map();
  for (const finding of report.findings) {
    const seen = counts.get(finding.ruleId);
    if (seen) seen.count += 1;
    else counts.set(finding.ruleId, { severity: finding.severity, count: 1 });
  }
  const lines = [...counts].slice(0, VERDICT_RULES).map(([id, { severity, count }]) => {
    const description = rules.get(id)?.description;
    const what = description ? `${escapeMarkdown(description, { maxLength: VERDICT_DESCRIPTION_LIMIT })} (${codeSpan(id)}, ${plural2(count, "finding")})` : `${codeSpan(id)} (${plural2(count, "finding")})`;
    return `- ${ICON[severity]} ${what}`;
  });
  if (counts.size > VERDICT_RULES)
    lines.push(`- \u2026and ${plural2(counts.size - VERDICT_RULES, "more rule")}`);
  return lines.length > 0 ? [...lines, ""] : [];
}
function stats(report) {
  const parts = [`${plural2(report.summary.keys, "key")} checked`];
  const outOfScope = outOfScopeWords(report.stats);
  if (outOfScope !== null) parts.push(outOfScope);
  if (report.summary.suppressed > 0) parts.push(`${report.summary.suppressed} suppressed`);
  if (report.errors.length > 0) parts.push(`${report.errors.length} could not be checked`);
  return parts.join(" \xB7 ");
}
function findingsSection(report, subjects, options, where) {
  if (report.findings.length === 0) return null;
  return {
    open: ["", "| Severity | Key | Evidence | Where | Rule |", "| --- | --- | --- | --- | --- |"],
    rows: report.findings.map((finding) => {
      const subject = subjects.get(finding.subjectId);
      return row([
        `${ICON[finding.severity]} ${finding.severity}`,
        keyCell(finding, subject),
        escapeMarkdown(finding.message),
        whereCell(finding, subject, options),
        codeSpan(finding.ruleId, { table: true })
      ]);
    }),
    close: [],
    more: (n, all) => all ? `${plural2(n, "finding")} not listed here, to stay within GitHub's size limit; the full list is in ${where}.` : `\u2026and ${plural2(n, "more finding")}; the full list is in ${where}.`
  };
}
function errorsSection(report, where) {
  if (report.errors.length === 0) return null;
  return {
    open: ["", "#### \u26A0\uFE0F Could not check", ""],
    rows: report.errors.map(
      (error) => `- ${codeSpan(error.source)}: ${escapeMarkdown(error.message)}`
    ),
    close: [],
    more: (n, all) => all ? `${plural2(n, "problem")} checking inputs or keys, not listed here; see ${where}.` : `- \u2026and ${n} more; see ${where}.`
  };
}
function suppressedSection(report, subjects, options, where) {
  if (report.suppressed.length === 0) return null;
  const count = plural2(report.suppressed.length, "suppressed finding");
  return {
    open: [
      "",
      "<details>",
      `<summary>${count}</summary>`,
      "",
      "| Severity | Key | Rule | Reason | Suppressed by |",
      "| --- | --- | --- | --- | --- |"
    ],
    rows: report.suppressed.map((finding) => {
      const subject = subjects.get(finding.subjectId);
      return row([
        `${ICON[finding.severity]} ${finding.severity}`,
        keyCell(finding, subject),
        codeSpan(finding.ruleId, { table: true }),
        escapeMarkdown(finding.suppression.reason, { maxLength: REASON_LIMIT }),
        suppressedBy(finding, subject, options)
      ]);
    }),
    close: ["", "</details>"],
    more: (n, all) => all ? `${count}, not listed here to stay within GitHub's size limit; see ${where}.` : `\u2026and ${plural2(n, "more suppressed finding")}; see ${where}.`
  };
}
function keysSection(report, where) {
  if (report.subjects.length === 0) return null;
  const count = `${plural2(report.subjects.length, "key")} checked`;
  return {
    open: [
      "",
      "<details>",
      `<summary>${count}</summary>`,
      "",
      "| Key | ARN | Usage | Last used | Change |",
      "| --- | --- | --- | --- | --- |"
    ],
    rows: report.subjects.map(
      (subject) => row([
        subjectCell(subject),
        subject.arn ? codeSpan(subject.arn, { table: true }) : subject.id.startsWith("planned:") ? "not created yet" : "\u2014",
        usageCell(subject),
        lastUsedCell(subject),
        changeCell(subject)
      ])
    ),
    close: ["", "</details>"],
    more: (n, all) => all ? `${count}, not listed here to stay within GitHub's size limit; see ${where}.` : `\u2026and ${plural2(n, "more key")}; see ${where}.`
  };
}
function rulesSection(report, rules) {
  const fired = [...new Set(report.findings.map((f) => f.ruleId))].map((id) => rules.get(id)).filter((rule) => rule !== void 0 && rule.help !== null);
  if (fired.length === 0) return null;
  return {
    open: ["", "<details>", "<summary>What the rules check, and what to do</summary>", ""],
    rows: fired.map(
      (rule) => `${codeSpan(rule.id)} \u2014 ${escapeMarkdown(rule.description)}

${escapeMarkdown(rule.help ?? "", { maxLength: HELP_LIMIT })}
`
    ),
    close: ["</details>"],
    more: (n, all) => all ? `The help of ${plural2(n, "rule")} is not shown here, to stay within GitHub's size limit.` : `\u2026and the help of ${plural2(n, "more rule")}.`
  };
}
function row(cells) {
  return `| ${cells.join(" | ")} |`;
}
function keyCell(finding, subject, table = true) {
  const name = keyName(finding, subject);
  const alias = subject?.aliases.find((a) => a !== name);
  const cell = codeSpan(name, { table, maxLength: 300 });
  return alias ? `${cell} \xB7 ${codeSpan(alias, { table, maxLength: 300 })}` : cell;
}
function whereCell(finding, subject, options) {
  const place = findingPlace(finding, subject, options);
  const base = finding.location === null ? finding.baseLocation : void 0;
  if (base && (place === null || place.line === null)) {
    return `${codeSpan(`${base.file}:${base.line}`, { table: true, maxLength: 300 })} (deleted)`;
  }
  if (!place) return "\u2014";
  return codeSpan(place.line === null ? place.file : `${place.file}:${place.line}`, {
    table: true,
    maxLength: 300
  });
}
function suppressedBy(finding, subject, options) {
  if (finding.suppression.by === "config") return "config";
  const place = findingPlace(finding, subject, options);
  return place?.line ? `inline, ${whereCell(finding, subject, options)}` : "inline";
}
function subjectCell(subject) {
  const name = subject.change?.address ?? subject.references.find((r) => r.kind === "key")?.address ?? subject.references[0]?.address ?? null;
  const alias = subject.aliases[0];
  const parts = [name, alias].filter((part) => typeof part === "string");
  if (parts.length === 0) return "\u2014";
  return parts.map((part) => codeSpan(part, { table: true, maxLength: 300 })).join(" \xB7 ");
}
function usageCell(subject) {
  const usage = subject.usage;
  if (!usage) return "\u2014";
  if (usage.reason === null) return usage.status;
  return `${usage.status}: ${escapeMarkdown(usage.reason, { maxLength: REASON_LIMIT })}`;
}
function lastUsedCell(subject) {
  const usage = subject.usage;
  if (!usage) return "\u2014";
  if (usage.lastUsedAt === null) return usage.status === "unused" ? "never" : "\u2014";
  const how = [usage.operation, usage.region].filter((part) => part !== null);
  const day = usage.lastUsedAt.slice(0, 10);
  return escapeMarkdown(how.length > 0 ? `${day} (${how.join(", ")})` : day);
}
function changeCell(subject) {
  const change = subject.change;
  if (!change) return "\u2014";
  const window = change.deletionWindowDays === null ? "" : `, ${change.deletionWindowDays}-day window`;
  return escapeMarkdown(`${change.action}${window}${change.disables ? ", disables it" : ""}`);
}
function grouped(n) {
  return n.toLocaleString("en-US");
}
function plural2(n, word) {
  return plural(n, word, { digits: grouped });
}

// src/report/formats/sarif.ts
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var SARIF_MAX_RESULTS = 25e3;
var RULE_NAME_LIMIT = 255;
var RULE_DESCRIPTION_LIMIT = 1024;
var MESSAGE_LIMIT = 4096;
var HELP_LIMIT2 = 2e4;
var FINGERPRINT_KEY = "kmsUsageLint/v1";
var SECURITY_SEVERITY = {
  error: "8.0",
  warning: "5.5",
  notice: "2.0"
};
var LEVEL = {
  error: "error",
  warning: "warning",
  notice: "note"
};
var PROBLEM_SEVERITY = {
  error: "error",
  warning: "warning",
  notice: "recommendation"
};
function formatSarif(report, options = {}) {
  return [...formatSarifPieces(report, options)].join("");
}
function* formatSarifPieces(report, options = {}) {
  const listed = [
    ...report.findings,
    ...options.includeSuppressed ? report.suppressed : []
  ];
  const { placed, unplaced } = placeFindings(report, listed, options);
  const kept = placed.slice(0, SARIF_MAX_RESULTS);
  const rules = ruleDescriptors(options.rules ?? [], listed);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const notifications = runNotifications(report, options, {
    unplaced,
    overLimit: placed.length - kept.length
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            informationUri: TOOL_HOMEPAGE,
            version: report.tool.version,
            ...SEMVER.test(report.tool.version) ? { semanticVersion: report.tool.version } : {},
            rules: rules.map(descriptor)
          }
        },
        ...automationDetails(options.category),
        // Where `%SRCROOT%` is: the consumer's checkout (upload-sarif's `checkout_path`).
        // No absolute URI, so the file reads the same on every machine.
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: "The root of the repository checkout." } }
        },
        invocations: [
          {
            executionSuccessful: true,
            ...notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}
          }
        ],
        results: new LazyList(
          kept,
          ({ finding, subject, place }) => result(finding, subject, place, ruleIndex, options)
        ),
        // How much this run looked at: code scanning shows no alert for a key out of scope.
        properties: {
          keysChecked: report.summary.keys,
          scope: report.stats.scope,
          keysOutOfScope: report.stats.keysOutOfScope,
          usageCallsSaved: report.stats.usageCallsSaved
        }
      }
    ]
  };
  yield* jsonPieces(log, 4);
  yield "\n";
}
function placeFindings(report, listed, options) {
  const subjects = subjectsById(report);
  const anchor = anchorPlace(options);
  const placed = listed.flatMap((finding) => {
    const subject = subjects.get(finding.subjectId);
    const place = inRepository(findingPlace(finding, subject, options)) ?? anchor;
    return place === null ? [] : [{ finding, subject, place }];
  });
  return { placed, unplaced: listed.length - placed.length };
}
function runNotifications(report, options, left) {
  const notifications = report.errors.map((error) => ({
    level: "warning",
    message: { text: sarifText(repositoryText(`${error.source}: ${error.message}`, options)) }
  }));
  if (left.unplaced > 0) {
    notifications.push({
      level: "warning",
      message: {
        text: `${plural(left.unplaced, "finding")} ${left.unplaced === 1 ? "was" : "were"} left out: code scanning shows a result only on a file of the repository, and none was at hand for them (keys named only with --key, inputs outside the checkout, and no workflow or rules file in it). Name a rules file with --config to show them there; the JSON report has them all.`
      }
    });
  }
  if (left.overLimit > 0) {
    notifications.push({
      level: "warning",
      message: {
        text: `${plural(left.overLimit, "more finding")} ${left.overLimit === 1 ? "was" : "were"} left out: code scanning rejects a run with more than ${SARIF_MAX_RESULTS} results. The JSON report has them all.`
      }
    });
  }
  return notifications;
}
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function automationDetails(category) {
  const name = category?.trim();
  if (!name) return {};
  return { automationDetails: { id: name.endsWith("/") ? name : `${name}/` } };
}
var SRCROOT = "%SRCROOT%";
function inRepository(place) {
  return place?.relative ? place : null;
}
function anchorPlace(options) {
  for (const file of options.anchorFiles ?? []) {
    const path = inputPath(file, options);
    if (path.relative) return { ...path, line: null };
  }
  return null;
}
function repositoryText(text, options) {
  const slashed = (path) => path.replace(/\\/g, "/").replace(/\/+$/, "");
  const root = options.repoRoot ? slashed(options.repoRoot) : null;
  const cwd = options.cwd !== void 0 ? slashed(options.cwd) : null;
  let out = text;
  if (cwd !== null && cwd !== "" && cwd !== root) {
    const inRepo = root !== null && cwd.startsWith(`${root}/`) ? cwd.slice(root.length + 1) : null;
    out = out.split(`${cwd}/`).join(inRepo === null ? "" : `${inRepo}/`);
  }
  if (root !== null && root !== "") out = out.split(`${root}/`).join("");
  return out;
}
function ruleDescriptors(rules, findings) {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const finding of findings) {
    if (!byId.has(finding.ruleId)) {
      byId.set(finding.ruleId, {
        id: finding.ruleId,
        severity: finding.severity,
        description: finding.ruleId,
        help: null
      });
    }
  }
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}
function descriptor(rule) {
  const description = truncate(oneLine(rule.description), RULE_DESCRIPTION_LIMIT);
  return {
    id: rule.id,
    name: truncate(pascalCase(rule.id), RULE_NAME_LIMIT),
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: {
      text: truncate(rule.help ?? rule.description, HELP_LIMIT2),
      // Rules files can come from the pull request under review: their text is data.
      markdown: [
        `**${escapeMarkdown(rule.description, { maxLength: RULE_DESCRIPTION_LIMIT })}**`,
        ...rule.help === null ? [] : [escapeMarkdown(rule.help, { maxLength: HELP_LIMIT2 })]
      ].join("\n\n")
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ["security", "kms"],
      precision: "high",
      "security-severity": SECURITY_SEVERITY[rule.severity],
      "problem.severity": PROBLEM_SEVERITY[rule.severity]
    }
  };
}
function result(finding, subject, place, ruleIndex, options) {
  const name = keyName(finding, subject);
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
    level: LEVEL[finding.severity],
    message: { text: sarifText(truncate(finding.message, MESSAGE_LIMIT)) },
    locations: [
      {
        physicalLocation: physicalLocation(place),
        logicalLocations: [{ fullyQualifiedName: truncate(name, MESSAGE_LIMIT), kind: "resource" }]
      }
    ],
    // Our own identity for the result, independent of lines (sarifFingerprint). Code
    // scanning matches alerts by the `primaryLocationLineHash` that upload-sarif adds.
    partialFingerprints: {
      [FINGERPRINT_KEY]: sarifFingerprint(finding, findingInput(finding, subject, options))
    },
    ..."suppression" in finding ? {
      suppressions: [
        {
          kind: finding.suppression.by === "inline" ? "inSource" : "external",
          justification: finding.suppression.reason
        }
      ]
    } : {},
    properties: {
      key: finding.subjectId,
      ...finding.keyArn !== null ? { keyArn: finding.keyArn } : {},
      ...finding.address !== null ? { address: finding.address } : {}
    }
  };
}
function physicalLocation(place) {
  const line = Math.max(1, place.line ?? 1);
  const region = {
    startLine: line,
    ...place.column !== void 0 ? { startColumn: place.column } : {}
  };
  return { artifactLocation: { uri: encodePath(place.file), uriBaseId: SRCROOT }, region };
}
function encodePath(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function sarifText(text) {
  return text.replace(/[^\P{Cc}\n]/gu, " ").replace(/[[\]]/g, "\\$&");
}
function oneLine(text) {
  return text.replace(new RegExp("\\p{Cc}+", "gu"), " ");
}
function pascalCase(id) {
  return id.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}

// src/report/formats/text.ts
var ANSI = {
  reset: "\x1B[0m",
  red: "\x1B[31m",
  yellow: "\x1B[33m",
  blue: "\x1B[34m",
  dim: "\x1B[2m",
  bold: "\x1B[1m",
  underline: "\x1B[4m"
};
var SEVERITY_COLOR = {
  error: ANSI.red,
  warning: ANSI.yellow,
  notice: ANSI.blue
};
function formatText(report, options) {
  const paint = (code, text) => options.color ? `${code}${text}${ANSI.reset}` : text;
  const out = [];
  for (const [file, findings] of groupByFile(report)) {
    out.push(paint(ANSI.underline, oneLine2(file)));
    const places = findings.map(
      (f) => oneLine2(String((f.location ?? f.baseLocation)?.line ?? f.address ?? "-"))
    );
    const width = Math.max(...places.map((p) => p.length));
    findings.forEach((f, i) => {
      const where = paint(ANSI.dim, (places[i] ?? "").padEnd(width));
      const severity = paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7));
      out.push(`  ${where}  ${severity}  ${oneLine2(f.message)}  ${paint(ANSI.dim, f.ruleId)}`);
    });
    out.push("");
  }
  for (const error2 of report.errors) {
    out.push(
      `${paint(ANSI.yellow, "could not check")} ${oneLine2(error2.source)}: ${oneLine2(error2.message)}`
    );
  }
  if (report.errors.length > 0) out.push("");
  const { error, warning, notice, suppressed, keys } = report.summary;
  const total = error + warning + notice;
  const counts = `${plural(error, "error")}, ${plural(warning, "warning")}, ${plural(notice, "notice")}`;
  const saved = report.stats.usageCallsSaved;
  const scope = outOfScopeWords(report.stats);
  const tail = `${plural(keys, "key")} checked${scope === null ? "" : `, ${scope}`}, ${suppressed} suppressed${saved > 0 ? `, ${plural(saved, "GetKeyLastUsage call")} saved` : ""}`;
  const headline2 = total === 0 ? paint(ANSI.bold, `\u2714 no problems (${tail})`) : paint(
    ANSI.bold + (error > 0 ? ANSI.red : ANSI.yellow),
    `\u2716 ${plural(total, "problem")} (${counts}); ${tail}`
  );
  out.push(headline2);
  return `${out.join("\n")}
`;
}
function groupByFile(report) {
  const firstFiles = /* @__PURE__ */ new Map();
  for (const subject of report.subjects) {
    const file = subject.references[0]?.file;
    if (file !== void 0) firstFiles.set(subject.id, file);
    else if (firstFiles.size > 0) firstFiles.delete(subject.id);
  }
  const groups = /* @__PURE__ */ new Map();
  for (const f of report.findings) {
    const base = f.location === null ? f.baseLocation : void 0;
    const file = f.location?.file ?? (base ? `${base.file} (base revision, deleted lines)` : void 0) ?? firstFiles.get(f.subjectId) ?? "(no file)";
    const list2 = groups.get(file) ?? [];
    list2.push(f);
    groups.set(file, list2);
  }
  return [...groups].sort(([a], [b]) => compareText(a, b));
}
function oneLine2(text) {
  return escapeLogText(text);
}

// src/report/formats/workflow-commands.ts
var ANNOTATIONS_PER_SEVERITY = 10;
var MESSAGE_LIMIT2 = 21e3;
var TITLE_LIMIT = 255;
var COMMAND = { error: "error", warning: "warning", notice: "notice" };
function formatWorkflowCommands(report) {
  const findings = [...report.findings].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
  );
  const of = (severity) => findings.filter((f) => f.severity === severity);
  const errors = of("error");
  const warnings = of("warning");
  const notices = of("notice");
  const problems = report.errors.map(
    (error) => command(
      "warning",
      { title: "kms-usage-lint could not check" },
      `${error.source}: ${error.message}`
    )
  );
  const hidden = {
    error: Math.max(0, errors.length - ANNOTATIONS_PER_SEVERITY),
    warning: Math.max(0, problems.length + warnings.length - ANNOTATIONS_PER_SEVERITY),
    notice: Math.max(0, notices.length - ANNOTATIONS_PER_SEVERITY)
  };
  const overflow = hidden.error + hidden.warning + hidden.notice > 0;
  if (overflow) hidden.notice = Math.max(0, notices.length - (ANNOTATIONS_PER_SEVERITY - 1));
  const lines = [
    ...errors.map(annotation),
    ...problems,
    ...warnings.map(annotation),
    ...overflow ? [overflowNotice(hidden)] : [],
    ...notices.map(annotation)
  ];
  return lines.length > 0 ? `${lines.join("\n")}
` : "";
}
function annotation(finding) {
  const where = finding.location ? { file: finding.location.file, line: String(finding.location.line) } : {};
  return command(COMMAND[finding.severity], { title: finding.ruleId, ...where }, finding.message);
}
function overflowNotice(hidden) {
  const counts = SEVERITIES.filter((s) => hidden[s] > 0).map((s) => plural(hidden[s], `more ${s}`));
  const what = listWords(counts);
  const total = SEVERITIES.reduce((sum, s) => sum + hidden[s], 0);
  return command(
    "notice",
    { title: "kms-usage-lint: more findings than annotations" },
    `GitHub shows ${ANNOTATIONS_PER_SEVERITY} annotations of each severity per step: ${what} ${total === 1 ? "is" : "are"} only in this step's log.`
  );
}
function command(name, properties, message) {
  const props = Object.entries(properties).filter(([, value]) => value !== "").map(
    ([key, value]) => `${key}=${escapeProperty(clean(key === "title" ? truncate(value, TITLE_LIMIT) : value))}`
  ).join(",");
  return `::${name}${props ? ` ${props}` : ""}::${escapeData(clean(truncate(message, MESSAGE_LIMIT2)))}`;
}
function clean(text) {
  return breakLegacyCommands(escapeInvisible(text.replace(/[^\P{Cc}\r\n]/gu, " ")));
}

export {
  withDefaultRegion,
  SILENT_LOGGER,
  cliLogger,
  actionsLogger,
  formatJson,
  formatJsonPieces,
  subjectsById,
  findingPlace,
  severityCounts,
  truncate,
  escapeMarkdown,
  MARKDOWN_MARKER,
  formatMarkdown,
  utf8Length,
  markedFingerprint,
  formatFindingComment,
  formatSarif,
  formatSarifPieces,
  formatText,
  MESSAGE_LIMIT2 as MESSAGE_LIMIT,
  TITLE_LIMIT,
  formatWorkflowCommands
};
