/**
 * The proof step every part of an extracted network reduces to: a set of
 * root literals of a circuit, cut at a set of allowed nodes, computes given
 * functions of those nodes. Each root's function is `pred(F(x))` for a linear
 * form F over node values (`constant + sum coef_v x_v`, exact integers), so a
 * neuron's threshold, a score bit or an adder cell is stated without any
 * circuit code. The check walks the roots' cone down to the cut (the cone
 * must not reach an input or node outside it: the stage reads nothing else),
 * then simulates it on every assignment of the cut nodes it reaches and of
 * the forms' nodes (at most {@link MAX_STAGE_VARS}), word-parallel, and
 * compares with the forms evaluated by integer arithmetic.
 */
import { gateFanins, type Circuit } from '../../core/circuit.js';
import { GateKind } from '../../core/gate.js';
import type { Lit } from '../../core/literal.js';

/** Largest number of variables a stage is checked over (2^20 rows). */
export const MAX_STAGE_VARS = 20;

/** A linear form over node values: constant + sum coefs[v] * x_v (node 0 is the constant false and never appears). */
export interface NodeForm {
  readonly constant: bigint;
  readonly coefs: ReadonlyMap<number, bigint>;
}

/** One root of a stage: literal `lit` must equal pred(form(x)) on every assignment. */
export interface StageRoot {
  readonly lit: Lit;
  readonly form: NodeForm;
  readonly pred: (value: number) => boolean;
}

/** What a stage check found. */
export type StageVerdict =
  | { readonly kind: 'equal'; readonly vars: number }
  | { readonly kind: 'different'; readonly root: number; readonly assignment: ReadonlyMap<number, boolean> }
  /** Not checked: too many variables, a cone that leaves the cut, a gate kind the checker does not simulate, or inexact arithmetic. */
  | { readonly kind: 'unchecked'; readonly reason: string };

/** The form of sum coef_k * lits[k] (+ constant), complemented literals expanded as 1 - x. */
export function formOfLits(terms: readonly { readonly lit: Lit; readonly coef: bigint }[], constant = 0n): NodeForm {
  let c = constant;
  const coefs = new Map<number, bigint>();
  for (const { lit, coef } of terms) {
    const v = lit >>> 1;
    if (coef === 0n) continue;
    if (v === 0) {
      if (lit & 1) c += coef;
      continue;
    }
    if (lit & 1) {
      c += coef;
      coefs.set(v, (coefs.get(v) ?? 0n) - coef);
    } else coefs.set(v, (coefs.get(v) ?? 0n) + coef);
  }
  for (const [v, k] of coefs) if (k === 0n) coefs.delete(v);
  return { constant: c, coefs };
}

/** Smallest and largest value of a form over free 0/1 node values. */
export function formBounds(f: NodeForm): { readonly lo: bigint; readonly hi: bigint } {
  let lo = f.constant;
  let hi = f.constant;
  for (const c of f.coefs.values()) {
    if (c < 0n) lo += c;
    else hi += c;
  }
  return { lo, hi };
}

/** Whether two forms are the same polynomial. */
export function formsEqual(a: NodeForm, b: NodeForm): boolean {
  if (a.constant !== b.constant || a.coefs.size !== b.coefs.size) return false;
  for (const [v, c] of a.coefs) if (b.coefs.get(v) !== c) return false;
  return true;
}

const EXACT = 2n ** 52n;

/**
 * Checks a stage (see the module doc). `cut` says which nodes the roots may
 * read (cut(v) true); inputs outside the cut are an error of the stage.
 */
