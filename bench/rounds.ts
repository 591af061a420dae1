// Interleaved rounds, as every benchmark here runs them.
/**
 * The items in round `round`'s order: each round starts one place further along, so no item always runs first
 * (on a cold machine) or last; every benchmark that interleaves rounds uses it.
 */
export const rotated = <T>(items: readonly T[], round: number): T[] =>
  items.map((_, i) => items[(i + round) % items.length]);
