import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import { gateFanins, validateCircuit } from '../../src/core/circuit.js';
import { GateKind } from '../../src/core/gate.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { ParseError, UnsupportedError } from '../../src/errors.js';
import { parseBench, writeBench } from '../../src/io/bench.js';
import { createFromFunction, fromHex, toHex } from '../../src/tt/truth-table.js';
import fc from 'fast-check';
import { writeAiger } from '../../src/io/aiger.js';
import { arbitraryCircuit } from '../helpers/arbitrary-circuit.js';
import { caught, errorFixtureTests, goldenFixtureTests, normaliseCircuit, sameFunctions, type ErrorExpectation } from '../helpers/fixtures.js';
import { abc, abcCecVerdict, abcIo, ABC_AVAILABLE, ABC_MISSING_REASON } from '../helpers/abc.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/bench');
const ISCAS = join(import.meta.dirname, '../../circuits/iscas85');

/** Seed of the random simulation that compares both sides of a round trip. */
const SIM_SEED = 7;

describe('parseBench golden fixtures', () => {
  goldenFixtureTests(FIXTURES, 8, (dir, name) => {
    const c = parseBench(readFileSync(join(dir, 'input.bench')), { fileName: `${name}/input.bench` });
    validateCircuit(c);
    return normaliseCircuit(c);
  });
});

describe('parseBench error fixtures', () => {
  const expected: Record<string, ErrorExpectation> = {
    'unknown-gate': [ParseError, 'unexpected-token'],
    'missing-paren': [ParseError, 'unexpected-token'],
    'not-two-inputs': [ParseError, 'unexpected-token'],
    'undefined-fanin': [ParseError, 'undefined-signal'],
    'undefined-output': [ParseError, 'undefined-signal'],
    'redefined-signal': [ParseError, 'redefinition'],
    'input-redefined': [ParseError, 'redefinition'],
    cycle: [ParseError, 'cycle'],
    'bad-lut-hex': [ParseError, 'bad-number'],
    'lut-too-long': [ParseError, 'bad-number'],
    'bad-utf8': [ParseError, 'bad-encoding'],
    dff: [UnsupportedError, 'latches'],
  };
  errorFixtureTests(FIXTURES, { expected }, (dir, name) => parseBench(readFileSync(join(dir, 'input.bench')), { fileName: `_error_/${name}/input.bench` }));
});

describe('parseBench semantics', () => {
  it('reads c17 with the NAND truth tables computed independently', () => {
    const c = parseBench(readFileSync(join(ISCAS, 'c17.bench'), 'utf8'), { fileName: 'c17.bench' });
    expect(c.inputNames).toEqual(['1', '2', '3', '6', '7']);
    expect(c.outputNames).toEqual(['22', '23']);
    expect(c.numGates).toBe(6);
    const nand = (a: boolean, b: boolean): boolean => !(a && b);
    const f = (m: number): [boolean, boolean] => {
      const [i1, i2, i3, i6, i7] = [0, 1, 2, 3, 4].map((k) => ((m >> k) & 1) === 1) as [boolean, boolean, boolean, boolean, boolean];
      const g10 = nand(i1, i3), g11 = nand(i3, i6), g16 = nand(i2, g11), g19 = nand(g11, i7);
      return [nand(g10, g16), nand(g16, g19)];
    };
    const tts = simulateTruthTables(c);
    expect(tts.map(toHex)).toEqual([0, 1].map((j) => toHex(createFromFunction(5, (m) => f(m)[j]!))));
  });

  it('maps NAND to a complemented AND and keeps signal names as gate names', () => {
    const c = parseBench('INPUT(a)\nINPUT(b)\nOUTPUT(g)\ng = NAND(a, b)\n');
    expect(c.numGates).toBe(1);
    expect(c.kinds[0]).toBe(GateKind.And);
    expect(Array.from(gateFanins(c, 0))).toEqual([2, 4]);
    expect(c.outputs[0]).toBe(7);
    expect(c.gateNames.get(0)).toBe('g');
  });

  it('maps OR/NOR to ANDs of complemented fanins and XNOR to a complemented XOR', () => {
    const c = parseBench('INPUT(a)\nINPUT(b)\nOUTPUT(o)\nOUTPUT(n)\nOUTPUT(x)\no = OR(a, b)\nn = NOR(a, b)\nx = XNOR(a, b)\n');
    expect(Array.from(c.kinds)).toEqual([GateKind.And, GateKind.And, GateKind.Xor]);
    expect(Array.from(gateFanins(c, 0))).toEqual([3, 5]);
    expect(Array.from(c.outputs)).toEqual([7, 8, 11]);
  });

  it('folds NOT and BUF into edges', () => {
    const c = parseBench('INPUT(a)\nOUTPUT(y)\nOUTPUT(z)\nt = NOT(a)\ny = BUFF(t)\nz = NOT(y)\n');
    expect(c.numGates).toBe(0);
    expect(Array.from(c.outputs)).toEqual([3, 2]);
  });

  it('reads LUT gates with the first fanin as x0 and accepts short tables', () => {
    const c = parseBench('INPUT(a)\nINPUT(b)\nINPUT(c)\nOUTPUT(g)\ng = LUT 0x2 ( a, b, c )\n');
    expect(c.kinds[0]).toBe(GateKind.Lut);
    expect(toHex(c.luts.get(0)!)).toBe('02');
    expect(toHex(simulateTruthTables(c)[0]!)).toBe('02'); // a & !b & !c: minterm 1
  });

  it('is case-insensitive for keywords and allows blanks everywhere', () => {
    const c = parseBench('input ( a )\n  Input(b)\noutput(g)\n g=and ( a ,b )  \n');
    expect(toHex(simulateTruthTables(c)[0]!)).toBe('8');
  });

  it('treats an empty file as the empty circuit', () => {
    const c = parseBench('');
    expect([c.numInputs, c.numGates, c.outputs.length]).toEqual([0, 0, 0]);
  });

  it('reports the use that closes a cycle and the first undefined use', () => {
    const cyc = caught(() => parseBench('INPUT(a)\nOUTPUT(g)\ng = AND(a, g)\n', { fileName: 'f.bench' }));
    expect(cyc.message).toBe("f.bench:3:12: combinational cycle: 'g' depends on itself through 'g'");
    const und = caught(() => parseBench('OUTPUT(g)\ng = NOT(u)\nh = NOT(v)\n'));
    expect(und.message).toBe("<stdin>:2:9: signal 'u' is used but never defined");
  });

  it('parses deep chains without recursion limits', () => {
    const n = 50_000;
    const lines = ['INPUT(a)', 'INPUT(b)', `OUTPUT(g${n})`, 'g0 = AND(a, b)'];
    // listed in reverse so the resolver has to go deep
    for (let i = n; i >= 1; i--) lines.push(`g${i} = XOR(g${i - 1}, a)`);
    const c = parseBench(lines.join('\n'));
    expect(c.numGates).toBe(n + 1);
  });
});

