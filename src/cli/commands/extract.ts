import { bnnNeurons, extractBnn, readBnnModel, UsageError, writeCircuitFile, type BnnInputEncoding } from '../../index.js';
import { defineCommand, printJson } from '../command.js';

export const extractCommand = defineCommand({
  name: 'extract',
  summary: 'compile a binarized MLP (.json waterloo-bnn or .onnx) into a circuit proven equivalent to it',
  usage: 'MODEL.(json|onnx) --out FILE [--basis aig|b2] [--exact-fanin K] [--input-encoding binary|bipolar] [--json]',
  description:
    'Every neuron becomes gates (exact synthesis for neurons of small fan-in, else an adder tree and a comparator); the circuit is cleaned and proven equal to the network on every input (exhaustively up to 20 inputs, else by a SAT miter against an independently built circuit).',
  options: {
    out: { type: 'string', help: 'write the circuit to FILE (format by extension: .aag .aig .bench .blif .v ...)', metavar: 'FILE' },
    basis: { type: 'string', help: 'basis of the circuit', default: 'aig', choices: ['aig', 'b2'] },
    'exact-fanin': { type: 'int', help: 'use exact synthesis for neurons with at most K inputs (0 = never)', default: 4, min: 0, max: 5, metavar: 'K' },
    'input-encoding': { type: 'string', help: 'how an ONNX model presents input bits when its metadata does not say', choices: ['binary', 'bipolar'] },
    json: { type: 'boolean', help: 'print one JSON object' },
  },
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('extract: expects one MODEL file');
    if (opts.out === undefined) throw new UsageError('extract: --out FILE is required');
    const encoding = opts['input-encoding'] as BnnInputEncoding | undefined;
    const network = await readBnnModel(args[0]!, encoding ? { inputEncoding: encoding } : {});
    const basis = opts.basis === 'b2' ? 'B2' : 'AIG';
    const r = await extractBnn(network, { basis, exactFanin: opts['exact-fanin'] });
    await writeCircuitFile(r.circuit, opts.out);
    const summary = {
      model: args[0],
      inputs: network.inputs,
      outputs: r.circuit.outputs.length,
      layers: network.layers.length,
      neurons: bnnNeurons(network),
      basis,
      gatesBeforeCleanup: r.stats.gatesBeforeCleanup,
      gates: r.stats.gatesAfterCleanup,
      constantNeurons: r.stats.constantNeurons,
      exactNeurons: r.stats.exactNeurons,
      verification: r.stats.verification,
      ms: r.stats.ms,
      out: opts.out,
    };
    if (opts.json) printJson(io, summary);
    else {
      io.out(
        `${summary.model}: ${summary.inputs} inputs, ${summary.outputs} outputs, ${summary.layers} layers, ${summary.neurons} neurons ` +
          `(${summary.constantNeurons} constant, ${summary.exactNeurons} by exact synthesis)\n` +
          `${summary.basis} circuit: ${summary.gatesBeforeCleanup} gates as built, ${summary.gates} after cleanup; ` +
          `equivalent to the network (${summary.verification === 'exhaustive' ? 'exhaustive simulation' : 'SAT miter'}); written to ${opts.out}\n`,
      );
    }
    return 0;
  },
});
