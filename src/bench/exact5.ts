/**
 * `npm run bench -- exact5 [--timeout S] [--only REGEX] [--save DIR]`: the 5-input
 * instances of the family table, each solved to optimality by waterloo
 * (`min` with {@link WATERLOO_EXACT5_ARGS}, CaDiCaL) and by ABC's `twoexact` looped upward from one gate (one
 * ABC call per size until a circuit is found, as a user would), in the same
 * run with the same time limit per instance (default 600 s); plus the one
 * 5-input NPN class that needs 12 gates, 169ae443 (Knuth, TAOCP 4A 7.1.2),
 * asked for a 12-gate circuit by both.
 *
 * ABC's own `-T` limit is not honoured inside a SAT call, so each ABC call is
 * also killed from outside when the instance's time is up. `twoexact` takes
 * one output: multi-output instances (sum:5) are waterloo-only.
 *
 * `--save DIR` writes each waterloo run as `DIR/<instance>.json` (`:` as
 * `-`): its command, the date, wall and CPU seconds (children included) and
 * the `min --json` answer, the shape of results/frontier/ (the machine and
 * version are for whoever publishes it to fill in).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { timedCli } from './timed-cli.js';
import { parseProblem } from '../problems/parse-problem.js';
import { toHex } from '../tt/truth-table.js';

/** The 5-input family instances of the issue's table. */
export const EXACT5_INSTANCES: readonly string[] = ['maj:5', 'thr:5:2', 'exact:5:1', 'exact:5:2', 'mod3:5:0', 'mod3:5:1', 'mod3:5:2', 'sum:5'];

/** The hardest 5-input class: 12 gates in B2 (Knuth). */
export const HARDEST5 = { hex: '169ae443', gates: 12 } as const;

/** One tool's outcome on one instance. */
interface Outcome {
  /** Optimal size (waterloo: proven; ABC: first size with a circuit), or undefined. */
  readonly size?: number;
  readonly status: string;
  readonly seconds: number;
  /** CPU seconds, children included (waterloo's worker processes). */
  readonly cpu?: number;
}

/**
 * waterloo's strategy for the frontier: a heuristic upper bound first
 * (`--improve-first`, 20 s), so that only the UNSAT sizes are left when it
 * is already minimum, and every size split into 64 cubes over two worker
 * processes (the split that proved thr:5:2 UNSAT at 9, results/frontier).
 */
export const WATERLOO_EXACT5_ARGS: readonly string[] = ['--improve-first', '20', '--cubes', '64', '--workers', '2'];

/**
 * The heuristic's time for the hardest class's row: the issue's target is a
 * 12-gate circuit within 60 s, and with `--min-size 12` the heuristic stops
 * as soon as it has one.
 */
const HARDEST5_IMPROVE_FIRST_S = 60;

function waterloo(cli: string, args: readonly string[], timeoutS: number, improveFirstS?: number, saveAs?: string): Outcome {
  const wargs = improveFirstS === undefined ? WATERLOO_EXACT5_ARGS : WATERLOO_EXACT5_ARGS.map((a, i) => (WATERLOO_EXACT5_ARGS[i - 1] === '--improve-first' ? String(improveFirstS) : a));
  const argv = ['min', ...args, ...wargs, '--backend', 'cadical', '--timeout', String(timeoutS), '--json'];
  const t = timedCli(cli, argv, (timeoutS + 60) * 1000);
  try {
    const j = JSON.parse(t.out.trim().split('\n').pop() ?? '') as { status: string; size?: number; lowerBound?: number };
    if (saveAs !== undefined) {
      const run = { command: `waterloo ${argv.join(' ')}`, date: new Date().toISOString().slice(0, 10), wallSeconds: t.wall, cpuSeconds: t.cpu ?? null, result: j };
      writeFileAtomic(saveAs, JSON.stringify(run, null, 2) + '\n');
    }
    return { status: j.status === 'optimal' ? 'optimal' : `${j.status}${j.size !== undefined ? ` ${j.size}` : ''} (>= ${j.lowerBound ?? '?'})`, ...(j.status === 'optimal' || j.status === 'feasible' ? { size: j.size } : {}), seconds: t.wall, ...(t.cpu === undefined ? {} : { cpu: t.cpu }) };
  } catch {
    return { status: t.code === null ? 'killed' : `failed (exit ${t.code})`, seconds: t.wall };
  }
}

