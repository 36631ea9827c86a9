import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCircuit } from '../../src/core/circuit.js';
import { simulateRandom } from '../../src/core/simulate.js';
import { WaterlooError } from '../../src/errors.js';
import { parseBlif, writeBlif } from '../../src/io/blif.js';
import { Rng } from '../../src/util/rng.js';
import { mutateText } from './bench-fuzz-mutations.js';

const SEED = 0xb11ff;
const MUTANTS = 12_000;
const ROOT = join(import.meta.dirname, '../..');

/** Real EPFL BLIF files (original and best-result LUT networks) plus the golden fixtures. */
function seeds(): string[] {
  const out = ['best_results_size/ctrl_size_2023.blif', 'best_results_size/router_size_2024.blif', 'best_results_size/int2float_size_2024.blif', 'blif/ctrl.blif'].map((f) =>
    readFileSync(join(ROOT, 'circuits/epfl', f), 'latin1'),
  );
  const fx = join(ROOT, 'test/fixtures/blif');
  for (const d of readdirSync(fx).filter((d) => d !== '_error_')) out.push(readFileSync(join(fx, d, 'input.blif'), 'latin1'));
  return out;
}

const DICTIONARY = ['.names', '.inputs', '.outputs', '.end', '.model', '.latch', '.subckt', '.exdc', '.gate', '.names a', '-', '0', '1', '11 1', '0 0', '\\\n', ' \\', '(', ')', ',', '=', '#', '\n', '\r\n', ' ', 'INPUT', 'OUTPUT', 'AND', 'NAND', 'XOR', 'NOT', 'BUFF', '\u00e9', '\\'];

describe(`BLIF fuzz (seed ${SEED}, ${MUTANTS} mutants)`, () => {
  it('every mutant parses to a valid circuit or fails with a WaterlooError', () => {
    console.log(`blif-fuzz: seed ${SEED}, ${MUTANTS} mutants`);
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
        c = parseBlif(asBytes ? Buffer.from(text, 'latin1') : text, { fileName: 'fuzz.blif' });
      } catch (e) {
        if (!(e instanceof WaterlooError)) throw new Error(`mutant ${k} threw a non-WaterlooError: ${String(e)}\n---\n${text}`);
        failures++;
        continue;
      }
      validateCircuit(c);
      // what we accept, we can write and read back to the same functions
      const back = parseBlif(writeBlif(c));
      expect(simulateRandom(back, 64, k)).toEqual(simulateRandom(c, 64, k));
      expect(back.outputNames.length).toBe(c.outputNames.length);
    }
    const ms = performance.now() - start;
    console.log(`blif-fuzz: ${failures} rejected, ${MUTANTS - failures} accepted, ${ms.toFixed(0)} ms`);
    expect(failures).toBeGreaterThan(MUTANTS / 10);
    expect(ms).toBeLessThan(20_000);
  });
});
