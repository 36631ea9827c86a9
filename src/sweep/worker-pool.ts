/**
 * The one pool of solver child processes, used by sweeps (runSweep) and by
 * queue workers (ChildSolverPool). Each child runs the sweep worker entry
 * (worker.ts) and solves one instance at a time over the IPC protocol of
 * worker-protocol.ts; idle children are reused, dead ones replaced on the
 * next solve.
 *
 * Why processes (child_process.fork) and not worker threads: a child that
 * crashes, runs out of memory or sits in a solver call that ignores its time
 * limit can be killed with SIGKILL without touching its parent, and a parent
 * killed with SIGKILL takes its children with it (they exit when the IPC
 * channel closes). An instance with a time limit is killed at
 * {@link hardLimitMs} of it; the outcome carries what it had proven by then.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BackendError } from '../errors.js';
import type { BackendName } from '../sat/registry.js';
import type { StoreRecord } from '../store/types.js';
import { hardStopGraceMs } from '../util/hard-stop.js';
import { heuristicSeconds, type SweepInstance } from './solve-instance.js';
import type { CubeMessage, SolveMessage, WorkerReply } from './worker-protocol.js';
import type { CubeOutcome, CubeTask } from '../cubes/cube-task.js';

/**
 * When the worker of an instance with a limit of `timeoutSeconds` is killed:
 * the exact search's limit, the heuristic phase after it, and the grace of
 * the CLI's hard limit. synthesize honours its limit by itself; this holds it
 * when a solver call or a synchronous loop does not.
 */
export function hardLimitMs(timeoutSeconds: number): number {
  const budgetMs = (timeoutSeconds + heuristicSeconds(timeoutSeconds)) * 1000;
  return Math.round(budgetMs + hardStopGraceMs(budgetMs));
}

/** What an instance reported as proven before it finished (or was killed). */
export interface ProvenProgress {
  readonly provenLowerBound: number;
  readonly bestSize?: number;
}

/** What a killed instance had proven, for its failure message. */
export function provenSoFar(p: ProvenProgress | undefined): string {
  if (p === undefined) return 'nothing proven';
  return `proven lower bound ${p.provenLowerBound}${p.bestSize === undefined ? '' : `, a verified circuit of ${p.bestSize} gates found`} (not stored: the run was cut short)`;
}

/**
 * Path of the compiled worker entry: next to this module, or in `dist/sweep/`
 * when this module is loaded from the TypeScript sources (vitest).
 */
export function sweepWorkerPath(): string {
  const sibling = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(sibling)) return sibling;
  const m = /^(.*)[\\/]src[\\/]sweep[\\/][^\\/]+$/.exec(fileURLToPath(import.meta.url));
  const dist = m === null ? undefined : join(m[1]!, 'dist', 'sweep', 'worker.js');
  if (dist !== undefined && existsSync(dist)) return dist;
  throw new BackendError(`sweep worker not found next to ${sibling} nor in dist/sweep/; run 'npm run build' first`, 'unavailable');
}

/** How one solve in a child ended. */
export type ChildOutcome =
  | { readonly kind: 'done'; readonly record: StoreRecord }
  /** The child caught an error; `error` is as it saw it (class name, kind, code, message). */
  | { readonly kind: 'failed'; readonly error: Extract<WorkerReply, { type: 'failed' }>['error'] }
  /** The child exited during the solve: `exit` is the signal name or `code N`; `stderrTail` its last stderr lines joined by ' | '. */
  | { readonly kind: 'died'; readonly exit: string; readonly stderrTail: string }
  /** No answer by {@link hardLimitMs} of the instance's limit: the child was killed. */
  | { readonly kind: 'hard-timeout'; readonly limitMs: number; readonly progress: ProvenProgress | undefined }
  /** The pool was killed ({@link WorkerPool.kill}) during the solve. */
  | { readonly kind: 'stopped' };

/** How one cube solve in a child ended: as {@link ChildOutcome}, with the cube's outcome in place of a record. */
export type CubeChildOutcome = { readonly kind: 'done'; readonly outcome: CubeOutcome } | Exclude<ChildOutcome, { kind: 'done' }>;

/** What a child's job settles with (a record or a cube outcome). */
type JobOutcome = ChildOutcome | { readonly kind: 'cube-done'; readonly outcome: CubeOutcome };

/** Options of a {@link WorkerPool}. */
export interface WorkerPoolOptions {
  readonly backend: BackendName | 'auto';
  /** Recorded in every record (the command line or API call). */
  readonly command: string;
  /** The worker entry to fork (default {@link sweepWorkerPath}; tests pass one that misbehaves). */
  readonly workerPath?: string;
  /** Called on a child's 'error' event (a failed fork or send); an exit, if any, still ends its solve. */
  readonly onChildError?: (e: Error) => void;
}

interface Child {
  readonly proc: ChildProcess;
  /** The last 2000 characters the child wrote to stderr during its current solve (drained all the time, so a chatty child never blocks on a full pipe). */
  stderr: string;
  job?: { id: number; timer?: NodeJS.Timeout; progress?: ProvenProgress; settle: (o: JobOutcome) => void };
}

