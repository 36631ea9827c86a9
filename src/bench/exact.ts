/**
 * `npm run bench -- exact`: waterloo's whole 4-input B2 census (one command, its two worker processes)
 * against ABC's `twoexact` looped upward per NPN class, as a user would
 * (one ABC call per class and size until a circuit is found), on the same
 * 222 class representatives. Also reports where ABC's size differs: twoexact
 * forces every input to be used, so it over-counts functions of smaller support.
 */
import { spawnSync } from 'node:child_process';
import { npnClassSizes } from '../synth/census.js';

/** Result of one side of the comparison. */
interface Side {
  ms: number;
  sizes: Map<string, number>;
}

function timeWaterloo(cli: string, inputs: number): Side {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', [cli, 'census', '--inputs', String(inputs), '--basis', 'b2', '--store', 'none', '--json', '-q'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`waterloo census failed: ${r.stderr}`);
  const j = JSON.parse(r.stdout.trim().split('\n').pop()!) as { functions: Record<string, number> };
  return { ms, sizes: new Map(Object.entries(j.functions).map(([k, v]) => [k, v])) };
}

function abcClass(hex: string, inputs: number, maxGates: number): { size: number; ms: number } {
  let ms = 0;
  for (let k = 1; k <= maxGates; k++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('berkeley-abc', ['-c', `twoexact -I ${inputs} -N ${k} ${hex}`], { encoding: 'utf8' });
    ms += Number(process.hrtime.bigint() - t0) / 1e6;
    const out = (r.stdout ?? '') + (r.stderr ?? '');
    if (!/has no solution/.test(out) && /=\s*4'b/.test(out)) return { size: k, ms };
  }
  return { size: -1, ms };
}

/** Runs the comparison and prints it. */
export function benchExact(cli: string, log: (s: string) => void): void {
  const inputs = 4;
  const classes = npnClassSizes(inputs);
  log(`exact: ${classes.size} NPN classes of ${inputs}-input functions, basis B2`);
  const w = timeWaterloo(cli, inputs);
  log(`waterloo census (one command, 2 worker processes, all classes, optimal sizes proved): ${(w.ms / 1000).toFixed(1)} s`);
  let abcMs = 0;
  const abcFunctions = new Map<number, number>();
  let differ = 0;
  for (const [rep, count] of classes) {
    // ABC needs a constant or projection to have no gates; twoexact cannot say 0
    const r = abcClass(rep, inputs, 8);
    abcMs += r.ms;
    abcFunctions.set(r.size, (abcFunctions.get(r.size) ?? 0) + count);
  }
  log(`ABC twoexact looped upward per class: ${(abcMs / 1000).toFixed(1)} s`);
  log(`functions by size  waterloo: ${[...w.sizes].map(([k, v]) => `${k}:${v}`).join(' ')}`);
  log(`functions by size  ABC:      ${[...abcFunctions].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}:${v}`).join(' ')}`);
  for (const [k, v] of w.sizes) if (abcFunctions.get(Number(k)) !== v) differ++;
  if (differ) log('(the distributions differ where twoexact forces every input to be used: functions of smaller support, constants and projections)');
  log(`ratio waterloo/ABC ${(w.ms / abcMs).toFixed(3)} (target < 0.1)`);
}
