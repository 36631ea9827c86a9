import { join } from 'node:path';
import { census, UsageError, MAX_CENSUS_INPUTS, waterlooVersion, type EncoderName } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { basisOf, basisOption } from '../basis-option.js';
import { EXIT } from '../exit-codes.js';

export const censusCommand = defineCommand({
  name: 'census',
  summary: 'minimum circuit size of every NPN class of N-input functions, with class and function counts',
  usage: '--inputs N --basis B [--json] [--store FILE] [--timeout S] [--jobs J]',
  description:
    'Every class is solved by exact synthesis (optimal = verified circuit + UNSAT at size-1). Solved classes are appended to a durable store ' +
    '(JSON lines, default results/census/census-<basis>-n<N>.jsonl under the current directory), so an interrupted census resumes where it stopped. ' +
    'Exit 0 when every class is solved, 4 when some hit the time limit.',
  options: {
    inputs: { type: 'int', help: `number of inputs (0..${MAX_CENSUS_INPUTS})`, min: 0, max: MAX_CENSUS_INPUTS, metavar: 'N' },
    basis: basisOption('basis', 'b2'),
    encoder: { type: 'string', help: 'SAT encoding: ssv or fence', default: 'ssv', choices: ['ssv', 'fence'] },
    backend: backendOption(),
    store: { type: 'string', help: 'store file (JSON lines); "none" for no store', metavar: 'FILE' },
    timeout: timeoutOption('time limit per class in seconds (0 = none)'),
    jobs: { type: 'int', help: 'classes solved concurrently', default: 2, min: 1, max: 64, metavar: 'J' },
    json: jsonOption('print one JSON object: {"classes":{size:count},"functions":{size:count}, ...}'),
    quiet: { type: 'boolean', short: 'q', help: 'no progress on stderr' },
  },
  async run(opts, _args, io) {
    if (opts.inputs === undefined) throw new UsageError('census: --inputs N is required');
    const basis = basisOf(opts.basis);
    const storePath = opts.store === 'none' ? undefined : (opts.store ?? join('results', 'census', `census-${basis.toLowerCase()}-n${opts.inputs}.jsonl`));
    const r = await census({
      inputs: opts.inputs,
      basis,
      encoder: opts.encoder as EncoderName,
      backend: opts.backend,
      jobs: opts.jobs,
      version: waterlooVersion(),
      ...(storePath ? { storePath } : {}),
      onWarning: (message: string) => io.err(`warning: ${message}\n`),
      ...(opts.timeout > 0 ? { classTimeLimitMs: Math.round(opts.timeout * 1000) } : {}),
      onProgress: opts.quiet
        ? undefined
        : (done, total, e) => io.err(`[${done}/${total}] ${e.representative}: ${e.status}${e.size !== undefined ? ` ${e.size}` : ''} (${e.ms} ms)\n`),
    });
    const complete = !('unknown' in r.classes);
    if (opts.json) {
      printJson(io, { inputs: r.inputs, basis: r.basis, classes: r.classes, functions: r.functions, complete, store: storePath ?? null, stats: r.stats });
    } else {
      const keys = Object.keys(r.classes).sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : Number(a) - Number(b)));
      io.out(`census of ${r.inputs}-input functions in ${r.basis}: ${r.stats.classes} NPN classes (${r.stats.reused} from the store, ${r.stats.solved} solved now, ${(r.stats.ms / 1000).toFixed(1)} s)\n`);
      io.out(`size  classes  functions\n`);
      for (const k of keys) io.out(`${k.padStart(4)}  ${String(r.classes[k]).padStart(7)}  ${String(r.functions[k]).padStart(9)}\n`);
    }
    return complete ? EXIT.ok : EXIT.unknown;
  },
});
