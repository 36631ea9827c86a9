/**
 * The "mixed" fixture circuit shared by the DOT, Verilog, SVG and graph tests:
 * every gate kind, 2- and 3-input LUTs (asymmetric ones too), MAJ3 and MAJ5,
 * a constant fanin, and outputs that are inputs, complemented inputs and
 * constants. Built without strash so the structure is exactly as written.
 */
import type { Circuit } from '../../src/core/circuit.js';
import { CircuitBuilder } from '../../src/core/builder.js';
import { GateKind, OPS } from '../../src/core/gate.js';
import { LIT_FALSE, LIT_TRUE } from '../../src/core/literal.js';
import { fromHex } from '../../src/tt/truth-table.js';

export function mixedCircuit(): Circuit {
  const b = new CircuitBuilder({ strash: false });
  const [a, bb, c, d] = b.addInputs(4, ['a', 'b', 'c', 'd']);
  const m = b.addGate(GateKind.Maj, [a!, bb! ^ 1, c!]);
  b.nameGate(m, 'm');
  const mux = b.lut(fromHex('d8', 3), [a!, bb!, c!]);
  const andn = b.op2(OPS.A_AND_NOT_B, m, d!);
  const x3 = b.addGate(GateKind.Xor, [a!, bb!, c!]);
  const k = b.addGate(GateKind.And, [x3, LIT_TRUE]);
  const nor = b.op2(OPS.NOR, c!, d!);
  const nor3 = b.addGate(GateKind.And, [a! ^ 1, bb! ^ 1, c! ^ 1]);
  const maj5 = b.addGate(GateKind.Maj, [a!, bb!, c!, d!, x3]);
  b.nameGate(maj5, 'big "maj"');
  b.addOutput(mux, 'mux');
  b.addOutput(andn ^ 1, 'nandn');
  b.addOutput(k, 'k');
  b.addOutput(a!, 'a_out');
  b.addOutput(d! ^ 1, 'not_d');
  b.addOutput(LIT_FALSE, 'zero');
  b.addOutput(nor, 'nor');
  b.addOutput(nor3, 'nor3');
  b.addOutput(maj5, 'maj5');
  return b.build();
}

