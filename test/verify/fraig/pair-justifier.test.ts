/** Justified patterns: checked against exhaustive simulation, and in the sweep on nodes random simulation cannot tell apart. */
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../../src/core/builder.js';
import type { Circuit } from '../../../src/core/circuit.js';
import { evaluate, simulateNodes } from '../../../src/core/simulate.js';
import { checkEquivalence } from '../../../src/verify/equivalence.js';
import { MAX_STEPS, PairJustifier } from '../../../src/verify/fraig/pair-justifier.js';
import { Rng } from '../../../src/util/rng.js';
import { randomCircuit } from '../../helpers/random-circuit.js';

const SEED = Number(process.env.WATERLOO_SEED ?? 20261206);

/** The justifier of an AIG, with every node's value on every minterm (inputs <= 10). */
function setUp(c: Circuit): { j: PairJustifier; value: (v: number, m: number) => number; minterms: number } {
  const minterms = 1 << c.numInputs;
  const w = Math.max(1, minterms / 32);
  const patterns = Array.from({ length: c.numInputs }, (_, i) => {
    const words = new Uint32Array(w);
    for (let m = 0; m < minterms; m++) if ((m >>> i) & 1) words[m >>> 5]! |= 1 << (m & 31);
    return words;
  });
  const nv = simulateNodes(c, patterns);
  const n = 1 + c.numInputs + c.numGates;
  const value = (v: number, m: number): number => (nv.values[v * w + (m >>> 5)]! >>> (m & 31)) & 1;
  const ones = new Uint32Array(n);
  for (let v = 0; v < n; v++) for (let m = 0; m < minterms; m++) ones[v]! += value(v, m);
  const { f0, f1 } = faninArrays(c);
  return { j: new PairJustifier(c.numInputs + 1, f0, f1, ones, minterms), value, minterms };
}

/** The two fanin literals of every gate of an AIG. */
function faninArrays(c: Circuit): { f0: Uint32Array; f1: Uint32Array } {
  const f0 = new Uint32Array(c.numGates), f1 = new Uint32Array(c.numGates);
  for (let g = 0; g < c.numGates; g++) {
    f0[g] = c.fanins[c.faninStart[g]!]!;
    f1[g] = c.fanins[c.faninStart[g]! + 1]!;
  }
  return { f0, f1 };
}

/** Node v's value under an input vector. */
function nodeValue(c: Circuit, inputs: readonly boolean[], v: number): number {
  const patterns = inputs.map((x) => Uint32Array.of(x ? 1 : 0));
  const nv = simulateNodes(c, patterns);
  return nv.values[v]! & 1;
}

describe('PairJustifier', () => {
  it(`separates exactly the node pairs that differ on some input, with a pattern that separates them (seed ${SEED})`, () => {
    let separated = 0, equal = 0;
    for (let t = 0; t < 60; t++) {
      const c = randomCircuit(SEED + t, { aigOnly: true, minInputs: 2, maxInputs: 8, maxGates: 30 });
      const { j, value, minterms } = setUp(c);
      const rng = new Rng(SEED ^ t);
      const n = 1 + c.numInputs + c.numGates;
      for (let v = 1; v < n; v++) {
        for (let r = 0; r < v; r++) {
          for (const pol of [0, 1]) {
            let differ = false;
            for (let m = 0; m < minterms && !differ; m++) differ = value(v, m) !== (value(r, m) ^ pol);
            const ok = j.separate(v, r, pol, 1_000_000);
            expect(ok, `circuit ${t}, nodes ${v} and ${r} ^ ${pol} (seed ${SEED})`).toBe(differ);
            if (!ok) {
              equal++;
              continue;
            }
            separated++;
            const pattern = j.take(c.numInputs, rng);
            expect(nodeValue(c, pattern, v), `circuit ${t}, nodes ${v} and ${r} ^ ${pol} (seed ${SEED})`).not.toBe(nodeValue(c, pattern, r) ^ pol);
          }
        }
      }
    }
    expect(separated).toBeGreaterThan(1000);
    expect(equal).toBeGreaterThan(50);
  });

  it('packs pairs whose requirements agree into one pattern, and leaves it as it was when a pair does not fit', () => {
    // g1 = x1 & x2 (node 4), g2 = x1 & !x2 (node 5): g1 = 1 and g2 = 1 conflict on x2
    const b = new CircuitBuilder({ strash: false });
    const [x1, x2, x3] = b.addInputs(3) as [number, number, number];
    const g1 = b.and(x1, x2), g2 = b.and(x1, x2 ^ 1);
    b.addOutput(g1);
    b.addOutput(g2);
    b.addOutput(x3);
    const c = b.build();
    const { j } = setUp(c);
    const rng = new Rng(SEED);
    // g1 differs from constant 0 (g1 = 1), x3 differs from x1 (x1 = 1 already: x3 = 0)
    expect(j.separate(g1 >>> 1, 0, 0, 100)).toBe(true);
    expect(j.separate(x3 >>> 1, x1 >>> 1, 0, 100)).toBe(true);
    // g2 = 1 needs x2 = 0: no fit; the pattern keeps the two pairs before
    expect(j.separate(g2 >>> 1, 0, 0, 100)).toBe(false);
    const p = j.take(3, rng);
    expect(p).toEqual([true, true, false]);
    // a fresh pattern takes g2 alone
    expect(j.separate(g2 >>> 1, 0, 0, 100)).toBe(true);
    expect(j.take(3, rng).slice(0, 2)).toEqual([true, false]);
  });

  it('gives up when the node budget runs out', () => {
    const b = new CircuitBuilder({ strash: false });
    const xs = b.addInputs(12);
    let chain = xs[0]!;
    for (const x of xs.slice(1)) chain = b.and(chain, x);
    b.addOutput(chain);
    const c = b.build();
    const { j } = setUp(c);
    // chain = 1 needs all 23 nodes of the chain: 10 is too few, 30 enough
    expect(j.separate(chain >>> 1, 0, 0, 10)).toBe(false);
    expect(j.separate(chain >>> 1, 0, 0, 30)).toBe(true);
    expect(j.stats.justified).toBe(1);
  });
});

