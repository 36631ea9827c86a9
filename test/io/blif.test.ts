import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import { validateCircuit } from '../../src/core/circuit.js';
import { GateKind } from '../../src/core/gate.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { ParseError, UnsupportedError } from '../../src/errors.js';
import { parseAiger, writeAiger } from '../../src/io/aiger.js';
import { parseBlif, writeBlif } from '../../src/io/blif.js';
import { createFromFunction, fromHex, toHex } from '../../src/tt/truth-table.js';
import fc from 'fast-check';
import { arbitraryCircuit } from '../helpers/arbitrary-circuit.js';
import { errorFixtureTests, goldenFixtureTests, normaliseCircuit, sameFunctions, type ErrorExpectation } from '../helpers/fixtures.js';
import { abc, abcCecVerdict, abcIo, ABC_AVAILABLE, ABC_MISSING_REASON } from '../helpers/abc.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/blif');
const EPFL = join(import.meta.dirname, '../../circuits/epfl');

/** The EPFL suite's .aig for a BLIF file (`best_results_size/adder_size_2022.blif` -> `arithmetic/adder.aig`). */
function aigOf(f: string): string {
  const base = f.split('/')[1]!.replace(/(_size_\d+)?\.blif$/, '');
  const dir = readdirSync(join(EPFL, 'arithmetic')).includes(`${base}.aig`) ? 'arithmetic' : 'random_control';
  return join(EPFL, dir, `${base}.aig`);
}

/** Seed of the random simulation that compares both sides of a round trip. */
const SIM_SEED = 11;

describe('parseBlif golden fixtures', () => {
  goldenFixtureTests(FIXTURES, 9, (dir, name) => {
    const c = parseBlif(readFileSync(join(dir, 'input.blif')), { fileName: `${name}/input.blif` });
    validateCircuit(c);
    return normaliseCircuit(c);
  });
});

describe('parseBlif error fixtures', () => {
  const expected: Record<string, ErrorExpectation> = {
    'bad-cover-char': [ParseError, 'unexpected-token'],
    'cover-width': [ParseError, 'unexpected-token'],
    'mixed-cover': [ParseError, 'unexpected-token'],
    'row-without-names': [ParseError, 'unexpected-token'],
    'unknown-directive': [ParseError, 'unexpected-token'],
    'names-without-output': [ParseError, 'unexpected-token'],
    'missing-output-column': [ParseError, 'unexpected-token'],
    'undefined-fanin': [ParseError, 'undefined-signal'],
    'undefined-output': [ParseError, 'undefined-signal'],
    redefined: [ParseError, 'redefinition'],
    cycle: [ParseError, 'cycle'],
    'trailing-continuation': [ParseError, 'unexpected-eof'],
    'bad-utf8': [ParseError, 'bad-encoding'],
    latch: [UnsupportedError, 'latches'],
    mlatch: [UnsupportedError, 'latches'],
    subckt: [UnsupportedError, 'subckt'],
    gate: [UnsupportedError, 'library-gate'],
    exdc: [UnsupportedError, 'exdc'],
  };
  errorFixtureTests(FIXTURES, { expected }, (dir, name) => parseBlif(readFileSync(join(dir, 'input.blif')), { fileName: `_error_/${name}/input.blif` }));
});

describe('parseBlif semantics', () => {
  it('computes LUT tables from ON-set covers with don\'t cares (x_j = column j)', () => {
    const c = parseBlif('.model m\n.inputs a b c\n.outputs y\n.names a b c y\n1-0 1\n.end\n');
    expect(c.kinds[0]).toBe(GateKind.Lut);
    expect(toHex(c.luts.get(0)!)).toBe(toHex(createFromFunction(3, (m) => (m & 1) === 1 && (m & 4) === 0)));
    expect(c.gateNames.get(0)).toBe('y');
  });

  it('reads OFF-set covers as the complement', () => {
    const c = parseBlif('.model m\n.inputs a b\n.outputs y\n.names a b y\n11 0\n.end\n');
    expect(toHex(simulateTruthTables(c)[0]!)).toBe('7');
  });

  it('folds buffers and inverters, reads constants as constant literals', () => {
    const c = parseBlif('.inputs a\n.outputs y z one zero\n.names a y\n1 1\n.names y z\n0 1\n.names one\n1\n.names zero\n');
    expect(c.numGates).toBe(0);
    expect(Array.from(c.outputs)).toEqual([2, 3, 1, 0]);
  });

  it('builds nodes with more than 8 inputs as AND/OR logic', () => {
    const c = parseBlif(readFileSync(join(FIXTURES, 'wide-sop/input.blif')));
    for (let g = 0; g < c.numGates; g++) expect(c.kinds[g]).toBe(GateKind.And);
    const [on, off, single] = simulateTruthTables(c);
    expect(toHex(on!)).toBe(toHex(createFromFunction(9, (m) => m === 511 || ((m & 1) === 0 && (m & 256) === 0))));
    expect(toHex(off!)).toBe(toHex(createFromFunction(9, (m) => (m & 3) === 0)));
    expect(toHex(single!)).toBe(toHex(createFromFunction(9, (m) => (m & 16) === 0)));
  });

  it('reads only the first model', () => {
    const c = parseBlif(readFileSync(join(FIXTURES, 'multi-model/input.blif')));
    expect(c.inputNames).toEqual(['a', 'b']);
    expect(c.outputNames).toEqual(['y']);
  });

  it('accepts files without .model and .end', () => {
    const c = parseBlif('.inputs a b\n.outputs y\n.names a b y\n11 1');
    expect(toHex(simulateTruthTables(c)[0]!)).toBe('8');
  });

  it('parses deep unordered chains without recursion limits', () => {
    const n = 50_000;
    const lines = ['.inputs a', `.outputs g${n}`];
    for (let i = n; i >= 1; i--) lines.push(`.names g${i - 1} a g${i}`, '10 1', '01 1');
    lines.push('.names a g0', '0 1');
    const c = parseBlif(lines.join('\n'));
    expect(c.numGates).toBe(n);
  });
});

