/**
 * Reading a model file as an integer network. Quantized models (QONNX) come
 * from the QONNX importer through {@link readQuantizedModelHook}; BNN models
 * (waterloo-bnn JSON, the BNN ONNX dialect) are read as before and converted
 * (from-bnn.ts).
 */
import { readBnnModel } from '../formats/read-model.js';
import type { ParseOnnxOptions } from '../formats/onnx-read.js';
import { bnnToIntNetwork } from './from-bnn.js';
import type { IntNetwork } from './network.js';

/**
 * HOOK for the QONNX importer (issue 17): return the model at `path` as an
 * integer network when it is a quantized model the importer reads, or
 * undefined to fall back to the BNN readers. Until the importer is merged it
 * reads nothing. The lead connects it to `readQuantizedModel` in
 * src/learn/formats/read-model.ts.
 */
export async function readQuantizedModelHook(path: string): Promise<IntNetwork | undefined> {
  void path;
  return undefined;
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
