/**
 * Affine equivalence classes of Boolean functions (extended affine
 * equivalence: f ~ g iff g(x) = f(Ax + b) + l(x) + c with A invertible over
 * GF(2), l linear, c constant). Multiplicative complexity is invariant under
 * it, so an MC census needs one function per class (8 classes for n = 4 and
 * 48 for n = 5; Berlekamp and Welch 1972, Maiorana 1991).
 *
 * The classes are computed, not listed: adding affine functions only changes
 * the ANF coefficients of degree <= 1, so the classes are the orbits of the
 * affine group on the cosets "ANF without its degree <= 1 part" (2^(2^n - n - 1)
 * of them), found by a depth-first search over a bitmap with generators of
 * AGL(n, 2): the transposition (x0 x1), the cycle x0 -> x1 -> ... -> x_{n-1}
 * -> x0 (these two generate the permutations), the transvection x0 <- x0 + x1
 * (with the permutations: GL(n, 2)) and the translation x0 <- x0 + 1.
 * For n <= 5 (one 32-bit table word).
 */
import { UsageError } from '../errors.js';
import { anfWord } from './anf.js';

/** One affine class: its least coset's function (ANF without degree <= 1 terms) and its size. */
export interface AffineClass {
  /** The representative's truth table as one word (bit t = f(minterm t)). */
  readonly representative: number;
  /** Number of functions of n inputs in the class. */
  readonly functions: number;
}

/** Delta swap: exchanges the bits at positions p in `mask` with p + d. */
function deltaSwap(w: number, mask: number, d: number): number {
  const t = ((w ^ (w >>> d)) & mask) >>> 0;
  return (w ^ t ^ (t << d)) >>> 0;
}

/** Positions p < 2^n with the bits of p at `ones` set and at `zeros` clear, as a mask. */
function positions(n: number, ones: readonly number[], zeros: readonly number[]): number {
  let m = 0;
  for (let p = 0; p < 2 ** n; p++) if (ones.every((j) => (p >> j) & 1) && zeros.every((j) => !((p >> j) & 1))) m |= 1 << p;
  return m >>> 0;
}

/** The affine classes of n-input functions, ordered by representative coset. */
export function affineClasses(n: number): AffineClass[] {
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new UsageError(`affine classes: 1 <= n <= 5, got ${n}`, 'bad-param');
  const size = 2 ** n;
  // coset index <-> ANF word: the ANF positions of degree >= 2, which are the runs 2^j + 1 .. 2^(j+1) - 1 (j >= 1)
  const runs: { from: number; width: number; offset: number }[] = [];
  let D = 0;
  for (let j = 1; j < n; j++) {
    const width = 2 ** j - 1;
    runs.push({ from: 2 ** j + 1, width, offset: D });
    D += width;
  }
  const compress = (anf: number): number => {
    let idx = 0;
    for (const r of runs) idx |= ((anf >>> r.from) & ((2 ** r.width - 1) >>> 0)) << r.offset;
    return idx >>> 0;
  };
  const expand = (idx: number): number => {
    let anf = 0;
    for (const r of runs) anf |= ((idx >>> r.offset) & ((2 ** r.width - 1) >>> 0)) << r.from;
    return anf >>> 0;
  };
  const swapMask = (j: number, k: number): number => positions(n, [j], [k]);
  const gens: ((w: number) => number)[] = [];
  if (n >= 2) {
    const m01 = swapMask(0, 1);
    gens.push((w) => deltaSwap(w, m01, 1));
    const cycle = Array.from({ length: n - 1 }, (_, j) => ({ mask: swapMask(j, j + 1), d: 2 ** (j + 1) - 2 ** j }));
    gens.push((w) => cycle.reduce((x, s) => deltaSwap(x, s.mask, s.d), w));
    const tv = positions(n, [1], [0]);
    gens.push((w) => deltaSwap(w, tv, 1));
  }
  const tr = positions(n, [], [0]);
  gens.push((w) => deltaSwap(w, tr, 1));
  const lowMask = (2 ** size - 1) >>> 0;

  // each generator acts linearly on functions and maps affine functions to affine functions, so it acts
  // linearly on the cosets: precompute its images of the unit vectors as byte tables (image = XOR of 4 lookups)
  const bytes = Math.ceil(D / 8);
  const tables = gens.map((g) => {
    const unit = Array.from({ length: D }, (_, i) => compress(anfWord(g(anfWord(expand(2 ** i), n)) & lowMask, n)));
    return Array.from({ length: bytes }, (_, b) => {
      const t = new Uint32Array(256);
      for (let v = 0; v < 256; v++) {
        let x = 0;
        for (let bit = 0; bit < 8; bit++) if ((v >> bit) & 1 && 8 * b + bit < D) x ^= unit[8 * b + bit]!;
        t[v] = x >>> 0;
      }
      return t;
    });
  });
  const act = (t: Uint32Array[], idx: number): number => {
    let x = 0;
    for (let b = 0; b < bytes; b++) x ^= t[b]![(idx >>> (8 * b)) & 255]!;
    return x >>> 0;
  };

  const total = 2 ** D;
  const seen = new Uint8Array(Math.ceil(total / 8));
  const mark = (i: number): boolean => {
    const byte = i >>> 3, bit = 1 << (i & 7);
    if (seen[byte]! & bit) return false;
    seen[byte] = seen[byte]! | bit;
    return true;
  };
  let stack = new Uint32Array(1024);
  const classes: AffineClass[] = [];
  const perCoset = 2 ** (n + 1);
  for (let start = 0; start < total; start++) {
    if (!mark(start)) continue;
    let top = 0, count = 0;
    stack[top++] = start;
    while (top > 0) {
      const idx = stack[--top]!;
      count++;
      for (const t of tables) {
        const j = act(t, idx);
        if (!mark(j)) continue;
        if (top === stack.length) {
          const bigger = new Uint32Array(stack.length * 2);
          bigger.set(stack);
          stack = bigger;
        }
        stack[top++] = j;
      }
    }
    classes.push({ representative: anfWord(expand(start), n), functions: count * perCoset });
  }
  return classes;
}
