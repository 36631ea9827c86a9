/**
 * A small float64 interpreter of (Q)ONNX graphs, op by op from the op
 * definitions (ONNX operators; QONNX Quant, BipolarQuant, MultiThreshold,
 * Trunc). It is deliberately a separate code path from the exact folding in
 * to-int-network.ts: the differential check runs both and compares.
 *
 * Ties: a decision that floating point cannot make reliably (a value within
 * `tieTolerance` of a rounding boundary or threshold, relative to the
 * boundary's magnitude) is taken as if the value were exactly on the boundary,
 * and counted. The exact network must then agree with that (>=) side.
 */
import { UnsupportedError } from '../../errors.js';
import { attrInts, attrNumber, attrString, isSupportedOp, refuseOp, type QConst, type QGraph, type QNode } from './qonnx-read.js';

/** A float64 tensor, row-major. */
export interface FTensor {
  readonly dims: readonly number[];
  readonly data: Float64Array;
}

/** Options of {@link interpretGraph}. */
export interface InterpretOptions {
  /** Relative distance to a boundary below which a decision counts as a tie (default 1e-9). */
  readonly tieTolerance?: number;
}

/** Every tensor the graph computed, the outputs, and the number of tied decisions. */
export interface Interpretation {
  readonly values: ReadonlyMap<string, FTensor>;
  readonly outputs: readonly FTensor[];
  readonly ties: number;
}

const constCache = new WeakMap<QGraph, Map<string, FTensor>>();
const size = (dims: readonly number[]): number => dims.reduce((p, d) => p * d, 1);
const strides = (dims: readonly number[]): number[] => {
  const s = new Array<number>(dims.length).fill(1);
  for (let i = dims.length - 2; i >= 0; i--) s[i] = s[i + 1]! * dims[i + 1]!;
  return s;
};
const tensorOf = (c: QConst): FTensor => ({ dims: c.dims, data: Float64Array.from(c.values) });

