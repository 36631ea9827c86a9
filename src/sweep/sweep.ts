/**
 * Runs the instances of a sweep on J worker processes (a {@link WorkerPool},
 * see worker-pool.ts for why processes) and puts each record in the store as
 * soon as it arrives, skipping instances the store holds. Only this process
 * writes to the store, one transaction per record, so a kill at any point
 * loses at most the instances in flight and never leaves a half-written
 * record; a rerun skips what is stored. An instance whose NPN class has an
 * optimal record in the store (same basis and encoder) is not solved: its
 * record is derived from that one (src/store/class-record.ts).
 */
import { BackendError, type ErrorKind } from '../errors.js';
import { parseProblem } from '../problems/parse-problem.js';
import type { BackendName } from '../sat/registry.js';
import { derivedClassRecord } from '../store/class-record.js';
import type { InstanceStatus, ResultsStore, StoreRecord } from '../store/types.js';
import type { SweepInstance } from './solve-instance.js';
import { provenSoFar, sweepWorkerPath, WorkerPool } from './worker-pool.js';

export { hardLimitMs, provenSoFar, sweepWorkerPath } from './worker-pool.js';

/** Parameters of {@link runSweep}. */
export interface RunSweepParams {
  readonly instances: readonly SweepInstance[];
  readonly store: ResultsStore;
  /** Worker processes (instances solved at once). */
  readonly jobs: number;
  readonly backend?: BackendName | 'auto';
  /** Recorded in every record (the command line or API call). */
  readonly command: string;
  /** Called after the start and after every finished instance. */
  readonly onProgress?: (p: SweepProgress) => void;
  /** Stops the sweep: workers are killed, their instances are not stored. */
  readonly signal?: AbortSignal;
  /** The worker entry to fork (default {@link sweepWorkerPath}; tests pass a worker that misbehaves). */
  readonly workerPath?: string;
}

/** Where a sweep stands. */
export interface SweepProgress {
  readonly total: number;
  /** Instances the store already held (at the start or, with other writers, when their turn came). */
  readonly skipped: number;
  /** Instances finished by this run (stored or failed). */
  readonly finished: number;
  readonly failed: number;
  readonly running: number;
  readonly elapsedSeconds: number;
  /** Estimated seconds to the end, from the rate so far (undefined before the first instance finishes). */
  readonly etaSeconds?: number;
  /** The instance that just finished, with its record or error. */
  readonly last?: { readonly instance: SweepInstance; readonly record?: StoreRecord; readonly error?: string };
}

/** An instance that produced no record. */
export interface SweepFailure {
  readonly instance: SweepInstance;
  /** What the failure means, by the class of the error: `limit` for an instance killed at its hard time limit. */
  readonly kind: ErrorKind | 'limit';
  readonly code: string;
  readonly message: string;
}

/** Outcome of {@link runSweep}. */
export interface SweepResult {
  readonly total: number;
  readonly skipped: number;
  /** Records produced by this run, by status. */
  readonly solved: Readonly<Record<InstanceStatus, number>>;
  /** Records this run put in the store (fewer than solved when another writer stored a better one first). */
  readonly stored: number;
  readonly failures: readonly SweepFailure[];
  readonly aborted: boolean;
  readonly seconds: number;
}

const keyOf = (i: { problem: string; basis: string; encoder: string }): string => `${i.problem}\u0000${i.basis}\u0000${i.encoder}`;

/**
 * Runs the sweep (see the module notes). Problem names are canonicalised
 * first, so `parity:3` and `xor:3` are one instance. Failures (an error in
 * a worker, a worker that died or overran its hard limit) are reported, not
 * stored, so a later run retries them.
 * @throws WaterlooError from the store (e.g. locked for too long); the workers are killed first.
 */
