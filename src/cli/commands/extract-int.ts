/** `waterloo extract` for integer networks: neuron-by-neuron compile and proof, with provenance (see src/learn/qnn/). */
import { InternalError, differentialCheck, extractIntNetwork, provenanceJson, readInputFile, writeCircuitFile, writeFileAtomic, type DifferentialResult, type IntNetwork, type IntOutputMode, type QonnxImportOptions } from '../../api/learn.js';
import { printJson, type CommandIo } from '../command.js';
import { EXIT } from '../exit-codes.js';

/** What the extract command passes on. */
export interface IntExtractRequest {
  readonly model: string;
  readonly network: IntNetwork;
  readonly out: string;
  readonly output?: IntOutputMode;
  readonly basis: 'AIG' | 'B2';
  readonly provenance?: string;
  readonly timeoutSeconds: number;
  readonly json: boolean;
  /** QONNX models: check the written circuit against a float evaluation of the graph on this many inputs. */
  readonly differential?: { readonly samples: number; readonly importOptions: QonnxImportOptions };
}

/** Runs the extraction and prints the summary; exit 0 proven, 4 unproven (the circuit is written either way). */
export async function runIntExtract(req: IntExtractRequest, io: CommandIo): Promise<number> {
  const r = extractIntNetwork(req.network, { ...(req.output ? { output: req.output } : {}), basis: req.basis, timeLimitMs: Math.round(req.timeoutSeconds * 1000) });
  await writeCircuitFile(r.circuit, req.out);
  if (req.provenance !== undefined) writeFileAtomic(req.provenance, JSON.stringify(provenanceJson(r.circuit, r.provenance, /\.(aag|aig)$/i.test(req.out) ? 'generated' : 'bench'), null, 1) + '\n');
  const net = req.network;
  let diff: DifferentialResult | undefined;
  if (req.differential !== undefined) {
    const bytes = readInputFile(req.model);
    const lastLayer = r.compiled.layers[r.compiled.layers.length - 1]!;
    const outputWidths = r.compiled.output === 'argmax' ? [r.circuit.outputs.length] : lastLayer.map((n) => n.outputs.length);
    diff = await differentialCheck(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), net, {
      ...req.differential.importOptions,
      samples: req.differential.samples,
      circuit: { circuit: r.circuit, output: r.compiled.output, outputWidths },
    });
  }
  const summary = {
    model: req.model,
    inputs: net.inputs.length,
    inputBits: r.circuit.numInputs,
    outputs: r.circuit.outputs.length,
    output: r.compiled.output,
    layers: net.layers.length,
    neurons: net.layers.reduce((s, l) => s + l.weights.length, 0),
    basis: req.basis,
    status: r.status,
    gatesAsBuilt: r.stats.gatesAsBuilt,
    gates: r.stats.gates,
    proof: r.stats.methods,
    unproven: r.unproven.map((p) => ({ part: p.label, reason: p.reason ?? '' })),
    perLayer: r.layers.map((l) => ({ layer: l.layer, source: l.source, neurons: l.neurons, constant: l.constant, removed: l.removed, gates: l.gates })),
    unusedInputs: r.unusedInputs,
    replayed: r.stats.replayed,
    compileMs: r.stats.compileMs,
    proofMs: r.stats.proofMs,
    ms: r.stats.ms,
    out: req.out,
    ...(req.provenance !== undefined ? { provenance: req.provenance } : {}),
    ...(diff !== undefined
      ? { differential: { samples: diff.checked, disagreements: diff.disagreements, circuitSamples: diff.circuitChecked, circuitDisagreements: diff.circuitDisagreements, ties: diff.ties, onThreshold: diff.onThreshold, ms: Math.round(diff.ms) } }
      : {}),
  };
  // a circuit proven equal to the integer network that disagrees with the float graph means the import is wrong
  if (diff !== undefined && (diff.disagreements > 0 || diff.circuitDisagreements > 0)) {
    throw new InternalError(
      `internal error: the differential check of ${req.model} found ${diff.disagreements} network and ${diff.circuitDisagreements} circuit disagreements with the float evaluation of the graph, e.g. ${diff.firstDisagreements.map((d) => `sample ${d.sample}: ${d.what}`).join('; ')}`,
    );
  }
  if (req.json) printJson(io, summary);
  else {
    const lines = [
      `${req.model}: ${summary.inputs} inputs (${summary.inputBits} bits), ${summary.layers} layers, ${summary.neurons} neurons; output ${summary.output} (${summary.outputs} bits)`,
      ...r.layers.map((l) => `  L${l.layer} (${l.source}): ${l.neurons} neurons, ${l.constant.length} constant, ${l.removed.length} removed, ${l.gates} gates`),
      `  ${r.unusedInputs.length} of ${summary.inputs} inputs are read by nothing`,
      `${req.basis} circuit: ${summary.gates} gates (${summary.gatesAsBuilt} as built); ` +
        (r.status === 'proven'
          ? `proven equal to the network neuron by neuron (${Object.entries(r.stats.methods).map(([m, n]) => `${n} ${m}`).join(', ')}), replayed on ${r.stats.replayed} random inputs; `
          : `${r.unproven.length} parts UNPROVEN; `) +
        `written to ${req.out} in ${(summary.ms / 1000).toFixed(1)} s`,
      ...(diff !== undefined
        ? [
            `differential check against a float evaluation of the ONNX graph: ${diff.circuitChecked} inputs (${diff.onThreshold} with a first-layer sum on a threshold, ${diff.ties} ties), 0 disagreements, network and circuit, in ${(diff.ms / 1000).toFixed(1)} s`,
          ]
        : []),
    ];
    io.out(lines.join('\n') + '\n');
    if (r.status === 'unproven') {
      io.err(`${req.model}: the circuit in ${req.out} is NOT proven equal to the network; unproven parts:\n`);
      for (const p of r.unproven.slice(0, 50)) io.err(`  ${p.label}: ${p.reason}\n`);
      if (r.unproven.length > 50) io.err(`  ... and ${r.unproven.length - 50} more\n`);
    }
  }
  return r.status === 'proven' ? EXIT.ok : EXIT.unknown;
}
