/**
 * Message templates (SPEC §4): `{{ path }}` inserts a fact. Lookups go only
 * through the fact catalog, never through property access, so a template
 * cannot reach `constructor`, `__proto__` or anything else but a fact.
 */
import {
  FACT_PATHS,
  type FactContext,
  type FactPath,
  type FactValue,
  getFact,
  isFactPath,
} from "./catalog.js";
import { RulesError, type RulesProblem } from "./errors.js";
import { didYouMean } from "./suggest.js";

/** A compiled message template. */
export interface Template {
  /** The fact paths the template inserts, in order of first use. */
  paths: FactPath[];
  render(ctx: FactContext): string;
}

/** A piece of the message: literal text, or what renders one fact. */
type Part = (ctx: FactContext) => string;

function literal(text: string): Part {
  return () => text;
}

function insert(path: FactPath): Part {
  return (ctx) => renderValue(getFact(path, ctx));
}

/** How a fact value reads in a message: dates as ISO dates, lists joined, null as `unknown`. */
export function renderValue(value: FactValue | null): string {
  if (value === null) return "unknown";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  return String(value);
}

/**
 * Compiles a template. `line`/`column` are where `text` starts in its file.
 * When `verbatim` is true, `text` is the exact source of one line (a plain or
 * quoted scalar without escapes), so a problem can point at its own column;
 * otherwise every problem points at `line`/`column`.
 *
 * @throws RulesError listing every unknown path and unterminated `{{`.
 */
export function compileTemplate(
  text: string,
  file: string,
  line: number,
  column: number,
  verbatim = true,
): Template {
  const problems: RulesProblem[] = [];
  const at = (index: number, message: string): void => {
    problems.push({ file, line, column: verbatim ? column + index : column, message });
  };
  const parts: Part[] = [];
  const paths: FactPath[] = [];
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf("{{", index);
    if (open === -1) {
      parts.push(literal(text.slice(index)));
      break;
    }
    if (open > index) parts.push(literal(text.slice(index, open)));
    const close = text.indexOf("}}", open + 2);
    if (close === -1) {
      at(open, "unterminated `{{` in message; close it with `}}`");
      break;
    }
    const path = text.slice(open + 2, close).trim();
    if (path === "") {
      at(open, "empty `{{}}` in message; put a fact path inside, like `{{key.arn}}`");
    } else if (isFactPath(path)) {
      parts.push(insert(path));
      if (!paths.includes(path)) paths.push(path);
    } else {
      at(open, `unknown fact \`${path}\` in message${didYouMean(path, FACT_PATHS)}`);
    }
    index = close + 2;
  }
  if (problems.length > 0) throw new RulesError(problems);
  return {
    paths,
    render: (ctx) => parts.map((part) => part(ctx)).join(""),
  };
}
