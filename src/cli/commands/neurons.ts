import { MAX_TABLE_SUPPORT, UsageError, neuronsReport, readIntModel, type BnnInputEncoding } from '../../api/learn.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption } from '../options.js';
import { EXIT } from '../exit-codes.js';

export const neuronsCommand = defineCommand({
  name: 'neurons',
  summary: 'report every neuron of a model: fan-in, weights, thresholds, support, constant or not, and small neurons\' functions',
  usage: 'MODEL.(onnx|json) [--synth-timeout S] [--basis aig|b2] [--input-encoding binary|bipolar] [--json]',
  description:
    'Reads the model as an integer network (quantized models, or BNN models converted) and lists per neuron (L1.n12: layers and neurons from 1): ' +
    'fan-in (non-zero weights), weight histogram, bias, sorted thresholds, support (the non-constant values it reads), its reachable sum range and whether it is constant there; ' +
    `for neurons over at most ${MAX_TABLE_SUPPORT} input bits, the truth table of each output bit (variable k = k-th support bit, hex MSB-first), its NPN class and its minimum circuit size by exact synthesis ` +
    '(optimal only when proven; "unknown" past the time limit per NPN class).',
  options: {
    'synth-timeout': { type: 'number', help: 'time limit in seconds per exact synthesis (0 = no synthesis)', default: 2, min: 0, metavar: 'S' },
    basis: { type: 'string', help: 'basis of the minimum circuit size', default: 'aig', choices: ['aig', 'b2'] },
    'input-encoding': { type: 'string', help: 'how an ONNX BNN model presents input bits when its metadata does not say', choices: ['binary', 'bipolar'] },
    json: jsonOption('print {model, neurons: [...]}'),
  },
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('neurons: expects one MODEL file');
    const encoding = opts['input-encoding'] as BnnInputEncoding | undefined;
    const { network } = await readIntModel(args[0]!, encoding ? { inputEncoding: encoding } : {});
    const report = await neuronsReport(network, { basis: opts.basis === 'b2' ? 'B2' : 'AIG', synthTimeLimitMs: Math.round(opts['synth-timeout'] * 1000) });
    if (opts.json) {
      printJson(io, { model: args[0], inputs: network.inputs.length, layers: network.layers.length, neurons: report });
      return EXIT.ok;
    }
    const lines: string[] = [`${args[0]}: ${network.inputs.length} inputs, ${network.layers.length} layers, ${report.length} neurons`];
    for (const n of report) {
      const hist = Object.entries(n.weights).map(([w, c]) => `${w}:${c}`).join(' ');
      const th = n.thresholds === null ? 'scores' : `thresholds ${n.thresholds.join(',')}`;
      lines.push(
        `${n.label}: fan-in ${n.fanin} (${hist || 'none'}), bias ${n.bias}, ${th}, support ${n.supportBits} bits, sum in [${n.sumRange[0]}, ${n.sumRange[1]}]${n.constant ? ', CONSTANT' : ''}`,
      );
      for (const f of n.functions ?? []) {
        const size = f.sizeStatus === 'optimal' ? `minimum size ${f.minSize}` : f.sizeStatus === 'feasible' ? `size <= ${f.bestSize} (not proven minimal)` : `size ${f.sizeStatus}`;
        lines.push(`  bit ${f.bit}: table ${f.table}, NPN class ${f.npnClass}, ${size}`);
      }
    }
    io.out(lines.join('\n') + '\n');
    return EXIT.ok;
  },
});