export function runSweep(p: RunSweepParams): Promise<SweepResult> {
  const t0 = performance.now();
  const seen = new Set<string>();
  const instances: SweepInstance[] = [];
  for (const inst of p.instances) {
    const canon = { ...inst, problem: parseProblem(inst.problem).name };
    if (seen.has(keyOf(canon))) continue;
    seen.add(keyOf(canon));
    instances.push(canon);
  }
  const queue = instances.filter((i) => !p.store.has(i));
  const total = instances.length;
  let skipped = total - queue.length;
  let finished = 0, stored = 0;
  const solved: Record<InstanceStatus, number> = { optimal: 0, feasible: 0, unknown: 0 };
  const failures: SweepFailure[] = [];
  // resolved before the first fork: a missing build fails the call at once
  const workerPath = queue.length === 0 ? '' : (p.workerPath ?? sweepWorkerPath());
  const backend = p.backend ?? 'auto';
  let running = 0;

  return new Promise<SweepResult>((resolvePromise, rejectPromise) => {
    let settled = false;
    let pool: WorkerPool | undefined;
    const progress = (last?: SweepProgress['last']): void => {
      if (p.onProgress === undefined) return;
      const elapsed = (performance.now() - t0) / 1000;
      const left = queue.length + running;
      const eta = finished > 0 ? (elapsed / finished) * left : left === 0 ? 0 : undefined;
      p.onProgress({ total, skipped, finished, failed: failures.length, running, elapsedSeconds: elapsed, etaSeconds: eta, last });
    };
    const finish = (aborted: boolean): void => {
      if (settled) return;
      settled = true;
      p.signal?.removeEventListener('abort', onAbort);
      if (aborted) pool?.kill();
      else pool?.close();
      resolvePromise({ total, skipped, solved, stored, failures, aborted, seconds: (performance.now() - t0) / 1000 });
    };
    const fail = (e: unknown): void => {
      if (settled) return;
      settled = true;
      p.signal?.removeEventListener('abort', onAbort);
      pool?.kill();
      rejectPromise(e);
    };
    const onAbort = (): void => finish(true);

    const failed = (instance: SweepInstance, kind: SweepFailure['kind'], code: string, message: string): void => {
      failures.push({ instance, kind, code, message });
      progress({ instance, error: message });
    };

    /** One of the J lanes: solves queued instances one after another until the queue is empty. */
    const lane = async (workers: WorkerPool): Promise<void> => {
      for (;;) {
        if (settled) return;
        let instance: SweepInstance | undefined;
        // another writer (a second sweep, a shard, the queue mode) may have stored it meanwhile
        while ((instance = queue.shift()) !== undefined && p.store.has(instance)) skipped++;
        if (instance === undefined) {
          // this lane is done: idle workers exit now, not at the end of the sweep
          workers.closeIdle();
          if (running === 0) finish(false);
          return;
        }
        // an optimal record of an NPN-equivalent instance answers this one (transformed, re-verified)
        let derived: StoreRecord | undefined;
        try {
          derived = derivedClassRecord(p.store, parseProblem(instance.problem), instance.basis, instance.encoder, p.command);
        } catch (e) {
          fail(e);
          return;
        }
        if (derived !== undefined) {
          finished++;
          solved[derived.status]++;
          try {
            if (p.store.put(derived)) stored++;
          } catch (e) {
            fail(e);
            return;
          }
          progress({ instance, record: derived });
          continue;
        }
        running++;
        const o = await workers.solve(instance);
        running--;
        if (settled) return;
        finished++;
        switch (o.kind) {
          case 'done':
            solved[o.record.status]++;
            try {
              if (p.store.put(o.record)) stored++;
            } catch (e) {
              fail(e);
              return;
            }
            progress({ instance, record: o.record });
            break;
          case 'failed':
            failed(instance, o.error.kind, o.error.code, o.error.message);
            break;
          case 'died':
            failed(instance, 'internal', 'worker-died', `worker exited with ${o.exit}${o.stderrTail ? `: ${o.stderrTail}` : ''}`);
            break;
          case 'hard-timeout':
            failed(instance, 'limit', 'hard-timeout', `no answer ${o.limitMs / 1000} s after the start (limit ${instance.timeoutSeconds} s); worker killed; ${provenSoFar(o.progress)}`);
            break;
          case 'stopped':
            return;
        }
      }
    };

    if (p.signal?.aborted) return finish(true);
    p.signal?.addEventListener('abort', onAbort, { once: true });
    progress();
    if (queue.length === 0) return finish(false);
    const workers = new WorkerPool({
      backend,
      command: p.command,
      workerPath,
      onChildError: (e) => fail(new BackendError(`sweep worker: ${e.message}`, 'crashed')),
    });
    pool = workers;
    const jobs = Math.max(1, Math.min(p.jobs, queue.length));
    for (let j = 0; j < jobs; j++) void lane(workers).catch(fail);
  });
}
