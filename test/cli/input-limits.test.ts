import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runWaterloo, tempDir } from '../helpers/cli.js';
import { InputFileError, readInputFile } from '../../src/util/read-input.js';
import { parseHexTruth, parseIwlsTruth } from '../../src/io/truth.js';
import { MAX_SPEC_INPUTS } from '../../src/tt/spec.js';
import { ParseError } from '../../src/errors.js';

const STACK_FRAME = /\n\s+at .*:\d+/;
const AAG = 'aag 3 2 0 1 1\n2\n4\n6\n6 2 4\n';

/** Runs the CLI under a 2 GB address-space limit and a 15 s wall-clock limit. */
function limited(args: readonly string[], env: Record<string, string> = {}): { code: number | null; stderr: string; ms: number } {
  const t0 = Date.now();
  const r = spawnSync('prlimit', ['--as=2000000000', process.execPath, CLI, ...args], { encoding: 'utf8', timeout: 15_000, env: { ...process.env, ...env } });
  return { code: r.status, stderr: r.stderr, ms: Date.now() - t0 };
}

describe('input files are read with a bound (exit 3, the path named)', () => {
  const dir = tempDir();

  it('a symlink to /dev/zero is refused at once, not read forever', () => {
    const link = join(dir, 'zero.aag');
    symlinkSync('/dev/zero', link);
    const r = limited(['stats', link]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${link}: cannot read (is a character device, not a regular file)`);
    expect(r.ms).toBeLessThan(10_000);
  }, 20_000);

  it('a FIFO is refused without waiting for a writer; a directory is refused', () => {
    const fifo = join(dir, 'f.bench');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = limited(['stats', fifo]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${fifo}: cannot read (is a FIFO`);
    const d = join(dir, 'd.bench');
    mkdirSync(d);
    const r2 = runWaterloo(['stats', d]);
    expect(r2.code).toBe(3);
    expect(r2.stderr).toContain(`${d}: cannot read (is a directory)`);
  }, 20_000);

  it('a file over WATERLOO_MAX_INPUT_BYTES is refused, naming the limit; stdin too; a bad value is a usage error', () => {
    const f = join(dir, 's.aag');
    writeFileSync(f, AAG);
    expect(runWaterloo(['stats', f], { env: { WATERLOO_MAX_INPUT_BYTES: String(AAG.length) } }).code).toBe(0);
    const r = runWaterloo(['stats', f], { env: { WATERLOO_MAX_INPUT_BYTES: String(AAG.length - 1) } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}: cannot read (larger than the input limit of ${AAG.length - 1} bytes`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    const s = runWaterloo(['stats', '--from', 'aag', '-'], { input: AAG, env: { WATERLOO_MAX_INPUT_BYTES: '10' } });
    expect(s.code).toBe(3);
    expect(s.stderr).toContain('<stdin>: cannot read (larger than the input limit of 10 bytes');
    expect(runWaterloo(['stats', f], { env: { WATERLOO_MAX_INPUT_BYTES: 'lots' } }).code).toBe(2);
  });

  it('readInputFile: class and code', () => {
    const f = join(dir, 'r.aag');
    writeFileSync(f, AAG);
    expect(readInputFile(f).toString()).toBe(AAG);
    expect(() => readInputFile(f, { maxBytes: 5 })).toThrow(InputFileError);
    try {
      readInputFile(f, { maxBytes: 5 });
    } catch (e) {
      expect((e as InputFileError).code).toBe('too-large');
    }
    try {
      readInputFile('/dev/zero');
    } catch (e) {
      expect((e as InputFileError).code).toBe('unreadable');
    }
    expect(() => readInputFile(join(dir, 'missing'))).toThrow(InputFileError);
  });
});

describe(`one input limit for specs (${MAX_SPEC_INPUTS}), checked before any work`, () => {
  const dir = tempDir();

  it('min on a 21-input .truth file is refused fast with exit 3', () => {
    const f = join(dir, 'f21.truth');
    // a fixed, non-trivial table: bit i = parity of i & 0x15555
    let line = '';
    for (let i = 0; i < 2 ** 21; i++) line += (i & 0x15555).toString(2).split('1').length % 2 ? '0' : '1';
    writeFileSync(f, line + '\n');
    const r = limited(['min', f, '--timeout', '10']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:1:1: a table of ${2 ** 21} characters has 21 inputs, more than the limit of 20`);
    expect(r.ms).toBeLessThan(10_000);
  }, 20_000);

  it('.hex with inputs 21, --tt with --inputs 21 and --problem with 21 inputs are refused', () => {
    const f = join(dir, 'f21.hex');
    writeFileSync(f, 'inputs 21\n0\n');
    expect(runWaterloo(['min', f]).code).toBe(3);
    expect(runWaterloo(['min', '--tt', '0', '--inputs', '21']).code).toBe(2);
    expect(runWaterloo(['min', '--problem', 'maj:21']).code).toBe(2);
  });

  it('the truth readers take 20 inputs and refuse 21 (ParseError bad-number)', () => {
    expect(parseHexTruth(`inputs ${MAX_SPEC_INPUTS}\n0\n`.replace('\n0\n', `\n${'0'.repeat(2 ** (MAX_SPEC_INPUTS - 2))}\n`)).numInputs).toBe(20);
    for (const f of [() => parseHexTruth('inputs 21\n0\n'), () => parseIwlsTruth('0'.repeat(2 ** 21) + '\n')]) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ParseError);
      expect((err as ParseError).code).toBe('bad-number');
    }
  });
});
