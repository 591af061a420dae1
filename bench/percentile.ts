/** The value below which a fraction `p` of the sorted samples fall (p = 0.5: the median). */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** The median of unsorted samples (they are copied, not sorted in place). */
export const median = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
