import { describe, expect, it } from 'vitest';
import { checkEquivalence } from '../../src/verify/equivalence.js';
import { evaluate } from '../../src/core/simulate.js';
import { toAig } from '../../src/core/to-aig.js';
import { strash } from '../../src/core/cleanup.js';
import { mutateOneGate, randomCircuit } from '../helpers/random-circuit.js';

const SEED = Number(process.env.WATERLOO_SEED ?? 424242);

describe('checkEquivalence: SAT engine vs exhaustive simulation', () => {
  it(`agrees on random pairs, equivalent and mutated (seed ${SEED})`, async () => {
    let equal = 0, different = 0;
    for (let t = 0; t < 1500; t++) {
      const a = randomCircuit(SEED + t, { maxInputs: 8, maxGates: 30 });
      const b = t % 2 ? toAig(a) : mutateOneGate(strash(a), SEED * 7 + t).circuit;
      if (b.outputs.length !== a.outputs.length || b.numInputs !== a.numInputs) continue;
      const ex = await checkEquivalence(a, b, { method: 'exhaustive', match: 'position' });
      const sat = await checkEquivalence(a, b, { method: 'sat', match: 'position', backend: 'minisat' });
      expect(sat.verdict, `pair ${t} (seed ${SEED})`).toBe(ex.verdict);
      if (sat.verdict === 'different') {
        different++;
        const va = evaluate(a, sat.counterexample);
        const vb = evaluate(b, sat.counterexample);
        expect(va[sat.output]).not.toBe(vb[sat.output]);
      } else equal++;
    }
    expect(equal).toBeGreaterThan(500);
    expect(different).toBeGreaterThan(200);
  });
});
