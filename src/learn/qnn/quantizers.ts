/**
 * The QONNX quantizers as exact step functions. Each quantizer, per tensor
 * element, maps its real input z to an integer *count* c(z) (nondecreasing in
 * z) and the count to its output value `base + c * step`. The count is given
 * by its steps: c(z) >= m iff z >= theta_m (or z > theta_m when `strict`).
 * One definition serves both the folding of constants (exact quantization of
 * weights) and the thresholds of activations.
 *
 *   Quant / IntQuant: q = round_mode(clamp(z / s + zp, qmin, qmax)), output (q - zp) s; c = q - qmin.
 *   BipolarQuant:     output +s when z >= 0, else -s; c in {0, 1}.
 *   Sign:             -1, 0, +1; c = 1 + [z >= 0] + [z > 0] - 1, output c - 1.
 *   MultiThreshold:   c = #{k : z >= t_k}, output out_bias + out_scale c.
 *   Trunc:            q1 = round_half_even(z / s + zp), q2 = round_mode(q1 / 2^k) (clamped in
 *                     version 2), output (q2 - zp) s (v1) or (q2 - zp / 2^k) s_out (v2); c = q2 (v1,
 *                     unbounded) or q2 - qmin (v2).
 */
import { ceil as ratCeil, cmp, div, isZero, floor as ratFloor, largestWhere, mul, neg, rat, sub, ONE, ZERO, type Rat } from './rational.js';
import { surdCmp, surdFloor, surdOfRat, type Surd } from './surd.js';

/** The condition c >= m of a step: z >= theta, or z > theta when strict. */
export interface StepCondition {
  readonly theta: Surd;
  readonly strict: boolean;
}

/** A quantizer at one tensor element; see the module doc. */
export interface ElementQuantizer {
  /** The condition c >= m (m between cmin + 1 and cmax when those are bounded). */
  cond(m: bigint): StepCondition;
  /** Static bounds of the count (undefined = unbounded, Trunc v1). */
  readonly cmin: bigint | undefined;
  readonly cmax: bigint | undefined;
  /** Output value at count c: base0 + c * step. */
  readonly base0: Rat;
  readonly step: Rat;
}

