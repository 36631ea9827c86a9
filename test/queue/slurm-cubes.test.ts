/**
 * src/distributed/slurm-cubes.sh with the stand-in sbatch (fake-sbatch.sh)
 * that runs the array tasks and the dependent combine job at once: the
 * combined answer must be the one `min --cubes` gives for that size.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, tempDir } from '../helpers/cli.js';

const SCRIPT = join(ROOT, 'src', 'distributed', 'slurm-cubes.sh');

function fakeSlurm(): { dir: string; env: NodeJS.ProcessEnv; log: string; out: string } {
  const dir = tempDir('waterloo-slurm-cubes-');
  const bin = join(dir, 'bin');
  spawnSync('mkdir', ['-p', bin]);
  copyFileSync(join(ROOT, 'test', 'queue', 'fake-sbatch.sh'), join(bin, 'sbatch'));
  chmodSync(join(bin, 'sbatch'), 0o755);
  const out = join(dir, 'out');
  const log = join(dir, 'sbatch.log');
  return { dir, out, log, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, SHARDS: '3', OUT: out, WATERLOO: `${process.execPath} ${CLI}`, FAKE_SBATCH_LOG: log } };
}

describe('Slurm job-array script for cube shards', () => {
  it.skipIf(!existsSync(CLI))('submits K shard tasks and a combine after them: UNSAT at 6 for thr:4:2; without a shard file, incomplete', () => {
    const s = fakeSlurm();
    const args = ['--problem', 'thr:4:2', '--cubes', '6', '--size', '6'];
    const r = spawnSync(SCRIPT, ['submit', ...args], { cwd: s.dir, encoding: 'utf8', env: s.env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/submitted array job \d+ \(3 shards\) and combine job \d+/);
    const calls = readFileSync(s.log, 'utf8');
    expect(calls).not.toMatch(/exit/); // no task or job failed
    expect(calls).toMatch(/--array=0-2/);
    for (let i = 1; i <= 3; i++) expect(existsSync(join(s.out, `shard-${i}-of-3.json`))).toBe(true);
    const combined = JSON.parse(readFileSync(join(s.out, 'combined.json'), 'utf8'));
    expect(combined).toMatchObject({ status: 'unsat', size: 6, files: 3 });
    expect(combined.certificate.instances).toHaveLength(combined.cubes);

    // a lost shard: the combine job (run by hand, as the script documents) says incomplete, exit 4
    rmSync(join(s.out, 'shard-2-of-3.json'));
    const again = spawnSync(SCRIPT, ['combine', '3', ...args], { encoding: 'utf8', env: s.env });
    expect(again.status, again.stderr).toBe(4);
    expect(JSON.parse(readFileSync(join(s.out, 'combined.json'), 'utf8'))).toMatchObject({ status: 'incomplete' });
  }, 60_000);

  it('refuses to submit without --cubes and --size, and to run a shard outside a job array', () => {
    const s = fakeSlurm();
    expect(spawnSync(SCRIPT, ['submit', '--problem', 'maj:5', '--cubes', '4'], { encoding: 'utf8', env: s.env }).status).toBe(2);
    const r = spawnSync(SCRIPT, ['shard', '--problem', 'maj:3'], { encoding: 'utf8', env: { ...process.env, SLURM_ARRAY_TASK_ID: '', OUT: tempDir() } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SLURM_ARRAY_TASK_ID/);
  });
});
