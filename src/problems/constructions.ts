/**
 * Textbook circuits for the counting families, used as starting points of
 * local improvement (the upper-bound attempt, src/results/upper-bounds/):
 * SUM_n by full and half adders, THR_n^k by comparing that sum with the
 * constant k, SORT_n by Batcher's merge-exchange network or by counting and
 * comparing. They are correct
 * by construction and small enough to start from, not small; every use
 * checks them against the problem's spec by simulation anyway.
 */
import { CircuitBuilder } from '../core/builder.js';
import type { Circuit } from '../core/circuit.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from '../core/literal.js';
import { bitWidth, type ProblemInstance } from './families.js';

/** Bits of the number of ones among `xs`, LSB first, `bitWidth(xs.length)` of them (full adders first, then half adders, weight by weight). */
function countBits(b: CircuitBuilder, xs: readonly Lit[]): Lit[] {
  const width = bitWidth(xs.length);
  const columns: Lit[][] = Array.from({ length: width + 1 }, () => []);
  columns[0]!.push(...xs);
  for (let w = 0; w < width; w++) {
    const col = columns[w]!;
    while (col.length >= 2) {
      // a full adder when three bits are there (5 gates), else a half adder (2 gates)
      const a = col.shift()!;
      const c = col.shift()!;
      const t = b.xor(a, c);
      if (col.length >= 1) {
        const d = col.shift()!;
        col.push(b.xor(t, d));
        // carry = MAJ(a, c, d) = (a ^ c) ? d : a = ((a ^ c) & (a ^ d)) ^ a
        columns[w + 1]!.push(b.xor(b.and(t, b.xor(a, d)), a));
      } else {
        col.push(t);
        columns[w + 1]!.push(b.and(a, c));
      }
    }
  }
  return columns.slice(0, width).map((col) => col[0] ?? LIT_FALSE);
}

/** SUM_n (as `sum:n`): the count of ones in binary, LSB first, by full and half adders. */
export function sumConstruction(n: number): Circuit {
  const b = new CircuitBuilder();
  const xs = b.addInputs(n);
  for (const s of countBits(b, xs)) b.addOutput(s);
  return b.build();
}

/** `bits` (LSB first, as a number) >= k, by a comparison with the constant from the most significant bit down. */
function atLeast(b: CircuitBuilder, bits: readonly Lit[], k: number): Lit {
  if (k <= 0) return LIT_TRUE;
  if (k >= 2 ** bits.length) return LIT_FALSE;
  // ge(i) = [bits[i..0] >= k[i..0]]; when the low bits of k are all zero the rest is true
  let ge: Lit = LIT_TRUE;
  for (let i = 0; i < bits.length; i++) {
    const kBit = (k >> i) & 1;
    ge = kBit ? b.and(bits[i]!, ge) : b.or(bits[i]!, ge);
  }
  return ge;
}

/** THR_n^k (as `thr:n:k`): the count of ones (see {@link sumConstruction}) compared with k. */
export function thresholdConstruction(n: number, k: number): Circuit {
  const b = new CircuitBuilder();
  const xs = b.addInputs(n);
  b.addOutput(k === 0 ? LIT_TRUE : atLeast(b, countBits(b, xs), k));
  return b.build();
}

/**
 * SORT_n (as `sort:n`, ascending: output j = at least n-j ones): Batcher's
 * merge exchange (Knuth, TAOCP Vol. 3, Algorithm 5.2.2M), valid for every
 * n; each comparator is an AND (the smaller) and an OR (the larger).
 */
export function sorterConstruction(n: number): Circuit {
  const b = new CircuitBuilder();
  const v = b.addInputs(n);
  if (n >= 2) {
    const t = Math.ceil(Math.log2(n));
    for (let p = 2 ** (t - 1); p > 0; p >>= 1) {
      let q = 2 ** (t - 1);
      let r = 0;
      let d = p;
      for (;;) {
        for (let i = 0; i + d < n; i++) {
          if ((i & p) !== r) continue;
          const lo = b.and(v[i]!, v[i + d]!);
          const hi = b.or(v[i]!, v[i + d]!);
          v[i] = lo;
          v[i + d] = hi;
        }
        if (q === p) break;
        d = q - p;
        q >>= 1;
        r = p;
      }
    }
  }
  for (const y of v) b.addOutput(y);
  return b.build();
}

/**
 * SORT_n by counting: the count of ones (see {@link sumConstruction}), then
 * output j = [count >= n-j] by comparisons with constants (equal gates
 * shared). Smaller than a comparator network for larger n: the count costs
 * about 5 gates per input, the comparisons a few per output.
 */
export function sorterByCountConstruction(n: number): Circuit {
  const b = new CircuitBuilder();
  const xs = b.addInputs(n);
  const bits = countBits(b, xs);
  for (let j = 0; j < n; j++) b.addOutput(atLeast(b, bits, n - j));
  return b.build();
}

/** One named construction of an instance. */
export interface NamedConstruction {
  /** `adders`, `count-compare`, `merge-exchange`. */
  readonly name: string;
  readonly circuit: Circuit;
}

/** The constructions for an instance of sum, maj, thr or sort (none for other families). */
export function problemConstructions(p: ProblemInstance): NamedConstruction[] {
  const [a, k] = p.params;
  switch (p.family) {
    case 'sum':
      return [{ name: 'adders', circuit: sumConstruction(a!) }];
    case 'maj':
      return [{ name: 'count-compare', circuit: thresholdConstruction(a!, (a! + 1) / 2) }];
    case 'thr':
      return [{ name: 'count-compare', circuit: thresholdConstruction(a!, k!) }];
    case 'sort':
      return [{ name: 'merge-exchange', circuit: sorterConstruction(a!) }, { name: 'count-compare', circuit: sorterByCountConstruction(a!) }];
    default:
      return [];
  }
}
