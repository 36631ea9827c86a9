import { describe, expect, it } from 'vitest';
import { chooseRepeats } from '../../src/bench/cec.js';

describe('bench cec: repetitions for the steady-state figure', () => {
  const tool = (wholeMs: number, startupMs: number) => ({ wholeMs, startupMs });

  it('skips pairs where either tool takes over 5 s for one check', () => {
    expect(chooseRepeats([tool(6000, 90), tool(50, 20)])).toBe(0);
    expect(chooseRepeats([tool(100, 90), tool(5200, 20)])).toBe(0);
  });

  it('aims at about 1 s for the faster tool, from its cost per check (whole process minus start-up), capped at 50', () => {
    // ABC: 120 ms whole, 20 ms start-up -> 100 ms a check -> 10 repeats reach ~1 s.
    expect(chooseRepeats([tool(400, 100), tool(120, 20)])).toBe(10);
    // A check hidden in start-up noise would ask for thousands of repeats.
    expect(chooseRepeats([tool(95, 90), tool(21, 20)])).toBe(50);
  });

  it('keeps the slower tool under ~20 s and repeats at least once', () => {
    // waterloo 4 s a check, ABC 10 ms: 1 s / 10 ms = 100, but 20 s / 4 s allows 4.
    expect(chooseRepeats([tool(4090, 90), tool(30, 20)])).toBe(4);
    // ABC 500 ms a check reaches 1 s with 2 repeats; waterloo's 3 checks then take 12 s.
    expect(chooseRepeats([tool(4090, 90), tool(520, 20)])).toBe(2);
    expect(chooseRepeats([tool(4990, 90), tool(4900, 20)])).toBeGreaterThanOrEqual(1);
  });
});
