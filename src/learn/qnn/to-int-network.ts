/**
 * Folding a QONNX graph into an {@link IntNetwork}, exactly. The graph is
 * walked in order with symbolic tensors (sym-tensor.ts): constants are folded
 * in exact arithmetic (every float is a dyadic rational; a batch
 * normalization's sqrt(var + eps) stays an exact surd), linear ops build
 * rational affine forms over the values of the current layer, and each
 * quantizer (Quant, BipolarQuant, MultiThreshold, Trunc, Sign) applied to
 * such forms becomes one layer of threshold neurons: the form is scaled by
 * the common denominator of its coefficients to an integer sum S, and every
 * step "quantizer count >= m" becomes the exact integer threshold S >= t
 * (a negative scale negates the neuron's weights and bias). Steps that no
 * reachable S can change are folded into the neuron's output offset, so a
 * neuron's code has as many bits as its reachable counts need.
 *
 * Inputs: a model input whose elements flow (through elementwise constant
 * ops and reshapes only) into Quant or BipolarQuant takes that quantizer's
 * integer value per element (bipolar, or signed / unsigned fixed point);
 * any other input must be declared integer with `inputBits`.
 *
 * The last tensor becomes a `scores` layer; see {@link qonnxToIntNetwork}
 * for when argmax over scores is argmax over the model's outputs.
 */
import { UnsupportedError, UsageError } from '../../errors.js';
import { codeRange, type IntInput, type IntLayer, type IntNetwork, type ValueCode } from './network.js';
import { attrInts, attrNumber, attrString, decodeQonnx, isSupportedOp, refuseOp, type QConst, type QGraph, type QNode } from './qonnx-read.js';
import {
  bipolarQuantizer, countOf, intRange, multiThresholdQuantizer, nearestPowerOfTwo, quantQuantizer, ROUNDING_MODES, signQuantizer, truncQuantizer,
  type ElementQuantizer, type RoundingMode,
} from './quantizers.js';
import { add, div, eq, isInteger, isZero, lcm, mul, rat, ratOfDouble, ratToNumber, ratToString, sign as ratSign, sub, ONE, ZERO, type Rat } from './rational.js';
import {
  isRational, MixedRadicandError, surdAdd, surdCeil, surdDiv, surdEq, surdFloor, surdMul, surdOfRat, surdSign, surdSqrt, surdSub, surdToNumber, surdToString, type Surd,
} from './surd.js';
import { broadcastIndex, constElem, LinAccumulator, scaleLin, size, symElem, transposeElems, type Elem, type Lin, type SymTensor } from './sym-tensor.js';

/** Options of {@link qonnxToIntNetwork}. */
export interface QonnxImportOptions {
  /** Bits of each value of a model input that has no quantizer (the CLI's --input-bits). Inputs with a quantizer ignore it. */
  readonly inputBits?: number;
  /** Whether such inputs are two's complement (default unsigned). */
  readonly inputSigned?: boolean;
}

/** How to present integer input values to the original graph: x = scale * v + offset per element (floats), or v itself. */
export type RawInputMap =
  | { readonly name: string; readonly dims: readonly number[]; readonly kind: 'integer' }
  | {
      readonly name: string;
      readonly dims: readonly number[];
      readonly kind: 'quantized';
      readonly scale: Float64Array;
      readonly offset: Float64Array;
      /** The values the quantizer can produce per element (a narrow range leaves out one value of its code). */
      readonly min: readonly bigint[];
      readonly max: readonly bigint[];
    };

/** Where a layer's values live in the graph: graph tensor element `elements[i]` = base[i] + step[i] * value of neuron i (floats). */
export interface LayerTensorMap {
  readonly tensor: string;
  readonly elements: readonly number[];
  readonly base: readonly number[];
  readonly step: readonly number[];
}

/** The imported network plus what the differential check needs to relate it to the graph. */
export interface QonnxImport {
  readonly network: IntNetwork;
  readonly rawInputs: readonly RawInputMap[];
  readonly layerMaps: readonly LayerTensorMap[];
  /** Graph tensor the scores stand for (before a final Softmax): tensor[k] ~ mul[k] * scores[k] + add[k]. */
  readonly scores: { readonly tensor: string; readonly mul: readonly number[]; readonly add: readonly number[] };
}

/** Most reachable steps one quantized neuron may have (a 16-bit activation). */
export const MAX_NEURON_STEPS = 65535;

const PASS_OPS = new Set(['Identity', 'Reshape', 'Flatten', 'Transpose', 'Squeeze', 'Unsqueeze', 'Mul', 'Div', 'Add', 'Sub', 'Neg']);
const INPUT_QUANTIZERS = new Set(['Quant', 'IntQuant', 'BipolarQuant']);
const QUANTIZER_OPS = new Set(['Quant', 'IntQuant', 'BipolarQuant', 'MultiThreshold', 'Trunc', 'Sign']);

/** Decodes QONNX bytes and folds them (see {@link qonnxToIntNetwork}). */
export async function importQonnx(bytes: Uint8Array, file = '<input>', options: QonnxImportOptions = {}): Promise<QonnxImport> {
  return qonnxToIntNetwork(await decodeQonnx(bytes, file), options);
}

/**
 * Folds a decoded graph into an integer network. Refuses (UnsupportedError,
 * naming node, op and domain) anything it cannot fold exactly. The scores:
 * with rational output scales, scores = D * outputs for one common D > 0
 * (per-class scales are multiplied into each class's weights), so argmax is
 * exact; with one common irrational scale and offset (a batch normalization
 * at the end) argmax is still exact when the scale is positive; otherwise
 * `argmax.valid` is false and says why.
 */