/** Child processes that solve one instance at a time each; idle ones are reused. */
export class WorkerPool {
  private readonly idle: Child[] = [];
  private readonly children = new Set<Child>();
  private readonly workerPath: string;
  private nextId = 1;

  constructor(private readonly opts: WorkerPoolOptions) {
    this.workerPath = opts.workerPath ?? sweepWorkerPath();
  }

  /** Children alive (idle or solving). */
  get size(): number {
    return this.children.size;
  }

  /** Children currently solving. */
  get busy(): number {
    let n = 0;
    for (const c of this.children) if (c.job !== undefined) n++;
    return n;
  }

  /** Solves `instance` in an idle child (forked if none is idle). Never rejects: every ending is a {@link ChildOutcome}. */
  async solve(instance: SweepInstance): Promise<ChildOutcome> {
    const t = instance.timeoutSeconds;
    const o = await this.run((id) => ({ type: 'solve', id, instance, backend: this.opts.backend, command: this.opts.command }), t !== undefined && t > 0 ? hardLimitMs(t) : undefined);
    return o.kind === 'cube-done' ? { kind: 'failed', error: { name: 'InternalError', kind: 'internal', code: 'internal', message: 'a sweep worker answered a solve with a cube outcome' } } : o;
  }

  /**
   * Solves one cube (src/cubes/) in an idle child; the child is killed at
   * `hardLimitMs` when given (the task's own limit is the soft one). Never rejects.
   */
  async solveCube(task: CubeTask, hardLimitMs?: number): Promise<CubeChildOutcome> {
    const o = await this.run((id) => ({ type: 'cube', id, task }), hardLimitMs);
    if (o.kind === 'cube-done') return { kind: 'done', outcome: o.outcome };
    if (o.kind === 'done') return { kind: 'failed', error: { name: 'InternalError', kind: 'internal', code: 'internal', message: 'a sweep worker answered a cube with a record' } };
    return o;
  }

  /** Sends one message to an idle child (forked if none is idle) and waits for its ending. */
  private run(message: (id: number) => SolveMessage | CubeMessage, killAfterMs: number | undefined): Promise<JobOutcome> {
    const child = this.idle.pop() ?? this.spawn();
    const id = this.nextId++;
    child.stderr = '';
    return new Promise<JobOutcome>((resolve) => {
      const timer =
        killAfterMs !== undefined
          ? setTimeout(() => {
              const progress = child.job?.progress;
              this.settle(child, { kind: 'hard-timeout', limitMs: killAfterMs, progress });
              child.proc.kill('SIGKILL');
            }, killAfterMs)
          : undefined;
      child.job = { id, settle: resolve, timer };
      child.proc.send(message(id));
    });
  }

  /** Lets idle children exit (their IPC channel closes); busy ones go on. */
  closeIdle(): void {
    for (const c of this.idle) if (c.proc.connected) c.proc.disconnect();
    this.idle.length = 0;
  }

  /** Ends every child: idle ones exit when their IPC channel closes; busy ones are killed (their solves end as `died`). */
  close(): void {
    for (const c of this.children) {
      if (c.job === undefined) {
        if (c.proc.connected) c.proc.disconnect();
      } else {
        c.proc.kill('SIGKILL');
      }
    }
    this.idle.length = 0;
  }

  /** Kills every child at once; solves in flight end as `stopped`. */
  kill(): void {
    for (const c of this.children) {
      c.proc.removeAllListeners('exit');
      c.proc.kill('SIGKILL');
      this.settle(c, { kind: 'stopped' });
    }
    this.children.clear();
    this.idle.length = 0;
  }

  private settle(child: Child, outcome: JobOutcome): void {
    const job = child.job;
    if (job === undefined) return;
    if (job.timer !== undefined) clearTimeout(job.timer);
    child.job = undefined;
    job.settle(outcome);
  }

  private spawn(): Child {
    // no inherited execArgv: the parent may run under a test runner's loader
    const proc = fork(this.workerPath, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    const child: Child = { proc, stderr: '' };
    this.children.add(child);
    proc.stderr?.on('data', (d: Buffer) => {
      child.stderr = (child.stderr + d.toString()).slice(-2000);
    });
    proc.on('message', (m: WorkerReply) => {
      const job = child.job;
      if (m.type === 'ready' || job === undefined || m.id !== job.id) return;
      if (m.type === 'progress') {
        job.progress = m;
        return;
      }
      // idle before the caller hears of it, so that its next solve reuses this child
      this.idle.push(child);
      this.settle(child, m.type === 'done' ? { kind: 'done', record: m.record } : m.type === 'cube-done' ? { kind: 'cube-done', outcome: m.outcome } : { kind: 'failed', error: m.error });
    });
    proc.on('exit', (code, signal) => {
      this.children.delete(child);
      const i = this.idle.indexOf(child);
      if (i >= 0) this.idle.splice(i, 1);
      const stderrTail = child.stderr.trim().split('\n').slice(-3).join(' | ');
      this.settle(child, { kind: 'died', exit: signal ?? `code ${code}`, stderrTail: child.stderr.trim() ? stderrTail : '' });
    });
    proc.on('error', (e) => {
      // a failed spawn also emits 'exit', which ends the solve
      this.opts.onChildError?.(e);
    });
    return child;
  }
}
