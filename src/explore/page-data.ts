/**
 * The data the explorer page draws, computed in Node at generation time:
 * nodes by name and polarity (core/node-names.ts), the layered layout
 * (layout.ts), each gate's function over its fanins as the file names its
 * signals, with its NPN class, the blocks `find` recognised and the windows
 * of `census-windows` with their gates, and for extracted networks the
 * grouping of gates by layer and neuron (provenance-map.ts) with a small
 * layout inside each neuron. The page is plain JSON of this shape.
 */
import { gateFanins, type Circuit } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { literalName, namedLiteral, nodeNames, nodeValueName } from '../core/node-names.js';
import { coneNodes, cutFunction } from '../cuts/cut-function.js';
import type { WindowMinimality } from '../cuts/census-windows.js';
import { namedFunction, type FunctionMatch } from '../cuts/find-functions.js';
import { drawnNegated, gateDrawings } from '../io/dot.js';
import { formatListing, gateOpLabel } from '../io/listing.js';
import { exactCanonize, MAX_EXACT_NPN_VARS } from '../tt/npn.js';
import { toHex } from '../tt/truth-table.js';
import { layeredLayout } from './layout.js';
import type { ProvenanceMap } from './provenance-map.js';

/** A block found by `find`: a match and the gates of its cone. */
export interface PageBlock {
  /** Library entry (FA, MAJ_3, ...). */
  readonly entry: string;
  /** The match as `find` prints it: `sum, carry = FA(x2, x1, x0)`. */
  readonly text: string;
  readonly roots: readonly number[];
  readonly leaves: readonly number[];
  /** Gates of the cone between the leaves and the roots. */
  readonly gates: readonly number[];
  /** Hex tables of the roots' values over the leaves (leaf j = x_j). */
  readonly functions: readonly string[];
  /** Per root: its named signal's function over the leaves' named signals (as the file names them). */
  readonly tables: readonly { readonly signal: string; readonly leaves: readonly string[]; readonly table: string }[];
  /** Chosen among the disjoint matches that coverage counts. */
  readonly disjoint: boolean;
}

/** A window of `census-windows`. */
export interface PageWindow {
  readonly roots: readonly number[];
  readonly leaves: readonly number[];
  readonly gates: readonly number[];
  readonly functions: readonly string[];
  readonly status: 'minimal' | 'non-minimal' | 'unknown';
  readonly size: number;
  readonly minimum: number | null;
  readonly lowerBound: number;
  readonly upperBound: number;
  /** size - upperBound: how many gates a smaller circuit for this window saves (size - minimum when known). */
  readonly excess: number;
  /** mffc - upperBound: what replacing this window alone saves in the whole circuit. */
  readonly saving: number;
  /** The verified smaller circuit as a listing, its inputs named after the leaves and its outputs after the roots' values. */
  readonly smaller?: string;
}

/**
 * One box of the grouped view: the inputs, a neuron, or the gates the map
 * does not name; its gates with their layout inside the box.
 */
export interface PageBox {
  /** `inputs`, `L2.n7`, or `other`. */
  readonly label: string;
  /** Row of the box: 0 the inputs, k layer k, the last row the other gates. */
  readonly row: number;
  readonly gates: readonly number[];
  /** Local layer and order of each node of `gates` inside the box. */
  readonly localLayer: readonly number[];
  readonly localOrder: readonly number[];
}

/** Layers and neurons of an extracted network. */
export interface PageGroups {
  /** Boxes by row, in each row by neuron number. */
  readonly boxes: readonly PageBox[];
  readonly rows: number;
  /** Connections between boxes: [from box, to box, number of fanin references]. */
  readonly links: readonly (readonly [number, number, number])[];
}

