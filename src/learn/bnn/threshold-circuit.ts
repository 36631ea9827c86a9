/**
 * Compiling one threshold neuron into gates. The neuron's inputs are circuit
 * literals; constants, repeated and complementary literals and negative
 * weights are folded first, so what remains is sum_j a_j l_j >= T with
 * a_j > 0 over distinct variables. Small fan-in neurons can be handed to an
 * exact-synthesis provider (see extract.ts); otherwise the standard
 * construction: the weighted bits are compressed into one binary number by
 * full and half adders (carry-save, column by column), then compared with
 * the constant T.
 */
import type { CircuitBuilder } from '../../core/builder.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from '../../core/literal.js';
import { balancedTree } from '../../core/to-aig.js';
import { createFromFunction, type TruthTable } from '../../tt/truth-table.js';

/** sum_j coefs[j] * lits[j] >= threshold, with positive coefficients on distinct non-constant variables. */
export interface NormalizedThreshold {
  readonly lits: readonly Lit[];
  readonly coefs: readonly number[];
  readonly threshold: number;
}

/** Folds a neuron over literals into {@link NormalizedThreshold} form (or a constant literal). */
export function normalizeThreshold(lits: readonly Lit[], coefs: readonly number[], threshold: number): NormalizedThreshold | Lit {
  let constant = 0;
  const byVar = new Map<number, number>();
  lits.forEach((lit, j) => {
    const a = coefs[j]!;
    if (a === 0) return;
    const v = lit >>> 1;
    if (v === 0) {
      if (lit === LIT_TRUE) constant += a;
      return;
    }
    // a * !x = a - a * x
    if (lit & 1) {
      constant += a;
      byVar.set(v, (byVar.get(v) ?? 0) - a);
    } else byVar.set(v, (byVar.get(v) ?? 0) + a);
  });
  const outLits: Lit[] = [];
  const outCoefs: number[] = [];
  for (const [v, c] of [...byVar].sort((x, y) => x[0] - y[0])) {
    if (c === 0) continue;
    // c * x with c < 0 is c + |c| * !x
    if (c > 0) outLits.push(2 * v);
    else {
      constant += c;
      outLits.push(2 * v + 1);
    }
    outCoefs.push(Math.abs(c));
  }
  let t = threshold - constant;
  const total = outCoefs.reduce((s, a) => s + a, 0);
  if (t <= 0) return LIT_TRUE;
  if (t > total) return LIT_FALSE;
  const g = outCoefs.reduce(gcd);
  if (g > 1) {
    for (let j = 0; j < outCoefs.length; j++) outCoefs[j] = outCoefs[j]! / g;
    t = Math.ceil(t / g);
  }
  // coefficients above T act like T (the term alone already reaches it)
  for (let j = 0; j < outCoefs.length; j++) outCoefs[j] = Math.min(outCoefs[j]!, t);
  return { lits: outLits, coefs: outCoefs, threshold: t };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Truth table of a normalized threshold over its literals (variable j = lits[j]). */
export function normalizedTable(t: NormalizedThreshold): TruthTable {
  return createFromFunction(t.coefs.length, (m) => {
    let s = 0;
    for (let j = 0; j < t.coefs.length; j++) if ((m >>> j) & 1) s += t.coefs[j]!;
    return s >= t.threshold;
  });
}

/**
 * Builds sum a_j l_j >= T by the standard construction (with the AND and OR
 * special cases, which need no adders). Uses two-input AND and XOR gates only.
 */
export function buildThresholdAdder(b: CircuitBuilder, t: NormalizedThreshold): Lit {
  const { lits, coefs, threshold } = t;
  const total = coefs.reduce((s, a) => s + a, 0);
  if (coefs.every((a) => a >= threshold)) return balancedTree(lits, (x, y) => b.or(x, y));
  if (total === threshold) return balancedTree(lits, (x, y) => b.and(x, y));
  // columns[k] = the literals of weight 2^k. A weight's binary digits can skip
  // positions (4x + 4y + z has nothing at 2^1), so the array is filled densely
  // up front: no position below the top one may be a hole.
  const width = Math.max(1, Math.ceil(Math.log2(total + 1)));
  const columns: Lit[][] = Array.from({ length: width }, () => []);
  lits.forEach((lit, j) => {
    // division rather than bit operators: coefficients may exceed 2^31
    for (let k = 0, a = coefs[j]!; a > 0; k++, a = Math.floor(a / 2)) {
      if (a % 2 === 1) (columns[k] ??= []).push(lit);
    }
  });
  const sum: Lit[] = [];
  for (let k = 0; k < columns.length; k++) {
    const col = (columns[k] ??= []);
    // FIFO so that fresh sum bits are added late, keeping carry chains short
    while (col.length >= 2) {
      const x = col.shift()!, y = col.shift()!;
      const t1 = b.xor(x, y);
      if (col.length >= 1) {
        const z = col.shift()!;
        col.push(b.xor(t1, z));
        (columns[k + 1] ??= []).push(b.or(b.and(x, y), b.and(t1, z)));
      } else {
        col.push(t1);
        (columns[k + 1] ??= []).push(b.and(x, y));
      }
    }
    sum.push(col[0] ?? LIT_FALSE);
  }
  // sum >= T, bit by bit from the LSB: ge_k = t_k ? s_k & ge_{k-1} : s_k | ge_{k-1}
  let ge: Lit = LIT_TRUE;
  for (let k = 0; k < sum.length; k++) {
    const s = sum[k]!;
    ge = Math.floor(threshold / 2 ** k) % 2 ? b.and(s, ge) : b.or(s, ge);
  }
  return ge;
}

