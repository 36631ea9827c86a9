/**
 * Exact synthesis with three-input gates (SSV-style, Kojevnikov-Kulikov-
 * Yaroslavtsev 2009 with k-input operators as in Haaswijk et al., ISMVL 2017,
 * and majority gates as in Soeken et al., "Exact synthesis of majority-
 * inverter graphs and its applications", TCAD 2017):
 *
 * - MIG: each gate is MAJ of three nodes with complemented edges (free);
 *   LUT3: each gate is any function of three nodes.
 * - Nodes: 0 is the constant 0 (so MAJ(a, b, 0) = AND and a LUT3 reading it
 *   is a two-input gate), 1..n the inputs, n+1+i gate i. `s[i][p]`: gate i
 *   reads the node triple p (j < k < l, colex order); `f[i][a+2b+4c]` its op;
 *   outputs and their (free) polarities as in ssv.ts.
 *
 * Symmetry breaking (switches as for ssv; each keeps a minimum circuit):
 * - normal: both op sets are closed under complementing any input and the
 *   output (MAJ(!a,!b,!c) = !MAJ(a,b,c)), so a gate with op(0,0,0) = 1 is
 *   complemented and the complement absorbed by its readers and outputs;
 * - allUsed, noDuplicates: an unread gate or a second gate with the same
 *   triple and op could be removed;
 * - colex: reordering gates that do not read each other (greedy by least
 *   colex triple, as in ssv.ts): a gate not reading the previous gate has a
 *   triple >= the previous gate's. Both op sets are closed under permuting
 *   the inputs, so sorting a gate's triple keeps it in the basis.
 * The other switches do not apply.
 */
import { CircuitBuilder } from '../../core/builder.js';
import type { Circuit } from '../../core/circuit.js';
import { LIT_FALSE, type Lit } from '../../core/literal.js';
import { UsageError } from '../../errors.js';
import { atMostK } from '../../sat/cardinality.js';
import type { Cnf } from '../../sat/types.js';
import { careOf, type FunctionSpec } from '../../tt/spec.js';
import { fromWords } from '../../tt/truth-table.js';
import { DEFAULT_SYMMETRY_BREAKING, type EncodedInstance, type Encoder, type SymmetryBreaking, type SynthesisQuery } from '../types.js';
import type { ReducedSpec } from '../reduce-spec.js';
import { careRows, outputIsTrivial } from './ssv.js';
import { withDefaults } from '../../util/with-defaults.js';

/** MAJ(a ^ (c & 1), b ^ (c >> 1 & 1), c3 ^ (c >> 2 & 1)) ^ neg as an 8-bit table over (a, b, c3). */
function majOp(c: number, neg: boolean): number {
  let r = 0;
  for (let m = 0; m < 8; m++) {
    const x = (m ^ c) & 7;
    const maj = (x & 1) + ((x >> 1) & 1) + ((x >> 2) & 1) >= 2 ? 1 : 0;
    r |= (maj ^ (neg ? 1 : 0)) << m;
  }
  return r;
}

/** The 8 majority ops with complemented inputs (complementing the output gives the same set). */
export const MAJ_OPS: readonly number[] = [...new Set(Array.from({ length: 8 }, (_, c) => majOp(c, false)))].sort((a, b) => a - b);

class KGateInstance implements EncodedInstance {
  readonly label: string;
  private readonly clauses: Int32Array[] = [];
  private nv = 0;
  private readonly n: number;
  private readonly r: number;
  private readonly m: number;
  private readonly sb: SymmetryBreaking;
  private readonly triples: (readonly [number, number, number])[] = [];
  private readonly sel: Int32Array[] = [];
  /** opv[i][bit]; 0 = fixed to 0 (normal gates, bit 0). */
  private readonly opv: Int32Array[] = [];
  private readonly outv: Int32Array[] = [];
  private readonly pol: number[] = [];

  constructor(
    private readonly spec: FunctionSpec,
    private readonly mig: boolean,
    size: number,
    sbIn: Partial<SymmetryBreaking> | undefined,
    rows: readonly number[],
  ) {
    this.n = spec.numInputs;
    this.r = size;
    this.m = spec.outputs.length;
    this.sb = withDefaults(DEFAULT_SYMMETRY_BREAKING, sbIn);
    this.label = `kgate ${mig ? 'mig' : 'lut3'} r=${size}`;
    // node triples in colex order: those over the first N nodes come first
    const maxNodes = this.n + 1 + size;
    for (let l = 2; l < maxNodes; l++) for (let k = 1; k < l; k++) for (let j = 0; j < k; j++) this.triples.push([j, k, l]);
    this.build();
    for (const t of rows) this.addRow(t);
  }

  get cnf(): Cnf {
    return { numVars: this.nv, clauses: this.clauses };
  }

  private newVar(): number {
    return ++this.nv;
  }