/** The page's data (embedded as JSON). */
export interface PageData {
  readonly format: 'waterloo-explorer/1';
  readonly title: string;
  readonly numInputs: number;
  readonly numGates: number;
  /** Per node: display name (core/node-names.ts). */
  readonly names: readonly string[];
  /** Per node: 1 when the name denotes the complement of the node's value. */
  readonly negated: readonly number[];
  /** Per node: `in`, `0`, or the gate's op as stored (the listing's: `AND`, `XOR`, `MAJ`, `OR`, `LUT_e8`, ...). */
  readonly ops: readonly string[];
  /**
   * Per node: the label the drawing uses, as `show --svg` draws it (io/dot.ts:
   * a gate whose every reference is complemented is drawn as its complement,
   * NAND/OR/XNOR, and then `drawnNegated[v]` is 1).
   */
  readonly drawn: readonly string[];
  readonly drawnNegated: readonly number[];
  /** Per node: fanin literals. */
  readonly fanins: readonly (readonly number[])[];
  /** Per node and fanin: 1 when the edge is drawn complemented (after the drawing's De Morgan rewrites). */
  readonly edgeNegated: readonly (readonly number[])[];
  readonly layer: readonly number[];
  readonly order: readonly number[];
  /** Nodes per layer. */
  readonly layerSizes: readonly number[];
  readonly outputs: readonly { readonly name: string; readonly lit: number }[];
  /**
   * Per gate (null for inputs): the named signal's function over its fanin
   * nodes' named signals (`signal`, `leaves`, hex `table`), and its NPN class
   * representative (`npn`, hex; absent above 6 fanins).
   */
  readonly functions: readonly ({ readonly signal: string; readonly leaves: readonly string[]; readonly table: string; readonly npn?: string } | null)[];
  readonly blocks: readonly PageBlock[];
  readonly windows: readonly PageWindow[];
  readonly groups: PageGroups | null;
  /** Whether `find` / `census-windows` ran (an empty list then means none found). */
  readonly ran: { readonly find: boolean; readonly windows: boolean };
}

/** Inputs of {@link buildPageData}. */
export interface PageDataInput {
  readonly title: string;
  readonly matches?: readonly FunctionMatch[];
  /** Indices into `matches` of the disjoint matches. */
  readonly disjointMatches?: readonly number[];
  readonly windows?: readonly WindowMinimality[];
  readonly provenance?: ProvenanceMap;
}

/** Builds the explorer data of `c` (see {@link PageData}). */
export function buildPageData(c: Circuit, input: PageDataInput): PageData {
  const n = 1 + c.numInputs + c.numGates;
  const nn = nodeNames(c);
  const lay = layeredLayout(c);
  const ops: string[] = ['0'];
  const fanins: number[][] = [[]];
  const draw = gateDrawings(c);
  const drawn: string[] = ['0', ...c.inputNames.map(() => 'in'), ...draw.map((d) => d.label)];
  const drawnNeg: number[] = [0, ...c.inputNames.map(() => 0), ...draw.map((d) => (d.outputAbsorbed ? 1 : 0))];
  const edgeNegated: number[][] = [[], ...c.inputNames.map(() => [])];
  draw.forEach((d, g) => edgeNegated.push(Array.from(gateFanins(c, g), (f) => (drawnNegated(c, draw, f) !== d.faninsAbsorbed ? 1 : 0))));
  const functions: PageData['functions'][number][] = [null];
  for (let i = 0; i < c.numInputs; i++) (ops.push('in'), fanins.push([]), functions.push(null));
  for (let g = 0; g < c.numGates; g++) {
    const v = c.numInputs + 1 + g;
    const fs = Array.from(gateFanins(c, g));
    fanins.push(fs);
    ops.push(c.kinds[g] === GateKind.Lut ? gateOpLabel(c, g) : `${gateOpLabel(c, g)}${fs.length > (c.kinds[g] === GateKind.Maj ? 3 : 2) ? fs.length : ''}`);
    const leaves = [...new Set(fs.map((f) => f >>> 1).filter((u) => u !== 0))].sort((a, b) => a - b);
    if (leaves.length > 12) {
      functions.push(null);
      continue;
    }
    const f = namedFunction(nn, cutFunction(c, v, leaves), leaves, v);
    functions.push({
      signal: literalName(c, namedLiteral(c, v)),
      leaves: leaves.map((u) => nn.name[u]!),
      table: toHex(f),
      ...(leaves.length <= MAX_EXACT_NPN_VARS && leaves.length > 0 ? { npn: toHex(exactCanonize(f, 'NPN').representative) } : {}),
    });
  }
  const disjoint = new Set(input.disjointMatches ?? []);
  const blocks: PageBlock[] = (input.matches ?? []).map((m, i) => ({
    entry: m.name,
    text: `${m.outputSignals.join(', ')} = ${m.name}(${m.inputSignals.join(', ')})`,
    roots: m.roots,
    leaves: m.leaves,
    gates: coneNodes(c, m.roots, m.leaves),
    functions: m.functions,
    tables: m.roots.map((r) => ({
      signal: literalName(c, namedLiteral(c, r)),
      leaves: m.leaves.map((l) => nn.name[l]!),
      table: toHex(namedFunction(nn, cutFunction(c, r, m.leaves), m.leaves, r)),
    })),
    disjoint: disjoint.has(i),
  }));
  const windows: PageWindow[] = (input.windows ?? []).map((w) => ({
    roots: w.roots,
    leaves: w.leaves,
    gates: coneNodes(c, w.roots, w.leaves),
    functions: w.functions,
    status: w.status,
    size: w.size,
    minimum: w.minimum,
    lowerBound: w.lowerBound,
    upperBound: w.upperBound,
    excess: w.size - w.upperBound,
    saving: w.saving,
    // the smaller circuit's inputs are the leaves and its outputs the roots: listed under their names
    ...(w.smaller ? { smaller: formatListing({ ...w.smaller, inputNames: w.leaves.map((l) => nn.name[l]!), outputNames: w.roots.map((r) => nodeValueName(c, r)) }) } : {}),
  }));
  return {
    format: 'waterloo-explorer/1',
    title: input.title,
    numInputs: c.numInputs,
    numGates: c.numGates,
    names: nn.name,
    negated: Array.from(nn.negated),
    ops,
    drawn,
    drawnNegated: drawnNeg,
    fanins,
    edgeNegated,
    layer: Array.from(lay.layer),
    order: Array.from(lay.order),
    layerSizes: lay.layers.map((l) => l.length),
    outputs: Array.from(c.outputs, (lit, j) => ({ name: c.outputNames[j]!, lit })),
    functions,
    blocks,
    windows,
    groups: input.provenance ? buildGroups(c, n, input.provenance, fanins) : null,
    ran: { find: input.matches !== undefined, windows: input.windows !== undefined },
  };
}

