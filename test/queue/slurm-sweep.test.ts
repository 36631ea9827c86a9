/**
 * src/distributed/slurm-sweep.sh with a stand-in sbatch (fake-sbatch.sh) that
 * runs the array tasks and the dependent merge job at once: the merged store
 * must hold the records a local run of the same instances gives.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandSweep, openStore, solveInstance, type StoreRecord } from '../../src/index.js';
import { CLI, ROOT, tempDir } from '../helpers/cli.js';

const SCRIPT = join(ROOT, 'src', 'distributed', 'slurm-sweep.sh');
const row = (r: StoreRecord): string => JSON.stringify([r.problem, r.basis, r.encoder, r.status, r.size ?? null, r.lowerBound]);

describe('Slurm job-array script', () => {
  it.skipIf(!existsSync(CLI))('submits N shard tasks and a merge after them; the merged store equals a local run', async () => {
    const dir = tempDir('waterloo-slurm-');
    const bin = join(dir, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    copyFileSync(join(ROOT, 'test', 'queue', 'fake-sbatch.sh'), join(bin, 'sbatch'));
    chmodSync(join(bin, 'sbatch'), 0o755);
    const out = join(dir, 'out');
    const log = join(dir, 'sbatch.log');
    const sweep = { problem: 'maj:3,xor:3,thr', n: '3', basis: 'b2,u2' };
    const r = spawnSync(SCRIPT, ['submit', '--problem', sweep.problem, '--n', sweep.n, '--basis', sweep.basis, '-q'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, SHARDS: '3', OUT: out, WATERLOO: `${process.execPath} ${CLI}`, FAKE_SBATCH_LOG: log },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/submitted array job \d+ \(3 shards\) and merge job \d+/);
    const calls = readFileSync(log, 'utf8');
    expect(calls).not.toMatch(/exit/); // no task or job failed
    expect(calls).toMatch(/--array=0-2/);
    const arrayId = /afterany:(\d+)/.exec(calls)?.[1];
    expect(r.stdout).toContain(`array job ${arrayId} `);
    for (let i = 1; i <= 3; i++) expect(existsSync(join(out, `shard-${i}-of-3.db`))).toBe(true);

    const store = await openStore(join(out, 'merged.db'), { mustExist: true });
    const merged = store.list();
    store.close();
    const local = await Promise.all(expandSweep(sweep).map((inst) => solveInstance(inst, { command: 'test' })));
    expect(merged.map(row).sort()).toEqual(local.map(row).sort());
  });

  it('refuses to run a shard outside a job array', () => {
    const r = spawnSync(SCRIPT, ['shard', '--problem', 'maj:3'], { encoding: 'utf8', env: { ...process.env, SLURM_ARRAY_TASK_ID: '', OUT: tempDir() } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SLURM_ARRAY_TASK_ID/);
    expect(spawnSync(SCRIPT, [], { encoding: 'utf8' }).status).toBe(2);
  });
});
