/**
 * Export of a circuit to a graphology graph, for the graph algorithms of the
 * graphology ecosystem (centrality, communities, layouts, GEXF/GraphML export),
 * plus a few small structural analyses computed on that graph.
 *
 * Nodes: `n<node>` for the constant (only when something refers to it), the
 * inputs and the gates (node numbers as in literal.ts), and `o<j>` for
 * output j. Edges run from a fanin to its gate and from a driver to its
 * output node, keyed `<source>-><target>`. The graph is a simple
 * `DirectedGraph`: when a gate refers to the same node more than once
 * (possible only in circuits built without strash, e.g. `AND(x, !x)`), the
 * references share one edge; the first sets `negated`/`pin` and the others
 * are listed in `more`.
 */
import { DirectedGraph } from 'graphology';
import { gateFanins, gateNode, type Circuit } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { toHex } from '../tt/truth-table.js';
import { OP_DISPLAY_NAMES } from '../io/dot.js';

/** Kind of a graph node. */
export type CircuitNodeKind = 'constant' | 'input' | 'and' | 'xor' | 'maj' | 'lut' | 'output';

/** Attributes of a graph node. */
export interface CircuitNodeAttributes {
  [key: string]: unknown;
  readonly kind: CircuitNodeKind;
  /** Display label: `0`, the input/output name, or the gate's kind/op (`AND`, `XOR3`, `MAJ`, `NAND`... `LUT 0xe8`). */
  readonly label: string;
  /** Node number in the circuit (absent for output nodes). */
  readonly node?: number;
  /** Output position (output nodes only). */
  readonly output?: number;
  /** Two-input op of a 2-input LUT (see GateOp). */
  readonly op?: number;
  /** Truth table in hex (kitty order) of a LUT gate. */
  readonly table?: string;
  /** Name of the input, output or gate, when it has one. */
  readonly name?: string;
}

/** Attributes of a graph edge. */
export interface CircuitEdgeAttributes {
  [key: string]: unknown;
  /** Whether the reference is complemented. */
  readonly negated: boolean;
  /** Fanin position at the target gate (0 for output edges). */
  readonly pin: number;
  /** Further references of the same source by the same gate (only in unstrashed circuits). */
  readonly more?: readonly { readonly pin: number; readonly negated: boolean }[];
}

/** Attributes of the whole graph. */
export interface CircuitGraphAttributes {
  [key: string]: unknown;
  readonly numInputs: number;
  readonly numOutputs: number;
  readonly numGates: number;
}

/** The graph type returned by {@link toGraph}. */
export type CircuitGraph = DirectedGraph<CircuitNodeAttributes, CircuitEdgeAttributes, CircuitGraphAttributes>;

/** The key of the graph node of circuit node `v`. */
export function nodeKey(v: number): string {
  return `n${v}`;
}
/** The key of the graph node of output `j`. */
export function outputKey(j: number): string {
  return `o${j}`;
}

/** Builds the graphology graph of a circuit (see module docs). Deterministic insertion order. */
export function toGraph(c: Circuit): CircuitGraph {
  const g: CircuitGraph = new DirectedGraph<CircuitNodeAttributes, CircuitEdgeAttributes, CircuitGraphAttributes>();
  g.replaceAttributes({ numInputs: c.numInputs, numOutputs: c.outputs.length, numGates: c.numGates });
  const usesConst = c.fanins.some((f) => f >>> 1 === 0) || c.outputs.some((o) => o >>> 1 === 0);
  if (usesConst) g.addNode(nodeKey(0), { kind: 'constant', label: '0', node: 0 });
  for (let i = 0; i < c.numInputs; i++) {
    g.addNode(nodeKey(i + 1), { kind: 'input', label: c.inputNames[i]!, node: i + 1, name: c.inputNames[i]! });
  }
  for (let k = 0; k < c.numGates; k++) {
    const v = gateNode(c, k);
    const fs = gateFanins(c, k);
    const name = c.gateNames.get(k);
    const base = name === undefined ? { node: v } : { node: v, name };
    switch (c.kinds[k] as GateKind) {
      case GateKind.And:
        g.addNode(nodeKey(v), { kind: 'and', label: fs.length > 2 ? `AND${fs.length}` : 'AND', ...base });
        break;
      case GateKind.Xor:
        g.addNode(nodeKey(v), { kind: 'xor', label: fs.length > 2 ? `XOR${fs.length}` : 'XOR', ...base });
        break;
      case GateKind.Maj:
        g.addNode(nodeKey(v), { kind: 'maj', label: fs.length > 3 ? `MAJ${fs.length}` : 'MAJ', ...base });
        break;
      case GateKind.Lut: {
        const tt = c.luts.get(k)!;
        const table = toHex(tt);
        if (tt.numVars === 2) {
          const op = tt.words[0]! & 15;
          g.addNode(nodeKey(v), { kind: 'lut', label: OP_DISPLAY_NAMES[op]!, op, table, ...base });
        } else {
          g.addNode(nodeKey(v), { kind: 'lut', label: `LUT 0x${table}`, table, ...base });
        }
        break;
      }
    }
    for (let pin = 0; pin < fs.length; pin++) {
      const f = fs[pin]!;
      const src = nodeKey(f >>> 1);
      const dst = nodeKey(v);
      const key = `${src}->${dst}`;
      const negated = (f & 1) === 1;
      if (g.hasEdge(key)) {
        g.updateEdgeAttributes(key, (a) => ({ ...a, more: [...(a.more ?? []), { pin, negated }] }));
      } else {
        g.addDirectedEdgeWithKey(key, src, dst, { negated, pin });
      }
    }
  }
  for (let j = 0; j < c.outputs.length; j++) {
    const o = c.outputs[j]!;
    const key = outputKey(j);
    g.addNode(key, { kind: 'output', label: c.outputNames[j]!, output: j, name: c.outputNames[j]! });
    g.addDirectedEdgeWithKey(`${nodeKey(o >>> 1)}->${key}`, nodeKey(o >>> 1), key, { negated: (o & 1) === 1, pin: 0 });
  }
  return g;
}

