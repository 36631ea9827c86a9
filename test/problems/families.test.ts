import { describe, expect, it } from 'vitest';
import { PROBLEM_FAMILIES, parseProblem, familyByName, bitWidth } from '../../src/problems/index.js';
import type { ProblemInstance } from '../../src/problems/index.js';
import { toHex } from '../../src/tt/truth-table.js';
import { UsageError } from '../../src/errors.js';

/** Independent brute-force reference: the value of every output at every minterm, with validity. */
function reference(name: string): { n: number; outs: (m: number) => number[]; valid?: (m: number) => boolean } {
  const [fam, ...ps] = name.split(':');
  const p = ps.map(Number);
  const ones = (m: number): number => [...m.toString(2)].filter((c) => c === '1').length;
  const bits = (v: number, w: number): number[] => Array.from({ length: w }, (_, j) => (v >> j) & 1);
  const split = (k: number) => (m: number) => [m % 2 ** k, Math.floor(m / 2 ** k)] as const;
  switch (fam) {
    case 'and': return { n: p[0]!, outs: (m) => [ones(m) === p[0] ? 1 : 0] };
    case 'or': return { n: p[0]!, outs: (m) => [m > 0 ? 1 : 0] };
    case 'xor': return { n: p[0]!, outs: (m) => [ones(m) & 1] };
    case 'maj': return { n: p[0]!, outs: (m) => [ones(m) > p[0]! - ones(m) ? 1 : 0] };
    case 'thr': return { n: p[0]!, outs: (m) => [ones(m) >= p[1]! ? 1 : 0] };
    case 'exact': return { n: p[0]!, outs: (m) => [ones(m) === p[1]! ? 1 : 0] };
    case 'mod3': return { n: p[0]!, outs: (m) => [ones(m) % 3 === p[1]! ? 1 : 0] };
    case 'mod': return { n: p[1]!, outs: (m) => [ones(m) % p[0]! === p[2]! ? 1 : 0] };
    case 'sum': return { n: p[0]!, outs: (m) => bits(ones(m), Math.ceil(Math.log2(p[0]! + 1))) };
    case 'sort': {
      const n = p[0]!;
      // sort the bits ascending: output j is the j-th smallest bit
      return { n, outs: (m) => bits(m, n).sort((a, b) => a - b) };
    }
    case 'fa': return { n: 3, outs: (m) => { const s = ones(m); return [s & 1, s >> 1]; } };
    case 'add': { const k = p[0]!; return { n: 2 * k, outs: (m) => { const [a, b] = split(k)(m); return bits(a + b, k + 1); } }; }
    case 'mul': { const k = p[0]!; return { n: 2 * k, outs: (m) => { const [a, b] = split(k)(m); return bits(a * b, 2 * k); } }; }
    case 'cmp': { const k = p[0]!; return { n: 2 * k, outs: (m) => { const [a, b] = split(k)(m); return [a < b ? 1 : 0]; } }; }
    case 'eq': { const k = p[0]!; return { n: 2 * k, outs: (m) => { const [a, b] = split(k)(m); return [a === b ? 1 : 0]; } }; }
    case 'mux': {
      const k = p[0]!;
      return { n: k + 2 ** k, outs: (m) => { const s = m % 2 ** k; const d = Math.floor(m / 2 ** k); return [(d >> s) & 1]; } };
    }
    case 'tt': { const n = p[0]!, t = parseInt(ps[1]!, 16); return { n, outs: (m) => [Math.floor(t / 2 ** m) % 2] }; }
    case 'addmod': {
      const q = p[0]!, w = Math.ceil(Math.log2(q));
      return { n: 2 * w, outs: (m) => { const [a, b] = split(w)(m); return bits((a + b) % q, w); }, valid: (m) => { const [a, b] = split(w)(m); return a < q && b < q; } };
    }
  }
  throw new Error(`no reference for ${name}`);
}

function checkAgainstReference(inst: ProblemInstance): void {
  const ref = reference(inst.name);
  expect(inst.spec.numInputs).toBe(ref.n);
  expect(inst.inputNames.length).toBe(ref.n);
  expect(inst.outputNames.length).toBe(inst.spec.outputs.length);
  for (let m = 0; m < 2 ** ref.n; m++) {
    const want = ref.outs(m);
    expect(inst.spec.outputs.length).toBe(want.length);
    const valid = ref.valid ? ref.valid(m) : true;
    want.forEach((v, j) => {
      const care = inst.spec.care?.[j];
      expect(care ? care.get(m) : true, `${inst.name} care output ${j} minterm ${m}`).toBe(valid);
      if (valid) expect(inst.spec.outputs[j]!.get(m) ? 1 : 0, `${inst.name} output ${j} minterm ${m}`).toBe(v);
    });
  }
}

const INSTANCES = [
  'and:1', 'and:4', 'or:3', 'xor:1', 'xor:5', 'maj:1', 'maj:3', 'maj:5', 'maj:7', 'thr:4:0', 'thr:4:2', 'thr:5:5', 'exact:4:2', 'exact:5:0',
  'mod3:4:0', 'mod3:4:1', 'mod3:5:2', 'mod:4:5:1', 'mod:2:4:1', 'sum:1', 'sum:3', 'sum:4', 'sum:7', 'sort:1', 'sort:4', 'sort:5',
  'fa', 'add:1', 'add:3', 'mul:2', 'mul:3', 'cmp:1', 'cmp:3', 'eq:2', 'mux:1', 'mux:2', 'addmod:2', 'addmod:3', 'addmod:5', 'addmod:7', 'addmod:8',
  'tt:0:1', 'tt:1:2', 'tt:2:6', 'tt:3:e8', 'tt:4:6996', 'tt:5:fffe0001', 'tt:5:80000001',
];

