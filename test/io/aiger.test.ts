import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import { validateCircuit, type Circuit } from '../../src/core/circuit.js';
import { GateKind } from '../../src/core/gate.js';
import { simulateRandom, simulateTruthTables } from '../../src/core/simulate.js';
import { ParseError, UnsupportedError, WaterlooError } from '../../src/errors.js';
import { parseAiger, parseAigerDetailed, writeAiger } from '../../src/io/aiger.js';
import { fromBinary, fromHex, toHex } from '../../src/tt/truth-table.js';
import { caught, errorFixtureTests, goldenFixtureTests } from '../helpers/fixtures.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/aiger');
const EXAMPLES = join(import.meta.dirname, '../../circuits/aiger_examples');
const EPFL = join(import.meta.dirname, '../../circuits/epfl');

function inputFile(dir: string): string {
  return readdirSync(dir).find((f) => f.startsWith('input.'))!;
}

/** Normalised view of a parsed circuit for golden files. */
function normalise(c: Circuit, comment: string | undefined): object {
  const ands: string[] = [];
  for (let g = 0; g < c.numGates; g++) ands.push(`${2 * (c.numInputs + 1 + g)} = ${c.fanins[2 * g]} & ${c.fanins[2 * g + 1]}`);
  return {
    numInputs: c.numInputs,
    numOutputs: c.outputs.length,
    numGates: c.numGates,
    inputNames: c.inputNames,
    outputNames: c.outputNames,
    outputs: Array.from(c.outputs),
    ands,
    truthTables: c.numInputs <= 16 ? simulateTruthTables(c).map(toHex) : 'too many inputs',
    comment: comment ?? null,
  };
}

describe('parseAiger golden fixtures', () => {
  goldenFixtureTests(FIXTURES, 17, (dir) => {
    const file = inputFile(dir);
    const { circuit, comment } = parseAigerDetailed(readFileSync(join(dir, file)), { fileName: file });
    validateCircuit(circuit);
    return normalise(circuit, comment);
  });

  it('computes the documented functions of the AIGER examples', () => {
    const tts = (f: string): string[] => simulateTruthTables(parseAiger(readFileSync(join(EXAMPLES, f)))).map(toHex);
    expect(tts('and.aag')).toEqual(['8']);
    expect(tts('or.aag')).toEqual(['e']);
    expect(tts('buffer.aag')).toEqual(['2']);
    expect(tts('inverter.aag')).toEqual(['1']);
    expect(tts('false.aag')).toEqual(['0']);
    expect(tts('true.aag')).toEqual(['1']);
    expect(tts('empty.aag')).toEqual([]);
    expect(tts('halfadder.aag')).toEqual(['6', '8']);
    expect(tts('xor1.aag')).toEqual(['6']);
    expect(tts('xorxormiter.aag')).toEqual(['0']);
  });

  it('keeps names and comment of the half adder', () => {
    const r = parseAigerDetailed(readFileSync(join(EXAMPLES, 'halfadder.aag')), { fileName: 'halfadder.aag' });
    expect(r.circuit.inputNames).toEqual(['x', 'y']);
    expect(r.circuit.outputNames).toEqual(['s', 'c']);
    expect(r.comment).toBe('half adder');
    expect(r.header).toMatchObject({ format: 'aag', maxVar: 7, numInputs: 2, numLatches: 0, numOutputs: 2, numAnds: 3 });
  });

  it('sorts out-of-order ANDs and keeps file order when already topological', () => {
    const c = parseAiger('aag 5 1 0 1 2\n2\n10\n10 8 3\n8 2 3\n');
    expect(Array.from(c.fanins)).toEqual([2, 3, 4, 3]);
    expect(Array.from(c.outputs)).toEqual([6]);
    const d = parseAiger('aag 5 1 0 1 2\n2\n10\n8 2 3\n10 8 3\n');
    expect(Array.from(d.fanins)).toEqual([2, 3, 4, 3]);
  });
});

