/**
 * Bit-parallel simulation. Each node holds W 32-bit words (32 * W patterns).
 * Large circuits are simulated in chunks of words so memory stays bounded
 * (about 8M words of node values at a time).
 */
import { UsageError } from '../errors.js';
import { fillProjection, fromWords, wordCount, type TruthTable } from '../tt/truth-table.js';
import { Rng } from '../util/rng.js';
import { numNodes, type Circuit } from './circuit.js';
import { GateKind } from './gate.js';

/** Largest input count for exhaustive simulation. */
export const MAX_EXHAUSTIVE_INPUTS = 24;

const CHUNK_BUDGET_WORDS = 8 << 20;

/**
 * Evaluates every gate on `values` (numNodes * w words, node v at v * w), whose
 * constant and input rows are already filled.
 */
export function evaluateGates(c: Circuit, values: Uint32Array, w: number): void {
  const { kinds, faninStart, fanins } = c;
  const first = c.numInputs + 1;
  const scratch: Uint32Array[] = [];
  for (let g = 0; g < c.numGates; g++) {
    const out = (first + g) * w;
    const s = faninStart[g]!;
    const e = faninStart[g + 1]!;
    const kind = kinds[g]!;
    if (kind === GateKind.And && e - s === 2) {
      const a = fanins[s]!, b = fanins[s + 1]!;
      const pa = (a >>> 1) * w, pb = (b >>> 1) * w;
      const ma = -(a & 1), mb = -(b & 1);
      for (let i = 0; i < w; i++) values[out + i] = (values[pa + i]! ^ ma) & (values[pb + i]! ^ mb);
      continue;
    }
    if (kind === GateKind.And || kind === GateKind.Xor) {
      const isAnd = kind === GateKind.And;
      const a = fanins[s]!;
      const pa = (a >>> 1) * w, ma = -(a & 1);
      for (let i = 0; i < w; i++) values[out + i] = values[pa + i]! ^ ma;
      for (let k = s + 1; k < e; k++) {
        const b = fanins[k]!;
        const pb = (b >>> 1) * w, mb = -(b & 1);
        if (isAnd) for (let i = 0; i < w; i++) values[out + i] = values[out + i]! & (values[pb + i]! ^ mb);
        else for (let i = 0; i < w; i++) values[out + i] = values[out + i]! ^ values[pb + i]! ^ mb;
      }
      continue;
    }
    if (kind === GateKind.Maj && e - s === 3) {
      const a = fanins[s]!, b = fanins[s + 1]!, d = fanins[s + 2]!;
      const pa = (a >>> 1) * w, pb = (b >>> 1) * w, pd = (d >>> 1) * w;
      const ma = -(a & 1), mb = -(b & 1), md = -(d & 1);
      for (let i = 0; i < w; i++) {
        const x = values[pa + i]! ^ ma, y = values[pb + i]! ^ mb, z = values[pd + i]! ^ md;
        values[out + i] = (x & y) | (x & z) | (y & z);
      }
      continue;
    }
    if (kind === GateKind.Maj) {
      // n-ary majority: count ones per bit position
      const k = e - s;
      for (let i = 0; i < w; i++) {
        let r = 0;
        for (let bit = 0; bit < 32; bit++) {
          let ones = 0;
          for (let t = s; t < e; t++) {
            const f = fanins[t]!;
            ones += ((values[(f >>> 1) * w + i]! ^ -(f & 1)) >>> bit) & 1;
          }
          if (ones * 2 > k) r |= 1 << bit;
        }
        values[out + i] = r;
      }
      continue;
    }
    // LUT: Shannon expansion bottom-up over the table's minterms
    const tt = c.luts.get(g)!;
    const k = e - s;
    const size = 1 << k;
    for (let level = scratch.length; level <= k; level++) scratch.push(new Uint32Array(1 << level));
    for (let i = 0; i < w; i++) {
      const buf = scratch[k]!;
      for (let m = 0; m < size; m++) buf[m] = tt.get(m) ? 0xffffffff : 0;
      let len = size;
      for (let j = 0; j < k; j++) {
        const f = fanins[s + j]!;
        const x = values[(f >>> 1) * w + i]! ^ -(f & 1);
        const half = len >>> 1;
        for (let m = 0; m < half; m++) buf[m] = (x & buf[2 * m + 1]!) | (~x & buf[2 * m]!);
        len = half;
      }
      values[out + i] = buf[0]!;
    }
  }
}

/** Node values of a simulation: node v's words are `values.subarray(v * w, (v + 1) * w)`. */
export interface NodeValues {
  readonly w: number;
  readonly values: Uint32Array;
}

/**
 * Simulates all nodes on the given input patterns (one Uint32Array of w words
 * per input). Memory is numNodes * w words: use {@link simulateOutputs} for
 * long pattern sets on big circuits.
 */
export function simulateNodes(c: Circuit, inputPatterns: readonly Uint32Array[]): NodeValues {
  if (inputPatterns.length !== c.numInputs) throw new UsageError(`expected ${c.numInputs} input patterns, got ${inputPatterns.length}`, 'io-mismatch');
  const w = c.numInputs ? inputPatterns[0]!.length : 1;
  const values = new Uint32Array(numNodes(c) * w);
  for (let i = 0; i < c.numInputs; i++) values.set(inputPatterns[i]!, (i + 1) * w);
  evaluateGates(c, values, w);
  return { w, values };
}