/** Runs the graph on float inputs (one tensor per graph input, in graph order, row-major). */
export function interpretGraph(g: QGraph, inputs: readonly Float64Array[], options: InterpretOptions = {}): Interpretation {
  const tol = options.tieTolerance ?? 1e-9;
  let ties = 0;
  const values = new Map<string, FTensor>();
  g.inputs.forEach((inp, k) => {
    const data = inputs[k];
    if (data === undefined || data.length !== size(inp.dims)) throw new RangeError(`input ${inp.name}: expected ${size(inp.dims)} values`);
    values.set(inp.name, { dims: inp.dims, data });
  });
  // nodes that read only constants give the same tensors on every run: computed once per graph
  let cache = constCache.get(g);
  if (cache === undefined) constCache.set(g, (cache = new Map()));
  const constant = new Set<string>(g.constants.keys());
  for (const [name, c] of g.constants) {
    let t = cache.get(name);
    if (t === undefined) cache.set(name, (t = tensorOf(c)));
    values.set(name, t);
  }
  const near = (x: number, boundary: number): boolean => Math.abs(x - boundary) <= tol * Math.max(1, Math.abs(boundary));

  for (const node of g.nodes) {
    if (!isSupportedOp(node)) refuseOp(g, node);
    const fromConstants = node.inputs.every((i) => i === '' || constant.has(i));
    if (fromConstants) {
      for (const o of node.outputs) constant.add(o);
      const hit = cache.get(node.outputs[0] ?? '');
      if (hit !== undefined) {
        values.set(node.outputs[0] ?? '', hit);
        continue;
      }
    }
    const where = `node "${node.name}" (${node.op})`;
    const fail = (why: string): never => {
      throw new UnsupportedError(`${g.file}: ${where}: ${why}`, 'onnx-unsupported');
    };
    const arg = (j: number): FTensor => values.get(node.inputs[j] ?? '') ?? fail(`input ${j} "${node.inputs[j] ?? ''}" is not defined`);
    const has = (j: number): boolean => (node.inputs[j] ?? '') !== '';
    const round = (u: number, mode: string): number => {
      const half = mode === 'ROUND' || mode === 'HALF_UP' || mode === 'HALF_DOWN';
      const b = half ? Math.floor(u) + 0.5 : Math.round(u);
      if (near(u, b)) {
        ties++;
        u = b;
      }
      return roundMode(u, mode, fail);
    };
    const out = (t: FTensor): void => {
      values.set(node.outputs[0] ?? '', t);
      if (fromConstants) cache.set(node.outputs[0] ?? '', t);
    };
    switch (node.op) {
      case 'Identity':
        out(arg(0));
        break;
      case 'Constant': {
        const a = node.attrs.get('value');
        out(a?.kind === 'tensor' ? tensorOf(a.value) : fail('only the "value" tensor form is supported'));
        break;
      }
      case 'Add': case 'Sub': case 'Mul': case 'Div': case 'Pow': {
        const f = { Add: (x: number, y: number) => x + y, Sub: (x: number, y: number) => x - y, Mul: (x: number, y: number) => x * y, Div: (x: number, y: number) => x / y, Pow: (x: number, y: number) => x ** y }[node.op];
        out(broadcast(arg(0), arg(1), f, fail));
        break;
      }
      case 'Sqrt': out(map(arg(0), Math.sqrt)); break;
      case 'Neg': out(map(arg(0), (x) => -x)); break;
      case 'Relu': out(map(arg(0), (x) => (x > 0 ? x : 0))); break;
      case 'Sign':
        out(map(arg(0), (x) => {
          if (near(x, 0)) {
            ties++;
            return 0;
          }
          return x > 0 ? 1 : -1;
        }));
        break;
      case 'MatMul': out(matmul(arg(0), arg(1), fail)); break;
      case 'Gemm': {
        let a = arg(0), b = arg(1);
        if (a.dims.length !== 2 || b.dims.length !== 2) fail('A and B must be matrices');
        if (attrNumber(node, 'transA', 0)) a = transpose(a, [1, 0]);
        if (attrNumber(node, 'transB', 0)) b = transpose(b, [1, 0]);
        let y = map(matmul(a, b, fail), (x) => x * attrNumber(node, 'alpha', 1));
        if (has(2)) {
          const beta = attrNumber(node, 'beta', 1);
          y = broadcast(y, map(arg(2), (x) => x * beta), (x, z) => x + z, fail);
        }
        out(y);
        break;
      }
      case 'Transpose': {
        const x = arg(0);
        out(transpose(x, attrInts(node, 'perm') ?? x.dims.map((_, i) => x.dims.length - 1 - i)));
        break;
      }
      case 'Reshape': {
        const x = arg(0);
        const shape = Array.from(arg(1).data);
        const dims = shape.map((d, i) => (d === 0 ? (x.dims[i] ?? fail('bad 0 in shape')) : d));
        const known = dims.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
        const full = dims.map((d) => (d === -1 ? size(x.dims) / known : d));
        if (size(full) !== size(x.dims) || full.some((d) => !Number.isInteger(d) || d < 0)) fail(`cannot reshape [${x.dims.join(', ')}] to [${shape.join(', ')}]`);
        out({ dims: full, data: x.data });
        break;
      }
      case 'Flatten': {
        const x = arg(0);
        let axis = attrNumber(node, 'axis', 1);
        if (axis < 0) axis += x.dims.length;
        out({ dims: [size(x.dims.slice(0, axis)), size(x.dims.slice(axis))], data: x.data });
        break;
      }
      case 'Shape': out({ dims: [arg(0).dims.length], data: Float64Array.from(arg(0).dims) }); break;
      case 'Gather': {
        const x = arg(0), idx = arg(1);
        let axis = attrNumber(node, 'axis', 0);
        if (axis < 0) axis += x.dims.length;
        const outer = size(x.dims.slice(0, axis)), n = x.dims[axis] ?? fail('bad axis'), inner = size(x.dims.slice(axis + 1));
        const dims = [...x.dims.slice(0, axis), ...idx.dims, ...x.dims.slice(axis + 1)];
        const data = new Float64Array(size(dims));
        let k = 0;
        for (let o = 0; o < outer; o++) for (const i0 of idx.data) {
          const i = i0 < 0 ? i0 + n : i0;
          if (!(i >= 0 && i < n)) fail(`index ${i0} out of range`);
          for (let r = 0; r < inner; r++) data[k++] = x.data[(o * n + i) * inner + r]!;
        }
        out({ dims, data });
        break;
      }
      case 'Unsqueeze': {
        const x = arg(0);
        const axes = attrInts(node, 'axes') ?? Array.from(arg(1).data);
        const rank = x.dims.length + axes.length;
        const norm = axes.map((a) => (a < 0 ? a + rank : a));
        const dims: number[] = [];
        let j = 0;
        for (let i = 0; i < rank; i++) dims.push(norm.includes(i) ? 1 : x.dims[j++]!);
        out({ dims, data: x.data });
        break;
      }
      case 'Squeeze': {
        const x = arg(0);
        const axes = attrInts(node, 'axes') ?? (has(1) ? Array.from(arg(1).data) : undefined);
        const norm = axes?.map((a) => (a < 0 ? a + x.dims.length : a));
        out({ dims: x.dims.filter((d, i) => (norm === undefined ? d !== 1 : !norm.includes(i))), data: x.data });
        break;
      }
      case 'Concat': {
        const xs = node.inputs.map((_, j) => arg(j));
        let axis = attrNumber(node, 'axis', 0);
        const rank = xs[0]!.dims.length;
        if (axis < 0) axis += rank;
        const outer = size(xs[0]!.dims.slice(0, axis));
        const dims = [...xs[0]!.dims];
        dims[axis] = xs.reduce((p, x) => p + x.dims[axis]!, 0);
        const data = new Float64Array(size(dims));
        let k = 0;
        for (let o = 0; o < outer; o++) for (const x of xs) {
          const chunk = size(x.dims.slice(axis));
          for (let r = 0; r < chunk; r++) data[k++] = x.data[o * chunk + r]!;
        }
        out({ dims, data });
        break;
      }
      case 'Softmax': {
        const x = arg(0);
        const opset = g.opsets.get('') ?? 13;
        let axis = attrNumber(node, 'axis', opset >= 13 ? -1 : 1);
        if (axis < 0) axis += x.dims.length;
        // opset < 13 flattens to 2D at axis; opset >= 13 works along one axis: the same when axis is the last one
        if (axis !== x.dims.length - 1 && !(opset < 13 && size(x.dims.slice(axis)) === x.dims[x.dims.length - 1])) fail('only Softmax over the last axis is supported');
        const n = x.dims[x.dims.length - 1]!;
        const data = new Float64Array(x.data.length);
        for (let o = 0; o < x.data.length; o += n) {
          let m = -Infinity;
          for (let i = 0; i < n; i++) m = Math.max(m, x.data[o + i]!);
          let s = 0;
          for (let i = 0; i < n; i++) s += data[o + i] = Math.exp(x.data[o + i]! - m);
          for (let i = 0; i < n; i++) data[o + i]! /= s;
        }
        out({ dims: x.dims, data });
        break;
      }
      case 'BatchNormalization': {
        const x = arg(0), [gamma, beta, mean, vr] = [arg(1), arg(2), arg(3), arg(4)];
        const eps = attrNumber(node, 'epsilon', 1e-5);
        const c = x.dims[1] ?? fail('input needs a channel dimension');
        const inner = size(x.dims.slice(2));
        out(mapIndexed(x, (v, i) => {
          const ch = Math.floor(i / inner) % c;
          return (gamma.data[ch]! * (v - mean.data[ch]!)) / Math.sqrt(vr.data[ch]! + eps) + beta.data[ch]!;
        }));
        break;
      }
      case 'BipolarQuant': {
        const x = arg(0);
        out(broadcast(x, arg(1), (v, s) => {
          if (near(v, 0)) {
            ties++;
            v = 0;
          }
          return v >= 0 ? s : -s;
        }, fail));
        break;
      }
      case 'Quant': case 'IntQuant': {
        const x = arg(0);
        const signed = attrNumber(node, 'signed', 1) !== 0, narrow = attrNumber(node, 'narrow', 0) !== 0;
        const mode = attrString(node, 'rounding_mode', 'ROUND').toUpperCase();
        const s = expand(arg(1), x.dims, fail), zp = expand(arg(2), x.dims, fail), bw = expand(arg(3), x.dims, fail);
        out(mapIndexed(x, (v, i) => {
          const bits = bw[i]!;
          const lo = signed ? -(2 ** (bits - 1)) + (narrow ? 1 : 0) : 0;
          const hi = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1 - (narrow ? 1 : 0);
          const u = Math.min(hi, Math.max(lo, v / s[i]! + zp[i]!));
          return (round(u, mode) - zp[i]!) * s[i]!;
        }));
        break;
      }
      case 'Trunc': {
        const x = arg(0);
        const v2 = node.inputs.length >= 6;
        const mode = attrString(node, 'rounding_mode', 'FLOOR').toUpperCase();
        const s = expand(arg(1), x.dims, fail), zp = expand(arg(2), x.dims, fail), inBw = expand(arg(3), x.dims, fail);
        const outScale = v2 ? expand(arg(4), x.dims, fail) : s;
        const outBw = expand(arg(v2 ? 5 : 4), x.dims, fail);
        const signed = attrNumber(node, 'signed', 1) !== 0, narrow = attrNumber(node, 'narrow', 0) !== 0;
        out(mapIndexed(x, (v, i) => {
          const y = round(v / s[i]! + zp[i]!, 'ROUND');
          const shift = v2 ? 2 ** Math.round(Math.log2(outScale[i]! / s[i]!)) : 2 ** (inBw[i]! - outBw[i]!);
          let u = y / shift;
          if (v2) {
            const bits = outBw[i]!;
            const lo = signed ? -(2 ** (bits - 1)) + (narrow ? 1 : 0) : 0;
            const hi = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1 - (narrow ? 1 : 0);
            u = Math.min(hi, Math.max(lo, u));
          }
          const q = round(u, mode);
          return v2 ? (q - zp[i]! / shift) * outScale[i]! : (q - zp[i]!) * s[i]!;
        }));
        break;
      }
      case 'MultiThreshold': {
        const x = arg(0), th = arg(1);
        const layout = attrString(node, 'data_layout', 'NCHW');
        const cAxis = layout.endsWith('C') ? x.dims.length - 1 : 1; // QONNX: channels last when the layout ends in C
        const cDim = x.dims[cAxis] ?? 1, inner = size(x.dims.slice(cAxis + 1));
        const k = th.dims[1] ?? fail('thresholds must be [channels, steps]');
        const outScale = attrNumber(node, 'out_scale', 1), outBias = attrNumber(node, 'out_bias', 0);
        out(mapIndexed(x, (v, i) => {
          const ch = th.dims[0] === 1 ? 0 : Math.floor(i / inner) % cDim;
          let count = 0;
          for (let j = 0; j < k; j++) {
            const t = th.data[ch * k + j]!;
            if (near(v, t)) {
              ties++;
              count++;
            } else if (v >= t) count++;
          }
          return outBias + outScale * count;
        }));
        break;
      }
      default:
        refuseOp(g, node);
    }
  }
  const outputs = g.outputs.map((name) => values.get(name) ?? (() => {
    throw new UnsupportedError(`${g.file}: output "${name}" is not computed by any node`, 'onnx-unsupported');
  })());
  return { values, outputs, ties };
}

