/** Cubes of one size query through the queue: a queue worker solves them, min combines them; a rerun takes the answered cubes from Redis. */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCubeResult } from '../../src/queue/cube-jobs.js';
import { CLI, ROOT } from '../helpers/cli.js';
import { queueSkipReason, startRedis, stopProcess, type RedisServer } from './redis-server.js';
import { ValidationError } from '../../src/errors.js';

const SKIP = queueSkipReason();

/** Runs the CLI in a child process; resolves with its exit code and output. */
function run(args: readonly string[]): { proc: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const proc = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { proc, done: new Promise((resolve) => proc.once('exit', (code) => resolve({ code, stdout, stderr }))) };
}

describe('cube results from the queue', () => {
  it('are checked for shape and index', () => {
    const task = { spec: { numInputs: 3, outputs: ['e8'] }, basis: 'B2', encoder: 'ssv', size: 3, cubes: 2, index: 1, backend: 'auto' } as const;
    expect(parseCubeResult({ answer: 'unsat', index: 1, entry: { label: 'x', cnfSha256: 'a'.repeat(64), vars: 1, clauses: 1 } }, task, 'j').answer).toBe('unsat');
    for (const bad of [null, { answer: 'unsat', index: 0, entry: { label: 'x', cnfSha256: 'a'.repeat(64), vars: 1, clauses: 1 } }, { answer: 'unsat', index: 1 }, { answer: 'sat', index: 1 }, { answer: 'yes', index: 1 }]) {
      expect(() => parseCubeResult(bad, task, 'j')).toThrow(ValidationError);
      try {
        parseCubeResult(bad, task, 'j');
      } catch (e) {
        expect((e as ValidationError).code).toBe('bad-result');
      }
    }
  });
});

describe.skipIf(SKIP !== undefined)(`min --cubes --queue on redis-server${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  let redis: RedisServer;
  const procs: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(procs.map(stopProcess));
    await redis?.stop();
  });

  it('a queue worker solves the cubes; min finds the optimum with one certificate entry per cube; a rerun finds them answered', async () => {
    const worker = run(['queue', 'work', '--redis', redis.url, '--queue', 'cubes', '--concurrency', '2', '--json', '--quiet']);
    procs.push(worker.proc);
    const minArgs = ['min', '--problem', 'thr:4:2', '--cubes', '4', '--workers', '8', '--queue', 'cubes', '--redis', redis.url, '--json', '--timeout', '60'];
    const first = await run(minArgs).done;
    expect(first.code, first.stderr).toBe(0);
    const j = JSON.parse(first.stdout);
    expect(j).toMatchObject({ status: 'optimal', size: 7, unsatAt: 6 });
    expect(j.certificate.instances.length).toBeGreaterThanOrEqual(4);
    // without a worker, a rerun can only finish from the answers kept in Redis
    await stopProcess(worker.proc);
    const again = await run(minArgs).done;
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).certificate.instances).toEqual(j.certificate.instances);
  }, 60_000);
});
