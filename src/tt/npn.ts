/**
 * NPN canonisation: the smallest table reachable from f by permuting inputs,
 * negating inputs and negating the output, together with the transform that
 * reaches it (kitty's `exact_npn_canonization` / `create_from_npn_config`,
 * with named fields instead of a tuple).
 *
 * THE TRANSFORM SEMANTICS. An {@link NpnTransform} `{perm, inputNegations, outputNegation}`
 * maps f to g = applyNpn(f, T) with
 *
 *     g(x_0, ..., x_{n-1}) = outputNegation XOR f(z_0, ..., z_{n-1}),
 *     z_i = x_{perm[i]} XOR bit i of inputNegations,
 *
 * i.e. input i of f is fed by input perm[i] of g, complemented when bit i of
 * `inputNegations` is set, and the output is complemented when
 * `outputNegation` is true. The identity is `{perm: [0..n-1], inputNegations: 0, outputNegation: false}`.
 *
 * THE REPRESENTATIVE is the lexicographically smallest table of the class,
 * comparing tables as unsigned 2^n-bit numbers (minterm 2^n-1 is the most
 * significant bit, {@link ttCompare}). So the representative of every
 * non-constant class has f(1...1) = 0 and the constants' class is represented by 0.
 * `npnCanonize(f)` returns `{representative: r, transform: T}` with
 * `applyNpn(f, T) = r` and `applyNpn(r, invertNpn(T)) = f`.
 */
import { UsageError } from '../errors.js';
import {
  checkPermutation,
  createFromFunction,
  fromWords,
  lastWordMask,
  ttCompare,
  ttFlipVar,
  ttNot,
  ttSwapVars,
  type TruthTable,
} from './truth-table.js';

/** An NPN transform; see the module documentation for the exact semantics. */
export interface NpnTransform {
  /** Input i of the original function is fed by input perm[i] of the transformed one. */
  readonly perm: readonly number[];
  /** Bit i set: input i of the original function is complemented. */
  readonly inputNegations: number;
  /** Whether the output is complemented. */
  readonly outputNegation: boolean;
}

/** Result of NPN canonisation (never a tuple). */
export interface NpnResult {
  /** The class representative (exact) or a semi-canonical form (heuristic). */
  readonly representative: TruthTable;
  /** Transform with `applyNpn(original, transform) = representative`. */
  readonly transform: NpnTransform;
}

/** Largest arity {@link npnCanonize} handles exactly. */
export const MAX_EXACT_NPN_VARS = 6;

/** The identity transform on n variables. */
export function identityNpn(n: number): NpnTransform {
  return { perm: [...Array(n).keys()], inputNegations: 0, outputNegation: false };
}

function checkTransform(t: NpnTransform, n: number): void {
  checkPermutation(t.perm, n);
  if (!Number.isInteger(t.inputNegations) || t.inputNegations < 0 || t.inputNegations >= 2 ** n) {
    throw new UsageError(`input negation mask ${t.inputNegations} out of range for ${n} variables`, 'bad-transform');
  }
}

/** Applies an NPN transform (semantics in the module documentation). */
export function applyNpn(tt: TruthTable, t: NpnTransform): TruthTable {
  const n = tt.numVars;
  checkTransform(t, n);
  const o = t.outputNegation;
  return createFromFunction(n, (x) => {
    let z = 0;
    for (let i = 0; i < n; i++) z |= ((x >>> t.perm[i]!) & 1) << i;
    return tt.get(z ^ t.inputNegations) !== o;
  });
}

/** The transform U with applyNpn(applyNpn(f, T), U) = f for every f. */
export function invertNpn(t: NpnTransform): NpnTransform {
  const n = t.perm.length;
  checkTransform(t, n);
  const perm = new Array<number>(n);
  let neg = 0;
  for (let i = 0; i < n; i++) {
    const j = t.perm[i]!;
    perm[j] = i;
    if ((t.inputNegations >>> i) & 1) neg |= 1 << j;
  }
  return { perm, inputNegations: neg, outputNegation: t.outputNegation };
}

/** The transform applying T first, then U: applyNpn(f, composeNpn(T, U)) = applyNpn(applyNpn(f, T), U). */
export function composeNpn(t: NpnTransform, u: NpnTransform): NpnTransform {
  const n = t.perm.length;
  checkTransform(t, n);
  checkTransform(u, n);
  // g = T(f): g(x) = o1 ^ f(z), z_i = x_{p1[i]} ^ n1_i;  h = U(g): h(y) = o2 ^ g(x), x_j = y_{p2[j]} ^ n2_j
  // so z_i = y_{p2[p1[i]]} ^ n2_{p1[i]} ^ n1_i
  const perm = t.perm.map((p) => u.perm[p]!);
  let neg = t.inputNegations;
  for (let i = 0; i < n; i++) if ((u.inputNegations >>> t.perm[i]!) & 1) neg ^= 1 << i;
  return { perm, inputNegations: neg, outputNegation: t.outputNegation !== u.outputNegation };
}

