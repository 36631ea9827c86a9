/**
 * The fence encoder: exact synthesis by topology families (percy's
 * `fence_encoder`; Haaswijk et al., TCAD 2020). One CNF instance per fence
 * of `size` gates (see fence-enumerate.ts); in each, gate i may only choose
 * fanin pairs its level allows. Written independently of the SSV encoder so
 * that the two cross-check each other.
 *
 * Model (all gates normal: op(0, 0) = 0, depending on both fanins; every
 * circuit can be normalised so, moving negations into consumers and outputs):
 * - x[i][t]: value of gate i on care row t >= 1 (row 0 is 0 for every gate;
 *   rows where no output cares are left out);
 * - s[i][p]: gate i reads fanin pair p = (j, k), j < k, both on levels below
 *   gate i's level and k on the level just below; exactly one per gate;
 * - f[i][0..2]: op(1,0), op(0,1), op(1,1) of gate i (GateOp bits 1, 2, 3);
 *   the basis excludes the degenerate ops (0, a, b) and for U2/AIG also XOR;
 * - o[k][i]: output k is gate i, complemented when pol[k] (pol is fixed by
 *   the value of output k on row 0, a variable when row 0 is a don't-care).
 * Irredundancy (sound for a loop that raises the size from below): every gate
 * feeds a later gate or an output. Symmetry breaking: gates of one level
 * cannot read each other, so they are sorted by fanin pair (co-lexicographic,
 * i.e. by the larger fanin first), and by op when the pairs are equal.
 * Outputs that are constants or (complemented) inputs on their care set get
 * no gate. Supports B2, U2, AIG and XAIG (XAIG has B2's function set, AIG
 * has U2's).
 *
 * Query options: `maxDepth` drops fences with more levels; `rows` (CEGAR)
 * restricts the encoded rows, while trivial outputs, polarities and pruning
 * still derive from the whole spec (so UNSAT on a subset is UNSAT for the
 * spec); of `symmetryBreaking`, `allUsed` (irredundancy and the fence pruning
 * that needs it) and `colex` (the in-level order) are honoured, the other
 * switches are built into the model. Instances offer blocking clauses for
 * solution enumeration.
 */
import type { BasisName } from '../../core/basis.js';
import { CircuitBuilder } from '../../core/builder.js';
import type { Circuit } from '../../core/circuit.js';
import { GateKind, OPS, type GateOp } from '../../core/gate.js';
import { LIT_FALSE, type Lit } from '../../core/literal.js';
import type { Cnf } from '../../sat/types.js';
import type { FunctionSpec } from '../../tt/spec.js';
import type { TruthTable } from '../../tt/truth-table.js';
import { DEFAULT_SYMMETRY_BREAKING, type EncodedInstance, type Encoder, type SynthesisQuery } from '../types.js';
import { enumerateFences, fenceLabel, type Fence, type FenceContext } from './fence-enumerate.js';

/** Largest number of inputs the encoder accepts (one value variable per gate and row). */
export const FENCE_MAX_INPUTS = 16;

/** Normal ops (op(0,0) = 0, both fanins matter) per supported basis. */
const NORMAL_OPS: Readonly<Partial<Record<BasisName, readonly GateOp[]>>> = {
  B2: [OPS.A_AND_NOT_B, OPS.NOT_A_AND_B, OPS.XOR, OPS.AND, OPS.OR],
  XAIG: [OPS.A_AND_NOT_B, OPS.NOT_A_AND_B, OPS.XOR, OPS.AND, OPS.OR],
  U2: [OPS.A_AND_NOT_B, OPS.NOT_A_AND_B, OPS.AND, OPS.OR],
  AIG: [OPS.A_AND_NOT_B, OPS.NOT_A_AND_B, OPS.AND, OPS.OR],
};

function bit(tt: TruthTable, t: number): number {
  return (tt.words[t >>> 5]! >>> (t & 31)) & 1;
}

/** An output that needs a gate: its wanted values on the encoded rows. */
interface Target {
  readonly index: number;
  /** want[r] / care[r] for r indexing `rows`. */
  readonly want: Uint8Array;
  readonly care: Uint8Array;
  /** Output polarity when fixed by row 0 (0 or 1); undefined when row 0 is a don't-care. */
  readonly polarity: number | undefined;
}

