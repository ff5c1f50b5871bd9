import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/model.js";
import { collectFromText, detectKind, type InputKind } from "../../src/sources/detect.js";
import { WRAPPER_WARNING } from "../../src/sources/terraform/wrapper.js";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8");
}

function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

function collect(text: string, kind: InputKind = "auto", path = "input.json") {
  return collectFromText({ kind, path }, text);
}

describe("detectKind", () => {
  it.each([
    ["terraform-plan/tfcompliance_module_kms_key.plan.json", "terraform-plan"],
    ["terraform-plan/tfjson_action_invocations.plan.json", "terraform-plan"],
    ["terraform-state/infracost_tf014.show-state.json", "terraform-state"],
    ["terraform-state/tfjson_identity.show-state.json", "terraform-state"],
    ["terraform-state/driftctl_aws_kms_key.tfstate", "terraform-state"],
    ["terraform-state/legacy_v3_simple.tfstate", "terraform-state"],
    ["terraform-outputs/c7n_vpc_resolver.output.json", "terraform-outputs"],
    ["cfn-templates/awscfn_s3_xacct_repl_kms_source.json", "cloudformation-template"],
    ["cdk-assembly/awscdk_kms_key_v20/aws-cdk-kms-1.template.json", "cloudformation-template"],
    ["cdk-outputs/awscdkcli_readme_example_1.outputs.json", "cdk-outputs"],
    ["cdk-outputs/awscdkcli_readme_example_2.outputs.json", "cdk-outputs"],
  ])("%s is %s", (path, kind) => {
    expect(detectKind(JSON.parse(fixture(path)), path)).toBe(kind);
  });

  it.each([
    [
      "an empty object",
      {},
      "the file holds an empty JSON object; expected a Terraform plan (terraform show -json PLANFILE), Terraform state (terraform show -json, terraform.tfstate), Terraform outputs (terraform output -json), CDK deploy outputs (cdk deploy --outputs-file) or a CloudFormation template (JSON or YAML) (an empty `terraform output -json` can be passed with --terraform-outputs, empty CDK outputs with --cdk-outputs)",
    ],
    [
      "a CDK manifest",
      { version: "36.0.0", artifacts: {} },
      "not a recognised input: this is a CDK cloud assembly manifest, which is read with its directory: pass the cdk.out directory (--cdk-out DIR); expected a Terraform plan (terraform show -json PLANFILE), Terraform state (terraform show -json, terraform.tfstate), Terraform outputs (terraform output -json), CDK deploy outputs (cdk deploy --outputs-file) or a CloudFormation template (JSON or YAML)",
    ],
    [
      "some other JSON",
      { name: "package", version: "1.0.0" },
      "not a recognised input: this JSON object is not a document this tool reads; expected a Terraform plan (terraform show -json PLANFILE), Terraform state (terraform show -json, terraform.tfstate), Terraform outputs (terraform output -json), CDK deploy outputs (cdk deploy --outputs-file) or a CloudFormation template (JSON or YAML)",
    ],
    [
      "an array",
      [1],
      "not a recognised input: the file holds an array; expected a Terraform plan (terraform show -json PLANFILE), Terraform state (terraform show -json, terraform.tfstate), Terraform outputs (terraform output -json), CDK deploy outputs (cdk deploy --outputs-file) or a CloudFormation template (JSON or YAML)",
    ],
  ])("rejects %s, naming the file", (_case, doc, message) => {
    const err = inputErrorOf(() => detectKind(doc, "x.json"));
    expect(err.file).toBe("x.json");
    expect(err.message).toBe(message);
  });
});

