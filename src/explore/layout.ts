/**
 * Layered layout of a circuit for the explorer, computed once at generation
 * time so that the page only draws: the layer of a node is its level
 * (graphology graph from graph/to-graph.ts, Kahn generations: inputs and the
 * constant on layer 0, a gate one above its deepest fanin), and the order
 * within a layer comes from barycenter sweeps (each node placed at the mean
 * relative position of its neighbours in the layer below, then above), the
 * classic crossing-reduction heuristic of Sugiyama et al. (1981).
 */
import type { Circuit } from '../core/circuit.js';
import { toGraph, topologicalGenerations, type CircuitGraph } from '../graph/to-graph.js';
import { withDefaults } from '../util/with-defaults.js';

/** Parameters of {@link layeredLayout}. */
export interface LayeredLayoutParams {
  /** Down-and-up barycenter sweeps (default 2). */
  readonly sweeps: number;
}

/** Defaults of {@link LayeredLayoutParams}. */
export const DEFAULT_LAYERED_LAYOUT_PARAMS: Readonly<LayeredLayoutParams> = Object.freeze({ sweeps: 2 });

/** Result of {@link layeredLayout}, indexed by circuit node id. */
export interface LayeredLayout {
  /** layer[v]: 0 for the constant and the inputs, else 1 + the largest layer of a fanin. */
  readonly layer: Int32Array;
  /** order[v]: position of v within its layer (0-based). */
  readonly order: Int32Array;
  /** Nodes of each layer, in order. */
  readonly layers: readonly (readonly number[])[];
  readonly stats: { ms: number };
}

/**
 * Lays out every node of `c` (the constant included) in layers; the output
 * nodes of the graph are not placed (the page draws an output as a tag on
 * its driver). Deterministic.
 */
export function layeredLayout(c: Circuit, params: Partial<LayeredLayoutParams> = {}): LayeredLayout {
  const p = withDefaults(DEFAULT_LAYERED_LAYOUT_PARAMS, params);
  const t0 = Date.now();
  const g: CircuitGraph = toGraph(c);
  const n = 1 + c.numInputs + c.numGates;
  const nodeOf = (key: string): number => g.getNodeAttribute(key, 'node') ?? -1;
  const layer = new Int32Array(n);
  const layers: number[][] = [];
  for (const gen of topologicalGenerations(g)) {
    const nodes = gen.map(nodeOf).filter((v) => v >= 0);
    if (nodes.length === 0) continue;
    layers.push(nodes);
  }
  // the constant (when unreferenced it is not in the graph) and the inputs share layer 0
  if (!g.hasNode('n0')) layers[0]?.unshift(0);
  layers.forEach((nodes, k) => nodes.forEach((v) => (layer[v] = k)));
  const pos = new Float64Array(n);
  const place = (): void => {
    for (const nodes of layers) {
      const w = Math.max(1, nodes.length - 1);
      nodes.forEach((v, i) => (pos[v] = i / w));
    }
  };
  place();
  const sortLayer = (k: number, neighbours: 'in' | 'out'): void => {
    const nodes = layers[k]!;
    const key = new Float64Array(nodes.length);
    nodes.forEach((v, i) => {
      let sum = 0, count = 0;
      const visit = (u: string): void => {
        const w = nodeOf(u);
        if (w < 0) return;
        sum += pos[w]!;
        count++;
      };
      const k0 = `n${v}`;
      if (g.hasNode(k0)) (neighbours === 'in' ? g.forEachInNeighbor(k0, visit) : g.forEachOutNeighbor(k0, visit));
      key[i] = count ? sum / count : pos[v]!;
    });
    const idx = nodes.map((_, i) => i).sort((a, b) => key[a]! - key[b]! || a - b);
    layers[k] = idx.map((i) => nodes[i]!);
    const w = Math.max(1, nodes.length - 1);
    layers[k]!.forEach((v, i) => (pos[v] = i / w));
  };
  for (let s = 0; s < p.sweeps; s++) {
    for (let k = 1; k < layers.length; k++) sortLayer(k, 'in');
    for (let k = layers.length - 2; k >= 0; k--) sortLayer(k, 'out');
  }
  const order = new Int32Array(n);
  layers.forEach((nodes) => nodes.forEach((v, i) => (order[v] = i)));
  return { layer, order, layers, stats: { ms: Date.now() - t0 } };
}
