import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { KeyReference, KeyTarget } from "../../../src/model.js";
import { InputError } from "../../../src/model.js";
import { collectFromText } from "../../../src/sources/detect.js";
import { parseJson } from "../../../src/sources/json.js";
import { isTerraformPlan, readTerraformPlan } from "../../../src/sources/terraform/plan.js";
import { WRAPPER_WARNING } from "../../../src/sources/terraform/wrapper.js";
import { reference } from "../../support/facts.js";

const FIXTURES = new URL("../../fixtures/terraform-plan/", import.meta.url);
const WRAPPED_PLAN = "infracost_setup_terraform_wrapper_NOT_PURE_JSON.plan.txt";

const ARN_A = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ARN_B = "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";

const PLAN_HINT =
  "this is not a plan as `terraform show -json PLANFILE` writes it: write the plan JSON again from the plan file";

function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), "utf8");
}

/** The thrown InputError, or a failure when `run` does not throw one. */
function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

function planned(address: string): KeyTarget {
  return { kind: "planned", address };
}

/** The parts of a reference the hand-written tests pin down. */
function summary(ref: KeyReference): {
  address: string | null;
  action: unknown;
  target: KeyTarget;
} {
  return { address: ref.address, action: ref.action, target: ref.target };
}

/** The parts of a reference the fixture table pins down. */
interface Row {
  kind: KeyReference["kind"];
  address: string | null;
  action: unknown;
  attribute: string | null;
  target: KeyTarget;
  aliasName?: string;
}

function row(ref: KeyReference): Row {
  const { kind, address, action, attribute, target, aliasName } = ref;
  return aliasName === undefined
    ? { kind, address, action, attribute, target }
    : { kind, address, action, attribute, target, aliasName };
}

/** A key created by the plan: identified by its address until apply. */
function createdKey(address: string): Row {
  return { kind: "key", address, action: "create", attribute: null, target: planned(address) };
}

const SSE_RULE = "apply_server_side_encryption_by_default[0].kms_master_key_id";

// Every fixture that mentions a KMS resource type or holds a KMS ARN, with what it
// should give, checked by reading each file. All keys are created by their plans, so
// every consumer and alias of one is linked to it through the configuration's references.
const KMS_FIXTURES: Record<string, Row[]> = {
  // 55 creates. aws_kms_alias.logs_key_alias: target_key_id = aws_kms_key.logs_key.key_id
  // (TF 0.12 lists the reference as "aws_kms_key.logs_key"). aws_s3_bucket.logs uses the key
  // for SSE. The db instance, EBS volumes, Neptune and S3 object have kms_key_id unknown with
  // no configuration reference to a key (the AWS default key): no reference.
  "checkov_runner_plan_55res_kms.plan.json": [
    {
      kind: "alias",
      address: "aws_kms_alias.logs_key_alias",
      action: "create",
      attribute: "target_key_id",
      target: planned("aws_kms_key.logs_key"),
      aliasName: "alias/123456789123-acme-corp-logs-bucket-key",
    },
    createdKey("aws_kms_key.logs_key"),
    {
      kind: "consumer",
      address: "aws_s3_bucket.logs",
      action: "create",
      attribute: `server_side_encryption_configuration[0].rule[0].${SSE_RULE}`,
      target: planned("aws_kms_key.logs_key"),
    },
  ],
  // aws_s3_bucket_server_side_encryption_configuration.bucket2 references aws_kms_key.key.arn.
  "policyengine_kms_key_provider_version.plan.json": [
    createdKey("aws_kms_key.key"),
    {
      kind: "consumer",
      address: "aws_s3_bucket_server_side_encryption_configuration.bucket2",
      action: "create",
      attribute: `rule[0].${SSE_RULE}`,
      target: planned("aws_kms_key.key"),
    },
  ],
  // The log group's kms_key_id references aws_kms_key.cloudwatch.key_id.
  "regula_kms_key_cloudwatch_tf10.plan.json": [
    {
      kind: "consumer",
      address: "aws_cloudwatch_log_group.fargate-logs",
      action: "create",
      attribute: "kms_key_id",
      target: planned("aws_kms_key.cloudwatch"),
    },
    createdKey("aws_kms_key.cloudwatch"),
  ],
  "regula_kms_key_rotation_3keys.plan.json": [
    createdKey("aws_kms_key.blank-invalid"),
    createdKey("aws_kms_key.invalid"),
    createdKey("aws_kms_key.valid"),
  ],
  // `terraform plan -destroy`: the CodeBuild project being deleted encrypts with the AWS
  // managed key for S3, named by its alias ARN. prior_state holds the same project: not
  // counted twice.
  "snykcli_destroy_all.plan.json": [
    {
      kind: "consumer",
      address: "aws_codebuild_project.terra_ci",
      action: "delete",
      attribute: "encryption_key",
      target: {
        kind: "alias",
        name: "alias/aws/s3",
        arn: "arn:aws:kms:eu-west-1:719261439472:alias/aws/s3",
        region: "eu-west-1",
      },
    },
  ],
  // The buckets' kms_master_key_id is the literal string "$aws_kms_key.mykey.arn" (an edited
  // fixture), in after and as a constant in the configuration: no key, no reference.
  "tfcompliance_kms_key_exclude.plan.json": [createdKey("aws_kms_key.mykey")],
  // module_with_var's SNS topic: kms_master_key_id = var.kms_key_id, which the root passes
  // as aws_kms_key.should_pass.
  "tfcompliance_kms_key_module_tf015.plan.json": [
    createdKey("aws_kms_key.should_pass"),
    {
      kind: "consumer",
      address: "module.module_with_var.aws_sns_topic.this",
      action: "create",
      attribute: "kms_master_key_id",
      target: planned("aws_kms_key.should_pass"),
    },
  ],
  // Both outputs are unknown until apply and reference aws_kms_key.test.
  "tfcompliance_kms_key_output_changes.plan.json": [
    createdKey("aws_kms_key.test"),
    {
      kind: "output",
      address: "output.resource_object_ref",
      action: "create",
      attribute: null,
      target: planned("aws_kms_key.test"),
    },
    {
      kind: "output",
      address: "output.resource_parameter_ref",
      action: "create",
      attribute: null,
      target: planned("aws_kms_key.test"),
    },
  ],
  "tfcompliance_kms_rotation_fail_min.plan.json": [createdKey("aws_kms_key.test-fail-key")],
  "tfcompliance_module_kms_key.plan.json": [createdKey("module.project1.aws_kms_key.test")],
};