describe("collectFromText", () => {
  it("reads a plan, with the module tree of its configuration", () => {
    const collected = collect(fixture("terraform-plan/tfcompliance_module_kms_key.plan.json"));
    expect(collected.references.map((ref) => ref.address)).toEqual([
      "module.project1.aws_kms_key.test",
    ]);
    expect(collected.terraform).toEqual({
      root: "plan",
      modules: { project1: { source: "./module", calls: {} } },
    });
  });

  it("reads state and outputs, by content or by the kind named", () => {
    const state = fixture("terraform-state/driftctl_aws_kms_key.tfstate");
    expect(collect(state).references).toHaveLength(3);
    expect(collect(state, "terraform-state").terraform).toEqual({ root: "state", modules: {} });
    const outputs = `{"key": {"value": "${KEY}", "type": "string", "sensitive": false}}`;
    expect(collect(outputs).references.map((ref) => ref.source)).toEqual(["terraform-outputs"]);
    expect(collect("{}", "terraform-outputs")).toEqual({ references: [], warnings: [] });
  });

  it("strips the setup-terraform wrapper's lines, with a warning", () => {
    const collected = collect(
      fixture("terraform-plan/infracost_setup_terraform_wrapper_NOT_PURE_JSON.plan.txt"),
    );
    expect(collected.warnings).toEqual([WRAPPER_WARNING]);
    expect(collected.references).toEqual([]);
    expect(collected.terraform?.root).toBe("plan");
  });

  it("names the file's line of a syntax error inside the wrapper's lines", () => {
    const text =
      '[command]terraform show -json tfplan\n{"format_version":\n  "1.2",,}\n::debug::exitcode: 0\n';
    const err = inputErrorOf(() => collect(text, "terraform-plan", "plan.txt"));
    expect(err.file).toBe("plan.txt");
    expect(err.line).toBe(3);
  });

  it("says what a state file is when a plan was named", () => {
    const err = inputErrorOf(() =>
      collect(
        fixture("terraform-state/driftctl_aws_kms_key.tfstate"),
        "terraform-plan",
        "plan.json",
      ),
    );
    expect(err.describe()).toBe(
      "plan.json: this is a raw Terraform state file (terraform.tfstate); expected a Terraform plan, the output of `terraform show -json PLANFILE`",
    );
  });

  it("says a plan that is an empty object is one", () => {
    expect(inputErrorOf(() => collect("{}", "terraform-plan", "plan.json")).describe()).toBe(
      "plan.json: the file holds an empty JSON object; expected a Terraform plan, the output of `terraform show -json PLANFILE`",
    );
  });

  it.each<[InputKind, string]>([
    [
      "terraform-plan",
      "plan.json: the file is empty; expected a Terraform plan (terraform show -json PLANFILE)",
    ],
    [
      "terraform-state",
      "plan.json: the file is empty; expected Terraform state (terraform show -json, or terraform.tfstate)",
    ],
    [
      "terraform-outputs",
      "plan.json: the file is empty; expected Terraform outputs (terraform output -json)",
    ],
    [
      "auto",
      "plan.json: the file is empty; expected a Terraform plan, state or outputs as JSON, CDK deploy outputs, or a CloudFormation template",
    ],
    [
      "cdk-outputs",
      "plan.json: the file is empty; expected CDK deploy outputs (cdk deploy --outputs-file)",
    ],
    [
      "cloudformation-template",
      "plan.json: the file is empty; expected a CloudFormation template (JSON or YAML)",
    ],
  ])("rejects a 0-byte file given as %s", (kind, message) => {
    expect(inputErrorOf(() => collect("", kind, "plan.json")).describe()).toBe(message);
  });

  it("names the line where a truncated plan stops", () => {
    const text = fixture("terraform-plan/tfcompliance_kms_rotation_fail_min.plan.json");
    const cut = text.slice(0, Math.floor(text.length / 2));
    const err = inputErrorOf(() => collect(cut, "auto", "plan.json"));
    expect(err.file).toBe("plan.json");
    expect(err.line).toBe(cut.trimEnd().split("\n").length);
    expect(err.message).toMatch(/^not valid JSON: /);
  });

  it.each([
    [
      "a binary file",
      "\u0007ELF\u0002\u0001\u0001\u0000\u0000\u0000",
      "binary file, expected JSON",
    ],
    [
      "a saved plan file (a zip archive)",
      "PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000tfplan",
      "this is a binary Terraform plan (a zip archive, as `terraform plan -out` writes), expected JSON: run `terraform show -json PLANFILE > plan.json` and pass that",
    ],
    [
      "UTF-16 text read as UTF-8",
      '\ufffd\ufffd{\u0000"\u0000f\u0000',
      "UTF-16 text, expected UTF-8 JSON (in PowerShell, write the file with `| Out-File -Encoding utf8`)",
    ],
  ])("rejects %s before parsing", (_case, text, message) => {
    const err = inputErrorOf(() => collect(text, "terraform-plan", "plan.bin"));
    expect(err.file).toBe("plan.bin");
    expect(err.message).toBe(message);
  });

  it("looks for NUL bytes only at the start of a large file", () => {
    const text = `{"a": "${"x".repeat(10_000)}\u0000"}`;
    const err = inputErrorOf(() => collect(text));
    expect(err.message).toMatch(/^not valid JSON/);
  });
});

