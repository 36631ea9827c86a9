import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackendError, UsageError } from '../../src/errors.js';
import { cadicalBinaryPath, createCadicalCliSolver } from '../../src/sat/backends/cadical-cli.js';
import {
  cadicalNativeAvailable,
  cadicalNativeUnavailableReason,
  createCadicalNativeSolver,
} from '../../src/sat/backends/cadical-native.js';
import { checkDrat } from '../../src/sat/drat-check.js';
import type { Cnf, SatSolver, SolveResult } from '../../src/sat/types.js';
import { pigeonhole, random3Sat } from './cnf-corpus.js';

const native = cadicalNativeAvailable();
if (!native) console.log(`skipping native CaDiCaL tests: ${cadicalNativeUnavailableReason()}`);
const cli = cadicalBinaryPath() !== null;

function satisfies(cnf: Cnf, model: Int8Array): boolean {
  return cnf.clauses.every((c) => Array.from(c).some((l) => (l > 0 ? model[l] === 1 : model[-l] === -1)));
}

async function solveWith(make: () => SatSolver, cnf: Cnf): Promise<SolveResult> {
  const s = make();
  try {
    s.addCnf(cnf);
    return await s.solve();
  } finally {
    s.close();
  }
}

const SEED = 4261;
const corpus: [string, Cnf][] = [
  ...[4, 5, 6, 7].map((n): [string, Cnf] => [`PHP(${n + 1},${n})`, pigeonhole(n + 1, n)]),
  ['PHP(6,6)', pigeonhole(6, 6)],
  ...[0, 1, 2, 3, 4, 5].map((k): [string, Cnf] => [`random 3-SAT n=120 m=511 seed=${SEED + k}`, random3Sat(120, 511, SEED + k)]),
];

describe.skipIf(!native)('native CaDiCaL addon', () => {
  it.each(corpus)('solves %s, agrees with the cadical binary, and the model checks', async (_name, cnf) => {
    const r = await solveWith(() => createCadicalNativeSolver(), cnf);
    expect(r.status).not.toBe('unknown');
    if (r.status === 'sat') expect(satisfies(cnf, r.model)).toBe(true);
    if (cli) {
      const c = await solveWith(() => createCadicalCliSolver(), cnf);
      expect(c.status).toBe(r.status);
      if (c.status === 'sat') expect(satisfies(cnf, c.model)).toBe(true);
    }
  });

  it('answers PHP(n+1,n) UNSAT and PHP(n,n) SAT', async () => {
    expect((await solveWith(() => createCadicalNativeSolver(), pigeonhole(5, 4))).status).toBe('unsat');
    expect((await solveWith(() => createCadicalNativeSolver(), pigeonhole(5, 5))).status).toBe('sat');
  });

  it('is incremental: clauses accumulate, assumptions are per call, failed assumptions form a core', async () => {
    const s = createCadicalNativeSolver();
    s.addClause([1, 2]);
    s.addClause([-1, 3]);
    const r1 = await s.solve({ assumptions: [-2, 4] });
    expect(r1.status).toBe('sat');
    if (r1.status === 'sat') expect([r1.model[1], r1.model[2], r1.model[3], r1.model[4]]).toEqual([1, -1, 1, 1]);
    const r2 = await s.solve({ assumptions: [-2, -3, 4] });
    expect(r2.status).toBe('unsat');
    if (r2.status === 'unsat') {
      expect(r2.failedAssumptions).not.toContain(4);
      expect([...r2.failedAssumptions].sort((x, y) => x - y)).toEqual([-3, -2]);
    }
    expect((await s.solve()).status).toBe('sat');
    s.addClause([-2]);
    s.addClause([-3]);
    const r3 = await s.solve();
    expect(r3.status).toBe('unsat');
    if (r3.status === 'unsat') expect(r3.failedAssumptions).toEqual([]);
    expect(s.stats().solveCalls).toBe(4);
    s.close();
    s.close();
  });

  it('newVar allocates fresh variables that appear in the model', async () => {
    const s = createCadicalNativeSolver();
    const a = s.newVar();
    const b = s.newVar();
    expect([a, b]).toEqual([1, 2]);
    s.addClause([a]);
    const r = await s.solve();
    expect(r.status).toBe('sat');
    if (r.status === 'sat') expect(r.model.length).toBe(3);
    s.close();
  });

  it('stops on a conflict limit, a time limit and an abort signal, without blocking the event loop', async () => {
    const hard = pigeonhole(12, 11);
    const s = createCadicalNativeSolver();
    s.addCnf(hard);
    expect(await s.solve({ conflictLimit: 100 })).toEqual({ status: 'unknown', reason: 'conflicts' });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const t0 = performance.now();
    expect(await s.solve({ timeLimitMs: 300 })).toEqual({ status: 'unknown', reason: 'time' });
    clearInterval(timer);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(ticks).toBeGreaterThan(5);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    expect(await s.solve({ signal: ac.signal })).toEqual({ status: 'unknown', reason: 'aborted' });
    expect(await s.solve({ signal: ac.signal })).toEqual({ status: 'unknown', reason: 'aborted' });
    s.close();
  });

  it('refuses wrong usage with typed errors', async () => {
    const s = createCadicalNativeSolver();
    s.addCnf(pigeonhole(11, 10));
    expect(() => s.addClause([0])).toThrow(UsageError);
    expect(() => s.addClause([1.5])).toThrow(UsageError);
    const running = s.solve({ timeLimitMs: 200 });
    expect(() => s.addClause([1])).toThrow(BackendError);
    await expect(s.solve()).rejects.toMatchObject({ code: 'busy' });
    await running;
    s.close();
    expect(() => s.addClause([1])).toThrow(BackendError);
    await expect(s.solve()).rejects.toMatchObject({ code: 'closed' });
  });

  it('close() during a solve ends it', async () => {
    const s = createCadicalNativeSolver();
    s.addCnf(pigeonhole(12, 11));
    const running = s.solve();
    setTimeout(() => s.close(), 50);
    expect(await running).toEqual({ status: 'unknown', reason: 'aborted' });
  });
});

describe.skipIf(!native)('native CaDiCaL addon proofs', () => {
  it.each(['text', 'binary'] as const)('writes a %s DRAT proof that checkDrat verifies', async (proofFormat) => {
    const dir = mkdtempSync(join(tmpdir(), 'waterloo-cadical-native-'));
    try {
      const proofPath = join(dir, 'php.drat');
      const cnf = pigeonhole(6, 5);
      const s = createCadicalNativeSolver({ proofPath, proofFormat });
      s.addCnf(cnf);
      expect((await s.solve()).status).toBe('unsat');
      s.close();
      const res = checkDrat(cnf, new Uint8Array(readFileSync(proofPath)));
      expect(res.verdict).toBe('verified');
      expect(res.stats.format).toBe(proofFormat);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('throws BackendError when the proof file cannot be opened', () => {
    expect(() => createCadicalNativeSolver({ proofPath: '/nonexistent-waterloo-dir/p.drat' })).toThrow(BackendError);
  });
});

describe.skipIf(native)('native CaDiCaL addon (unavailable)', () => {
  it('throws BackendError with code unavailable', () => {
    expect(() => createCadicalNativeSolver()).toThrow(BackendError);
  });
});
