import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgainstSpec, CircuitBuilder, evaluate, makeSpec, parseBench, simulateTruthTables, specFromHex, ValidationError } from '../../src/index.js';
import { createConstant, fromWords, type TruthTable } from '../../src/tt/truth-table.js';
import { arbitraryCircuit } from '../helpers/arbitrary-circuit.js';

const SEED = 20261207;

/** The table with minterm m flipped. */
function flip(t: TruthTable, m: number): TruthTable {
  const w = t.words.slice();
  w[m >>> 5]! ^= 1 << (m & 31);
  return fromWords(t.numVars, w);
}

const smallCircuit = arbitraryCircuit({ minInputs: 1, maxInputs: 6, minOutputs: 1, maxOutputs: 3, maxGates: 16 });

describe('checkAgainstSpec (property)', () => {
  it(`a circuit is equivalent to its own simulated tables, and a flipped bit is found at exactly that minterm (seed ${SEED})`, () => {
    console.log(`fast-check seed ${SEED}`);
    fc.assert(
      fc.property(smallCircuit, fc.nat(), fc.nat(), (c, kSeed, mSeed) => {
        const tables = simulateTruthTables(c);
        expect(checkAgainstSpec(c, makeSpec(c.numInputs, tables)).verdict).toBe('equivalent');
        const k = kSeed % tables.length;
        const m = mSeed % 2 ** c.numInputs;
        const wrong = tables.map((t, j) => (j === k ? flip(t, m) : t));
        const v = checkAgainstSpec(c, makeSpec(c.numInputs, wrong));
        expect(v.verdict).toBe('different');
        if (v.verdict !== 'different') return;
        expect([v.output, v.minterm]).toEqual([k, m]);
        expect(v.counterexample).toEqual(Array.from({ length: c.numInputs }, (_, i) => ((m >>> i) & 1) === 1));
        // the counterexample replays: the circuit computes `got`, the spec wants `expected`, and they differ
        expect(evaluate(c, v.counterexample)[k]).toBe(v.got);
        expect(wrong[k]!.get(m)).toBe(v.expected);
        expect(v.got).not.toBe(v.expected);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it(`a flipped bit on a don't-care minterm is ignored (seed ${SEED})`, () => {
    fc.assert(
      fc.property(smallCircuit, fc.nat(), fc.nat(), (c, kSeed, mSeed) => {
        const tables = simulateTruthTables(c);
        const k = kSeed % tables.length;
        const m = mSeed % 2 ** c.numInputs;
        const wrong = tables.map((t, j) => (j === k ? flip(t, m) : t));
        const all = createConstant(c.numInputs, true);
        const care = tables.map((_, j) => (j === k ? flip(all, m) : undefined));
        expect(checkAgainstSpec(c, makeSpec(c.numInputs, wrong, care)).verdict).toBe('equivalent');
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('checkAgainstSpec', () => {
  const maj3 = parseBench('INPUT(a)\nINPUT(b)\nINPUT(c)\nOUTPUT(m)\nt1 = AND(a, b)\nt2 = AND(a, c)\nt3 = AND(b, c)\nm = OR(t1, t2, t3)\n', { fileName: 'maj3.bench' });

  it('refuses different input or output counts with ValidationError io-mismatch naming both counts', () => {
    for (const spec of [specFromHex(['6996'], 4), specFromHex(['e8', '96'], 3)]) {
      let err: unknown;
      try {
        checkAgainstSpec(maj3, spec, { circuit: 'maj3.bench', spec: 'S' });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).code).toBe('io-mismatch');
      expect((err as Error).message).toMatch(spec.numInputs !== 3 ? /maj3\.bench has 3 inputs but S has 4/ : /maj3\.bench has 1 output but S has 2/);
    }
  });

  it('0-input circuits and constant specs', () => {
    const b = new CircuitBuilder();
    b.addOutput(1, 'y');
    const k1 = b.build();
    expect(checkAgainstSpec(k1, specFromHex(['1'], 0)).verdict).toBe('equivalent');
    const v = checkAgainstSpec(k1, specFromHex(['0'], 0));
    expect(v.verdict === 'different' && [v.minterm, v.expected, v.got]).toEqual([0, false, true]);
  });
});
