import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, parseBench } from '../../src/index.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

const MAJ3 = 'INPUT(a)\nINPUT(b)\nINPUT(c)\nOUTPUT(m)\nt1 = AND(a, b)\nt2 = AND(a, c)\nt3 = AND(b, c)\nm = OR(t1, t2, t3)\n';
// one gate mutated (t3 = b | c): m = b | c, which first differs from MAJ3 at minterm 2 (b = 1 alone): MAJ3 0, mutant 1
const MUTANT = MAJ3.replace('t3 = AND(b, c)', 't3 = OR(b, c)');

describe('waterloo eq CIRCUIT SPEC', () => {
  let dir: string, maj3: string, mutant: string;
  const specForms: [string, (d: string) => string[]][] = [
    ['--problem', () => ['--problem', 'maj:3']],
    ['--tt --inputs', () => ['--tt', 'e8', '--inputs', '3']],
    ['.truth (IWLS)', (d) => [join(d, 'maj3.truth')]],
    ['.hex', (d) => [join(d, 'maj3.hex')]],
    ['.tt', (d) => [join(d, 'maj3.tt')]],
  ];
  beforeAll(() => {
    dir = tempDir();
    maj3 = join(dir, 'maj3.bench');
    mutant = join(dir, 'mutant.bench');
    writeFileSync(maj3, MAJ3);
    writeFileSync(mutant, MUTANT);
    writeFileSync(join(dir, 'maj3.truth'), '11101000\n'); // IWLS: most significant minterm first
    writeFileSync(join(dir, 'maj3.hex'), 'inputs 3\ne8\n');
    writeFileSync(join(dir, 'maj3.tt'), 'e8\n'); // 2 hex digits: 3 inputs
  });

  for (const [form, args] of specForms) {
    it(`${form}: equivalent exits 0`, () => {
      const r = runWaterloo(['eq', maj3, ...args(dir)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^equivalent \(exhaustive\): .*maj3\.bench computes /);
    });

    it(`${form}: a mutated circuit is different (exit 1) with a counterexample that replays`, () => {
      const r = runWaterloo(['eq', mutant, ...args(dir), '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const j = JSON.parse(r.stdout) as { verdict: string; output: string; outputIndex: number; counterexample: string; minterm: number; expected: boolean; got: boolean };
      expect(j).toMatchObject({ verdict: 'different', output: 'm', outputIndex: 0, counterexample: '010', minterm: 2, expected: false, got: true });
      // replay on the mutant ourselves
      const c = parseBench(MUTANT, { fileName: 'mutant.bench' });
      expect(evaluate(c, [...j.counterexample].map((x) => x === '1'))[j.outputIndex]).toBe(j.got);
    });
  }

  it('the text verdict names the output, its index, expected and got values', () => {
    const r = runWaterloo(['eq', mutant, '--problem', 'maj:3']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`different: output m (index 0) is 1 in ${mutant} but maj:3 wants 0 for input 010 (x0 first; minterm 2)\n`);
  });

  it("respects the spec's don't-cares", () => {
    // MAJ3 and the mutant (b | c) differ on minterms 2 (010) and 4 (001 reversed: c alone): make both don't-care
    const dc = join(dir, 'maj3-dc.hex');
    writeFileSync(dc, 'inputs 3\ne8 care eb\n');
    const r = runWaterloo(['eq', mutant, dc]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/computes .* on its care set/);
    // a care set that keeps minterm 4 finds it
    writeFileSync(dc, 'inputs 3\ne8 care fb\n');
    const r2 = runWaterloo(['eq', mutant, dc, '--json']);
    expect(r2.code).toBe(1);
    expect(JSON.parse(r2.stdout)).toMatchObject({ verdict: 'different', minterm: 4, counterexample: '001', expected: false, got: true, dontCares: true });
  });

  it('different input or output counts exit 3 naming both counts', () => {
    const r = runWaterloo(['eq', maj3, '--problem', 'maj:5']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/maj3\.bench has 3 inputs but maj:5 has 5/);
    const r2 = runWaterloo(['eq', maj3, '--tt', 'e8,96', '--inputs', '3']);
    expect(r2.code).toBe(3);
    expect(r2.stderr).toMatch(/maj3\.bench has 1 output but tt:e8,96 has 2/);
  });

  it('usage errors: two specs, --tt without --inputs, --method sat', () => {
    expect(runWaterloo(['eq', maj3, '--problem', 'maj:3', '--tt', 'e8', '--inputs', '3']).code).toBe(2);
    expect(runWaterloo(['eq', maj3, '--tt', 'e8']).code).toBe(2);
    expect(runWaterloo(['eq', maj3, '--problem', 'maj:3', '--method', 'sat']).code).toBe(2);
    expect(runWaterloo(['eq', maj3]).code).toBe(2);
  });

  it('the two-circuit path stays light: it loads neither the spec reader nor the whole library', () => {
    // a module hook logs every module Node loads
    const log = join(dir, 'loaded.log');
    writeFileSync(join(dir, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function load(url, ctx, next) { appendFileSync(process.env.LOAD_LOG, url + '\\n'); return next(url, ctx); }\n");
    writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
    const env = { NODE_OPTIONS: `--import ${pathToFileURL(join(dir, 'register.mjs')).href}`, LOAD_LOG: log };
    const loaded = (args: string[]): string[] => {
      writeFileSync(log, '');
      expect(runWaterloo(args, { env }).code).toBeLessThan(2);
      return readFileSync(log, 'utf8').split('\n').filter((u) => /\/dist\/(index|cli\/spec-input)\.js$/.test(u));
    };
    expect(loaded(['eq', maj3, mutant])).toEqual([]);
    // the hook works: the spec path does load them
    expect(loaded(['eq', maj3, '--problem', 'maj:3']).length).toBe(2);
  });

  it('two circuit files still compare the circuits', () => {
    const r = runWaterloo(['eq', maj3, mutant]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^different: output m is 0 in A and 1 in B/);
  });
});
