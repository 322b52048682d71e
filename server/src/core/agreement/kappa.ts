/**
 * Cohen's kappa of two annotators who each put every item in one category:
 *
 *   κ = (p_o − p_e) / (1 − p_e)
 *
 * p_o: the share of items on which they agree; p_e: the agreement expected by chance,
 * Σ_c (share of items the first put in c) × (share the second put in c). Computed as
 * (N·A − S) / (N² − S), with N items, A agreements and S = Σ_c n₁(c)·n₂(c), so that the only
 * rounding is one division.
 *
 * Degenerate case: p_e = 1 exactly when both annotators put every item in the same single category,
 * so they agree on everything (p_o = 1) and the formula is 0/0. We define κ = 1 there, and for no
 * items at all, as span scores define F1 = 1 when there is nothing to find. scikit-learn's
 * cohen_kappa_score returns NaN in that case instead.
 */
export function cohenKappa<Category>(first: readonly Category[], second: readonly Category[]): number {
  if (first.length !== second.length) throw new RangeError(`kappa needs one category a item from each annotator, got ${first.length} and ${second.length}`);
  const items = first.length;
  let agreements = 0;
  const firstCounts = new Map<Category, number>();
  const secondCounts = new Map<Category, number>();
  for (let i = 0; i < items; i++) {
    if (first[i] === second[i]) agreements++;
    firstCounts.set(first[i], (firstCounts.get(first[i]) ?? 0) + 1);
    secondCounts.set(second[i], (secondCounts.get(second[i]) ?? 0) + 1);
  }
  let chance = 0;
  for (const [category, count] of firstCounts) chance += count * (secondCounts.get(category) ?? 0);
  if (chance === items * items) return 1;
  return (items * agreements - chance) / (items * items - chance);
}

/** Kappa of one label against all other categories: does each annotator put the item in `label` or not? */
export function labelKappa(first: readonly string[], second: readonly string[], label: string): number {
  return cohenKappa(
    first.map((category) => category === label),
    second.map((category) => category === label),
  );
}