describe('EPFL BLIF files', () => {
  // [file, PI, PO, our gate count, ABC nd as read]; the difference is the
  // buffers, inverters and constant nodes we fold into literals
  const table: [string, number, number, number, number][] = [
    ['blif/adder.blif', 256, 129, 1020, 1020],
    ['blif/cavlc.blif', 10, 11, 693, 693],
    ['blif/ctrl.blif', 7, 26, 174, 175],
    ['blif/dec.blif', 8, 256, 304, 304],
    ['blif/i2c.blif', 147, 142, 1342, 1357],
    ['blif/int2float.blif', 11, 7, 260, 260],
    ['blif/priority.blif', 128, 8, 978, 978],
    ['blif/router.blif', 60, 30, 257, 284],
    ['best_results_size/adder_size_2022.blif', 256, 129, 129, 132],
    ['best_results_size/bar_size_2015.blif', 135, 128, 512, 512],
    ['best_results_size/cavlc_size_2024.blif', 10, 11, 49, 49],
    ['best_results_size/ctrl_size_2023.blif', 7, 26, 25, 26],
    ['best_results_size/dec_size_2018.blif', 8, 256, 264, 264],
    ['best_results_size/i2c_size_2024.blif', 147, 142, 175, 190],
    ['best_results_size/int2float_size_2024.blif', 11, 7, 18, 18],
    ['best_results_size/max_size_2024.blif', 512, 130, 511, 511],
    ['best_results_size/multiplier_size_2024.blif', 128, 128, 4314, 4444],
    ['best_results_size/priority_size_2024.blif', 128, 8, 92, 102],
    ['best_results_size/router_size_2024.blif', 60, 30, 18, 46],
    ['best_results_size/sin_size_2024.blif', 24, 25, 1023, 1050],
    ['best_results_size/voter_size_2024.blif', 1001, 1, 1166, 1166],
  ];
  it('covers every file', () => {
    const all = ['blif', 'best_results_size'].flatMap((d) => readdirSync(join(EPFL, d)).filter((f) => f.endsWith('.blif')).map((f) => `${d}/${f}`));
    expect(all.sort()).toEqual(table.map((r) => r[0]).sort());
  });
  for (const [file, pi, po, gates] of table) {
    it(`${file}: counts, equivalence to the .aig by position, write/parse round trip`, () => {
      const c = parseBlif(readFileSync(join(EPFL, file)), { fileName: file });
      expect([c.numInputs, c.outputs.length, c.numGates]).toEqual([pi, po, gates]);
      const orig = parseAiger(readFileSync(aigOf(file)));
      expect(sameFunctions(c, orig, SIM_SEED)).toBe(true);
      const back = parseBlif(writeBlif(c));
      expect(back.inputNames).toEqual(c.inputNames);
      expect(back.outputNames).toEqual(c.outputNames);
      expect(sameFunctions(c, back, SIM_SEED)).toBe(true);
    });
  }
});

