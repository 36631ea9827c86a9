/** Reading a network file by its extension: `.json` (waterloo-bnn) or `.onnx`. */
import { UsageError } from '../../errors.js';
import { readInputFile } from '../../util/read-input.js';
import { parseBnnJson } from './bnn-json.js';
import type { BnnNetwork } from '../bnn/network.js';
import { parseOnnx, type ParseOnnxOptions } from './onnx-read.js';

/** Model file formats {@link readBnnModel} understands. */
export type BnnModelFormat = 'json' | 'onnx';

/** The format of a model path, by extension (undefined if neither). */
export function bnnModelFormatOf(path: string): BnnModelFormat | undefined {
  const lower = path.toLowerCase();
  return lower.endsWith('.json') ? 'json' : lower.endsWith('.onnx') ? 'onnx' : undefined;
}

/** Reads and parses a model file; throws UsageError for unknown extensions (InputFileError when unreadable). */
export async function readBnnModel(path: string, options: ParseOnnxOptions = {}): Promise<BnnNetwork> {
  const format = bnnModelFormatOf(path) ?? ((): never => {
    throw new UsageError(`${path}: unknown model format (expected a .json or .onnx file)`, 'unknown-format');
  })();
  const bytes = readInputFile(path);
  if (format === 'json') return parseBnnJson(bytes.toString('utf8'), path);
  return parseOnnx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path, options);
}
