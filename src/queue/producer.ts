/**
 * The client side of the queue mode: push instances as BullMQ jobs, report
 * the queue's state, and collect the records that workers returned into a
 * store. Results travel through Redis (the job's return value), so workers
 * need no file system shared with the machine that collects.
 */
import type { Job, Queue } from 'bullmq';
import { ValidationError, WaterlooError } from '../errors.js';
import type { ResultsStore } from '../store/types.js';
import type { SweepInstance } from '../sweep/solve-instance.js';
import { instanceJobId, parseJobResult, SOLVE_JOB_NAME, toJobData, type QueueJobData } from './job-payload.js';
import { loadBullMq, openRedis } from './redis-connection.js';

/** Where the queue is: a Redis URL and a queue name (several queues can share one Redis). */
export interface QueueTarget {
  readonly redis: string;
  readonly queue: string;
}

/** How often a job is tried before it is marked failed: a second try covers a worker that lost its solver or its lock; bad instances fail at once. */
export const JOB_ATTEMPTS = 2;

/** Jobs read from Redis per request. */
const PAGE = 200;

async function withQueue<T>(target: QueueTarget, f: (q: Queue) => Promise<T>): Promise<T> {
  const { Queue } = await loadBullMq();
  const client = await openRedis(target.redis, 'client');
  const queue = new Queue(target.queue, { connection: client as never });
  // without a listener an 'error' event would throw; errors surface through the failing calls anyway
  queue.on('error', () => {});
  try {
    return await f(queue);
  } finally {
    await queue.close().catch(() => {});
    await client.quit().catch(() => client.disconnect());
  }
}

/** What {@link pushInstances} did. */
export interface PushResult {
  /** Instances asked for. */
  readonly instances: number;
  /** Jobs added now. */
  readonly added: number;
  /** Instances that already had a job in the queue (waiting, running, done or failed): not added again. */
  readonly alreadyQueued: number;
  /** Instances the store already holds: not queued. */
  readonly alreadyStored: number;
}

/**
 * Adds one job per instance, with the instance key as job id: an instance
 * that already has a job in the queue is not added again (BullMQ ignores a
 * second job with an existing id). With `store`, instances it already holds
 * are skipped. The instances' problem names should be canonical (as
 * expandSweep gives them), since the id is built from the name as given.
 */
export async function pushInstances(target: QueueTarget, instances: readonly SweepInstance[], store?: ResultsStore): Promise<PushResult> {
  const fresh = store === undefined ? [...instances] : instances.filter((i) => !store.has(i));
  const alreadyStored = instances.length - fresh.length;
  return withQueue(target, async (queue) => {
    let added = 0;
    for (let start = 0; start < fresh.length; start += PAGE) {
      const chunk = fresh.slice(start, start + PAGE).map((inst) => ({ inst, id: instanceJobId(inst) }));
      const existing = await Promise.all(chunk.map((c) => queue.getJob(c.id)));
      const missing = chunk.filter((_, k) => existing[k] === undefined);
      if (missing.length === 0) continue;
      await queue.addBulk(
        missing.map((c) => ({
          name: SOLVE_JOB_NAME,
          data: toJobData(c.inst),
          // completed and failed jobs are kept: their return values are the results until collected, and their ids keep a second push from re-adding them
          opts: { jobId: c.id, attempts: JOB_ATTEMPTS, removeOnComplete: false, removeOnFail: false },
        })),
      );
      added += missing.length;
    }
    return { instances: instances.length, added, alreadyQueued: fresh.length - added, alreadyStored };
  });
}

/** A job that failed, with BullMQ's reason (for bad instances, the waterloo error). */
export interface FailedJob {
  readonly id: string;
  readonly problem: string;
  readonly basis: string;
  readonly encoder: string;
  readonly reason: string;
  readonly attempts: number;
}

function failedJob(job: Job): FailedJob {
  const d = (job.data ?? {}) as Partial<QueueJobData>;
  return {
    id: String(job.id),
    problem: String(d.problem ?? '?'),
    basis: String(d.basis ?? '?'),
    encoder: String(d.encoder ?? '?'),
    reason: job.failedReason ?? 'unknown',
    attempts: job.attemptsMade,
  };
}

