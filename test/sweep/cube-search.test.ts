/** A size query split into cubes gives the same answer as one solve, with a certificate per cube, resumable. */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { localCubeRunner, solveSizeByCubes, synthesizeByCubes, type CubeRunner } from '../../src/sweep/cube-search.js';
import { reduceSpec } from '../../src/synth/reduce-spec.js';
import { synthesize } from '../../src/synth/synthesize.js';
import { verifyCircuit } from '../../src/synth/verify.js';
import { circuitCost } from '../../src/core/cost.js';
import { NO_SYMMETRY_BREAKING } from '../../src/synth/types.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

const P = { basis: 'B2', encoder: 'ssv', backend: 'auto', cubes: 6, workers: 2 } as const;

describe('cube split vs one solve', () => {
  it.each(['thr:4:2', 'mod3:4:0', 'exact:4:2', 'sum:3'])('%s: SAT at the optimum, UNSAT below it, as one solve says', async (name) => {
    const spec = parseProblem(name).spec;
    const one = await synthesize(spec, { backend: 'auto' });
    expect(one.status).toBe('optimal');
    if (one.status !== 'optimal') return;
    const red = reduceSpec(spec);
    const sat = await solveSizeByCubes(red, one.size, P, localCubeRunner());
    expect(sat.answer).toBe('sat');
    if (sat.answer === 'sat') {
      expect(verifyCircuit(sat.circuit, spec).ok).toBe(true);
      expect(circuitCost(sat.circuit, 'B2')).toMatchObject({ inBasis: true, size: one.size });
    }
    const unsat = await solveSizeByCubes(red, one.size - 1, P, localCubeRunner());
    expect(unsat.answer).toBe('unsat');
    if (unsat.answer === 'unsat') {
      expect(unsat.cubes).toBeGreaterThanOrEqual(6);
      expect(unsat.certificate.instances).toHaveLength(unsat.cubes);
      expect(new Set(unsat.certificate.instances.map((i) => i.cnfSha256)).size).toBe(unsat.cubes);
      expect(unsat.certificate.instances[0]!.label).toMatch(/cube 1\//);
    }
  });

  it('with symmetry breaking off the cubes still cover every circuit (UNSAT at opt - 1 of maj:3, SAT at opt)', async () => {
    const red = reduceSpec(parseProblem('maj:3').spec);
    const p = { ...P, symmetryBreaking: NO_SYMMETRY_BREAKING };
    expect((await solveSizeByCubes(red, 3, p, localCubeRunner())).answer).toBe('unsat');
    expect((await solveSizeByCubes(red, 4, p, localCubeRunner())).answer).toBe('sat');
  });

  it('synthesizeByCubes over two worker processes finds the optimum of one solve, with the certificate of opt - 1', async () => {
    const spec = parseProblem('thr:4:2').spec;
    const r = await synthesizeByCubes(spec, { ...P, cubes: 4 });
    expect(r).toMatchObject({ status: 'optimal', size: 7, lowerBound: { size: 6 } });
    if (r.status === 'optimal') expect(r.lowerBound!.instances.length).toBeGreaterThanOrEqual(4);
  });

  it('a checkpoint records the UNSAT cubes; a rerun skips them and gives the same certificate', async () => {
    const red = reduceSpec(parseProblem('mod3:4:0').spec);
    const checkpoint = join(tempDir(), 'cubes.json');
    const first = await solveSizeByCubes(red, 6, { ...P, checkpoint }, localCubeRunner());
    expect(first.answer).toBe('unsat');
    const saved = JSON.parse(readFileSync(checkpoint, 'utf8'));
    expect(Object.values(saved.queries)).toHaveLength(1);
    const never: CubeRunner = { solve: () => Promise.reject(new Error('no cube should be solved again')), cancel: () => undefined, close: () => undefined };
    const again = await solveSizeByCubes(red, 6, { ...P, checkpoint }, never);
    expect(again).toMatchObject({ answer: 'unsat', resumed: first.cubes });
    if (again.answer === 'unsat' && first.answer === 'unsat') expect(again.certificate.instances).toEqual(first.certificate.instances);
  });

  it('waterloo min --cubes N --workers W prints the optimum with one certificate entry per cube', () => {
    const r = runWaterloo(['min', '--problem', 'thr:4:2', '--cubes', '4', '--workers', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ status: 'optimal', size: 7, unsatAt: 6 });
    expect(j.certificate.instances.length).toBeGreaterThanOrEqual(4);
    const bad = runWaterloo(['min', '--problem', 'thr:4:2', '--cubes', '4', '--all', '2']);
    expect(bad.code).toBe(2);
  });
});
