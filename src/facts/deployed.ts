/**
 * Deployed CloudFormation stacks as the inputs know them (SPEC §2 "CDK assembly", §3):
 * a top-level stack by its name, a nested stack through its parent's deployed
 * resources — CloudFormation names a nested stack when it deploys it, and the
 * parent's `AWS::CloudFormation::Stack` resource has the nested stack's ARN as its
 * physical id. And the comparison of an assembly with what is deployed, nested
 * stacks included, which fails closed where the deployed side cannot be read.
 */
import {
  type DeployedStack,
  EvidenceError,
  type FactSource,
  type Fetched,
  type KeyReference,
  OTHER_ACCOUNT,
  type StackParent,
} from "../model.js";
import { showValue } from "../show.js";
import { MAX_NESTED_STACK_DEPTH } from "../sources/cdk/assembly.js";
import { diffDeployed, removedNestedStacks, removedStackKeys } from "../sources/cdk/changes.js";
import type { StackModel } from "../sources/cdk/stack.js";
import { MALFORMED } from "./answers.js";
import { describeError } from "./usage.js";

/** A stack as an input knows it: a nested one by its parent chain. */
export type StackRef = Pick<StackModel, "name" | "region" | "account" | "parent">;

/** The deployed stack an input's stack is; a null value when it is not deployed. */
export type DeployedStacks = (stack: StackRef) => Promise<Fetched<DeployedStack | null>>;

// arn:PARTITION:cloudformation:REGION:ACCOUNT:stack/NAME/ID, the physical id of a nested stack.
const STACK_ARN_RE =
  /^arn:aws[a-z-]*:cloudformation:([a-z0-9-]+):(\d{12}):stack\/([A-Za-z][-A-Za-z0-9]{0,127})\/[^/\s]+$/;

/**
 * The deployed stacks of `source`, one question per stack per run however
 * many stacks and keys ask. A nested stack is deployed when its parent is and
 * the parent's deployed resources name it; a parent that cannot be read makes
 * its nested stacks unreadable too, never "not deployed".
 */
export function deployedStacks(source: FactSource): DeployedStacks {
  const asked = new Map<string, Promise<Fetched<DeployedStack | null>>>();
  const named = (name: string, region: string | null, account: string | null) => {
    const id = `${name}\u0000${region ?? ""}\u0000${account ?? ""}`;
    let call = asked.get(id);
    if (!call) {
      call = source.deployedStack(name, region, account);
      asked.set(id, call);
    }
    return call;
  };
  const of: DeployedStacks = async (stack) => {
    const { parent } = stack;
    if (parent === null) return named(stack.name, stack.region, stack.account);
    const above = await of({
      name: parent.stack,
      region: stack.region,
      account: stack.account,
      parent: parent.parent,
    });
    if (!above.ok || above.value === null) return above;
    const { resources } = above.value;
    const physical = Object.hasOwn(resources, parent.logicalId)
      ? resources[parent.logicalId]
      : undefined;
    // A nested stack its parent has not created yet does not exist.
    if (physical === undefined) return { ok: true, value: null };
    const arn = typeof physical === "string" ? STACK_ARN_RE.exec(physical) : null;
    const [, region, account, name] = arn ?? [];
    const answeredBy = above.value.account;
    if (
      name === undefined ||
      (stack.region !== null && region !== stack.region) ||
      (answeredBy !== null && account !== answeredBy)
    ) {
      return {
        ok: false,
        error: {
          Operation: "ListStackResources",
          Code: MALFORMED,
          Message: `not evidence: CloudFormation gives ${showValue(physical)} as the physical id of ${stackPath(stack)}, which is not the ARN of a stack in the account and region of its parent`,
        },
      };
    }
    return named(name, stack.region, stack.account);
  };
  return of;
}

/**
 * What the change does to the keys of what is deployed: each stack of the
 * assembly, nested ones included, compared with its deployed template; and
 * the keys of deployed nested stacks the assembly no longer deploys, which
 * CloudFormation deletes with them.
 *
 * @throws EvidenceError naming the stack and the ways out when a deployed
 *   stack cannot be read: without it, a key the change removes would go
 *   unseen (SPEC §10).
 */
