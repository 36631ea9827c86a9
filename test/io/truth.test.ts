import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHexTruth, parseIwlsTruth, writeHexTruth, writeIwlsTruth } from '../../src/io/truth.js';
import { parseAiger } from '../../src/io/aiger.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { specFromHex, specSatisfiedBy, specToJson } from '../../src/tt/spec.js';
import {
  createFromFunction,
  fromBinary,
  fromCirboString,
  fromHex,
  toBinary,
  toCirboString,
  toHex,
  ttEqual,
} from '../../src/tt/truth-table.js';
import { ParseError, UsageError, WaterlooError } from '../../src/errors.js';

const FIX = 'test/fixtures/truth';
const IWLS = 'circuits/iwls2022';

describe('golden fixtures', () => {
  for (const kind of ['hex', 'iwls'] as const) {
    for (const c of readdirSync(join(FIX, kind))) {
      it(`${kind}/${c}`, () => {
        const file = kind === 'hex' ? 'input.tt' : 'input.truth';
        const text = readFileSync(join(FIX, kind, c, file), 'utf8');
        const spec = kind === 'hex' ? parseHexTruth(text, { fileName: file }) : parseIwlsTruth(text, { fileName: file });
        expect(specToJson(spec)).toEqual(JSON.parse(readFileSync(join(FIX, kind, c, 'expected.json'), 'utf8')));
        // writer round trip (same format), also from bytes
        const again = kind === 'hex' ? parseHexTruth(writeHexTruth(spec)) : parseIwlsTruth(new TextEncoder().encode(writeIwlsTruth(spec)));
        expect(specToJson(again)).toEqual(specToJson(spec));
      });
    }
  }
  for (const c of readdirSync(join(FIX, '_error_'))) {
    it(`_error_/${c}`, () => {
      const dir = join(FIX, '_error_', c);
      const file = readdirSync(dir).find((f) => f.startsWith('input.'))!;
      const text = readFileSync(join(dir, file), 'utf8');
      const want = readFileSync(join(dir, 'error.txt'), 'utf8').trimEnd();
      const parse = file.endsWith('.tt') ? parseHexTruth : parseIwlsTruth;
      let err: unknown;
      try {
        parse(text, { fileName: file });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ParseError);
      expect(String(err)).toBe(want);
    });
  }
});

describe('hex format', () => {
  it('writes a header, one table per line, care sets and comments', () => {
    const spec = specFromHex(['e8', '96'], 3, [undefined, '7e']);
    expect(writeHexTruth(spec, { comments: ['maj and xor'] })).toBe('# maj and xor\ninputs 3\ne8\n96 care 7e\n');
    expect(writeHexTruth(specFromHex(['1'], 0))).toBe('inputs 0\n1\n');
  });
  it('accepts ABC-style files (hex tables separated by white space, no header)', () => {
    const s = parseHexTruth('e8 96\n0xff\n');
    expect(s.outputs.map(toHex)).toEqual(['e8', '96', 'ff']);
    expect(s.numInputs).toBe(3);
  });
  it('1-digit tables without a header are 2-input', () => {
    expect(parseHexTruth('8').numInputs).toBe(2);
  });
  it('bad UTF-8 bytes are a ParseError', () => {
    expect(() => parseHexTruth(Uint8Array.of(0xff, 0xfe), { fileName: 'x.tt' })).toThrow(ParseError);
  });
});

