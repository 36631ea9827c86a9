/**
 * Test helper: `expectOptimal(spec, basis, s)` asserts that the driver finds
 * a circuit of s gates, that it simulates correctly against the spec and has
 * size s in the basis, and that s - 1 is refuted (an UNSAT certificate for
 * s - 1, or s is the driver's trivial lower bound).
 */
import { expect } from 'vitest';
import type { BasisName } from '../../src/core/basis.js';
import { circuitCost } from '../../src/core/cost.js';
import type { BackendName } from '../../src/sat/registry.js';
import { synthesize, verifyCircuit, type SynthesizeParams, type SynthesisResult } from '../../src/synth/index.js';
import type { FunctionSpec } from '../../src/tt/spec.js';

/** Backend for the synthesis tests: `$WATERLOO_SYNTH_BACKEND` or `auto`. */
export const TEST_BACKEND = (process.env['WATERLOO_SYNTH_BACKEND'] ?? 'auto') as BackendName | 'auto';

/** Asserts that `spec` has optimum `size` in `basis` (see module notes) and returns the result. */
export async function expectOptimal(spec: FunctionSpec, basis: BasisName, size: number, params: Partial<SynthesizeParams> = {}): Promise<SynthesisResult & { status: 'optimal' }> {
  const r = await synthesize(spec, { basis, backend: TEST_BACKEND, ...params });
  expect(r.status).toBe('optimal');
  if (r.status !== 'optimal') throw new Error('unreachable');
  expect(r.size).toBe(size);
  expect(verifyCircuit(r.circuit, spec).ok).toBe(true);
  const cost = circuitCost(r.circuit, basis);
  expect(cost.inBasis && cost.size).toBe(size);
  if (r.lowerBound === null) {
    expect(r.lowerBoundArgument).not.toBeNull();
    expect(r.stats.initialLowerBound).toBe(size);
  } else {
    expect(r.lowerBound.size).toBe(size - 1);
    expect(r.lowerBound.basis).toBe(basis);
    for (const inst of r.lowerBound.instances) expect(inst.cnfSha256).toMatch(/^[0-9a-f]{64}$/);
    // every size from the initial bound to size - 1 was refuted
    for (let k = r.stats.initialLowerBound; k < size; k++) expect(r.stats.sizes.some((a) => a.size === k && a.answer === 'unsat')).toBe(true);
  }
  return r;
}
