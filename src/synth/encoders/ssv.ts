/**
 * The single-selection-variable (SSV) encoding of exact synthesis
 * (Kojevnikov, Kulikov, Yaroslavtsev, SAT 2009; Knuth, TAOCP 4A, 7.1.2;
 * percy's `ssv_encoder`): "is there a chain of exactly r two-input gates
 * computing the spec?" as one CNF.
 *
 * Nodes 0..n-1 are the inputs, node n+i is gate i. Variables:
 * - `s[i][j][k]` (j < k < n+i): gate i reads nodes j and k (exactly one pair);
 * - `f[i][a+2b]`: the gate's op at fanin values (a, b) (bit 0 is fixed to 0
 *   for normal gates);
 * - `g[h][i]`: output h is gate i (exactly one; fixed to the last gate for a
 *   single output when `allUsed` is on); `p[h]`: output h is complemented
 *   (output negations are free in every basis, as in the cost model);
 * - `x[i][t]`: value of gate i on minterm t, only for the rows constrained
 *   (all care rows, or the CEGAR rows added so far);
 * - `L[i][l]` (depth bound D): gate i has depth >= l, for l = 2..D.
 *
 * Bases: B2 and XAIG use all ops, U2 and AIG the AND-type ones (no XOR/XNOR);
 * with normal, non-trivial gates that is {2,4,6,8,e} resp. {2,4,8,e}. MIG is
 * not supported by this encoder.
 *
 * Precondition (checked): no output is constant or a literal on its care set;
 * the driver handles those at cost 0.
 *
 * Symmetry breaking (each switchable, see {@link SymmetryBreaking}). Why each
 * rule keeps at least one circuit of the minimum size s*: take a circuit of
 * size s*. (1) It has no unused, trivial or duplicate gates (removing or
 * bypassing them would give a smaller circuit). (2) Making every gate normal
 * (complement gates with op(0,0) = 1 and absorb the complement into the
 * readers' ops and the output polarity) keeps the basis: an AND-type op stays
 * AND-type under input/output complementation. (3) A gate reading (j, i)
 * where gate i reads (j, k) computes a function of x_j, x_k: give it fanins
 * (j, k) and the right op (AND-type in U2/AIG, since op'(a, op(a, b)) with
 * AND-type ops is constant in b for one value of a, so never XOR); in B2/XAIG
 * the same holds for a gate reading two gates that read the same pair.
 * Each replacement lowers the sum of fanin indices, so this terminates; it
 * cannot create duplicates or trivial gates without contradicting (1), and
 * does not raise any depth. (4) Order and input labels: build the order
 * greedily, always taking an available gate with the smallest colex pair
 * (then smallest op), where an input of a symmetric class not used yet is
 * given the smallest free label of its class. Pairs of available gates only
 * grow as labels are consumed, and newly available gates read the last gate,
 * so the chosen pairs are colex non-decreasing (equal pairs: increasing ops),
 * and inputs of a class are first used in label order. The relabelling is a
 * permutation within symmetry classes, so it computes the same spec.
 * Structure (1)-(3) is invariant under reordering and relabelling.
 * Every rule is checked by the cross-check tests (all rules on = all off on
 * all 3-input functions and a sample of larger ones).
 */
import { isOpsBasis, opsBasisPairOps, opsOfBasis, type BasisName } from '../../core/basis.js';
import { CircuitBuilder } from '../../core/builder.js';
import type { Circuit } from '../../core/circuit.js';
import { GateKind, opIsNormalBinary, opIsXorType, opSwap } from '../../core/gate.js';
import type { Lit } from '../../core/literal.js';
import { UsageError } from '../../errors.js';
import { atMostK } from '../../sat/cardinality.js';
import type { Cnf } from '../../sat/types.js';
import { careOf, type FunctionSpec } from '../../tt/spec.js';
import { createConstant, createNthVar, ttEqualOnCare, ttNot, ttOr, type TruthTable } from '../../tt/truth-table.js';
import { withDefaults } from '../../util/with-defaults.js';
import { DEFAULT_SYMMETRY_BREAKING, type Encoder, type IncrementalInstance, type SymmetryBreaking, type SynthesisQuery } from '../types.js';
import { symmetricInputClasses } from './ssv-symmetry.js';
import { opsBasisCompleteness, opsSharedPairRuleSound, soundSymmetryBreaking } from './ops-basis.js';

