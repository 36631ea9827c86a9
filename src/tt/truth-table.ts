/**
 * Truth tables as immutable values over 32-bit words, with free functions in
 * the style of kitty.
 *
 * THE BIT-ORDER CONVENTION (one for all of waterloo): bit i of the table is
 * f(minterm i), and input x0 is the least significant bit of i. So x0 is the
 * projection 0b1010... (`aa` in hex), and hex strings are printed most
 * significant digit first, as ABC and kitty do: MAJ3 is `e8`, AND2 is `8`.
 */
import { UsageError } from '../errors.js';

/** Largest number of variables a table may have (2^24 bits = 2 MiB). */
export const MAX_TT_VARS = 24;

/** A Boolean function of `numVars` inputs as 2^numVars bits in 32-bit words. */
export class TruthTable {
  /**
   * @param numVars number of inputs (0..MAX_TT_VARS)
   * @param words the bits, 32 minterms per word, minterm 0 in bit 0 of word 0.
   *   Bits beyond 2^numVars in the single word of a table with < 5 vars are zero.
   */
  constructor(
    readonly numVars: number,
    readonly words: Uint32Array,
  ) {}

  /** Number of minterms, 2^numVars. */
  get numBits(): number {
    return 2 ** this.numVars;
  }

  /** Value at minterm `i`. */
  get(i: number): boolean {
    return ((this.words[i >>> 5]! >>> (i & 31)) & 1) === 1;
  }

  /** Hex string, most significant digit first (see module docs). */
  toString(): string {
    return toHex(this);
  }
}

/** Number of 32-bit words a table of `numVars` variables occupies. */
export function wordCount(numVars: number): number {
  return numVars <= 5 ? 1 : 1 << (numVars - 5);
}

/** Mask of the valid bits in the last word (all ones for numVars >= 5). */
export function lastWordMask(numVars: number): number {
  return numVars >= 5 ? 0xffffffff : ((1 << (1 << numVars)) - 1) >>> 0;
}

function checkVars(numVars: number): void {
  if (!Number.isInteger(numVars) || numVars < 0 || numVars > MAX_TT_VARS) {
    throw new UsageError(`truth tables have 0..${MAX_TT_VARS} variables, got ${numVars}`, 'bad-arity');
  }
}

/** Wraps words into a table, clearing the unused high bits of small tables. */
export function fromWords(numVars: number, words: Uint32Array): TruthTable {
  checkVars(numVars);
  if (words.length !== wordCount(numVars)) {
    throw new UsageError(`a ${numVars}-variable table needs ${wordCount(numVars)} words, got ${words.length}`, 'bad-arity');
  }
  if (numVars < 5) words[0] = words[0]! & lastWordMask(numVars);
  return new TruthTable(numVars, words);
}

/** The constant function. */
export function createConstant(numVars: number, value: boolean): TruthTable {
  checkVars(numVars);
  const w = new Uint32Array(wordCount(numVars));
  if (value) w.fill(0xffffffff);
  return fromWords(numVars, w);
}

/** Pattern of projection x_j within a single word, for j < 5. */
export const PROJECTION_WORDS: readonly number[] = [0xaaaaaaaa, 0xcccccccc, 0xf0f0f0f0, 0xff00ff00, 0xffff0000];

/** The projection f = x_j. */
export function createNthVar(numVars: number, j: number): TruthTable {
  checkVars(numVars);
  if (!Number.isInteger(j) || j < 0 || j >= numVars) throw new UsageError(`variable ${j} out of range 0..${numVars - 1}`, 'bad-arity');
  const w = new Uint32Array(wordCount(numVars));
  fillProjection(w, j);
  return fromWords(numVars, w);
}

/** Writes the exhaustive pattern of x_j into `w` (word 0 = minterms 0..31). */
export function fillProjection(w: Uint32Array, j: number, firstWord = 0): void {
  if (j < 5) {
    w.fill(PROJECTION_WORDS[j]!);
    return;
  }
  const period = 1 << (j - 5);
  for (let i = 0; i < w.length; i++) w[i] = ((i + firstWord) & period) !== 0 ? 0xffffffff : 0;
}

/** Builds a table from a predicate on minterm indices. */
export function createFromFunction(numVars: number, f: (minterm: number) => boolean): TruthTable {
  checkVars(numVars);
  const w = new Uint32Array(wordCount(numVars));
  const n = 2 ** numVars;
  for (let i = 0; i < n; i++) if (f(i)) w[i >>> 5] = w[i >>> 5]! | (1 << (i & 31));
  return fromWords(numVars, w);
}

