import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, type KeyReference, type KeyTarget } from "../../../src/model.js";
import { parseJson } from "../../../src/sources/json.js";
import { readTerraformState } from "../../../src/sources/terraform/state.js";

const FIXTURES = new URL("../../fixtures/terraform-state/", import.meta.url);
const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY = `arn:aws:kms:us-east-1:111122223333:key/${UUID}`;

function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), "utf8");
}

function read(doc: unknown) {
  return readTerraformState(doc, "state.json");
}

const SHOW_HINT =
  "this is not state as `terraform show -json` prints it: print it again with `terraform show -json`";
const RAW_HINT =
  "this is not a state file as Terraform writes it: use the file Terraform wrote, or `terraform show -json`";

function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

interface Row {
  kind: KeyReference["kind"];
  address: string | null;
  attribute: string | null;
  target: KeyTarget;
  aliasName?: string;
}

function row(ref: KeyReference): Row {
  const { kind, address, attribute, target, aliasName } = ref;
  return aliasName === undefined
    ? { kind, address, attribute, target }
    : { kind, address, attribute, target, aliasName };
}

const arn = (value: string): KeyTarget => ({ kind: "arn", arn: value });
const DRIFTCTL_KEY = "arn:aws:kms:eu-west-3:047081014315:key/341b2d76-feab-4911-b5de-fbdd92b21aa7";

// Read by hand: only the two driftctl files hold KMS resources; the others hold null
// resources and empty `kms_key_id` strings.
const KMS_FIXTURES: Record<string, Row[]> = {
  // Three aliases of one key; `baz` was made with name_prefix, so its name comes from its ARN.
  "driftctl_aws_kms_alias.tfstate": [
    {
      kind: "alias",
      address: "aws_kms_alias.bar",
      attribute: "target_key_arn",
      target: arn(DRIFTCTL_KEY),
      aliasName: "alias/bar",
    },
    {
      kind: "alias",
      address: "aws_kms_alias.baz",
      attribute: "target_key_arn",
      target: arn(DRIFTCTL_KEY),
      aliasName: "alias/baz20210225124429210500000001",
    },
    {
      kind: "alias",
      address: "aws_kms_alias.foo",
      attribute: "target_key_arn",
      target: arn(DRIFTCTL_KEY),
      aliasName: "alias/foo",
    },
  ],
  // Three keys; their policies say `kms:*` and `Resource: "*"`, which name no key.
  "driftctl_aws_kms_key.tfstate": [
    {
      kind: "key",
      address: "aws_kms_key.bar",
      attribute: "arn",
      target: arn("arn:aws:kms:eu-west-3:047081014315:key/8ee21d91-c000-428c-8032-235aac55da36"),
    },
    {
      kind: "key",
      address: "aws_kms_key.baz",
      attribute: "arn",
      target: arn("arn:aws:kms:eu-west-3:047081014315:key/5d765f32-bfdc-4610-b6ab-f82db5d0601b"),
    },
    {
      kind: "key",
      address: "aws_kms_key.foo",
      attribute: "arn",
      target: arn("arn:aws:kms:eu-west-3:047081014315:key/89d2c023-ea53-40a5-b20a-d84905c622d7"),
    },
  ],
};

const STATE_FILES = readdirSync(FIXTURES).sort();

describe("terraform state fixtures", () => {
  it("has the fixtures this table describes, and lists every one with KMS in it", () => {
    expect(STATE_FILES).toHaveLength(12);
    const mentioning = STATE_FILES.filter((name) => {
      const text = fixtureText(name);
      return /"aws_kms_[a-z_]+"/.test(text) || text.includes(":kms:");
    });
    expect(mentioning).toEqual(Object.keys(KMS_FIXTURES).sort());
  });

  it.each(STATE_FILES)("%s", (name) => {
    const { references, warnings } = readTerraformState(parseJson(fixtureText(name), name), name);
    expect(warnings).toEqual([]);
    expect(references.map(row)).toEqual(KMS_FIXTURES[name] ?? []);
    for (const ref of references) {
      expect(ref).toMatchObject({
        source: "terraform-state",
        file: name,
        action: null,
        change: null,
        location: null,
      });
    }
  });
});