describe('parseAiger refuses sequential AIGER', () => {
  for (const f of ['toggle.aag', 'toggle-re.aag', 'cnt1.aag', 'cnt1e.aag', 'notcnt1.aag', 'notcnt1e.aag']) {
    it(f, () => {
      const e = caught(() => parseAiger(readFileSync(join(EXAMPLES, f)), { fileName: f }));
      expect(e).toBeInstanceOf(UnsupportedError);
      expect(e.code).toBe('latches');
      expect(e.message).toMatch(new RegExp(`^${f}:1:\\d+: can not handle latches`));
    });
  }
});

describe('parseAiger error fixtures', () => {
  const check = async (e: WaterlooError, dir: string): Promise<void> => {
    expect(e instanceof ParseError || e instanceof UnsupportedError).toBe(true);
    if (e instanceof ParseError) expect(e.toString()).toBe(`${e.file}:${e.line}:${e.column}: ${e.reason}`);
    await expect(`${e.name} ${e.code}\n`).toMatchFileSnapshot(join(dir, 'code.txt'));
  };
  errorFixtureTests(FIXTURES, { minCases: 50, check }, (dir) => {
    const file = inputFile(dir);
    return parseAiger(readFileSync(join(dir, file)), { fileName: file });
  });
});

describe('parseAiger inputs', () => {
  it('reads ASCII from a string and binary from a latin1 string', () => {
    const bytes = readFileSync(join(FIXTURES, 'halfadder-abc-binary/input.aig'));
    const a = parseAiger(bytes);
    const b = parseAiger(bytes.toString('latin1'));
    expect(b).toEqual(a);
    expect(parseAiger(readFileSync(join(EXAMPLES, 'halfadder.aag'), 'utf8')).outputNames).toEqual(['s', 'c']);
  });

  it('refuses a binary AIGER string with characters above 0xff', () => {
    const e = caught(() => parseAiger('aig 1 1 0 1 0\n2\nc\n\u2603\n', { fileName: 'x.aig' }));
    expect(e).toBeInstanceOf(ParseError);
    expect(e.code).toBe('bad-encoding');
    expect(e.message).toMatch(/^x\.aig:4:1: /);
  });

  it('reads UTF-8 symbols', () => {
    const c = parseAiger('aag 1 1 0 1 0\n2\n2\ni0 größe\no0 ünd x\n');
    expect(c.inputNames).toEqual(['größe']);
    expect(c.outputNames).toEqual(['ünd x']);
  });

  it('defaults to <stdin> in messages', () => {
    expect(caught(() => parseAiger('')).message).toBe("<stdin>:1:1: expected 'aag' or 'aig' at the start of an AIGER file");
  });
});

/** The reference figures of /work/shared/benchmarks/README.md (ABC print_stats). */
const EPFL_STATS: Record<string, [number, number, number]> = {
  'arithmetic/adder.aig': [256, 129, 1020],
  'arithmetic/bar.aig': [135, 128, 3336],
  'arithmetic/div.aig': [128, 128, 57247],
  'arithmetic/hyp.aig': [256, 128, 214335],
  'arithmetic/log2.aig': [32, 32, 32060],
  'arithmetic/max.aig': [512, 130, 2865],
  'arithmetic/multiplier.aig': [128, 128, 27062],
  'arithmetic/sin.aig': [24, 25, 5416],
  'arithmetic/sqrt.aig': [128, 64, 24618],
  'arithmetic/square.aig': [64, 128, 18484],
  'random_control/arbiter.aig': [256, 129, 11839],
  'random_control/cavlc.aig': [10, 11, 693],
  'random_control/ctrl.aig': [7, 26, 174],
  'random_control/dec.aig': [8, 256, 304],
  'random_control/i2c.aig': [147, 142, 1342],
};

