/**
 * Reading a model file as an integer network. Quantized models (QONNX) come
 * from the QONNX importer through {@link readQuantizedModelHook}; BNN models
 * (waterloo-bnn JSON, the BNN ONNX dialect) are read as before and converted
 * (from-bnn.ts).
 */
import { bnnModelFormatOf, isQuantizedOnnx, readBnnModel, readQuantizedModel } from '../formats/read-model.js';
import { readInputFile } from '../../util/read-input.js';
import type { ParseOnnxOptions } from '../formats/onnx-read.js';
import { bnnToIntNetwork } from './from-bnn.js';
import type { IntNetwork } from './network.js';
import type { QonnxImportOptions } from './to-int-network.js';

/**
 * The model at `path` as an integer network when it is a quantized (QONNX)
 * ONNX file (recognised by its custom-op domains or quantizer nodes, see
 * isQuantizedOnnx), else undefined so the BNN readers take it.
 */
export async function readQuantizedModelHook(path: string, options: QonnxImportOptions = {}): Promise<IntNetwork | undefined> {
  if (bnnModelFormatOf(path) !== 'onnx') return undefined;
  const bytes = readInputFile(path);
  if (!(await isQuantizedOnnx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path))) return undefined;
  return readQuantizedModel(path, options);
}

/** An integer network read from a file, and which reader it came from. */
export interface IntModel {
  readonly network: IntNetwork;
  readonly kind: 'quantized' | 'bnn';
}

/** Reads a model as an integer network: a quantized model through the hook, else a BNN converted. */
export async function readIntModel(path: string, bnnOptions: ParseOnnxOptions = {}): Promise<IntModel> {
  const quantized = await readQuantizedModelHook(path);
  if (quantized) return { network: quantized, kind: 'quantized' };
  return { network: bnnToIntNetwork(await readBnnModel(path, bnnOptions)), kind: 'bnn' };
}
