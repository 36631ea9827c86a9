import { bnnNeurons, extractBnn, MAX_BNN_WEIGHTS, MAX_EXTRACT_GATES, readBnnModel, UsageError, writeCircuitFile, type BnnInputEncoding } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption, timeoutOption } from '../options.js';
import { basisOption } from '../basis-option.js';
import { EXIT } from '../exit-codes.js';
import { readIntModel, readQuantizedModelHook, type IntOutputMode } from '../../api/learn.js';
import { runIntExtract } from './extract-int.js';

export const extractCommand = defineCommand({
  name: 'extract',
  summary: 'compile a binarized MLP (.json waterloo-bnn or .onnx) into a circuit proven equivalent to it',
  usage: 'MODEL.(json|onnx) --out FILE [--output scores|argmax|bits] [--provenance MAP.json] [--basis aig|b2] [--exact-fanin K] [--input-encoding binary|bipolar] [--timeout S] [--json]',
  description:
    'Every neuron becomes gates (exact synthesis for neurons of small fan-in, else an adder tree and a comparator); the circuit is cleaned and proven equal to the network on every input (exhaustively up to 20 inputs, else by a SAT miter against an independently built circuit). ' +
    `With --timeout S, a circuit built in time but whose proof did not finish is still written, reported as unproven, with exit 4; if the circuit itself was not built in time, nothing is written (exit 4). ` +
    `Models with more than ${MAX_BNN_WEIGHTS} weights, or whose circuit would pass ${MAX_EXTRACT_GATES} gates, are refused (exit 3). ` +
    'Quantized (integer) models, and any model given --output or --provenance, go through the integer-network path instead: one circuit input per model input bit, ' +
    'each neuron compiled on its own and proven equal to its threshold function over the outputs of the layer below (exhaustively up to 20 input bits, else through its checked adder cells), ' +
    'neurons constant on their reachable range folded, every gate labelled with its neuron (L1.n12, L1.n12.t3) in the circuit and in the --provenance map; with --timeout the unproven neurons are listed, the circuit is written, exit 4.',
  options: {
    out: { type: 'string', help: 'write the circuit to FILE (format by extension: .aag .aig .bench .blif .v ...)', metavar: 'FILE' },
    basis: basisOption('basis of the circuit', 'aig', ['aig', 'b2']),
    'exact-fanin': { type: 'int', help: 'use exact synthesis for neurons with at most K inputs (0 = never)', default: 4, min: 0, max: 5, metavar: 'K' },
    'input-encoding': { type: 'string', help: 'how an ONNX model presents input bits when its metadata does not say', choices: ['binary', 'bipolar'] },
    output: { type: 'string', help: 'integer networks: class scores, their argmax (ONNX first maximum), or the bits of the last threshold layer (default scores when the model has them, else bits)', choices: ['scores', 'argmax', 'bits'] },
    provenance: { type: 'string', help: 'integer networks: write the gate -> neuron map (waterloo-provenance/1 JSON) to FILE', metavar: 'FILE' },
    'input-bits': { type: 'int', help: 'QONNX models whose input has no quantizer: the input is an integer of N bits', min: 1, max: 32, metavar: 'N' },
    'input-signed': { type: 'boolean', help: 'with --input-bits: the integer is signed (two\'s complement)' },
    'check-samples': { type: 'int', help: 'QONNX models: inputs of the differential check of the written circuit against a float evaluation of the ONNX graph (0 = skip)', default: 10000, min: 0, metavar: 'N' },
    timeout: timeoutOption('time limit in seconds for synthesis, compiling and the proof together (0 = none)'),
    json: jsonOption(),
  },
  hardLimitSeconds: (opts) => opts.timeout,
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('extract: expects one MODEL file');
    if (opts.out === undefined) throw new UsageError('extract: --out FILE is required');
    const encoding = opts['input-encoding'] as BnnInputEncoding | undefined;
    const importOptions = { ...(opts['input-bits'] !== undefined ? { inputBits: opts['input-bits'] } : {}), ...(opts['input-signed'] ? { inputSigned: true } : {}) };
    const quantized = await readQuantizedModelHook(args[0]!, importOptions);
    if (quantized !== undefined || opts.output !== undefined || opts.provenance !== undefined) {
      const network = quantized ?? (await readIntModel(args[0]!, encoding ? { inputEncoding: encoding } : {})).network;
      return runIntExtract(
        {
          model: args[0]!,
          network,
          out: opts.out,
          ...(opts.output ? { output: opts.output as IntOutputMode } : {}),
          basis: opts.basis === 'b2' ? 'B2' : 'AIG',
          ...(opts.provenance !== undefined ? { provenance: opts.provenance } : {}),
          timeoutSeconds: opts.timeout,
          json: opts.json,
          ...(quantized !== undefined && opts['check-samples'] > 0 ? { differential: { samples: opts['check-samples'], importOptions } } : {}),
        },
        io,
      );
    }
    const network = await readBnnModel(args[0]!, encoding ? { inputEncoding: encoding } : {});
    const basis = opts.basis === 'b2' ? 'B2' : 'AIG';
    const r = await extractBnn(network, { basis, exactFanin: opts['exact-fanin'], timeLimitMs: Math.round(opts.timeout * 1000) });
    const common = { model: args[0], inputs: network.inputs, layers: network.layers.length, neurons: bnnNeurons(network), basis };
    if (r.status === 'not-built') {
      const reason = `the time limit (${opts.timeout} s) was reached during ${r.stage === 'synthesis' ? 'exact synthesis of the small neurons' : 'compiling the neurons into gates'}`;
      if (opts.json) printJson(io, { ...common, status: 'not-built', reason, ms: r.ms, out: null });
      else io.err(`${common.model}: no circuit: ${reason}; nothing written\n`);
      return EXIT.unknown;
    }
    await writeCircuitFile(r.circuit, opts.out);
    const summary = {
      ...common,
      outputs: r.circuit.outputs.length,
      status: r.status,
      reason: r.reason,
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
      const how = r.stats.verification === 'exhaustive' ? 'exhaustive simulation' : 'SAT miter';
      io.out(
        `${summary.model}: ${summary.inputs} inputs, ${summary.outputs} outputs, ${summary.layers} layers, ${summary.neurons} neurons ` +
          `(${summary.constantNeurons} constant, ${summary.exactNeurons} by exact synthesis)\n` +
          `${summary.basis} circuit: ${summary.gatesBeforeCleanup} gates as built, ${summary.gates} after cleanup; ` +
          (r.status === 'proven' ? `equivalent to the network (${how}); written to ${opts.out}\n` : `written to ${opts.out} UNPROVEN: ${r.reason}\n`),
      );
      if (r.status === 'unproven') io.err(`${summary.model}: the circuit in ${opts.out} is NOT proven equal to the network (${r.reason})\n`);
    }
    return r.status === 'proven' ? EXIT.ok : EXIT.unknown;
  },
});
