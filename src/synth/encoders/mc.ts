/**
 * Multiplicative complexity (`--basis mc`): "is there a circuit over
 * {AND, XOR, NOT} with exactly k AND gates computing the spec?" (XORs,
 * negations and constants are free; Boyar, Peralta, Pochuev 2000; the SAT
 * view as in Soeken 2020). As one CNF:
 *
 * - AND gate i (nodes: inputs x_0..x_{n-1}, then gates y_0..y_{k-1}) reads
 *   two affine forms over the inputs and earlier gates: `a[i][v]`, `b[i][v]`
 *   select node v into its first resp. second operand, `ca[i]`, `cb[i]` add
 *   a constant; y_i = A_i & B_i;
 * - output h is the affine form `o[h][v]` (v over all nodes) plus `co[h]`;
 * - per (care) minterm t: `y[i][t]`, with the XOR sums by Tseitin chains.
 *
 * Symmetry breaking (its own; each rule keeps at least one circuit with the
 * minimum number of ANDs, argued on a minimum circuit):
 * - `nonTrivial` (constants only at the outputs, operand pairs in reduced
 *   echelon form): y = (A + c)(B + d) = AB + dA + cB + cd, so a constant in
 *   an operand moves, as an affine term over earlier nodes, into every
 *   reader of y (readers take affine forms); done in topological order, no
 *   operand keeps a constant. Then A, B are linear and independent (A = 0 or
 *   A = B makes y = 0 or y = A, affine, so the gate could go: not minimum).
 *   Any basis (A', B') of span{A, B} gives A'B' = AB + (a linear form in
 *   A, B) (e.g. A(A + B) = A + AB), again absorbed by the readers; take the
 *   reduced echelon basis over the node order (the first 1 of A' is before
 *   every 1 of B'): clause "b[i][q] -> a[i][0] | ... | a[i][q-1]" and B' != 0.
 * - `allUsed`: every AND gate is read by a later gate or an output (an unread
 *   gate could be removed); so the last gate is read by an output.
 * - `colex` (with nonTrivial): gates that do not read each other can be
 *   reordered. Key of a gate = the position of the first 1 of A' when it is an
 *   input, else n; this does not depend on the order of the gates (the first
 *   input position over the nonzero forms of span{A, B}). Ordering the gates
 *   greedily (always an available gate of least key) makes the keys of
 *   consecutive gates i, i+1 non-decreasing whenever gate i+1 does not read
 *   y_i; relabelling the gates and re-echeloning each pair keeps the keys.
 * The other switches do not apply. The cross-check tests compare the
 * minimum with these rules on and off, and against the known values.
 */
import { CircuitBuilder } from '../../core/builder.js';
import type { Circuit } from '../../core/circuit.js';
import type { Lit } from '../../core/literal.js';
import { UsageError } from '../../errors.js';
import type { Cnf } from '../../sat/types.js';
import { algebraicDegree } from '../../tt/anf.js';
import { careOf, type FunctionSpec } from '../../tt/spec.js';
import { DEFAULT_SYMMETRY_BREAKING, type EncodedInstance, type Encoder, type SymmetryBreaking, type SynthesisQuery } from '../types.js';
import type { ReducedSpec } from '../reduce-spec.js';
import { careRows } from './ssv.js';
import { withDefaults } from '../../util/with-defaults.js';

/** A literal, or a known constant. */
type Bit = number | boolean;

class McInstance implements EncodedInstance {
  readonly label: string;
  private readonly clauses: Int32Array[] = [];
  private nv = 0;
  private readonly n: number;
  private readonly k: number;
  private readonly m: number;
  private readonly sb: SymmetryBreaking;
  /** a[i], b[i]: selection of node v (inputs, then earlier gates). */
  private readonly a: Int32Array[] = [];
  private readonly b: Int32Array[] = [];
  /** Operand constants (0 when fixed to false). */
  private readonly ca: number[] = [];
  private readonly cb: number[] = [];
  private readonly o: Int32Array[] = [];
  private readonly co: number[] = [];

