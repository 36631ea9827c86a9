import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFileError, writeFileAtomic } from '../../src/util/atomic-write.js';
import { ROOT, tempDir } from '../helpers/cli.js';

describe('writeFileAtomic', () => {
  it('writes and replaces a file, leaving nothing beside it', () => {
    const dir = tempDir();
    const p = join(dir, 'out.txt');
    writeFileAtomic(p, 'one');
    writeFileAtomic(p, new TextEncoder().encode('two'));
    expect(readFileSync(p, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('does not follow a symlink planted at a predictable temporary name (pid and time)', () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const target = join(dir, 'out.txt');
    // the old name was .out.txt.<pid>.<Date.now()>.tmp: plant every name of the next few seconds
    const now = Date.now();
    for (let t = now - 100; t < now + 3000; t++) symlinkSync(victim, join(dir, `.out.txt.${process.pid}.${t}.tmp`));
    writeFileAtomic(target, 'new data');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(target, 'utf8')).toBe('new data');
  });

  it('a failure after the temporary file exists removes it, and is an OutputFileError naming the path', () => {
    const dir = tempDir();
    // a trailing slash asks for a directory: the temporary file is made in dir, the rename fails (ENOTDIR)
    const target = join(dir, 'x.bench') + '/';
    let err: unknown;
    try {
      writeFileAtomic(target, 'data');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OutputFileError);
    expect((err as OutputFileError).code).toBe('unwritable');
    expect((err as Error).message).toContain(target);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a directory as target is refused before anything is written', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'd'));
    expect(() => writeFileAtomic(join(dir, 'd'), 'x')).toThrow(OutputFileError);
    expect(readdirSync(dir)).toEqual(['d']);
  });

  it('SIGTERM during a write leaves no temporary file, and still ends the process', async () => {
    const mod = join(ROOT, 'dist', 'util', 'atomic-write.js');
    expect(existsSync(mod), 'run the build first').toBe(true);
    const dir = tempDir();
    const target = join(dir, 'big.bin');
    const script = `
      import { writeSync } from 'node:fs';
      const { writeFileAtomic } = await import(${JSON.stringify(mod)});
      const data = new Uint8Array(${256 << 20}).fill(7);
      writeSync(1, 'start\\n');
      writeFileAtomic(${JSON.stringify(target)}, data);
      writeSync(1, 'written\\n');
      setTimeout(() => {}, 5000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        // a short pause puts the signal inside the write (256 MiB), not before its first system call
        if (!out.includes('start') && (out += d.toString()).includes('start')) setTimeout(() => child.kill('SIGTERM'), 30);
        else out += d.toString();
      });
      child.on('close', (_code, sig) => resolve(sig));
    });
    expect(signal).toBe('SIGTERM');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 20_000);
});