describe('EPFL benchmarks', () => {
  for (const [f, [pi, po, ands]] of Object.entries(EPFL_STATS)) {
    it(`${f}: parses with ABC's counts; our writer reproduces ABC's bytes up to the comment`, () => {
      const bytes = new Uint8Array(readFileSync(join(EPFL, f)));
      const c = parseAiger(bytes, { fileName: f });
      expect([c.numInputs, c.outputs.length, c.numGates]).toEqual([pi, po, ands]);
      if (ands < 60000) validateCircuit(c);
      const ours = writeAiger(c, { binary: true });
      const commentAt = ours.length; // ours has no comment: ABC's file continues with "c\n..."
      expect(Buffer.from(bytes.subarray(0, commentAt)).equals(Buffer.from(ours))).toBe(true);
      expect(String.fromCharCode(bytes[commentAt]!, bytes[commentAt + 1]!)).toBe('c\n');
    });
  }

  it('parses hyp.aig (214,335 ANDs) fast', () => {
    const bytes = readFileSync(join(EPFL, 'arithmetic/hyp.aig'));
    parseAiger(bytes); // warm-up
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      parseAiger(bytes, { fileName: 'hyp.aig' });
      times.push(performance.now() - t0);
    }
    const best = Math.min(...times);
    console.log(`hyp.aig parse: best ${best.toFixed(1)} ms of ${times.map((t) => t.toFixed(1)).join(', ')}`);
    expect(best).toBeLessThan(500);
  });

  it('round-trips hyp.aig through ASCII', () => {
    const c = parseAiger(readFileSync(join(EPFL, 'arithmetic/hyp.aig')));
    const d = parseAiger(writeAiger(c, { binary: false }));
    expect(Buffer.from(d.fanins.buffer).equals(Buffer.from(c.fanins.buffer))).toBe(true);
    expect(Buffer.from(d.outputs.buffer).equals(Buffer.from(c.outputs.buffer))).toBe(true);
    expect(d.outputNames).toEqual(c.outputNames);
  });
});

describe('IWLS 2022 best AIGs', () => {
  const dir = join(import.meta.dirname, '../../circuits/iwls2022');
  const files = readdirSync(join(dir, 'best_aig')).filter((f) => f.endsWith('.aig'));
  it('has the files', () => expect(files.length).toBeGreaterThanOrEqual(20));
  for (const f of files) {
    it(`${f} computes its .truth file`, () => {
      const c = parseAiger(readFileSync(join(dir, 'best_aig', f)), { fileName: f });
      expect(c.numGates).toBe(Number(/\.(\d+)and\.aig$/.exec(f)![1]));
      const truth = readFileSync(join(dir, 'truth', `${f.slice(0, 4)}.truth`), 'utf8').trim().split('\n');
      expect(simulateTruthTables(c).map(toHex)).toEqual(truth.map((bits) => toHex(fromBinary(bits.trim()))));
    });
  }
});

describe('writeAiger', () => {
  const halfAdder = (): Circuit => parseAiger(readFileSync(join(EXAMPLES, 'halfadder.aag')));

  it('writes the canonical ASCII half adder', () => {
    expect(writeAiger(halfAdder(), { binary: false })).toBe(
      'aag 5 2 0 2 3\n2\n4\n10\n6\n6 2 4\n8 3 5\n10 7 9\ni0 x\ni1 y\no0 s\no1 c\n',
    );
  });

  it('writes binary like ABC does', () => {
    const abc = readFileSync(join(FIXTURES, 'halfadder-abc-binary/input.aig'));
    const ours = writeAiger(parseAiger(abc), { binary: true });
    expect(Buffer.from(ours).equals(abc.subarray(0, ours.length))).toBe(true);
  });

  it('honours symbols: false and comment', () => {
    const text = writeAiger(halfAdder(), { binary: false, symbols: false, comment: 'made by waterloo\nline 2' });
    expect(text).toBe('aag 5 2 0 2 3\n2\n4\n10\n6\n6 2 4\n8 3 5\n10 7 9\nc\nmade by waterloo\nline 2\n');
    const r = parseAigerDetailed(writeAiger(halfAdder(), { binary: true, comment: 'a\u0000b' }));
    expect(r.comment).toBe('a\u0000b');
    expect(r.circuit.inputNames).toEqual(['x', 'y']);
  });

  it('writes empty and constant circuits', () => {
    const b = new CircuitBuilder({ strash: false });
    expect(writeAiger(b.build(), { binary: false })).toBe('aag 0 0 0 0 0\n');
    expect(Buffer.from(writeAiger(b.build(), { binary: true })).toString()).toBe('aig 0 0 0 0 0\n');
    b.addOutput(1);
    b.addOutput(0);
    expect(writeAiger(b.build(), { binary: false })).toBe('aag 0 0 0 2 0\n1\n0\n');
  });

  it('converts XOR, MAJ and LUT gates with toAig', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y, z] = b.addInputs(3, ['a', 'b', 'c']);
    b.addOutput(b.xor(x!, y!), 'xor');
    b.addOutput(b.maj(x!, y! ^ 1, z!), 'maj');
    b.addOutput(b.lut(fromHex('96', 3), [x!, y!, z!]), 'parity');
    b.addOutput(b.addGate(GateKind.And, [x!, y!, z! ^ 1]), 'and3');
    const c = b.build();
    for (const binary of [false, true]) {
      const d = parseAiger(writeAiger(c, { binary }));
      expect(simulateTruthTables(d).map(toHex)).toEqual(simulateTruthTables(c).map(toHex));
      expect(d.inputNames).toEqual(['a', 'b', 'c']);
      expect(d.outputNames).toEqual(['xor', 'maj', 'parity', 'and3']);
      expect(Array.from(d.kinds).every((k) => k === GateKind.And)).toBe(true);
    }
  });

  it('refuses names with a new line', () => {
    const b = new CircuitBuilder();
    b.addOutput(b.addInput('two\nlines'));
    const e = caught(() => writeAiger(b.build(), { binary: false }));
    expect(e).toBeInstanceOf(UnsupportedError);
    expect(e.code).toBe('aiger-symbol');
  });

  it('encodes large deltas in several bytes', () => {
    const b = new CircuitBuilder({ strash: false });
    const ins = b.addInputs(300);
    const g = b.and(ins[0]!, ins[299]! ^ 1);
    b.addOutput(b.and(g, 1));
    const c = b.build();
    const bytes = writeAiger(c, { binary: true });
    const d = parseAiger(bytes);
    expect(Array.from(d.fanins)).toEqual([601, 2, 602, 1]);
  });
});

