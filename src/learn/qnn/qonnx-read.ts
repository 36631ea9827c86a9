/**
 * Decoding a (Q)ONNX protobuf into a plain graph: nodes with their op, domain
 * and attributes, constant tensors (initializers and Constant nodes) as exact
 * doubles, the graph inputs (minus initializers, which old exporters also list
 * as inputs) with static dimensions, and the output names. No semantics here:
 * the folding into an integer network and the float interpreter both read
 * this graph.
 */
import { ParseError, UnsupportedError } from '../../errors.js';
import { tensorValue } from '../formats/onnx-read.js';
import { OnnxAttributeType, onnxModelType, type OnnxAttribute, type OnnxModel } from '../formats/onnx-schema.js';

/** A constant tensor: row-major values (exact: every float32 and int32 is a double). */
export interface QConst {
  readonly dims: readonly number[];
  readonly values: readonly number[];
}

/** A node attribute, by ONNX type. */
export type QAttr =
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'tensor'; readonly value: QConst }
  | { readonly kind: 'floats'; readonly value: readonly number[] }
  | { readonly kind: 'ints'; readonly value: readonly number[] };

/** One node. `name` is the node's name, or `#k` (its position) when it has none. */
export interface QNode {
  readonly name: string;
  readonly op: string;
  /** '' for the standard domain (also 'ai.onnx'). */
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attrs: ReadonlyMap<string, QAttr>;
}

/** A graph input: name and static dimensions (a symbolic dimension, e.g. a batch, counts as 1). */
export interface QInput {
  readonly name: string;
  readonly dims: readonly number[];
}

/** A decoded model graph. */
export interface QGraph {
  readonly file: string;
  readonly nodes: readonly QNode[];
  readonly constants: ReadonlyMap<string, QConst>;
  readonly inputs: readonly QInput[];
  readonly outputs: readonly string[];
  /** The custom-op domains and the standard opset version the model imports. */
  readonly opsets: ReadonlyMap<string, number>;
}

/** Largest number of elements of a graph input (one circuit input per element). */
export const MAX_QONNX_INPUT_ELEMENTS = 1 << 20;

/** Decodes the protobuf; ParseError when the bytes are not a ModelProto, UnsupportedError when the graph is malformed. */
export async function decodeQonnx(bytes: Uint8Array, file = '<input>'): Promise<QGraph> {
  const type = await onnxModelType();
  let model: OnnxModel;
  try {
    model = type.toObject(type.decode(bytes), { longs: Number, arrays: true }) as OnnxModel;
  } catch (e) {
    throw new ParseError(`not a valid ONNX protobuf (${e instanceof Error ? e.message : String(e)})`, 'bad-encoding', file, 1, 1);
  }
  return graphOfModel(model, file);
}

/** The graph of an already decoded model (see {@link decodeQonnx}). */
export function graphOfModel(model: OnnxModel, file: string): QGraph {
  const unsupported = (why: string): never => {
    throw new UnsupportedError(`${file}: ${why}`, 'onnx-unsupported');
  };
  const graph = model.graph ?? unsupported('the model has no graph');
  const constants = new Map<string, QConst>();
  for (const t of graph.initializer ?? []) {
    const v = tensorValue(t, `initializer "${t.name ?? ''}"`, unsupported);
    if (v.kind === 'const') constants.set(t.name ?? '', { dims: v.dims, values: v.values });
  }
  const inputs: QInput[] = [];
  for (const v of graph.input ?? []) {
    const name = v.name ?? '';
    if (constants.has(name)) continue;
    const dims = (v.type?.tensorType?.shape?.dim ?? []).map((d) => (d.dimValue === undefined ? 1 : Number(d.dimValue)));
    if (dims.some((d) => !Number.isInteger(d) || d < 1)) unsupported(`input "${name}" has a bad dimension [${dims.join(', ')}]`);
    const count = dims.reduce((p, d) => p * d, 1);
    if (count > MAX_QONNX_INPUT_ELEMENTS) unsupported(`input "${name}" has ${count} elements (at most ${MAX_QONNX_INPUT_ELEMENTS})`);
    inputs.push({ name, dims });
  }
  const nodes = (graph.node ?? []).map((n, k): QNode => {
    const name = n.name ? n.name : `#${k}`;
    const attrs = new Map<string, QAttr>();
    for (const a of n.attribute ?? []) attrs.set(a.name ?? '', attrValue(a, `node "${name}" attribute "${a.name ?? ''}"`, unsupported));
    const domain = n.domain === 'ai.onnx' ? '' : (n.domain ?? '');
    return { name, op: n.opType ?? '', domain, inputs: n.input ?? [], outputs: n.output ?? [], attrs };
  });
  const opsets = new Map<string, number>();
  for (const o of model.opsetImport ?? []) opsets.set(o.domain === 'ai.onnx' ? '' : (o.domain ?? ''), Number(o.version ?? 0));
  return { file, nodes, constants, inputs, outputs: (graph.output ?? []).map((o) => o.name ?? ''), opsets };
}

