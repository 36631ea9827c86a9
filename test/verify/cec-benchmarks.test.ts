/**
 * Equivalence checking on the benchmark circuits: ISCAS'85 and EPFL vs their
 * ABC-optimised fixtures (test/fixtures/abc-opt), c499 vs c1355, and seeded
 * single-gate mutations. The slowest EPFL pairs run only with WATERLOO_SLOW=1.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Circuit } from '../../src/core/circuit.js';
import { evaluate, simulateRandom } from '../../src/core/simulate.js';
import { strash } from '../../src/core/cleanup.js';
import { readCircuitFile } from '../../src/io/formats.js';
import { checkEquivalence } from '../../src/verify/equivalence.js';
import { mutateOneGate } from '../helpers/random-circuit.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SLOW = process.env.WATERLOO_SLOW === '1';
const SEED = Number(process.env.WATERLOO_SEED ?? 5150);
/** Pairs that take more than ~10 s each (CaDiCaL, loaded 2-core machine): only with WATERLOO_SLOW=1. */
const SLOW_PAIRS = new Set(['hyp', 'log2', 'div', 'mem_ctrl']);

const iscas = readdirSync(join(ROOT, 'circuits', 'iscas85')).filter((f) => f.endsWith('.bench')).map((f) => join(ROOT, 'circuits', 'iscas85', f));
const epfl = ['arithmetic', 'random_control'].flatMap((d) =>
  readdirSync(join(ROOT, 'circuits', 'epfl', d)).filter((f) => f.endsWith('.aig')).map((f) => join(ROOT, 'circuits', 'epfl', d, f)),
);
const baseName = (p: string): string => p.replace(/^.*\//, '').replace(/\.(bench|aig)$/, '');
const fixture = (p: string): string => join(ROOT, 'test', 'fixtures', 'abc-opt', `${baseName(p)}.aig`);

/** c1355 with one NAND turned into an AND: every reference to one NAND gate loses its complement. */
function nandToAnd(c: Circuit, name: string): Circuit {
  const g = [...c.gateNames].find(([, n]) => n === name)![0];
  const v = c.numInputs + 1 + g;
  const flip = (lits: Uint32Array): Uint32Array => lits.map((l) => (l >>> 1 === v ? l ^ 1 : l));
  return { ...c, fanins: flip(c.fanins), outputs: flip(c.outputs) };
}

describe('equivalence on benchmark circuits', () => {
  it('c499 and c1355 are equivalent (matched by position)', async () => {
    const a = readCircuitFile(join(ROOT, 'circuits', 'iscas85', 'c499.bench'));
    const b = readCircuitFile(join(ROOT, 'circuits', 'iscas85', 'c1355.bench'));
    const v = await checkEquivalence(a, b, { match: 'position' });
    expect(v.verdict).toBe('equivalent');
  });

  it('c1355 with one NAND turned into an AND is different, and the counterexample replays', async () => {
    const c = readCircuitFile(join(ROOT, 'circuits', 'iscas85', 'c1355.bench'));
    // a NAND gate: every reference to it is complemented
    const refs = new Map<number, [number, number]>();
    for (const l of [...c.fanins, ...c.outputs]) {
      const e = refs.get(l >>> 1) ?? [0, 0];
      e[l & 1]!++;
      refs.set(l >>> 1, e);
    }
    const nand = [...c.gateNames].find(([g]) => {
      const e = refs.get(c.numInputs + 1 + g);
      return e !== undefined && e[0] === 0 && e[1] > 0;
    })!;
    const m = nandToAnd(c, nand[1]);
    for (const method of ['sat', 'auto'] as const) {
      const v = await checkEquivalence(c, m, { match: 'position', method });
      expect(v.verdict, `NAND ${nand[1]} -> AND (${method})`).toBe('different');
      if (v.verdict !== 'different') continue;
      expect(evaluate(c, v.counterexample)[v.output]).not.toBe(evaluate(m, v.counterexample)[v.output]);
    }
  });

  for (const file of [...iscas, ...epfl]) {
    const name = baseName(file);
    const slow = SLOW_PAIRS.has(name);
    it.skipIf(slow && !SLOW)(`${name} is equivalent to its ABC-optimised version${slow ? ' (WATERLOO_SLOW)' : ''}`, { timeout: 600_000 }, async () => {
      const a = readCircuitFile(file);
      const b = readCircuitFile(fixture(file));
      const v = await checkEquivalence(a, b, { match: 'position' });
      expect(v.verdict, JSON.stringify(v.stats)).toBe('equivalent');
    });
    it.skipIf(slow && !SLOW)(`${name}: seeded single-gate mutations are found different (seed ${SEED})`, { timeout: 600_000 }, async () => {
      const a = strash(readCircuitFile(file));
      const b = readCircuitFile(fixture(file));
      let checked = 0;
      for (let k = 0; k < 20 && checked < 2; k++) {
        const mut = mutateOneGate(a, SEED + 31 * k).circuit;
        // only mutations that random simulation shows to be observable, so 'different' is the right answer
        const sa = simulateRandom(mut, 2048, SEED), sb = simulateRandom(b, 2048, SEED);
        if (sa.every((w, j) => w.every((x, i) => x === sb[j]![i]))) continue;
        checked++;
        const v = await checkEquivalence(mut, b, { match: 'position', method: 'sat' });
        expect(v.verdict, `mutation seed ${SEED + 31 * k}`).toBe('different');
        if (v.verdict === 'different') expect(evaluate(mut, v.counterexample)[v.output]).not.toBe(evaluate(b, v.counterexample)[v.output]);
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
