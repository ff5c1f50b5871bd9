/**
 * Scope `changed` (SPEC §7 `--scope`): a pull request asks only about the keys it
 * changes. A key is touched when a reference to it — the key itself, an alias of it,
 * a consumer of it, an output holding it — is created, updated, deleted, replaced,
 * orphaned or disabled. Scope is decided per key, over all its references, after
 * they are resolved and merged: a key touched only through its alias is in scope.
 *
 * A gate fails closed (SPEC §10): a reference whose change cannot be read keeps its
 * key in scope. Only two inputs say a resource is left as it is: a change that says
 * `none` (a plan's `no-op`, a CDK key unchanged from its base), and a Terraform plan's
 * references without an action — data sources and the resources `prior_state` holds
 * beyond `resource_changes` — which the plan, describing every change, leaves alone.
 * State, outputs, plain templates and `--key` describe no change, nor does a CDK
 * assembly for its aliases, consumers and outputs (only its keys are compared with
 * the base): their keys stay in scope.
 */
import type { KeyReference, KeySubject } from "../model.js";

/** True when the change touches the key, or some reference to it cannot tell. */
export function touchedByChange(subject: KeySubject): boolean {
  const compared = subject.references.some(
    (ref) => ref.source === "cdk-assembly" && ref.change !== null,
  );
  return subject.references.some((ref) => !leftAlone(ref, compared));
}

/**
 * The reference's own input says its resource stays as it is.
 *
 * @param compared a CDK assembly's comparison says what the change does to the key.
 */
function leftAlone(ref: KeyReference, compared: boolean): boolean {
  // A change that turns the key off is a change whatever the action says.
  if (ref.change?.disables === true) return false;
  if (ref.action !== null) return ref.action === "none";
  switch (ref.source) {
    case "terraform-plan":
      // A plan lists every resource it changes in resource_changes, with an action.
      return true;
    case "cdk-assembly":
      // The head template's declaration of a key: the comparison with the base (or the
      // deployed stack) says its change in a reference of its own — except for a stack
      // not deployed yet, whose keys are all being created.
      return ref.kind === "key" && compared;
    default:
      return false;
  }
}