export function qonnxToIntNetwork(g: QGraph, options: QonnxImportOptions = {}): QonnxImport {
  const file = g.file;
  const bad = (why: string): never => {
    throw new UnsupportedError(`${file}: ${why}`, 'onnx-unsupported');
  };
  if (options.inputBits !== undefined && !(Number.isInteger(options.inputBits) && options.inputBits >= 1 && options.inputBits <= 32)) {
    throw new UsageError(`input bits must be an integer from 1 to 32, got ${options.inputBits}`, 'bad-param');
  }
  if (g.outputs.length !== 1) bad(`the graph must have exactly one output, it has ${g.outputs.length}`);
  if (g.inputs.length === 0) bad('the graph has no inputs');

  // ---- inputs: quantized (space -1 until their quantizer) or integer (space 0)
  const consumers = new Map<string, QNode[]>();
  for (const n of g.nodes) for (const i of n.inputs) consumers.set(i, [...(consumers.get(i) ?? []), n]);
  const firstUnquantized = (name: string): QNode | 'output' | undefined => {
    const seen = new Set<string>();
    const todo = [name];
    while (todo.length) {
      const t = todo.pop()!;
      if (seen.has(t)) continue;
      seen.add(t);
      if (g.outputs.includes(t)) return 'output';
      for (const n of consumers.get(t) ?? []) {
        if (n.op === 'Shape') continue;
        if (INPUT_QUANTIZERS.has(n.op) && n.inputs[0] === t && n.domain !== '') continue;
        if (PASS_OPS.has(n.op) && n.domain === '' && (n.op !== 'Reshape' || n.inputs[0] === t)) todo.push(...n.outputs);
        else return n;
      }
    }
    return undefined;
  };
  const tensors = new Map<string, SymTensor>();
  const inputs: (IntInput | undefined)[] = [];
  const rawScale: number[] = [], rawOffset: number[] = [], rawMin: bigint[] = [], rawMax: bigint[] = [];
  const inputKinds: ('integer' | 'quantized')[] = [];
  const inputOf: number[] = []; // global element -> graph input index
  let offset = 0;
  g.inputs.forEach((inp, k) => {
    const n = size(inp.dims);
    const blocker = firstUnquantized(inp.name);
    const quantized = blocker === undefined;
    if (!quantized && options.inputBits === undefined) {
      const at = blocker === 'output' ? 'the graph output' : `node "${blocker!.name}" (${blocker!.op})`;
      bad(`input "${inp.name}" reaches ${at} without a quantizer (Quant or BipolarQuant), so its bits are not defined: pass --input-bits N to read each input value as an N-bit integer (unsigned, or signed with --input-signed)`);
    }
    inputKinds.push(quantized ? 'quantized' : 'integer');
    const code: ValueCode | undefined = quantized ? undefined : { kind: options.inputSigned ? 'signed' : 'unsigned', bits: options.inputBits! };
    const elems: Elem[] = [];
    for (let e = 0; e < n; e++) {
      const r = offset + e;
      inputOf.push(k);
      inputs.push(code === undefined ? undefined : { name: `${inp.name}[${e}]`, code });
      rawScale.push(1);
      rawOffset.push(0);
      rawMin.push(-1n);
      rawMax.push(1n);
      elems.push(symElem({ space: quantized ? -1 : 0, terms: new Map([[r, ONE]]), c: ZERO }, surdOfRat(ONE), surdOfRat(ZERO)));
    }
    tensors.set(inp.name, { dims: inp.dims, elems });
    offset += n;
  });
  const totalInputs = offset;

  // ---- layers
  const layers: IntLayer[] = [];
  /** Per tensor, the node names since the last quantizer (the layer's source). */
  const via = new Map<string, string[]>();
  let currentVia: string[] = [];
  const layerMaps: LayerTensorMap[] = [];
  const spaceRange: { lo: bigint; hi: bigint }[][] = [];
  const latestSpace = (): number => layers.length;
  const rangesOf = (space: number): { lo: bigint; hi: bigint }[] => {
    if (space === 0 && spaceRange[0] === undefined) spaceRange[0] = inputs.map((i) => {
      if (i === undefined) return { lo: 0n, hi: 0n };
      const r = codeRange(i.code);
      return { lo: r.min, hi: r.max };
    });
    return spaceRange[space]!;
  };

  const constTensor = (c: QConst): SymTensor => ({ dims: c.dims, elems: c.values.map((v) => constElem(surdOfRat(ratOfDouble(v)))) });

  for (const node of g.nodes) {
    if (!isSupportedOp(node)) refuseOp(g, node);
    const where = `node "${node.name}" (op ${node.op}, domain "${node.domain}")`;
    const fail = (why: string): never => bad(`${where}: ${why}`);
    const arg = (j: number): SymTensor => {
      const name = node.inputs[j] ?? '';
      let t = tensors.get(name);
      if (t === undefined) {
        const c = g.constants.get(name);
        if (c === undefined) return fail(`input ${j} "${name}" is not defined before this node`);
        t = constTensor(c);
        tensors.set(name, t);
      }
      if (t.softmax) fail('a Softmax output can only be the graph output');
      return t;
    };
    const has = (j: number): boolean => (node.inputs[j] ?? '') !== '';
    const constArg = (j: number, what: string): Surd[] => {
      const t = arg(j);
      return t.elems.map((e) => (e.kind === 'const' ? e.v : fail(`${what} (input ${j}) must be a constant`)));
    };
    const ratArg = (j: number, what: string): Rat[] => constArg(j, what).map((v) => (isRational(v) ? v.a : fail(`${what} must be rational, it is ${surdToString(v)}`)));
    const intsOf = (vals: readonly Rat[], what: string): number[] => vals.map((v) => (isInteger(v) && v.n >= -(1n << 40n) && v.n <= 1n << 40n ? Number(v.n) : fail(`${what} must be integers`)));
    const out = (t: SymTensor): void => {
      // provenance: the nodes since the last quantizer that this tensor's non-constant inputs went through
      if (t.elems.some((e) => e.kind === 'sym')) {
        const chain = new Set<string>();
        if (!QUANTIZER_OPS.has(node.op)) {
          for (const i of node.inputs) for (const n of via.get(i) ?? []) chain.add(n);
          chain.add(node.name);
        }
        via.set(node.outputs[0] ?? '', [...chain]);
      }
      if (node.outputs.length !== 1 && !(node.op === 'BatchNormalization' && node.outputs.slice(1).every((o) => o === ''))) fail('nodes with several outputs are not supported');
      tensors.set(node.outputs[0] ?? '', t);
    };
    /** A parameter broadcast to the shape of x (flat, rational). */
    const paramOf = (j: number, dims: readonly number[], what: string): Rat[] => {
      const p = arg(j);
      const vals = ratArg(j, what);
      const bi = broadcastIndex(dims, p.dims);
      if (bi === undefined || bi.dims.length !== Math.max(dims.length, p.dims.length) || size(bi.dims) !== size(dims)) return fail(`${what} of shape [${p.dims.join(', ')}] does not broadcast to [${dims.join(', ')}]`);
      return Array.from(bi.iy, (i) => vals[i]!);
    };
    try {
      switch (node.op) {
        case 'Identity':
          out(arg(0));
          break;
        case 'Constant': {
          const a = node.attrs.get('value');
          out(a?.kind === 'tensor' ? constTensor(a.value) : fail('only the "value" (tensor) form is supported'));
          break;
        }
        case 'Add': case 'Sub': case 'Mul': case 'Div': {
          const x = arg(0), y = arg(1);
          const bi = broadcastIndex(x.dims, y.dims) ?? fail(`shapes [${x.dims.join(', ')}] and [${y.dims.join(', ')}] do not broadcast`);
          const f = { Add: addElem, Sub: (a: Elem, b: Elem) => addElem(a, negElem(b, fail), fail), Mul: mulElem, Div: divElem }[node.op];
          out({ dims: bi.dims, elems: Array.from(bi.ix, (ix, k) => f(x.elems[ix]!, y.elems[bi.iy[k]!]!, fail)) });
          break;
        }
        case 'Neg': {
          const x = arg(0);
          out({ dims: x.dims, elems: x.elems.map((e) => negElem(e, fail)) });
          break;
        }
        case 'Pow': {
          const x = constArg(0, 'the base'), y = arg(1);
          const ex = ratArg(1, 'the exponent');
          const bi = broadcastIndex(arg(0).dims, y.dims) ?? fail('shapes do not broadcast');
          out({ dims: bi.dims, elems: Array.from(bi.ix, (ix, k) => constElem(powSurd(x[ix]!, ex[bi.iy[k]!]!, fail))) });
          break;
        }
        case 'Sqrt': {
          const x = arg(0);
          out({ dims: x.dims, elems: ratArg(0, 'Sqrt of a non-constant').map((v) => constElem(ratSign(v) < 0 ? fail('square root of a negative number') : surdSqrt(v))) });
          break;
        }
        case 'Relu': {
          const x = arg(0);
          out({
            dims: x.dims,
            elems: x.elems.map((e) => {
              if (e.kind === 'const') return constElem(surdSign(e.v) < 0 ? surdOfRat(ZERO) : e.v);
              if (e.lin.space < 0) fail('a Relu on a model input before its quantizer is not supported');
              return symElem(e.lin, e.alpha, e.beta, true);
            }),
          });
          break;
        }
        case 'MatMul': {
          const a = arg(0), b = arg(1);
          out(matmul(a, b, fail));
          break;
        }
        case 'Gemm': {
          let a = arg(0), b = arg(1);
          if (a.dims.length !== 2 || b.dims.length !== 2) fail('A and B must be matrices');
          if (attrNumber(node, 'transA', 0)) a = { dims: [...a.dims].reverse(), elems: transposeElems(a.dims, a.elems, [1, 0]).elems };
          if (attrNumber(node, 'transB', 0)) b = { dims: [...b.dims].reverse(), elems: transposeElems(b.dims, b.elems, [1, 0]).elems };
          const alpha = constElem(surdOfRat(ratOfDouble(attrNumber(node, 'alpha', 1))));
          let y = matmul(a, b, fail);
          y = { dims: y.dims, elems: y.elems.map((e) => mulElem(e, alpha, fail)) };
          if (has(2)) {
            const c = arg(2);
            const beta = constElem(surdOfRat(ratOfDouble(attrNumber(node, 'beta', 1))));
            const bi = broadcastIndex(y.dims, c.dims);
            if (bi === undefined || size(bi.dims) !== size(y.dims)) fail(`C of shape [${c.dims.join(', ')}] does not broadcast to [${y.dims.join(', ')}]`);
            y = { dims: y.dims, elems: Array.from(bi!.ix, (ix, k) => addElem(y.elems[ix]!, mulElem(c.elems[bi!.iy[k]!]!, beta, fail), fail)) };
          }
          out(y);
          break;
        }
        case 'Transpose': {
          const x = arg(0);
          const perm = attrInts(node, 'perm') ?? x.dims.map((_, i) => x.dims.length - 1 - i);
          if (perm.length !== x.dims.length || [...perm].sort().some((p, i) => p !== i)) fail(`bad permutation [${perm.join(', ')}]`);
          out(transposeElems(x.dims, x.elems, perm));
          break;
        }
        case 'Reshape': {
          const x = arg(0);
          const shape = intsOf(ratArg(1, 'the shape'), 'the shape');
          const dims = shape.map((d, i) => (d === 0 ? (x.dims[i] ?? fail('0 in the shape beyond the input rank')) : d));
          const known = dims.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
          if (dims.filter((d) => d === -1).length > 1 || dims.some((d) => d < -1)) fail(`bad shape [${shape.join(', ')}]`);
          const full = dims.map((d) => (d === -1 ? (known === 0 ? 0 : size(x.dims) / known) : d));
          if (size(full) !== size(x.dims) || full.some((d) => !Number.isInteger(d))) fail(`cannot reshape [${x.dims.join(', ')}] to [${shape.join(', ')}]`);
          out({ dims: full, elems: x.elems });
          break;
        }
        case 'Flatten': {
          const x = arg(0);
          let axis = attrNumber(node, 'axis', 1);
          if (axis < 0) axis += x.dims.length;
          if (axis < 0 || axis > x.dims.length) fail(`bad axis ${axis}`);
          out({ dims: [size(x.dims.slice(0, axis)), size(x.dims.slice(axis))], elems: x.elems });
          break;
        }
        case 'Shape': {
          const x = arg(0);
          out({ dims: [x.dims.length], elems: x.dims.map((d) => constElem(surdOfRat(rat(BigInt(d))))) });
          break;
        }
        case 'Gather': {
          const x = arg(0), idx = arg(1);
          const ids = intsOf(ratArg(1, 'the indices'), 'the indices');
          let axis = attrNumber(node, 'axis', 0);
          if (axis < 0) axis += x.dims.length;
          const n = x.dims[axis] ?? fail(`bad axis ${axis}`);
          const outer = size(x.dims.slice(0, axis)), inner = size(x.dims.slice(axis + 1));
          const elems: Elem[] = [];
          for (let o = 0; o < outer; o++) for (const i0 of ids) {
            const i = i0 < 0 ? i0 + n : i0;
            if (i < 0 || i >= n) fail(`index ${i0} out of range`);
            for (let r = 0; r < inner; r++) elems.push(x.elems[(o * n + i) * inner + r]!);
          }
          out({ dims: [...x.dims.slice(0, axis), ...idx.dims, ...x.dims.slice(axis + 1)], elems });
          break;
        }
        case 'Unsqueeze': {
          const x = arg(0);
          const axes = attrInts(node, 'axes') ?? intsOf(ratArg(1, 'the axes'), 'the axes');
          const rank = x.dims.length + axes.length;
          const norm = axes.map((a) => (a < 0 ? a + rank : a));
          if (norm.some((a) => a < 0 || a >= rank) || new Set(norm).size !== norm.length) fail(`bad axes [${axes.join(', ')}]`);
          const dims: number[] = [];
          let j = 0;
          for (let i = 0; i < rank; i++) dims.push(norm.includes(i) ? 1 : x.dims[j++]!);
          out({ dims, elems: x.elems });
          break;
        }
        case 'Squeeze': {
          const x = arg(0);
          const axes = attrInts(node, 'axes') ?? (has(1) ? intsOf(ratArg(1, 'the axes'), 'the axes') : undefined);
          const norm = axes?.map((a) => (a < 0 ? a + x.dims.length : a));
          if (norm?.some((a) => x.dims[a] !== 1)) fail('can only squeeze dimensions of size 1');
          out({ dims: x.dims.filter((d, i) => (norm === undefined ? d !== 1 : !norm.includes(i))), elems: x.elems });
          break;
        }
        case 'Concat': {
          const xs = node.inputs.map((_, j) => arg(j));
          let axis = attrNumber(node, 'axis', 0);
          const rank = xs[0]?.dims.length ?? fail('no inputs');
          if (axis < 0) axis += rank;
          if (axis < 0 || axis >= rank || xs.some((x) => x.dims.length !== rank || x.dims.some((d, i) => i !== axis && d !== xs[0]!.dims[i]))) fail('inputs do not concatenate');
          const dims = [...xs[0]!.dims];
          dims[axis] = xs.reduce((p, x) => p + x.dims[axis]!, 0);
          const outer = size(xs[0]!.dims.slice(0, axis));
          const elems: Elem[] = [];
          for (let o = 0; o < outer; o++) for (const x of xs) {
            const chunk = size(x.dims.slice(axis));
            for (let r = 0; r < chunk; r++) elems.push(x.elems[o * chunk + r]!);
          }
          out({ dims, elems });
          break;
        }
        case 'Softmax': {
          const x = arg(0);
          if (!g.outputs.includes(node.outputs[0] ?? '')) fail('Softmax is supported only as the last op (its output must be the graph output)');
          let axis = attrNumber(node, 'axis', (g.opsets.get('') ?? 13) >= 13 ? -1 : 1);
          if (axis < 0) axis += x.dims.length;
          if (size(x.dims.slice(0, axis)) !== 1 && size(x.dims) !== x.dims[x.dims.length - 1]) fail('Softmax over one batch row only');
          out({ dims: x.dims, elems: x.elems, softmax: true });
          break;
        }
        case 'BatchNormalization': {
          const x = arg(0);
          const c = x.dims[1] ?? fail('the input needs a channel dimension');
          const [gamma, beta, mean, vr] = [1, 2, 3, 4].map((j) => ratArg(j, ['', 'scale', 'B', 'mean', 'var'][j]!));
          if ([gamma, beta, mean, vr].some((p) => p!.length !== c)) fail(`parameters must have ${c} entries`);
          const eps = ratOfDouble(attrNumber(node, 'epsilon', 1e-5));
          const inner = size(x.dims.slice(2));
          // y = gamma (x - mean) / sqrt(var + eps) + beta = k x + (beta - k mean)
          const ks = gamma!.map((gm, ch) => {
            const v = add(vr![ch]!, eps);
            if (ratSign(v) <= 0) fail(`channel ${ch}: var + epsilon is not positive`);
            return surdDiv(surdOfRat(gm), surdSqrt(v));
          });
          out({
            dims: x.dims,
            elems: x.elems.map((e, i) => {
              const ch = Math.floor(i / inner) % c;
              const k = constElem(ks[ch]!);
              const off = constElem(surdSub(surdOfRat(beta![ch]!), surdMul(ks[ch]!, surdOfRat(mean![ch]!))));
              return addElem(mulElem(e, k, fail), off, fail);
            }),
          });
          break;
        }
        case 'Quant': case 'IntQuant': case 'BipolarQuant': case 'Trunc': case 'MultiThreshold': case 'Sign': {
          const x = arg(0);
          const qs = quantizersOf(node, x.dims, paramOf, (j, what) => ({ dims: arg(j).dims, vals: ratArg(j, what) }), fail);
          currentVia = via.get(node.inputs[0] ?? '') ?? [];
          out(applyQuantizer(node, x, qs, fail));
          break;
        }
        default:
          refuseOp(g, node);
      }
    } catch (e) {
      if (e instanceof MixedRadicandError) fail(`cannot fold exactly: ${e.message}`);
      if (e instanceof RangeError) fail(`cannot fold exactly: ${e.message}`);
      throw e;
    }
  }

  /** Applies a quantizer: constants fold, model inputs are defined, forms of the latest layer become a new layer. */
  function applyQuantizer(node: QNode, x: SymTensor, qs: readonly ElementQuantizer[], fail: (why: string) => never): SymTensor {
    const spaces = new Set<number>();
    for (const e of x.elems) if (e.kind === 'sym') spaces.add(e.lin.space);
    if (spaces.size > 1) fail('its input mixes model inputs and layer values, or values of different layers (only chains of layers are supported)');
    const space = spaces.size ? [...spaces][0]! : undefined;
    if (space === -1) return defineInputs(node, x, qs, fail);
    if (space !== undefined && space !== latestSpace()) fail(`its input reads layer ${space} values, but layer ${latestSpace()} comes after it (skip connections are not supported)`);
    const ranges = space === undefined ? [] : rangesOf(space);
    const width = space === undefined ? 0 : space === 0 ? totalInputs : layers[space - 1]!.bias.length;
    type Neuron = { elem: number; weights: bigint[]; bias: bigint; thresholds: bigint[]; smax: bigint; base: Rat; step: Rat };
    const neurons: Neuron[] = [];
    const result: (Elem | undefined)[] = x.elems.map((e, i) => {
      const q = qs[i]!;
      if (e.kind === 'const') return constValue(q, e.v);
      // S = L * form (integers); y = alpha * sgn * S' / L + beta with S' = sgn * S
      let L = 1n;
      for (const w of e.lin.terms.values()) L = lcm(L, w.d);
      L = lcm(L, e.lin.c.d);
      const sgn = surdSign(e.alpha) < 0 ? -1n : 1n;
      const weights = new Array<bigint>(width).fill(0n);
      let smin = (e.lin.c.n * L) / e.lin.c.d * sgn, smax = smin;
      const bias = smin;
      for (const [j, w] of e.lin.terms) {
        const wi = ((w.n * L) / w.d) * sgn;
        weights[j] = wi;
        const r = ranges[j]!;
        const [a, b] = wi >= 0n ? [wi * r.lo, wi * r.hi] : [wi * r.hi, wi * r.lo];
        smin += a;
        smax += b;
      }
      const scale = surdDiv(surdMul(e.alpha, surdOfRat(rat(sgn))), surdOfRat(rat(L))); // > 0
      const zAt = (s: bigint): Surd => {
        const y = surdAdd(surdMul(scale, surdOfRat(rat(s))), e.beta);
        return e.relu && surdSign(y) < 0 ? surdOfRat(ZERO) : y;
      };
      const cLo = countOf(q, zAt(smin)), cHi = countOf(q, zAt(smax));
      if (cLo === cHi) return constElem(surdOfRat(valueAt(q, cLo)));
      if (cHi - cLo > BigInt(MAX_NEURON_STEPS)) fail(`element ${i} has ${cHi - cLo} reachable quantization steps (at most ${MAX_NEURON_STEPS})`);
      const thresholds: bigint[] = [];
      for (let m = cLo + 1n; m <= cHi; m++) {
        const c = q.cond(m);
        // y (op) theta  iff  S' (op) (theta - beta) / scale
        const T = surdDiv(surdSub(c.theta, e.beta), scale);
        let t = c.strict ? surdFloor(T) + 1n : surdCeil(T);
        if (t <= smin) t = smin + 1n; // cannot happen for m > cLo; clamps keep the order regardless
        if (t > smax) t = smax;
        thresholds.push(t);
      }
      // S only takes values bias + g Z (g = gcd of the weights): move each threshold up to that lattice
      let g0 = 0n;
      for (const w of weights) if (w !== 0n) g0 = gcdBig(g0, w);
      if (g0 > 1n) for (let k = 0; k < thresholds.length; k++) thresholds[k]! += (((bias - thresholds[k]!) % g0) + g0) % g0;
      // all steps at one threshold (e.g. Sign when the sum is never 0): one step of their combined size
      let step = q.step;
      if (thresholds.length > 1 && thresholds.every((t) => t === thresholds[0])) {
        step = mul(step, rat(BigInt(thresholds.length)));
        thresholds.length = 1;
      }
      neurons.push({ elem: i, weights, bias, thresholds, smax, base: valueAt(q, cLo), step });
      return undefined;
    });
    if (neurons.length === 0) return { dims: x.dims, elems: result.map((e) => e!) };
    const K = neurons.reduce((p, n) => Math.max(p, n.thresholds.length), 0);
    const bipolar = K === 1 && neurons.every((n) => isZero(add(mul(rat(2n), n.base), n.step)));
    const code: ValueCode = bipolar ? { kind: 'bipolar' } : { kind: 'unsigned', bits: K.toString(2).length };
    const layerIndex = layers.length;
    layers.push({
      source: [...currentVia, node.name].join(' -> '),
      weights: neurons.map((n) => n.weights),
      bias: neurons.map((n) => n.bias),
      activation: { kind: 'thresholds', code, thresholds: neurons.map((n) => [...n.thresholds, ...new Array<bigint>(K - n.thresholds.length).fill(n.smax + 1n)]) },
    });
    spaceRange[layerIndex + 1] = neurons.map(() => (bipolar ? { lo: -1n, hi: 1n } : { lo: 0n, hi: BigInt(K) }));
    const map = { tensor: node.outputs[0] ?? '', elements: [] as number[], base: [] as number[], step: [] as number[] };
    neurons.forEach((n, k) => {
      // bipolar: value = base + step (v + 1) / 2; unsigned: value = base + step * v
      const [c, w] = bipolar ? [add(n.base, div(n.step, rat(2n))), div(n.step, rat(2n))] : [n.base, n.step];
      result[n.elem] = symElem({ space: layerIndex + 1, terms: new Map([[k, w]]), c }, surdOfRat(ONE), surdOfRat(ZERO));
      map.elements.push(n.elem);
      map.base.push(ratToNumber(c));
      map.step.push(ratToNumber(w));
    });
    layerMaps.push(map);
    return { dims: x.dims, elems: result.map((e) => e!) };
  }

  /** The first quantizer of a model input: its integer values become the network inputs. */
  function defineInputs(node: QNode, x: SymTensor, qs: readonly ElementQuantizer[], fail: (why: string) => never): SymTensor {
    if (node.op !== 'Quant' && node.op !== 'IntQuant' && node.op !== 'BipolarQuant') fail('a model input must be quantized by Quant or BipolarQuant first (or pass --input-bits)');
    const bits = node.op === 'BipolarQuant' ? 1 : Number(ratArgOf(node.inputs[3] ?? ''));
    const signed = attrNumber(node, 'signed', 1) !== 0;
    const code: ValueCode = node.op === 'BipolarQuant' ? { kind: 'bipolar' } : { kind: signed ? 'signed' : 'unsigned', bits };
    const elems = x.elems.map((e, i) => {
      if (e.kind === 'const') return constElem(surdOfRat(valueAt(qs[i]!, countOf(qs[i]!, e.v))));
      if (e.relu || e.lin.terms.size !== 1) fail(`element ${i} is not a scaled copy of one input element`);
      const [r, a] = [...e.lin.terms][0]!;
      const prev = inputs[r];
      if (prev !== undefined) fail(`input element ${r} is quantized twice`);
      const name = g.inputs[inputOf[r]!]!.name;
      const start = inputOf.indexOf(inputOf[r]!);
      inputs[r] = { name: `${name}[${r - start}]`, code };
      const q = qs[i]!;
      // value = base0 + step * c with c = q - lo (Quant) or (v + 1) / 2 (bipolar)
      const lo = code.kind === 'bipolar' ? 0n : codeLo(node, bits, signed);
      const [w, c] = code.kind === 'bipolar' ? [div(q.step, rat(2n)), add(q.base0, div(q.step, rat(2n)))] : [q.step, sub(q.base0, mul(q.step, rat(lo)))];
      // raw x giving value v: z* = the quantized value (center of its bin); z = alpha (a x + c0) + beta
      const alpha = surdToNumber(e.alpha) * ratToNumber(a), b0 = surdToNumber(e.alpha) * ratToNumber(e.lin.c) + surdToNumber(e.beta);
      const [zs, zo] = code.kind === 'bipolar' ? [1, 0] : [ratToNumber(w), ratToNumber(c)];
      rawScale[r] = zs / alpha;
      rawOffset[r] = (zo - b0) / alpha;
      if (code.kind === 'bipolar') [rawMin[r], rawMax[r]] = [-1n, 1n];
      else {
        const range = intRange(BigInt(bits), signed, attrNumber(node, 'narrow', 0) !== 0);
        [rawMin[r], rawMax[r]] = [range.lo, range.hi];
      }
      return symElem({ space: 0, terms: new Map([[r, w]]), c }, surdOfRat(ONE), surdOfRat(ZERO));
    });
    return { dims: x.dims, elems };
  }
  function ratArgOf(name: string): bigint {
    const c = g.constants.get(name);
    const v = c?.values[0];
    if (v === undefined || !Number.isInteger(v)) return bad(`bit width "${name}" must be a constant integer`);
    return BigInt(v);
  }
  function codeLo(node: QNode, bits: number, signed: boolean): bigint {
    return intRange(BigInt(bits), signed, attrNumber(node, 'narrow', 0) !== 0).lo;
  }

  // ---- outputs: the scores layer
  const outName = g.outputs[0]!;
  const outT = tensors.get(outName) ?? (g.constants.has(outName) ? bad(`output "${outName}" is a constant`) : bad(`output "${outName}" is not computed by any node`));
  const fin = outT.elems;
  if (fin.some((e) => e.kind === 'sym' && e.relu)) bad(`output "${outName}" ends in a Relu without a quantizer (not supported)`);
  const syms = fin.filter((e): e is Extract<Elem, { kind: 'sym' }> => e.kind === 'sym');
  if (syms.some((e) => e.lin.space < 0)) bad(`output "${outName}" depends on a model input that is never quantized`);
  if (syms.some((e) => e.lin.space !== latestSpace())) bad(`output "${outName}" reads values of an earlier layer (only chains of layers are supported)`);
  // output k = alpha_k * lin_k + beta_k (constants: lin = 0, beta = value)
  const parts = fin.map((e) => (e.kind === 'const' ? { lin: { space: latestSpace(), terms: new Map<number, Rat>(), c: ZERO } as Lin, alpha: surdOfRat(ONE), beta: e.v } : e));
  const allRational = parts.every((p) => isRational(p.alpha) && isRational(p.beta));
  const same = (a: Surd, b: Surd): boolean => {
    try {
      return surdEq(a, b);
    } catch (e) {
      if (e instanceof MixedRadicandError) return false; // different square roots: not equal
      throw e;
    }
  };
  const commonMap = parts.every((p) => same(p.alpha, parts[0]!.alpha) && same(p.beta, parts[0]!.beta));
  // rational outputs: fold beta into the form; otherwise scores are the forms
  const lins = parts.map((p) => (allRational ? { ...p.lin, c: add(mul(p.lin.c, p.alpha.a), p.beta.a), terms: scaleLin(p.lin, p.alpha.a).terms } : p.lin));
  // a constant common to all classes does not change the order: dropped when the map is not rational anyway
  const commonOffset = !allRational && commonMap && lins.every((l) => eq(l.c, lins[0]!.c));
  if (commonOffset) for (let k = 0; k < lins.length; k++) lins[k] = { ...lins[k]!, c: ZERO };
  let D = 1n;
  for (const l of lins) {
    D = lcm(D, l.c.d);
    for (const w of l.terms.values()) D = lcm(D, w.d);
  }
  const width = latestSpace() === 0 ? totalInputs : layers[latestSpace() - 1]!.bias.length;
  layers.push({
    source: [...(via.get(outName) ?? []), `output ${outName}`].join(' -> '),
    weights: lins.map((l) => {
      const row = new Array<bigint>(width).fill(0n);
      for (const [j, w] of l.terms) row[j] = (w.n * D) / w.d;
      return row;
    }),
    bias: lins.map((l) => (l.c.n * D) / l.c.d),
    activation: { kind: 'scores' },
  });
  const alpha0 = parts[0]!.alpha;
  const soft = outT.softmax ? ' The graph ends in Softmax, which keeps the order: scores stand for its input.' : '';
  let argmax: { valid: boolean; reason: string };
  let scoreScale: string;
  if (allRational) {
    argmax = { valid: true, reason: `scores are exactly ${D} times the model outputs (per-class scales and offsets are folded into each class's weights and bias).${soft}` };
    scoreScale = `${D}`;
  } else if (commonMap && surdSign(alpha0) > 0) {
    argmax = { valid: true, reason: `the last layer ends in a strictly increasing affine map common to all classes (x * ${surdToString(alpha0)} + ${surdToString(parts[0]!.beta)}): scores are ${D} times its input${commonOffset ? ' minus a constant common to all classes' : ''}.${soft}` };
    scoreScale = `${D} / (${surdToString(alpha0)}), offset ${surdToString(parts[0]!.beta)}`;
  } else {
    argmax = {
      valid: false,
      reason: commonMap
        ? `the last layer ends in a decreasing affine map (scale ${surdToString(alpha0)}): argmax of the model is argmin of the scores`
        : 'the last layer ends in per-class irrational scales or offsets (e.g. a batch normalization per class), which no integer scores reproduce exactly: scores are the values before that map',
    };
    scoreScale = `${D} (before the final per-class map)`;
  }
  const scoreMul = parts.map((p) => (allRational ? 1 / Number(D) : surdToNumber(p.alpha) / Number(D)));
  const scoreAdd = parts.map((p, k) => (allRational ? 0 : surdToNumber(p.beta) + (commonOffset ? surdToNumber(p.alpha) * ratToNumber(parts[k]!.lin.c) : 0)));

  const finalInputs: IntInput[] = inputs.map((inp, r) => {
    if (inp !== undefined) return inp;
    // an element no quantizer reads: it takes the code its input's other elements have
    const k = inputOf[r]!;
    const sibling = inputs.find((x, j) => x !== undefined && inputOf[j] === k);
    const start = inputOf.indexOf(k);
    return { name: `${g.inputs[k]!.name}[${r - start}]`, code: sibling?.code ?? { kind: 'bipolar' } };
  });
  const codesPerInput = new Map<number, string>();
  finalInputs.forEach((inp, r) => {
    const key = JSON.stringify(inp.code);
    const prev = codesPerInput.get(inputOf[r]!);
    if (prev !== undefined && prev !== key) bad(`input "${g.inputs[inputOf[r]!]!.name}" is quantized with different codes in different elements`);
    codesPerInput.set(inputOf[r]!, key);
  });
  const network: IntNetwork = {
    inputs: finalInputs,
    layers,
    outputNames: fin.map((_, k) => `${outName}[${k}]`),
    scoreScale,
    argmax,
  };
  let start = 0;
  const rawInputs: RawInputMap[] = g.inputs.map((inp, k) => {
    const n = size(inp.dims);
    const m: RawInputMap = inputKinds[k] === 'integer'
      ? { name: inp.name, dims: inp.dims, kind: 'integer' }
      : {
          name: inp.name,
          dims: inp.dims,
          kind: 'quantized',
          scale: Float64Array.from(rawScale.slice(start, start + n)),
          offset: Float64Array.from(rawOffset.slice(start, start + n)),
          min: rawMin.slice(start, start + n),
          max: rawMax.slice(start, start + n),
        };
    start += n;
    return m;
  });
  const scoresTensor = outT.softmax ? (g.nodes.find((n) => n.outputs[0] === outName)?.inputs[0] ?? outName) : outName;
  return { network, rawInputs, layerMaps, scores: { tensor: scoresTensor, mul: scoreMul, add: scoreAdd } };
}

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const valueAt = (q: ElementQuantizer, c: bigint): Rat => add(q.base0, mul(q.step, rat(c)));

