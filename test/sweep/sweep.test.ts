import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite-store.js';
import { expandSweep } from '../../src/sweep/expand.js';
import { hardLimitMs, runSweep, type SweepProgress } from '../../src/sweep/sweep.js';
import { progressLine } from '../../src/sweep/progress.js';
import { CLI, ROOT, runWaterloo, tempDir } from '../helpers/cli.js';

describe('runSweep', () => {
  it('stores every instance once, skips stored ones, and reports a failing instance without storing it', async () => {
    const store = await openStore(join(tempDir(), 's.db'));
    try {
      const instances = [
        ...expandSweep({ problem: 'maj,xor', n: '2..3', basis: 'b2,u2' }),
        { problem: 'parity:3', basis: 'B2' as const, encoder: 'ssv' as const }, // = xor:3, counted once
        { problem: 'maj:3', basis: 'MIG' as const, encoder: 'ssv' as const }, // the encoder refuses MIG
      ];
      const events: SweepProgress[] = [];
      const r = await runSweep({ instances, store, jobs: 2, backend: 'auto', command: 'test', onProgress: (p) => events.push(p) });
      expect(r.total).toBe(7);
      expect(r.skipped).toBe(0);
      expect(r.solved).toEqual({ optimal: 6, feasible: 0, unknown: 0 });
      expect(r.stored).toBe(6);
      expect(r.failures).toHaveLength(1);
      expect(r.failures[0]).toMatchObject({ instance: { problem: 'maj:3', basis: 'MIG' } });
      expect(store.count()).toBe(6);
      expect(store.get({ problem: 'xor:3', basis: 'B2', encoder: 'ssv' })).toMatchObject({ status: 'optimal', size: 2 });
      expect(store.get({ problem: 'maj:3', basis: 'U2', encoder: 'ssv' })).toMatchObject({ status: 'optimal', size: 4 });
      expect(events[0]).toMatchObject({ total: 7, finished: 0 });
      expect(events.at(-1)).toMatchObject({ total: 7, finished: 7, failed: 1, running: 0, etaSeconds: 0 });
      expect(progressLine(events.at(-1)!)).toMatch(/7\/7 done, 0 running, 1 failed, ETA 0 s/);
      const again = await runSweep({ instances, store, jobs: 2, command: 'test' });
      expect(again).toMatchObject({ total: 7, skipped: 6, stored: 0 });
      expect(again.failures).toHaveLength(1); // failures are retried, not remembered
      const stopped = new AbortController();
      stopped.abort();
      expect((await runSweep({ instances: expandSweep({ problem: 'and', n: '2..4', basis: 'b2' }), store, jobs: 1, command: 'test', signal: stopped.signal })).aborted).toBe(true);
    } finally {
      store.close();
    }
  });
});

describe('waterloo sweep / merge CLI', () => {
  it('sweeps maj and thr over n = 2..3 in B2 and U2, then resumes with nothing to do', () => {
    const dir = tempDir();
    const db = join(dir, 'w.db');
    const args = ['sweep', '--problem', 'maj,thr', '--n', '2..3', '--basis', 'b2,u2', '--jobs', '2', '--store', db];
    const r = runWaterloo([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ total: 16, skipped: 0, stored: 16, byStatus: { optimal: 16, missing: 0 }, failures: [] });
    // one plain progress line per instance when stderr is not a terminal
    expect(r.stderr.match(/^\[\d+\/16\] /gm)).toHaveLength(16);
    const again = runWaterloo([...args, '--json', '--quiet']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 16, skipped: 16, stored: 0 });
    expect(again.stderr).toBe('');
    const dry = runWaterloo([...args, '--dry-run', '--shard', '2/3']);
    expect(dry.stdout.trim().split('\n')).toHaveLength(5);
    expect(dry.stdout).toMatch(/^maj:3 U2 ssv \(stored\)$/m);
    const text = runWaterloo([...args]);
    expect(text.stdout).toMatch(/16 optimal, 0 feasible, 0 unknown/);
  });

  it('two sweeps writing one store at once end with every instance stored exactly once', async () => {
    const db = join(tempDir(), 'two.db');
    const args = [CLI, 'sweep', '--problem', 'thr,exact', '--n', '2..3', '--basis', 'b2,u2', '--jobs', '1', '--store', db, '--quiet', '--json'];
    const run = () =>
      new Promise<{ code: number; out: string }>((res) => {
        const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
        p.on('exit', (code) => res({ code: code ?? -1, out }));
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const store = await openStore(db);
    try {
      const keys = store.list().map((r) => `${r.problem} ${r.basis} ${r.encoder}`);
      expect(keys).toHaveLength(28);
      expect(new Set(keys).size).toBe(28);
    } finally {
      store.close();
    }
    // between them they stored each instance once (a record solved by both is stored by the first only)
    const ja = JSON.parse(a.out), jb = JSON.parse(b.out);
    expect(ja.stored + jb.stored).toBe(28);
  });

  it('exits 2 with a usage message for a missing --problem or a bad --shard, without a stack trace', () => {
    const db = join(tempDir(), 'u.db');
    for (const a of [['sweep', '--store', db], ['sweep', '--problem', 'maj', '--n', '3', '--shard', '4/3', '--store', db], ['merge', 'x.db']]) {
      const r = runWaterloo(a);
      expect(r.code, a.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('hard limit of a sweep instance', () => {
  it('kills a worker that overruns its limit and reports what it had proven', async () => {
    const store = await openStore(join(tempDir(), 's.db'));
    try {
      const limit = 0.1;
      const t0 = performance.now();
      const r = await runSweep({
        instances: [{ problem: 'maj:5', basis: 'B2', encoder: 'ssv', timeoutSeconds: limit }],
        store,
        jobs: 1,
        command: 'test',
        workerPath: join(ROOT, 'test', 'fixtures', 'hard-limit', 'stubborn-sweep-worker.mjs'),
      });
      const ms = performance.now() - t0;
      expect(r.failures).toHaveLength(1);
      expect(r.failures[0]).toMatchObject({ code: 'hard-timeout' });
      expect(r.failures[0]!.message).toMatch(/proven lower bound 7, a verified circuit of 9 gates found/);
      expect(ms).toBeGreaterThanOrEqual(hardLimitMs(limit));
      expect(ms).toBeLessThan(hardLimitMs(limit) + 3000);
      expect(store.count()).toBe(0);
    } finally {
      store.close();
    }
  });

  it('is the limit, the heuristic phase and a grace of at most 10 s', () => {
    // 600 s: 600 + 30 s of heuristic + 10 s grace (it was 1.5 x 600 + 10 = 910 s)
    expect(hardLimitMs(600)).toBe(640_000);
    expect(hardLimitMs(4)).toBe(5000 + 2100);
  });
});