describe('ISCAS-85 circuits', () => {
  // ABC's `nd` counts NOT/BUFF gates as nodes; we fold them into edges
  const table: [string, number, number, number, number][] = [
    // name, PI, PO, ABC nd, NOT+BUFF lines
    ['c17', 5, 2, 6, 0],
    ['c432', 36, 7, 160, 40],
    ['c499', 41, 32, 202, 40],
    ['c880', 60, 26, 383, 89],
    ['c1355', 41, 32, 546, 72],
    ['c1908', 33, 25, 880, 439],
    ['c2670', 233, 140, 1193, 517],
    ['c3540', 50, 22, 1669, 713],
    ['c5315', 178, 123, 2307, 894],
    ['c6288', 32, 32, 2416, 32],
    ['c7552', 207, 108, 3512, 1410],
  ];
  for (const [name, pi, po, nd, inverters] of table) {
    it(`${name}: counts match ABC minus folded NOT/BUFF; write/parse round trip keeps functions`, () => {
      const text = readFileSync(join(ISCAS, `${name}.bench`), 'utf8');
      const c = parseBench(text, { fileName: `${name}.bench` });
      expect([c.numInputs, c.outputs.length, c.numGates]).toEqual([pi, po, nd - inverters]);
      expect((text.match(/=\s*(NOT|BUFF)\s*\(/g) ?? []).length).toBe(inverters);
      const back = parseBench(writeBench(c));
      expect(back.inputNames).toEqual(c.inputNames);
      expect(back.outputNames).toEqual(c.outputNames);
      expect(back.numGates).toBe(c.numGates);
      expect(sameFunctions(c, back, SIM_SEED)).toBe(true);
    });
  }
  it('c499 and c1355 compute the same functions by position', () => {
    const a = parseBench(readFileSync(join(ISCAS, 'c499.bench')));
    const b = parseBench(readFileSync(join(ISCAS, 'c1355.bench')));
    expect(sameFunctions(a, b, SIM_SEED)).toBe(true);
  });
});

describe('writeBench', () => {
  it('writes natural gate types and names', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y, z] = b.addInputs(3, ['x', 'y', 'z']);
    const and = b.addGate(GateKind.And, [x!, y!]);
    const nor = b.addGate(GateKind.And, [x! ^ 1, z! ^ 1]);
    const xor = b.addGate(GateKind.Xor, [x!, y! ^ 1, z!]);
    const maj = b.addGate(GateKind.Maj, [x!, y!, z!]);
    const or = b.op2(0xe, x!, z!);
    const lut = b.lut(fromHex('2', 2), [x!, y!]);
    b.nameGate(and, 'g_and');
    b.addOutput(and, 'o1');
    b.addOutput(nor, 'o2');
    b.addOutput(xor, 'o3');
    b.addOutput(maj ^ 1, 'o4');
    b.addOutput(or, 'o5');
    b.addOutput(lut, 'o6');
    b.addOutput(1, 'o7');
    b.addOutput(x!, 'o8');
    b.addOutput(and ^ 1, 'o9');
    const c = b.build();
    const text = writeBench(c);
    expect(text).toBe(
      [
        'INPUT(x)',
        'INPUT(y)',
        'INPUT(z)',
        'OUTPUT(o1)',
        'OUTPUT(o2)',
        'OUTPUT(o3)',
        'OUTPUT(o4)',
        'OUTPUT(o5)',
        'OUTPUT(o6)',
        'OUTPUT(o7)',
        'OUTPUT(o8)',
        'OUTPUT(o9)',
        'o1 = AND(x, y)',
        'o2 = NOR(x, z)',
        'o3_x1 = XOR(x, y)',
        'o3 = XNOR(o3_x1, z)',
        'o4 = LUT 0x17 ( x, y, z )',
        'o5 = OR(x, z)',
        'o6 = LUT 0x2 ( x, y )',
        'o7 = vdd',
        'o8 = BUF(x)',
        'o9 = NOT(o1)',
        '',
      ].join('\n'),
    );
    const back = parseBench(text);
    expect(back.outputNames).toEqual(c.outputNames);
    expect(simulateTruthTables(back).map(toHex)).toEqual(simulateTruthTables(c).map(toHex));
  });

  it('writes a gate used only complemented in negative polarity and adds NOT lines only where needed', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y] = b.addInputs(2, ['x', 'y']);
    const g = b.addGate(GateKind.And, [x!, y!]);
    const h = b.addGate(GateKind.And, [g ^ 1, x!]);
    const k = b.addGate(GateKind.And, [g ^ 1, y!]);
    const l = b.addGate(GateKind.And, [h ^ 1, k ^ 1]); // NOR form: uses h and k positively
    b.addOutput(l, 'l');
    b.addOutput(k ^ 1, 'nk');
    const text = writeBench(b.build());
    expect(text).toContain('n3 = NAND(x, y)');
    expect(text).toContain('n4 = AND(n3, x)');
    expect(text).toContain('n5 = AND(n3, y)');
    expect(text).toContain('l = NOR(n4, n5)');
    expect(text).toContain('nk = NOT(n5)');
    expect(text.match(/NOT/g)?.length).toBe(1);
  });

  it('keeps a name that denotes the complement of its gate when the gate is written complemented (OR read back as c1)', () => {
    const text = 'INPUT(a)\nINPUT(b)\nINPUT(c)\nOUTPUT(s)\nn1 = AND(a, b)\nn2 = AND(c, a)\nc1 = OR(n1, n2)\ns = AND(c1, b)\n';
    const out = writeBench(parseBench(text, { fileName: 't.bench' }));
    expect(out).toContain('c1 = OR(n1, n2)\n');
    expect(out).toContain('s = AND(c1, b)');
    expect(out).not.toMatch(/^n\d+ = OR/m);
  });
  it('never lets generated names collide with existing ones', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y] = b.addInputs(2, ['n3', 'n3_n']);
    const g = b.addGate(GateKind.And, [x!, y!]);
    const h = b.addGate(GateKind.And, [g, x! ^ 1]);
    b.addOutput(h, 'n4');
    b.addOutput(g ^ 1, 'n3');
    b.addOutput(g, 'weird name(1)');
    const c = b.build();
    const text = writeBench(c);
    const defined = text.split('\n').flatMap((l) => /^(\S+) = /.exec(l)?.[1] ?? /^INPUT\((.*)\)$/.exec(l)?.[1] ?? []);
    expect(new Set(defined).size).toBe(defined.length);
    const back = parseBench(text);
    expect(back.outputNames).toEqual(['n4', 'n3_1', 'weird_name_1_']);
    expect(simulateTruthTables(back).map(toHex)).toEqual(simulateTruthTables(c).map(toHex));
  });

  it('handles no inputs, no outputs, constant fanins and repeated fanins', () => {
    expect(writeBench(new CircuitBuilder().build())).toBe('\n');
    const b = new CircuitBuilder({ strash: false });
    const [x] = b.addInputs(1, ['x']);
    const g = b.addGate(GateKind.And, [x!, x!, 1]);
    const h = b.addGate(GateKind.Xor, [g, 1, x!]);
    const l = b.addGate(GateKind.Lut, [0, x! ^ 1], fromHex('6', 2));
    b.addOutput(g, 'g');
    b.addOutput(h, 'h');
    b.addOutput(l, 'l');
    b.addOutput(0, 'zero');
    const c = b.build();
    const back = parseBench(writeBench(c, { comment: 'corner cases' }));
    expect(simulateTruthTables(back).map(toHex)).toEqual(simulateTruthTables(c).map(toHex));
  });
});

