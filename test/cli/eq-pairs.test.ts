import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runWaterloo, tempDir } from '../helpers/cli.js';

const C17 = join(ROOT, 'circuits', 'iscas85', 'c17.bench');
const C432 = join(ROOT, 'circuits', 'iscas85', 'c432.bench');
const C432_OPT = join(ROOT, 'test', 'fixtures', 'abc-opt', 'c432.aig');
const C6288 = join(ROOT, 'circuits', 'iscas85', 'c6288.bench');
const C6288_OPT = join(ROOT, 'test', 'fixtures', 'abc-opt', 'c6288.aig');

/** One JSON line of `eq --pairs --json`. */
interface PairJson {
  a: string;
  b: string;
  line: number;
  verdict: 'equivalent' | 'different' | 'unknown';
  output?: string;
  outputIndex?: number;
  counterexample?: string;
  valueA?: boolean;
  valueB?: boolean;
  method?: string;
  reason?: string;
  ms: number;
}

/** The value of output `k` of `file` for an input vector (x0 first), from `waterloo sim --json`'s truth tables. */
function simulatedOutput(file: string, k: number, inputs: string): boolean {
  const r = runWaterloo(['sim', '--json', file]);
  expect(r.code, r.stderr).toBe(0);
  const table = BigInt('0x' + (JSON.parse(r.stdout) as { outputs: { hex: string }[] }).outputs[k]!.hex);
  const minterm = [...inputs].reduce((m, bit, i) => m + (bit === '1' ? 1 << i : 0), 0);
  return ((table >> BigInt(minterm)) & 1n) === 1n;
}

