/** The Slurm job-array scripts are valid bash and pass shellcheck (when it is installed). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const SCRIPTS = ['slurm-sweep.sh', 'slurm-cubes.sh'];
const SHELLCHECK = ['/usr/bin/shellcheck', '/usr/local/bin/shellcheck'].find(existsSync);

describe.each(SCRIPTS)('src/distributed/%s', (name) => {
  const script = join(ROOT, 'src', 'distributed', name);

  it('is valid bash', () => {
    const r = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it.skipIf(SHELLCHECK === undefined)(`passes shellcheck${SHELLCHECK ? '' : ' (skipped: shellcheck is not installed)'}`, () => {
    const r = spawnSync(SHELLCHECK!, [script], { encoding: 'utf8' });
    expect(r.status, r.stdout).toBe(0);
  });
});