describe.skipIf(!ABC_AVAILABLE)(`ABC interop (${ABC_AVAILABLE ? 'berkeley-abc found' : ABC_MISSING_REASON})`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'waterloo-bench-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  for (const name of ['c17', 'c432', 'c499', 'c880', 'c1355', 'c1908', 'c2670', 'c3540', 'c5315', 'c6288', 'c7552']) {
    it(`${name}: ABC reads our file and proves it equivalent to the original`, () => {
      const c = parseBench(readFileSync(join(ISCAS, `${name}.bench`)));
      const ours = join(tmp, `${name}.bench`);
      writeFileSync(ours, writeBench(c));
      const out = abc(`read ${ours}; print_stats; cec -n ${join(ISCAS, `${name}.bench`)} ${ours}`);
      expect(abcIo(out)).toEqual({ inputs: c.numInputs, outputs: c.outputs.length });
      expect(abcCecVerdict(out)).toBe('equivalent');
    });
  }

  it('reads the LUT networks ABC writes (if -K 6) to the same functions', () => {
    const src = join(ISCAS, 'c880.bench');
    const lutFile = join(tmp, 'c880-lut.bench');
    abc(`read ${src}; strash; if -K 6; write_bench ${lutFile}`);
    const text = readFileSync(lutFile, 'utf8');
    expect(text).toMatch(/LUT 0x[0-9a-f]+ \(/);
    const c = parseBench(text, { fileName: 'c880-lut.bench' });
    const nd = Number(/nd\s*=\s*(\d+)/.exec(abc(`read ${lutFile}; print_stats`))![1]);
    let luts = 0;
    for (let g = 0; g < c.numGates; g++) if (c.kinds[g] === GateKind.Lut) luts++;
    expect(luts).toBeLessThanOrEqual(nd);
    expect(sameFunctions(c, parseBench(readFileSync(src)), SIM_SEED)).toBe(true);
  });

  it('ABC reads constants, inverted outputs, MAJ and LUT lines we write', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y, z] = b.addInputs(3, ['x', 'y', 'z']);
    const m = b.addGate(GateKind.Maj, [x!, y! ^ 1, z!]);
    const l = b.lut(fromHex('96', 3), [x!, y!, z!]);
    const a = b.addGate(GateKind.And, [m, l ^ 1, 1]);
    b.addOutput(a ^ 1, 'na');
    b.addOutput(1, 'one');
    b.addOutput(0, 'zero');
    b.addOutput(y!, 'y');
    b.addOutput(m, 'm');
    const c = b.build();
    const file = join(tmp, 'mixed.bench');
    writeFileSync(file, writeBench(c));
    // compare through a BLIF-free route: ABC writes its reading back as BENCH, which we parse
    const again = join(tmp, 'mixed-abc.bench');
    const out = abc(`read ${file}; print_stats; write_bench ${again}`);
    expect(abcIo(out)).toEqual({ inputs: 3, outputs: 5 });
    const back = parseBench(readFileSync(again));
    expect(back.outputNames).toEqual(c.outputNames);
    expect(simulateTruthTables(back).map(toHex)).toEqual(simulateTruthTables(c).map(toHex));
  });

  it('random circuits (corner cases included): ABC reads our BENCH and proves it equivalent to our AIGER', () => {
    const seed = 0xabc1;
    const circuits = fc.sample(arbitraryCircuit({ minInputs: 1, minOutputs: 1, maxGates: 30 }), { seed, numRuns: 30 });
    circuits.forEach((c, i) => {
      const aig = join(tmp, `r${i}.aig`);
      const ours = join(tmp, `r${i}.bench`);
      writeFileSync(aig, writeAiger(c, { binary: true }));
      writeFileSync(ours, writeBench(c));
      const out = abc(`read ${ours}; print_stats; cec -n ${aig} ${ours}`);
      expect(abcIo(out), `fast-check seed ${seed}, circuit ${i}`).toEqual({ inputs: c.numInputs, outputs: c.outputs.length });
      expect(abcCecVerdict(out), `fast-check seed ${seed}, circuit ${i}:\n${out}`).toBe('equivalent');
    });
  });
});