export function checkStage(c: Circuit, cut: (node: number) => boolean, roots: readonly StageRoot[]): StageVerdict {
  const first = c.numInputs + 1;
  // the cone, down to the cut
  const seen = new Set<number>();
  const vars = new Set<number>();
  const stack: number[] = [];
  for (const r of roots) stack.push(r.lit >>> 1);
  while (stack.length) {
    const v = stack.pop()!;
    if (v === 0 || seen.has(v)) continue;
    seen.add(v);
    if (cut(v)) {
      vars.add(v);
      continue;
    }
    if (v < first) return { kind: 'unchecked', reason: `the cone reads input ${c.inputNames[v - 1]} (node ${v}), which is not among its inputs` };
    for (const f of gateFanins(c, v - first)) stack.push(f >>> 1);
  }
  for (const r of roots) {
    const { lo, hi } = formBounds(r.form);
    if (lo < -EXACT || hi > EXACT) return { kind: 'unchecked', reason: 'a sum leaves the range of exact doubles' };
    for (const v of r.form.coefs.keys()) vars.add(v);
  }
  const order = [...vars].sort((x, y) => x - y);
  const k = order.length;
  if (k > MAX_STAGE_VARS) return { kind: 'unchecked', reason: `${k} variables, more than the ${MAX_STAGE_VARS} checked exhaustively` };
  const rows = 2 ** k;
  const words = Math.max(1, rows >>> 5);
  const value = new Map<number, Uint32Array>();
  const zero = new Uint32Array(words);
  value.set(0, zero);
  order.forEach((v, i) => value.set(v, projection(i, words)));
  const gates = [...seen].filter((v) => !vars.has(v)).sort((x, y) => x - y);
  for (const v of gates) {
    const g = v - first;
    const kind = c.kinds[g] as GateKind;
    if (kind !== GateKind.And && kind !== GateKind.Xor) return { kind: 'unchecked', reason: `gate kind ${kind} is not simulated by the stage check` };
    const fs = Array.from(gateFanins(c, g));
    const ins = fs.map((f) => value.get(f >>> 1)!);
    const negs = fs.map((f) => (f & 1 ? 0xffffffff : 0));
    const out = new Uint32Array(words);
    const a = ins[0]!, na = negs[0]!;
    out.set(a);
    if (na) for (let w = 0; w < words; w++) out[w] = ~out[w]!;
    for (let q = 1; q < ins.length; q++) {
      const x = ins[q]!, nx = negs[q]!;
      if (kind === GateKind.And) for (let w = 0; w < words; w++) out[w] = out[w]! & (x[w]! ^ nx);
      else for (let w = 0; w < words; w++) out[w] = out[w]! ^ x[w]! ^ nx;
    }
    value.set(v, out);
  }
  const index = new Map(order.map((v, i) => [v, i] as const));
  const evaluated = new Map<NodeForm, Float64Array>();
  for (let r = 0; r < roots.length; r++) {
    const root = roots[r]!;
    let vals = evaluated.get(root.form);
    if (!vals) {
      vals = new Float64Array(rows).fill(Number(root.form.constant));
      for (const [v, coef] of root.form.coefs) {
        const bit = index.get(v)!;
        const cf = Number(coef);
        for (let m = 0; m < rows; m++) if ((m >>> bit) & 1) vals[m] += cf;
      }
      evaluated.set(root.form, vals);
    }
    // pred over the form's range, tabulated once when the range is small (it usually is)
    const { lo, hi } = formBounds(root.form);
    const base = Number(lo);
    const span = Number(hi - lo) + 1;
    let table: Uint8Array | undefined;
    if (span <= 4 * rows) {
      table = new Uint8Array(span);
      for (let t = 0; t < span; t++) table[t] = root.pred(base + t) ? 1 : 0;
    }
    const litNeg = root.lit & 1 ? 0xffffffff : 0;
    const words = value.get(root.lit >>> 1)!;
    for (let w = 0; w < words.length; w++) {
      const got = (words[w]! ^ litNeg) >>> 0;
      const top = Math.min(32, rows - w * 32);
      for (let bit = 0; bit < top; bit++) {
        const m = w * 32 + bit;
        const want = table ? table[vals[m]! - base]! : root.pred(vals[m]!) ? 1 : 0;
        if (((got >>> bit) & 1) !== want) {
          return { kind: 'different', root: r, assignment: new Map(order.map((v, i) => [v, ((m >>> i) & 1) === 1] as const)) };
        }
      }
    }
  }
  return { kind: 'equal', vars: k };
}

/** Words of variable i over 2^k rows (row m has x_i = bit i of m). */
function projection(i: number, words: number): Uint32Array {
  const out = new Uint32Array(words);
  if (i < 5) {
    const pattern = [0xaaaaaaaa, 0xcccccccc, 0xf0f0f0f0, 0xff00ff00, 0xffff0000][i]!;
    out.fill(pattern);
  } else {
    for (let w = 0; w < words; w++) if ((w >>> (i - 5)) & 1) out[w] = 0xffffffff;
  }
  return out;
}