/** A spec split into trivial outputs (a literal) and targets. */
interface Prepared {
  readonly n: number;
  /** Encoded rows (minterms >= 1 some target cares about). */
  readonly rows: readonly number[];
  /** Per output: the literal of a trivial output, or undefined for a target. */
  readonly fixed: readonly (Lit | undefined)[];
  readonly targets: readonly Target[];
  /** Largest support of a fully specified target. */
  readonly maxSupport: number;
}

/** The literal computing output `k` on its care set without gates, if any. */
function trivialLit(spec: FunctionSpec, k: number): Lit | undefined {
  const f = spec.outputs[k]!, care = spec.care?.[k];
  const n = spec.numInputs, total = 2 ** n;
  // candidates: const 0, then inputs j; a candidate matches positively or negatively.
  const cands: { lit: Lit; value: (t: number) => number }[] = [{ lit: LIT_FALSE, value: () => 0 }];
  for (let j = 0; j < n; j++) cands.push({ lit: 2 * (j + 1), value: (t) => (t >>> j) & 1 });
  for (const c of cands) {
    let pos = true, neg = true;
    for (let t = 0; t < total && (pos || neg); t++) {
      if (care !== undefined && !bit(care, t)) continue;
      const d = bit(f, t) ^ c.value(t);
      if (d) pos = false;
      else neg = false;
    }
    if (pos) return c.lit;
    if (neg) return c.lit ^ 1;
  }
  return undefined;
}

/** Splits the spec; `only` restricts the encoded rows (CEGAR), everything else derives from the whole spec. */
function prepare(spec: FunctionSpec, only?: readonly number[]): Prepared {
  const n = spec.numInputs, total = 2 ** n;
  const allowedRow = only === undefined ? undefined : new Set(only);
  const fixed = spec.outputs.map((_, k) => trivialLit(spec, k));
  const targetIdx = fixed.flatMap((l, k) => (l === undefined ? [k] : []));
  const careBit = (k: number, t: number): number => (spec.care?.[k] === undefined ? 1 : bit(spec.care[k]!, t));
  const rows: number[] = [];
  for (let t = 1; t < total; t++) if ((allowedRow?.has(t) ?? true) && targetIdx.some((k) => careBit(k, t))) rows.push(t);
  let maxSupport = 0;
  const targets = targetIdx.map((k): Target => {
    const f = spec.outputs[k]!;
    if (spec.care?.[k] === undefined) maxSupport = Math.max(maxSupport, supportSize(f));
    return {
      index: k,
      want: Uint8Array.from(rows, (t) => bit(f, t)),
      care: Uint8Array.from(rows, (t) => careBit(k, t)),
      polarity: careBit(k, 0) ? bit(f, 0) : undefined,
    };
  });
  return { n, rows, fixed, targets, maxSupport };
}

function supportSize(f: TruthTable): number {
  let s = 0;
  for (let j = 0; j < f.numVars; j++) {
    const stride = 1 << j;
    let depends = false;
    for (let t = 0; t < 2 ** f.numVars && !depends; t++) if (!(t & stride) && bit(f, t) !== bit(f, t | stride)) depends = true;
    if (depends) s++;
  }
  return s;
}

/** Collects clauses in DIMACS numbering. */
class ClauseSet {
  numVars = 0;
  readonly clauses: Int32Array[] = [];
  newVar(): number {
    return ++this.numVars;
  }
  add(...lits: number[]): void {
    this.clauses.push(Int32Array.from(lits));
  }
}

/** The variables of one fence instance, kept for decoding. */
interface FenceVars {
  /** Node of each gate's fanins per selectable pair: pairs[i][p] = [j, k] (nodes: 0..n-1 inputs, n + g gates). */
  readonly pairs: readonly (readonly (readonly [number, number])[])[];
  readonly sel: readonly (readonly number[])[];
  readonly op: readonly (readonly number[])[];
  readonly out: readonly (readonly number[])[];
  readonly pol: readonly (number | undefined)[];
}

