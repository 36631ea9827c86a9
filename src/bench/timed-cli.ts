/** One timed run of the waterloo CLI for the benchmark suites: wall and CPU seconds, children included. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What {@link timedCli} measured. */
export interface Timed {
  readonly wall: number;
  /** User + system seconds of the run and its children (GNU time); undefined without GNU time. */
  readonly cpu: number | undefined;
  readonly out: string;
  /** Exit code; null when the run was killed. */
  readonly code: number | null;
}

const GNU_TIME = '/usr/bin/time';

/** Runs the CLI once, with wall and CPU seconds (children included) from GNU time when it is there; killed after `timeoutMs`. */
export function timedCli(cli: string, args: readonly string[], timeoutMs?: number): Timed {
  const dir = mkdtempSync(join(tmpdir(), 'waterloo-bench-'));
  const file = join(dir, 'time');
  const useTime = existsSync(GNU_TIME);
  const argv = useTime ? [GNU_TIME, '-f', '%e %U %S', '-o', file, process.execPath, cli, ...args] : [process.execPath, cli, ...args];
  const t0 = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26, ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }) });
  let wall = (performance.now() - t0) / 1000;
  let cpu: number | undefined;
  if (useTime && existsSync(file)) {
    const [e, u, s] = readFileSync(file, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
    wall = e!;
    cpu = u! + s!;
  }
  rmSync(dir, { recursive: true, force: true });
  return { wall, cpu, out: r.stdout ?? '', code: r.status };
}
