import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { depth, levels } from '../../src/core/analysis.js';
import { CircuitBuilder } from '../../src/core/builder.js';
import { gateFanins, gateNode, type Circuit } from '../../src/core/circuit.js';
import { GateKind, OPS } from '../../src/core/gate.js';
import { criticalPath, fanoutDistribution, nodeKey, outputKey, topologicalGenerations, toGraph } from '../../src/graph/to-graph.js';
import { parseBench } from '../../src/io/bench.js';
import { mixedCircuit } from '../helpers/mixed-circuit.js';

const ISCAS = join(import.meta.dirname, '../../circuits/iscas85');

function bench(name: string): Circuit {
  const file = join(ISCAS, `${name}.bench`);
  return parseBench(readFileSync(file), { fileName: file });
}

describe('toGraph', () => {
  it('c17: nodes, edges and attributes', () => {
    const c = bench('c17');
    const g = toGraph(c);
    expect(g.type).toBe('directed');
    expect(g.multi).toBe(false);
    expect(g.order).toBe(5 + 6 + 2);
    expect(g.size).toBe(12 + 2);
    expect(g.getAttributes()).toEqual({ numInputs: 5, numOutputs: 2, numGates: 6 });
    expect(g.getNodeAttributes('n1')).toEqual({ kind: 'input', label: '1', node: 1, name: '1' });
    expect(g.getNodeAttributes('n6')).toEqual({ kind: 'and', label: 'AND', node: 6, name: '10' });
    expect(g.getNodeAttributes('o0')).toEqual({ kind: 'output', label: '22', output: 0, name: '22' });
    expect(g.hasNode('n0')).toBe(false);
    // every edge mirrors a fanin literal
    for (let k = 0; k < c.numGates; k++) {
      gateFanins(c, k).forEach((f, pin) => {
        expect(g.getEdgeAttributes(`n${f >>> 1}->n${gateNode(c, k)}`)).toEqual({ negated: (f & 1) === 1, pin });
      });
    }
    expect(g.getEdgeAttributes('n10->o0')).toEqual({ negated: true, pin: 0 });
    expect(g.source('n10->o0')).toBe('n10');
    expect(g.target('n10->o0')).toBe('o0');
  });

  it('keeps gate kinds, ops and tables, and the constant when used', () => {
    const g = toGraph(mixedCircuit());
    expect(g.getNodeAttributes('n0')).toEqual({ kind: 'constant', label: '0', node: 0 });
    expect(g.getNodeAttribute('n5', 'kind')).toBe('maj');
    expect(g.getNodeAttributes('n6')).toMatchObject({ kind: 'lut', label: 'LUT 0xd8', table: 'd8' });
    expect(g.getNodeAttributes('n7')).toMatchObject({ kind: 'lut', label: 'a&!b', op: OPS.A_AND_NOT_B, table: '2' });
    expect(g.getNodeAttributes('n8')).toMatchObject({ kind: 'xor', label: 'XOR3' });
    expect(g.getNodeAttributes('n12')).toMatchObject({ kind: 'maj', label: 'MAJ5', name: 'big "maj"' });
    expect(g.hasEdge('n0->n9')).toBe(true);
    expect(g.getEdgeAttributes('n1->o3')).toEqual({ negated: false, pin: 0 });
    expect(g.getEdgeAttributes('n4->o4')).toEqual({ negated: true, pin: 0 });
  });

  it('merges repeated references into one edge', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y] = b.addInputs(2);
    const a = b.addGate(GateKind.And, [x!, x! ^ 1, y!]);
    b.addOutput(a);
    b.addOutput(a ^ 1);
    const g = toGraph(b.build());
    expect(g.size).toBe(2 + 2);
    expect(g.getEdgeAttributes('n1->n3')).toEqual({ negated: false, pin: 0, more: [{ pin: 1, negated: true }] });
    expect(g.getEdgeAttribute('n3->o1', 'negated')).toBe(true);
  });

  it('handles the empty circuit', () => {
    const g = toGraph(new CircuitBuilder().build());
    expect(g.order).toBe(0);
    expect(topologicalGenerations(g)).toEqual([]);
    expect(criticalPath(g)).toEqual([]);
    expect(fanoutDistribution(g)).toEqual([]);
  });

  it('node and output keys', () => {
    expect(nodeKey(7)).toBe('n7');
    expect(outputKey(2)).toBe('o2');
  });
});

describe('graph analyses', () => {
  it('topological generations agree with levels (c432)', () => {
    const c = bench('c432');
    const g = toGraph(c);
    const lv = levels(c);
    const gens = topologicalGenerations(g);
    const seen = new Set<string>();
    gens.forEach((gen, k) => {
      for (const key of gen) {
        seen.add(key);
        const a = g.getNodeAttributes(key);
        if (a.kind === 'output') expect(k).toBe(lv[c.outputs[a.output!]! >>> 1]! + 1);
        else expect(k).toBe(lv[a.node!]);
      }
    });
    expect(seen.size).toBe(g.order);
  });

  it('the critical path has depth + 1 edges and follows edges (c432, c17)', () => {
    for (const name of ['c17', 'c432']) {
      const c = bench(name);
      const g = toGraph(c);
      const path = criticalPath(g);
      expect(path.length).toBe(depth(c) + 2);
      expect(g.getNodeAttribute(path[0]!, 'kind')).toBe('input');
      expect(g.getNodeAttribute(path[path.length - 1]!, 'kind')).toBe('output');
      for (let k = 0; k + 1 < path.length; k++) expect(g.hasDirectedEdge(path[k]!, path[k + 1]!)).toBe(true);
    }
  });

  it('the critical path is deterministic', () => {
    const c = bench('c17');
    expect(criticalPath(toGraph(c))).toEqual(['n3', 'n7', 'n8', 'n10', 'o0']);
  });

  it('fanout distribution counts distinct consumers of inputs and gates', () => {
    const c = bench('c17');
    // c17: inputs 1,2,6,7 feed one gate, input 3 two; gates 10,19,22,23 have fanout 1; 11,16 fanout 2
    expect(fanoutDistribution(toGraph(c))).toEqual([
      { fanout: 1, count: 8 },
      { fanout: 2, count: 3 },
    ]);
    const c432 = bench('c432');
    const total = fanoutDistribution(toGraph(c432)).reduce((s, b) => s + b.count, 0);
    expect(total).toBe(c432.numInputs + c432.numGates);
  });
});