describe('waterloo eq --pairs', () => {
  let dir: string;
  let pairs: string;
  beforeAll(() => {
    // c17 and a copy with one NAND turned into an AND, in a subdirectory, so the
    // relative paths only resolve against the pairs file's directory, not the cwd.
    dir = tempDir('waterloo-eq-pairs-');
    mkdirSync(join(dir, 'sub'));
    copyFileSync(C17, join(dir, 'c17.bench'));
    const text = readFileSync(C17, 'utf8');
    expect(text).toContain('10 = NAND(1, 3)');
    writeFileSync(join(dir, 'sub', 'c17-mut.bench'), text.replace('10 = NAND(1, 3)', '10 = AND(1, 3)'));
    pairs = join(dir, 'pairs.txt');
    writeFileSync(
      pairs,
      ['# equivalent, different, equivalent (SAT, absolute paths)', 'c17.bench c17.bench', '', '   c17.bench   sub/c17-mut.bench   # one gate changed', `${C432} ${C432_OPT}`, ''].join('\n'),
    );
  });

  it('reports each pair in text and exits 1 when one pair is different', () => {
    const r = runWaterloo(['eq', '--pairs', pairs, '--match', 'position']);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^c17\.bench c17\.bench: equivalent \(exhaustive, \d+ ms\)$/);
    expect(lines[1]).toMatch(/^c17\.bench sub\/c17-mut\.bench: different \(exhaustive, \d+ ms\): output 2[23], counterexample [01]{5} /);
    expect(lines[2]).toMatch(/: equivalent \(sat, .*\d+ ms\)$/);
    expect(lines[2]!.startsWith(`${C432} ${C432_OPT}:`)).toBe(true);
  });

  it('--json prints one object per pair with a, b, line, and a counterexample that replays under waterloo sim', () => {
    const r = runWaterloo(['eq', '--pairs', pairs, '--match', 'position', '--json']);
    expect(r.code, r.stderr).toBe(1);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as PairJson);
    expect(rows.map((x) => [x.line, x.verdict])).toEqual([
      [2, 'equivalent'],
      [4, 'different'],
      [5, 'equivalent'],
    ]);
    expect(rows[0]).toMatchObject({ a: 'c17.bench', b: 'c17.bench', method: 'exhaustive' });
    expect(rows[2]).toMatchObject({ a: C432, b: C432_OPT, method: 'sat' });
    const d = rows[1]!;
    expect(d).toMatchObject({ a: 'c17.bench', b: 'sub/c17-mut.bench' });
    expect(d.counterexample).toMatch(/^[01]{5}$/);
    const va = simulatedOutput(join(dir, 'c17.bench'), d.outputIndex!, d.counterexample!);
    const vb = simulatedOutput(join(dir, 'sub', 'c17-mut.bench'), d.outputIndex!, d.counterexample!);
    expect(va).not.toBe(vb);
    expect([va, vb]).toEqual([d.valueA, d.valueB]);
  });

  it('exits 0 when every pair is equivalent, 4 when one is unknown and none different, 1 when one is different', () => {
    const f = join(dir, 'exit.txt');
    writeFileSync(f, 'c17.bench c17.bench\nc17.bench c17.bench\n');
    const ok = runWaterloo(['eq', '--pairs', f]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(2);
    // c6288 (a 16x16 multiplier) cannot be proved in a millisecond: unknown (time).
    writeFileSync(f, `c17.bench c17.bench\n${C6288} ${C6288_OPT}\n`);
    const unknown = runWaterloo(['eq', '--pairs', f, '--match', 'position', '--timeout', '0.001']);
    expect(unknown.code, unknown.stderr).toBe(4);
    expect(unknown.stdout).toMatch(/: unknown \(time, \d+ ms\)\n$/);
    writeFileSync(f, `${C6288} ${C6288_OPT}\nc17.bench sub/c17-mut.bench\n`);
    expect(runWaterloo(['eq', '--pairs', f, '--match', 'position', '--timeout', '0.001']).code).toBe(1);
  });

  it('a malformed line is a ParseError file:line:col (exit 3) before any pair is checked', () => {
    const f = join(dir, 'bad.txt');
    writeFileSync(f, 'c17.bench c17.bench\n# fine\n  c17.bench c17.bench extra\n');
    const r = runWaterloo(['eq', '--pairs', f]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:3:23: expected two circuit paths 'A B', found a third`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    writeFileSync(f, 'c17.bench\n');
    const one = runWaterloo(['eq', '--pairs', f]);
    expect(one.code).toBe(3);
    expect(one.stderr).toContain(`${f}:1:10: expected two circuit paths 'A B', found one`);
  });

  it('a missing circuit file stops the batch with exit 3 after reporting the pairs before it', () => {
    const f = join(dir, 'missing.txt');
    writeFileSync(f, 'c17.bench c17.bench\nc17.bench nothere.bench\nc17.bench c17.bench\n');
    const r = runWaterloo(['eq', '--pairs', f]);
    expect(r.code).toBe(3);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^c17\.bench c17\.bench: equivalent/)]);
    expect(r.stderr).toContain(`${f}:2: cannot check 'c17.bench nothere.bench'`);
    expect(r.stderr).toContain(`${join(dir, 'nothere.bench')}: cannot read (no such file)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(runWaterloo(['eq', '--pairs', join(dir, 'no-such-pairs.txt')]).code).toBe(3);
  });

  it('circuits that do not pair up stop the batch naming the pair; a file with no pairs is an error', () => {
    const f = join(dir, 'mismatch.txt');
    // c17 has 5 inputs, c432 36: matched by position they cannot pair up
    writeFileSync(f, `c17.bench c17.bench\nc17.bench ${join(ROOT, 'circuits', 'iscas85', 'c432.bench')}\n`);
    const r = runWaterloo(['eq', '--pairs', f, '--match', 'position']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2: cannot check`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '# nothing here\n\n');
    const e = runWaterloo(['eq', '--pairs', empty]);
    expect(e.code).toBe(3);
    expect(e.stderr).toContain('no pairs to check');
  });

  it('refuses circuit arguments and window options with exit 2', () => {
    expect(runWaterloo(['eq', '--pairs', pairs, C17]).code).toBe(2);
    expect(runWaterloo(['eq', '--pairs', pairs, '--window', '22', '--leaves', '1,2']).code).toBe(2);
    expect(runWaterloo(['eq', '--pairs', pairs, '--any-input-order']).code).toBe(2);
    expect(runWaterloo(['eq', '--pairs', pairs, '--inputs', '3']).code).toBe(2);
  });
});
