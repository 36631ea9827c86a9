/**
 * `npm run bench -- <suite> [--runs N] [--only REGEX]`: side-by-side benchmarks of waterloo
 * and its peers on the same inputs, printing median times and ratios
 * (waterloo time / peer time; below 1 means waterloo is faster).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onPath, runCases, type BenchCase } from './harness.js';
import { benchCec, CEC_STRETCH, cecCases } from './cec.js';
import { benchExact } from './exact.js';
import { benchExact5 } from './exact5.js';
import { satCases } from './sat.js';
import { benchImprove, improveBenchOptions } from './improve.js';
import { fuzzBenchOptions, runFuzz } from './fuzz.js';
import { benchExtract, extractBenchOptions } from './extract.js';
import { benchMc, mcBenchOptions } from './mc.js';
import { benchCubes, cubesBenchOptions } from './cubes.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const ABC = 'berkeley-abc';

/** The value after `flag` on the command line, if any. */
function argAfter(flag: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The suites, by name: `cases` run through the side-by-side harness, `custom` runs its own comparison. */
/** What a custom suite gets from the command line. */
interface SuiteOptions {
  readonly runs: number;
  readonly only?: RegExp;
  /** Per tool run (--timeout S). */
  readonly timeoutMs?: number;
}

const SUITES: Record<string, { description: string; peer?: string; cases?: () => BenchCase[]; custom?: (o: SuiteOptions) => void; timeoutS?: number }> = {
  sat: {
    description: 'every SAT backend (waterloo sat --backend B) vs the native cadical binary on the same CNFs',
    peer: 'cadical',
    cases: () => satCases(CLI, ['cadical', 'cadical-cli', 'minisat', 'z3']),
    timeoutS: 300,
  },
  exact: {
    description: "4-input B2 NPN census: waterloo (one command) vs ABC twoexact looped upward per class",
    peer: ABC,
    custom: () => benchExact(CLI, (s) => console.log(s)),
  },
  exact5: {
    description: '5-input family instances (maj, thr, exact, mod3, sum) to optimal in B2: waterloo min vs ABC twoexact looped upward, same run, --timeout S per instance (default 600); and 169ae443 at 12 gates; --only REGEX picks instances; --save DIR writes each waterloo run (command, wall and CPU seconds, answer)',
    peer: ABC,
    custom: (o) => benchExact5(CLI, { ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }), ...(o.only ? { only: o.only } : {}), ...(argAfter('--save') === undefined ? {} : { saveDir: argAfter('--save')! }) }, (s) => console.log(s)),
  },
  io: {
    description: 'read a large AIGER file and simulate 64k random patterns (EPFL hyp.aig, 214k ANDs) vs ABC',
    peer: ABC,
    cases: () =>
      ['hyp', 'div', 'log2', 'multiplier', 'sqrt'].flatMap((name) => {
        const file = join(ROOT, 'circuits', 'epfl', 'arithmetic', `${name}.aig`);
        return [
          {
            name: `read ${name}.aig`,
            waterloo: { label: 'waterloo', argv: ['node', CLI, 'stats', file] },
            peer: { label: 'abc', argv: [ABC, '-c', `&r ${file}; &ps`] },
          },
          {
            name: `read+sim 64k ${name}.aig`,
            waterloo: { label: 'waterloo', argv: ['node', CLI, 'sim', '--random', '65536', file] },
            peer: { label: 'abc', argv: [ABC, '-c', `read ${file}; strash; sim -F 1 -W 1024 -m`] },
          },
        ];
      }),
  },
  cec: {
    description:
      "equivalence checking (waterloo eq --match position) vs the better of ABC cec -n and &cec: ISCAS'85/EPFL vs their ABC rewrites (test/fixtures/abc-opt) and EPFL vs best_results_size. " +
      'Two ratios per pair: whole process (one check per process, start-up included) and steady state (per-check marginal cost once warm, (T(1+2R) - T(1+R)) / R, each tool checking the pair 1+R and 1+2R times in one process: eq --pairs vs a repeated ABC -f script; R <= 2000, none for pairs over 5 s); ' +
      'the summary counts the pairs within 2x by engine ratio (steady where measured, else whole)',
    peer: ABC,
    custom: (o) => benchCec(CLI, ROOT, { ...o, timeoutMs: o.timeoutMs ?? 900_000 }, (s) => console.log(s)),
  },
  'cec-stretch': {
    description: `${CEC_STRETCH} (EPFL multiplier vs its best-known LUT network), 10 minutes per tool`,
    peer: ABC,
    cases: () => cecCases(CLI, ROOT, true),
    timeoutS: 600,
  },
  improve: {
    description: 'EPFL random_control: waterloo improve (AIG, --timeout S, default 60) vs ABC resyn2 and resyn2 x5 + dc2 x2, sizes and times, outputs checked by ABC cec',
    peer: ABC,
    custom: () => benchImprove(CLI, ROOT, improveBenchOptions(process.argv.slice(2)), (s) => console.log(s)),
  },
  extract: {
    description:
      'import + extraction + neuron-by-neuron proof of MODEL (default test/fixtures/qonnx/TFC_1W1A.onnx, else a seeded random network of its shape) in one process: time per phase and peak RSS [MODEL] [--output scores|argmax|bits] [--seed S]',
    custom: () => {
      void benchExtract(extractBenchOptions(process.argv.slice(2), ROOT), (s) => console.log(s));
    },
  },
  mc: {
    description: 'multiplicative-complexity census of the affine classes [--inputs N (4)] [--limit K] [--timeout S per class]: the mc encoder with its symmetry breaking vs without, same classes, same run',
    custom: () => {
      void benchMc(mcBenchOptions(process.argv.slice(2)), (s) => console.log(s));
    },
  },
  cubes: {
    description:
      'one UNSAT size query split into cubes [--problem P (maj:5)] [--size S (7)] [--cubes N (16)] [--simulate 4,8,16]: one solve vs min --cubes N with 1 and 2 worker processes vs N simulated workers (each cube timed alone, critical path of the assignment), wall and CPU seconds and ratios, one run each',
    custom: () => {
      void benchCubes(CLI, cubesBenchOptions(process.argv.slice(2)), (s) => console.log(s));
    },
  },
  fuzz: {
    description:
      'seeded mutants of every reader (aag aig bench blif truth hex) and of extract (json onnx qonnx) from test/fixtures, read in-process and every K-th through the CLI under prlimit --as=4GB [--mutants N (10000)] [--seed S] [--cli-every K (200)] [--budget MS (5000)] [--formats aag,json,...]; exit 1 on any crash, stack trace, unnamed error or overrun',
    custom: () => {
      void runFuzz({ root: ROOT, ...fuzzBenchOptions(process.argv.slice(2)), log: (s) => console.log(s) }).then((r) => {
        for (const f of r.failures) console.log(`failure ${f.format} #${f.index} (${f.where}): ${f.what}\n  input (base64): ${f.input}`);
        process.exitCode = r.failures.length ? 1 : 0;
      });
    },
  },
};