const FIXTURE_FILES = readdirSync(FIXTURES).sort();
const PLAN_FILES = FIXTURE_FILES.filter((name) => name !== WRAPPED_PLAN);

describe("terraform plan fixtures", () => {
  it("has the fixtures this table describes", () => {
    expect(FIXTURE_FILES).toContain(WRAPPED_PLAN);
    expect(PLAN_FILES.length).toBe(34);
    for (const name of Object.keys(KMS_FIXTURES)) expect(PLAN_FILES).toContain(name);
  });

  it("lists every fixture that mentions a KMS resource type or holds a KMS ARN in the table", () => {
    const mentioning = PLAN_FILES.filter((name) => {
      const text = fixtureText(name);
      return /"(?:data\.)?aws_kms_[a-z_]+"/.test(text) || text.includes(":kms:");
    });
    expect(mentioning).toEqual(Object.keys(KMS_FIXTURES).sort());
  });

  it.each(PLAN_FILES)("%s", (name) => {
    const doc = parseJson(fixtureText(name), name);
    expect(isTerraformPlan(doc)).toBe(true);
    const { references, warnings } = readTerraformPlan(doc, name);
    expect(warnings).toEqual([]);
    expect(references.map(row)).toEqual(KMS_FIXTURES[name] ?? []);
    for (const ref of references) {
      expect(ref).toMatchObject({ source: "terraform-plan", file: name, location: null });
      expect(ref.change === null).toBe(ref.kind !== "key");
    }
  });

  it("reads the setup-terraform wrapper's plan once stripped: no KMS references in it", () => {
    const collected = collectFromText(
      { kind: "terraform-plan", path: WRAPPED_PLAN },
      fixtureText(WRAPPED_PLAN),
    );
    expect(collected.references).toEqual([]);
    expect(collected.warnings).toEqual([WRAPPER_WARNING]);
  });

  it("gives the whole reference for a created key", () => {
    const name = "tfcompliance_kms_rotation_fail_min.plan.json";
    const { references } = readTerraformPlan(parseJson(fixtureText(name), name), name);
    expect(references).toEqual([
      reference({
        source: "terraform-plan",
        kind: "key",
        file: name,
        address: "aws_kms_key.test-fail-key",
        resourceType: "aws_kms_key",
        target: planned("aws_kms_key.test-fail-key"),
        action: "create",
        change: {
          action: "create",
          source: "terraform-plan",
          address: "aws_kms_key.test-fail-key",
          deletionWindowDays: null,
          disables: false,
        },
      }),
    ]);
  });

  it("rejects the setup-terraform wrapper's output as invalid JSON on line 1", () => {
    const err = inputErrorOf(() => parseJson(fixtureText(WRAPPED_PLAN), WRAPPED_PLAN));
    expect(err.file).toBe(WRAPPED_PLAN);
    expect(err.line).toBe(1);
    expect(err.describe()).toBe(
      `${WRAPPED_PLAN}:1: not valid JSON: unexpected token 'c' at column 2`,
    );
  });
});

