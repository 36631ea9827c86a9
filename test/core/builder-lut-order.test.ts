/**
 * The builder sorts a strashed LUT's fanins and permutes its table with the
 * truth-table operations of src/tt (one convention: ttPermuteVars(f, perm)(x)
 * = f(x_{perm[0]}, ..., x_{perm[n-1]})). Issue 16: the builder used to export
 * its own permuteVars with the inverse convention.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { CircuitBuilder } from '../../src/core/builder.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { createFromFunction, fromHex, toHex, ttPermuteVars } from '../../src/tt/truth-table.js';

const SEED = 16016;

describe('truth-table variable convention', () => {
  it('ttPermuteVars feeds input i of f from input perm[i] (a 3-cycle, not an involution)', () => {
    // f = x0 AND NOT x1 (x2 unused): minterms with bit0 = 1, bit1 = 0
    const f = createFromFunction(3, (m) => (m & 1) === 1 && (m & 2) === 0);
    const g = ttPermuteVars(f, [1, 2, 0]);
    // g(x) = f(x1, x2, x0) = x1 AND NOT x2
    expect(toHex(g)).toBe(toHex(createFromFunction(3, (m) => (m & 2) !== 0 && (m & 4) === 0)));
  });

  it('the public API exports one permutation convention (no builder permuteVars/flipVar)', () => {
    expect('permuteVars' in api).toBe(false);
    expect('flipVar' in api).toBe(false);
    expect(typeof api.ttPermuteVars).toBe('function');
  });

  it(`a strashed LUT with fanins out of order keeps its function (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 15 }), (bits, permIndex, negMask) => {
        const perms = [[0, 1, 2, 3], [1, 2, 0, 3], [2, 0, 1, 3], [3, 1, 0, 2], [1, 3, 2, 0], [2, 3, 1, 0]];
        const order = perms[permIndex]!;
        const table = fromHex(bits.toString(16).padStart(4, '0'), 4);
        const b = new CircuitBuilder({ strash: true });
        const ins = b.addInputs(4);
        // fanin j of the LUT is input order[j], complemented when negMask says so
        const fanins = order.map((v, j) => ins[v]! ^ ((negMask >>> j) & 1));
        b.addOutput(b.lut(table, fanins));
        const got = simulateTruthTables(b.build())[0]!;
        const want = createFromFunction(4, (m) => {
          let z = 0;
          order.forEach((v, j) => (z |= (((m >>> v) & 1) ^ ((negMask >>> j) & 1)) << j));
          return table.get(z);
        });
        expect(toHex(got)).toBe(toHex(want));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
