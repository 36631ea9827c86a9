/** A throw-away redis-server on a free loopback port, for the queue tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export const REDIS_SERVER = '/usr/bin/redis-server';

/** Why the queue tests cannot run here, or undefined when they can. */
export function queueSkipReason(): string | undefined {
  if (!existsSync(REDIS_SERVER)) return `${REDIS_SERVER} is not installed (Debian package redis-server)`;
  try {
    createRequire(join(ROOT, 'package.json')).resolve('ioredis');
  } catch {
    return 'the ioredis package is not installed (npm install ioredis)';
  }
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) return 'dist/ is not built (npm run build)';
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A running redis-server. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts redis-server on 127.0.0.1 without persistence, in a temporary directory. */
export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'waterloo-redis-'));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const proc = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = await new Promise<boolean>((resolve) => {
      let log = '';
      const timer = setTimeout(() => resolve(false), 10_000);
      proc.stdout!.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (ready) return { url: `redis://127.0.0.1:${port}`, port, stop: () => stopProcess(proc) };
    await stopProcess(proc);
    // the port may have been taken between freePort and the bind
    if (attempt === 2) throw new Error('redis-server did not start');
  }
}

/** SIGTERM, then SIGKILL after 3 s; resolves when the process is gone. */
export function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}
