import { applyNeuronSelection, NEURON_OPTIONS } from '../neuron-option.js';
import {
  censusWindows,
  circuitCost,
  DEFAULT_CENSUS_WINDOWS_PARAMS,
  MAX_CENSUS_WINDOW_LEAVES,
  nodeNames,
  nodeValueName,
  readCircuitFile,
  serializeCircuit,
  UsageError,
  type BasisName,
  type Circuit,
  type WindowMinimality,
} from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { basisOf, basisOption, SYNTHESIS_BASIS_CHOICES } from '../basis-option.js';
import { EXIT } from '../exit-codes.js';

/** The first basis the circuit is in, from the narrowest (so AIG files are judged as AIGs). */
export function autoBasis(c: Circuit): BasisName {
  for (const b of ['AIG', 'XAIG', 'U2', 'B2'] as const) if (circuitCost(c, b).inBasis) return b;
  throw new UsageError('census-windows: the circuit is in none of AIG, XAIG, U2, B2; give --basis after converting it (waterloo improve --rounds 0)');
}

function sortedKeys(d: Readonly<Record<string, number>>): string[] {
  const rank = (k: string): number => (k === 'unknown' ? Infinity : k.startsWith('>=') ? Number(k.slice(2)) + 0.5 : Number(k));
  return Object.keys(d).sort((a, b) => rank(a) - rank(b));
}

async function verdictJson(w: WindowMinimality): Promise<Record<string, unknown>> {
  const { smaller, ...rest } = w;
  return { ...rest, ...(smaller ? { smaller: String(await serializeCircuit(smaller, 'bench')) } : {}) };
}

/** `waterloo census-windows`: is every small window of a circuit a smallest circuit for its function? */
export const censusWindowsCommand = defineCommand({
  name: 'census-windows',
  summary: 'local minimality census: exact synthesis of every small window (cut cone) of a circuit',
  usage: 'CIRCUIT [--k K] [--basis auto|b2|u2|aig|xaig] [--roots R] [--call-timeout S] [--timeout S] [--json]',
  description:
    'Every node with each of its k-feasible cuts is a window; its size is the cost of the gates between the leaves and the root in the basis ' +
    '(mffc: those used only inside the window). Its minimum is found by exact synthesis of the root function over the leaves, with the leaf ' +
    'patterns the circuit never produces as don\'t-cares (only for circuits of at most 16 inputs, computed by exhaustive simulation). ' +
    'Prints the distribution of size - minimum (0 = locally minimal) and every non-minimal window with a verified smaller circuit. ' +
    'Nodes are named as the file names them (`!n7`: the node is the complement of the file\'s n7), a gate without a name as g<index> (gates from 0 in file order); the JSON gives node ids (1..n the inputs, then the gates). Exit 0 when every window is decided, 4 when some are unknown (time limits).',
  options: {
    k: { type: 'int', help: 'largest number of leaves of a window', default: DEFAULT_CENSUS_WINDOWS_PARAMS.k, min: 1, max: MAX_CENSUS_WINDOW_LEAVES, metavar: 'K' },
    basis: basisOption('basis of the sizes (auto: the narrowest of aig, xaig, u2, b2 the circuit is in)', 'auto', ['auto', ...SYNTHESIS_BASIS_CHOICES]),
    roots: { type: 'int', help: 'roots per window: 1 = single-output cuts; up to 4 adds multi-output windows sharing a cut', default: 1, min: 1, max: 4, metavar: 'R' },
    'cut-limit': { type: 'int', help: 'cuts kept per node (0 = all minimal cuts)', default: DEFAULT_CENSUS_WINDOWS_PARAMS.cutLimit, min: 0, max: 100000, metavar: 'N' },
    'call-timeout': { type: 'number', help: 'time limit of the synthesis of one window function in seconds', default: DEFAULT_CENSUS_WINDOWS_PARAMS.callTimeLimitMs / 1000, min: 0.001, metavar: 'S' },
    timeout: timeoutOption('overall time limit in seconds (0 = none); windows not reached are unknown'),
    'no-dont-cares': { type: 'boolean', help: 'judge every window on its complete function' },
    backend: backendOption(),
    from: { type: 'string', help: 'input format (needed for stdin "-")', metavar: 'FORMAT' },
    ...NEURON_OPTIONS,
    json: jsonOption('print one JSON object {basis, k, dontCares, distribution, nonMinimal, unknown, windows, stats}'),
  },
  hardLimitSeconds: (opts) => opts.timeout,
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('census-windows: expects exactly one CIRCUIT');
    const c = applyNeuronSelection(readCircuitFile(args[0]!, opts.from), opts, 'census-windows');
    const basis = opts.basis === 'auto' ? autoBasis(c) : (basisOf(opts.basis));
    const r = await censusWindows(c, {
      basis,
      k: opts.k,
      cutLimit: opts['cut-limit'],
      maxRoots: opts.roots,
      callTimeLimitMs: Math.max(1, Math.round(opts['call-timeout'] * 1000)),
      timeLimitMs: Math.round(opts.timeout * 1000),
      backend: opts.backend,
      dontCares: !opts['no-dont-cares'],
    });
    const nonMinimal = r.windows.filter((w) => w.status === 'non-minimal');
    const unknown = r.windows.filter((w) => w.status === 'unknown').length;
    if (opts.json) {
      printJson(io, {
        basis: r.basis,
        k: r.k,
        maxRoots: r.maxRoots,
        dontCares: r.dontCares,
        windows: r.windows.length,
        distribution: r.distribution,
        nonMinimal: await Promise.all(nonMinimal.map(verdictJson)),
        unknown,
        stats: r.stats,
      });
    } else {
      const s = r.stats;
      let text = `${r.windows.length} windows (k <= ${r.k}${r.maxRoots > 1 ? `, up to ${r.maxRoots} roots` : ''}) in ${r.basis}; ` +
        `don't-cares ${r.dontCares ? `used (${s.withDontCares} windows have some)` : opts['no-dont-cares'] ? 'off' : 'off (more than 16 inputs, or too large to simulate exhaustively)'}; ` +
        `${s.functions} functions synthesised, ${(s.totalMs / 1000).toFixed(1)} s${s.timedOut ? ' (time limit hit)' : ''}\n`;
      text += 'size - minimum  windows\n';
      for (const k of sortedKeys(r.distribution)) text += `${k.padStart(14)}  ${String(r.distribution[k]).padStart(7)}\n`;
      text += `${s.shrinking} of the ${nonMinimal.length} non-minimal windows would shrink the circuit if replaced alone (mffc > smaller size)\n`;
      for (const w of nonMinimal) {
        const roots = w.roots.map((v) => nodeValueName(c, v)).join(',');
        const leaves = w.leaves.map((v) => nodeNames(c).name[v]!).join(',');
        const min = w.minimum !== null ? `minimum ${w.minimum}` : `${w.upperBound} found, minimum >= ${w.lowerBound}`;
        text += `  ${roots} over [${leaves}]: size ${w.size} (mffc ${w.mffc}), ${min}${w.care ? ', with don\'t-cares' : ''}${w.saving > 0 ? `; replacing it saves ${w.saving}` : ''}\n`;
      }
      io.out(text);
    }
    return unknown > 0 ? EXIT.unknown : EXIT.ok;
  },
});
