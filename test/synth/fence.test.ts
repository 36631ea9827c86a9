/**
 * The fence encoder: fence enumeration and pruning, known optimum sizes,
 * bases, depth bounds, don't-cares, multiple outputs, CEGAR rows and
 * solution enumeration. The encoder-vs-encoder cross-check is in
 * encoders-cross-check.test.ts. Backend: the embedded MiniSat.
 */
import { describe, expect, test } from 'vitest';
import type { BasisName } from '../../src/core/basis.js';
import { circuitCost } from '../../src/core/cost.js';
import { GateKind } from '../../src/core/gate.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { depth } from '../../src/core/analysis.js';
import { createSolver } from '../../src/sat/registry.js';
import { compositions, enumerateFences, fencePruneReason, type FenceContext } from '../../src/synth/encoders/fence-enumerate.js';
import { fenceEncoder, fencesForQuery } from '../../src/synth/encoders/fence.js';
import { synthesize, type SynthesizeParams } from '../../src/synth/index.js';
import { specFromHex, specSatisfiedBy, type FunctionSpec } from '../../src/tt/spec.js';

/** Runs the fence encoder through the driver and checks the circuit by simulation and cost. */
async function fenceOptimum(spec: FunctionSpec, basis: BasisName, extra: Partial<SynthesizeParams> = {}) {
  const r = await synthesize(spec, { basis, encoder: 'fence', backend: 'minisat', cegar: false, ...extra });
  if (r.status !== 'optimal') throw new Error(`status ${r.status}: ${'reason' in r ? r.reason : ''}`);
  expect(specSatisfiedBy(spec, simulateTruthTables(r.circuit))).toBe(true);
  const cost = circuitCost(r.circuit, basis);
  expect(cost.inBasis && cost.size).toBe(r.size);
  return r;
}

const FA = specFromHex(['96', 'e8'], 3); // sum, carry
const CTX1: FenceContext = { numInputs: 4, numOutputs: 1, numOps: 5 };

describe('fence enumeration', () => {
  test('compositions of r: 2^(r-1) distinct fences of positive parts summing to r', () => {
    expect(compositions(0)).toEqual([[]]);
    for (let r = 1; r <= 12; r++) {
      const all = compositions(r);
      expect(all.length).toBe(2 ** (r - 1));
      expect(new Set(all.map((f) => f.join(','))).size).toBe(all.length);
      for (const f of all) {
        expect(f.every((x) => Number.isInteger(x) && x >= 1)).toBe(true);
        expect(f.reduce((a, b) => a + b, 0)).toBe(r);
      }
      // fewest levels first
      for (let i = 1; i < all.length; i++) expect(all[i]!.length).toBeGreaterThanOrEqual(all[i - 1]!.length);
    }
    expect(compositions(3)).toEqual([[3], [1, 2], [2, 1], [1, 1, 1]]);
  });

  test('pruning rules', () => {
    // one output: the top level has exactly one gate
    expect(fencePruneReason([2, 2], CTX1)).toMatch(/level 2/);
    expect(fencePruneReason([2, 1], CTX1)).toBeUndefined();
    // two outputs allow two top gates
    expect(fencePruneReason([2, 2], { ...CTX1, numOutputs: 2 })).toBeUndefined();
    // fanout: 3 gates on level 1 cannot all feed the single gate above
    expect(fencePruneReason([3, 1], CTX1)).toMatch(/level 1/);
    // level 1 needs two inputs
    expect(fencePruneReason([1], { ...CTX1, numInputs: 1 })).toMatch(/pairs/);
    // one input pair, 4 ops (U2): at most 4 gates on level 1
    expect(fencePruneReason([5, 3, 2, 1], { numInputs: 2, numOutputs: 1, numOps: 4 })).toMatch(/level 1: 5 gates > 1 pairs/);
    // depth bound and support
    expect(fencePruneReason([1, 1, 1], { ...CTX1, maxDepth: 2 })).toMatch(/depth/);
    expect(fencePruneReason([2, 1], { ...CTX1, maxSupport: 5 })).toMatch(/support/);
    expect(fencePruneReason([2, 1], { ...CTX1, maxSupport: 4 })).toBeUndefined();
    // without irredundancy only the depth rules apply
    expect(fencePruneReason([3, 1], { ...CTX1, irredundant: false })).toBeUndefined();
    // single output: the surviving fences of 4 gates
    expect(enumerateFences(4, CTX1).map((f) => f.join(''))).toEqual(['121', '211', '1111']);
  });

  test('fencesForQuery skips trivial outputs and honours the depth bound', () => {
    expect(fencesForQuery({ spec: specFromHex(['a'], 2), basis: 'B2', size: 1 }).fences).toEqual([]);
    const { fences, context } = fencesForQuery({ spec: specFromHex(['6996'], 4), basis: 'B2', size: 3, maxDepth: 2 });
    expect(context.maxSupport).toBe(4);
    expect(fences).toEqual([[2, 1]]);
  });
});

