import { join } from 'node:path';
import { affineClasses, runUpperBounds, UPPER_BOUNDS_LAYOUT, createProgressPrinter, formatMcCensusMarkdown, mcAffineCensus, PUBLISHED_TIMEOUT_SECONDS, regenerateResults, UsageError, waterlooVersion, writeFileAtomic } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption, seedOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { EXIT } from '../exit-codes.js';

export const resultsCommand = defineCommand({
  name: 'results',
  summary: "regenerate the project's published results (family tables, censuses, plots, results/README.md)",
  usage: 'regenerate [--dir DIR] [--timeout S] [--jobs J] [--retry] [--no-solve] [--allow-dirty] [--json] | mc --inputs N [--dir DIR] [--timeout S] [--limit K] [--proof] | upper-bounds [--dir DIR] [--timeout S] [--only REGEX] [--retry] [--seed N] [--no-abc]',
  description:
    'Loads the published records (DIR/store/records.jsonl) and the frontier runs (DIR/frontier/*.json, each kept where better) into the working store (DIR/store/published.db), sweeps the published family set in B2 and U2 ' +
    '(instances already stored are skipped, so an interrupted run resumes), completes the published censuses, then writes DIR/store/records.jsonl, ' +
    'DIR/tables/*.{md,tex,csv,json}, DIR/plots/*.svg and the generated part of DIR/README.md. --retry also re-solves stored instances that are not optimal and ran with a shorter --timeout. --no-solve only rebuilds the outputs from the stored records. ' +
    'Every record of the export is re-checked before it is imported (circuit simulated against the instance, size recomputed); a refused record is named on stderr and not imported. ' +
    'Refuses (exit 2, naming the files) when tracked files outside results/ have uncommitted changes, unless --allow-dirty. ' +
    'Exit 0; 3 when a record was refused; 4 when some instance failed. ' +
    '`results mc --inputs N` solves the multiplicative complexity (basis mc) of every affine class of N-input functions (8 for N = 4, 48 for N = 5), each optimal with its UNSAT certificate, ' +
    'and writes DIR/tables/mc-affine-N.{md,json} with the distribution (exit 4 when a class is not solved within --timeout; --limit K: only the first K classes). ' +
    '`results upper-bounds` runs the upper-bound attempt on SUM_n, MAJ_n and SORT_n against the best known circuits of circuit_improvement: the smallest start (construction, Shannon, ABC) improved in B2 for --timeout S per instance (3S for n > 8), ' +
    'each circuit written to DIR/circuits/upper-bounds/, read back and verified (exhaustive simulation; ABC cec unless --no-abc or not installed); DIR/tables/upper-bounds.{json,md} are rewritten after each instance, ' +
    'instances already there are skipped unless --retry (the smaller circuit is kept); --only REGEX selects by id (SUM_5) or problem (sum:5). Exit 0; 4 when a circuit failed a check.',
  options: {
    dir: { type: 'string', help: 'results folder', default: 'results', metavar: 'DIR' },
    timeout: timeoutOption('time limit per instance (and per census class), seconds', PUBLISHED_TIMEOUT_SECONDS, 1),
    jobs: { type: 'int', help: 'instances solved at once', default: 2, min: 1, max: 64, metavar: 'J' },
    backend: backendOption(),
    retry: { type: 'boolean', help: 're-solve stored instances that are not optimal and ran with a shorter --timeout' },
    'no-solve': { type: 'boolean', help: 'solve nothing: rebuild tables, plots and README from the records' },
    'allow-dirty': { type: 'boolean', help: 'publish even though tracked files outside DIR differ from the git revision (refused by default)' },
    json: jsonOption('print a JSON summary: {records, byStatus, files, ...}'),
    quiet: { type: 'boolean', short: 'q', help: 'no progress on stderr' },
    inputs: { type: 'int', help: 'results mc: number of inputs', min: 1, max: 5, metavar: 'N' },
    limit: { type: 'int', help: 'results mc: only the first K classes', min: 1, max: 1000, metavar: 'K' },
    proof: { type: 'boolean', help: 'results mc: DRAT proofs of the UNSAT answers (cadical), checked' },
    only: { type: 'string', help: 'results upper-bounds: only instances whose id or problem matches REGEX', metavar: 'REGEX' },
    seed: seedOption('results upper-bounds: seed of improve'),
    'no-abc': { type: 'boolean', help: 'results upper-bounds: do not use ABC (start circuit and cec)' },
  },
  async run(opts, args, io) {
    if (args[0] === 'mc' && args.length === 1) {
      if (opts.inputs === undefined) throw new UsageError('results mc: --inputs N is required');
      const total = affineClasses(opts.inputs).length;
      const entries = await mcAffineCensus(opts.inputs, {
        backend: opts.backend,
        timeLimitMs: opts.timeout * 1000,
        ...(opts.limit === undefined ? {} : { limit: opts.limit }),
        ...(opts.proof ? { proof: true } : {}),
        onEntry: (e, i, n) => {
          if (!opts.quiet) io.err(`[${i + 1}/${n}] ${e.representative}: ${e.status} ${e.ands ?? ''} (${(e.ms / 1000).toFixed(2)} s)\n`);
        },
      });
      const base = join(opts.dir, 'tables', `mc-affine-${opts.inputs}`);
      writeFileAtomic(`${base}.md`, formatMcCensusMarkdown(opts.inputs, entries, total, waterlooVersion()));
      writeFileAtomic(`${base}.json`, JSON.stringify({ inputs: opts.inputs, basis: 'MC', costModel: 'AND gates (XOR and NOT free)', classes: total, version: waterlooVersion(), entries }, null, 1) + '\n');
      const solved = entries.filter((e) => e.status === 'optimal').length;
      if (opts.json) printJson(io, { inputs: opts.inputs, classes: total, solved, files: [`${base}.md`, `${base}.json`] });
      else io.out(`mc census of ${opts.inputs}-input affine classes: ${solved} of ${total} optimal; ${base}.md\n`);
      return solved === total ? EXIT.ok : EXIT.unknown;
    }
    if (args[0] === 'upper-bounds' && args.length === 1) {
      let only: RegExp | undefined;
      try {
        only = opts.only === undefined ? undefined : new RegExp(opts.only);
      } catch (e) {
        throw new UsageError(`results upper-bounds: --only: ${(e as Error).message}`);
      }
      const r = await runUpperBounds({
        dir: opts.dir,
        timeoutSeconds: opts.timeout,
        ...(only ? { only } : {}),
        retry: opts.retry,
        seed: opts.seed,
        backend: opts.backend,
        abc: !opts['no-abc'],
        command: `waterloo results upper-bounds --timeout ${opts.timeout} --seed ${opts.seed}${opts['no-abc'] ? ' --no-abc' : ''}`,
        ...(opts.quiet ? {} : { log: (line: string) => io.err(line + '\n') }),
      });
      if (opts.json) printJson(io, { ran: r.ran, skipped: r.skipped, failed: r.failed, below: r.below, files: r.files });
      else {
        io.out(`upper bounds in ${opts.dir}/${UPPER_BOUNDS_LAYOUT.markdown}: ${r.ran.length} run, ${r.skipped.length} skipped, ${r.failed.length} failed a check\n`);
        if (r.below.length) io.out(`below the listed best known size (each verified three times; see the notes under the table): ${r.below.join(', ')}\n`);
      }
      return r.failed.length ? EXIT.unknown : EXIT.ok;
    }
    if (args[0] !== 'regenerate' || args.length > 1) throw new UsageError(`results: expected 'regenerate', 'mc' or 'upper-bounds'${args[0] && args[0] !== 'regenerate' ? `, got '${args[0]}'` : ''}`);
    const printer = opts.quiet ? undefined : createProgressPrinter((t) => io.err(t), false);
    const r = await regenerateResults({
      dir: opts.dir,
      timeoutSeconds: opts.timeout,
      jobs: opts.jobs,
      backend: opts.backend,
      solve: !opts['no-solve'],
      retry: opts.retry,
      allowDirty: opts['allow-dirty'],
      command: `waterloo results regenerate --timeout ${opts.timeout}${opts.retry ? ' --retry' : ''}`,
      ...(opts.quiet ? {} : { log: (line: string) => io.err(line + '\n') }),
      ...(printer ? { onSweepProgress: (p) => printer.update(p) } : {}),
    });
    printer?.stop();
    if (opts.quiet) for (const line of r.refused) io.err(line + '\n');
    const failed = (r.sweep?.failures.length ?? 0) + (r.retried?.failures.length ?? 0);
    if (opts.json) printJson(io, { records: r.records, refused: r.refused, byStatus: r.byStatus, censusClassesSolved: r.censusClassesSolved, failed, files: r.files });
    else io.out(`results in ${opts.dir}: ${r.records} records (cells: ${r.byStatus.optimal} optimal, ${r.byStatus.feasible} feasible, ${r.byStatus.unknown} timeout), ${r.files.length} files\n`);
    // a refused record outranks a failed instance: the input was bad, not the run
    return r.refused.length ? EXIT.badInput : failed ? EXIT.unknown : EXIT.ok;
  },
});
