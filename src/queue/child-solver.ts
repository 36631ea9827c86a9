/**
 * Solves instances in child processes (the sweep's worker entry and its IPC
 * protocol), so that a queue worker's own event loop stays free while a SAT
 * backend computes: BullMQ renews job locks from timers on that loop, and a
 * lock that lapses hands a running job to a second worker. A child that
 * crashes, or overruns its instance's time limit, is killed and replaced
 * without taking the worker down.
 */
import type { ErrorKind } from '../errors.js';
import type { BackendName } from '../sat/registry.js';
import type { StoreRecord } from '../store/types.js';
import type { SweepInstance } from '../sweep/solve-instance.js';
import { provenSoFar, WorkerPool } from '../sweep/worker-pool.js';
import type { CubeOutcome, CubeTask } from '../cubes/cube-task.js';

/** An instance the child could not solve, with the error's class name and code as the child saw them. */
export class ChildSolveError extends Error {
  constructor(
    readonly errorName: string,
    /** What the error means, by its class in the child. */
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChildSolveError';
  }
  /** Whether the same instance fails the same way on any machine (bad input), so a retry is pointless. */
  get deterministic(): boolean {
    return this.kind === 'input' || this.kind === 'usage';
  }
}

/** Child processes that solve one instance at a time each (a {@link WorkerPool}); failures reject with a {@link ChildSolveError}. */
export class ChildSolverPool {
  private readonly pool: WorkerPool;

  constructor(backend: BackendName | 'auto', command: string) {
    this.pool = new WorkerPool({ backend, command });
  }

  /** Solves `inst` in an idle child (forked if none is idle). */
  async solve(inst: SweepInstance): Promise<StoreRecord> {
    const o = await this.pool.solve(inst);
    switch (o.kind) {
      case 'done':
        return o.record;
      case 'failed':
        throw new ChildSolveError(o.error.name, o.error.kind, o.error.code, o.error.message);
      case 'died':
        throw new ChildSolveError('BackendError', 'backend', 'worker-died', `solver process exited with ${o.exit}${o.stderrTail ? `: ${o.stderrTail}` : ''}`);
      case 'hard-timeout':
        throw new ChildSolveError('BackendError', 'backend', 'hard-timeout', `no answer ${o.limitMs / 1000} s after the start (limit ${inst.timeoutSeconds} s); solver process killed; ${provenSoFar(o.progress)}`);
      case 'stopped':
        throw new ChildSolveError('BackendError', 'backend', 'worker-died', 'solver process stopped');
    }
  }

  /** Solves one cube (src/cubes/) in an idle child; the child is killed at the task's limit plus 5 s. */
  async solveCube(task: CubeTask): Promise<CubeOutcome> {
    const o = await this.pool.solveCube(task, task.timeLimitMs === undefined ? undefined : task.timeLimitMs + 5000);
    switch (o.kind) {
      case 'done':
        return o.outcome;
      case 'failed':
        throw new ChildSolveError(o.error.name, o.error.kind, o.error.code, o.error.message);
      case 'died':
        throw new ChildSolveError('BackendError', 'backend', 'worker-died', `solver process exited with ${o.exit}${o.stderrTail ? `: ${o.stderrTail}` : ''}`);
      case 'hard-timeout':
        return { answer: 'unknown', index: task.index, reason: 'time' };
      case 'stopped':
        throw new ChildSolveError('BackendError', 'backend', 'worker-died', 'solver process stopped');
    }
  }

  /** Ends every child: idle ones exit when their IPC channel closes; busy ones are killed. */
  close(): void {
    this.pool.close();
  }
}
