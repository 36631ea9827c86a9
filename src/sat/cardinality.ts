/**
 * Cardinality constraints over DIMACS literals: at most / at least / exactly
 * k of `lits` are true. Two encodings:
 * - `sequential`: Sinz's sequential counter (CP 2005), O(n*k) clauses and
 *   auxiliary variables, arc-consistent under unit propagation;
 * - `totalizer`: Bailleux and Boufkhad's totalizer (CP 2003), truncated at
 *   k+1, O(n log n) auxiliary variables.
 *
 * At-least-k is encoded as at-most-(n-k) over the negated literals, and
 * exactly-k as both. Degenerate bounds are handled: k < 0 (at most) or k > n
 * (at least) add the empty clause; trivially true bounds add nothing.
 * A literal listed twice counts twice.
 */

import type { ClauseSink } from './types.js';

export type { ClauseSink };

/** The available cardinality encodings. */
export type CardinalityEncoding = 'sequential' | 'totalizer';

/** Every value of {@link CardinalityEncoding}, for loops and CLI choices. */
export const CARDINALITY_ENCODINGS: readonly CardinalityEncoding[] = ['sequential', 'totalizer'];

/** Adds clauses forcing at most `k` of `lits` to be true. */
export function atMostK(
  sink: ClauseSink,
  lits: readonly number[],
  k: number,
  encoding: CardinalityEncoding = 'sequential',
): void {
  const n = lits.length;
  if (k < 0) {
    sink.addClause([]);
    return;
  }
  if (k >= n) return;
  if (k === 0) {
    for (const x of lits) sink.addClause([-x]);
    return;
  }
  if (encoding === 'sequential') sequentialAtMost(sink, lits, k);
  else totalizerAtMost(sink, lits, k);
}

/** Adds clauses forcing at least `k` of `lits` to be true. */
export function atLeastK(
  sink: ClauseSink,
  lits: readonly number[],
  k: number,
  encoding: CardinalityEncoding = 'sequential',
): void {
  if (k <= 0) return;
  if (k === 1) {
    sink.addClause(lits);
    return;
  }
  atMostK(
    sink,
    lits.map((x) => -x),
    lits.length - k,
    encoding,
  );
}

/** Adds clauses forcing exactly `k` of `lits` to be true. */
export function exactlyK(
  sink: ClauseSink,
  lits: readonly number[],
  k: number,
  encoding: CardinalityEncoding = 'sequential',
): void {
  atMostK(sink, lits, k, encoding);
  atLeastK(sink, lits, k, encoding);
}

/** Sinz's sequential counter; requires 1 <= k < n. s[i][j]: at least j+1 of x_0..x_i are true. */
function sequentialAtMost(sink: ClauseSink, x: readonly number[], k: number): void {
  const n = x.length;
  let prev: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const s: number[] = [];
    for (let j = 0; j < k; j++) s.push(sink.newVar());
    sink.addClause([-x[i]!, s[0]!]);
    if (i === 0) {
      for (let j = 1; j < k; j++) sink.addClause([-s[j]!]);
    } else {
      sink.addClause([-prev[0]!, s[0]!]);
      for (let j = 1; j < k; j++) {
        sink.addClause([-x[i]!, -prev[j - 1]!, s[j]!]);
        sink.addClause([-prev[j]!, s[j]!]);
      }
      sink.addClause([-x[i]!, -prev[k - 1]!]);
    }
    prev = s;
  }
  sink.addClause([-x[n - 1]!, -prev[k - 1]!]);
}

/**
 * Builds a totalizer tree over `x` whose output r[j] is implied whenever at
 * least j+1 inputs are true (upward clauses only), truncated at `cap` outputs.
 */
function totalizerOutputs(sink: ClauseSink, x: readonly number[], cap: number): number[] {
  if (x.length === 1) return [x[0]!];
  const mid = x.length >> 1;
  const a = totalizerOutputs(sink, x.slice(0, mid), cap);
  const b = totalizerOutputs(sink, x.slice(mid), cap);
  const m = Math.min(a.length + b.length, cap);
  const r: number[] = [];
  for (let j = 0; j < m; j++) r.push(sink.newVar());
  for (let i = 0; i < a.length && i < m; i++) sink.addClause([-a[i]!, r[i]!]);
  for (let j = 0; j < b.length && j < m; j++) sink.addClause([-b[j]!, r[j]!]);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length && i + j + 1 < m; j++) sink.addClause([-a[i]!, -b[j]!, r[i + j + 1]!]);
  }
  return r;
}

function totalizerAtMost(sink: ClauseSink, x: readonly number[], k: number): void {
  const r = totalizerOutputs(sink, x, k + 1);
  sink.addClause([-r[k]!]);
}