// ---------------------------------------------------------------------------
// Exact canonisation for n <= 6 on two 32-bit words (lo = minterms 0..31, hi = 32..63).

const PROJ = [0xaaaaaaaa, 0xcccccccc, 0xf0f0f0f0, 0xff00ff00, 0xffff0000];
const SWAPM = [0x22222222, 0x0c0c0c0c, 0x00f000f0, 0x0000ff00];

/** Adjacent-transposition sequences (Steinhaus-Johnson-Trotter), index n: n!-1 positions j (swap j, j+1). */
const SJT: Int8Array[] = [];
function sjtSwaps(n: number): Int8Array {
  const cached = SJT[n];
  if (cached) return cached;
  const out: number[] = [];
  if (n >= 2) {
    // SJT with directions: perm holds elements, dir -1 = left.
    const perm = [...Array(n).keys()];
    const dir = new Array<number>(n).fill(-1);
    for (;;) {
      let mobile = -1, pos = -1;
      for (let i = 0; i < n; i++) {
        const j = i + dir[perm[i]!]!;
        if (j >= 0 && j < n && perm[j]! < perm[i]! && perm[i]! > mobile) {
          mobile = perm[i]!;
          pos = i;
        }
      }
      if (mobile < 0) break;
      const j = pos + dir[mobile]!;
      out.push(Math.min(pos, j));
      [perm[pos], perm[j]] = [perm[j]!, perm[pos]!];
      for (let e = mobile + 1; e < n; e++) dir[e] = -dir[e]!;
    }
  }
  const arr = Int8Array.from(out);
  SJT[n] = arr;
  return arr;
}

/** Number of trailing zeros of k > 0. */
function ctz(k: number): number {
  return 31 - Math.clz32(k & -k);
}

/**
 * Visits every element of the chosen group applied to (lo, hi): callback gets
 * the transformed (lo, hi) (unsigned), plus the current perm, inverse perm and
 * negation mask (valid during the call only) and whether the output is negated.
 * Returning true from the callback stops the enumeration.
 */
function enumerateGroup(
  n: number,
  lo0: number,
  hi0: number,
  negations: boolean,
  outputNeg: boolean,
  visit: (lo: number, hi: number, perm: Int8Array, neg: number, outNeg: boolean) => void,
): void {
  const mask = lastWordMask(Math.min(n, 5)) >>> 0;
  let lo = lo0 >>> 0, hi = hi0 >>> 0;
  const p = new Int8Array(n), q = new Int8Array(n);
  for (let i = 0; i < n; i++) p[i] = q[i] = i;
  let neg = 0;
  const swaps = sjtSwaps(n);
  const flips = negations ? 1 << n : 1;
  for (let s = 0; ; s++) {
    for (let g = 0; g < flips; g++) {
      if (g > 0) {
        const j = ctz(g);
        if (j < 5) {
          const m = PROJ[j]!, sh = 1 << j;
          lo = (((lo & m) >>> sh) | ((lo << sh) & m)) >>> 0;
          hi = (((hi & m) >>> sh) | ((hi << sh) & m)) >>> 0;
        } else {
          const t = lo;
          lo = hi;
          hi = t;
        }
        neg ^= 1 << q[j]!;
      }
      visit(lo, hi, p, neg, false);
      if (outputNeg) visit((~lo & mask) >>> 0, n === 6 ? ~hi >>> 0 : 0, p, neg, true);
    }
    if (s >= swaps.length) break;
    const j = swaps[s]!;
    if (j < 4) {
      const m = SWAPM[j]!, sh = 1 << j, keep = ~(m | (m << sh));
      lo = ((lo & keep) | ((lo & m) << sh) | ((lo >>> sh) & m)) >>> 0;
      hi = ((hi & keep) | ((hi & m) << sh) | ((hi >>> sh) & m)) >>> 0;
    } else {
      const nlo = ((lo & 0xffff) | (hi << 16)) >>> 0;
      hi = ((lo >>> 16) | (hi & 0xffff0000)) >>> 0;
      lo = nlo;
    }
    const a = q[j]!, b = q[j + 1]!;
    p[a] = j + 1;
    p[b] = j;
    q[j] = b;
    q[j + 1] = a;
  }
}

function toWords(tt: TruthTable): [number, number] {
  return [tt.words[0]! >>> 0, tt.numVars === 6 ? tt.words[1]! >>> 0 : 0];
}

function fromLoHi(n: number, lo: number, hi: number): TruthTable {
  return fromWords(n, n === 6 ? Uint32Array.of(lo, hi) : Uint32Array.of(lo));
}

