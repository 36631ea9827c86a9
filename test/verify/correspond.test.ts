/** Correspondence reports: every reported pair is checked by simulation. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Circuit } from '../../src/core/circuit.js';
import { randomPatterns, simulateNodes } from '../../src/core/simulate.js';
import { toAig } from '../../src/core/to-aig.js';
import { readCircuitFile } from '../../src/io/formats.js';
import { correspond, type CorrespondenceReport } from '../../src/verify/correspond.js';

const ROOT = join(import.meta.dirname, '..', '..');

function checkPairs(a: Circuit, b: Circuit, r: CorrespondenceReport): void {
  const pats = randomPatterns(a.numInputs, 8, 99);
  const sa = simulateNodes(a, pats), sb = simulateNodes(b, pats);
  for (const p of r.pairs) {
    for (let i = 0; i < 8; i++) {
      const x = sa.values[p.nodeA * 8 + i]!, y = sb.values[p.nodeB * 8 + i]!;
      expect((x ^ (p.complemented ? ~y : y)) >>> 0, `A ${p.nodeA} vs B ${p.nodeB}`).toBe(0);
    }
  }
}

describe('correspond', () => {
  it('maps every gate of c6288 to its AIG version', async () => {
    const a = readCircuitFile(join(ROOT, 'circuits', 'iscas85', 'c6288.bench'));
    const b = toAig(a);
    const r = await correspond(a, b);
    expect(r.coverage).toBeGreaterThan(0.99);
    expect(r.pairs.some((p) => p.nameA !== undefined)).toBe(true);
    checkPairs(a, b, r);
  });

  it('reports a proved partial correspondence against the ABC-optimised version', async () => {
    for (const name of ['c880', 'c3540']) {
      const a = readCircuitFile(join(ROOT, 'circuits', 'iscas85', `${name}.bench`));
      const b = readCircuitFile(join(ROOT, 'test', 'fixtures', 'abc-opt', `${name}.aig`));
      const r = await correspond(a, b, { match: 'position' });
      expect(r.coverage).toBeGreaterThan(0.3);
      expect(r.coverage).toBeLessThanOrEqual(1);
      checkPairs(a, b, r);
    }
  });
});