/** The quantized value of a constant, as an element (memoised per quantizer and count: weight tensors repeat a few values). */
const constCache = new WeakMap<ElementQuantizer, Map<bigint, Elem>>();
function constValue(q: ElementQuantizer, v: Surd): Elem {
  const c = countOf(q, v);
  let m = constCache.get(q);
  if (m === undefined) constCache.set(q, (m = new Map()));
  let e = m.get(c);
  if (e === undefined) m.set(c, (e = constElem(surdOfRat(valueAt(q, c)))));
  return e;
}

/** One quantizer object per distinct parameter objects (per-tensor parameters broadcast to the same objects). */
function memo<A extends object[], T>(make: (...k: A) => T): (...k: A) => T {
  const root = new Map<unknown, unknown>();
  return (...k) => {
    let m = root;
    for (const x of k.slice(0, -1)) {
      let next = m.get(x) as Map<unknown, unknown> | undefined;
      if (next === undefined) m.set(x, (next = new Map()));
      m = next;
    }
    const last = k[k.length - 1];
    let v = m.get(last) as T | undefined;
    if (v === undefined) m.set(last, (v = make(...k)));
    return v;
  };
}

/** The per-element quantizers of a quantizer node over a tensor of shape dims. */
function quantizersOf(
  node: QNode,
  dims: readonly number[],
  paramOf: (j: number, dims: readonly number[], what: string) => Rat[],
  rawParam: (j: number, what: string) => { dims: readonly number[]; vals: Rat[] },
  fail: (why: string) => never,
): ElementQuantizer[] {
  const n = size(dims);
  const mode = (fallback: string): RoundingMode => {
    const m = attrString(node, 'rounding_mode', fallback).toUpperCase();
    return (ROUNDING_MODES as readonly string[]).includes(m) ? (m as RoundingMode) : fail(`rounding mode ${m} is not supported (${ROUNDING_MODES.join(', ')})`);
  };
  const positive = (vals: Rat[], what: string): Rat[] => vals.map((v) => (ratSign(v) > 0 ? v : fail(`${what} must be positive, it is ${ratToString(v)}`)));
  const bitsOf = (vals: Rat[], what: string): bigint[] => vals.map((v) => (isInteger(v) && v.n >= 1n && v.n <= 64n ? v.n : fail(`${what} must be an integer from 1 to 64, it is ${ratToString(v)}`)));
  switch (node.op) {
    case 'BipolarQuant': {
      const make = memo((s: Rat) => bipolarQuantizer(s));
      return positive(paramOf(1, dims, 'the scale'), 'the scale').map((s) => make(s));
    }
    case 'Sign':
      return Array.from({ length: n }, () => signQuantizer());
    case 'Quant': case 'IntQuant': {
      const s = positive(paramOf(1, dims, 'the scale'), 'the scale'), zp = paramOf(2, dims, 'the zero point'), bits = bitsOf(paramOf(3, dims, 'the bit width'), 'the bit width');
      const signed = attrNumber(node, 'signed', 1) !== 0, narrow = attrNumber(node, 'narrow', 0) !== 0, rm = mode('ROUND');
      const make = memo((si: Rat, zi: Rat, bi: { b: bigint }) => {
        const { lo, hi } = intRange(bi.b, signed, narrow);
        return quantQuantizer(si, zi, lo, hi, rm);
      });
      const bitObjs = new Map<bigint, { b: bigint }>();
      return s.map((si, i) => {
        const b = bits[i]!;
        if (!bitObjs.has(b)) bitObjs.set(b, { b });
        return make(si, zp[i]!, bitObjs.get(b)!);
      });
    }
    case 'Trunc': {
      const v2 = node.inputs.length >= 6;
      const s = positive(paramOf(1, dims, 'the scale'), 'the scale'), zp = paramOf(2, dims, 'the zero point');
      const inBits = bitsOf(paramOf(3, dims, 'the input bit width'), 'the input bit width');
      const outScale = v2 ? positive(paramOf(4, dims, 'the output scale'), 'the output scale') : undefined;
      const outBits = bitsOf(paramOf(v2 ? 5 : 4, dims, 'the output bit width'), 'the output bit width');
      const signed = attrNumber(node, 'signed', 1) !== 0, narrow = attrNumber(node, 'narrow', 0) !== 0, rm = mode('FLOOR');
      return s.map((si, i) => {
        if (!v2) {
          const k = inBits[i]! - outBits[i]!;
          const shift = k >= 0n ? rat(1n << k) : rat(1n, 1n << -k);
          return truncQuantizer(si, zp[i]!, shift, rm, undefined);
        }
        const shift = nearestPowerOfTwo(div(outScale![i]!, si));
        const { lo, hi } = intRange(outBits[i]!, signed, narrow);
        return truncQuantizer(si, zp[i]!, shift, rm, { outScale: outScale![i]!, lo, hi });
      });
    }
    case 'MultiThreshold': {
      const layout = attrString(node, 'data_layout', 'NCHW');
      const cAxis = layout.endsWith('C') || dims.length === 2 ? dims.length - 1 : 1;
      const cDim = dims[cAxis] ?? 1, inner = size(dims.slice(cAxis + 1));
      const t = rawParam(1, 'the thresholds');
      if (t.dims.length !== 2 || (t.dims[0] !== 1 && t.dims[0] !== cDim)) fail(`thresholds must have shape [${cDim}, steps] or [1, steps], not [${t.dims.join(', ')}]`);
      const steps = t.dims[1]!;
      const outScale = ratOfDouble(attrNumber(node, 'out_scale', 1)), outBias = ratOfDouble(attrNumber(node, 'out_bias', 0));
      if (ratSign(outScale) <= 0) fail('out_scale must be positive');
      return Array.from({ length: n }, (_, i) => {
        const ch = t.dims[0] === 1 ? 0 : Math.floor(i / inner) % cDim;
        return multiThresholdQuantizer(t.vals.slice(ch * steps, (ch + 1) * steps), outScale, outBias);
      });
    }
    default:
      return fail('not a quantizer');
  }
}

