import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { census, npnClassSizes, readCensusStore } from '../../src/synth/census.js';
import { cadicalNativeAvailable } from '../../src/sat/backends/cadical-native.js';
import { tempDir } from '../helpers/cli.js';

describe('npnClassSizes', () => {
  it('partitions all functions into the known number of NPN classes', () => {
    for (const [n, classes] of [[0, 1], [1, 2], [2, 4], [3, 14], [4, 222]] as const) {
      const sizes = npnClassSizes(n);
      expect(sizes.size).toBe(classes);
      expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(2 ** 2 ** n);
    }
  });
});

describe('census', () => {
  it('3-input U2 census agrees between the SSV and fence encodings', async () => {
    const a = await census({ inputs: 3, basis: 'U2', encoder: 'ssv', backend: 'auto', jobs: 1 });
    const b = await census({ inputs: 3, basis: 'U2', encoder: 'fence', backend: 'auto', jobs: 1 });
    expect(a.entries.map((e) => [e.representative, e.size])).toEqual(b.entries.map((e) => [e.representative, e.size]));
    expect(a.entries.every((e) => e.status === 'optimal')).toBe(true);
    expect(Object.values(a.functions).reduce((x, y) => x + y, 0)).toBe(256);
  });
  it('3-input B2 census matches Knuth (TAOCP 4A, 7.1.2): 8, 30, 114, 80, 24 functions of cost 0..4', async () => {
    const r = await census({ inputs: 3, basis: 'B2', encoder: 'ssv', backend: 'auto' });
    expect(r.functions).toEqual({ 0: 8, 1: 30, 2: 114, 3: 80, 4: 24 });
    // every size s > 0 is backed by UNSAT at exactly s - 1 (with the CNF's hash) or by a stated argument;
    // an optimal entry with no evidence, or with UNSAT at another size, fails
    const kinds = new Set<string>();
    for (const e of r.entries) {
      expect(e.status).toBe('optimal');
      expect(e.lowerBound).toBe(e.size);
      if (e.size === 0) continue;
      kinds.add(e.evidence.kind);
      if (e.evidence.kind === 'unsat') {
        expect(e.evidence.size, e.representative).toBe(e.size! - 1);
        expect(e.evidence.cnfSha256.length, e.representative).toBeGreaterThan(0);
      } else {
        expect(e.evidence.kind, e.representative).toBe('argument');
        if (e.evidence.kind === 'argument') expect(e.evidence.text, e.representative).not.toBe('');
      }
    }
    // sizes 1..4 need SAT calls below them: the UNSAT branch is exercised
    expect(kinds.has('unsat')).toBe(true);
  });
  it('resumes from its store after a torn last line: the fragment is cut off with a warning, the next entry starts its own line', async () => {
    const dir = tempDir();
    const store = join(dir, 'census.jsonl');
    const full = await census({ inputs: 3, basis: 'B2', encoder: 'ssv', backend: 'auto', storePath: store });
    expect(full.stats.reused).toBe(0);
    const lines = readFileSync(store, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(14);
    writeFileSync(store, lines.slice(0, 6).join('\n') + '\n' + lines[6]!.slice(0, 20));
    const warnings: string[] = [];
    const resumed = await census({ inputs: 3, basis: 'B2', encoder: 'ssv', backend: 'auto', storePath: store, jobs: 1, onWarning: (m) => warnings.push(m) });
    expect(resumed.stats.reused).toBe(6);
    expect(resumed.stats.solved).toBe(8);
    // every line of the resumed store is a whole entry, and a third run has nothing left to solve
    const after = readFileSync(store, 'utf8');
    expect(after.endsWith('\n')).toBe(true);
    for (const line of after.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(readCensusStore(store, 3, 'B2').size).toBe(14);
    expect((await census({ inputs: 3, basis: 'B2', encoder: 'ssv', backend: 'auto', storePath: store })).stats.solved).toBe(0);
    expect(resumed.stats.tornTailBytes).toBe(20);
    expect(warnings).toEqual([expect.stringMatching(/census\.jsonl: cut off a torn last line \(20 bytes/)]);

    expect(resumed.functions).toEqual(full.functions);
    expect(resumed.classes).toEqual(full.classes);
  });
  // Knuth, TAOCP Vol. 4A, Section 7.1.2: the number of 4-input functions of each
  // cost C(f) in the basis of all binary operations.
  it.skipIf(!cadicalNativeAvailable() && !process.env.WATERLOO_SLOW)(
    '4-input B2 census reproduces Knuth: 10, 60, 456, 2474, 10624, 24184, 25008, 2720',
    async () => {
      const r = await census({ inputs: 4, basis: 'B2', encoder: 'ssv', backend: 'auto' });
      expect(r.functions).toEqual({ 0: 10, 1: 60, 2: 456, 3: 2474, 4: 10624, 5: 24184, 6: 25008, 7: 2720 });
      expect(r.stats.classes).toBe(222);
      expect(Object.values(r.classes).reduce((a, b) => a + b, 0)).toBe(222);
    },
    600_000,
  );
});
