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
  readonly ms: number;
}

/**
 * Improves `circuit` (B2, window order seed 1, `cfg.improveRounds` rounds, no
 * overall time limit); undefined when the circuit is larger than
 * `cfg.improveMaxSize`. The result is checked against the task by simulation.
 */
export async function improveTrained(circuit: Circuit, size: number, task: ProblemInstance, cfg: ExperimentConfig): Promise<LocalImprovement | undefined> {
  if (size > cfg.improveMaxSize) return undefined;
  const t0 = performance.now();
  const r = await improve(circuit, { basis: 'B2', timeLimitMs: 0, maxRounds: cfg.improveRounds, callTimeLimitMs: cfg.improveCallTimeLimitMs, seed: 1 });
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
    ms: Math.round(performance.now() - t0),
  };
}
