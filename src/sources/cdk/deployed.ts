/**
 * The change against what is deployed (SPEC §2 "CDK assembly"): without a base
 * assembly, each stack's deployed template is the base. Each stack of the
 * assembly, nested ones included, is compared with its deployed template, and
 * the keys of deployed nested stacks the assembly no longer deploys are the
 * keys CloudFormation deletes with them. The deployed stacks are asked of the
 * facts stage (a function passed in); where one cannot be read, this fails closed.
 */
import { describeError } from "../../aws/errors.js";
import {
  type DeployedStack,
  type DeployedStacks,
  EvidenceError,
  type Fetched,
  type KeyReference,
  OTHER_ACCOUNT,
  type StackRef,
  stackPath,
} from "../../model.js";
import { MAX_NESTED_STACK_DEPTH } from "./assembly.js";
import { diffDeployed, removedNestedStacks, removedStackKeys } from "./changes.js";
import type { StackModel } from "./stack.js";

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
