/** The sweep engine's solver plumbing: CaDiCaL's setOption/solveSync, and the embedded MiniSat path. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { readCircuitFile } from '../../../src/io/formats.js';
import { cadicalNativeAvailable, createCadicalNativeSolver } from '../../../src/sat/backends/cadical-native.js';
import { checkEquivalence } from '../../../src/verify/equivalence.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('sweep plumbing', () => {
  it.skipIf(!cadicalNativeAvailable())('native CaDiCaL: setOption before clauses, solveSync answers like solve', () => {
    const s = createCadicalNativeSolver();
    try {
      s.setOption('lucky', 0);
      expect(() => s.setOption('no-such-option', 1)).toThrow(UsageError);
      const [a, b] = [s.newVar(), s.newVar()];
      s.addClause([a, b]);
      s.addClause([-a, b]);
      expect(() => s.setOption('elim', 0)).toThrow(UsageError);
      const r = s.solveSync({ assumptions: [-b], conflictLimit: 10 });
      expect(r.status).toBe('unsat');
      const q = s.solveSync({ assumptions: [a] });
      expect(q.status).toBe('sat');
      if (q.status === 'sat') expect(q.model[b]).toBe(1);
    } finally {
      s.close();
    }
  });

  it('the embedded MiniSat backend proves c432 against its ABC-optimised version', { timeout: 120_000 }, async () => {
    const a = readCircuitFile(join(ROOT, 'circuits', 'iscas85', 'c432.bench'));
    const b = readCircuitFile(join(ROOT, 'test', 'fixtures', 'abc-opt', 'c432.aig'));
    const v = await checkEquivalence(a, b, { match: 'position', backend: 'minisat', method: 'sat' });
    expect(v.verdict).toBe('equivalent');
  });
});