/** x + y for elements: constants add to beta; two forms of the same space add when their scales agree. */
function addElem(x: Elem, y: Elem, fail: (why: string) => never): Elem {
  if (x.kind === 'const' && y.kind === 'const') return constElem(surdAdd(x.v, y.v));
  if (x.kind === 'const') return addElem(y, x, fail);
  if (x.relu || (y.kind === 'sym' && y.relu)) return fail('adding to a Relu output before a quantizer is not supported');
  if (y.kind === 'const') return symElem(x.lin, x.alpha, surdAdd(x.beta, y.v));
  if (x.lin.space !== y.lin.space) return fail('adds values of different layers or inputs (only chains of layers are supported)');
  if (!surdEq(x.alpha, y.alpha)) return fail('adds two values with different irrational scales');
  const acc = new LinAccumulator(x.lin.space);
  acc.addScaled(x.lin, ONE);
  acc.addScaled(y.lin, ONE);
  return symElem(acc.build(), x.alpha, surdAdd(x.beta, y.beta));
}

function negElem(x: Elem, fail: (why: string) => never): Elem {
  return mulElem(x, constElem(surdOfRat(rat(-1n))), fail);
}

/** x * y, one of them constant. A Relu output may only be scaled by a positive constant. */
function mulElem(x: Elem, y: Elem, fail: (why: string) => never): Elem {
  if (x.kind === 'const' && y.kind === 'const') return constElem(surdMul(x.v, y.v));
  if (x.kind === 'const') return mulElem(y, x, fail);
  if (y.kind !== 'const') return fail('multiplies two non-constant values (only products with constants are linear)');
  if (x.relu && surdSign(y.v) <= 0) return fail('scales a Relu output by a non-positive constant before a quantizer');
  return symElem(x.lin, surdMul(x.alpha, y.v), surdMul(x.beta, y.v), x.relu);
}