function main(): void {
  const args = process.argv.slice(2);
  const suite = args.find((a, i) => !a.startsWith('--') && !['--runs', '--only', '--timeout', '--save'].includes(args[i - 1] ?? ''));
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
  const onlyArg = args.indexOf('--only');
  const only = onlyArg >= 0 ? new RegExp(args[onlyArg + 1] ?? '') : undefined;
  // per tool run, seconds: a tool that runs out of time is reported as a bound (">T ms", ratio "<=")
  const timeoutArg = args.indexOf('--timeout');
  const timeoutS = timeoutArg >= 0 ? Number(args[timeoutArg + 1]) : undefined;
  if (!suite || !SUITES[suite]) {
    process.stderr.write(`usage: npm run bench -- <suite> [--runs N] [--only REGEX] [--timeout S]\nsuites:\n${Object.entries(SUITES).map(([k, v]) => `  ${k.padEnd(8)} ${v.description}`).join('\n')}\n`);
    process.exitCode = 2;
    return;
  }
  const s = SUITES[suite]!;
  if (s.peer !== undefined && !onPath(s.peer)) {
    process.stderr.write(`bench ${suite}: the peer '${s.peer}' is not installed (Debian: apt-get install berkeley-abc cadical)\n`);
    process.exitCode = 5;
    return;
  }
  if (!existsSync(CLI)) {
    process.stderr.write('bench: dist/ is missing; run npm run build first\n');
    process.exitCode = 2;
    return;
  }
  if (s.custom) {
    if (suite === 'cec') console.log(`suite ${suite}: ${s.description}; median of ${runs} runs`);
    s.custom({ runs, ...(only ? { only } : {}), ...(timeoutS ? { timeoutMs: timeoutS * 1000 } : {}) });
    return;
  }
  const cases = s.cases!().filter((c) => !only || only.test(c.name));
  console.log(`suite ${suite}: ${s.description}; median of ${runs} runs, whole processes`);
  const results = runCases(cases, { runs, timeoutMs: (timeoutS ?? s.timeoutS ?? 900) * 1000, log: (line) => console.log(line) });
  const worst = Math.max(...results.map((r) => r.ratio));
  const geo = Math.exp(results.reduce((a, r) => a + Math.log(r.ratio), 0) / results.length);
  console.log(`geometric mean ratio ${geo.toFixed(2)}, worst ${worst.toFixed(2)}${results.every((r) => r.ok) ? '' : ' (some runs FAILED)'}`);
}

main();
