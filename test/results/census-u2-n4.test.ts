/**
 * Cross-checks of the published 4-input U2 census
 * (results/census/census-u2-n4.jsonl): it covers every NPN class once with
 * its function count, every entry passes the store's record check (circuit
 * re-simulated against the class representative, U2 size recomputed), every
 * size is backed by UNSAT one gate below (with the CNF's SHA-256) or by the
 * stated argument, no U2 size is below the class's B2 size (U2 is a
 * sub-basis of B2) or above three times it (XOR/XNOR cost 3 AND/OR gates),
 * and a few small classes get the same size from a fresh solve.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { recordOfCensusEntry } from '../../src/sweep/census-jsonl.js';
import { verifyRecord } from '../../src/store/verify-record.js';
import { npnClassSizes, type CensusEntry } from '../../src/synth/census.js';
import { synthesize } from '../../src/synth/index.js';
import { npnCanonize } from '../../src/tt/npn.js';
import { fromWords, toHex } from '../../src/tt/truth-table.js';

const CENSUS = join(import.meta.dirname, '..', '..', 'results', 'census');
const read = (file: string): CensusEntry[] =>
  readFileSync(join(CENSUS, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CensusEntry);

describe('published 4-input U2 census', () => {
  const u2 = read('census-u2-n4.jsonl');
  const b2 = new Map(read('census-b2-n4.jsonl').map((e) => [e.representative, e]));
  const classes = npnClassSizes(4);

  it('has every one of the 222 NPN classes once, optimal, with its function count (65,536 in all)', () => {
    expect(u2.map((e) => e.representative).sort()).toEqual([...classes.keys()].sort());
    for (const e of u2) {
      expect([e.inputs, e.basis, e.status]).toEqual([4, 'U2', 'optimal']);
      expect(e.functions).toBe(classes.get(e.representative));
    }
    expect(u2.reduce((a, e) => a + e.functions, 0)).toBe(65536);
  });

  it('every circuit re-simulates to its class representative at its stated U2 size', () => {
    for (const e of u2) {
      const r = recordOfCensusEntry(e, 'census-u2-n4.jsonl');
      if (typeof r === 'string') throw new Error(`${e.representative}: ${r}`);
      expect(verifyRecord(r), e.representative).toEqual({ ok: true });
    }
  });

  it('every size is proven: UNSAT at size - 1 with the SHA-256 of each CNF, or the stated lower-bound argument', () => {
    for (const e of u2) {
      expect(e.lowerBound, e.representative).toBe(e.size);
      if (e.evidence.kind === 'unsat') {
        expect(e.evidence.size, e.representative).toBe(e.size! - 1);
        expect(e.evidence.cnfSha256.length, e.representative).toBeGreaterThan(0);
        for (const h of e.evidence.cnfSha256) expect(h).toMatch(/^[0-9a-f]{64}$/);
      } else {
        expect(e.evidence.kind, e.representative).toBe('argument');
      }
    }
  });

  it('B2 size <= U2 size <= 3 * B2 size for every class (U2 is B2 without XOR/XNOR, each of which costs 3 in U2)', () => {
    for (const e of u2) {
      const b = b2.get(e.representative);
      expect(b?.size, e.representative).toBeTypeOf('number');
      expect(e.size!, e.representative).toBeGreaterThanOrEqual(b!.size!);
      expect(e.size!, e.representative).toBeLessThanOrEqual(3 * b!.size!);
    }
  });

  // OEIS A057241: a(4) = 10, by R. Schroeppel's exhaustive search of the 9-gate circuits (2001); his note on
  // the entry says only four functions need 10 gates and describes them (A = x0 here; the bit order of the
  // "binary number ABCD" is a permutation of the inputs, which NPN classes ignore)
  it('its maximum is 10, reached by the NPN classes of Schroeppel\'s four 10-gate functions and no other', () => {
    const table = (f: (x: number[], m: number) => boolean): string => {
      let w = 0;
      for (let m = 0; m < 16; m++) if (f([0, 1, 2, 3].map((i) => (m >> i) & 1), m)) w |= 1 << m;
      return toHex(npnCanonize(fromWords(4, new Uint32Array([w]))).representative);
    };
    const sum = (x: number[]): number => x[0]! + x[1]! + x[2]! + x[3]!;
    const schroeppel = [
      table((x) => sum(x) === 2 || sum(x) === 4), // A+B+C+D = 2 or 4
      table((x) => (x[0] ? x[1]! + x[2]! + x[3]! >= 2 : (x[1]! + x[2]! + x[3]!) % 2 === 1)), // A selects carry or low bit of B+C+D
      table((_, m) => m % 3 === 1), // ABCD is 1 mod 3
      table((_, m) => m % 3 === 1 || m === 0), // ABCD is 1 mod 3 or else 0
    ];
    expect(Math.max(...u2.map((e) => e.size!))).toBe(10);
    expect(u2.filter((e) => e.size === 10).map((e) => e.representative).sort()).toEqual([...new Set(schroeppel)].sort());
    expect(new Set(schroeppel).size).toBe(4);
  });

  // every 25th class of U2 size <= 7 (fast to solve again), in representative order
  const sample = u2.filter((e) => e.size! <= 7).filter((_, i) => i % 25 === 0);
  it.each(sample.map((e) => [e.representative, e.size] as const))('class %s: a fresh U2 solve gives size %i', async (rep, size) => {
    const r = await synthesize(parseProblem(`tt:4:${rep}`).spec, { basis: 'U2', encoder: 'ssv' });
    expect(r.status).toBe('optimal');
    if (r.status === 'optimal') expect(r.size).toBe(size);
  }, 20_000);
});
