/**
 * Named problem families: symmetric functions and small arithmetic, each a
 * generator of a {@link FunctionSpec} with input/output names and a
 * description. Conventions (also in problems/README.md):
 *
 * - Tables use waterloo's bit order (x0 = LSB of the minterm index).
 * - Symmetric families name their inputs x0..x{n-1}.
 * - Arithmetic families take operand a first, then b, each LSB first
 *   (input i < k is a_i, input k + i is b_i), and list result bits LSB first.
 * - Sizes of instances are limited to {@link MAX_PROBLEM_INPUTS} inputs.
 */
import { createFromFunction, type TruthTable } from '../tt/truth-table.js';
import { makeSpec, MAX_SPEC_INPUTS, type FunctionSpec } from '../tt/spec.js';
import { popcount } from '../util/popcount.js';

/** Largest number of inputs a generated instance may have: the spec limit {@link MAX_SPEC_INPUTS}. */
export const MAX_PROBLEM_INPUTS = MAX_SPEC_INPUTS;

/** One generated problem. */
export interface ProblemInstance {
  /** Canonical name, e.g. `maj:5` (aliases are resolved: `parity:3` gives `xor:3`). */
  readonly name: string;
  /** The family. */
  readonly family: FamilyName;
  /** The integer parameters, in the order of the family's syntax. */
  readonly params: readonly number[];
  /** One-line description of this instance. */
  readonly description: string;
  /** The function (with care sets for families that have don't-cares). */
  readonly spec: FunctionSpec;
  /** Input names, one per input. */
  readonly inputNames: readonly string[];
  /** Output names, one per output. */
  readonly outputNames: readonly string[];
}

/** One integer parameter of a family. */
export interface FamilyParam {
  /** Name as in the syntax (`n`, `k`, ...). */
  readonly name: string;
  /** Meaning. */
  readonly description: string;
  /** Smallest allowed value. */
  readonly min: number;
  /**
   * Present for a parameter written in hex (a truth table, MSB first): the
   * number of digits of its canonical spelling, from the parameters before
   * it. Absent for the usual decimal parameter.
   */
  readonly hexDigits?: (earlier: readonly number[]) => number;
}

/** Registry entry of a family. */
export interface FamilyInfo {
  /** Family name, the part before the first colon. */
  readonly name: FamilyName;
  /** Syntax, e.g. `thr:n:k`. */
  readonly syntax: string;
  /** What the family computes, including its input/output order and parameter ranges. */
  readonly description: string;
  /** The parameters, in order. */
  readonly params: readonly FamilyParam[];
  /** Other accepted family names. */
  readonly aliases?: readonly string[];
  /**
   * Checks parameter values beyond `min` (and the input limit); returns a
   * message for the user, or undefined when they are fine.
   */
  readonly check: (p: readonly number[]) => string | undefined;
  /** Builds the instance; parameters are already checked. */
  readonly generate: (p: readonly number[]) => Omit<ProblemInstance, 'name' | 'family' | 'params'>;
}

/** Names of the families. */
export type FamilyName =
  | 'and' | 'or' | 'xor' | 'maj' | 'thr' | 'exact' | 'mod3' | 'mod' | 'sum' | 'sort'
  | 'fa' | 'add' | 'mul' | 'cmp' | 'eq' | 'mux' | 'addmod' | 'tt';

/**
 * Most inputs of a `tt:n:HEX` instance: its table is a parameter, and
 * parameters are numbers, exact up to 2^53, so at most 2^5 = 32 table bits.
 */
export const MAX_TT_INPUTS = 5;

/** Hex digits of a table of n inputs: one per 4 bits, at least one. */
export const ttHexDigits = (n: number): number => Math.max(1, 2 ** n / 4);

/** Number of bits of the binary representation of 0..v: max(1, ceil(log2(v + 1))). */
export function bitWidth(v: number): number {
  let w = 1;
  while (2 ** w <= v) w++;
  return w;
}

