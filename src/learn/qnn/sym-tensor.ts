/**
 * Symbolic tensors for folding a quantized model: every element is either an
 * exact constant (a {@link Surd}) or `alpha * F + beta`, where F is a rational
 * affine form over the integer values of one *space* (the model inputs, or one
 * layer's outputs) and alpha, beta are exact (a batch normalization's
 * 1 / sqrt(var + eps) stays symbolic until a quantizer compares it). A pending
 * Relu (applied before the next quantizer) is a flag. Shape ops move elements
 * around without looking at them.
 */
import { add, isZero, mul, ONE, ZERO, type Rat } from './rational.js';
import { isRational, surdAdd, surdMul, surdOfRat, surdSign, type Surd } from './surd.js';

/** A rational affine form sum_j coef_j v_j + c over the values v of one space. */
export interface Lin {
  readonly space: number;
  readonly terms: ReadonlyMap<number, Rat>;
  readonly c: Rat;
}

/** One element: a constant, or alpha * lin + beta (then relu(...) when `relu`). */
export type Elem =
  | { readonly kind: 'const'; readonly v: Surd }
  | { readonly kind: 'sym'; readonly lin: Lin; readonly alpha: Surd; readonly beta: Surd; readonly relu: boolean };

/** A tensor of elements, row-major. */
export interface SymTensor {
  readonly dims: readonly number[];
  readonly elems: readonly Elem[];
  /** Set on the output of a Softmax (only a graph output may be one). */
  readonly softmax?: boolean;
}

export const constElem = (v: Surd): Elem => ({ kind: 'const', v });

/** alpha * lin + beta with rational parts folded into the form. */
export function symElem(lin: Lin, alpha: Surd, beta: Surd, relu = false): Elem {
  if (lin.terms.size === 0 || surdSign(alpha) === 0) {
    const v = surdAdd(surdMul(alpha, surdOfRat(lin.c)), beta);
    return constElem(relu && surdSign(v) < 0 ? surdOfRat(ZERO) : v);
  }
  if (relu) return { kind: 'sym', lin, alpha, beta, relu };
  if (isRational(alpha)) {
    lin = scaleLin(lin, alpha.a);
    alpha = surdOfRat(ONE);
  }
  if (isRational(alpha) && isRational(beta)) {
    lin = { ...lin, c: add(lin.c, beta.a) };
    beta = surdOfRat(ZERO);
  }
  return { kind: 'sym', lin, alpha, beta, relu: false };
}

export function scaleLin(lin: Lin, k: Rat): Lin {
  if (isZero(k)) return { space: lin.space, terms: new Map(), c: ZERO };
  const terms = new Map<number, Rat>();
  for (const [j, w] of lin.terms) terms.set(j, mul(w, k));
  return { space: lin.space, terms, c: mul(lin.c, k) };
}

/** The value of a constant element as alpha * c + beta (symbolic elements with no terms are constants too). */
export function elemConstant(e: Elem): Surd | undefined {
  if (e.kind === 'const') return e.v;
  return undefined;
}

export const size = (dims: readonly number[]): number => dims.reduce((p, d) => p * d, 1);
export function strides(dims: readonly number[]): number[] {
  const s = new Array<number>(dims.length).fill(1);
  for (let i = dims.length - 2; i >= 0; i--) s[i] = s[i + 1]! * dims[i + 1]!;
  return s;
}

/** numpy broadcasting: the output dims and, per output element, the source indices in x and y (undefined if incompatible). */
export function broadcastIndex(xd: readonly number[], yd: readonly number[]): { dims: number[]; ix: Int32Array; iy: Int32Array } | undefined {
  const rank = Math.max(xd.length, yd.length);
  const px = [...new Array<number>(rank - xd.length).fill(1), ...xd], py = [...new Array<number>(rank - yd.length).fill(1), ...yd];
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) {
    if (px[i] === py[i] || py[i] === 1) dims.push(px[i]!);
    else if (px[i] === 1) dims.push(py[i]!);
    else return undefined;
  }
  const sx = strides(px).map((s, i) => (px[i] === 1 ? 0 : s)), sy = strides(py).map((s, i) => (py[i] === 1 ? 0 : s));
  const n = size(dims), st = strides(dims), ix = new Int32Array(n), iy = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let rem = k, a = 0, b = 0;
    for (let d = 0; d < rank; d++) {
      const c = Math.floor(rem / st[d]!);
      rem -= c * st[d]!;
      a += c * sx[d]!;
      b += c * sy[d]!;
    }
    ix[k] = a;
    iy[k] = b;
  }
  return { dims, ix, iy };
}

/** Elements of x permuted by perm. */
export function transposeElems<T>(dims: readonly number[], elems: readonly T[], perm: readonly number[]): { dims: number[]; elems: T[] } {
  const out = perm.map((p) => dims[p]!);
  const sIn = strides(dims), sOut = strides(out);
  const res = new Array<T>(elems.length);
  for (let k = 0; k < elems.length; k++) {
    let rem = k, src = 0;
    for (let d = 0; d < out.length; d++) {
      const c = Math.floor(rem / sOut[d]!);
      rem -= c * sOut[d]!;
      src += c * sIn[perm[d]!]!;
    }
    res[k] = elems[src]!;
  }
  return { dims: out, elems: res };
}

/** sum_j k_j * lin_j over forms of one space (plus a constant part), as one form. */
export class LinAccumulator {
  private readonly terms = new Map<number, Rat>();
  private c: Rat = ZERO;
  constructor(readonly space: number) {}
  addScaled(lin: Lin, k: Rat): void {
    if (isZero(k)) return;
    for (const [j, w] of lin.terms) {
      const prev = this.terms.get(j);
      this.terms.set(j, prev === undefined ? mul(w, k) : add(prev, mul(w, k)));
    }
    this.c = add(this.c, mul(lin.c, k));
  }
  addConst(k: Rat): void {
    this.c = add(this.c, k);
  }
  build(): Lin {
    for (const [j, w] of this.terms) if (isZero(w)) this.terms.delete(j);
    return { space: this.space, terms: this.terms, c: this.c };
  }
}

/** alpha * x for a Surd alpha and rational k: exact product helper. */
export const surdTimesRat = (x: Surd, k: Rat): Surd => surdMul(x, surdOfRat(k));