describe("terraform show -json state", () => {
  it("reads keys, aliases, consumers, lookups and outputs in nested child modules", () => {
    const doc = {
      format_version: "1.0",
      values: {
        outputs: {
          key: { sensitive: true, value: KEY },
          kms_key_id: { sensitive: false, value: UUID },
          other_id: { sensitive: false, value: UUID },
        },
        root_module: {
          resources: [
            {
              address: "aws_kms_key.k",
              mode: "managed",
              type: "aws_kms_key",
              values: { arn: KEY },
            },
          ],
          child_modules: [
            {
              address: 'module.a["x"]',
              resources: [
                {
                  address: 'module.a["x"].aws_sqs_queue.q[0]',
                  mode: "managed",
                  type: "aws_sqs_queue",
                  values: { arn: "arn:aws:sqs:eu-west-1:444455556666:q", kms_master_key_id: UUID },
                },
              ],
              child_modules: [
                {
                  address: 'module.a["x"].module.b',
                  resources: [
                    {
                      address: 'module.a["x"].module.b.data.aws_kms_key.k',
                      mode: "data",
                      type: "aws_kms_key",
                      values: { arn: KEY, id: UUID, key_id: "alias/app" },
                    },
                  ],
                },
              ],
            },
          ],
        },
      },
    };
    const { references, warnings } = read(doc);
    expect(warnings).toEqual([]);
    expect(references.map((ref) => [ref.kind, ref.address, ref.attribute, ref.target])).toEqual([
      ["key", "aws_kms_key.k", "arn", arn(KEY)],
      [
        "consumer",
        'module.a["x"].aws_sqs_queue.q[0]',
        "kms_master_key_id",
        // A bare key id, in the queue's own region and account.
        arn(`arn:aws:kms:eu-west-1:444455556666:key/${UUID}`),
      ],
      ["key", 'module.a["x"].module.b.data.aws_kms_key.k', "arn", arn(KEY)],
      ["output", "output.key", null, arn(KEY)],
      ["output", "output.kms_key_id", null, { kind: "key-id", keyId: UUID, region: null }],
    ]);
  });

  it("reads an empty state (only the versions) as no references", () => {
    expect(read({ format_version: "1.0", terraform_version: "1.9.0" })).toEqual({
      references: [],
      warnings: [],
    });
  });

  const show = (rootModule: unknown, outputs?: unknown) => ({
    format_version: "1.0",
    values:
      outputs === undefined ? { root_module: rootModule } : { root_module: rootModule, outputs },
  });
  const resource = (fields: Record<string, unknown>) => ({
    address: "aws_kms_key.k",
    mode: "managed",
    type: "aws_kms_key",
    name: "k",
    values: { arn: KEY },
    ...fields,
  });

  // Any of them may be a key, an alias or a consumer: none is skipped.
  it.each<[string, unknown, string]>([
    [
      "values of the wrong type",
      { format_version: "1.0", values: [] },
      "values: expected the state's values (an object), got an empty list",
    ],
    [
      "values null",
      { format_version: "1.0", values: null },
      "values: expected the state's values (an object), got null",
    ],
    [
      "values without a root module",
      { format_version: "1.0", values: {} },
      "values.root_module: expected the root module (an object), got nothing (the field is missing)",
    ],
    [
      "resources of the wrong type",
      show({ resources: {} }),
      "values.root_module.resources: expected a list of resources, got an object",
    ],
    [
      "a resource that is null",
      show({ resources: [null] }),
      "values.root_module.resources[0]: expected a resource (an object), got null",
    ],
    [
      "a resource without a type",
      show({ resources: [resource({ type: undefined })] }),
      "values.root_module.resources[0].type: expected a resource type (a string), got nothing (the field is missing)",
    ],
    [
      "a resource without an address",
      show({ resources: [resource({ address: 1 })] }),
      "values.root_module.resources[0].address: expected an address (a string), got 1",
    ],
    [
      "a resource of an unknown mode",
      show({ resources: [resource({ mode: "x" })] }),
      'values.root_module.resources[0].mode: expected "managed" or "data", got "x"',
    ],
    [
      "a resource whose values are a number",
      show({ resources: [resource({ values: 3 })] }),
      "values.root_module.resources[0].values: expected an object or null, got 3",
    ],
    [
      "a key without an ARN",
      show({ resources: [resource({ values: { description: "x" } })] }),
      "values.root_module.resources[0].values.arn: expected the key's ARN (or its key_id), got nothing (the field is missing)",
    ],
    [
      "an alias without a target",
      show({
        resources: [
          resource({
            address: "aws_kms_alias.a",
            type: "aws_kms_alias",
            values: { name: "alias/a" },
          }),
        ],
      }),
      "values.root_module.resources[0].values.target_key_id: expected the key the alias points at (a key id or key ARN), got nothing (the field is missing)",
    ],
    [
      "a child module that is a string",
      show({ child_modules: ["m"] }),
      'values.root_module.child_modules[0]: expected a module (an object), got "m"',
    ],
    [
      "a bad resource in a child module",
      show({ child_modules: [{ address: "module.m", resources: [null] }] }),
      "values.root_module.child_modules[0].resources[0]: expected a resource (an object), got null",
    ],
    [
      "outputs of the wrong type",
      show({}, []),
      "values.outputs: expected an object of outputs, got an empty list",
    ],
    [
      "an output that is a number",
      show({}, { broken: 3 }),
      "values.outputs.broken: expected an output ({value, type, sensitive}), got 3",
    ],
  ])("refuses %s, naming its path", (_case, doc, message) => {
    const err = inputErrorOf(() => read(doc));
    expect(err.file).toBe("state.json");
    expect(err.message).toBe(`${message}; ${SHOW_HINT}`);
  });

  it("refuses modules nested deeper than it reads", () => {
    let module: Record<string, unknown> = { address: "module.deep", resources: [] };
    for (let i = 0; i < 100; i++) module = { address: "module.m", child_modules: [module] };
    expect(inputErrorOf(() => read(show(module))).message).toMatch(
      /^values\.root_module(\.child_modules\[0\]){65}: modules nested more than 64 levels deep/,
    );
  });

  it("rejects an unsupported format version", () => {
    expect(inputErrorOf(() => read({ format_version: "2.0", values: {} })).message).toBe(
      "state format_version 2.0 is not supported; this version of kms-usage-lint reads state formats 0.x and 1.x",
    );
  });
});

