import { describe, expect, it } from "vitest";
import {
  instantMs,
  isoOfInstant,
  parseIsoTimestamp,
  parseIsoValue,
  wholeDaysSince,
} from "../src/time.js";

describe("parseIsoValue", () => {
  it.each([
    ["2026-01-31", Date.UTC(2026, 0, 31)],
    ["2024-02-29", Date.UTC(2024, 1, 29)],
    ["2026-01-31T12:30:00Z", Date.UTC(2026, 0, 31, 12, 30)],
    ["2026-01-31T12:30:15.250+02:00", Date.UTC(2026, 0, 31, 10, 30, 15, 250)],
  ])("reads %s", (text, ms) => {
    expect(parseIsoValue(text)).toBe(ms);
  });

  it.each([
    ["a day past the month's end", "2026-02-30"],
    ["February 29 outside a leap year", "2025-02-29"],
    ["a thirteenth month", "2026-13-01"],
    ["day zero", "2026-01-00"],
    ["a date-time without a zone", "2026-01-31T12:00:00"],
    ["what Date.parse takes but people do not mean", "March 7"],
    ["a bare number", "1"],
    ["the empty string", ""],
    ["hour 24", "2026-01-31T24:00:00Z"],
  ])("refuses %s", (_what, text) => {
    expect(parseIsoValue(text)).toBeNull();
  });
});

describe("parseIsoValue on the shapes AWS writes (read without the pattern)", () => {
  // What parseIsoValue did before it read these shapes by hand, verbatim: the pattern,
  // the calendar, Date.parse.
  const byPattern = (text: string): number | null => {
    const match =
      /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/.exec(
        text,
      );
    if (!match) return null;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const calendar = new Date(0);
    calendar.setUTCFullYear(year, month - 1, day);
    if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : ms;
  };
  const texts: string[] = [];
  for (const year of [
    "0000",
    "0099",
    "0100",
    "1900",
    "1970",
    "2000",
    "2024",
    "2025",
    "2100",
    "9999",
  ]) {
    for (let month = 0; month <= 13; month++) {
      for (const day of [0, 1, 28, 29, 30, 31, 32]) {
        const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        texts.push(`${date}T00:00:00Z`, `${date}T23:59:59.999Z`);
      }
    }
  }
  for (const time of ["24:00:00", "23:60:00", "23:00:60", "19:59:59", "2a:00:00", "00:00:0 "]) {
    texts.push(`2026-03-01T${time}Z`, `2026-03-01T${time}.500Z`);
  }
  texts.push(
    "2026-03-01T00:00:00.5Z",
    "2026-03-01T00:00:00.12Z",
    "2026-03-01T00:00:00.1234Z",
    "2026-03-01t00:00:00Z",
    "2026-03-01T00:00:00z",
    "2026-03-01T00:00:00,500Z",
    "2026/03/01T00:00:00Z",
    "+02026-03-01T00:00Z",
    "2026-03-01T00-00-00Z",
    "2026-3-01T00:00:00.00Z",
  );

  it.each(texts)("reads %s as the pattern and Date.parse do", (text) => {
    expect(parseIsoValue(text)).toBe(byPattern(text));
  });
});

describe("isoOfInstant", () => {
  it.each([
    "2026-03-01T00:00:00Z",
    "2026-03-01T23:59:59.999Z",
    "2024-02-29T12:00:00.000Z",
    "0100-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2026-03-01T12:00:00+02:00",
    "2026-03-01T12:00:00.5Z",
    "2026-03-01",
  ])("writes %s as Date#toISOString does", (text) => {
    const ms = parseIsoValue(text) as number;
    expect(isoOfInstant(text, ms)).toBe(new Date(ms).toISOString());
  });

  it("formats an instant read from epoch seconds, or not from the text given", () => {
    expect(isoOfInstant(1_772_323_200, 1_772_323_200_000)).toBe("2026-03-01T00:00:00.000Z");
    expect(isoOfInstant("2026-03-01T00:00:00Z", 0)).toBe("1970-01-01T00:00:00.000Z");
  });
});

describe("parseIsoTimestamp", () => {
  it("takes a zoned date-time and refuses a bare date", () => {
    expect(parseIsoTimestamp("2026-01-31T00:00:00Z")).toBe(Date.UTC(2026, 0, 31));
    expect(parseIsoTimestamp("2026-01-31")).toBeNull();
  });
});

describe("instantMs", () => {
  it("is NaN for nothing and for what is not a calendar date, so comparisons are false", () => {
    expect(instantMs(null)).toBeNaN();
    expect(instantMs(undefined)).toBeNaN();
    expect(instantMs("2026-02-30T00:00:00Z")).toBeNaN();
    expect(instantMs("2026-03-02T00:00:00.000Z")).toBe(Date.UTC(2026, 2, 2));
  });
});

describe("wholeDaysSince", () => {
  const now = new Date(Date.UTC(2026, 2, 2, 12));
  it("counts whole days, rounded down", () => {
    expect(wholeDaysSince("2026-03-01T13:00:00Z", now)).toBe(0);
    expect(wholeDaysSince("2026-02-28", now)).toBe(2);
  });
  it("is null for an absent date and for one not on the calendar", () => {
    expect(wholeDaysSince(null, now)).toBeNull();
    expect(wholeDaysSince("2026-02-30", now)).toBeNull();
  });
});
