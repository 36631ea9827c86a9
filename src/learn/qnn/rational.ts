/**
 * Exact rationals over bigint, for folding quantized models: every float32 /
 * float64 in a model is a dyadic rational and converts exactly
 * ({@link ratOfDouble}), so scales, zero points and thresholds can be combined
 * without rounding. Values are plain frozen objects, always normalised
 * (gcd(n, d) = 1, d > 0), so structural equality is numeric equality.
 */

/** n / d with d > 0 and gcd(|n|, d) = 1. */
export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Least common multiple of positive integers. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** The normalised rational n / d (d != 0). */
export function rat(n: bigint, d = 1n): Rat {
  if (d === 0n) throw new RangeError('rational with denominator 0');
  if (d < 0n) [n, d] = [-n, -d];
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export const ZERO: Rat = rat(0n);
export const ONE: Rat = rat(1n);

/** The exact value of a finite double (every float32 is one). Throws RangeError on NaN / infinity. */
export function ratOfDouble(x: number): Rat {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return rat(BigInt(x));
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e: number;
  if (exp === 0) e = -1074; // subnormal
  else {
    mant |= 1n << 52n;
    e = exp - 1075;
  }
  if (e >= 0) return { n: sign * (mant << BigInt(e)), d: 1n };
  // dyadic: reduce by shifting out common factors of two (no gcd needed)
  while (e < 0 && (mant & 1n) === 0n && mant !== 0n) {
    mant >>= 1n;
    e++;
  }
  return mant === 0n ? ZERO : e >= 0 ? { n: sign * (mant << BigInt(e)), d: 1n } : { n: sign * mant, d: 1n << BigInt(-e) };
}

export const add = (a: Rat, b: Rat): Rat => (a.d === 1n && b.d === 1n ? { n: a.n + b.n, d: 1n } : rat(a.n * b.d + b.n * a.d, a.d * b.d));
export const sub = (a: Rat, b: Rat): Rat => add(a, neg(b));
export const neg = (a: Rat): Rat => ({ n: -a.n, d: a.d });
export const mul = (a: Rat, b: Rat): Rat => (a.d === 1n && b.d === 1n ? { n: a.n * b.n, d: 1n } : rat(a.n * b.n, a.d * b.d));
/** a / b; throws RangeError when b = 0. */
export const div = (a: Rat, b: Rat): Rat => rat(a.n * b.d, a.d * b.n);
export const sign = (a: Rat): -1 | 0 | 1 => (a.n < 0n ? -1 : a.n > 0n ? 1 : 0);
export const cmp = (a: Rat, b: Rat): -1 | 0 | 1 => sign(sub(a, b));
export const isZero = (a: Rat): boolean => a.n === 0n;
export const isInteger = (a: Rat): boolean => a.d === 1n;
export const eq = (a: Rat, b: Rat): boolean => a.n === b.n && a.d === b.d;

/** Largest integer <= a. */
export function floor(a: Rat): bigint {
  const q = a.n / a.d; // truncates toward 0
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Smallest integer >= a. */
export function ceil(a: Rat): bigint {
  return -floor(neg(a));
}

/** Nearest double (for messages and float comparisons only, never for decisions). */
export function ratToNumber(a: Rat): number {
  if (a.d === 1n) return Number(a.n);
  const m = a.n < 0n ? -a.n : a.n;
  const e = m.toString(2).length - a.d.toString(2).length;
  // quotient with ~64 significant bits, then scale back
  const q = e <= 64 ? (m << BigInt(64 - e)) / a.d : m / (a.d << BigInt(e - 64));
  const v = Number(q) * 2 ** (e - 64);
  return a.n < 0n ? -v : v;
}

/** `n` or `n/d`. */
export function ratToString(a: Rat): string {
  return a.d === 1n ? `${a.n}` : `${a.n}/${a.d}`;
}

/** Integer square root: the largest r with r * r <= n (n >= 0). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative number');
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton steps from the float estimate, then fix up exactly
  for (let i = 0; i < 100; i++) {
    const y = (x + n / x) >> 1n;
    if (y === x || y === x + 1n || y === x - 1n) {
      x = y;
      break;
    }
    x = y;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/**
 * The largest integer k with `holds(k)`, for a predicate that is true up to
 * some integer and false above it, starting from a guess: an exponential
 * search outwards from `start` brackets the boundary, then a binary search
 * finds it. Every step is an exact test, so the answer never depends on the guess.
 */
export function largestWhere(holds: (k: bigint) => boolean, start = 0n): bigint {
  let lo = start, step = 1n;
  while (!holds(lo)) {
    lo -= step;
    step *= 2n;
  }
  let hi = lo + 1n;
  step = 1n;
  while (holds(hi)) {
    lo = hi;
    hi += step;
    step *= 2n;
  }
  while (hi - lo > 1n) {
    const mid = (lo + hi) >> 1n;
    if (holds(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
