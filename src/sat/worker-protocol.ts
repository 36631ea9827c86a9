/**
 * Messages between {@link createWorkerSolver} and its worker entry
 * (`worker-entry.ts`). Internal to the SAT layer.
 */

import type { SolveResult, UnknownReason } from './types.js';

/** Backends that can run inside a worker thread. */
export type WorkerBackendName = 'minisat' | 'z3' | 'cadical' | 'cadical-cli';

/** Options forwarded to the backend inside the worker. */
export interface WorkerBackendOptions {
  /** Random seed, for backends that take one (z3). */
  readonly seed?: number;
  /** DRAT proof file, for backends that write one (cadical-cli). */
  readonly proofPath?: string;
}

/** The worker's `workerData`. */
export interface WorkerInit {
  readonly backend: WorkerBackendName;
  readonly options: WorkerBackendOptions;
}

/** Host -> worker. */
export type ToWorker =
  | { readonly kind: 'add'; readonly numVars: number; readonly flat: Int32Array }
  | {
      readonly kind: 'solve';
      readonly id: number;
      readonly assumptions: readonly number[];
      readonly conflictLimit?: number;
      /**
       * The solve's time limit as a `Date.now()` time: the worker takes what
       * is left when it starts solving, so the time it spends starting up and
       * taking the clauses counts against the limit.
       */
      readonly deadlineEpochMs?: number;
    };

/** Worker -> host. */
export type FromWorker =
  | { readonly kind: 'result'; readonly id: number; readonly result: SolveResult }
  | { readonly kind: 'error'; readonly id: number; readonly name: string; readonly code: string; readonly message: string };

/** Reasons the host itself produces when it stops a worker. */
export type HostStopReason = Extract<UnknownReason, 'time' | 'aborted' | 'error'>;
