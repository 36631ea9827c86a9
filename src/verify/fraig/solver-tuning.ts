/**
 * Solver settings for SAT sweeping: many short incremental queries on small
 * formulas. Both capabilities used here are optional members of
 * {@link SatSolver} (native CaDiCaL has them); other backends run unchanged.
 */
import type { SatSolver, SolveOptions, SolveResult } from '../../sat/types.js';

/** CaDiCaL options for many short incremental queries on small formulas. */
const CADICAL_SWEEP_OPTIONS: readonly (readonly [string, number])[] = [['lucky', 0], ['elim', 0], ['probe', 0], ['subsume', 0], ['vivify', 0], ['walk', 0]];

/** Solves on the calling thread when the backend can (`solveSync`, native CaDiCaL), else awaits `solve`. */
export function solveQuick(s: SatSolver, opts: Omit<SolveOptions, 'signal'>): SolveResult | Promise<SolveResult> {
  return typeof s.solveSync === 'function' ? s.solveSync(opts) : s.solve(opts);
}

/** Applies {@link CADICAL_SWEEP_OPTIONS} to a fresh solver when it has `setOption` (native CaDiCaL). */
export function tuneSolver(s: SatSolver): void {
  if (typeof s.setOption !== 'function') return;
  for (const [name, value] of CADICAL_SWEEP_OPTIONS) {
    try {
      s.setOption(name, value);
    } catch {
      // an option this CaDiCaL version lacks: keep its default
    }
  }
}
