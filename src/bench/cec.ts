/**
 * `npm run bench -- cec`: equivalence checking, waterloo `eq --match position`
 * against the better of ABC's `cec -n` and `&r A; &cec B`, two figures per pair.
 *
 * Whole process: each tool run once per check, as a user runs it from a shell.
 * On small pairs this mostly measures start-up (a bare Node process is ~60 ms,
 * ABC's whole run 20-60 ms).
 *
 * Steady state: the marginal cost of one more check inside one process that
 * has warmed up, measured the same way for both tools. Each tool runs as a
 * whole process checking the pair 1+R times, T(1+R), and 1+2R times,
 * T(1+2R); a check then costs (T(1+2R) - T(1+R)) / R. Start-up and warm-up
 * (reading the first files, Node's JIT compiling the hot loops) are one-off
 * costs that both runs pay alike, so they drop out. waterloo repeats the line
 * in an `eq --pairs` file; ABC repeats `cec -n A B` (or `&r A` and
 * `&cec B`) in a script file run with `-f`, a command a line. Both re-read
 * both files for every check (ABC's commands take file names; waterloo's
 * --pairs reads each pair afresh and keeps nothing), and the outputs are
 * checked to hold every verdict, so neither tool can skip a check. R is
 * chosen so the faster tool's R checks last about half a second, at most
 * 2000 (pairs that both tools check in well under a millisecond need that
 * many to rise above run-to-run noise), and the slower tool's longest run
 * stays under ~30 s; a check's cost is estimated for this as the
 * whole-process time minus the tool's start-up (a run with nothing to check:
 * `eq --pairs` on an empty file, `abc -c ''`). Pairs where a tool's single
 * run takes over 5 s get no steady figure: start-up is negligible there and
 * the whole-process ratio says it. A steady figure whose run-to-run spread
 * exceeds a quarter of it is marked `~`; such a figure within a factor of two
 * of the 2x target, or one lost in noise, is measured again with four times R
 * (twice at most, within the budget).
 *
 * The engine ratio of a pair is its steady-state ratio where there is one,
 * else its whole-process ratio; the summary counts the pairs within 2x on
 * each measure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { median, runCases, timeOnce, type BenchCase, type BenchResult, type TimedCommand } from './harness.js';

const ABC = 'berkeley-abc';

/** One equivalence-checking pair of the `cec` suite. */
interface CecPair {
  readonly name: string;
  readonly a: string;
  readonly b: string;
}

/**
 * The stretch pair: the EPFL multiplier vs its best-known LUT network, which
 * neither ABC engine proves in 10 minutes; it has a suite of its own.
 */
export const CEC_STRETCH = 'multiplier vs best-size';

/** Above this single-run time (either tool) a pair gets no steady-state figure. */
const STEADY_SKIP_MS = 5000;
/** Most repetitions of a pair in one process (per batch of R). */
const STEADY_MAX_R = 2000;
/** Target length of the faster tool's R timed checks. */
const STEADY_TARGET_MS = 500;
/** Most time the slower tool's longest run (1+2R checks) may take. */
const STEADY_BUDGET_MS = 30_000;
/** Floor of a check's estimated cost: below it a check hides in start-up noise. */
const STEADY_MIN_CHECK_MS = 0.05;
/** Times a noisy or below-noise steady figure is measured again, with this factor more checks. */
const STEADY_ESCALATIONS = 2;
const STEADY_ESCALATION_FACTOR = 4;
/** The target of the engine ratio. */
const TARGET_RATIO = 2;

/** ISCAS'85 and EPFL circuits vs their ABC rewrites, and EPFL vs the best-size results. */
function cecPairs(root: string): CecPair[] {
  const fixtures = join(root, 'test', 'fixtures', 'abc-opt');
  const pairs: CecPair[] = [];
  const dirs = [join(root, 'circuits', 'iscas85'), join(root, 'circuits', 'epfl', 'arithmetic'), join(root, 'circuits', 'epfl', 'random_control')];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.bench') || x.endsWith('.aig')).sort()) {
      const name = f.replace(/\.(bench|aig)$/, '');
      const opt = join(fixtures, `${name}.aig`);
      if (existsSync(opt)) pairs.push({ name: `${name} vs abc-opt`, a: join(dir, f), b: opt });
    }
  }
  const best = join(root, 'circuits', 'epfl', 'best_results_size');
  for (const f of readdirSync(best).filter((x) => x.endsWith('.blif')).sort()) {
    const name = f.replace(/_size_\d+\.blif$/, '');
    const orig = [join(root, 'circuits', 'epfl', 'arithmetic', `${name}.aig`), join(root, 'circuits', 'epfl', 'random_control', `${name}.aig`)].find((x) => existsSync(x));
    if (orig) pairs.push({ name: `${name} vs best-size`, a: orig, b: join(best, f) });
  }
  return pairs;
}