const ABC = ((): boolean => {
  try {
    execFileSync('berkeley-abc', ['-c', 'quit'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!ABC)('ABC interoperability (needs berkeley-abc on PATH)', () => {
  const files = ['random_control/ctrl.aig', 'random_control/i2c.aig', 'arithmetic/adder.aig', 'arithmetic/sin.aig', 'random_control/cavlc.aig'];
  const stats = (out: string): string => {
    const m = /i\/o\s*=\s*(\d+)\/\s*(\d+).*?and\s*=\s*(\d+)/s.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
    if (!m) throw new Error(`no print_stats line in ${out}`);
    return `${m[1]}/${m[2]}/${m[3]}`;
  };
  for (const f of files) {
    it(`${f}: ABC reads our binary output with the same counts and proves it equivalent`, () => {
      const tmp = mkdtempSync(join(tmpdir(), 'waterloo-aiger-'));
      try {
        const orig = join(EPFL, f);
        const c = parseAiger(readFileSync(orig), { fileName: f });
        const ours = join(tmp, 'ours.aig');
        writeFileSync(ours, writeAiger(c, { binary: true, comment: 'waterloo test' }));
        const abc = (cmd: string): string => execFileSync('berkeley-abc', ['-c', cmd], { encoding: 'utf8' });
        expect(stats(abc(`read ${ours}; print_stats`))).toBe(stats(abc(`read ${orig}; print_stats`)));
        expect(abc(`cec -n ${orig} ${ours}`)).toMatch(/Networks are equivalent/);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  }

  it('ABC agrees with our simulation on a converted non-AIG circuit', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'waterloo-aiger-'));
    try {
      const b = new CircuitBuilder();
      const xs = b.addInputs(6);
      b.addOutput(b.xorN(xs));
      b.addOutput(b.maj(xs[0]!, xs[1]!, xs[2]! ^ 1));
      b.addOutput(b.lut(fromHex('e8', 3), [xs[3]!, xs[4]!, xs[5]!]));
      const c = b.build();
      const ours = join(tmp, 'x.aig');
      writeFileSync(ours, writeAiger(c, { binary: true }));
      const out = execFileSync('berkeley-abc', ['-c', `read ${ours}; print_stats`], { encoding: 'utf8' });
      expect(stats(out)).toMatch(/^6\/3\//);
      const back = parseAiger(readFileSync(ours));
      expect(simulateRandom(back, 256, 7)).toEqual(simulateRandom(c, 256, 7));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
