/** The answer of an equivalence check, with its evidence. */

/** How a verdict was reached. */
export type EquivalenceMethod = 'exhaustive' | 'sat' | 'structural' | 'simulation';

/** Counters of a check. */
export interface EquivalenceStats {
  ms: number;
  /** Time until the end of SAT sweeping (the rest is the output miters). */
  sweepMs?: number;
  /** Nodes of the combined AIG (SAT engine). */
  aigNodes?: number;
  /** Gates of the combined AIG in the cones of the outputs structural hashing left undecided (what SAT sweeping works on). */
  coneNodes?: number;
  satCalls?: number;
  /** Internal equivalences proved and merged by SAT sweeping. */
  merged?: number;
  /** Of `merged`, those proved over a small cut without SAT. */
  cutMerged?: number;
  /** Counterexamples that refined the candidate classes. */
  refinements?: number;
  /** Merges found by structural hashing of the reduced graph, without SAT. */
  strashMerged?: number;
  /** Queries given up at the conflict limit. */
  undecided?: number;
  /** Sweeping queries asked again at once with a higher conflict limit. */
  retries?: number;
  /** Candidate pairs separated by justified patterns before any SAT query. */
  justified?: number;
  /** SAT counterexamples whose distance-1 neighbours were simulated, and of those, the ones that split a class. */
  neighbourRounds?: number;
  neighbourSplits?: number;
  /** Multiplexer encodings made in SAT (one if-then-else instead of three ANDs; a node counts again in each solver that encodes it). */
  muxEncoded?: number;
  /** Sweeping passes (each on the graph the previous one reduced, with a higher conflict limit). */
  passes?: number;
  /** SAT solvers started (the sweep recycles its solver). */
  solvers?: number;
}

/** Equivalent, different with a replayed counterexample, or unknown. */
export type EquivalenceVerdict =
  | { readonly verdict: 'equivalent'; readonly method: EquivalenceMethod; readonly backend?: string; readonly stats: EquivalenceStats }
  | {
      readonly verdict: 'different';
      readonly method: EquivalenceMethod;
      /** Index (in A) and name of an output that differs. */
      readonly output: number;
      readonly outputName: string;
      /** Input values in A's input order; replayed by simulation on both circuits before it is returned. */
      readonly counterexample: readonly boolean[];
      readonly valueA: boolean;
      readonly valueB: boolean;
      readonly stats: EquivalenceStats;
    }
  | { readonly verdict: 'unknown'; readonly reason: string; readonly stats: EquivalenceStats };
