/** `extends` of rules files by path, read through an injected reader. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/model.js";
import { RulesError } from "../../src/rules/errors.js";
import { isFileExtends, isWithin, resolveExtendsPath } from "../../src/rules/extends.js";
import { loadRules } from "../../src/rules/load.js";
import { loadRulesFromFiles, MAX_EXTENDED_FILES, readExtendedFiles } from "../../src/rules/read.js";
import type { RulesFileInput } from "../../src/rules/types.js";

const rule = (id: string, severity = "warning") => `  ${id}:
    severity: ${severity}
    description: ${id}
    when: { fact: usage.status, equals: unused }
    message: "{{key.arn}}"
`;

const PACKS: Record<string, RulesFileInput[]> = {
  recommended: [
    { file: "rules/r.yml", text: `rules:\n${rule("unused-key")}${rule("stale-key", "notice")}` },
  ],
};

/** A file system in memory; records what was read. */
function files(tree: Record<string, string>) {
  const reads: string[] = [];
  const read = async (path: string) => {
    reads.push(path);
    const text = tree[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    return text;
  };
  return { read, reads };
}

async function problems(entry: string, tree: Record<string, string>): Promise<string[]> {
  try {
    await loadRulesFromFiles(entry, files(tree).read, PACKS);
    return [];
  } catch (error) {
    if (error instanceof RulesError) return error.message.split("\n");
    throw error;
  }
}

const summary = async (entry: string, tree: Record<string, string>) =>
  (await loadRulesFromFiles(entry, files(tree).read, PACKS)).rules.map(
    (r) => `${r.id}:${r.severity}:${r.source}`,
  );

describe("which extends entries are files", () => {
  it.each([
    ["./base.yml", true],
    ["../shared/rules.yaml", true],
    ["shared/rules.yml", true],
    ["team.YAML", true],
    [".\\windows.yml", true],
    ["recommended", false],
    ["org/pack", false],
  ])("%s → %s", (name, expected) => {
    expect(isFileExtends(name)).toBe(expected);
  });

  it("resolves against the directory of the extending file", () => {
    expect(resolveExtendsPath("config/.kms-usage-lint.yml", "./base.yml")).toBe("config/base.yml");
    expect(resolveExtendsPath("config/a/b.yml", "../../shared/x.yml")).toBe("shared/x.yml");
    expect(resolveExtendsPath(".kms-usage-lint.yml", "./base.yml")).toBe("base.yml");
  });
});

describe("loadRulesFromFiles", () => {
  it("without a file, loads the recommended pack and reads nothing", async () => {
    const fs = files({});
    const ruleSet = await loadRulesFromFiles(null, fs.read, PACKS);
    expect(ruleSet.rules.map((r) => r.id)).toEqual(["stale-key", "unused-key"]);
    expect(fs.reads).toEqual([]);
  });

  it("applies an extended file before the file's own rules, with the file as the rules' source", async () => {
    expect(
      await summary("config/rules.yml", {
        "config/rules.yml":
          "extends: [recommended, ./team/base.yml]\nrules:\n  team-rule: error\n  stale-key: off\n",
        "config/team/base.yml": `extends: [../shared.yml]\nrules:\n${rule("team-rule")}  unused-key: error\n`,
        "config/shared.yml": `rules:\n${rule("shared-rule", "notice")}`,
      }),
    ).toEqual([
      "shared-rule:notice:config/shared.yml",
      "team-rule:error:config/team/base.yml",
      "unused-key:error:recommended",
    ]);
  });

  it("reads a file extended twice (a diamond) once, and applies it once", async () => {
    const fs = files({
      "a.yml": "extends: [./b.yml, ./c.yml]\n",
      "b.yml": "extends: [./d.yml]\nrules:\n  d-rule: error\n",
      "c.yml": "extends: [./d.yml]\n",
      "d.yml": `rules:\n${rule("d-rule")}`,
    });
    const ruleSet = await loadRulesFromFiles("a.yml", fs.read, PACKS);
    // c.yml's extends of d.yml does not re-apply it over b.yml's re-level.
    expect(ruleSet.rules.map((r) => `${r.id}:${r.severity}`)).toEqual(["d-rule:error"]);
    expect(fs.reads).toEqual(["a.yml", "b.yml", "c.yml", "d.yml"]);
  });

  it("keeps ignore entries of extended files, with their own file and line", async () => {
    const ruleSet = await loadRulesFromFiles(
      "a.yml",
      files({
        "a.yml": "extends: [recommended, ./ignores.yml]\n",
        "ignores.yml": "\nignore:\n  - rule: unused-key\n    key: alias/x\n    reason: standby\n",
      }).read,
      PACKS,
    );
    expect(ruleSet.ignores).toEqual([
      {
        rule: "unused-key",
        key: "alias/x",
        reason: "standby",
        expires: null,
        file: "ignores.yml",
        line: 3,
      },
    ]);
  });

  it("throws an InputError naming the file when the entry file cannot be read", async () => {
    const error = await loadRulesFromFiles("missing.yml", files({}).read, PACKS).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.describe()).toBe("missing.yml: cannot read rules file: no such file");
  });
});

