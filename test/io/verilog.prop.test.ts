import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Circuit } from '../../src/core/circuit.js';
import { writeVerilog } from '../../src/io/verilog.js';
import { arbitraryCircuit } from '../helpers/arbitrary-circuit.js';
import { abcCec, removeYosysTmp, truthTableReference, yosysToBlif, YOSYS_SKIP_REASON } from '../helpers/yosys.js';

const SEED = 20240612;
const RUNS = 12; // each run starts yosys and ABC (~0.5 s)

afterAll(removeYosysTmp);

/** The same circuit with plain port names, for the by-order reference. */
function plainNames(c: Circuit): Circuit {
  return { ...c, inputNames: c.inputNames.map((_, i) => `i${i}`), outputNames: c.outputNames.map((_, j) => `o${j}`) };
}

describe.skipIf(YOSYS_SKIP_REASON !== '')(`writeVerilog read back by yosys (fast-check seed ${SEED})`, () => {
  console.log(`verilog.prop: fast-check seed ${SEED}, ${RUNS} runs`);
  it('random circuits of every gate kind are proved equivalent by ABC cec', () => {
    let k = 0;
    fc.assert(
      fc.property(arbitraryCircuit({ minInputs: 1, maxInputs: 6, minOutputs: 1, maxGates: 20, maxArity: 5 }), (c) => {
        const name = `prop${k++}`;
        const blif = yosysToBlif(writeVerilog(c), name, 'top');
        // ports matched by order (cec -n): the writer may rename colliding names
        expect(abcCec(truthTableReference(plainNames(c), name), blif, false)).toMatch(/Networks are equivalent/);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
