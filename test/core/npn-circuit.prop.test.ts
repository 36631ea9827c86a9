/** applyNpnToCircuit: the rewired circuit computes the transformed function, at the same cost. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASES, type BasisName } from '../../src/core/basis.js';
import { circuitCost } from '../../src/core/cost.js';
import { applyNpnToCircuit } from '../../src/core/npn-circuit.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { applyNpn } from '../../src/tt/npn.js';
import { toHex } from '../../src/tt/truth-table.js';
import { arbitraryCircuit } from '../helpers/arbitrary-circuit.js';

const SEED = 1515;

describe('applyNpnToCircuit', () => {
  it(`computes applyNpn of every output and keeps the cost in every basis (seed ${SEED})`, () => {
    console.log(`fast-check seed ${SEED}`);
    const circuitAndTransform = arbitraryCircuit({ minInputs: 1, maxInputs: 6, maxGates: 16, minOutputs: 1, maxOutputs: 3 }).chain((c) =>
      fc.record({
        c: fc.constant(c),
        perm: fc.shuffledSubarray([...Array(c.numInputs).keys()], { minLength: c.numInputs, maxLength: c.numInputs }),
        inputNegations: fc.nat({ max: 2 ** c.numInputs - 1 }),
        outputNegation: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(circuitAndTransform, ({ c, perm, inputNegations, outputNegation }) => {
        const t = { perm, inputNegations, outputNegation };
        const d = applyNpnToCircuit(c, t);
        const want = simulateTruthTables(c).map((f) => toHex(applyNpn(f, t)));
        expect(simulateTruthTables(d).map(toHex)).toEqual(want);
        for (const basis of Object.keys(BASES) as BasisName[]) expect(circuitCost(d, basis)).toEqual(circuitCost(c, basis));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
