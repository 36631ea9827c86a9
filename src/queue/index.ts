export { runQueueWorker, JOB_LOCK_MS, type QueueWorkerOptions, type WorkerJobEvent, type WorkerSummary } from './worker.js';
export {
  pushInstances,
  queueStatus,
  collectResults,
  dropQueue,
  JOB_ATTEMPTS,
  type QueueTarget,
  type PushResult,
  type QueueStatus,
  type CollectResult,
  type FailedJob,
} from './producer.js';
export { instanceJobId, parseJobData, parseJobResult, SOLVE_JOB_NAME, type QueueJobData } from './job-payload.js';
export { resolveRedisUrl, redactRedisUrl, REDIS_ENV_VAR, DEFAULT_REDIS_URL } from './redis-connection.js';
export { queueCubeRunner, cubeJobId, parseCubeJobData, parseCubeResult, CUBE_JOB_NAME } from './cube-jobs.js';
