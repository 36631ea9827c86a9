/**
 * Solves instances in child processes (the sweep's worker entry and its IPC
 * protocol), so that a queue worker's own event loop stays free while a SAT
 * backend computes: BullMQ renews job locks from timers on that loop, and a
 * lock that lapses hands a running job to a second worker. A child that
 * crashes, or overruns its instance's time limit, is killed and replaced
 * without taking the worker down.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { ErrorKind } from '../errors.js';
import type { BackendName } from '../sat/registry.js';
import type { StoreRecord } from '../store/types.js';
import type { SweepInstance } from '../sweep/solve-instance.js';
import { hardLimitMs, provenSoFar, sweepWorkerPath } from '../sweep/sweep.js';
import type { SolveMessage, WorkerReply } from '../sweep/worker-protocol.js';

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

/** Child processes that solve one instance at a time each; idle ones are reused. */
export class ChildSolverPool {
  private readonly idle: ChildProcess[] = [];
  private readonly children = new Set<ChildProcess>();
  /** The last lines each child wrote to stderr (drained all the time, so a chatty child never blocks on a full pipe). */
  private readonly stderrTail = new Map<ChildProcess, string>();
  private readonly workerPath = sweepWorkerPath();
  private nextId = 1;

  constructor(
    private readonly backend: BackendName | 'auto',
    private readonly command: string,
  ) {}

  /** Solves `inst` in an idle child (forked if none is idle). */
  solve(inst: SweepInstance): Promise<StoreRecord> {
    const child = this.idle.pop() ?? this.spawn();
    const id = this.nextId++;
    return new Promise<StoreRecord>((resolve, reject) => {
      let progress: { provenLowerBound: number; bestSize?: number } | undefined;
      this.stderrTail.set(child, '');
      const cleanup = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (m: WorkerReply): void => {
        if (m.type === 'ready' || m.id !== id) return;
        if (m.type === 'progress') {
          progress = m;
          return;
        }
        cleanup();
        this.idle.push(child);
        if (m.type === 'done') resolve(m.record);
        else reject(new ChildSolveError(m.error.name, m.error.kind, m.error.code, m.error.message));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        cleanup();
        const tail = (this.stderrTail.get(child) ?? '').trim().split('\n').slice(-3).join(' | ');
        reject(new ChildSolveError('BackendError', 'backend', 'worker-died', `solver process exited with ${signal ?? `code ${code}`}${tail ? `: ${tail}` : ''}`));
      };
      const t = inst.timeoutSeconds;
      const timer =
        t !== undefined && t > 0
          ? setTimeout(() => {
              cleanup();
              this.kill(child);
              reject(new ChildSolveError('BackendError', 'backend', 'hard-timeout', `no answer ${hardLimitMs(t) / 1000} s after the start (limit ${t} s); solver process killed; ${provenSoFar(progress)}`));
            }, hardLimitMs(t))
          : undefined;
      child.on('message', onMessage);
      child.on('exit', onExit);
      const msg: SolveMessage = { type: 'solve', id, instance: inst, backend: this.backend, command: this.command };
      child.send(msg);
    });
  }

  /** Ends every child: idle ones exit when their IPC channel closes; busy ones are killed. */
  close(): void {
    for (const c of this.children) {
      if (this.idle.includes(c)) {
        if (c.connected) c.disconnect();
      } else {
        c.kill('SIGKILL');
      }
    }
    this.idle.length = 0;
  }

  private spawn(): ChildProcess {
    // no inherited execArgv: the worker may itself run under a test runner's loader
    const child = fork(this.workerPath, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    this.children.add(child);
    this.stderrTail.set(child, '');
    child.stderr?.on('data', (d: Buffer) => {
      this.stderrTail.set(child, ((this.stderrTail.get(child) ?? '') + d.toString()).slice(-2000));
    });
    child.on('exit', () => {
      this.children.delete(child);
      // later, so that the running job's own exit listener (registered after this one) still reads the tail
      setImmediate(() => this.stderrTail.delete(child));
      const i = this.idle.indexOf(child);
      if (i >= 0) this.idle.splice(i, 1);
    });
    child.on('error', () => {
      // a failed spawn also emits 'exit', which fails the job
    });
    return child;
  }

  private kill(child: ChildProcess): void {
    child.kill('SIGKILL');
  }
}

