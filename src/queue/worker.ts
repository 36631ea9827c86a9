/**
 * A queue worker: pulls instances from a BullMQ queue, solves each in a
 * child process (child-solver.ts), and returns the record as the job's
 * return value, so it reaches `waterloo queue collect` through Redis and the
 * worker needs no file system shared with the collector. With a local store
 * it also puts the record there (workers on one file system can share one
 * SQLite store, which serialises writers).
 *
 * A job whose worker dies is found by another worker's stalled-job check
 * once its lock lapses, and put back in the queue (once; a job that stalls
 * twice fails).
 */
import { hostname } from 'node:os';
import type { Job } from 'bullmq';
import { BackendError, WaterlooError } from '../errors.js';
import { isBackendAvailable, type BackendName } from '../sat/registry.js';
import type { ResultsStore, StoreRecord } from '../store/types.js';
import { ChildSolveError, ChildSolverPool } from './child-solver.js';
import { parseJobData } from './job-payload.js';
import { CUBE_JOB_NAME, parseCubeJobData } from './cube-jobs.js';
import type { CubeOutcome } from '../cubes/cube-task.js';
import type { QueueTarget } from './producer.js';
import { loadBullMq, openRedis } from './redis-connection.js';

/**
 * How long a job's lock lasts without renewal (BullMQ renews it from a timer
 * at half this period). Solving happens in child processes, but a put into a
 * store locked by another writer blocks this process for up to the store's
 * busy timeout (30 s), so the lock outlasts that. A job of a crashed worker
 * waits about this long before another worker takes it.
 */
export const JOB_LOCK_MS = 60_000;

/** Options of {@link runQueueWorker}. */
export interface QueueWorkerOptions extends QueueTarget {
  /** Jobs solved at the same time by this worker. */
  readonly concurrency?: number;
  /** Stop once the queue has been empty and this worker idle for this many seconds (absent = run until stopped). */
  readonly idleExitSeconds?: number;
  readonly backend?: BackendName | 'auto';
  /** Also put every record here. */
  readonly store?: ResultsStore;
  /** Stops the worker: running jobs finish first (their records are returned), no new job is taken. */
  readonly stop?: AbortSignal;
  readonly onJob?: (e: WorkerJobEvent) => void;
  /** Redis connection errors (the worker keeps retrying) and failed puts into the local store. */
  readonly onError?: (e: Error) => void;
}

/** One job a worker finished. */
export type WorkerJobEvent =
  | { readonly kind: 'done'; readonly id: string; readonly record: StoreRecord }
  /** A cube job (src/sweep/cube-search.ts through the queue) finished. */
  | { readonly kind: 'cube'; readonly id: string; readonly outcome: CubeOutcome }
  | { readonly kind: 'failed'; readonly id: string; readonly problem: string; readonly error: string; readonly final: boolean };

/** What a worker did before it stopped. */
export interface WorkerSummary {
  readonly done: number;
  readonly failed: number;
  readonly seconds: number;
}

/**
 * Runs a worker until `stop` aborts or it has been idle for `idleExitSeconds`.
 * @throws BackendError when Redis cannot be reached, or the chosen SAT backend is not installed.
 */
export async function runQueueWorker(opts: QueueWorkerOptions): Promise<WorkerSummary> {
  const { Worker, UnrecoverableError } = await loadBullMq();
  // a worker without its solver would fail every job it takes, emptying the queue into the failed list
  if (opts.backend !== undefined && opts.backend !== 'auto' && !(await isBackendAvailable(opts.backend))) {
    throw new BackendError(`SAT backend '${opts.backend}' is not installed on this machine`, 'unavailable');
  }
  const command = `waterloo queue work --queue ${opts.queue} (${hostname()}:${process.pid})`;
  // before connecting: it throws when the solver entry is not built
  const pool = new ChildSolverPool(opts.backend ?? 'auto', command);
  const client = await openRedis(opts.redis, 'worker');
  const t0 = performance.now();
  let running = 0;
  let lastActivity = performance.now();
  // set when BullMQ finds the wait list empty: a worker that has not fetched its first job yet is not idle
  let drained = false;
  let done = 0;
  let failed = 0;

  const processor = async (job: Job): Promise<StoreRecord | CubeOutcome> => {
    // `drained` is not reset here: BullMQ emits 'drained' only when its own flag goes from
    // false to true, and a job fetched by one slot can start after another slot's empty fetch
    // set that flag; resetting ours then would wait for a 'drained' that never comes again
    // (a worker that never went idle, seen in loaded test runs). Idleness is `running === 0`
    // for idleExitSeconds after BullMQ once found the wait list empty.
    running++;
    try {
      const id = String(job.id);
      let record: StoreRecord;
      try {
        // a cube of one size query (src/cubes/): its outcome is the return value, nothing is stored here
        if (job.name === CUBE_JOB_NAME) return await pool.solveCube(parseCubeJobData(job.data, id));
        record = await pool.solve(parseJobData(job.data, id));
      } catch (e) {
        // bad input fails the same way on every machine: no retry. A missing or crashed solver may be local to this machine.
        if (e instanceof ChildSolveError && e.deterministic) throw new UnrecoverableError(`${e.errorName} (${e.code}): ${e.message}`);
        if (e instanceof WaterlooError) throw new UnrecoverableError(`${e.name} (${e.code}): ${e.message}`);
        throw e;
      }
      try {
        opts.store?.put(record);
      } catch (e) {
        // the local copy is a convenience: the record still reaches the collector through Redis
        opts.onError?.(e as Error);
      }
      return record;
    } finally {
      running--;
      lastActivity = performance.now();
    }
  };

  const worker = new Worker(opts.queue, processor, {
    connection: client as never,
    concurrency: opts.concurrency ?? 1,
    lockDuration: JOB_LOCK_MS,
    name: `${hostname()}:${process.pid}`,
  });
  worker.on('error', (e) => opts.onError?.(e));
  worker.on('drained', () => {
    drained = true;
    lastActivity = Math.max(lastActivity, performance.now());
  });
  worker.on('completed', (job, value: StoreRecord | CubeOutcome) => {
    done++;
    if (job.name === CUBE_JOB_NAME) opts.onJob?.({ kind: 'cube', id: String(job.id), outcome: value as CubeOutcome });
    else opts.onJob?.({ kind: 'done', id: String(job.id), record: value as StoreRecord });
  });
  worker.on('failed', (job, e) => {
    const final = job === undefined || e instanceof UnrecoverableError || e.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final) failed++;
    opts.onJob?.({ kind: 'failed', id: String(job?.id ?? '?'), problem: String((job?.data as { problem?: unknown } | undefined)?.problem ?? '?'), error: e.message, final });
  });

  await new Promise<void>((resolve) => {
    const finish = (): void => {
      clearInterval(idleTimer);
      opts.stop?.removeEventListener('abort', finish);
      resolve();
    };
    const idleMs = opts.idleExitSeconds === undefined ? undefined : opts.idleExitSeconds * 1000;
    const idleTimer = setInterval(() => {
      if (idleMs !== undefined && running === 0 && drained && performance.now() - lastActivity >= idleMs) finish();
    }, Math.max(50, Math.min(250, idleMs ?? 250)));
    if (opts.stop?.aborted) finish();
    opts.stop?.addEventListener('abort', finish);
  });
  try {
    // waits for running jobs, whose records are then returned to Redis
    await worker.close();
  } finally {
    pool.close();
    await client.quit().catch(() => client.disconnect());
  }
  return { done, failed, seconds: Number(((performance.now() - t0) / 1000).toFixed(3)) };
}
