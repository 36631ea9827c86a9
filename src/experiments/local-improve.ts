/** Local improvement of a trained circuit with settings that do not depend on the machine's speed. */
import type { Circuit } from '../core/circuit.js';
import { simulateTruthTables } from '../core/simulate.js';
import { InternalError } from '../errors.js';
import { improve } from '../improve/index.js';
import type { ProblemInstance } from '../problems/index.js';
import { specSatisfiedBy } from '../tt/spec.js';
import type { ExperimentConfig } from './config.js';

/** Outcome of improving one circuit. */
export interface LocalImprovement {
  readonly circuit: Circuit;
  readonly sizeBefore: number;
  readonly sizeAfter: number;
  readonly replacements: number;
  readonly rounds: number;
  /** Exact-synthesis calls that hit their time limit (non-zero makes the result machine-dependent). */
  readonly synthTimeouts: number;
  /** Whether the run stopped on `cfg.improveTimeLimitMs` (the result then depends on the machine's speed). */
  readonly timedOut: boolean;
  readonly ms: number;
}

/**
 * Improves `circuit` (B2, window order seed 1, at most `cfg.improveRounds`
 * rounds and `cfg.improveTimeLimitMs`), whatever its size. The result is
 * checked against the task by simulation.
 */
export async function improveTrained(circuit: Circuit, task: ProblemInstance, cfg: ExperimentConfig): Promise<LocalImprovement> {
  const t0 = performance.now();
  const r = await improve(circuit, { basis: 'B2', timeLimitMs: cfg.improveTimeLimitMs, maxRounds: cfg.improveRounds, callTimeLimitMs: cfg.improveCallTimeLimitMs, seed: 1 });
  if (!specSatisfiedBy(task.spec, simulateTruthTables(r.circuit))) {
    throw new InternalError(`internal error: improved circuit for ${task.name} does not implement it`);
  }
  return {
    circuit: r.circuit,
    sizeBefore: r.sizeBefore,
    sizeAfter: r.sizeAfter,
    replacements: r.replacements,
    rounds: r.rounds,
    synthTimeouts: r.stats.synthTimeouts,
    timedOut: r.stats.timedOut,
    ms: Math.round(performance.now() - t0),
  };
}
