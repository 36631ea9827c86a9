import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCircuit } from '../../src/core/circuit.js';
import { simulateRandom } from '../../src/core/simulate.js';
import { WaterlooError } from '../../src/errors.js';
import { parseBench, writeBench } from '../../src/io/bench.js';
import { Rng } from '../../src/util/rng.js';
import { mutateText } from './bench-fuzz-mutations.js';

const SEED = 0xbe4cf;
const MUTANTS = 20_000;
const ROOT = join(import.meta.dirname, '../..');

/** Real BENCH files (ISCAS and ABC-written LUT networks) plus the golden fixtures. */
function seeds(): string[] {
  const out = ['c17', 'c432', 'c499'].map((f) => readFileSync(join(ROOT, 'circuits/iscas85', `${f}.bench`), 'latin1'));
  const fx = join(ROOT, 'test/fixtures/bench');
  for (const d of readdirSync(fx).filter((d) => d !== '_error_')) out.push(readFileSync(join(fx, d, 'input.bench'), 'latin1'));
  return out;
}

const DICTIONARY = ['(', ')', ',', '=', '#', '\n', '\r\n', ' ', 'INPUT', 'OUTPUT', 'AND', 'NAND', 'XOR', 'NOT', 'BUFF', 'LUT', '0x', '0x8', '0xe8', 'vdd', 'gnd', 'DFF', '10', '22', 'G1gat', '\u00e9', '\\'];

describe(`BENCH fuzz (seed ${SEED}, ${MUTANTS} mutants)`, () => {
  it('every mutant parses to a valid circuit or fails with a WaterlooError', () => {
    console.log(`bench-fuzz: seed ${SEED}, ${MUTANTS} mutants`);
    const rng = new Rng(SEED);
    const base = seeds();
    const start = performance.now();
    let failures = 0;
    for (let k = 0; k < MUTANTS; k++) {
      let text = base[rng.below(base.length)]!;
      const rounds = 1 + rng.below(3);
      for (let r = 0; r < rounds; r++) text = mutateText(text, rng, DICTIONARY);
      const asBytes = rng.below(4) === 0;
      let c;
      try {
        c = parseBench(asBytes ? Buffer.from(text, 'latin1') : text, { fileName: 'fuzz.bench' });
      } catch (e) {
        if (!(e instanceof WaterlooError)) throw new Error(`mutant ${k} threw a non-WaterlooError: ${String(e)}\n---\n${text}`);
        failures++;
        continue;
      }
      validateCircuit(c);
      // what we accept, we can write and read back to the same functions
      const back = parseBench(writeBench(c));
      expect(simulateRandom(back, 64, k)).toEqual(simulateRandom(c, 64, k));
      expect(back.outputNames.length).toBe(c.outputNames.length);
    }
    const ms = performance.now() - start;
    console.log(`bench-fuzz: ${failures} rejected, ${MUTANTS - failures} accepted, ${ms.toFixed(0)} ms`);
    expect(failures).toBeGreaterThan(MUTANTS / 10);
    expect(ms).toBeLessThan(20_000);
  });
});
