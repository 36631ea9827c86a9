/** The simulated-worker figures of `npm run bench -- cubes`: the critical path of an assignment of cube times. */
import { describe, expect, it } from 'vitest';
import { inOrderMakespan, lptMakespan } from '../../src/bench/cubes.js';

describe('cube makespans', () => {
  it('in order: each cube goes to the first free worker; LPT: longest first', () => {
    const t = [1, 1, 1, 3];
    expect(inOrderMakespan(t, 1)).toBe(6);
    // workers free at 0,0 -> 1,1 -> 2,1 -> 2,4: the long cube comes last
    expect(inOrderMakespan(t, 2)).toBe(4);
    expect(lptMakespan(t, 2)).toBe(3);
    expect(inOrderMakespan(t, 8)).toBe(3);
    expect(lptMakespan([], 3)).toBe(0);
  });
});
