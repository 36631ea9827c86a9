/**
 * The waterloo-bnn JSON format (version 1) for binarized / integer-quantized MLPs:
 *
 *     {
 *       "format": "waterloo-bnn", "version": 1,
 *       "inputs": 3,
 *       "inputEncoding": "bipolar",            // or "binary"
 *       "inputNames": ["a", "b", "c"],         // optional
 *       "layers": [
 *         { "weights": [[1, 1, 1]], "bias": [0], "activation": "sign" }
 *       ],
 *       "outputNames": ["maj"],                // optional
 *       "description": "..."                   // optional, ignored
 *     }
 *
 * Semantics (see network.ts): input bits b in {0,1} are seen by the first
 * layer as x = b ("binary") or x = 2b - 1 ("bipolar"); neuron i of a layer
 * computes s = bias[i] + sum_j weights[i][j] * x_j and outputs bit 1 iff
 * s >= 0. The next layer sees a "sign" layer's bits as +1/-1 and a "step"
 * layer's bits as 1/0. The last layer's bits are the outputs (1 = true).
 * Weights and biases must be integers (2.0 is accepted, 2.5 is not); unknown
 * keys are refused. Errors are ParseErrors naming the file, line, column and
 * JSON path, e.g. `net.json:4:20: layers[1].weights[3][2]: not an integer`.
 */
import { ParseError, type ParseErrorCode } from '../../errors.js';
import { lineCol, parseJsonWithPositions, type JsonNode } from './json-lexer.js';
import { MAX_BNN_MAGNITUDE, MAX_BNN_WEIGHTS, validateBnn, type BnnActivation, type BnnLayer, type BnnNetwork } from '../bnn/network.js';

/** The value of the `format` key. */
export const BNN_JSON_FORMAT = 'waterloo-bnn';

