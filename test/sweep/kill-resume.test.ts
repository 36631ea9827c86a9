/**
 * The acceptance tests of the results store: a sweep killed with SIGKILL at
 * seeded random points and resumed ends with the same table as an
 * uninterrupted sweep, every instance stored once; and shards 1/3..3/3
 * merged give the table of the local sweep.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite-store.js';
import { Rng } from '../../src/util/rng.js';
import { CLI, runWaterloo, tempDir } from '../helpers/cli.js';

// 28 quick instances: thr:2..3:* and exact:2..3:* in B2 and U2
const SWEEP = ['sweep', '--problem', 'thr,exact', '--n', '2..3', '--basis', 'b2,u2'];
const TOTAL = 28;
const SEED = Number(process.env.WATERLOO_KILL_SEED ?? 20261125);

type Row = { problem: string; basis: string; encoder: string; status: string; size: number | undefined; lowerBound: number };

/** The store's table: one row per key, sorted; throws if a key occurs twice. */
async function table(path: string): Promise<Row[]> {
  const s = await openStore(path, { mustExist: true });
  try {
    const rows = s.list().map((r) => ({ problem: r.problem, basis: r.basis, encoder: r.encoder, status: r.status, size: r.size, lowerBound: r.lowerBound }));
    const keys = rows.map((r) => `${r.problem} ${r.basis} ${r.encoder}`);
    expect(new Set(keys).size, 'every key once').toBe(keys.length);
    return rows.sort((a, b) => (`${a.problem} ${a.basis}` < `${b.problem} ${b.basis}` ? -1 : 1));
  } finally {
    s.close();
  }
}

/** Whether any process of the group `pgid` is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the sweep into `db` and kills its main process with SIGKILL after it
 * has reported `after` finished instances (plus `delayMs`); returns how many
 * it had reported. Its workers must then exit by themselves.
 */
async function sweepAndKill(db: string, after: number, delayMs: number): Promise<{ reported: number; killed: boolean }> {
  // one job: the instances take milliseconds each, so the kill should land while plenty are left
  const child = spawn(process.execPath, [CLI, ...SWEEP, '--jobs', '1', '--store', db], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let reported = 0;
  let killed = false;
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    stderr += d;
    reported += (d.match(/^\[\d+\/\d+\] /gm) ?? []).length;
    if (!killed && reported >= after) {
      killed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
  });
  const exit = await new Promise<number | string>((res) => child.on('exit', (code, signal) => res(code ?? signal ?? -1)));
  // unless killed, the sweep must have finished normally
  if (!killed) expect(exit, stderr).toBe(0);
  // workers exit when the IPC channel closes; allow them a few seconds, then clean up regardless
  const t0 = Date.now();
  while (groupAlive(child.pid!) && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 50));
  const leaked = groupAlive(child.pid!);
  if (leaked) process.kill(-child.pid!, 'SIGKILL');
  expect(leaked, 'workers of a killed sweep exit by themselves').toBe(false);
  return { reported, killed };
}

describe('results store acceptance', () => {
  const dir = tempDir('waterloo-kill-');
  const ref = join(dir, 'reference.db');
  let refTable: Row[];

  beforeAll(async () => {
    const r = runWaterloo([...SWEEP, '--jobs', '2', '--store', ref, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    refTable = await table(ref);
    expect(refTable).toHaveLength(TOTAL);
  });

  it(`a sweep killed with SIGKILL at random points resumes to the uninterrupted table (seed ${SEED})`, async () => {
    console.log(`kill -9 test seed ${SEED} (set WATERLOO_KILL_SEED to replay)`);
    const rng = new Rng(SEED);
    const db = join(dir, 'killed.db');
    let stored = 0;
    let interrupted = 0;
    for (let round = 0; round < 3; round++) {
      const left = TOTAL - stored;
      // kill after 1..(left-1)/2 finished instances of this run (when there are any left), plus 0..10 ms
      const after = 1 + rng.below(Math.max(1, Math.floor((left - 1) / 2)));
      const delay = rng.below(11);
      const { reported, killed } = await sweepAndKill(db, after, delay);
      const now = await table(db); // opens cleanly: nothing half-written
      console.log(`round ${round + 1}: kill after ${after} (+${delay} ms), ${reported} reported, killed ${killed}, stored ${stored} -> ${now.length}`);
      expect(now.length).toBeGreaterThanOrEqual(stored);
      // whatever was stored is already the final answer
      for (const row of now) expect(refTable).toContainEqual(row);
      if (killed && now.length < TOTAL) interrupted++;
      stored = now.length;
    }
    // the test says nothing unless some kill landed mid-sweep
    expect(interrupted).toBeGreaterThan(0);
    const resume = runWaterloo([...SWEEP, '--jobs', '2', '--store', db, '--json', '--quiet']);
    expect(resume.code, resume.stderr).toBe(0);
    const j = JSON.parse(resume.stdout);
    expect(j.skipped).toBe(stored);
    expect(j.stored).toBe(TOTAL - stored);
    expect(await table(db)).toEqual(refTable);
  });

  it('shards 1/3, 2/3, 3/3 into three stores, merged, give the table of the local sweep', async () => {
    const shards = [1, 2, 3].map((i) => join(dir, `shard${i}.db`));
    const sizes: number[] = [];
    for (const [k, path] of shards.entries()) {
      const r = runWaterloo([...SWEEP, '--jobs', '2', '--shard', `${k + 1}/3`, '--store', path, '--json', '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      sizes.push(JSON.parse(r.stdout).total);
    }
    expect(sizes).toEqual([10, 9, 9]);
    const merged = join(dir, 'merged.db');
    const m = runWaterloo(['merge', '--into', merged, ...shards, '--json']);
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout)).toMatchObject({ before: 0, after: TOTAL });
    expect(await table(merged)).toEqual(refTable);
    // merging again (in another order) changes nothing
    const again = runWaterloo(['merge', '--into', merged, ...shards.reverse()]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`${TOTAL} -> ${TOTAL} record`));
  });
});