  private add(lits: readonly number[]): void {
    this.clauses.push(Int32Array.from(lits));
  }

  private fixedOutput(): boolean {
    return this.sb.allUsed && this.m === 1;
  }

  /** Number of triples over the nodes available to gate i. */
  private numTriples(i: number): number {
    const N = this.n + 1 + i;
    return (N * (N - 1) * (N - 2)) / 6;
  }

  private opIs(i: number, op: number): number[] {
    const lits: number[] = [];
    const fv = this.opv[i]!;
    for (let bit = 0; bit < 8; bit++) if (fv[bit] !== 0) lits.push((op >> bit) & 1 ? fv[bit]! : -fv[bit]!);
    return lits;
  }

  private build(): void {
    const { n, r, m, sb } = this;
    if (m > 0 && r === 0) this.add([]);
    for (let h = 0; h < m; h++) {
      if (outputIsTrivial(this.spec, h)) throw new UsageError(`kgate: output ${h} is a constant or a literal on its care set; the driver handles such outputs`, 'trivial-output');
    }
    const sink = { newVar: () => this.newVar(), addClause: (l: ArrayLike<number>) => this.clauses.push(Int32Array.from(l)) };
    const allowed = this.mig ? new Set(MAJ_OPS) : undefined;
    for (let i = 0; i < r; i++) {
      const s = new Int32Array(this.numTriples(i));
      for (let p = 0; p < s.length; p++) s[p] = this.newVar();
      this.sel.push(s);
      this.add(Array.from(s));
      atMostK(sink, Array.from(s), 1);
      const f = new Int32Array(8);
      for (let bit = sb.normal ? 1 : 0; bit < 8; bit++) f[bit] = this.newVar();
      this.opv.push(f);
      if (allowed !== undefined) {
        for (let op = 0; op < 256; op++) {
          if (sb.normal && op & 1) continue;
          if (!allowed.has(op)) this.add(this.opIs(i, op).map((x) => -x));
        }
      }
    }
    for (let h = 0; h < m; h++) {
      const g = new Int32Array(r);
      if (!this.fixedOutput()) {
        for (let i = 0; i < r; i++) g[i] = this.newVar();
        this.add(Array.from(g));
        atMostK(sink, Array.from(g), 1);
      }
      this.outv.push(g);
      const care0 = careOf(this.spec, h) === undefined || careOf(this.spec, h)!.get(0);
      if (sb.normal && care0) this.pol.push(this.spec.outputs[h]!.get(0) ? -2 : -1);
      else this.pol.push(this.newVar());
    }
    if (sb.allUsed) {
      for (let i = 0; i < r; i++) {
        if (this.fixedOutput() && i === r - 1) continue;
        const lits: number[] = [];
        if (!this.fixedOutput()) for (let h = 0; h < m; h++) lits.push(this.outv[h]![i]!);
        const node = n + 1 + i;
        for (let i2 = i + 1; i2 < r; i2++) this.sel[i2]!.forEach((s, p) => { if (this.triples[p]!.includes(node)) lits.push(s); });
        this.add(lits);
      }
    }
    if (sb.noDuplicates) {
      for (let i = 0; i < r; i++) {
        for (let i2 = i + 1; i2 < r; i2++) {
          for (let p = 0; p < this.numTriples(i); p++) {
            // same triple: the ops differ in some bit (d -> x != y)
            const diffs: number[] = [];
            for (let bit = 0; bit < 8; bit++) {
              const x = this.opv[i]![bit]!, y = this.opv[i2]![bit]!;
              if (x === 0) continue;
              const d = this.newVar();
              this.add([-d, x, y]);
              this.add([-d, -x, -y]);
              diffs.push(d);
            }
            this.add([-this.sel[i]![p]!, -this.sel[i2]![p]!, ...diffs]);
          }
        }
      }
    }
    if (sb.colex) {
      for (let i = 0; i + 1 < r; i++) {
        const pi = this.numTriples(i);
        for (let p = 0; p < pi; p++) {
          const lits = [-this.sel[i + 1]![p]!];
          for (let q = 0; q <= p; q++) lits.push(this.sel[i]![q]!);
          this.add(lits);
        }
      }
    }
  }