function divElem(x: Elem, y: Elem, fail: (why: string) => never): Elem {
  if (y.kind !== 'const') return fail('divides by a non-constant value');
  if (surdSign(y.v) === 0) return fail('divides by zero');
  return mulElem(x, constElem(surdDiv(surdOfRat(ONE), y.v)), fail);
}

/** base ^ e for constants: integer exponents (|e| <= 64) and +-1/2 (square roots of rationals). */
function powSurd(base: Surd, e: Rat, fail: (why: string) => never): Surd {
  if (isInteger(e) && e.n >= -64n && e.n <= 64n) {
    let r = surdOfRat(ONE);
    for (let i = 0n; i < (e.n < 0n ? -e.n : e.n); i++) r = surdMul(r, base);
    return e.n < 0n ? surdDiv(surdOfRat(ONE), r) : r;
  }
  if (eq(e, rat(1n, 2n)) || eq(e, rat(-1n, 2n))) {
    if (!isRational(base) || ratSign(base.a) < 0) return fail(`square root of ${surdToString(base)} is not supported`);
    const r = surdSqrt(base.a);
    return ratSign(e) < 0 ? surdDiv(surdOfRat(ONE), r) : r;
  }
  return fail(`exponent ${ratToString(e)} is not supported (integers and +-1/2)`);
}

