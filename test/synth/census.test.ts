import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npnClassSizes, readCensusStore } from '../../src/synth/census.js';
import { census, type CensusParams } from '../../src/sweep/census.js';
import { formatCensusJsonl, importCensusJsonl } from '../../src/sweep/census-jsonl.js';
import { hardLimitMs } from '../../src/sweep/sweep.js';
import { openStore } from '../../src/store/sqlite-store.js';
import type { ResultsStore } from '../../src/store/types.js';
import { cadicalNativeAvailable } from '../../src/sat/backends/cadical-native.js';
import { tempDir } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs `body` with a fresh store in a temporary directory. */
async function withStore<T>(body: (store: ResultsStore, dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir();
  const store = await openStore(join(dir, 'waterloo.db'));
  try {
    return await body(store, dir);
  } finally {
    store.close();
  }
}

const run = (store: ResultsStore, p: Partial<CensusParams> & Pick<CensusParams, 'inputs' | 'basis'>) =>
  census({ encoder: 'ssv', backend: 'auto', command: 'test', store, ...p });

describe('npnClassSizes', () => {
  it('partitions all functions into the known number of NPN classes', () => {
    for (const [n, classes] of [[0, 1], [1, 2], [2, 4], [3, 14], [4, 222]] as const) {
      const sizes = npnClassSizes(n);
      expect(sizes.size).toBe(classes);
      expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(2 ** 2 ** n);
    }
  });
});

describe('census (classes solved as sweep instances tt:n:REP into the results store)', () => {
  it('3-input U2 census agrees between the SSV and fence encodings', async () => {
    await withStore(async (store) => {
      const a = await run(store, { inputs: 3, basis: 'U2', encoder: 'ssv', jobs: 1 });
      const b = await run(store, { inputs: 3, basis: 'U2', encoder: 'fence', jobs: 1 });
      expect(a.entries.map((e) => [e.representative, e.size])).toEqual(b.entries.map((e) => [e.representative, e.size]));
      expect(a.entries.every((e) => e.status === 'optimal')).toBe(true);
      expect(Object.values(a.functions).reduce((x, y) => x + y, 0)).toBe(256);
      // each class is a record of its own instance in the store (17 is MAJ3's class)
      expect(store.count({ family: 'tt' })).toBe(28);
      expect(store.get({ problem: 'tt:3:17', basis: 'U2', encoder: 'fence' })?.size).toBe(4);
    });
  }, 20_000);

  it('3-input B2 census matches Knuth (TAOCP 4A, 7.1.2): 8, 30, 114, 80, 24 functions of cost 0..4; a second run solves nothing', async () => {
    await withStore(async (store) => {
      const r = await run(store, { inputs: 3, basis: 'B2' });
      expect(r.functions).toEqual({ 0: 8, 1: 30, 2: 114, 3: 80, 4: 24 });
      expect(r.stats).toMatchObject({ classes: 14, reused: 0, solved: 14, failed: 0 });
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
      const again = await run(store, { inputs: 3, basis: 'B2' });
      expect(again.stats).toMatchObject({ reused: 14, solved: 0 });
      expect(again.functions).toEqual(r.functions);
      expect(again.classes).toEqual(r.classes);
    });
  }, 20_000);

  it('a class whose worker overruns is killed at its hard limit and counted unknown, with nothing stored', async () => {
    await withStore(async (store) => {
      const t0 = performance.now();
      const r = await run(store, { inputs: 1, basis: 'B2', jobs: 2, classTimeoutSeconds: 0.1, workerPath: join(ROOT, 'test', 'fixtures', 'hard-limit', 'stubborn-sweep-worker.mjs') });
      const ms = performance.now() - t0;
      expect(r.stats).toMatchObject({ classes: 2, solved: 0, failed: 2 });
      expect(r.failures.map((f) => [f.kind, f.code])).toEqual([['limit', 'hard-timeout'], ['limit', 'hard-timeout']]);
      expect(r.classes).toEqual({ unknown: 2 });
      expect(r.functions).toEqual({ unknown: 4 });
      expect(ms).toBeGreaterThanOrEqual(hardLimitMs(0.1));
      expect(ms).toBeLessThan(hardLimitMs(0.1) + 3000);
      expect(store.count()).toBe(0);
    });
  }, 20_000);

  it('resumes from an old JSON-lines store with a torn last line: the fragment is skipped with its size, the rest imported and not solved again', async () => {
    const dir = tempDir();
    const file = join(dir, 'census.jsonl');
    const full = await withStore(async (store) => {
      const r = await run(store, { inputs: 3, basis: 'B2' });
      writeFileSync(file, formatCensusJsonl(store, 3, 'B2', 'ssv'));
      return r;
    });
    expect(full.stats.reused).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(14);
    writeFileSync(file, lines.slice(0, 6).join('\n') + '\n' + lines[6]!.slice(0, 20));
    await withStore(async (store) => {
      const im = importCensusJsonl(file, store);
      expect(im).toMatchObject({ entries: 6, accepted: 6, stored: 6, refused: [], tornTailBytes: 20 });
      const resumed = await run(store, { inputs: 3, basis: 'B2', jobs: 1 });
      expect(resumed.stats.reused).toBe(6);
      expect(resumed.stats.solved).toBe(8);
      expect((await run(store, { inputs: 3, basis: 'B2' })).stats.solved).toBe(0);
      expect(resumed.functions).toEqual(full.functions);
      expect(resumed.classes).toEqual(full.classes);
      // the export is whole lines again, readable by the census table's reader
      writeFileSync(file, formatCensusJsonl(store, 3, 'B2', 'ssv'));
      expect(readCensusStore(file, 3, 'B2').size).toBe(14);
    });
  }, 20_000);
});

describe('census JSON-lines files (import re-checks every entry; export from the store)', () => {
  it('the published 3- and 4-input B2 censuses import whole and export the same lines (in class order)', async () => {
    for (const [inputs, classes] of [[3, 14], [4, 222]] as const) {
      const file = join(ROOT, 'results', 'census', `census-b2-n${inputs}.jsonl`);
      await withStore(async (store) => {
        const im = importCensusJsonl(file, store);
        expect(im).toMatchObject({ entries: classes, accepted: classes, stored: classes, refused: [], tornTailBytes: 0 });
        const published = readFileSync(file, 'utf8').trim().split('\n');
        const exported = formatCensusJsonl(store, inputs, 'B2', 'ssv').trim().split('\n');
        expect(exported).toEqual([...published].sort((a, b) => parseInt(JSON.parse(a).representative, 16) - parseInt(JSON.parse(b).representative, 16)));
      });
    }
  }, 20_000);

  it('refuses forged entries, naming file, line and reason, and stores the others', async () => {
    const file = join(ROOT, 'results', 'census', 'census-b2-n3.jsonl');
    const entries = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const at = (rep: string): number => entries.findIndex((e) => e.representative === rep);
    const maj = at('17'); // MAJ3's class: 4 gates
    entries[maj] = { ...entries[maj], size: 3, lowerBound: 3 };
    const xor = at('69'); // XOR3's class
    entries[xor] = { ...entries[xor], circuit: String(entries[xor]!.circuit).replace(/XOR/, 'AND') };
    const one = at('01');
    entries[one] = { ...entries[one], functions: 17 };
    const forgedFile = join(tempDir(), 'forged.jsonl');
    writeFileSync(forgedFile, entries.map((e) => JSON.stringify(e)).join('\n') + '\nnot json\n' + JSON.stringify({ ...entries[0], representative: 'ff' }) + '\n');
    await withStore(async (store) => {
      const im = importCensusJsonl(forgedFile, store);
      expect(im.entries).toBe(15);
      expect(im.accepted).toBe(11);
      expect(im.refused).toHaveLength(5);
      expect(im.refused[0]).toMatch(new RegExp(`forged\\.jsonl:${Math.min(maj, xor, one) + 1}: `));
      expect(im.refused.join('\n')).toMatch(/class 17 refused: it claims size 3, its circuit has size 4/);
      expect(im.refused.join('\n')).toMatch(/class 69 refused: its circuit is wrong/);
      expect(im.refused.join('\n')).toMatch(/class 01 refused: class 01 has 16 functions, the entry claims 17/);
      expect(im.refused.join('\n')).toMatch(/:15: not a JSON entry/);
      expect(im.refused.join('\n')).toMatch(/class ff refused: ff is not the representative of an NPN class/);
      expect(store.get({ problem: 'tt:3:17', basis: 'B2', encoder: 'ssv' })).toBeUndefined();
      expect(store.count()).toBe(11);
    });
  });

  // Knuth, TAOCP Vol. 4A, Section 7.1.2: the number of 4-input functions of each
  // cost C(f) in the basis of all binary operations.
  it.skipIf(!cadicalNativeAvailable() && !process.env.WATERLOO_SLOW)(
    '4-input B2 census reproduces Knuth: 10, 60, 456, 2474, 10624, 24184, 25008, 2720',
    async () => {
      await withStore(async (store) => {
        const r = await run(store, { inputs: 4, basis: 'B2' });
        expect(r.functions).toEqual({ 0: 10, 1: 60, 2: 456, 3: 2474, 4: 10624, 5: 24184, 6: 25008, 7: 2720 });
        expect(r.stats.classes).toBe(222);
        expect(Object.values(r.classes).reduce((a, b) => a + b, 0)).toBe(222);
      });
    },
    600_000,
  );
});
