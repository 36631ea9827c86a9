/**
 * Runs a backend in a `worker_threads` Worker, so the caller's event loop is
 * never blocked and every solve has a hard limit: at `timeLimitMs` (plus a
 * short grace period for backends that stop by themselves) or when `signal`
 * aborts, the worker is terminated and the answer is `unknown` with reason
 * `time` or `aborted`. The clause log stays on this side; the next solve
 * starts a fresh worker and replays it (learnt clauses are lost).
 *
 * The worker runs the compiled `worker-entry.js` next to this module. When
 * this module is loaded from TypeScript sources (`src/`, e.g. under vitest),
 * the compiled copy in `dist/sat/` is used instead, so run the build first.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BackendError, isBackendErrorCode } from '../errors.js';
import { assertModel } from './check-model.js';
import { flattenClauses, validateSolveOptions } from './clause-log.js';
import { ClauseLogSolver, fitModel } from './solver-base.js';
import type { SatSolver, SolveOptions, SolveResult, UnknownReason } from './types.js';
import type {
  FromWorker,
  ToWorker,
  WorkerBackendName,
  WorkerBackendOptions,
  WorkerInit,
} from './worker-protocol.js';

export type { WorkerBackendName, WorkerBackendOptions } from './worker-protocol.js';

/** Grace period (ms) given to backends that honour `timeLimitMs` themselves before the worker is killed. */
export const WORKER_GRACE_MS = 1000;

const SELF_LIMITING: ReadonlySet<WorkerBackendName> = new Set(['z3', 'cadical', 'cadical-cli']);

/**
 * Path of the compiled worker entry, or a {@link BackendError} (code
 * `unavailable`) if neither the sibling `.js` nor the `dist/` copy exists.
 */
export function workerEntryUrl(): URL {
  const sibling = new URL('./worker-entry.js', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  const here = fileURLToPath(import.meta.url);
  const m = /^(.*)[\\/]src[\\/]sat[\\/][^\\/]+$/.exec(here);
  if (m !== null) {
    const dist = join(m[1]!, 'dist', 'sat', 'worker-entry.js');
    if (existsSync(dist)) return pathToFileURL(dist);
  }
  throw new BackendError(
    `worker entry not found next to ${here} nor in dist/sat/; run 'npm run build' first`,
    'unavailable',
  );
}

/** Creates a solver whose `backend` runs in a worker thread (see module notes). */
export function createWorkerSolver(backend: WorkerBackendName, options: WorkerBackendOptions = {}): SatSolver {
  return new WorkerSolver(backend, options);
}

interface Pending {
  readonly resolve: (r: SolveResult) => void;
  readonly reject: (e: Error) => void;
}

class WorkerSolver extends ClauseLogSolver {
  private worker: Worker | undefined;
  private sent = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(
    readonly backend: WorkerBackendName,
    private readonly options: WorkerBackendOptions,
  ) {
    super();
  }

  override close(): void {
    this.closed = true;
    this.stop('aborted');
  }

  override async solve(opts: SolveOptions = {}): Promise<SolveResult> {
    if (this.closed) throw new BackendError(`${this.backend}: solve() after close()`, 'closed');
    validateSolveOptions(opts);
    const assumptions = [...(opts.assumptions ?? [])];
    for (const lit of assumptions) this.log.touch(lit);
    if (opts.signal?.aborted) return { status: 'unknown', reason: 'aborted' };
    const start = performance.now();
    this.counters.solveCalls += 1;
    const worker = this.ensureWorker();
    const flat = flattenClauses(this.log.clauses, this.sent);
    this.sent = this.log.clauses.length;
    this.post(worker, { kind: 'add', numVars: this.log.numVars, flat }, [flat.buffer as ArrayBuffer]);
    const id = this.nextId++;
    const done = new Promise<SolveResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.post(worker, {
      kind: 'solve',
      id,
      assumptions,
      ...(opts.conflictLimit === undefined ? {} : { conflictLimit: opts.conflictLimit }),
      // an absolute time: the worker's start-up and clause intake count against the limit
      ...(opts.timeLimitMs === undefined ? {} : { deadlineEpochMs: Date.now() + opts.timeLimitMs }),
    });
    worker.ref();
    let timer: NodeJS.Timeout | undefined;
    if (opts.timeLimitMs !== undefined) {
      const hard = opts.timeLimitMs + (SELF_LIMITING.has(this.backend) ? WORKER_GRACE_MS : 0);
      timer = setTimeout(() => this.stop('time'), hard);
    }
    const onAbort = (): void => this.stop('aborted');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await done;
      if (result.status === 'sat') {
        const model = fitModel(result.model, this.log.numVars);
        assertModel(this.backend, this.log.clauses, model, assumptions);
        return { status: 'sat', model };
      }
      return result;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (this.worker !== undefined && this.pending.size === 0) this.worker.unref();
      this.counters.solveMs += performance.now() - start;
    }
  }

  private post(worker: Worker, msg: ToWorker, transfer: ArrayBuffer[] = []): void {
    worker.postMessage(msg, transfer);
  }

  private ensureWorker(): Worker {
    if (this.worker !== undefined) return this.worker;
    const init: WorkerInit = { backend: this.backend, options: this.options };
    const worker = new Worker(workerEntryUrl(), { workerData: init });
    worker.unref();
    worker.on('message', (msg: FromWorker) => {
      const p = this.pending.get(msg.id);
      if (p === undefined) return;
      this.pending.delete(msg.id);
      if (msg.kind === 'result') p.resolve(msg.result);
      // a BackendError in the worker keeps its code; any other error there is a failure of the backend
      else p.reject(new BackendError(`${this.backend} (worker): ${msg.name}: ${msg.message}`, isBackendErrorCode(msg.code) ? msg.code : 'failed'));
    });
    worker.on('error', (err: Error) => {
      if (this.worker !== worker) return;
      this.forget();
      const detail = err.message;
      this.rejectAll(new BackendError(`${this.backend} worker crashed: ${detail}`, 'crashed'));
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.forget();
      this.rejectAll(new BackendError(`${this.backend} worker exited with code ${code}`, 'crashed'));
    });
    this.worker = worker;
    this.sent = 0;
    return worker;
  }

  private forget(): void {
    this.worker = undefined;
    this.sent = 0;
  }

  private rejectAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Terminates the worker; pending solves answer unknown(reason). */
  private stop(reason: Extract<UnknownReason, 'time' | 'aborted'>): void {
    const worker = this.worker;
    this.forget();
    for (const p of this.pending.values()) p.resolve({ status: 'unknown', reason });
    this.pending.clear();
    if (worker !== undefined) void worker.terminate();
  }
}