/**
 * Every node's value on all 2^numInputs input assignments (input i = the
 * projection x_i; numInputs <= MAX_EXHAUSTIVE_INPUTS). Memory is
 * numNodes * 2^numInputs bits: the caller bounds it.
 */
export function exhaustiveNodeValues(c: Circuit): NodeValues {
  const n = c.numInputs;
  if (n > MAX_EXHAUSTIVE_INPUTS) {
    throw new UsageError(`exhaustive simulation is limited to ${MAX_EXHAUSTIVE_INPUTS} inputs; this circuit has ${n}`, 'too-many-inputs');
  }
  const w = wordCount(n);
  const values = new Uint32Array(numNodes(c) * w);
  for (let i = 0; i < n; i++) fillProjection(values.subarray((i + 1) * w, (i + 2) * w), i);
  evaluateGates(c, values, w);
  return { w, values };
}

/** Words of a literal in a NodeValues (a fresh array; complemented when the literal is). */
export function litWords(nv: NodeValues, lit: number): Uint32Array {
  const src = nv.values.subarray((lit >>> 1) * nv.w, ((lit >>> 1) + 1) * nv.w);
  return lit & 1 ? src.map((x) => ~x) : src.slice();
}

/**
 * Simulates the outputs over `totalWords` words of input patterns supplied
 * chunk by chunk by `fill(input, firstWord, dst)`, and returns each output's
 * words. Node memory is bounded by processing a chunk of words at a time.
 */
export function simulateOutputs(
  c: Circuit,
  totalWords: number,
  fill: (input: number, firstWord: number, dst: Uint32Array) => void,
): Uint32Array[] {
  const nodes = numNodes(c);
  const chunk = Math.max(1, Math.min(totalWords, Math.floor(CHUNK_BUDGET_WORDS / nodes)));
  const values = new Uint32Array(nodes * chunk);
  const outs = Array.from(c.outputs, () => new Uint32Array(totalWords));
  for (let first = 0; first < totalWords; first += chunk) {
    const w = Math.min(chunk, totalWords - first);
    const vals = w === chunk ? values : new Uint32Array(nodes * w);
    for (let i = 0; i < c.numInputs; i++) fill(i, first, vals.subarray((i + 1) * w, (i + 2) * w));
    vals.fill(0, 0, w);
    evaluateGates(c, vals, w);
    c.outputs.forEach((lit, j) => {
      const base = (lit >>> 1) * w;
      const m = -(lit & 1);
      const dst = outs[j]!;
      for (let i = 0; i < w; i++) dst[first + i] = vals[base + i]! ^ m;
    });
  }
  return outs;
}

/** The truth table of every output, by exhaustive simulation (numInputs <= MAX_EXHAUSTIVE_INPUTS). */
export function simulateTruthTables(c: Circuit): TruthTable[] {
  const n = c.numInputs;
  if (n > MAX_EXHAUSTIVE_INPUTS) {
    throw new UsageError(`exhaustive simulation is limited to ${MAX_EXHAUSTIVE_INPUTS} inputs; this circuit has ${n}`, 'too-many-inputs');
  }
  const words = simulateOutputs(c, wordCount(n), (input, first, dst) => fillProjection(dst, input, first));
  return words.map((w) => fromWords(n, w));
}

/** Random input patterns: `numWords` words per input from a seeded PRNG. */
export function randomPatterns(numInputs: number, numWords: number, seed: number): Uint32Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: numInputs }, () => {
    const w = new Uint32Array(numWords);
    for (let i = 0; i < numWords; i++) w[i] = rng.nextU32();
    return w;
  });
}

/**
 * Simulates `numPatterns` seeded random patterns (rounded up to a multiple of
 * 32) and returns each output's words. Patterns are generated per chunk, so
 * memory does not grow with the pattern count times the input count.
 */
export function simulateRandom(c: Circuit, numPatterns: number, seed: number): Uint32Array[] {
  const totalWords = Math.max(1, Math.ceil(numPatterns / 32));
  return simulateOutputs(c, totalWords, (input, first, dst) => {
    // independent stream per (input, word) so chunking does not change the patterns
    for (let i = 0; i < dst.length; i++) dst[i] = mixSeed(seed, input, first + i);
  });
}

function mixSeed(seed: number, input: number, word: number): number {
  let z = (seed ^ Math.imul(input + 1, 0x9e3779b1) ^ Math.imul(word + 1, 0x85ebca77)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d);
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Evaluates the circuit on one input vector (bit i of the assignment = input i). */
export function evaluate(c: Circuit, inputs: readonly boolean[]): boolean[] {
  const nv = simulateNodes(c, inputs.map((b) => Uint32Array.of(b ? 1 : 0)));
  return Array.from(c.outputs, (lit) => ((nv.values[lit >>> 1]! ^ (lit & 1)) & 1) === 1);
}
