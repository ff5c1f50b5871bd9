/**
 * `--scope` and the Action's `scope`: the CLI evaluates every key unless told; the
 * Action asks a pull request only about what it changes, and anything else about all.
 */
import { describe, expect, it } from "vitest";
import { actionConfig } from "../../src/config/action-inputs.js";
import { parseArgs } from "../../src/config/cli-args.js";

function cli(argv: string[]) {
  let help = "";
  const parsed = parseArgs(argv, "0.0.0-test", {
    stdout: (text) => {
      help += text;
    },
    stderr: () => {},
  });
  return { parsed, help };
}

const scopeOf = (argv: string[]) => {
  const { parsed } = cli(argv);
  if (parsed.command !== "check" && parsed.command !== "snapshot") throw new Error("no config");
  return parsed.config.scope;
};

describe("--scope", () => {
  it("is all unless given, and takes changed", () => {
    expect(scopeOf(["plan.json"])).toBe("all");
    expect(scopeOf(["check", "plan.json", "--scope", "changed"])).toBe("changed");
    expect(scopeOf(["check", "plan.json", "--scope", "all"])).toBe("all");
  });

  it("refuses another value, naming the choices", () => {
    expect(() => cli(["check", "--scope", "touched"])).toThrow(
      /--scope <scope>' argument 'touched' is invalid. Allowed choices are changed, all/,
    );
  });

  it("is no option of snapshot, which records every key", () => {
    expect(scopeOf(["snapshot", "plan.json", "-o", "facts.json"])).toBe("all");
    expect(() => cli(["snapshot", "-o", "facts.json", "--scope", "changed"])).toThrow(
      /unknown option '--scope'/,
    );
  });

  it("is explained in check --help, --key's keys always in", () => {
    const { help } = cli(["check", "--help"]);
    expect(help).toMatch(/--scope <scope>/);
    expect(help).toMatch(/keys named with\s+--key/);
  });
});

describe("input scope", () => {
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? "";
  const scope = (eventName: string | null, value = "") =>
    actionConfig(inputs({ scope: value }), null, eventName).scope;

  it("defaults to changed on a pull request's events, all on any other or outside a workflow", () => {
    expect(scope("pull_request")).toBe("changed");
    expect(scope("pull_request_target")).toBe("changed");
    expect(scope("push")).toBe("all");
    expect(scope("schedule")).toBe("all");
    expect(scope("workflow_dispatch")).toBe("all");
    expect(scope(null)).toBe("all");
  });

  it("takes what the workflow says over the event's default", () => {
    expect(scope("pull_request", "all")).toBe("all");
    expect(scope("push", "changed")).toBe("changed");
  });
});

describe("input mode", () => {
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? "";
  const config = (values: Record<string, string>, eventName: string | null = "schedule") =>
    actionConfig(inputs(values), null, eventName);

  it("is check unless told: the keys the inputs reference", () => {
    expect(config({}).allKeys).toBe(false);
    expect(config({ mode: "check" }).allKeys).toBe(false);
  });

  it("inventory evaluates every key of the snapshot, in scope all even on a pull request", () => {
    const inventory = config({ mode: "inventory", facts: "kms-facts.json" }, "pull_request");
    expect(inventory.allKeys).toBe(true);
    expect(inventory.scope).toBe("all");
  });

  it("refuses another value, naming the choices", () => {
    expect(() => config({ mode: "audit" })).toThrow(
      'input mode: expected check, inventory, found "audit"',
    );
  });
});

describe("check --all-keys", () => {
  it("is off unless given", () => {
    const { parsed } = cli(["check", "--facts", "f.json"]);
    expect(parsed.command === "check" && parsed.config.allKeys).toBe(false);
    const all = cli(["check", "--all-keys", "--facts", "f.json"]).parsed;
    expect(all.command === "check" && all.config.allKeys).toBe(true);
  });
});