// Small plans written by hand, one behaviour each.

interface ChangeSpec {
  actions: unknown;
  before?: unknown;
  after?: unknown;
  address?: string;
  type?: string;
  extra?: Record<string, unknown>;
}

function resourceChange(spec: ChangeSpec): Record<string, unknown> {
  const address = spec.address ?? "aws_kms_key.data";
  return {
    address,
    mode: "managed",
    type: spec.type ?? "aws_kms_key",
    name: "data",
    provider_name: "registry.terraform.io/hashicorp/aws",
    change: {
      actions: spec.actions,
      before: spec.before ?? null,
      after: spec.after ?? null,
      after_unknown: {},
    },
    ...spec.extra,
  };
}

function plan(changes: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { format_version: "1.2", terraform_version: "1.9.5", resource_changes: changes, ...extra };
}

function read(doc: unknown) {
  return readTerraformPlan(doc, "plan.json");
}

/** A prior_state whose root module has `resources` and `child_modules`. */
function priorState(rootModule: Record<string, unknown>): Record<string, unknown> {
  return { format_version: "1.0", values: { root_module: rootModule } };
}

describe("readTerraformPlan: actions and identity", () => {
  it.each([[["delete", "create"]], [["create", "delete"]]])(
    "reads %j as a replace of the existing key",
    (actions) => {
      const { references, warnings } = read(
        plan([
          resourceChange({
            actions,
            before: { arn: ARN_A, deletion_window_in_days: 10, is_enabled: true },
            after: { deletion_window_in_days: 10, is_enabled: true },
          }),
        ]),
      );
      expect(warnings).toEqual([]);
      expect(references).toHaveLength(1);
      expect(references[0]).toMatchObject({
        action: "replace",
        attribute: "arn",
        target: { kind: "arn", arn: ARN_A },
        change: { action: "replace", deletionWindowDays: 10, disables: false },
      });
    },
  );

  it("takes a replace's deletion window from after when before lacks it", () => {
    const { references } = read(
      plan([
        resourceChange({
          actions: ["delete", "create"],
          before: { arn: ARN_A },
          after: { deletion_window_in_days: 7 },
        }),
      ]),
    );
    expect(references[0]?.change?.deletionWindowDays).toBe(7);
  });

  it("reads a delete with its deletion window", () => {
    const { references, warnings } = read(
      plan([
        resourceChange({
          actions: ["delete"],
          before: { arn: ARN_A, deletion_window_in_days: 7, is_enabled: true },
        }),
      ]),
    );
    expect(warnings).toEqual([]);
    expect(references).toEqual([
      reference({
        source: "terraform-plan",
        kind: "key",
        file: "plan.json",
        address: "aws_kms_key.data",
        resourceType: "aws_kms_key",
        attribute: "arn",
        target: { kind: "arn", arn: ARN_A },
        action: "delete",
        change: {
          action: "delete",
          source: "terraform-plan",
          address: "aws_kms_key.data",
          deletionWindowDays: 7,
          disables: false,
        },
      }),
    ]);
  });

  it("keeps an unset deletion window null rather than assuming Terraform's 30 days", () => {
    const { references } = read(
      plan([resourceChange({ actions: ["delete"], before: { arn: ARN_A } })]),
    );
    expect(references[0]?.change?.deletionWindowDays).toBeNull();
  });

  it.each([
    ["aws_kms_key", "is_enabled", { is_enabled: true }, true],
    ["aws_kms_key", "is_enabled", {}, true],
    ["aws_kms_key", "is_enabled", { is_enabled: false }, false],
    ["aws_kms_replica_key", "enabled", { enabled: true }, true],
    ["aws_kms_external_key", "enabled", { enabled: true }, true],
    ["aws_kms_replica_external_key", "enabled", { enabled: true }, true],
  ])(
    "reads an update of %s setting %s false (before %j) as disabling: %s",
    (type, attribute, before, expected) => {
      const { references } = read(
        plan([
          resourceChange({
            type,
            address: `${type}.data`,
            actions: ["update"],
            before: { arn: ARN_A, ...before },
            after: { arn: ARN_A, [attribute]: false },
          }),
        ]),
      );
      expect(references[0]).toMatchObject({
        resourceType: type,
        action: "update",
        change: { action: "update", disables: expected, deletionWindowDays: null },
      });
    },
  );

  it("does not read an update that keeps the key enabled as disabling", () => {
    const { references } = read(
      plan([
        resourceChange({
          actions: ["update"],
          before: { arn: ARN_A, is_enabled: true, description: "old" },
          after: { arn: ARN_A, is_enabled: true, description: "new" },
        }),
      ]),
    );
    expect(references[0]?.change?.disables).toBe(false);
  });

  it("identifies a key being created by its address", () => {
    const doc = plan([
      {
        ...resourceChange({ actions: ["create"], after: { is_enabled: true } }),
        change: {
          actions: ["create"],
          before: null,
          after: { is_enabled: true, deletion_window_in_days: 7 },
          after_unknown: { arn: true, id: true, key_id: true },
        },
      },
    ]);
    const { references, warnings } = read(doc);
    expect(warnings).toEqual([]);
    expect(references[0]).toMatchObject({
      action: "create",
      attribute: null,
      target: { kind: "planned", address: "aws_kms_key.data" },
      change: { action: "create", deletionWindowDays: null, disables: false },
    });
  });

  it("keeps a module, for_each and count address whole", () => {
    const address = 'module.a["x"].aws_kms_key.this[0]';
    const { references } = read(
      plan([
        resourceChange({ address, actions: ["create"] }),
        resourceChange({ address, actions: ["delete"], before: { arn: ARN_A }, extra: {} }),
      ]),
    );
    expect(references.map(summary)).toEqual([
      { address, action: "create", target: planned(address) },
      { address, action: "delete", target: { kind: "arn", arn: ARN_A } },
    ]);
  });

  it("finds the ARN in prior_state, searching child modules", () => {
    const address = 'module.a["x"].module.b.aws_kms_key.this[0]';
    const doc = plan([resourceChange({ address, actions: ["update"], before: { id: "x" } })], {
      prior_state: priorState({
        resources: [
          {
            address: "aws_kms_key.other",
            mode: "managed",
            type: "aws_kms_key",
            values: { arn: ARN_B },
          },
        ],
        child_modules: [
          { address: 'module.a["y"]', resources: [] },
          {
            address: 'module.a["x"]',
            child_modules: [
              {
                address: 'module.a["x"].module.b',
                resources: [
                  { address, mode: "managed", type: "aws_kms_key", values: { arn: ARN_A } },
                ],
              },
            ],
          },
        ],
      }),
    });
    const { references, warnings } = read(doc);
    expect(warnings).toEqual([]);
    expect(references.map(summary)).toEqual([
      { address, action: "update", target: { kind: "arn", arn: ARN_A } },
      // Only in prior_state (a targeted plan): read as state.
      { address: "aws_kms_key.other", action: null, target: { kind: "arn", arn: ARN_B } },
    ]);
  });

  it("does not give a deposed object the current object's ARN from prior_state", () => {
    const current = {
      address: "aws_kms_key.data",
      mode: "managed",
      type: "aws_kms_key",
      values: { arn: ARN_A },
    };
    const deposed = (before: object, key: string) =>
      resourceChange({ actions: ["delete"], before, extra: { deposed: key } });
    const { references, warnings } = read(
      plan([deposed({ arn: ARN_B }, "00000001")], {
        prior_state: priorState({ resources: [current] }),
      }),
    );
    expect(references.map((r) => r.target)).toEqual([{ kind: "arn", arn: ARN_B }]);
    expect(warnings).toEqual([]);
    // Without an ARN of its own, a deposed key's deletion cannot be checked.
    const err = inputErrorOf(() =>
      read(plan([deposed({}, "00000002")], { prior_state: priorState({ resources: [current] }) })),
    );
    expect(err.message).toMatch(/^resource_changes\[0\]\.change\.before\.arn: expected the ARN/);
  });

  it("reads a moved key (previous_address) as a no-op at its new address, not a delete", () => {
    const { references, warnings } = read(
      plan([
        resourceChange({
          address: "aws_kms_key.renamed",
          actions: ["no-op"],
          before: { arn: ARN_A, is_enabled: true },
          after: { arn: ARN_A, is_enabled: true },
          extra: { previous_address: "aws_kms_key.data" },
        }),
      ]),
    );
    expect(warnings).toEqual([]);
    expect(references.map(summary)).toEqual([
      { address: "aws_kms_key.renamed", action: "none", target: { kind: "arn", arn: ARN_A } },
    ]);
    expect(references[0]?.change).toMatchObject({ action: "none", deletionWindowDays: null });
  });

  it.each([[["forget"]], [["create", "forget"]], [["forget", "create"]]])(
    "reads %j as orphaning the existing key",
    (actions) => {
      const { references } = read(
        plan([resourceChange({ actions, before: { arn: ARN_A, deletion_window_in_days: 7 } })]),
      );
      expect(references.map(summary)).toEqual([
        { address: "aws_kms_key.data", action: "orphan", target: { kind: "arn", arn: ARN_A } },
      ]);
      expect(references[0]?.change?.deletionWindowDays).toBeNull();
    },
  );

  it("identifies a kept key without any ARN by its address, with a warning", () => {
    const { references, warnings } = read(
      plan([resourceChange({ actions: ["update"], before: { id: "1234" }, after: {} })], {
        prior_state: priorState({ resources: [] }),
      }),
    );
    expect(references.map(summary)).toEqual([
      { address: "aws_kms_key.data", action: "update", target: planned("aws_kms_key.data") },
    ]);
    expect(references[0]?.attribute).toBeNull();
    expect(warnings).toEqual([
      "aws_kms_key.data: the plan has no ARN for this key (neither in change.before nor in prior_state); identified by its address only",
    ]);
  });

  it("warns when a kept key's ARN is not a key ARN", () => {
    const alias = "arn:aws:kms:us-east-1:111122223333:alias/app";
    const { references, warnings } = read(
      plan([resourceChange({ actions: ["no-op"], before: { arn: alias }, after: { arn: alias } })]),
    );
    expect(references[0]?.target).toEqual(planned("aws_kms_key.data"));
    expect(warnings).toEqual([
      "aws_kms_key.data: its arn is not a KMS key ARN; identified by its address only",
    ]);
  });

  // Without the ARN AWS cannot be asked whether the key is used: the change is not let through.
  it.each<[string, Record<string, unknown>, string]>([
    [
      "a delete without any ARN",
      resourceChange({ actions: ["delete"], before: { id: "1234" } }),
      "resource_changes[0].change.before.arn: expected the ARN of the key this delete acts on (in change.before, prior_state or resource_drift), got nothing (the field is missing)",
    ],
    [
      "a replace whose ARN is an alias's",
      resourceChange({
        actions: ["delete", "create"],
        before: { arn: "arn:aws:kms:us-east-1:111122223333:alias/app" },
        after: {},
      }),
      'resource_changes[0].change.before.arn: expected the ARN of the key this replace acts on (in change.before, prior_state or resource_drift), got "arn:aws:kms:us-east-1:111122223333:alias/app"',
    ],
    [
      "an update that disables a key without an ARN",
      resourceChange({ actions: ["update"], before: {}, after: { is_enabled: false } }),
      "resource_changes[0].change.before.arn: expected the ARN of the key this update disables (in change.before, prior_state or resource_drift), got nothing (the field is missing)",
    ],
  ])("refuses %s", (_case, change, message) => {
    const err = inputErrorOf(() => read(plan([change])));
    expect(err.file).toBe("plan.json");
    expect(err.message).toBe(`${message}; ${PLAN_HINT}`);
  });

  it("skips reads, data sources and other resource types without a warning", () => {
    const { references, warnings } = read(
      plan([
        resourceChange({ actions: ["read"], before: { arn: ARN_A } }),
        {
          ...resourceChange({ address: "data.aws_kms_key.k", actions: ["read"] }),
          mode: "data",
        },
        resourceChange({ type: "aws_s3_bucket", address: "aws_s3_bucket.b", actions: ["delete"] }),
        resourceChange({ type: "aws_kms_alias", address: "aws_kms_alias.a", actions: ["delete"] }),
      ]),
    );
    expect(references).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("keeps the plan's order and gives the same result twice", () => {
    const doc = plan([
      resourceChange({ address: "aws_kms_key.z", actions: ["create"] }),
      resourceChange({ address: "aws_kms_key.a", actions: ["delete"], before: { arn: ARN_A } }),
      resourceChange({ address: "aws_kms_key.m", actions: ["no-op"], before: { arn: ARN_B } }),
    ]);
    const first = read(doc);
    expect(first.references.map((r) => r.address)).toEqual([
      "aws_kms_key.z",
      "aws_kms_key.a",
      "aws_kms_key.m",
    ]);
    expect(read(doc)).toEqual(first);
  });
});

describe("readTerraformPlan: bad input", () => {
  const key = (spec: Partial<ChangeSpec> = {}) =>
    resourceChange({ actions: ["delete"], before: { arn: ARN_A }, ...spec });
  const withChange = (change: unknown) => ({ ...key(), change });
  const without = (field: string) => {
    const entry = key();
    delete entry[field];
    return entry;
  };

  // Each entry could be a key whose deletion goes unchecked if it were skipped.
  it.each<[string, unknown, string]>([
    ["null", null, "resource_changes[0]: expected a resource change (an object), got null"],
    [
      "a string",
      "aws_kms_key.x",
      'resource_changes[0]: expected a resource change (an object), got "aws_kms_key.x"',
    ],
    ["a number", 42, "resource_changes[0]: expected a resource change (an object), got 42"],
    [
      "a list",
      [],
      "resource_changes[0]: expected a resource change (an object), got an empty list",
    ],
    [
      "no type",
      without("type"),
      "resource_changes[0].type: expected a resource type (a string), got nothing (the field is missing)",
    ],
    [
      "a number type",
      { ...key(), type: 7 },
      "resource_changes[0].type: expected a resource type (a string), got 7",
    ],
    [
      "no address",
      without("address"),
      "resource_changes[0].address: expected an address (a string), got nothing (the field is missing)",
    ],
    [
      "an empty address",
      { ...key(), address: "" },
      'resource_changes[0].address: expected an address (a string), got ""',
    ],
    [
      "no mode",
      without("mode"),
      'resource_changes[0].mode: expected "managed" or "data", got nothing (the field is missing)',
    ],
    [
      "an unknown mode",
      { ...key(), mode: "ephemeral" },
      'resource_changes[0].mode: expected "managed" or "data", got "ephemeral"',
    ],
    [
      "no change",
      without("change"),
      "resource_changes[0].change: expected the change (an object with actions, before and after), got nothing (the field is missing)",
    ],
    [
      "a null change",
      withChange(null),
      "resource_changes[0].change: expected the change (an object with actions, before and after), got null",
    ],
    [
      "a string change",
      withChange("delete"),
      'resource_changes[0].change: expected the change (an object with actions, before and after), got "delete"',
    ],
    [
      "actions as a string",
      key({ actions: "delete" }),
      'resource_changes[0].change.actions: expected a list of action names, got "delete"',
    ],
    [
      "actions as numbers",
      key({ actions: [1] }),
      "resource_changes[0].change.actions: expected a list of action names, got [1]",
    ],
    [
      "no actions",
      withChange({ before: { arn: ARN_A } }),
      "resource_changes[0].change.actions: expected a list of action names, got nothing (the field is missing)",
    ],
    [
      "an unknown pair of actions",
      key({ actions: ["delete", "update"] }),
      `resource_changes[0].change.actions: expected a list of action names this tool knows (["create"], ["update"], ["delete"], ["delete","create"], ["create","delete"], ["no-op"], ["read"], ["forget"], …), got ["delete","update"]`,
    ],
    [
      "a joined pair of actions",
      key({ actions: ["delete,create"] }),
      'resource_changes[0].change.actions: expected a list of action names this tool knows (["create"], ["update"], ["delete"], ["delete","create"], ["create","delete"], ["no-op"], ["read"], ["forget"], …), got ["delete,create"]',
    ],
    [
      "an empty action list",
      key({ actions: [] }),
      'resource_changes[0].change.actions: expected a list of action names this tool knows (["create"], ["update"], ["delete"], ["delete","create"], ["create","delete"], ["no-op"], ["read"], ["forget"], …), got an empty list',
    ],
    [
      "before as a string",
      key({ before: "arn" }),
      'resource_changes[0].change.before: expected an object or null, got "arn"',
    ],
    [
      "after as a list",
      key({ actions: ["update"], after: [] }),
      "resource_changes[0].change.after: expected an object or null, got an empty list",
    ],
    [
      "after_unknown as a string",
      withChange({ actions: ["delete"], before: { arn: ARN_A }, after_unknown: "x" }),
      'resource_changes[0].change.after_unknown: expected true, false or an object of marks, got "x"',
    ],
    [
      "before_sensitive as a number",
      withChange({ actions: ["delete"], before: { arn: ARN_A }, before_sensitive: 1 }),
      "resource_changes[0].change.before_sensitive: expected true, false or an object of marks, got 1",
    ],
    [
      "deposed as a number",
      key({ extra: { deposed: 1 } }),
      "resource_changes[0].deposed: expected a string, got 1",
    ],
    [
      "an alias without its target",
      key({
        type: "aws_kms_alias",
        actions: ["update"],
        before: { name: "alias/a" },
        after: { name: "alias/a" },
      }),
      "resource_changes[0].change.after.target_key_id: expected the key the alias points at (a key id or key ARN), got nothing (the field is missing)",
    ],
    [
      "an alias deleted with a target that is no key",
      key({ type: "aws_kms_alias", before: { name: "alias/a", target_key_id: "alias/b" } }),
      'resource_changes[0].change.before.target_key_id: expected the key the alias points at (a key id or key ARN), got "alias/b"',
    ],
    // Not a KMS type: it may still hold a key ARN in its attributes.
    [
      "a bucket without its change",
      { type: "aws_s3_bucket", address: "aws_s3_bucket.b", mode: "managed", change: null },
      "resource_changes[0].change: expected the change (an object with actions, before and after), got null",
    ],
  ])("refuses a resource change that is %s, naming its path", (_case, entry, message) => {
    const err = inputErrorOf(() => read(plan([entry])));
    expect(err.file).toBe("plan.json");
    expect(err.message).toBe(`${message}; ${PLAN_HINT}`);
  });

  it("names the entry by its index among good ones", () => {
    const good = key({ address: "aws_kms_key.good", actions: ["create"], before: null });
    const err = inputErrorOf(() => read(plan([good, good, key({ actions: "delete" })])));
    expect(err.message).toMatch(/^resource_changes\[2\]\.change\.actions: /);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "prior_state's values of the wrong type",
      { prior_state: { values: [] } },
      "prior_state.values: expected an object, got an empty list",
    ],
    [
      "prior_state without its root module",
      { prior_state: { values: {} } },
      "prior_state.values.root_module: expected the root module (an object), got nothing (the field is missing)",
    ],
    [
      "a prior_state resource that is null",
      { prior_state: priorState({ resources: [null] }) },
      "prior_state.values.root_module.resources[0]: expected a resource (an object), got null",
    ],
    [
      "a prior_state resource without a type",
      { prior_state: priorState({ resources: [{ address: "aws_kms_key.k", mode: "managed" }] }) },
      "prior_state.values.root_module.resources[0].type: expected a resource type (a string), got nothing (the field is missing)",
    ],
    [
      "a prior_state resource whose values are a string",
      {
        prior_state: priorState({
          resources: [{ address: "a.b", mode: "managed", type: "a", values: "x" }],
        }),
      },
      'prior_state.values.root_module.resources[0].values: expected an object or null, got "x"',
    ],
    [
      "prior_state's child modules as a string",
      { prior_state: priorState({ child_modules: "m" }) },
      'prior_state.values.root_module.child_modules: expected a list of modules, got "m"',
    ],
    [
      "a child module that is null",
      { prior_state: priorState({ child_modules: [null] }) },
      "prior_state.values.root_module.child_modules[0]: expected a module (an object), got null",
    ],
    [
      "a key in prior_state only, without an ARN",
      {
        prior_state: priorState({
          resources: [
            { address: "aws_kms_key.k", mode: "managed", type: "aws_kms_key", values: {} },
          ],
        }),
      },
      "prior_state.values.root_module.resources[0].values.arn: expected the key's ARN (or its key_id), got nothing (the field is missing)",
    ],
    [
      "a drift entry that is a string",
      { resource_drift: ["x"] },
      'resource_drift[0]: expected a resource change (an object), got "x"',
    ],
    [
      "a drift entry without a change",
      { resource_drift: [{ type: "aws_kms_key", mode: "managed", address: "aws_kms_key.data" }] },
      "resource_drift[0].change: expected the change (an object), got nothing (the field is missing)",
    ],
  ])("refuses %s", (_case, extra, message) => {
    const err = inputErrorOf(() => read(plan([key()], extra)));
    expect(err.file).toBe("plan.json");
    expect(err.message).toBe(`${message}; ${PLAN_HINT}`);
  });

  it.each([
    ["resource_changes", { resource_changes: {} }, "a list of resource changes", "an object"],
    ["resource_changes", { resource_changes: "x" }, "a list of resource changes", '"x"'],
    ["resource_changes", { resource_changes: null }, "a list of resource changes", "null"],
    ["prior_state", { prior_state: "x" }, "the prior state", '"x"'],
    ["prior_state", { prior_state: null }, "the prior state", "null"],
    ["planned_values", { planned_values: [] }, "the planned values", "an empty list"],
    ["resource_drift", { resource_drift: {} }, "a list of resource changes", "an object"],
    ["output_changes", { output_changes: [] }, "an object of output changes", "an empty list"],
    ["configuration", { configuration: 1 }, "an object", "1"],
    ["configuration.root_module", { configuration: { root_module: "x" } }, "an object", '"x"'],
  ])("refuses %s of the wrong type (%j)", (path, fields, expected, found) => {
    const err = inputErrorOf(() => read({ ...plan([]), ...fields }));
    expect(err.file).toBe("plan.json");
    expect(err.message).toBe(`${path}: expected ${expected}, got ${found}; ${PLAN_HINT}`);
  });

  it.each([
    [
      "format_version is a number",
      { format_version: 1 },
      'format_version is 1; expected a version like "1.2"',
    ],
    [
      "format_version is from the future",
      { format_version: "2.0" },
      "plan format_version 2.0 is not supported; this version of kms-usage-lint reads plan formats 0.x and 1.x",
    ],
  ])("throws an InputError naming the file when %s", (_case, fields, message) => {
    const err = inputErrorOf(() => read({ ...plan([]), ...fields }));
    expect(err.file).toBe("plan.json");
    expect(err.message).toBe(message);
  });

  it("accepts format versions 0.1 to 1.x", () => {
    for (const version of ["0.1", "0.2", "1.0", "1.2", "1.17"]) {
      expect(read({ ...plan([]), format_version: version })).toEqual({
        references: [],
        warnings: [],
      });
    }
  });

  it("reads a plan without resource_changes as having no keys", () => {
    const doc = { format_version: "1.2", planned_values: { root_module: {} } };
    expect(read(doc)).toEqual({ references: [], warnings: [] });
  });

  it.each([
    [
      "state from terraform show -json",
      { format_version: "1.0", terraform_version: "1.9.5", values: { root_module: {} } },
      "this is Terraform state as `terraform show -json` prints it without a plan file (it has `values`, not `resource_changes`)",
    ],
    [
      "a raw state file",
      { version: 4, terraform_version: "1.9.5", serial: 3, resources: [] },
      "this is a raw Terraform state file (terraform.tfstate)",
    ],
    [
      "terraform output -json",
      { key_arn: { value: ARN_A, type: "string", sensitive: false } },
      "this looks like `terraform output -json`",
    ],
    ["a CloudFormation template", { Resources: {} }, "this is a CloudFormation template"],
    [
      "a CDK manifest",
      { version: "36.0.0", artifacts: {} },
      "this is a CDK cloud assembly manifest",
    ],
    [
      "an object with format_version only",
      { format_version: "1.2" },
      "this JSON object has format_version but none of resource_changes, planned_values, prior_state, configuration, output_changes",
    ],
    ["an empty object", {}, "the file holds an empty JSON object"],
    [
      "an object of something else",
      { name: "x" },
      "this JSON object has none of the fields of a Terraform plan (format_version, resource_changes, …)",
    ],
    ["an array", [], "the file holds an array"],
    ["null", null, "the file holds null"],
    ["a string", "plan", "the file holds a string"],
  ])("says what it got instead of a plan: %s", (_case, doc, what) => {
    expect(isTerraformPlan(doc)).toBe(false);
    const err = inputErrorOf(() => read(doc));
    expect(err.file).toBe("plan.json");
    expect(err.message).toBe(
      `${what}; expected a Terraform plan, the output of \`terraform show -json PLANFILE\``,
    );
  });

  it("rejects an empty plan file", () => {
    const err = inputErrorOf(() => parseJson("\n  \n", "plan.json"));
    expect(err.describe()).toBe("plan.json: the file is empty; expected a JSON document");
  });

  it("names the line where a truncated plan stops", () => {
    const text = JSON.stringify(
      plan([resourceChange({ actions: ["delete"], before: { arn: ARN_A } })]),
      null,
      2,
    );
    const cut = text.slice(0, text.indexOf('"before"'));
    const err = inputErrorOf(() => read(parseJson(cut, "plan.json")));
    expect(err.file).toBe("plan.json");
    expect(err.line).toBe(cut.trimEnd().split("\n").length);
    expect(err.line).toBe(14);
  });
});

describe("isTerraformPlan", () => {
  it.each([
    [{ format_version: "1.2", resource_changes: [] }, true],
    [{ format_version: "0.1", planned_values: {} }, true],
    [{ format_version: "1.2", prior_state: {} }, true],
    [{ format_version: "1.2", configuration: {} }, true],
    [{ format_version: "1.2", output_changes: {} }, true],
    [{ format_version: "1.2", resource_changes: [], values: {} }, false],
    [{ resource_changes: [] }, false],
    [{ format_version: "1.2" }, false],
    [[{ format_version: "1.2", resource_changes: [] }], false],
  ])("%j → %s", (doc, expected) => {
    expect(isTerraformPlan(doc)).toBe(expected);
  });
});
