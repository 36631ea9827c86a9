/**
 * Runs the instances of a sweep on J worker processes and puts each record
 * in the store as soon as it arrives, skipping instances the store holds.
 *
 * Why processes (child_process.fork) and not worker threads: a worker that
 * crashes, runs out of memory or sits in a solver call that ignores its time
 * limit can be killed with SIGKILL without touching the sweep, and a sweep
 * killed with SIGKILL takes its workers with it (they exit when the IPC
 * channel closes). Only this process writes to the store, one transaction
 * per record, so a kill at any point loses at most the instances in flight
 * and never leaves a half-written record; a rerun skips what is stored.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BackendError, type ErrorKind } from '../errors.js';
import { parseProblem } from '../problems/parse-problem.js';
import type { BackendName } from '../sat/registry.js';
import type { InstanceStatus, ResultsStore, StoreRecord } from '../store/types.js';
import { hardStopGraceMs } from '../util/hard-stop.js';
import { heuristicSeconds, type SweepInstance } from './solve-instance.js';
import type { SolveMessage, WorkerReply } from './worker-protocol.js';

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

/** What a killed instance had proven, for its failure message. */
export function provenSoFar(p: { provenLowerBound: number; bestSize?: number } | undefined): string {
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

const keyOf = (i: { problem: string; basis: string; encoder: string }): string => `${i.problem}\u0000${i.basis}\u0000${i.encoder}`;

interface Slot {
  child: ChildProcess;
  stderr: string;
  job?: { id: number; instance: SweepInstance; timer?: NodeJS.Timeout; progress?: { provenLowerBound: number; bestSize?: number } };
}

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
  let finished = 0, stored = 0, nextId = 1;
  const solved: Record<InstanceStatus, number> = { optimal: 0, feasible: 0, unknown: 0 };
  const failures: SweepFailure[] = [];
  const slots: Slot[] = [];
  const workerPath = queue.length === 0 ? '' : (p.workerPath ?? sweepWorkerPath());
  const backend = p.backend ?? 'auto';

  return new Promise<SweepResult>((resolvePromise, rejectPromise) => {
    let settled = false;
    const running = (): number => slots.filter((s) => s.job !== undefined).length;
    const progress = (last?: SweepProgress['last']): void => {
      if (p.onProgress === undefined) return;
      const elapsed = (performance.now() - t0) / 1000;
      const left = queue.length + running();
      const eta = finished > 0 ? (elapsed / finished) * left : left === 0 ? 0 : undefined;
      p.onProgress({ total, skipped, finished, failed: failures.length, running: running(), elapsedSeconds: elapsed, ...(eta === undefined ? {} : { etaSeconds: eta }), ...(last ? { last } : {}) });
    };
    const stopAll = (): void => {
      for (const s of slots) {
        if (s.job?.timer) clearTimeout(s.job.timer);
        s.job = undefined;
        s.child.removeAllListeners('exit');
        s.child.kill('SIGKILL');
      }
      slots.length = 0;
    };
    const finish = (aborted: boolean): void => {
      if (settled) return;
      settled = true;
      p.signal?.removeEventListener('abort', onAbort);
      if (aborted) stopAll();
      else for (const s of slots) if (s.child.connected) s.child.disconnect();
      resolvePromise({ total, skipped, solved, stored, failures, aborted, seconds: (performance.now() - t0) / 1000 });
    };
    const fail = (e: unknown): void => {
      if (settled) return;
      settled = true;
      p.signal?.removeEventListener('abort', onAbort);
      stopAll();
      rejectPromise(e);
    };
    const onAbort = (): void => finish(true);

    const endJob = (slot: Slot): SweepInstance => {
      const job = slot.job!;
      if (job.timer) clearTimeout(job.timer);
      slot.job = undefined;
      finished++;
      return job.instance;
    };
    const failed = (slot: Slot, kind: SweepFailure['kind'], code: string, message: string): void => {
      const instance = endJob(slot);
      failures.push({ instance, kind, code, message });
      progress({ instance, error: message });
    };

    const spawnSlot = (): Slot => {
      // no inherited execArgv: the parent may run under a test runner's loader
      const child = fork(workerPath, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
      const slot: Slot = { child, stderr: '' };
      child.stderr!.on('data', (d: Buffer) => {
        slot.stderr = (slot.stderr + d.toString()).slice(-2000);
      });
      child.on('message', (m: WorkerReply) => {
        if (settled || m.type === 'ready' || slot.job === undefined || m.id !== slot.job.id) return;
        if (m.type === 'progress') {
          slot.job.progress = m;
          return;
        }
        if (m.type === 'failed') {
          failed(slot, m.error.kind, m.error.code, m.error.message);
        } else {
          const instance = endJob(slot);
          solved[m.record.status]++;
          try {
            if (p.store.put(m.record)) stored++;
          } catch (e) {
            fail(e);
            return;
          }
          progress({ instance, record: m.record });
        }
        dispatch(slot);
      });
      child.on('exit', (code, signal) => {
        const i = slots.indexOf(slot);
        if (i >= 0) slots.splice(i, 1);
        if (settled) return;
        if (slot.job !== undefined) {
          failed(slot, 'internal', 'worker-died', `worker exited with ${signal ?? `code ${code}`}${slot.stderr.trim() ? `: ${slot.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
        }
        if (queue.length > 0) dispatch(spawnSlot());
        else if (running() === 0) finish(false);
      });
      child.on('error', (e) => fail(new BackendError(`sweep worker: ${e.message}`, 'crashed')));
      slots.push(slot);
      return slot;
    };

    function dispatch(slot: Slot): void {
      if (settled) return;
      let instance: SweepInstance | undefined;
      // another writer (a second sweep, a shard, the queue mode) may have stored it meanwhile
      while ((instance = queue.shift()) !== undefined && p.store.has(instance)) skipped++;
      if (instance === undefined) {
        if (slot.child.connected) slot.child.disconnect();
        if (running() === 0) finish(false);
        return;
      }
      const id = nextId++;
      const timer =
        instance.timeoutSeconds !== undefined && instance.timeoutSeconds > 0
          ? setTimeout(() => {
              failed(slot, 'limit', 'hard-timeout', `no answer ${hardLimitMs(instance.timeoutSeconds!) / 1000} s after the start (limit ${instance.timeoutSeconds} s); worker killed; ${provenSoFar(slot.job?.progress)}`);
              slot.child.kill('SIGKILL');
            }, hardLimitMs(instance.timeoutSeconds))
          : undefined;
      slot.job = { id, instance, ...(timer ? { timer } : {}) };
      const msg: SolveMessage = { type: 'solve', id, instance, backend, command: p.command };
      slot.child.send(msg);
    }

    if (p.signal?.aborted) return finish(true);
    p.signal?.addEventListener('abort', onAbort, { once: true });
    progress();
    if (queue.length === 0) return finish(false);
    const jobs = Math.max(1, Math.min(p.jobs, queue.length));
    for (let j = 0; j < jobs; j++) dispatch(spawnSlot());
  });
}