function attrValue(a: OnnxAttribute, where: string, unsupported: (why: string) => never): QAttr {
  const t = a.type;
  if (t === OnnxAttributeType.FLOAT) return { kind: 'float', value: a.f ?? 0 };
  if (t === OnnxAttributeType.INT) return { kind: 'int', value: Number(a.i ?? 0) };
  if (t === OnnxAttributeType.STRING) return { kind: 'string', value: Buffer.from(a.s ?? new Uint8Array()).toString('utf8') };
  if (t === OnnxAttributeType.FLOATS) return { kind: 'floats', value: a.floats ?? [] };
  if (t === OnnxAttributeType.INTS) return { kind: 'ints', value: (a.ints ?? []).map(Number) };
  if (t === OnnxAttributeType.TENSOR) {
    const v = tensorValue(a.t ?? {}, where, unsupported);
    return v.kind === 'const' ? { kind: 'tensor', value: { dims: v.dims, values: v.values } } : unsupported(`${where}: bad tensor`);
  }
  // untyped attributes (very old exporters): infer from the field that is set
  if (a.ints !== undefined && a.ints.length) return { kind: 'ints', value: a.ints.map(Number) };
  if (a.floats !== undefined && a.floats.length) return { kind: 'floats', value: a.floats };
  if (a.s !== undefined && a.s.length) return { kind: 'string', value: Buffer.from(a.s).toString('utf8') };
  if (a.t !== undefined) return attrValue({ ...a, type: OnnxAttributeType.TENSOR }, where, unsupported);
  if (a.f !== undefined && a.f !== 0) return { kind: 'float', value: a.f };
  return { kind: 'int', value: Number(a.i ?? 0) };
}

/** Reads attribute helpers shared by the folder and the interpreter. */
export function attrNumber(node: QNode, name: string, fallback: number): number {
  const a = node.attrs.get(name);
  if (a === undefined) return fallback;
  if (a.kind === 'float' || a.kind === 'int') return a.value;
  throw new UnsupportedError(`node "${node.name}" (${node.op}): attribute ${name} must be a number`, 'onnx-unsupported');
}
export function attrString(node: QNode, name: string, fallback: string): string {
  const a = node.attrs.get(name);
  if (a === undefined) return fallback;
  if (a.kind === 'string') return a.value;
  throw new UnsupportedError(`node "${node.name}" (${node.op}): attribute ${name} must be a string`, 'onnx-unsupported');
}
export function attrInts(node: QNode, name: string): readonly number[] | undefined {
  const a = node.attrs.get(name);
  if (a === undefined) return undefined;
  if (a.kind === 'ints') return a.value;
  if (a.kind === 'int') return [a.value];
  throw new UnsupportedError(`node "${node.name}" (${node.op}): attribute ${name} must be a list of integers`, 'onnx-unsupported');
}

/** The QONNX custom-op domains (Brevitas export, QONNX, and QONNX's old FINN name). */
export const QONNX_DOMAINS: readonly string[] = ['onnx.brevitas', 'qonnx.custom_op.general', 'finn.custom_op.general'];

/** Ops each domain provides that waterloo imports; the folder and the interpreter implement exactly these. */
export const QONNX_CUSTOM_OPS: readonly string[] = ['Quant', 'IntQuant', 'BipolarQuant', 'MultiThreshold', 'Trunc'];
export const QONNX_STANDARD_OPS: readonly string[] = [
  'MatMul', 'Gemm', 'Transpose', 'Add', 'Sub', 'Mul', 'Div', 'Pow', 'Sqrt', 'Neg', 'Relu', 'Sign', 'BatchNormalization', 'Identity',
  'Flatten', 'Reshape', 'Shape', 'Gather', 'Unsqueeze', 'Squeeze', 'Concat', 'Constant', 'Softmax',
];

/** Whether a decoded model is a quantized (QONNX) model: a custom-op domain, or a Quant / BipolarQuant / MultiThreshold node. */
export function isQonnxGraph(g: QGraph): boolean {
  return g.nodes.some((n) => QONNX_DOMAINS.includes(n.domain) || n.op === 'Quant' || n.op === 'IntQuant' || n.op === 'BipolarQuant' || n.op === 'MultiThreshold');
}

/** "supported: ..." for refusal messages. */
export function supportedOpsText(): string {
  return `supported: ${QONNX_CUSTOM_OPS.join(', ')} (domains ${QONNX_DOMAINS.join(', ')}) and ${QONNX_STANDARD_OPS.join(', ')}`;
}

/** Throws the UnsupportedError for a node whose op (or domain) is not imported. */
export function refuseOp(g: QGraph, node: QNode): never {
  throw new UnsupportedError(
    `${g.file}: node "${node.name}" (op ${node.op || '(empty)'}, domain "${node.domain}") is not supported; ${supportedOpsText()}`,
    'onnx-unsupported',
  );
}

/** Whether a node is one of the supported ops in a domain that provides it. */
export function isSupportedOp(node: QNode): boolean {
  if (node.domain === '') return QONNX_STANDARD_OPS.includes(node.op);
  return QONNX_DOMAINS.includes(node.domain) && QONNX_CUSTOM_OPS.includes(node.op);
}
