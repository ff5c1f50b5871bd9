/**
 * The formats the facts schema uses beyond ajv's own, for the validator the build
 * generates (scripts/validators.ts), which imports them from here at run time.
 */
import { parseIsoTimestamp } from "../time.js";

/** ajv format definitions by name. */
export const FACTS_FORMATS = {
  // The calendar-checked reading AWS answers get (answers.ts), not a looser regular expression.
  "date-time": {
    type: "string",
    validate: (text: string) => parseIsoTimestamp(text) !== null,
  },
} as const;
