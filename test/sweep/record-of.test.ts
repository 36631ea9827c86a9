import { describe, expect, it } from 'vitest';
import { circuitCost } from '../../src/core/cost.js';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { recordOf } from '../../src/sweep/record-of.js';
import { verifyRecord } from '../../src/store/verify-record.js';
import { synthesize } from '../../src/synth/synthesize.js';
import { shannonCircuit } from '../../src/improve/upper-bound.js';

const HASH = /^[0-9a-f]{64}$/;

describe('recordOf', () => {
  it('a run stopped short of optimal keeps the UNSAT certificate of its bound (CNF hashes), also with a heuristic circuit (feasible)', async () => {
    const problem = parseProblem('maj:3');
    // MAJ3 needs 4 gates in B2: with max size 3 the driver proves 2 and 3 UNSAT and stops, unknown with bound 4
    const r = await synthesize(problem.spec, { basis: 'B2', encoder: 'ssv', backend: 'auto', maxSize: 3 });
    expect(r.status).toBe('unknown');
    if (r.status !== 'unknown') return;
    expect(r.provenLowerBound).toBe(4);
    expect(r.lowerBoundCertificate?.size).toBe(3);
    const ctx = { problem, basis: 'B2' as const, encoder: 'ssv' as const, command: 'test', seconds: 0.01 };
    const unknown = recordOf(r, ctx);
    expect(unknown).toMatchObject({ status: 'unknown', lowerBound: 4, evidence: { kind: 'unsat', size: 3 } });
    const hashes = unknown.evidence.kind === 'unsat' ? unknown.evidence.cnfSha256 : [];
    expect(hashes.length).toBeGreaterThan(0);
    expect(hashes.every((h) => HASH.test(h))).toBe(true);

    const circuit = shannonCircuit(problem.spec);
    const cost = circuitCost(circuit, 'B2');
    if (!cost.inBasis) throw new Error(cost.reason);
    const size = cost.size;
    expect(size).toBeGreaterThan(4);
    const feasible = recordOf(r, { ...ctx, heuristic: { circuit, size } });
    expect(feasible).toMatchObject({ status: 'feasible', size, lowerBound: 4, evidence: { kind: 'unsat', size: 3, cnfSha256: hashes } });
    expect(verifyRecord(feasible)).toEqual({ ok: true });
  });
});
