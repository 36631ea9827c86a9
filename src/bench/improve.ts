/**
 * `npm run bench -- improve [--only REGEX] [--timeout S] [--seed N]`: size
 * reduction of the EPFL random_control circuits by `waterloo improve` (AIG
 * basis, time limit S, default 60 s) side by side with ABC: `resyn2` once
 * (the usual script, spelled out because the Debian ABC has no abc.rc
 * aliases) and a stronger script (`resyn2` five times, then `dc2` twice).
 * Both outputs are checked against the input with ABC's `cec`, and
 * waterloo's also proves equivalence itself before writing. The three
 * largest circuits (arbiter, mem_ctrl, voter: 12k-47k ANDs) are skipped
 * unless --only names them: a minute of local improvement barely starts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ABC = 'berkeley-abc';
const RESYN2 = 'balance; rewrite; refactor; balance; rewrite; rewrite -z; balance; refactor -z; rewrite -z; balance';
const STRONG = `${RESYN2}; ${RESYN2}; ${RESYN2}; ${RESYN2}; ${RESYN2}; dc2; dc2`;
const LARGE = new Set(['arbiter', 'mem_ctrl', 'voter']);

/** Options of the suite (from the command line). */
export interface ImproveBenchOptions {
  readonly only?: RegExp;
  readonly timeoutS: number;
  readonly seed: number;
}

/** --only, --timeout and --seed from argv. */
export function improveBenchOptions(argv: readonly string[]): ImproveBenchOptions {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value('--only');
  return { ...(only !== undefined ? { only: new RegExp(only) } : {}), timeoutS: Number(value('--timeout') ?? 60), seed: Number(value('--seed') ?? 1) };
}

interface Side {
  size: number;
  seconds: number;
  equivalent: boolean;
}

function abcAnds(out: string): number[] {
  return [...out.matchAll(/and =\s*(\d+)/g)].map((m) => Number(m[1]));
}

function abcCec(a: string, b: string): boolean {
  const r = spawnSync(ABC, ['-c', `cec -n ${a} ${b}`], { encoding: 'utf8' });
  return /Networks are equivalent/.test((r.stdout ?? '') + (r.stderr ?? ''));
}

function runAbc(file: string, script: string, out: string): Side {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(ABC, ['-c', `read ${file}; strash; ${script}; print_stats; write_aiger ${out}`], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const sizes = abcAnds((r.stdout ?? '') + (r.stderr ?? ''));
  if (r.status !== 0 || sizes.length === 0) throw new Error(`ABC failed on ${file}: ${r.stderr}`);
  return { size: sizes[sizes.length - 1]!, seconds, equivalent: abcCec(file, out) };
}

function runWaterloo(cli: string, file: string, out: string, o: ImproveBenchOptions): Side & { before: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', [cli, 'improve', file, '--out', out, '--basis', 'aig', '--timeout', String(o.timeoutS), '--seed', String(o.seed), '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`waterloo improve failed on ${file}: ${r.stderr}`);
  const j = JSON.parse(r.stdout) as { sizeBefore: number; sizeAfter: number };
  return { before: j.sizeBefore, size: j.sizeAfter, seconds, equivalent: abcCec(file, out) };
}

/** Runs the suite and prints one table row per circuit. */
export function benchImprove(cli: string, root: string, o: ImproveBenchOptions, log: (s: string) => void): void {
  const dir = join(root, 'circuits', 'epfl', 'random_control');
  const tmp = join(tmpdir(), 'waterloo-bench-improve');
  mkdirSync(tmp, { recursive: true });
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.aig'))
    .map((f) => f.replace(/\.aig$/, ''))
    .filter((n) => (o.only ? o.only.test(n) : !LARGE.has(n)))
    .sort();
  log(`improve: EPFL random_control, waterloo improve --basis aig --timeout ${o.timeoutS} --seed ${o.seed} vs ABC resyn2 and resyn2 x5 + dc2 x2; sizes in AND gates, times in s (whole processes)`);
  log('circuit     before  waterloo (s)       resyn2 (s)       strong (s)     wl/resyn2  wl/strong  equivalent');
  for (const name of names) {
    const file = join(dir, `${name}.aig`);
    let wl: Side & { before: number }, r2: Side, strong: Side;
    try {
      wl = runWaterloo(cli, file, join(tmp, `${name}-waterloo.aig`), o);
      r2 = runAbc(file, RESYN2, join(tmp, `${name}-resyn2.aig`));
      strong = runAbc(file, STRONG, join(tmp, `${name}-strong.aig`));
    } catch (e) {
      log(`${name.padEnd(10)} FAILED: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const cell = (s: Side): string => `${String(s.size).padStart(6)} (${s.seconds.toFixed(1).padStart(5)})`;
    const eq = wl.equivalent && r2.equivalent && strong.equivalent ? 'all' : `waterloo ${wl.equivalent}, resyn2 ${r2.equivalent}, strong ${strong.equivalent}`;
    log(
      `${name.padEnd(10)} ${String(wl.before).padStart(7)}  ${cell(wl)}   ${cell(r2)}   ${cell(strong)}   ${(wl.size / r2.size).toFixed(3).padStart(8)}  ${(wl.size / strong.size).toFixed(3).padStart(9)}  ${eq}`,
    );
  }
}
