/**
 * Lazy loading of BullMQ and its Redis driver (ioredis), and the Redis
 * connections the queue mode opens. Neither package is imported at the top
 * of any module reachable from src/index.ts: only `waterloo queue ...` pays
 * for them.
 *
 * BullMQ 6 no longer depends on ioredis (waterloo declares it), and in native
 * ESM it cannot load it by itself, so every connection here is an ioredis
 * client we construct and hand to BullMQ.
 */
import { BackendError, UsageError } from '../errors.js';

/** The part of BullMQ the queue mode uses. */
export type BullMq = typeof import('bullmq');

/** The part of an ioredis client the queue mode uses directly. */
export interface RedisClient {
  ping(): Promise<string>;
  quit(): Promise<unknown>;
  disconnect(): void;
  on(event: 'error', listener: (e: Error) => void): unknown;
}

type RedisCtor = new (url: string, options: Record<string, unknown>) => RedisClient;

/** Environment variable holding the Redis URL when `--redis` is not given. */
export const REDIS_ENV_VAR = 'WATERLOO_REDIS';

/** Redis URL used when neither `--redis` nor $WATERLOO_REDIS is given. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

let bullmq: Promise<BullMq> | undefined;
let ioredis: Promise<RedisCtor> | undefined;

function missing(pkg: string, e: unknown): BackendError {
  return new BackendError(`the queue mode needs the ${pkg} package, which failed to load (${(e as Error).message.split('\n')[0]}); install it with \`npm install ${pkg}\``, 'unavailable');
}

/** BullMQ, loaded on first use. */
export function loadBullMq(): Promise<BullMq> {
  bullmq ??= import('bullmq').catch((e: unknown) => {
    bullmq = undefined;
    throw missing('bullmq', e);
  });
  return bullmq;
}

function loadRedisCtor(): Promise<RedisCtor> {
  ioredis ??= (import('ioredis') as unknown as Promise<{ Redis?: RedisCtor; default?: RedisCtor }>).then(
    (m) => {
      const ctor = m.Redis ?? m.default;
      if (typeof ctor !== 'function') throw new Error('no Redis class exported');
      return ctor;
    },
    (e: unknown) => {
      ioredis = undefined;
      throw missing('ioredis', e);
    },
  );
  return ioredis;
}

/** The Redis URL: `flag`, else $WATERLOO_REDIS, else {@link DEFAULT_REDIS_URL}; checked for shape only. */
export function resolveRedisUrl(flag?: string): string {
  const env = process.env[REDIS_ENV_VAR];
  const url = flag !== undefined && flag !== '' ? flag : env !== undefined && env !== '' ? env : DEFAULT_REDIS_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--redis must be a URL like redis://host:port, got '${url}'`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new UsageError(`--redis must use redis:// or rediss://, got '${url}'`);
  return url;
}

/** The URL without its password, for messages. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** How a connection behaves when Redis is away. */
export type ConnectionRole =
  /** Commands of a short CLI run (push, status, collect): give up after a few attempts so the command fails instead of hanging. */
  | 'client'
  /** A long-running worker: BullMQ requires blocking connections to retry for ever (maxRetriesPerRequest null), so a Redis restart does not lose the worker. */
  | 'worker';

/**
 * Opens an ioredis client for `url` and waits until Redis answers a PING.
 * @throws BackendError code `redis-unreachable` when it does not within a few attempts.
 */
export async function openRedis(url: string, role: ConnectionRole): Promise<RedisClient> {
  const Redis = await loadRedisCtor();
  let lastError: Error | undefined;
  const options: Record<string, unknown> =
    role === 'client'
      ? { maxRetriesPerRequest: 2, connectTimeout: 5000, retryStrategy: (times: number) => (times > 2 ? null : 100 * times) }
      : { maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(1000 * times, 10_000) };
  const client = new Redis(url, { ...options, lazyConnect: false });
  // ioredis emits 'error' on every failed reconnect; without a listener Node would print each one
  client.on('error', (e) => {
    lastError = e;
  });
  try {
    await withTimeout(client.ping(), 10_000);
  } catch (e) {
    client.disconnect();
    const why = lastError?.message ?? (e as Error).message;
    throw new BackendError(`cannot reach Redis at ${redactRedisUrl(url)}: ${why}`, 'redis-unreachable');
  }
  return client;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
