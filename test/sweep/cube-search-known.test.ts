/** synthesizeByCubes with a known circuit: upward only to just below it, same optimum as without. */
import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { localCubeRunner, synthesizeByCubes } from '../../src/sweep/cube-search.js';
import { synthesize } from '../../src/synth/synthesize.js';
import { shannonCircuit } from '../../src/improve/upper-bound.js';
import { circuitCost } from '../../src/core/cost.js';
import { UsageError } from '../../src/errors.js';

const P = { basis: 'B2', encoder: 'ssv', backend: 'auto', cubes: 4, workers: 1 } as const;

describe('cube search capped by a known circuit', () => {
  it('a minimum known circuit: only UNSAT sizes are solved, and it is the optimal answer', async () => {
    const spec = parseProblem('thr:4:2').spec;
    const one = await synthesize(spec, { backend: 'auto' });
    if (one.status !== 'optimal') throw new Error(`expected optimal, got ${one.status}`);
    const r = await synthesizeByCubes(spec, { ...P, runner: localCubeRunner(), upperBoundCircuit: one.circuit });
    expect(r).toMatchObject({ status: 'optimal', size: one.size, lowerBound: { size: one.size - 1 } });
    expect(r.stats.sizes.map((s) => s.answer)).toEqual(r.stats.sizes.map(() => 'unsat'));
    expect(r.stats.sizes.at(-1)!.size).toBe(one.size - 1);
  });

  it('a larger known circuit: the cubes find the smaller optimum, as without it', async () => {
    const spec = parseProblem('thr:4:2').spec;
    const loose = shannonCircuit(spec);
    const looseSize = circuitCost(loose, 'B2');
    expect(looseSize.inBasis && looseSize.size > 7).toBe(true);
    const r = await synthesizeByCubes(spec, { ...P, runner: localCubeRunner(), upperBoundCircuit: loose });
    expect(r).toMatchObject({ status: 'optimal', size: 7, lowerBound: { size: 6 } });
    // a search that may not reach the known size answers with the known circuit as the best found
    const capped = await synthesizeByCubes(spec, { ...P, runner: localCubeRunner(), upperBoundCircuit: loose, maxSize: 5 });
    expect(capped).toMatchObject({ status: 'feasible', size: looseSize.inBasis ? looseSize.size : -1, provenLowerBound: 6, reason: 'max-size' });
  });

  it('a known circuit that is wrong is refused', async () => {
    const spec = parseProblem('thr:4:2').spec;
    const wrong = shannonCircuit(parseProblem('thr:4:3').spec);
    await expect(synthesizeByCubes(spec, { ...P, runner: localCubeRunner(), upperBoundCircuit: wrong })).rejects.toMatchObject({ code: 'bad-upper-bound' });
    await expect(synthesizeByCubes(spec, { ...P, runner: localCubeRunner(), upperBoundCircuit: wrong })).rejects.toBeInstanceOf(UsageError);
  });
});
