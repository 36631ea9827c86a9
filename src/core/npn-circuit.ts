/**
 * An NPN transform applied to a circuit: the circuit of applyNpn(f, t) from a
 * circuit of f, by rewiring its inputs (permuted, complemented) and
 * complementing its outputs. Gates are copied as they are, so in every basis
 * whose cost model makes complemented edges and output negations free
 * (all of them under the default model, src/core/cost.ts) the size is unchanged.
 */
import { CircuitBuilder } from './builder.js';
import { gateFanins, type Circuit } from './circuit.js';
import { GateKind } from './gate.js';
import { UsageError } from '../errors.js';
import type { NpnTransform } from '../tt/npn.js';

/**
 * The circuit computing `applyNpn(f_j, t)` for each output f_j of `c`
 * (see the transform semantics in src/tt/npn.ts): input i of `c` is fed by
 * new input `t.perm[i]`, complemented when bit i of `t.inputNegations` is
 * set, and every output is complemented when `t.outputNegation` is.
 * @throws UsageError when the transform's arity is not the circuit's.
 */
export function applyNpnToCircuit(c: Circuit, t: NpnTransform, names: { readonly inputNames?: readonly string[]; readonly outputNames?: readonly string[] } = {}): Circuit {
  if (t.perm.length !== c.numInputs) throw new UsageError(`NPN transform on ${t.perm.length} inputs for a circuit of ${c.numInputs}`, 'bad-transform');
  const b = new CircuitBuilder({ strash: false });
  const newInputs = b.addInputs(c.numInputs, names.inputNames ?? c.inputNames);
  const map = new Int32Array(1 + c.numInputs + c.numGates);
  for (let i = 0; i < c.numInputs; i++) map[i + 1] = newInputs[t.perm[i]!]! ^ ((t.inputNegations >>> i) & 1);
  for (let g = 0; g < c.numGates; g++) {
    const fs = Array.from(gateFanins(c, g), (f) => map[f >>> 1]! ^ (f & 1));
    map[c.numInputs + 1 + g] = b.addGate(c.kinds[g] as GateKind, fs, c.luts.get(g));
  }
  const neg = t.outputNegation ? 1 : 0;
  c.outputs.forEach((o, j) => b.addOutput(map[o >>> 1]! ^ (o & 1) ^ neg, names.outputNames?.[j] ?? c.outputNames[j]));
  return b.build();
}
