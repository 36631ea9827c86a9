/**
 * Types shared by the exact-synthesis encoders and the single driver.
 *
 * An encoder turns "is there a circuit of exactly `size` gates in `basis`
 * computing `spec`?" into one or more CNF instances. The answer is yes iff
 * some instance is SAT; a decoded circuit is always re-simulated against the
 * spec by the driver. SSV-style encoders produce one instance per size;
 * topology-based encoders (fences) produce one per topology family.
 */
import type { BasisName } from '../core/basis.js';
import type { Circuit } from '../core/circuit.js';
import type { Cnf } from '../sat/types.js';
import type { FunctionSpec } from '../tt/spec.js';
import type { ReducedSpec } from './reduce-spec.js';

/** Names of the encoders (exhaustive; the registry is a Record over this). */
export type EncoderName = 'ssv' | 'fence' | 'mc' | 'kgate';

/** One size query. */
export interface SynthesisQuery {
  readonly spec: FunctionSpec;
  readonly basis: BasisName;
  /** Exact number of gates. */
  readonly size: number;
  /** Optional bound on the depth of every output. */
  readonly maxDepth?: number;
  /**
   * Symmetry-breaking switches (each defaults to on, see
   * {@link DEFAULT_SYMMETRY_BREAKING}). Encoders ignore switches that do not
   * apply to them.
   */
  readonly symmetryBreaking?: Partial<SymmetryBreaking>;
  /**
   * CEGAR: when present, only these minterms (of the care sets) are
   * constrained. Symmetry breaking still derives from the whole spec, so an
   * UNSAT answer for a subset of rows proves UNSAT for the whole spec.
   */
  readonly rows?: readonly number[];
}

/**
 * Symmetry-breaking rules of the step-based encoders. Each one only removes
 * circuits that are not minimal or that have an equivalent canonical form
 * (see src/synth/encoders/ssv.ts for the argument), so the optimum size is
 * unchanged; the cross-check tests compare all rules on against all off.
 */
export interface SymmetryBreaking {
  /** Normal gates: op(0,0) = 0 (output polarity free); the all-zero row needs no variables. */
  readonly normal: boolean;
  /** Every gate depends on both of its fanins (no constants or projections). */
  readonly nonTrivial: boolean;
  /** Every gate is an output or read by a later gate; one output = the last gate. */
  readonly allUsed: boolean;
  /** No gate reads (j, i) where gate i reads (j, k); in B2/XAIG also no gate reads two gates that read the same pair. */
  readonly noReapplication: boolean;
  /** No two gates with the same fanin pair and the same op. */
  readonly noDuplicates: boolean;
  /** Consecutive gates' fanin pairs non-decreasing in colex order; equal pairs have increasing ops. */
  readonly colex: boolean;
  /** Inputs the whole spec is symmetric in are first used in index order. */
  readonly symmetricInputs: boolean;
}

/** All symmetry-breaking rules on (the default). */
export const DEFAULT_SYMMETRY_BREAKING: Readonly<SymmetryBreaking> = Object.freeze({
  normal: true,
  nonTrivial: true,
  allUsed: true,
  noReapplication: true,
  noDuplicates: true,
  colex: true,
  symmetricInputs: true,
});

/** All symmetry-breaking rules off (for cross-checks). */
export const NO_SYMMETRY_BREAKING: Readonly<SymmetryBreaking> = Object.freeze({
  normal: false,
  nonTrivial: false,
  allUsed: false,
  noReapplication: false,
  noDuplicates: false,
  colex: false,
  symmetricInputs: false,
});

/** One CNF instance of a query, with the decoder for its models. */
export interface EncodedInstance {
  readonly cnf: Cnf;
  /** Human-readable label (e.g. the fence), for certificates and logs. */
  readonly label: string;
  /** Builds the circuit a model describes (inputs/outputs of the spec, gates in order). */
  decode(model: Int8Array): Circuit;
  /**
   * Optional: a clause that excludes the circuit structure of `model` (and
   * nothing else that decodes to a different circuit), for enumerating
   * distinct solutions.
   */
  blockingClause?(model: Int8Array): Int32Array;
  /**
   * Optional, for splitting one instance into cubes (src/cubes/): groups of
   * variables such that every model sets exactly one variable of each group
   * (the encoding enforces it), most useful group first. A clause over part of
   * a group, one per part, then partitions the instance.
   */
  splitGroups?(): readonly (readonly number[])[];
}

/**
 * An instance that grows by truth-table rows (CEGAR). Its `cnf` always
 * describes the whole instance so far; {@link IncrementalInstance.addRows}
 * returns only what was added.
 */
export interface IncrementalInstance extends EncodedInstance {
  /** Adds the constraints of more minterms; returns the new clauses and the new variable count. */
  addRows(rows: readonly number[]): Cnf;
  /** The minterms constrained so far. */
  readonly rows: readonly number[];
}

/** An encoder: percy's `encoder`, one file each in src/synth/encoders/. */
export interface Encoder {
  readonly name: EncoderName;
  readonly description: string;
  /** Whether the encoder can handle the basis and options; a string says why not. */
  supports(query: Omit<SynthesisQuery, 'size'>): true | string;
  /** The instances for one size; no circuit of that size exists iff all are UNSAT. */
  encode(query: SynthesisQuery): Iterable<EncodedInstance>;
  /**
   * Optional: the single instance of `query` restricted to `rows`, able to
   * add rows later (its clauses only grow). Encoders without it get CEGAR by
   * re-encoding with {@link SynthesisQuery.rows}.
   */
  encodeIncremental?(query: SynthesisQuery, rows: readonly number[]): IncrementalInstance;
  /**
   * Optional: the proven lower bound on the size of the reduced spec and
   * why, for encoders whose gates are not two-input gates (the bounds of
   * reduce-spec.ts assume two-input gates). Without it the driver uses those.
   */
  lowerBound?(red: ReducedSpec): { readonly lowerBound: number; readonly lowerBoundArgument: string };
}

/** Evidence that no circuit of `size` gates exists: every instance answered UNSAT. */
export interface UnsatCertificate {
  readonly encoder: EncoderName;
  readonly basis: BasisName;
  readonly size: number;
  readonly backend: string;
  readonly instances: readonly {
    readonly label: string;
    readonly cnfSha256: string;
    readonly vars: number;
    readonly clauses: number;
    /** Present when a DRAT proof was produced and checked by our checker. */
    readonly proof?: { readonly format: 'drat'; readonly path?: string; readonly checked: boolean };
  }[];
}