/** An AIGER copy of a circuit file for ABC's `&r` (converted once by ABC, not timed). */
function asAiger(file: string, dir: string): string {
  if (file.endsWith('.aig')) return file;
  const out = join(dir, `${basename(file).replace(/\.[^.]+$/, '')}-${file.length}.aig`);
  if (!existsSync(out)) spawnSync(ABC, ['-c', `read ${file}; strash; write_aiger ${out}`], { stdio: 'ignore' });
  return out;
}

/** Whether ABC's output holds `n` equivalence verdicts (one per check of the script). */
const abcEquivalent =
  (n: number) =>
  (out: string): boolean =>
    (out.match(/Networks are equivalent/g) ?? []).length === n;

/** Whether `eq --pairs` reported `n` equivalent pairs. */
const waterlooEquivalent =
  (n: number) =>
  (out: string): boolean =>
    (out.match(/: equivalent \(/g) ?? []).length === n;

function benchDir(): string {
  const dir = join(tmpdir(), 'waterloo-bench-cec');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The three commands of a pair, each checking it `n` times in one process. */
function repeatedCommands(cli: string, p: CecPair, n: number, dir: string): { waterloo: TimedCommand; peers: TimedCommand[] } {
  const stem = join(dir, `${p.name.replace(/\W+/g, '_')}-x${n}`);
  writeFileSync(`${stem}.pairs`, `${p.a} ${p.b}\n`.repeat(n));
  const [aa, ab] = [asAiger(p.a, dir), asAiger(p.b, dir)];
  // ABC reads a script a command a line (a long -c argument or script line is cut short)
  writeFileSync(`${stem}.cec.abc`, `cec -n ${p.a} ${p.b}\n`.repeat(n));
  writeFileSync(`${stem}.gcec.abc`, `&r ${aa}\n&cec ${ab}\n`.repeat(n));
  return {
    waterloo: { label: 'waterloo', argv: ['node', cli, 'eq', '--match', 'position', '--pairs', `${stem}.pairs`], expect: waterlooEquivalent(n) },
    peers: [
      { label: 'cec', argv: [ABC, '-f', `${stem}.cec.abc`], expect: abcEquivalent(n) },
      { label: '&cec', argv: [ABC, '-f', `${stem}.gcec.abc`], expect: abcEquivalent(n) },
    ],
  };
}

/** The whole-process cases (one check per process): used by `cec` and `cec-stretch`. */
export function cecCases(cli: string, root: string, stretch: boolean): BenchCase[] {
  const dir = benchDir();
  return cecPairs(root)
    .filter((p) => (p.name === CEC_STRETCH) === stretch)
    .map((p) => {
      const [aa, ab] = [asAiger(p.a, dir), asAiger(p.b, dir)];
      const peers: TimedCommand[] = [
        { label: 'cec', argv: [ABC, '-c', `cec -n ${p.a} ${p.b}`], expect: abcEquivalent(1) },
        { label: '&cec', argv: [ABC, '-c', `&r ${aa}; &cec ${ab}`], expect: abcEquivalent(1) },
      ];
      return {
        name: p.name,
        waterloo: { label: 'waterloo', argv: ['node', cli, 'eq', '--match', 'position', p.a, p.b] },
        peer: peers[0]!,
        otherPeers: peers.slice(1),
      };
    });
}

/** Steady-state cost of one check per tool, or why there is none. */
interface SteadyResult {
  readonly r: number;
  readonly waterlooMs: number;
  readonly peerMs: number;
  readonly peerLabel: string;
  readonly ratio: number;
  /** Whether either tool's figure varies by more than a quarter of itself between runs. */
  readonly noisy: boolean;
  readonly ok: boolean;
  readonly note?: string;
  /** A run ran out of time (--timeout): the figure is not reported. */
  readonly timedOut?: boolean;
  /** The largest per-check cost of all three tools (the slower ABC engine too): bounds a longer re-measurement. */
  readonly slowestMs: number;
  /** A tool's marginal cost did not rise above run-to-run noise: no figure. */
  readonly belowNoise?: boolean;
}

/** A timing of one tool: whole-process median and start-up (both ms). */
interface ToolTiming {
  readonly wholeMs: number;
  readonly startupMs: number;
}

/** How many checks R to time after 1+R warm-up checks, from the whole-process medians and start-ups; 0 = skip. */
export function chooseRepeats(tools: readonly ToolTiming[]): number {
  if (tools.some((t) => t.wholeMs > STEADY_SKIP_MS)) return 0;
  const perCheck = tools.map((t) => Math.max(STEADY_MIN_CHECK_MS, t.wholeMs - t.startupMs));
  const toTarget = Math.ceil(STEADY_TARGET_MS / Math.min(...perCheck));
  const inBudget = Math.floor((STEADY_BUDGET_MS / Math.max(...perCheck) - 1) / 2);
  return Math.max(1, Math.min(STEADY_MAX_R, toTarget, inBudget));
}

/** Start-up of each tool (median of `runs`): a process that reads nothing and checks nothing. */
function measureStartup(cli: string, runs: number, dir: string): { waterloo: number; abc: number } {
  const empty = join(dir, 'empty.pairs');
  writeFileSync(empty, '');
  const time = (cmd: TimedCommand): number => median(Array.from({ length: runs }, () => timeOnce(cmd, 60_000).ms));
  return {
    waterloo: time({ label: 'waterloo', argv: ['node', cli, 'eq', '--match', 'position', '--pairs', empty] }),
    abc: time({ label: 'abc', argv: [ABC, '-c', ''] }),
  };
}

/** Marginal cost per check once warm, (T(1+2R) - T(1+R)) / R, for waterloo and each ABC engine (medians of `runs`, interleaved). */
function measureSteady(cli: string, p: CecPair, r: number, runs: number, timeoutMs: number, dir: string): SteadyResult {
  const warm = repeatedCommands(cli, p, 1 + r, dir);
  const more = repeatedCommands(cli, p, 1 + 2 * r, dir);
  const tools = [
    { label: 'waterloo', one: warm.waterloo, many: more.waterloo },
    ...warm.peers.map((c, k) => ({ label: c.label, one: c, many: more.peers[k]! })),
  ];
  const times = tools.map(() => ({ one: [] as number[], many: [] as number[] }));
  let ok = true;
  let note: string | undefined;
  // a run that runs out of time leaves no marginal cost to compute: no figure, not a failure
  let timedOut = false;
  for (let i = 0; i < runs; i++) {
    tools.forEach((t, k) => {
      for (const [cmd, into] of [
        [t.one, times[k]!.one],
        [t.many, times[k]!.many],
      ] as const) {
        const x = timeOnce(cmd, timeoutMs);
        into.push(x.ms);
        if (x.timedOut) timedOut = true;
        else if (!x.ok) {
          ok = false;
          note = `${t.label} x${cmd === t.one ? 1 + r : 1 + 2 * r}: ${x.out.trim().split('\n').slice(-2).join(' | ')}`;
        }
      }
    });
  }
  const perCheck = times.map((t) => (median(t.many) - median(t.one)) / r);
  const range = (xs: readonly number[]): number => Math.max(...xs) - Math.min(...xs);
  const spread = times.map((t) => (range(t.many) + range(t.one)) / r);
  const peers = perCheck.slice(1);
  const best = peers.indexOf(Math.min(...peers)) + 1;
  const [w, pm] = [perCheck[0]!, perCheck[best]!];
  const noisy = spread[0]! > w / 4 || spread[best]! > pm / 4;
  const base = { r, waterlooMs: w, peerMs: pm, peerLabel: tools[best]!.label, ratio: w / pm, noisy, ok, slowestMs: Math.max(...perCheck) };
  if (timedOut) return { ...base, timedOut: true, ...(note ? { note } : {}) };
  if (note) return { ...base, note };
  // not a failure: the check costs less than the runs vary, even R at a time
  if (!(w > 0 && pm > 0)) return { ...base, belowNoise: true };
  return base;
}

function formatRow(whole: BenchResult, steady: SteadyResult | undefined): string {
  const ms = (x: number, w = 6): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2)).padStart(w);
  // a peer that ran out of time: its time is a lower bound and the ratio an upper one
  const bound = whole.peerTimedOut ? ['>', '<='] : ['', ''];
  const head = `${whole.name.padEnd(24)} whole: waterloo ${ms(whole.waterlooMs, 7)} ms  abc ${(bound[0] + ms(whole.peerMs, 0)).padStart(7)} ms (${(whole.peerLabel ?? '').padEnd(4)})  ratio ${(bound[1] + whole.ratio.toFixed(2)).padStart(6)}`;
  const tail = steady?.timedOut
    ? ' | steady: - (a repeated run ran out of time)'
    : steady?.belowNoise
    ? ` | steady R=${steady.r}: - (a check costs less than the runs vary)`
    : steady
    ? ` | steady R=${String(steady.r).padEnd(4)}: waterloo ${ms(steady.waterlooMs)} ms  abc ${ms(steady.peerMs)} ms (${steady.peerLabel.padEnd(4)})  ratio ${((steady.noisy ? '~' : '') + steady.ratio.toFixed(2)).padStart(6)}`
    : ' | steady: - (a single run takes > 5 s)';
  const failed = [whole.ok ? '' : `whole FAILED ${whole.note ?? ''}`, steady && !steady.ok ? `steady FAILED ${steady.note ?? ''}` : ''].filter(Boolean).join('; ');
  return head + tail + (failed ? `   ${failed}` : '');
}

