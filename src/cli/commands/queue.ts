import {
  collectResults,
  dropQueue,
  expandSweep,
  openStore,
  pushInstances,
  queueStatus,
  redactRedisUrl,
  resolveRedisUrl,
  resolveStorePath,
  runQueueWorker,
  UsageError,
  type FailedJob,
  type QueueTarget,
  type ResultsStore,
} from '../../index.js';
import { defineCommand, printJson, type CommandIo } from '../command.js';
import { jsonOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { EXIT } from '../exit-codes.js';

const ACTIONS = ['push', 'work', 'status', 'collect', 'drop'] as const;

/** Failed jobs listed in human output; --json lists them all. */
const FAILED_SHOWN = 20;

function printFailed(io: CommandIo, failed: readonly FailedJob[]): void {
  for (const f of failed.slice(0, FAILED_SHOWN)) io.err(`  failed ${f.problem} ${f.basis} ${f.encoder}: ${f.reason}\n`);
  if (failed.length > FAILED_SHOWN) io.err(`  ... and ${failed.length - FAILED_SHOWN} more (--json lists them all)\n`);
}

async function pendingJobs(target: QueueTarget): Promise<number> {
  const s = await queueStatus(target);
  return s.waiting + s.active + s.delayed;
}

async function withStore<T>(path: string | undefined, f: (s: ResultsStore | undefined) => Promise<T>, opts: { readonly readonly?: boolean } = {}): Promise<T> {
  const store = path === undefined ? undefined : await openStore(resolveStorePath(path), { readonly: opts.readonly ?? false });
  try {
    return await f(store);
  } finally {
    store?.close();
  }
}

export const queueCommand = defineCommand({
  name: 'queue',
  summary: 'sweeps on many machines: push instances to a Redis queue (BullMQ), run workers anywhere, collect the records into a store',
  usage: 'push|work|status|collect|drop [--redis URL] [--queue NAME] [options]',
  description:
    'push: enqueue the instances of --problem/--n/--basis/--encoder (as `waterloo sweep` expands them); the job id is the instance key, so pushing twice adds nothing, ' +
    'and with --store instances already in that store are skipped.\n' +
    'work: pull jobs and solve them until stopped (SIGINT/SIGTERM: running jobs finish first) or idle for --idle-exit seconds; each record is returned through Redis ' +
    'and, with --store, also put into that store (one SQLite store may be shared by workers on one file system).\n' +
    'collect: put the records of completed jobs into the store --into (idempotent; --remove then deletes the collected jobs from Redis, --watch S repeats until the queue is done); exit 3 when jobs failed.\n' +
    'status: job counts, live workers and failed jobs. drop --force: delete the queue and its jobs.\n' +
    'The Redis URL defaults to $WATERLOO_REDIS, else redis://127.0.0.1:6379.',
  options: {
    redis: { type: 'string', help: 'Redis URL (redis://[:password@]host:port[/db])', metavar: 'URL' },
    queue: { type: 'string', help: 'queue name', default: 'waterloo', metavar: 'NAME' },
    problem: { type: 'string', help: 'push: problems, comma separated: full names (maj:5) or families expanded over --n (thr)', metavar: 'LIST' },
    n: { type: 'string', help: 'push: values of n (A..B, A, or a comma list)', metavar: 'RANGE' },
    basis: { type: 'string', help: 'push: bases, comma separated', default: 'b2', metavar: 'LIST' },
    encoder: { type: 'string', help: 'push: SAT encodings, comma separated (ssv, fence, kgate, mc; default: each basis\'s own, ssv for b2/u2/aig/xaig, kgate for mig and lut3, mc for mc)', metavar: 'LIST' },
    timeout: timeoutOption('push: time limit per instance in seconds (0 = none)'),
    store: { type: 'string', help: 'push: skip instances this store holds (opened read-only; must exist); work: also put records here', metavar: 'FILE' },
    into: { type: 'string', help: 'collect: the store to fill (default $WATERLOO_STORE, else results/waterloo.db)', metavar: 'FILE' },
    remove: { type: 'boolean', help: 'collect: delete collected jobs from Redis' },
    watch: { type: 'number', help: 'collect: repeat every S seconds until no job is waiting or running (stored/removed are then totals)', min: 1, metavar: 'S' },
    concurrency: { type: 'int', help: 'work: jobs solved at once', default: 1, min: 1, max: 64, metavar: 'C' },
    'idle-exit': { type: 'number', help: 'work: stop after S seconds without a job (default: run until stopped)', min: 0, metavar: 'S' },
    backend: backendOption('work: SAT backend'),
    force: { type: 'boolean', help: 'drop: confirm deleting the queue and its uncollected results' },
    json: jsonOption('print one JSON object with the outcome'),
    quiet: { type: 'boolean', short: 'q', help: 'no progress on stderr' },
  },
  async run(opts, args, io) {
    const [action, ...extra] = args;
    if (action === undefined || !(ACTIONS as readonly string[]).includes(action)) {
      throw new UsageError(`expected one of ${ACTIONS.join(', ')}${action === undefined ? '' : `, got '${action}'`}`);
    }
    if (extra.length > 0) throw new UsageError(`${action}: unexpected argument '${extra[0]}'`);
    const redis = resolveRedisUrl(opts.redis);
    const target: QueueTarget = { redis, queue: opts.queue };
    const where = `queue '${opts.queue}' at ${redactRedisUrl(redis)}`;

    switch (action) {
      case 'push': {
        if (opts.problem === undefined) throw new UsageError('push: --problem is required');
        const instances = expandSweep({
          problem: opts.problem,
          basis: opts.basis,
          encoder: opts.encoder,
          n: opts.n,
          ...(opts.timeout > 0 ? { timeoutSeconds: opts.timeout } : {}),
        });
        // push only reads the store (to skip what it holds)
        const r = await withStore(opts.store, (store) => pushInstances(target, instances, store), { readonly: true });
        if (opts.json) printJson(io, { action, queue: opts.queue, ...r });
        else io.out(`${where}: ${r.instances} instances, ${r.added} added, ${r.alreadyQueued} already queued, ${r.alreadyStored} already in the store\n`);
        return EXIT.ok;
      }
      case 'work': {
        const stop = new AbortController();
        let signals = 0;
        const onSignal = (sig: NodeJS.Signals): void => {
          signals++;
          if (signals === 1) {
            if (!opts.quiet) io.err(`queue work: ${sig}: finishing the running jobs (again to quit at once; their jobs return to the queue when their lock expires)\n`);
            stop.abort();
          } else {
            process.exit(EXIT.unknown);
          }
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        try {
          const summary = await withStore(opts.store, (store) =>
            runQueueWorker({
              ...target,
              concurrency: opts.concurrency,
              backend: opts.backend,
              stop: stop.signal,
              store,
              idleExitSeconds: opts['idle-exit'],
              onJob: opts.quiet
                ? undefined
                : (e) =>
                    io.err(
                      e.kind === 'done'
                        ? `done ${e.record.problem} ${e.record.basis} ${e.record.encoder}: ${e.record.status}${e.record.size === undefined ? '' : ` ${e.record.size}`} (${e.record.seconds} s)\n`
                        : e.kind === 'cube'
                          ? `done ${e.id}: ${e.outcome.answer}\n`
                          : `${e.final ? 'failed' : 'will retry'} ${e.problem}: ${e.error}\n`,
                    ),
              onError: opts.quiet ? undefined : (e) => io.err(`queue work: redis: ${e.message}\n`),
            }),
          );
          if (opts.json) printJson(io, { action, queue: opts.queue, ...summary });
          else if (!opts.quiet) io.err(`queue work: ${summary.done} done, ${summary.failed} failed in ${summary.seconds} s\n`);
          return EXIT.ok;
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      }
      case 'status': {
        const s = await queueStatus(target);
        if (opts.json) {
          printJson(io, { action, ...s });
        } else {
          io.out(`${where}: ${s.waiting} waiting, ${s.active} running, ${s.completed} completed, ${s.failed} failed, ${s.delayed} delayed; ${s.workers} workers\n`);
          printFailed(io, s.failedJobs);
        }
        return EXIT.ok;
      }
      case 'collect': {
        const into = resolveStorePath(opts.into);
        const watch = opts.watch;
        const { last, stored, removed, passes } = await withStore(into, async (store) => {
          let stored = 0, removed = 0, passes = 0;
          for (;;) {
            // read before collecting: when nothing was pending then, this pass sees every job there will be
            const pending = watch === undefined ? 0 : await pendingJobs(target);
            const r = await collectResults(target, store!, { remove: opts.remove });
            passes++;
            stored += r.stored;
            removed += r.removed;
            if (watch === undefined || pending === 0) return { last: r, stored, removed, passes };
            if (!opts.quiet) io.err(`collect: ${stored} stored so far, ${pending} jobs pending\n`);
            await new Promise((resolve) => setTimeout(resolve, watch * 1000));
          }
        });
        const r = { ...last, stored, removed };
        if (opts.json) {
          printJson(io, { action, queue: opts.queue, store: into, ...r, passes });
        } else {
          io.out(`${where}: ${r.completed} completed jobs, ${r.stored} records stored in ${into}, ${r.unchanged} already there, ${r.removed} removed from the queue; ${r.failedJobs.length} failed, ${r.invalid.length} invalid\n`);
          printFailed(io, r.failedJobs);
          for (const i of r.invalid.slice(0, FAILED_SHOWN)) io.err(`  invalid ${i.id}: ${i.reason}\n`);
        }
        return r.failedJobs.length > 0 || r.invalid.length > 0 ? EXIT.badInput : EXIT.ok;
      }
      case 'drop': {
        if (!opts.force) throw new UsageError('drop: deletes the queue and every result not yet collected; give --force');
        await dropQueue(target);
        if (opts.json) printJson(io, { action, queue: opts.queue, dropped: true });
        else io.out(`${where}: dropped\n`);
        return EXIT.ok;
      }
    }
    return EXIT.internal;
  },
});