/** One bucket of a fanout histogram. */
export interface FanoutBucket {
  /** Number of distinct consumers (gates and output nodes). */
  readonly fanout: number;
  /** Number of inputs and gates with that fanout. */
  readonly count: number;
}

/**
 * Fanout distribution of the inputs and gates: how many nodes have
 * out-degree 0, 1, 2, ... in the graph (consumers are gates and outputs;
 * a gate that uses a node twice counts once). Sorted by fanout, empty
 * buckets left out.
 */
export function fanoutDistribution(g: CircuitGraph): FanoutBucket[] {
  const counts = new Map<number, number>();
  g.forEachNode((key, a) => {
    if (a.kind === 'output' || a.kind === 'constant') return;
    const d = g.outDegree(key);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  });
  return [...counts].sort((x, y) => x[0] - y[0]).map(([fanout, count]) => ({ fanout, count }));
}

/**
 * Topological generations (Kahn layering): generation 0 holds the nodes
 * without predecessors (constant, inputs), generation k the nodes all of
 * whose predecessors lie in generations < k with at least one in k - 1. For
 * the inputs and gates this is the circuit's level (analysis.ts `levels`);
 * an output node sits one generation below its driver. Keys within a
 * generation are in insertion order.
 */
export function topologicalGenerations(g: CircuitGraph): string[][] {
  const indeg = new Map<string, number>();
  let current: string[] = [];
  g.forEachNode((key) => {
    const d = g.inDegree(key);
    indeg.set(key, d);
    if (d === 0) current.push(key);
  });
  const gens: string[][] = [];
  while (current.length > 0) {
    gens.push(current);
    const next: string[] = [];
    for (const u of current) {
      g.forEachOutNeighbor(u, (w) => {
        const d = indeg.get(w)! - 1;
        indeg.set(w, d);
        if (d === 0) next.push(w);
      });
    }
    current = next;
  }
  return gens;
}

/**
 * One longest path (in edges) from a source (constant or input) to an output
 * node, as node keys from source to output: the critical path of the
 * unit-delay model. Empty for a circuit without outputs. Ties are broken
 * towards the earliest-inserted node, so the result is deterministic.
 */
export function criticalPath(g: CircuitGraph): string[] {
  const dist = new Map<string, number>();
  const pred = new Map<string, string>();
  for (const gen of topologicalGenerations(g)) {
    for (const key of gen) {
      let best = -1;
      let from: string | undefined;
      g.forEachInNeighbor(key, (u) => {
        const d = dist.get(u)!;
        if (d > best) {
          best = d;
          from = u;
        }
      });
      dist.set(key, best + 1);
      if (from !== undefined) pred.set(key, from);
    }
  }
  let end: string | undefined;
  let endDist = -1;
  g.forEachNode((key, a) => {
    if (a.kind === 'output' && dist.get(key)! > endDist) {
      endDist = dist.get(key)!;
      end = key;
    }
  });
  const path: string[] = [];
  for (let k = end; k !== undefined; k = pred.get(k)) path.push(k);
  return path.reverse();
}
