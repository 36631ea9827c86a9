/**
 * `waterloo experiment real-networks MODEL...`: what extraction makes of
 * real (imported) networks, per layer: neurons kept / constant / removed,
 * fan-in distribution, gates, how many small neurons' circuits are already
 * of proven minimum size, and what `find` recognises in the layer's gates.
 */
import { basename } from 'node:path';
import { findFunctions } from '../cuts/find-functions.js';
import { UsageError } from '../errors.js';
import { extractIntNetwork } from '../learn/qnn/extract.js';
import { neuronsReport } from '../learn/qnn/neurons-report.js';
import { provenanceJson } from '../learn/qnn/provenance.js';
import { readIntModel } from '../learn/qnn/read-int-model.js';
import { selectByProvenance } from '../learn/qnn/select-neurons.js';
import type { ExperimentConfig } from './config.js';
import type { Cell, ExperimentReport } from './result-table.js';

/** Layers with more gates than this are not searched by find (cut enumeration over 100k-gate layers takes minutes). */
export const REAL_NETWORKS_FIND_MAX_GATES = 20_000;

function quartiles(xs: readonly number[]): string {
  if (xs.length === 0) return '-';
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]!;
  return `${s[0]}/${q(0.5)}/${s[s.length - 1]}`;
}

/** Runs the experiment over `cfg.modelFiles`. */
export async function runRealNetworks(cfg: ExperimentConfig): Promise<ExperimentReport> {
  const files = cfg.modelFiles ?? [];
  if (files.length === 0) throw new UsageError('experiment real-networks: give the MODEL files to extract (e.g. waterloo experiment real-networks TFC_1W1A.onnx)', 'bad-param');
  const rows: Cell[][] = [];
  const summary: Cell[][] = [];
  const timings: Record<string, unknown> = {};
  const synthTimeLimitMs = Math.min(cfg.minTimeLimitMs, 5000);
  for (const file of files) {
    const { network } = await readIntModel(file);
    const t0 = performance.now();
    const output = network.argmax.valid && network.layers[network.layers.length - 1]!.activation.kind === 'scores' ? 'argmax' : undefined;
    const r = extractIntNetwork(network, output ? { output } : {});
    const map = provenanceJson(r.circuit, r.provenance);
    const report = await neuronsReport(network, { synthTimeLimitMs });
    const model = basename(file);
    summary.push([model, network.inputs.length, r.circuit.numInputs, network.layers.length, r.compiled.output, r.stats.gates, r.status, r.unusedInputs.length]);
    for (const layer of r.layers) {
      const neurons = report.filter((n) => n.layer === layer.layer);
      // gates per neuron in the circuit, to compare with the proven minimum of its (single-bit) function
      const gatesOf = new Map<string, number>();
      for (const label of Object.values(map.gates)) {
        const neuron = label.split('.').slice(0, 2).join('.');
        gatesOf.set(neuron, (gatesOf.get(neuron) ?? 0) + 1);
      }
      const small = neurons.filter((n) => n.functions !== undefined && !n.constant);
      const minimal = small.filter((n) => n.functions!.length === 1 && n.functions![0]!.sizeStatus === 'optimal' && (gatesOf.get(n.label) ?? 0) === n.functions![0]!.minSize);
      let found: string;
      if (layer.gates === 0) found = '-';
      else if (layer.gates > REAL_NETWORKS_FIND_MAX_GATES) found = `not searched (> ${REAL_NETWORKS_FIND_MAX_GATES} gates)`;
      else {
        const sub = selectByProvenance(r.circuit, map, `L${layer.layer}`);
        const f = await findFunctions(sub, {});
        const counts = new Map<string, number>();
        for (const m of f.matches) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
        found = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([n, c]) => `${n} x${c}`).join(', ') + ` (coverage ${(100 * f.coverage).toFixed(1)}%)`;
      }
      rows.push([
        model,
        `L${layer.layer}`,
        layer.neurons,
        layer.neurons - layer.constant.length - layer.removed.length,
        layer.constant.length,
        layer.removed.length,
        quartiles(layer.fanins),
        layer.gates,
        small.length,
        minimal.length,
        found,
      ]);
    }
    timings[model] = { extractSeconds: Number((r.stats.ms / 1000).toFixed(3)), totalSeconds: Number(((performance.now() - t0) / 1000).toFixed(3)) };
  }
  return {
    name: 'real-networks',
    config: { models: files.map((f) => basename(f)), synthTimeLimitMs, findMaxGates: REAL_NETWORKS_FIND_MAX_GATES },
    notes: [
      'Each model is extracted (argmax output when the model allows it, else its default), proven neuron by neuron, and reported per layer.',
      '`kept` = neurons neither constant on their reachable range nor removed (no output depends on them); fan-in = non-zero weights, min/median/max.',
      '`small` = non-constant neurons over at most 6 input bits; `minimal` = those (single output bit) whose gates in the circuit equal the proven minimum size (AIG) of their function.',
      '`find` = the most frequent library functions recognised in the layer\'s gates (cut out by provenance), with the disjoint coverage.',
    ],
    tables: [
      { title: 'Models', columns: ['model', 'inputs', 'input bits', 'layers', 'output', 'gates', 'proof', 'unused inputs'], rows: summary },
      { title: 'Layers', columns: ['model', 'layer', 'neurons', 'kept', 'constant', 'removed', 'fan-in', 'gates', 'small', 'minimal', 'find'], rows },
    ],
    timings,
  };
}