/** Group of transforms: P = input permutations, NP = plus input negations, NPN = plus output negation. */
export type EquivalenceGroup = 'P' | 'NP' | 'NPN';

function canonizeSmall(tt: TruthTable, group: EquivalenceGroup): NpnResult {
  // The same walk as enumerateGroup, inlined (no callback per candidate; measured ~20% faster for n = 6).
  const n = tt.numVars;
  const mask = lastWordMask(Math.min(n, 5)) >>> 0;
  const six = n === 6;
  let [lo, hi] = toWords(tt);
  let bestLo = lo, bestHi = hi;
  let bestPerm: number[] = [...Array(n).keys()], bestNeg = 0, bestOut = false;
  const p = new Int8Array(n), q = new Int8Array(n);
  for (let i = 0; i < n; i++) p[i] = q[i] = i;
  let neg = 0;
  const swaps = sjtSwaps(n);
  const flips = group === 'P' ? 1 : 1 << n;
  const outNeg = group === 'NPN';
  for (let s = 0; ; s++) {
    for (let g = 0; g < flips; g++) {
      if (g > 0) {
        const j = ctz(g);
        if (j < 5) {
          const m = PROJ[j]!, sh = 1 << j;
          lo = (((lo & m) >>> sh) | ((lo << sh) & m)) >>> 0;
          if (six) hi = (((hi & m) >>> sh) | ((hi << sh) & m)) >>> 0;
        } else {
          const t = lo;
          lo = hi;
          hi = t;
        }
        neg ^= 1 << q[j]!;
      }
      if (hi < bestHi || (hi === bestHi && lo < bestLo)) {
        bestLo = lo;
        bestHi = hi;
        bestPerm = Array.from(p);
        bestNeg = neg;
        bestOut = false;
      }
      if (outNeg) {
        const cl = (~lo & mask) >>> 0, ch = six ? ~hi >>> 0 : 0;
        if (ch < bestHi || (ch === bestHi && cl < bestLo)) {
          bestLo = cl;
          bestHi = ch;
          bestPerm = Array.from(p);
          bestNeg = neg;
          bestOut = true;
        }
      }
    }
    if (s >= swaps.length) break;
    const j = swaps[s]!;
    if (j < 4) {
      const m = SWAPM[j]!, sh = 1 << j, keep = ~(m | (m << sh));
      lo = ((lo & keep) | ((lo & m) << sh) | ((lo >>> sh) & m)) >>> 0;
      if (six) hi = ((hi & keep) | ((hi & m) << sh) | ((hi >>> sh) & m)) >>> 0;
    } else {
      const nlo = ((lo & 0xffff) | (hi << 16)) >>> 0;
      hi = ((lo >>> 16) | (hi & 0xffff0000)) >>> 0;
      lo = nlo;
    }
    const a = q[j]!, b = q[j + 1]!;
    p[a] = j + 1;
    p[b] = j;
    q[j] = b;
    q[j + 1] = a;
  }
  return {
    representative: fromLoHi(n, bestLo, bestHi),
    transform: { perm: bestPerm, inputNegations: bestNeg, outputNegation: bestOut },
  };
}

/**
 * Lookup tables for n <= 4, built on first use by walking each class's orbit
 * once (222 * 768 steps for n = 4): rep[f] is f's representative and
 * code[f] packs the transform T with applyNpn(rep, T) = f
 * (bits 0..7: perm, 2 bits per input; 8..11: input negations; 12: output negation).
 */
const NPN_TABLES: ({ rep: Uint16Array; code: Uint16Array } | undefined)[] = [];

function npnTable(n: number): { rep: Uint16Array; code: Uint16Array } {
  const cached = NPN_TABLES[n];
  if (cached) return cached;
  const total = 2 ** 2 ** n;
  const rep = new Uint16Array(total), code = new Uint16Array(total);
  const seen = new Uint8Array(total);
  for (let f = 0; f < total; f++) {
    if (seen[f]) continue;
    enumerateGroup(n, f, 0, true, true, (lo, _hi, perm, neg, out) => {
      if (seen[lo]) return;
      seen[lo] = 1;
      rep[lo] = f;
      let c = (neg << 8) | (out ? 1 << 12 : 0);
      for (let i = 0; i < n; i++) c |= perm[i]! << (2 * i);
      code[lo] = c;
    });
  }
  const t = { rep, code };
  NPN_TABLES[n] = t;
  return t;
}

/** Decoded, inverted transforms of the lookup tables by packed code (at most 768 per n), frozen and shared. */
const NPN_TRANSFORMS: Map<number, NpnTransform>[] = [];

