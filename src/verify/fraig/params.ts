/**
 * Parameters and counters of SAT sweeping (fraiging), and the rule that
 * decides whether a heuristic of the sweep is still worth its cost.
 */
import type { SatSolver } from '../../sat/types.js';

/** Parameters of a SAT sweep ({@link SatSweeper}). */
export interface FraigParams {
  /** Creates a fresh SAT solver (called again at every recycle). */
  readonly makeSolver: () => Promise<SatSolver>;
  /** Conflict limit per internal query (backends without one ignore it). */
  readonly conflictLimit: number;
  /** Deadline (ms since epoch) after which internal queries stop. */
  readonly deadline: number;
  readonly seed: number;
  /** Words of random simulation per node (32 patterns each); 0 picks by size. */
  readonly simWords: number;
  /** Start a fresh solver after this many queries on one solver ... */
  readonly recycleCalls: number;
  /** ... once it also holds more than this many variables. */
  readonly recycleVars: number;
  /** Skip the internal SAT queries (structural merges only). */
  readonly structuralOnly: boolean;
  /** A query given up at the conflict limit is asked again with this many times the limit ... */
  readonly retryFactor: number;
  /** ... while there have been fewer than retryBase + retryShare x SAT calls so far (a count, so runs repeat). */
  readonly retryBase: number;
  readonly retryShare: number;
  /**
   * Before a SAT query, the pair is separated by justification if it can be
   * (pair-justifier.ts), with at most this many node assignments per polarity
   * (at most 2000), while justification has made fewer than justifyShare x nodes in all; 0 = off.
   */
  readonly justifySteps: number;
  readonly justifyShare: number;
  /**
   * After a SAT counterexample, the live classes are split by its distance-1
   * neighbours (see `SimClasses.refineByNeighbours`) while that has simulated fewer than
   * neighbourShare x nodes node-words in all, and only when one round
   * simulates at most neighbourRoundWork node-words; 0 = off. (A round's
   * work counts, per word, the gates simulated and the live classes scanned.)
   */
  readonly neighbourShare: number;
  readonly neighbourRoundWork: number;
  /** Encode multiplexers (AND of two complemented ANDs over s and !s) as one if-then-else (see `LazyCnf.muxOf`). */
  readonly encodeMuxes: boolean;
}

/** Defaults of {@link FraigParams} (without the solver factory). */
export const DEFAULT_FRAIG_PARAMS: Readonly<Omit<FraigParams, 'makeSolver'>> = Object.freeze({
  conflictLimit: 1000,
  deadline: Number.POSITIVE_INFINITY,
  seed: 1,
  simWords: 0,
  recycleCalls: 250,
  recycleVars: 4000,
  structuralOnly: false,
  retryFactor: 10,
  retryBase: 8,
  retryShare: 0.05,
  justifySteps: 100,
  justifyShare: 200,
  neighbourShare: 400,
  neighbourRoundWork: 50_000,
  encodeMuxes: true,
});

/** Counters of a SAT sweep. */
export interface FraigStats {
  /** Internal and output SAT queries. */
  satCalls: number;
  /** Merges proved by SAT or over a small cut (see cutMerged). */
  merged: number;
  /** Of `merged`, those proved by exhaustive simulation over a small common cut (no SAT call). */
  cutMerged: number;
  /** Merges found by structural hashing of the reduced graph (no SAT call). */
  strashMerged: number;
  /** Counterexamples that refined the candidate classes. */
  refinements: number;
  /** Queries given up at the conflict limit (after any retry). */
  undecided: number;
  /** Queries asked again with a higher limit. */
  retries: number;
  /** Candidate pairs separated by justification before SAT (see pair-justifier.ts). */
  justified: number;
  /** SAT counterexamples whose distance-1 neighbours were simulated, and of those, the ones that split a class. */
  neighbourRounds: number;
  neighbourSplits: number;
  /** Multiplexer encodings made (six clauses over the select and the two data inputs; a node counts again in each solver that encodes it). */
  muxEncoded: number;
  /** Fresh solvers started. */
  solvers: number;
}

/** Counters of a sweep that has not started. */
export function emptyFraigStats(): FraigStats {
  return { satCalls: 0, merged: 0, cutMerged: 0, strashMerged: 0, refinements: 0, undecided: 0, retries: 0, justified: 0, neighbourRounds: 0, neighbourSplits: 0, muxEncoded: 0, solvers: 0 };
}

/**
 * Whether a heuristic is still worth trying: during its first `trial` tries
 * always, then while at least a quarter of its tries succeeded (the rule of
 * justification, neighbour rounds and retries alike).
 */
export function stillPaying(tries: number, successes: number, trial: number): boolean {
  return tries < trial || 4 * successes >= tries;
}
