/**
 * Circuit identity up to isomorphism, for counting how many different
 * circuits the seeds find.
 *
 * "Isomorphic" here means: equal after renumbering gates, with inputs and
 * outputs kept in place, where (as in the B2 cost model) a gate may be
 * replaced by its complement with the complement absorbed by its readers, and
 * the two fanins of a gate may be swapped. Each node gets an id from a shared
 * intern table keyed by (op with fanin polarities folded in, fanin ids),
 * bottom up; the circuit's key lists its outputs' ids and polarities. Two
 * circuits without dangling gates in which no two gates are equal up to
 * complement (as extraction leaves them) get equal keys exactly when they are
 * isomorphic in this sense; for other circuits equal keys say less. It is
 * not functional equivalence, and it does not identify circuits that differ
 * by an input permutation.
 */
import { gateFanins, type Circuit } from '../core/circuit.js';
import { GateKind, opNegateFirst, opNegateSecond, opSwap } from '../core/gate.js';
import { UsageError } from '../errors.js';

/** Interns node structures across circuits; one table per comparison. */
export class IsomorphismTable {
  private readonly ids = new Map<string, number>();

  /** Canonical key of a circuit of two-input gates (LUT2, AND2, XOR2; complemented edges allowed). */
  key(c: Circuit): string {
    // per node: [intern id, polarity]; node 0 is constant false, inputs are themselves
    const id = new Int32Array(1 + c.numInputs + c.numGates);
    const pol = new Uint8Array(id.length);
    for (let i = 0; i <= c.numInputs; i++) id[i] = -1 - i;
    for (let g = 0; g < c.numGates; g++) {
      const fs = gateFanins(c, g);
      if (fs.length !== 2) throw new UsageError(`isomorphism keys need two-input gates; gate ${g} has ${fs.length}`, 'unsupported');
      let op: number;
      const kind = c.kinds[g] as GateKind;
      if (kind === GateKind.And) op = 0x8;
      else if (kind === GateKind.Xor) op = 0x6;
      else if (kind === GateKind.Lut) op = c.luts.get(g)!.words[0]! & 15;
      else throw new UsageError(`isomorphism keys need two-input gates; gate ${g} is a MAJ`, 'unsupported');
      const a = fs[0]!, b = fs[1]!;
      if ((a & 1) ^ pol[a >>> 1]!) op = opNegateFirst(op);
      if ((b & 1) ^ pol[b >>> 1]!) op = opNegateSecond(op);
      let ia = id[a >>> 1]!, ib = id[b >>> 1]!;
      if (ia > ib) {
        [ia, ib] = [ib, ia];
        op = opSwap(op);
      }
      const flip = op & 1;
      if (flip) op ^= 15;
      const k = `${op.toString(16)}:${ia}:${ib}`;
      let v = this.ids.get(k);
      if (v === undefined) this.ids.set(k, (v = this.ids.size));
      id[c.numInputs + 1 + g] = v;
      pol[c.numInputs + 1 + g] = flip;
    }
    return Array.from(c.outputs, (o) => `${id[o >>> 1]}${(o & 1) ^ pol[o >>> 1]! ? '~' : ''}`).join(',');
  }
}
