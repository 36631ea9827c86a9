/**
 * A structurally hashed AIG built on typed arrays: two-input ANDs only, an
 * open-addressing hash table, no allocation per node. Combining two EPFL
 * circuits (up to ~430k ANDs) through the general CircuitBuilder spent more
 * time in allocation and garbage collection than the whole equivalence check
 * of a small pair; this does the same job for the AIG case.
 */
import type { Circuit } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { hashPair } from '../util/pair-map.js';

/** An AIG under construction; node numbering as in circuit.ts (0 constant, 1..numInputs inputs). */
export class AigStrash {
  private f0: Uint32Array;
  private f1: Uint32Array;
  private gates = 0;
  private table: Int32Array;
  private mask: number;

  constructor(
    readonly numInputs: number,
    capacity: number,
  ) {
    this.f0 = new Uint32Array(Math.max(16, capacity));
    this.f1 = new Uint32Array(Math.max(16, capacity));
    let size = 64;
    while (size < 2 * capacity) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** Number of AND gates so far. */
  get numGates(): number {
    return this.gates;
  }

  /** Literal of input i (0-based). */
  input(i: number): number {
    return 2 * (i + 1);
  }

  /** AND of two literals, folding constants and trivial cases and reusing an existing gate. */
  and(x: number, y: number): number {
    let a = x, b = y;
    if (a > b) [a, b] = [b, a];
    if (a === 0) return 0;
    if (a === 1) return b;
    if (a === b) return a;
    if (a === (b ^ 1)) return 0;
    const first = this.numInputs + 1;
    let h = hashPair(a, b) & this.mask;
    for (;;) {
      const g = this.table[h]!;
      if (g < 0) break;
      if (this.f0[g] === a && this.f1[g] === b) return 2 * (first + g);
      h = (h + 1) & this.mask;
    }
    if (this.gates === this.f0.length) this.grow();
    const g = this.gates++;
    this.f0[g] = a;
    this.f1[g] = b;
    this.table[h] = g;
    if (2 * this.gates > this.table.length) this.rehash();
    return 2 * (first + g);
  }

  /**
   * Appends an AIG circuit (every gate a two-input AND) with its inputs bound
   * to `inputLits` and returns the literals of its outputs. Gates no output
   * needs are skipped.
   */
  append(c: Circuit, inputLits: readonly number[]): number[] {
    const first = c.numInputs + 1;
    const live = new Uint8Array(first + c.numGates);
    for (const o of c.outputs) live[o >>> 1] = 1;
    const { fanins, faninStart } = c;
    for (let g = c.numGates - 1; g >= 0; g--) {
      if (!live[first + g]) continue;
      const s = faninStart[g]!;
      live[fanins[s]! >>> 1] = 1;
      live[fanins[s + 1]! >>> 1] = 1;
    }
    const map = new Uint32Array(first + c.numGates);
    for (let i = 0; i < c.numInputs; i++) map[i + 1] = inputLits[i]!;
    for (let g = 0; g < c.numGates; g++) {
      if (!live[first + g]) continue;
      const s = faninStart[g]!;
      const x = fanins[s]!, y = fanins[s + 1]!;
      map[first + g] = this.and(map[x >>> 1]! ^ (x & 1), map[y >>> 1]! ^ (y & 1));
    }
    return Array.from(c.outputs, (o) => map[o >>> 1]! ^ (o & 1));
  }

  /**
   * The circuit of the cones of `roots` (all inputs kept, gates renumbered in
   * order) and the new literal of each root.
   */
  extract(roots: readonly number[], inputNames: readonly string[]): { circuit: Circuit; lits: number[] } {
    const first = this.numInputs + 1;
    const n = this.gates;
    const live = new Uint8Array(n);
    for (const r of roots) if (r >>> 1 >= first) live[(r >>> 1) - first] = 1;
    for (let g = n - 1; g >= 0; g--) {
      if (!live[g]) continue;
      const a = this.f0[g]! >>> 1, b = this.f1[g]! >>> 1;
      if (a >= first) live[a - first] = 1;
      if (b >= first) live[b - first] = 1;
    }
    let kept = 0;
    for (let g = 0; g < n; g++) kept += live[g]!;
    const map = new Uint32Array(first + n);
    for (let v = 0; v < first; v++) map[v] = 2 * v;
    const fanins = new Uint32Array(2 * kept);
    let k = 0;
    for (let g = 0; g < n; g++) {
      if (!live[g]) continue;
      const a = this.f0[g]!, b = this.f1[g]!;
      fanins[2 * k] = map[a >>> 1]! ^ (a & 1);
      fanins[2 * k + 1] = map[b >>> 1]! ^ (b & 1);
      map[first + g] = 2 * (first + k);
      k++;
    }
    const lits = roots.map((r) => map[r >>> 1]! ^ (r & 1));
    const circuit: Circuit = {
      numInputs: this.numInputs,
      numGates: kept,
      kinds: new Uint8Array(kept).fill(GateKind.And),
      faninStart: Uint32Array.from({ length: kept + 1 }, (_, g) => 2 * g),
      fanins,
      luts: new Map(),
      outputs: Uint32Array.from(lits),
      inputNames: [...inputNames],
      outputNames: lits.map((_, j) => `o${j}`),
      gateNames: new Map(),
    };
    return { circuit, lits };
  }

  private grow(): void {
    const f0 = new Uint32Array(2 * this.f0.length), f1 = new Uint32Array(2 * this.f1.length);
    f0.set(this.f0);
    f1.set(this.f1);
    this.f0 = f0;
    this.f1 = f1;
  }

  private rehash(): void {
    const size = 2 * this.table.length;
    const table = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let g = 0; g < this.gates; g++) {
      let h = hashPair(this.f0[g]!, this.f1[g]!) & mask;
      while (table[h]! >= 0) h = (h + 1) & mask;
      table[h] = g;
    }
    this.table = table;
    this.mask = mask;
  }
}