/** Builds a table from the set of minterms where f is 1. */
export function createFromMinterms(numVars: number, minterms: Iterable<number>): TruthTable {
  checkVars(numVars);
  const w = new Uint32Array(wordCount(numVars));
  for (const i of minterms) {
    if (i < 0 || i >= 2 ** numVars) throw new UsageError(`minterm ${i} out of range for ${numVars} variables`, 'bad-arity');
    w[i >>> 5] = w[i >>> 5]! | (1 << (i & 31));
  }
  return fromWords(numVars, w);
}

/** Number of hex digits of a table: max(1, 2^numVars / 4). */
export function hexDigits(numVars: number): number {
  return numVars <= 2 ? 1 : 1 << (numVars - 2);
}

/**
 * Parses a hex string (MSB digit first, optional `0x`). The string must have
 * exactly {@link hexDigits} digits, except that shorter strings are accepted
 * when `allowShort` is set (missing digits are leading zeros).
 * Throws UsageError on bad digits or length; callers that parse files
 * convert it to a located ParseError.
 */
export function fromHex(hex: string, numVars: number, opts: { allowShort?: boolean } = {}): TruthTable {
  checkVars(numVars);
  let s = hex.trim();
  if (s.startsWith('0x') || s.startsWith('0X')) s = s.slice(2);
  const digits = hexDigits(numVars);
  if (!/^[0-9a-fA-F]+$/.test(s)) throw new UsageError(`'${hex}' is not a hex truth table`, 'bad-hex');
  if (s.length > digits || (s.length < digits && !opts.allowShort)) {
    throw new UsageError(`a ${numVars}-input truth table has ${digits} hex digit(s), '${hex}' has ${s.length}`, 'bad-hex');
  }
  s = s.padStart(digits, '0');
  const w = new Uint32Array(wordCount(numVars));
  // digit k from the right holds minterms 4k..4k+3
  for (let k = 0; k < digits; k++) {
    const d = parseInt(s[digits - 1 - k]!, 16);
    w[k >>> 3] = w[k >>> 3]! | (d << ((k & 7) * 4));
  }
  if (numVars < 2 && (w[0]! & ~lastWordMask(numVars)) !== 0) {
    throw new UsageError(`'${hex}' has bits beyond the ${2 ** numVars} minterms of a ${numVars}-input table`, 'bad-hex');
  }
  return fromWords(numVars, w);
}

/** Hex string, most significant digit first, exactly {@link hexDigits} digits. */
export function toHex(tt: TruthTable): string {
  const digits = hexDigits(tt.numVars);
  let s = '';
  for (let k = digits - 1; k >= 0; k--) s += ((tt.words[k >>> 3]! >>> ((k & 7) * 4)) & 15).toString(16);
  return s;
}

/** Parses a binary string, most significant minterm first (kitty's and IWLS `.truth` order). */
export function fromBinary(bits: string, numVars?: number): TruthTable {
  const s = bits.trim();
  const n = numVars ?? Math.log2(s.length);
  if (!Number.isInteger(n) || s.length !== 2 ** n) {
    throw new UsageError(`a binary truth table has 2^n characters, got ${s.length}`, 'bad-binary');
  }
  if (!/^[01]*$/.test(s)) throw new UsageError(`'${bits.length > 40 ? bits.slice(0, 40) + '...' : bits}' is not a binary truth table`, 'bad-binary');
  return createFromFunction(n, (i) => s.charCodeAt(s.length - 1 - i) === 49);
}

/** Binary string, most significant minterm first. */
export function toBinary(tt: TruthTable): string {
  let s = '';
  for (let i = tt.numBits - 1; i >= 0; i--) s += tt.get(i) ? '1' : '0';
  return s;
}

/** Reverses the low `n` bits of `i`. */
export function reverseBits(i: number, n: number): number {
  let r = 0;
  for (let k = 0; k < n; k++) r |= ((i >>> k) & 1) << (n - 1 - k);
  return r;
}

/**
 * Parses a Cirbo truth-table string: row 0 first, and input 0 is the MOST
 * significant bit of the row index (Cirbo `input_to_canonical_index`). Cirbo
 * AND is `"0001"`, which is waterloo hex `8`.
 */
export function fromCirboString(bits: string): TruthTable {
  const s = bits.trim();
  const n = Math.log2(s.length);
  if (!Number.isInteger(n) || !/^[01]*$/.test(s)) throw new UsageError(`'${bits}' is not a Cirbo truth table string`, 'bad-binary');
  return createFromFunction(n, (i) => s[reverseBits(i, n)] === '1');
}

/** Cirbo truth-table string (row 0 first, input 0 most significant). */
export function toCirboString(tt: TruthTable): string {
  let s = '';
  for (let r = 0; r < tt.numBits; r++) s += tt.get(reverseBits(r, tt.numVars)) ? '1' : '0';
  return s;
}