/** The symmetry-breaking switches the fence encoder honours (the others are built into its model). */
interface FenceSwitches {
  /** Irredundancy: every gate feeds a later gate or an output (and the fence pruning that relies on it). */
  readonly allUsed: boolean;
  /** Gates of one level sorted by fanin pair, then by op. */
  readonly colex: boolean;
}

function switchesOf(query: SynthesisQuery): FenceSwitches {
  const sb = query.symmetryBreaking ?? {};
  return { allUsed: sb.allUsed ?? DEFAULT_SYMMETRY_BREAKING.allUsed, colex: sb.colex ?? DEFAULT_SYMMETRY_BREAKING.colex };
}

/** Builds the CNF of one fence; see the module comment for the model. */
function encodeFence(pre: Prepared, fence: Fence, ops: readonly GateOp[], sw: FenceSwitches): { cnf: Cnf; vars: FenceVars } {
  const { n, rows, targets } = pre;
  const cs = new ClauseSet();
  const r = fence.reduce((a, b) => a + b, 0);
  const level: number[] = []; // level of each node (inputs 0)
  for (let j = 0; j < n; j++) level.push(0);
  fence.forEach((size, l) => { for (let q = 0; q < size; q++) level.push(l + 1); });
  const firstOnLevel = [0, n];
  for (const size of fence) firstOnLevel.push(firstOnLevel[firstOnLevel.length - 1]! + size);

  const x = Array.from({ length: r }, () => rows.map(() => cs.newVar()));
  const op = Array.from({ length: r }, () => [cs.newVar(), cs.newVar(), cs.newVar()]);
  const pairs: [number, number][][] = [];
  const sel: number[][] = [];
  for (let i = 0; i < r; i++) {
    const l = level[n + i]!;
    const ps: [number, number][] = [];
    for (let k = firstOnLevel[l - 1]!; k < firstOnLevel[l]!; k++) for (let j = 0; j < k; j++) ps.push([j, k]);
    pairs.push(ps); // co-lexicographic: by k, then j
    sel.push(ps.map(() => cs.newVar()));
  }
  // Node values: true/false constant for inputs, a variable for gates.
  const value = (node: number, ri: number): number | boolean => (node < n ? ((rows[ri]! >>> node) & 1) === 1 : x[node - n]![ri]!);

  // Ops: forbid every 3-bit pattern that is not a basis op.
  const allowed = new Set(ops.map((o) => o >>> 1));
  for (let i = 0; i < r; i++) {
    const f = op[i]!;
    for (let a = 0; a < 8; a++) if (!allowed.has(a)) cs.add(...f.map((v, b) => ((a >>> b) & 1 ? -v : v)));
  }
  // Selection: exactly one pair; each selected pair defines the gate's value.
  for (let i = 0; i < r; i++) {
    const s = sel[i]!;
    cs.add(...s);
    for (let p = 0; p < s.length; p++) for (let q = p + 1; q < s.length; q++) cs.add(-s[p]!, -s[q]!);
    for (let p = 0; p < s.length; p++) {
      const [j, k] = pairs[i]![p]!;
      for (let ri = 0; ri < rows.length; ri++) {
        const xi = x[i]![ri]!, vj = value(j, ri), vk = value(k, ri);
        for (let b = 0; b < 2; b++) {
          if (typeof vj === 'boolean' && Number(vj) !== b) continue;
          for (let c = 0; c < 2; c++) {
            if (typeof vk === 'boolean' && Number(vk) !== c) continue;
            const pre: number[] = [-s[p]!];
            if (typeof vj === 'number') pre.push(b ? -vj : vj);
            if (typeof vk === 'number') pre.push(c ? -vk : vk);
            if (b === 0 && c === 0) cs.add(...pre, -xi);
            else {
              const fv = op[i]![b + 2 * c - 1]!;
              cs.add(...pre, -xi, fv);
              cs.add(...pre, xi, -fv);
            }
          }
        }
      }
    }
  }
  // Outputs: exactly one gate each, with the wanted values on its care rows.
  const out = targets.map(() => Array.from({ length: r }, () => cs.newVar()));
  const pol = targets.map((tg) => (tg.polarity === undefined ? cs.newVar() : undefined));
  targets.forEach((tg, k) => {
    const o = out[k]!, pv = pol[k];
    cs.add(...o);
    for (let a = 0; a < r; a++) for (let b = a + 1; b < r; b++) cs.add(-o[a]!, -o[b]!);
    for (let i = 0; i < r; i++) {
      for (let ri = 0; ri < rows.length; ri++) {
        if (!tg.care[ri]) continue;
        const xi = x[i]![ri]!, w = tg.want[ri]!;
        if (pv === undefined) cs.add(-o[i]!, (w ^ tg.polarity!) ? xi : -xi);
        else {
          // x = w xor pol
          cs.add(-o[i]!, pv, w ? xi : -xi);
          cs.add(-o[i]!, -pv, w ? -xi : xi);
        }
      }
    }
  });
  // Irredundancy: every gate feeds a later gate or is an output.
  for (let g = 0; g < r && sw.allUsed; g++) {
    const users: number[] = out.map((o) => o[g]!);
    for (let i = g + 1; i < r; i++) pairs[i]!.forEach(([j, k], p) => { if (j === n + g || k === n + g) users.push(sel[i]![p]!); });
    cs.add(...users);
  }
  // Symmetry breaking inside a level: pair(i) <= pair(i+1), and op(i) < op(i+1) on equal pairs.
  const opCodes = [...allowed].sort((a, b) => a - b);
  for (let i = 0; i + 1 < r; i++) {
    if (!sw.colex || level[n + i] !== level[n + i + 1]) continue;
    const s0 = sel[i]!, s1 = sel[i + 1]!;
    for (let p = 0; p < s0.length; p++) for (let q = 0; q < p; q++) cs.add(-s0[p]!, -s1[q]!);
    const same = cs.newVar();
    for (let p = 0; p < s0.length; p++) cs.add(-s0[p]!, -s1[p]!, same);
    for (const a of opCodes) {
      for (const b of opCodes) {
        if (a < b) continue;
        cs.add(-same, ...op[i]!.map((v, t) => ((a >>> t) & 1 ? -v : v)), ...op[i + 1]!.map((v, t) => ((b >>> t) & 1 ? -v : v)));
      }
    }
  }
  return { cnf: { numVars: cs.numVars, clauses: cs.clauses }, vars: { pairs, sel, op, out, pol } };
}

