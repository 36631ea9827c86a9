/**
 * Exporting a network as ONNX (opset 13): per layer a Gemm (transB = 1,
 * float weights [out, in]) followed by Sign for "sign" layers, or by
 * GreaterOrEqual(., 0) + Cast(FLOAT) for "step" layers. Sign layers get
 * bias + 0.5 so that ONNX's Sign never sees 0 (the sum is an integer, so
 * s + 0.5 > 0 iff s >= 0, which is waterloo's semantics). The graph input
 * `x` is float [1, N] holding the bits as 0/1 or -1/+1, recorded in the
 * metadata key `waterloo.inputEncoding`; the output `y` is float [1, M].
 */
import { validateBnn, type BnnNetwork } from '../bnn/network.js';
import { ONNX_INPUT_ENCODING_KEY } from './onnx-read.js';
import { OnnxAttributeType, OnnxDataType, onnxModelType, type OnnxModel, type OnnxNode, type OnnxTensor } from './onnx-schema.js';
import { waterlooVersion } from '../../version.js';

/** Serialises the network as an ONNX model (see the module doc for the graph it writes). */
export async function writeOnnx(net: BnnNetwork): Promise<Uint8Array> {
  validateBnn(net);
  const type = await onnxModelType();
  const initializer: OnnxTensor[] = [];
  const node: OnnxNode[] = [];
  let cur = 'x';
  net.layers.forEach((layer, l) => {
    const outs = layer.bias.length, ins = layer.weights[0]!.length;
    const shift = layer.activation === 'sign' ? 0.5 : 0;
    initializer.push(floatTensor(`W${l}`, [outs, ins], layer.weights.flat()));
    initializer.push(floatTensor(`b${l}`, [outs], layer.bias.map((c) => c + shift)));
    const last = l === net.layers.length - 1;
    const s = `s${l}`;
    node.push({ name: `gemm${l}`, opType: 'Gemm', input: [cur, `W${l}`, `b${l}`], output: [s], attribute: [{ name: 'transB', type: OnnxAttributeType.INT, i: 1 }] });
    const h = last ? 'y' : `h${l}`;
    if (layer.activation === 'sign') {
      node.push({ name: `sign${l}`, opType: 'Sign', input: [s], output: [h] });
    } else {
      initializer.push(floatTensor(`zero${l}`, [], [0]));
      node.push({ name: `ge${l}`, opType: 'GreaterOrEqual', input: [s, `zero${l}`], output: [`g${l}`] });
      node.push({ name: `cast${l}`, opType: 'Cast', input: [`g${l}`], output: [h], attribute: [{ name: 'to', type: OnnxAttributeType.INT, i: OnnxDataType.FLOAT }] });
    }
    cur = h;
  });
  const vec = (name: string, n: number) => ({ name, type: { tensorType: { elemType: OnnxDataType.FLOAT, shape: { dim: [{ dimValue: 1 }, { dimValue: n }] } } } });
  const model: OnnxModel = {
    irVersion: 7,
    producerName: 'waterloo',
    producerVersion: waterlooVersion(),
    opsetImport: [{ domain: '', version: 13 }],
    metadataProps: [{ key: ONNX_INPUT_ENCODING_KEY, value: net.inputEncoding }],
    graph: { name: 'bnn', node, initializer, input: [vec('x', net.inputs)], output: [vec('y', net.layers[net.layers.length - 1]!.bias.length)] },
  };
  return type.encode(type.fromObject(model)).finish();
}

function floatTensor(name: string, dims: number[], values: number[]): OnnxTensor {
  return { name, dims, dataType: OnnxDataType.FLOAT, floatData: values };
}