/** Rounding of QONNX Quant / Trunc (ROUND = half to even); see the op definitions. */
function roundMode(u: number, mode: string, fail: (why: string) => never): number {
  const a = Math.abs(u), sg = u < 0 ? -1 : 1;
  switch (mode) {
    case 'ROUND': {
      const f = Math.floor(u), d = u - f;
      return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
    }
    case 'HALF_UP': return sg * Math.floor(a + 0.5);
    case 'HALF_DOWN': return sg * Math.ceil(a - 0.5);
    case 'CEIL': return Math.ceil(u);
    case 'FLOOR': return Math.floor(u);
    case 'UP': return sg * Math.ceil(a);
    case 'DOWN': return sg * Math.floor(a);
    default: return fail(`rounding mode ${mode} is not supported`);
  }
}

function map(x: FTensor, f: (v: number) => number): FTensor {
  return { dims: x.dims, data: x.data.map(f) };
}
function mapIndexed(x: FTensor, f: (v: number, i: number) => number): FTensor {
  return { dims: x.dims, data: x.data.map(f) };
}

/** numpy-style broadcasting of a binary op. */
function broadcast(x: FTensor, y: FTensor, f: (a: number, b: number) => number, fail: (why: string) => never): FTensor {
  if (y.data.length === 1 && y.dims.length <= x.dims.length) {
    const b = y.data[0]!;
    return { dims: x.dims, data: x.data.map((a) => f(a, b)) };
  }
  if (x.dims.length === y.dims.length && x.dims.every((d, i) => d === y.dims[i])) return { dims: x.dims, data: x.data.map((a, i) => f(a, y.data[i]!)) };
  const rank = Math.max(x.dims.length, y.dims.length);
  const px = [...Array(rank - x.dims.length).fill(1), ...x.dims] as number[];
  const py = [...Array(rank - y.dims.length).fill(1), ...y.dims] as number[];
  const dims = px.map((d, i) => (d === py[i] ? d : d === 1 ? py[i]! : py[i] === 1 ? d : fail(`shapes [${x.dims.join(', ')}] and [${y.dims.join(', ')}] do not broadcast`)));
  const sx = strides(px).map((s, i) => (px[i] === 1 ? 0 : s)), sy = strides(py).map((s, i) => (py[i] === 1 ? 0 : s));
  const n = size(dims), data = new Float64Array(n), st = strides(dims);
  for (let k = 0; k < n; k++) {
    let ix = 0, iy = 0, rem = k;
    for (let d = 0; d < rank; d++) {
      const c = Math.floor(rem / st[d]!);
      rem -= c * st[d]!;
      ix += c * sx[d]!;
      iy += c * sy[d]!;
    }
    data[k] = f(x.data[ix]!, y.data[iy]!);
  }
  return { dims, data };
}

