/**
 * `npm run bench -- cubes [--problem P (maj:5)] [--size S (7)] [--cubes N (16)] [--simulate 4,8,16]`:
 * how one UNSAT size query scales when it is split into cubes. One run each of
 *
 * - one solve: `waterloo min P --min-size S --max-size S` (one SAT call);
 * - cubes with 1 and 2 worker processes: the same with `--cubes N --workers W`;
 * - N simulated workers: every cube solved alone, one after another in this
 *   process (the same backend), and the time N workers would need computed
 *   from their CPU times (a core per worker, so the machine's load does not
 *   enter): the longest worker's total when the cubes are handed
 *   out in index order to whichever worker is free first (what the worker
 *   pool and the queue do) and, as a bound, when they are assigned longest
 *   first (LPT). Labelled as simulated: no start-up, no contention.
 *
 * Wall and CPU seconds (user + system, child processes included, from GNU
 * time) per run, and ratios to the one solve. Every run must answer UNSAT at
 * S (a SAT or unknown answer is reported and the bench exits 1).
 */
import { encodeForCubes, solveCube } from '../cubes/cube-task.js';
import { parseProblem } from '../problems/parse-problem.js';
import { resolveBackendName } from '../sat/registry.js';
import { reduceSpec } from '../synth/reduce-spec.js';
import { specToJson } from '../tt/spec.js';
import { readFileSync } from 'node:fs';
import { timedCli, type Timed } from './timed-cli.js';

/** Options of the cubes suite. */
export interface CubesBenchOptions {
  readonly problem: string;
  readonly size: number;
  readonly cubes: number;
  readonly simulate: readonly number[];
}

/** Options from the command line (defaults: maj:5 at 7 gates, 16 cubes, 4, 8 and 16 simulated workers). */
export function cubesBenchOptions(args: readonly string[]): CubesBenchOptions {
  const arg = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return {
    problem: arg('--problem') ?? 'maj:5',
    size: Number(arg('--size') ?? 7),
    cubes: Number(arg('--cubes') ?? 16),
    simulate: (arg('--simulate') ?? '4,8,16').split(',').map(Number),
  };
}

/** The longest worker's total when `times` are handed out in order to the first free of `n` workers. */
export function inOrderMakespan(times: readonly number[], n: number): number {
  const free = Array.from({ length: n }, () => 0);
  for (const t of times) {
    const i = free.indexOf(Math.min(...free));
    free[i]! += t;
  }
  return Math.max(...free);
}

/** The same with the longest cubes first (LPT, within 4/3 of the best assignment). */
export function lptMakespan(times: readonly number[], n: number): number {
  return inOrderMakespan([...times].sort((a, b) => b - a), n);
}

/** Runs the comparison and prints it; exit code 1 when a run does not answer UNSAT. */
export async function benchCubes(cli: string, o: CubesBenchOptions, log: (s: string) => void): Promise<void> {
  const spec = parseProblem(o.problem).spec;
  const red = reduceSpec(spec);
  const backend = await resolveBackendName('auto');
  const query = { spec: specToJson(red.core), basis: 'B2' as const, encoder: 'ssv' as const, size: o.size, cubes: o.cubes };
  const total = encodeForCubes(query).cubes.length;
  log(`cubes bench: "a B2 circuit of ${o.size} gates for ${o.problem}?" (UNSAT expected), ${o.cubes} cubes requested, ${total} made, backend ${backend}; one run each, on this machine (load: ${readLoad()})`);
  const common = ['--problem', o.problem, '--min-size', String(o.size), '--max-size', String(o.size), '--json'];
  const unsatAt = (t: Timed): boolean => {
    try {
      const j = JSON.parse(t.out) as { status?: string; reason?: string };
      // from min-size S to max-size S: "unknown, max-size" means S was refuted
      return j.status === 'unknown' && j.reason === 'max-size';
    } catch {
      return false;
    }
  };
  const rows: { mode: string; wall: number; cpu: number | undefined; ok: boolean }[] = [];
  const run = (mode: string, extra: readonly string[]): void => {
    const t = timedCli(cli, ['min', ...common, ...extra]);
    rows.push({ mode, wall: t.wall, cpu: t.cpu, ok: unsatAt(t) });
    log(`  ${mode}: ${t.wall.toFixed(1)} s${t.cpu === undefined ? '' : `, CPU ${t.cpu.toFixed(1)} s`}${unsatAt(t) ? '' : ` NOT UNSAT: ${t.out.trim().slice(0, 200)}`}`);
  };
  run('one solve', []);
  run('cubes, 1 worker', ['--cubes', String(o.cubes), '--workers', '1']);
  run('cubes, 2 workers', ['--cubes', String(o.cubes), '--workers', '2']);

  // each cube alone, in this process, in index order; its CPU time (this
  // process does nothing else meanwhile) is what a worker with a core of its
  // own would need, whatever the load of this machine
  const times: number[] = [];
  let wallSum = 0;
  let bad = 0;
  encodeForCubes(query);
  for (let index = 0; index < total; index++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await solveCube({ ...query, index, backend });
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1e6);
    wallSum += (performance.now() - t0) / 1000;
    if (r.answer !== 'unsat') bad++;
  }
  const sum = times.reduce((a, b) => a + b, 0);
  const sorted = [...times].sort((a, b) => a - b);
  log(`  cubes one by one in this process: CPU ${sum.toFixed(1)} s (wall ${wallSum.toFixed(1)} s), per cube CPU min ${sorted[0]!.toFixed(2)} / median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} / max ${sorted.at(-1)!.toFixed(2)} s${bad ? `, ${bad} NOT UNSAT` : ''}`);
  for (const n of o.simulate) {
    rows.push({ mode: `simulated ${n} workers, in order`, wall: inOrderMakespan(times, n), cpu: sum, ok: bad === 0 });
    rows.push({ mode: `simulated ${n} workers, LPT`, wall: lptMakespan(times, n), cpu: sum, ok: bad === 0 });
  }

  const one = rows[0]!;
  log('');
  log(`${'mode'.padEnd(34)} ${'wall s'.padStart(7)} ${'CPU s'.padStart(7)} ${'speed-up'.padStart(9)} ${'CPU ratio'.padStart(9)}`);
  for (const r of rows) {
    const cpu = r.cpu === undefined ? 'n/a' : r.cpu.toFixed(1);
    const cpuRatio = r.cpu === undefined || one.cpu === undefined ? 'n/a' : (r.cpu / one.cpu).toFixed(2);
    log(`${r.mode.padEnd(34)} ${r.wall.toFixed(1).padStart(7)} ${cpu.padStart(7)} ${(one.wall / r.wall).toFixed(2).padStart(9)} ${cpuRatio.padStart(9)}${r.ok ? '' : '  (not UNSAT)'}`);
  }
  log('speed-up = one-solve wall / wall; CPU ratio = CPU / one-solve CPU. Simulated rows: "wall" is the critical path of the per-cube CPU times (a core per worker, no start-up or contention), CPU their sum.');
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

function readLoad(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}