describe('writeBlif', () => {
  it('writes each gate as one cover and outputs as aliases where needed', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y, z] = b.addInputs(3, ['x', 'y', 'z']);
    const and = b.addGate(GateKind.And, [x!, y! ^ 1]);
    const xor = b.addGate(GateKind.Xor, [x!, z! ^ 1]);
    const maj = b.addGate(GateKind.Maj, [x!, y!, z!]);
    const or = b.op2(0xe, x!, z!);
    b.addOutput(and, 'o1');
    b.addOutput(xor, 'o2');
    b.addOutput(maj ^ 1, 'o3');
    b.addOutput(or, 'o4');
    b.addOutput(1, 'o5');
    b.addOutput(0, 'o6');
    b.addOutput(x!, 'o7');
    b.addOutput(x!, 'x');
    const c = b.build();
    const text = writeBlif(c, { modelName: 'demo' });
    expect(text).toBe(
      [
        '.model demo',
        '.inputs x y z',
        '.outputs o1 o2 o3 o4 o5 o6 o7 x',
        '.names x y o1',
        '10 1',
        '.names x z o2',
        '00 1',
        '11 1',
        '.names x y z n6',
        '110 1',
        '101 1',
        '011 1',
        '111 1',
        '.names x z o4',
        '00 0',
        '.names n6 o3',
        '0 1',
        '.names o5',
        '1',
        '.names o6',
        '.names x o7',
        '1 1',
        '.end',
        '',
      ].join('\n'),
    );
    const back = parseBlif(text);
    expect(back.outputNames).toEqual(c.outputNames);
    expect(simulateTruthTables(back).map(toHex)).toEqual(simulateTruthTables(c).map(toHex));
  });

  it('folds constant, repeated and contradictory fanins; splits wide XORs; wraps long lines', () => {
    const b = new CircuitBuilder({ strash: false });
    const xs = b.addInputs(14, Array.from({ length: 14 }, (_, i) => `a_rather_long_input_name_${i}`));
    b.addOutput(b.addGate(GateKind.And, [xs[0]!, xs[0]!, 1]), 'rep');
    b.addOutput(b.addGate(GateKind.And, [xs[0]!, xs[0]! ^ 1]), 'contra');
    b.addOutput(b.addGate(GateKind.Xor, xs), 'parity');
    b.addOutput(b.addGate(GateKind.Xor, [xs[1]!, xs[1]!, 1]), 'xconst');
    b.addOutput(b.addGate(GateKind.Lut, [0, xs[2]!, xs[2]! ^ 1], fromHex('e8', 3)), 'lut');
    const c = b.build();
    const text = writeBlif(c);
    expect(text.split('\n').every((l) => l.length <= 80)).toBe(true);
    expect(text).toMatch(/ \\\n/);
    const back = parseBlif(text);
    expect(sameFunctions(c, back, SIM_SEED)).toBe(true);
  });

  it('handles the empty circuit and bad characters in names', () => {
    expect(parseBlif(writeBlif(new CircuitBuilder().build())).numInputs).toBe(0);
    const b = new CircuitBuilder({ strash: false });
    const [x] = b.addInputs(1, ['has space#and hash\\']);
    b.addOutput(x! ^ 1, 'out put');
    const back = parseBlif(writeBlif(b.build()));
    expect(back.inputNames).toEqual(['has_space_and_hash\\_']);
    expect(back.outputNames).toEqual(['out_put']);
  });
});

describe.skipIf(!ABC_AVAILABLE)(`ABC interop (${ABC_AVAILABLE ? 'berkeley-abc found' : ABC_MISSING_REASON})`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'waterloo-blif-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  // multiplier, sin and voter are too hard for a quick `cec`; they are checked by simulation above
  const files = [
    'blif/adder.blif',
    'blif/cavlc.blif',
    'blif/ctrl.blif',
    'blif/dec.blif',
    'blif/i2c.blif',
    'blif/int2float.blif',
    'blif/priority.blif',
    'blif/router.blif',
    'best_results_size/adder_size_2022.blif',
    'best_results_size/bar_size_2015.blif',
    'best_results_size/cavlc_size_2024.blif',
    'best_results_size/ctrl_size_2023.blif',
    'best_results_size/dec_size_2018.blif',
    'best_results_size/i2c_size_2024.blif',
    'best_results_size/int2float_size_2024.blif',
    'best_results_size/max_size_2024.blif',
    'best_results_size/priority_size_2024.blif',
    'best_results_size/router_size_2024.blif',
  ];
  for (const file of files) {
    it(`${file}: ABC reads our BLIF and proves it equivalent to the original .aig by position`, () => {
      const c = parseBlif(readFileSync(join(EPFL, file)));
      const ours = join(tmp, file.replace('/', '-'));
      writeFileSync(ours, writeBlif(c));
      const out = abc(`read ${ours}; print_stats; cec -n ${aigOf(file)} ${ours}`);
      expect(abcIo(out)).toEqual({ inputs: c.numInputs, outputs: c.outputs.length });
      expect(abcCecVerdict(out)).toBe('equivalent');
    });
  }

  it('random circuits (corner cases included): ABC reads our BLIF and proves it equivalent to our AIGER', () => {
    const seed = 0xabc2;
    const circuits = fc.sample(arbitraryCircuit({ minInputs: 1, minOutputs: 1, maxGates: 30 }), { seed, numRuns: 30 });
    circuits.forEach((c, i) => {
      const aig = join(tmp, `r${i}.aig`);
      const ours = join(tmp, `r${i}.blif`);
      writeFileSync(aig, writeAiger(c, { binary: true }));
      writeFileSync(ours, writeBlif(c));
      const out = abc(`read ${ours}; print_stats; cec -n ${aig} ${ours}`);
      expect(abcIo(out), `fast-check seed ${seed}, circuit ${i}`).toEqual({ inputs: c.numInputs, outputs: c.outputs.length });
      expect(abcCecVerdict(out), `fast-check seed ${seed}, circuit ${i}:\n${out}`).toBe('equivalent');
    });
  });
});
