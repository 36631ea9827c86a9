/**
 * `npm run bench -- <suite> [--runs N]`: side-by-side benchmarks of waterloo
 * and its peers on the same inputs, printing median times and ratios
 * (waterloo time / peer time; below 1 means waterloo is faster).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onPath, runCases, type BenchCase } from './harness.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const ABC = 'berkeley-abc';

/** The suites, by name. */
const SUITES: Record<string, { description: string; peer: string; cases: () => BenchCase[] }> = {
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
};

function main(): void {
  const args = process.argv.slice(2);
  const suite = args.find((a) => !a.startsWith('--'));
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
  if (!suite || !SUITES[suite]) {
    process.stderr.write(`usage: npm run bench -- <suite> [--runs N]\nsuites:\n${Object.entries(SUITES).map(([k, v]) => `  ${k.padEnd(8)} ${v.description}`).join('\n')}\n`);
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
  console.log(`suite ${suite}: ${s.description}; median of ${runs} runs, whole processes`);
  const results = runCases(s.cases(), { runs, timeoutMs: 15 * 60_000, log: (line) => console.log(line) });
  const worst = Math.max(...results.map((r) => r.ratio));
  const geo = Math.exp(results.reduce((a, r) => a + Math.log(r.ratio), 0) / results.length);
  console.log(`geometric mean ratio ${geo.toFixed(2)}, worst ${worst.toFixed(2)}${results.every((r) => r.ok) ? '' : ' (some runs FAILED)'}`);
}

main();