describe("collectFromText: CloudFormation templates and CDK outputs", () => {
  const YAML_TEMPLATE =
    "Resources:\n  Key:\n    Type: AWS::KMS::Key\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: !GetAtt Key.Arn\n";

  it.each([
    ["a .yaml file", "app.yaml"],
    ["a .yml file", "app.template.yml"],
    ["YAML with a Resources key, whatever its name", "app.template"],
  ])("reads %s as a YAML template", (_case, path) => {
    const collected = collect(YAML_TEMPLATE, "auto", path);
    expect(
      collected.references.map((ref) => [ref.source, ref.kind, ref.address, ref.attribute]),
    ).toEqual([
      ["cloudformation-template", "key", "app/Key", null],
      ["cloudformation-template", "consumer", "app/Queue", "KmsMasterKeyId"],
    ]);
    expect(collected.stacks?.map((stack) => [stack.name, stack.templateFile])).toEqual([
      ["app", path],
    ]);
    expect(collected.terraform).toBeUndefined();
  });

  it("reads a JSON template by its content, and a template named as one", () => {
    const json = fixture("cfn-templates/awscfn_s3_xacct_repl_kms_source.json");
    expect(collect(json, "auto", "source.json").references).toHaveLength(4);
    const yaml = fixture("cfn-templates/awscfn_s3_xacct_repl_kms_source.yaml");
    const named = collect(yaml, "cloudformation-template", "templates/source.txt");
    expect(named.references.map((ref) => ref.address)).toEqual([
      "source/KmsKey",
      "source/KmsKeyAlias",
      "source/S3BucketSource",
      "source/ReplicationRole",
    ]);
  });

  it("puts a template's keys in the stack the input names", () => {
    const collected = collectFromText(
      {
        kind: "cloudformation-template",
        path: "t.yaml",
        stack: { name: "Data", account: "111122223333", region: "us-east-1" },
      },
      YAML_TEMPLATE,
    );
    expect(collected.references[0]?.target).toEqual({
      kind: "stack-resource",
      stack: "Data",
      region: "us-east-1",
      account: "111122223333",
      logicalId: "Key",
    });
  });

  it("passes the YAML parser's warnings on", () => {
    const collected = collect(
      fixture("cfn-templates/awscfn_stacksets_log_setup_mgmt.yaml"),
      "auto",
      "log.yaml",
    );
    expect(collected.warnings).toEqual([
      "line 177: Unresolved tag: !Rain::Embed; read as a plain value",
    ]);
  });

  it("refuses YAML that is not a template, and a template that is not YAML", () => {
    expect(
      inputErrorOf(() => collect("name: x\nversion: 1\n", "auto", "config.yml")).describe(),
    ).toBe(
      "config.yml: not a recognised input: this YAML is not a CloudFormation template (it has no Resources); expected a Terraform plan (terraform show -json PLANFILE), Terraform state (terraform show -json, terraform.tfstate), Terraform outputs (terraform output -json), CDK deploy outputs (cdk deploy --outputs-file) or a CloudFormation template (JSON or YAML)",
    );
    const err = inputErrorOf(() =>
      collect("Resources:\n  K: [\n", "cloudformation-template", "t.yaml"),
    );
    expect(err.file).toBe("t.yaml");
    expect(err.message).toMatch(/^not valid YAML: /);
  });

  it("reads CDK outputs, by content or by the kind named", () => {
    const outputs = JSON.stringify({ DataStack: { KeyArn: KEY } });
    expect(collect(outputs).references.map((ref) => [ref.source, ref.address])).toEqual([
      ["cdk-outputs", "DataStack.KeyArn"],
    ]);
    expect(collect("{}", "cdk-outputs")).toEqual({ references: [], warnings: [] });
  });
});

