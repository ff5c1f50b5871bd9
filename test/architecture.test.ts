/**
 * The shape of the house (STYLE "The shape of the house", SPEC §1): every room
 * under src/ has a floor, and an import may only run down to a room it is
 * allowed to use. Reads every module's imports and fails on an arrow that runs
 * the wrong way, on a file in no room, and on a loop of imports.
 *
 * The stages sources → facts → rules → report are siblings: what flows between
 * them is data (model.ts's types), carried by pipeline.ts, never an import of
 * one stage by another.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../src");

/**
 * The rooms, each a list of paths under src/ (a folder ends with `/`). A file
 * belongs to the room with its longest matching path, so `sources/cdk/`
 * is its own room inside `sources/`.
 */
const ROOMS = {
  /** Small neutral modules every floor may use; they use nothing above them. */
  ground: [
    "aws/",
    "errors.ts",
    "json-bytes.ts",
    "json-object.ts",
    "log-text.ts",
    "logging.ts",
    "order.ts",
    "progress.ts",
    "read-file.ts",
    "show.ts",
    "string-length.ts",
    "time.ts",
    "version.ts",
    "bottleneck-light.d.ts",
    "yaml-text.d.ts",
  ],
  /** The vocabulary that passes between the stages. */
  model: ["model.ts"],
  /** The GitHub API client: the door the GitHub sinks go through. */
  "github-api": ["github-api/"],
  /** Stage 1: inputs → KeyReference[]; knows nothing of AWS. */
  sources: ["sources/"],
  /** The two source readers: they share what lies in sources/, never each other. */
  "sources/terraform": ["sources/terraform/"],
  "sources/cdk": ["sources/cdk/"],
  /** Stage 2: what AWS (or a snapshot) says of each key; knows nothing of rules. */
  facts: ["facts/"],
  /** Stage 3: YAML rules → Finding[]; knows nothing of GitHub. */
  rules: ["rules/"],
  /** Stage 4: Report → text, JSON, SARIF, GitHub sinks. */
  report: ["report/"],
  /** CLI arguments and Action inputs → one typed config. */
  config: ["config/"],
  /** run(config, deps): the one place the stages meet. */
  pipeline: ["pipeline.ts", "merge.ts", "inventory.ts"],
  /** Entry points and the real-world deps they inject. */
  entry: [
    "cli.ts",
    "command.ts",
    "command-run.ts",
    "action.ts",
    "action-run.ts",
    "node-deps.ts",
    "git-revision.ts",
  ],
} as const;

type Room = keyof typeof ROOMS;

const BASE: readonly Room[] = ["ground", "model"];
const STAGES: readonly Room[] = [
  "sources",
  "sources/terraform",
  "sources/cdk",
  "facts",
  "rules",
  "report",
];

/** Which rooms each room may import, besides itself: only rooms on the floors below. */
const MAY_IMPORT: Record<Room, readonly Room[]> = {
  ground: [],
  model: ["ground"],
  "github-api": BASE,
  sources: [...BASE, "sources/terraform", "sources/cdk"],
  "sources/terraform": [...BASE, "sources"],
  "sources/cdk": [...BASE, "sources"],
  facts: BASE,
  rules: BASE,
  report: [...BASE, "github-api"],
  config: [...BASE, ...STAGES],
  pipeline: [...BASE, ...STAGES, "config"],
  entry: [...BASE, ...STAGES, "config", "github-api", "pipeline"],
};

/** The room that holds `path` (relative to src/), or null for a file in none. */
function roomOf(path: string): Room | null {
  let best: { room: Room; length: number } | null = null;
  for (const [room, paths] of Object.entries(ROOMS) as [Room, readonly string[]][]) {
    for (const p of paths) {
      const matches = p.endsWith("/") ? path.startsWith(p) : path === p;
      if (matches && (best === null || p.length > best.length)) best = { room, length: p.length };
    }
  }
  return best?.room ?? null;
}

/** The room a whole stage's sub-rooms count as for cycles: `sources/cdk` is `sources`. */
function topRoom(room: Room): string {
  return room.split("/")[0] as string;
}

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? modules(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

// `from "./x.js"` (imports and re-exports, multi-line ones end so too),
// `import "./x.js"` and `import("./x.js")`.
const IMPORT_RE = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** Each relative import of `file` that stays under src/, as a path under src/. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT_RE)]
    .map((m) => relative(SRC, resolve(dirname(file), (m[1] as string).replace(/\.js$/, ".ts"))))
    .filter((target) => !target.startsWith(".."));
}

const FILES = modules(SRC).map((file) => relative(SRC, file));
const ARROWS = FILES.flatMap((from) => imports(join(SRC, from)).map((to) => ({ from, to })));

/** The loops in a graph, each as the path that closes it; empty when it has none. */
function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    path.push(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (state.get(next) === "open") {
        found.push([...path.slice(path.indexOf(next)), next].join(" → "));
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    path.pop();
    state.set(node, "done");
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

function graph(pairs: readonly (readonly [string, string])[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [from, to] of pairs) {
    if (from === to) continue;
    const set = edges.get(from) ?? new Set();
    set.add(to);
    edges.set(from, set);
  }
  return edges;
}

describe("the shape of the house", () => {
  it("puts every module in a room", () => {
    expect(FILES.filter((file) => roomOf(file) === null)).toEqual([]);
  });

  it("has no arrow that runs the wrong way", () => {
    const wrong = ARROWS.filter(({ from, to }) => {
      const a = roomOf(from);
      const b = roomOf(to);
      return a !== null && b !== null && a !== b && !MAY_IMPORT[a].includes(b);
    }).map(({ from, to }) => `${from} → ${to} (${roomOf(from)} may not import ${roomOf(to)})`);
    expect(wrong).toEqual([]);
  });

  it("has no loop of imports between rooms", () => {
    const rooms = ARROWS.map(({ from, to }) => [from, to].map((f) => roomOf(f))).filter(
      (pair): pair is [Room, Room] => pair[0] !== null && pair[1] !== null,
    );
    expect(cycles(graph(rooms.map(([a, b]) => [topRoom(a), topRoom(b)] as const)))).toEqual([]);
  });

  it("has no loop of imports between files", () => {
    expect(cycles(graph(ARROWS.map(({ from, to }) => [from, to] as const)))).toEqual([]);
  });

  it("allows each room only rooms below it", () => {
    // The table itself must be a ladder: if two rooms may import each other, a
    // loop between them would pass the direction test.
    const allowed = (Object.entries(MAY_IMPORT) as [Room, readonly Room[]][]).flatMap(
      ([room, below]) => below.map((b) => [topRoom(room), topRoom(b)] as const),
    );
    expect(cycles(graph(allowed))).toEqual([]);
  });

  it("finds the imports it checks", () => {
    // Guards the reader itself: a multi-line import, a type import and a re-export are seen.
    expect(imports(join(SRC, "pipeline.ts"))).toContain("sources/collect.ts");
    expect(ARROWS.length).toBeGreaterThan(300);
    expect(roomOf("sources/cdk/template.ts")).toBe("sources/cdk");
    expect(roomOf("sources/collect.ts")).toBe("sources");
  });
});