describe("raw state files", () => {
  it("builds full addresses from module, mode, type, name and index_key, deposed objects included", () => {
    const doc = {
      version: 4,
      resources: [
        {
          module: 'module.a["x"]',
          mode: "managed",
          type: "aws_kms_key",
          name: "this",
          each: "list",
          instances: [
            { index_key: 0, attributes: { arn: KEY } },
            { index_key: 0, deposed: "00000001", attributes: { key_id: UUID } },
          ],
        },
        {
          mode: "data",
          type: "aws_kms_alias",
          name: "app",
          instances: [{ attributes: { name: "alias/app", target_key_arn: KEY } }],
        },
        {
          mode: "managed",
          type: "aws_sqs_queue",
          name: "q",
          each: "map",
          instances: [{ index_key: 'we"ird', attributes_flat: { kms_master_key_id: KEY } }],
        },
      ],
      outputs: { kms: { value: { ids: [UUID] }, type: ["object", {}] } },
    };
    const { references, warnings } = read(doc);
    expect(warnings).toEqual([]);
    expect(
      references.map((ref) => [ref.kind, ref.address, ref.attribute, ref.aliasName, ref.target]),
    ).toEqual([
      ["key", 'module.a["x"].aws_kms_key.this[0]', "arn", undefined, arn(KEY)],
      [
        "key",
        'module.a["x"].aws_kms_key.this[0]',
        "key_id",
        undefined,
        { kind: "key-id", keyId: UUID, region: null },
      ],
      ["key", "data.aws_kms_alias.app", "target_key_arn", "alias/app", arn(KEY)],
      ["consumer", 'aws_sqs_queue.q["we\\"ird"]', "kms_master_key_id", undefined, arn(KEY)],
      ["output", "output.kms", "ids[0]", undefined, { kind: "key-id", keyId: UUID, region: null }],
    ]);
  });

  it("reads a version 3 state's flat attributes, modules and counts", () => {
    const doc = {
      version: 3,
      modules: [
        {
          path: ["root"],
          outputs: { key_arn: { sensitive: false, type: "string", value: KEY } },
          resources: {
            "aws_kms_key.k": {
              type: "aws_kms_key",
              primary: { id: UUID, attributes: { arn: KEY, id: UUID } },
            },
          },
        },
        {
          path: ["root", "app"],
          outputs: { key_arn: { value: KEY } },
          resources: {
            "aws_ebs_volume.v.1": {
              type: "aws_ebs_volume",
              primary: { id: "vol-1", attributes: { id: "vol-1", kms_key_id: KEY } },
              deposed: [{ id: "vol-0", attributes: { kms_key_id: UUID } }],
            },
            "data.aws_kms_alias.a": {
              type: "aws_kms_alias",
              primary: { attributes: { name: "alias/a", target_key_id: UUID } },
            },
          },
        },
      ],
    };
    const { references, warnings } = read(doc);
    expect(references.map((ref) => [ref.kind, ref.address, ref.attribute, ref.target])).toEqual([
      ["key", "aws_kms_key.k", "arn", arn(KEY)],
      ["output", "output.key_arn", null, arn(KEY)],
      ["consumer", "module.app.aws_ebs_volume.v[1]", "kms_key_id", arn(KEY)],
      [
        "consumer",
        "module.app.aws_ebs_volume.v[1]",
        "kms_key_id",
        { kind: "key-id", keyId: UUID, region: null },
      ],
      [
        "key",
        "module.app.data.aws_kms_alias.a",
        "target_key_id",
        { kind: "key-id", keyId: UUID, region: null },
      ],
    ]);
    expect(warnings).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    [
      "modules of the wrong type",
      { version: 3, modules: {} },
      "modules: expected a list of modules, got an object",
    ],
    [
      "a module that is null",
      { version: 3, modules: [null] },
      "modules[0]: expected a module (an object), got null",
    ],
    [
      "a module path that is a string",
      { version: 3, modules: [{ path: "root" }] },
      'modules[0].path: expected a module path (["root", …]), got "root"',
    ],
    [
      "a resource key that is no address",
      { version: 3, modules: [{ path: ["root"], resources: { "weird key": {} } }] },
      'modules[0].resources["weird key"]: expected a resource key TYPE.NAME, TYPE.NAME.N or data.TYPE.NAME',
    ],
    [
      "a resource that is a string",
      { version: 3, modules: [{ path: ["root"], resources: { "aws_kms_key.k": "x" } }] },
      'modules[0].resources["aws_kms_key.k"]: expected a resource (an object), got "x"',
    ],
    [
      "attributes that are a list",
      {
        version: 3,
        modules: [
          { path: ["root"], resources: { "aws_s3_bucket.b": { primary: { attributes: [] } } } },
        ],
      },
      'modules[0].resources["aws_s3_bucket.b"].primary.attributes: expected an object or null, got an empty list',
    ],
    [
      "a key without an ARN",
      {
        version: 3,
        modules: [
          { path: ["root"], resources: { "aws_kms_key.k": { primary: { attributes: {} } } } },
        ],
      },
      'modules[0].resources["aws_kms_key.k"].primary.attributes.arn: expected the key\'s ARN (or its key_id), got nothing (the field is missing)',
    ],
  ])("refuses a version 3 state with %s", (_case, doc, message) => {
    const err = inputErrorOf(() => read(doc));
    expect(err.message).toBe(`${message}; ${RAW_HINT}`);
  });

  it.each([
    [
      2,
      "state version 2 (Terraform < 0.7) is not supported; run Terraform 0.12 or later once to upgrade the state to version 4",
    ],
    [
      5,
      "state version 5 is not supported; this version of kms-usage-lint reads state versions 3 and 4 (use `terraform show -json` to print any state in a stable format)",
    ],
  ])("rejects state version %d", (version, message) => {
    const err = inputErrorOf(() => read({ version, resources: [] }));
    expect(err.message).toBe(message);
    expect(err.file).toBe("state.json");
  });

  const v4 = (resources: unknown) => ({ version: 4, terraform_version: "1.9.5", resources });
  const resource = (fields: Record<string, unknown>) => ({
    mode: "managed",
    type: "aws_kms_key",
    name: "k",
    instances: [{ attributes: { arn: KEY } }],
    ...fields,
  });

  // Any of them may be a key, an alias or a consumer: none is skipped.
  it.each<[string, unknown, string]>([
    ["resources null", v4(null), "resources: expected a list of resources, got null"],
    ["resources an object", v4({}), "resources: expected a list of resources, got an object"],
    [
      "a resource that is null",
      v4([null]),
      "resources[0]: expected a resource (an object), got null",
    ],
    [
      "a resource without a name",
      v4([resource({ name: undefined })]),
      "resources[0].name: expected a resource name (a string), got nothing (the field is missing)",
    ],
    [
      "a resource without a type",
      v4([resource({ type: 1 })]),
      "resources[0].type: expected a resource type (a string), got 1",
    ],
    [
      "a resource of an unknown mode",
      v4([resource({ mode: null })]),
      'resources[0].mode: expected "managed" or "data", got null',
    ],
    [
      "instances missing",
      v4([resource({ instances: undefined })]),
      "resources[0].instances: expected a list of instances, got nothing (the field is missing)",
    ],
    [
      "an instance that is null",
      v4([resource({ instances: [null] })]),
      "resources[0].instances[0]: expected an instance (an object), got null",
    ],
    [
      "an index_key that is an object",
      v4([resource({ instances: [{ index_key: {}, attributes: { arn: KEY } }] })]),
      "resources[0].instances[0].index_key: expected a count index (a whole number) or a for_each key (a string), got an object",
    ],
    [
      "attributes that are a string",
      v4([resource({ instances: [{ attributes: "x" }] })]),
      'resources[0].instances[0].attributes: expected an object or null, got "x"',
    ],
    [
      "flat attributes that are a list",
      v4([resource({ instances: [{ attributes_flat: [] }] })]),
      "resources[0].instances[0].attributes_flat: expected an object or null, got an empty list",
    ],
    [
      "a key without an ARN or key id",
      v4([resource({ instances: [{ attributes: {} }] })]),
      "resources[0].instances[0].attributes.arn: expected the key's ARN (or its key_id), got nothing (the field is missing)",
    ],
    [
      "an alias without a target",
      v4([resource({ type: "aws_kms_alias", instances: [{ attributes: { name: "alias/a" } }] })]),
      "resources[0].instances[0].attributes.target_key_id: expected the key the alias points at (a key id or key ARN), got nothing (the field is missing)",
    ],
    [
      "an output that is a string",
      { ...v4([]), outputs: { o: "x" } },
      'outputs.o: expected an output ({value, …}), got "x"',
    ],
  ])("refuses %s, naming its path", (_case, doc, message) => {
    const err = inputErrorOf(() => read(doc));
    expect(err.file).toBe("state.json");
    expect(err.message).toBe(`${message}; ${RAW_HINT}`);
  });
});