const geoMean = (xs: readonly number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

/** Whether noise could move a ratio across the target (within a factor of two of it). */
const nearTarget = (ratio: number): boolean => ratio > TARGET_RATIO / 2 && ratio < TARGET_RATIO * 2;

/** Whether a steady figure was measured (not timed out, not below noise, no failed run). */
const measured = (s: SteadyResult | undefined): s is SteadyResult => s !== undefined && s.ok && !s.timedOut && !s.belowNoise;

/**
 * Runs the `cec` suite: per pair the whole-process and the steady-state ratio,
 * then their geometric means and worst, and the pairs within the 2x target on
 * each measure and by engine ratio (steady where measured, else whole).
 */
export function benchCec(cli: string, root: string, opts: { runs: number; only?: RegExp; timeoutMs: number }, log: (s: string) => void): void {
  const dir = benchDir();
  const cases = cecCases(cli, root, false).filter((c) => !opts.only || opts.only.test(c.name));
  const pairs = new Map(cecPairs(root).map((p) => [p.name, p]));
  const startup = measureStartup(cli, opts.runs, dir);
  log(`start-up (nothing to check): waterloo eq ${startup.waterloo.toFixed(0)} ms, abc ${startup.abc.toFixed(0)} ms`);
  const rows: { whole: BenchResult; steady: SteadyResult | undefined }[] = [];
  for (const c of cases) {
    const [whole] = runCases([c], { runs: opts.runs, timeoutMs: opts.timeoutMs, log: () => {} });
    const peerTimes = Object.values(whole!.peerTimes ?? { [c.peer.label]: whole!.peerMs });
    const r = chooseRepeats([{ wholeMs: whole!.waterlooMs, startupMs: startup.waterloo }, ...peerTimes.map((ms) => ({ wholeMs: ms, startupMs: startup.abc }))]);
    let steady = r > 0 ? measureSteady(cli, pairs.get(c.name)!, r, opts.runs, opts.timeoutMs, dir) : undefined;
    // a figure lost in noise is measured again with more checks (a tool's first check can cost far more
    // than the next ones, so the whole-process estimate may have asked for too few)
    for (let k = 0; k < STEADY_ESCALATIONS && steady && steady.ok && !steady.timedOut && (steady.belowNoise || (steady.noisy && nearTarget(steady.ratio))); k++) {
      const more = Math.min(STEADY_MAX_R, STEADY_ESCALATION_FACTOR * steady.r);
      const slowest = Math.max(STEADY_MIN_CHECK_MS, steady.slowestMs);
      if (more === steady.r || slowest * (1 + 2 * more) > STEADY_BUDGET_MS) break;
      const again = measureSteady(cli, pairs.get(c.name)!, more, opts.runs, opts.timeoutMs, dir);
      // a longer run that runs out of time leaves the figure measured before
      if (again.timedOut) break;
      steady = again;
    }
    log(formatRow(whole!, steady));
    rows.push({ whole: whole!, steady });
  }
  const wholes = rows.map((x) => x.whole);
  const steadies = rows.map((x) => x.steady).filter(measured);
  const summary = (what: string, ratios: readonly number[]): string =>
    ratios.length
      ? `${what}: geometric mean ratio ${geoMean(ratios).toFixed(2)}, worst ${Math.max(...ratios).toFixed(2)}, within ${TARGET_RATIO}x on ${ratios.filter((x) => x <= TARGET_RATIO).length} of ${ratios.length} pairs`
      : `${what}: no pairs`;
  log(summary('whole process', wholes.map((w) => w.ratio)) + (wholes.every((w) => w.ok) ? '' : ' (some runs FAILED)'));
  log(summary('steady state ', steadies.map((s) => s.ratio)) + (steadies.some((s) => s.noisy) ? '; ~ = run-to-run spread over a quarter of the figure' : ''));
  const engine = rows.map((x) => ({ name: x.whole.name, ratio: measured(x.steady) ? x.steady.ratio : x.whole.ratio }));
  const over = engine.filter((e) => e.ratio > TARGET_RATIO);
  log(
    summary('engine (steady, else whole)', engine.map((e) => e.ratio)) +
      (over.length ? `; over: ${over.map((e) => `${e.name} ${e.ratio.toFixed(2)}`).join(', ')}` : ''),
  );
}
