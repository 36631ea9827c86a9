import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardLimitMs, WorkerPool } from '../../src/sweep/worker-pool.js';
import { ROOT } from '../helpers/cli.js';

const fixture = (...p: string[]): string => join(ROOT, 'test', 'fixtures', ...p);

describe('WorkerPool (the one child-process pool of sweeps and queue workers)', () => {
  it('solves instances in one reused child and returns their records', async () => {
    const pool = new WorkerPool({ backend: 'auto', command: 'test' });
    try {
      const a = await pool.solve({ problem: 'maj:3', basis: 'B2', encoder: 'ssv' });
      const b = await pool.solve({ problem: 'xor:3', basis: 'B2', encoder: 'ssv' });
      expect(a).toMatchObject({ kind: 'done', record: { problem: 'maj:3', status: 'optimal', size: 4 } });
      expect(b).toMatchObject({ kind: 'done', record: { problem: 'xor:3', status: 'optimal', size: 2 } });
      expect(pool.size).toBe(1);
      expect(pool.busy).toBe(0);
    } finally {
      pool.close();
    }
  });

  it('kills a child at the hard limit and keeps what it reported as proven', async () => {
    const pool = new WorkerPool({ backend: 'auto', command: 'test', workerPath: fixture('hard-limit', 'stubborn-sweep-worker.mjs') });
    try {
      const o = await pool.solve({ problem: 'maj:5', basis: 'B2', encoder: 'ssv', timeoutSeconds: 0.1 });
      expect(o).toEqual({ kind: 'hard-timeout', limitMs: hardLimitMs(0.1), progress: { type: 'progress', id: 1, provenLowerBound: 7, bestSize: 9 } });
    } finally {
      pool.close();
    }
  });

  it('reports a child that exits during a solve with its exit code and stderr, and forks a new one next time', async () => {
    const pool = new WorkerPool({ backend: 'auto', command: 'test', workerPath: fixture('worker-pool', 'dying-worker.mjs') });
    try {
      const o = await pool.solve({ problem: 'maj:3', basis: 'B2', encoder: 'ssv' });
      expect(o).toEqual({ kind: 'died', exit: 'code 3', stderrTail: 'about to die' });
      expect(await pool.solve({ problem: 'maj:3', basis: 'B2', encoder: 'ssv' })).toMatchObject({ kind: 'died', exit: 'code 3' });
    } finally {
      pool.close();
    }
  });

  it('ends solves in flight as stopped when killed', async () => {
    const pool = new WorkerPool({ backend: 'auto', command: 'test', workerPath: fixture('hard-limit', 'stubborn-sweep-worker.mjs') });
    const pending = pool.solve({ problem: 'maj:5', basis: 'B2', encoder: 'ssv' });
    setTimeout(() => pool.kill(), 200);
    expect(await pending).toEqual({ kind: 'stopped' });
    expect(pool.size).toBe(0);
  });
});
