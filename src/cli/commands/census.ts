import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultEncoderFor,
  census,
  formatCensusJsonl,
  importCensusJsonl,
  openStore,
  resolveStorePath,
  UsageError,
  MAX_CENSUS_INPUTS,
  MAX_EXACT_NPN_VARS,
  IMPROVE_FIRST_BASES,
  censusSample,
  type BasisName,
  type ResultsStore,
  writeFileAtomic,
  type EncoderName,
} from '../../index.js';
import { defineCommand, printJson, type CommandIo } from '../command.js';
import { jsonOption, seedOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { basisOf, basisOption, SYNTHESIS_BASIS_CHOICES } from '../basis-option.js';
import { EXIT, exitCodeForKind } from '../exit-codes.js';
import { withSweepControls } from '../sweep-controls.js';

export const censusCommand = defineCommand({
  name: 'census',
  summary: 'minimum circuit size of every NPN class of N-input functions, with class and function counts',
  usage: '--inputs N --basis B [--json] [--store PATH|none] [--timeout S] [--jobs J] [--import FILE.jsonl] [--export FILE.jsonl] | --inputs N --sample K [--seed N] [--improve-first S] [--timeout S] [--out FILE.json]',
  description:
    'Every class is solved by exact synthesis (optimal = verified circuit + UNSAT at size-1) as the sweep instance tt:N:REP (REP the class representative) ' +
    'in worker processes, each killed at the hard limit of --timeout, and stored in the results store as it finishes (--store PATH, else $WATERLOO_STORE, ' +
    'else results/waterloo.db in the package; "none" for a store that is thrown away at the end), so an interrupted census resumes where it stopped. ' +
    '--import reads a census JSON-lines file (the format of results/census/*.jsonl) into the store first, each entry re-checked (circuit simulated, size recomputed); ' +
    '--export writes the census from the store in that format. Exit 0 when every class is solved, 4 when some hit the time limit, 3 when --import refused an entry. ' +
    `With --sample K (--inputs 1..${MAX_EXACT_NPN_VARS}), K functions are drawn uniformly at random (--seed N, default 1), each mapped to its exact NPN class, and every distinct class ` +
    'is solved once the same way (resuming from the store); the distribution is counted per drawn function: proven sizes, and for the classes not proven optimal ' +
    'their bounds (lower..upper). --improve-first S gives each class a heuristic upper bound first (as min --improve-first), so only the UNSAT sizes are left when ' +
    'it is minimum. --out FILE.json writes the sample (how it was drawn, every class with its status, size and bound, the distribution), atomically.',
  options: {
    inputs: { type: 'int', help: `number of inputs (0..${MAX_CENSUS_INPUTS}; 1..${MAX_EXACT_NPN_VARS} with --sample)`, min: 0, max: MAX_EXACT_NPN_VARS, metavar: 'N' },
    sample: { type: 'int', help: 'solve the classes of K uniformly drawn functions instead of every class', min: 1, max: 1_000_000, metavar: 'K' },
    seed: seedOption('with --sample: seed of the draw'),
    'improve-first': { type: 'number', help: 'with --sample: seconds of heuristic upper bound before each class\'s exact search (counted in --timeout; bases b2, u2, aig, xaig)', min: 0, metavar: 'S' },
    out: { type: 'string', help: 'with --sample: write the sample as JSON to FILE (atomically)', metavar: 'FILE' },
    // the NPN-invariant bases: the named ones (custom ops bases need not be invariant under input negation)
    basis: basisOption('basis', 'b2', [...SYNTHESIS_BASIS_CHOICES, 'mig', 'mc', 'lut3']),
    encoder: { type: 'string', help: 'SAT encoding: ssv or fence (two-input bases), mc, kgate (mig, lut3); default: the basis\'s own', choices: ['ssv', 'fence', 'mc', 'kgate'] },
    backend: backendOption(),
    store: { type: 'string', help: 'results store (SQLite file); "none" for a temporary one', metavar: 'PATH' },
    import: { type: 'string', help: 'census JSON-lines file to import into the store first (entries re-checked)', metavar: 'FILE' },
    export: { type: 'string', help: 'write the census (optimal classes) as JSON lines to FILE', metavar: 'FILE' },
    timeout: timeoutOption('time limit per class in seconds (0 = none), held from outside the solver'),
    jobs: { type: 'int', help: 'worker processes (classes solved at once)', default: 2, min: 1, max: 64, metavar: 'J' },
    json: jsonOption('print one JSON object: {"classes":{size:count},"functions":{size:count}, ...}'),
    quiet: { type: 'boolean', short: 'q', help: 'no progress on stderr' },
  },
  async run(opts, _args, io) {
    if (opts.inputs === undefined) throw new UsageError('census: --inputs N is required');
    const inputs = opts.inputs;
    const basis = basisOf(opts.basis);
    if (opts.sample === undefined && inputs > MAX_CENSUS_INPUTS) throw new UsageError(`census: --inputs ${inputs} needs --sample K (the full census goes up to ${MAX_CENSUS_INPUTS} inputs)`);
    if (opts.sample === undefined && (opts['improve-first'] !== undefined || opts.out !== undefined)) throw new UsageError('census: --improve-first and --out go with --sample');
    if (opts.sample !== undefined && (opts.import !== undefined || opts.export !== undefined)) throw new UsageError('census: --import and --export are for the full census, not --sample');
    if (opts['improve-first'] !== undefined && opts['improve-first'] > 0 && !IMPROVE_FIRST_BASES.has(basis)) throw new UsageError(`census: --improve-first needs basis b2, u2, aig or xaig, not ${basis}`);
    const encoder = (opts.encoder as EncoderName | undefined) ?? defaultEncoderFor(basis);
    const scratch = opts.store === 'none' ? mkdtempSync(join(tmpdir(), 'waterloo-census-')) : undefined;
    const store = await openStore(scratch === undefined ? resolveStorePath(opts.store) : join(scratch, 'census.db'));
    try {
      let refused = 0;
      if (opts.import !== undefined) {
        const im = importCensusJsonl(opts.import, store);
        refused = im.refused.length;
        for (const line of im.refused) io.err(`refused: ${line}\n`);
        if (im.tornTailBytes > 0) io.err(`warning: ${opts.import}: skipped a torn last line (${im.tornTailBytes} bytes of an interrupted write); its class is solved again\n`);
        if (!opts.quiet) io.err(`imported ${opts.import}: ${im.entries} entries, ${im.accepted} accepted, ${im.stored} stored, ${refused} refused\n`);
      }
      if (opts.sample !== undefined) return await runSample(opts, io, { inputs, basis, encoder, store, scratch });
      const command = ['waterloo census', `--inputs ${inputs}`, `--basis ${opts.basis}`, `--encoder ${encoder}`, opts.timeout > 0 ? `--timeout ${opts.timeout}` : '', `--backend ${opts.backend}`]
        .filter((s) => s !== '').join(' ');
      const r = await withSweepControls(io, opts.quiet, (controls) =>
        census({
          inputs, basis, encoder, store, command,
          backend: opts.backend,
          jobs: opts.jobs,
          ...controls,
          ...(opts.timeout > 0 ? { classTimeoutSeconds: opts.timeout } : {}),
        }),
      );
      if (opts.export !== undefined) writeFileAtomic(opts.export, formatCensusJsonl(store, inputs, basis, encoder));
      const complete = !('unknown' in r.classes);
      const failures = r.failures.map((f) => ({ problem: f.instance.problem, code: f.code, message: f.message }));
      if (opts.json) {
        printJson(io, { inputs: r.inputs, basis: r.basis, classes: r.classes, functions: r.functions, complete, store: scratch === undefined ? store.path : null, stats: r.stats, failures });
      } else {
        const keys = Object.keys(r.classes).sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : Number(a) - Number(b)));
        io.out(`census of ${r.inputs}-input functions in ${r.basis}: ${r.stats.classes} NPN classes (${r.stats.reused} from the store, ${r.stats.solved} solved now, ${(r.stats.ms / 1000).toFixed(1)} s)\n`);
        io.out(`size  classes  functions\n`);
        for (const k of keys) io.out(`${k.padStart(4)}  ${String(r.classes[k]).padStart(7)}  ${String(r.functions[k]).padStart(9)}\n`);
        for (const f of failures) io.out(`failed: ${f.problem}: ${f.message}\n`);
      }
      if (refused > 0) return EXIT.badInput;
      // a class without a record: killed at its hard limit (unknown), or the exit code of its error's class
      const failure = r.failures[0];
      if (failure !== undefined && failure.kind !== 'limit') return exitCodeForKind(failure.kind);
      return complete ? EXIT.ok : EXIT.unknown;
    } finally {
      store.close();
      if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    }
  },
});

