/**
 * `npm run bench -- mc [--inputs N (4)] [--limit K] [--timeout S]`: the
 * multiplicative-complexity census of the affine classes of N-input functions,
 * solved twice in the same run on the same classes: with the mc encoder's
 * symmetry breaking (constants only at the outputs, echelon operand pairs,
 * ordered independent gates, every gate used) and without it (the
 * straightforward encoding). Prints per-class and total times and checks that
 * both give the same AND counts.
 */
import { mcAffineCensus, type McCensusEntry } from '../synth/mc-census.js';
import { NO_SYMMETRY_BREAKING } from '../synth/types.js';

/** Options of the mc suite from the command line. */
export function mcBenchOptions(args: readonly string[]): { inputs: number; limit?: number; timeoutMs?: number } {
  const num = (flag: string): number | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const limit = num('--limit');
  const timeout = num('--timeout');
  return { inputs: num('--inputs') ?? 4, ...(limit === undefined ? {} : { limit }), ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }) };
}

/** Runs the comparison and prints it; exit code 1 when the two disagree. */
export async function benchMc(o: { inputs: number; limit?: number; timeoutMs?: number }, log: (s: string) => void): Promise<void> {
  const common = { backend: 'cadical' as const, ...(o.limit === undefined ? {} : { limit: o.limit }), ...(o.timeoutMs === undefined ? {} : { timeLimitMs: o.timeoutMs }) };
  const total = (es: readonly McCensusEntry[]): number => es.reduce((s, e) => s + e.ms, 0);
  log(`mc census, ${o.inputs} inputs, backend cadical (driver + UNSAT confirmation below the degree bound); with symmetry breaking first, then without (each line as soon as it is solved)`);
  const withSb = await mcAffineCensus(o.inputs, common);
  log(`with symmetry breaking: ${withSb.length} classes, ${(total(withSb) / 1000).toFixed(1)} s`);
  log('class        ANDs  with SB (s)  without (s)  ratio');
  let disagree = 0;
  const show = (x: McCensusEntry): string => (x.status === 'optimal' ? String(x.ands) : x.status);
  const without = await mcAffineCensus(o.inputs, {
    ...common,
    symmetryBreaking: NO_SYMMETRY_BREAKING,
    onEntry: (f, i) => {
      const e = withSb[i]!;
      if (e.status !== f.status || e.ands !== f.ands) disagree++;
      log(`${e.representative.padEnd(12)} ${show(e).padStart(4)}${f.ands !== e.ands ? `/${show(f)}` : ''}  ${(e.ms / 1000).toFixed(2).padStart(11)}  ${(f.ms / 1000).toFixed(2).padStart(11)}  ${(f.ms / e.ms).toFixed(1).padStart(5)}`);
    },
  });
  const same = withSb.slice(0, without.length);
  log(`total over the same ${without.length} classes: with symmetry breaking ${(total(same) / 1000).toFixed(1)} s, without ${(total(without) / 1000).toFixed(1)} s (${(total(without) / total(same)).toFixed(1)}x)`);
  if (disagree) {
    log(`${disagree} classes differ (a timeout, or a bug)`);
    process.exitCode = 1;
  }
}
