/**
 * The reduced graph of a SAT sweep: every node of an AIG points to the
 * representative it was merged into, and each representative gate is rebuilt
 * over its fanins' representatives and looked up in a structural hash table
 * (a hit is a merge for free, as in ABC's fraig).
 */
import type { Circuit } from '../../core/circuit.js';
import { InternalError } from '../../errors.js';
import { PairMap } from '../../util/pair-map.js';
import { AigStrash } from '../aig-strash.js';
import type { FraigStats } from './params.js';

/**
 * An AIG (two-input ANDs only) under merges. Nodes are numbered as in the
 * AIG: 0 the constant, 1..numInputs the inputs, then the gates (`first` is
 * the first gate); literals are 2 * node + complement.
 */
export class ReducedGraph {
  /** Number of nodes, and the first gate node. */
  readonly n: number;
  readonly first: number;
  /** Fanin literals of gate g (node first + g) in the AIG. */
  readonly f0: Uint32Array;
  readonly f1: Uint32Array;
  /** repr[v] = literal of the node v was merged into, or 2*v for a representative. */
  readonly repr: Uint32Array;
  /** Fanins (root literals) of representative gates, set when the gate is rebuilt. */
  readonly rf0: Uint32Array;
  readonly rf1: Uint32Array;
  private readonly processed: Uint8Array;
  private readonly table = new PairMap();

  /** Throws InternalError when `aig` has a gate other than a two-input AND. */
  constructor(
    private readonly aig: Circuit,
    private readonly stats: FraigStats,
  ) {
    const n = (this.n = 1 + aig.numInputs + aig.numGates);
    this.first = aig.numInputs + 1;
    this.f0 = new Uint32Array(aig.numGates);
    this.f1 = new Uint32Array(aig.numGates);
    for (let g = 0; g < aig.numGates; g++) {
      if (aig.faninStart[g + 1]! - aig.faninStart[g]! !== 2 || aig.kinds[g] !== 0) throw new InternalError('internal error: sweep: the circuit is not an AIG');
      this.f0[g] = aig.fanins[aig.faninStart[g]!]!;
      this.f1[g] = aig.fanins[aig.faninStart[g]! + 1]!;
    }
    this.repr = new Uint32Array(n);
    for (let v = 0; v < n; v++) this.repr[v] = 2 * v;
    this.rf0 = new Uint32Array(n);
    this.rf1 = new Uint32Array(n);
    this.processed = new Uint8Array(n);
    this.processed.fill(1, 0, this.first);
  }

  /** Root literal of a literal (through proved merges). */
  root(lit: number): number {
    let l = lit;
    while (this.repr[l >>> 1] !== (l & ~1)) l = this.repr[l >>> 1]! ^ (l & 1);
    return l;
  }

  /** Whether node v is a representative (merged into nothing). */
  isRoot(v: number): boolean {
    return this.repr[v] === 2 * v;
  }

  /** Merges node v into literal `lit` (a root of an earlier node). */
  mergeInto(v: number, lit: number): void {
    this.repr[v] = lit;
  }

  /** Rebuilds gate v over its fanins' roots (once): folds trivial ANDs and merges structural duplicates. */
  rebuild(v: number): void {
    if (this.processed[v]) return;
    this.processed[v] = 1;
    const g = v - this.first;
    let a = this.root(this.f0[g]!), b = this.root(this.f1[g]!);
    if (a > b) [a, b] = [b, a];
    let to = -1;
    if (a === 0 || a === (b ^ 1)) to = 0;
    else if (a === 1 || a === b) to = b;
    else {
      const hit = this.table.get(a, b);
      if (hit !== undefined) to = 2 * hit;
      else this.table.set(a, b, v);
    }
    if (to >= 0) {
      this.repr[v] = to;
      this.stats.strashMerged++;
      return;
    }
    this.rf0[v] = a;
    this.rf1[v] = b;
  }

  /**
   * The reduced graph restricted to the cones of `lits`: every node replaced by
   * its representative, rebuilt with structural hashing (merges can expose
   * new structural duplicates above them). All primary inputs are kept, with
   * their numbers, so a counterexample of the reduced graph is one of this
   * one. Returns the new AIG and the literals of `lits` in it.
   */
  extract(lits: readonly number[]): { circuit: Circuit; lits: number[] } {
    const s = new AigStrash(this.aig.numInputs, this.aig.numGates);
    const map = new Uint32Array(this.n);
    for (let v = 1; v < this.first; v++) map[v] = s.input(v - 1);
    for (let v = this.first; v < this.n; v++) {
      this.rebuild(v);
      const r = this.repr[v]!;
      if (r !== 2 * v) {
        // merged into an earlier node (or a constant), already mapped
        map[v] = map[r >>> 1]! ^ (r & 1);
        continue;
      }
      const a = this.rf0[v]!, b = this.rf1[v]!;
      map[v] = s.and(map[a >>> 1]! ^ (a & 1), map[b >>> 1]! ^ (b & 1));
    }
    return s.extract(
      lits.map((l) => map[l >>> 1]! ^ (l & 1)),
      this.aig.inputNames,
    );
  }
}
