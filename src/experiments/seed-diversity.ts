/**
 * Experiment `seed-diversity`: how many different circuits the seeds find for
 * each task (up to isomorphism, see canonical-circuit.ts), and how much of
 * each distinct circuit the subcircuit matcher (`findFunctions`, default
 * library) explains: the fraction of gates inside the cone of some match.
 */
import type { Circuit } from '../core/circuit.js';
import { findFunctions } from '../cuts/index.js';
import { IsomorphismTable } from './canonical-circuit.js';
import { configJson, resolveConfig, trainSeeds, type ExperimentConfig } from './config.js';
import type { Cell, ExperimentReport } from './result-table.js';

/** Runs the experiment. */
export async function runSeedDiversity(cfg: ExperimentConfig): Promise<ExperimentReport> {
  const tasks = resolveConfig(cfg);
  const summary: Cell[][] = [];
  const detail: Cell[][] = [];
  const timings: Record<string, unknown>[] = [];
  for (const task of tasks) {
    for (const model of cfg.models) {
      const iso = new IsomorphismTable();
      const classes = new Map<string, { seeds: number[]; size: number; circuit: Circuit }>();
      const runs = trainSeeds(task, cfg, model);
      for (const run of runs) {
        const r = run.result;
        timings.push({ task: task.name, model, seed: r.seed, trainMs: run.ms });
        if (!r.implementsSpec) continue;
        const key = iso.key(r.circuit);
        const c = classes.get(key);
        if (c) c.seeds.push(r.seed);
        else classes.set(key, { seeds: [r.seed], size: r.size, circuit: r.circuit });
      }
      let coverageSum = 0, index = 0;
      const matchedAll = new Map<string, number>();
      for (const c of classes.values()) {
        index++;
        const t0 = performance.now();
        const f = await findFunctions(c.circuit);
        timings.push({ task: task.name, model, circuit: index, findFunctionsMs: Math.round(performance.now() - t0) });
        coverageSum += f.coverage;
        const names = [...new Set(f.matches.map((m) => m.name))].sort();
        for (const n of names) matchedAll.set(n, (matchedAll.get(n) ?? 0) + 1);
        detail.push([task.name, model, index, c.seeds.join(' '), c.size, Number(f.coverage.toFixed(3)), `${f.coveredGates}/${f.gates}`, names.join(' ') || null]);
      }
      const exact = runs.filter((r) => r.result.implementsSpec).length;
      const sizes = [...classes.values()].map((c) => c.size).sort((a, b) => a - b);
      const matched = [...matchedAll].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, k]) => `${n}(${k})`).join(' ');
      summary.push([task.name, model, `${exact}/${cfg.seeds}`, classes.size, sizes.join(' ') || null, classes.size ? Number((coverageSum / classes.size).toFixed(3)) : null, matched || null]);
    }
  }
  return {
    name: 'seed-diversity',
    config: configJson(cfg),
    notes: [
      'Only seeds whose circuit implements the task are compared.',
      'Distinct = not isomorphic: not equal after renumbering gates, swapping the two fanins of a gate, and complementing a gate while its readers absorb the complement (free in B2); inputs and outputs stay in place. Functionally equal circuits are all isomorphism classes of the same function; input permutations are not factored out.',
      '`coverage`: fraction of gates inside the cones of disjoint matches of `waterloo find` (default library, cones of at least 2 gates, every output also tested over its whole input support; matches chosen greedily, largest cone first, so an output that computes a library function over its inputs covers its whole cone); `matched`: library functions found, with the number of distinct circuits containing each.',
    ],
    tables: [
      { title: 'Summary per task and model', columns: ['task', 'model', 'exact seeds', 'distinct circuits', 'sizes', 'mean coverage', 'matched'], rows: summary },
      { title: 'Distinct circuits', columns: ['task', 'model', 'circuit', 'seeds', 'size', 'coverage', 'covered gates', 'matched functions'], rows: detail },
    ],
    timings: { runs: timings },
  };
}