function canonizeByTable(tt: TruthTable): NpnResult {
  const n = tt.numVars;
  const { rep, code } = npnTable(n);
  const f = tt.words[0]!;
  const c = code[f]!;
  const cache = (NPN_TRANSFORMS[n] ??= new Map());
  let transform = cache.get(c);
  if (transform === undefined) {
    const perm = new Array<number>(n);
    for (let i = 0; i < n; i++) perm[i] = (c >>> (2 * i)) & 3;
    const inv = invertNpn({ perm, inputNegations: (c >>> 8) & 15, outputNegation: ((c >>> 12) & 1) === 1 });
    transform = Object.freeze({ ...inv, perm: Object.freeze(inv.perm) });
    cache.set(c, transform);
  }
  return { representative: fromLoHi(n, rep[f]!, 0), transform };
}

/**
 * Exact NPN canonisation for n <= 6: exhaustive over the n! * 2^n * 2
 * transforms, visited by adjacent swaps (Steinhaus-Johnson-Trotter) in the
 * outer loop and single-variable flips (Gray code) in the inner loop, so each
 * candidate costs a few word operations. For n <= 4 the answer comes from a
 * lookup table of all 65,536 functions, built on first use (about 50 ms); the
 * returned transform objects are then frozen and shared between calls.
 * Throws UsageError for n > 6 (use {@link npnCanonizeHeuristic}).
 */
export function npnCanonize(tt: TruthTable): NpnResult {
  if (tt.numVars <= 4) return canonizeByTable(tt);
  return exactCanonize(tt, 'NPN');
}

/** Exact canonisation under the P, NP or NPN group (n <= 6), same result shape as {@link npnCanonize}. */
export function exactCanonize(tt: TruthTable, group: EquivalenceGroup): NpnResult {
  if (tt.numVars > MAX_EXACT_NPN_VARS) {
    throw new UsageError(`exact NPN canonisation handles up to ${MAX_EXACT_NPN_VARS} variables, got ${tt.numVars}; use npnCanonizeHeuristic`, 'bad-arity');
  }
  return canonizeSmall(tt, group);
}

/**
 * Semi-canonical form by the flip-swap heuristic (kitty's
 * `flip_swap_npn_canonization`), any n: start from the smaller of f and ~f,
 * then repeatedly flip single inputs and swap adjacent inputs while that makes
 * the table smaller. Functions in the same class usually, but not always, get
 * the same form; the transform is exact (applyNpn(f, transform) = representative).
 */
export function npnCanonizeHeuristic(tt: TruthTable): NpnResult {
  const n = tt.numVars;
  const p = [...Array(n).keys()], q = [...Array(n).keys()];
  let neg = 0;
  let best = tt;
  let out = false;
  const c = ttNot(tt);
  if (ttCompare(c, best) < 0) {
    best = c;
    out = true;
  }
  for (let improved = true; improved; ) {
    improved = false;
    for (let j = 0; j < n; j++) {
      const t = ttFlipVar(best, j);
      if (ttCompare(t, best) < 0) {
        best = t;
        neg ^= 1 << q[j]!;
        improved = true;
      }
    }
    for (let j = 0; j + 1 < n; j++) {
      const t = ttSwapVars(best, j, j + 1);
      if (ttCompare(t, best) < 0) {
        best = t;
        const a = q[j]!, b = q[j + 1]!;
        p[a] = j + 1;
        p[b] = j;
        q[j] = b;
        q[j + 1] = a;
        improved = true;
      }
    }
  }
  return { representative: best, transform: { perm: p, inputNegations: neg, outputNegation: out } };
}

/** Largest arity for which {@link equivalenceClasses} enumerates all functions. */
export const MAX_CLASS_ENUMERATION_VARS = 4;

/**
 * Representatives (smallest member, ascending) of all classes of n-input
 * functions under the group, n <= 4, counting all 2^(2^n) functions including
 * constants and degenerate ones. NPN: 1, 2, 4, 14, 222 classes for n = 0..4;
 * NP: 2, 3, 6, 22, 402; P: 2, 4, 12, 80, 3984 (OEIS A000370, A000616, A003180:
 * "classes of functions of n or fewer variables").
 */
export function equivalenceClasses(n: number, group: EquivalenceGroup): TruthTable[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_CLASS_ENUMERATION_VARS) {
    throw new UsageError(`class enumeration handles 0..${MAX_CLASS_ENUMERATION_VARS} variables, got ${n}`, 'bad-arity');
  }
  const total = 2 ** 2 ** n;
  const seen = new Uint8Array(total);
  const reps: TruthTable[] = [];
  for (let f = 0; f < total; f++) {
    if (seen[f]) continue;
    reps.push(fromLoHi(n, f, 0));
    enumerateGroup(n, f, 0, group !== 'P', group === 'NPN', (lo) => {
      seen[lo] = 1;
    });
  }
  return reps;
}

/** NPN class representatives for n <= 4 (222 for n = 4); see {@link equivalenceClasses}. */
export function npnClasses(n: number): TruthTable[] {
  return equivalenceClasses(n, 'NPN');
}
