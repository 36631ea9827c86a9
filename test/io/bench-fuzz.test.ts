import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { parseBench, writeBench } from '../../src/io/bench.js';
import { fixtureInputs, runTextFuzz } from '../helpers/fuzz.js';

const SEED = 0xbe4cf;
const MUTANTS = 20_000;
const ROOT = join(import.meta.dirname, '../..');

/** Real BENCH files (ISCAS and ABC-written LUT networks) plus the golden fixtures. */
function seeds(): string[] {
  const out = ['c17', 'c432', 'c499'].map((f) => readFileSync(join(ROOT, 'circuits/iscas85', `${f}.bench`), 'latin1'));
  return [...out, ...fixtureInputs(join(ROOT, 'test/fixtures/bench'), 'input.bench')];
}

const DICTIONARY = ['(', ')', ',', '=', '#', '\n', '\r\n', ' ', 'INPUT', 'OUTPUT', 'AND', 'NAND', 'XOR', 'NOT', 'BUFF', 'LUT', '0x', '0x8', '0xe8', 'vdd', 'gnd', 'DFF', '10', '22', 'G1gat', '\u00e9', '\\'];

describe(`BENCH fuzz (seed ${SEED}, ${MUTANTS} mutants)`, () => {
  it('every mutant parses to a valid circuit or fails with a WaterlooError', () => {
    runTextFuzz({
      tag: 'bench-fuzz',
      seed: SEED,
      mutants: MUTANTS,
      corpus: seeds(),
      dictionary: DICTIONARY,
      parse: (input) => parseBench(input, { fileName: 'fuzz.bench' }),
      roundTrip: (c) => parseBench(writeBench(c)),
    });
  });
});
