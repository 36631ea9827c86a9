/** Seeded random circuits with every gate kind, for cross-checks. */
import { CircuitBuilder } from '../../src/core/builder.js';
import type { Circuit } from '../../src/core/circuit.js';
import { gateFanins } from '../../src/core/circuit.js';
import type { GateKind } from '../../src/core/gate.js';
import { createFromFunction } from '../../src/tt/truth-table.js';
import { Rng } from '../../src/util/rng.js';

/** Options of {@link randomCircuit}. */
export interface RandomCircuitOptions {
  minInputs?: number;
  maxInputs?: number;
  maxGates?: number;
  maxOutputs?: number;
  /** Only two-input ANDs (an AIG). */
  aigOnly?: boolean;
}

/** A random circuit (strash off, so duplicates and dangling gates occur). */
export function randomCircuit(seed: number, o: RandomCircuitOptions = {}): Circuit {
  const r = new Rng(seed);
  const b = new CircuitBuilder({ strash: false });
  const lo = o.minInputs ?? 1;
  const n = lo + r.below((o.maxInputs ?? 7) - lo + 1);
  const lits = b.addInputs(n);
  lits.push(0, 1);
  const gates = 1 + r.below(o.maxGates ?? 25);
  for (let g = 0; g < gates; g++) {
    const pick = () => lits[r.below(lits.length)]! ^ r.below(2);
    const kind = o.aigOnly ? 0 : r.below(4);
    const k = kind === 2 ? 3 : o.aigOnly ? 2 : 2 + r.below(3);
    const fs = Array.from({ length: k }, pick);
    const lit = kind === 3 ? b.lut(createFromFunction(k, () => r.below(2) === 1), fs) : b.addGate(kind as GateKind, fs);
    lits.push(lit);
  }
  const outs = 1 + r.below(o.maxOutputs ?? 4);
  for (let j = 0; j < outs; j++) b.addOutput(lits[Math.max(0, lits.length - 1 - r.below(Math.min(lits.length, 6)))]! ^ r.below(2));
  return b.build();
}

/**
 * A copy of `c` with one gate changed: an AND gets a fanin complemented, an
 * XOR becomes XNOR-like through a complemented fanin, a LUT gets one table bit
 * flipped. Returns the mutated circuit and the gate index.
 */
export function mutateOneGate(c: Circuit, seed: number): { circuit: Circuit; gate: number } {
  const r = new Rng(seed);
  const b = new CircuitBuilder({ strash: false });
  const map = new Uint32Array(1 + c.numInputs + c.numGates);
  c.inputNames.forEach((name, i) => (map[i + 1] = b.addInput(name)));
  const gate = c.numGates ? r.below(c.numGates) : -1;
  const first = c.numInputs + 1;
  for (let g = 0; g < c.numGates; g++) {
    const fs = Array.from(gateFanins(c, g), (f) => map[f >>> 1]! ^ (f & 1));
    let lut = c.luts.get(g);
    if (g === gate) {
      if (lut) {
        const bit = r.below(lut.numBits);
        lut = createFromFunction(lut.numVars, (m) => (m === bit ? !lut!.get(m) : lut!.get(m)));
      } else {
        fs[r.below(fs.length)]! ^= 1;
      }
    }
    map[first + g] = b.addGate(c.kinds[g] as GateKind, fs, lut);
  }
  c.outputs.forEach((o, j) => b.addOutput(map[o >>> 1]! ^ (o & 1), c.outputNames[j]));
  return { circuit: b.build(), gate };
}
