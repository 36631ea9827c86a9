import { describe, expect, it } from 'vitest';
import { codeRange, codeValue, evaluateIntNetwork, firstArgmax, thresholdValue, type IntNetwork } from '../../src/learn/qnn/network.js';

describe('integer networks: codes and exact evaluation', () => {
  it('reads bipolar, unsigned and two\'s-complement codes, least significant bit first', () => {
    expect(codeValue({ kind: 'bipolar' }, [true])).toBe(1n);
    expect(codeValue({ kind: 'bipolar' }, [false])).toBe(-1n);
    expect(codeValue({ kind: 'unsigned', bits: 3 }, [true, false, true])).toBe(5n);
    expect(codeValue({ kind: 'signed', bits: 3 }, [true, false, true])).toBe(-3n);
    expect(codeRange({ kind: 'signed', bits: 4 })).toEqual({ min: -8n, max: 7n });
    expect(codeRange({ kind: 'unsigned', bits: 2 })).toEqual({ min: 0n, max: 3n });
  });

  it('counts the thresholds reached (>=), and maps one threshold to +-1 for bipolar', () => {
    expect(thresholdValue({ kind: 'unsigned', bits: 2 }, [-1n, 2n, 5n], 2n)).toBe(2n);
    expect(thresholdValue({ kind: 'unsigned', bits: 2 }, [-1n, 2n, 5n], -2n)).toBe(0n);
    expect(thresholdValue({ kind: 'bipolar' }, [0n], 0n)).toBe(1n);
    expect(thresholdValue({ kind: 'bipolar' }, [0n], -1n)).toBe(-1n);
  });

  it('evaluates a two-layer network exactly and takes the first maximum as ONNX ArgMax does', () => {
    const net: IntNetwork = {
      inputs: [{ name: 'x[0]', code: { kind: 'bipolar' } }, { name: 'x[1]', code: { kind: 'bipolar' } }],
      layers: [
        { source: 'L1', weights: [[1n, 1n], [1n, -1n]], bias: [0n, 0n], activation: { kind: 'thresholds', code: { kind: 'unsigned', bits: 1 }, thresholds: [[2n], [1n]] } },
        { source: 'L2', weights: [[3n, 0n], [0n, 3n]], bias: [0n, 0n], activation: { kind: 'scores' } },
      ],
      outputNames: ['y[0]', 'y[1]'],
      argmax: { valid: true, reason: 'test' },
    };
    // x = (+1, -1): sums 0 and 2 -> counts 0, 1 -> scores 0, 3
    expect(evaluateIntNetwork(net, [1n, -1n]).values).toEqual([[0n, 1n], [0n, 3n]]);
    // x = (+1, +1): sums 2, 0 -> counts 1, 0 -> scores 3, 0
    expect(evaluateIntNetwork(net, [1n, 1n]).values[1]).toEqual([3n, 0n]);
    expect(firstArgmax([2n, 5n, 5n, 1n])).toBe(1);
  });
});
