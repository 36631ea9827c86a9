import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import { OPS } from '../../src/core/gate.js';
import { synthesize } from '../../src/synth/synthesize.js';
import { specFromHex } from '../../src/tt/spec.js';
import { withDefaults } from '../../src/util/with-defaults.js';
import { checkEquivalence } from '../../src/verify/equivalence.js';
import { censusWindows } from '../../src/cuts/census-windows.js';
import { enumerateCuts, enumerateWindows, findFunctions } from '../../src/cuts/index.js';
import { improve } from '../../src/improve/index.js';

describe('withDefaults', () => {
  it('takes the set params over the defaults and keeps a default whose param is undefined', () => {
    const defaults = Object.freeze({ a: 1, b: 'x', c: true });
    expect(withDefaults(defaults, { a: 2, b: undefined })).toEqual({ a: 2, b: 'x', c: true });
    expect(withDefaults(defaults, undefined)).toEqual(defaults);
    expect(withDefaults(defaults, { c: false })).toEqual({ a: 1, b: 'x', c: false });
    expect(defaults).toEqual({ a: 1, b: 'x', c: true }); // unchanged
  });

  it('synthesize() reads an explicit undefined as "use the default" (it used to overwrite the default encoder)', async () => {
    const r = await synthesize(specFromHex(['e8'], 3), { basis: 'B2', encoder: undefined, backend: 'minisat', maxSize: undefined });
    expect(r.status).toBe('optimal');
    expect(r.status === 'optimal' ? r.size : -1).toBe(4);
  });

  it('checkEquivalence() reads an explicit undefined as "use the default"', async () => {
    const b = new CircuitBuilder();
    const [x, y] = b.addInputs(2);
    b.addOutput(b.op2(OPS.XOR, x!, y!));
    const c = b.build();
    const v = await checkEquivalence(c, c, { method: undefined, match: undefined });
    expect(v.verdict).toBe('equivalent');
    // the default method (auto) simulates exhaustively up to 16 inputs; undefined used to fall through to SAT
    expect(v.verdict === 'unknown' ? undefined : v.method).toBe('exhaustive');
  });

  it('cut enumeration, the window census, function finding and improve read an explicit undefined as "use the default" (it used to overwrite k and windowInputs)', async () => {
    const b = new CircuitBuilder();
    const [x, y, z] = b.addInputs(3);
    b.addOutput(b.xor(b.and(x!, y!), z!));
    const c = b.build();
    expect(enumerateCuts(c, { k: undefined, cutLimit: undefined }).cuts.length).toBe(enumerateCuts(c).cuts.length);
    expect(enumerateWindows(c, { k: undefined, maxRoots: undefined }).windows).toEqual(enumerateWindows(c).windows);
    const census = await censusWindows(c, { k: undefined, basis: undefined, backend: 'minisat' });
    expect(census.k).toBe(4);
    const found = await findFunctions(c, { k: undefined, minConeGates: undefined });
    expect(found.stats.cuts).toBeGreaterThan(0);
    const r = await improve(c, { windowInputs: undefined, basis: undefined, backend: 'minisat', plateauMoves: 0 });
    expect(r.basis).toBe('B2');
    expect(r.sizeAfter).toBeLessThanOrEqual(r.sizeBefore);
  });
});
