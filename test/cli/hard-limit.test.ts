/**
 * The hard time limit (src/cli/hard-limit.ts): a command run with --timeout
 * is stopped from outside at the limit plus a short grace, whatever it is
 * doing, and prints what it had proven by then.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { superviseChild } from '../../src/cli/hard-limit.js';
import { hardStopGraceMs } from '../../src/index.js';
import { runCli } from '../../src/cli/main.js';
import type { Checkpoint } from '../../src/cli/hard-limit.js';
import { CLI, ROOT } from '../helpers/cli.js';

const STUBBORN = join(ROOT, 'test', 'fixtures', 'hard-limit', 'stubborn-child.mjs');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('superviseChild', () => {
  test('kills a child that spins past its limit, with its process group, and returns its last checkpoint', async () => {
    const t0 = performance.now();
    const r = await superviseChild({ modulePath: STUBBORN, args: ['spin'], limitMs: 800, startedAt: t0, graceMs: 200 });
    const elapsed = performance.now() - t0;
    expect(r.kind).toBe('hard-stop');
    if (r.kind !== 'hard-stop') return;
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(4000);
    const pid = Number(/grandchild (\d+)/.exec(r.checkpoint?.stdout ?? '')?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(r.checkpoint?.exitCode).toBe(4);
    // the grandchild (a solver subprocess, say) went with the group
    expect(await eventually(() => !alive(pid), 3000)).toBe(true);
  });

  test('a hard stop without a checkpoint says so', async () => {
    const r = await superviseChild({ modulePath: STUBBORN, args: ['silent'], limitMs: 300, startedAt: performance.now(), graceMs: 100 });
    expect(r).toMatchObject({ kind: 'hard-stop', checkpoint: undefined });
  });

  test('a child that ends in time passes its exit code through', async () => {
    const r = await superviseChild({ modulePath: STUBBORN, args: ['exit3'], limitMs: 10_000 });
    expect(r).toEqual({ kind: 'exited', code: 3 });
  });

  test('the grace is 2 s plus 2 % of the limit, at most 10 s', () => {
    expect(hardStopGraceMs(1000)).toBe(2020);
    expect(hardStopGraceMs(600_000)).toBe(10_000);
  });
});

describe('min checkpoints', () => {
  test('each checkpoint states the bound proven so far, then the circuit found', async () => {
    const checkpoints: Checkpoint[] = [];
    let out = '';
    const code = await runCli(['min', '--problem', 'maj:3', '--backend', 'minisat', '--json'], {
      out: (s) => (out += s),
      err: () => undefined,
      checkpoint: (c) => checkpoints.push(c),
    });
    expect(code).toBe(0);
    const final = JSON.parse(out) as { status: string; size: number };
    expect(final).toMatchObject({ status: 'optimal', size: 4 });
    const parsed = checkpoints.map((c) => ({ ...(JSON.parse(c.stdout) as { status: string; lowerBound: number; size?: number }), exitCode: c.exitCode }));
    expect(parsed.length).toBeGreaterThan(1);
    // bounds only rise, and every one is a stop-now answer (exit 4)
    for (let i = 1; i < parsed.length; i++) expect(parsed[i]!.lowerBound).toBeGreaterThanOrEqual(parsed[i - 1]!.lowerBound);
    expect(parsed.every((p) => p.exitCode === 4)).toBe(true);
    expect(parsed.filter((p) => p.status === 'unknown').map((p) => p.lowerBound)).toContain(4);
    expect(parsed.at(-1)).toMatchObject({ status: 'feasible', size: 4, lowerBound: 4 });
  });
});

describe('waterloo min --timeout under load', () => {
  test('a hard instance stops within the limit plus grace while two other processes load both cores', async () => {
    const load = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    try {
      const limit = 3;
      const t0 = performance.now();
      const r = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const c = spawn(process.execPath, [CLI, 'min', '--tt', '169ae443', '--inputs', '5', '--min-size', '12', '--max-size', '12', '--timeout', String(limit), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        c.on('exit', (code) => resolve({ code, stdout }));
      });
      const seconds = (performance.now() - t0) / 1000;
      expect(r.code).toBe(4);
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'unknown' });
      // the limit, its grace, and a few seconds for two Node start-ups on a loaded machine
      expect(seconds).toBeLessThan(limit + hardStopGraceMs(limit * 1000) / 1000 + 4);
    } finally {
      for (const p of load) p.kill('SIGKILL');
    }
  });
});
