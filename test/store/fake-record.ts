/** Synthetic store records for store tests (no solving). */
import type { InstanceStatus, StoreRecord } from '../../src/store/types.js';

/** A record of `problem` in B2/ssv with the given status and numbers; fields that only describe the run are fixed. */
export function fakeRecord(problem: string, status: InstanceStatus, size: number | undefined, lowerBound: number, extra: Partial<StoreRecord> = {}): StoreRecord {
  const [family = problem, ...params] = problem.split(':');
  return {
    problem,
    basis: 'B2',
    encoder: 'ssv',
    family,
    params: params.map(Number),
    inputs: Number(params[0] ?? 3),
    outputs: 1,
    specKey: `npn:3:${problem}`,
    status,
    ...(size === undefined ? {} : { size, circuit: `(${size} gates)` }),
    lowerBound,
    evidence: { kind: 'none' },
    solver: 'test',
    ...(status === 'optimal' ? {} : { reason: 'time' }),
    seconds: 0.5,
    attempts: [],
    version: 'test',
    command: 'test',
    host: 'test',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}
