import { availableParallelism } from 'node:os';
import {
  expandSweep,
  openStore,
  parseShard,
  resolveStorePath,
  runSweep,
  shardOf,
  type InstanceStatus,
  type SweepFailure,
  UsageError,
} from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { withSweepControls } from '../sweep-controls.js';
import { EXIT, exitCodeForKind } from '../exit-codes.js';

/** Exit code for an instance that produced no record, by the class of its error (never its message). */
function failureExit(f: SweepFailure): number {
  return f.kind === 'limit' ? EXIT.unknown : exitCodeForKind(f.kind);
}

export const sweepCommand = defineCommand({
  name: 'sweep',
  summary: 'solve a family of instances over several cores into the results store, skipping stored ones',
  usage: '--problem FAMILY[,NAME...] [--n A..B] [--basis B[,B...]] [--timeout S] [--jobs J] [--store PATH] [--shard I/N] [--json]',
  description:
    '--problem takes families (maj, thr, mod3, ...), families with leading parameters (mod:3) or full names (maj:5, fa), comma separated; ' +
    '--n ranges over the parameter n (or the first one), later parameters over all valid values (thr:n:0..n). ' +
    'Every finished instance is stored at once (one SQLite transaction), so an interrupted sweep resumes where it stopped. ' +
    'Store: --store PATH, else $WATERLOO_STORE, else results/waterloo.db in the package. ' +
    '--shard I/N runs instances I, I+N, I+2N, ... (1-based) of the same expansion; combine the shard stores with waterloo merge. ' +
    'Exit 0 when every instance is optimal, 4 when some are feasible/unknown, else the code of the first instance that failed.',
  options: {
    problem: { type: 'string', help: 'families or problem names, comma separated', metavar: 'LIST' },
    n: { type: 'string', help: 'values of n: A..B, A, or a comma list', metavar: 'RANGE' },
    basis: { type: 'string', help: 'bases, comma separated (b2, u2, aig, xaig)', default: 'b2', metavar: 'B[,B]' },
    encoder: { type: 'string', help: 'SAT encodings, comma separated (ssv, fence, kgate, mc; default: each basis\'s own, ssv for b2/u2/aig/xaig, kgate for mig and lut3, mc for mc)', metavar: 'E[,E]' },
    timeout: timeoutOption('time limit per instance in seconds (0 = none)'),
    jobs: { type: 'int', help: 'worker processes (default: number of cores)', min: 1, max: 256, metavar: 'J' },
    store: { type: 'string', help: 'results store (SQLite file)', metavar: 'PATH' },
    shard: { type: 'string', help: 'run only shard I of N (1-based)', metavar: 'I/N' },
    backend: backendOption(),
    'dry-run': { type: 'boolean', help: 'list the instances (after sharding) and whether they are stored; solve nothing' },
    json: jsonOption('print one JSON summary object'),
    quiet: { type: 'boolean', short: 'q', help: 'no progress on stderr' },
  },
  async run(opts, _args, io) {
    if (opts.problem === undefined) throw new UsageError('sweep: --problem is required (a family such as maj, or names such as maj:5,fa)');
    const all = expandSweep({
      problem: opts.problem,
      n: opts.n,
      basis: opts.basis,
      encoder: opts.encoder,
      timeoutSeconds: opts.timeout,
    });
    const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
    const instances = shard === undefined ? all : shardOf(all, shard);
    const store = await openStore(resolveStorePath(opts.store));
    try {
      if (opts['dry-run']) {
        const rows = instances.map((i) => ({ ...i, stored: store.has(i) }));
        if (opts.json) printJson(io, { store: store.path, instances: rows });
        else for (const r of rows) io.out(`${r.problem} ${r.basis} ${r.encoder}${r.stored ? ' (stored)' : ''}\n`);
        return EXIT.ok;
      }
      // the command as it would be retyped (recorded in every record)
      const command = ['waterloo sweep', `--problem ${opts.problem}`, opts.n === undefined ? '' : `--n ${opts.n}`, `--basis ${opts.basis}`, opts.encoder === undefined ? '' : `--encoder ${opts.encoder}`,
        opts.timeout > 0 ? `--timeout ${opts.timeout}` : '', `--backend ${opts.backend}`, opts.shard === undefined ? '' : `--shard ${opts.shard}`].filter((s) => s !== '').join(' ');
      const r = await withSweepControls(io, opts.quiet, (controls) =>
        runSweep({
          instances,
          store,
          jobs: opts.jobs ?? availableParallelism(),
          backend: opts.backend,
          command,
          ...controls,
        }),
      );
      // status over the whole sweep, stored before or now
      const byStatus: Record<InstanceStatus | 'missing', number> = { optimal: 0, feasible: 0, unknown: 0, missing: 0 };
      for (const i of instances) byStatus[store.get(i)?.status ?? 'missing']++;
      const failures = r.failures.map((f) => ({ problem: f.instance.problem, basis: f.instance.basis, encoder: f.instance.encoder, code: f.code, message: f.message }));
      if (opts.json) {
        printJson(io, {
          store: store.path, total: r.total, skipped: r.skipped, solved: r.solved, stored: r.stored, byStatus, failures,
          shard: shard && `${shard.index}/${shard.count}`, expanded: shard && all.length, aborted: r.aborted, seconds: Number(r.seconds.toFixed(3)),
        });
      } else {
        io.out(`sweep: ${r.total} instance(s)${shard ? ` (shard ${shard.index}/${shard.count} of ${all.length})` : ''}, ${r.skipped} already stored, ${r.stored} stored now; ` +
          `${byStatus.optimal} optimal, ${byStatus.feasible} feasible, ${byStatus.unknown} unknown${byStatus.missing > 0 ? `, ${byStatus.missing} missing` : ''}; ${r.seconds.toFixed(1)} s; store ${store.path}\n`);
        for (const f of failures) io.out(`failed: ${f.problem} ${f.basis} ${f.encoder}: ${f.message}\n`);
        if (r.aborted) io.out('sweep interrupted; run the same command again to resume\n');
      }
      if (r.failures.length > 0) return failureExit(r.failures[0]!);
      if (r.aborted || byStatus.missing > 0) return EXIT.unknown;
      return byStatus.feasible + byStatus.unknown > 0 ? EXIT.unknown : EXIT.ok;
    } finally {
      store.close();
    }
  },
});