describe('IWLS .truth format', () => {
  it('first character is the most significant minterm', () => {
    // AND2: only minterm 3 is 1 -> "1000"; x0 alone: minterms 1, 3 -> "1010"
    expect(toHex(parseIwlsTruth('1000\n').outputs[0]!)).toBe('8');
    expect(toHex(parseIwlsTruth('1010\n').outputs[0]!)).toBe('a');
    expect(writeIwlsTruth(specFromHex(['e8'], 3))).toBe('11101000\n');
  });
  it('refuses to write don\'t-cares', () => {
    expect(() => writeIwlsTruth(specFromHex(['e8'], 3, ['0f']))).toThrow(UsageError);
  });
  it('every contest file round-trips through the writer', () => {
    for (const f of readdirSync(join(IWLS, 'truth'))) {
      const text = readFileSync(join(IWLS, 'truth', f), 'utf8');
      expect(writeIwlsTruth(parseIwlsTruth(text, { fileName: f }))).toBe(text.endsWith('\n') ? text : text + '\n');
    }
  });
  it('every best_aig file simulates to its .truth function (variable order cross-check)', () => {
    const aigs = readdirSync(join(IWLS, 'best_aig'));
    expect(aigs.length).toBeGreaterThan(0);
    for (const a of aigs) {
      const ex = a.split('.')[0]!;
      const spec = parseIwlsTruth(readFileSync(join(IWLS, 'truth', `${ex}.truth`)), { fileName: `${ex}.truth` });
      const c = parseAiger(readFileSync(join(IWLS, 'best_aig', a)), { fileName: a });
      expect(c.numInputs, a).toBe(spec.numInputs);
      expect(specSatisfiedBy(spec, simulateTruthTables(c)), a).toBe(true);
    }
  });
  it.skipIf(!hasAbc())('agrees with ABC read_truth -xf (binary; plain -f would read hex) on ex00, ex08, ex16', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waterloo-truth-'));
    try {
      for (const ex of ['ex00', 'ex08', 'ex16']) {
        const out = join(dir, `${ex}.aig`);
        execFileSync('berkeley-abc', ['-c', `read_truth -xf ${join(IWLS, 'truth', ex + '.truth')}; strash; write_aiger ${out}`], { stdio: 'pipe' });
        const spec = parseIwlsTruth(readFileSync(join(IWLS, 'truth', `${ex}.truth`)));
        expect(specSatisfiedBy(spec, simulateTruthTables(parseAiger(readFileSync(out)))), ex).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function hasAbc(): boolean {
  try {
    execFileSync('berkeley-abc', ['-c', 'quit'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('converters between orders', () => {
  it('Cirbo strings: AND = "0001" is hex 8; x0 is the most significant row bit', () => {
    expect(toHex(fromCirboString('0001'))).toBe('8');
    expect(toCirboString(fromHex('8', 2))).toBe('0001');
    // Cirbo rows (x0 x1): 00,01,10,11. f = x0 AND NOT x1 -> row 10 only -> "0010" -> waterloo minterm x0=1,x1=0 = 1 -> hex 2
    expect(toHex(fromCirboString('0010'))).toBe('2');
  });
  it('Cirbo 3-input non-symmetric example worked by hand', () => {
    // f(x0, x1, x2) = x0 AND (x1 OR NOT x2).
    // Cirbo rows x0x1x2 = 000..111: f = 0,0,0,0, 1,0,1,1 -> "00001011"
    // waterloo minterm i = x0 + 2 x1 + 4 x2: f = 1 at i = 1 (1,0,0), 3 (1,1,0), 7 (1,1,1) -> bits 7,3,1 -> 0x8a
    const f = createFromFunction(3, (m) => (m & 1) === 1 && ((m & 2) !== 0 || (m & 4) === 0));
    expect(toHex(f)).toBe('8a');
    expect(toCirboString(f)).toBe('00001011');
    expect(ttEqual(fromCirboString('00001011'), f)).toBe(true);
    // IWLS/kitty binary: most significant minterm first -> 10001010
    expect(toBinary(f)).toBe('10001010');
    expect(ttEqual(fromBinary('10001010'), f)).toBe(true);
    expect(writeIwlsTruth(specFromHex(['8a'], 3))).toBe('10001010\n');
  });
});

describe('fuzz: mutated inputs only ever throw ParseError', () => {
  it('10,000 mutations per format', () => {
    const seeds = {
      hex: [readFileSync(join(FIX, 'hex/maj-xor/input.tt'), 'utf8'), readFileSync(join(FIX, 'hex/no-header/input.tt'), 'utf8'), 'inputs 6\n0123456789abcdef care fedcba9876543210\n'],
      iwls: [readFileSync(join(IWLS, 'truth/ex08.truth'), 'utf8').slice(0, 600), readFileSync(join(IWLS, 'truth/ex16.truth'), 'utf8')],
    };
    let state = 12345;
    const next = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const alphabet = '01ef9x \n\r#care inputs0x-:';
    for (const [kind, list] of Object.entries(seeds)) {
      const parse = kind === 'hex' ? parseHexTruth : parseIwlsTruth;
      for (let i = 0; i < 10000; i++) {
        let s = list[next(list.length)]!;
        for (let m = 1 + next(3); m > 0; m--) {
          const pos = next(s.length + 1);
          const op = next(3);
          const ch = alphabet[next(alphabet.length)]!;
          s = op === 0 ? s.slice(0, pos) + ch + s.slice(pos) : op === 1 ? s.slice(0, pos) + s.slice(pos + 1) : s.slice(0, pos) + ch + s.slice(pos + 1);
        }
        try {
          parse(s, { fileName: 'fuzz' });
        } catch (e) {
          if (!(e instanceof ParseError)) throw new Error(`${kind} input ${JSON.stringify(s)} threw ${String(e)}`);
          expect(e).toBeInstanceOf(WaterlooError);
        }
      }
    }
  });
});