/** A parameter tensor broadcast to the shape of x (flat). */
function expand(p: FTensor, dims: readonly number[], fail: (why: string) => never): Float64Array {
  return broadcast({ dims, data: new Float64Array(size(dims)) }, p, (_, b) => b, fail).data;
}

function transpose(x: FTensor, perm: readonly number[]): FTensor {
  const dims = perm.map((p) => x.dims[p]!);
  const sIn = strides(x.dims), sOut = strides(dims);
  const data = new Float64Array(x.data.length);
  for (let k = 0; k < data.length; k++) {
    let rem = k, src = 0;
    for (let d = 0; d < dims.length; d++) {
      const c = Math.floor(rem / sOut[d]!);
      rem -= c * sOut[d]!;
      src += c * sIn[perm[d]!]!;
    }
    data[k] = x.data[src]!;
  }
  return { dims, data };
}

/** MatMul for 1-D and 2-D operands. */
function matmul(a: FTensor, b: FTensor, fail: (why: string) => never): FTensor {
  const a2 = a.dims.length === 1 ? [1, a.dims[0]!] : a.dims, b2 = b.dims.length === 1 ? [b.dims[0]!, 1] : b.dims;
  if (a2.length !== 2 || b2.length !== 2) fail('only 1-D and 2-D MatMul is supported');
  const [n, k] = a2 as [number, number], [k2, m] = b2 as [number, number];
  if (k !== k2) fail(`MatMul of [${a.dims.join(', ')}] and [${b.dims.join(', ')}]`);
  const data = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) {
    const v = a.data[i * k + j]!;
    if (v === 0) continue;
    for (let c = 0; c < m; c++) data[i * m + c]! += v * b.data[j * m + c]!;
  }
  const dims = a.dims.length === 1 ? (b.dims.length === 1 ? [] : [m]) : b.dims.length === 1 ? [n] : [n, m];
  return { dims, data };
}

export type { QNode };