/** Bases the SSV encoder handles. */
const SSV_BASES: ReadonlySet<BasisName> = new Set(['B2', 'U2', 'AIG', 'XAIG']);

/** The ops a gate may use in `basis` under the symmetry-breaking switches, ascending. */
export function ssvAllowedOps(basis: BasisName, sb: Pick<SymmetryBreaking, 'normal' | 'nonTrivial'>): number[] {
  const xor = basis === 'B2' || basis === 'XAIG';
  // a custom basis (ops-basis.ts): its ops in either fanin order
  const custom = isOpsBasis(basis) ? new Set(opsBasisPairOps(basis)) : undefined;
  const ops: number[] = [];
  for (let op = 0; op < 16; op++) {
    if (custom !== undefined ? !custom.has(op) : !xor && opIsXorType(op)) continue;
    if (sb.normal && op & 1) continue;
    if (sb.nonTrivial && !opIsNormalBinary(op)) continue;
    ops.push(op);
  }
  return ops;
}

/** Whether output h of the spec is a constant or a literal on its care set (the SSV precondition fails). */
export function outputIsTrivial(spec: FunctionSpec, h: number): boolean {
  const f = spec.outputs[h]!;
  const care = careOf(spec, h) ?? createConstant(spec.numInputs, true);
  const eq = (t: TruthTable): boolean => ttEqualOnCare(f, t, care);
  if (eq(createConstant(spec.numInputs, false)) || eq(createConstant(spec.numInputs, true))) return true;
  for (let j = 0; j < spec.numInputs; j++) {
    const v = createNthVar(spec.numInputs, j);
    if (eq(v) || eq(ttNot(v))) return true;
  }
  return false;
}

/** One SSV instance; rows can be added (CEGAR). */
class SsvInstance implements IncrementalInstance {
  readonly label: string;
  private readonly clauses: Int32Array[] = [];
  private nv = 0;
  private readonly n: number;
  private readonly r: number;
  private readonly m: number;
  private readonly sb: SymmetryBreaking;
  private readonly ops: number[];
  /** sel[i][p] for pair index p = k(k-1)/2 + j. */
  private readonly sel: Int32Array[] = [];
  /** opv[i][bit]; 0 means the bit is fixed to 0 (normal gates, bit 0). */
  private readonly opv: Int32Array[] = [];
  /** outv[h][i]; all 0 when output h is fixed to the last gate. */
  private readonly outv: Int32Array[] = [];
  /** Polarity of output h: a variable (> 0) or a constant (-1 false, -2 true). */
  private readonly pol: number[] = [];
  private readonly depthv: Int32Array[] = [];
  private readonly xv = new Map<number, Int32Array>();
  private readonly rowList: number[] = [];
  private readonly cares: (TruthTable | undefined)[];

  constructor(
    private readonly spec: FunctionSpec,
    private readonly basis: BasisName,
    size: number,
    private readonly maxDepth: number | undefined,
    sbIn: Partial<SymmetryBreaking> | undefined,
  ) {
    this.n = spec.numInputs;
    this.r = size;
    this.m = spec.outputs.length;
    // custom bases: only the rules that are sound for their ops (ops-basis.ts)
    this.sb = soundSymmetryBreaking(basis, withDefaults(DEFAULT_SYMMETRY_BREAKING, sbIn));
    this.ops = ssvAllowedOps(basis, this.sb);
    this.cares = spec.outputs.map((_, h) => careOf(spec, h));
    this.label = `ssv r=${size}${maxDepth === undefined ? '' : ` depth<=${maxDepth}`}`;
    this.build();
  }

