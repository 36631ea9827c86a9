/**
 * `npm run bench -- <suite> [--runs N] [--only REGEX]`: side-by-side benchmarks of waterloo
 * and its peers on the same inputs, printing median times and ratios
 * (waterloo time / peer time; below 1 means waterloo is faster).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onPath, runCases, type BenchCase } from './harness.js';
import { benchExact } from './exact.js';
import { satCases } from './sat.js';
import { benchImprove, improveBenchOptions } from './improve.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
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
const CEC_STRETCH = 'multiplier vs best-size';

/** ISCAS'85 and EPFL circuits vs their ABC rewrites, and EPFL vs the best-size results. */
function cecPairs(): CecPair[] {
  const fixtures = join(ROOT, 'test', 'fixtures', 'abc-opt');
  const pairs: CecPair[] = [];
  const dirs = [join(ROOT, 'circuits', 'iscas85'), join(ROOT, 'circuits', 'epfl', 'arithmetic'), join(ROOT, 'circuits', 'epfl', 'random_control')];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.bench') || x.endsWith('.aig')).sort()) {
      const name = f.replace(/\.(bench|aig)$/, '');
      const opt = join(fixtures, `${name}.aig`);
      if (existsSync(opt)) pairs.push({ name: `${name} vs abc-opt`, a: join(dir, f), b: opt });
    }
  }
  const best = join(ROOT, 'circuits', 'epfl', 'best_results_size');
  for (const f of readdirSync(best).filter((x) => x.endsWith('.blif')).sort()) {
    const name = f.replace(/_size_\d+\.blif$/, '');
    const orig = [join(ROOT, 'circuits', 'epfl', 'arithmetic', `${name}.aig`), join(ROOT, 'circuits', 'epfl', 'random_control', `${name}.aig`)].find((x) => existsSync(x));
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

const abcEquivalent = (out: string): boolean => /Networks are equivalent/.test(out);

function cecCases(stretch: boolean): BenchCase[] {
  const tmp = join(tmpdir(), 'waterloo-bench-cec');
  mkdirSync(tmp, { recursive: true });
  return cecPairs().filter((p) => (p.name === CEC_STRETCH) === stretch).map((p) => ({
    name: p.name,
    waterloo: { label: 'waterloo', argv: ['node', CLI, 'eq', '--match', 'position', p.a, p.b] },
    peer: { label: 'cec', argv: [ABC, '-c', `cec -n ${p.a} ${p.b}`], expect: abcEquivalent },
    otherPeers: [{ label: '&cec', argv: [ABC, '-c', `&r ${asAiger(p.a, tmp)}; &cec ${asAiger(p.b, tmp)}`], expect: abcEquivalent }],
  }));
}

/** The suites, by name: `cases` run through the side-by-side harness, `custom` runs its own comparison. */
const SUITES: Record<string, { description: string; peer: string; cases?: () => BenchCase[]; custom?: () => void; timeoutS?: number }> = {
  sat: {
    description: 'every SAT backend (waterloo sat --backend B) vs the native cadical binary on the same CNFs',
    peer: 'cadical',
    cases: () => satCases(CLI, ['cadical', 'cadical-cli', 'minisat', 'z3']),
    timeoutS: 300,
  },
  exact: {
    description: "4-input B2 NPN census: waterloo (one process) vs ABC twoexact looped upward per class",
    peer: ABC,
    custom: () => benchExact(CLI, (s) => console.log(s)),
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
    description: "equivalence checking (waterloo eq --match position) vs the better of ABC cec -n and &cec: ISCAS'85/EPFL vs their ABC rewrites (test/fixtures/abc-opt) and EPFL vs best_results_size",
    peer: ABC,
    cases: () => cecCases(false),
  },
  'cec-stretch': {
    description: `${CEC_STRETCH} (EPFL multiplier vs its best-known LUT network), 10 minutes per tool`,
    peer: ABC,
    cases: () => cecCases(true),
    timeoutS: 600,
  },
  improve: {
    description: 'EPFL random_control: waterloo improve (AIG, --timeout S, default 60) vs ABC resyn2 and resyn2 x5 + dc2 x2, sizes and times, outputs checked by ABC cec',
    peer: ABC,
    custom: () => benchImprove(CLI, ROOT, improveBenchOptions(process.argv.slice(2)), (s) => console.log(s)),
  },
};

function main(): void {
  const args = process.argv.slice(2);
  const suite = args.find((a, i) => !a.startsWith('--') && !['--runs', '--only'].includes(args[i - 1] ?? ''));
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
  const onlyArg = args.indexOf('--only');
  const only = onlyArg >= 0 ? new RegExp(args[onlyArg + 1] ?? '') : undefined;
  if (!suite || !SUITES[suite]) {
    process.stderr.write(`usage: npm run bench -- <suite> [--runs N] [--only REGEX]\nsuites:\n${Object.entries(SUITES).map(([k, v]) => `  ${k.padEnd(8)} ${v.description}`).join('\n')}\n`);
    process.exitCode = 2;
    return;
  }
  const s = SUITES[suite]!;
  if (!onPath(s.peer)) {
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
    s.custom();
    return;
  }
  const cases = s.cases!().filter((c) => !only || only.test(c.name));
  console.log(`suite ${suite}: ${s.description}; median of ${runs} runs, whole processes`);
  const results = runCases(cases, { runs, timeoutMs: (s.timeoutS ?? 900) * 1000, log: (line) => console.log(line) });
  const worst = Math.max(...results.map((r) => r.ratio));
  const geo = Math.exp(results.reduce((a, r) => a + Math.log(r.ratio), 0) / results.length);
  console.log(`geometric mean ratio ${geo.toFixed(2)}, worst ${worst.toFixed(2)}${results.every((r) => r.ok) ? '' : ' (some runs FAILED)'}`);
}

main();