const names = (p: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${p}${i}`);

/** A single-output symmetric function given by the set of counts where it is 1. */
function symmetric(n: number, description: string, output: string, value: (ones: number) => boolean): ReturnType<FamilyInfo['generate']> {
  const spec = makeSpec(n, [createFromFunction(n, (m) => value(popcount(m)))]);
  return { description, spec, inputNames: names('x', n), outputNames: [output] };
}

/** Multi-output function: bit j of `value(minterm)` is output j; `valid` marks the care minterms. */
function multiOutput(
  n: number,
  numOutputs: number,
  value: (m: number) => number,
  valid?: (m: number) => boolean,
): { spec: FunctionSpec } {
  const vals = new Float64Array(2 ** n);
  for (let m = 0; m < vals.length; m++) vals[m] = value(m);
  const outputs: TruthTable[] = [];
  for (let j = 0; j < numOutputs; j++) outputs.push(createFromFunction(n, (m) => Math.floor(vals[m]! / 2 ** j) % 2 === 1));
  const care = valid ? createFromFunction(n, valid) : undefined;
  return { spec: makeSpec(n, outputs, care ? outputs.map(() => care) : undefined) };
}

const limit = (inputs: number): string | undefined =>
  inputs > MAX_PROBLEM_INPUTS ? `the instance would have ${inputs} inputs, more than the limit of ${MAX_PROBLEM_INPUTS}` : undefined;

const P_N: FamilyParam = { name: 'n', description: 'number of inputs', min: 1 };
const P_K: FamilyParam = { name: 'k', description: 'bits per operand', min: 1 };

/** The registry of problem families (the compiler checks it is complete). */
export const PROBLEM_FAMILIES: Readonly<Record<FamilyName, FamilyInfo>> = {
  and: {
    name: 'and', syntax: 'and:n', params: [P_N],
    description: 'conjunction of n >= 1 inputs x0..x{n-1}',
    check: ([n]) => limit(n!),
    generate: ([n]) => symmetric(n!, `AND of ${n} inputs`, 'f', (c) => c === n),
  },
  or: {
    name: 'or', syntax: 'or:n', params: [P_N],
    description: 'disjunction of n >= 1 inputs x0..x{n-1}',
    check: ([n]) => limit(n!),
    generate: ([n]) => symmetric(n!, `OR of ${n} inputs`, 'f', (c) => c > 0),
  },
  xor: {
    name: 'xor', syntax: 'xor:n', params: [P_N], aliases: ['parity'],
    description: 'parity (XOR) of n >= 1 inputs x0..x{n-1}; alias parity:n',
    check: ([n]) => limit(n!),
    generate: ([n]) => symmetric(n!, `parity of ${n} inputs`, 'f', (c) => c % 2 === 1),
  },
  maj: {
    name: 'maj', syntax: 'maj:n', params: [{ ...P_N, description: 'number of inputs, odd' }],
    description: 'majority of an odd number n of inputs: 1 iff at least (n+1)/2 are 1 (MAJ3 = e8); even n is refused, use thr:n:n/2 or thr:n:n/2+1',
    check: ([n]) => (n! % 2 === 0 ? `majority is defined here for odd n only; for n = ${n} say what a tie gives: thr:${n}:${n! / 2} (ties give 1) or thr:${n}:${n! / 2 + 1} (ties give 0)` : limit(n!)),
    generate: ([n]) => symmetric(n!, `majority of ${n} inputs (at least ${(n! + 1) / 2} ones)`, 'f', (c) => 2 * c > n!),
  },
  thr: {
    name: 'thr', syntax: 'thr:n:k', params: [P_N, { name: 'k', description: 'threshold, 0..n', min: 0 }],
    description: 'threshold THR_n^k: 1 iff at least k of the n inputs are 1 (0 <= k <= n)',
    check: ([n, k]) => (k! > n! ? `k = ${k} is more than n = ${n}; thr:n:k needs 0 <= k <= n` : limit(n!)),
    generate: ([n, k]) => symmetric(n!, `at least ${k} of ${n} inputs are 1`, 'f', (c) => c >= k!),
  },
  exact: {
    name: 'exact', syntax: 'exact:n:k', params: [P_N, { name: 'k', description: 'count, 0..n', min: 0 }],
    description: 'exactly-k EXACT_n^k: 1 iff exactly k of the n inputs are 1 (0 <= k <= n)',
    check: ([n, k]) => (k! > n! ? `k = ${k} is more than n = ${n}; exact:n:k needs 0 <= k <= n` : limit(n!)),
    generate: ([n, k]) => symmetric(n!, `exactly ${k} of ${n} inputs are 1`, 'f', (c) => c === k!),
  },
  mod3: {
    name: 'mod3', syntax: 'mod3:n:r', params: [P_N, { name: 'r', description: 'residue, 0..2', min: 0 }],
    description: 'MOD_3^{n,r}: 1 iff the number of ones among the n inputs is congruent to r mod 3 (0 <= r <= 2)',
    check: ([n, r]) => (r! > 2 ? `residue r = ${r} must be 0, 1 or 2` : limit(n!)),
    generate: ([n, r]) => symmetric(n!, `number of ones of ${n} inputs is ${r} mod 3`, 'f', (c) => c % 3 === r),
  },
  mod: {
    name: 'mod', syntax: 'mod:m:n:r',
    params: [{ name: 'm', description: 'modulus, >= 2', min: 2 }, P_N, { name: 'r', description: 'residue, 0..m-1', min: 0 }],
    description: 'MOD_m^{n,r}: 1 iff the number of ones among the n inputs is congruent to r mod m (m >= 2, 0 <= r < m)',
    check: ([m, n, r]) => (r! >= m! ? `residue r = ${r} must be below the modulus m = ${m}` : limit(n!)),
    generate: ([m, n, r]) => symmetric(n!, `number of ones of ${n} inputs is ${r} mod ${m}`, 'f', (c) => c % m! === r),
  },
  sum: {
    name: 'sum', syntax: 'sum:n', params: [P_N],
    description: 'SUM_n: the number of ones among n inputs in binary, ceil(log2(n+1)) outputs, output j = bit j (LSB first)',
    check: ([n]) => limit(n!),
    generate: ([n]) => {
      const w = bitWidth(n!);
      return { description: `binary count of ones of ${n} inputs (${w} outputs, LSB first)`, ...multiOutput(n!, w, popcount), inputNames: names('x', n!), outputNames: names('s', w) };
    },
  },
  sort: {
    name: 'sort', syntax: 'sort:n', params: [P_N],
    description: 'sorter of n bits, n outputs in ascending order: output j is 1 iff at least n-j inputs are 1 (output 0 = AND, output n-1 = OR; as the IWLS 2022 sorters)',
    check: ([n]) => limit(n!),
    generate: ([n]) => ({
      description: `the ${n} inputs sorted ascending (output j = at least ${n}-j ones)`,
      ...multiOutput(n!, n!, (m) => { const c = popcount(m); return 2 ** n! - 2 ** (n! - c); }),
      inputNames: names('x', n!), outputNames: names('y', n!),
    }),
  },
  fa: {
    name: 'fa', syntax: 'fa', params: [],
    description: 'full adder: inputs a, b, c (carry in); output 0 = sum a^b^c, output 1 = carry MAJ(a,b,c)',
    check: () => undefined,
    generate: () => ({ description: 'full adder (sum, carry) of 3 bits', ...multiOutput(3, 2, popcount), inputNames: ['a', 'b', 'c'], outputNames: ['sum', 'carry'] }),
  },
  add: {
    name: 'add', syntax: 'add:k', params: [P_K],
    description: 'adder: a + b of two k-bit numbers, k+1 outputs s0..sk (LSB first); inputs a0..a{k-1}, b0..b{k-1}',
    check: ([k]) => limit(2 * k!),
    generate: ([k]) => arith(k!, k! + 1, 's', (a, b) => a + b, `sum of two ${k}-bit numbers`),
  },
  mul: {
    name: 'mul', syntax: 'mul:k', params: [P_K],
    description: 'multiplier: a * b of two k-bit numbers, 2k outputs p0..p{2k-1} (LSB first); inputs a0..a{k-1}, b0..b{k-1}',
    check: ([k]) => limit(2 * k!),
    generate: ([k]) => arith(k!, 2 * k!, 'p', (a, b) => a * b, `product of two ${k}-bit numbers`),
  },
  cmp: {
    name: 'cmp', syntax: 'cmp:k', params: [P_K],
    description: 'comparator: 1 iff a < b as unsigned k-bit numbers; inputs a0..a{k-1}, b0..b{k-1}',
    check: ([k]) => limit(2 * k!),
    generate: ([k]) => arith(k!, 1, 'lt', (a, b) => (a < b ? 1 : 0), `a < b for ${k}-bit numbers`, true),
  },
  eq: {
    name: 'eq', syntax: 'eq:k', params: [P_K],
    description: 'equality: 1 iff a = b as k-bit numbers; inputs a0..a{k-1}, b0..b{k-1}',
    check: ([k]) => limit(2 * k!),
    generate: ([k]) => arith(k!, 1, 'eq', (a, b) => (a === b ? 1 : 0), `a = b for ${k}-bit numbers`, true),
  },
  mux: {
    name: 'mux', syntax: 'mux:k', params: [{ name: 'k', description: 'number of select bits', min: 1 }],
    description: 'multiplexer: inputs s0..s{k-1} (select, LSB first) then d0..d{2^k-1}; output d[s]',
    check: ([k]) => limit(k! + 2 ** k!),
    generate: ([k]) => {
      const n = k! + 2 ** k!;
      return {
        description: `${2 ** k!}-to-1 multiplexer (${k} select bits first)`,
        spec: makeSpec(n, [createFromFunction(n, (m) => ((m >>> (k! + (m & ((1 << k!) - 1)))) & 1) === 1)]),
        inputNames: [...names('s', k!), ...names('d', 2 ** k!)], outputNames: ['f'],
      };
    },
  },
  addmod: {
    name: 'addmod', syntax: 'addmod:p', params: [{ name: 'p', description: 'modulus, >= 2', min: 2 }],
    description: '(a + b) mod p on binary-coded residues: w = ceil(log2 p) bits per operand and w outputs, LSB first; inputs a0..a{w-1}, b0..b{w-1}; codes >= p are don\'t-cares',
    check: ([p]) => limit(2 * bitWidth(p! - 1)),
    generate: ([p]) => {
      const w = bitWidth(p! - 1);
      const r = arith(w, w, 's', (a, b) => (a + b) % p!, `(a + b) mod ${p} on ${w}-bit residues`, false, (a, b) => a < p! && b < p!);
      return r;
    },
  },
  tt: {
    name: 'tt', syntax: 'tt:n:HEX',
    params: [{ ...P_N, min: 0, description: `number of inputs, 0..${MAX_TT_INPUTS}` }, { name: 'HEX', description: 'the truth table in hex, MSB first', min: 0, hexDigits: ([n]) => ttHexDigits(n!) }],
    description: `any single-output function of n <= ${MAX_TT_INPUTS} inputs x0..x{n-1}, given by its truth table in hex (bit i = f(minterm i), x0 = LSB of i, printed MSB first: MAJ3 = tt:3:e8)`,
    check: ([n, t]) =>
      n! > MAX_TT_INPUTS
        ? `tt:n:HEX takes at most ${MAX_TT_INPUTS} inputs (the table is a parameter); for more use --tt HEX --inputs N`
        : t! >= 2 ** 2 ** n!
          ? `the table ${t!.toString(16)} has more than the ${2 ** n!} bits of a ${n}-input function`
          : undefined,
    generate: ([n, t]) => ({
      description: `the ${n}-input function with table ${t!.toString(16).padStart(ttHexDigits(n!), '0')}`,
      spec: makeSpec(n!, [createFromFunction(n!, (m) => Math.floor(t! / 2 ** m) % 2 === 1)]),
      inputNames: names('x', n!), outputNames: ['f'],
    }),
  },
};

/** Two-operand arithmetic: operand a = inputs 0..k-1, b = inputs k..2k-1, LSB first. */
function arith(
  k: number,
  numOutputs: number,
  out: string,
  f: (a: number, b: number) => number,
  description: string,
  single = false,
  valid?: (a: number, b: number) => boolean,
): ReturnType<FamilyInfo['generate']> {
  const mask = (1 << k) - 1;
  const r = multiOutput(2 * k, numOutputs, (m) => f(m & mask, m >>> k), valid ? (m) => valid(m & mask, m >>> k) : undefined);
  return { description, ...r, inputNames: [...names('a', k), ...names('b', k)], outputNames: single ? [out] : names(out, numOutputs) };
}
