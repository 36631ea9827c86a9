import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/util/rng.js';

describe('Rng.shuffle', () => {
  it('is a seeded permutation drawn as Fisher-Yates from the end, one below(i + 1) per position (seed 11)', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const got = new Rng(11).shuffle([...items]);
    expect([...got].sort((a, b) => a - b)).toEqual(items);
    expect(new Rng(11).shuffle([...items])).toEqual(got);
    // the draws improve's window order depends on: the same as the loop it replaced
    const rng = new Rng(11);
    const want = [...items];
    for (let i = want.length - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      [want[i], want[j]] = [want[j]!, want[i]!];
    }
    expect(got).toEqual(want);
    expect(new Rng(11).shuffle([])).toEqual([]);
  });
});
