/** `waterloo eq --window` names the leaves and roots of its correspondence as the circuit file does. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWaterloo, tempDir } from '../helpers/cli.js';

describe('waterloo eq --window', () => {
  it('a majority inside a circuit: the correspondence by name, leaf/root index and node', () => {
    const dir = tempDir();
    const file = join(dir, 'maj.bench');
    writeFileSync(file, 'INPUT(a)\nINPUT(b)\nINPUT(c)\nOUTPUT(m)\nt1 = AND(a, b)\nt2 = OR(a, b)\nt3 = AND(t2, c)\nm = OR(t1, t3)\n');
    const r = runWaterloo(['eq', '--window', 'm', '--leaves', 'c,a,b', file, '--problem', 'maj:3']);
    expect(r.code).toBe(0);
    // leaf i is target input i: t0 = c (leaf 0, node 3)
    expect(r.stdout).toMatch(/^equivalent \(\w+\): t0=c \(leaf 0, node 3\) t1=a \(leaf 1, node 1\) t2=b \(leaf 2, node 2\); out0=m \(root 0, node \d+\)$/m);
  });
});
