import { describe, expect, it } from 'vitest';
import { checkSpec, hasDontCares, makeSpec, specFromHex, specFromJson, specSatisfiedBy, specToJson } from '../../src/tt/spec.js';
import { createConstant, fromHex, toHex } from '../../src/tt/truth-table.js';
import { UsageError, ValidationError } from '../../src/errors.js';

describe('FunctionSpec', () => {
  it('specFromHex: MAJ3 = e8', () => {
    const s = specFromHex(['e8'], 3);
    expect(s.numInputs).toBe(3);
    expect(s.outputs.map(toHex)).toEqual(['e8']);
    expect(s.care).toBeUndefined();
    expect(hasDontCares(s)).toBe(false);
  });
  it('all-ones care sets are dropped', () => {
    expect(specFromHex(['e8'], 3, ['ff']).care).toBeUndefined();
    expect(makeSpec(3, [fromHex('e8', 3)], [undefined]).care).toBeUndefined();
  });
  it('specSatisfiedBy respects care sets', () => {
    const s = specFromHex(['e8', '96'], 3, ['7e', undefined]); // minterms 0 and 7 of output 0 are don't-cares
    expect(hasDontCares(s)).toBe(true);
    expect(specSatisfiedBy(s, [fromHex('e8', 3), fromHex('96', 3)])).toBe(true);
    expect(specSatisfiedBy(s, [fromHex('ea', 3), fromHex('96', 3)])).toBe(false); // flips minterm 1 (cared)
    expect(specSatisfiedBy(s, [fromHex('69', 3), fromHex('96', 3)])).toBe(true); // flips minterms 0 and 7 only
    expect(specSatisfiedBy(s, [fromHex('e9', 3), fromHex('96', 3)])).toBe(true); // flips minterm 0
    expect(specSatisfiedBy(s, [fromHex('68', 3), fromHex('96', 3)])).toBe(true); // flips minterm 7
    expect(specSatisfiedBy(s, [fromHex('e8', 3), fromHex('97', 3)])).toBe(false);
    expect(specSatisfiedBy(s, [fromHex('e8', 3)])).toBe(false);
    expect(specSatisfiedBy(s, [fromHex('8', 2), fromHex('96', 3)])).toBe(false);
  });
  it('corner cases: 0 inputs, constant outputs, no outputs', () => {
    const s = makeSpec(0, [createConstant(0, true), createConstant(0, false)]);
    expect(specToJson(s)).toEqual({ numInputs: 0, outputs: ['1', '0'] });
    expect(specSatisfiedBy(makeSpec(2, []), [])).toBe(true);
  });
  it('checkSpec rejects inconsistent specs', () => {
    expect(() => checkSpec({ numInputs: 3, outputs: [fromHex('8', 2)] })).toThrow(ValidationError);
    expect(() => checkSpec({ numInputs: 3, outputs: [fromHex('e8', 3)], care: [] })).toThrow(ValidationError);
    expect(() => checkSpec({ numInputs: 3, outputs: [fromHex('e8', 3)], care: [fromHex('8', 2)] })).toThrow(ValidationError);
    expect(() => checkSpec({ numInputs: -1, outputs: [] })).toThrow(ValidationError);
    expect(() => specFromHex(['e8'], 2)).toThrow(UsageError);
  });
  it('JSON round trip with hex strings', () => {
    const s = specFromHex(['e8', '96'], 3, [undefined, '7e']);
    const j = specToJson(s);
    expect(j).toEqual({ numInputs: 3, outputs: ['e8', '96'], care: [null, '7e'] });
    expect(specToJson(specFromJson(JSON.parse(JSON.stringify(j))))).toEqual(j);
  });
  it('specFromJson rejects malformed data with UsageError', () => {
    for (const bad of [null, 3, {}, { numInputs: 2 }, { numInputs: 2, outputs: [8] }, { numInputs: 2, outputs: ['8'], care: [] }, { numInputs: 2, outputs: ['8'], care: [1] }, { numInputs: 2, outputs: ['zz'] }, { numInputs: 1.5, outputs: [] }]) {
      expect(() => specFromJson(bad), JSON.stringify(bad)).toThrow(UsageError);
    }
  });
});