/** Reads the circuit a model of a fence instance describes. */
function decodeFence(pre: Prepared, basis: BasisName, vars: FenceVars, model: Int8Array): Circuit {
  const isTrue = (v: number): boolean => model[v] === 1;
  const b = new CircuitBuilder({ strash: false });
  const nodeLit: Lit[] = b.addInputs(pre.n);
  vars.sel.forEach((s, i) => {
    const p = s.findIndex(isTrue);
    const [j, k] = vars.pairs[i]![p]!;
    const a = nodeLit[j]!, c = nodeLit[k]!;
    const o = vars.op[i]!.reduce((acc, v, t) => acc | (isTrue(v) ? 2 << t : 0), 0);
    nodeLit.push(makeGate(b, basis, o, a, c));
  });
  const targetOf = new Map(pre.targets.map((tg, k) => [tg.index, k]));
  pre.fixed.forEach((lit, idx) => {
    if (lit !== undefined) return b.addOutput(lit);
    const k = targetOf.get(idx)!;
    const g = vars.out[k]!.findIndex(isTrue);
    const pv = vars.pol[k];
    const neg = pv === undefined ? pre.targets[k]!.polarity! : Number(isTrue(pv));
    b.addOutput(nodeLit[pre.n + g]! ^ neg);
  });
  return b.build();
}

/** The clause excluding exactly the structure (pairs, ops, outputs, polarities) of `model`. */
function blockingClause(vars: FenceVars, model: Int8Array): Int32Array {
  const lits: number[] = [];
  const differ = (v: number): void => void lits.push(model[v] === 1 ? -v : v);
  for (const s of vars.sel) for (const v of s) if (model[v] === 1) lits.push(-v);
  for (const f of vars.op) f.forEach(differ);
  for (const o of vars.out) for (const v of o) if (model[v] === 1) lits.push(-v);
  for (const p of vars.pol) if (p !== undefined) differ(p);
  return Int32Array.from(lits);
}

