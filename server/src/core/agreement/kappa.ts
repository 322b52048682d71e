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
  return kappaOfCounts(items, agreements, firstCounts, secondCounts);
}

/** Kappa from what it is made of: items, agreements, and how many items each annotator put in each category. */
export function kappaOfCounts<Category>(items: number, agreements: number, firstCounts: ReadonlyMap<Category, number>, secondCounts: ReadonlyMap<Category, number>): number {
  let chance = 0;
  for (const [category, count] of firstCounts) chance += count * (secondCounts.get(category) ?? 0);
  if (chance === items * items) return 1;
  return (items * agreements - chance) / (items * items - chance);
}

/**
 * What kappa needs of two category sequences, counted, so that the sequences of many documents are
 * added one by one and the corpus's kappa comes out as that of their concatenation, without keeping
 * them: how many items fall in each pair of categories (first's, second's).
 */
export class KappaCounts {
  private readonly pairs = new Map<string, Map<string, number>>();
  private items = 0;

  add(first: readonly string[], second: readonly string[]): void {
    if (first.length !== second.length) throw new RangeError(`kappa needs one category a item from each annotator, got ${first.length} and ${second.length}`);
    for (let i = 0; i < first.length; i++) {
      let row = this.pairs.get(first[i]);
      if (!row) this.pairs.set(first[i], (row = new Map()));
      row.set(second[i], (row.get(second[i]) ?? 0) + 1);
    }
    this.items += first.length;
  }

  get length(): number {
    return this.items;
  }

  /** cohenKappa of the concatenated sequences. */
  kappa(): number {
    let agreements = 0;
    const firstCounts = new Map<string, number>();
    const secondCounts = new Map<string, number>();
    for (const [a, row] of this.pairs) {
      for (const [b, count] of row) {
        if (a === b) agreements += count;
        firstCounts.set(a, (firstCounts.get(a) ?? 0) + count);
        secondCounts.set(b, (secondCounts.get(b) ?? 0) + count);
      }
    }
    return kappaOfCounts(this.items, agreements, firstCounts, secondCounts);
  }

  /** labelKappa of the concatenated sequences. */
  labelKappa(label: string): number {
    let both = 0;
    let firstOnly = 0;
    let secondOnly = 0;
    for (const [a, row] of this.pairs) {
      for (const [b, count] of row) {
        if (a === label && b === label) both += count;
        else if (a === label) firstOnly += count;
        else if (b === label) secondOnly += count;
      }
    }
    const neither = this.items - both - firstOnly - secondOnly;
    const first = new Map<boolean, number>([[true, both + firstOnly], [false, this.items - both - firstOnly]]);
    const second = new Map<boolean, number>([[true, both + secondOnly], [false, this.items - both - secondOnly]]);
    return kappaOfCounts(this.items, both + neither, first, second);
  }
}

/** Kappa of one label against all other categories: does each annotator put the item in `label` or not? */
export function labelKappa(first: readonly string[], second: readonly string[], label: string): number {
  return cohenKappa(
    first.map((category) => category === label),
    second.map((category) => category === label),
  );
}
