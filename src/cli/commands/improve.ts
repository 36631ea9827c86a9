import { applyNeuronSelection, NEURON_OPTIONS } from '../neuron-option.js';
import {
  DEFAULT_IMPROVE_PARAMS,
  improve,
  readCircuitFile,
  UsageError,
  writeCircuitFile,
} from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption, seedOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { basisOf, basisOption } from '../basis-option.js';

/** `waterloo improve`: SAT-based local improvement of a circuit file. */
export const improveCommand = defineCommand({
  name: 'improve',
  summary: 'shrink a circuit by SAT-based local improvement (exact synthesis of small windows)',
  usage: 'CIRCUIT --out FILE [--basis b2|u2|aig|xaig] [--timeout S] [--seed N] [--plateau N] [--restarts N] [--target G] [--json]',
  description:
    'The circuit is brought into the basis, then small windows (connected gate sets with few leaves) are replaced by smaller circuits found by exact synthesis ' +
    '(Kulikov, Slezkin et al., MFCS 2022), until no window improves or the time limit is hit. The result is proved equivalent to the input before it is written.',
  options: {
    out: { type: 'string', help: 'write the improved circuit to FILE (format by extension)', metavar: 'FILE' },
    basis: basisOption('basis', 'b2'),
    timeout: timeoutOption('time limit of the search in seconds (0 = none); the final equivalence proof is not counted, and the run is stopped from outside at 2S + 60 s', DEFAULT_IMPROVE_PARAMS.timeLimitMs / 1000),
    seed: seedOption('seed of the window order'),
    'window-inputs': { type: 'int', help: 'maximum leaves of a window', default: DEFAULT_IMPROVE_PARAMS.windowInputs, min: 1, max: 8, metavar: 'K' },
    'window-size': { type: 'int', help: 'maximum gates of a window', default: DEFAULT_IMPROVE_PARAMS.windowSize, min: 2, max: 64, metavar: 'G' },
    'call-timeout': { type: 'number', help: 'time limit of each exact-synthesis call in seconds', default: DEFAULT_IMPROVE_PARAMS.callTimeLimitMs / 1000, min: 0.001, metavar: 'S' },
    rounds: { type: 'int', help: 'maximum rounds', default: DEFAULT_IMPROVE_PARAMS.maxRounds, min: 0, max: 1000000, metavar: 'R' },
    plateau: { type: 'int', help: 'equal-size moves in a row without a decrease (0 = stop at the first local optimum)', default: DEFAULT_IMPROVE_PARAMS.plateauMoves, min: 0, max: 1000000, metavar: 'N' },
    restarts: { type: 'int', help: 'restarts from the input with derived seeds when a descent ends (needs --plateau > 0); the smallest circuit wins', default: DEFAULT_IMPROVE_PARAMS.restarts, min: 0, max: 1000000, metavar: 'N' },
    target: { type: 'int', help: 'stop as soon as the size is at most G (0 = no target)', default: 0, min: 0, max: 1000000000, metavar: 'G' },
    backend: backendOption(),
    from: { type: 'string', help: 'input format (needed for stdin "-")', metavar: 'FORMAT' },
    ...NEURON_OPTIONS,
    json: jsonOption(),
  },
  // the limit bounds the search; the final equivalence proof comes after it, so the stop from outside allows it as long again plus a minute
  hardLimitSeconds: (opts) => (opts.timeout > 0 ? 2 * opts.timeout + 60 : undefined),
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('improve: expects exactly one CIRCUIT');
    if (opts.out === undefined) throw new UsageError('improve: --out FILE is required');
    const c = applyNeuronSelection(readCircuitFile(args[0]!, opts.from), opts, 'improve');
    const basis = basisOf(opts.basis);
    const t0 = performance.now();
    const r = await improve(c, {
      basis,
      timeLimitMs: Math.round(opts.timeout * 1000),
      callTimeLimitMs: Math.max(1, Math.round(opts['call-timeout'] * 1000)),
      seed: opts.seed,
      windowInputs: opts['window-inputs'],
      windowSize: opts['window-size'],
      maxRounds: opts.rounds,
      plateauMoves: opts.plateau,
      restarts: opts.restarts,
      targetSize: opts.target,
      backend: opts.backend,
    });
    await writeCircuitFile(r.circuit, opts.out);
    const seconds = (performance.now() - t0) / 1000;
    const out = {
      sizeBefore: r.sizeBefore,
      sizeAfter: r.sizeAfter,
      basis,
      replacements: r.replacements,
      rounds: r.rounds,
      seconds: Number(seconds.toFixed(3)),
      timedOut: r.stats.timedOut,
      plateauMoves: r.stats.plateauMoves,
      restarts: r.stats.restarts,
      finalSizeAtSeconds: Number((r.stats.finalSizeAtMs / 1000).toFixed(3)),
      equivalent: true,
      equivalenceMethod: r.stats.finalCheck,
      out: opts.out,
    };
    if (opts.json) printJson(io, out);
    else {
      io.out(
        `${basis} size ${r.sizeBefore} -> ${r.sizeAfter} (${r.replacements} replacements, ${r.rounds} rounds, ${seconds.toFixed(2)} s${r.stats.timedOut ? ', time limit hit' : ''}); ` +
          `equivalent to the input (${r.stats.finalCheck}); written to ${opts.out}\n`,
      );
    }
    return 0;
  },
});
