/** Live split groups: the probe drops exactly variables that no model sets, and the real split shrinks to the live fanin pairs. */
import { describe, expect, it } from 'vitest';
import { liveSplitGroups } from '../../src/cubes/cube-probe.js';
import { encodeForCubes } from '../../src/cubes/cube-task.js';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { createSolver } from '../../src/sat/registry.js';
import type { Cnf } from '../../src/sat/types.js';
import { SSV_ENCODER } from '../../src/synth/encoders/ssv.js';
import { reduceSpec } from '../../src/synth/reduce-spec.js';
import { NO_SYMMETRY_BREAKING } from '../../src/synth/types.js';
import { makeSpec, specToJson } from '../../src/tt/spec.js';
import { createFromFunction } from '../../src/tt/truth-table.js';
import { Rng } from '../../src/util/rng.js';

const SEED = 20261207;

const cnf = (numVars: number, clauses: number[][]): Cnf => ({ numVars, clauses: clauses.map((c) => Int32Array.from(c)) });

describe('liveSplitGroups', () => {
  it('drops a variable whose probe conflicts, keeps the rest, and leaves groups past the requested count unprobed', () => {
    // group [1, 2, 3] exactly one; 2 implies both 4 and not 4; group [5, 6] where 5 implies 2
    const f = cnf(6, [[1, 2, 3], [-1, -2], [-1, -3], [-2, -3], [-2, 4], [-2, -4], [5, 6], [-5, 2]]);
    expect(liveSplitGroups(f, [[1, 2, 3], [5, 6]], 8)).toEqual([[1, 3], [6]]);
    // two live variables already give the 2 cubes asked for: the second group is not probed
    expect(liveSplitGroups(f, [[1, 2, 3], [5, 6]], 2)).toEqual([[1, 3], [5, 6]]);
  });

  it('an instance refuted by propagation alone keeps its groups (any split of it is UNSAT)', () => {
    expect(liveSplitGroups(cnf(2, [[1], [-1]]), [[1, 2]], 4)).toEqual([[1, 2]]);
  });

  it('the 9th gate of a 5-input chain keeps the 12 fanin pairs that read gate 8 (every gate is used)', () => {
    const core = reduceSpec(parseProblem('exact:5:1').spec).core;
    const [inst] = [...SSV_ENCODER.encode({ spec: core, basis: 'B2', size: 9 })];
    const groups = inst!.splitGroups!();
    const [last] = liveSplitGroups(inst!.cnf, groups, 12);
    expect(groups[0]).toHaveLength(78);
    // pair index p = k(k-1)/2 + j; the pairs (j, 12) are the last 12
    expect(last).toEqual(groups[0]!.slice(66));
  });

  it('the cube split of that query cuts along the live pairs: 64 asked, 12 x 6 made, each cube one live last-gate pair', () => {
    const core = reduceSpec(parseProblem('exact:5:1').spec).core;
    const { inst, cubes } = encodeForCubes({ spec: specToJson(core), basis: 'B2', encoder: 'ssv', size: 9, cubes: 64 });
    const live = new Set(inst.splitGroups!()[0]!.slice(66));
    expect(cubes).toHaveLength(72);
    for (const c of cubes) {
      expect(c.clauses[0]).toHaveLength(1);
      expect(live.has(c.clauses[0]![0]!)).toBe(true);
    }
  });

  it(`every dropped variable is false in every model (random 3- and 4-input specs, sizes 2-5, symmetry breaking on and off; seed ${SEED})`, async () => {
    console.log(`seed ${SEED}`);
    const rng = new Rng(SEED);
    let dropped = 0;
    for (let run = 0; run < 16; run++) {
      const n = 3 + rng.below(2);
      const spec = makeSpec(n, [createFromFunction(n, () => rng.below(2) === 1)]);
      const core = reduceSpec(spec).core;
      if (core.outputs.length === 0) continue;
      const size = 2 + rng.below(4);
      const sb = run % 2 === 0 ? {} : { symmetryBreaking: NO_SYMMETRY_BREAKING };
      const [inst] = [...SSV_ENCODER.encode({ spec: core, basis: 'B2', size, ...sb })];
      const groups = inst!.splitGroups!();
      const live = liveSplitGroups(inst!.cnf, groups, 1 << 20);
      const gone = groups.flatMap((g, i) => g.filter((v) => !live[i]!.includes(v)));
      expect(live.every((g, i) => g.every((v) => groups[i]!.includes(v)))).toBe(true);
      if (gone.length === 0) continue;
      dropped += gone.length;
      // a model that sets any dropped variable would satisfy this clause too
      const s = await createSolver('auto');
      try {
        s.addCnf({ numVars: inst!.cnf.numVars, clauses: [...inst!.cnf.clauses, Int32Array.from(gone)] });
        expect((await s.solve()).status, `run ${run}: ${n} inputs, size ${size}`).toBe('unsat');
      } finally {
        s.close();
      }
    }
    expect(dropped).toBeGreaterThan(0);
  });
});
