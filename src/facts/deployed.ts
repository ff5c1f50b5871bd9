/**
 * Deployed CloudFormation stacks as the inputs know them (SPEC §2 "CDK assembly", §3):
 * a top-level stack by its name, a nested stack through its parent's deployed
 * resources — CloudFormation names a nested stack when it deploys it, and the
 * parent's `AWS::CloudFormation::Stack` resource has the nested stack's ARN as its
 * physical id. The CDK reader compares an assembly with these
 * (sources/cdk/deployed.ts).
 */
import {
  type DeployedStack,
  type DeployedStacks,
  type FactSource,
  type Fetched,
  stackPath,
} from "../model.js";
import { showValue } from "../show.js";
import { MALFORMED } from "./answers.js";

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