function sameShape(a: TruthTable, b: TruthTable): void {
  if (a.numVars !== b.numVars) throw new UsageError(`truth tables of ${a.numVars} and ${b.numVars} variables mixed`, 'bad-arity');
}

function mapWords(a: TruthTable, f: (x: number) => number): TruthTable {
  const w = new Uint32Array(a.words.length);
  for (let i = 0; i < w.length; i++) w[i] = f(a.words[i]!);
  return fromWords(a.numVars, w);
}

function zipWords(a: TruthTable, b: TruthTable, f: (x: number, y: number) => number): TruthTable {
  sameShape(a, b);
  const w = new Uint32Array(a.words.length);
  for (let i = 0; i < w.length; i++) w[i] = f(a.words[i]!, b.words[i]!);
  return fromWords(a.numVars, w);
}

/** Complement. */
export function ttNot(a: TruthTable): TruthTable {
  return mapWords(a, (x) => ~x);
}
/** Conjunction. */
export function ttAnd(a: TruthTable, b: TruthTable): TruthTable {
  return zipWords(a, b, (x, y) => x & y);
}
/** Disjunction. */
export function ttOr(a: TruthTable, b: TruthTable): TruthTable {
  return zipWords(a, b, (x, y) => x | y);
}
/** Exclusive or. */
export function ttXor(a: TruthTable, b: TruthTable): TruthTable {
  return zipWords(a, b, (x, y) => x ^ y);
}
/** Majority of three. */
export function ttMaj(a: TruthTable, b: TruthTable, c: TruthTable): TruthTable {
  sameShape(a, b);
  sameShape(a, c);
  const w = new Uint32Array(a.words.length);
  for (let i = 0; i < w.length; i++) {
    const x = a.words[i]!, y = b.words[i]!, z = c.words[i]!;
    w[i] = (x & y) | (x & z) | (y & z);
  }
  return fromWords(a.numVars, w);
}

/** Whether two tables are the same function (same arity required). */
export function ttEqual(a: TruthTable, b: TruthTable): boolean {
  if (a.numVars !== b.numVars) return false;
  for (let i = 0; i < a.words.length; i++) if (a.words[i] !== b.words[i]) return false;
  return true;
}

/** Whether a and b agree on every minterm where `care` is 1. */
export function ttEqualOnCare(a: TruthTable, b: TruthTable, care: TruthTable): boolean {
  sameShape(a, b);
  sameShape(a, care);
  for (let i = 0; i < a.words.length; i++) if (((a.words[i]! ^ b.words[i]!) & care.words[i]!) !== 0) return false;
  return true;
}

/** Whether the table is the constant `value` (either constant when omitted). */
export function ttIsConst(a: TruthTable, value?: boolean): boolean {
  const m = lastWordMask(a.numVars);
  const allZero = a.words.every((x) => x === 0);
  const allOne = a.words.every((x) => (x & m) >>> 0 === m);
  return value === undefined ? allZero || allOne : value ? allOne : allZero;
}

