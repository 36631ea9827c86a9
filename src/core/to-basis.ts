/**
 * Basis conversion: a circuit rewritten with only the gates of a basis
 * (what `improve` and `census-windows` work on).
 */
import { UsageError } from '../errors.js';
import type { BasisName } from './basis.js';
import { CircuitBuilder } from './builder.js';
import { gateFanins, type Circuit } from './circuit.js';
import { cleanup } from './cleanup.js';
import { GateKind, opIsAndType, opIsXorType } from './gate.js';
import type { Lit } from './literal.js';
import { appendAig, balancedTree, toAig } from './to-aig.js';

/**
 * The circuit brought into `basis`: for AIG and U2 an AIG (complemented
 * edges are free in AIG and absorbed into ops in U2); for B2 and XAIG n-ary
 * ANDs and XORs become trees of two-input gates, two-input LUTs stay (in
 * XAIG only AND- and XOR-type ones), everything else is decomposed into ANDs.
 * Structurally hashed, dangling gates dropped; names of inputs and outputs kept.
 */
export function toBasis(c: Circuit, basis: BasisName): Circuit {
  if (basis === 'MIG') throw new UsageError('improve does not support the MIG basis', 'unsupported');
  if (basis === 'AIG' || basis === 'U2') return toAig(c);
  const b = new CircuitBuilder({ strash: true });
  const map = new Uint32Array(1 + c.numInputs + c.numGates);
  for (let i = 0; i < c.numInputs; i++) map[i + 1] = b.addInput(c.inputNames[i]);
  const first = c.numInputs + 1;
  for (let g = 0; g < c.numGates; g++) {
    const fs = Array.from(gateFanins(c, g), (f) => map[f >>> 1]! ^ (f & 1));
    const kind = c.kinds[g] as GateKind;
    let lit: Lit;
    if (kind === GateKind.And) lit = balancedTree(fs, (x, y) => b.and(x, y));
    else if (kind === GateKind.Xor) lit = balancedTree(fs, (x, y) => b.xor(x, y));
    else if (kind === GateKind.Lut && fs.length === 2 && (basis === 'B2' || opFitsXaig(c.luts.get(g)!.words[0]! & 15))) {
      lit = b.lut(c.luts.get(g)!, fs);
    } else {
      // one gate as a circuit of its own, decomposed into ANDs
      const one = new CircuitBuilder({ strash: false });
      const ins = one.addInputs(fs.length);
      one.addOutput(one.addGate(kind, ins, c.luts.get(g)));
      lit = appendAig(b, one.build(), fs)[0]!;
    }
    map[first + g] = lit;
  }
  c.outputs.forEach((o, j) => b.addOutput(map[o >>> 1]! ^ (o & 1), c.outputNames[j]));
  return cleanup(b.build());
}

/** Whether a 2-input op is one XAIG gate (an AND or XOR with negations). */
function opFitsXaig(op: number): boolean {
  return opIsAndType(op) || opIsXorType(op);
}