describe("extends problems, each at the entry's line and column", () => {
  it("a missing file", async () => {
    expect(
      await problems("config/rules.yml", {
        "config/rules.yml": "extends:\n  - recommended\n  - ./missing.yml\n",
      }),
    ).toEqual([
      "config/rules.yml:3:5: cannot extend `./missing.yml`: config/missing.yml: no such file",
    ]);
  });

  it("a missing file deeper down, at the entry in the file that names it", async () => {
    expect(
      await problems("a.yml", {
        "a.yml": "extends: [./b.yml]\n",
        "b.yml": "rules: {}\nextends: [recommended, ../gone.yaml]\n",
      }),
    ).toEqual(["b.yml:2:24: cannot extend `../gone.yaml`: ../gone.yaml: no such file"]);
  });

  it("a cycle, naming every step with its place", async () => {
    expect(
      await problems("a.yml", {
        "a.yml": "extends: [./b.yml]\n",
        "b.yml": "# b\nextends: [recommended, ./c.yml]\n",
        "c.yml": "extends:\n  - ./a.yml\n",
      }),
    ).toEqual([
      "c.yml:2:5: extends cycle: a.yml extends b.yml (a.yml:1:11), b.yml extends c.yml (b.yml:2:24), c.yml extends a.yml (c.yml:2:5); remove one of these entries",
    ]);
  });

  it("a file extending itself", async () => {
    expect(await problems("a.yml", { "a.yml": "extends: [./a.yml]\n" })).toEqual([
      "a.yml:1:11: extends cycle: a.yml extends a.yml (a.yml:1:11); remove one of these entries",
    ]);
  });

  it("an absolute path", async () => {
    expect(await problems("a.yml", { "a.yml": "extends: [/etc/kms/rules.yml]\n" })).toEqual([
      "a.yml:1:11: `extends` takes paths relative to the extending file; `/etc/kms/rules.yml` is absolute",
    ]);
  });

  it("an invalid extended file, reported under its own name", async () => {
    expect(
      await problems("a.yml", {
        "a.yml": "extends: [./b.yml]\n",
        "b.yml": "rules:\n  x: warn\n",
      }),
    ).toEqual([
      "b.yml:2:6: rule `x` must be `off`, `error`, `warning`, `notice` or a rule definition; got `warn`; did you mean `warning`?",
    ]);
  });

  it(`stops reading after ${MAX_EXTENDED_FILES} extended files`, async () => {
    const tree: Record<string, string> = {
      "a.yml": `extends: [${Array.from({ length: MAX_EXTENDED_FILES + 1 }, (_, i) => `./f${i}.yml`).join(", ")}]\n`,
    };
    for (let i = 0; i <= MAX_EXTENDED_FILES; i++) tree[`f${i}.yml`] = "rules: {}\n";
    const found = await problems("a.yml", tree);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^a\.yml:1:\d+: cannot extend `\.\/f50\.yml`: f50\.yml: not read: the configuration already extends 50 files, the limit$/,
    );
  });
});

describe("readExtendedFiles and loadRules", () => {
  it("lets a caller read once and load synchronously", async () => {
    const input = { file: "a.yml", text: "extends: [./b.yml]\n" };
    const extended = await readExtendedFiles(
      [input],
      files({ "b.yml": `rules:\n${rule("b-rule")}` }).read,
    );
    expect([...extended.keys()]).toEqual(["a.yml", "b.yml"]);
    expect(loadRules([input], PACKS, extended).rules.map((r) => r.id)).toEqual(["b-rule"]);
  });

  it("without the files read, reports an extended file as missing", () => {
    expect(() => loadRules([{ file: "a.yml", text: "extends: [./b.yml]\n" }], PACKS)).toThrow(
      "a.yml:1:11: cannot extend `./b.yml`: b.yml: no such file",
    );
  });
});

describe("extends stays inside its boundary", () => {
  const boundary = {
    dir: "/src/repo",
    cwd: "/src/repo/config",
    label: "the repository (/src/repo)",
  };

  it.each([
    ["rules.yml", true],
    ["../shared/rules.yml", true],
    ["..", true],
    ["../..", false],
    ["../../repo2/rules.yml", false],
    ["/src/repo/x.yml", true],
    ["/etc/passwd", false],
  ])("%s inside: %s", (file, inside) => {
    expect(isWithin(file, boundary)).toBe(inside);
  });

  it("reports an entry leaving it at its line, without reading the file", async () => {
    const fs = files({
      "config/rules.yml": "extends:\n  - recommended\n  - ../../outside.yml\n  - ../shared.yml\n",
      "shared.yml": `rules:\n${rule("shared-rule")}`,
      "../outside.yml": `rules:\n${rule("outside-rule")}`,
    });
    const error = await loadRulesFromFiles("config/rules.yml", fs.read, PACKS, {
      dir: "/src/repo",
      cwd: "/src/repo",
      label: "the repository (/src/repo)",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(RulesError);
    expect(error.message).toBe(
      "config/rules.yml:3:5: cannot extend `../../outside.yml`: ../outside.yml: outside the repository (/src/repo); a rules file may extend only files inside it (copy the file in, or extend a built-in pack)",
    );
    expect(fs.reads).toEqual(["config/rules.yml", "shared.yml"]);
  });
});