/** `census --sample K`: draw, solve the classes, print the distribution (and write it with --out). */
async function runSample(
  opts: { sample?: number; seed: number; 'improve-first'?: number; out?: string; timeout: number; backend: string; jobs: number; json: boolean; quiet?: boolean; basis: string },
  io: CommandIo,
  c: { inputs: number; basis: BasisName; encoder: EncoderName; store: ResultsStore; scratch: string | undefined },
): Promise<number> {
  const improveFirst = opts['improve-first'] ?? 0;
  const command = ['waterloo census', `--inputs ${c.inputs}`, `--sample ${opts.sample}`, `--seed ${opts.seed}`, `--basis ${opts.basis}`, `--encoder ${c.encoder}`, improveFirst > 0 ? `--improve-first ${improveFirst}` : '', opts.timeout > 0 ? `--timeout ${opts.timeout}` : '', `--backend ${opts.backend}`]
    .filter((s) => s !== '').join(' ');
  const r = await withSweepControls(io, opts.quiet === true, (controls) =>
    censusSample({
      inputs: c.inputs, count: opts.sample!, seed: opts.seed, basis: c.basis, encoder: c.encoder, store: c.store, command,
      backend: opts.backend as Parameters<typeof censusSample>[0]['backend'],
      jobs: opts.jobs,
      ...controls,
      ...(opts.timeout > 0 ? { classTimeoutSeconds: opts.timeout } : {}),
      ...(improveFirst > 0 ? { improveFirstSeconds: improveFirst } : {}),
    }),
  );
  const complete = r.classes.every((k) => k.status === 'optimal');
  const failures = r.failures.map((f) => ({ problem: f.instance.problem, code: f.code, message: f.message }));
  const summary = { inputs: r.inputs, basis: r.basis, sample: r.count, seed: r.seed, drawnHow: r.drawnHow, command, optimal: r.optimal, bounded: r.bounded, complete, classes: r.classes, stats: r.stats, failures };
  if (opts.out !== undefined) writeFileAtomic(opts.out, JSON.stringify(summary, null, 1) + '\n');
  if (opts.json) printJson(io, { ...summary, store: c.scratch === undefined ? c.store.path : null });
  else {
    io.out(`census sample of ${r.inputs}-input functions in ${r.basis}: ${r.count} functions drawn (seed ${r.seed}), ${r.stats.classes} NPN classes (${r.stats.reused} from the store, ${r.stats.solved} solved now, ${(r.stats.ms / 1000).toFixed(1)} s)\n`);
    io.out('size          functions\n');
    const bySize = Object.keys(r.optimal).sort((a, b) => Number(a) - Number(b));
    for (const k of bySize) io.out(`${k.padEnd(12)}  ${String(r.optimal[k]).padStart(9)}\n`);
    for (const k of Object.keys(r.bounded).sort()) io.out(`${(k.endsWith('..') ? `>= ${k.slice(0, -2)}` : k).padEnd(12)}  ${String(r.bounded[k]).padStart(9)}  (not proven)\n`);
    for (const f of failures) io.out(`failed: ${f.problem}: ${f.message}\n`);
  }
  const failure = r.failures[0];
  if (failure !== undefined && failure.kind !== 'limit') return exitCodeForKind(failure.kind);
  return complete ? EXIT.ok : EXIT.unknown;
}