describe('sweep with justified patterns', () => {
  /** A chain of ANDs over 24 inputs, each chain node an output: random simulation sees them all as 0. */
  function chain(flipLast: boolean, balanced: boolean): Circuit {
    const b = new CircuitBuilder({ strash: false });
    const xs = b.addInputs(24);
    let acc = xs[0]!;
    const outs: number[] = [];
    for (let k = 1; k < xs.length; k++) {
      const x = flipLast && k === xs.length - 1 ? xs[k]! ^ 1 : xs[k]!;
      acc = balanced ? balancedAnd(b, [...xs.slice(0, k), x]) : b.and(acc, x);
      if (k >= 12) outs.push(acc);
    }
    outs.forEach((o) => b.addOutput(o));
    return b.build();
  }
  function balancedAnd(b: CircuitBuilder, lits: number[]): number {
    while (lits.length > 1) {
      const next: number[] = [];
      for (let i = 0; i + 1 < lits.length; i += 2) next.push(b.and(lits[i]!, lits[i + 1]!));
      if (lits.length % 2) next.push(lits[lits.length - 1]!);
      lits = next;
    }
    return lits[0]!;
  }

  it('proves a chain of ANDs equal to balanced trees, separating the always-0-looking nodes without SAT', async () => {
    const v = await checkEquivalence(chain(false, false), chain(false, true), { match: 'position', method: 'sat' });
    expect(v.verdict).toBe('equivalent');
    expect(v.stats.justified ?? 0).toBeGreaterThan(0);
  });

  it('finds the one input vector in 2^24 where the last output differs, and it replays', async () => {
    const a = chain(false, false), b = chain(true, true);
    const v = await checkEquivalence(a, b, { match: 'position', method: 'sat' });
    expect(v.verdict).toBe('different');
    if (v.verdict !== 'different') return;
    expect(evaluate(a, v.counterexample)[v.output]).not.toBe(evaluate(b, v.counterexample)[v.output]);
  });
});

describe('PairJustifier limits', () => {
  it('caps an attempt at MAX_STEPS assignments (each revisable choice is a level of recursion)', () => {
    // an OR chain: every OR = 0 leaves no choice, every OR = 1 (AND = 0) a choice of fanin
    const b = new CircuitBuilder({ strash: false });
    const xs = b.addInputs(5000);
    let acc = xs[0]!;
    for (const x of xs.slice(1)) acc = b.or(acc, x);
    b.addOutput(acc);
    const c = b.build();
    const ones = new Uint32Array(1 + c.numInputs + c.numGates).fill(16);
    const { f0, f1 } = faninArrays(c);
    const j = new PairJustifier(c.numInputs + 1, f0, f1, ones, 32);
    // acc is the complement of an AND node; that node = 1 needs the whole chain at 0: more than MAX_STEPS assignments
    expect(j.separate(acc >>> 1, 0, 0, 1e9)).toBe(false);
    expect(j.stats.steps).toBeLessThanOrEqual(2 * MAX_STEPS);
    // the node = 0 needs one input at 1: the last OR's own input
    expect(j.separate(acc >>> 1, 0, 1, 1e9)).toBe(true);
  });
});
