/** Messages between a sweep and its worker processes (child_process IPC, structured as JSON). */
import type { ErrorKind } from '../errors.js';
import type { BackendName } from '../sat/registry.js';
import type { StoreRecord } from '../store/types.js';
import type { SweepInstance } from './solve-instance.js';
import type { CubeOutcome, CubeTask } from '../cubes/cube-task.js';

/** Parent to worker: solve one instance. */
export interface SolveMessage {
  readonly type: 'solve';
  readonly id: number;
  readonly instance: SweepInstance;
  readonly backend: BackendName | 'auto';
  readonly command: string;
}

/** Parent to worker: solve one cube of a size query (src/cubes/). */
export interface CubeMessage {
  readonly type: 'cube';
  readonly id: number;
  readonly task: CubeTask;
}

/** Worker to parent: the record of instance `id` (or the outcome of cube `id`), or why it failed. */
export type WorkerReply =
  | { readonly type: 'ready' }
  /** What instance `id` has proven so far: reported in case the worker has to be killed at its hard limit. */
  | { readonly type: 'progress'; readonly id: number; readonly provenLowerBound: number; readonly bestSize?: number }
  | { readonly type: 'done'; readonly id: number; readonly record: StoreRecord }
  | { readonly type: 'cube-done'; readonly id: number; readonly outcome: CubeOutcome }
  | { readonly type: 'failed'; readonly id: number; readonly error: { readonly name: string; readonly kind: ErrorKind; readonly code: string; readonly message: string } };
