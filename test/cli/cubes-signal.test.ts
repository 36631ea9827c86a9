/**
 * A stopped `waterloo min --cubes` takes its worker processes with it: SIGTERM
 * or SIGINT while a worker is busy in a solver call ends the run with the
 * signal's exit code (143 / 130) and no worker left solving.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';

/** Pids of the processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return r.stdout.split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);
}

/** Whether `pid` is a running process (a zombie waiting for its reaper is not). */
function alive(pid: number): boolean {
  try {
    // the state is the first field after the parenthesised command name
    return !/\)\s+Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!existsSync('/proc/self/stat')).each(['SIGTERM', 'SIGINT'] as const)('waterloo min --cubes stopped by %s', (signal) => {
  it('kills its busy worker and exits with the signal code', async () => {
    // UNSAT at 8 for maj:5: each of its cubes keeps a worker busy for seconds
    const c = spawn(process.execPath, [CLI, 'min', '--problem', 'maj:5', '--min-size', '8', '--max-size', '8', '--cubes', '4', '--workers', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => c.on('exit', (code, sig) => resolve({ code, signal: sig })));
    let workers: number[] = [];
    for (let i = 0; i < 100 && workers.length === 0; i++) {
      await sleep(100);
      workers = childrenOf(c.pid!);
    }
    expect(workers.length).toBeGreaterThan(0);
    // let the worker get into its solve call
    await sleep(1500);
    c.kill(signal);
    const end = await exited;
    // the CLI re-raises the signal after killing its workers
    expect(end.signal ?? end.code).toBe(signal);
    await sleep(500);
    expect(workers.filter(alive)).toEqual([]);
  }, 30_000);
});