/** Parses a waterloo-bnn JSON text; `file` is used in error messages. */
export function parseBnnJson(text: string, file = '<input>'): BnnNetwork {
  const root = parseJsonWithPositions(text, file);
  const fail = (node: JsonNode, path: string, why: string, code: ParseErrorCode = 'unexpected-token'): never => {
    const { line, column } = lineCol(text, node.at);
    throw new ParseError(path ? `${path}: ${why}` : why, code, file, line, column);
  };
  const obj = (node: JsonNode, path: string, allowed: readonly string[]): ReadonlyMap<string, JsonNode> => {
    if (node.kind !== 'object') return fail(node, path, 'expected an object');
    for (const [k, v] of node.entries) if (!allowed.includes(k)) fail(v, path ? `${path}.${k}` : k, 'unknown key');
    return node.entries;
  };
  const need = (m: ReadonlyMap<string, JsonNode>, owner: JsonNode, path: string, key: string): JsonNode => m.get(key) ?? fail(owner, path, `missing key "${key}"`);
  const arr = (node: JsonNode, path: string): readonly JsonNode[] => (node.kind === 'array' ? node.items : fail(node, path, 'expected an array'));
  const int = (node: JsonNode, path: string): number => {
    if (node.kind !== 'number') return fail(node, path, 'expected a number');
    if (!Number.isInteger(node.value)) return fail(node, path, 'not an integer', 'bad-number');
    if (Math.abs(node.value) > MAX_BNN_MAGNITUDE) return fail(node, path, `|${node.value}| exceeds ${MAX_BNN_MAGNITUDE}`, 'bad-number');
    return node.value + 0;
  };
  const oneOf = <T extends string>(node: JsonNode, path: string, values: readonly T[]): T => {
    if (node.kind !== 'string' || !values.includes(node.value as T)) return fail(node, path, `expected ${values.map((v) => `"${v}"`).join(' or ')}`);
    return node.value as T;
  };
  const names = (node: JsonNode | undefined, path: string, count: number): string[] | undefined => {
    if (node === undefined) return undefined;
    const items = arr(node, path);
    if (items.length !== count) fail(node, path, `has ${items.length} names for ${count} signals`);
    return items.map((n, k) => (n.kind === 'string' && n.value.length > 0 ? n.value : fail(n, `${path}[${k}]`, 'expected a non-empty string')));
  };

  const top = obj(root, '', ['format', 'version', 'inputs', 'inputEncoding', 'inputNames', 'layers', 'outputNames', 'description']);
  const format = need(top, root, '', 'format');
  if (format.kind !== 'string' || format.value !== BNN_JSON_FORMAT) fail(format, 'format', `expected "${BNN_JSON_FORMAT}"`);
  const version = need(top, root, '', 'version');
  if (int(version, 'version') !== 1) fail(version, 'version', 'only version 1 is supported');
  const inputsNode = need(top, root, '', 'inputs');
  const inputs = int(inputsNode, 'inputs');
  if (inputs < 0) fail(inputsNode, 'inputs', 'must be non-negative');
  const inputEncoding = oneOf(need(top, root, '', 'inputEncoding'), 'inputEncoding', ['binary', 'bipolar'] as const);
  const desc = top.get('description');
  if (desc !== undefined && desc.kind !== 'string') fail(desc, 'description', 'expected a string');
  const layersNode = need(top, root, '', 'layers');
  const layerItems = arr(layersNode, 'layers');
  if (layerItems.length === 0) fail(layersNode, 'layers', 'a network needs at least one layer');
  let width = inputs;
  let weightCount = 0;
  const layers: BnnLayer[] = layerItems.map((ln, l) => {
    const at = `layers[${l}]`;
    const m = obj(ln, at, ['weights', 'bias', 'activation']);
    const wNode = need(m, ln, at, 'weights');
    const rows = arr(wNode, `${at}.weights`);
    if (rows.length === 0) fail(wNode, `${at}.weights`, 'a layer needs at least one neuron');
    weightCount += rows.length * width;
    if (weightCount > MAX_BNN_WEIGHTS) fail(wNode, `${at}.weights`, `the network has more than ${MAX_BNN_WEIGHTS} weights (the limit of extraction)`, 'too-large');
    const weights = rows.map((rn, i) => {
      const row = arr(rn, `${at}.weights[${i}]`);
      if (row.length !== width) fail(rn, `${at}.weights[${i}]`, `has ${row.length} entries, the layer has ${width} inputs`);
      return row.map((v, j) => int(v, `${at}.weights[${i}][${j}]`));
    });
    const bNode = need(m, ln, at, 'bias');
    const biasItems = arr(bNode, `${at}.bias`);
    if (biasItems.length !== weights.length) fail(bNode, `${at}.bias`, `has ${biasItems.length} entries for ${weights.length} neurons`);
    const bias = biasItems.map((v, i) => int(v, `${at}.bias[${i}]`));
    const activation: BnnActivation = oneOf(need(m, ln, at, 'activation'), `${at}.activation`, ['sign', 'step'] as const);
    width = weights.length;
    return { weights, bias, activation };
  });
  const inputNames = names(top.get('inputNames'), 'inputNames', inputs);
  const outputNames = names(top.get('outputNames'), 'outputNames', width);
  return validateBnn({ inputs, inputEncoding, layers, ...(inputNames ? { inputNames } : {}), ...(outputNames ? { outputNames } : {}) });
}

/** Writes a network as waterloo-bnn JSON (one neuron per line). */
export function writeBnnJson(net: BnnNetwork, description?: string): string {
  validateBnn(net);
  const q = (s: string): string => JSON.stringify(s);
  const lines: string[] = ['{', `  "format": ${q(BNN_JSON_FORMAT)},`, '  "version": 1,'];
  if (description !== undefined) lines.push(`  "description": ${q(description)},`);
  lines.push(`  "inputs": ${net.inputs},`, `  "inputEncoding": ${q(net.inputEncoding)},`);
  if (net.inputNames) lines.push(`  "inputNames": [${net.inputNames.map(q).join(', ')}],`);
  lines.push('  "layers": [');
  net.layers.forEach((layer, l) => {
    lines.push('    {', '      "weights": [');
    layer.weights.forEach((row, i) => lines.push(`        [${row.join(', ')}]${i + 1 < layer.weights.length ? ',' : ''}`));
    lines.push('      ],', `      "bias": [${layer.bias.join(', ')}],`, `      "activation": ${q(layer.activation)}`, `    }${l + 1 < net.layers.length ? ',' : ''}`);
  });
  lines.push(net.outputNames ? '  ],' : '  ]');
  if (net.outputNames) lines.push(`  "outputNames": [${net.outputNames.map(q).join(', ')}]`);
  lines.push('}');
  return lines.join('\n') + '\n';
}
