import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { parseBlif, writeBlif } from '../../src/io/blif.js';
import { fixtureInputs, runTextFuzz } from '../helpers/fuzz.js';

const SEED = 0xb11ff;
const MUTANTS = 12_000;
const ROOT = join(import.meta.dirname, '../..');

/** Real EPFL BLIF files (original and best-result LUT networks) plus the golden fixtures. */
function seeds(): string[] {
  const out = ['best_results_size/ctrl_size_2023.blif', 'best_results_size/router_size_2024.blif', 'best_results_size/int2float_size_2024.blif', 'blif/ctrl.blif'].map((f) =>
    readFileSync(join(ROOT, 'circuits/epfl', f), 'latin1'),
  );
  return [...out, ...fixtureInputs(join(ROOT, 'test/fixtures/blif'), 'input.blif')];
}

const DICTIONARY = ['.names', '.inputs', '.outputs', '.end', '.model', '.latch', '.subckt', '.exdc', '.gate', '.names a', '-', '0', '1', '11 1', '0 0', '\\\n', ' \\', '(', ')', ',', '=', '#', '\n', '\r\n', ' ', 'INPUT', 'OUTPUT', 'AND', 'NAND', 'XOR', 'NOT', 'BUFF', '\u00e9', '\\'];

describe(`BLIF fuzz (seed ${SEED}, ${MUTANTS} mutants)`, () => {
  it('every mutant parses to a valid circuit or fails with a WaterlooError', () => {
    runTextFuzz({
      tag: 'blif-fuzz',
      seed: SEED,
      mutants: MUTANTS,
      corpus: seeds(),
      dictionary: DICTIONARY,
      parse: (input) => parseBlif(input, { fileName: 'fuzz.blif' }),
      roundTrip: (c) => parseBlif(writeBlif(c)),
    });
  });
});
