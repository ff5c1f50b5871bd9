/**
 * What an AWS error answer means, in one line: AWS's own vocabulary, no calls.
 * The facts stage says it of a key; the CDK reader of a deployed stack it
 * could not compare with.
 */

/**
 * A one-line reason for an AWS error, naming the missing IAM action where access
 * was denied so the user knows what to grant.
 */
export function describeError(code: string, message: string, operation: string): string {
  if (code === "AccessDeniedException" || code === "AccessDenied") {
    // CloudFormation reads name a cloudformation: action on the stack, CloudTrail's lookup
    // one on the account's Event history; everything else here is KMS.
    if (operation === "LookupEvents") {
      return `access denied: the caller needs cloudtrail:LookupEvents (${message})`;
    }
    // An inventory's listings (issue 17) are of an account, not of a key.
    if (operation === "ListRegions")
      return `access denied: the account's role needs account:ListRegions (${message})`;
    if (operation === "ListKeys")
      return `access denied: the account's role needs kms:ListKeys in this region (${message})`;
    const stack = /Stack|Template/.test(operation);
    const [service, what] = stack ? ["cloudformation", "stack"] : ["kms", "key"];
    return `access denied: the caller needs ${service}:${operation} on this ${what} (${message})`;
  }
  if (code === "NotFoundException") return `${operation}: the key does not exist (${message})`;
  return message ? `${operation}: ${message}` : `${operation} failed with ${code}`;
}
