import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { improve } from '../../src/improve/index.js';
import type { BasisName } from '../../src/core/basis.js';
import { circuitCost } from '../../src/core/cost.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { cadicalNativeAvailable } from '../../src/sat/backends/cadical-native.js';
import { ttEqual } from '../../src/tt/truth-table.js';
import { randomCircuit } from '../helpers/random-circuit.js';

const SEED = 20261125;
const BACKEND = cadicalNativeAvailable() ? 'cadical' : 'minisat';
const BASES: BasisName[] = ['B2', 'AIG', 'XAIG', 'U2'];

describe('improve properties', () => {
  it(`random circuits stay equivalent and never grow, plateau moves included (seed ${SEED})`, async () => {
    console.log(`fast-check seed ${SEED}`);
    const total = { replacements: 0, calls: 0, plateauMoves: 0 };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 3 }), async (seed, bi) => {
        const basis = BASES[bi]!;
        const c = randomCircuit(seed, { maxInputs: 6, maxGates: 20, maxOutputs: 3 });
        const r = await improve(c, { basis, backend: BACKEND, seed, timeLimitMs: 1500, callTimeLimitMs: 400, windowSize: 5, windowInputs: 4, windowsPerSeed: 2, plateauMoves: 2, restarts: 1 });
        const want = simulateTruthTables(c);
        const got = simulateTruthTables(r.circuit);
        expect(got.length).toBe(want.length);
        want.forEach((t, j) => expect(ttEqual(got[j]!, t)).toBe(true));
        expect(r.sizeAfter).toBeLessThanOrEqual(r.sizeBefore);
        total.replacements += r.replacements;
        total.calls += r.stats.synthCalls;
        total.plateauMoves += r.stats.plateauMoves;
        const cost = circuitCost(r.circuit, basis);
        expect(cost.inBasis && cost.size).toBe(r.sizeAfter);
        const orig = circuitCost(c, basis);
        if (orig.inBasis) expect(r.sizeAfter).toBeLessThanOrEqual(orig.size);
      }),
      { seed: SEED, numRuns: 100 },
    );
    // the property is not vacuous: windows were synthesised and some replaced
    expect(total.calls).toBeGreaterThan(0);
    expect(total.replacements).toBeGreaterThan(0);
    expect(total.plateauMoves).toBeGreaterThan(0);
    console.log(`improve property: ${total.calls} synthesis calls, ${total.replacements} replacements, ${total.plateauMoves} plateau moves`);
  }, 60_000);
});
