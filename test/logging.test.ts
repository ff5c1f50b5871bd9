import { describe, expect, it } from "vitest";
import { actionsLogger, cliLogger, recordingLogger, SILENT_LOGGER } from "../src/logging.js";

function cli(options: { quiet: boolean; verbose: boolean }) {
  let stderr = "";
  const logger = cliLogger((text) => {
    stderr += text;
  }, options);
  logger.info("found plan.json");
  logger.warn("two keys");
  logger.debug("left alone");
  return stderr;
}

describe("cliLogger", () => {
  it("writes info and warnings a line each; notes only when verbose", () => {
    expect(cli({ quiet: false, verbose: false })).toBe("found plan.json\nwarning: two keys\n");
    expect(cli({ quiet: false, verbose: true })).toBe(
      "found plan.json\nwarning: two keys\nnote: left alone\n",
    );
  });

  it("says nothing when quiet, verbose or not", () => {
    expect(cli({ quiet: true, verbose: true })).toBe("");
  });

  it("escapes what a message quotes to one line", () => {
    let stderr = "";
    cliLogger(
      (t) => {
        stderr += t;
      },
      { quiet: false, verbose: false },
    ).warn("a\nwarning: forged");
    expect(stderr).toBe("warning: a\\nwarning: forged\n");
  });
});

describe("actionsLogger", () => {
  it("sends warnings to the runner's warning, the rest to info and debug", () => {
    const seen: string[] = [];
    const logger = actionsLogger({
      info: (m) => seen.push(`info ${m}`),
      warning: (m) => seen.push(`warning ${m}`),
      debug: (m) => seen.push(`debug ${m}`),
    });
    logger.info("a");
    logger.warn("b");
    logger.debug("c");
    expect(seen).toEqual(["info a", "warning b", "debug c"]);
  });
});

describe("recordingLogger", () => {
  it("keeps every message in order, by level", () => {
    const logger = recordingLogger();
    logger.warn("w1");
    logger.info("i1");
    logger.warn("w2");
    expect(logger.messages).toEqual([
      { level: "warn", message: "w1" },
      { level: "info", message: "i1" },
      { level: "warn", message: "w2" },
    ]);
    expect(logger.at("warn")).toEqual(["w1", "w2"]);
    expect(logger.at("debug")).toEqual([]);
  });
});

describe("SILENT_LOGGER", () => {
  it("cannot be changed by a caller", () => {
    expect(Object.isFrozen(SILENT_LOGGER)).toBe(true);
  });
});