  get rows(): readonly number[] {
    return this.rowList;
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

  private numPairs(i: number): number {
    const N = this.n + i;
    return (N * (N - 1)) / 2;
  }

  /** Selection variables of gate i's pairs containing node v. */
  private pairsWith(i: number, v: number): number[] {
    const out: number[] = [];
    const N = this.n + i;
    if (v >= N) return out;
    for (let j = 0; j < v; j++) out.push(this.sel[i]![(v * (v - 1)) / 2 + j]!);
    for (let k = v + 1; k < N; k++) out.push(this.sel[i]![(k * (k - 1)) / 2 + v]!);
    return out;
  }

  /** Literals whose conjunction says "gate i's op is `op`". */
  private opIs(i: number, op: number): number[] {
    const lits: number[] = [];
    const fv = this.opv[i]!;
    for (let b = 0; b < 4; b++) {
      if (fv[b] === 0) continue;
      lits.push((op >> b) & 1 ? fv[b]! : -fv[b]!);
    }
    return lits;
  }

  private build(): void {
    const { r, m, sb } = this;
    if (m > 0 && r === 0) this.add([]);
    for (let h = 0; h < m; h++) {
      if (outputIsTrivial(this.spec, h)) {
        throw new UsageError(`ssv: output ${h} is a constant or a literal on its care set; the driver handles such outputs`, 'trivial-output');
      }
    }
    // variables
    for (let i = 0; i < r; i++) {
      const s = new Int32Array(this.numPairs(i));
      for (let p = 0; p < s.length; p++) s[p] = this.newVar();
      this.sel.push(s);
      const f = new Int32Array(4);
      for (let b = sb.normal ? 1 : 0; b < 4; b++) f[b] = this.newVar();
      this.opv.push(f);
    }
    for (let h = 0; h < m; h++) {
      const g = new Int32Array(r);
      if (!this.fixedOutput()) for (let i = 0; i < r; i++) g[i] = this.newVar();
      this.outv.push(g);
      const care0 = this.cares[h] === undefined || this.cares[h]!.get(0);
      if (sb.normal && care0) this.pol.push(this.spec.outputs[h]!.get(0) ? -2 : -1);
      else this.pol.push(this.newVar());
    }
    const D = this.maxDepth;
    if (D !== undefined) {
      for (let i = 0; i < r; i++) {
        const L = new Int32Array(D + 1);
        for (let l = 2; l <= D; l++) L[l] = this.newVar();
        this.depthv.push(L);
      }
    }
    const sink = { newVar: () => this.newVar(), addClause: (l: ArrayLike<number>) => this.clauses.push(Int32Array.from(l)) };

    // exactly one pair per gate; only allowed ops
    for (let i = 0; i < r; i++) {
      const s = Array.from(this.sel[i]!);
      this.add(s);
      atMostK(sink, s, 1);
      const free = [0, 1, 2, 3].filter((b) => this.opv[i]![b] !== 0);
      for (let op = 0; op < 16; op++) {
        if (free.length === 3 && op & 1) continue;
        if (!this.ops.includes(op)) this.add(this.opIs(i, op).map((x) => -x));
      }
    }
    // exactly one gate per output
    if (!this.fixedOutput()) {
      for (let h = 0; h < m; h++) {
        const g = Array.from(this.outv[h]!);
        this.add(g);
        atMostK(sink, g, 1);
      }
    }
    if (sb.allUsed) this.addAllUsed();
    if (sb.noReapplication) this.addNoReapplication();
    if (sb.noDuplicates) this.addNoDuplicates();
    if (sb.colex) this.addColex();
    if (sb.symmetricInputs) this.addSymmetricInputs();
    if (D !== undefined) this.addDepth(D);
  }

  private addAllUsed(): void {
    const { n, r, m } = this;
    for (let i = 0; i < r; i++) {
      if (this.fixedOutput() && i === r - 1) continue;
      const lits: number[] = [];
      if (!this.fixedOutput()) for (let h = 0; h < m; h++) lits.push(this.outv[h]![i]!);
      for (let i2 = i + 1; i2 < r; i2++) lits.push(...this.pairsWith(i2, n + i));
      this.add(lits);
    }
  }

  private addNoReapplication(): void {
    const { n, r } = this;
    const sameFunctionOfPair = this.basis === 'B2' || this.basis === 'XAIG' || (isOpsBasis(this.basis) && opsSharedPairRuleSound(this.basis));
    for (let i = 0; i < r; i++) {
      const N = n + i;
      for (let k = 1; k < N; k++) {
        for (let j = 0; j < k; j++) {
          const s = this.sel[i]![(k * (k - 1)) / 2 + j]!;
          // (A) a later gate reading (j, i) or (k, i)
          for (let ip = i + 1; ip < r; ip++) {
            const row = ((n + i) * (n + i - 1)) / 2;
            this.add([-s, -this.sel[ip]![row + j]!]);
            this.add([-s, -this.sel[ip]![row + k]!]);
          }
          // (B) a later gate reading gate i and another gate i2 > i with the same pair
          if (!sameFunctionOfPair) continue;
          for (let i2 = i + 1; i2 < r; i2++) {
            const s2 = this.sel[i2]![(k * (k - 1)) / 2 + j]!;
            for (let ip = i2 + 1; ip < r; ip++) {
              const t = this.sel[ip]![((n + i2) * (n + i2 - 1)) / 2 + n + i]!;
              this.add([-s, -s2, -t]);
            }
          }
        }
      }
    }
  }

  private addNoDuplicates(): void {
    const { r } = this;
    for (let i = 0; i < r; i++) {
      for (let i2 = i + 1; i2 < r; i2++) {
        const common = this.numPairs(i);
        for (let p = 0; p < common; p++) {
          const s = this.sel[i]![p]!, s2 = this.sel[i2]![p]!;
          for (const op of this.ops) this.add([-s, -s2, ...this.opIs(i, op).map((x) => -x), ...this.opIs(i2, op).map((x) => -x)]);
        }
      }
    }
  }

  private addColex(): void {
    const { r } = this;
    for (let i = 0; i + 1 < r; i++) {
      const pi = this.numPairs(i);
      // pairs of gate i+1 that do not read gate i: must be >= some pair of gate i
      for (let p = 0; p < pi; p++) {
        const lits = [-this.sel[i + 1]![p]!];
        for (let q = 0; q <= p; q++) lits.push(this.sel[i]![q]!);
        this.add(lits);
        // equal pairs: strictly increasing ops
        for (const o1 of this.ops) {
          for (const o2 of this.ops) {
            if (o2 > o1) continue;
            if (o1 === o2 && this.sb.noDuplicates) continue;
            this.add([-this.sel[i]![p]!, -this.sel[i + 1]![p]!, ...this.opIs(i, o1).map((x) => -x), ...this.opIs(i + 1, o2).map((x) => -x)]);
          }
        }
      }
    }
  }

  private addSymmetricInputs(): void {
    const { r } = this;
    for (const cls of symmetricInputClasses(this.spec)) {
      for (let c = 0; c + 1 < cls.length; c++) {
        const p = cls[c]!, q = cls[c + 1]!;
        const usesP: number[] = [];
        for (let i = 0; i < r; i++) {
          usesP.push(...this.pairsWith(i, p));
          for (const s of this.pairsWith(i, q)) this.add([-s, ...usesP]);
        }
      }
    }
  }

  private addDepth(D: number): void {
    const { n, r } = this;
    for (let i = 0; i < r; i++) {
      const N = n + i;
      for (let k = n; k < N; k++) {
        for (let j = 0; j < k; j++) {
          const s = this.sel[i]![(k * (k - 1)) / 2 + j]!;
          if (D <= 1) {
            this.add([-s]);
            continue;
          }
          this.add([-s, this.depthv[i]![2]!]);
          for (const v of j >= n ? [j, k] : [k]) {
            const Lg = this.depthv[v - n]!;
            for (let l = 2; l < D; l++) this.add([-s, -Lg[l]!, this.depthv[i]![l + 1]!]);
            this.add([-s, -Lg[D]!]);
          }
        }
      }
    }
  }

  /** Adds constraints for the given minterms (duplicates, non-care rows and, for normal gates, row 0 are skipped). */
  addRows(rows: readonly number[]): Cnf {
    const start = this.clauses.length;
    for (const t of rows) {
      if (this.xv.has(t)) continue;
      if (this.sb.normal && t === 0) continue;
      if (!this.cares.some((c) => c === undefined || c.get(t))) continue;
      this.addRow(t);
    }
    return { numVars: this.nv, clauses: this.clauses.slice(start) };
  }

  private addRow(t: number): void {
    const { n, r, m } = this;
    const x = new Int32Array(r);
    for (let i = 0; i < r; i++) x[i] = this.newVar();
    this.xv.set(t, x);
    this.rowList.push(t);
    // value of node v on row t: a boolean for inputs, a literal for gates
    const val = (v: number): number | boolean => (v < n ? ((t >>> v) & 1) === 1 : x[v - n]!);
    const lits: number[] = [];
    for (let i = 0; i < r; i++) {
      const xi = x[i]!;
      const f = this.opv[i]!;
      const N = n + i;
      for (let k = 1; k < N; k++) {
        const vk = val(k);
        for (let j = 0; j < k; j++) {
          const vj = val(j);
          const s = this.sel[i]![(k * (k - 1)) / 2 + j]!;
          for (let a = 0; a < 2; a++) {
            if (typeof vj === 'boolean' && (vj ? 1 : 0) !== a) continue;
            for (let b = 0; b < 2; b++) {
              if (typeof vk === 'boolean' && (vk ? 1 : 0) !== b) continue;
              lits.length = 0;
              lits.push(-s);
              if (typeof vj !== 'boolean') lits.push(a ? -vj : vj);
              if (typeof vk !== 'boolean') lits.push(b ? -vk : vk);
              const fb = f[a + 2 * b]!;
              if (fb === 0) {
                this.add([...lits, -xi]);
              } else {
                this.add([...lits, -xi, fb]);
                this.add([...lits, xi, -fb]);
              }
            }
          }
        }
      }
    }
    for (let h = 0; h < m; h++) {
      const care = this.cares[h];
      if (care !== undefined && !care.get(t)) continue;
      const want = this.spec.outputs[h]!.get(t);
      const pol = this.pol[h]!;
      for (let i = this.fixedOutput() ? r - 1 : 0; i < r; i++) {
        const g = this.outv[h]![i]!;
        const pre = g === 0 ? [] : [-g];
        const xi = x[i]!;
        if (pol < 0) {
          // x = want xor p
          const target = want !== (pol === -2);
          this.add([...pre, target ? xi : -xi]);
        } else if (want) {
          this.add([...pre, xi, pol]);
          this.add([...pre, -xi, -pol]);
        } else {
          this.add([...pre, -xi, pol]);
          this.add([...pre, xi, -pol]);
        }
      }
    }
  }

  private truthy(model: Int8Array, v: number): boolean {
    return model[v] === 1;
  }

  decode(model: Int8Array): Circuit {
    const { n, r, m } = this;
    const b = new CircuitBuilder({ strash: false });
    const nodeLit: Lit[] = [];
    for (let j = 0; j < n; j++) nodeLit.push(b.addInput());
    for (let i = 0; i < r; i++) {
      const s = this.sel[i]!;
      let p = 0;
      while (p < s.length && !this.truthy(model, s[p]!)) p++;
      if (p === s.length) throw new UsageError(`ssv: model selects no fanins for gate ${i}`, 'bad-model');
      let k = 1;
      while ((k * (k + 1)) / 2 <= p) k++;
      const j = p - (k * (k - 1)) / 2;
      let op = 0;
      for (let bit = 0; bit < 4; bit++) if (this.opv[i]![bit] !== 0 && this.truthy(model, this.opv[i]![bit]!)) op |= 1 << bit;
      nodeLit.push(addOpGate(b, this.basis, op, nodeLit[j]!, nodeLit[k]!));
    }
    for (let h = 0; h < m; h++) {
      let gate = r - 1;
      if (!this.fixedOutput()) {
        gate = 0;
        while (gate < r && !this.truthy(model, this.outv[h]![gate]!)) gate++;
        if (gate === r) throw new UsageError(`ssv: model assigns no gate to output ${h}`, 'bad-model');
      }
      const pol = this.pol[h]!;
      const neg = pol < 0 ? pol === -2 : this.truthy(model, pol);
      b.addOutput(nodeLit[n + gate]! ^ (neg ? 1 : 0));
    }
    return b.build();
  }

  /** The fanin-pair selections of the gates, last gate first (exactly one pair per gate). */
  splitGroups(): number[][] {
    return this.sel.map((s) => Array.from(s)).reverse();
  }

  blockingClause(model: Int8Array): Int32Array {
    const lits: number[] = [];
    const lit = (v: number): void => {
      if (v > 0) lits.push(this.truthy(model, v) ? -v : v);
    };
    for (let i = 0; i < this.r; i++) {
      for (const s of this.sel[i]!) if (this.truthy(model, s)) lits.push(-s);
      for (const f of this.opv[i]!) lit(f);
    }
    for (let h = 0; h < this.m; h++) {
      for (const g of this.outv[h]!) if (g > 0 && this.truthy(model, g)) lits.push(-g);
      lit(this.pol[h]!);
    }
    return Int32Array.from(lits);
  }
}

/**
 * Adds a two-input gate computing `op` (a 4-bit {@link GateOp}) of `a`, `b`:
 * a LUT in B2/U2; in AIG/XAIG an AND or XOR with complemented edges (the
 * returned literal may be complemented). Trivial ops (constants,
 * projections) still cost one gate: AND(a, a) or AND(a, !a).
 */
export function addOpGate(b: CircuitBuilder, basis: BasisName, op: number, la: Lit, lb: Lit): Lit {
  if (basis === 'B2' || basis === 'U2') return b.op2(op, la, lb);
  // a custom basis: the listed op, with the fanins swapped when only its swap is listed
  if (isOpsBasis(basis)) return opsOfBasis(basis).includes(op) ? b.op2(op, la, lb) : b.op2(opSwap(op), lb, la);
  if (op === 0x6 || op === 0x9) return b.addGate(GateKind.Xor, [la, lb]) ^ (op === 0x9 ? 1 : 0);
  const ones = [0, 1, 2, 3].filter((m) => (op >> m) & 1);
  if (ones.length === 1 || ones.length === 3) {
    // a single minterm (a=α, b=β) differs from the rest
    const odd = ones.length === 1 ? ones[0]! : [0, 1, 2, 3].find((m) => !((op >> m) & 1))!;
    const alpha = odd & 1, beta = (odd >> 1) & 1;
    return b.addGate(GateKind.And, [la ^ (alpha ? 0 : 1), lb ^ (beta ? 0 : 1)]) ^ (ones.length === 3 ? 1 : 0);
  }
  // trivial ops: constants and projections
  if (op === 0x0 || op === 0xf) return b.addGate(GateKind.And, [la, la ^ 1]) ^ (op === 0xf ? 1 : 0);
  if (op === 0xa || op === 0x5) return b.addGate(GateKind.And, [la, la]) ^ (op === 0x5 ? 1 : 0);
  return b.addGate(GateKind.And, [lb, lb]) ^ (op === 0x3 ? 1 : 0);
}

function allCareRows(spec: FunctionSpec): number[] {
  const rows: number[] = [];
  const N = 2 ** spec.numInputs;
  let union: TruthTable | undefined = undefined;
  for (let h = 0; h < spec.outputs.length; h++) {
    const c = careOf(spec, h);
    if (c === undefined) return Array.from({ length: N }, (_, t) => t);
    union = union === undefined ? c : ttOr(union, c);
  }
  if (union === undefined) return Array.from({ length: N }, (_, t) => t);
  for (let t = 0; t < N; t++) if (union.get(t)) rows.push(t);
  return rows;
}

/** Whether the SSV encoder handles the query; a string says why not. */
function ssvSupports(query: Omit<SynthesisQuery, 'size'>): true | string {
  if (isOpsBasis(query.basis)) {
    const c = opsBasisCompleteness(query.basis);
    if (!c.complete) return `${query.basis} cannot compute every function even with a free output negation (e.g. 3-input ${c.missing}), so the search would not end`;
  } else if (!SSV_BASES.has(query.basis)) return `the ssv encoder has no ${query.basis} gates (it encodes two-input gates: B2, U2, AIG, XAIG)`;
  if (query.maxDepth !== undefined && (!Number.isInteger(query.maxDepth) || query.maxDepth < 0)) return `bad depth bound ${query.maxDepth}`;
  return true;
}

function makeInstance(query: SynthesisQuery): SsvInstance {
  const why = ssvSupports(query);
  if (why !== true) throw new UsageError(why, 'unsupported');
  if (!Number.isInteger(query.size) || query.size < 0) throw new UsageError(`bad size ${query.size}`, 'unsupported');
  return new SsvInstance(query.spec, query.basis, query.size, query.maxDepth, query.symmetryBreaking);
}

/** The SSV encoder (one instance per size; incremental in rows for CEGAR). */
export const SSV_ENCODER: Encoder = {
  name: 'ssv',
  description: 'single-selection-variable encoding (Kojevnikov-Kulikov-Yaroslavtsev 2009, Knuth 7.1.2, percy ssv_encoder) with symmetry breaking',
  supports: ssvSupports,
  encode(query: SynthesisQuery) {
    const inst = makeInstance(query);
    inst.addRows(query.rows ?? allCareRows(query.spec));
    return [inst];
  },
  encodeIncremental(query: SynthesisQuery, rows: readonly number[]) {
    const inst = makeInstance(query);
    inst.addRows(rows);
    return inst;
  },
};

/** Every minterm some output cares about, ascending. */
export function careRows(spec: FunctionSpec): number[] {
  return allCareRows(spec);
}
