/**
 * The census sample (src/sweep/census-sample.ts, `census --sample`): the draw
 * is seeded and lands on class representatives; sizes agree with the full
 * census (two routes to the same classes); a 5-input sample gives bounds with a
 * verified heuristic circuit; bad combinations are usage errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { census } from '../../src/sweep/census.js';
import { censusSample, drawCensusSample } from '../../src/sweep/census-sample.js';
import { solveInstance } from '../../src/sweep/solve-instance.js';
import { openStore } from '../../src/store/sqlite-store.js';
import { npnCanonize } from '../../src/tt/npn.js';
import { fromHex, toHex } from '../../src/tt/truth-table.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

const SEED = 20261207;

describe('census sample', () => {
  it(`the draw is seeded, counts every function once and lands on exact class representatives (seed ${SEED})`, () => {
    const a = drawCensusSample(5, 200, SEED);
    expect(drawCensusSample(5, 200, SEED)).toEqual(a);
    expect(drawCensusSample(5, 200, SEED + 1)).not.toEqual(a);
    expect([...a.values()].reduce((x, y) => x + y, 0)).toBe(200);
    for (const rep of a.keys()) expect(toHex(npnCanonize(fromHex(rep, 5)).representative)).toBe(rep);
    // uniform 5-input functions: almost every draw is its own class (616,126 classes, most of them of full size 3840)
    expect(a.size).toBeGreaterThan(190);
    expect([...a.keys()]).toEqual([...a.keys()].sort());
  });

  it('3-input sample: every class has the size the full census gives it; the distribution counts drawn functions', async () => {
    const dir = tempDir();
    const full = await openStore(join(dir, 'full.db'));
    const sampled = await openStore(join(dir, 'sample.db'));
    try {
      const c = await census({ inputs: 3, basis: 'B2', encoder: 'ssv', backend: 'auto', store: full, jobs: 1, command: 'test' });
      const sizeOf = new Map(c.entries.map((e) => [e.representative, e.size]));
      const s = await censusSample({ inputs: 3, count: 40, seed: SEED, basis: 'B2', encoder: 'ssv', backend: 'auto', store: sampled, jobs: 1, command: 'test' });
      expect(s.classes.length).toBeGreaterThan(3);
      for (const k of s.classes) expect({ rep: k.representative, status: k.status, size: k.size }).toEqual({ rep: k.representative, status: 'optimal', size: sizeOf.get(k.representative) });
      expect(Object.values(s.optimal).reduce((x, y) => x + y, 0)).toBe(40);
      expect(s.bounded).toEqual({});
      expect(s.drawnHow).toContain(`seed ${SEED}`);
      // a rerun is read off the store
      const again = await censusSample({ inputs: 3, count: 40, seed: SEED, basis: 'B2', encoder: 'ssv', backend: 'auto', store: sampled, jobs: 1, command: 'test' });
      expect(again.stats).toMatchObject({ reused: s.classes.length, solved: 0 });
      expect(again.optimal).toEqual(s.optimal);
    } finally {
      full.close();
      sampled.close();
    }
  }, 60_000);

  it('a sweep instance with improveFirstSeconds: the same optimum, and a verified upper bound when time runs out', async () => {
    const plain = await solveInstance({ problem: 'thr:4:2', basis: 'B2', encoder: 'ssv' }, { command: 'test' });
    const first = await solveInstance({ problem: 'thr:4:2', basis: 'B2', encoder: 'ssv', improveFirstSeconds: 3 }, { command: 'test' });
    expect({ status: first.status, size: first.size, evidence: first.evidence.kind }).toEqual({ status: plain.status, size: plain.size, evidence: 'unsat' });
    // the heuristic circuit is minimum, so no SAT call was made (the plain search has one, at the optimum)
    expect(plain.attempts.some((a) => a.answer === 'sat')).toBe(true);
    expect(first.attempts.filter((a) => a.answer !== 'unsat')).toEqual([]);
    const short = await solveInstance({ problem: 'sum:5', basis: 'B2', encoder: 'ssv', timeoutSeconds: 4, improveFirstSeconds: 2 }, { command: 'test' });
    expect(short.status).toBe('feasible');
    expect(short.size).toBeGreaterThanOrEqual(11);
    expect(short.circuit).toBeDefined();
  }, 60_000);

  it('CLI: a 5-input sample gives bounds, --out writes it; --inputs 5 without --sample and --improve-first without it are usage errors', () => {
    const dir = tempDir();
    const out = join(dir, 'sample.json');
    const r = runWaterloo(['census', '--inputs', '5', '--sample', '1', '--seed', '3', '--timeout', '4', '--improve-first', '1', '--store', 'none', '--jobs', '1', '--out', out, '--json', '-q']);
    expect(r.code).toBe(4);
    const j = JSON.parse(r.stdout) as { sample: number; complete: boolean; bounded: Record<string, number>; classes: { status: string; size?: number; lowerBound: number }[] };
    expect(j).toMatchObject({ sample: 1, complete: false });
    expect(j.classes).toHaveLength(1);
    expect(j.classes[0]!.status).toBe('feasible');
    expect(j.classes[0]!.size).toBeGreaterThan(j.classes[0]!.lowerBound);
    expect(Object.keys(j.bounded)).toEqual([`${j.classes[0]!.lowerBound}..${j.classes[0]!.size}`]);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ sample: 1, seed: 3, command: expect.stringMatching(/^waterloo census --inputs 5 --sample 1 --seed 3 /) });
    const noSample = runWaterloo(['census', '--inputs', '5', '--store', 'none']);
    expect({ code: noSample.code, err: noSample.stderr }).toMatchObject({ code: 2, err: expect.stringMatching(/needs --sample/) });
    const stray = runWaterloo(['census', '--inputs', '3', '--improve-first', '1', '--store', 'none']);
    expect({ code: stray.code, err: stray.stderr }).toMatchObject({ code: 2, err: expect.stringMatching(/go with --sample/) });
  }, 60_000);
});
