import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCircuit } from '../../src/core/circuit.js';
import { ParseError, UnsupportedError } from '../../src/errors.js';
import { parseAiger, writeAiger } from '../../src/io/aiger.js';
import { mutateBytes } from '../../src/bench/fuzz-mutate.js';
import { Rng } from '../../src/util/rng.js';

const SEED = 0xa16e5;
const MUTANTS = 30_000;
const ROOT = join(import.meta.dirname, '../..');

/** Real AIGER files, ASCII and binary, small enough to mutate many times. */
function seeds(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const ex = join(ROOT, 'circuits/aiger_examples');
  for (const f of readdirSync(ex).filter((f) => f.endsWith('.aag'))) out.push({ name: f, bytes: readFileSync(join(ex, f)) });
  for (const f of ['random_control/ctrl.aig', 'random_control/int2float.aig', 'random_control/router.aig', 'random_control/cavlc.aig']) {
    const bytes = readFileSync(join(ROOT, 'circuits/epfl', f));
    out.push({ name: f, bytes });
    // the same circuit as ASCII with symbols and a comment
    out.push({ name: f.replace('.aig', '.aag'), bytes: Buffer.from(writeAiger(parseAiger(bytes), { binary: false, comment: 'fuzz seed' })) });
  }
  out.push({ name: 'ex00.aig', bytes: readFileSync(join(ROOT, 'circuits/iwls2022/best_aig/ex00.tuw.23and.aig')) });
  out.push({ name: 'ha.aig', bytes: readFileSync(join(ROOT, 'test/fixtures/aiger/halfadder-abc-binary/input.aig')) });
  out.push({ name: 'unordered.aag', bytes: readFileSync(join(ROOT, 'test/fixtures/aiger/unordered-ands/input.aag')) });
  return out;
}

describe(`AIGER fuzz (seed ${SEED}, ${MUTANTS} mutants)`, () => {
  it('every failure is a ParseError or UnsupportedError, every success a valid circuit', () => {
    console.log(`aiger-fuzz: seed ${SEED}`);
    const rng = new Rng(SEED);
    const base = seeds();
    const stats = { parsed: 0, parseErrors: 0, unsupported: 0 };
    const codes = new Map<string, number>();
    let slowest = 0;
    for (let n = 0; n < MUTANTS; n++) {
      const seed = base[rng.below(base.length)]!;
      let bytes = seed.bytes;
      const rounds = 1 + rng.below(3);
      for (let r = 0; r < rounds; r++) bytes = mutateBytes(bytes, rng);
      const t0 = performance.now();
      try {
        const c = parseAiger(bytes, { fileName: 'fuzz' });
        stats.parsed++;
        validateCircuit(c);
        const again = parseAiger(writeAiger(c, { binary: true }));
        expect(again.numGates).toBe(c.numGates);
      } catch (e) {
        if (e instanceof ParseError) stats.parseErrors++;
        else if (e instanceof UnsupportedError) stats.unsupported++;
        else {
          throw new Error(`mutant ${n} of ${seed.name} threw ${String(e)}; bytes (base64): ${Buffer.from(bytes).toString('base64')}`, { cause: e });
        }
        const code = (e as ParseError).code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      slowest = Math.max(slowest, performance.now() - t0);
    }
    console.log(`aiger-fuzz: ${JSON.stringify(stats)}, slowest ${slowest.toFixed(1)} ms, codes ${JSON.stringify(Object.fromEntries(codes))}`);
    expect(stats.parsed + stats.parseErrors + stats.unsupported).toBe(MUTANTS);
    expect(stats.parseErrors).toBeGreaterThan(MUTANTS / 4);
    expect(slowest).toBeLessThan(2000);
  });
});
