import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GateKind } from '../../src/core/gate.js';
import { parseBench, writeBench } from '../../src/io/bench.js';
import { arbitraryCircuit } from '../helpers/arbitrary-circuit.js';
import { assertRoundTripKeepsFunctionsAndNames, tables } from '../helpers/fuzz.js';

const SEED = 0xbe4c;
const RUNS = 300;

describe(`BENCH round trip (fast-check seed ${SEED})`, () => {
  console.log(`bench.prop: fast-check seed ${SEED}, ${RUNS} runs per property`);

  it('any circuit: write then parse keeps truth tables and input/output names', () => {
    assertRoundTripKeepsFunctionsAndNames((c) => parseBench(writeBench(c)), SEED, RUNS);
  });

  it('AND/XOR circuits without constant fanins keep their gate count (inverters become edges again, k-input XORs k-1 gates)', () => {
    fc.assert(
      fc.property(arbitraryCircuit({ kinds: [GateKind.And, GateKind.Xor], constantFanins: false, maxArity: 4 }), (c) => {
        const d = parseBench(writeBench(c));
        let expected = 0;
        for (let g = 0; g < c.numGates; g++) expected += c.kinds[g] === GateKind.Xor ? c.faninStart[g + 1]! - c.faninStart[g]! - 1 : 1;
        expect(d.numGates).toBe(expected);
        expect(tables(d)).toEqual(tables(c));
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});
