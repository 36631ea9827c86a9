/** Cube tasks name their split version, and an unknown version is refused. */
import { describe, expect, it } from 'vitest';
import { encodeForCubes, solveCube } from '../../src/cubes/cube-task.js';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { reduceSpec } from '../../src/synth/reduce-spec.js';
import { specToJson } from '../../src/tt/spec.js';

const core = reduceSpec(parseProblem('maj:3').spec).core;
const query = { spec: specToJson(core), basis: 'B2' as const, encoder: 'ssv' as const, size: 3, cubes: 4 };

describe('cube tasks and the split version', () => {
  it('a certificate entry names the live split (split-v2); version 1 re-derives the cubes of older records', async () => {
    const now = await solveCube({ ...query, index: 0, backend: 'auto' });
    expect(now).toMatchObject({ answer: 'unsat', entry: { label: expect.stringMatching(/^ssv r=3 split-v2 cube 1\/\d+$/) } });
    const old = await solveCube({ ...query, split: 1, index: 0, backend: 'auto' });
    expect(old).toMatchObject({ answer: 'unsat', entry: { label: expect.stringMatching(/^ssv r=3 cube 1\/\d+$/) } });
    // maj:3 at 3 gates: the old split cuts all 15 pairs of the last gate, the live one only those it can read
    expect(encodeForCubes({ ...query, split: 1 }).cubes.length).toBeGreaterThanOrEqual(encodeForCubes(query).cubes.length);
  });

  it('an unknown split version is refused', () => {
    expect(() => encodeForCubes({ ...query, split: 3 })).toThrow(/split version 3/);
  });
});
