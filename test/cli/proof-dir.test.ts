import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cadicalBinaryPath } from '../../src/sat/backends/cadical-cli.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

const binary = cadicalBinaryPath();
if (binary === null) console.log('skipping --proof DIR tests: cadical is not installed (apt-get install cadical)');

/** `waterloo min --problem maj:3 --proof=DIR --json` (maj:3 is optimal at 4, so there are UNSAT proofs). */
function minWithProofs(dir: string, backend: string, cwd?: string) {
  const r = runWaterloo(['min', '--problem', 'maj:3', `--proof=${dir}`, '--backend', backend, '--json'], cwd === undefined ? {} : { cwd });
  const paths = r.code === 0 ? ((JSON.parse(r.stdout) as { certificate: { instances: { proof?: { path?: string; checked: boolean } }[] } }).certificate.instances.map((i) => i.proof!.path!)) : [];
  return { ...r, paths };
}

describe.skipIf(binary === null)('min --proof DIR', () => {
  for (const backend of ['cadical-cli', 'cadical']) {
    it(`creates a missing DIR (and its parents) and keeps checked proofs there (${backend})`, () => {
      const dir = join(tempDir(), 'a', 'b');
      const r = minWithProofs(dir, backend);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.paths.length).toBeGreaterThan(0);
      for (const p of r.paths) {
        expect(p.startsWith(dir + '/')).toBe(true);
        expect(readFileSync(p).length).toBeGreaterThan(0);
      }
    });
  }

  it('refuses a DIR that is a regular file (exit 3, DIR named)', () => {
    const file = join(tempDir(), 'plain');
    writeFileSync(file, 'keep');
    const r = minWithProofs(file, 'cadical-cli');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}: cannot write (proof directory: not a directory)`);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('a second run neither overwrites nor mixes with the proofs of the first', () => {
    const dir = tempDir();
    const first = minWithProofs(dir, 'cadical-cli');
    expect(first.code).toBe(0);
    const before = new Map(first.paths.map((p) => [p, readFileSync(p)]));
    const second = minWithProofs(dir, 'cadical-cli');
    expect(second.code).toBe(0);
    expect(second.paths.filter((p) => before.has(p))).toEqual([]);
    for (const [p, bytes] of before) expect(readFileSync(p).equals(bytes)).toBe(true);
    // each run's proofs sit together, apart from the other run's
    const dirOf = (p: string): string => p.slice(0, p.lastIndexOf('/'));
    expect(new Set(first.paths.map(dirOf)).size).toBe(1);
    expect(new Set(second.paths.map(dirOf)).size).toBe(1);
    expect(dirOf(first.paths[0]!)).not.toBe(dirOf(second.paths[0]!));
  });

  it('does not write through a symlink planted at DIR/proof-1.drat', () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim');
    writeFileSync(victim, 'precious');
    for (let n = 1; n <= 8; n++) symlinkSync(victim, join(dir, `proof-${n}.drat`));
    const r = minWithProofs(dir, 'cadical-cli');
    expect(r.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('a DIR starting with - reaches cadical as a path, never as an option', () => {
    const cwd = tempDir();
    const r = minWithProofs('-proofs', 'cadical-cli', cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.paths.length).toBeGreaterThan(0);
    for (const p of r.paths) expect(p.startsWith(join(cwd, '-proofs') + '/')).toBe(true);
    expect(readdirSync(cwd)).toEqual(['-proofs']);
  });
});
