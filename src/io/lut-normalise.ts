/**
 * LUT tables for the BENCH and BLIF writers: a gate's table re-expressed over
 * distinct, regular signals, and the majority table.
 */
import type { Lit } from '../core/literal.js';
import { createFromFunction, type TruthTable } from '../tt/truth-table.js';

/** A LUT re-expressed over distinct, regular signals (see {@link normalizeLut}). */
export interface NormalizedLut {
  /** Distinct non-constant nodes, in order of first appearance: variable k of `table` is `nodes[k]`. */
  readonly nodes: number[];
  readonly table: TruthTable;
}

/**
 * Re-expresses `table(fanins)` over the distinct nodes of the fanins, each
 * taken in the polarity `polarity(node)` (its written signal is node ^ polarity):
 * constant fanins are fixed, complemented and repeated fanins folded into the table.
 * The result's output is further complemented when `negateOutput` is set.
 */
export function normalizeLut(
  table: TruthTable,
  fanins: ArrayLike<Lit>,
  polarity: (node: number) => number,
  negateOutput = false,
): NormalizedLut {
  const nodes: number[] = [];
  const pos = new Map<number, number>();
  const k = fanins.length;
  const varIdx = new Int32Array(k);
  let fixedMask = 0; // bits of the constant fanins that are true
  let flipMask = 0;
  for (let j = 0; j < k; j++) {
    const f = fanins[j]!;
    const v = f >>> 1;
    if (v === 0) {
      varIdx[j] = -1;
      if (f & 1) fixedMask |= 1 << j;
      continue;
    }
    let idx = pos.get(v);
    if (idx === undefined) {
      idx = nodes.length;
      pos.set(v, idx);
      nodes.push(v);
    }
    varIdx[j] = idx;
    if (((f & 1) ^ polarity(v)) === 1) flipMask |= 1 << j;
  }
  const neg = negateOutput;
  const out = createFromFunction(nodes.length, (m) => {
    let i = fixedMask;
    for (let j = 0; j < k; j++) {
      const idx = varIdx[j]!;
      if (idx >= 0) i |= (((m >>> idx) & 1) ^ ((flipMask >>> j) & 1)) << j;
    }
    return table.get(i) !== neg;
  });
  return { nodes, table: out };
}

/** The majority function of n (odd) variables. */
export function majorityTable(n: number): TruthTable {
  return createFromFunction(n, (m) => {
    let ones = 0;
    for (let j = 0; j < n; j++) ones += (m >>> j) & 1;
    return ones * 2 > n;
  });
}
