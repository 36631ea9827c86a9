/**
 * What the project publishes in results/: the family instances swept in B2
 * and U2, and the censuses. One list, read by the regeneration and by the
 * README it writes, so the documentation cannot drift from what was run.
 */
import type { BasisName } from '../core/basis.js';

/** One family item of the published sweep: `problem` and `n` as `waterloo sweep --problem P --n N` takes them. */
export interface PublishedFamily {
  readonly problem: string;
  readonly n: string;
}

/** Families, with every valid value of their later parameters (thr:n:0..n, mod3:n:0..2, exact:n:0..n). */
export const PUBLISHED_FAMILIES: readonly PublishedFamily[] = [
  { problem: 'maj', n: '3,5' },
  { problem: 'thr', n: '2..5' },
  { problem: 'exact', n: '2..5' },
  { problem: 'mod3', n: '3..5' },
  { problem: 'sum', n: '2..5' },
];

/** Bases of the family tables, in column order. */
export const PUBLISHED_BASES: readonly BasisName[] = ['B2', 'U2'];

/** Encoder of the published sweep. */
export const PUBLISHED_ENCODER = 'ssv';

/** Default time limit per instance, seconds. */
export const PUBLISHED_TIMEOUT_SECONDS = 60;

/** One published census table. */
export interface PublishedCensus {
  readonly inputs: number;
  readonly bases: readonly BasisName[];
}

/** Censuses tabulated (and completed when their store is incomplete): one table per input count, one column per basis. */
export const PUBLISHED_CENSUSES: readonly PublishedCensus[] = [
  { inputs: 4, bases: ['B2', 'U2', 'MC', 'LUT3'] },
  { inputs: 3, bases: ['B2', 'XAIG', 'U2', 'AIG', 'MIG', 'MC'] },
];
