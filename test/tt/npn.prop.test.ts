import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyNpn, invertNpn, npnCanonize, npnCanonizeHeuristic, type NpnTransform } from '../../src/tt/npn.js';
import { fromWords, ttEqual, type TruthTable } from '../../src/tt/truth-table.js';

const SEED = 20240611;

const tableAndTransform = fc.integer({ min: 0, max: 6 }).chain((n) =>
  fc.record({
    tt: fc
      .array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: n <= 5 ? 1 : 2, maxLength: n <= 5 ? 1 : 2 })
      .map((w): TruthTable => fromWords(n, Uint32Array.from(w))),
    t: fc.record({
      perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      inputNegations: fc.integer({ min: 0, max: 2 ** n - 1 }),
      outputNegation: fc.boolean(),
    }) as fc.Arbitrary<NpnTransform>,
  }),
);

describe('NPN properties', () => {
  it(`canon round-trips and is invariant under random NPN transforms (seed ${SEED})`, () => {
    console.log(`fast-check seed ${SEED}`);
    fc.assert(
      fc.property(tableAndTransform, ({ tt, t }) => {
        const r = npnCanonize(tt);
        expect(ttEqual(applyNpn(r.representative, invertNpn(r.transform)), tt)).toBe(true);
        expect(ttEqual(npnCanonize(applyNpn(tt, t)).representative, r.representative)).toBe(true);
        const h = npnCanonizeHeuristic(tt);
        expect(ttEqual(applyNpn(h.representative, invertNpn(h.transform)), tt)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
