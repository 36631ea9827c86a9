/**
 * Cubes of one size query (src/sweep/cube-search.ts) through the queue: each
 * cube is a BullMQ job named `cube` whose data is its {@link CubeTask} and
 * whose return value is its {@link CubeOutcome}; queue workers solve them in
 * their child processes beside `solve` jobs.
 *
 * Job ids are derived from the query and the cube index, so a rerun of the
 * same query finds the cubes already answered (kept in Redis until the queue
 * is dropped) instead of solving them again: resumable, like sweeps. What
 * comes back from Redis is checked for shape here; a SAT circuit is
 * re-simulated by the cube search itself, and an UNSAT answer is, as a
 * record's lower bound, the worker's word (with the cube's CNF hash).
 *
 * Cancelling stops waiting and removes the cubes not yet started; cubes
 * running on workers finish on their own (their answers are then unused).
 */
import type { Job, Queue, QueueEvents } from 'bullmq';
import { ValidationError } from '../errors.js';
import { cubeQueryKey } from '../cubes/cube-checkpoint.js';
import type { CubeOutcome, CubeTask } from '../cubes/cube-task.js';
import type { CubeRunner } from '../sweep/cube-search.js';
import { JOB_ATTEMPTS, type QueueTarget } from './producer.js';
import { loadBullMq, openRedis } from './redis-connection.js';

/** BullMQ job name of a cube. */
export const CUBE_JOB_NAME = 'cube';

/** The job id of a cube: a hash of its query (everything but the index, backend and limit) and its index; no colons. */
export function cubeJobId(task: CubeTask): string {
  return `cube|${cubeQueryKey(task)}|${task.index}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The task of a cube job's data, checked for shape. @throws ValidationError code `bad-job`. */
export function parseCubeJobData(data: unknown, jobId: string): CubeTask {
  const d = data as Partial<Record<keyof CubeTask, unknown>> | null;
  if (!isObject(d) || !isObject(d.spec) || typeof d.basis !== 'string' || typeof d.encoder !== 'string' || !isCount(d.size) || !isCount(d.cubes) || !isCount(d.index) || typeof d.backend !== 'string') {
    throw new ValidationError(`job ${jobId}: data is not a waterloo cube (spec, basis, encoder, size, cubes, index, backend)`, 'bad-job');
  }
  if (d.timeLimitMs !== undefined && !(typeof d.timeLimitMs === 'number' && d.timeLimitMs > 0)) throw new ValidationError(`job ${jobId}: bad timeLimitMs`, 'bad-job');
  return d as unknown as CubeTask;
}

/** The outcome a cube job returned, checked for shape and index. @throws ValidationError code `bad-result`. */
export function parseCubeResult(value: unknown, task: CubeTask, jobId: string): CubeOutcome {
  const bad = (why: string): never => {
    throw new ValidationError(`job ${jobId}: the return value is not the outcome of cube ${task.index}: ${why}`, 'bad-result');
  };
  if (!isObject(value)) return bad('not an object');
  if (value['index'] !== task.index) return bad(`index ${String(value['index'])}`);
  switch (value['answer']) {
    case 'sat':
      if (typeof value['circuit'] !== 'string') return bad('no circuit');
      break;
    case 'unsat': {
      const e = value['entry'];
      if (!isObject(e) || typeof e['label'] !== 'string' || typeof e['cnfSha256'] !== 'string' || !/^[0-9a-f]{64}$/.test(e['cnfSha256']) || !isCount(e['vars']) || !isCount(e['clauses'])) return bad('no certificate entry');
      break;
    }
    case 'unknown':
      if (typeof value['reason'] !== 'string') return bad('no reason');
      break;
    default:
      return bad(`answer ${String(value['answer'])}`);
  }
  return value as unknown as CubeOutcome;
}

/**
 * A {@link CubeRunner} that pushes each cube as a job and waits for a queue
 * worker's answer (a cube answered before, by an earlier run, is taken as it
 * is). Close it to release the Redis connections.
 */
export async function queueCubeRunner(target: QueueTarget): Promise<CubeRunner> {
  const { Queue, QueueEvents } = await loadBullMq();
  const client = await openRedis(target.redis, 'client');
  const eventsClient = await openRedis(target.redis, 'worker');
  const queue: Queue = new Queue(target.queue, { connection: client as never });
  const events: QueueEvents = new QueueEvents(target.queue, { connection: eventsClient as never });
  queue.on('error', () => {});
  events.on('error', () => {});
  await events.waitUntilReady();
  let generation = 0;
  const pending = new Map<string, { job: Job; gen: number; cancel: () => void }>();
  return {
    async solve(task) {
      const id = cubeJobId(task);
      const gen = generation;
      let job = await queue.getJob(id);
      if (job !== undefined && (await job.getState()) === 'failed') {
        await job.remove();
        job = undefined;
      }
      job ??= await queue.add(CUBE_JOB_NAME, task, { jobId: id, attempts: JOB_ATTEMPTS, removeOnComplete: false, removeOnFail: false });
      // the job object may predate its completion: its return value is read afresh
      const finished = async (): Promise<unknown> => {
        const v = (await queue.getJob(id))?.returnvalue as unknown;
        return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
      };
      if ((await job.getState()) === 'completed') return parseCubeResult(await finished(), task, id);
      const cancelled = new Promise<CubeOutcome>((resolve) => pending.set(id, { job: job!, gen, cancel: () => resolve({ answer: 'unknown', index: task.index, reason: 'aborted' }) }));
      try {
        const value = await Promise.race([job.waitUntilFinished(events).then(() => undefined), cancelled]);
        if (gen !== generation || value !== undefined) return { answer: 'unknown', index: task.index, reason: 'aborted' };
        return parseCubeResult(await finished(), task, id);
      } catch (e) {
        if (e instanceof ValidationError) throw e;
        // the job failed on the workers (all its attempts)
        throw new ValidationError(`job ${id}: cube ${task.index} failed on the queue workers: ${(e as Error).message}`, 'bad-result');
      } finally {
        pending.delete(id);
      }
    },
    cancel() {
      generation++;
      for (const p of pending.values()) {
        p.cancel();
        // not started yet: take it off the queue (a running one finishes on its worker)
        void p.job.getState().then((s) => (s === 'waiting' || s === 'delayed' || s === 'prioritized' ? p.job.remove() : undefined)).catch(() => undefined);
      }
      pending.clear();
    },
    close() {
      void events.close().catch(() => undefined).then(() => eventsClient.quit().catch(() => eventsClient.disconnect()));
      void queue.close().catch(() => undefined).then(() => client.quit().catch(() => client.disconnect()));
    },
  };
}