describe('fence encoder: known optimum sizes', () => {
  test('MAJ3 = 4, XOR3 = 2, full adder = 5 in B2', async () => {
    expect((await fenceOptimum(specFromHex(['e8'], 3), 'B2')).size).toBe(4);
    expect((await fenceOptimum(specFromHex(['96'], 3), 'B2')).size).toBe(2);
    expect((await fenceOptimum(FA, 'B2')).size).toBe(5);
  });

  test('full adder = 7 and XOR3 = 6 in U2', async () => {
    expect((await fenceOptimum(FA, 'U2')).size).toBe(7);
    expect((await fenceOptimum(specFromHex(['96'], 3), 'U2')).size).toBe(6);
  });

  test('AIG and XAIG circuits use only their gate kinds', async () => {
    const aig = await fenceOptimum(specFromHex(['e8'], 3), 'AIG');
    expect(aig.size).toBe(4);
    expect([...aig.circuit.kinds].every((k) => k === GateKind.And)).toBe(true);
    const xaig = await fenceOptimum(FA, 'XAIG');
    expect(xaig.size).toBe(5);
    expect([...xaig.circuit.kinds].every((k) => k === GateKind.And || k === GateKind.Xor)).toBe(true);
    expect((await fenceOptimum(specFromHex(['6'], 2), 'AIG')).size).toBe(3);
  });

  test('depth bound: XOR4 in B2 is 3 gates at depth 2; MAJ3 needs depth 3', async () => {
    const x = await fenceOptimum(specFromHex(['6996'], 4), 'B2', { maxDepth: 2 });
    expect(x.size).toBe(3);
    expect(depth(x.circuit)).toBeLessThanOrEqual(2);
    const m = await fenceOptimum(specFromHex(['e8'], 3), 'B2', { maxDepth: 3 });
    expect(m.size).toBe(4);
    expect(depth(m.circuit)).toBeLessThanOrEqual(3);
    for (const encoder of ['fence', 'ssv'] as const) {
      const m2 = await synthesize(specFromHex(['e8'], 3), { basis: 'B2', encoder, backend: 'minisat', maxDepth: 2 });
      expect(m2.status).toBe('infeasible');
    }
    const r = await synthesize(specFromHex(['6996'], 4), { basis: 'B2', encoder: 'fence', backend: 'minisat', maxDepth: 1 });
    expect(r.status).toBe('infeasible');
  });

  test("don't-cares: only care rows constrain", async () => {
    // XOR3 required only where x2 = 0: x0 ^ x1 is enough (1 gate)
    const spec = specFromHex(['96'], 3, ['0f']);
    expect((await fenceOptimum(spec, 'B2')).size).toBe(1);
    // row 0 a don't-care: the output polarity is free (NAND-like 0x7 = !(x0 & x1 & x2)...)
    const s2 = specFromHex(['7f'], 3, ['fe']);
    expect((await fenceOptimum(s2, 'U2')).size).toBe(2);
  });

  test('multiple outputs: 2-bit adder outputs, shared gates', async () => {
    // half adder: sum = x0 ^ x1, carry = x0 & x1
    expect((await fenceOptimum(specFromHex(['6', '8'], 2), 'B2')).size).toBe(2);
    // XOR3 and XOR of its first two inputs share a gate
    expect((await fenceOptimum(specFromHex(['96', '66'], 3), 'B2')).size).toBe(2);
  });
});

describe('fence encoder: encoder interface', () => {
  test('supports B2, U2, AIG, XAIG; refuses MIG', () => {
    const spec = specFromHex(['e8'], 3);
    for (const basis of ['B2', 'U2', 'AIG', 'XAIG'] as const) expect(fenceEncoder.supports({ spec, basis })).toBe(true);
    expect(fenceEncoder.supports({ spec, basis: 'MIG' })).toMatch(/MIG/);
  });

  test('one instance per surviving fence; the instances of a too small size are all UNSAT', async () => {
    const spec = specFromHex(['e8'], 3);
    const insts = [...fenceEncoder.encode({ spec, basis: 'B2', size: 3 })];
    expect(insts.map((i) => i.label)).toEqual(fencesForQuery({ spec, basis: 'B2', size: 3 }).fences.map((f) => `fence [${f.join(',')}]`));
    for (const inst of insts) {
      const s = await createSolver('minisat');
      s.addCnf(inst.cnf);
      expect((await s.solve()).status).toBe('unsat');
      s.close();
    }
  });

  test('all symmetry breaking and pruning off gives the same optima (3-input NPN representatives)', async () => {
    const reps = ['01', '03', '06', '07', '0f', '16', '17', '18', '19', '1b', '1e', '3c', '69', '6b', 'e8'];
    for (const hex of reps) {
      const spec = specFromHex([hex], 3);
      const on = await fenceOptimum(spec, 'B2');
      const off = await fenceOptimum(spec, 'B2', { symmetryBreaking: { allUsed: false, colex: false } });
      expect(`${hex}: ${off.size}`).toBe(`${hex}: ${on.size}`);
    }
  });

  test('CEGAR (rows subsets, re-encoded) finds the same optimum', async () => {
    for (const hex of ['6996', '1668', 'e8e8']) {
      const spec = specFromHex([hex], 4);
      const plain = await fenceOptimum(spec, 'B2');
      const cegar = await fenceOptimum(spec, 'B2', { cegar: true });
      expect(cegar.size).toBe(plain.size);
    }
  });

  test('solution enumeration with blocking clauses gives distinct correct circuits', async () => {
    const spec = specFromHex(['e8'], 3);
    const r = await fenceOptimum(spec, 'B2', { allSolutions: 50 });
    const sols = r.status === 'optimal' ? (r.solutions ?? []) : [];
    expect(sols.length).toBeGreaterThan(1);
    const keys = new Set(sols.map((c) => `${[...c.fanins].join(',')}|${[...c.luts.values()].map((t) => t.words[0]).join(',')}|${[...c.outputs].join(',')}`));
    expect(keys.size).toBe(sols.length);
    for (const c of sols) expect(specSatisfiedBy(spec, simulateTruthTables(c))).toBe(true);
  });
});
