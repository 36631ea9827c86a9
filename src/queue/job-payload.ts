/**
 * What travels through Redis: a job's data (one sweep instance), its id
 * (derived from the instance key, so pushing an instance twice adds one job)
 * and its return value (the StoreRecord). Everything read back from Redis is
 * checked here, since any process with access to the queue may have written it.
 */
import { ValidationError } from '../errors.js';
import type { StoreRecord } from '../store/types.js';
import { recordLabel, verifyRecord } from '../store/verify-record.js';
import type { SweepInstance } from '../sweep/solve-instance.js';

/** BullMQ job name of every waterloo job (one kind of job per queue). */
export const SOLVE_JOB_NAME = 'solve';

/** The job data: a {@link SweepInstance} as plain JSON. */
export interface QueueJobData {
  readonly problem: string;
  readonly basis: string;
  readonly encoder: string;
  readonly timeoutSeconds?: number;
}

/**
 * The job id of an instance: its key (problem, basis, encoder), each part
 * percent-encoded so the id is injective and free of `:` (BullMQ refuses
 * custom ids with a colon, and problem names have them: `maj:5`).
 * The time limit is not part of the key, as in the store.
 */
export function instanceJobId(key: { readonly problem: string; readonly basis: string; readonly encoder: string }): string {
  const part = (s: string): string => encodeURIComponent(s).replace(/[!'()*:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${part(key.problem)}|${part(key.basis)}|${part(key.encoder)}`;
}

/** The job data of an instance. */
export function toJobData(inst: SweepInstance): QueueJobData {
  return {
    problem: inst.problem,
    basis: inst.basis,
    encoder: inst.encoder,
    ...(inst.timeoutSeconds !== undefined && inst.timeoutSeconds > 0 ? { timeoutSeconds: inst.timeoutSeconds } : {}),
  };
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * The instance of a job's data, checked for shape; whether the problem,
 * basis and encoder exist is left to solveInstance, which reports it.
 * @throws ValidationError code `bad-job` for data that is not an instance.
 */
export function parseJobData(data: unknown, jobId: string): SweepInstance {
  const d = data as Partial<Record<keyof QueueJobData, unknown>> | null;
  if (typeof d !== 'object' || d === null || !isNonEmptyString(d.problem) || !isNonEmptyString(d.basis) || !isNonEmptyString(d.encoder)) {
    throw new ValidationError(`job ${jobId}: data is not a waterloo instance (problem, basis, encoder)`, 'bad-job');
  }
  const t = d.timeoutSeconds;
  if (t !== undefined && (typeof t !== 'number' || !Number.isFinite(t) || t < 0)) throw new ValidationError(`job ${jobId}: bad timeoutSeconds ${String(t)}`, 'bad-job');
  return { problem: d.problem, basis: d.basis as SweepInstance['basis'], encoder: d.encoder as SweepInstance['encoder'], ...(t === undefined ? {} : { timeoutSeconds: t }) };
}

/**
 * The record a completed job returned, re-checked as any record from outside
 * the process ({@link verifyRecord}: circuit simulated against the
 * instance's spec, size recomputed, status implied by size and bound).
 * @throws ValidationError code `bad-result` otherwise, naming the job, the instance and why.
 */
export function parseJobResult(value: unknown, jobId: string): StoreRecord {
  const r = value as Partial<Record<keyof StoreRecord, unknown>> | null;
  const ok =
    typeof r === 'object' &&
    r !== null &&
    isNonEmptyString(r.problem) &&
    isNonEmptyString(r.basis) &&
    isNonEmptyString(r.encoder) &&
    (r.status === 'optimal' || r.status === 'feasible' || r.status === 'unknown') &&
    Number.isInteger(r.lowerBound) &&
    (r.size === undefined || Number.isInteger(r.size)) &&
    Array.isArray(r.attempts) &&
    typeof r.evidence === 'object' &&
    r.evidence !== null;
  if (!ok) throw new ValidationError(`job ${jobId}: the return value is not a waterloo store record`, 'bad-result');
  const record = r as unknown as StoreRecord;
  const check = verifyRecord(record);
  if (!check.ok) throw new ValidationError(`job ${jobId}: record of ${recordLabel(record)} refused: ${check.reason}`, 'bad-result');
  return record;
}
