import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCircuit, type Circuit } from '../../src/core/circuit.js';
import { GateKind } from '../../src/core/gate.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { parseAiger, parseAigerDetailed, writeAiger } from '../../src/io/aiger.js';
import { toHex } from '../../src/tt/truth-table.js';
import { arbitraryCircuit } from '../helpers/arbitrary-circuit.js';

const SEED = 20240611;
const RUNS = 300;

function tables(c: Circuit): string[] {
  return simulateTruthTables(c).map(toHex);
}

/** Fanin pairs with each pair sorted descending (binary AIGER order). */
function sortedPairs(c: Circuit): number[] {
  const out: number[] = [];
  for (let g = 0; g < c.numGates; g++) {
    const a = c.fanins[2 * g]!;
    const b = c.fanins[2 * g + 1]!;
    out.push(Math.max(a, b), Math.min(a, b));
  }
  return out;
}

describe(`AIGER round trip (fast-check seed ${SEED})`, () => {
  console.log(`aiger.prop: fast-check seed ${SEED}, ${RUNS} runs per property`);

  it('any circuit: write (ASCII and binary) then parse keeps truth tables and names', () => {
    fc.assert(
      fc.property(arbitraryCircuit(), (c) => {
        const want = tables(c);
        for (const binary of [false, true]) {
          const d = parseAiger(writeAiger(c, { binary }));
          validateCircuit(d);
          expect(Array.from(d.kinds).every((k) => k === GateKind.And)).toBe(true);
          expect(tables(d)).toEqual(want);
          expect(d.inputNames).toEqual(c.inputNames);
          expect(d.outputNames).toEqual(c.outputNames);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('AND-only circuits: ASCII is structurally identical, binary identical up to fanin order', () => {
    fc.assert(
      fc.property(arbitraryCircuit({ kinds: [GateKind.And], maxArity: 2, maxGates: 40 }), (c) => {
        const a = parseAiger(writeAiger(c, { binary: false }));
        expect(a.numInputs).toBe(c.numInputs);
        expect(Array.from(a.fanins)).toEqual(Array.from(c.fanins));
        expect(Array.from(a.outputs)).toEqual(Array.from(c.outputs));
        expect(a.inputNames).toEqual(c.inputNames);
        expect(a.outputNames).toEqual(c.outputNames);
        const b = parseAiger(writeAiger(c, { binary: true }));
        expect(b.numGates).toBe(c.numGates);
        expect(sortedPairs(b)).toEqual(sortedPairs(c));
        expect(Array.from(b.outputs)).toEqual(Array.from(c.outputs));
        // binary output is canonical: writing it again gives the same bytes
        expect(writeAiger(b, { binary: true })).toEqual(writeAiger(c, { binary: true }));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('symbols with arbitrary characters (no new line) and comments round-trip', () => {
    const name = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\n'));
    fc.assert(
      fc.property(
        arbitraryCircuit({ maxInputs: 4, maxGates: 6, names: 'default' }),
        fc.array(name, { maxLength: 6 }),
        fc.option(fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.endsWith('\n'))),
        (c0, names, comment) => {
          const c: Circuit = {
            ...c0,
            inputNames: c0.inputNames.map((n, i) => names[i] ?? n),
            outputNames: c0.outputNames.map((n, j) => names[names.length - 1 - j] ?? n),
          };
          for (const binary of [false, true]) {
            const r = parseAigerDetailed(writeAiger(c, { binary, comment: comment ?? undefined }));
            expect(r.circuit.inputNames).toEqual(c.inputNames);
            expect(r.circuit.outputNames).toEqual(c.outputNames);
            expect(r.comment).toBe(comment ?? undefined);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS / 2 },
    );
  });
});