/** Rounding modes of Quant and Trunc (upper case). */
export const ROUNDING_MODES = ['ROUND', 'HALF_UP', 'HALF_DOWN', 'CEIL', 'FLOOR', 'UP', 'DOWN'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

const HALF = rat(1n, 2n);

/**
 * round_mode(u) >= m iff u >= theta (u > theta when strict), for a real u and an
 * integer m. ROUND is half to even; HALF_UP / HALF_DOWN round halves away from /
 * toward zero; UP / DOWN round away from / toward zero.
 */
export function roundGeq(m: bigint, mode: RoundingMode): { theta: Rat; strict: boolean } {
  const mr = rat(m);
  switch (mode) {
    case 'ROUND': return { theta: sub(mr, HALF), strict: m % 2n !== 0n }; // m - 1/2 rounds up to m only when m is even
    case 'HALF_UP': return { theta: sub(mr, HALF), strict: m <= 0n };
    case 'HALF_DOWN': return { theta: sub(mr, HALF), strict: m >= 1n };
    case 'CEIL': return { theta: sub(mr, ONE), strict: true };
    case 'FLOOR': return { theta: mr, strict: false };
    case 'UP': return m >= 1n ? { theta: sub(mr, ONE), strict: true } : { theta: mr, strict: false };
    case 'DOWN': return m >= 1n ? { theta: mr, strict: false } : { theta: sub(mr, ONE), strict: true };
  }
}

/** Whether z satisfies a step condition. */
export function holds(z: Surd, c: StepCondition): boolean {
  // rationals (the common case): compare by cross-multiplication, no normalisation
  const k = isZero(z.b) && isZero(c.theta.b) ? Math.sign(Number(z.a.n * c.theta.a.d - c.theta.a.n * z.a.d)) : surdCmp(z, c.theta);
  return c.strict ? k > 0 : k >= 0;
}

/** round_mode(u), exactly: floor(u) or floor(u) + 1, whichever the step condition says. */
export function roundExact(u: Surd, mode: RoundingMode): bigint {
  const f = surdFloor(u);
  const c = roundGeq(f + 1n, mode);
  return holds(u, { theta: surdOfRat(c.theta), strict: c.strict }) ? f + 1n : f;
}

/** The count c(z) of a quantizer: the largest m whose step holds, clamped to its bounds. */
export function countOf(q: ElementQuantizer, z: Surd): bigint {
  const ok = (m: bigint): boolean => holds(z, q.cond(m));
  if (q.cmin !== undefined && q.cmax !== undefined) {
    // binary search in [cmin, cmax]: cond(cmin) is taken as true
    let lo = q.cmin, hi = q.cmax + 1n;
    while (hi - lo > 1n) {
      const mid = (lo + hi) >> 1n;
      if (ok(mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  }
  // unbounded: exponential search around 0
  return largestWhere(ok);
}

/** Integer range of Quant / Trunc v2 values. */
export function intRange(bits: bigint, signed: boolean, narrow: boolean): { lo: bigint; hi: bigint } {
  if (signed) return { lo: -(1n << (bits - 1n)) + (narrow ? 1n : 0n), hi: (1n << (bits - 1n)) - 1n };
  return { lo: 0n, hi: (1n << bits) - 1n - (narrow ? 1n : 0n) };
}

/** Quant at one element: scale s > 0, zero point zp, integer range [lo, hi]. */
export function quantQuantizer(s: Rat, zp: Rat, lo: bigint, hi: bigint, mode: RoundingMode): ElementQuantizer {
  return {
    cmin: 0n,
    cmax: hi - lo,
    cond: (m) => {
      const c = roundGeq(lo + m, mode); // z / s + zp >= theta  iff  z >= (theta - zp) s
      return { theta: surdOfRat(mul(sub(c.theta, zp), s)), strict: c.strict };
    },
    base0: mul(sub(rat(lo), zp), s),
    step: s,
  };
}

/** BipolarQuant with scale s > 0. */
export function bipolarQuantizer(s: Rat): ElementQuantizer {
  return { cmin: 0n, cmax: 1n, cond: () => ({ theta: surdOfRat(ZERO), strict: false }), base0: neg(s), step: mul(rat(2n), s) };
}

/** ONNX Sign: -1, 0, +1. */
export function signQuantizer(): ElementQuantizer {
  return { cmin: 0n, cmax: 2n, cond: (m) => ({ theta: surdOfRat(ZERO), strict: m === 2n }), base0: rat(-1n), step: ONE };
}

/** MultiThreshold at one element: its channel's thresholds (any order), out_scale, out_bias. */
export function multiThresholdQuantizer(thresholds: readonly Rat[], outScale: Rat, outBias: Rat): ElementQuantizer {
  const sorted = [...thresholds].sort(cmp);
  return {
    cmin: 0n,
    cmax: BigInt(sorted.length),
    cond: (m) => ({ theta: surdOfRat(sorted[Number(m) - 1]!), strict: false }),
    base0: outBias,
    step: outScale,
  };
}

/** Trunc v1 (no clamp, output scale = input scale) or v2 (clamp to out bits, output scale s_out, shift 2^k a power of two). */
export function truncQuantizer(s: Rat, zp: Rat, shift: Rat, mode: RoundingMode, v2: { outScale: Rat; lo: bigint; hi: bigint } | undefined): ElementQuantizer {
  const offset = v2 ? v2.lo : 0n;
  return {
    cmin: v2 ? 0n : undefined,
    cmax: v2 ? v2.hi - v2.lo : undefined,
    cond: (m) => {
      // q2 >= M  iff  q1 / shift (op) theta  iff  q1 >= M1 (q1 an integer)  iff  z / s + zp (op') theta1
      const c2 = roundGeq(m + offset, mode);
      const x = mul(c2.theta, shift);
      const m1 = c2.strict ? ratFloor(x) + 1n : ratCeil(x);
      const c1 = roundGeq(m1, 'ROUND');
      return { theta: surdOfRat(mul(sub(c1.theta, zp), s)), strict: c1.strict };
    },
    base0: v2 ? mul(sub(rat(offset), div(zp, shift)), v2.outScale) : mul(neg(zp), s),
    step: v2 ? v2.outScale : s,
  };
}

/** 2^round(log2(r)) for a rational r > 0, exactly (round half up in the exponent, as numpy's round of log2 is ambiguous only at sqrt(2) multiples, which are irrational). */
export function nearestPowerOfTwo(r: Rat): Rat {
  // e = floor(log2 r); then 2^(e+1) if r^2 >= 2^(2e+1)
  let e = BigInt(r.n.toString(2).length - r.d.toString(2).length);
  const pow = (k: bigint): Rat => (k >= 0n ? rat(1n << k) : rat(1n, 1n << -k));
  while (cmp(pow(e), r) > 0) e--;
  while (cmp(pow(e + 1n), r) <= 0) e++;
  const sq = mul(r, r);
  return cmp(sq, pow(2n * e + 1n)) >= 0 ? pow(e + 1n) : pow(e);
}

