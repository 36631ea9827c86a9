/**
 * The embedded-default path: with no native CaDiCaL (addon missing, binary
 * not on the PATH), everything still works on MiniSat, and asking for a
 * native backend by name is a clear "not installed" error (exit 5).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runWaterloo, tempDir } from '../helpers/cli.js';

const env = { WATERLOO_CADICAL_ADDON: '/nonexistent/cadical_addon.node', WATERLOO_CADICAL: '/nonexistent/cadical' };

describe('without native CaDiCaL', () => {
  it('min and census run on the embedded MiniSat', () => {
    const r = runWaterloo(['min', '--problem', 'fa', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ status: 'optimal', size: 5, solver: 'minisat' });
    const c = runWaterloo(['census', '--inputs', '2', '--basis', 'u2', '--store', 'none', '--json', '-q'], { env });
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout).functions).toEqual({ 0: 6, 1: 8, 3: 2 });
  });
  it('eq runs its SAT engine on MiniSat', () => {
    const r = runWaterloo(['eq', '--method', 'sat', '--match', 'position', '--json', 'circuits/iscas85/c499.bench', 'circuits/iscas85/c1355.bench'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'equivalent', backend: 'minisat' });
  });
  it('asking for cadical by name says it is not installed, exit 5, no stack trace', () => {
    const dir = tempDir();
    const f = join(dir, 'x.cnf');
    writeFileSync(f, 'p cnf 1 1\n1 0\n');
    for (const b of ['cadical', 'cadical-cli']) {
      const r = runWaterloo(['sat', '--backend', b, f], { env });
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/not installed/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runWaterloo(['sat', f], { env }).code).toBe(10);
  });
  it('the install step skips the addon cleanly and exits 0', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'src/native/build-native.mjs')], {
      cwd: tempDir(),
      env: { ...process.env, WATERLOO_SKIP_NATIVE: '1' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/native CaDiCaL addon skipped/);
  });
});
