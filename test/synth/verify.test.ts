/** verifyCircuit / counterexampleRows, and the SSV encoder's contract. */
import { describe, expect, test } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import { UsageError } from '../../src/errors.js';
import { createSolver } from '../../src/sat/registry.js';
import { specFromHex } from '../../src/tt/spec.js';
import { counterexampleRows, SSV_ENCODER, ssvAllowedOps, symmetricInputClasses, verifyCircuit } from '../../src/synth/index.js';

function and2(): ReturnType<CircuitBuilder['build']> {
  const b = new CircuitBuilder();
  const [p, q] = b.addInputs(2) as [number, number];
  b.addOutput(b.and(p, q));
  return b.build();
}

describe('verifyCircuit', () => {
  test('correct, wrong, and wrong only on a don\'t-care', () => {
    expect(verifyCircuit(and2(), specFromHex(['8'], 2)).ok).toBe(true);
    expect(verifyCircuit(and2(), specFromHex(['e'], 2))).toEqual({ ok: false, output: 0, minterm: 1, expected: true, actual: false });
    expect(verifyCircuit(and2(), specFromHex(['e'], 2, ['9'])).ok).toBe(true);
    expect(counterexampleRows(and2(), specFromHex(['e'], 2))).toEqual([1]);
    expect(counterexampleRows(and2(), specFromHex(['8'], 2))).toEqual([]);
  });
  test('shape mismatch is a usage error', () => {
    expect(() => verifyCircuit(and2(), specFromHex(['e8'], 3))).toThrow(UsageError);
    expect(() => verifyCircuit(and2(), specFromHex(['8', '8'], 2))).toThrow(UsageError);
  });
});

describe('SSV encoder', () => {
  test('allowed ops per basis', () => {
    const on = { normal: true, nonTrivial: true };
    expect(ssvAllowedOps('B2', on)).toEqual([2, 4, 6, 8, 14]);
    expect(ssvAllowedOps('AIG', on)).toEqual([2, 4, 8, 14]);
    expect(ssvAllowedOps('U2', { normal: false, nonTrivial: false }).length).toBe(14);
    expect(SSV_ENCODER.supports({ spec: specFromHex(['e8'], 3), basis: 'MIG' })).toMatch(/MIG/);
  });
  test('symmetric input classes', () => {
    expect(symmetricInputClasses(specFromHex(['e8'], 3))).toEqual([[0, 1, 2]]);
    expect(symmetricInputClasses(specFromHex(['ca'], 3))).toEqual([]); // mux: x2 ? x1 : x0
    expect(symmetricInputClasses(specFromHex(['88'], 3))).toEqual([[0, 1]]); // x0 & x1 (x2 unused: not symmetric with them)
  });
  test('refuses trivial outputs', () => {
    expect(() => [...SSV_ENCODER.encode({ spec: specFromHex(['aa'], 3), basis: 'B2', size: 1 })]).toThrow(UsageError);
  });
  test('one instance per size; incremental rows only add clauses; decode gives a correct circuit', async () => {
    const spec = specFromHex(['e8'], 3);
    const [inst] = [...SSV_ENCODER.encode({ spec, basis: 'B2', size: 4 })];
    const inc = SSV_ENCODER.encodeIncremental!({ spec, basis: 'B2', size: 4 }, [1, 2]);
    const before = inc.cnf.clauses.length;
    const delta = inc.addRows([3, 5, 6, 7]);
    expect(inc.cnf.clauses.length).toBe(before + delta.clauses.length);
    expect(inc.addRows([3]).clauses.length).toBe(0);
    expect(inc.addRows([0]).clauses.length).toBe(0); // row 0 is structural for normal gates
    const solver = await createSolver('auto');
    solver.addCnf(inst!.cnf);
    const res = await solver.solve();
    solver.close();
    expect(res.status).toBe('sat');
    if (res.status === 'sat') expect(verifyCircuit(inst!.decode(res.model), spec).ok).toBe(true);
  });
});