/** Number of minterms where f is 1. */
export function ttCountOnes(a: TruthTable): number {
  let c = 0;
  for (let x of a.words) {
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    c += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return c;
}

/** Cofactor with x_j fixed to `value`, as a table of the same arity (independent of x_j). */
export function ttCofactor(a: TruthTable, j: number, value: boolean): TruthTable {
  const p = createNthVar(a.numVars, j).words;
  const w = new Uint32Array(a.words.length);
  if (j < 5) {
    const s = 1 << j;
    for (let i = 0; i < w.length; i++) {
      const x = a.words[i]!;
      const kept = value ? x & p[i]! : x & ~p[i]!;
      w[i] = value ? kept | (kept >>> s) : kept | (kept << s);
    }
  } else {
    const step = 1 << (j - 5);
    for (let i = 0; i < w.length; i++) {
      const base = i & ~step;
      w[i] = a.words[value ? base | step : base]!;
    }
  }
  return fromWords(a.numVars, w);
}

/** Whether f depends on x_j. */
export function ttHasVar(a: TruthTable, j: number): boolean {
  return !ttEqual(ttCofactor(a, j, false), ttCofactor(a, j, true));
}

/** The variables f depends on, ascending. */
export function ttSupport(a: TruthTable): number[] {
  const s: number[] = [];
  for (let j = 0; j < a.numVars; j++) if (ttHasVar(a, j)) s.push(j);
  return s;
}

/**
 * The function re-expressed over a subset of its variables: result variable k
 * is original variable `vars[k]`. Variables not listed must not be in the
 * support (checked).
 */
export function ttShrink(a: TruthTable, vars: readonly number[]): TruthTable {
  for (const j of ttSupport(a)) if (!vars.includes(j)) throw new UsageError(`variable ${j} is in the support but not kept`, 'bad-arity');
  return createFromFunction(vars.length, (m) => {
    let i = 0;
    for (let k = 0; k < vars.length; k++) if ((m >>> k) & 1) i |= 1 << vars[k]!;
    return a.get(i);
  });
}

/** The function over more variables: original variable k becomes `vars[k]` of an `numVars`-input table. */
export function ttExtend(a: TruthTable, numVars: number, vars: readonly number[] = [...Array(a.numVars).keys()]): TruthTable {
  return createFromFunction(numVars, (m) => {
    let i = 0;
    for (let k = 0; k < vars.length; k++) if ((m >>> vars[k]!) & 1) i |= 1 << k;
    return a.get(i);
  });
}

// ---------------------------------------------------------------------------
// Variable flips, swaps and permutations (used by NPN canonisation).

/** Masks selecting the minterms with x_j = 0 and x_{j+1} = 1, j < 4, within one word. */
const SWAP_MASKS: readonly number[] = [0x22222222, 0x0c0c0c0c, 0x00f000f0, 0x0000ff00];

/**
 * Compares two tables of the same arity as unsigned 2^n-bit numbers
 * (minterm 2^n - 1 is the most significant bit). Returns -1, 0 or 1.
 */
export function ttCompare(a: TruthTable, b: TruthTable): number {
  sameShape(a, b);
  for (let i = a.words.length - 1; i >= 0; i--) {
    const x = a.words[i]!, y = b.words[i]!;
    if (x !== y) return x >>> 0 < y >>> 0 ? -1 : 1;
  }
  return 0;
}

/** The function with input x_j complemented: g(x) = f(x with x_j negated). */
export function ttFlipVar(a: TruthTable, j: number): TruthTable {
  if (!Number.isInteger(j) || j < 0 || j >= a.numVars) throw new UsageError(`variable ${j} out of range 0..${a.numVars - 1}`, 'bad-arity');
  const w = new Uint32Array(a.words.length);
  if (j < 5) {
    const s = 1 << j, m = PROJECTION_WORDS[j]!;
    for (let i = 0; i < w.length; i++) {
      const x = a.words[i]!;
      w[i] = ((x & m) >>> s) | ((x << s) & m);
    }
  } else {
    const step = 1 << (j - 5);
    for (let i = 0; i < w.length; i++) w[i] = a.words[i ^ step]!;
  }
  return fromWords(a.numVars, w);
}

/** The function with inputs x_j and x_k exchanged: g(x) = f(x with x_j and x_k swapped). */
export function ttSwapVars(a: TruthTable, j: number, k: number): TruthTable {
  for (const v of [j, k]) if (!Number.isInteger(v) || v < 0 || v >= a.numVars) throw new UsageError(`variable ${v} out of range 0..${a.numVars - 1}`, 'bad-arity');
  if (j === k) return a;
  if (j > k) [j, k] = [k, j];
  if (k === j + 1 && k < 5) {
    const m = SWAP_MASKS[j]!, s = 1 << j;
    const w = new Uint32Array(a.words.length);
    for (let i = 0; i < w.length; i++) {
      const x = a.words[i]!;
      w[i] = (x & ~(m | (m << s))) | ((x & m) << s) | ((x >>> s) & m);
    }
    return fromWords(a.numVars, w);
  }
  return createFromFunction(a.numVars, (i) => {
    const bj = (i >>> j) & 1, bk = (i >>> k) & 1;
    return a.get(bj === bk ? i : i ^ ((1 << j) | (1 << k)));
  });
}

/**
 * Renames variables: g(x_0, ..., x_{n-1}) = f(x_{perm[0]}, ..., x_{perm[n-1]}),
 * i.e. input i of f is fed by input perm[i] of g. `perm` must be a permutation of 0..n-1.
 */
export function ttPermuteVars(a: TruthTable, perm: readonly number[]): TruthTable {
  checkPermutation(perm, a.numVars);
  return createFromFunction(a.numVars, (x) => {
    let z = 0;
    for (let i = 0; i < perm.length; i++) z |= ((x >>> perm[i]!) & 1) << i;
    return a.get(z);
  });
}

/** Throws UsageError unless `perm` is a permutation of 0..n-1. */
export function checkPermutation(perm: readonly number[], n: number): void {
  if (perm.length !== n) throw new UsageError(`permutation of length ${perm.length} for ${n} variables`, 'bad-permutation');
  const seen = new Uint8Array(n);
  for (const p of perm) {
    if (!Number.isInteger(p) || p < 0 || p >= n || seen[p]) throw new UsageError(`[${perm.join(',')}] is not a permutation of 0..${n - 1}`, 'bad-permutation');
    seen[p] = 1;
  }
}
