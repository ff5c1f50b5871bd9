/**
 * Whether the text report on standard output is coloured: the flag, then the
 * environment conventions terminals and CI systems set, then the terminal itself.
 * The order is the one users expect from ESLint, Spectral and Checkov: what the
 * command line says beats what the environment says, and `FORCE_COLOR` (set on
 * purpose, often by a CI system that renders ANSI in its log) beats `NO_COLOR`
 * (a standing preference).
 */
import type { Environment } from "./region.js";

/** A colour level as chalk and supports-color number them: 0 none, 1 16 colours, 2 256, 3 true colour. */
export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * The level `FORCE_COLOR` asks for, read as supports-color reads it: `""` and
 * `true` are 1, `false` is 0, a number is that level (capped at 3); undefined when
 * the variable is unset or is no level at all (`FORCE_COLOR=yes`), which then decides nothing.
 */
export function forceColorLevel(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  if (value === "" || value === "true") return 1;
  if (value === "false") return 0;
  const level = Number.parseInt(value, 10);
  if (Number.isNaN(level) || level < 0) return undefined;
  return Math.min(level, 3) as ColorLevel;
}

/**
 * Colour or not: `flag` (`--color` true, `--no-color` false, neither null), else
 * `FORCE_COLOR` (level 0 off, 1–3 on), else `NO_COLOR` (set and not empty, as
 * no-color.org defines it: off), else whether stdout is a terminal. The report
 * uses 16 colours only, so every level from 1 up means the same.
 */
export function useColor(flag: boolean | null, env: Environment, stdoutIsTty: boolean): boolean {
  if (flag !== null) return flag;
  const forced = forceColorLevel(env.FORCE_COLOR);
  if (forced !== undefined) return forced > 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stdoutIsTty;
}
