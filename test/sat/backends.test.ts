import { afterAll, describe, expect, it, vi } from 'vitest';
import { BackendError, UsageError } from '../../src/errors.js';
import {
  cadicalBinaryPath,
  cadicalNativeAvailable,
  checkModel,
  createCadicalCliSolver,
  createCadicalNativeSolver,
  createMinisatSolver,
  createZ3Solver,
  solveSmt2,
  writeSmtlib,
  type SatSolver,
  type SolveResult,
} from '../../src/sat/index.js';
import { CORPUS_SEED, corpus, pigeonhole, referenceSolve } from './corpus.js';

const FACTORIES: Record<string, { available: boolean; create: () => SatSolver }> = {
  minisat: { available: true, create: () => createMinisatSolver() },
  z3: { available: true, create: () => createZ3Solver() },
  cadical: { available: cadicalNativeAvailable(), create: () => createCadicalNativeSolver() },
  'cadical-cli': { available: cadicalBinaryPath() !== null, create: () => createCadicalCliSolver() },
};

describe(`corpus agreement (random part seeded with ${CORPUS_SEED})`, () => {
  console.log(`SAT corpus seed ${CORPUS_SEED}; backends: ${Object.entries(FACTORIES).filter(([, f]) => f.available).map(([n]) => n).join(', ')}`);
  const entries = corpus();
  const answers = new Map<string, Map<string, SolveResult['status']>>();

  for (const [name, factory] of Object.entries(FACTORIES)) {
    it.skipIf(!factory.available)(`${name} solves the corpus with checked models`, async () => {
      for (const entry of entries) {
        const solver = factory.create();
        try {
          solver.addCnf(entry.cnf);
          const result = await solver.solve(entry.assumptions === undefined ? {} : { assumptions: entry.assumptions });
          if (entry.expected !== undefined) expect(result.status, `${name} on ${entry.name}`).toBe(entry.expected);
          expect(result.status).not.toBe('unknown');
          if (result.status === 'sat') {
            expect(result.model.length).toBe(solver.numVars + 1);
            expect(checkModel(entry.cnf.clauses, result.model), `${name} model on ${entry.name}`).toBe(-1);
            for (const a of entry.assumptions ?? []) expect(result.model[Math.abs(a)]).toBe(Math.sign(a));
          }
          if (result.status === 'unsat' && entry.assumptions !== undefined) {
            // The core is a subset of the assumptions that is UNSAT on its own.
            for (const lit of result.failedAssumptions) expect(entry.assumptions).toContain(lit);
            expect(referenceSolve(entry.cnf, result.failedAssumptions)).toBeNull();
          }
          const row = answers.get(entry.name) ?? new Map<string, SolveResult['status']>();
          row.set(name, result.status);
          answers.set(entry.name, row);
        } finally {
          solver.close();
        }
      }
    });
  }

  it('all backends agree, and small instances match the reference DPLL', () => {
    let sat = 0;
    let unsat = 0;
    for (const entry of entries) {
      const row = answers.get(entry.name);
      expect(row, entry.name).toBeDefined();
      const statuses = new Set(row!.values());
      expect(statuses.size, `${entry.name}: ${JSON.stringify([...row!])}`).toBe(1);
      const status = [...statuses][0]!;
      if (entry.cnf.numVars <= 30) {
        expect(referenceSolve(entry.cnf, entry.assumptions) === null ? 'unsat' : 'sat', entry.name).toBe(status);
      }
      if (entry.name.startsWith('random3')) {
        if (status === 'sat') sat++;
        else unsat++;
      }
    }
    console.log(`random 3-SAT: ${sat} sat, ${unsat} unsat`);
    expect(sat).toBeGreaterThan(0);
    expect(unsat).toBeGreaterThan(0);
  });
});

describe('incremental use', () => {
  for (const [name, factory] of Object.entries(FACTORIES)) {
    it.skipIf(!factory.available)(`${name}: clauses accumulate, assumptions are per call`, async () => {
      const s = factory.create();
      try {
        const a = s.newVar();
        const b = s.newVar();
        expect([a, b]).toEqual([1, 2]);
        s.addClause([a, b]);
        expect((await s.solve({ assumptions: [-a] })).status).toBe('sat');
        const r = await s.solve({ assumptions: [-a, -b] });
        expect(r.status).toBe('unsat');
        expect((await s.solve()).status).toBe('sat');
        s.addClause([-a]);
        s.addClause([-b]);
        expect((await s.solve()).status).toBe('unsat');
        expect(s.stats().solveCalls).toBe(4);
      } finally {
        s.close();
      }
    });
  }

  it('rejects bad literals with UsageError', () => {
    const s = createMinisatSolver();
    expect(() => s.addClause([1, 0])).toThrow(UsageError);
    expect(() => s.addClause([1.5])).toThrow(UsageError);
    s.close();
  });
});

describe('minisat memory abort', () => {
  it('answers unknown(memory) without crashing or printing, and stays dead', async () => {
    const log = vi.spyOn(console, 'log');
    const s = createMinisatSolver();
    // 200k ternary clauses over 600k fresh variables exceed the 64 MB heap.
    for (let i = 0; i < 200_000; i++) s.addClause([3 * i + 1, -(3 * i + 2), 3 * i + 3]);
    const r = await s.solve();
    expect(r).toMatchObject({ status: 'unknown', reason: 'memory' });
    expect(await s.solve()).toMatchObject({ status: 'unknown', reason: 'memory' });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
    s.close();
    const fresh = createMinisatSolver();
    fresh.addClause([1]);
    expect((await fresh.solve()).status).toBe('sat');
    fresh.close();
  });
});

describe('z3 limits and SMT helpers', () => {
  afterAll(() => undefined);

  it('returns unknown(time) at its timeout', async () => {
    const s = createZ3Solver();
    s.addCnf(pigeonhole(11));
    const t0 = performance.now();
    const r = await s.solve({ timeLimitMs: 300 });
    expect(r).toMatchObject({ status: 'unknown', reason: 'time' });
    expect(performance.now() - t0).toBeLessThan(10_000);
    s.close();
  });

  it('returns unknown(aborted) when the signal fires', async () => {
    const s = createZ3Solver();
    s.addCnf(pigeonhole(11));
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 200);
    expect(await s.solve({ signal: ctl.signal })).toMatchObject({ status: 'unknown', reason: 'aborted' });
    s.close();
  });

  it('solveSmt2 answers sat/unsat and writeSmtlib agrees with the CNF', async () => {
    expect((await solveSmt2('(declare-const x (_ BitVec 8))(assert (= (bvmul x #x03) #x07))(check-sat)')).status).toBe('sat');
    expect((await solveSmt2('(declare-const x Bool)(assert (and x (not x)))(check-sat)')).status).toBe('unsat');
    expect((await solveSmt2(writeSmtlib(pigeonhole(4)))).status).toBe('unsat');
    expect((await solveSmt2(writeSmtlib({ numVars: 2, clauses: [Int32Array.from([1, -2]), Int32Array.from([2])] }))).status).toBe('sat');
    await expect(solveSmt2('(assert (= y 1))(check-sat)')).rejects.toBeInstanceOf(BackendError);
  });
});
