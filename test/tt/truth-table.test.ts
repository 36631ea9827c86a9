import { describe, expect, it } from 'vitest';
import {
  createFromFunction,
  createNthVar,
  fromBinary,
  fromCirboString,
  fromHex,
  toBinary,
  toCirboString,
  toHex,
  ttCofactor,
  ttCountOnes,
  ttExtend,
  ttIsConst,
  ttMaj,
  ttShrink,
  ttSupport,
  createConstant,
} from '../../src/tt/truth-table.js';
import { UsageError } from '../../src/errors.js';

describe('bit-order convention', () => {
  it('MAJ3 is e8 and x0 is the least significant bit of the minterm index', () => {
    const [a, b, c] = [0, 1, 2].map((j) => createNthVar(3, j));
    expect(toHex(ttMaj(a!, b!, c!))).toBe('e8');
    expect(toHex(createNthVar(3, 0))).toBe('aa');
    expect(toHex(createNthVar(3, 2))).toBe('f0');
    const maj = createFromFunction(3, (m) => ((m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1)) >= 2);
    expect(toHex(maj)).toBe('e8');
  });
  it('prints the documented number of digits', () => {
    expect(toHex(createNthVar(1, 0))).toBe('2');
    expect(toHex(createNthVar(2, 1))).toBe('c');
    expect(toHex(createConstant(0, true))).toBe('1');
    expect(toHex(createNthVar(6, 5))).toBe('ffffffff00000000');
    expect(toHex(createNthVar(7, 6))).toHaveLength(32);
  });
  it('round-trips hex and binary for every 3- and some 7-input tables', () => {
    for (let v = 0; v < 256; v++) {
      const h = v.toString(16).padStart(2, '0');
      const t = fromHex(h, 3);
      expect(toHex(t)).toBe(h);
      expect(toBinary(fromBinary(toBinary(t)))).toBe(toBinary(t));
      expect(toBinary(t)).toBe(v.toString(2).padStart(8, '0'));
    }
    const big = createFromFunction(7, (m) => (m * 2654435761) % 7 < 3);
    expect(toHex(fromHex(toHex(big), 7))).toBe(toHex(big));
  });
  it('rejects malformed hex', () => {
    expect(() => fromHex('e8', 2)).toThrow(UsageError);
    expect(() => fromHex('zz', 3)).toThrow(UsageError);
    expect(() => fromHex('4', 1)).toThrow(UsageError);
    expect(toHex(fromHex('8', 3, { allowShort: true }))).toBe('08');
  });
});

describe('Cirbo converter', () => {
  it('Cirbo AND "0001" is waterloo 8, and x0 is Cirbo\'s most significant input', () => {
    expect(toHex(fromCirboString('0001'))).toBe('8');
    // Cirbo row r lists inputs as the bits of r, input 0 first (most significant)
    // f = x0 & !x1 : rows (x0,x1) = 00,01,10,11 -> 0,0,1,0
    const f = fromCirboString('0010');
    expect(f.get(0b01)).toBe(true); // x0 = 1, x1 = 0
    expect(toHex(f)).toBe('2');
    for (let v = 0; v < 256; v++) {
      const t = fromHex(v.toString(16).padStart(2, '0'), 3);
      expect(toHex(fromCirboString(toCirboString(t)))).toBe(toHex(t));
    }
  });
});

describe('operations', () => {
  it('cofactors, support, shrink and extend agree with the definition', () => {
    const f = createFromFunction(6, (m) => ((m >> 1) & 1) === 1 && ((m >> 5) & 1) === 0 || ((m >> 3) & 1) === 1);
    expect(ttSupport(f)).toEqual([1, 3, 5]);
    const g = ttShrink(f, [1, 3, 5]);
    expect(g.numVars).toBe(3);
    for (let m = 0; m < 64; m++) {
      const i = ((m >> 1) & 1) | (((m >> 3) & 1) << 1) | (((m >> 5) & 1) << 2);
      expect(g.get(i)).toBe(f.get(m));
    }
    expect(toHex(ttExtend(g, 6, [1, 3, 5]))).toBe(toHex(f));
    const c1 = ttCofactor(f, 5, true);
    for (let m = 0; m < 64; m++) expect(c1.get(m)).toBe(f.get(m | 32));
    const c0 = ttCofactor(f, 1, false);
    for (let m = 0; m < 64; m++) expect(c0.get(m)).toBe(f.get(m & ~2));
    expect(ttCountOnes(f)).toBe([...Array(64).keys()].filter((m) => f.get(m)).length);
    expect(ttIsConst(createConstant(7, true), true)).toBe(true);
    expect(ttIsConst(createConstant(2, true), false)).toBe(false);
  });
});