export async function compareWithDeployed(
  stacks: readonly StackModel[],
  deployed: DeployedStacks,
): Promise<KeyReference[]> {
  const references: KeyReference[] = [];
  // Asked all at once (each account-region paces its own calls), read in order: the
  // first stack that cannot be read is the one named, whichever answered first.
  const answers = await Promise.allSettled(stacks.map((stack) => deployed(stack)));
  for (const [i, stack] of stacks.entries()) {
    const settled = answers[i] as PromiseSettledResult<Fetched<DeployedStack | null>>;
    if (settled.status === "rejected") throw settled.reason;
    const answer = settled.value;
    // A stack that does not exist yet has nothing the change could delete.
    if (answer.ok && answer.value === null) continue;
    const template = deployedTemplate(answer, stack);
    references.push(...diffDeployed(template, stack));
    for (const gone of removedNestedStacks(template, stack)) {
      const nested = nestedIn(stack, gone.logicalId);
      references.push(
        ...(await removedStack(nested, gone.retains, stack.templateFile, deployed, 1)),
      );
    }
  }
  return references;
}

/**
 * The keys of a deployed nested stack the change removes, and of the nested
 * stacks within it. `depth` bounds a chain that only a wrong answer could make
 * long (a stack that names itself as its own nested stack).
 */
async function removedStack(
  stack: StackRef,
  kept: string | null,
  file: string,
  deployed: DeployedStacks,
  depth: number,
): Promise<KeyReference[]> {
  const answer = await deployed(stack);
  if (answer.ok && answer.value === null) return [];
  if (depth > MAX_NESTED_STACK_DEPTH) {
    throw new EvidenceError(
      `could not tell what the change does to ${describeStack(stack)}: its deployed stacks are nested more than ${MAX_NESTED_STACK_DEPTH} deep, which CloudFormation's answers (or the facts snapshot) should never say. Pass --cdk-base DIR (the base branch's synthesized assembly)`,
    );
  }
  const template = deployedTemplate(answer, stack);
  const { references, nested } = removedStackKeys(template, stack, file, kept);
  for (const inner of nested) {
    const below = nestedIn(stack, inner.logicalId);
    references.push(
      ...(await removedStack(below, kept ?? inner.retains, file, deployed, depth + 1)),
    );
  }
  return references;
}

/** The nested stack that `parent`'s resource `logicalId` deploys, named as the assembly reader names it. */
function nestedIn(parent: StackRef, logicalId: string): StackRef {
  return {
    name: `${parent.name}-${logicalId}`,
    region: parent.region,
    account: parent.account,
    parent: { stack: parent.name, logicalId, parent: parent.parent },
  };
}

/** The deployed template of a stack that is deployed, or the EvidenceError that it cannot be had. */
function deployedTemplate(answer: Fetched<DeployedStack | null>, stack: StackRef): unknown {
  if (answer.ok && answer.value !== null && answer.value.template != null) {
    return answer.value.template;
  }
  const why = answer.ok
    ? "the deployed stack's template is not known"
    : describeError(answer.error.Code, answer.error.Message, answer.error.Operation);
  const wayOut =
    !answer.ok && answer.error.Code === OTHER_ACCOUNT
      ? "Or pass --cdk-base DIR (the base branch's synthesized assembly), or evaluate from a facts snapshot taken with that role"
      : "Pass --cdk-base DIR (the base branch's synthesized assembly), or grant cloudformation:GetTemplate and cloudformation:ListStackResources, or take the facts snapshot from an assembly that has the stack";
  const where = stack.region === null ? "" : ` in ${stack.region}`;
  throw new EvidenceError(
    `could not tell what the change does to ${describeStack(stack)}${where}: without --cdk-base its deployed template is the base, and ${why}. ${wayOut}`,
  );
}

/** `stack App`, or `nested stack App/Nested/Inner` (the resources that deploy it). */
function describeStack(stack: StackRef): string {
  return stack.parent === null ? `stack ${stack.name}` : `nested stack ${stackPath(stack)}`;
}

function stackPath(stack: StackRef): string {
  return stack.parent === null ? stack.name : parentPath(stack.parent);
}

function parentPath(parent: StackParent): string {
  const above = parent.parent === null ? parent.stack : parentPath(parent.parent);
  return `${above}/${parent.logicalId}`;
}
