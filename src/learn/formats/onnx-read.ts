/**
 * Importing binarized MLPs from ONNX files (protobuf decoded in JS, no
 * runtime). Supported graphs are chains of fully connected layers:
 *
 *   linear:      Gemm(x, B, C?) with alpha = beta = 1, transA = 0, any transB;
 *                or MatMul(x, W) followed by Add/Sub with a constant bias;
 *   activation:  Sign (a "sign" layer, values +1/-1), or a comparison with a
 *                constant (Greater, GreaterOrEqual, Less, LessOrEqual) whose
 *                bool result is used directly or Cast to a number (a "step"
 *                layer, values 1/0);
 *   plumbing:    Identity, Flatten, Constant, Cast of +1/-1 or 1/0 values to a
 *                signed numeric type.
 * Weights must be integer-valued (float or integer tensors); biases and
 * comparison constants integers or half-integers (so float arithmetic is
 * exact). ONNX Sign(0) = 0 is not a bit: a Sign layer is accepted only when
 * its sum provably never hits 0 (a half-integer bias guarantees it; waterloo's
 * exporter adds 0.5). Anything else is refused with an UnsupportedError
 * naming the op and the node. Graph input values are bits presented as 0/1
 * ("binary") or -1/+1 ("bipolar"): read from the model metadata key
 * `waterloo.inputEncoding` when present, else from the options (default binary).
 */
import { ParseError, UnsupportedError } from '../../errors.js';
import { validateBnn, type BnnActivation, type BnnInputEncoding, type BnnLayer, type BnnNetwork } from '../bnn/network.js';
import { OnnxAttributeType, OnnxDataType, onnxModelType, type OnnxModel, type OnnxNode, type OnnxTensor } from './onnx-schema.js';

/** Metadata key recording how input bits are presented. */
export const ONNX_INPUT_ENCODING_KEY = 'waterloo.inputEncoding';

/** Options of {@link parseOnnx}. */
export interface ParseOnnxOptions {
  /** How the graph input presents bits, when the model does not say (default `binary`). */
  readonly inputEncoding?: BnnInputEncoding;
}

/** A value during import: a constant, bits, a linear form or a comparison. */
export type Value =
  | { readonly kind: 'const'; readonly values: readonly number[]; readonly dims: readonly number[] }
  /** Bits of layer `layer` (-1 = the graph input); `pm1` = presented as -1/+1. */
  | { readonly kind: 'bits'; readonly layer: number; readonly pm1: boolean }
  /** s = c + W x over the bits of layer `src`; W is out x in. */
  | { readonly kind: 'linear'; readonly src: number; readonly weights: readonly (readonly number[])[]; readonly c: readonly number[] }
  /** bit_i = (bias_i + W_i x >= 0), a comparison not yet cast. */
  | { readonly kind: 'cmp'; readonly src: number; readonly weights: readonly (readonly number[])[]; readonly bias: readonly number[] };

/** Decodes an ONNX model and converts it to a network; see the module doc for what is supported. */
export async function parseOnnx(bytes: Uint8Array, file = '<input>', options: ParseOnnxOptions = {}): Promise<BnnNetwork> {
  const type = await onnxModelType();
  let model: OnnxModel;
  try {
    model = type.toObject(type.decode(bytes), { longs: Number, arrays: true }) as OnnxModel;
  } catch (e) {
    throw new ParseError(`not a valid ONNX protobuf (${e instanceof Error ? e.message : String(e)})`, 'bad-encoding', file, 1, 1);
  }
  return convertModel(model, file, options);
}