async function listFailed(queue: Queue): Promise<FailedJob[]> {
  const out: FailedJob[] = [];
  for (let start = 0; ; start += PAGE) {
    const jobs = (await queue.getJobs(['failed'], start, start + PAGE - 1, true)) as Job[];
    out.push(...jobs.filter((j) => j !== undefined).map(failedJob));
    if (jobs.length < PAGE) return out;
  }
}

/** The state of a queue. */
export interface QueueStatus {
  readonly queue: string;
  readonly waiting: number;
  readonly active: number;
  readonly completed: number;
  readonly failed: number;
  readonly delayed: number;
  /** Worker connections Redis knows of (workers of any machine). */
  readonly workers: number;
  readonly failedJobs: readonly FailedJob[];
}

/** Job counts, live workers and the failed jobs of a queue. */
export async function queueStatus(target: QueueTarget): Promise<QueueStatus> {
  return withQueue(target, async (queue) => {
    const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'completed', 'failed', 'delayed');
    const workers = await queue.getWorkersCount();
    return {
      queue: target.queue,
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      delayed: c.delayed ?? 0,
      workers,
      failedJobs: await listFailed(queue),
    };
  });
}

/** What {@link collectResults} did. */
export interface CollectResult {
  /** Completed jobs read. */
  readonly completed: number;
  /** Records written to the store. */
  readonly stored: number;
  /** Records not written because the store already held an equal or better one. */
  readonly unchanged: number;
  /** Completed jobs whose return value is not a valid record (left in the queue). */
  readonly invalid: readonly { readonly id: string; readonly reason: string }[];
  /** Jobs removed from the queue after their record was safely in the store (with `remove`). */
  readonly removed: number;
  readonly failedJobs: readonly FailedJob[];
}

/**
 * Puts the record of every completed job into `store` (idempotent: the store
 * keeps the better of two records of a key, so collecting twice is harmless).
 * With `remove`, a job whose record is in the store is deleted from Redis,
 * which bounds Redis memory on long runs; its instance can then be pushed
 * again, unless push is given the store.
 */
export async function collectResults(target: QueueTarget, store: ResultsStore, opts: { readonly remove?: boolean } = {}): Promise<CollectResult> {
  return withQueue(target, async (queue) => {
    let completed = 0;
    let stored = 0;
    let unchanged = 0;
    let removed = 0;
    const invalid: { id: string; reason: string }[] = [];
    // ascending by finish time: jobs finishing meanwhile are appended, so the offset of the jobs left in place stays valid
    let offset = 0;
    for (;;) {
      const jobs = ((await queue.getJobs(['completed'], offset, offset + PAGE - 1, true)) as (Job | undefined)[]).filter((j): j is Job => j !== undefined);
      if (jobs.length === 0) break;
      for (const job of jobs) {
        // cube jobs (cube-jobs.ts) answer the cube search that pushed them, not the store
        if (job.name !== SOLVE_JOB_NAME) {
          offset++;
          continue;
        }
        completed++;
        const id = String(job.id);
        try {
          const record = parseJobResult(job.returnvalue, id);
          const d = job.data as Partial<QueueJobData>;
          if (record.basis !== d.basis || record.encoder !== d.encoder) throw new ValidationError(`job ${id}: record is for ${record.basis}/${record.encoder}, job for ${String(d.basis)}/${String(d.encoder)}`, 'bad-result');
          if (store.put(record)) stored++;
          else unchanged++;
        } catch (e) {
          // a record the store refuses is the job's fault; any other store error stops the collection
          if (!(e instanceof WaterlooError) || (e.code !== 'bad-result' && e.code !== 'bad-record')) throw e;
          invalid.push({ id, reason: e.message });
          offset++;
          continue;
        }
        if (opts.remove) {
          await job.remove();
          removed++;
        } else {
          offset++;
        }
      }
    }
    return { completed, stored, unchanged, invalid, removed, failedJobs: await listFailed(queue) };
  });
}

/** Deletes the queue and all its jobs (results not yet collected are lost). */
export async function dropQueue(target: QueueTarget): Promise<void> {
  await withQueue(target, (queue) => queue.obliterate({ force: true }));
}
