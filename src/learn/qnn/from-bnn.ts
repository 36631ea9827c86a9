/**
 * A binarized network (bnn/network.ts) as an integer network, so BNN models
 * go through the neuron-by-neuron extraction too. A BNN neuron's bit is 1 iff
 * bias + sum w_j x_j >= 0: one threshold at 0; a `sign` layer outputs a
 * bipolar value, a `step` layer a 1-bit unsigned one; binary inputs are 1-bit
 * unsigned values, bipolar inputs bipolar values. The last layer's bits are
 * the outputs (`--output bits`); there are no scores.
 */
import { validateBnn, type BnnNetwork } from '../bnn/network.js';
import type { IntNetwork, ValueCode } from './network.js';

/** The integer network of a BNN (same function, bit for bit). */
export function bnnToIntNetwork(net: BnnNetwork): IntNetwork {
  validateBnn(net);
  const inputCode: ValueCode = net.inputEncoding === 'bipolar' ? { kind: 'bipolar' } : { kind: 'unsigned', bits: 1 };
  const width = net.layers[net.layers.length - 1]!.bias.length;
  return {
    inputs: Array.from({ length: net.inputs }, (_, j) => ({ name: net.inputNames?.[j] ?? `x${j}`, code: inputCode })),
    layers: net.layers.map((layer, l) => ({
      source: `layers[${l}]`,
      weights: layer.weights.map((row) => row.map((w) => BigInt(w))),
      bias: layer.bias.map((c) => BigInt(c)),
      activation: {
        kind: 'thresholds',
        code: layer.activation === 'sign' ? { kind: 'bipolar' } : { kind: 'unsigned', bits: 1 },
        thresholds: layer.bias.map(() => [0n]),
      },
    })),
    outputNames: Array.from({ length: width }, (_, k) => net.outputNames?.[k] ?? `y${k}`),
    argmax: { valid: false, reason: 'a binarized network outputs bits, not scores' },
  };
}
