import { describe, expect, it } from 'vitest';
import { chooseRepeats } from '../../src/bench/cec.js';

describe('bench cec: repetitions for the steady-state figure', () => {
  const tool = (wholeMs: number, startupMs: number) => ({ wholeMs, startupMs });

  it('skips pairs where either tool takes over 5 s for one check', () => {
    expect(chooseRepeats([tool(6000, 90), tool(50, 20)])).toBe(0);
    expect(chooseRepeats([tool(100, 90), tool(5200, 20)])).toBe(0);
  });

  it('aims at about 0.5 s of timed checks for the faster tool, from its cost per check (whole process minus start-up)', () => {
    // ABC: 120 ms whole, 20 ms start-up -> 100 ms a check -> 5 checks make 0.5 s.
    expect(chooseRepeats([tool(400, 100), tool(120, 20)])).toBe(5);
    // ABC 1 ms a check: 500 checks.
    expect(chooseRepeats([tool(95, 90), tool(21, 20)])).toBe(500);
  });

  it('caps the repeats at 2000 when both checks hide in start-up noise', () => {
    expect(chooseRepeats([tool(90, 90), tool(19, 20)])).toBe(2000);
  });

  it("keeps the slower tool's longest run (1 + 2R checks) under ~30 s and times at least one check", () => {
    // waterloo 4 s a check, ABC 10 ms: 0.5 s / 10 ms = 50, but (30 s / 4 s - 1) / 2 allows 3.
    expect(chooseRepeats([tool(4090, 90), tool(30, 20)])).toBe(3);
    // ABC 500 ms a check reaches 0.5 s with 1 check.
    expect(chooseRepeats([tool(4090, 90), tool(520, 20)])).toBe(1);
    expect(chooseRepeats([tool(4990, 90), tool(4900, 20)])).toBeGreaterThanOrEqual(1);
  });
});
