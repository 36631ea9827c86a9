import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutFunction, enumerateCuts, evaluate, extractWindow, randomPatterns, simulateNodes } from '../../src/index.js';
import { randomCircuit } from '../helpers/random-circuit.js';

const SEED = 20261125;

describe('cut functions (property)', () => {
  it(`every priority cut's function equals the simulation of its cone (seed ${SEED})`, () => {
    console.log(`fast-check seed ${SEED}`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 8 }), (circuitSeed, k) => {
        const c = randomCircuit(circuitSeed, { maxInputs: 9, maxGates: 30 });
        const cuts = enumerateCuts(c, { k, cutLimit: 6 });
        // (1) whole-circuit simulation on random input patterns: f(leaf values) = root value, pattern by pattern
        const nv = simulateNodes(c, randomPatterns(c.numInputs, 2, circuitSeed));
        const bit = (v: number, p: number): boolean => ((nv.values[v * nv.w + (p >>> 5)]! >>> (p & 31)) & 1) === 1;
        for (let v = c.numInputs + 1; v < cuts.cuts.length; v++) {
          for (const cut of cuts.cuts[v]!) {
            if (cut.coneSize === 0) continue;
            const f = cutFunction(c, v, cut.leaves);
            for (let p = 0; p < 64; p++) {
              let m = 0;
              cut.leaves.forEach((l, j) => (m |= (bit(l, p) ? 1 : 0) << j));
              if (f.get(m) !== bit(v, p)) return false;
            }
            // (2) the cone as a circuit of its own (window extraction + evaluate) on random leaf assignments
            const win = extractWindow(c, [2 * v], cut.leaves.map((l) => 2 * l));
            for (let t = 0; t < 4; t++) {
              const m = (circuitSeed * 2654435761 + t * 40503 + v) >>> 0;
              const assign = cut.leaves.map((_, j) => ((m >>> j) & 1) === 1);
              if (evaluate(win, assign)[0] !== f.get(m & ((1 << cut.leaves.length) - 1))) return false;
            }
          }
        }
        return true;
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(true).toBe(true);
  });
});
