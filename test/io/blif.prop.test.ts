import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GateKind } from '../../src/core/gate.js';
import { parseBlif, writeBlif } from '../../src/io/blif.js';
import { arbitraryCircuit } from '../helpers/arbitrary-circuit.js';
import { assertRoundTripKeepsFunctionsAndNames, tables } from '../helpers/fuzz.js';

const SEED = 0xb11f;
const RUNS = 300;

describe(`BLIF round trip (fast-check seed ${SEED})`, () => {
  console.log(`blif.prop: fast-check seed ${SEED}, ${RUNS} runs per property`);

  it('any circuit: write then parse keeps truth tables and input/output names', () => {
    assertRoundTripKeepsFunctionsAndNames((c) => parseBlif(writeBlif(c)), SEED, RUNS);
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
