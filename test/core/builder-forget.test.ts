import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';

describe('CircuitBuilder.forgetStructure', () => {
  it('keeps later gates from merging with earlier ones, while trivial folding still applies', () => {
    const b = new CircuitBuilder();
    const [x, y, z] = b.addInputs(3) as [number, number, number];
    const a1 = b.and(x, y);
    expect(b.and(y, x)).toBe(a1);
    const x1 = b.xor(x, z);
    b.forgetStructure();
    const a2 = b.and(x, y);
    expect(a2).not.toBe(a1);
    expect(b.xor(x, z)).not.toBe(x1);
    expect(b.and(y, x)).toBe(a2); // hashing resumes after the reset
    expect(b.and(x, x)).toBe(x);
    expect(b.and(x, x ^ 1)).toBe(0);
    expect(b.numGates).toBe(4);
  });
});