/** Adds one normal two-input gate in the basis's gate kinds; returns the literal computing op(a, c). */
function makeGate(b: CircuitBuilder, basis: BasisName, op: GateOp, a: Lit, c: Lit): Lit {
  if (basis === 'B2' || basis === 'U2') return b.op2(op, a, c);
  switch (op) {
    case OPS.AND:
      return b.addGate(GateKind.And, [a, c]);
    case OPS.A_AND_NOT_B:
      return b.addGate(GateKind.And, [a, c ^ 1]);
    case OPS.NOT_A_AND_B:
      return b.addGate(GateKind.And, [a ^ 1, c]);
    case OPS.OR:
      return b.addGate(GateKind.And, [a ^ 1, c ^ 1]) ^ 1;
    default: // XOR, only in XAIG
      return b.addGate(GateKind.Xor, [a, c]);
  }
}

/** The fences `encode` would yield for `query` (after pruning) and the pruning context (for tests and tools). */
export function fencesForQuery(query: SynthesisQuery): { readonly fences: Fence[]; readonly context: FenceContext } {
  const pre = prepare(query.spec, query.rows);
  const context = fenceContext(pre, query);
  return { fences: pre.targets.length === 0 ? [] : enumerateFences(query.size, context), context };
}

function fenceContext(pre: Prepared, query: SynthesisQuery): FenceContext {
  return {
    irredundant: switchesOf(query).allUsed,
    numInputs: pre.n,
    numOutputs: pre.targets.length,
    numOps: NORMAL_OPS[query.basis]?.length ?? 0,
    maxSupport: pre.maxSupport,
    maxDepth: query.maxDepth,
  };
}

function* encodeQuery(query: SynthesisQuery): Generator<EncodedInstance> {
  const ops = NORMAL_OPS[query.basis];
  if (ops === undefined) return;
  const pre = prepare(query.spec, query.rows);
  const sw = switchesOf(query);
  if (pre.targets.length === 0) {
    // Only the empty circuit is irredundant.
    if (query.size === 0) yield { cnf: { numVars: 0, clauses: [] }, label: 'fence []', decode: () => decodeFence(pre, query.basis, { pairs: [], sel: [], op: [], out: [], pol: [] }, new Int8Array(1)) };
    return;
  }
  for (const fence of enumerateFences(query.size, fenceContext(pre, query))) {
    if (fence.length === 0) continue;
    const { cnf, vars } = encodeFence(pre, fence, ops, sw);
    yield {
      cnf,
      label: `fence ${fenceLabel(fence)}`,
      decode: (model) => decodeFence(pre, query.basis, vars, model),
      blockingClause: (model) => blockingClause(vars, model),
    };
  }
}

/**
 * The fence encoder. `encode` yields one instance per fence of `size` gates
 * that survives pruning; all UNSAT means no irredundant circuit of exactly
 * `size` gates exists (every gate used, normal ops, no two gates with equal
 * fanins and op), hence, when every smaller size was refuted too, no circuit
 * of `size` or fewer gates: a minimal circuit is irredundant.
 */
export const fenceEncoder: Encoder = {
  name: 'fence',
  description: 'topology families (fences): one instance per ordered partition of the gates into depth levels (Haaswijk et al., TCAD 2020)',
  supports(query) {
    if (NORMAL_OPS[query.basis] === undefined) return `the fence encoder supports B2, U2, AIG and XAIG, not ${query.basis}`;
    if (query.spec.numInputs > FENCE_MAX_INPUTS) return `the fence encoder handles at most ${FENCE_MAX_INPUTS} inputs (spec has ${query.spec.numInputs})`;
    if (query.maxDepth !== undefined && (!Number.isInteger(query.maxDepth) || query.maxDepth < 0)) return `bad depth bound ${query.maxDepth}`;
    return true;
  },
  encode(query) {
    return encodeQuery(query);
  },
};