function convertModel(model: OnnxModel, file: string, options: ParseOnnxOptions): BnnNetwork {
  const unsupported = (why: string): never => {
    throw new UnsupportedError(`${file}: ${why}`, 'onnx-unsupported');
  };
  const graph = model.graph ?? unsupported('the model has no graph');
  const meta = model.metadataProps?.find((p) => p.key === ONNX_INPUT_ENCODING_KEY)?.value;
  if (meta !== undefined && meta !== 'binary' && meta !== 'bipolar') unsupported(`metadata ${ONNX_INPUT_ENCODING_KEY} = "${meta}" (expected "binary" or "bipolar")`);
  const inputEncoding: BnnInputEncoding = (meta as BnnInputEncoding | undefined) ?? options.inputEncoding ?? 'binary';

  const values = new Map<string, Value>();
  for (const t of graph.initializer ?? []) values.set(t.name ?? '', tensorValue(t, `initializer "${t.name ?? ''}"`, unsupported));
  const inputs = (graph.input ?? []).filter((v) => !values.has(v.name ?? ''));
  if (inputs.length !== 1) unsupported(`the graph must have exactly one (non-initializer) input, it has ${inputs.length}`);
  const input = inputs[0]!;
  const dims = input.type?.tensorType?.shape?.dim ?? [];
  const width = dims.length ? dims[dims.length - 1]!.dimValue : undefined;
  if (width === undefined || !Number.isInteger(width) || width <= 0) unsupported(`input "${input.name}" needs a static last dimension (the number of input bits)`);
  if (dims.slice(0, -1).some((d) => d.dimValue !== undefined && d.dimValue !== 1)) unsupported(`input "${input.name}" must have shape [N] or [batch, N]`);
  values.set(input.name ?? '', { kind: 'bits', layer: -1, pm1: inputEncoding === 'bipolar' });

  const layers: BnnLayer[] = [];
  const widthOf = (layer: number): number => (layer < 0 ? width! : layers[layer]!.bias.length);
  const latest = (): number => layers.length - 1;

  const pushLayer = (src: number, weights: readonly (readonly number[])[], bias: readonly number[], activation: BnnActivation, where: string): Value => {
    if (src !== latest()) unsupported(`${where}: only chains of layers are supported (this layer does not read the previous layer's output)`);
    layers.push({ weights: weights.map((r) => [...r]), bias: [...bias], activation });
    return { kind: 'bits', layer: layers.length - 1, pm1: activation === 'sign' };
  };

  for (const [k, node] of (graph.node ?? []).entries()) {
    const op = node.opType ?? '';
    const where = `node ${node.name ? `"${node.name}"` : `#${k}`} (${op})`;
    if (node.domain && node.domain !== 'ai.onnx') unsupported(`${where}: operator domain "${node.domain}" is not supported`);
    const ins = (node.input ?? []).map((name, j) => {
      if (name === '') return undefined;
      const v = values.get(name);
      if (v === undefined) unsupported(`${where}: input ${j} "${name}" is not defined before this node`);
      return v;
    });
    const arg = (j: number): Value => ins[j] ?? unsupported(`${where}: missing input ${j}`);
    const constArg = (j: number): { values: readonly number[]; dims: readonly number[] } => {
      const v = arg(j);
      return v.kind === 'const' ? v : unsupported(`${where}: input ${j} must be a constant (initializer or Constant)`);
    };
    const bitsArg = (j: number): { layer: number; pm1: boolean } => {
      const v = arg(j);
      return v.kind === 'bits' ? v : unsupported(`${where}: input ${j} must be the graph input or a binarized layer's output, not a ${v.kind === 'const' ? 'constant' : 'pre-activation'}`);
    };
    const outName = node.output?.[0] ?? unsupported(`${where}: has no output`);
    if ((node.output ?? []).length > 1) unsupported(`${where}: nodes with several outputs are not supported`);
    let out: Value;
    switch (op) {
      case 'Constant': {
        const a = attr(node, 'value');
        if (a?.t === undefined) unsupported(`${where}: only the "value" (tensor) form is supported`);
        out = tensorValue(a!.t!, where, unsupported);
        break;
      }
      case 'Identity':
        out = arg(0);
        break;
      case 'Flatten': {
        bitsArg(0);
        out = arg(0);
        break;
      }
      case 'Gemm': {
        const src = bitsArg(0);
        const alpha = attr(node, 'alpha')?.f ?? 1, beta = attr(node, 'beta')?.f ?? 1;
        if (alpha !== 1 || beta !== 1) unsupported(`${where}: alpha and beta must be 1`);
        if ((attr(node, 'transA')?.i ?? 0) !== 0) unsupported(`${where}: transA must be 0`);
        const transB = (attr(node, 'transB')?.i ?? 0) !== 0;
        const b = constArg(1);
        if (b.dims.length !== 2) unsupported(`${where}: B must be a matrix`);
        const weights = matrix(b, transB, widthOf(src.layer), where, unsupported);
        const c = ins[2] === undefined ? weights.map(() => 0) : vector(constArg(2), weights.length, where, unsupported);
        out = { kind: 'linear', src: src.layer, weights, c };
        break;
      }
      case 'MatMul': {
        const src = bitsArg(0);
        const w = constArg(1);
        if (w.dims.length !== 2) unsupported(`${where}: the weight must be a matrix`);
        const weights = matrix(w, false, widthOf(src.layer), where, unsupported);
        out = { kind: 'linear', src: src.layer, weights, c: weights.map(() => 0) };
        break;
      }
      case 'Add':
      case 'Sub': {
        const [a, b] = [arg(0), arg(1)];
        const lin = a.kind === 'linear' ? a : op === 'Add' && b.kind === 'linear' ? b : unsupported(`${where}: only adding a constant bias to a linear layer's output is supported`);
        const other = lin === a ? b : a;
        if (other.kind !== 'const') unsupported(`${where}: the bias must be a constant`);
        const bias = vector(other as { values: readonly number[]; dims: readonly number[] }, lin.weights.length, where, unsupported);
        const sgn = op === 'Sub' ? -1 : 1;
        out = { ...lin, c: lin.c.map((c, i) => c + sgn * bias[i]!) };
        break;
      }
      case 'Sign': {
        const lin = arg(0);
        if (lin.kind !== 'linear') unsupported(`${where}: Sign must follow a linear layer (Gemm or MatMul + Add)`);
        const l = lin as Extract<Value, { kind: 'linear' }>;
        const pm1 = l.src < 0 ? inputEncoding === 'bipolar' : layers[l.src]!.activation === 'sign';
        const bias = l.weights.map((row, i) => {
          const c = exactConstant(l.c[i]!, `${where}: bias ${i}`, unsupported);
          // Sign(S + c) = +1 iff S > -c iff S >= floor(-c) + 1 (S is an integer)
          if (Number.isInteger(c) && sumCanHit(row, pm1, -c)) {
            unsupported(`${where}: neuron ${i} can have sum exactly 0, where ONNX Sign outputs 0 (not a bit); use a half-integer bias (e.g. bias + 0.5)`);
          }
          return -Math.floor(-c) - 1 + 0;
        });
        out = pushLayer(l.src, l.weights, bias, 'sign', where);
        break;
      }
      case 'Greater':
      case 'GreaterOrEqual':
      case 'Less':
      case 'LessOrEqual': {
        const lin = arg(0);
        if (lin.kind !== 'linear') unsupported(`${where}: the first input must be a linear layer's output (Gemm or MatMul + Add)`);
        const l = lin as Extract<Value, { kind: 'linear' }>;
        const t = vector(constArg(1), l.weights.length, where, unsupported);
        const flip = op === 'Less' || op === 'LessOrEqual' ? -1 : 1;
        const strict = op === 'Greater' || op === 'Less';
        const weights = l.weights.map((row) => row.map((w) => flip * w + 0));
        const bias = l.c.map((c0, i) => {
          // flip*(S + c) > flip*t  iff  S' > d with S' = flip*S, d = flip*(t - c)
          const d = exactConstant(flip * (t[i]! - c0), `${where}: threshold ${i}`, unsupported);
          return (strict ? -(Math.floor(d) + 1) : -Math.ceil(d)) + 0; // + 0: no -0 in the network
        });
        out = { kind: 'cmp', src: l.src, weights, bias };
        break;
      }
      case 'Cast': {
        const to = attr(node, 'to')?.i;
        const v = arg(0);
        const signed = to === OnnxDataType.FLOAT || to === OnnxDataType.DOUBLE || to === OnnxDataType.INT8 || to === OnnxDataType.INT16 || to === OnnxDataType.INT32 || to === OnnxDataType.INT64;
        const unsigned = to === OnnxDataType.UINT8 || to === OnnxDataType.UINT16 || to === OnnxDataType.UINT32 || to === OnnxDataType.UINT64 || to === OnnxDataType.BOOL;
        if (v.kind === 'cmp') {
          if (!signed && !unsigned) unsupported(`${where}: cast of a comparison to type ${to} is not supported`);
          out = pushLayer(v.src, v.weights, v.bias, 'step', where);
        } else if (v.kind === 'bits' && (signed || (unsigned && !v.pm1 && to !== OnnxDataType.BOOL))) {
          out = v;
        } else unsupported(`${where}: only casts of binarized values that keep them exact are supported`);
        break;
      }
      default:
        unsupported(`${where}: operator ${op || '(empty)'} is not supported (supported: Gemm, MatMul, Add, Sub, Sign, Greater, GreaterOrEqual, Less, LessOrEqual, Cast, Identity, Flatten, Constant)`);
    }
    values.set(outName, out!);
  }

  const outputs = graph.output ?? [];
  if (outputs.length !== 1) unsupported(`the graph must have exactly one output, it has ${outputs.length}`);
  let result = values.get(outputs[0]!.name ?? '') ?? unsupported(`output "${outputs[0]!.name}" is not computed by any node`);
  if (result.kind === 'cmp') result = pushLayer(result.src, result.weights, result.bias, 'step', `output "${outputs[0]!.name}"`);
  if (result.kind !== 'bits' || result.layer < 0 || result.layer !== latest()) unsupported(`output "${outputs[0]!.name}" must be the last binarized layer's output`);
  try {
    return validateBnn({ inputs: width!, inputEncoding, layers });
  } catch (e) {
    return unsupported(`the imported network is malformed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function attr(node: OnnxNode, name: string): { f?: number; i?: number; t?: OnnxTensor; type?: number } | undefined {
  const a = node.attribute?.find((x) => x.name === name);
  if (a === undefined) return undefined;
  if (a.type === OnnxAttributeType.FLOAT) return { f: a.f ?? 0 };
  if (a.type === OnnxAttributeType.INT) return { i: a.i ?? 0 };
  if (a.type === OnnxAttributeType.TENSOR) return a.t === undefined ? {} : { t: a.t };
  return { ...(a.f !== undefined ? { f: a.f } : {}), ...(a.i !== undefined ? { i: a.i } : {}), ...(a.t !== undefined ? { t: a.t } : {}) };
}

/** Integers or half-integers of moderate size: exact in float32 arithmetic. */
function exactConstant(v: number, where: string, unsupported: (why: string) => never): number {
  if (!Number.isFinite(v) || !Number.isInteger(2 * v) || Math.abs(v) > 2 ** 20) unsupported(`${where}: ${v} is not an integer or half-integer of moderate size (float rounding could make the network inexact)`);
  return v;
}

/**
 * Whether sum_j w_j x_j can equal `target` when each x_j ranges over its
 * two values independently (an over-approximation of what the layer below
 * can produce, so "no" is a proof).
 */
function sumCanHit(row: readonly number[], pm1: boolean, target: number): boolean {
  let sums = new Set<number>([0]);
  for (const w of row) {
    if (w === 0) continue;
    const next = new Set<number>();
    for (const s of sums) {
      next.add(s + w);
      next.add(pm1 ? s - w : s);
    }
    sums = next;
    if (sums.size > 1 << 18) return true; // too many to enumerate: assume the worst
  }
  return sums.has(target);
}

function matrix(t: { values: readonly number[]; dims: readonly number[] }, transposed: boolean, inWidth: number, where: string, unsupported: (why: string) => never): number[][] {
  const [r, c] = t.dims as [number, number];
  // MatMul / Gemm without transB: [in, out]; with transB: [out, in]
  const [outs, ins] = transposed ? [r, c] : [c, r];
  if (ins !== inWidth) unsupported(`${where}: weight matrix has ${ins} inputs, the layer below has ${inWidth} bits`);
  return Array.from({ length: outs }, (_, i) =>
    Array.from({ length: ins }, (_, j) => {
      const v = transposed ? t.values[i * c + j]! : t.values[j * c + i]!;
      if (!Number.isInteger(v) || Math.abs(v) > 2 ** 20) unsupported(`${where}: weight [${i}][${j}] = ${v} is not an integer of moderate size`);
      return v + 0;
    }),
  );
}

function vector(t: { values: readonly number[] }, n: number, where: string, unsupported: (why: string) => never): number[] {
  if (t.values.length === 1) return Array.from({ length: n }, () => t.values[0]!);
  if (t.values.length !== n) unsupported(`${where}: constant has ${t.values.length} entries for ${n} neurons`);
  return [...t.values];
}

/** The values and dimensions of a tensor (raw or typed data), refused through `unsupported` when malformed. */
export function tensorValue(t: OnnxTensor, where: string, unsupported: (why: string) => never): Value {
  if (t.dataLocation === 1) unsupported(`${where}: external tensor data is not supported`);
  const dims = (t.dims ?? []).map(Number);
  if (dims.some((d) => !Number.isInteger(d) || d < 0)) unsupported(`${where}: bad dimensions [${dims.join(', ')}]`);
  const count = dims.reduce((p, d) => p * d, 1);
  if (count > 1 << 24) unsupported(`${where}: tensor too large (${count} entries)`);
  const dt = t.dataType ?? 0;
  let values: number[];
  const raw = t.rawData;
  if (raw !== undefined && raw.length > 0) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const size: Record<number, number> = { 1: 4, 2: 1, 3: 1, 4: 2, 5: 2, 6: 4, 7: 8, 9: 1, 11: 8, 12: 4, 13: 8 };
    const s = size[dt] ?? unsupported(`${where}: tensor data type ${dt} is not supported`);
    if (raw.length !== s * count) unsupported(`${where}: raw data has ${raw.length} bytes for ${count} entries of ${s} bytes`);
    values = Array.from({ length: count }, (_, k) => {
      const o = k * s;
      switch (dt) {
        case OnnxDataType.FLOAT: return view.getFloat32(o, true);
        case OnnxDataType.DOUBLE: return view.getFloat64(o, true);
        case OnnxDataType.UINT8: case OnnxDataType.BOOL: return view.getUint8(o);
        case OnnxDataType.INT8: return view.getInt8(o);
        case OnnxDataType.UINT16: return view.getUint16(o, true);
        case OnnxDataType.INT16: return view.getInt16(o, true);
        case OnnxDataType.INT32: return view.getInt32(o, true);
        case OnnxDataType.UINT32: return view.getUint32(o, true);
        case OnnxDataType.INT64: return Number(view.getBigInt64(o, true));
        default: return Number(view.getBigUint64(o, true));
      }
    });
  } else {
    switch (dt) {
      case OnnxDataType.FLOAT: values = t.floatData ?? []; break;
      case OnnxDataType.DOUBLE: values = t.doubleData ?? []; break;
      case OnnxDataType.INT64: values = t.int64Data ?? []; break;
      case OnnxDataType.UINT32: case OnnxDataType.UINT64: values = t.uint64Data ?? []; break;
      case OnnxDataType.INT32: case OnnxDataType.INT8: case OnnxDataType.UINT8: case OnnxDataType.INT16: case OnnxDataType.UINT16: case OnnxDataType.BOOL:
        values = t.int32Data ?? []; break;
      default: return unsupported(`${where}: tensor data type ${dt} is not supported`);
    }
    if (values.length !== count) unsupported(`${where}: tensor has ${values.length} entries, its dimensions say ${count}`);
  }
  if (values.some((v) => !Number.isFinite(v))) unsupported(`${where}: tensor has non-finite entries`);
  return { kind: 'const', values, dims };
}
