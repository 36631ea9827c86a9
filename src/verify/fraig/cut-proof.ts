/**
 * Proving two AIG nodes equal without SAT, over a small common cut.
 *
 * The union of both cones is expanded from the top, always replacing the
 * frontier node with the highest number by its fanins (node numbers are
 * topological, so every frontier is a cut of both nodes). The deepest
 * frontier with at most `maxLeaves` nodes is kept, the cone above it is
 * simulated exhaustively over the cut, and equal truth tables prove the nodes
 * equal (the leaves may be correlated, so unequal tables prove nothing --
 * unless every leaf is a primary input or the constant, when the differing
 * minterm is a counterexample).
 *
 * Most equivalences between a circuit and a rewrite of it (ABC's `dc2`,
 * `resyn2`) are local, so this settles most sweeping queries in microseconds
 * instead of a SAT call each.
 */

/** The answer of {@link CutProver.prove}. */
export type CutProof =
  | { readonly kind: 'equal' }
  /** Differ for these values of these primary inputs (node numbers 1..numInputs). */
  | { readonly kind: 'different'; readonly inputs: readonly number[]; readonly values: readonly boolean[] }
  | { readonly kind: 'unknown' };

const UNKNOWN: CutProof = Object.freeze({ kind: 'unknown' });
const EQUAL: CutProof = Object.freeze({ kind: 'equal' });

/** Projections of variables 0..4 within one 32-bit word. */
const PROJECTION = [0xaaaaaaaa, 0xcccccccc, 0xf0f0f0f0, 0xff00ff00, 0xffff0000];

/**
 * Cut-based equality checks on a graph given by fanin arrays (`f0[v]`,
 * `f1[v]` are the fanin literals of gate node v; nodes below `first` are the
 * constant and the inputs). The arrays are read at each call, so the graph
 * may grow between calls as long as the nodes involved are filled in.
 */
export class CutProver {
  private readonly front: number[] = [];
  private readonly interior: number[] = [];
  private readonly best: number[] = [];
  private readonly slot: Int32Array;
  private values: Uint32Array;

  constructor(
    n: number,
    private readonly first: number,
    private readonly f0: Uint32Array,
    private readonly f1: Uint32Array,
    private readonly maxLeaves = 10,
    private readonly maxInterior = 120,
  ) {
    this.slot = new Int32Array(n);
    this.values = new Uint32Array(0);
  }

  /** Whether literals `a` and `b` are equal (proved over a cut), different (on primary inputs), or unknown. */
  prove(a: number, b: number): CutProof {
    const va = a >>> 1, vb = b >>> 1;
    if (va === vb) return a === b ? EQUAL : UNKNOWN;
    const front = this.front, interior = this.interior, best = this.best;
    front.length = 0;
    interior.length = 0;
    best.length = 0;
    front.push(va, vb);
    let bestInterior = -1;
    const first = this.first, f0 = this.f0, f1 = this.f1;
    for (;;) {
      let k = -1;
      for (let i = 0; i < front.length; i++) if (front[i]! >= first && (k < 0 || front[i]! > front[k]!)) k = i;
      if (k < 0) break; // every leaf is an input or the constant
      const u = front[k]!;
      front[k] = front[front.length - 1]!;
      front.pop();
      interior.push(u);
      const x = f0[u]! >>> 1, y = f1[u]! >>> 1;
      if (!front.includes(x)) front.push(x);
      if (y !== x && !front.includes(y)) front.push(y);
      if (front.length <= this.maxLeaves) {
        bestInterior = interior.length;
        best.length = 0;
        for (const f of front) best.push(f);
      } else if (front.length > this.maxLeaves + 6 || interior.length >= this.maxInterior) break;
    }
    if (bestInterior < 0) return UNKNOWN;
    return this.compare(a, b, bestInterior);
  }

  /** Simulates the first `count` interior nodes over the leaves in `best` and compares a with b. */
  private compare(a: number, b: number, count: number): CutProof {
    const leaves = this.best;
    const k = leaves.length;
    const w = k <= 5 ? 1 : 1 << (k - 5);
    const need = (k + count) * w;
    if (this.values.length < need) this.values = new Uint32Array(Math.max(need, 2 * this.values.length));
    const vals = this.values;
    const slot = this.slot;
    let allInputs = true;
    for (let i = 0; i < k; i++) {
      const v = leaves[i]!;
      slot[v] = i * w;
      const base = i * w;
      if (v === 0) {
        vals.fill(0, base, base + w);
        continue;
      }
      if (v >= this.first) allInputs = false;
      if (i < 5) {
        const p = PROJECTION[i]!;
        for (let j = 0; j < w; j++) vals[base + j] = p;
      } else {
        const shift = i - 5;
        for (let j = 0; j < w; j++) vals[base + j] = (j >>> shift) & 1 ? 0xffffffff : 0;
      }
    }
    // interior nodes were expanded in decreasing order: evaluate them backwards
    const interior = this.interior;
    let next = k;
    for (let t = count - 1; t >= 0; t--) {
      const u = interior[t]!;
      const x = this.f0[u]!, y = this.f1[u]!;
      const px = slot[x >>> 1]!, py = slot[y >>> 1]!;
      const mx = -(x & 1), my = -(y & 1);
      const out = next++ * w;
      slot[u] = out;
      for (let j = 0; j < w; j++) vals[out + j] = (vals[px + j]! ^ mx) & (vals[py + j]! ^ my);
    }
    const pa = slot[a >>> 1]!, pb = slot[b >>> 1]!;
    const ma = -(a & 1), mb = -(b & 1);
    for (let j = 0; j < w; j++) {
      const d = (vals[pa + j]! ^ ma ^ vals[pb + j]! ^ mb) >>> 0;
      if (d === 0) continue;
      if (!allInputs) return UNKNOWN;
      const minterm = j * 32 + (31 - Math.clz32(d & -d));
      const inputs: number[] = [], values: boolean[] = [];
      leaves.forEach((v, i) => {
        if (v === 0) return;
        inputs.push(v);
        values.push(((minterm >>> i) & 1) === 1);
      });
      return { kind: 'different', inputs, values };
    }
    return EQUAL;
  }
}
