/** Reading a network file by its extension: `.json` (waterloo-bnn) or `.onnx` (plain binarized, or quantized QONNX). */
import { UsageError } from '../../errors.js';
import { readInputFile } from '../../util/read-input.js';
import { parseBnnJson } from './bnn-json.js';
import type { BnnNetwork } from '../bnn/network.js';
import { parseOnnx, type ParseOnnxOptions } from './onnx-read.js';
import type { IntNetwork } from '../qnn/network.js';
import { decodeQonnx, isQonnxGraph } from '../qnn/qonnx-read.js';
import { qonnxToIntNetwork, type QonnxImport, type QonnxImportOptions } from '../qnn/to-int-network.js';

/** Model file formats {@link readBnnModel} understands. */
export type BnnModelFormat = 'json' | 'onnx';

/** The format of a model path, by extension (undefined if neither). */
export function bnnModelFormatOf(path: string): BnnModelFormat | undefined {
  const lower = path.toLowerCase();
  return lower.endsWith('.json') ? 'json' : lower.endsWith('.onnx') ? 'onnx' : undefined;
}

const unknownFormat = (path: string): never => {
  throw new UsageError(`${path}: unknown model format (expected a .json or .onnx file)`, 'unknown-format');
};

function readBytes(path: string): Uint8Array {
  const bytes = readInputFile(path);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads and parses a model file; throws UsageError for unknown extensions (InputFileError when unreadable). */
export async function readBnnModel(path: string, options: ParseOnnxOptions = {}): Promise<BnnNetwork> {
  const format = bnnModelFormatOf(path) ?? unknownFormat(path);
  const bytes = readBytes(path);
  if (format === 'json') return parseBnnJson(Buffer.from(bytes).toString('utf8'), path);
  return parseOnnx(bytes, path, options);
}

/** Whether ONNX bytes hold a quantized model (a QONNX custom-op domain, or Quant / BipolarQuant / MultiThreshold nodes); ParseError when not a protobuf. */
export async function isQuantizedOnnx(bytes: Uint8Array, file = '<input>'): Promise<boolean> {
  return isQonnxGraph(await decodeQonnx(bytes, file));
}

/** Reads a QONNX file and folds it into an integer network, with what the differential check needs (see importQonnx). */
export async function readQuantizedImport(path: string, options: QonnxImportOptions = {}): Promise<QonnxImport> {
  if (bnnModelFormatOf(path) !== 'onnx') unknownFormat(path);
  return qonnxToIntNetwork(await decodeQonnx(readBytes(path), path), options);
}

/** Reads a QONNX file as an integer network (see {@link readQuantizedImport}). */
export async function readQuantizedModel(path: string, options: QonnxImportOptions = {}): Promise<IntNetwork> {
  return (await readQuantizedImport(path, options)).network;
}

/** Any model file: a binarized network (JSON, plain ONNX) or a quantized one (QONNX, recognised by its ops). */
export type ReadModel = { readonly kind: 'bnn'; readonly network: BnnNetwork } | { readonly kind: 'quantized'; readonly network: IntNetwork; readonly import: QonnxImport };

/** Reads a model file of either kind; QONNX models are recognised by {@link isQuantizedOnnx}. */
export async function readModel(path: string, options: ParseOnnxOptions & QonnxImportOptions = {}): Promise<ReadModel> {
  const format = bnnModelFormatOf(path) ?? unknownFormat(path);
  const bytes = readBytes(path);
  if (format === 'json') return { kind: 'bnn', network: parseBnnJson(Buffer.from(bytes).toString('utf8'), path) };
  const graph = await decodeQonnx(bytes, path);
  if (isQonnxGraph(graph)) {
    const imp = qonnxToIntNetwork(graph, options);
    return { kind: 'quantized', network: imp.network, import: imp };
  }
  return { kind: 'bnn', network: await parseOnnx(bytes, path, options) };
}
