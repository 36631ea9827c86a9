/** Cubes partition the models: every choice of one variable per group lies in exactly one cube. */
import { describe, expect, it } from 'vitest';
import { cubeCount, splitIntoCubes } from '../../src/cubes/cube-split.js';

/** All ways to pick one variable of each group. */
function choices(groups: number[][]): number[][] {
  return groups.reduce<number[][]>((acc, g) => acc.flatMap((c) => g.map((v) => [...c, v])), [[]]);
}

describe('splitIntoCubes', () => {
  const shapes: [number[], number][] = [
    [[5], 1],
    [[5], 3],
    [[5], 5],
    [[5], 9],
    [[3, 4, 2], 7],
    [[3, 4, 2], 12],
    [[3, 4, 2], 100],
    [[6, 1, 3], 10],
  ];
  it.each(shapes)('groups of sizes %j split for %i: a partition of at least min(count, all) cubes', (sizes, count) => {
    let v = 1;
    const groups = sizes.map((n) => Array.from({ length: n }, () => v++));
    const cubes = splitIntoCubes(groups, count);
    expect(cubes.length).toBe(cubeCount(groups, count));
    const all = choices(groups).length;
    expect(cubes.length).toBeGreaterThanOrEqual(Math.min(count, sizes.filter((n) => n >= 2).reduce((a, n) => a * n, 1)));
    expect(cubes.length).toBeLessThanOrEqual(all);
    for (const choice of choices(groups)) {
      const set = new Set(choice);
      const holding = cubes.filter((c) => c.clauses.every((cl) => cl.some((x) => set.has(x))));
      expect(holding.length, `choice ${choice.join(',')}`).toBe(1);
    }
  });
});
