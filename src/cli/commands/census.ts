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
  writeFileAtomic,
  type EncoderName,
} from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { basisOf, basisOption, SYNTHESIS_BASIS_CHOICES } from '../basis-option.js';
import { EXIT, exitCodeForKind } from '../exit-codes.js';
import { withSweepControls } from '../sweep-controls.js';

export const censusCommand = defineCommand({
  name: 'census',
  summary: 'minimum circuit size of every NPN class of N-input functions, with class and function counts',
  usage: '--inputs N --basis B [--json] [--store PATH|none] [--timeout S] [--jobs J] [--import FILE.jsonl] [--export FILE.jsonl]',
  description:
    'Every class is solved by exact synthesis (optimal = verified circuit + UNSAT at size-1) as the sweep instance tt:N:REP (REP the class representative) ' +
    'in worker processes, each killed at the hard limit of --timeout, and stored in the results store as it finishes (--store PATH, else $WATERLOO_STORE, ' +
    'else results/waterloo.db in the package; "none" for a store that is thrown away at the end), so an interrupted census resumes where it stopped. ' +
    '--import reads a census JSON-lines file (the format of results/census/*.jsonl) into the store first, each entry re-checked (circuit simulated, size recomputed); ' +
    '--export writes the census from the store in that format. Exit 0 when every class is solved, 4 when some hit the time limit, 3 when --import refused an entry.',
  options: {
    inputs: { type: 'int', help: `number of inputs (0..${MAX_CENSUS_INPUTS})`, min: 0, max: MAX_CENSUS_INPUTS, metavar: 'N' },
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
