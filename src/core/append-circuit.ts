/**
 * Copying a circuit's gates, as they are, into a builder that is making a
 * larger circuit.
 */
import type { CircuitBuilder } from './builder.js';
import { gateFanins, type Circuit } from './circuit.js';
import type { GateKind } from './gate.js';
import type { Lit } from './literal.js';

/**
 * Adds every gate of `c` to `b` with its inputs bound to `inputLits` (one per
 * input of `c`) and returns the literals of its outputs. Gate kinds and LUTs
 * are kept, so the copy costs what `c` costs in any basis.
 */
export function appendCircuit(b: CircuitBuilder, c: Circuit, inputLits: readonly Lit[]): Lit[] {
  const map: Lit[] = [0, ...inputLits];
  for (let g = 0; g < c.numGates; g++) {
    const fs = Array.from(gateFanins(c, g), (f) => map[f >>> 1]! ^ (f & 1));
    map.push(b.addGate(c.kinds[g] as GateKind, fs, c.luts.get(g)));
  }
  return Array.from(c.outputs, (o) => map[o >>> 1]! ^ (o & 1));
}
