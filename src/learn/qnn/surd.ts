/**
 * Exact numbers a + b * sqrt(r) with rationals a, b, r (r > 0, not the square
 * of a rational): what a batch normalization leaves once its variance is
 * folded (gamma / sqrt(var + eps)). Sums and products are exact within one
 * radicand r; signs, comparisons and floors are decided exactly (squaring with
 * sign cases), never by floating-point luck.
 */
import { add, ceil as ratCeil, div, floor as ratFloor, isqrt, isZero, largestWhere, mul, neg as ratNeg, rat, ratOfDouble, ratToNumber, ratToString, sign as ratSign, sub as ratSub, ZERO, eq, type Rat } from './rational.js';

/** a + b * sqrt(r); b = 0 (and r = 0) for a rational. */
export interface Surd {
  readonly a: Rat;
  readonly b: Rat;
  readonly r: Rat;
}

/** Thrown when two different square roots meet (the caller turns it into an UnsupportedError). */
export class MixedRadicandError extends Error {}

export const surdOfRat = (a: Rat): Surd => ({ a, b: ZERO, r: ZERO });
export const surdOfDouble = (x: number): Surd => surdOfRat(ratOfDouble(x));
export const isRational = (x: Surd): boolean => isZero(x.b);

/** sqrt(q) for a rational q >= 0 (rational when q is a square). */
export function surdSqrt(q: Rat): Surd {
  if (ratSign(q) < 0) throw new RangeError('square root of a negative number');
  const rn = isqrt(q.n), rd = isqrt(q.d);
  if (rn * rn === q.n && rd * rd === q.d) return surdOfRat(rat(rn, rd));
  return { a: ZERO, b: rat(1n), r: q };
}

function radicand(x: Surd, y: Surd): Rat {
  if (isRational(x)) return y.r;
  if (isRational(y) || eq(x.r, y.r)) return x.r;
  throw new MixedRadicandError(`sqrt(${ratToString(x.r)}) and sqrt(${ratToString(y.r)}) in one expression`);
}

function make(a: Rat, b: Rat, r: Rat): Surd {
  return isZero(b) ? surdOfRat(a) : { a, b, r };
}

export const surdAdd = (x: Surd, y: Surd): Surd => make(add(x.a, y.a), add(x.b, y.b), radicand(x, y));
export const surdNeg = (x: Surd): Surd => make(ratNeg(x.a), ratNeg(x.b), x.r);
export const surdSub = (x: Surd, y: Surd): Surd => surdAdd(x, surdNeg(y));
export function surdMul(x: Surd, y: Surd): Surd {
  const r = radicand(x, y);
  // (a + b s)(c + d s) = (ac + bd r) + (ad + bc) s
  return make(add(mul(x.a, y.a), mul(mul(x.b, y.b), r)), add(mul(x.a, y.b), mul(x.b, y.a)), r);
}
/** x / y; throws RangeError when y = 0. */
export function surdDiv(x: Surd, y: Surd): Surd {
  if (isRational(y)) return make(div(x.a, y.a), div(x.b, y.a), x.r);
  // 1 / (c + d s) = (c - d s) / (c^2 - d^2 r); the denominator is not 0 since r is not a square
  const den = ratSub(mul(y.a, y.a), mul(mul(y.b, y.b), y.r));
  const inv = make(div(y.a, den), div(ratNeg(y.b), den), y.r);
  return surdMul(x, inv);
}

/** Exact sign of a + b sqrt(r). */
export function surdSign(x: Surd): -1 | 0 | 1 {
  const sa = ratSign(x.a), sb = ratSign(x.b);
  if (sb === 0) return sa;
  if (sa === 0 || sa === sb) return sb;
  // opposite signs: compare a^2 with b^2 r
  const c = ratSign(ratSub(mul(x.a, x.a), mul(mul(x.b, x.b), x.r)));
  return c > 0 ? sa : c < 0 ? sb : 0;
}

export const surdCmp = (x: Surd, y: Surd): -1 | 0 | 1 => surdSign(surdSub(x, y));
export const surdEq = (x: Surd, y: Surd): boolean => surdCmp(x, y) === 0;

/** Largest integer <= x, found by exact comparisons from a float estimate (exponential then binary search). */
export function surdFloor(x: Surd): bigint {
  if (isRational(x)) return ratFloor(x.a);
  const geq = (k: bigint): boolean => surdSign(surdSub(x, surdOfRat(rat(k)))) >= 0;
  const est = surdToNumber(x);
  return largestWhere(geq, Number.isFinite(est) && Math.abs(est) < 2 ** 50 ? BigInt(Math.floor(est)) : ratFloor(x.a));
}

/** Smallest integer >= x. */
export const surdCeil = (x: Surd): bigint => (isRational(x) ? ratCeil(x.a) : -surdFloor(surdNeg(x)));

/** Nearest double (messages, float estimates). */
export function surdToNumber(x: Surd): number {
  return ratToNumber(x.a) + ratToNumber(x.b) * Math.sqrt(ratToNumber(x.r));
}

/** `a`, or `a + b*sqrt(r)`. */
export function surdToString(x: Surd): string {
  return isRational(x) ? ratToString(x.a) : `${ratToString(x.a)} + ${ratToString(x.b)}*sqrt(${ratToString(x.r)})`;
}
