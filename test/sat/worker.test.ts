import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BackendError, UsageError } from '../../src/errors.js';
import {
  AUTO_BACKEND_ORDER,
  BACKEND_NAMES,
  BACKENDS,
  checkModel,
  createMinisatSolver,
  createPortfolioSolver,
  createSolver,
  createWorkerSolver,
  isBackendAvailable,
  resolveBackendName,
  type BackendName,
} from '../../src/sat/index.js';
import { CORPUS_SEED, pigeonhole, random3Sat } from './corpus.js';
import { ensureBuilt } from './ensure-built.js';

beforeAll(() => ensureBuilt(), 120_000);

describe('worker solver', () => {
  it('minisat with a time limit runs in a worker and stops at the limit', async () => {
    const s = createMinisatSolver();
    s.addCnf(pigeonhole(11));
    const t0 = performance.now();
    expect(await s.solve({ timeLimitMs: 500 })).toMatchObject({ status: 'unknown', reason: 'time' });
    expect(performance.now() - t0).toBeLessThan(5_000);
    // The solver is still usable: easier question, fresh worker.
    s.addClause([1]);
    expect((await s.solve({ assumptions: [2], timeLimitMs: 1 })).status).toMatch(/unknown|unsat/);
    s.close();
  });

  it('an AbortSignal terminates the worker and the event loop stays free', async () => {
    const s = createWorkerSolver('minisat');
    s.addCnf(pigeonhole(11));
    const ctl = new AbortController();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    setTimeout(() => ctl.abort(), 400);
    expect(await s.solve({ signal: ctl.signal })).toMatchObject({ status: 'unknown', reason: 'aborted' });
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(5);
    s.close();
  });

  it.each(['minisat', 'z3'] as const)('%s in a worker agrees on seeded random 3-SAT and models check', async (backend) => {
    const s = createWorkerSolver(backend);
    const seed = CORPUS_SEED + 7;
    console.log(`worker ${backend}: random 3-SAT seed ${seed}`);
    const cnf = random3Sat(60, 200, seed);
    s.addCnf(cnf);
    const r = await s.solve({ timeLimitMs: 20_000 });
    expect(r.status).toBe('sat');
    if (r.status === 'sat') expect(checkModel(cnf.clauses, r.model)).toBe(-1);
    s.addCnf(pigeonhole(5));
    expect((await s.solve({ timeLimitMs: 20_000 })).status).toBe('unsat');
    s.close();
  });
});

describe('portfolio', () => {
  it('first definite answer wins and the other member is stopped', async () => {
    const p = createPortfolioSolver({ members: [{ backend: 'minisat' }, { backend: 'z3', seed: 1 }] });
    p.addCnf(pigeonhole(6));
    expect((await p.solve({ timeLimitMs: 30_000 })).status).toBe('unsat');
    expect(p.lastWinner()).toMatch(/^(minisat#0|z3#1)$/);
    const p2 = createPortfolioSolver({ members: [{ backend: 'minisat' }, { backend: 'z3', seed: 2 }] });
    p2.addCnf(pigeonhole(12));
    expect(await p2.solve({ timeLimitMs: 300 })).toMatchObject({ status: 'unknown', reason: 'time' });
    p.close();
    p2.close();
  });
});

describe('registry', () => {
  it('lists every backend with a description', async () => {
    expect(BACKEND_NAMES).toEqual(['minisat', 'z3', 'cadical', 'cadical-cli', 'portfolio']);
    for (const name of BACKEND_NAMES) {
      expect(BACKENDS[name].description.length).toBeGreaterThan(10);
      expect(typeof (await isBackendAvailable(name))).toBe('boolean');
    }
  });

  it('auto picks the first available of cadical, cadical-cli, minisat', async () => {
    let expected: BackendName = 'minisat';
    for (const name of AUTO_BACKEND_ORDER) {
      if (await isBackendAvailable(name)) {
        expected = name;
        break;
      }
    }
    expect(await resolveBackendName('auto')).toBe(expected);
    const s = await createSolver('auto');
    expect(s.backend).toBe(expected);
    s.addClause([1, 2]);
    expect((await s.solve()).status).toBe('sat');
    s.close();
  });

  it('rejects unknown names and reports unavailable backends', async () => {
    await expect(createSolver('glucose' as BackendName)).rejects.toBeInstanceOf(UsageError);
    for (const name of BACKEND_NAMES) {
      if (!(await isBackendAvailable(name))) {
        await expect(createSolver(name)).rejects.toSatisfy((e: unknown) => e instanceof BackendError && e.code === 'unavailable');
      }
    }
  });
});

describe('z3 process lifetime', () => {
  it('a node process that used z3 exits by itself', () => {
    const index = fileURLToPath(new URL('../../dist/sat/index.js', import.meta.url));
    const script = `
      const sat = await import(${JSON.stringify(index)});
      const s = sat.createZ3Solver();
      s.addClause([1, 2]); s.addClause([-1]);
      const r = await s.solve();
      s.close();
      console.log(r.status);`;
    const t0 = Date.now();
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    const ms = Date.now() - t0;
    console.log(`z3 child process exited in ${ms} ms`);
    expect(out.stdout.trim()).toBe('sat');
    expect(out.status).toBe(0);
    expect(ms).toBeLessThan(10_000);
  });
});