  private addRow(t: number): void {
    const { n, r, m } = this;
    const x = new Int32Array(r);
    for (let i = 0; i < r; i++) x[i] = this.newVar();
    const val = (v: number): number | boolean => (v === 0 ? false : v <= n ? ((t >>> (v - 1)) & 1) === 1 : x[v - n - 1]!);
    for (let i = 0; i < r; i++) {
      const f = this.opv[i]!;
      for (let p = 0; p < this.numTriples(i); p++) {
        const s = this.sel[i]![p]!;
        const tr = this.triples[p]!;
        const vs = tr.map(val);
        for (let abc = 0; abc < 8; abc++) {
          const lits = [-s];
          let consistent = true;
          for (let q = 0; q < 3; q++) {
            const want = ((abc >> q) & 1) === 1;
            const v = vs[q]!;
            if (typeof v === 'boolean') {
              if (v !== want) consistent = false;
            } else lits.push(want ? -v : v);
          }
          if (!consistent) continue;
          const fb = f[abc]!;
          if (fb === 0) this.add([...lits, -x[i]!]);
          else {
            this.add([...lits, -x[i]!, fb]);
            this.add([...lits, x[i]!, -fb]);
          }
        }
      }
    }
    for (let h = 0; h < m; h++) {
      const care = careOf(this.spec, h);
      if (care !== undefined && !care.get(t)) continue;
      const want = this.spec.outputs[h]!.get(t);
      const pol = this.pol[h]!;
      for (let i = this.fixedOutput() ? r - 1 : 0; i < r; i++) {
        const g = this.outv[h]![i]!;
        const pre = g === 0 ? [] : [-g];
        const xi = x[i]!;
        if (pol < 0) this.add([...pre, want !== (pol === -2) ? xi : -xi]);
        else if (want) {
          this.add([...pre, xi, pol]);
          this.add([...pre, -xi, -pol]);
        } else {
          this.add([...pre, -xi, pol]);
          this.add([...pre, xi, -pol]);
        }
      }
    }
  }

  decode(model: Int8Array): Circuit {
    const { n, r, m } = this;
    const on = (v: number): boolean => v > 0 && model[v] === 1;
    const bld = new CircuitBuilder({ strash: false });
    const node: Lit[] = [LIT_FALSE];
    for (let j = 0; j < n; j++) node.push(bld.addInput());
    for (let i = 0; i < r; i++) {
      const p = this.sel[i]!.findIndex((s) => on(s));
      if (p < 0) throw new UsageError(`kgate: model selects no fanins for gate ${i}`, 'bad-model');
      const [j, k, l] = this.triples[p]!;
      let op = 0;
      for (let bit = 0; bit < 8; bit++) if (on(this.opv[i]![bit]!)) op |= 1 << bit;
      const fan = [node[j]!, node[k]!, node[l]!];
      if (this.mig) {
        const c = [...Array(8).keys()].find((cc) => majOp(cc, false) === op);
        if (c === undefined) throw new UsageError(`kgate: op ${op.toString(16)} is not a majority`, 'bad-model');
        node.push(bld.maj(fan[0]! ^ (c & 1), fan[1]! ^ ((c >> 1) & 1), fan[2]! ^ ((c >> 2) & 1)));
      } else node.push(bld.lut(fromWords(3, Uint32Array.of(op)), fan));
    }
    for (let h = 0; h < m; h++) {
      let gate = r - 1;
      if (!this.fixedOutput()) gate = this.outv[h]!.findIndex((g) => on(g));
      const pol = this.pol[h]!;
      const neg = pol < 0 ? pol === -2 : on(pol);
      bld.addOutput(node[n + 1 + gate]! ^ (neg ? 1 : 0));
    }
    return bld.build();
  }
}

function kgateSupports(query: Omit<SynthesisQuery, 'size'>): true | string {
  if (query.basis !== 'MIG' && query.basis !== 'LUT3') return `the kgate encoder is for mig and lut3 (three-input gates), not ${query.basis}`;
  if (query.maxDepth !== undefined) return 'the kgate encoder has no depth bound';
  return true;
}

/** Three-input gates: a non-trivial output needs a gate, and m essential inputs need ceil((m - 1) / 2) gates (a tree of 3-input gates). */
function kgateLowerBound(red: ReducedSpec): { lowerBound: number; lowerBoundArgument: string } {
  if (red.core.outputs.length === 0) return { lowerBound: 0, lowerBoundArgument: 'no output needs a gate' };
  const bySupport = Math.ceil((red.maxEssentialInputs - 1) / 2);
  if (bySupport > 1) return { lowerBound: bySupport, lowerBoundArgument: `an output essentially depends on ${red.maxEssentialInputs} inputs, which three-input gates connect with >= ${bySupport} gates` };
  return { lowerBound: 1, lowerBoundArgument: 'a non-trivial output needs a gate' };
}

/** The three-input-gate encoder (MIG and LUT3). */
export const KGATE_ENCODER: Encoder = {
  name: 'kgate',
  description: 'three-input gates (MIG majority with complemented edges, or LUT3 arbitrary operators), SSV-style with a constant node',
  supports: kgateSupports,
  encode(query: SynthesisQuery) {
    const why = kgateSupports(query);
    if (why !== true) throw new UsageError(why, 'unsupported');
    if (!Number.isInteger(query.size) || query.size < 0) throw new UsageError(`bad size ${query.size}`, 'unsupported');
    return [new KGateInstance(query.spec, query.basis === 'MIG', query.size, query.symmetryBreaking, query.rows ?? careRows(query.spec))];
  },
  lowerBound: kgateLowerBound,
};