/** MatMul of 1-D / 2-D tensors where one side is constant (rational when the other is a form). */
function matmul(a: SymTensor, b: SymTensor, fail: (why: string) => never): SymTensor {
  const a2 = a.dims.length === 1 ? [1, a.dims[0]!] : a.dims, b2 = b.dims.length === 1 ? [b.dims[0]!, 1] : b.dims;
  if (a2.length !== 2 || b2.length !== 2) fail('only 1-D and 2-D MatMul is supported');
  const [n, k] = a2 as [number, number], [k2, m] = b2 as [number, number];
  if (k !== k2) fail(`shapes [${a.dims.join(', ')}] and [${b.dims.join(', ')}] do not multiply`);
  const dims = a.dims.length === 1 ? (b.dims.length === 1 ? [] : [m]) : b.dims.length === 1 ? [n] : [n, m];
  const aConst = a.elems.every((e) => e.kind === 'const'), bConst = b.elems.every((e) => e.kind === 'const');
  const elems: Elem[] = [];
  if (aConst && bConst) {
    for (let i = 0; i < n; i++) for (let c = 0; c < m; c++) {
      let acc = surdOfRat(ZERO);
      for (let j = 0; j < k; j++) acc = surdAdd(acc, surdMul((a.elems[i * k + j] as { v: Surd }).v, (b.elems[j * m + c] as { v: Surd }).v));
      elems.push(constElem(acc));
    }
    return { dims, elems };
  }
  if (!aConst && !bConst) fail('multiplies two non-constant tensors');
  // form side: rational forms of one space; constant side: rationals
  const forms = aConst ? b : a, consts = aConst ? a : b;
  const ratOf = (e: Elem): Rat => {
    const v = (e as { v: Surd }).v;
    return isRational(v) ? v.a : fail(`the weights must be rational, one is ${surdToString(v)}`);
  };
  let space: number | undefined;
  const linOf = (e: Elem): Lin => {
    if (e.kind === 'const') return isRational(e.v) ? { space: space ?? 0, terms: new Map(), c: e.v.a } : fail('an irrational constant enters a MatMul');
    if (e.relu) return fail('a Relu output enters a MatMul before a quantizer (not supported)');
    if (e.lin.space < 0) return fail('a model input enters a MatMul before its quantizer: pass --input-bits');
    if (!isRational(e.alpha) || !isRational(e.beta)) return fail('a value with an irrational scale (a batch normalization) enters a MatMul before a quantizer');
    if (space !== undefined && space !== e.lin.space) fail('mixes values of different layers (only chains of layers are supported)');
    space = e.lin.space;
    return e.lin;
  };
  const fl = forms.elems.map(linOf);
  const cr = consts.elems.map(ratOf);
  for (let i = 0; i < n; i++) for (let c = 0; c < m; c++) {
    const acc = new LinAccumulator(space ?? 0);
    for (let j = 0; j < k; j++) {
      const [f, w] = aConst ? [fl[j * m + c]!, cr[i * k + j]!] : [fl[i * k + j]!, cr[j * m + c]!];
      acc.addScaled(f, w);
    }
    elems.push(symElem(acc.build(), surdOfRat(ONE), surdOfRat(ZERO)));
  }
  return { dims, elems };
}

