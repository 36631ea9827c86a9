/**
 * The best known circuit sizes (B2: all two-input gates, each counted as
 * one) that the upper-bound attempt compares with, and the instances it
 * runs. Source: the circuits of Kulikov et al.'s circuit_improvement
 * repository (github.com/alexanderskulikov/circuit_improvement), as listed in
 * waterloo issue 19 ("an attempt at new upper bounds"). This is the only
 * place these numbers are written down.
 */

/** Where {@link BEST_KNOWN_SIZES} comes from (shown in the published table). */
export const BEST_KNOWN_SOURCE = "Kulikov et al.'s circuit_improvement repository (github.com/alexanderskulikov/circuit_improvement), as listed in waterloo issue 19";

/** A family of the attempt. MAJ_n is [sum >= n/2], i.e. THR_n^ceil(n/2). */
export type UpperBoundFamily = 'SUM' | 'MAJ' | 'SORT';

/** Best known B2 size by family and n. */
export const BEST_KNOWN_SIZES: Readonly<Record<UpperBoundFamily, Readonly<Record<number, number>>>> = {
  SUM: { 2: 2, 3: 5, 4: 9, 5: 11, 6: 16, 7: 19, 8: 25, 9: 27, 10: 31, 11: 34, 12: 41, 13: 43, 14: 48, 15: 51, 16: 59 },
  MAJ: { 3: 4, 4: 7, 5: 9, 6: 15, 7: 17, 8: 22, 9: 27, 11: 31, 13: 46, 15: 48 },
  SORT: { 5: 16, 6: 23, 7: 27, 8: 34, 9: 38, 10: 44, 11: 55, 12: 58, 13: 62, 14: 68, 15: 73, 16: 83 },
};

/** What we found out about a listed best known value while checking a claim against it. */
export interface BestKnownNote {
  /** The size that circuit_improvement's own circuits give (below the listed value). */
  readonly bound: number;
  readonly text: string;
}

/**
 * Notes on listed values that circuit_improvement's own files beat (found
 * while re-checking our sizes below them; shown under the table). Keyed by
 * instance id. The listed values above stay as issue 19 gives them.
 */
export const BEST_KNOWN_NOTES: Readonly<Record<string, BestKnownNote>> = {
  MAJ_9: {
    bound: 25,
    text:
      "the listed 27 is circuits/maj/maj09_size27.ckt (checked: [sum >= 5] of 9 inputs, 27 gates), but the same repository's circuits/maj/maj11_size31.ckt ([sum >= 6] of 11 inputs, 31 gates) " +
      'with x4 = 0 and x5 = 1 and the constants propagated is a 25-gate circuit for MAJ_9',
  },
  SORT_11: {
    bound: 49,
    text:
      'the listed 55 counts every line of circuits/sort/sort11_size49.ckt, 6 of which are NOT gates (free in B2; the file name counts 49); checked: it sorts 11 inputs with 49 two-input gates',
  },
};

/** One instance of the attempt. */
export interface UpperBoundInstance {
  /** Key of the instance in the published JSON, e.g. `SUM_5`. */
  readonly id: string;
  readonly family: UpperBoundFamily;
  readonly n: number;
  /**
   * The waterloo problem: `sum:n`, `sort:n`, and for MAJ_n = [sum >= n/2]
   * `maj:n` when n is odd and `thr:n:n/2` when n is even (ties give 1;
   * waterloo's `maj:n` refuses even n for that reason).
   */
  readonly problem: string;
  readonly bestKnown: number;
}

/** The waterloo problem name of a family instance (see {@link UpperBoundInstance.problem}). */
export function upperBoundProblem(family: UpperBoundFamily, n: number): string {
  if (family === 'SUM') return `sum:${n}`;
  if (family === 'SORT') return `sort:${n}`;
  return n % 2 === 1 ? `maj:${n}` : `thr:${n}:${Math.ceil(n / 2)}`;
}

/** Every instance with a best known size, family by family, n ascending. */
export function upperBoundInstances(): UpperBoundInstance[] {
  return (Object.keys(BEST_KNOWN_SIZES) as UpperBoundFamily[]).flatMap((family) =>
    Object.entries(BEST_KNOWN_SIZES[family])
      .map(([n, size]) => ({ id: `${family}_${n}`, family, n: Number(n), problem: upperBoundProblem(family, Number(n)), bestKnown: size }))
      .sort((a, b) => a.n - b.n),
  );
}