describe("not state", () => {
  it.each([
    [
      "a plan",
      { format_version: "1.2", resource_changes: [] },
      "this is a Terraform plan (terraform show -json PLANFILE)",
    ],
    ["an empty object", {}, "the file holds an empty JSON object"],
    ["outputs", { k: { value: "x", type: "string" } }, "this looks like `terraform output -json`"],
    [
      "something else",
      { name: "x" },
      "this JSON object has none of the fields of Terraform state (format_version and values, or version and resources)",
    ],
    ["an array", [], "the file holds an array"],
  ])("says what it got instead of state: %s", (_case, doc, what) => {
    const err = inputErrorOf(() => read(doc));
    expect(err.file).toBe("state.json");
    expect(err.message).toBe(
      `${what}; expected Terraform state: \`terraform show -json\` without a plan file, or a terraform.tfstate file`,
    );
  });

  it("reads __proto__ keys as data, and refuses attributes nested too deep to search", () => {
    const attributes = `{"__proto__":{"kms_key_id":"${KEY}"}}`;
    const text = (attributes: string) =>
      `{"version":4,"resources":[{"mode":"managed","type":"aws_sqs_queue","name":"q","instances":[{"attributes":${attributes}}]}]}`;
    const { references, warnings } = read(JSON.parse(text(attributes)));
    expect(references.map((ref) => ref.attribute)).toEqual(["__proto__.kms_key_id"]);
    expect(warnings).toEqual([]);
    expect(({} as Record<string, unknown>).kms_key_id).toBeUndefined();
    // Written as text: JSON.stringify itself recurses.
    const depth = 50_000;
    const deep = `${"[".repeat(depth)}{"kms_key_id":"${KEY}"}${"]".repeat(depth)}`;
    const err = inputErrorOf(() => read(JSON.parse(text(`{"deep":${deep}}`))));
    expect(err.message).toBe(
      `resources[0].instances[0].attributes: values nested deeper than 512 levels, too deep to search for keys (Terraform's own nest a dozen); ${RAW_HINT}`,
    );
  });
});
