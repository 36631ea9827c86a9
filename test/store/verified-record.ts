/**
 * Store records that pass verifyRecord: real circuits (from the published
 * results) with the instance's own spec key. For tests of the paths that
 * re-check records from outside the process (merge, collect, imports).
 */
import { parseProblem } from '../../src/problems/parse-problem.js';
import { specKeyOf } from '../../src/store/spec-key.js';
import type { InstanceStatus, StoreRecord } from '../../src/store/types.js';
import { fakeRecord } from './fake-record.js';

/** Verified B2 circuits (listings) by instance. */
export const B2_CIRCUITS: Readonly<Record<string, string>> = {
  'maj:3': 'inputs: x0 x1 x2\ng0 = AND(x0, x1)\ng1 = OR(x0, x1)\ng2 = AND(x2, g1)\ng3 = OR(g0, g2)\noutput f = g3\n',
  'maj:5':
    'inputs: x0 x1 x2 x3 x4\ng0 = XOR(x0, x1)\ng1 = XOR(x2, g0)\ng2 = XOR(x1, g1)\ng3 = XOR(x3, g1)\ng4 = XOR(x4, g1)\ng5 = OR(g0, g2)\ng6 = OR(g3, g4)\ng7 = AND(g5, g6)\ng8 = XOR(g1, g7)\noutput f = g8\n',
  'thr:5:4':
    'inputs: x0 x1 x2 x3 x4\ng0 = AND(x0, x1)\ng1 = XOR(x3, g0)\ng2 = OR(x0, x1)\ng3 = AND(x2, g2)\ng4 = AND(g1, g3)\ng5 = OR(x2, x4)\ng6 = AND(x3, g0)\ng7 = AND(x4, g4)\ng8 = XOR(g6, g7)\ng9 = AND(g5, g8)\noutput f = g9\n',
  'exact:5:4':
    'inputs: x0 x1 x2 x3 x4\ng0 = AND(x0, x1)\ng1 = OR(x0, x1)\ng2 = AND(x2, g1)\ng3 = XOR(g0, g2)\ng4 = AND(g0, g2)\ng5 = XOR(x3, g4)\ng6 = GT(x3, g3)\ng7 = XOR(x4, g6)\ng8 = XOR(g5, g6)\ng9 = AND(g7, g8)\noutput f = g9\n',
};

/** A B2 record of `problem` that verifyRecord accepts: with the circuit above when `status` is not unknown. */
export function verifiedRecord(problem: string, status: InstanceStatus, lowerBound: number, extra: Partial<StoreRecord> = {}): StoreRecord {
  const p = parseProblem(problem);
  const circuit = extra.circuit ?? B2_CIRCUITS[problem];
  if (status !== 'unknown' && circuit === undefined) throw new Error(`no test circuit for ${problem}`);
  const size = status === 'unknown' ? undefined : circuit!.split('\n').filter((l) => / = [A-Z]/.test(l) && !l.startsWith('output')).length;
  const { circuit: _stand, ...base } = fakeRecord(problem, status, size, lowerBound);
  return {
    ...base,
    family: p.family,
    params: [...p.params],
    inputs: p.spec.numInputs,
    outputs: p.spec.outputs.length,
    specKey: specKeyOf(p.spec),
    ...(size === undefined ? {} : { circuit: circuit! }),
    ...extra,
  };
}