  constructor(private readonly spec: FunctionSpec, size: number, sbIn: Partial<SymmetryBreaking> | undefined, rows: readonly number[]) {
    this.n = spec.numInputs;
    this.k = size;
    this.m = spec.outputs.length;
    this.sb = withDefaults(DEFAULT_SYMMETRY_BREAKING, sbIn);
    this.label = `mc ands=${size}`;
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

  private vars(count: number): Int32Array {
    const v = new Int32Array(count);
    for (let i = 0; i < count; i++) v[i] = this.newVar();
    return v;
  }

  private build(): void {
    const { n, k, m, sb } = this;
    const constantsInOperands = !sb.nonTrivial;
    for (let i = 0; i < k; i++) {
      this.a.push(this.vars(n + i));
      this.b.push(this.vars(n + i));
      this.ca.push(constantsInOperands ? this.newVar() : 0);
      this.cb.push(constantsInOperands ? this.newVar() : 0);
    }
    for (let h = 0; h < m; h++) {
      this.o.push(this.vars(n + k));
      this.co.push(this.newVar());
    }
    if (sb.nonTrivial) {
      for (let i = 0; i < k; i++) {
        const a = this.a[i]!, b = this.b[i]!;
        this.add(Array.from(b));
        for (let q = 0; q < b.length; q++) this.add([-b[q]!, ...Array.from(a.subarray(0, q))]);
      }
      if (sb.colex) {
        for (let i = 0; i + 1 < k; i++) {
          const reads = [this.a[i + 1]![n + i]!, this.b[i + 1]![n + i]!];
          for (let q = 0; q < n; q++) this.add([-this.a[i + 1]![q]!, ...reads, ...Array.from(this.a[i]!.subarray(0, q + 1))]);
        }
      }
    }
    if (sb.allUsed) {
      for (let i = 0; i < k; i++) {
        const lits: number[] = [];
        for (let h = 0; h < m; h++) lits.push(this.o[h]![n + i]!);
        for (let i2 = i + 1; i2 < k; i2++) lits.push(this.a[i2]![n + i]!, this.b[i2]![n + i]!);
        this.add(lits);
      }
    }
  }

  private and2(x: Bit, y: Bit): Bit {
    if (x === false || y === false) return false;
    if (x === true) return y;
    if (y === true) return x;
    const z = this.newVar();
    this.add([-z, x]);
    this.add([-z, y]);
    this.add([z, -x, -y]);
    return z;
  }

  private xor2(x: Bit, y: Bit): Bit {
    if (typeof x === 'boolean') return typeof y === 'boolean' ? x !== y : x ? -y : y;
    if (typeof y === 'boolean') return y ? -x : x;
    const z = this.newVar();
    this.add([-z, x, y]);
    this.add([-z, -x, -y]);
    this.add([z, -x, y]);
    this.add([z, x, -y]);
    return z;
  }

  /** The value on row t of the affine form sel (over nodes with values val) plus the constant c. */
  private affine(sel: Int32Array, c: number, val: readonly Bit[]): Bit {
    let acc: Bit = c === 0 ? false : c;
    for (let v = 0; v < sel.length; v++) acc = this.xor2(acc, this.and2(sel[v]!, val[v]!));
    return acc;
  }

  private addRow(t: number): void {
    const { n, k, m } = this;
    const val: Bit[] = [];
    for (let j = 0; j < n; j++) val.push(((t >>> j) & 1) === 1);
    for (let i = 0; i < k; i++) {
      const A = this.affine(this.a[i]!, this.ca[i]!, val);
      const B = this.affine(this.b[i]!, this.cb[i]!, val);
      val.push(this.and2(A, B));
    }
    for (let h = 0; h < m; h++) {
      const care = careOf(this.spec, h);
      if (care !== undefined && !care.get(t)) continue;
      const out = this.affine(this.o[h]!, this.co[h]!, val);
      const want = this.spec.outputs[h]!.get(t);
      if (typeof out === 'boolean') {
        if (out !== want) this.add([]);
      } else this.add([want ? out : -out]);
    }
  }

  decode(model: Int8Array): Circuit {
    const { n, k, m } = this;
    const on = (v: number): boolean => v !== 0 && model[v] === 1;
    const bld = new CircuitBuilder({ strash: false });
    const node: Lit[] = [];
    for (let j = 0; j < n; j++) node.push(bld.addInput());
    const form = (sel: Int32Array, c: number): Lit => {
      const lits: Lit[] = [];
      for (let v = 0; v < sel.length; v++) if (on(sel[v]!)) lits.push(node[v]!);
      return bld.xorN(lits) ^ (on(c) ? 1 : 0);
    };
    for (let i = 0; i < k; i++) node.push(bld.and(form(this.a[i]!, this.ca[i]!), form(this.b[i]!, this.cb[i]!)));
    for (let h = 0; h < m; h++) bld.addOutput(form(this.o[h]!, this.co[h]!));
    return bld.build();
  }
}

function mcSupports(query: Omit<SynthesisQuery, 'size'>): true | string {
  if (query.basis !== 'MC') return `the mc encoder is for the mc basis (multiplicative complexity), not ${query.basis}`;
  if (query.maxDepth !== undefined) return 'the mc encoder has no depth bound';
  return true;
}

/**
 * MC >= deg(f) - 1 (Schnorr 1988; Boyar, Peralta, Pochuev 2000): the
 * product of k ANDs of affine forms has degree <= k + 1. Only for outputs
 * without don't-cares (the degree of an incompletely specified function is
 * the least over its completions).
 */
function mcLowerBound(red: ReducedSpec): { lowerBound: number; lowerBoundArgument: string } {
  let best = 0;
  let arg = 'no bound beyond 0 (XORs are free)';
  red.core.outputs.forEach((f, h) => {
    if (careOf(red.core, h) !== undefined) return;
    const d = algebraicDegree(f);
    if (d - 1 > best) {
      best = d - 1;
      arg = `core output ${h} has algebraic degree ${d}, and k ANDs give degree <= k + 1`;
    }
  });
  return { lowerBound: best, lowerBoundArgument: arg };
}

/** The multiplicative-complexity encoder (one instance per AND count). */
export const MC_ENCODER: Encoder = {
  name: 'mc',
  description: 'multiplicative complexity: AND gates over affine forms of inputs and earlier ANDs, affine outputs (XOR free), with its own symmetry breaking',
  supports: mcSupports,
  encode(query: SynthesisQuery) {
    const why = mcSupports(query);
    if (why !== true) throw new UsageError(why, 'unsupported');
    if (!Number.isInteger(query.size) || query.size < 0) throw new UsageError(`bad size ${query.size}`, 'unsupported');
    return [new McInstance(query.spec, query.size, query.symmetryBreaking, query.rows ?? careRows(query.spec))];
  },
  lowerBound: mcLowerBound,
};