/** One ABC twoexact call: 'sat', 'unsat' or 'timeout'. */
function abcCall(hex: string, gates: number, leftS: number, extra: readonly string[] = []): 'sat' | 'unsat' | 'timeout' {
  const r = spawnSync('berkeley-abc', ['-c', `twoexact ${extra.join(' ')} -I 5 -N ${gates} -T ${Math.max(1, Math.ceil(leftS))} ${hex}`], { encoding: 'utf8', timeout: Math.max(1000, Math.round(leftS * 1000)), maxBuffer: 1 << 26 });
  const out = (r.stdout ?? '') + (r.stderr ?? '');
  if (/Realization of given/.test(out)) return 'sat';
  if (r.error) return 'timeout';
  return 'unsat';
}

function abcUpward(hex: string, timeoutS: number): Outcome {
  const t0 = performance.now();
  for (let k = 1; k <= 15; k++) {
    const left = timeoutS - (performance.now() - t0) / 1000;
    if (left <= 0) return { status: `timeout (>= ${k})`, seconds: timeoutS };
    const a = abcCall(hex, k, left);
    if (a === 'sat') return { status: 'found', size: k, seconds: (performance.now() - t0) / 1000 };
    if (a === 'timeout') return { status: `timeout (>= ${k})`, seconds: (performance.now() - t0) / 1000 };
  }
  return { status: 'no circuit up to 15', seconds: (performance.now() - t0) / 1000 };
}

const cell = (o: Outcome): string => `${o.size ?? '-'} ${o.status} ${o.seconds.toFixed(1)} s${o.cpu === undefined ? '' : ` (CPU ${o.cpu.toFixed(0)} s)`}`;

/** Runs the comparison and prints one line per instance. */
export function benchExact5(cli: string, opts: { timeoutMs?: number; only?: RegExp; saveDir?: string }, log: (s: string) => void): void {
  const timeoutS = (opts.timeoutMs ?? 600_000) / 1000;
  log(`exact5: 5-input instances to optimal (B2), waterloo min ${WATERLOO_EXACT5_ARGS.join(' ')} (cadical) vs ABC twoexact looped upward; ${timeoutS} s per instance and tool`);
  log('instance      | waterloo                                 | ABC twoexact loop');
  for (const name of EXACT5_INSTANCES) {
    if (opts.only && !opts.only.test(name)) continue;
    const p = parseProblem(name);
    const w = waterloo(cli, ['--problem', name], timeoutS, undefined, opts.saveDir === undefined ? undefined : join(opts.saveDir, `${name.replace(/:/g, '-')}.json`));
    const a: Outcome = p.spec.outputs.length === 1 ? abcUpward(toHex(p.spec.outputs[0]!), timeoutS) : { status: 'n/a (twoexact: one output)', seconds: 0 };
    log(`${name.padEnd(13)} | ${cell(w).padEnd(40)} | ${cell(a)}`);
  }
  const hard = `tt:${HARDEST5.hex}`;
  if (opts.only && !opts.only.test(hard)) return;
  const g = String(HARDEST5.gates);
  const w = waterloo(cli, ['--tt', HARDEST5.hex, '--inputs', '5', '--min-size', g, '--max-size', g], timeoutS, Math.min(HARDEST5_IMPROVE_FIRST_S, timeoutS), opts.saveDir === undefined ? undefined : join(opts.saveDir, `${HARDEST5.hex}-${g}.json`));
  const t0 = performance.now();
  const r = abcCall(HARDEST5.hex, HARDEST5.gates, timeoutS, ['-g']);
  const a: Outcome = { status: r === 'sat' ? 'found' : r, ...(r === 'sat' ? { size: HARDEST5.gates } : {}), seconds: (performance.now() - t0) / 1000 };
  log(`${`${HARDEST5.hex}@${g}`.padEnd(13)} | ${cell(w).padEnd(40)} | ${cell(a)} (twoexact -g)`);
}
