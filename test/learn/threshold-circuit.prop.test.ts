/**
 * The threshold compiler (normalizeThreshold + buildThresholdAdder) against
 * direct integer evaluation of sum_j coefs[j] * lits[j] >= threshold, over
 * random weights (zero, small, 2^16..2^20 and far beyond, all-negative),
 * biases and fan-ins (0 to 64), with literals that may be constants,
 * complemented, repeated or complementary. Exhaustive over all inputs for
 * fan-in <= 10, sampled above.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import { simulateRandom, simulateTruthTables } from '../../src/core/simulate.js';
import type { Lit } from '../../src/core/literal.js';
import { buildThresholdAdder, normalizeThreshold } from '../../src/learn/bnn/threshold-circuit.js';

const SEED = 0x7a51;

/** A weight: mostly small, with zeros, powers of two near 2^16..2^20 and magnitudes up to 2^40. */
const weight = fc.oneof(
  { arbitrary: fc.integer({ min: -3, max: 3 }), weight: 4 },
  { arbitrary: fc.constant(0), weight: 1 },
  { arbitrary: fc.constantFrom(4, 65536, 1048576, -65536, -1048576, 1048575, 2 ** 20 + 1), weight: 2 },
  { arbitrary: fc.integer({ min: -(2 ** 20), max: 2 ** 20 }), weight: 2 },
  { arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), weight: 1 },
);

interface Neuron {
  readonly vars: number;
  /** Literal j: 0/1 = constant, else 2 * (input + 1) + negated. */
  readonly lits: readonly Lit[];
  readonly coefs: readonly number[];
  readonly threshold: number;
}

function neuron(maxVars: number, maxFanin: number): fc.Arbitrary<Neuron> {
  return fc
    .record({
      vars: fc.integer({ min: 0, max: maxVars }),
      fanin: fc.integer({ min: 0, max: maxFanin }),
      allNegative: fc.boolean(),
      seedLits: fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { minLength: maxFanin, maxLength: maxFanin }),
      coefs: fc.array(weight, { minLength: maxFanin, maxLength: maxFanin }),
      // where the threshold falls in [min sum - 1, max sum + 1]
      at: fc.double({ min: -0.05, max: 1.05, noNaN: true }),
      small: fc.integer({ min: -4, max: 4 }),
      useSmall: fc.boolean(),
    })
    .map(({ vars, fanin, allNegative, seedLits, coefs, at, small, useSmall }) => {
      // mostly distinct input literals; some constants and repeats when the draw says so
      const lits = seedLits.slice(0, fanin).map((r, j) => {
        const kind = r % 8;
        if (vars === 0 || kind === 0) return r & 1; // constant
        const v = kind === 1 && j > 0 ? (seedLits[j - 1]! >>> 3) % vars : (j + (r >>> 3)) % vars;
        return 2 * (v + 1) + ((r >>> 2) & 1);
      });
      const cs = coefs.slice(0, fanin).map((a) => (allNegative ? -Math.abs(a) : a));
      const lo = cs.reduce((s, a) => s + Math.min(a, 0), 0);
      const hi = cs.reduce((s, a) => s + Math.max(a, 0), 0);
      const threshold = useSmall ? small : Math.round(lo - 1 + at * (hi - lo + 2));
      return { vars, lits, coefs: cs, threshold };
    });
}

/** Direct evaluation on input vector `bit(i)`. */
function evaluateNeuron(n: Neuron, bit: (input: number) => boolean): boolean {
  let s = 0;
  n.lits.forEach((lit, j) => {
    const v = lit >>> 1;
    const value = (v === 0 ? false : bit(v - 1)) !== ((lit & 1) === 1);
    if (value) s += n.coefs[j]!;
  });
  return s >= n.threshold;
}

function compile(n: Neuron) {
  const b = new CircuitBuilder({ strash: true });
  b.addInputs(n.vars);
  const t = normalizeThreshold(n.lits, n.coefs, n.threshold);
  b.addOutput(typeof t === 'number' ? t : buildThresholdAdder(b, t));
  return b.build();
}

describe('threshold compiler vs direct evaluation', () => {
  it(`agrees on every input for fan-in <= 10 (seed ${SEED})`, () => {
    console.log(`threshold-circuit.prop: seed ${SEED}`);
    fc.assert(
      fc.property(neuron(10, 10), (n) => {
        const tt = simulateTruthTables(compile(n))[0]!;
        for (let m = 0; m < 2 ** n.vars; m++) {
          expect(tt.get(m), `minterm ${m}`).toBe(evaluateNeuron(n, (i) => ((m >>> i) & 1) === 1));
        }
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it(`agrees on sampled inputs for fan-in up to 64 (seed ${SEED + 1})`, () => {
    fc.assert(
      fc.property(neuron(64, 64), (n) => {
        const c = compile(n);
        const words = simulateRandom(c, 256, 17)[0]!;
        // the same patterns, input by input (simulateRandom's streams are per input and word)
        const pats = Array.from({ length: n.vars }, (_, i) => inputWords(c.numInputs, i));
        for (let p = 0; p < 256; p++) {
          const got = ((words[p >>> 5]! >>> (p & 31)) & 1) === 1;
          expect(got, `pattern ${p}`).toBe(evaluateNeuron(n, (i) => ((pats[i]![p >>> 5]! >>> (p & 31)) & 1) === 1));
        }
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it('builds the neurons that crashed extract (columns with gaps: 4x+4y+z >= 5, weights 65536 and 1048576)', () => {
    const cases: Neuron[] = [
      { vars: 3, lits: [2, 4, 6], coefs: [4, 4, 1], threshold: 5 },
      { vars: 3, lits: [2, 4, 6], coefs: [65536, 65536, 1], threshold: 65537 },
      { vars: 3, lits: [2, 4, 6], coefs: [1048576, 1, 1], threshold: 1048577 },
    ];
    for (const n of cases) {
      const tt = simulateTruthTables(compile(n))[0]!;
      for (let m = 0; m < 8; m++) expect(tt.get(m)).toBe(evaluateNeuron(n, (i) => ((m >>> i) & 1) === 1));
    }
  });
});

/** The words simulateRandom feeds input `i` (one output = that input) for 256 patterns. */
function inputWords(numInputs: number, i: number): Uint32Array {
  const b = new CircuitBuilder({ strash: false });
  const ins = b.addInputs(numInputs);
  b.addOutput(ins[i]!);
  return simulateRandom(b.build(), 256, 17)[0]!;
}
