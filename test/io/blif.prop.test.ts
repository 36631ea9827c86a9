import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCircuit, type Circuit } from '../../src/core/circuit.js';
import { GateKind } from '../../src/core/gate.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { parseBlif, writeBlif } from '../../src/io/blif.js';
import { toHex } from '../../src/tt/truth-table.js';
import { arbitraryCircuit } from '../helpers/arbitrary-circuit.js';

const SEED = 0xb11f;
const RUNS = 300;

function tables(c: Circuit): string[] {
  return simulateTruthTables(c).map(toHex);
}

describe(`BLIF round trip (fast-check seed ${SEED})`, () => {
  console.log(`blif.prop: fast-check seed ${SEED}, ${RUNS} runs per property`);

  it('any circuit: write then parse keeps truth tables and input/output names', () => {
    fc.assert(
      fc.property(arbitraryCircuit(), (c) => {
        const d = parseBlif(writeBlif(c));
        validateCircuit(d);
        expect(tables(d)).toEqual(tables(c));
        expect(d.inputNames).toEqual(c.inputNames);
        expect(d.outputNames).toEqual(c.outputNames);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('gates never multiply: one .names per gate, buffers and constants fold away', () => {
    fc.assert(
      fc.property(arbitraryCircuit({ kinds: [GateKind.And, GateKind.Maj, GateKind.Lut], maxArity: 5, maxLutArity: 6 }), (c) => {
        const d = parseBlif(writeBlif(c));
        expect(d.numGates).toBeLessThanOrEqual(c.numGates);
        expect(tables(d)).toEqual(tables(c));
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});