describe("collectFromText: malformed input is refused with its place", () => {
  it("counts the setup-terraform wrapper's lines in a repeated key's line", () => {
    const wrapped = fixture(
      "terraform-plan/infracost_setup_terraform_wrapper_NOT_PURE_JSON.plan.txt",
    );
    // The plan's JSON ends before the wrapper's first workflow command.
    const end = wrapped.lastIndexOf("}", wrapped.indexOf("\n::"));
    const text = `${wrapped.slice(0, end)},\n"planned_values": {}\n${wrapped.slice(end)}`;
    const err = inputErrorOf(() => collect(text, "terraform-plan", "plan.txt"));
    // Line 1 is the wrapper's [command] line, 2 the plan, 3 the repeated key.
    expect(err.describe()).toMatch(
      /^plan\.txt:3: the key "planned_values" appears twice at the top level \(first on line 2,/,
    );
  });

  it.each<[string, string, InputKind, string]>([
    [
      "a JSON template without Resources, by its other sections",
      '{"Parameters": {"P": {"Type": "String"}}, "Outputs": {"O": {"Value": {"Ref": "P"}}}}',
      "auto",
      "t.json: Resources: expected an object of resources",
    ],
    [
      "a YAML template without Resources, named as one",
      "AWSTemplateFormatVersion: 2010-09-09\nOutputs:\n  O:\n    Value: x\n",
      "cloudformation-template",
      "t.json: Resources: expected an object of resources",
    ],
    [
      "a JSON template with a logical id twice",
      '{"Resources": {\n "K": {"Type": "AWS::KMS::Key"},\n "K": {"Type": "AWS::SQS::Queue"}}}',
      "auto",
      't.json:3: the key "K" appears twice in "Resources"',
    ],
    [
      "a YAML template with a logical id twice",
      "Resources:\n  K:\n    Type: AWS::KMS::Key\n  K:\n    Type: AWS::SQS::Queue\n",
      "cloudformation-template",
      't.json:4: the key "K" appears twice in "Resources"',
    ],
    [
      "a YAML template whose logical ids are not strings",
      "Resources:\n  1: {Type: AWS::KMS::Key}\n  ? [a, b]\n  : {Type: AWS::SQS::Queue}\n  null: 3\n",
      "cloudformation-template",
      't.json: Resources[""]: expected a resource ({Type, Properties}), got 3',
    ],
    [
      "CDK outputs whose stack is a list",
      `{"A": {"Arn": "${KEY}"}, "B": [1]}`,
      "cdk-outputs",
      "t.json: B: expected the stack's outputs (an object), got [1]",
    ],
  ])("%s", (_case, text, kind, message) => {
    expect(inputErrorOf(() => collect(text, kind, "t.json")).describe()).toMatch(
      new RegExp(`^${message.replace(/[()[\]{}.*+?^$|\\]/g, "\\$&")}`),
    );
  });

  it("reads a plan holding a 20 MB string and __proto__ keys without touching prototypes", () => {
    const big = "x".repeat(20_000_000);
    const text = `{"format_version":"1.2","resource_changes":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","change":{"actions":["update"],"before":{"policy":"${big}"},"after":{"__proto__":{"kms_key_id":"${KEY}"},"policy":"${big}"},"after_unknown":{}}}],"__proto__":{"resource_changes":[]}}`;
    const { references } = collect(text, "auto", "plan.json");
    expect(references.map((ref) => [ref.kind, ref.attribute])).toEqual([
      ["consumer", "__proto__.kms_key_id"],
    ]);
    expect(({} as Record<string, unknown>).resource_changes).toBeUndefined();
  });
});