describe('problem families', () => {
  it.each(INSTANCES)('%s matches a brute-force formula', (name) => checkAgainstReference(parseProblem(name)));

  it('hex conventions: MAJ3 = e8, XOR3 = 96, AND2 = 8, fa = [96, e8]', () => {
    expect(toHex(parseProblem('maj:3').spec.outputs[0]!)).toBe('e8');
    expect(toHex(parseProblem('xor:3').spec.outputs[0]!)).toBe('96');
    expect(toHex(parseProblem('and:2').spec.outputs[0]!)).toBe('8');
    expect(parseProblem('fa').spec.outputs.map(toHex)).toEqual(['96', 'e8']);
    expect(parseProblem('thr:3:2').spec.outputs.map(toHex)).toEqual(['e8']);
    expect(parseProblem('sort:3').spec.outputs.map(toHex)).toEqual(['80', 'e8', 'fe']);
    // a0 = x0, b0 = x1: a < b only at a=0, b=1 (minterm 2)
    expect(toHex(parseProblem('cmp:1').spec.outputs[0]!)).toBe('4');
    expect(parseProblem('add:2').inputNames).toEqual(['a0', 'a1', 'b0', 'b1']);
    expect(parseProblem('mux:1').inputNames).toEqual(['s0', 'd0', 'd1']);
    expect(toHex(parseProblem('mux:1').spec.outputs[0]!)).toBe('e4');
  });

  it('aliases, names and the registry', () => {
    expect(parseProblem('parity:3').name).toBe('xor:3');
    expect(parseProblem(' MAJ:5 ').name).toBe('maj:5');
    expect(familyByName('parity')?.name).toBe('xor');
    for (const [name, info] of Object.entries(PROBLEM_FAMILIES)) {
      expect(info.name).toBe(name);
      expect(info.syntax.split(':')[0]).toBe(name);
      expect(info.syntax.split(':').length - 1).toBe(info.params.length);
      expect(info.description.length).toBeGreaterThan(10);
    }
    expect(bitWidth(0)).toBe(1);
    expect(bitWidth(4)).toBe(3);
    expect(parseProblem('addmod:4').spec.care).toBeUndefined();
    expect(parseProblem('addmod:3').spec.care).toBeDefined();
  });

  it('tt:n:HEX: any function by its table, spelled lower-case with 2^n/4 digits (at least one)', () => {
    expect(parseProblem('tt:3:E8').name).toBe('tt:3:e8');
    expect(parseProblem('tt:3:0e8').name).toBe('tt:3:e8');
    expect(parseProblem('tt:3:00000000000000e8').name).toBe('tt:3:e8');
    expect(parseProblem('tt:4:1').name).toBe('tt:4:0001');
    expect(parseProblem('tt:1:1').name).toBe('tt:1:1');
    expect(parseProblem('tt:5:e8').name).toBe('tt:5:000000e8');
    expect(toHex(parseProblem('tt:3:e8').spec.outputs[0]!)).toBe(toHex(parseProblem('maj:3').spec.outputs[0]!));
    const p = parseProblem('tt:4:6996');
    expect([p.family, p.params, p.inputNames, p.outputNames]).toEqual(['tt', [4, 0x6996], ['x0', 'x1', 'x2', 'x3'], ['f']]);
  });

  it('refuses bad names and parameters with UsageError', () => {
    const codes: [string, string][] = [
      ['nope:3', 'unknown-problem'], ['', 'unknown-problem'], ['maj:4', 'bad-problem'], ['maj', 'bad-problem'], ['maj:3:1', 'bad-problem'],
      ['thr:3:5', 'bad-problem'], ['exact:2:3', 'bad-problem'], ['mod3:4:3', 'bad-problem'], ['mod:3:4:3', 'bad-problem'], ['mod:1:4:0', 'bad-problem'],
      ['xor:0', 'bad-problem'], ['xor:x', 'bad-problem'], ['xor:-1', 'bad-problem'], ['xor:2.5', 'bad-problem'], ['xor:21', 'bad-problem'],
      ['tt:3', 'bad-problem'], ['tt:3:1e8', 'bad-problem'], ['tt:2:10', 'bad-problem'], ['tt:0:2', 'bad-problem'], ['tt:3:g8', 'bad-problem'],
      ['tt:3:-1', 'bad-problem'], ['tt:6:0', 'bad-problem'], ['tt:3:', 'bad-problem'],
      ['mul:11', 'bad-problem'], ['mux:5', 'bad-problem'], ['fa:1', 'bad-problem'], ['addmod:1', 'bad-problem'], ['addmod:2000', 'bad-problem'],
    ];
    for (const [text, code] of codes) {
      let err: unknown;
      try {
        parseProblem(text);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(UsageError);
      expect((err as UsageError).code, text).toBe(code);
    }
    expect(() => parseProblem('maj:4')).toThrow(/thr:4:2.*thr:4:3/);
  });
});
