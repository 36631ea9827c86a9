/**
 * Extraction of an integer network: compile (compile.ts), prove neuron by
 * neuron (neuron-proof.ts), drop what no output needs (provenance carried
 * along), and replay the circuit against the network's exact evaluator on
 * seeded random inputs (a cheap second opinion besides the proof; a mismatch
 * is a bug). The proof runs on the circuit as built; the written circuit is
 * the same gates without the dangling ones (a structural copy, no rewriting).
 */
import type { Circuit } from '../../core/circuit.js';
import { rebuild } from '../../core/cleanup.js';
import { reachableFromOutputs } from '../../core/analysis.js';
import { simulateNodes } from '../../core/simulate.js';
import { InternalError, UsageError } from '../../errors.js';
import { Rng } from '../../util/rng.js';
import { compileIntNetwork, type CompiledIntNetwork, type IntCompileBasis, type IntOutputMode } from './compile.js';
import { codeBits, codeValue, evaluateIntNetwork, firstArgmax, type IntNetwork } from './network.js';
import { proveCompiledNetwork, type NetworkProof, type PartProof } from './neuron-proof.js';
import { carryProvenance } from './provenance.js';

/** Options of {@link extractIntNetwork}. */
export interface ExtractIntOptions {
  readonly output?: IntOutputMode;
  readonly basis?: IntCompileBasis;
  /** Overall time limit for the proof in ms (0 or absent = none); unproven parts are listed. */
  readonly timeLimitMs?: number;
  /** Random replay patterns against the evaluator (default: up to 1024, fewer for big networks). */
  readonly replayPatterns?: number;
  readonly seed?: number;
}

/** Per layer: what became of its neurons. */
export interface LayerSummary {
  readonly layer: number;
  readonly source: string;
  readonly neurons: number;
  /** Constant on the reachable range, folded away. */
  readonly constant: readonly string[];
  /** Not constant, but no output depends on them (dropped by cleanup). */
  readonly removed: readonly string[];
  /** Fan-in (non-zero weights) of every neuron. */
  readonly fanins: readonly number[];
  /** Gates labelled with a neuron of this layer, after cleanup. */
  readonly gates: number;
}

/** What {@link extractIntNetwork} returns; `status` is the proof's. */
export interface ExtractIntResult {
  readonly status: 'proven' | 'unproven';
  readonly circuit: Circuit;
  /** Gate index (in `circuit`) -> provenance label. */
  readonly provenance: ReadonlyMap<number, string>;
  readonly compiled: CompiledIntNetwork;
  readonly proof: NetworkProof;
  readonly unproven: readonly PartProof[];
  readonly layers: readonly LayerSummary[];
  /** Names of the model inputs no output depends on. */
  readonly unusedInputs: readonly string[];
  readonly stats: {
    readonly gatesAsBuilt: number;
    readonly gates: number;
    readonly replayed: number;
    readonly compileMs: number;
    readonly proofMs: number;
    readonly ms: number;
    readonly methods: Readonly<Record<string, number>>;
  };
}

