import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackendError } from '../../src/errors.js';
import { cadicalBinaryPath, createCadicalCliSolver } from '../../src/sat/backends/cadical-cli.js';
import { checkDrat } from '../../src/sat/drat-check.js';
import type { Cnf } from '../../src/sat/types.js';
import { pigeonhole, random3Sat } from './cnf-corpus.js';

const binary = cadicalBinaryPath();
if (binary === null) console.log('skipping cadical-cli tests: cadical is not installed (apt-get install cadical)');

function satisfies(cnf: Cnf, model: Int8Array): boolean {
  return cnf.clauses.every((c) => Array.from(c).some((l) => (l > 0 ? model[l] === 1 : model[-l] === -1)));
}

describe('cadicalBinaryPath', () => {
  it('returns null and createCadicalCliSolver throws BackendError when cadical is not on PATH', () => {
    const saved = process.env['PATH'];
    process.env['PATH'] = '/nonexistent-waterloo-dir';
    try {
      expect(cadicalBinaryPath()).toBeNull();
      expect(() => createCadicalCliSolver()).toThrow(BackendError);
      try {
        createCadicalCliSolver();
      } catch (err) {
        expect((err as BackendError).code).toBe('unavailable');
        expect((err as BackendError).message).toMatch(/apt-get install cadical/);
      }
    } finally {
      process.env['PATH'] = saved;
    }
  });
});

describe.skipIf(binary === null)('cadical binary backend', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waterloo-cadical-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const SEED = 4261;
  it.each([
    ['PHP(5,4)', pigeonhole(5, 4), 'unsat'],
    ['PHP(5,5)', pigeonhole(5, 5), 'sat'],
    [`random 3-SAT n=50 m=150 seed=${SEED}`, random3Sat(50, 150, SEED), 'sat'],
  ] as const)('solves %s', async (_name, cnf, expected) => {
    const s = createCadicalCliSolver();
    s.addCnf(cnf);
    const r = await s.solve();
    expect(r.status).toBe(expected);
    if (r.status === 'sat') expect(satisfies(cnf, r.model)).toBe(true);
    expect(s.stats().solveCalls).toBe(1);
    s.close();
  });

  it('handles assumptions as unit clauses: failed assumptions are all of them', async () => {
    const s = createCadicalCliSolver();
    s.addClause([1, 2]);
    s.addClause([-1, 3]);
    const r1 = await s.solve({ assumptions: [-2] });
    expect(r1.status).toBe('sat');
    if (r1.status === 'sat') expect([r1.model[1], r1.model[2], r1.model[3]]).toEqual([1, -1, 1]);
    const r2 = await s.solve({ assumptions: [-2, -3, 4] });
    expect(r2).toEqual({ status: 'unsat', failedAssumptions: [-2, -3, 4] });
    expect((await s.solve()).status).toBe('sat');
  });

  it('reports conflicts from cadical output', async () => {
    const s = createCadicalCliSolver();
    s.addCnf(pigeonhole(7, 6));
    expect((await s.solve()).status).toBe('unsat');
    expect(s.stats().conflicts).toBeGreaterThan(0);
  });

  it('stops on conflict limit, time limit and abort', async () => {
    const s = createCadicalCliSolver();
    s.addCnf(pigeonhole(12, 11));
    expect(await s.solve({ conflictLimit: 100 })).toEqual({ status: 'unknown', reason: 'conflicts' });
    const t0 = performance.now();
    expect(await s.solve({ timeLimitMs: 300 })).toEqual({ status: 'unknown', reason: 'time' });
    expect(performance.now() - t0).toBeLessThan(3000);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    expect(await s.solve({ signal: ac.signal })).toEqual({ status: 'unknown', reason: 'aborted' });
  });

  it.each(['text', 'binary'] as const)('writes a %s DRAT proof that checkDrat verifies', async (proofFormat) => {
    const proofPath = join(dir, `php.${proofFormat}.drat`);
    const cnf = pigeonhole(6, 5);
    const s = createCadicalCliSolver({ proofPath, proofFormat });
    s.addCnf(cnf);
    expect((await s.solve()).status).toBe('unsat');
    const res = checkDrat(cnf, new Uint8Array(readFileSync(proofPath)));
    expect(res.verdict).toBe('verified');
    expect(res.stats.format).toBe(proofFormat);
  });

  it('refuses use after close', async () => {
    const s = createCadicalCliSolver();
    s.close();
    expect(() => s.addClause([1])).toThrow(BackendError);
    await expect(s.solve()).rejects.toBeInstanceOf(BackendError);
  });
});