/**
 * Local layout inside a box: a node's local layer is 1 + the largest local
 * layer of a fanin inside the box (0 without one); order by node id.
 */
function boxLayout(gates: readonly number[], fanins: readonly (readonly number[])[]): { localLayer: number[]; localOrder: number[] } {
  const local = new Map<number, number>();
  for (const v of gates) {
    let l = 0;
    for (const f of fanins[v]!) if (local.has(f >>> 1)) l = Math.max(l, local.get(f >>> 1)! + 1);
    local.set(v, l);
  }
  const count = new Map<number, number>();
  const localOrder = gates.map((v) => {
    const l = local.get(v)!;
    const k = count.get(l) ?? 0;
    count.set(l, k + 1);
    return k;
  });
  return { localLayer: gates.map((v) => local.get(v)!), localOrder };
}

/** Layers and neurons from a provenance map (see {@link PageGroups}). */
function buildGroups(c: Circuit, n: number, prov: ProvenanceMap, fanins: readonly (readonly number[])[]): PageGroups {
  const byNeuron = new Map<string, { layer: number; neuron: number; gates: number[] }>();
  const other: number[] = [];
  for (let v = c.numInputs + 1; v < n; v++) {
    const p = prov.get(v);
    if (!p) {
      other.push(v);
      continue;
    }
    const key = `L${p.layer}.n${p.neuron}`;
    let e = byNeuron.get(key);
    if (!e) byNeuron.set(key, (e = { layer: p.layer, neuron: p.neuron, gates: [] }));
    e.gates.push(v);
  }
  const neurons = [...byNeuron.entries()].sort((a, b) => a[1].layer - b[1].layer || a[1].neuron - b[1].neuron);
  const maxLayer = neurons.length ? neurons[neurons.length - 1]![1].layer : 0;
  const inputs = Array.from({ length: c.numInputs }, (_, i) => i + 1);
  const boxes: PageBox[] = [{ label: 'inputs', row: 0, gates: inputs, ...boxLayout(inputs, fanins) }];
  for (const [label, e] of neurons) boxes.push({ label, row: e.layer, gates: e.gates, ...boxLayout(e.gates, fanins) });
  if (other.length) boxes.push({ label: 'other', row: maxLayer + 1, gates: other, ...boxLayout(other, fanins) });
  const box = new Int32Array(n).fill(-1);
  boxes.forEach((b, i) => b.gates.forEach((v) => (box[v] = i)));
  const links = new Map<string, number>();
  for (let v = c.numInputs + 1; v < n; v++) {
    for (const f of fanins[v]!) {
      const a = box[f >>> 1]!, b = box[v]!;
      if (a === b || a < 0) continue;
      const k = `${a},${b}`;
      links.set(k, (links.get(k) ?? 0) + 1);
    }
  }
  return {
    boxes,
    rows: other.length ? maxLayer + 2 : maxLayer + 1,
    links: [...links.entries()].map(([k, count]) => {
      const [a, b] = k.split(',').map(Number) as [number, number];
      return [a, b, count] as const;
    }),
  };
}
