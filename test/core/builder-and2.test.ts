import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import { GateKind } from '../../src/core/gate.js';

const SEED = 0xa2d2;
const RUNS = 500;

// CircuitBuilder.and() has its own two-fanin path (no arrays, no sort); it
// must build exactly what the general n-ary path builds for the same pair.
// [x, y, x] goes through the general path (the duplicate is removed there).
describe(`CircuitBuilder.and agrees with the n-ary AND path (fast-check seed ${SEED})`, () => {
  console.log(`builder-and2: fast-check seed ${SEED}, ${RUNS} runs`);

  it('same literals and the same circuit for any sequence of two-input ANDs, constants and complements included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 40 }),
        fc.boolean(),
        (numInputs, ops, strash) => {
          const fast = new CircuitBuilder({ strash });
          const general = new CircuitBuilder({ strash });
          fast.addInputs(numInputs);
          general.addInputs(numInputs);
          for (const [i, j, viaOr] of ops) {
            const n = fast.numNodes;
            const x = i % (2 * n), y = j % (2 * n);
            const got = viaOr ? fast.or(x, y) : fast.and(x, y);
            // without strash the general path keeps the duplicate, so it gets the pair itself
            const pair = (p: number, q: number): number[] => (strash ? [p, q, p] : [p, q]);
            const want = viaOr ? general.addGate(GateKind.And, pair(x ^ 1, y ^ 1)) ^ 1 : general.addGate(GateKind.And, pair(x, y));
            expect(got).toBe(want);
            expect(fast.numNodes).toBe(general.numNodes);
          }
          fast.addOutput(2 * fast.numNodes - 1);
          general.addOutput(2 * general.numNodes - 1);
          expect(fast.build()).toEqual(general.build());
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('checks its literals like addGate', () => {
    const b = new CircuitBuilder();
    const [x] = b.addInputs(1);
    expect(() => b.and(x!, 9)).toThrow(/literal 9 refers to no existing node/);
    expect(() => b.and(-1, x!)).toThrow(/literal -1/);
  });
});
