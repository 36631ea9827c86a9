/**
 * The results store's record and interface: one row per solved instance
 * (problem x basis x encoder). Shared by the store, sweeps, the queue mode,
 * shard/merge, tables and plots; the SQLite implementation is in sqlite-store.ts.
 */
import type { BasisName } from '../core/basis.js';

/** How an instance ended: proven optimal, a verified circuit without a matching lower bound, or nothing within the limits. */
export type InstanceStatus = 'optimal' | 'feasible' | 'unknown';

/** What identifies an instance: a store holds each key at most once. */
export interface InstanceKey {
  /** Canonical problem name (`maj:5`, `mod3:5:1`, or `tt:<hex>/<n>` for a bare truth table). */
  readonly problem: string;
  readonly basis: BasisName;
  /** Encoding used for the SAT queries (`ssv`, `fence`). */
  readonly encoder: string;
}

/** What happened at one size of the search (from SynthesizeStats.sizes). */
export interface StoredAttempt {
  readonly size: number;
  readonly answer: 'sat' | 'unsat' | 'unknown';
  readonly ms: number;
}

/** One solved (or given-up) instance. */
export interface StoreRecord extends InstanceKey {
  /**
   * When the answer was taken over from an optimal record of an NPN-equivalent
   * instance (src/store/class-record.ts): that instance's name. The circuit is
   * then the source's, transformed to this instance and re-verified; evidence,
   * times and attempts are the source's.
   */
  readonly derivedFrom?: string;
  /** Problem family (`maj`, `thr`, ...; `tt` for bare tables). */
  readonly family: string;
  /** The family's integer parameters (`[5]` for maj:5, `[5, 1]` for mod3:5:1). */
  readonly params: readonly number[];
  readonly inputs: number;
  readonly outputs: number;
  /**
   * Canonical key of the function: for one output without don't-cares the
   * NPN-class representative (`npn:<inputs>:<hex>`, inputs <= 6); otherwise
   * `sha256:<hex>` of the spec's JSON. Instances with equal keys have equal minimum sizes.
   */
  readonly specKey: string;
  readonly status: InstanceStatus;
  /** Size of the best verified circuit (optimal or feasible). */
  readonly size?: number;
  /** Proven lower bound (equals size when optimal). */
  readonly lowerBound: number;
  /** How the lower bound is known: UNSAT at lowerBound - 1 (CNF hashes), a counting argument, or nothing. */
  readonly evidence: { readonly kind: 'unsat'; readonly size: number; readonly cnfSha256: readonly string[] } | { readonly kind: 'argument'; readonly text: string } | { readonly kind: 'none' };
  /** The circuit, as an ASCII AIGER-free listing (formatListing), verified by simulation before it was stored. */
  readonly circuit?: string;
  /** SAT backend actually used (`cadical`, `minisat`, ...). */
  readonly solver: string;
  /** Why the run stopped short of optimal (`time`, `max-size`, ...), when not optimal. */
  readonly reason?: string;
  /** Time limit of the run, seconds (absent = none). */
  readonly timeoutSeconds?: number;
  /** Wall time of the whole run, seconds. */
  readonly seconds: number;
  /** Seconds until the best circuit was found (sum of the attempts up to and including its SAT answer). */
  readonly findSeconds?: number;
  /** Seconds spent on the UNSAT answer at size - 1 (the proof of optimality). */
  readonly proveSeconds?: number;
  readonly attempts: readonly StoredAttempt[];
  /** waterloo version that produced the record. */
  readonly version: string;
  /** Command line (or API call) that produced it. */
  readonly command: string;
  /** Host name of the machine (or queue worker) that ran it. */
  readonly host: string;
  /** ISO 8601 time the record was written. */
  readonly createdAt: string;
}

/** Filter for {@link ResultsStore.list}: every given field must match. */
export interface StoreQuery {
  readonly family?: string;
  readonly basis?: BasisName;
  readonly encoder?: string;
  readonly problem?: string;
  /** The function's class key ({@link StoreRecord.specKey}): every instance of one NPN class. */
  readonly specKey?: string;
}

/**
 * A durable results store. `put` is atomic (a record is either wholly there
 * or absent) and idempotent on the key: the first record of a key is kept,
 * except that a better record (optimal over feasible over unknown, or a
 * tighter bound) replaces a worse one. Several processes may write at once.
 */
export interface ResultsStore {
  readonly path: string;
  get(key: InstanceKey): StoreRecord | undefined;
  has(key: InstanceKey): boolean;
  /** Returns whether the record was stored (false when an equal or better record of its key is already there). */
  put(record: StoreRecord): boolean;
  list(query?: StoreQuery): StoreRecord[];
  count(query?: StoreQuery): number;
  close(): void;
}
