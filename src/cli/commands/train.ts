import {
  DEFAULT_DIFFLOGIC_OPTIONS,
  gateNetworkToJson,
  parseProblem,
  trainModel,
  TRAIN_MODELS,
  UsageError,
  writeBnnJson,
  writeCircuitFile,
  writeFileAtomic,
  type TrainModelName,
} from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption, seedOption } from '../options.js';

/** `waterloo train`: trains a logic-gate network or a BNN on a task and extracts its circuit. */
export const trainCommand = defineCommand({
  name: 'train',
  summary: 'train a logic-gate network (difflogic) or binarized MLP on a task and extract its circuit',
  usage: '--task NAME --model gates|bnn [--seed S] [--out FILE] [--save-network FILE] [--json]',
  description:
    'The data set is the full truth table of the task (care rows only; at most 10 inputs). Model gates: layers of two-input gates whose op is a softmax mixture over ' +
    'the 16 binary functions (Petersen et al., NeurIPS 2022), trained by Adam and discretised to each gate\'s argmax op. Model bnn: a sign-activated integer-weight MLP. ' +
    'The extracted circuit is cleaned and checked equal to the network on every input, and checked against the task; deterministic for a given seed. ' +
    'Exit code 1 when the network does not reach 100% on the task.',
  options: {
    task: { type: 'string', help: 'a named problem, e.g. maj:5, fa, add:2, addmod:3 (waterloo problem --list)', metavar: 'NAME' },
    model: { type: 'string', help: 'model', default: 'gates', choices: [...TRAIN_MODELS] },
    seed: seedOption('seed of wiring, initialisation and restarts'),
    out: { type: 'string', help: 'write the extracted circuit to FILE (format by extension: .bench .blif .v .aag ...)', metavar: 'FILE' },
    'save-network': { type: 'string', help: 'write the trained network as JSON (gates: layers of ops and wiring; bnn: waterloo-bnn)', metavar: 'FILE' },
    layers: { type: 'int', help: 'gates: hidden layers', default: DEFAULT_DIFFLOGIC_OPTIONS.hiddenLayers, min: 0, max: 64, metavar: 'L' },
    width: { type: 'int', help: 'gates: gates per hidden layer (default max(12, 4 * (inputs + outputs)))', min: 1, max: 4096, metavar: 'W' },
    steps: { type: 'int', help: 'gates: steps per attempt', default: DEFAULT_DIFFLOGIC_OPTIONS.steps, min: 0, max: 10000000, metavar: 'N' },
    attempts: { type: 'int', help: 'gates: restarts with fresh wiring before giving up', default: DEFAULT_DIFFLOGIC_OPTIONS.attempts, min: 1, max: 10000, metavar: 'A' },
    epochs: { type: 'int', help: 'bnn: maximum epochs', min: 1, max: 10000000, metavar: 'N' },
    json: jsonOption(),
  },
  async run(opts, args, io) {
    if (args.length !== 0) throw new UsageError(`train: unexpected argument '${args[0]}'`);
    if (opts.task === undefined) throw new UsageError('train: --task NAME is required');
    const task = parseProblem(opts.task);
    const model = opts.model as TrainModelName;
    const t0 = performance.now();
    const r = trainModel(task, model, opts.seed, {
      gates: { hiddenLayers: opts.layers, steps: opts.steps, attempts: opts.attempts, width: opts.width },
      bnn: { epochs: opts.epochs },
    });
    const seconds = (performance.now() - t0) / 1000;
    if (opts.out !== undefined) await writeCircuitFile(r.circuit, opts.out);
    const save = opts['save-network'];
    if (save !== undefined) {
      const text = r.trained.model === 'gates' ? JSON.stringify(gateNetworkToJson(r.trained.network)) + '\n' : writeBnnJson(r.trained.network, `trained on ${task.name}, seed ${opts.seed}`);
      writeFileAtomic(save, text);
    }
    const summary = {
      task: task.name,
      model,
      seed: opts.seed,
      accuracy: r.accuracy,
      implementsSpec: r.implementsSpec,
      steps: r.steps,
      attempts: r.attempts,
      networkUnits: r.networkUnits,
      size: r.size,
      basis: 'B2',
      equalToNetwork: true,
      seconds: Number(seconds.toFixed(3)),
      out: opts.out,
      network: save,
    };
    if (opts.json) printJson(io, summary);
    else {
      const units = model === 'gates' ? 'gates' : 'neurons';
      io.out(
        `${task.name} ${model} seed ${opts.seed}: accuracy ${(r.accuracy * 100).toFixed(2)}% (${r.networkUnits} ${units}, ${r.steps} ${model === 'gates' ? `steps, ${r.attempts} attempt(s)` : 'epochs'}, ${seconds.toFixed(2)} s); ` +
          `circuit of ${r.size} B2 gates, equal to the network on every input, ${r.implementsSpec ? 'implements' : 'does NOT implement'} ${task.name}` +
          `${opts.out === undefined ? '' : `; written to ${opts.out}`}\n`,
      );
    }
    return r.implementsSpec ? 0 : 1;
  },
});
