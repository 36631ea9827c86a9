import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCircuit } from '../../src/core/circuit.js';
import { ParseError, UnsupportedError } from '../../src/errors.js';
import { parseAiger, writeAiger } from '../../src/io/aiger.js';
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

function lines(b: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let s = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 10) (out.push(b.subarray(s, i + 1)), (s = i + 1));
  if (s < b.length) out.push(b.subarray(s));
  return out;
}

const concat = (parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

/** One random mutation of `b`. */
function mutate(b: Uint8Array, rng: Rng): Uint8Array {
  const m = new Uint8Array(b);
  const at = (): number => rng.below(Math.max(1, m.length));
  switch (rng.below(9)) {
    case 0: // byte flip to a random value
      if (m.length) m[at()] = rng.below(256);
      return m;
    case 1: // bit flip
      if (m.length) m[at()]! ^= 1 << rng.below(8);
      return m;
    case 2: // truncation
      return m.subarray(0, rng.below(m.length + 1));
    case 3: {
      // line deletion
      const ls = lines(m);
      ls.splice(rng.below(ls.length), 1);
      return concat(ls);
    }
    case 4: {
      // line duplication
      const ls = lines(m);
      const k = rng.below(ls.length);
      if (ls.length) ls.splice(k, 0, ls[k]!);
      return concat(ls);
    }
    case 5: {
      // digit change (header numbers, literals, symbol positions)
      const digits: number[] = [];
      for (let i = 0; i < m.length; i++) if (m[i]! >= 48 && m[i]! <= 57) digits.push(i);
      if (digits.length) m[digits[rng.below(digits.length)]!] = 48 + rng.below(10);
      return m;
    }
    case 6: {
      // swap two lines
      const ls = lines(m);
      if (ls.length > 1) {
        const i = rng.below(ls.length);
        const j = rng.below(ls.length);
        [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      }
      return concat(ls);
    }
    case 7: {
      // insert a random byte (often a digit, space or new line)
      const pick = [48 + rng.below(10), 32, 10, 13, rng.below(256)][rng.below(5)]!;
      const k = rng.below(m.length + 1);
      return concat([m.subarray(0, k), Uint8Array.of(pick), m.subarray(k)]);
    }
    default: {
      // delete a byte range
      const k = at();
      return concat([m.subarray(0, k), m.subarray(Math.min(m.length, k + 1 + rng.below(8)))]);
    }
  }
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
      for (let r = 0; r < rounds; r++) bytes = mutate(bytes, rng);
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
