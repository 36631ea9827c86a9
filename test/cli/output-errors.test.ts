import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runWaterloo, tempDir } from '../helpers/cli.js';

const C17 = join(import.meta.dirname, '..', 'fixtures', 'bench', 'c17', 'input.bench');
const STACK_FRAME = /\n\s+at .*:\d+/;

describe('output files that cannot be written are bad input/output (exit 3, the path named, no stack)', () => {
  const dir = tempDir();
  const src = join(dir, 's.aag');
  writeFileSync(src, 'aag 3 2 0 1 1\n2\n4\n6\n6 2 4\n');

  it('a directory as target (EISDIR)', () => {
    const target = join(dir, 'DIR.bench');
    mkdirSync(target);
    const r = runWaterloo(['convert', src, target]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${target}: cannot write (is a directory)`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('a target under a regular file (ENOTDIR), and nothing created beside it', () => {
    const file = join(dir, 'plain');
    writeFileSync(file, 'x');
    const target = join(file, 'x.bench');
    const r = runWaterloo(['convert', src, target]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${target}: cannot write (`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('sat --proof into a missing folder creates it (as every output does); under a regular file it is exit 3 naming the path, before solving', () => {
    const cnf = join(dir, 'u.cnf');
    writeFileSync(cnf, 'p cnf 1 2\n1 0\n-1 0\n');
    const proof = join(dir, 'new', 'sub', 'u.drat');
    const ok = runWaterloo(['sat', cnf, '--proof', proof]);
    expect(ok.code).toBe(20);
    expect(ok.stdout).toContain('c proof');
    expect(existsSync(proof)).toBe(true);
    const plain = join(dir, 'plain-for-proof');
    writeFileSync(plain, 'x');
    const bad = runWaterloo(['sat', cnf, '--proof', join(plain, 'u.drat')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain(`${join(plain, 'u.drat')}: cannot write (`);
    expect(bad.stdout).not.toContain('s UNSATISFIABLE');
    expect(bad.stderr).not.toMatch(STACK_FRAME);
  });

  it.skipIf(!existsSync('/proc/self'))('a target in /proc, where no file can be created', () => {
    const r = runWaterloo(['convert', src, '/proc/x.aag']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('/proc/x.aag: cannot write (');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a closed stdout ends the command quietly', () => {
  it('waterloo sim FILE | true: exit 0, nothing on stderr', async () => {
    // the reading end is closed before the CLI has started, so its first write meets a closed pipe
    const child = spawn(process.execPath, [CLI, 'sim', C17], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('waterloo sat x.cnf | head -1 on a model larger than the pipe buffer: the solver exit code (10), nothing on stderr', () => {
    const dir = tempDir();
    const n = 30000;
    const cnf = join(dir, 'x.cnf');
    writeFileSync(cnf, `p cnf ${n} ${n}\n` + Array.from({ length: n }, (_, i) => `${i % 3 ? i + 1 : -(i + 1)} 0\n`).join(''));
    const r = spawnSync('bash', ['-c', `"$0" "$1" sat "$2" | head -1 >/dev/null; exit \${PIPESTATUS[0]}`, process.execPath, CLI, cnf], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(10);
  });
});
