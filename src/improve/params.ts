/**
 * The parameters, counters and result of local improvement ({@link improve}
 * in driver.ts), their defaults and their range check.
 */
import type { BasisName } from '../core/basis.js';
import type { Circuit } from '../core/circuit.js';
import { UsageError } from '../errors.js';
import type { BackendName } from '../sat/registry.js';

/** Parameters of {@link improve}. */
export interface ImproveParams {
  /** Basis of the result and of the size measure (MIG is not supported). */
  readonly basis: BasisName;
  /** Maximum number of leaves (inputs) of a window; at most 8. */
  readonly windowInputs: number;
  /** Maximum number of gates in a window. */
  readonly windowSize: number;
  /** Overall time limit (ms); 0 = none. The final equivalence proof is not counted. */
  readonly timeLimitMs: number;
  /** Time limit of each exact-synthesis call (ms). */
  readonly callTimeLimitMs: number;
  /** Seed of the window order. */
  readonly seed: number;
  /** Stop after this many rounds (a round visits every gate once as a window seed; every plateau move is followed by one). */
  readonly maxRounds: number;
  /** Randomised window growths per seed gate. */
  readonly windowsPerSeed: number;
  /** SAT backend of the exact-synthesis calls. */
  readonly backend: BackendName | 'auto';
  /** Use unreachable leaf patterns as don't-cares when the circuit has at most this many inputs (exhaustive simulation); 0 = never. */
  readonly dontCareMaxInputs: number;
  /**
   * Plateau moves allowed in a row without a size decrease (0 = stop at the
   * first local optimum): when a round finds no smaller window, one window is
   * replaced by a different circuit of the same size (exact synthesis with its
   * leaves in a seeded random order) and the rounds go on from there.
   */
  readonly plateauMoves: number;
  /** Stop as soon as the size is at most this (0 = no target), e.g. a best known size. */
  readonly targetSize: number;
  /**
   * Restarts from the input with a derived seed when a descent is over (no
   * plateau move found, or `plateauMoves` of them in a row without a
   * decrease); the smallest circuit of all descents is returned. Only with
   * plateauMoves > 0.
   */
  readonly restarts: number;
}

/** Defaults of {@link ImproveParams}. */
export const DEFAULT_IMPROVE_PARAMS: Readonly<ImproveParams> = Object.freeze({
  basis: 'B2',
  windowInputs: 5,
  windowSize: 7,
  timeLimitMs: 60_000,
  callTimeLimitMs: 2_000,
  seed: 1,
  maxRounds: 1000,
  windowsPerSeed: 2,
  backend: 'auto',
  dontCareMaxInputs: 16,
  plateauMoves: 40,
  targetSize: 0,
  restarts: 4,
});

/** Counters of an {@link improve} run. */
export interface ImproveStats {
  /** Windows whose function was computed. */
  windows: number;
  /** Windows skipped because a leaf depends on the window (splicing would make a cycle). */
  nonConvex: number;
  /** Windows whose function had already been tried at that size (cached). */
  cacheHits: number;
  /** Exact-synthesis calls. */
  synthCalls: number;
  /** Calls that ended on a time limit. */
  synthTimeouts: number;
  synthMs: number;
  verifyMs: number;
  totalMs: number;
  /** Equal-size replacements made to leave a local optimum. */
  plateauMoves: number;
  /** Restarts from the input (see ImproveParams.restarts). */
  restarts: number;
  /** When the final size was first reached (ms from the start). */
  finalSizeAtMs: number;
  /** Whether the run stopped on the time limit (otherwise: converged or maxRounds). */
  timedOut: boolean;
  /**
   * How the result was proved equivalent to the input: exhaustive simulation,
   * one SAT check of the whole, or (when that check hit a limit) the chain of
   * replacements, each of which was proved on its own.
   */
  finalCheck: 'exhaustive' | 'sat' | 'chain';
}

/** Result of {@link improve}. */
export interface ImproveResult {
  /** The improved circuit (in the basis, equivalent to the input, same inputs and outputs by position). */
  readonly circuit: Circuit;
  /** Size in the basis after conversion into it, before any improvement. */
  readonly sizeBefore: number;
  readonly sizeAfter: number;
  readonly basis: BasisName;
  /** Rounds started. */
  readonly rounds: number;
  /** Windows replaced by smaller circuits. */
  readonly replacements: number;
  readonly stats: ImproveStats;
}

/** Largest accepted `windowInputs`. */
export const MAX_IMPROVE_WINDOW_INPUTS = 8;

/** Throws UsageError (`bad-param`, or `unsupported` for MIG) when a parameter is out of range. */
export function checkImproveParams(p: ImproveParams): void {
  const int = (name: string, v: number, lo: number, hi: number): void => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new UsageError(`improve: ${name} must be an integer in [${lo}, ${hi}], got ${v}`, 'bad-param');
  };
  int('windowInputs', p.windowInputs, 1, MAX_IMPROVE_WINDOW_INPUTS);
  int('windowSize', p.windowSize, 2, 64);
  int('maxRounds', p.maxRounds, 0, 1e9);
  int('windowsPerSeed', p.windowsPerSeed, 1, 1000);
  int('plateauMoves', p.plateauMoves, 0, 1e9);
  int('targetSize', p.targetSize, 0, 1e9);
  int('restarts', p.restarts, 0, 1e9);
  if (!(p.timeLimitMs >= 0)) throw new UsageError(`improve: timeLimitMs must be >= 0, got ${p.timeLimitMs}`, 'bad-param');
  if (!(p.callTimeLimitMs > 0)) throw new UsageError(`improve: callTimeLimitMs must be > 0, got ${p.callTimeLimitMs}`, 'bad-param');
  if (p.basis === 'MIG') throw new UsageError('improve does not support the MIG basis', 'unsupported');
}
