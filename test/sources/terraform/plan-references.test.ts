/**
 * Aliases, consumers, data sources, drift, outputs and configuration
 * references in plans: small plans written by hand, one behaviour each.
 */
import { describe, expect, it } from "vitest";
import { gatherFacts } from "../../../src/facts/gather.js";
import { readSnapshot, snapshotFactSource } from "../../../src/facts/snapshot.js";
import type { KeyReference, KeyTarget } from "../../../src/model.js";
import { FACTS } from "../../../src/rules/catalog.js";
import { readTerraformPlan } from "../../../src/sources/terraform/plan.js";
import { reference } from "../../support/facts.js";

const ACCOUNT = "111122223333";
const UUID_A = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY_A = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${UUID_A}`;
const KEY_B = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0b0c0d0e-1111-4222-8333-444455556666`;
const ALIAS_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`;
const SSE =
  "server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id";

interface Change {
  address: string;
  type: string;
  actions: string[];
  before?: unknown;
  after?: unknown;
  afterUnknown?: unknown;
  mode?: string;
  extra?: Record<string, unknown>;
}

function change(spec: Change): Record<string, unknown> {
  const moduleAddress = /^(.*)\.(?:data\.)?[a-z0-9_]+\.[^.[]+(?:\[[^\]]+\])?$/.exec(
    spec.address,
  )?.[1];
  return {
    address: spec.address,
    ...(moduleAddress?.startsWith("module.") ? { module_address: moduleAddress } : {}),
    mode: spec.mode ?? "managed",
    type: spec.type,
    name: "x",
    change: {
      actions: spec.actions,
      before: spec.before ?? null,
      after: spec.after ?? null,
      after_unknown: spec.afterUnknown ?? {},
      before_sensitive: {},
      after_sensitive: {},
    },
    ...spec.extra,
  };
}

function plan(changes: unknown[], extra: Record<string, unknown> = {}) {
  return { format_version: "1.2", resource_changes: changes, ...extra };
}

function read(doc: unknown) {
  return readTerraformPlan(doc, "plan.json");
}

function planned(address: string): KeyTarget {
  return { kind: "planned", address };
}

/** kind, address, attribute, action and target: what these tests check. */
function brief(ref: KeyReference) {
  const { kind, address, attribute, action, target } = ref;
  return { kind, address, attribute, action, target };
}

/** A configuration whose root module declares `resources` and calls `module_calls`. */
function configuration(root: Record<string, unknown>) {
  return { configuration: { root_module: root } };
}

function expressionsFor(address: string, expressions: Record<string, unknown>) {
  const [type, name] = address.split(".");
  return { address, mode: "managed", type, name, expressions };
}

const refs = (...references: string[]) => ({ references });

const sseExpression = (references: string[]) => ({
  server_side_encryption_configuration: [
    {
      rule: [
        { apply_server_side_encryption_by_default: [{ kms_master_key_id: refs(...references) }] },
      ],
    },
  ],
});

const sseUnknown = {
  arn: true,
  server_side_encryption_configuration: [
    { rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true }] }] },
  ],
};

const sseValue = (key: string) => ({
  server_side_encryption_configuration: [
    {
      rule: [
        {
          apply_server_side_encryption_by_default: [
            { kms_master_key_id: key, sse_algorithm: "aws:kms" },
          ],
        },
      ],
    },
  ],
});

describe("consumers", () => {
  it("reads a consumer from after, with the resource's action and the attribute path", () => {
    const { references, warnings } = read(
      plan([
        change({
          address: "aws_s3_bucket.data",
          type: "aws_s3_bucket",
          actions: ["update"],
          before: { ...sseValue(KEY_B), arn: "arn:aws:s3:::data" },
          after: { ...sseValue(KEY_A), arn: "arn:aws:s3:::data" },
        }),
      ]),
    );
    expect(warnings).toEqual([]);
    expect(references).toEqual([
      reference({
        source: "terraform-plan",
        kind: "consumer",
        file: "plan.json",
        address: "aws_s3_bucket.data",
        resourceType: "aws_s3_bucket",
        attribute: SSE,
        target: { kind: "arn", arn: KEY_A },
        action: "update",
      }),
    ]);
  });

  it("reads a deleted consumer from before, as a delete", () => {
    const { references } = read(
      plan([
        change({
          address: "aws_sqs_queue.q",
          type: "aws_sqs_queue",
          actions: ["delete"],
          before: { kms_master_key_id: KEY_A },
        }),
      ]),
    );
    expect(references.map(brief)).toEqual([
      {
        kind: "consumer",
        address: "aws_sqs_queue.q",
        attribute: "kms_master_key_id",
        action: "delete",
        target: { kind: "arn", arn: KEY_A },
      },
    ]);
  });

  it("names a bare key id in the consumer's own region and account", () => {
    const { references } = read(
      plan([
        change({
          address: "aws_sqs_queue.q",
          type: "aws_sqs_queue",
          actions: ["no-op"],
          before: { arn: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`, kms_master_key_id: UUID_A },
          after: {
            arn: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`,
            kms_master_key_id: UUID_A,
            id: UUID_A,
          },
        }),
        change({
          address: "aws_ssm_parameter.p",
          type: "aws_ssm_parameter",
          actions: ["create"],
          after: { key_id: "alias/app", region: "eu-west-1", name: UUID_A },
          afterUnknown: { arn: true },
        }),
      ]),
    );
    expect(references.map((ref) => [ref.address, ref.attribute, ref.action, ref.target])).toEqual([
      ["aws_sqs_queue.q", "kms_master_key_id", "none", { kind: "arn", arn: KEY_A }],
      [
        "aws_ssm_parameter.p",
        "key_id",
        "create",
        { kind: "alias", name: "alias/app", arn: null, region: "eu-west-1" },
      ],
    ]);
  });

  it("reads key ARNs in policy documents as consumers (they grant use of the key)", () => {
    const policy = JSON.stringify({
      Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: [KEY_A, ALIAS_ARN] }],
    });
    const { references } = read(
      plan([
        change({
          address: "aws_iam_policy.read",
          type: "aws_iam_policy",
          actions: ["no-op"],
          before: { policy },
          after: { policy },
        }),
      ]),
    );
    expect(references.map((ref) => [ref.kind, ref.attribute, ref.target.kind])).toEqual([
      ["consumer", "policy", "arn"],
      ["consumer", "policy", "alias"],
    ]);
  });

  it("ignores random UUIDs in attributes that do not name a key, and a key's policy", () => {
    const { references } = read(
      plan([
        change({
          address: "aws_instance.web",
          type: "aws_instance",
          actions: ["create"],
          after: { id: UUID_A, ami: UUID_A, tags: { owner: UUID_A } },
        }),
        change({
          address: "aws_kms_key_policy.p",
          type: "aws_kms_key_policy",
          actions: ["delete"],
          before: { key_id: UUID_A, policy: JSON.stringify({ Resource: KEY_A }) },
        }),
      ]),
    );
    expect(references).toEqual([]);
  });

  it("reads sensitive values like any other: the masks only mark them", () => {
    const entry = change({
      address: "aws_db_instance.db",
      type: "aws_db_instance",
      actions: ["update"],
      before: { kms_key_id: KEY_A, password: "x" },
      after: { kms_key_id: KEY_A, password: "y" },
    });
    const inner = entry.change as Record<string, unknown>;
    inner.before_sensitive = true;
    inner.after_sensitive = { kms_key_id: true, password: true };
    const { references, warnings } = read(plan([entry]));
    expect(warnings).toEqual([]);
    expect(references.map((ref) => ref.target)).toEqual([{ kind: "arn", arn: KEY_A }]);
  });
});

describe("consumers of keys not known before apply", () => {
  it("follows the configuration's references to a key created in the same plan", () => {
    const { references } = read(
      plan(
        [
          change({ address: "aws_kms_key.k", type: "aws_kms_key", actions: ["create"], after: {} }),
          change({
            address: "aws_s3_bucket.b",
            type: "aws_s3_bucket",
            actions: ["create"],
            after: { bucket: "b" },
            afterUnknown: sseUnknown,
          }),
        ],
        configuration({
          resources: [
            expressionsFor(
              "aws_s3_bucket.b",
              sseExpression(["aws_kms_key.k.arn", "aws_kms_key.k"]),
            ),
          ],
        }),
      ),
    );
    expect(references.map(brief)).toEqual([
      {
        kind: "key",
        address: "aws_kms_key.k",
        attribute: null,
        action: "create",
        target: planned("aws_kms_key.k"),
      },
      {
        kind: "consumer",
        address: "aws_s3_bucket.b",
        attribute: SSE,
        action: "create",
        target: planned("aws_kms_key.k"),
      },
    ]);
  });

  it("links a consumer of a replaced key to the key's existing ARN", () => {
    const { references } = read(
      plan(
        [
          change({
            address: "aws_kms_key.k",
            type: "aws_kms_key",
            actions: ["delete", "create"],
            before: { arn: KEY_A },
            after: {},
          }),
          change({
            address: "aws_s3_bucket.b",
            type: "aws_s3_bucket",
            actions: ["update"],
            before: sseValue(KEY_A),
            after: { bucket: "b" },
            afterUnknown: { server_side_encryption_configuration: true },
          }),
        ],
        configuration({
          resources: [
            expressionsFor(
              "aws_s3_bucket.b",
              sseExpression(["aws_kms_key.k.arn", "aws_kms_key.k"]),
            ),
          ],
        }),
      ),
    );
    expect(references.map((ref) => [ref.kind, ref.action, ref.target])).toEqual([
      ["key", "replace", { kind: "arn", arn: KEY_A }],
      ["consumer", "update", { kind: "arn", arn: KEY_A }],
    ]);
  });

  it("follows module variables and module outputs, within the right module instance", () => {
    const kmsModule = {
      resources: [
        { address: "aws_kms_key.this", mode: "managed", type: "aws_kms_key", name: "this" },
      ],
      outputs: { key_arn: { expression: refs("aws_kms_key.this.arn", "aws_kms_key.this") } },
    };
    const appModule = {
      resources: [expressionsFor("aws_sqs_queue.q", { kms_master_key_id: refs("var.key") })],
      variables: { key: {} },
    };
    const doc = plan(
      [
        change({
          address: 'module.kms["a"].aws_kms_key.this',
          type: "aws_kms_key",
          actions: ["create"],
          after: {},
        }),
        change({
          address: 'module.app["a"].aws_sqs_queue.q',
          type: "aws_sqs_queue",
          actions: ["create"],
          after: {},
          afterUnknown: { kms_master_key_id: true },
        }),
      ],
      configuration({
        module_calls: {
          kms: { source: "./kms", for_each_expression: refs("var.names"), module: kmsModule },
          app: {
            source: "./app",
            expressions: { key: refs('module.kms["a"].key_arn', 'module.kms["a"]', "module.kms") },
            module: appModule,
          },
        },
      }),
    );
    const { references } = read(doc);
    expect(references.map((ref) => [ref.address, ref.attribute, ref.target])).toEqual([
      ['module.kms["a"].aws_kms_key.this', null, planned('module.kms["a"].aws_kms_key.this')],
      [
        'module.app["a"].aws_sqs_queue.q',
        "kms_master_key_id",
        planned('module.kms["a"].aws_kms_key.this'),
      ],
    ]);
  });

  it.each([
    [
      "two instances, and no index in the reference",
      ["aws_kms_key.k"],
      ["aws_kms_key.k[0]", "aws_kms_key.k[1]"],
    ],
    [
      "a conditional between two keys",
      ["aws_kms_key.a.arn", "aws_kms_key.a", "aws_kms_key.b.arn", "aws_kms_key.b"],
      ["aws_kms_key.a", "aws_kms_key.b"],
    ],
    [
      "an attribute that is not the key's identity",
      ["aws_kms_key.k.description", "aws_kms_key.k"],
      ["aws_kms_key.k"],
    ],
    ["a data source", ["data.aws_kms_key.k.arn"], ["aws_kms_key.k"]],
    ["a local value", ["local.key"], ["aws_kms_key.k"]],
    ["a key the plan does not have", ["aws_kms_key.other.arn"], ["aws_kms_key.k"]],
  ])("names no key for %s", (_case, references, keys) => {
    const { references: found } = read(
      plan(
        [
          ...keys.map((address) =>
            change({ address, type: "aws_kms_key", actions: ["create"], after: {} }),
          ),
          change({
            address: "aws_sqs_queue.q",
            type: "aws_sqs_queue",
            actions: ["create"],
            after: {},
            afterUnknown: { kms_master_key_id: true },
          }),
        ],
        configuration({
          resources: [
            expressionsFor("aws_sqs_queue.q", { kms_master_key_id: refs(...references) }),
          ],
        }),
      ),
    );
    expect(found.filter((ref) => ref.kind === "consumer")).toEqual([]);
  });

  it("picks the instance a reference names, and leaves known values to the scan", () => {
    const { references } = read(
      plan(
        [
          change({
            address: "aws_kms_key.k[0]",
            type: "aws_kms_key",
            actions: ["create"],
            after: {},
          }),
          change({
            address: "aws_kms_key.k[1]",
            type: "aws_kms_key",
            actions: ["create"],
            after: {},
          }),
          change({
            address: "aws_sqs_queue.q",
            type: "aws_sqs_queue",
            actions: ["create"],
            after: { sqs_managed_sse_enabled: false },
            afterUnknown: { kms_master_key_id: true },
          }),
          change({
            address: "aws_sqs_queue.known",
            type: "aws_sqs_queue",
            actions: ["create"],
            after: { kms_master_key_id: KEY_B },
            afterUnknown: { arn: true },
          }),
        ],
        configuration({
          resources: [
            expressionsFor("aws_sqs_queue.q", {
              kms_master_key_id: refs("aws_kms_key.k[1].arn", "aws_kms_key.k[1]", "aws_kms_key.k"),
            }),
            expressionsFor("aws_sqs_queue.known", {
              kms_master_key_id: refs("aws_kms_key.k[0].arn"),
            }),
          ],
        }),
      ),
    );
    expect(
      references.filter((ref) => ref.kind === "consumer").map((ref) => [ref.address, ref.target]),
    ).toEqual([
      ["aws_sqs_queue.q", planned("aws_kms_key.k[1]")],
      ["aws_sqs_queue.known", { kind: "arn", arn: KEY_B }],
    ]);
  });
});

describe("aliases", () => {
  it("reads the alias name and the target key ARN", () => {
    const { references } = read(
      plan([
        change({
          address: "aws_kms_alias.a",
          type: "aws_kms_alias",
          actions: ["no-op"],
          before: {
            name: "alias/app",
            arn: ALIAS_ARN,
            target_key_arn: KEY_A,
            target_key_id: UUID_A,
          },
          after: {
            name: "alias/app",
            arn: ALIAS_ARN,
            target_key_arn: KEY_A,
            target_key_id: UUID_A,
          },
        }),
      ]),
    );
    expect(references).toEqual([
      reference({
        source: "terraform-plan",
        kind: "alias",
        file: "plan.json",
        address: "aws_kms_alias.a",
        resourceType: "aws_kms_alias",
        attribute: "target_key_arn",
        target: { kind: "arn", arn: KEY_A },
        aliasName: "alias/app",
        action: "none",
      }),
    ]);
  });

  it("resolves a bare target_key_id in the alias's own region and account", () => {
    const { references } = read(
      plan([
        change({
          address: "aws_kms_alias.a",
          type: "aws_kms_alias",
          actions: ["delete"],
          before: { name_prefix: "alias/app", arn: ALIAS_ARN, target_key_id: UUID_A },
        }),
      ]),
    );
    expect(references.map((ref) => [ref.action, ref.attribute, ref.aliasName, ref.target])).toEqual(
      [["delete", "target_key_id", "alias/app", { kind: "arn", arn: KEY_A }]],
    );
  });

  it("links an alias to a key created in the same plan, and a consumer to the alias's key", () => {
    const { references } = read(
      plan(
        [
          change({ address: "aws_kms_key.k", type: "aws_kms_key", actions: ["create"], after: {} }),
          change({
            address: "aws_sqs_queue.q",
            type: "aws_sqs_queue",
            actions: ["create"],
            after: {},
            afterUnknown: { kms_master_key_id: true },
          }),
          change({
            address: "aws_kms_alias.a",
            type: "aws_kms_alias",
            actions: ["create"],
            after: { name: "alias/app" },
            afterUnknown: { arn: true, target_key_arn: true, target_key_id: true },
          }),
        ],
        configuration({
          resources: [
            expressionsFor("aws_kms_alias.a", {
              name: { constant_value: "alias/app" },
              target_key_id: refs("aws_kms_key.k.key_id", "aws_kms_key.k"),
            }),
            expressionsFor("aws_sqs_queue.q", {
              kms_master_key_id: refs("aws_kms_alias.a.arn", "aws_kms_alias.a"),
            }),
          ],
        }),
      ),
    );
    expect(
      references.map((ref) => [ref.kind, ref.address, ref.attribute, ref.aliasName, ref.target]),
    ).toEqual([
      ["key", "aws_kms_key.k", null, undefined, planned("aws_kms_key.k")],
      ["consumer", "aws_sqs_queue.q", "kms_master_key_id", undefined, planned("aws_kms_key.k")],
      ["alias", "aws_kms_alias.a", "target_key_id", "alias/app", planned("aws_kms_key.k")],
    ]);
  });

  it("gives no reference for an alias whose target cannot be told", () => {
    const { references, warnings } = read(
      plan([
        change({
          address: "aws_kms_alias.a",
          type: "aws_kms_alias",
          actions: ["create"],
          after: { name: "alias/app" },
          afterUnknown: { target_key_id: true },
        }),
      ]),
    );
    expect(references).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe("data sources", () => {
  it("reads a lookup as a key reference with no action, never as a consumer", () => {
    const { references } = read(
      plan([
        change({
          address: "data.aws_kms_alias.app",
          type: "aws_kms_alias",
          mode: "data",
          actions: ["read"],
          after: {
            name: "alias/app",
            arn: ALIAS_ARN,
            target_key_arn: KEY_A,
            target_key_id: UUID_A,
          },
        }),
        change({
          address: "data.aws_iam_policy_document.p",
          type: "aws_iam_policy_document",
          mode: "data",
          actions: ["read"],
          after: { json: JSON.stringify({ Resource: [ALIAS_ARN, KEY_B] }) },
        }),
      ]),
    );
    expect(
      references.map((ref) => [
        ref.kind,
        ref.address,
        ref.attribute,
        ref.action,
        ref.change,
        ref.aliasName,
        ref.target,
      ]),
    ).toEqual([
      [
        "key",
        "data.aws_kms_alias.app",
        "target_key_arn",
        null,
        null,
        "alias/app",
        { kind: "arn", arn: KEY_A },
      ],
      [
        "key",
        "data.aws_iam_policy_document.p",
        "json",
        null,
        null,
        undefined,
        { kind: "arn", arn: KEY_B },
      ],
    ]);
  });

  it("reads data sources and resources that only prior_state has (a targeted plan), as state", () => {
    const { references } = read(
      plan(
        [
          change({
            address: "aws_kms_key.k",
            type: "aws_kms_key",
            actions: ["delete"],
            before: { arn: KEY_A },
          }),
        ],
        {
          prior_state: {
            values: {
              root_module: {
                resources: [
                  {
                    address: "aws_kms_key.k",
                    mode: "managed",
                    type: "aws_kms_key",
                    values: { arn: KEY_A },
                  },
                  {
                    address: "data.aws_kms_key.k",
                    mode: "data",
                    type: "aws_kms_key",
                    values: { arn: KEY_A, id: UUID_A },
                  },
                ],
                child_modules: [
                  {
                    address: "module.m",
                    resources: [
                      {
                        address: "module.m.aws_sqs_queue.q",
                        mode: "managed",
                        type: "aws_sqs_queue",
                        values: { kms_master_key_id: KEY_A },
                      },
                    ],
                  },
                ],
              },
            },
          },
        },
      ),
    );
    expect(references.map((ref) => [ref.kind, ref.address, ref.action])).toEqual([
      ["key", "aws_kms_key.k", "delete"],
      ["key", "data.aws_kms_key.k", null],
      ["consumer", "module.m.aws_sqs_queue.q", null],
    ]);
  });
});

describe("resource_drift", () => {
  it("gives a key's ARN when neither before nor prior_state has it, and adds no references", () => {
    const drifted = change({
      address: "aws_kms_key.k",
      type: "aws_kms_key",
      actions: ["update"],
      before: { arn: KEY_A, is_enabled: true },
      after: { arn: KEY_A, is_enabled: false },
    });
    const driftedConsumer = change({
      address: "aws_sqs_queue.q",
      type: "aws_sqs_queue",
      actions: ["update"],
      before: { kms_master_key_id: KEY_A },
      after: { kms_master_key_id: KEY_A },
    });
    const { references, warnings } = read(
      plan(
        [
          change({
            address: "aws_kms_key.k",
            type: "aws_kms_key",
            actions: ["delete"],
            before: {},
          }),
          change({
            address: "aws_sqs_queue.q",
            type: "aws_sqs_queue",
            actions: ["no-op"],
            before: {},
            after: {},
          }),
        ],
        { resource_drift: [drifted, driftedConsumer] },
      ),
    );
    expect(warnings).toEqual([]);
    expect(references.map((ref) => [ref.kind, ref.address, ref.target])).toEqual([
      ["key", "aws_kms_key.k", { kind: "arn", arn: KEY_A }],
    ]);
  });
});

describe("output_changes", () => {
  it("reads ARNs in any output and bare ids in outputs named for keys", () => {
    const { references } = read(
      plan([], {
        output_changes: {
          key_arn: { actions: ["create"], before: null, after: KEY_A, after_unknown: false },
          kms_key_id: { actions: ["no-op"], before: UUID_A, after: UUID_A, after_unknown: false },
          instance_id: { actions: ["no-op"], before: UUID_A, after: UUID_A, after_unknown: false },
          keys: {
            actions: ["update"],
            before: {},
            after: { data: { arn: KEY_B } },
            after_unknown: {},
          },
          gone: { actions: ["delete"], before: [ALIAS_ARN], after: null, after_unknown: false },
        },
      }),
    );
    expect(references.map(brief)).toEqual([
      {
        kind: "output",
        address: "output.key_arn",
        attribute: null,
        action: "create",
        target: { kind: "arn", arn: KEY_A },
      },
      {
        kind: "output",
        address: "output.kms_key_id",
        attribute: null,
        action: "none",
        target: { kind: "key-id", keyId: UUID_A, region: null },
      },
      {
        kind: "output",
        address: "output.keys",
        attribute: "data.arn",
        action: "update",
        target: { kind: "arn", arn: KEY_B },
      },
      {
        kind: "output",
        address: "output.gone",
        attribute: "[0]",
        action: "delete",
        target: { kind: "alias", name: "alias/app", arn: ALIAS_ARN, region: "us-east-1" },
      },
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "an unknown action",
      { x: { actions: ["explode"] } },
      'output_changes.x.actions: expected a list of action names this tool knows (["create"], ["update"], ["delete"], ["delete","create"], ["create","delete"], ["no-op"], ["read"], ["forget"], …), got ["explode"]',
    ],
    ["a number", { y: 3 }, "output_changes.y: expected an output change (an object), got 3"],
    [
      "no actions",
      { z: { after: KEY_A } },
      "output_changes.z.actions: expected a list of action names, got nothing (the field is missing)",
    ],
    [
      "a read",
      { r: { actions: ["read"] } },
      'output_changes.r.actions: expected the actions of an output (outputs are never read), got ["read"]',
    ],
    [
      "a name that is no identifier",
      { "a b": null },
      'output_changes["a b"]: expected an output change (an object), got null',
    ],
  ])(
    "refuses an output change that is %s: its value may hold a key",
    (_case, outputChanges, message) => {
      expect(() => read(plan([], { output_changes: outputChanges }))).toThrow(
        `${message}; this is not a plan`,
      );
    },
  );
});

describe("hostile plans", () => {
  it("refuses a consumer's values nested 100,000 levels deep, without a stack overflow", () => {
    let deep: unknown = { kms_key_id: KEY_A };
    for (let i = 0; i < 100_000; i++) deep = { a: [deep] };
    const doc = plan([
      change({
        address: "aws_sqs_queue.q",
        type: "aws_sqs_queue",
        actions: ["no-op"],
        before: {},
        after: { deep },
      }),
    ]);
    // A key below the depth searched would be missed: no verdict on half a search.
    expect(() => read(doc)).toThrow(
      "resource_changes[0].change.after: values nested deeper than 512 levels, too deep to search for keys",
    );
  });

  it("reads __proto__ keys as data without touching prototypes", () => {
    const text = `{"format_version":"1.2","resource_changes":[{"address":"aws_sqs_queue.q","mode":"managed","type":"aws_sqs_queue","change":{"actions":["no-op"],"before":{},"after":{"__proto__":{"kms_key_id":"${KEY_A}"}},"after_unknown":{"__proto__":true}}}],"configuration":{"root_module":{"__proto__":{"x":1}}}}`;
    const { references } = read(JSON.parse(text));
    expect(references.map((ref) => ref.attribute)).toEqual(["__proto__.kms_key_id"]);
    expect(({} as Record<string, unknown>).kms_key_id).toBeUndefined();
  });
});

describe("a plan that replaces a module's key, moves another, and has aliases and consumers", () => {
  // module.kms["prod"] replaces its key (KEY_A); its alias and a bucket in the root follow the
  // key through the configuration. aws_kms_key.logs was moved from aws_kms_key.old_logs (a
  // no-op, not a delete); a log group uses it, and a queue that used it is deleted.
  const doc = plan(
    [
      change({
        address: 'module.kms["prod"].aws_kms_key.this',
        type: "aws_kms_key",
        actions: ["create", "delete"],
        before: { arn: KEY_A, deletion_window_in_days: 7, is_enabled: true },
        after: { deletion_window_in_days: 7, is_enabled: true },
        afterUnknown: { arn: true, key_id: true },
      }),
      change({
        address: 'module.kms["prod"].aws_kms_alias.this',
        type: "aws_kms_alias",
        actions: ["update"],
        before: {
          name: "alias/prod-data",
          arn: ALIAS_ARN,
          target_key_arn: KEY_A,
          target_key_id: UUID_A,
        },
        after: { name: "alias/prod-data", arn: ALIAS_ARN },
        afterUnknown: { target_key_arn: true, target_key_id: true },
      }),
      change({
        address: "aws_s3_bucket.data",
        type: "aws_s3_bucket",
        actions: ["update"],
        before: sseValue(KEY_A),
        after: {},
        afterUnknown: { server_side_encryption_configuration: true },
      }),
      change({
        address: "aws_kms_key.logs",
        type: "aws_kms_key",
        actions: ["no-op"],
        before: { arn: KEY_B, is_enabled: true },
        after: { arn: KEY_B, is_enabled: true },
        extra: { previous_address: "aws_kms_key.old_logs" },
      }),
      change({
        address: "aws_cloudwatch_log_group.app",
        type: "aws_cloudwatch_log_group",
        actions: ["no-op"],
        before: { kms_key_id: KEY_B },
        after: { kms_key_id: KEY_B },
      }),
      change({
        address: "aws_sqs_queue.gone",
        type: "aws_sqs_queue",
        actions: ["delete"],
        before: { kms_master_key_id: KEY_B },
      }),
    ],
    configuration({
      resources: [
        expressionsFor("aws_s3_bucket.data", {
          server_side_encryption_configuration: refs("module.kms.key_arn", "module.kms"),
        }),
      ],
      module_calls: {
        kms: {
          source: "./modules/kms",
          for_each_expression: refs("var.environments"),
          module: {
            resources: [
              { address: "aws_kms_key.this", mode: "managed", type: "aws_kms_key", name: "this" },
              expressionsFor("aws_kms_alias.this", {
                target_key_id: refs("aws_kms_key.this.key_id", "aws_kms_key.this"),
              }),
            ],
            outputs: { key_arn: { expression: refs("aws_kms_key.this.arn", "aws_kms_key.this") } },
          },
        },
      },
    }),
  );

  it("gives each reference its key", () => {
    const { references, warnings } = read(doc);
    expect(warnings).toEqual([]);
    expect(references.map((ref) => [ref.kind, ref.address, ref.action, ref.target])).toEqual([
      ["key", 'module.kms["prod"].aws_kms_key.this', "replace", { kind: "arn", arn: KEY_A }],
      ["alias", 'module.kms["prod"].aws_kms_alias.this', "update", { kind: "arn", arn: KEY_A }],
      ["consumer", "aws_s3_bucket.data", "update", { kind: "arn", arn: KEY_A }],
      ["key", "aws_kms_key.logs", "none", { kind: "arn", arn: KEY_B }],
      ["consumer", "aws_cloudwatch_log_group.app", "none", { kind: "arn", arn: KEY_B }],
      ["consumer", "aws_sqs_queue.gone", "delete", { kind: "arn", arn: KEY_B }],
    ]);
  });

  it("merges into one subject per key, with the right actions, aliases and consumers", async () => {
    const metadata = (arn: string) => ({
      KeyId: arn.slice(-36),
      Arn: arn,
      KeyState: "Enabled",
      Enabled: true,
      KeyManager: "CUSTOMER",
      CreationDate: "2026-06-01T00:00:00Z",
    });
    const snapshot = readSnapshot(
      {
        version: 1,
        capturedAt: "2026-11-20T12:00:00Z",
        account: ACCOUNT,
        keys: {
          [KEY_A]: { KeyMetadata: metadata(KEY_A) },
          [KEY_B]: { KeyMetadata: metadata(KEY_B) },
        },
      },
      "facts.json",
    );
    const { subjects, errors } = await gatherFacts(
      read(doc).references,
      snapshotFactSource(snapshot),
      {
        region: "us-east-1",
      },
    );
    expect(errors).toEqual([]);
    const now = new Date("2026-11-20T12:00:00Z");
    expect(
      subjects.map((subject) => ({
        id: subject.id,
        action: subject.change?.action,
        address: subject.change?.address,
        aliases: subject.aliases,
        consumers: FACTS["refs.consumers"].get({ subject, now }),
      })),
    ).toEqual([
      { id: KEY_B, action: "none", address: "aws_kms_key.logs", aliases: [], consumers: 1 },
      {
        id: KEY_A,
        action: "replace",
        address: 'module.kms["prod"].aws_kms_key.this',
        aliases: ["alias/prod-data"],
        consumers: 1,
      },
    ]);
  });
});
