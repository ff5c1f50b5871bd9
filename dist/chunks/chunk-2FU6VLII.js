import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);

// src/log-text.ts
var UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
var UNSAFE_IN_JSON = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu
);
var INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
var LEGACY_COMMAND = /##\[/g;
var LEADING_COMMAND = /^(\s*):(?=:)/u;
function escapeChar(char) {
  const named = NAMED[char];
  if (named !== void 0) return named;
  const code = char.codePointAt(0) ?? 0;
  return code > 65535 ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function escapeLogText(text) {
  return breakLegacyCommands(text.replace(UNSAFE, escapeChar)).replace(
    LEADING_COMMAND,
    "$1\\u003a"
  );
}
function escapeLogLines(text) {
  return text.split("\n").map(escapeLogText).join("\n");
}
function escapeInvisible(text) {
  return text.replace(INVISIBLE, escapeChar);
}
function breakLegacyCommands(text) {
  return text.replace(LEGACY_COMMAND, "#\\u0023[");
}
function escapeJsonText(json) {
  return breakLegacyCommands(json.replace(UNSAFE_IN_JSON, jsonEscapeChar));
}
function jsonEscapeChar(char) {
  let escaped = "";
  for (let i = 0; i < char.length; i++) {
    escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`;
  }
  return escaped;
}

// src/errors.ts
var InputError = class extends Error {
  constructor(message, file = null, line = null, options) {
    super(message, options);
    this.file = file;
    this.line = line;
  }
  file;
  line;
  name = "InputError";
  code = "input";
  /**
   * `file:line: message`, the way compilers and linters print it, on one line:
   * line breaks and other control characters from the input it quotes are
   * shown escaped (see log-text.ts).
   */
  describe() {
    if (this.file === null) return escapeLogText(this.message);
    const place = this.line === null ? this.file : `${this.file}:${this.line}`;
    return escapeLogText(`${place}: ${this.message}`);
  }
};
var NoInputsError = class extends InputError {
  name = "NoInputsError";
};
var EvidenceError = class extends Error {
  name = "EvidenceError";
  code = "evidence";
  kind = "evidence";
  constructor(message, options) {
    super(message, options);
  }
  /** One line: the cause (what was tried, where) and the way out; escaped like InputError's. */
  describe() {
    return escapeLogText(this.message);
  }
};
var NOT_EVALUATED = 2;
function describeFailure(error) {
  const stack = error instanceof Error && error.stack ? error.stack : null;
  if (error instanceof InputError || error instanceof EvidenceError) {
    return {
      code: error.code,
      message: `kms-usage-lint: ${error.describe()}`,
      exitCode: NOT_EVALUATED,
      stack
    };
  }
  return {
    code: "internal",
    message: `kms-usage-lint: internal error: ${escapeLogText(errorMessage(error))}. This is a bug; please report it with the stack trace (DEBUG=kms-usage-lint on the command line, step debug logging in a workflow).`,
    exitCode: NOT_EVALUATED,
    stack
  };
}
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  escapeLogText,
  escapeLogLines,
  escapeInvisible,
  breakLegacyCommands,
  escapeJsonText,
  InputError,
  NoInputsError,
  EvidenceError,
  describeFailure,
  errorMessage
};
