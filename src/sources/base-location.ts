/**
 * Lines in the base revision, for resources the change removes (SPEC §2
 * "Locating code"): their declaration is gone from the checkout, so the only
 * true line is the one they had in the base commit — where a review comment can
 * sit on the deleted lines (`side: LEFT`). Never used as a line of the checkout.
 */
import type { KeyReference } from "../model.js";

/** Whether the change removes the resource the reference was read from. */
function removed(ref: KeyReference): boolean {
  return ref.action === "delete" || ref.action === "orphan";
}

/**
 * `refs` with `baseLocation` set on those the change removes and the checkout
 * has no line for, as `locate` finds them in the base revision. `locate` is a
 * source's locator reading the base revision's files; its `location` becomes
 * the reference's `baseLocation`. Order is kept; nothing is mutated.
 */
export async function withBaseLocations(
  refs: readonly KeyReference[],
  locate: (refs: KeyReference[]) => Promise<KeyReference[]>,
): Promise<KeyReference[]> {
  const wanted = refs.filter((ref) => ref.location === null && removed(ref));
  if (wanted.length === 0) return [...refs];
  const located = await locate(wanted);
  const found = new Map(wanted.map((ref, i) => [ref, located[i]?.location ?? null]));
  return refs.map((ref) => {
    const baseLocation = found.get(ref);
    return baseLocation ? { ...ref, baseLocation } : ref;
  });
}
