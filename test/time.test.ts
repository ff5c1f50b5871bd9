import { describe, expect, it } from "vitest";
import { instantMs, parseIsoTimestamp, parseIsoValue, wholeDaysSince } from "../src/time.js";

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
