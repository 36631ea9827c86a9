/**
 * A second, deliberately naive circuit for a network, used as the
 * reference when the network has too many inputs to enumerate: each neuron
 * accumulates bias + sum_j w_j x_j in two's complement with ripple-carry
 * adders, straight from the raw weights and encodings (no folding of
 * negative weights, no gcd, no carry-save compression), and outputs
 * "accumulator >= 0". It shares no code with threshold-circuit.ts, so the
 * equivalence of the two circuits (proved by checkEquivalence) is evidence
 * about the network itself, not about one construction agreeing with itself.
 */
import { CircuitBuilder } from '../../core/builder.js';
import type { Circuit } from '../../core/circuit.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from '../../core/literal.js';
import type { BnnNetwork } from './network.js';

/** The reference circuit of `net` (inputs and outputs in network order). */
export function referenceCircuit(net: BnnNetwork): Circuit {
  const b = new CircuitBuilder({ strash: true });
  let signals: Lit[] = Array.from({ length: net.inputs }, (_, j) => b.addInput(net.inputNames?.[j]));
  let bipolar = net.inputEncoding === 'bipolar';
  for (const layer of net.layers) {
    signals = layer.weights.map((row, i) => neuronByRipple(b, signals, row, layer.bias[i]!, bipolar));
    bipolar = layer.activation === 'sign';
  }
  signals.forEach((lit, k) => b.addOutput(lit, net.outputNames?.[k]));
  return b.build();
}

function neuronByRipple(b: CircuitBuilder, xs: readonly Lit[], weights: readonly number[], bias: number, bipolar: boolean): Lit {
  const bound = Math.abs(bias) + weights.reduce((s, w) => s + Math.abs(w), 0);
  const width = BigInt(bound.toString(2).length + 1);
  const bitsOf = (v: number): Lit[] => {
    const u = BigInt.asUintN(Number(width), BigInt(v));
    return Array.from({ length: Number(width) }, (_, k) => ((u >> BigInt(k)) & 1n ? LIT_TRUE : LIT_FALSE));
  };
  let acc = bitsOf(bias);
  weights.forEach((w, j) => {
    if (w === 0) return;
    const whenOne = bitsOf(w);
    const whenZero = bitsOf(bipolar ? -w : 0);
    const x = xs[j]!;
    const operand = whenOne.map((one, k) => (one === whenZero[k] ? one : one === LIT_TRUE ? x : x ^ 1));
    let carry: Lit = LIT_FALSE;
    acc = acc.map((a, k) => {
      const o = operand[k]!;
      const t = b.xor(a, o);
      const s = b.xor(t, carry);
      carry = b.or(b.and(a, o), b.and(t, carry));
      return s;
    });
  });
  return acc[acc.length - 1]! ^ 1;
}
