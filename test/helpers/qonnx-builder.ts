/** Builds small (Q)ONNX models in tests (protobufjs through waterloo's ONNX schema). */
import { OnnxAttributeType, OnnxDataType, onnxModelType, type OnnxAttribute, type OnnxModel } from '../../src/learn/formats/onnx-schema.js';

/** An attribute value: integer -> INT, other number or {f} -> FLOAT, string -> STRING, number[] -> INTS, {floats} -> FLOATS. */
export type AttrSpec = number | string | readonly number[] | { readonly f: number } | { readonly floats: readonly number[] };

export interface NodeSpec {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly output: string;
  readonly name?: string;
  readonly domain?: string;
  readonly attrs?: Readonly<Record<string, AttrSpec>>;
}

export interface ModelSpec {
  readonly inputs: readonly { readonly name: string; readonly dims: readonly number[] }[];
  readonly outputs?: readonly string[];
  /** Initializers: float32 unless `int64`. */
  readonly inits?: Readonly<Record<string, { readonly dims: readonly number[]; readonly values: readonly number[]; readonly int64?: boolean }>>;
  readonly nodes: readonly NodeSpec[];
  readonly opset?: number;
}

export const QONNX = 'qonnx.custom_op.general';
export const BREVITAS = 'onnx.brevitas';
export const FINN = 'finn.custom_op.general';

function attr(name: string, v: AttrSpec): OnnxAttribute {
  if (typeof v === 'string') return { name, type: OnnxAttributeType.STRING, s: new Uint8Array(Buffer.from(v)) };
  if (typeof v === 'number') return Number.isInteger(v) ? { name, type: OnnxAttributeType.INT, i: v } : { name, type: OnnxAttributeType.FLOAT, f: v };
  if (Array.isArray(v)) return { name, type: OnnxAttributeType.INTS, ints: [...(v as number[])] };
  if ('f' in (v as object)) return { name, type: OnnxAttributeType.FLOAT, f: (v as { f: number }).f };
  return { name, type: OnnxAttributeType.FLOATS, floats: [...(v as { floats: number[] }).floats] };
}

/** Encodes the model (node names default to op + index; the output defaults to the last node's). */
export async function buildModel(spec: ModelSpec): Promise<Uint8Array> {
  const type = await onnxModelType();
  const vi = (name: string, dims: readonly number[]) => ({ name, type: { tensorType: { elemType: OnnxDataType.FLOAT, shape: { dim: dims.map((d) => ({ dimValue: d })) } } } });
  const model: OnnxModel = {
    irVersion: 8,
    producerName: 'waterloo-test',
    opsetImport: [{ domain: '', version: spec.opset ?? 13 }],
    graph: {
      name: 'g',
      node: spec.nodes.map((n, k) => ({
        name: n.name ?? `${n.op}_${k}`,
        opType: n.op,
        ...(n.domain ? { domain: n.domain } : {}),
        input: [...n.inputs],
        output: [n.output],
        attribute: Object.entries(n.attrs ?? {}).map(([a, v]) => attr(a, v)),
      })),
      initializer: Object.entries(spec.inits ?? {}).map(([name, t]) =>
        t.int64 ? { name, dims: [...t.dims], dataType: OnnxDataType.INT64, int64Data: [...t.values] } : { name, dims: [...t.dims], dataType: OnnxDataType.FLOAT, floatData: [...t.values] },
      ),
      input: spec.inputs.map((i) => vi(i.name, i.dims)),
      output: (spec.outputs ?? [spec.nodes[spec.nodes.length - 1]!.output]).map((o) => vi(o, [])),
    },
  };
  return type.encode(type.fromObject(model)).finish();
}

/** A scalar float initializer. */
export const scalar = (v: number): { dims: number[]; values: number[] } => ({ dims: [], values: [v] });
/** A float matrix initializer from rows. */
export const matrix = (rows: readonly (readonly number[])[]): { dims: number[]; values: number[] } => ({ dims: [rows.length, rows[0]!.length], values: rows.flat() });
export const vector = (v: readonly number[], dims: readonly number[] = [v.length]): { dims: number[]; values: number[] } => ({ dims: [...dims], values: [...v] });
