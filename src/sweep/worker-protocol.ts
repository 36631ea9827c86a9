/** Messages between a sweep and its worker processes (child_process IPC, structured as JSON). */
import type { ErrorKind } from '../errors.js';
import type { BackendName } from '../sat/registry.js';
import type { StoreRecord } from '../store/types.js';
import type { SweepInstance } from './solve-instance.js';

/** Parent to worker: solve one instance. */
export interface SolveMessage {
  readonly type: 'solve';
  readonly id: number;
  readonly instance: SweepInstance;
  readonly backend: BackendName | 'auto';
  readonly command: string;
}

/** Worker to parent: the record of instance `id`, or why it failed. */
export type WorkerReply =
  | { readonly type: 'ready' }
  /** What instance `id` has proven so far: reported in case the worker has to be killed at its hard limit. */
  | { readonly type: 'progress'; readonly id: number; readonly provenLowerBound: number; readonly bestSize?: number }
  | { readonly type: 'done'; readonly id: number; readonly record: StoreRecord }
  | { readonly type: 'failed'; readonly id: number; readonly error: { readonly name: string; readonly kind: ErrorKind; readonly code: string; readonly message: string } };