/** Extracts, proves and replays (see the module doc). */
export function extractIntNetwork(net: IntNetwork, options: ExtractIntOptions = {}): ExtractIntResult {
  const start = Date.now();
  const timeLimitMs = options.timeLimitMs ?? 0;
  if (!(timeLimitMs >= 0)) throw new UsageError(`timeLimitMs must be >= 0, got ${timeLimitMs}`, 'bad-param');
  const compiled = compileIntNetwork(net, { ...(options.output ? { output: options.output } : {}), ...(options.basis ? { basis: options.basis } : {}) });
  const compileMs = Date.now() - start;
  const proof = proveCompiledNetwork(net, compiled, timeLimitMs > 0 ? { deadline: start + timeLimitMs } : {});
  const built = compiled.circuit;
  const { circuit, nodeMap } = rebuild(built);
  const provenance = carryProvenance(built, compiled.provenance, nodeMap, circuit);
  // the replay is a second opinion, not the proof: skipped once the time limit has passed
  const overdue = timeLimitMs > 0 && Date.now() > start + timeLimitMs;
  const replayed = overdue ? 0 : replay(net, compiled, circuit, options.replayPatterns, options.seed ?? 1);
  const live = reachableFromOutputs(circuit);
  const unusedInputs = net.inputs.flatMap((x, j) => (compiled.inputBits[j]!.some((lit) => live[nodeMap[lit >>> 1]! >>> 1]) ? [] : [x.name]));
  const gatesPerLayer = new Map<string, number>();
  for (const label of provenance.values()) {
    const layer = label.split('.')[0]!;
    gatesPerLayer.set(layer, (gatesPerLayer.get(layer) ?? 0) + 1);
  }
  const layers = compiled.layers.map((neurons, l) => ({
    layer: l + 1,
    source: net.layers[l]!.source,
    neurons: neurons.length,
    constant: neurons.filter((n) => n.constant).map((n) => n.label),
    removed: neurons.filter((n) => !n.constant && !n.outputs.some((lit) => lit >>> 1 !== 0 && nodeMap[lit >>> 1]! >= 0)).map((n) => n.label),
    fanins: net.layers[l]!.weights.map((row) => row.reduce((a, w) => a + (w === 0n ? 0 : 1), 0)),
    gates: gatesPerLayer.get(`L${l + 1}`) ?? 0,
  }));
  const methods: Record<string, number> = {};
  for (const p of proof.parts) if (p.method) methods[p.method] = (methods[p.method] ?? 0) + 1;
  return {
    status: proof.status,
    circuit,
    provenance,
    compiled,
    proof,
    unproven: proof.unproven,
    layers,
    unusedInputs,
    stats: { gatesAsBuilt: built.numGates, gates: circuit.numGates, replayed, compileMs, proofMs: proof.ms, ms: Date.now() - start, methods },
  };
}

/** Replays the circuit against evaluateIntNetwork on random inputs at several densities of 1 bits; returns the count. */
function replay(net: IntNetwork, compiled: CompiledIntNetwork, c: Circuit, patterns: number | undefined, seed: number): number {
  const weights = net.layers.reduce((s, l) => s + l.weights.length * (l.weights[0]?.length ?? 0), 0);
  const count = patterns ?? Math.max(32, Math.min(1024, Math.floor(2 ** 23 / Math.max(1, weights))));
  if (count === 0) return 0;
  const words = Math.ceil(count / 32);
  const rng = new Rng(seed);
  const patternsIn: Uint32Array[] = Array.from({ length: c.numInputs }, () => new Uint32Array(words));
  for (let w = 0; w < words; w++) {
    for (let bit = 0; bit < 32; bit++) {
      const density = [0.5, 0.1, 0.9, 0.3, 0.7][(w * 32 + bit) % 5]!;
      for (let i = 0; i < c.numInputs; i++) if (rng.nextFloat() < density) patternsIn[i]![w]! |= 1 << bit;
    }
  }
  const nv = simulateNodes(c, patternsIn);
  const bitOf = (lit: number, m: number): boolean => (((nv.values[(lit >>> 1) * nv.w + (m >>> 5)]! >>> (m & 31)) & 1) ^ (lit & 1)) === 1;
  const outs = Array.from(c.outputs);
  for (let m = 0; m < count; m++) {
    let next = 0;
    const values = net.inputs.map((x) => codeValue(x.code, Array.from({ length: codeBits(x.code) }, () => bitOf(2 * ++next, m))));
    const ev = evaluateIntNetwork(net, values);
    const got = outs.map((o) => bitOf(o, m));
    const want = expectedOutputs(net, compiled, ev);
    if (want.length !== got.length || want.some((b, k) => b !== got[k])) throw new InternalError(`internal error: the extracted circuit differs from the network's evaluation on replay pattern ${m}`);
  }
  return count;
}

function expectedOutputs(net: IntNetwork, compiled: CompiledIntNetwork, ev: ReturnType<typeof evaluateIntNetwork>): boolean[] {
  const bits = (v: bigint, width: number): boolean[] => Array.from({ length: width }, (_, k) => ((BigInt.asUintN(width, v) >> BigInt(k)) & 1n) === 1n);
  const last = compiled.layers.length - 1;
  const values = ev.values[last]!;
  if (compiled.output === 'argmax') return bits(BigInt(firstArgmax(values)), compiled.argmax!.index.length);
  const act = net.layers[last]!.activation;
  return compiled.layers[last]!.flatMap((n, i) => {
    if (act.kind === 'scores') return bits(values[i]!, n.outputs.length);
    if (act.code.kind === 'bipolar') return [values[i]! > 0n];
    return bits(values[i]!, codeBits(act.code));
  });
}

