/** Hand-made store records for table and plot tests: optimal, feasible and unknown cells, two bases, two encoders, missing cells. */
import type { StoreRecord } from '../../src/store/types.js';

const base = {
  outputs: 1,
  encoder: 'ssv',
  solver: 'cadical',
  version: '0.1.0+test',
  command: 'waterloo sweep (test)',
  host: 'test-host',
  attempts: [],
} as const;

function rec(r: Partial<StoreRecord> & Pick<StoreRecord, 'problem' | 'family' | 'params' | 'inputs' | 'basis' | 'status' | 'lowerBound' | 'seconds' | 'createdAt'>): StoreRecord {
  // optimal records with times get the two calls the find-vs-prove plot reads: UNSAT at size - 1, SAT at size
  const attempts =
    r.status === 'optimal' && r.findSeconds !== undefined && r.proveSeconds !== undefined
      ? [{ size: r.size! - 1, answer: 'unsat' as const, ms: r.proveSeconds * 1000 }, { size: r.size!, answer: 'sat' as const, ms: r.findSeconds * 1000 }]
      : [];
  return { ...base, attempts, specKey: `npn:${r.problem}`, evidence: { kind: 'none' }, ...(r.status !== 'unknown' ? { circuit: '# stand-in circuit' } : {}), ...r };
}

/** Records in a deliberately scrambled order (the table must sort them). */
export const RECORDS: readonly StoreRecord[] = [
  rec({ problem: 'thr:3:2', family: 'thr', params: [3, 2], inputs: 3, basis: 'U2', status: 'optimal', size: 4, lowerBound: 4, seconds: 0.2, findSeconds: 0.05, proveSeconds: 0.1, timeoutSeconds: 60, createdAt: '2026-11-25T01:00:00.000Z' }),
  rec({ problem: 'maj:5', family: 'maj', params: [5], inputs: 5, basis: 'B2', status: 'optimal', size: 10, lowerBound: 10, seconds: 30.5, findSeconds: 1.5, proveSeconds: 28, timeoutSeconds: 60, createdAt: '2026-11-24T10:00:00.000Z' }),
  rec({ problem: 'maj:3', family: 'maj', params: [3], inputs: 3, basis: 'B2', status: 'optimal', size: 4, lowerBound: 4, seconds: 0.1, findSeconds: 0.02, proveSeconds: 0.04, timeoutSeconds: 60, createdAt: '2026-11-25T02:00:00.000Z' }),
  rec({ problem: 'maj:3', family: 'maj', params: [3], inputs: 3, basis: 'U2', status: 'optimal', size: 4, lowerBound: 4, seconds: 0.12, findSeconds: 0.03, proveSeconds: 0.05, timeoutSeconds: 60, createdAt: '2026-11-25T02:00:01.000Z' }),
  // A second encoder for maj:5 in U2: one found 11 without a proof, the other proved >= 11 but timed out: together they make it optimal.
  rec({ problem: 'maj:5', family: 'maj', params: [5], inputs: 5, basis: 'U2', status: 'feasible', size: 11, lowerBound: 9, seconds: 60, reason: 'time', timeoutSeconds: 60, createdAt: '2026-11-25T03:00:00.000Z' }),
  rec({ problem: 'maj:5', family: 'maj', params: [5], inputs: 5, basis: 'U2', encoder: 'fence', status: 'unknown', lowerBound: 11, seconds: 60, reason: 'time', timeoutSeconds: 60, createdAt: '2026-11-25T03:10:00.000Z' }),
  rec({ problem: 'sum:5', family: 'sum', params: [5], inputs: 5, outputs: 3, basis: 'B2', status: 'feasible', size: 12, lowerBound: 9, seconds: 60, reason: 'time', timeoutSeconds: 60, specKey: 'sha256:00', createdAt: '2026-11-25T04:00:00.000Z' }),
  rec({ problem: 'sum:5', family: 'sum', params: [5], inputs: 5, outputs: 3, basis: 'U2', status: 'unknown', lowerBound: 8, seconds: 60, reason: 'time', timeoutSeconds: 60, specKey: 'sha256:00', createdAt: '2026-11-25T04:10:00.000Z' }),
  // thr:3:2 has no B2 record: a missing cell.
  rec({ problem: 'mod3:3:0', family: 'mod3', params: [3, 0], inputs: 3, basis: 'B2', status: 'optimal', size: 5, lowerBound: 5, seconds: 0.3, findSeconds: 0.001, proveSeconds: 0.2, timeoutSeconds: 60, createdAt: '2026-11-25T00:30:00.000Z' }),
  rec({ problem: 'thr:10:2', family: 'thr', params: [10, 2], inputs: 10, basis: 'B2', status: 'unknown', lowerBound: 9, seconds: 60, reason: 'time', timeoutSeconds: 60, solver: 'minisat', createdAt: '2026-11-25T05:00:00.000Z' }),
];
